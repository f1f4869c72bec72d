import { expect } from 'chai';
import fc from 'fast-check';
import type { LabelId, ObjectId } from '../model/ids.js';
import type { AnnotationObject, DocumentData, Label, ShapeObject } from '../model/records.js';
import { documentDataArbitrary } from './arbitraries.js';
import { composeChanges, invertChange } from './change.js';
import { createDocument } from './createDocument.js';
import { box, catchError, LABELS, sampleData, tag } from './testData.js';
import { opArbitrary, runOp } from './testOps.js';
import type { Op } from './testOps.js';
import type { Change, ChangeEvent } from './types.js';

const oid = (n: number) => n as ObjectId;
const moved = (o: AnnotationObject, x: number): ShapeObject => ({
  ...(o as ShapeObject),
  geometry: { type: 'rectangle', points: [x, 0, x + 10, 10], rotation: 0 },
});

describe('createDocument', () => {
  it('holds the data it was created from, in order', () => {
    const data = sampleData();
    const doc = createDocument(data);
    expect(doc.toJSON()).to.deep.equal(data);
    expect(doc.objects().map((o) => o.id)).to.deep.equal([1, 2, 5]);
    expect(doc.object(oid(2))).to.equal(data.objects[1]);
    expect(doc.label(1 as LabelId)?.name).to.equal('car');
    expect(doc.version).to.equal(0);
  });

  it('fills optional parts and validates the input', () => {
    const doc = createDocument({ media: sampleData().media });
    expect(doc.toJSON()).to.deep.equal({ ...sampleData(), labels: [], objects: [], meta: {} });
    catchError(() => createDocument({ ...sampleData(), labels: [] }), 'unknown-label');
  });

  it('caches objects() until the next change', () => {
    const doc = createDocument(sampleData());
    const a = doc.objects();
    expect(doc.objects()).to.equal(a);
    doc.transact((tx) => tx.add(box(tx.newObjectId(), 60)));
    expect(doc.objects()).to.not.equal(a);
    expect(doc.objects().length).to.equal(4);
  });

  it('two documents share nothing', () => {
    const a = createDocument(sampleData());
    const b = createDocument(sampleData());
    a.transact((tx) => tx.remove({ kind: 'shape', id: oid(1) }));
    expect(b.objects().length).to.equal(3);
    expect(a.version).to.equal(1);
    expect(b.version).to.equal(0);
  });
});

describe('transact', () => {
  it('gives read-your-writes and returns one change', () => {
    const doc = createDocument(sampleData());
    const change = doc.transact((tx) => {
      const id = tx.newObjectId();
      tx.add(box(id, 70));
      expect(tx.object(id)).to.deep.equal(box(id, 70));
      tx.put(moved(tx.object(oid(1)) as AnnotationObject, 5));
      expect((tx.object(oid(1)) as ShapeObject).geometry).to.deep.include({
        points: [5, 0, 15, 10],
      });
      tx.remove({ kind: 'shape', id: oid(2) });
      expect(tx.object(oid(2))).to.equal(undefined);
      expect(doc.object(oid(2))).to.not.equal(undefined);
    });
    expect(change.added.map((r) => r.id)).to.deep.equal([6]);
    expect(change.updated.map(([b, a]) => [b.id, a.id])).to.deep.equal([[1, 1]]);
    expect(change.removed.map((r) => r.id)).to.deep.equal([2]);
    expect(doc.objects().map((o) => o.id)).to.deep.equal([1, 5, 6]);
  });

  it('collapses several writes of one record into the minimal change', () => {
    const doc = createDocument(sampleData());
    const original = doc.object(oid(1)) as AnnotationObject;
    const change = doc.transact((tx) => {
      tx.add(box(10)); // added then removed: vanishes
      tx.remove({ kind: 'shape', id: oid(10) });
      tx.put(moved(original, 3)); // updated then removed: removed with the original
      tx.remove({ kind: 'shape', id: oid(1) });
      tx.add(box(11)); // added then updated: added with the final value
      tx.put(box(11, 50));
      tx.put(moved(doc.object(oid(2)) as AnnotationObject, 99)); // back to equal: dropped
      tx.put({ ...(doc.object(oid(2)) as ShapeObject) });
    });
    expect(change).to.deep.equal({ added: [box(11, 50)], updated: [], removed: [original] });
    expect(change.removed[0]).to.equal(original);
  });

  it('emits nothing and keeps the version for an empty change', () => {
    const doc = createDocument(sampleData());
    const events: ChangeEvent[] = [];
    doc.subscribe((e) => events.push(e));
    const change = doc.transact((tx) => tx.put({ ...(doc.object(oid(1)) as ShapeObject) }));
    expect(change).to.deep.equal({ added: [], updated: [], removed: [] });
    expect(events).to.deep.equal([]);
    expect(doc.version).to.equal(0);
  });

  it('is all-or-nothing: a throwing callback or an invalid record changes nothing', () => {
    const doc = createDocument(sampleData());
    const before = doc.toJSON();
    expect(() =>
      doc.transact((tx) => {
        tx.remove({ kind: 'shape', id: oid(1) });
        throw new Error('boom');
      }),
    ).to.throw('boom');
    const err = catchError(
      () =>
        doc.transact((tx) => {
          tx.remove({ kind: 'shape', id: oid(1) });
          tx.add({ ...box(20), frame: 7 });
        }),
      'frame-range',
    );
    expect(err.path).to.deep.equal(['added', 0, 'frame']);
    catchError(
      () => doc.transact((tx) => tx.add({ ...box(21), attributes: { 1: 'pink' } })),
      'attribute-value',
    );
    catchError(() => doc.transact((tx) => tx.add(box(1))), 'duplicate-id');
    catchError(() => doc.transact((tx) => tx.put(box(99))), 'unknown-object');
    catchError(
      () => doc.transact((tx) => tx.remove({ kind: 'tag', id: oid(99) })),
      'unknown-object',
    );
    expect(doc.toJSON()).to.deep.equal(before);
    expect(doc.version).to.equal(0);
  });

  it('validates objects against the labels as they will be after the change', () => {
    const doc = createDocument(sampleData());
    // A new label and an object using it in one change.
    doc.transact((tx) => {
      const id = tx.newLabelId();
      tx.add({ kind: 'label', id, name: 'bike', color: '#00ff00', type: 'any', attributes: [] });
      tx.add({ ...tag(tx.newObjectId()), label: id });
    });
    expect(doc.objects().length).to.equal(4);
    // Removing a label still in use is rejected; removing it with its users works.
    const err = catchError(() => doc.transact((tx) => tx.remove(LABELS[0])), 'unsupported');
    expect(err.message).to.match(/still used/);
    doc.transact((tx) => {
      for (const o of doc.objects()) if (o.label === 1) tx.remove(o);
      tx.remove(LABELS[0]);
    });
    expect(doc.labels().map((l) => l.name)).to.deep.equal(['sunny', 'bike']);
  });

  it('rejects a label update that would invalidate existing objects', () => {
    const data = sampleData();
    const doc = createDocument({ ...data, objects: [{ ...box(1), attributes: { 1: 'blue' } }] });
    const narrowed: Label = {
      ...LABELS[0],
      attributes: [{ ...LABELS[0].attributes[0], values: ['red'] }],
    };
    catchError(() => doc.transact((tx) => tx.put(narrowed)), 'attribute-value');
    catchError(
      () => doc.transact((tx) => tx.put({ ...LABELS[0], type: 'polygon' })),
      'label-shape-type',
    );
    catchError(() => doc.transact((tx) => tx.put({ ...LABELS[1], name: 'car' })), 'duplicate-id');
    expect(doc.labels()).to.deep.equal(LABELS);
  });

  it('allocates ids above every id ever used, never reusing one', () => {
    const doc = createDocument(sampleData());
    let ids: number[] = [];
    doc.transact((tx) => {
      ids = [tx.newObjectId(), tx.newObjectId()];
      expect(tx.newLabelId()).to.equal(3);
      expect(tx.newAttributeId()).to.equal(2);
    });
    expect(ids).to.deep.equal([6, 7]);
    doc.transact((tx) => tx.add(box(40)));
    doc.transact((tx) => tx.remove({ kind: 'shape', id: oid(40) }));
    doc.transact((tx) => expect(tx.newObjectId()).to.equal(41));
    doc.apply({ added: [box(100)], updated: [], removed: [] }, { origin: 'remote' });
    doc.transact((tx) => expect(tx.newObjectId()).to.equal(101));
  });

  it('rejects nested transactions', () => {
    const doc = createDocument(sampleData());
    catchError(() => doc.transact(() => doc.transact(() => undefined)), 'unsupported');
    catchError(
      () => doc.transact(() => doc.apply(invertChange({ added: [], updated: [], removed: [] }))),
      'unsupported',
    );
  });
});

describe('draft and apply', () => {
  it('draft computes without applying; apply applies it later', () => {
    const doc = createDocument(sampleData());
    const change = doc.draft((tx) => tx.put(moved(doc.object(oid(1)) as AnnotationObject, 7)));
    expect((doc.object(oid(1)) as ShapeObject).geometry).to.deep.include({
      points: [0, 0, 10, 10],
    });
    expect(doc.version).to.equal(0);
    doc.apply(change, { name: 'move' });
    expect((doc.object(oid(1)) as ShapeObject).geometry).to.deep.include({
      points: [7, 0, 17, 10],
    });
    expect(doc.version).to.equal(1);
  });

  it('rejects a stale change as a conflict and changes nothing', () => {
    const doc = createDocument(sampleData());
    const stale = doc.draft((tx) => tx.put(moved(doc.object(oid(1)) as AnnotationObject, 7)));
    const removal = doc.draft((tx) => tx.remove({ kind: 'shape', id: oid(2) }));
    doc.transact((tx) => tx.put(moved(doc.object(oid(1)) as AnnotationObject, 8)));
    doc.transact((tx) => tx.remove({ kind: 'shape', id: oid(2) }));
    const before = doc.toJSON();
    for (const c of [stale, removal]) {
      const err = catchError(() => doc.apply(c), 'unsupported');
      expect(err.message).to.match(/conflict: /);
    }
    catchError(() => doc.apply({ added: [box(1)], updated: [], removed: [] }), 'duplicate-id');
    const five = doc.object(oid(5)) as AnnotationObject;
    const twice: Change = { added: [], updated: [], removed: [five, five] };
    expect(catchError(() => doc.apply(twice), 'unsupported').message).to.match(/twice/);
    expect(doc.toJSON()).to.deep.equal(before);
  });

  it('accepts a before that is structurally equal to the current record', () => {
    const doc = createDocument(sampleData());
    doc.apply({ added: [], updated: [[box(1), box(1, 30)]], removed: [] });
    expect(doc.object(oid(1))).to.deep.equal(box(1, 30));
  });

  it('restores removed records to their old place', () => {
    const doc = createDocument(sampleData());
    const change = doc.transact((tx) => {
      tx.remove({ kind: 'shape', id: oid(1) });
      tx.remove({ kind: 'shape', id: oid(2) });
    });
    doc.transact((tx) => tx.add(box(tx.newObjectId())));
    doc.apply(invertChange(change));
    expect(doc.objects().map((o) => o.id)).to.deep.equal([1, 2, 5, 6]);
  });
});

describe('subscribe', () => {
  it('delivers events synchronously with origin, history, name and version', () => {
    const doc = createDocument(sampleData());
    const events: ChangeEvent[] = [];
    const off = doc.subscribe((e) => events.push(e));
    const change = doc.transact((tx) => tx.add(box(9)), {
      origin: 'remote',
      history: 'ignore',
      name: 'x',
    });
    expect(events).to.deep.equal([
      { change, origin: 'remote', history: 'ignore', name: 'x', version: 1 },
    ]);
    expect(events[0].change).to.equal(change);
    doc.transact((tx) => tx.add(box(10)));
    expect(events[1]).to.deep.include({
      origin: 'user',
      history: 'record',
      name: undefined,
      version: 2,
    });
    off();
    doc.transact((tx) => tx.add(box(11)));
    expect(events.length).to.equal(2);
  });

  it('survives throwing listeners: the document stays consistent and others still run', () => {
    const errors: unknown[] = [];
    const doc = createDocument(sampleData(), { onListenerError: (e) => errors.push(e) });
    const seen: number[] = [];
    doc.subscribe(() => {
      throw new Error('listener bug');
    });
    doc.subscribe((e) => seen.push(e.version));
    doc.transact((tx) => tx.add(box(9)));
    expect(seen).to.deep.equal([1]);
    expect(errors.map((e) => (e as Error).message)).to.deep.equal(['listener bug']);
    expect(doc.object(oid(9))).to.deep.equal(box(9));
    doc.transact((tx) => tx.remove(box(9)));
    expect(doc.objects().length).to.equal(3);
  });

  it('delivers events in version order when a listener makes a change', () => {
    const doc = createDocument(sampleData());
    const a: number[] = [];
    const b: number[] = [];
    doc.subscribe((e) => {
      a.push(e.version);
      if (e.version === 1) doc.transact((tx) => tx.add(box(20)));
    });
    doc.subscribe((e) => b.push(e.version));
    doc.transact((tx) => tx.add(box(19)));
    expect(a).to.deep.equal([1, 2]);
    expect(b).to.deep.equal([1, 2]);
  });
});

describe('invertChange (property)', () => {
  it('applying the inverse of a random transaction restores the exact previous state', () => {
    let applied = 0;
    fc.assert(
      fc.property(
        documentDataArbitrary(),
        fc.array(opArbitrary(), { maxLength: 8 }),
        (data: DocumentData, ops) => {
          const doc = createDocument(data);
          const before = doc.toJSON();
          let change: Change;
          try {
            change = doc.transact((tx) => ops.forEach((op) => runOp(doc, tx, op)));
          } catch {
            expect(doc.toJSON()).to.deep.equal(before);
            return;
          }
          if (change.added.length + change.updated.length + change.removed.length > 0) applied++;
          doc.apply(invertChange(change));
          expect(doc.toJSON()).to.deep.equal(before);
          doc.apply(change);
          doc.apply(invertChange(change));
          expect(doc.toJSON()).to.deep.equal(before);
        },
      ),
      { numRuns: 150 },
    );
    // Most runs must exercise a real change, not just the failure path.
    expect(applied).to.be.greaterThan(75);
  });

  it('composeChanges of two transactions equals their sequence', () => {
    fc.assert(
      fc.property(
        documentDataArbitrary(),
        fc.array(opArbitrary(), { maxLength: 5 }),
        fc.array(opArbitrary(), { maxLength: 5 }),
        (data: DocumentData, ops1, ops2) => {
          const doc = createDocument(data);
          const start = doc.toJSON();
          const safe = (ops: Op[]) => {
            try {
              return doc.transact((tx) => ops.forEach((op) => runOp(doc, tx, op)));
            } catch {
              return { added: [], updated: [], removed: [] };
            }
          };
          const c1 = safe(ops1);
          const c2 = safe(ops2);
          const end = doc.toJSON();
          const composed = composeChanges(c1, c2);
          doc.apply(invertChange(composed));
          expect(doc.toJSON()).to.deep.equal(start);
          doc.apply(composed);
          expect(doc.toJSON()).to.deep.equal(end);
        },
      ),
      { numRuns: 100 },
    );
  });
});
