import { runStandalone } from '@jiefen/subgraph-kit';
import { procuratorateSubgraph } from './subgraph.js';

await runStandalone(procuratorateSubgraph);
