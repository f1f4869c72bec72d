import { expect } from 'chai';
import { AnnotkitError } from '../errors.js';
import type { ErrorCode, ErrorPath } from '../errors.js';
import type { ShapeType } from '../model/records.js';
import { shapeDefinition } from './index.js';

const P: ErrorPath = ['objects', 2, 'geometry'];

function rejects(type: ShapeType, value: unknown, code: ErrorCode, path: ErrorPath): void {
  let caught: unknown;
  try {
    shapeDefinition(type).validate(value, P);
  } catch (e) {
    caught = e;
  }
  expect(caught, JSON.stringify(value)).to.be.instanceOf(AnnotkitError);
  const e = caught as AnnotkitError;
  expect(e.code, e.message).to.equal(code);
  expect(e.path, e.message).to.deep.equal([...P, ...path]);
}

const element = (label: number, x = 1, y = 2) => ({
  label,
  x,
  y,
  occluded: false,
  outside: false,
  attributes: {},
});

describe('shape validation', () => {
  it('accepts a valid geometry of every type and returns an equal copy', () => {
    const valid: unknown[] = [
      { type: 'rectangle', points: [0, 0, 10, 5], rotation: 30 },
      { type: 'polygon', points: [0, 0, 10, 0, 10, 10] },
      { type: 'polyline', points: [0, 0, 10, 0] },
      { type: 'points', points: [3, 4] },
      { type: 'ellipse', cx: 5, cy: 5, rx: 2, ry: 1, rotation: 0 },
      { type: 'cuboid', points: Array.from({ length: 16 }, (_, i) => i) },
      { type: 'cuboid3d', position: [1, 2, 3], rotation: [0, 0, 1], scale: [1, 2, 3] },
      { type: 'skeleton', elements: [element(1), { ...element(2), attributes: { 7: 'x' } }] },
      { type: 'mask', rle: [1, 2, 1], left: 3, top: 4, right: 4, bottom: 5 },
    ];
    for (const g of valid) {
      const type = (g as { type: ShapeType }).type;
      const out = shapeDefinition(type).validate(g, P);
      expect(out).to.deep.equal(g);
      expect(out).not.to.equal(g);
    }
  });

  it('rejects non-objects, wrong type fields and unknown fields', () => {
    rejects('polygon', null, 'invalid-type', []);
    rejects('polygon', [0, 0, 1, 1, 2, 2], 'invalid-type', []);
    rejects('polygon', { type: 'polyline', points: [0, 0, 1, 1, 2, 2] }, 'invalid-type', ['type']);
    rejects(
      'polygon',
      { type: 'polygon', points: [0, 0, 1, 1, 2, 2], rotation: 0 },
      'invalid-type',
      ['rotation'],
    );
    expect(() => shapeDefinition('tag' as ShapeType)).to.throw(AnnotkitError);
    expect(() => shapeDefinition('__proto__' as ShapeType)).to.throw(AnnotkitError);
  });

  it('rejects bad numbers with not-finite / invalid-type at the element', () => {
    rejects('polygon', { type: 'polygon', points: [0, 0, 1, NaN, 2, 2] }, 'not-finite', [
      'points',
      3,
    ]);
    rejects('polyline', { type: 'polyline', points: [0, Infinity, 1, 1] }, 'not-finite', [
      'points',
      1,
    ]);
    rejects('points', { type: 'points', points: [0, '1'] }, 'invalid-type', ['points', 1]);
    rejects('points', { type: 'points', points: 'nope' }, 'invalid-type', ['points']);
    rejects('rectangle', { type: 'rectangle', points: [0, 0, 1, 1], rotation: NaN }, 'not-finite', [
      'rotation',
    ]);
  });

  it('rejects wrong point counts', () => {
    rejects('polygon', { type: 'polygon', points: [0, 0, 1, 1] }, 'point-count', ['points']);
    rejects('polygon', { type: 'polygon', points: [0, 0, 1, 1, 2] }, 'point-count', ['points']);
    rejects('polyline', { type: 'polyline', points: [0, 0] }, 'point-count', ['points']);
    rejects('points', { type: 'points', points: [] }, 'point-count', ['points']);
    rejects('rectangle', { type: 'rectangle', points: [0, 0, 1], rotation: 0 }, 'point-count', [
      'points',
    ]);
    rejects('cuboid', { type: 'cuboid', points: Array(14).fill(1) }, 'point-count', ['points']);
    rejects(
      'cuboid3d',
      { type: 'cuboid3d', position: [0, 0], rotation: [0, 0, 0], scale: [1, 1, 1] },
      'point-count',
      ['position'],
    );
    rejects('skeleton', { type: 'skeleton', elements: [] }, 'point-count', ['elements']);
  });

  it('rejects degenerate geometry', () => {
    rejects(
      'rectangle',
      { type: 'rectangle', points: [5, 0, 1, 1], rotation: 0 },
      'invalid-geometry',
      ['points'],
    );
    rejects(
      'rectangle',
      { type: 'rectangle', points: [0, 5, 1, 1], rotation: 0 },
      'invalid-geometry',
      ['points'],
    );
    rejects(
      'ellipse',
      { type: 'ellipse', cx: 0, cy: 0, rx: 1, ry: 0, rotation: 0 },
      'invalid-geometry',
      ['ry'],
    );
    rejects(
      'ellipse',
      { type: 'ellipse', cx: 0, cy: 0, rx: -1, ry: 1, rotation: 0 },
      'invalid-geometry',
      ['rx'],
    );
    rejects(
      'cuboid3d',
      { type: 'cuboid3d', position: [0, 0, 0], rotation: [0, 0, 0], scale: [1, 0, 1] },
      'invalid-geometry',
      ['scale', 1],
    );
  });

  it('checks skeleton structure', () => {
    rejects('skeleton', { type: 'skeleton', elements: {} }, 'invalid-type', ['elements']);
    rejects('skeleton', { type: 'skeleton', elements: [element(1), 3] }, 'invalid-type', [
      'elements',
      1,
    ]);
    rejects('skeleton', { type: 'skeleton', elements: [{ ...element(1), x: NaN }] }, 'not-finite', [
      'elements',
      0,
      'x',
    ]);
    rejects(
      'skeleton',
      { type: 'skeleton', elements: [{ ...element(1), outside: 'no' }] },
      'invalid-type',
      ['elements', 0, 'outside'],
    );
    rejects(
      'skeleton',
      { type: 'skeleton', elements: [{ ...element(1), label: 1.5 }] },
      'invalid-type',
      ['elements', 0, 'label'],
    );
    rejects(
      'skeleton',
      { type: 'skeleton', elements: [element(1), element(1)] },
      'invalid-geometry',
      ['elements', 1, 'label'],
    );
    rejects(
      'skeleton',
      { type: 'skeleton', elements: [{ ...element(1), attributes: { 3: 4 } }] },
      'invalid-type',
      ['elements', 0, 'attributes', '3'],
    );
    rejects(
      'skeleton',
      { type: 'skeleton', elements: [{ ...element(1), attributes: { name: 'x' } }] },
      'invalid-type',
      ['elements', 0, 'attributes', 'name'],
    );
    rejects(
      'skeleton',
      { type: 'skeleton', elements: [{ ...element(1), extra: true }] },
      'invalid-type',
      ['elements', 0, 'extra'],
    );
  });

  it('checks masks: integer runs, box order and the run sum', () => {
    const mask = { type: 'mask', rle: [1, 2, 1], left: 3, top: 4, right: 4, bottom: 5 };
    rejects('mask', { ...mask, rle: [1, -2, 5] }, 'invalid-geometry', ['rle', 1]);
    rejects('mask', { ...mask, rle: [1, 2.5, 0.5] }, 'invalid-type', ['rle', 1]);
    rejects('mask', { ...mask, rle: [1, NaN, 1] }, 'not-finite', ['rle', 1]);
    rejects('mask', { ...mask, rle: [1, 2, 2] }, 'invalid-geometry', ['rle']);
    rejects('mask', { ...mask, left: 5 }, 'invalid-geometry', ['right']);
    rejects('mask', { ...mask, top: 6 }, 'invalid-geometry', ['bottom']);
    rejects('mask', { ...mask, left: 3.5 }, 'invalid-type', ['left']);
    rejects('mask', { ...mask, rle: 'abc' }, 'invalid-type', ['rle']);
  });
});
