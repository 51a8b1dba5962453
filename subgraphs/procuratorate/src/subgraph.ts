import 'reflect-metadata';
import { defineSubgraph } from '@jiefen/subgraph-kit';
import { migrations } from '../migrations/index.js';
import { seedProcuratorate } from '../seeds/demo.seed.js';
import { ProcuratorateCase } from './entities/procuratorate-case.entity.js';
import { DisputeRef } from './graphql/dispute.type.js';
import { DisputeProcuratorateResolver, ProcuratorateCaseResolver, resolveProcuratorateCaseReference } from './graphql/procuratorate-case.resolver.js';
import { createProcuratorateLoaders } from './loaders/procuratorate.loaders.js';

/** 检察院 — criminal reconciliation (刑事和解), civil supervision, 检调 dockings. */
export const procuratorateSubgraph = defineSubgraph({
  name: 'procuratorate',
  agencyName: '检察院',
  defaultPort: 4105,
  database: { name: 'procuratorate', entities: [ProcuratorateCase], migrations },
  schema: {
    resolvers: [ProcuratorateCaseResolver, DisputeProcuratorateResolver],
    orphanedTypes: [DisputeRef],
    referenceResolvers: {
      ProcuratorateCase: resolveProcuratorateCaseReference,
      Dispute: (reference: { id: string }) => ({ id: reference.id }),
    },
  },
  createLoaders: createProcuratorateLoaders,
  seed: seedProcuratorate,
});
