import 'reflect-metadata';
import { createAccessLogResolver, defineSubgraph, PersonalDataAccess } from '@jiefen/subgraph-kit';
import { migrations } from '../migrations/index.js';
import { seedPetition } from '../seeds/demo.seed.js';
import { PetitionItem } from './entities/petition-item.entity.js';
import { DisputeRef } from './graphql/dispute.type.js';
import { RegionPetitionResolver } from './graphql/indicators.resolver.js';
import { DisputePetitionResolver, PetitionItemResolver, resolvePetitionItemReference } from './graphql/petition-item.resolver.js';
import { RegionRef } from './graphql/region.type.js';
import { createPetitionLoaders } from './loaders/petition.loaders.js';

/** 信访局 — petition items (信访事项), their clocks, 访调 referrals to mediation, satisfaction. */
export const petitionSubgraph = defineSubgraph({
  name: 'petition',
  agencyName: '信访局',
  defaultPort: 4106,
  database: { name: 'petition', entities: [PetitionItem, PersonalDataAccess], migrations },
  schema: {
    resolvers: [PetitionItemResolver, DisputePetitionResolver, RegionPetitionResolver, createAccessLogResolver('PETITION', 'petitionAccessLog')],
    orphanedTypes: [DisputeRef, RegionRef],
    referenceResolvers: {
      PetitionItem: resolvePetitionItemReference,
      Dispute: (reference: { id: string }) => ({ id: reference.id }),
      Region: (reference: { code: string }) => ({ code: reference.code }),
    },
  },
  createLoaders: createPetitionLoaders,
  seed: seedPetition,
});
