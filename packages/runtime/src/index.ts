export * from './agency.js';
export * from './standalone.js';
