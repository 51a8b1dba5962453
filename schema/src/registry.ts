import type { SubgraphDefinition } from '@jiefen/subgraph-kit';
import { courtSubgraph } from '@jiefen/court';
import { governanceSubgraph } from '@jiefen/governance';
import { justiceSubgraph } from '@jiefen/justice';
import { petitionSubgraph } from '@jiefen/petition';
import { policeSubgraph } from '@jiefen/police';
import { procuratorateSubgraph } from '@jiefen/procuratorate';

/** The six agencies' subgraphs, in port order (4101–4106). */
export const subgraphs = [governanceSubgraph, justiceSubgraph, courtSubgraph, policeSubgraph, procuratorateSubgraph, petitionSubgraph] as SubgraphDefinition[];
