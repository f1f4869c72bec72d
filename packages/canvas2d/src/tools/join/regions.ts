/**
 * Region helpers shared by join and slice: conversion between flat polygon points and
 * polygon-clipping's rings, mask bitmaps over a common box, and the draft that replaces input
 * objects by results in ONE transaction.
 */
import polygonClipping from 'polygon-clipping';
import type { MultiPolygon, Polygon, Ring } from 'polygon-clipping';
import { maskFromBitmap, maskToBitmap, polygonToMask } from '@annotkit/core';
import type {
  CommandState,
  Geometry,
  MaskGeometry,
  ObjectId,
  ShapeObject,
  Transaction,
} from '@annotkit/core';

export { polygonClipping };

/** Flat `[x0, y0, …]` points → a closed polygon-clipping ring. */
export function toRing(points: readonly number[]): Ring {
  const ring: Ring = [];
  for (let i = 0; i + 1 < points.length; i += 2) ring.push([points[i], points[i + 1]]);
  if (ring.length) ring.push([ring[0][0], ring[0][1]]);
  return ring;
}

/** A closed polygon-clipping ring → flat points without the repeated closing vertex. */
export function fromRing(ring: Ring): number[] {
  const n =
    ring.length > 1 && sameXY(ring[0], ring[ring.length - 1]) ? ring.length - 1 : ring.length;
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(ring[i][0], ring[i][1]);
  return out;
}

function sameXY(a: readonly number[], b: readonly number[]): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** A polygon-clipping multipolygon's pieces that have holes (not representable as polygons). */
export function piecesWithHoles(mp: MultiPolygon): number {
  return mp.filter((p) => p.length > 1).length;
}

/** The outer rings of a multipolygon as flat point lists. */
export function outerRings(mp: MultiPolygon): number[][] {
  return mp.map((p: Polygon) => fromRing(p[0]));
}

/** An integer pixel box (inclusive) and a bitmap over it. */
export interface BoxBitmap {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly bitmap: Uint8Array;
}

/** Ors `mask` into `into` (whose box must contain the mask's box). */
export function orMask(into: BoxBitmap, mask: MaskGeometry): void {
  const m = maskToBitmap(mask);
  const dx = mask.left - into.left;
  const dy = mask.top - into.top;
  for (let y = 0; y < m.height; y++) {
    const src = y * m.width;
    const dst = (y + dy) * into.width + dx;
    for (let x = 0; x < m.width; x++) if (m.bitmap[src + x]) into.bitmap[dst + x] = 1;
  }
}

/** The mask geometry of a polygon or mask geometry (pixel-centre rasterisation for polygons). */
export function asMask(g: Geometry): MaskGeometry {
  if (g.type === 'mask') return g;
  if (g.type !== 'polygon') throw new Error(`not a region: ${g.type}`);
  return polygonToMask(g.points);
}

/** Encodes a box bitmap as a mask, or undefined when no pixel is set. */
export function boxToMask(b: BoxBitmap): MaskGeometry | undefined {
  if (!b.bitmap.some((v) => v !== 0)) return undefined;
  return maskFromBitmap(b.bitmap, b.width, b.height, b.left, b.top);
}

/** A new shape without its id (allocated when the change is drafted). */
export type NewShape = Omit<ShapeObject, 'id'>;

/**
 * A result shape derived from `base`: same label, frame, attributes, group, occluded; the given
 * geometry and zOrder; no score; source as core's edit rule (auto/semi-auto → semi-auto, else
 * manual).
 */
export function derive(base: ShapeObject, geometry: Geometry, zOrder = base.zOrder): NewShape {
  const source = base.source === 'auto' || base.source === 'semi-auto' ? 'semi-auto' : 'manual';
  return {
    kind: 'shape',
    label: base.label,
    frame: base.frame,
    attributes: base.attributes,
    group: base.group,
    occluded: base.occluded,
    geometry,
    zOrder,
    source,
  };
}

/**
 * Drafts ONE change that removes `inputs` and adds `results` (fresh ids), and dispatches it as
 * one user transaction named `name` (one undo step). Returns the ids of the added objects.
 */
export function replaceObjects(
  state: CommandState,
  dispatch: (tr: Transaction) => void,
  inputs: readonly ShapeObject[],
  results: readonly NewShape[],
  name: string,
): ObjectId[] {
  const ids: ObjectId[] = [];
  const change = state.doc.draft((tx) => {
    for (const o of inputs) tx.remove(o);
    for (const r of results) {
      const id = tx.newObjectId();
      ids.push(id);
      tx.add({ ...r, id } as ShapeObject);
    }
  });
  dispatch({ change, options: { origin: 'user', history: 'record', name } });
  return ids;
}
