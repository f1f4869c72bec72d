import { expect } from 'chai';
import type { ShapeObject, TagObject, TrackObject } from '../model/records.js';
import { runCommand } from './run.js';
import {
  changeLabel,
  createObject,
  removeObjects,
  setAttribute,
  setPointAttribute,
  updateGeometry,
} from './objects.js';
import {
  A,
  L,
  expectCode,
  kf,
  mask,
  oid,
  rect,
  run,
  shape,
  skeleton,
  stateOf,
  tag,
  testDoc,
  track,
} from './testDoc.js';

describe('createObject', () => {
  it('adds the record with a new id and answers can-run without changing anything', () => {
    const doc = testDoc([shape(5, 0, rect(0, 0))]);
    const cmd = createObject({
      kind: 'shape',
      label: L.car,
      attributes: {},
      group: 0,
      source: 'manual',
      frame: 3,
      geometry: rect(1, 2),
      zOrder: 0,
      occluded: false,
    });
    expect(cmd(stateOf(doc))).to.equal(true);
    expect(doc.objects()).to.have.length(1);
    const tr = run(cmd, doc);
    const added = tr.change.added[0] as ShapeObject;
    expect(added.id).to.not.equal(5);
    expect(doc.object(added.id)).to.deep.equal(added);
    expect(added.frame).to.equal(3);
  });

  it('throws unknown-label and frame-range for bad records', () => {
    const doc = testDoc();
    expectCode(
      () => createObject({ ...tag(0, 0), label: 99 as typeof L.car })(stateOf(doc)),
      'unknown-label',
    );
    expectCode(() => createObject({ ...tag(0, 0), frame: 20 })(stateOf(doc)), 'frame-range');
  });

  it('surfaces the document validation when dispatching an invalid geometry', () => {
    const doc = testDoc();
    const bad = { ...shape(0, 0, { type: 'rectangle', points: [0, 0, 1], rotation: 0 }) };
    const { id: _id, ...rest } = bad;
    void _id;
    expect(() => runCommand(createObject(rest), stateOf(doc))).to.throw();
    expect(doc.objects()).to.have.length(0);
  });
});

describe('updateGeometry', () => {
  it('replaces a shape geometry on its frame and applies the CVAT source transition', () => {
    const doc = testDoc([shape(1, 2, rect(0, 0), { source: 'auto' }), shape(2, 2, rect(5, 5))]);
    run(updateGeometry(oid(1), 2, rect(3, 3)), doc);
    run(updateGeometry(oid(2), 2, rect(9, 9)), doc);
    const s1 = doc.object(oid(1)) as ShapeObject;
    expect(s1.geometry).to.deep.equal(rect(3, 3));
    expect(s1.source).to.equal('semi-auto');
    expect((doc.object(oid(2)) as ShapeObject).source).to.equal('manual');
  });

  it('is false on another frame, for tags, missing ids and no-op edits', () => {
    const doc = testDoc([shape(1, 2, rect(0, 0)), tag(2, 2)]);
    expect(updateGeometry(oid(1), 3, rect(1, 1))(stateOf(doc))).to.equal(false);
    expect(updateGeometry(oid(1), 2, rect(0, 0))(stateOf(doc))).to.equal(false);
    expect(updateGeometry(oid(2), 2, rect(1, 1))(stateOf(doc))).to.equal(false);
    expect(updateGeometry(oid(9), 2, rect(1, 1))(stateOf(doc))).to.equal(false);
    expect(updateGeometry(oid(1), 2, rect(1, 1))(stateOf(doc))).to.equal(true);
  });

  it('throws for a different geometry type or a bad frame', () => {
    const doc = testDoc([shape(1, 2, rect(0, 0))]);
    expectCode(() => updateGeometry(oid(1), 2, mask(0, 0))(stateOf(doc)), 'invalid-type');
    expectCode(() => updateGeometry(oid(1), -1, rect(0, 0))(stateOf(doc)), 'frame-range');
  });

  it('on a track updates the keyframe or inserts one with the held state', () => {
    const t = track(1, [
      kf(0, rect(0, 0), { zOrder: 2, attributes: { [A.speed]: '5' } }),
      kf(10, rect(100, 0), { occluded: true }),
    ]);
    const doc = testDoc([t]);
    run(updateGeometry(oid(1), 10, rect(50, 50)), doc);
    let now = doc.object(oid(1)) as TrackObject;
    expect(now.keyframes.map((k) => k.frame)).to.deep.equal([0, 10]);
    expect(now.keyframes[1]!.geometry).to.deep.equal(rect(50, 50));
    expect(now.keyframes[1]!.occluded).to.equal(true);
    run(updateGeometry(oid(1), 4, rect(7, 7)), doc);
    now = doc.object(oid(1)) as TrackObject;
    expect(now.keyframes.map((k) => k.frame)).to.deep.equal([0, 4, 10]);
    expect(now.keyframes[1]).to.deep.equal(
      kf(4, rect(7, 7), { zOrder: 2, attributes: { [A.speed]: '5' } }),
    );
  });
});

describe('removeObjects', () => {
  it('removes all given objects in one change', () => {
    const doc = testDoc([shape(1, 0, rect(0, 0)), tag(2, 0), shape(3, 1, rect(0, 0))]);
    const tr = run(removeObjects([oid(1), oid(2)]), doc);
    expect(tr.change.removed).to.have.length(2);
    expect(doc.objects().map((o) => o.id)).to.deep.equal([3]);
  });

  it('is false for an empty selection or a missing id', () => {
    const doc = testDoc([shape(1, 0, rect(0, 0))]);
    expect(removeObjects([])(stateOf(doc))).to.equal(false);
    expect(removeObjects([oid(1), oid(7)])(stateOf(doc))).to.equal(false);
    expect(removeObjects([oid(1)])(stateOf(doc))).to.equal(true);
  });
});

describe('changeLabel', () => {
  it('resets attributes to the new label defaults, including every keyframe', () => {
    const doc = testDoc([
      shape(1, 0, rect(0, 0), { attributes: { [A.color]: 'blue', [A.speed]: '3' } }),
      track(2, [kf(0, rect(0, 0), { attributes: { [A.speed]: '9' } }), kf(5, rect(1, 1))], {
        attributes: { [A.color]: 'blue' },
      }),
    ]);
    run(changeLabel([oid(1), oid(2)], L.bike), doc);
    const s = doc.object(oid(1)) as ShapeObject;
    expect(s.label).to.equal(L.bike);
    expect(s.attributes).to.deep.equal({ [A.make]: 'a' });
    const t = doc.object(oid(2)) as TrackObject;
    expect(t.attributes).to.deep.equal({ [A.make]: 'a' });
    expect(t.keyframes.map((k) => k.attributes)).to.deep.equal([{}, {}]);
    run(changeLabel([oid(2)], L.car), doc);
    const back = doc.object(oid(2)) as TrackObject;
    expect(back.attributes).to.deep.equal({ [A.color]: 'red' });
    expect(back.keyframes.map((k) => k.attributes)).to.deep.equal([
      { [A.speed]: '0', [A.parked]: 'false' },
      { [A.speed]: '0', [A.parked]: 'false' },
    ]);
  });

  it('rejects labels that do not allow the shape type, and no-ops', () => {
    const doc = testDoc([
      shape(1, 0, rect(0, 0)),
      tag(2, 0),
      shape(3, 0, mask(0, 0), { label: L.seg }),
    ]);
    expect(changeLabel([oid(1)], L.scene)(stateOf(doc))).to.equal(false);
    expect(changeLabel([oid(2)], L.car)(stateOf(doc))).to.equal(false);
    expect(changeLabel([oid(2)], L.any)(stateOf(doc))).to.equal(true);
    expect(changeLabel([oid(3)], L.car)(stateOf(doc))).to.equal(false);
    expect(changeLabel([oid(3)], L.any)(stateOf(doc))).to.equal(true);
    expect(changeLabel([oid(1)], L.car)(stateOf(doc))).to.equal(false);
    expectCode(() => changeLabel([oid(1)], 77 as typeof L.car)(stateOf(doc)), 'unknown-label');
  });

  it('moves skeletons only between labels of the same structure', () => {
    const doc = testDoc([shape(1, 0, skeleton(51, 52), { label: L.pose })]);
    expect(changeLabel([oid(1)], L.tri)(stateOf(doc))).to.equal(false);
    expect(changeLabel([oid(1)], L.any)(stateOf(doc))).to.equal(false);
    run(changeLabel([oid(1)], L.pose2), doc);
    const s = doc.object(oid(1)) as ShapeObject;
    expect(s.geometry.type === 'skeleton' && s.geometry.elements.map((e) => e.label)).to.deep.equal(
      [61, 62],
    );
    run(changeLabel([oid(1)], L.pose), doc);
    const back = doc.object(oid(1)) as ShapeObject;
    expect(
      back.geometry.type === 'skeleton' && back.geometry.elements[0]!.attributes,
    ).to.deep.equal({
      [A.vis]: 'true',
    });
  });
});

describe('setAttribute', () => {
  it('sets shape and tag attributes on their frame', () => {
    const doc = testDoc([shape(1, 2, rect(0, 0)), tag(2, 2)]);
    run(setAttribute(oid(1), A.color, 'blue', 2), doc);
    run(setAttribute(oid(2), A.weather, 'rain', 2), doc);
    expect((doc.object(oid(1)) as ShapeObject).attributes[A.color]).to.equal('blue');
    expect((doc.object(oid(2)) as TagObject).attributes[A.weather]).to.equal('rain');
    expect(setAttribute(oid(1), A.color, 'red', 3)(stateOf(doc))).to.equal(false);
    expect(setAttribute(oid(1), A.color, 'blue', 2)(stateOf(doc))).to.equal(false);
    expect(setAttribute(oid(1), A.speed, '0', 2)(stateOf(doc))).to.equal(false);
  });

  it('throws for unknown attributes and invalid values', () => {
    const doc = testDoc([shape(1, 2, rect(0, 0))]);
    expectCode(() => setAttribute(oid(1), A.make, 'a', 2)(stateOf(doc)), 'unknown-attribute');
    expectCode(() => setAttribute(oid(1), A.color, 'green', 2)(stateOf(doc)), 'attribute-value');
    expectCode(() => setAttribute(oid(1), A.speed, '101', 2)(stateOf(doc)), 'attribute-value');
  });

  it('on a track: immutable on the track, mutable creates a keyframe with the interpolated geometry', () => {
    const doc = testDoc([track(1, [kf(0, rect(0, 0)), kf(10, rect(100, 0))])]);
    run(setAttribute(oid(1), A.color, 'blue', 5), doc);
    let t = doc.object(oid(1)) as TrackObject;
    expect(t.attributes[A.color]).to.equal('blue');
    expect(t.keyframes).to.have.length(2);
    run(setAttribute(oid(1), A.speed, '40', 5), doc);
    t = doc.object(oid(1)) as TrackObject;
    expect(t.keyframes.map((k) => k.frame)).to.deep.equal([0, 5, 10]);
    expect(t.keyframes[1]!.geometry).to.deep.equal(rect(50, 0));
    expect(t.keyframes[1]!.attributes[A.speed]).to.equal('40');
    // Held until the next keyframe: setting the same value on frame 7 changes nothing.
    expect(setAttribute(oid(1), A.speed, '40', 7)(stateOf(doc))).to.equal(false);
  });
});

describe('setPointAttribute', () => {
  const points = (g: unknown): unknown[] =>
    (g as { elements: { attributes: unknown }[] }).elements.map((e) => e.attributes);

  it('edits a point of a skeleton shape on its frame as a geometry edit; refuses bad input', () => {
    const doc = testDoc([shape(1, 2, skeleton(51, 52), { label: L.pose })]);
    const tr = run(setPointAttribute(oid(1), 0, A.vis, 'false', 2), doc);
    expect(tr.options.name).to.equal('edit-geometry');
    expect(points((doc.object(oid(1)) as ShapeObject).geometry)).to.deep.equal([
      { [A.vis]: 'false' },
      {},
    ]);
    expect(setPointAttribute(oid(1), 0, A.vis, 'false', 2)(stateOf(doc))).to.equal(false);
    expect(setPointAttribute(oid(1), 0, A.vis, 'true', 3)(stateOf(doc))).to.equal(false);
    expect(setPointAttribute(oid(9), 0, A.vis, 'true', 2)(stateOf(doc))).to.equal(false);
    expectCode(
      () => setPointAttribute(oid(1), 1, A.vis, 'true', 2)(stateOf(doc)),
      'unknown-attribute',
    );
    expectCode(
      () => setPointAttribute(oid(1), 0, A.vis, 'maybe', 2)(stateOf(doc)),
      'attribute-value',
    );
  });

  it('writes an immutable point attribute of a track into every keyframe, adding none', () => {
    const doc = testDoc([
      track(1, [kf(0, skeleton(51, 52)), kf(10, skeleton(51, 52, 20))], {
        label: L.pose,
        source: 'auto',
      }),
    ]);
    const tr = run(setPointAttribute(oid(1), 0, A.vis, 'false', 5), doc);
    expect(tr.options.name).to.equal('set-point-attribute');
    const t = doc.object(oid(1)) as TrackObject;
    expect(t.keyframes.map((k) => k.frame)).to.deep.equal([0, 10]);
    expect(t.keyframes.map((k) => points(k.geometry)[0])).to.deep.equal([
      { [A.vis]: 'false' },
      { [A.vis]: 'false' },
    ]);
    expect(t.source).to.equal('semi-auto');
  });
});
