import { runStandalone } from '@jiefen/runtime';
import { petitionSubgraph } from './subgraph.js';

await runStandalone(petitionSubgraph);
