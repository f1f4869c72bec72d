/**
 * Messages between `createFormatsWorker()` and `formats.worker.ts`. Everything here is
 * structured-clonable; buffers are transferred.
 */
import type { AnnotationObject, DocumentData } from '@annotkit/core';
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
  /**
   * Imports; the result's document comes without objects (`objectCount` says how many), which
   * the caller fetches with `takeObjects`.
   */
  importDataset(
    input: WireInput,
    options: WireImportOptions,
    onProgress?: (fraction: number) => void,
  ): Promise<
    WireResult<{
      document: DocumentData;
      objectCount: number;
      warnings: readonly ImportWarning[];
      format: string;
    }>
  >;
  /** Objects `[start, end)` of an import's result; the last slice frees them in the worker. */
  takeObjects(callId: number, start: number, end: number): AnnotationObject[];
  /** Appends objects to the document of the export `callId` that follows. */
  stageObjects(callId: number, objects: readonly AnnotationObject[]): void;
  /** Exports `document` plus the objects staged for `options.callId`. */
  exportDataset(
    document: DocumentData,
    formatId: string,
    options: WireExportOptions,
    onProgress?: (fraction: number) => void,
  ): Promise<
    WireResult<{ blob: Blob; dropped: readonly DroppedReport[]; files: readonly string[] }>
  >;
  /**
   * Cooperative cancel of the call with this id, dropping its staged or pending objects (no-op
   * when it has finished).
   */
  abort(callId: number): void;
}
