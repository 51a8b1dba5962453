export * from './id-number.js';
export * from './credit-code.js';
export * from './formats.js';
export * from './categories.js';
export * from './dispute-number.js';
