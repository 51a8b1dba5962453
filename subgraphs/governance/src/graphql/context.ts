import type { SubgraphContext } from '@jiefen/subgraph-kit';
import type { HubSettings } from '../domain/config.js';
import type { GovernanceLoaders } from '../loaders/governance.loaders.js';

export type GovernanceContext = SubgraphContext<GovernanceLoaders, HubSettings>;
