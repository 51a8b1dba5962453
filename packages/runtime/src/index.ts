export * from './agency.js';
export * from './standalone.js';
export * from './clocks.js';
