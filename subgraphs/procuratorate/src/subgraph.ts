import 'reflect-metadata';
import { createAccessLogResolver, defineSubgraph, PersonalDataAccess } from '@jiefen/subgraph-kit';
import { migrations } from '../migrations/index.js';
import { seedProcuratorate } from '../seeds/demo.seed.js';
import { ProcuratorateCase } from './entities/procuratorate-case.entity.js';
import { DisputeRef } from './graphql/dispute.type.js';
import { RegionProcuratorateResolver } from './graphql/indicators.resolver.js';
import { DisputeProcuratorateResolver, ProcuratorateCaseResolver, resolveProcuratorateCaseReference } from './graphql/procuratorate-case.resolver.js';
import { RegionRef } from './graphql/region.type.js';
import { createProcuratorateLoaders } from './loaders/procuratorate.loaders.js';

/** 检察院 — 刑事和解, 检调对接, civil supervision cases referred to mediation. */
export const procuratorateSubgraph = defineSubgraph({
  name: 'procuratorate',
  agencyName: '检察院',
  defaultPort: 4105,
  database: { name: 'procuratorate', entities: [ProcuratorateCase, PersonalDataAccess], migrations },
  schema: {
    resolvers: [ProcuratorateCaseResolver, DisputeProcuratorateResolver, RegionProcuratorateResolver, createAccessLogResolver('PROCURATORATE', 'procuratorateAccessLog')],
    orphanedTypes: [DisputeRef, RegionRef],
    referenceResolvers: {
      ProcuratorateCase: resolveProcuratorateCaseReference,
      Dispute: (reference: { id: string }) => ({ id: reference.id }),
      Region: (reference: { code: string }) => ({ code: reference.code }),
    },
  },
  createLoaders: createProcuratorateLoaders,
  seed: seedProcuratorate,
});
