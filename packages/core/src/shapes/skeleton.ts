/** Skeletons: one point element per sublabel, each with its own occluded/outside/attributes. */
import { AnnotkitError, ErrorCode } from '../errors.js';
import type { LabelId } from '../model/ids.js';
import type { SkeletonElement, SkeletonGeometry } from '../model/records.js';
import { blankRecord } from './common.js';
import type { Box } from './types.js';
import type { ShapeDefinition } from './types.js';
import {
  expectAttributeValues,
  expectBoolean,
  expectFinite,
  expectGeometryObject,
  expectInteger,
  invalidType,
} from './validation.js';

const ELEMENT_KEYS = ['label', 'x', 'y', 'occluded', 'outside', 'attributes'];

/**
 * The skeleton definition. Validation checks structure only (one element per distinct label,
 * finite coordinates, booleans, attribute values as strings); matching the elements against the
 * label's sublabels is the document validator's job.
 *
 * Bounds cover the visible (not outside) elements, or all elements when every one is outside.
 * Distance is to the nearest visible element (`Infinity` when none is visible); area is 0.
 *
 * Interpolation is per element, matched by element label (CVAT interpolates each element as its
 * own single-point track): x/y linearly, occluded/outside/attributes held from the left. A left
 * element without a counterpart on the right is held; the output keeps the left's elements and
 * order.
 */
export const skeletonDefinition: ShapeDefinition<'skeleton'> = {
  type: 'skeleton',

  validate(value, path) {
    const record = expectGeometryObject(value, 'skeleton', ['elements'], path);
    const elementsPath = [...path, 'elements'];
    if (!Array.isArray(record.elements)) invalidType(elementsPath, 'expected an array of elements');
    if (record.elements.length === 0) {
      throw new AnnotkitError(ErrorCode.PointCount, 'a skeleton needs at least one element', {
        path: elementsPath,
      });
    }
    const seen = new Set<number>();
    const elements: SkeletonElement[] = record.elements.map((raw: unknown, i: number) => {
      const p = [...elementsPath, i];
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        invalidType(p, 'expected a skeleton element object');
      }
      const e = raw as Record<string, unknown>;
      for (const key of Object.keys(e)) {
        if (!ELEMENT_KEYS.includes(key)) invalidType([...p, key], `unknown element field '${key}'`);
      }
      const label = expectInteger(e.label, [...p, 'label']);
      if (seen.has(label)) {
        throw new AnnotkitError(
          ErrorCode.InvalidGeometry,
          `two skeleton elements have label ${label}`,
          { path: [...p, 'label'] },
        );
      }
      seen.add(label);
      return {
        label: label as LabelId,
        x: expectFinite(e.x, [...p, 'x']),
        y: expectFinite(e.y, [...p, 'y']),
        occluded: expectBoolean(e.occluded, [...p, 'occluded']),
        outside: expectBoolean(e.outside, [...p, 'outside']),
        attributes: expectAttributeValues(e.attributes, [...p, 'attributes']),
      };
    });
    return { type: 'skeleton', elements };
  },

  bounds(g) {
    const anyVisible = g.elements.some((e) => !e.outside);
    let box: Box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
    for (const e of g.elements) {
      if (anyVisible && e.outside) continue;
      box = {
        minX: Math.min(box.minX, e.x),
        minY: Math.min(box.minY, e.y),
        maxX: Math.max(box.maxX, e.x),
        maxY: Math.max(box.maxY, e.y),
      };
    }
    return box;
  },

  distance(g, x, y) {
    let best = Infinity;
    for (const e of g.elements) {
      if (e.outside) continue;
      const d = Math.hypot(e.x - x, e.y - y);
      if (d < best) best = d;
    }
    return best;
  },

  area: () => 0,

  translate(g, dx, dy) {
    return {
      type: 'skeleton',
      elements: g.elements.map((e) => ({ ...e, x: e.x + dx, y: e.y + dy })),
    };
  },

  interpolator(a, b) {
    const rightIndex = new Map<number, number>();
    b.elements.forEach((e, i) => rightIndex.set(e.label, i));
    const match = a.elements.map((e) => rightIndex.get(e.label) ?? -1);
    return (t): SkeletonGeometry => {
      if (t === 0) return a;
      const elements = a.elements.map((e, i) => {
        const j = match[i];
        if (j < 0) return e;
        const r = b.elements[j];
        return { ...e, x: e.x + (r.x - e.x) * t, y: e.y + (r.y - e.y) * t };
      });
      const g = blankRecord<SkeletonGeometry>();
      g.type = 'skeleton';
      g.elements = elements;
      return g;
    };
  },
};
