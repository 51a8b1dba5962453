import 'reflect-metadata';
import { createEventDeliveriesResolver, DOCKING_ENTITIES } from '@jiefen/docking';
import { agencySettings, type AgencyOptions } from '@jiefen/calendar';
import { createAccessLogResolver, defineSubgraph, indicatorReportReference, PersonalDataAccess } from '@jiefen/subgraph-kit';
import { migrations } from '../migrations/index.js';
import { seedProcuratorate } from '../seeds/demo.seed.js';
import { ProcuratorateCase } from './entities/procuratorate-case.entity.js';
import { DisputeRef } from './graphql/dispute.type.js';
import { procuratorateIndicatorResolvers } from './graphql/indicators.resolver.js';
import { DockingRef } from './graphql/docking.type.js';
import { DisputeProcuratorateResolver, DockingProcuratorateResolver, ProcuratorateCaseResolver } from './graphql/procuratorate-case.resolver.js';
import { procuratorateCaseAccess } from './graphql/record-access.js';
import { applyDockingEvent } from './services/docking-inbound.service.js';
import { createProcuratorateLoaders } from './loaders/procuratorate.loaders.js';

/** 检察院 — 刑事和解, 检调对接, civil supervision cases referred to mediation. `options` set its "now" (a test's clock). */
export function createProcuratorateSubgraph(options: AgencyOptions = {}) {
  return defineSubgraph({
    agency: 'PROCURATORATE',
    settings: agencySettings({}, options),
    database: {
      name: 'procuratorate',
      entities: [ProcuratorateCase, PersonalDataAccess, ...DOCKING_ENTITIES],
      migrations,
      derived: procuratorateIndicatorResolvers.derived,
    },
    schema: {
      resolvers: [
        ProcuratorateCaseResolver,
        DisputeProcuratorateResolver,
        DockingProcuratorateResolver,
        ...procuratorateIndicatorResolvers,
        createAccessLogResolver('PROCURATORATE', 'procuratorateAccessLog'),
        createEventDeliveriesResolver('PROCURATORATE', 'procuratorateEventDeliveries'),
      ],
      orphanedTypes: [DisputeRef, DockingRef, procuratorateIndicatorResolvers.report],
      referenceResolvers: {
        ProcuratorateCase: procuratorateCaseAccess.resolveReference,
        Dispute: (reference: { id: string }) => ({ id: reference.id }),
        IndicatorReport: indicatorReportReference,
        Docking: (reference: { id: string }) => ({ id: reference.id }),
      },
    },
    docking: { apply: applyDockingEvent },
    createLoaders: createProcuratorateLoaders,
    seed: seedProcuratorate,
  });
}

export const procuratorateSubgraph = createProcuratorateSubgraph();
