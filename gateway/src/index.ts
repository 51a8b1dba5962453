export * from './gateway.js';
export * from './explorer.js';
export * from './dashboard.js';
export * from './dev-tokens.js';
export * from './supergraph.js';
export * from './subgraph-source.js';
export type { GatewayContext } from './context.js';
export * from './auth.js';
export * from './armor.js';
