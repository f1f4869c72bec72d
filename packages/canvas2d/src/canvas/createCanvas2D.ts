/**
 * The 2D canvas: a Konva stage with three layers (image, static, interactive), an rbush scene
 * index kept in sync with the document's change events, and the active tool. Rendering is
 * throttled to animation frames with per-layer dirty flags; pan/zoom only transforms the cached
 * static bitmap, and the full-quality redraw runs once the gesture settles (render/staticLayer).
 * All state lives in this closure: two canvases on one page share nothing.
 */
import { createPinchTracker } from './pinch.js';
import Konva from 'konva';
import type {
  AnnotationDocument,
  ChangeEvent,
  LabelId,
  ObjectId,
  Transaction,
} from '@annotkit/core';
import { createInteractiveLayer } from '../render/interactiveLayer.js';
import { createRasterLayer } from '../render/masks.js';
import { createStaticLayer } from '../render/staticLayer.js';
import { DEFAULT_DISPLAY } from '../render/styles.js';
import type { DisplayConfig } from '../render/styles.js';
import { createSceneIndex } from '../scene/sceneIndex.js';
import { createSelectTool } from '../tools/select/selectTool.js';
import type { Tool, ToolContext, ToolOverlay, ToolPointerEvent } from '../tools/types.js';
import { createEmitter } from './emitter.js';
import type {
  Canvas2D,
  Canvas2DEvents,
  Canvas2DOptions,
  CanvasInput,
  ImageSource,
} from './types.js';
import { IDENTITY_VIEW, fitView, panView, sameView, toImage, zoomView } from './view.js';
import type { ViewTransform } from './view.js';
import { createViewFeatures, unionBounds } from '../view-features/viewFeatures.js';
import { objectText } from '../view-features/objectText.js';

function imageSize(src: ImageSource): { width: number; height: number } {
  if ('naturalWidth' in src) return { width: src.naturalWidth, height: src.naturalHeight };
  if ('displayWidth' in src) return { width: src.displayWidth, height: src.displayHeight };
  return { width: src.width, height: src.height };
}

/** Creates a canvas inside `container`. */
export function createCanvas2D(container: HTMLElement, options: Canvas2DOptions = {}): Canvas2D {
  let width = options.width ?? (container.clientWidth || 800);
  let height = options.height ?? (container.clientHeight || 600);
  let display: DisplayConfig = { ...DEFAULT_DISPLAY, ...options.display };
  const hitTolerance = options.hitTolerance ?? 4;
  const settleDelay = options.settleDelay ?? 120;
  const events = createEmitter<Canvas2DEvents>();
  const index = createSceneIndex();

  let doc: AnnotationDocument | null = null;
  let unsubscribeDoc: (() => void) | undefined;
  let frame = options.frame ?? 0;
  let view: ViewTransform = IDENTITY_VIEW;
  let image: ImageSource | null = null;
  let tool: Tool = options.tool ?? createSelectTool();
  let selection: readonly ObjectId[] = [];
  /** Pinned objects (view state): selectable and reshapeable, never translated as a whole. */
  const pinned = new Set<ObjectId>();
  let selectedSet = new Set<ObjectId>();
  let hovered: ObjectId | undefined;
  let overlay: ToolOverlay | null = null;
  let editingSet = new Set<ObjectId>();
  let destroyed = false;
  /** Whether the image layer's canvas holds a drawn image (false: it is clear). */
  let imageDrawn = true;

  // Frame scheduling.
  let raf = 0;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  const dirty = { image: true, static: true, interactive: true };

  const labelOf = (id: LabelId) => doc?.label(id);

  const stage = new Konva.Stage({
    container: container as HTMLDivElement,
    width,
    height,
    listening: false,
  });
  const imageLayer = new Konva.Layer({ listening: false });
  imageLayer.add(
    new Konva.Shape({
      listening: false,
      perfectDrawEnabled: false,
      sceneFunc: (ctx) => {
        if (!image) return;
        const { width: w, height: h } = imageSize(image);
        ctx.drawImage(
          image as CanvasImageSource,
          view.offsetX,
          view.offsetY,
          w * view.scale,
          h * view.scale,
        );
      },
    }),
  );
  const staticLayer = createStaticLayer(
    () => ({
      view,
      width,
      height,
      index,
      config: display,
      label: labelOf,
      skip: (id) => index.hidden.has(id) || selectedSet.has(id) || editingSet.has(id),
      text: (it) => (doc ? objectText(doc, frame, it.shape.id, display.textFields) : ''),
    }),
    () => {
      dirty.static = true;
      requestFrame();
    },
    options,
  );
  const interactive = createInteractiveLayer();
  stage.add(imageLayer, staticLayer.layer, interactive.layer);
  // The brush's working raster (render/masks.ts), redrawn by dirty rects.
  const raster = createRasterLayer();
  stage.add(raster.layer);
  // Rotation, image filters, grid and crosshair (view-features/); its layer goes on top.
  const features = createViewFeatures({
    stage,
    imageLayer,
    view: () => view,
    width,
    height,
    requestDraw: () => requestFrame(),
  });
  stage.add(features.layer);

  function render(): void {
    raf = 0;
    if (destroyed) return;
    // An empty layer that is already clear is not cleared again (saves a full-canvas clear per
    // pan/zoom frame when there is no image or nothing in hand).
    if (dirty.image && (image || imageDrawn)) {
      imageLayer.draw();
      imageDrawn = image !== null;
    }
    if (dirty.static) staticLayer.layer.draw();
    if (dirty.interactive) {
      const hadNodes = interactive.layer.getChildren().length > 0;
      interactive.rebuild({
        view,
        index,
        config: display,
        label: labelOf,
        hovered,
        selected: selection,
        overlay,
        masks: staticLayer.masks,
      });
      if (hadNodes || interactive.layer.getChildren().length > 0) interactive.layer.draw();
    }
    raster.render(view, width, height, dirty.image);
    dirty.image = dirty.static = dirty.interactive = false;
    features.render();
  }

  function requestFrame(): void {
    if (!raf && !destroyed) raf = requestAnimationFrame(render);
  }

  function invalidateScene(): void {
    staticLayer.settle();
    dirty.interactive = true;
    requestFrame();
  }

  function viewChanged(next: ViewTransform): void {
    if (sameView(next, view)) return;
    view = next;
    dirty.image = dirty.interactive = true;
    staticLayer.viewChanged();
    features.viewChanged();
    if (settleTimer !== undefined) clearTimeout(settleTimer);
    settleTimer = setTimeout(() => {
      settleTimer = undefined;
      staticLayer.settle();
    }, settleDelay);
    tool.refresh?.(ctx);
    events.emit('view', { view });
  }

  function setSelection(ids: readonly ObjectId[]): void {
    const next = [...new Set(ids)];
    if (next.length === selection.length && next.every((id, i) => id === selection[i])) return;
    selection = next;
    selectedSet = new Set(next);
    invalidateScene();
    events.emit('select', { ids: selection });
  }

  function setHover(id: ObjectId | undefined): void {
    if (id === hovered) return;
    hovered = id;
    dirty.interactive = true;
    requestFrame();
    events.emit('hover', { id });
  }

  function dispatch(tr: Transaction): void {
    if (options.dispatchTransaction) options.dispatchTransaction(tr, canvas);
    else doc?.apply(tr.change, tr.options);
    events.emit('transaction', { transaction: tr });
  }

  function onChange(event: ChangeEvent): void {
    const touched = index.applyChange(event, frame);
    if (touched !== 'all' && touched.length === 0) return;
    const alive = selection.filter((id) => index.get(id) !== undefined);
    if (alive.length !== selection.length) setSelection(alive);
    if (hovered !== undefined && !index.get(hovered)) setHover(undefined);
    invalidateScene();
    tool.refresh?.(ctx);
  }

  const ctx: ToolContext = {
    get doc() {
      return doc;
    },
    get frame() {
      return frame;
    },
    get view() {
      return view;
    },
    get selection() {
      return selection;
    },
    hitTest: (x, y) => index.hitTest(x, y, { tolerance: hitTolerance / view.scale }),
    inside: (rect) => index.inside(rect),
    item: (id) => index.get(id),
    search: (rect) => index.search(rect).filter((it) => !index.hidden.has(it.shape.id)),
    isLocked: (id) => index.locked.has(id),
    isPinned: (id) => pinned.has(id),
    topZOrder: () => index.all().reduce((m, it) => Math.max(m, it.shape.zOrder), 0),
    select: (ids) => setSelection(ids),
    setOverlay(o) {
      overlay = o;
      const next = new Set(o?.editing ?? []);
      const changed = next.size !== editingSet.size || [...next].some((id) => !editingSet.has(id));
      editingSet = next;
      if (changed) staticLayer.settle();
      dirty.interactive = true;
      requestFrame();
    },
    dispatch,
    setState(state) {
      events.emit('toolstate', { tool: tool.id, state });
    },
    setRaster(r) {
      raster.set(r);
      requestFrame();
    },
    rasterChanged(rect) {
      raster.invalidate(rect);
      requestFrame();
    },
  };

  // Input.
  let panning: { x: number; y: number } | undefined;
  let spaceDown = false;

  function toolEvent(input: Extract<CanvasInput, { x: number }>): ToolPointerEvent {
    const p = toImage(view, input);
    return {
      x: p.x,
      y: p.y,
      screenX: input.x,
      screenY: input.y,
      button: 'button' in input ? (input.button ?? 0) : 0,
      shiftKey: input.shiftKey,
      ctrlKey: input.ctrlKey,
      altKey: input.altKey,
      metaKey: input.metaKey,
    };
  }

  function dispatchInput(raw: CanvasInput): void {
    if (destroyed) return;
    // Container px → stage px (differs only while the view is rotated).
    const input: CanvasInput = 'x' in raw ? { ...raw, ...features.toStage(raw) } : raw;
    if (input.type === 'pointermove') features.setPointer(input);
    switch (input.type) {
      case 'pointerdown': {
        if (input.button === 1 || (spaceDown && (input.button ?? 0) === 0)) {
          panning = { x: input.x, y: input.y };
          return;
        }
        tool.pointerDown(toolEvent(input), ctx);
        return;
      }
      case 'pointermove': {
        if (panning) {
          viewChanged(panView(view, input.x - panning.x, input.y - panning.y));
          panning = { x: input.x, y: input.y };
          requestFrame();
          return;
        }
        const e = toolEvent(input);
        tool.pointerMove(e, ctx);
        if (tool.state === 'idle') setHover(ctx.hitTest(e.x, e.y));
        return;
      }
      case 'pointerup': {
        if (panning) {
          panning = undefined;
          return;
        }
        tool.pointerUp(toolEvent(input), ctx);
        return;
      }
      case 'dblclick':
        tool.doubleClick?.(toolEvent(input), ctx);
        return;
      case 'wheel': {
        const factor = Math.pow(2, -input.deltaY / 500);
        viewChanged(zoomView(view, view.scale * factor, input));
        requestFrame();
        return;
      }
      case 'pinch':
        viewChanged(panView(zoomView(view, view.scale * input.scale, input), input.dx, input.dy));
        requestFrame();
        return;
      case 'keydown':
        if (input.key === ' ') spaceDown = true;
        if (!tool.keyDown(input, ctx)) {
          // Arrows pan, +/- zoom (view-features/viewKeys.ts) when the tool did not use the key.
          const next = features.keyView(input, view);
          if (next) viewChanged(next);
          requestFrame();
        }
        return;
      case 'keyup':
        if (input.key === ' ') spaceDown = false;
        return;
    }
  }

  // DOM wiring (scoped to the container: keys only while it has focus).
  const removers: (() => void)[] = [];
  if (options.domEvents !== false) {
    if (container.tabIndex < 0) container.tabIndex = 0;
    const listen = <K extends keyof HTMLElementEventMap>(
      type: K,
      fn: (e: HTMLElementEventMap[K]) => void,
      opts?: AddEventListenerOptions,
    ): void => {
      container.addEventListener(type, fn, opts);
      removers.push(() => container.removeEventListener(type, fn, opts));
    };
    const local = (e: MouseEvent): { x: number; y: number } => {
      const r = container.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top };
    };
    const mods = (e: MouseEvent | KeyboardEvent) => ({
      shiftKey: e.shiftKey,
      ctrlKey: e.ctrlKey,
      altKey: e.altKey,
      metaKey: e.metaKey,
    });
    const pinch = createPinchTracker();
    /** True when a touch event belongs to a two-finger pinch (then it never reaches tools). */
    const pinched = (e: PointerEvent, phase: 'down' | 'move' | 'up'): boolean => {
      if (e.pointerType !== 'touch') return false;
      const p = local(e);
      const result = pinch.touch(phase, e.pointerId, p.x, p.y);
      if (result.kind === 'pass') return false;
      if (result.input) dispatchInput(result.input);
      return true;
    };
    listen('pointerdown', (e) => {
      container.focus({ preventScroll: true });
      try {
        container.setPointerCapture?.(e.pointerId);
      } catch {
        // A synthetic event (a host or test dispatching PointerEvents) has no active pointer.
      }
      if (pinched(e, 'down')) return;
      dispatchInput({ type: 'pointerdown', ...local(e), button: e.button, ...mods(e) });
    });
    listen('pointermove', (e) => {
      if (pinched(e, 'move')) return;
      dispatchInput({ type: 'pointermove', ...local(e), button: e.button, ...mods(e) });
    });
    listen('pointerup', (e) => {
      if (pinched(e, 'up')) return;
      dispatchInput({ type: 'pointerup', ...local(e), button: e.button, ...mods(e) });
    });
    listen('dblclick', (e) =>
      dispatchInput({ type: 'dblclick', ...local(e), button: e.button, ...mods(e) }),
    );
    listen(
      'wheel',
      (e) => {
        e.preventDefault();
        dispatchInput({ type: 'wheel', ...local(e), deltaY: e.deltaY, ...mods(e) });
      },
      { passive: false },
    );
    listen('keydown', (e) => {
      if (e.key === ' ' || e.key === 'Backspace') e.preventDefault();
      dispatchInput({ type: 'keydown', key: e.key, ...mods(e) });
    });
    listen('keyup', (e) => dispatchInput({ type: 'keyup', key: e.key, ...mods(e) }));
    listen('pointerleave', () => features.setPointer(undefined));
  }

  const canvas: Canvas2D = {
    container,
    stage,
    get document() {
      return doc;
    },
    get frame() {
      return frame;
    },
    get view() {
      return view;
    },
    get tool() {
      return tool;
    },
    get selection() {
      return selection;
    },
    get hovered() {
      return hovered;
    },
    get display() {
      return display;
    },
    get rotation() {
      return features.rotation;
    },
    get imageAdjustments() {
      return features.adjustments;
    },
    get grid() {
      return features.grid;
    },
    get crosshair() {
      return features.crosshair;
    },
    get stats() {
      const s = staticLayer.lastStats;
      return {
        mode: staticLayer.mode,
        progressive: staticLayer.progressive,
        objects: s?.objects ?? 0,
        batches: s?.batches ?? 0,
        indexed: index.size,
        cachedMasks: staticLayer.masks.size,
      };
    },
    setDocument(next) {
      tool.cancel(ctx);
      unsubscribeDoc?.();
      unsubscribeDoc = undefined;
      doc = next;
      if (doc) unsubscribeDoc = doc.subscribe(onChange);
      index.load(doc, frame);
      setSelection([]);
      setHover(undefined);
      invalidateScene();
      tool.refresh?.(ctx);
    },
    setFrame(next) {
      tool.cancel(ctx);
      index.load(doc, next);
      frame = next;
      setSelection([]);
      setHover(undefined);
      invalidateScene();
      tool.refresh?.(ctx);
    },
    setImage(source) {
      image = source;
      dirty.image = true;
      requestFrame();
    },
    fit() {
      const size = image ? imageSize(image) : doc?.media.frames[frame];
      if (!size || size.width <= 0 || size.height <= 0) return;
      viewChanged(
        fitView({ minX: 0, minY: 0, maxX: size.width, maxY: size.height }, width, height),
      );
      requestFrame();
    },
    zoomTo(scale, anchor) {
      const a = anchor ? features.toStage(anchor) : { x: width / 2, y: height / 2 };
      viewChanged(zoomView(view, scale, a));
      requestFrame();
    },
    panBy(dx, dy) {
      const d = features.toStageDelta(dx, dy);
      viewChanged(panView(view, d.x, d.y));
      requestFrame();
    },
    setView(next) {
      viewChanged(next);
      requestFrame();
    },
    focus(id, padding = 50) {
      const item = index.get(id);
      if (!item) return false;
      viewChanged(fitView(item, width, height, padding));
      requestFrame();
      return true;
    },
    focusObjects(ids, padding = 50) {
      const box = unionBounds(ids.flatMap((id) => index.get(id) ?? []));
      if (!box) return false;
      viewChanged(fitView(box, width, height, padding));
      requestFrame();
      return true;
    },
    zoomToActualSize() {
      viewChanged(zoomView(view, 1, { x: width / 2, y: height / 2 }));
      requestFrame();
    },
    setRotation(rotation) {
      // Keep the image point at the viewport centre where it is.
      const next = features.setRotation(rotation, view);
      ({ width, height } = features.stageSize);
      stage.size({ width, height });
      viewChanged(next);
      dirty.image = dirty.interactive = true;
      invalidateScene();
    },
    setImageAdjustments: (partial) => features.setAdjustments(partial),
    setGrid: (partial) => features.setGrid(partial),
    setCrosshair: (partial) => features.setCrosshair(partial),
    setTool(next) {
      tool.deactivate?.(ctx);
      tool.cancel(ctx);
      overlay = null;
      editingSet = new Set();
      tool = next;
      tool.refresh?.(ctx);
      dirty.interactive = true;
      requestFrame();
      events.emit('toolstate', { tool: tool.id, state: tool.state });
    },
    configure(partial) {
      display = { ...display, ...partial };
      invalidateScene();
    },
    select(ids) {
      setSelection(ids.filter((id) => index.get(id) !== undefined));
      tool.refresh?.(ctx);
    },
    setHidden(ids, hidden) {
      for (const id of ids) {
        if (hidden) index.hidden.add(id);
        else index.hidden.delete(id);
      }
      if (hidden) setSelection(selection.filter((id) => !index.hidden.has(id)));
      invalidateScene();
    },
    setLocked(ids, locked) {
      for (const id of ids) {
        if (locked) index.locked.add(id);
        else index.locked.delete(id);
      }
      tool.refresh?.(ctx);
      dirty.interactive = true;
      requestFrame();
    },
    setPinned(ids, on) {
      for (const id of ids) {
        if (on) pinned.add(id);
        else pinned.delete(id);
      }
    },
    isHidden: (id) => index.hidden.has(id),
    isLocked: (id) => index.locked.has(id),
    isPinned: (id) => pinned.has(id),
    hitTest(x, y) {
      const p = toImage(view, features.toStage({ x, y }));
      return ctx.hitTest(p.x, p.y);
    },
    resize(w, h) {
      ({ width, height } = features.setContainerSize(w, h));
      stage.size({ width, height });
      dirty.image = dirty.interactive = true;
      invalidateScene();
    },
    dispatchInput,
    flush(settle = true) {
      if (destroyed) return;
      if (settle) {
        if (settleTimer !== undefined) {
          clearTimeout(settleTimer);
          settleTimer = undefined;
          staticLayer.settle();
        }
        if (staticLayer.progressive) staticLayer.finishProgressive();
      }
      if (raf) cancelAnimationFrame(raf);
      render();
    },
    on: (event, handler) => events.on(event, handler),
    destroy() {
      if (destroyed) return;
      tool.cancel(ctx);
      destroyed = true;
      if (raf) cancelAnimationFrame(raf);
      raf = 0;
      if (settleTimer !== undefined) clearTimeout(settleTimer);
      for (const r of removers) r();
      unsubscribeDoc?.();
      staticLayer.destroy();
      raster.destroy();
      interactive.destroy();
      features.destroy();
      stage.destroy();
      events.clear();
      image = null;
      doc = null;
    },
  };

  if (options.document) canvas.setDocument(options.document);
  else requestFrame();
  return canvas;
}
