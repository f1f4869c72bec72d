/**
 * `importDataset` / `exportDataset`: the one-call API over the codecs, for a page, a worker or
 * Node.
 *
 * Design note: the codecs themselves run synchronously between their `await`s (a COCO
 * `JSON.parse` or a CVAT XML parse is one call), so these functions can only yield to the event
 * loop between stages (open, detect, import, validate, export, zip). On the main thread that
 * bounds nothing for a large file; `createFormatsWorker()` runs the same functions in a module
 * worker and is the recommended path for anything larger than a few megabytes.
 */
import { AnnotkitError, ErrorCode, isAnnotkitError, validateDocumentData } from '@annotkit/core';
import type { DocumentData } from '@annotkit/core';
import type { Codec, DroppedReport, FileTree, ImportWarning, OutputTree } from '../codec/types.js';
import { detectFormat } from '../detect.js';
import { codecs as defaultCodecs, findCodec } from '../registry.js';
import type { ZipLimits } from '../tree/zip.js';
import { treeToZip } from '../tree/zip.js';
import { checkAborted } from '../util/document.js';
import type { DatasetInput } from './input.js';
import { openInput } from './input.js';

/** Options of {@link importDataset}. */
export interface ImportDatasetOptions {
  /** Codec id (e.g. `'coco-1.0'`). When absent the format is detected. */
  readonly format?: string;
  /** Cancels the import; the promise then rejects with `AnnotkitError` code `aborted`. */
  readonly signal?: AbortSignal;
  /** Called with the overall fraction done, in [0, 1], ending with 1. */
  readonly onProgress?: (fraction: number) => void;
  /** Labels to map onto by name (see `ImportOptions.labels`). */
  readonly labels?: DocumentData['labels'];
  /** Codecs to choose from. Defaults to every codec of the package (`codecs`). */
  readonly codecs?: readonly Codec[];
  /** Bounds for zip input. Defaults to those of `treeFromZip`. */
  readonly zipLimits?: ZipLimits;
}

/** Result of {@link importDataset}. */
export interface ImportDatasetResult {
  /** The imported document, checked with core's `validateDocumentData`. */
  readonly document: DocumentData;
  readonly warnings: readonly ImportWarning[];
  /** Id of the codec that read the input. */
  readonly format: string;
}

/** Options of {@link exportDataset}. */
export interface ExportDatasetOptions {
  /** Cancels the export; the promise then rejects with `AnnotkitError` code `aborted`. */
  readonly signal?: AbortSignal;
  /** Called with the overall fraction done, in [0, 1], ending with 1. */
  readonly onProgress?: (fraction: number) => void;
  /** Subset name for formats that have subsets (see `ExportOptions.subset`). */
  readonly subset?: string;
  /** Codecs to choose from. Defaults to every codec of the package (`codecs`). */
  readonly codecs?: readonly Codec[];
  /** Deflate level 0–9 of the zip. Defaults to 6. */
  readonly level?: number;
}

/** Result of {@link exportDataset}. */
export interface ExportDatasetResult {
  /**
   * Always a zip archive (`application/zip`), even for formats that write a single file, so
   * that a caller handles one kind of output; its entries are the format's files.
   */
  readonly blob: Blob;
  /** What the format could not hold: what, how many, why. Empty when nothing was lost. */
  readonly dropped: readonly DroppedReport[];
  /** Paths written into the zip, sorted. */
  readonly files: readonly string[];
}

/** Lets the event loop run (input, rendering, abort events) between stages. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Scales a stage's progress into a slice `[from, to]` of the overall progress. */
function slice(
  report: ((f: number) => void) | undefined,
  from: number,
  to: number,
): ((f: number) => void) | undefined {
  if (!report) return undefined;
  return (f) => report(from + (to - from) * (Number.isFinite(f) ? Math.min(1, Math.max(0, f)) : 0));
}

/**
 * Picks the codec for `tree`: `format` when given (throws `unsupported` for an unknown id),
 * else the detected one. Throws `AnnotkitError` `unsupported` when no format matches or the
 * detection is unsure; the message lists the candidates with their confidence.
 */
export async function chooseCodec(
  tree: FileTree,
  format: string | undefined,
  list: readonly Codec[] = defaultCodecs,
): Promise<Codec> {
  if (format !== undefined) {
    const codec = findCodec(format, list);
    if (!codec) {
      throw new AnnotkitError(
        ErrorCode.Unsupported,
        `unknown format "${format}"; known formats: ${list.map((c) => c.id).join(', ')}`,
        { path: ['format'] },
      );
    }
    return codec;
  }
  const r = await detectFormat(tree, list);
  if (!r.best) {
    throw new AnnotkitError(
      ErrorCode.Unsupported,
      'no known dataset format recognised; pass the format explicitly',
      { path: ['format'] },
    );
  }
  if (r.unsure) {
    const list = r.candidates
      .slice(0, 5)
      .map((c) => `${c.codec.id} (${c.confidence.toFixed(2)})`)
      .join(', ');
    throw new AnnotkitError(
      ErrorCode.Unsupported,
      `the format is ambiguous, candidates: ${list}; pass the format explicitly`,
      { path: ['format'] },
    );
  }
  return r.best.codec;
}

/** The same tree, noting every path read as text (the annotation files, not the images). */
function recordTextReads(tree: FileTree, paths: string[]): FileTree {
  return {
    paths: () => tree.paths(),
    has: (p) => tree.has(p),
    size: (p) => tree.size(p),
    read: (p) => tree.read(p),
    readText: (p) => {
      if (!paths.includes(p)) paths.push(p);
      return tree.readText(p);
    },
  };
}

/**
 * A codec's output that core validation refuses (a value no codec check caught) would name
 * only a path into the document. Codecs do not track which file each record came from, so the
 * error names the annotation files the codec read: the file when there was one, else the list.
 */
function locateInvalid(e: unknown, files: readonly string[]): unknown {
  if (!isAnnotkitError(e) || e.file !== undefined || files.length === 0) return e;
  const file = files.length <= 3 ? files.join(', ') : `${files.slice(0, 3).join(', ')}, …`;
  return new AnnotkitError(e.code, `imported data is invalid: ${e.detail}`, {
    file,
    path: e.path,
    cause: e,
  });
}

/**
 * Imports a dataset into a `DocumentData`: opens `input` (see {@link DatasetInput}), detects the
 * format unless `options.format` names it, runs the codec and validates the result. Every
 * failure is an `AnnotkitError` (`unsupported` for an unknown or ambiguous format, `parse`,
 * `limit`, `aborted`, or a validation code with the path of the offending field).
 */
export async function importDataset(
  input: DatasetInput,
  options: ImportDatasetOptions = {},
): Promise<ImportDatasetResult> {
  const { signal, onProgress } = options;
  checkAborted(signal);
  onProgress?.(0);
  const tree = await openInput(input, options.zipLimits);
  checkAborted(signal);
  onProgress?.(0.05);
  const codec = await chooseCodec(tree, options.format, options.codecs);
  checkAborted(signal);
  onProgress?.(0.1);
  await yieldToEventLoop();
  checkAborted(signal);
  const textRead: string[] = [];
  const { document, warnings } = await codec.import(recordTextReads(tree, textRead), {
    signal,
    onProgress: slice(onProgress, 0.1, 0.9),
    labels: options.labels,
  });
  checkAborted(signal);
  await yieldToEventLoop();
  checkAborted(signal);
  try {
    validateDocumentData(document);
  } catch (e) {
    throw locateInvalid(e, textRead);
  }
  onProgress?.(1);
  return { document, warnings, format: codec.id };
}

/**
 * Runs a codec's export (validating `document` first) and returns its files as the plain
 * output tree, for callers that write files themselves (Node, the CLI). Throws `AnnotkitError`
 * `unsupported` for an unknown `formatId`.
 */
export async function exportDatasetTree(
  document: DocumentData,
  formatId: string,
  options: Omit<ExportDatasetOptions, 'level'> = {},
): Promise<{ readonly tree: OutputTree; readonly dropped: readonly DroppedReport[] }> {
  const { signal } = options;
  checkAborted(signal);
  const list = options.codecs ?? defaultCodecs;
  const codec = findCodec(formatId, list);
  if (!codec) {
    throw new AnnotkitError(
      ErrorCode.Unsupported,
      `unknown format "${formatId}"; known formats: ${list.map((c) => c.id).join(', ')}`,
      { path: ['format'] },
    );
  }
  validateDocumentData(document);
  await yieldToEventLoop();
  checkAborted(signal);
  const out = await codec.export(document, {
    signal,
    onProgress: options.onProgress,
    subset: options.subset,
  });
  checkAborted(signal);
  return out;
}

/**
 * Exports `document` in format `formatId` (a codec id) and packs the files into a zip `Blob`
 * (always a zip, see {@link ExportDatasetResult.blob}). Throws `AnnotkitError` `unsupported`
 * for an unknown format, `aborted` when `signal` fires, or a validation code when `document`
 * is invalid.
 */
export async function exportDataset(
  document: DocumentData,
  formatId: string,
  options: ExportDatasetOptions = {},
): Promise<ExportDatasetResult> {
  const { signal, onProgress } = options;
  onProgress?.(0);
  const { tree, dropped } = await exportDatasetTree(document, formatId, {
    ...options,
    onProgress: slice(onProgress, 0, 0.8),
  });
  await yieldToEventLoop();
  checkAborted(signal);
  const bytes = await treeToZip(tree, { level: options.level });
  checkAborted(signal);
  onProgress?.(1);
  return {
    blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
    dropped,
    files: [...tree.keys()].sort(),
  };
}
