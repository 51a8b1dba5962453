export * from './config.js';
export * from './orm.js';
