import { html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { isAnnotkitError } from '@annotkit/core';
import type * as Formats from '@annotkit/formats';
import type {
  DroppedReport,
  FormatsWorker,
  ImportDatasetResult,
  ImportWarning,
} from '@annotkit/formats';
import { annotEvent } from '../../events.js';
import type { AnnotExportDoneDetail, AnnotImportDoneDetail } from '../../events.js';
import { EditorElement } from '../EditorElement.js';
import { sharedStyles } from '../shared.styles.js';
import { ioMenuStyles } from './io-menu.styles.js';

/**
 * How long a download's object URL stays valid, in ms. Browsers read the Blob after the click
 * returns (asynchronously), so revoking at once can break the download in some of them; the
 * URL is also revoked when the element leaves the page.
 */
const REVOKE_DELAY = 30_000;

/** What the file input accepts (the folder picker ignores it). */
const ACCEPT = '.zip,.json,.xml,.txt,.yaml,.yml,.png,.jpg,.jpeg';

/** A codec as the menu lists it. */
interface FormatEntry {
  readonly id: string;
  readonly name: string;
}

/** Reads a dropped folder (entries must be taken during the drop event, the walk may await). */
async function filesFromEntries(entries: readonly FileSystemEntry[]): Promise<File[]> {
  const out: File[] = [];
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) =>
        (entry as FileSystemFileEntry).file(resolve, reject),
      );
      // The formats package keys dropped folders by `webkitRelativePath`, as a folder picker
      // sets it; a drop does not, so the path is given the same way.
      Object.defineProperty(file, 'webkitRelativePath', { value: prefix + file.name });
      out.push(file);
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
          reader.readEntries(resolve, reject),
        );
        if (batch.length === 0) break;
        for (const child of batch) await walk(child, `${prefix}${entry.name}/`);
      }
    }
  };
  for (const e of entries) await walk(e, '');
  return out;
}

/**
 * Import and export of datasets in every format of `@annotkit/formats`, run in a module worker
 * so that large files never block the page. The formats module is loaded when the menu first
 * connects and the worker when the first import or export starts; the worker is terminated when
 * the menu leaves the page.
 *
 * Export writes the document's annotations (no images) as a zip, offers it as a download and
 * lists what the format could not hold. Import takes files, a folder or a drop, detects the
 * format (or uses the chosen one), lists the warnings and replaces the document only after the
 * user confirms; on an error the current document stays as it is.
 *
 * @fires annot-export-done - An export finished; detail: format, blob, file name, files, dropped.
 * @fires annot-import-done - An imported document replaced the editor's; detail: format, warnings, object count.
 * @csspart section - The export and the import sections.
 * @csspart button - Every button.
 * @csspart progress - The progress bar (`role="progressbar"`).
 * @csspart dropzone - The import area that accepts dropped files.
 * @csspart report - The dropped/warnings lists.
 * @csspart error - An error message (`role="alert"`).
 * @cssproperty --annot-accent - Progress bar and drop highlight colour. Defaults to #0a84ff.
 * @cssproperty --annot-error - Error text colour. Defaults to #d70015.
 */
export class AnnotIoMenu extends EditorElement {
  static override styles = [sharedStyles, ioMenuStyles];

  /**
   * URL of the formats worker script for hosts that relocate it (see `createFormatsWorker`).
   * Defaults to the script next to the formats package.
   */
  @property({ attribute: 'worker-url' }) workerUrl: string | undefined;
  /** File name of downloads, without the extension. Defaults to `'annotations'`. */
  @property({ attribute: 'download-name' }) downloadName = 'annotations';

  @state() private formats: readonly FormatEntry[] | undefined;
  @state() private exportFormat = 'cvat-images-1.1';
  @state() private importFormat = '';
  @state() private folder = false;
  @state() private busy: 'import' | 'export' | undefined;
  @state() private progress = 0;
  @state() private error = '';
  @state() private status = '';
  @state() private dropped: readonly DroppedReport[] | undefined;
  @state() private pending: ImportDatasetResult | undefined;
  @state() private dragging = false;

  private formatsModule: Promise<typeof Formats> | undefined;
  private worker: FormatsWorker | undefined;
  private running: AbortController | undefined;
  private readonly urls = new Map<string, ReturnType<typeof setTimeout>>();

  constructor() {
    super({ events: ['document', 'locale'] });
    this.addEventListener('dragover', (e) => this.onDragOver(e));
    this.addEventListener('dragleave', () => {
      this.dragging = false;
    });
    this.addEventListener('drop', (e) => this.onDrop(e));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadFormats()
      .then((m) => {
        this.formats = m.codecs.map((c) => ({ id: c.id, name: c.name }));
      })
      .catch((e: unknown) => this.fail(e));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.running?.abort();
    this.worker?.terminate();
    this.worker = undefined;
    for (const [url, timer] of this.urls) {
      clearTimeout(timer);
      URL.revokeObjectURL(url);
    }
    this.urls.clear();
  }

  protected override willUpdate(changed: PropertyValues): void {
    // A relocated worker script applies to the next worker.
    if (changed.has('workerUrl') && this.worker && !this.busy) {
      this.worker.terminate();
      this.worker = undefined;
    }
  }

  private loadFormats(): Promise<typeof Formats> {
    return (this.formatsModule ??= import('@annotkit/formats'));
  }

  private async getWorker(): Promise<FormatsWorker> {
    const m = await this.loadFormats();
    return (this.worker ??= m.createFormatsWorker(
      this.workerUrl !== undefined ? { url: this.workerUrl } : {},
    ));
  }

  private begin(kind: 'import' | 'export'): AbortController {
    const ac = new AbortController();
    this.running = ac;
    this.busy = kind;
    this.progress = 0;
    this.error = '';
    this.status = '';
    this.dropped = undefined;
    this.pending = undefined;
    return ac;
  }

  private end(ac: AbortController): void {
    if (this.running !== ac) return;
    this.running = undefined;
    this.busy = undefined;
  }

  private fail(e: unknown): void {
    if (isAnnotkitError(e, 'aborted')) {
      this.status = this.t('io.cancelled');
      return;
    }
    // The message already names the file, line and path (AnnotkitError); shown as text only.
    this.error = e instanceof Error ? e.message : String(e);
  }

  /** Cancels the running import or export (the document stays as it is). */
  cancel(): void {
    this.running?.abort();
  }

  /** Exports the document in `format` (defaults to the chosen one) and offers the download. */
  async export(format: string = this.exportFormat): Promise<void> {
    if (this.busy) return;
    const ac = this.begin('export');
    try {
      const doc = this.controller?.document;
      if (!doc) throw new Error(this.t('editor.noDocument'));
      const worker = await this.getWorker();
      ac.signal.throwIfAborted();
      const r = await worker.exportDataset(doc.toJSON(), format, {
        signal: ac.signal,
        onProgress: (f) => {
          if (this.running === ac) this.progress = f;
        },
      });
      const fileName = `${this.downloadName}-${format}.zip`;
      this.dropped = r.dropped;
      this.status = this.t('io.exported', { file: fileName });
      this.download(r.blob, fileName);
      this.dispatchEvent(
        annotEvent<AnnotExportDoneDetail>('annot-export-done', {
          format,
          blob: r.blob,
          fileName,
          files: r.files,
          dropped: r.dropped,
        }),
      );
    } catch (e) {
      // A cancelled run may end in any error (the worker stops mid-way): it reads as cancelled.
      if (ac.signal.aborted) this.status = this.t('io.cancelled');
      else this.fail(e);
    } finally {
      this.end(ac);
    }
  }

  /**
   * Reads `files` (one zip, one annotation file, or the files of a folder) in the worker and
   * waits for the user to confirm the replacement (`confirmImport()`).
   */
  async import(files: readonly File[], format: string = this.importFormat): Promise<void> {
    if (this.busy || files.length === 0) return;
    const ac = this.begin('import');
    try {
      const worker = await this.getWorker();
      ac.signal.throwIfAborted();
      const r = await worker.importDataset(files, {
        ...(format ? { format } : {}),
        signal: ac.signal,
        onProgress: (f) => {
          if (this.running === ac) this.progress = f;
        },
      });
      if (this.running === ac) this.pending = r;
    } catch (e) {
      // A cancelled run may end in any error (the worker stops mid-way): it reads as cancelled.
      if (ac.signal.aborted) this.status = this.t('io.cancelled');
      else this.fail(e);
    } finally {
      this.end(ac);
    }
  }

  /** Replaces the editor's document with the imported one. False when nothing is pending. */
  confirmImport(): boolean {
    const r = this.pending;
    const c = this.controller;
    if (!r || !c) return false;
    try {
      c.setDocument(r.document);
    } catch (e) {
      this.fail(e);
      return false;
    }
    this.pending = undefined;
    this.status = this.t('io.imported', { objects: r.document.objects.length });
    this.dispatchEvent(
      annotEvent<AnnotImportDoneDetail>('annot-import-done', {
        format: r.format,
        warnings: r.warnings,
        objectCount: r.document.objects.length,
      }),
    );
    return true;
  }

  /** Drops the imported data; the current document stays. */
  discardImport(): void {
    this.pending = undefined;
    this.status = this.t('io.cancelled');
  }

  private download(blob: Blob, fileName: string): void {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.hidden = true;
    this.renderRoot.appendChild(a);
    a.click();
    a.remove();
    this.urls.set(
      url,
      setTimeout(() => {
        this.urls.delete(url);
        URL.revokeObjectURL(url);
      }, REVOKE_DELAY),
    );
  }

  private onFiles(e: Event): void {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    // Reset so that choosing the same file again fires `change` again.
    input.value = '';
    void this.import(files);
  }

  private onDragOver(e: DragEvent): void {
    if (this.busy || !e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
  }

  private onDrop(e: DragEvent): void {
    this.dragging = false;
    const dt = e.dataTransfer;
    if (!dt || this.busy) return;
    e.preventDefault();
    // Entries are only readable during the event: take them now, walk them afterwards.
    const entries = [...dt.items]
      .map((item) => item.webkitGetAsEntry?.() ?? null)
      .filter((x): x is FileSystemEntry => x !== null);
    const plain = [...dt.files];
    if (entries.some((x) => x.isDirectory)) {
      void filesFromEntries(entries)
        .then((files) => this.import(files))
        .catch((err: unknown) => this.fail(err));
    } else {
      void this.import(plain);
    }
  }

  private renderProgress(): unknown {
    if (!this.busy) return nothing;
    const pct = Math.round(this.progress * 100);
    return html`<div class="running">
      <div
        class="bar"
        part="progress"
        role="progressbar"
        aria-label=${this.t('io.progress')}
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${pct}
      >
        <div class="fill" style=${styleMap({ inlineSize: `${pct}%` })}></div>
      </div>
      <button part="button" class="cancel" @click=${() => this.cancel()}>
        ${this.t('io.cancel')}
      </button>
    </div>`;
  }

  private renderWarning(w: ImportWarning): unknown {
    const where =
      w.file !== undefined ? (w.line !== undefined ? `${w.file}:${w.line}` : w.file) : '';
    return html`<li data-code=${w.code}>
      ${w.message}${w.count !== undefined && w.count > 1 ? html` <span class="count">×${w.count}</span>` : nothing}${
        where ? html` <span class="muted">(${where})</span>` : nothing
      }
    </li>`;
  }

  private renderPending(r: ImportDatasetResult): unknown {
    const name = this.formats?.find((f) => f.id === r.format)?.name ?? r.format;
    return html`<div class="confirm" role="group" aria-label=${this.t('io.import')}>
      <p>
        ${this.t('io.confirmQuestion', {
          objects: r.document.objects.length,
          labels: r.document.labels.length,
          format: name,
        })}
      </p>
      <h4>${this.t('io.warnings')}</h4>
      ${
        r.warnings.length === 0
          ? html`<p class="muted">${this.t('io.noWarnings')}</p>`
          : html`<ul part="report" class="warnings">
              ${r.warnings.map((w) => this.renderWarning(w))}
            </ul>`
      }
      <div class="actions">
        <button part="button" class="confirm-import" @click=${() => this.confirmImport()}>
          ${this.t('io.replace')}
        </button>
        <button part="button" class="discard-import" @click=${() => this.discardImport()}>
          ${this.t('io.keep')}
        </button>
      </div>
    </div>`;
  }

  private renderDropped(list: readonly DroppedReport[]): unknown {
    if (list.length === 0)
      return html`<p class="muted dropped-none">${this.t('io.nothingDropped')}</p>`;
    return html`<h4>${this.t('io.droppedTitle')}</h4>
      <ul part="report" class="dropped">
        ${list.map(
          (d) =>
            html`<li>
              <strong>${d.what}</strong>: <span class="count">${d.count}</span> —
              <span class="reason">${d.reason}</span>
            </li>`,
        )}
      </ul>`;
  }

  protected override render(): unknown {
    const formats = this.formats;
    const busy = this.busy !== undefined;
    const noDoc = !this.controller?.document;
    return html`<section part="section" class="export" aria-labelledby="export-title">
        <h3 id="export-title">${this.t('io.export')}</h3>
        <label class="field">
          <span>${this.t('io.format')}</span>
          <select
            class="export-format"
            .value=${this.exportFormat}
            ?disabled=${!formats || busy}
            @change=${(e: Event) => {
              this.exportFormat = (e.target as HTMLSelectElement).value;
            }}
          >
            ${(formats ?? []).map(
              (f) =>
                html`<option value=${f.id} ?selected=${f.id === this.exportFormat}>
                  ${f.name}
                </option>`,
            )}
          </select>
        </label>
        <p class="muted">${this.t('io.annotationsOnly')}</p>
        <button
          part="button"
          class="export-button"
          ?disabled=${!formats || busy || noDoc}
          @click=${() => void this.export()}
        >
          ${this.t('io.exportButton')}
        </button>
        ${this.busy === 'export' ? this.renderProgress() : nothing}
        ${this.dropped ? this.renderDropped(this.dropped) : nothing}
      </section>
      <section
        part="section dropzone"
        class="import ${this.dragging ? 'dragging' : ''}"
        aria-labelledby="import-title"
      >
        <h3 id="import-title">${this.t('io.import')}</h3>
        <label class="field">
          <span>${this.t('io.format')}</span>
          <select
            class="import-format"
            .value=${this.importFormat}
            ?disabled=${!formats || busy}
            @change=${(e: Event) => {
              this.importFormat = (e.target as HTMLSelectElement).value;
            }}
          >
            <option value="" ?selected=${this.importFormat === ''}>
              ${this.t('io.autoDetect')}
            </option>
            ${(formats ?? []).map(
              (f) =>
                html`<option value=${f.id} ?selected=${f.id === this.importFormat}>
                  ${f.name}
                </option>`,
            )}
          </select>
        </label>
        <label class="check">
          <input
            type="checkbox"
            class="folder"
            .checked=${this.folder}
            ?disabled=${busy}
            @change=${(e: Event) => {
              this.folder = (e.target as HTMLInputElement).checked;
            }}
          />
          ${this.t('io.folder')}
        </label>
        <label class="field">
          <span>${this.t('io.chooseFiles')}</span>
          <input
            type="file"
            class="files"
            accept=${this.folder ? nothing : ACCEPT}
            ?multiple=${!this.folder}
            ?webkitdirectory=${this.folder}
            ?disabled=${!formats || busy}
            @change=${this.onFiles}
          />
        </label>
        <p class="muted">${this.t('io.dropHint')}</p>
        ${this.busy === 'import' ? this.renderProgress() : nothing}
        ${this.pending ? this.renderPending(this.pending) : nothing}
      </section>
      ${!formats && !this.error ? html`<p class="muted">${this.t('io.loading')}</p>` : nothing}
      <p class="status" role="status">${this.status}</p>
      ${this.error ? html`<p class="error" part="error" role="alert">${this.error}</p>` : nothing}`;
  }
}
