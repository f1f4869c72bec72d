/**
 * `createFormatsWorker()`: `importDataset` / `exportDataset` in a module worker, so that large
 * conversions never block the page.
 *
 * Worker URL: the source refers to `./formats.worker.ts` next to this file, which TypeScript-aware
 * dev servers (web-test-runner with esbuild, Vite) serve directly. The package build emits
 * `dist/formats.worker.js` as its own entry (the `./formats.worker` export) and rewrites the URL
 * in `dist/index.js` to `./formats.worker.js`; hosts that move the file pass `url`.
 *
 * Large documents cross the port in slices of objects (each structured clone is synchronous on
 * the page's thread), so that no single message blocks the page for long.
 *
 * Cancelling: an aborted call rejects at once with `aborted`; the worker is told to stop
 * (cooperatively: codecs check the signal between files and items) and its late result is
 * discarded. `terminate()` stops the worker for good.
 */
import { AnnotkitError, ErrorCode } from '@annotkit/core';
import { proxy, releaseProxy, transfer, wrap } from 'comlink';
import type { Remote } from 'comlink';
import type { AnnotationObject, DocumentData } from '@annotkit/core';
import type { FileLike } from '../tree/files.js';
import { checkAborted } from '../util/document.js';
import type {
  ExportDatasetOptions,
  ExportDatasetResult,
  ImportDatasetOptions,
  ImportDatasetResult,
} from './dataset.js';
import { deserializeError } from './errors.js';
import type { DatasetInput } from './input.js';
import { isFileTree } from './input.js';
import type { FormatsWorkerApi, WireInput, WireResult } from './protocol.js';

/** Options of {@link createFormatsWorker}. */
export interface FormatsWorkerOptions {
  /**
   * URL of the worker script, for hosts that relocate it. Defaults to `formats.worker.js` next
   * to the package's `index.js` (resolved with `new URL(…, import.meta.url)`).
   */
  readonly url?: string | URL;
}

/**
 * Import options for the worker: those of `importDataset` except codecs and limits (functions
 * cannot cross to a worker: a host with its own codecs serves them from its own worker script
 * with `exposeFormatsWorker(codecs)` and passes that script's `url`).
 */
export type WorkerImportOptions = Omit<ImportDatasetOptions, 'codecs' | 'zipLimits'> & {
  /**
   * Transfer (rather than copy) the buffer of a `Uint8Array`/`ArrayBuffer` input; the caller's
   * array is then detached (length 0). Defaults to true.
   */
  readonly transfer?: boolean;
};

/** Export options for the worker: those of `exportDataset` except codecs (see above). */
export type WorkerExportOptions = Omit<ExportDatasetOptions, 'codecs'>;

/** A formats worker. Each instance owns one `Worker`; instances share nothing. */
export interface FormatsWorker {
  /** `importDataset` run in the worker; same inputs, results and errors. */
  importDataset(input: DatasetInput, options?: WorkerImportOptions): Promise<ImportDatasetResult>;
  /** `exportDataset` run in the worker; the zip `Blob` comes back without a copy. */
  exportDataset(
    document: DocumentData,
    formatId: string,
    options?: WorkerExportOptions,
  ): Promise<ExportDatasetResult>;
  /** Ids and names of the worker's codecs (also a cheap check that the worker loaded). */
  formats(): Promise<{ id: string; name: string }[]>;
  /** Stops the worker; pending and later calls reject with `aborted`. Safe to call twice. */
  terminate(): void;
}

/**
 * Objects per message between page and worker. Structured cloning is synchronous on both
 * sides; 1,000 typical objects clone in a few milliseconds.
 */
const OBJECT_SLICE = 1000;

function unwrap<T>(r: WireResult<T>): T {
  if (r.ok) return r.value;
  throw deserializeError(r.error);
}

function abortedError(reason?: unknown): AnnotkitError {
  return new AnnotkitError(ErrorCode.Aborted, 'the operation was aborted', { cause: reason });
}

async function toWire(
  input: DatasetInput,
  transferBuffers: boolean,
): Promise<{ wire: WireInput; transfers: Transferable[] }> {
  if (isFileTree(input)) {
    const entries: (readonly [string, Uint8Array])[] = [];
    const transfers: Transferable[] = [];
    for (const p of input.paths()) {
      // Copy: the tree may keep referring to its own buffers.
      const bytes = (await input.read(p)).slice();
      entries.push([p, bytes]);
      transfers.push(bytes.buffer);
    }
    return { wire: { kind: 'map', entries }, transfers };
  }
  if (input instanceof Uint8Array || input instanceof ArrayBuffer) {
    let bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    if (!transferBuffers || !whole || !(bytes.buffer instanceof ArrayBuffer)) bytes = bytes.slice();
    return { wire: { kind: 'zip', bytes }, transfers: [bytes.buffer as ArrayBuffer] };
  }
  if (input instanceof Blob) {
    const name = (input as { name?: unknown }).name;
    return {
      wire: { kind: 'blob', blob: input, name: typeof name === 'string' ? name : undefined },
      transfers: [],
    };
  }
  if (Array.isArray(input)) {
    const entries: (readonly [string, Blob])[] = [];
    for (const f of input as readonly FileLike[]) {
      const path =
        f.webkitRelativePath !== undefined && f.webkitRelativePath !== ''
          ? f.webkitRelativePath
          : f.name;
      const blob = f instanceof Blob ? f : new Blob([await f.arrayBuffer()]);
      entries.push([path, blob]);
    }
    return { wire: { kind: 'files', entries }, transfers: [] };
  }
  throw new AnnotkitError(
    ErrorCode.InvalidType,
    'expected a FileTree, a zip as Uint8Array/ArrayBuffer, a Blob or a list of Files',
  );
}

/**
 * Starts a module worker that runs the codecs (see the module note for the worker URL and
 * cancelling). Progress callbacks are called on the page's thread, at most once per percent.
 */
export function createFormatsWorker(options: FormatsWorkerOptions = {}): FormatsWorker {
  const worker =
    options.url !== undefined
      ? new Worker(options.url, { type: 'module', name: 'annotkit-formats' })
      : new Worker(new URL('./formats.worker.ts', import.meta.url), {
          type: 'module',
          name: 'annotkit-formats',
        });
  const remote: Remote<FormatsWorkerApi> = wrap<FormatsWorkerApi>(worker);
  const pending = new Set<(e: Error) => void>();
  let dead: Error | undefined;
  let nextCall = 1;
  let terminated = false;

  const failAll = (e: Error): void => {
    dead = e;
    for (const reject of [...pending]) reject(e);
    pending.clear();
  };
  worker.addEventListener('error', (ev) => {
    ev.preventDefault();
    failAll(
      new AnnotkitError(
        ErrorCode.Unsupported,
        `the formats worker failed to load or crashed: ${ev.message || 'unknown error'}`,
      ),
    );
  });

  /**
   * Runs `body` (one or more remote calls), racing it against `signal` and worker failure. On
   * abort the worker is told to stop call `callId` and drop what it holds for it.
   */
  function call<T>(
    signal: AbortSignal | undefined,
    callId: number,
    body: (stopped: () => boolean) => Promise<T>,
  ): Promise<T> {
    if (dead) return Promise.reject(dead);
    checkAborted(signal);
    let settled = false;
    return new Promise<T>((resolve, reject) => {
      const finish = (): void => {
        settled = true;
        pending.delete(fail);
        signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = (): void => {
        finish();
        void remote.abort(callId).catch(() => undefined);
        reject(abortedError(signal?.reason));
      };
      const fail = (e: Error): void => {
        finish();
        reject(e);
      };
      pending.add(fail);
      signal?.addEventListener('abort', onAbort, { once: true });
      body(() => settled).then(
        (v) => {
          if (settled) return;
          finish();
          resolve(v);
        },
        (e: unknown) => {
          if (settled) return;
          finish();
          void remote.abort(callId).catch(() => undefined);
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });
  }

  return {
    async importDataset(input, opts = {}) {
      checkAborted(opts.signal);
      const callId = nextCall++;
      const { wire, transfers } = await toWire(input, opts.transfer ?? true);
      const progress = opts.onProgress ? proxy(opts.onProgress) : undefined;
      return call(opts.signal, callId, async (stopped) => {
        const head = unwrap(
          await remote.importDataset(
            transfer(wire, transfers),
            { callId, format: opts.format, labels: opts.labels },
            progress,
          ),
        );
        // The objects come in slices so that no single message blocks the page for long.
        const objects: AnnotationObject[] = [];
        while (objects.length < head.objectCount && !stopped()) {
          const slice = await remote.takeObjects(
            callId,
            objects.length,
            objects.length + OBJECT_SLICE,
          );
          if (slice.length === 0) break;
          for (const o of slice) objects.push(o);
        }
        return {
          document: { ...head.document, objects },
          warnings: head.warnings,
          format: head.format,
        };
      });
    },
    async exportDataset(document, formatId, opts = {}) {
      checkAborted(opts.signal);
      const callId = nextCall++;
      const progress = opts.onProgress ? proxy(opts.onProgress) : undefined;
      return call(opts.signal, callId, async (stopped) => {
        const objects = document.objects;
        for (let i = 0; i < objects.length && !stopped(); i += OBJECT_SLICE) {
          await remote.stageObjects(callId, objects.slice(i, i + OBJECT_SLICE));
        }
        return unwrap(
          await remote.exportDataset(
            { ...document, objects: [] },
            formatId,
            { callId, subset: opts.subset, level: opts.level },
            progress,
          ),
        );
      });
    },
    async formats() {
      return call(undefined, 0, () => remote.formats());
    },
    terminate() {
      if (terminated) return;
      terminated = true;
      remote[releaseProxy]();
      worker.terminate();
      failAll(abortedError('terminated'));
    },
  };
}
