export * from './ports.js';
export * from './database-server.js';
export * from './stack.js';
export * from './record-rules.js';
export * from './until.js';
export * from './journeys.js';
export * from './indicator-blocks.js';
