import { LitElement, html } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import type { AnnotationDocument, DocumentData, DocumentInit } from '@annotkit/core';
import { editorContext } from '../../controller/context.js';
import { EditorController } from '../../controller/EditorController.js';
import type { TransactionFilter } from '../../controller/types.js';
import { EditorPersistence } from '../../controller/persistence.js';
import { actionFor } from '../../controller/shortcuts.js';
import type { ShortcutMap } from '../../controller/shortcuts.js';
import type { ToolId } from '../../controller/tools.js';
import { annotEvent } from '../../events.js';
import type {
  AnnotChangeDetail,
  AnnotCommitDetail,
  AnnotFrameChangeDetail,
  AnnotSelectionChangeDetail,
  AnnotToolChangeDetail,
  AnnotTransactionRejectDetail,
} from '../../events.js';
import type { MediaItem } from '../canvas-2d/media.js';
import type { AnnotAttributeMode } from '../attribute-mode/attribute-mode.component.js';
import type { AnnotHelp } from '../help/help.component.js';
import { sharedStyles } from '../shared.styles.js';
import { editorStyles } from './editor.styles.js';

const EDITABLE = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

/**
 * The embeddable image annotation editor: frame navigator on top, toolbar on the left, the 2D
 * canvas in the centre, and a sidebar with the label picker, the object list and the attribute
 * panel. It owns one `EditorController` (`editor.controller`) and provides it to its parts
 * through `editorContext`; two editors on one page share nothing.
 *
 * Keyboard shortcuts are handled on the editor element itself, so they act only while focus is
 * inside this editor, and never while typing in an input. Remap them with `shortcuts`.
 *
 * @fires annot-change - Every change applied to the document (live), detail: the core `ChangeEvent`.
 * @fires annot-commit - A command, gesture, undo or redo finished.
 * @fires annot-selection-change - The selection changed.
 * @fires annot-frame-change - The current frame changed.
 * @fires annot-tool-change - The active tool (or the label it draws) changed.
 * @fires annot-transaction-reject - The `transactionFilter` rejected a transaction.
 * @fires annot-frame-load - The current frame's image is shown.
 * @fires annot-autosave-found - With `autosave` set: a stored autosave differs from the loaded document.
 * @csspart navigator - The frame navigator.
 * @csspart toolbar - The toolbar.
 * @csspart canvas - The 2D canvas.
 * @csspart sidebar - The sidebar.
 * @csspart filters - The collapsible filter builder in the sidebar (`<details>`).
 * @csspart panel-button - The buttons that open the import/export and label schema dialogs (and close them).
 * @csspart dialog - The modal dialog of the import/export menu or the label schema editor.
 * @csspart mode-button - The attribute annotation mode toggle (`aria-pressed`).
 * @csspart help-button - The button that opens the keyboard help.
 * @csspart appearance-button - The button that shows/hides the appearance settings (`aria-expanded`).
 * @csspart appearance - The appearance settings in the sidebar.
 * @csspart attribute-mode - The attribute annotation mode panel (replaces the sidebar parts).
 * @cssproperty --annot-bg - Background. Defaults to #fff (dark theme: #1c1c1e).
 * @cssproperty --annot-fg - Text colour. Defaults to #1d1d1f.
 * @cssproperty --annot-accent - Focus and selection colour. Defaults to #0a84ff.
 * @cssproperty --annot-border - Border colour. Defaults to #c8c8cc.
 * @cssproperty --annot-sidebar-width - Sidebar width. Defaults to 300px.
 * @cssproperty --annot-font - Font shorthand. Defaults to 13px system-ui.
 */
export class AnnotEditor extends LitElement {
  static override styles = [sharedStyles, editorStyles];

  /** This editor's controller (state, commands, history, events). */
  readonly controller: EditorController = new EditorController();

  /** Frame images by frame index (URLs, Blobs or ready images). Defaults to none. */
  @property({ attribute: false }) media: readonly MediaItem[] = [];
  /** The current frame (0-based). Setting it outside the media throws `frame-range`. */
  @property({ type: Number, reflect: true }) frame = 0;
  /** The active tool id (see `ToolId`). Defaults to `'select'`. */
  @property({ reflect: true }) tool: ToolId = 'select';
  /** UI language: `'en'` or `'de'` (others fall back to English). Defaults to `'en'`. */
  @property({ reflect: true }) locale = 'en';
  /** `'light'` or `'dark'` theme defaults. Defaults to `'light'`. */
  @property({ reflect: true }) theme: 'light' | 'dark' = 'light';
  /** Frames moved by step forward/back. Defaults to 10. */
  @property({ type: Number, attribute: 'frame-step' }) frameStep = 10;
  /** Shows the frame navigator's thumbnail strip (made from `media`). Defaults to false. */
  @property({ type: Boolean, reflect: true }) thumbnails = false;
  /**
   * Opt-in: remapped shortcuts are saved in localStorage under this key (one per user or app)
   * and restored on connect. Defaults to none (not saved).
   */
  @property({ attribute: 'persist-key' }) persistKey: string | undefined;
  /**
   * Opt-in: the document is autosaved to IndexedDB under this key after each commit
   * (debounced); `annot-autosave-found` fires when a different autosave exists on load, and
   * `restoreAutosave()` loads it. Defaults to none (no autosave).
   */
  @property() autosave: string | undefined;
  /**
   * URL of the formats worker script used by the import/export menu, for hosts whose bundler
   * does not place `formats.worker.js` next to the formats package (see `createFormatsWorker`).
   * Defaults to none (the package's own location).
   */
  @property({ attribute: 'formats-worker-url' }) formatsWorkerUrl: string | undefined;

  /** Shortcut persistence and autosave (see `persist-key` and `autosave`). */
  readonly persistence: EditorPersistence = new EditorPersistence(this, this.controller);

  private offController: (() => void)[] = [];
  /** The open panel dialog (import/export or label schema), if any. */
  @state() private panel: 'io' | 'labels' | 'statistics' | undefined;
  /** Whether the appearance settings are expanded in the sidebar. */
  @state() private appearanceOpen = false;
  /** The control inside this editor that last had focus, for `keepFocus()`. */
  private focusedControl: Element | null = null;

  constructor() {
    super();
    new ContextProvider(this, { context: editorContext, initialValue: this.controller });
    this.addEventListener('keydown', (e) => this.onKeyDown(e));
    this.addEventListener('focusin', (e) => {
      this.focusedControl = e.composedPath()[0] as Element;
    });
    // A control that is removed or disabled under the focus (its row deleted, undo with one step
    // left, next on the last frame) blurs with no new target; focus moving elsewhere has one.
    this.addEventListener('focusout', (e) => {
      if (e.relatedTarget) {
        this.focusedControl = null;
      } else {
        this.focusedControl = e.composedPath()[0] as Element;
        this.keepFocus();
      }
    });
  }

  /**
   * Focus must not fall to the page when the focused control is removed (its object deleted,
   * its row scrolled away) or disabled: the editor's shortcuts would stop working and keyboard
   * users would have to start again from the top. After the parts re-render, the editor itself
   * takes focus back in that case; a user who moved focus away is left alone.
   */
  private keepFocus(): void {
    if (!this.focusedControl) return;
    setTimeout(() => {
      const control = this.focusedControl as (Element & { disabled?: boolean }) | null;
      if (!control || !this.isConnected) return;
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      // Chromium moves focus off a disabled control only at its next rendering step.
      const stranded = active === null || active === document.body || active === control;
      if (!stranded) return;
      if (!control.isConnected || control.disabled === true) this.focus({ preventScroll: true });
      else this.focusedControl = null;
    });
  }

  /** The document: set a live `AnnotationDocument` or document data (validated). */
  get document(): AnnotationDocument | null {
    return this.controller.document;
  }
  set document(value: AnnotationDocument | DocumentData | DocumentInit | null) {
    this.controller.setDocument(value);
    this.requestUpdate();
  }

  /** Loads the autosave into the editor (history resets). False when there is none. */
  restoreAutosave(): Promise<boolean> {
    return this.persistence.restore();
  }

  /** Deletes the stored autosave (the user declined to restore it). */
  discardAutosave(): Promise<void> {
    return this.persistence.discard();
  }

  /** Shortcut overrides merged into the defaults (`{ undo: ['Ctrl+U'] }`). */
  get shortcuts(): ShortcutMap {
    return this.controller.shortcuts;
  }
  set shortcuts(value: Partial<ShortcutMap>) {
    this.controller.setShortcuts(value);
  }

  /** Controlled mode: approve (return it), rewrite or reject (null) each transaction. */
  get transactionFilter(): TransactionFilter | null {
    return this.controller.transactionFilter;
  }
  set transactionFilter(value: TransactionFilter | null) {
    this.controller.transactionFilter = value;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Tab stop 0, not -1: a shadow host with a negative tabindex takes its whole shadow tree out
    // of the Tab order, so keyboard users could not reach any control of the editor.
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    const c = this.controller;
    c.attach();
    const fire = <T>(type: string, detail: T): void => {
      this.dispatchEvent(annotEvent<T>(type, detail));
    };
    this.offController = [
      c.on('change', (e) => {
        fire<AnnotChangeDetail>('annot-change', e);
        this.keepFocus();
      }),
      c.on('commit', (e) => fire<AnnotCommitDetail>('annot-commit', e)),
      c.on('selection', (e) => fire<AnnotSelectionChangeDetail>('annot-selection-change', e)),
      c.on('reject', (e) => fire<AnnotTransactionRejectDetail>('annot-transaction-reject', e)),
      c.on('frame', (e) => {
        this.frame = e.frame;
        this.keepFocus();
        fire<AnnotFrameChangeDetail>('annot-frame-change', e);
      }),
      c.on('tool', (e) => {
        this.tool = e.tool;
        fire<AnnotToolChangeDetail>('annot-tool-change', e);
      }),
      c.on('help', () => void this.showHelp()),
      c.on('mode', (e) => void this.onModeChange(e.attributeMode)),
      // The sidebar buttons announce their keys (`aria-keyshortcuts`); remaps must show there.
      c.on('shortcuts', () => this.requestUpdate()),
    ];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const off of this.offController) off();
    this.offController = [];
    this.controller.detach();
  }

  protected override willUpdate(changed: PropertyValues): void {
    const c = this.controller;
    if (changed.has('locale')) c.setLang(this.locale);
    if (changed.has('frameStep') && Number.isInteger(this.frameStep) && this.frameStep > 0) {
      c.frameStep = this.frameStep;
    }
    if (changed.has('tool') && this.tool !== c.tool && !c.setTool(this.tool)) this.tool = c.tool;
    if (changed.has('frame') && c.document && this.frame !== c.frame) c.setFrame(this.frame);
  }

  /** Opens the keyboard help; focus returns to the element focused now when it closes. */
  async showHelp(): Promise<void> {
    await this.updateComplete;
    await this.renderRoot.querySelector<AnnotHelp>('annot-help')?.show();
  }

  private async onModeChange(on: boolean): Promise<void> {
    this.requestUpdate();
    await this.updateComplete;
    // The attribute mode is keyboard-first: its panel takes focus. Leaving it, the canvas does,
    // so the keys keep acting on this editor.
    if (on) this.renderRoot.querySelector<AnnotAttributeMode>('annot-attribute-mode')?.focusPanel();
    else
      this.renderRoot
        .querySelector('annot-canvas-2d')
        ?.shadowRoot?.querySelector<HTMLElement>('.stage')
        ?.focus();
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.defaultPrevented) return;
    const path = e.composedPath();
    const target = path[0];
    if (
      target instanceof HTMLElement &&
      (EDITABLE.has(target.tagName) || target.isContentEditable)
    ) {
      return;
    }
    // In the attribute mode its keys (arrows, digits, Tab, Escape) win wherever focus is in the
    // editor; keys it does not use fall through to the shortcuts.
    const aam = this.renderRoot.querySelector<AnnotAttributeMode>('annot-attribute-mode');
    if (this.controller.attributeMode && aam && aam.handleKey(e)) {
      e.preventDefault();
      e.stopPropagation();
      return;
    }
    // Tab / Shift+Tab walk the objects only from the canvas; elsewhere they move focus as usual
    // (and past the last object focus moves on, so the canvas is no keyboard trap).
    const action = actionFor(this.controller.shortcuts, e);
    const fromCanvas = path.some((n) => n instanceof Element && n.localName === 'annot-canvas-2d');
    if ((action === 'next-object' || action === 'prev-object') && !fromCanvas) return;
    if (this.controller.handleKey(e) !== undefined) {
      e.preventDefault();
      e.stopPropagation();
    }
  }

  protected override render(): unknown {
    return html`<annot-frame-navigator
        part="navigator"
        exportparts="button: navigator-button, search-button, strip, thumbnail"
        .step=${this.frameStep}
        .media=${this.media}
        ?thumbnails=${this.thumbnails}
      ></annot-frame-navigator>
      <annot-toolbar
        part="toolbar"
        exportparts="button: toolbar-button, tool-button"
      ></annot-toolbar>
      <annot-canvas-2d part="canvas" exportparts="stage" .media=${this.media}></annot-canvas-2d>
      <aside class="sidebar" part="sidebar" aria-label=${this.controller.t('editor.label')}>
        <div class="panel-buttons">
          <button
            part="mode-button"
            class="toggle-aam"
            aria-pressed=${this.controller.attributeMode ? 'true' : 'false'}
            aria-keyshortcuts=${this.controller.shortcuts['attribute-mode'].join(' ')}
            title=${this.controller.t('aam.toggle')}
            @click=${() => this.controller.setAttributeMode(!this.controller.attributeMode)}
          >
            ${this.controller.t('aam.label')}
          </button>
          <button
            part="panel-button"
            class="open-statistics"
            @click=${() => this.openPanel('statistics')}
          >
            ${this.controller.t('statistics.label')}
          </button>
          <button
            part="help-button"
            class="open-help"
            aria-haspopup="dialog"
            aria-keyshortcuts=${this.controller.shortcuts.help.join(' ')}
            @click=${() => void this.showHelp()}
          >
            ${this.controller.t('help.open')}
          </button>
          <button
            part="appearance-button"
            class="toggle-appearance"
            aria-expanded=${this.appearanceOpen ? 'true' : 'false'}
            aria-controls="appearance"
            @click=${() => (this.appearanceOpen = !this.appearanceOpen)}
          >
            ${this.controller.t('appearance.label')}
          </button>
          <button part="panel-button" class="open-io" @click=${() => this.openPanel('io')}>
            ${this.controller.t('io.open')}
          </button>
          <button part="panel-button" class="open-labels" @click=${() => this.openPanel('labels')}>
            ${this.controller.t('labelEditor.open')}
          </button>
        </div>
        <annot-appearance
          id="appearance"
          part="appearance"
          exportparts="field, group, reset"
          ?hidden=${!this.appearanceOpen}
        ></annot-appearance>
        <details class="filters" part="filters">
          <summary>${this.controller.t('filter.label')}</summary>
          <annot-filter-builder
            exportparts="group, rule, summary, recent, button: filter-button"
          ></annot-filter-builder>
        </details>
        ${
          this.controller.attributeMode
            ? html`<h2>${this.controller.t('aam.label')}</h2>
                <annot-attribute-mode
                  part="attribute-mode"
                  exportparts="value, key, input, error"
                ></annot-attribute-mode>`
            : html`<h2>${this.controller.t('labels.label')}</h2>
                <annot-label-picker exportparts="label, key"></annot-label-picker>
                <h2>${this.controller.t('objects.label')}</h2>
                <annot-object-list
                  exportparts="row, child-row, toggle, viewport, sort"
                ></annot-object-list>
                <h2>${this.controller.t('attributes.label')}</h2>
                <annot-attribute-panel exportparts="field, error"></annot-attribute-panel>`
        }
      </aside>
      <annot-help></annot-help>
      ${this.renderPanelDialog()}`;
  }

  /** Opens the import/export menu, the label schema editor or the statistics in a modal dialog. */
  openPanel(panel: 'io' | 'labels' | 'statistics'): void {
    this.panel = panel;
  }

  protected override updated(): void {
    // The dialog's content is rendered only while open, so the formats module (and its
    // worker) load when the user opens the menu, not with the editor.
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.panel-dialog');
    if (this.panel && dialog && !dialog.open) dialog.showModal();
  }

  private renderPanelDialog(): unknown {
    const panel = this.panel;
    // One dialog element stays in place (only its content comes and goes): removing a modal
    // dialog and opening a new one crashed headless Chromium's renderer in our tests.
    if (!panel) return html`<dialog class="panel-dialog" part="dialog"></dialog>`;
    const title = this.controller.t(
      panel === 'io'
        ? 'io.label'
        : panel === 'statistics'
          ? 'statistics.label'
          : 'labelEditor.label',
    );
    return html`<dialog
      class="panel-dialog"
      part="dialog"
      aria-label=${title}
      @close=${() => {
        this.panel = undefined;
      }}
      @keydown=${(e: KeyboardEvent) => e.stopPropagation()}
    >
      <header>
        <h2>${title}</h2>
        <button
          part="panel-button"
          class="close-panel"
          @click=${(e: Event) => (e.target as HTMLElement).closest('dialog')!.close()}
        >
          ${this.controller.t('io.close')}
        </button>
      </header>
      ${
        panel === 'statistics'
          ? html`<annot-statistics exportparts="table"></annot-statistics>`
          : panel === 'io'
            ? html`<annot-io-menu
                exportparts="button, progress, error"
                .workerUrl=${this.formatsWorkerUrl}
              ></annot-io-menu>`
            : html`<annot-label-editor
                exportparts="button, field, error, template"
              ></annot-label-editor>`
      }
    </dialog>`;
  }
}
