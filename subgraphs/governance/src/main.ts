import { runStandalone } from '@jiefen/runtime';
import { governanceSubgraph } from './subgraph.js';

await runStandalone(governanceSubgraph);
