import type { SubgraphDefinition } from '@jiefen/subgraph-kit';
import { courtSubgraph } from '@jiefen/court';
import { governanceSubgraph } from '@jiefen/governance';

/** The six agencies' subgraphs, in port order (4101–4106). */
export const subgraphs = [governanceSubgraph, courtSubgraph] as SubgraphDefinition[];
