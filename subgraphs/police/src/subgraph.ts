import 'reflect-metadata';
import { createAccessLogResolver, defineSubgraph, PersonalDataAccess } from '@jiefen/subgraph-kit';
import { migrations } from '../migrations/index.js';
import { seedPolice } from '../seeds/demo.seed.js';
import { PoliceIncident } from './entities/police-incident.entity.js';
import { PoliceMediation } from './entities/police-mediation.entity.js';
import { DisputeRef } from './graphql/dispute.type.js';
import { DisputePoliceResolver, PoliceIncidentResolver, resolvePoliceIncidentReference } from './graphql/police-incident.resolver.js';
import { PoliceMediationResolver } from './graphql/police-mediation.resolver.js';
import { createPoliceLoaders } from './loaders/police.loaders.js';

/** 公安 — incidents (警情), 治安调解, 公调 transfers to people's mediation. */
export const policeSubgraph = defineSubgraph({
  name: 'police',
  agencyName: '公安',
  defaultPort: 4104,
  database: { name: 'police', entities: [PoliceIncident, PoliceMediation, PersonalDataAccess], migrations },
  schema: {
    resolvers: [PoliceIncidentResolver, PoliceMediationResolver, DisputePoliceResolver, createAccessLogResolver('POLICE', 'policeAccessLog')],
    orphanedTypes: [DisputeRef],
    referenceResolvers: {
      PoliceIncident: resolvePoliceIncidentReference,
      Dispute: (reference: { id: string }) => ({ id: reference.id }),
    },
  },
  createLoaders: createPoliceLoaders,
  seed: seedPolice,
});
