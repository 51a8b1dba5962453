import 'reflect-metadata';
import { defineSubgraph } from '@jiefen/subgraph-kit';
import { migrations } from '../migrations/index.js';
import { seedCourt } from '../seeds/demo.seed.js';
import { CourtCase } from './entities/court-case.entity.js';
import { CourtCaseResolver, DisputeCourtResolver, resolveCourtCaseReference } from './graphql/court-case.resolver.js';
import { DisputeRef } from './graphql/dispute.type.js';
import { createCourtLoaders } from './loaders/court.loaders.js';

/** 法院 — civil cases, 诉调 dockings, judicial confirmation. */
export const courtSubgraph = defineSubgraph({
  name: 'court',
  agencyName: '法院',
  defaultPort: 4103,
  database: { name: 'court', entities: [CourtCase], migrations },
  schema: {
    resolvers: [CourtCaseResolver, DisputeCourtResolver],
    orphanedTypes: [DisputeRef],
    referenceResolvers: {
      CourtCase: resolveCourtCaseReference,
      Dispute: (reference: { id: string }) => ({ id: reference.id }),
    },
  },
  createLoaders: createCourtLoaders,
  seed: seedCourt,
});
