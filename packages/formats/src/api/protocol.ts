/**
 * Messages between `createFormatsWorker()` and `formats.worker.ts`. Everything here is
 * structured-clonable; buffers are transferred.
 */
import type { DocumentData } from '@annotkit/core';
import type { DroppedReport, ImportWarning } from '../codec/types.js';
import type { SerializedError } from './errors.js';

/** A dataset as it crosses to the worker. */
export type WireInput =
  /** A zip archive (its buffer is transferred). */
  | { readonly kind: 'zip'; readonly bytes: Uint8Array }
  /** A `Blob`/`File` (cloned by reference, not copied): a zip or one annotation file. */
  | { readonly kind: 'blob'; readonly blob: Blob; readonly name?: string }
  /** Files of a folder keyed by relative path; the worker strips a common top folder. */
  | { readonly kind: 'files'; readonly entries: readonly (readonly [string, Blob])[] }
  /** The entries of a `FileTree`, read on the calling side (buffers transferred). */
  | { readonly kind: 'map'; readonly entries: readonly (readonly [string, Uint8Array])[] };

/** Import options that cross to the worker. */
export interface WireImportOptions {
  readonly callId: number;
  readonly format?: string;
  readonly labels?: DocumentData['labels'];
}

/** Export options that cross to the worker. */
export interface WireExportOptions {
  readonly callId: number;
  readonly subset?: string;
  readonly level?: number;
}

/** A result or the error, so that errors keep their code across the port. */
export type WireResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: SerializedError };

/** What the worker exposes through comlink. */
export interface FormatsWorkerApi {
  /** Ids and names of the codecs the worker has. */
  formats(): { id: string; name: string }[];
  importDataset(
    input: WireInput,
    options: WireImportOptions,
    onProgress?: (fraction: number) => void,
  ): Promise<
    WireResult<{
      document: DocumentData;
      warnings: readonly ImportWarning[];
      format: string;
    }>
  >;
  exportDataset(
    document: DocumentData,
    formatId: string,
    options: WireExportOptions,
    onProgress?: (fraction: number) => void,
  ): Promise<WireResult<{ blob: Blob; dropped: readonly DroppedReport[]; files: readonly string[] }>>;
  /** Cooperative cancel of the call with this id (no-op when it has finished). */
  abort(callId: number): void;
}
