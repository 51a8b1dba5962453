export * from './regions.js';
export * from './people.js';
export * from './random.js';
export * from './disputes.js';
export * from './places.js';
export * from './ids.js';
export * from './roster.js';
export * from './story.js';
