import { runStandalone } from '@jiefen/subgraph-kit';
import { governanceSubgraph } from './subgraph.js';

await runStandalone(governanceSubgraph);
