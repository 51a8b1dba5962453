import 'reflect-metadata';
import { createEventDeliveriesResolver, createHubTransfersResolver, DOCKING_ENTITIES } from '@jiefen/docking';
import { agencySettings, type AgencyOptions } from '@jiefen/calendar';
import { createAccessLogResolver, defineSubgraph, indicatorReportReference, PersonalDataAccess } from '@jiefen/subgraph-kit';
import { migrations } from '../migrations/index.js';
import { seedCourt } from '../seeds/demo.seed.js';
import { COURT_CLOCKS, type CourtClocks } from './domain/clocks.js';
import { CourtCase } from './entities/court-case.entity.js';
import { CourtNumber } from './entities/court-number.entity.js';
import { EnforcementApplication } from './entities/enforcement-application.entity.js';
import { JudicialConfirmation } from './entities/judicial-confirmation.entity.js';
import { CourtCaseResolver, DisputeCourtResolver, DockingCourtResolver } from './graphql/court-case.resolver.js';
import { DockingRef } from './graphql/docking.type.js';
import { DisputeRef } from './graphql/dispute.type.js';
import { courtIndicatorResolvers } from './graphql/indicators.resolver.js';
import { CourtIndicatorReport } from './graphql/indicators.type.js';
import {
  ConfirmationApplicantResolver,
  DisputeConfirmationResolver,
  EnforcementApplicationResolver,
  JudicialConfirmationResolver,
} from './graphql/judicial-confirmation.resolver.js';
import { confirmationAccess, courtCaseAccess } from './graphql/record-access.js';
import { createCourtLoaders } from './loaders/court.loaders.js';
import { applyDockingEvent } from './services/docking-inbound.service.js';

/** 法院 — civil cases, 诉调 dockings, judicial confirmation; `options` override clocks and "now" (a province's rules, a test's clock). */
export function createCourtSubgraph(options: AgencyOptions<CourtClocks> = {}) {
  return defineSubgraph({
    agency: 'COURT',
    settings: agencySettings(COURT_CLOCKS, options),
    database: {
      name: 'court',
      entities: [CourtCase, JudicialConfirmation, EnforcementApplication, CourtNumber, PersonalDataAccess, ...DOCKING_ENTITIES],
      migrations,
      derived: courtIndicatorResolvers.derived,
    },
    schema: {
      resolvers: [
        CourtCaseResolver,
        DisputeCourtResolver,
        JudicialConfirmationResolver,
        ConfirmationApplicantResolver,
        EnforcementApplicationResolver,
        DisputeConfirmationResolver,
        ...courtIndicatorResolvers,
        DockingCourtResolver,
        createAccessLogResolver('COURT', 'courtAccessLog'),
        createEventDeliveriesResolver('COURT', 'courtEventDeliveries'),
        createHubTransfersResolver('COURT', {
          list: 'courtHubTransfers',
          accept: 'acceptCourtHubTransfer',
          reject: 'rejectCourtHubTransfer',
          conclude: 'concludeCourtHubTransfer',
        }),
      ],
      orphanedTypes: [DisputeRef, DockingRef, CourtIndicatorReport],
      referenceResolvers: {
        CourtCase: courtCaseAccess.resolveReference,
        JudicialConfirmation: confirmationAccess.resolveReference,
        Dispute: (reference: { id: string }) => ({ id: reference.id }),
        IndicatorReport: indicatorReportReference,
        Docking: (reference: { id: string }) => ({ id: reference.id }),
      },
    },
    docking: { apply: applyDockingEvent },
    createLoaders: createCourtLoaders,
    seed: seedCourt,
  });
}

export const courtSubgraph = createCourtSubgraph();
