import 'reflect-metadata';
import { createEventDeliveriesResolver, createHubTransfersResolver, DOCKING_ENTITIES } from '@jiefen/docking';
import { agencySettings, type AgencyOptions } from '@jiefen/calendar';
import { createAccessLogResolver, defineSubgraph, indicatorReportReference, NumberCounter, PersonalDataAccess } from '@jiefen/subgraph-kit';
import { migrations } from '../migrations/index.js';
import { seedPetition } from '../seeds/demo.seed.js';
import { PETITION_CLOCKS, type PetitionClocks } from './domain/clocks.js';
import { PetitionItem } from './entities/petition-item.entity.js';
import { DisputeRef } from './graphql/dispute.type.js';
import { petitionIndicatorResolvers } from './graphql/indicators.resolver.js';
import { DockingRef } from './graphql/docking.type.js';
import { DisputePetitionResolver, DockingPetitionResolver, PetitionItemResolver } from './graphql/petition-item.resolver.js';
import { petitionItemAccess } from './graphql/record-access.js';
import { applyDockingEvent } from './services/docking-inbound.service.js';
import { createPetitionLoaders } from './loaders/petition.loaders.js';

/** 信访局 — petition items (信访事项), their clocks, 访调 referrals to mediation, satisfaction. `options` override clocks and "now" (a province's rules, a test's clock). */
export function createPetitionSubgraph(options: AgencyOptions<PetitionClocks> = {}) {
  return defineSubgraph({
    agency: 'PETITION',
    settings: agencySettings(PETITION_CLOCKS, options),
    database: {
      name: 'petition',
      entities: [PetitionItem, PersonalDataAccess, NumberCounter, ...DOCKING_ENTITIES],
      migrations,
      derived: petitionIndicatorResolvers.derived,
    },
    schema: {
      resolvers: [
        PetitionItemResolver,
        DisputePetitionResolver,
        DockingPetitionResolver,
        ...petitionIndicatorResolvers,
        createAccessLogResolver('PETITION', 'petitionAccessLog'),
        createEventDeliveriesResolver('PETITION', 'petitionEventDeliveries'),
        createHubTransfersResolver('PETITION', {
          list: 'petitionHubTransfers',
          accept: 'acceptPetitionHubTransfer',
          reject: 'rejectPetitionHubTransfer',
          conclude: 'concludePetitionHubTransfer',
        }),
      ],
      orphanedTypes: [DisputeRef, DockingRef, petitionIndicatorResolvers.report],
      referenceResolvers: {
        PetitionItem: petitionItemAccess.resolveReference,
        Dispute: (reference: { id: string }) => ({ id: reference.id }),
        IndicatorReport: indicatorReportReference,
        Docking: (reference: { id: string }) => ({ id: reference.id }),
      },
    },
    docking: { apply: applyDockingEvent },
    createLoaders: createPetitionLoaders,
    seed: seedPetition,
  });
}

export const petitionSubgraph = createPetitionSubgraph();
