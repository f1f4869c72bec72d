import { LitElement, html } from 'lit';
import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import type { AnnotationDocument, DocumentData, DocumentInit } from '@annotkit/core';
import { editorContext } from '../../controller/context.js';
import { EditorController } from '../../controller/EditorController.js';
import type { TransactionFilter } from '../../controller/EditorController.js';
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
 * @csspart navigator - The frame navigator.
 * @csspart toolbar - The toolbar.
 * @csspart canvas - The 2D canvas.
 * @csspart sidebar - The sidebar.
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

  private offController: (() => void)[] = [];

  constructor() {
    super();
    new ContextProvider(this, { context: editorContext, initialValue: this.controller });
    this.addEventListener('keydown', (e) => this.onKeyDown(e));
  }

  /** The document: set a live `AnnotationDocument` or document data (validated). */
  get document(): AnnotationDocument | null {
    return this.controller.document;
  }
  set document(value: AnnotationDocument | DocumentData | DocumentInit | null) {
    this.controller.setDocument(value);
    this.requestUpdate();
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
    if (!this.hasAttribute('tabindex')) this.tabIndex = -1;
    const c = this.controller;
    c.attach();
    const fire = <T>(type: string, detail: T): void => {
      this.dispatchEvent(annotEvent<T>(type, detail));
    };
    this.offController = [
      c.on('change', (e) => fire<AnnotChangeDetail>('annot-change', e)),
      c.on('commit', (e) => fire<AnnotCommitDetail>('annot-commit', e)),
      c.on('selection', (e) => fire<AnnotSelectionChangeDetail>('annot-selection-change', e)),
      c.on('reject', (e) => fire<AnnotTransactionRejectDetail>('annot-transaction-reject', e)),
      c.on('frame', (e) => {
        this.frame = e.frame;
        fire<AnnotFrameChangeDetail>('annot-frame-change', e);
      }),
      c.on('tool', (e) => {
        this.tool = e.tool;
        fire<AnnotToolChangeDetail>('annot-tool-change', e);
      }),
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

  private onKeyDown(e: KeyboardEvent): void {
    if (e.defaultPrevented) return;
    const target = e.composedPath()[0];
    if (
      target instanceof HTMLElement &&
      (EDITABLE.has(target.tagName) || target.isContentEditable)
    ) {
      return;
    }
    if (this.controller.handleKey(e) !== undefined) {
      e.preventDefault();
      e.stopPropagation();
    }
  }

  protected override render(): unknown {
    return html`<annot-frame-navigator
        part="navigator"
        exportparts="button: navigator-button"
        .step=${this.frameStep}
      ></annot-frame-navigator>
      <annot-toolbar
        part="toolbar"
        exportparts="button: toolbar-button, tool-button"
      ></annot-toolbar>
      <annot-canvas-2d part="canvas" exportparts="stage" .media=${this.media}></annot-canvas-2d>
      <aside class="sidebar" part="sidebar" aria-label=${this.controller.t('editor.label')}>
        <h2>${this.controller.t('labels.label')}</h2>
        <annot-label-picker exportparts="label, key"></annot-label-picker>
        <h2>${this.controller.t('objects.label')}</h2>
        <annot-object-list exportparts="row, viewport, sort"></annot-object-list>
        <h2>${this.controller.t('attributes.label')}</h2>
        <annot-attribute-panel exportparts="field, error"></annot-attribute-panel>
      </aside>`;
  }
}
