import { expect } from 'chai';
import fc from 'fast-check';
import { AnnotkitError } from '../errors.js';
import type { ErrorCode, ErrorPath } from '../errors.js';
import { documentDataArbitrary } from '../document/arbitraries.js';
import type { AttributeSpec, DocumentData, Label, MediaInfo } from './records.js';
import {
  createValidationContext,
  validateAttributeValue,
  validateDocumentData,
  validateLabel,
  validateLabels,
  validateMeta,
  validateObject,
} from './validate.js';

/** Runs `fn`, expects an AnnotkitError with `code` and `path`. */
function expectError(fn: () => unknown, code: ErrorCode, path?: ErrorPath): AnnotkitError {
  try {
    fn();
  } catch (e) {
    expect(e).to.be.instanceOf(AnnotkitError);
    const err = e as AnnotkitError;
    expect(err.code, err.message).to.equal(code);
    if (path) expect(err.path, err.message).to.deep.equal(path);
    return err;
  }
  throw new Error(`expected ${code}, nothing was thrown`);
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

const spec = (over: Record<string, unknown>): Record<string, unknown> => ({
  id: 1,
  name: 'a',
  inputType: 'text',
  mutable: false,
  values: [],
  default: '',
  ...over,
});

const media: MediaInfo = {
  kind: 'video',
  frames: Array.from({ length: 10 }, (_, i) => ({ name: `f${i}`, width: 100, height: 80 })),
};

/** Labels used by object tests: 1 'car' (rectangle), 3 'any', 5 'weather' (tag), 7 skeleton. */
const labels = [
  {
    kind: 'label',
    id: 1,
    name: 'car',
    color: '#ff0000',
    type: 'rectangle',
    attributes: [
      spec({ id: 10, name: 'color', inputType: 'select', values: ['red', 'blue'], default: 'red' }),
      spec({
        id: 11,
        name: 'speed',
        inputType: 'number',
        mutable: true,
        values: ['0', '100', '1'],
        default: '0',
      }),
      spec({
        id: 12,
        name: 'parked',
        inputType: 'checkbox',
        mutable: true,
        values: ['false'],
        default: 'false',
      }),
    ],
  },
  { kind: 'label', id: 3, name: 'thing', color: '#00ff00', type: 'any', attributes: [] },
  { kind: 'label', id: 5, name: 'weather', color: '#0000ff', type: 'tag', attributes: [] },
  {
    kind: 'label',
    id: 7,
    name: 'person',
    color: '#123456',
    type: 'skeleton',
    attributes: [],
    sublabels: [
      { id: 8, name: 'head', color: '#111111', attributes: [spec({ id: 13, name: 'v' })] },
      { id: 9, name: 'foot', color: '#222222', attributes: [] },
    ],
    edges: [[8, 9]],
  },
] as unknown as Label[];

const ctx = createValidationContext(validateLabels(labels), media);

const rect = {
  kind: 'shape',
  id: 1,
  label: 1,
  frame: 2,
  geometry: { type: 'rectangle', points: [0, 0, 10, 10], rotation: 0 },
  zOrder: 0,
  occluded: false,
  attributes: { 10: 'blue', 11: '50' },
  group: 0,
  source: 'manual',
};

const kf = (frame: number, attributes: Record<string, string> = {}) => ({
  frame,
  geometry: { type: 'rectangle', points: [0, 0, 10, 10], rotation: 0 },
  outside: false,
  occluded: false,
  zOrder: 0,
  attributes,
});

const track = {
  kind: 'track',
  id: 2,
  label: 1,
  attributes: { 10: 'red' },
  group: 0,
  source: 'auto',
  score: 0.5,
  keyframes: [kf(0, { 11: '3' }), kf(4), kf(9, { 12: 'true' })],
};

const skeleton = {
  kind: 'shape',
  id: 3,
  label: 7,
  frame: 0,
  geometry: {
    type: 'skeleton',
    elements: [
      { label: 8, x: 1, y: 2, occluded: false, outside: false, attributes: { 13: 'x' } },
      { label: 9, x: 3, y: 4, occluded: false, outside: false, attributes: {} },
    ],
  },
  zOrder: 0,
  occluded: false,
  attributes: {},
  group: 0,
  source: 'manual',
};

describe('validateAttributeValue (CVAT rules)', () => {
  const num = spec({ inputType: 'number', values: ['-5', '5', '1'] }) as unknown as AttributeSpec;
  it('accepts numbers in [min, max] and rejects others', () => {
    for (const v of ['-5', '0', '5', '2.5']) expect(validateAttributeValue(num, v, [])).to.equal(v);
    for (const v of ['6', '-5.1', 'abc', '', ' ', 'NaN', 'Infinity']) {
      expectError(() => validateAttributeValue(num, v, ['x']), 'attribute-value', ['x']);
    }
  });
  it('checkbox is true/false; select and radio in values; text anything', () => {
    const cb = spec({ inputType: 'checkbox' }) as unknown as AttributeSpec;
    validateAttributeValue(cb, 'true', []);
    expectError(() => validateAttributeValue(cb, 'yes', []), 'attribute-value');
    for (const inputType of ['select', 'radio']) {
      const s = spec({ inputType, values: ['a', 'b'] }) as unknown as AttributeSpec;
      validateAttributeValue(s, 'b', []);
      expectError(() => validateAttributeValue(s, 'c', []), 'attribute-value');
    }
    validateAttributeValue(spec({}) as unknown as AttributeSpec, '§ anything', []);
    expectError(() => validateAttributeValue(num, 3, ['v']), 'invalid-type', ['v']);
  });
});

describe('validateLabel / validateLabels', () => {
  it('accepts the fixture labels and returns them unchanged', () => {
    expect(validateLabels(labels)).to.deep.equal(labels);
    expect(validateLabel(labels[0], ['l'])).to.equal(labels[0]);
  });

  const cases: [string, (ls: Record<string, unknown>[]) => void, ErrorCode, ErrorPath][] = [
    ['duplicate label id', (ls) => (ls[1].id = 1), 'duplicate-id', ['labels', 1, 'id']],
    [
      'sublabel id = label id',
      (ls) => (ls[2].id = 9),
      'duplicate-id',
      ['labels', 3, 'sublabels', 1, 'id'],
    ],
    ['duplicate name', (ls) => (ls[2].name = 'car'), 'duplicate-id', ['labels', 2, 'name']],
    [
      'duplicate attribute id',
      (ls) => (ls[1].attributes as unknown[]).push(spec({ id: 12 })),
      'duplicate-id',
      ['labels', 1, 'attributes', 0, 'id'],
    ],
    [
      'skeleton without sublabels',
      (ls) => delete ls[3].sublabels,
      'invalid-type',
      ['labels', 3, 'sublabels'],
    ],
    [
      'edge to a non-sublabel',
      (ls) => (ls[3].edges = [[8, 1]]),
      'unknown-label',
      ['labels', 3, 'edges', 0, 1],
    ],
    [
      'sublabels on a non-skeleton',
      (ls) => (ls[1].sublabels = []),
      'invalid-type',
      ['labels', 1, 'sublabels'],
    ],
    ['bad colour', (ls) => (ls[0].color = 'red'), 'invalid-type', ['labels', 0, 'color']],
    ['bad type', (ls) => (ls[0].type = 'circle'), 'invalid-type', ['labels', 0, 'type']],
    ['unknown field', (ls) => (ls[0].extra = 1), 'invalid-type', ['labels', 0, 'extra']],
    ['NaN id', (ls) => (ls[0].id = NaN), 'not-finite', ['labels', 0, 'id']],
    ['fractional id', (ls) => (ls[0].id = 1.5), 'invalid-type', ['labels', 0, 'id']],
  ];
  for (const [name, mutate, code, path] of cases) {
    it(`rejects ${name} with ${code}`, () => {
      const ls = clone(labels) as unknown as Record<string, unknown>[];
      mutate(ls);
      expectError(() => validateLabels(ls), code, path);
    });
  }

  const specCases: [string, Record<string, unknown>, ErrorCode, ErrorPath][] = [
    [
      'select default not in values',
      { inputType: 'select', values: ['a'], default: 'b' },
      'attribute-value',
      ['default'],
    ],
    [
      'select without values',
      { inputType: 'radio', values: [], default: '' },
      'attribute-value',
      ['values'],
    ],
    [
      'number with 2 values',
      { inputType: 'number', values: ['0', '1'], default: '0' },
      'attribute-value',
      ['values'],
    ],
    [
      'number non-numeric bound',
      { inputType: 'number', values: ['0', 'x', '1'], default: '0' },
      'attribute-value',
      ['values', 1],
    ],
    [
      'number min > max',
      { inputType: 'number', values: ['5', '1', '1'], default: '3' },
      'attribute-value',
      ['values'],
    ],
    [
      'number step 0',
      { inputType: 'number', values: ['0', '1', '0'], default: '0' },
      'attribute-value',
      ['values', 2],
    ],
    [
      'number default out of range',
      { inputType: 'number', values: ['0', '10', '1'], default: '11' },
      'attribute-value',
      ['default'],
    ],
    [
      'checkbox default',
      { inputType: 'checkbox', values: [], default: 'on' },
      'attribute-value',
      ['default'],
    ],
    ['non-string value', { values: [1] }, 'invalid-type', ['values', 0]],
  ];
  for (const [name, over, code, sub] of specCases) {
    it(`rejects an attribute spec with ${name}`, () => {
      const label = { ...clone(labels[1]), attributes: [spec(over)] };
      expectError(() => validateLabel(label, ['L']), code, ['L', 'attributes', 0, ...sub]);
    });
  }
});

describe('validateObject', () => {
  it('accepts shapes, tracks, tags and skeletons that fit their labels', () => {
    expect(validateObject(rect, ctx, [])).to.equal(rect);
    expect(validateObject(track, ctx, [])).to.equal(track);
    expect(validateObject(skeleton, ctx, [])).to.equal(skeleton);
    const tag = {
      kind: 'tag',
      id: 4,
      label: 5,
      frame: 9,
      attributes: {},
      group: 0,
      source: 'file',
    };
    validateObject(tag, ctx, []);
    validateObject({ ...tag, label: 3 }, ctx, []);
    const polygon = { type: 'polygon', points: [0, 0, 5, 0, 5, 5] };
    validateObject({ ...rect, label: 3, attributes: {}, geometry: polygon }, ctx, []);
  });

  type Case = [string, Record<string, unknown>, ErrorCode, ErrorPath];
  const p = (...path: ErrorPath): ErrorPath => ['o', ...path];
  const cases: Case[] = [
    ['unknown label', { ...rect, label: 99 }, 'unknown-label', p('label')],
    [
      'polygon on a rectangle label',
      { ...rect, geometry: { type: 'polygon', points: [0, 0, 1, 0, 1, 1] } },
      'label-shape-type',
      p('label'),
    ],
    ['shape on a tag label', { ...rect, label: 5, attributes: {} }, 'label-shape-type', p('label')],
    [
      'tag on a rectangle label',
      { kind: 'tag', id: 1, label: 1, frame: 0, attributes: {}, group: 0, source: 'manual' },
      'label-shape-type',
      p('label'),
    ],
    ['skeleton on an any label', { ...skeleton, label: 3 }, 'label-shape-type', p('label')],
    [
      'attribute of another label',
      { ...rect, attributes: { 13: 'x' } },
      'unknown-attribute',
      p('attributes', '13'),
    ],
    [
      'bad select value',
      { ...rect, attributes: { 10: 'green' } },
      'attribute-value',
      p('attributes', '10'),
    ],
    [
      'number out of range',
      { ...rect, attributes: { 11: '101' } },
      'attribute-value',
      p('attributes', '11'),
    ],
    ['frame past the media', { ...rect, frame: 10 }, 'frame-range', p('frame')],
    ['negative frame', { ...rect, frame: -1 }, 'frame-range', p('frame')],
    [
      'NaN coordinate',
      { ...rect, geometry: { type: 'rectangle', points: [0, NaN, 1, 1], rotation: 0 } },
      'not-finite',
      p('geometry', 'points', 1),
    ],
    ['Infinity zOrder', { ...rect, zOrder: Infinity }, 'not-finite', p('zOrder')],
    ['string occluded', { ...rect, occluded: 'false' }, 'invalid-type', p('occluded')],
    ['fractional id', { ...rect, id: 1.5 }, 'invalid-type', p('id')],
    ['bad source', { ...rect, source: 'magic' }, 'invalid-type', p('source')],
    ['score above 1', { ...rect, score: 1.5 }, 'invalid-type', p('score')],
    ['NaN score', { ...rect, score: NaN }, 'not-finite', p('score')],
    ['unknown field', { ...rect, locked: true }, 'invalid-type', p('locked')],
    ['missing field', { ...rect, group: undefined }, 'invalid-type', p('group')],
    ['track without keyframes', { ...track, keyframes: [] }, 'keyframes', p('keyframes')],
    [
      'unsorted keyframes',
      { ...track, keyframes: [kf(4), kf(2)] },
      'keyframes',
      p('keyframes', 1, 'frame'),
    ],
    [
      'duplicate keyframe frames',
      { ...track, keyframes: [kf(2), kf(2)] },
      'keyframes',
      p('keyframes', 1, 'frame'),
    ],
    [
      'keyframe past the media',
      { ...track, keyframes: [kf(2), kf(12)] },
      'frame-range',
      p('keyframes', 1, 'frame'),
    ],
    [
      'mixed shape types',
      {
        ...track,
        label: 3,
        attributes: {},
        keyframes: [kf(1), { ...kf(2), geometry: { type: 'points', points: [1, 1] } }],
      },
      'keyframes',
      p('keyframes', 1, 'geometry'),
    ],
    [
      'mutable attribute on the track',
      { ...track, attributes: { 11: '1' } },
      'unknown-attribute',
      p('attributes', '11'),
    ],
    [
      'immutable attribute on a keyframe',
      { ...track, keyframes: [kf(1, { 10: 'red' })] },
      'unknown-attribute',
      p('keyframes', 0, 'attributes', '10'),
    ],
  ];
  for (const [name, value, code, path] of cases) {
    it(`rejects ${name} with ${code}`, () => {
      expectError(() => validateObject(value, ctx, ['o']), code, path);
    });
  }

  it('checks skeleton elements against the sublabels: count, order and attributes', () => {
    const els = skeleton.geometry.elements;
    const withEls = (elements: unknown[]) => ({
      ...skeleton,
      geometry: { type: 'skeleton', elements },
    });
    expectError(() => validateObject(withEls([els[0]]), ctx, []), 'point-count', [
      'geometry',
      'elements',
    ]);
    expectError(() => validateObject(withEls([els[1], els[0]]), ctx, []), 'unknown-label', [
      'geometry',
      'elements',
      0,
      'label',
    ]);
    const badAttr = { ...els[1], attributes: { 13: 'x' } };
    expectError(() => validateObject(withEls([els[0], badAttr]), ctx, []), 'unknown-attribute', [
      'geometry',
      'elements',
      1,
      'attributes',
      '13',
    ]);
  });
});

describe('validateDocumentData', () => {
  const doc = (): Record<string, unknown> =>
    clone({
      schemaVersion: 1,
      media,
      labels,
      objects: [rect, track, skeleton],
      meta: { a: [1, { b: null }] },
    });

  it('accepts a valid document', () => {
    const d = doc();
    expect(validateDocumentData(d)).to.equal(d);
  });
  it('rejects duplicate object ids, a newer schema, bad media and bad meta', () => {
    const d1 = doc();
    (d1.objects as Record<string, unknown>[])[1].id = 1;
    expectError(() => validateDocumentData(d1), 'duplicate-id', ['objects', 1, 'id']);
    expectError(() => validateDocumentData({ ...doc(), schemaVersion: 2 }), 'schema-version', [
      'schemaVersion',
    ]);
    const d2 = doc();
    (d2.media as { frames: { width: number }[] }).frames[3].width = -1;
    expectError(() => validateDocumentData(d2), 'invalid-type', ['media', 'frames', 3, 'width']);
    expectError(() => validateDocumentData({ ...doc(), meta: { x: [NaN] } }), 'not-finite', [
      'meta',
      'x',
      0,
    ]);
    expectError(() => validateDocumentData({ ...doc(), meta: [] }), 'invalid-type', ['meta']);
  });
  it('accepts every generated document (the arbitrary is valid)', () => {
    fc.assert(
      fc.property(documentDataArbitrary(), (d: DocumentData) => {
        expect(validateDocumentData(d)).to.equal(d);
      }),
      { numRuns: 200 },
    );
  });
});

describe('prototype pollution', () => {
  afterEach(() => {
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });
  it('rejects __proto__ keys in attributes, meta and records without touching prototypes', () => {
    const evilAttrs = JSON.parse('{"__proto__": {"polluted": 1}}') as unknown;
    expectError(
      () => validateObject({ ...rect, attributes: evilAttrs }, ctx, []),
      'unknown-attribute',
      ['attributes', '__proto__'],
    );
    const evilMeta = JSON.parse('{"ok": 1, "nested": {"__proto__": {"polluted": 1}}}') as unknown;
    expectError(() => validateMeta(evilMeta), 'invalid-type', ['meta', 'nested', '__proto__']);
    expectError(
      () => validateMeta({ constructor: { prototype: { polluted: 1 } } }),
      'invalid-type',
      ['meta', 'constructor'],
    );
    const evilRecord = JSON.parse(`{"__proto__": {"polluted": 1}}`) as Record<string, unknown>;
    expectError(() => validateObject(Object.assign(evilRecord, rect), ctx, []), 'invalid-type', [
      '__proto__',
    ]);
  });
  it('rejects objects that are not plain (class instances, getters on other prototypes)', () => {
    class Sneaky {
      readonly kind = 'tag';
    }
    expectError(() => validateObject(new Sneaky(), ctx, ['x']), 'invalid-type', ['x']);
  });
});
