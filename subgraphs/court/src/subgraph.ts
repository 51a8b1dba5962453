import 'reflect-metadata';
import { createAccessLogResolver, defineSubgraph, PersonalDataAccess } from '@jiefen/subgraph-kit';
import { migrations } from '../migrations/index.js';
import { seedCourt } from '../seeds/demo.seed.js';
import { CourtCase } from './entities/court-case.entity.js';
import { CourtNumber } from './entities/court-number.entity.js';
import { EnforcementApplication } from './entities/enforcement-application.entity.js';
import { JudicialConfirmation } from './entities/judicial-confirmation.entity.js';
import { CourtCaseResolver, DisputeCourtResolver, resolveCourtCaseReference } from './graphql/court-case.resolver.js';
import { DisputeRef } from './graphql/dispute.type.js';
import { RegionCourtResolver } from './graphql/indicators.resolver.js';
import {
  ConfirmationApplicantResolver, DisputeConfirmationResolver, EnforcementApplicationResolver, JudicialConfirmationResolver, resolveConfirmationReference,
} from './graphql/judicial-confirmation.resolver.js';
import { RegionRef } from './graphql/region.type.js';
import { createCourtLoaders } from './loaders/court.loaders.js';

/** 法院 — civil cases, 诉调 dockings, judicial confirmation. */
export const courtSubgraph = defineSubgraph({
  name: 'court',
  agencyName: '法院',
  defaultPort: 4103,
  database: { name: 'court', entities: [CourtCase, JudicialConfirmation, EnforcementApplication, CourtNumber, PersonalDataAccess], migrations },
  schema: {
    resolvers: [
      CourtCaseResolver, DisputeCourtResolver, JudicialConfirmationResolver, ConfirmationApplicantResolver, EnforcementApplicationResolver,
      DisputeConfirmationResolver, RegionCourtResolver, createAccessLogResolver('COURT', 'courtAccessLog'),
    ],
    orphanedTypes: [DisputeRef, RegionRef],
    referenceResolvers: {
      CourtCase: resolveCourtCaseReference,
      JudicialConfirmation: resolveConfirmationReference,
      Dispute: (reference: { id: string }) => ({ id: reference.id }),
      Region: (reference: { code: string }) => ({ code: reference.code }),
    },
  },
  createLoaders: createCourtLoaders,
  seed: seedCourt,
});
