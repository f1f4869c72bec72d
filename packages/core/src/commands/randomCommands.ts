/**
 * Random commands for property tests (test helper, not exported from the package). fast-check
 * generates plain seeds; each seed becomes a command against the document as it is when the
 * command runs, so sequences stay meaningful after earlier commands removed or merged objects.
 */
import fc from 'fast-check';
import type { AnnotationDocument } from '../document/types.js';
import type { AttributeSpec, Geometry, Label, ShapeType } from '../model/records.js';
import { shapeDefinition } from '../shapes/index.js';
import { group, ungroup, zOrder } from './arrange.js';
import { copyObjects, paste, propagate } from './clipboard.js';
import { setOccluded, setOutside, toggleKeyframe } from './keyframes.js';
import {
  changeLabel,
  createObject,
  removeObjects,
  setAttribute,
  updateGeometry,
} from './objects.js';
import { mergeIntoTrack, shapeToTrack, splitTrack, trackToShapes } from './tracks.js';
import type { Command } from './types.js';
import { keyframeAt } from './util.js';

/** One random command, as numbers interpreted against the current document. */
export interface CommandSeed {
  readonly op: number;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
}

/** Number of command kinds `commandFromSeed` knows. */
export const COMMAND_KINDS = 17;

/** An arbitrary command seed. */
export const commandSeedArbitrary = (): fc.Arbitrary<CommandSeed> =>
  fc.record({
    op: fc.nat(COMMAND_KINDS - 1),
    a: fc.nat(1000),
    b: fc.nat(1000),
    c: fc.nat(1000),
    d: fc.nat(1000),
  });

function newGeometry(type: ShapeType, x: number, y: number): Geometry | undefined {
  switch (type) {
    case 'rectangle':
      return { type, points: [x, y, x + 8, y + 6], rotation: 0 };
    case 'polygon':
      return { type, points: [x, y, x + 10, y, x + 5, y + 9] };
    case 'polyline':
      return { type, points: [x, y, x + 10, y + 3] };
    case 'points':
      return { type, points: [x, y] };
    case 'ellipse':
      return { type, cx: x, cy: y, rx: 4, ry: 3, rotation: 0 };
    default:
      return undefined;
  }
}

function valueFor(spec: AttributeSpec, k: number): string {
  switch (spec.inputType) {
    case 'select':
    case 'radio':
      return spec.values[k % spec.values.length]!;
    case 'checkbox':
      return k % 2 === 0 ? 'true' : 'false';
    case 'number': {
      const min = Number(spec.values[0]);
      const max = Number(spec.values[1]);
      return String(min + (k % (max - min + 1)));
    }
    case 'text':
      return `t${k % 5}`;
  }
}

function createFromSeed(
  doc: AnnotationDocument,
  label: Label,
  s: CommandSeed,
): Command | undefined {
  const frame = s.b % doc.media.frames.length;
  const common = { label: label.id, attributes: {}, group: 0, source: 'manual' as const };
  if (label.type === 'tag' || (label.type === 'any' && s.c % 3 === 0)) {
    return createObject({ kind: 'tag', ...common, frame });
  }
  const type = label.type === 'any' ? 'rectangle' : label.type;
  const geometry = newGeometry(type, s.c % 200, s.d % 200);
  if (!geometry) return undefined;
  if (s.a % 2 === 0) {
    return createObject({ kind: 'shape', ...common, frame, geometry, zOrder: 0, occluded: false });
  }
  return createObject({
    kind: 'track',
    ...common,
    keyframes: [{ frame, geometry, outside: false, occluded: false, zOrder: 0, attributes: {} }],
  });
}

/**
 * The command for `seed` against `doc` as it is now, or undefined when the seed does not fit
 * (e.g. no objects yet). Commands may still answer false; that is part of what is tested.
 */
export function commandFromSeed(doc: AnnotationDocument, s: CommandSeed): Command | undefined {
  const objects = doc.objects();
  const labels = doc.labels();
  const frames = doc.media.frames.length;
  const frame = s.b % frames;
  const label = labels[s.c % labels.length]!;
  if (s.op === 0) return createFromSeed(doc, label, s);
  if (objects.length === 0) return undefined;
  const o = objects[s.a % objects.length]!;
  const other = objects[s.d % objects.length]!;
  switch (s.op) {
    case 1: {
      if (o.kind === 'tag') return undefined;
      const f = o.kind === 'shape' ? o.frame : frame;
      const g = o.kind === 'shape' ? o.geometry : keyframeAt(o, f).geometry;
      const def = shapeDefinition(g.type) as {
        translate(g: Geometry, dx: number, dy: number): Geometry;
      };
      return updateGeometry(o.id, f, def.translate(g, (s.c % 7) - 3, (s.d % 5) - 2));
    }
    case 2:
      return removeObjects([o.id]);
    case 3:
      return changeLabel([o.id], label.id);
    case 4: {
      const own = doc.label(o.label)!;
      const spec = own.attributes[s.c % Math.max(own.attributes.length, 1)];
      if (!spec) return undefined;
      const f = o.kind === 'track' ? frame : o.frame;
      return setAttribute(o.id, spec.id, valueFor(spec, s.d), f);
    }
    case 5:
      return toggleKeyframe(o.id, frame);
    case 6:
      return setOutside(o.id, frame, s.c % 2 === 0);
    case 7:
      return setOccluded(
        o.id,
        o.kind === 'track' ? frame : o.kind === 'shape' ? o.frame : 0,
        s.c % 2 === 0,
      );
    case 8:
      return mergeIntoTrack([o.id, other.id]);
    case 9:
      return splitTrack(o.id, frame);
    case 10:
      return group([o.id, other.id]);
    case 11:
      return ungroup([o.id]);
    case 12: {
      const f = o.kind === 'shape' ? o.frame : frame;
      const moves = ['forward', 'backward', 'front', 'back'] as const;
      return zOrder([o.id, other.id], moves[s.c % 4]!, f);
    }
    case 13: {
      const f = o.kind === 'track' ? frame : o.frame;
      if (o.kind === 'track' && keyframeAt(o, f).outside) return undefined;
      return paste(copyObjects(doc, [o.id], f), frame, { dx: s.c % 3, dy: 0 });
    }
    case 14: {
      const f = o.kind === 'track' ? frame : o.frame;
      return propagate(o.id, f, f + (s.c % 5) - 2);
    }
    case 15:
      return shapeToTrack(o.id);
    default:
      return trackToShapes(o.id);
  }
}
