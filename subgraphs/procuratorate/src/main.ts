import { runStandalone } from '@jiefen/runtime';
import { procuratorateSubgraph } from './subgraph.js';

await runStandalone(procuratorateSubgraph);
