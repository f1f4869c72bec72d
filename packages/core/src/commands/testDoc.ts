/**
 * A small hand-written document for command and query tests (test helper, not exported from
 * the package). Labels cover attributes of each mutability, a tag label, skeletons of two
 * structures and masks.
 */
import { expect } from 'chai';
import { isAnnotkitError } from '../errors.js';
import { createDocument } from '../document/createDocument.js';
import type { AnnotationDocument } from '../document/types.js';
import type { AttributeId, LabelId, ObjectId } from '../model/ids.js';
import type {
  AnnotationObject,
  AttributeValues,
  Geometry,
  Keyframe,
  Label,
  ShapeObject,
  TagObject,
  TrackObject,
} from '../model/records.js';
import type { Command, CommandState, Transaction } from './types.js';

/** Label ids of the test document. */
export const L = {
  car: 1 as LabelId,
  any: 2 as LabelId,
  bike: 3 as LabelId,
  scene: 4 as LabelId,
  pose: 5 as LabelId,
  pose2: 6 as LabelId,
  tri: 7 as LabelId,
  seg: 8 as LabelId,
} as const;

/** Attribute ids of the test document. */
export const A = {
  color: 10 as AttributeId,
  speed: 11 as AttributeId,
  parked: 12 as AttributeId,
  note: 20 as AttributeId,
  make: 30 as AttributeId,
  weather: 40 as AttributeId,
  vis: 50 as AttributeId,
} as const;

const sub = (id: number, name: string, attrs: Label['attributes'] = []) => ({
  id: id as LabelId,
  name,
  color: '#00ff00',
  attributes: attrs,
});

/** The labels of the test document. */
export const LABELS: readonly Label[] = [
  {
    kind: 'label',
    id: L.car,
    name: 'car',
    color: '#ff0000',
    type: 'rectangle',
    attributes: [
      {
        id: A.color,
        name: 'color',
        inputType: 'select',
        mutable: false,
        values: ['red', 'blue'],
        default: 'red',
      },
      {
        id: A.speed,
        name: 'speed',
        inputType: 'number',
        mutable: true,
        values: ['0', '100', '1'],
        default: '0',
      },
      {
        id: A.parked,
        name: 'parked',
        inputType: 'checkbox',
        mutable: true,
        values: [],
        default: 'false',
      },
    ],
  },
  {
    kind: 'label',
    id: L.any,
    name: 'thing',
    color: '#0000ff',
    type: 'any',
    attributes: [
      { id: A.note, name: 'note', inputType: 'text', mutable: false, values: [], default: '' },
    ],
  },
  {
    kind: 'label',
    id: L.bike,
    name: 'bike',
    color: '#00ffff',
    type: 'rectangle',
    attributes: [
      {
        id: A.make,
        name: 'make',
        inputType: 'select',
        mutable: false,
        values: ['a', 'b'],
        default: 'a',
      },
    ],
  },
  {
    kind: 'label',
    id: L.scene,
    name: 'scene',
    color: '#ffff00',
    type: 'tag',
    attributes: [
      {
        id: A.weather,
        name: 'weather',
        inputType: 'radio',
        mutable: false,
        values: ['sun', 'rain'],
        default: 'sun',
      },
    ],
  },
  {
    kind: 'label',
    id: L.pose,
    name: 'pose',
    color: '#ff00ff',
    type: 'skeleton',
    attributes: [],
    sublabels: [
      sub(51, 'head', [
        {
          id: A.vis,
          name: 'vis',
          inputType: 'checkbox',
          mutable: false,
          values: [],
          default: 'true',
        },
      ]),
      sub(52, 'foot'),
    ],
    edges: [[51 as LabelId, 52 as LabelId]],
  },
  {
    kind: 'label',
    id: L.pose2,
    name: 'pose2',
    color: '#ff00aa',
    type: 'skeleton',
    attributes: [],
    sublabels: [sub(61, 'top'), sub(62, 'bottom')],
    edges: [[61 as LabelId, 62 as LabelId]],
  },
  {
    kind: 'label',
    id: L.tri,
    name: 'tri',
    color: '#aa00ff',
    type: 'skeleton',
    attributes: [],
    sublabels: [sub(71, 'a'), sub(72, 'b'), sub(73, 'c')],
    edges: [],
  },
  { kind: 'label', id: L.seg, name: 'seg', color: '#123456', type: 'mask', attributes: [] },
];

/** Number of frames of the test media. */
export const FRAMES = 20;

/** An axis-aligned rectangle geometry. */
export const rect = (x: number, y: number, w = 10, h = 10): Geometry => ({
  type: 'rectangle',
  points: [x, y, x + w, y + h],
  rotation: 0,
});

/** A 2×2 mask at (x, y). */
export const mask = (x: number, y: number): Geometry => ({
  type: 'mask',
  rle: [0, 4],
  left: x,
  top: y,
  right: x + 1,
  bottom: y + 1,
});

/** A two-point skeleton geometry for label `label` (sublabel ids `s1`, `s2`). */
export const skeleton = (s1: number, s2: number, x = 0): Geometry => ({
  type: 'skeleton',
  elements: [
    { label: s1 as LabelId, x, y: 0, occluded: false, outside: false, attributes: {} },
    { label: s2 as LabelId, x: x + 5, y: 5, occluded: false, outside: false, attributes: {} },
  ],
});

/** A shape record. */
export function shape(
  id: number,
  frame: number,
  geometry: Geometry,
  extra: Partial<ShapeObject> = {},
): ShapeObject {
  return {
    kind: 'shape',
    id: id as ObjectId,
    label: L.car,
    attributes: {},
    group: 0,
    source: 'manual',
    frame,
    geometry,
    zOrder: 0,
    occluded: false,
    ...extra,
  };
}

/** A keyframe record. */
export function kf(
  frame: number,
  geometry: Geometry,
  extra: Partial<Keyframe> & { attributes?: AttributeValues } = {},
): Keyframe {
  return { frame, geometry, outside: false, occluded: false, zOrder: 0, attributes: {}, ...extra };
}

/** A track record. */
export function track(
  id: number,
  keyframes: readonly Keyframe[],
  extra: Partial<TrackObject> = {},
): TrackObject {
  return {
    kind: 'track',
    id: id as ObjectId,
    label: L.car,
    attributes: {},
    group: 0,
    source: 'manual',
    keyframes,
    ...extra,
  };
}

/** A tag record. */
export function tag(id: number, frame: number, extra: Partial<TagObject> = {}): TagObject {
  return {
    kind: 'tag',
    id: id as ObjectId,
    label: L.scene,
    attributes: {},
    group: 0,
    source: 'manual',
    frame,
    ...extra,
  };
}

/** A live test document with the given objects. */
export function testDoc(objects: readonly AnnotationObject[] = []): AnnotationDocument {
  return createDocument({
    media: {
      kind: 'images',
      frames: Array.from({ length: FRAMES }, (_, i) => ({
        name: `f${i}.jpg`,
        width: 640,
        height: 480,
      })),
    },
    labels: LABELS,
    objects,
  });
}

/** A command state on `frame` with an empty selection. */
export function stateOf(doc: AnnotationDocument, frame = 0): CommandState {
  return { doc, frame, selection: [] };
}

/** Shorthand for `ObjectId`. */
export const oid = (n: number): ObjectId => n as ObjectId;

/** Runs a command, checks that it dispatched exactly one recorded user transaction. */
export function run(cmd: Command, doc: AnnotationDocument, frame = 0): Transaction {
  const trs: Transaction[] = [];
  const ok = cmd(stateOf(doc, frame), (tr) => {
    trs.push(tr);
    doc.apply(tr.change, tr.options);
  });
  expect(ok).to.equal(true);
  expect(trs).to.have.length(1);
  expect(trs[0]!.options.origin).to.equal('user');
  expect(trs[0]!.options.history).to.equal('record');
  expect(trs[0]!.options.name).to.be.a('string');
  return trs[0]!;
}

/** Expects `fn` to throw an `AnnotkitError` with `code`. */
export function expectCode(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (e) {
    expect(isAnnotkitError(e), String(e)).to.equal(true);
    expect((e as { code: string }).code).to.equal(code);
    return;
  }
  expect.fail(`expected ${code}`);
}

/** `console.log` for test output (core compiles without DOM or Node types). */
export function log(...args: unknown[]): void {
  (globalThis as unknown as { console: { log(...a: unknown[]): void } }).console.log(...args);
}
