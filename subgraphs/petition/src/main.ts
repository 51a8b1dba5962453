import { runStandalone } from '@jiefen/subgraph-kit';
import { petitionSubgraph } from './subgraph.js';

await runStandalone(petitionSubgraph);
