export * from './id-number.js';
