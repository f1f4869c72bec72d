/** Small helpers shared by codecs that build `DocumentData`. */
import { AnnotkitError, ErrorCode } from '@annotkit/core';
import type { ErrorPath, Source } from '@annotkit/core';

/** The document schema version codecs write; equals core's `CURRENT_SCHEMA_VERSION`. */
export const DOCUMENT_SCHEMA_VERSION = 1;

/** Name given to a label for annotations that have none (CVAT `label=""`, Datumaro `null`). */
export const UNLABELED = 'unlabeled';

const SOURCES: ReadonlySet<string> = new Set(['manual', 'auto', 'semi-auto', 'file']);

/** Parses a source name; `undefined` when it is not one of the four. */
export function parseSource(s: string | undefined): Source | undefined {
  if (s === undefined || s === '') return 'manual';
  const v = s.toLowerCase();
  return SOURCES.has(v) ? (v as Source) : undefined;
}

/** Throws when `signal` is aborted, with code `aborted`. */
export function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new AnnotkitError(ErrorCode.Aborted, 'the operation was aborted', {
      cause: signal.reason,
    });
  }
}

/** A `parse` error for a bad value in a file. */
export function parseError(
  message: string,
  file: string | undefined,
  path: ErrorPath,
): AnnotkitError {
  return new AnnotkitError(ErrorCode.Parse, message, { file, path });
}

/** Yields to the event loop (lets a worker or page process aborts and progress). */
export function tick(): Promise<void> {
  return new Promise((r) => setTimeout(r, 0));
}
