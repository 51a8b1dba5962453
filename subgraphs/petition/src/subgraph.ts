import 'reflect-metadata';
import { defineSubgraph } from '@jiefen/subgraph-kit';
import { migrations } from '../migrations/index.js';
import { seedPetition } from '../seeds/demo.seed.js';
import { PetitionItem } from './entities/petition-item.entity.js';
import { DisputeRef } from './graphql/dispute.type.js';
import { DisputePetitionResolver, PetitionItemResolver, resolvePetitionItemReference } from './graphql/petition-item.resolver.js';
import { createPetitionLoaders } from './loaders/petition.loaders.js';

/** 信访局 — petitions (信访事项), 访调 dockings. */
export const petitionSubgraph = defineSubgraph({
  name: 'petition',
  agencyName: '信访局',
  defaultPort: 4106,
  database: { name: 'petition', entities: [PetitionItem], migrations },
  schema: {
    resolvers: [PetitionItemResolver, DisputePetitionResolver],
    orphanedTypes: [DisputeRef],
    referenceResolvers: {
      PetitionItem: resolvePetitionItemReference,
      Dispute: (reference: { id: string }) => ({ id: reference.id }),
    },
  },
  createLoaders: createPetitionLoaders,
  seed: seedPetition,
});
