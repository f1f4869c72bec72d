import { createCanvas2D } from '@annotkit/canvas2d';
import type { Canvas2D, ViewTransform } from '@annotkit/canvas2d';
import { frameState } from '@annotkit/core';
import type { ObjectId } from '@annotkit/core';
import { html } from 'lit';
import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { EditorController } from '../../controller/EditorController.js';
import { toolSpec } from '../../controller/tools.js';
import { annotEvent } from '../../events.js';
import { EditorElement } from '../EditorElement.js';
import { filteredOutIds } from '../filter-builder/filter.js';
import { keyboardPathKey } from './keyboardPath.js';
import { sharedStyles } from '../shared.styles.js';
import { canvas2dStyles } from './canvas-2d.styles.js';
import { createFrameImages } from './media.js';
import type { FrameImages, MediaItem } from './media.js';

/** Detail of `annot-frame-load`. */
export interface AnnotFrameLoadDetail {
  readonly frame: number;
}

/** Keys the canvas and its tools own while it has focus (the editor leaves them alone). */
const CANVAS_KEYS = new Set([
  'Delete',
  'Backspace',
  'Enter',
  'Escape',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  '+',
  '-',
  '=',
  ' ',
]);

const sameIds = (a: readonly ObjectId[], b: readonly ObjectId[]): boolean =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * The 2D canvas of the editor: a `createCanvas2D` view of the controller's document and frame,
 * with the controller's tool, selection and hidden/locked state. Tools dispatch through the
 * controller, so the host's transaction filter sees every gesture.
 *
 * Keys the canvas uses itself (Delete, Backspace, Enter, Escape while a gesture runs, arrows,
 * +/−/=, Space) are marked with `preventDefault()` so that the editor's shortcuts skip them.
 *
 * @fires annot-frame-load - The image of the current frame was decoded and is shown.
 * @csspart stage - The element holding the Konva stage (focusable).
 * @csspart cursor - The keyboard cursor shown while drawing with the arrow keys.
 * @cssproperty --annot-canvas-bg - Background around the image. Defaults to #1e1e1e.
 */
export class AnnotCanvas2D extends EditorElement {
  static override styles = [sharedStyles, canvas2dStyles];

  /**
   * Frame images by frame index: URLs, Blobs (decoded with `createImageBitmap`), or ready
   * `ImageBitmap`/canvas/img elements (never closed by the element). Defaults to none.
   */
  @property({ attribute: false }) media: readonly MediaItem[] = [];

  private view: Canvas2D | undefined;
  private images: FrameImages | undefined;
  private imageToken = 0;
  private appliedHidden = new Set<ObjectId>();
  private appliedLocked = new Set<ObjectId>();
  private appliedPinned = new Set<ObjectId>();
  /** The per-object colours last given to the canvas (the controller replaces its map). */
  private appliedColors: ReadonlyMap<ObjectId, string> | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private offCanvas: (() => void)[] = [];
  private keyStateBefore = 'idle';
  /** The keyboard drawing cursor in image px (null: not shown). */
  private cursor: { x: number; y: number } | null = null;
  /** The view before the attribute mode zoomed to its object (restored when it ends). */
  private viewBeforeMode: ViewTransform | undefined;

  constructor() {
    super({
      events: [
        'document',
        'frame',
        'selection',
        'tool',
        'view',
        'locale',
        'filter',
        'change',
        'appearance',
        'mode',
      ],
      onBind: () => this.rebuild(),
      onEvent: (event) => this.sync(event),
    });
  }

  /** The underlying canvas (undefined while disconnected or without a controller). */
  get canvas(): Canvas2D | undefined {
    return this.view;
  }

  /**
   * The keyboard drawing cursor in image px, or null when it is not shown. Arrow keys move it
   * while a drawing tool is active and the canvas has focus; Space places a point there.
   */
  get keyboardCursor(): { readonly x: number; readonly y: number } | null {
    return this.cursor ? { ...this.cursor } : null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.teardown();
  }

  protected override render(): unknown {
    return html`<div
        class="stage"
        part="stage"
        role="application"
        aria-label=${this.t('editor.canvas')}
        aria-roledescription="canvas"
      ></div>
      <div class="kbd-cursor" part="cursor" aria-hidden="true" hidden></div>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('media')) {
      this.images?.clear();
      this.images = undefined;
      this.loadImage();
    }
    if (!this.view) this.rebuild();
  }

  private get stage(): HTMLDivElement | null {
    return this.renderRoot.querySelector<HTMLDivElement>('.stage');
  }

  private teardown(): void {
    for (const off of this.offCanvas) off();
    this.offCanvas = [];
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.view?.destroy();
    this.view = undefined;
    this.images?.clear();
    this.images = undefined;
    this.appliedHidden = new Set();
    this.appliedLocked = new Set();
    this.appliedPinned = new Set();
    this.appliedColors = undefined;
  }

  private rebuild(): void {
    this.teardown();
    const c = this.controller;
    const stage = this.stage;
    if (!c || !stage || !this.isConnected) return;
    const view = createCanvas2D(stage, {
      width: stage.clientWidth || 800,
      height: stage.clientHeight || 600,
      document: c.document,
      dispatchTransaction: (tr) => {
        c.dispatch(tr);
      },
    });
    this.view = view;
    this.offCanvas.push(view.on('select', ({ ids }) => c.select(ids)));
    const onKeyCapture = (): void => {
      this.keyStateBefore = view.tool.state;
    };
    const onKey = (e: KeyboardEvent): void => {
      if (e.ctrlKey || e.metaKey || e.altKey || !CANVAS_KEYS.has(e.key)) return;
      if (e.key === 'Escape' && this.keyStateBefore === 'idle') return;
      e.preventDefault();
    };
    // The keyboard-only path (drawing cursor, Space to place, arrows nudge the selection) runs
    // before canvas2d's own listener on the same element and stops it for the keys it uses, so
    // the arrows do not also pan and Space does not start a pan gesture.
    const onPathKey = (e: KeyboardEvent): void => {
      const next = keyboardPathKey(e, view, c, this.cursor);
      if (next === undefined) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      if (next !== 'same') this.cursor = next;
      this.placeCursor();
    };
    stage.addEventListener('keydown', onKeyCapture, true);
    stage.addEventListener('keydown', onPathKey, true);
    stage.addEventListener('keydown', onKey);
    this.offCanvas.push(() => {
      stage.removeEventListener('keydown', onKeyCapture, true);
      stage.removeEventListener('keydown', onPathKey, true);
      stage.removeEventListener('keydown', onKey);
    });
    this.offCanvas.push(view.on('view', () => this.placeCursor()));
    this.resizeObserver = new ResizeObserver(() => {
      const w = stage.clientWidth;
      const h = stage.clientHeight;
      if (w > 0 && h > 0 && (w !== view.stage.width() || h !== view.stage.height())) {
        view.resize(w, h);
        view.fit();
      }
    });
    this.resizeObserver.observe(stage);
    this.syncFrame(c);
    this.syncTool(c);
    this.syncView(c);
    this.syncSelection(c);
    this.syncAppearance(c);
    view.fit();
    if (c.attributeMode) this.syncMode(c);
  }

  private sync(event: string): void {
    const c = this.controller;
    if (!c || !this.view) return;
    if (event === 'document') {
      this.view.setDocument(c.document);
      this.appliedHidden = new Set();
      this.appliedLocked = new Set();
      this.appliedPinned = new Set();
      this.syncFrame(c);
      this.syncView(c);
      this.view.fit();
    } else if (event === 'frame') {
      this.syncFrame(c);
      this.syncView(c);
    } else if (event === 'selection') {
      this.syncSelection(c);
      // The attribute mode shows only its current object and follows it.
      if (c.attributeMode) {
        this.syncView(c);
        this.focusCurrent(c);
      }
    } else if (event === 'tool') this.syncTool(c);
    else if (event === 'appearance') this.syncAppearance(c);
    else if (event === 'mode') this.syncMode(c);
    // The filter's hidden set depends on the frame, the filter and the objects' current values.
    else if (event === 'view' || event === 'filter' || event === 'change') this.syncView(c);
  }

  private syncFrame(c: EditorController): void {
    const view = this.view!;
    if (c.document && view.frame !== c.frame) view.setFrame(c.frame);
    this.loadImage();
  }

  private syncSelection(c: EditorController): void {
    const view = this.view!;
    if (!sameIds(view.selection, c.selection)) view.select(c.selection);
  }

  private syncTool(c: EditorController): void {
    const spec = toolSpec(c.tool)!;
    this.view!.setTool(spec.create(c.toolLabel));
    if (spec.draws === undefined && this.cursor) {
      this.cursor = null;
      this.placeCursor();
    }
  }

  /** Shows the keyboard cursor at its image position under the current view, or hides it. */
  private placeCursor(): void {
    const el = this.renderRoot.querySelector<HTMLElement>('.kbd-cursor');
    const view = this.view;
    if (!el) return;
    if (!this.cursor || !view) {
      el.hidden = true;
      return;
    }
    const v = view.view;
    el.hidden = false;
    el.style.transform = `translate(${this.cursor.x * v.scale + v.offsetX}px, ${
      this.cursor.y * v.scale + v.offsetY
    }px)`;
  }

  private syncAppearance(c: EditorController): void {
    const view = this.view!;
    const a = c.appearance;
    view.configure({
      colorBy: a.colorBy,
      fillOpacity: a.fillOpacity,
      selectedFillOpacity: a.selectedFillOpacity,
      outlinedBorders: a.outlinedBorders,
      showText: a.showText === 'always',
    });
    view.setImageAdjustments({
      brightness: a.brightness,
      contrast: a.contrast,
      saturation: a.saturation,
      gamma: a.gamma,
    });
    view.setGrid(a.grid);
  }

  /**
   * Attribute mode on: remember the view, hide the other objects and zoom to the current one
   * (CVAT's AAM). Off: show them again and restore the remembered view.
   */
  private syncMode(c: EditorController): void {
    const view = this.view!;
    if (c.attributeMode) {
      this.viewBeforeMode ??= view.view;
      this.syncView(c);
      this.focusCurrent(c);
    } else {
      this.syncView(c);
      if (this.viewBeforeMode) view.setView(this.viewBeforeMode);
      this.viewBeforeMode = undefined;
    }
  }

  private focusCurrent(c: EditorController): void {
    const id = c.selection[0];
    if (id !== undefined) this.view!.focus(id, 50);
  }

  private syncView(c: EditorController): void {
    const view = this.view!;
    const apply = (
      applied: Set<ObjectId>,
      wanted: ReadonlySet<ObjectId>,
      set: (ids: ObjectId[], on: boolean) => void,
    ): Set<ObjectId> => {
      const off = [...applied].filter((id) => !wanted.has(id));
      const on = [...wanted].filter((id) => !applied.has(id));
      if (off.length > 0) set(off, false);
      if (on.length > 0) set(on, true);
      return new Set(wanted);
    };
    // Objects the filter leaves out are hidden like hidden ones.
    const out = c.document ? filteredOutIds(c.document, c.frame, c.filter) : new Set<ObjectId>();
    let hidden = out.size === 0 ? c.hidden : new Set([...c.hidden, ...out]);
    const current = c.selection[0];
    if (c.attributeMode && c.document && current !== undefined) {
      const others = frameState(c.document, c.frame)
        .objects.map((o) => o.id)
        .filter((id) => id !== current);
      hidden = new Set([...hidden, ...others]);
    }
    this.appliedHidden = apply(this.appliedHidden, hidden, (ids, on) => view.setHidden(ids, on));
    this.appliedLocked = apply(this.appliedLocked, c.locked, (ids, on) => view.setLocked(ids, on));
    // Pinned objects can be selected and reshaped but not moved (canvas2d's `setPinned`).
    this.appliedPinned = apply(this.appliedPinned, c.pinned, (ids, on) => view.setPinned(ids, on));
    // Per-object colours (controller.setColor): `configure` redraws the whole scene, so only
    // when the map really changed (hide/lock/filter events reuse it) and is not empty twice.
    const was = this.appliedColors;
    if (c.colors !== was && (c.colors.size > 0 || (was?.size ?? 0) > 0)) {
      view.configure({ colors: c.colors });
    }
    this.appliedColors = c.colors;
  }

  private loadImage(): void {
    const view = this.view;
    const c = this.controller;
    if (!view || !c) return;
    const frame = c.frame;
    const token = ++this.imageToken;
    if (this.media.length === 0) {
      view.setImage(null);
      return;
    }
    this.images ??= createFrameImages(this.media);
    this.images.get(frame).then(
      (image) => {
        if (token !== this.imageToken || this.view !== view) return;
        view.setImage(image);
        this.dispatchEvent(annotEvent<AnnotFrameLoadDetail>('annot-frame-load', { frame }));
      },
      (error: unknown) => {
        if (token !== this.imageToken || this.view !== view) return;
        view.setImage(null);
        this.dispatchEvent(
          new ErrorEvent('error', { error, message: String((error as Error).message) }),
        );
      },
    );
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'annot-frame-load': CustomEvent<AnnotFrameLoadDetail>;
  }
}
