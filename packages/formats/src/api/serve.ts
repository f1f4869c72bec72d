/**
 * The page-facing side of a formats worker, as a function a worker script calls:
 * `exposeFormatsWorker(codecs)` answers `createFormatsWorker()`'s calls over comlink with the
 * given codec list. The package's own worker (`formats.worker.ts`) passes the built-in registry;
 * a host that adds codecs writes a two-line worker of its own and passes its URL to
 * `createFormatsWorker({ url })`, because functions (codecs) cannot cross a worker boundary.
 *
 * State (running calls, results not yet taken, staged objects) lives in the closure of one call:
 * nothing is shared between workers or module instances.
 */
import { expose, releaseProxy } from 'comlink';
import type { AnnotationObject } from '@annotkit/core';
import type { Remote } from 'comlink';
import type { Codec } from '../codec/types.js';
import type { DatasetInput } from './input.js';
import { exportDataset, importDataset } from './dataset.js';
import { serializeError } from './errors.js';
import type { FormatsWorkerApi, WireInput, WireResult } from './protocol.js';
import { codecs as builtInCodecs } from '../registry.js';
import type { FileLike } from '../tree/files.js';
import { treeFromMap } from '../tree/memory.js';

/** Reports progress at most once per percent, and always the final 1. */
function throttled(
  fn: Remote<(f: number) => void> | ((f: number) => void) | undefined,
): ((f: number) => void) | undefined {
  if (!fn) return undefined;
  let last = -1;
  return (f) => {
    if (f >= 1 || f - last >= 0.01) {
      last = f;
      void Promise.resolve(fn(f)).catch(() => undefined);
    }
  };
}

function fromWire(input: WireInput): DatasetInput {
  switch (input.kind) {
    case 'zip':
      return input.bytes;
    case 'blob':
      return input.name !== undefined && !(input.blob instanceof File)
        ? new File([input.blob], input.name)
        : input.blob;
    case 'files':
      return input.entries.map(([path, blob]): FileLike => ({
        name: path.slice(path.lastIndexOf('/') + 1),
        size: blob.size,
        webkitRelativePath: path,
        arrayBuffer: () => blob.arrayBuffer(),
      }));
    case 'map':
      // Entries of a FileTree: paths stay as they are (no common folder is stripped).
      return treeFromMap(new Map(input.entries));
  }
}

/**
 * Serves `createFormatsWorker()` from inside a worker with `codecs` (defaults to the
 * built-in registry). Call it once, at the top level of a module worker script.
 */
export function exposeFormatsWorker(codecs: readonly Codec[] = builtInCodecs): void {
  const running = new Map<number, AbortController>();
  /** Objects of finished imports, until the page has taken them. */
  const results = new Map<number, AnnotationObject[]>();
  /** Objects sent ahead of an export. */
  const staged = new Map<number, AnnotationObject[]>();

  /** Runs one call with its own AbortController; releases the caller's progress proxy after. */
  async function run<T>(
    callId: number,
    onProgress: ((f: number) => void) | undefined,
    body: (signal: AbortSignal, progress: ((f: number) => void) | undefined) => Promise<T>,
  ): Promise<WireResult<T>> {
    const controller = new AbortController();
    running.set(callId, controller);
    try {
      return { ok: true, value: await body(controller.signal, throttled(onProgress)) };
    } catch (e) {
      return { ok: false, error: serializeError(e) };
    } finally {
      running.delete(callId);
      const release = (onProgress as Partial<Remote<(f: number) => void>> | undefined)?.[
        releaseProxy
      ];
      if (typeof release === 'function') release.call(onProgress);
    }
  }

  const api: FormatsWorkerApi = {
    formats: () => codecs.map((c) => ({ id: c.id, name: c.name })),
    importDataset(input, options, onProgress) {
      return run(options.callId, onProgress, async (signal, progress) => {
        const r = await importDataset(fromWire(input), {
          codecs,
          signal,
          format: options.format,
          labels: options.labels,
          onProgress: progress,
        });
        const objects = r.document.objects as AnnotationObject[];
        if (objects.length > 0) results.set(options.callId, objects);
        return {
          document: { ...r.document, objects: [] },
          objectCount: objects.length,
          warnings: r.warnings,
          format: r.format,
        };
      });
    },
    takeObjects(callId, start, end) {
      const all = results.get(callId) ?? [];
      if (end >= all.length) results.delete(callId);
      return all.slice(start, end);
    },
    stageObjects(callId, objects) {
      let list = staged.get(callId);
      if (!list) staged.set(callId, (list = []));
      for (const o of objects) list.push(o);
    },
    exportDataset(document, formatId, options, onProgress) {
      const extra = staged.get(options.callId) ?? [];
      staged.delete(options.callId);
      const full =
        extra.length > 0 ? { ...document, objects: [...document.objects, ...extra] } : document;
      return run(options.callId, onProgress, (signal, progress) =>
        exportDataset(full, formatId, {
          codecs,
          signal,
          subset: options.subset,
          level: options.level,
          onProgress: progress,
        }),
      );
    },
    abort(callId) {
      running.get(callId)?.abort();
      results.delete(callId);
      staged.delete(callId);
    },
  };

  expose(api);
}
