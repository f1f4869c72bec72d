/**
 * Helpers to move an `AnnotkitError` across a boundary (a worker's message port, a CLI's one
 * error line) without losing its code, file, line and path.
 */
import { AnnotkitError, isAnnotkitError } from '@annotkit/core';
import type { ErrorCode, ErrorPath } from '@annotkit/core';

/** An error as plain, structured-clonable data. */
export interface SerializedError {
  /** `AnnotkitError` code; absent for an error of another type (a bug, not bad input). */
  readonly code?: ErrorCode;
  /** The message without the `file:line path: ` prefix that `AnnotkitError` adds. */
  readonly message: string;
  readonly name: string;
  readonly file?: string;
  readonly line?: number;
  readonly path?: ErrorPath;
}

/** Turns any thrown value into {@link SerializedError}. */
export function serializeError(e: unknown): SerializedError {
  if (isAnnotkitError(e)) {
    return {
      code: e.code,
      name: e.name,
      message: e.detail,
      file: e.file,
      line: e.line,
      path: [...e.path],
    };
  }
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { name: 'Error', message: String(e) };
}

/** Rebuilds the error: an `AnnotkitError` when it had a code, a plain `Error` otherwise. */
export function deserializeError(s: SerializedError): Error {
  if (s.code !== undefined) {
    return new AnnotkitError(s.code, s.message, { file: s.file, line: s.line, path: s.path });
  }
  const e = new Error(s.message);
  e.name = s.name;
  return e;
}
