/** Small helpers shared by codecs that build `DocumentData`. */
import { AnnotkitError } from '@annotkit/core';
import type { ErrorPath, Source } from '@annotkit/core';
/** The document schema version codecs write; equals core's `CURRENT_SCHEMA_VERSION`. */
export declare const DOCUMENT_SCHEMA_VERSION = 1;
/** Name given to a label for annotations that have none (CVAT `label=""`, Datumaro `null`). */
export declare const UNLABELED = 'unlabeled';
/** Parses a source name; `undefined` when it is not one of the four. */
export declare function parseSource(s: string | undefined): Source | undefined;
/** Throws when `signal` is aborted, with code `aborted`. */
export declare function checkAborted(signal: AbortSignal | undefined): void;
/** A `parse` error for a bad value in a file. */
export declare function parseError(
  message: string,
  file: string | undefined,
  path: ErrorPath,
): AnnotkitError;
/** Yields to the event loop (lets a worker or page process aborts and progress). */
export declare function tick(): Promise<void>;
