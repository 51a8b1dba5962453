import 'reflect-metadata';
import { createEventDeliveriesResolver, createHubTransfersResolver, DOCKING_ENTITIES } from '@jiefen/docking';
import { agencySettings, type AgencyOptions } from '@jiefen/calendar';
import { createAccessLogResolver, defineSubgraph, indicatorReportReference, NumberCounter, PersonalDataAccess } from '@jiefen/subgraph-kit';
import { migrations } from '../migrations/index.js';
import { seedPolice } from '../seeds/demo.seed.js';
import { PoliceIncident } from './entities/police-incident.entity.js';
import { PoliceMediation } from './entities/police-mediation.entity.js';
import { DisputeRef } from './graphql/dispute.type.js';
import { policeIndicatorResolvers } from './graphql/indicators.resolver.js';
import { PoliceIndicatorReport } from './graphql/indicators.type.js';
import { DisputePoliceResolver, PoliceIncidentResolver } from './graphql/police-incident.resolver.js';
import { PoliceMediationResolver } from './graphql/police-mediation.resolver.js';
import { DockingPoliceResolver, PoliceTransferResolver } from './graphql/police-transfer.resolver.js';
import { DockingRef } from './graphql/police-transfer.type.js';
import { policeIncidentAccess } from './graphql/record-access.js';
import { applyDockingEvent } from './services/docking-inbound.service.js';
import { createPoliceLoaders } from './loaders/police.loaders.js';

/** 公安 — incidents (警情), 治安调解, 公调 transfers to people's mediation. `options` set its "now" (a test's clock). */
export function createPoliceSubgraph(options: AgencyOptions = {}) {
  return defineSubgraph({
    agency: 'POLICE',
    settings: agencySettings({}, options),
    database: {
      name: 'police',
      entities: [PoliceIncident, PoliceMediation, PersonalDataAccess, NumberCounter, ...DOCKING_ENTITIES],
      migrations,
      derived: policeIndicatorResolvers.derived,
    },
    schema: {
      resolvers: [
        PoliceIncidentResolver,
        PoliceMediationResolver,
        PoliceTransferResolver,
        DisputePoliceResolver,
        DockingPoliceResolver,
        ...policeIndicatorResolvers,
        createAccessLogResolver('POLICE', 'policeAccessLog'),
        createEventDeliveriesResolver('POLICE', 'policeEventDeliveries'),
        createHubTransfersResolver('POLICE', {
          list: 'policeHubTransfers',
          accept: 'acceptPoliceHubTransfer',
          reject: 'rejectPoliceHubTransfer',
          conclude: 'concludePoliceHubTransfer',
        }),
      ],
      orphanedTypes: [DisputeRef, DockingRef, PoliceIndicatorReport],
      referenceResolvers: {
        PoliceIncident: policeIncidentAccess.resolveReference,
        Dispute: (reference: { id: string }) => ({ id: reference.id }),
        Docking: (reference: { id: string }) => ({ id: reference.id }),
        IndicatorReport: indicatorReportReference,
      },
    },
    docking: { apply: applyDockingEvent },
    createLoaders: createPoliceLoaders,
    seed: seedPolice,
  });
}

export const policeSubgraph = createPoliceSubgraph();
