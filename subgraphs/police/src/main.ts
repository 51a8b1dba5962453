import { runStandalone } from '@jiefen/subgraph-kit';
import { policeSubgraph } from './subgraph.js';

await runStandalone(policeSubgraph);
