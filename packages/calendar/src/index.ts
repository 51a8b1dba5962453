export * from './china-time.js';
export * from './settings.js';
export * from './periods.js';
