import 'reflect-metadata';
export * from './errors.js';
export * from './http.js';
export * from './loaders.js';
export * from './pagination.js';
export * from './validation.js';
export * from './schema.js';
export * from './subgraph.js';
export * from './standalone.js';
