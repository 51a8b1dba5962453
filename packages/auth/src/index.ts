export * from './caller.js';
export * from './rules.js';
export * from './masking.js';
export * from './tokens.js';
export * from './keys.js';
export * from './personas.js';
export * from './ed25519.js';
