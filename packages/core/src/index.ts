/**
 * @annotkit/core — the annotation document model. Pure TypeScript, no DOM, no dependencies.
 * See CONTEXT.md for the model and how it differs from CVAT.
 */
export * from './errors.js';
export * from './model/ids.js';
export * from './model/records.js';
export * from './model/validate.js';
export * from './shapes/index.js';
export * from './geometry/index.js';
export * from './mask/index.js';
export * from './tracks/index.js';
export * from './document/index.js';
export * from './history/index.js';
export * from './serialization/index.js';
export * from './queries/index.js';
export * from './commands/index.js';
