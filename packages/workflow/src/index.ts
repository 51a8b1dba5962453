export * from './errors.js';
export * from './workflow.js';
