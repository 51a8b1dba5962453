import type { SubgraphContext } from '@jiefen/subgraph-kit';
import type { JusticeSettings } from '../domain/clocks.js';
import type { JusticeLoaders } from '../loaders/justice.loaders.js';

export type JusticeContext = SubgraphContext<JusticeLoaders, JusticeSettings>;
