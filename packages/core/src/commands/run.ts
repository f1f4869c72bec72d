import type { Command, CommandState, Transaction } from './types.js';

/**
 * Runs a command. Without `dispatch`, the transaction is applied to `state.doc` with its own
 * options (`doc.apply(tr.change, tr.options)`); pass a `dispatch` to intercept it (controlled
 * mode). Returns what the command returns: false when it could not run (nothing dispatched).
 */
export function runCommand(
  command: Command,
  state: CommandState,
  dispatch: (tr: Transaction) => void = (tr) => state.doc.apply(tr.change, tr.options),
): boolean {
  return command(state, dispatch);
}
