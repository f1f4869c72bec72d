/**
 * The visible objects of the current frame plus an rbush index of their bounds.
 *
 * Why: culling and hit testing must not scan 100k objects per pointer move. Bounds come from
 * the shape definitions (`shapeDefinition(type).bounds`), so nothing here switches on type.
 * A frame change bulk-loads the tree (fast, O(n log n)); a document change touches only the
 * changed records (remove + insert per record), never the whole tree.
 */
import RBush from 'rbush';
import { shapeDefinition } from '@annotkit/core';
import type { AnnotationDocument, ChangeEvent, Geometry, ObjectId } from '@annotkit/core';
import type { Rect } from '../canvas/view.js';
import { resolveFrame, resolveRecord } from './resolve.js';
import type { VisibleShape } from './resolve.js';

/** One indexed object: its bounds (image px) plus the visible shape and its area (px²). */
export interface SceneItem extends Rect {
  readonly shape: VisibleShape;
  /** Area from the shape definition (0 for polylines and points). */
  readonly area: number;
}

/** A hit-test query. */
export interface HitOptions {
  /** Pick distance in image pixels. Defaults to 0. */
  readonly tolerance?: number;
  /** Also return locked objects. Defaults to false (locked objects ignore the pointer). */
  readonly includeLocked?: boolean;
}

/** The index of one canvas. Two canvases never share one. */
export interface SceneIndex {
  /** Number of visible (indexed) objects, hidden ones included. */
  readonly size: number;
  /** Rebuilds everything for `frame` of `doc` (bulk load). */
  load(doc: AnnotationDocument | null, frame: number): void;
  /**
   * Applies a document change incrementally. Returns the ids whose drawing changed (added,
   * updated or removed on this frame); label changes return `'all'` (colours may change).
   */
  applyChange(event: ChangeEvent, frame: number): ObjectId[] | 'all';
  /** The item of `id`, when visible on this frame. */
  get(id: ObjectId): SceneItem | undefined;
  /** Items whose bounds intersect `rect` (image px), hidden ones included. */
  search(rect: Rect): SceneItem[];
  /** All items. */
  all(): SceneItem[];
  /**
   * The object under the image point `(x, y)`: candidates from the tree, exact distance from the
   * shape definition, and among hits the smallest area wins (ties: higher zOrder, then higher
   * id). Hidden objects never hit; locked ones only with `includeLocked`.
   */
  hitTest(x: number, y: number, options?: HitOptions): ObjectId | undefined;
  /** Objects whose bounds lie entirely inside `rect` (rubber band), minus hidden/locked. */
  inside(rect: Rect): ObjectId[];
  /** View state kept by the canvas, not the document. */
  readonly hidden: Set<ObjectId>;
  /** View state kept by the canvas, not the document. */
  readonly locked: Set<ObjectId>;
}

/**
 * An indexed object. A class rather than an object literal: a frame switch makes one per visible
 * object, and object literals let V8 move a hot allocation site to the old generation, where
 * its objects keep each frame's young geometry alive through minor collections (see core's
 * CONTEXT.md, Performance).
 */
class Item implements SceneItem {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  readonly area: number;

  constructor(readonly shape: VisibleShape) {
    const def = shapeDefinition(shape.geometry.type) as {
      bounds(g: Geometry): Rect;
      area(g: Geometry): number;
    };
    const b = def.bounds(shape.geometry);
    this.minX = b.minX;
    this.minY = b.minY;
    this.maxX = b.maxX;
    this.maxY = b.maxY;
    this.area = def.area(shape.geometry);
  }
}

const itemOf = (shape: VisibleShape): SceneItem => new Item(shape);

/** Exact hit distance (image px) from the definition of the item's shape type. */
export function distanceTo(item: SceneItem, x: number, y: number): number {
  const def = shapeDefinition(item.shape.geometry.type) as {
    distance(g: Geometry, x: number, y: number): number;
  };
  return def.distance(item.shape.geometry, x, y);
}

/** Creates an empty index. */
export function createSceneIndex(): SceneIndex {
  let tree = new RBush<SceneItem>();
  const byId = new Map<ObjectId, SceneItem>();
  const hidden = new Set<ObjectId>();
  const locked = new Set<ObjectId>();

  const upsert = (shape: VisibleShape | undefined, id: ObjectId): void => {
    const old = byId.get(id);
    if (old) {
      tree.remove(old);
      byId.delete(id);
    }
    if (shape) {
      const item = itemOf(shape);
      byId.set(id, item);
      tree.insert(item);
    }
  };

  return {
    get size() {
      return byId.size;
    },
    hidden,
    locked,
    load(doc, frame) {
      tree = new RBush<SceneItem>();
      if (!doc) {
        byId.clear();
        return;
      }
      const items = resolveFrame(doc, frame).map(itemOf);
      // The id map is updated in place, not cleared and refilled: on playback the same tracks
      // stay, so no new table is made per frame. A map of 10k entries that was cleared every
      // frame left its old tables holding the previous frames' items, which then survived
      // minor collections and were promoted (measured: ~8 MB promoted per minor collection,
      // none now; see core's CONTEXT.md, Performance).
      for (const it of items) byId.set(it.shape.id, it);
      if (byId.size > items.length) {
        const live = new Set(items);
        for (const [id, it] of byId) if (!live.has(it)) byId.delete(id);
      }
      tree.load(items);
    },
    applyChange(event, frame) {
      const touched: ObjectId[] = [];
      let labels = false;
      const { added, updated, removed } = event.change;
      for (const r of removed) {
        if (r.kind === 'label') {
          labels = true;
          continue;
        }
        if (byId.has(r.id)) touched.push(r.id);
        upsert(undefined, r.id);
      }
      for (const r of added) {
        if (r.kind === 'label') {
          labels = true;
          continue;
        }
        const shape = resolveRecord(r, frame);
        if (shape) touched.push(r.id);
        upsert(shape, r.id);
      }
      for (const [, after] of updated) {
        if (after.kind === 'label') {
          labels = true;
          continue;
        }
        const shape = resolveRecord(after, frame);
        if (shape || byId.has(after.id)) touched.push(after.id);
        upsert(shape, after.id);
      }
      return labels ? 'all' : touched;
    },
    get(id) {
      return byId.get(id);
    },
    search(rect) {
      return tree.search(rect);
    },
    all() {
      return [...byId.values()];
    },
    hitTest(x, y, options = {}) {
      const tol = options.tolerance ?? 0;
      const candidates = tree.search({
        minX: x - tol,
        minY: y - tol,
        maxX: x + tol,
        maxY: y + tol,
      });
      let best: SceneItem | undefined;
      for (const c of candidates) {
        const id = c.shape.id;
        if (hidden.has(id) || (!options.includeLocked && locked.has(id))) continue;
        if (distanceTo(c, x, y) > tol) continue;
        if (!best || better(c, best)) best = c;
      }
      return best?.shape.id;
    },
    inside(rect) {
      const out: ObjectId[] = [];
      for (const c of tree.search(rect)) {
        const id = c.shape.id;
        if (hidden.has(id) || locked.has(id)) continue;
        if (
          c.minX >= rect.minX &&
          c.maxX <= rect.maxX &&
          c.minY >= rect.minY &&
          c.maxY <= rect.maxY
        )
          out.push(id);
      }
      return out.sort((a, b) => a - b);
    },
  };
}

function better(a: SceneItem, b: SceneItem): boolean {
  if (a.area !== b.area) return a.area < b.area;
  if (a.shape.zOrder !== b.shape.zOrder) return a.shape.zOrder > b.shape.zOrder;
  return a.shape.id > b.shape.id;
}
