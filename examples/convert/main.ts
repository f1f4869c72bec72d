/**
 * Dataset conversion in the browser: a dropped folder or zip is opened as a file tree, its format
 * detected, imported into a document and exported in the chosen format as a zip to download.
 * Only the public API of `@annotkit/formats` is used. Every text that comes from a file (names,
 * warnings, messages) is inserted with `textContent`, never as HTML.
 */
import { isAnnotkitError } from '@annotkit/core';
import {
  codecs,
  createFormatsWorker,
  detectFormat,
  exportDataset,
  importDataset,
  openInput,
} from '@annotkit/formats';
import type { FormatsWorker } from '@annotkit/formats';
import type { DetectResult, FileLike } from '@annotkit/formats';

/** The file tree `openInput` returns (the `FileTree` interface is not exported by name yet). */
type FileTree = Awaited<ReturnType<typeof openInput>>;

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const drop = $<HTMLDivElement>('drop');
const from = $<HTMLSelectElement>('from');
const to = $<HTMLSelectElement>('to');
const convert = $<HTMLButtonElement>('convert');
const cancel = $<HTMLButtonElement>('cancel');
const progress = $<HTMLProgressElement>('progress');
const status = $<HTMLParagraphElement>('status');
const log = $<HTMLUListElement>('log');
const download = $<HTMLAnchorElement>('download');
const useWorker = $<HTMLInputElement>('use-worker');

let tree: FileTree | undefined;
let datasetName = 'dataset';
let running: AbortController | undefined;
/**
 * Conversions run in a module worker so the page never blocks: the site bundles
 * `formats.worker.ts` next to this page as `formats.worker.js`.
 */
let worker: FormatsWorker | undefined;
const formatsWorker = (): FormatsWorker =>
  (worker ??= createFormatsWorker({ url: new URL('./formats.worker.js', import.meta.url) }));
/** The worker's API, or the same functions on the main thread (which block while they parse). */
const api = (): Pick<FormatsWorker, 'importDataset' | 'exportDataset'> =>
  useWorker.checked ? formatsWorker() : { importDataset, exportDataset };

for (const c of codecs) to.add(new Option(`${c.name} (${c.id})`, c.id));
to.value = 'coco-1.0';

function say(text: string): void {
  status.textContent = text;
}

function report(text: string, kind: 'info' | 'error' = 'info'): void {
  const li = document.createElement('li');
  li.textContent = text;
  li.className = kind;
  log.append(li);
}

/** A `File` from a dropped directory entry, with its path inside the drop. */
function fileOf(entry: FileSystemFileEntry, path: string): Promise<FileLike> {
  return new Promise((resolve, reject) =>
    entry.file((f) => {
      resolve({
        name: f.name,
        size: f.size,
        webkitRelativePath: path,
        arrayBuffer: () => f.arrayBuffer(),
      });
    }, reject),
  );
}

function readAll(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const out: FileSystemEntry[] = [];
  return new Promise((resolve, reject) => {
    const next = (): void =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(out);
        else {
          out.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

/** Walks dropped entries (folders recursively) into a flat list of files with paths. */
async function walk(entries: FileSystemEntry[], prefix = ''): Promise<FileLike[]> {
  const out: FileLike[] = [];
  for (const e of entries) {
    const path = prefix + e.name;
    if (e.isFile) out.push(await fileOf(e as FileSystemFileEntry, path));
    else if (e.isDirectory)
      out.push(...(await walk(await readAll(e as FileSystemDirectoryEntry), `${path}/`)));
  }
  return out;
}

function describeDetection(r: DetectResult): string {
  if (!r.best) return 'No known format recognised: pick the input format.';
  const top = r.candidates
    .slice(0, 3)
    .map((c) => `${c.codec.name} ${Math.round(c.confidence * 100)} %`)
    .join(', ');
  return r.unsure ? `Unsure (${top}): check the input format.` : `Detected: ${top}.`;
}

async function load(input: readonly FileLike[] | Blob, name: string): Promise<void> {
  reset();
  datasetName = name.replace(/\.zip$/i, '') || 'dataset';
  try {
    say('Reading…');
    tree = await openInput(input);
    const paths = tree.paths();
    $('input-summary').textContent = `${name}: ${paths.length} files`;
    const detected = await detectFormat(tree);
    from.replaceChildren();
    for (const c of codecs) {
      const found = detected.candidates.find((k) => k.codec === c);
      const label = found ? `${c.name} — ${Math.round(found.confidence * 100)} %` : c.name;
      from.add(new Option(label, c.id));
    }
    if (detected.best) from.value = detected.best.codec.id;
    from.disabled = false;
    convert.disabled = false;
    $('detected').textContent = describeDetection(detected);
    say('Ready: choose the output format and convert.');
    // Start the worker now, while the user picks a format: its script loads off the critical
    // path instead of inside the first conversion.
    if (useWorker.checked) void formatsWorker().formats();
  } catch (e) {
    tree = undefined;
    say('Could not read the input.');
    report(errorText(e), 'error');
  }
}

function reset(): void {
  log.replaceChildren();
  download.hidden = true;
  if (download.href) URL.revokeObjectURL(download.href);
  download.removeAttribute('href');
  progress.value = 0;
}

function errorText(e: unknown): string {
  if (isAnnotkitError(e)) {
    const where = [e.file, e.line !== undefined ? `line ${e.line}` : undefined]
      .filter((x) => x !== undefined)
      .join(', ');
    return `${e.code}: ${e.message}${where ? ` (${where})` : ''}`;
  }
  return String(e);
}

async function run(): Promise<void> {
  if (!tree) return;
  running = new AbortController();
  const { signal } = running;
  convert.disabled = true;
  cancel.disabled = false;
  log.replaceChildren();
  download.hidden = true;
  try {
    say('Importing…');
    const imported = await api().importDataset(tree, {
      format: from.value,
      signal,
      onProgress: (f) => (progress.value = f * 0.5),
    });
    const d = imported.document;
    report(
      `Imported ${imported.format}: ${d.media.frames.length} frames, ${d.labels.length} labels, ${d.objects.length} objects.`,
    );
    for (const w of imported.warnings) {
      const where = w.file ? ` (${w.file}${w.line !== undefined ? `, line ${w.line}` : ''})` : '';
      report(
        `Warning ${w.code}${w.count && w.count > 1 ? ` ×${w.count}` : ''}: ${w.message}${where}`,
      );
    }
    say('Exporting…');
    const out = await api().exportDataset(d, to.value, {
      signal,
      onProgress: (f) => (progress.value = 0.5 + f * 0.5),
    });
    if (out.dropped.length === 0) report('Nothing was dropped: the output holds everything.');
    for (const x of out.dropped) report(`Dropped ${x.count} × ${x.what}: ${x.reason}`);
    report(
      `Wrote ${out.files.length} files: ${out.files.slice(0, 8).join(', ')}${out.files.length > 8 ? ', …' : ''}`,
    );
    download.href = URL.createObjectURL(out.blob);
    download.download = `${datasetName}-${to.value}.zip`;
    download.textContent = `Download ${download.download} (${Math.ceil(out.blob.size / 1024)} KiB)`;
    download.hidden = false;
    progress.value = 1;
    say('Done.');
  } catch (e) {
    say(signal.aborted ? 'Cancelled.' : 'Conversion failed.');
    report(errorText(e), 'error');
  } finally {
    running = undefined;
    convert.disabled = false;
    cancel.disabled = true;
  }
}

drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  const items = [...(e.dataTransfer?.items ?? [])];
  const entries = items
    .map((i) => i.webkitGetAsEntry())
    .filter((x): x is FileSystemEntry => x !== null);
  const single = entries.length === 1 && entries[0].isFile ? e.dataTransfer?.files[0] : undefined;
  if (single) void load(single, single.name);
  else void walk(entries).then((files) => load(files, entries[0]?.name ?? 'dataset'));
});
$<HTMLInputElement>('pick-file').addEventListener('change', (e) => {
  const f = (e.target as HTMLInputElement).files?.[0];
  if (f) void load(f, f.name);
});
$<HTMLInputElement>('pick-folder').addEventListener('change', (e) => {
  const files = [...((e.target as HTMLInputElement).files ?? [])];
  const root = files[0]?.webkitRelativePath.split('/')[0] ?? 'dataset';
  if (files.length > 0) void load(files, root);
});
convert.addEventListener('click', () => void run());
cancel.addEventListener('click', () => running?.abort());
