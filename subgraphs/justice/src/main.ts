import { runStandalone } from '@jiefen/subgraph-kit';
import { justiceSubgraph } from './subgraph.js';

await runStandalone(justiceSubgraph);
