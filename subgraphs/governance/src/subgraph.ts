import 'reflect-metadata';
import { createAccessLogResolver, defineSubgraph, PersonalDataAccess } from '@jiefen/subgraph-kit';
import { migrations } from '../migrations/index.js';
import { seedGovernance } from '../seeds/demo.seed.js';
import { DisputeParty } from './entities/dispute-party.entity.js';
import { Dispute } from './entities/dispute.entity.js';
import { Region } from './entities/region.entity.js';
import { DisputeResolver, resolveDisputeReference } from './graphql/dispute.resolver.js';
import { PartyResolver } from './graphql/party.resolver.js';
import { PersonResolver, resolvePersonReference } from './graphql/person.resolver.js';
import { RegionResolver, resolveRegionReference } from './graphql/region.resolver.js';
import { RegistrationResolver } from './graphql/registration.resolver.js';
import { DisputeNumberCounter } from './entities/dispute-number-counter.entity.js';
import { createGovernanceLoaders } from './loaders/governance.loaders.js';

/** 综治中心 — the hub: unified intake, regions, and (later) the docking ledger. */
export const governanceSubgraph = defineSubgraph({
  name: 'governance',
  agencyName: '综治中心',
  defaultPort: 4101,
  database: { name: 'governance', entities: [Dispute, DisputeParty, DisputeNumberCounter, Region, PersonalDataAccess], migrations },
  schema: {
    resolvers: [DisputeResolver, RegistrationResolver, PartyResolver, PersonResolver, RegionResolver, createAccessLogResolver('GOVERNANCE', 'governanceAccessLog')],
    referenceResolvers: { Dispute: resolveDisputeReference, Region: resolveRegionReference, Person: resolvePersonReference },
  },
  createLoaders: createGovernanceLoaders,
  seed: seedGovernance,
});
