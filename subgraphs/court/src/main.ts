import { runStandalone } from '@jiefen/runtime';
import { courtSubgraph } from './subgraph.js';

await runStandalone(courtSubgraph);
