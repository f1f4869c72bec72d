export type * from './types.js';
export { createDocument } from './createDocument.js';
export type { DocumentInit, DocumentOptions } from './createDocument.js';
export {
  EMPTY_CHANGE,
  changeFromStates,
  composeChanges,
  invertChange,
  isEmptyChange,
  recordKey,
} from './change.js';
export { deepEqual } from './equal.js';
