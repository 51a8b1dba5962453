export * from './period.js';
export * from './report.js';
export * from './sql.js';
export * from './block.js';
export * from './coalesce.js';
export * from './rollup.js';
