export { createHistory } from './createHistory.js';
export type {
  History,
  HistoryJSON,
  HistoryOptions,
  HistoryState,
  HistoryStep,
  PendingStep,
} from './createHistory.js';
