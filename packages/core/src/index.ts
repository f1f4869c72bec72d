export * from './errors.js';
export * from './model/ids.js';
export * from './model/records.js';
export type * from './shapes/types.js';
export type * from './document/types.js';
export type * from './commands/types.js';
