import 'reflect-metadata';
import { defineSubgraph } from '@jiefen/subgraph-kit';
import { migrations } from '../migrations/index.js';
import { seedJustice } from '../seeds/demo.seed.js';
import { MediationCase } from './entities/mediation-case.entity.js';
import { DisputeRef } from './graphql/dispute.type.js';
import { DisputeJusticeResolver, MediationCaseResolver, resolveMediationCaseReference } from './graphql/mediation-case.resolver.js';
import { createJusticeLoaders } from './loaders/justice.loaders.js';

/** 司法局 — people's mediation (人民调解), mediators, legal aid. */
export const justiceSubgraph = defineSubgraph({
  name: 'justice',
  agencyName: '司法局',
  defaultPort: 4102,
  database: { name: 'justice', entities: [MediationCase], migrations },
  schema: {
    resolvers: [MediationCaseResolver, DisputeJusticeResolver],
    orphanedTypes: [DisputeRef],
    referenceResolvers: {
      MediationCase: resolveMediationCaseReference,
      Dispute: (reference: { id: string }) => ({ id: reference.id }),
    },
  },
  createLoaders: createJusticeLoaders,
  seed: seedJustice,
});
