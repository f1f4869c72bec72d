import { expect } from 'chai';
import fc from 'fast-check';
import type { ObjectId } from '../model/ids.js';
import type { AnnotationObject, DocumentData, ShapeObject } from '../model/records.js';
import { documentDataArbitrary } from '../document/arbitraries.js';
import { createDocument } from '../document/createDocument.js';
import { box, catchError, sampleData } from '../document/testData.js';
import { opArbitrary, runOp } from '../document/testOps.js';
import type { AnnotationDocument, TransactOptions } from '../document/types.js';
import { createHistory } from './createHistory.js';
import type { HistoryState } from './createHistory.js';

const oid = (n: number) => n as ObjectId;
const xOf = (doc: AnnotationDocument, id: number): number => {
  const g = (doc.object(oid(id)) as ShapeObject).geometry;
  return g.type === 'rectangle' ? g.points[0] : NaN;
};

/** Moves box `id` to `x` as one transaction. */
function move(doc: AnnotationDocument, id: number, x: number, opts?: TransactOptions): void {
  doc.transact(
    (tx) => tx.put({ ...box(id, x), frame: (tx.object(oid(id)) as ShapeObject).frame }),
    opts,
  );
}

describe('createHistory', () => {
  it('records user changes; undo and redo walk them', () => {
    const doc = createDocument(sampleData());
    const h = createHistory(doc);
    expect(h.undo()).to.equal(false);
    expect(h.redo()).to.equal(false);
    move(doc, 1, 10);
    move(doc, 1, 20);
    expect(h.state()).to.deep.include({
      canUndo: true,
      canRedo: false,
      undoDepth: 2,
      redoDepth: 0,
    });
    expect(h.undo()).to.equal(true);
    expect(xOf(doc, 1)).to.equal(10);
    expect(h.undo()).to.equal(true);
    expect(xOf(doc, 1)).to.equal(0);
    expect(h.canUndo()).to.equal(false);
    expect(h.redo()).to.equal(true);
    expect(xOf(doc, 1)).to.equal(10);
    expect(h.canRedo()).to.equal(true);
  });

  it('peekUndo/peekRedo show exactly the change undo/redo then apply, without applying it', () => {
    const doc = createDocument(sampleData());
    const h = createHistory(doc);
    expect(h.peekUndo()).to.equal(undefined);
    move(doc, 1, 10);
    const applied: unknown[] = [];
    doc.subscribe((e) => applied.push(e.change));
    const pending = h.peekUndo()!;
    expect(pending.options).to.deep.equal({ origin: 'user', history: 'ignore', name: 'undo' });
    expect(xOf(doc, 1)).to.equal(10);
    expect(h.state().undoDepth).to.equal(1);
    expect(h.undo()).to.equal(true);
    expect(applied).to.deep.equal([pending.change]);
    const redo = h.peekRedo()!;
    expect(redo.options.name).to.equal('redo');
    expect(h.peekUndo()).to.equal(undefined);
    h.redo();
    expect(applied[1]).to.deep.equal(redo.change);
    expect(xOf(doc, 1)).to.equal(10);
  });

  it('undo/redo go through doc.apply as user changes that are not recorded', () => {
    const doc = createDocument(sampleData());
    const h = createHistory(doc);
    const seen: unknown[] = [];
    doc.subscribe((e) => seen.push([e.origin, e.history, e.name]));
    move(doc, 1, 10, { name: 'drag' });
    h.undo();
    h.redo();
    expect(seen).to.deep.equal([
      ['user', 'record', 'drag'],
      ['user', 'ignore', 'undo'],
      ['user', 'ignore', 'redo'],
    ]);
    expect(h.state()).to.deep.include({ undoDepth: 1, redoDepth: 0 });
  });

  it('merges a gesture into one step (A→B, B→C gives A→C)', () => {
    const doc = createDocument(sampleData());
    const h = createHistory(doc);
    move(doc, 1, 1, { history: 'record', name: 'drag' });
    for (let x = 2; x <= 30; x++) move(doc, 1, x, { history: 'merge' });
    doc.transact((tx) => tx.add(box(50)), { history: 'merge' });
    expect(h.state().undoDepth).to.equal(1);
    const [step] = h.serialize().undo;
    expect(step.name).to.equal('drag');
    expect(step.change.updated).to.deep.equal([[box(1, 0), box(1, 30)]]);
    expect(step.change.added).to.deep.equal([box(50)]);
    h.undo();
    expect(doc.toJSON()).to.deep.equal(sampleData());
  });

  it('drops a merged step that ends where it started', () => {
    const doc = createDocument(sampleData());
    const h = createHistory(doc);
    move(doc, 1, 5);
    move(doc, 1, 0, { history: 'merge' });
    expect(h.canUndo()).to.equal(false);
  });

  it('a merge after an undo, or with no step, starts a new step', () => {
    const doc = createDocument(sampleData());
    const h = createHistory(doc);
    move(doc, 1, 5, { history: 'merge' });
    expect(h.state().undoDepth).to.equal(1);
    move(doc, 2, 5);
    h.undo();
    move(doc, 1, 9, { history: 'merge' });
    expect(h.state()).to.deep.include({ undoDepth: 2, redoDepth: 0 });
    h.undo();
    expect(xOf(doc, 1)).to.equal(5);
  });

  it('a new step clears redo', () => {
    const doc = createDocument(sampleData());
    const h = createHistory(doc);
    move(doc, 1, 5);
    h.undo();
    expect(h.canRedo()).to.equal(true);
    move(doc, 2, 5);
    expect(h.canRedo()).to.equal(false);
  });

  it('does not record remote, system or ignored changes', () => {
    const doc = createDocument(sampleData());
    const h = createHistory(doc);
    move(doc, 1, 5, { origin: 'remote' });
    move(doc, 1, 6, { origin: 'system' });
    move(doc, 1, 7, { history: 'ignore' });
    expect(h.canUndo()).to.equal(false);
  });

  it('drops steps whose records were changed by a non-recorded change, keeps the others', () => {
    const doc = createDocument(sampleData());
    const h = createHistory(doc);
    move(doc, 1, 5);
    move(doc, 2, 5);
    h.undo(); // box 2 step now on redo
    move(doc, 5, 7, { origin: 'remote' }); // touches neither step
    expect(h.state()).to.deep.include({ undoDepth: 1, redoDepth: 1 });
    move(doc, 1, 50, { origin: 'remote' });
    expect(h.state()).to.deep.include({ undoDepth: 0, redoDepth: 1 });
    expect(h.redo()).to.equal(true);
    expect(xOf(doc, 2)).to.equal(5);
    expect(xOf(doc, 1)).to.equal(50);
  });

  it('removes a step that cannot apply any more and rethrows the error', () => {
    const doc = createDocument(sampleData());
    const h = createHistory(doc);
    // The user adds a label; a remote collaborator then uses it. Undo would remove a used label.
    doc.transact((tx) =>
      tx.add({
        kind: 'label',
        id: tx.newLabelId(),
        name: 'x',
        color: '#000000',
        type: 'tag',
        attributes: [],
      }),
    );
    const label = doc.labels()[2];
    doc.transact(
      (tx) =>
        tx.add({
          kind: 'tag',
          id: tx.newObjectId(),
          label: label.id,
          frame: 0,
          attributes: {},
          group: 0,
          source: 'manual',
        }),
      { origin: 'remote' },
    );
    expect(h.canUndo()).to.equal(true);
    catchError(() => h.undo(), 'unsupported');
    expect(h.canUndo()).to.equal(false);
    expect(doc.labels().length).to.equal(3);
  });

  it('keeps at most `depth` steps, dropping the oldest', () => {
    const doc = createDocument(sampleData());
    const h = createHistory(doc, { depth: 3 });
    for (let x = 1; x <= 5; x++) move(doc, 1, x);
    expect(h.state().undoDepth).to.equal(3);
    while (h.undo());
    expect(xOf(doc, 1)).to.equal(2);
    expect(createHistory(doc).state().undoDepth).to.equal(0);
  });

  it('keeps the stacks under the byte bound, dropping the oldest steps', () => {
    const doc = createDocument(sampleData());
    const h = createHistory(doc, { maxBytes: 1500 });
    for (let x = 1; x <= 20; x++) move(doc, 1, x);
    const { bytes, undoDepth } = h.state();
    expect(bytes).to.be.at.most(1500);
    expect(bytes).to.equal(
      h.serialize().undo.reduce((s, st) => s + JSON.stringify(st.change).length, 0),
    );
    expect(undoDepth).to.be.greaterThan(0);
    expect(undoDepth).to.be.lessThan(20);
    while (h.undo());
    expect(xOf(doc, 1)).to.equal(20 - undoDepth);
  });

  it('defaults to 100 steps', () => {
    const doc = createDocument(sampleData());
    const h = createHistory(doc);
    for (let x = 1; x <= 120; x++) move(doc, 1, x);
    expect(h.state().undoDepth).to.equal(100);
  });

  it('serializes and restores its stacks (object or JSON text)', () => {
    const doc = createDocument(sampleData());
    const h1 = createHistory(doc);
    move(doc, 1, 5, { name: 'a' });
    move(doc, 2, 6, { name: 'b' });
    move(doc, 5, 7, { name: 'c' });
    h1.undo();
    const json = h1.serialize();
    h1.destroy();
    const text = JSON.stringify(json);
    const h2 = createHistory(doc, { restore: text });
    expect(h2.serialize()).to.deep.equal(JSON.parse(text));
    expect(h2.state()).to.deep.include({ undoDepth: 2, redoDepth: 1 });
    h2.redo();
    expect(xOf(doc, 5)).to.equal(7);
    h2.undo();
    h2.undo();
    h2.undo();
    expect(doc.toJSON()).to.deep.equal(sampleData());
    catchError(
      () => createHistory(doc, { restore: '{"version":1,"undo":[{}],"redo":[]}' }),
      'invalid-type',
    );
    catchError(() => createHistory(doc, { restore: '{' }), 'parse');
  });

  it('notifies subscribers of stack changes and stops after destroy', () => {
    const doc = createDocument(sampleData());
    const h = createHistory(doc);
    const states: HistoryState[] = [];
    const off = h.subscribe((s) => states.push(s));
    move(doc, 1, 5);
    h.undo();
    expect(states.map((s) => [s.canUndo, s.canRedo])).to.deep.equal([
      [true, false],
      [false, true],
    ]);
    off();
    h.redo();
    expect(states.length).to.equal(2);
    h.destroy();
    move(doc, 1, 9);
    expect(h.state().undoDepth).to.equal(1);
  });
});

describe('history (properties)', () => {
  const modes = fc.constantFrom('record', 'merge', 'record', 'ignore' as const);
  const steps = fc.array(fc.tuple(fc.array(opArbitrary(), { minLength: 1, maxLength: 3 }), modes), {
    maxLength: 10,
  });

  it('undo of everything returns the initial document; redo of everything the final one', () => {
    let nonTrivial = 0;
    fc.assert(
      fc.property(documentDataArbitrary(), steps, (data: DocumentData, script) => {
        const doc = createDocument(data);
        const h = createHistory(doc);
        const initial = doc.toJSON();
        for (const [ops, history] of script) {
          try {
            // 'ignore' changes drop the steps they touch; that is covered by unit tests.
            doc.transact((tx) => ops.forEach((op) => runOp(doc, tx, op)), {
              history: history === 'ignore' ? 'record' : history,
            });
          } catch {
            // invalid on purpose: nothing changed, nothing recorded
          }
        }
        const final = doc.toJSON();
        const depth = h.state().undoDepth;
        if (depth > 1) nonTrivial++;
        while (h.undo());
        expect(doc.toJSON()).to.deep.equal(initial);
        while (h.redo());
        expect(doc.toJSON()).to.deep.equal(final);
        expect(h.state().undoDepth).to.equal(depth);
      }),
      { numRuns: 150 },
    );
    expect(nonTrivial).to.be.greaterThan(20);
  });

  it('undo then redo restores exactly, at every point of the stack', () => {
    fc.assert(
      fc.property(
        documentDataArbitrary(),
        steps,
        fc.nat(10),
        (data: DocumentData, script, back) => {
          const doc = createDocument(data);
          const h = createHistory(doc);
          for (const [ops, history] of script) {
            try {
              doc.transact((tx) => ops.forEach((op) => runOp(doc, tx, op)), {
                history: history === 'ignore' ? 'record' : history,
              });
            } catch {
              // invalid on purpose
            }
          }
          for (let i = 0; i < back; i++) h.undo();
          const here = doc.toJSON();
          if (h.undo()) {
            h.redo();
            expect(doc.toJSON()).to.deep.equal(here);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('merged steps are one undo step', () => {
    fc.assert(
      fc.property(
        documentDataArbitrary(),
        fc.array(fc.array(opArbitrary(), { maxLength: 3 }), { maxLength: 6 }),
        (data: DocumentData, gestures) => {
          const doc = createDocument(data);
          const h = createHistory(doc);
          const initial = doc.toJSON();
          let first = true;
          for (const ops of gestures) {
            try {
              doc.transact((tx) => ops.forEach((op) => runOp(doc, tx, op)), {
                history: first ? 'record' : 'merge',
              });
            } catch {
              // invalid on purpose
            }
            first = false;
          }
          expect(h.state().undoDepth).to.be.at.most(1);
          h.undo();
          expect(doc.toJSON()).to.deep.equal(initial);
          const objects: readonly AnnotationObject[] = doc.objects();
          expect(objects).to.deep.equal(initial.objects);
        },
      ),
      { numRuns: 100 },
    );
  });
});
