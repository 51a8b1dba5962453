import { runStandalone } from '@jiefen/subgraph-kit';
import { courtSubgraph } from './subgraph.js';

await runStandalone(courtSubgraph);
