import { runStandalone } from '@jiefen/runtime';
import { policeSubgraph } from './subgraph.js';

await runStandalone(policeSubgraph);
