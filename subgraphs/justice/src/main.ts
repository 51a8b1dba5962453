import { runStandalone } from '@jiefen/runtime';
import { justiceSubgraph } from './subgraph.js';

await runStandalone(justiceSubgraph);
