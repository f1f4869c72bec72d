import { expect } from 'chai';
import fc from 'fast-check';
import { createObject, isAnnotkitError, removeObjects } from '@annotkit/core';
import type { Transaction } from '@annotkit/core';
import { EditorController } from './EditorController.js';
import { CAR, COLOR, PERSON, ROAD, box, ids, testDoc } from '../testing/testData.js';

const key = (k: string, mods: { ctrlKey?: boolean; shiftKey?: boolean } = {}) => ({
  key: k,
  ...mods,
});

describe('EditorController', () => {
  it('runs commands through dispatch; undo and redo restore the document', () => {
    const c = new EditorController({ document: testDoc() });
    const commits: string[] = [];
    c.on('commit', (e) => commits.push(`${e.kind}:${e.name}`));
    c.select(ids(1));
    expect(c.deleteSelection()).to.equal(true);
    expect(c.document!.object(ids(1)[0]!)).to.equal(undefined);
    expect(c.selection).to.deep.equal([]);
    expect(c.canUndo()).to.equal(true);
    expect(c.undo()).to.equal(true);
    expect(c.document!.object(ids(1)[0]!)).to.not.equal(undefined);
    expect(c.redo()).to.equal(true);
    expect(c.document!.object(ids(1)[0]!)).to.equal(undefined);
    expect(commits).to.deep.equal(['transaction:remove', 'undo:undefined', 'redo:undefined']);
  });

  it('controlled mode: the filter approves, rewrites or rejects every transaction', () => {
    const doc = testDoc();
    let mode: 'approve' | 'reject' | 'rewrite' = 'reject';
    const seen: Transaction[] = [];
    const c = new EditorController({
      document: doc,
      transactionFilter: (tr) => {
        seen.push(tr);
        if (mode === 'reject') return null;
        if (mode === 'approve') return tr;
        // Rewrite: keep the change, but do not record it in history.
        return { ...tr, options: { ...tr.options, history: 'ignore' } };
      },
    });
    const rejected: Transaction[] = [];
    c.on('reject', (e) => rejected.push(e.transaction));
    c.select(ids(1));
    expect(c.deleteSelection()).to.equal(false);
    expect(doc.object(ids(1)[0]!)).to.not.equal(undefined);
    expect(rejected).to.have.length(1);
    mode = 'rewrite';
    expect(c.changeLabel(ids(1), PERSON)).to.equal(true);
    expect(doc.object(ids(1)[0]!)!.label).to.equal(PERSON);
    expect(c.canUndo()).to.equal(false);
    mode = 'approve';
    expect(c.run(removeObjects(ids(2)))).to.equal(true);
    expect(c.canUndo()).to.equal(true);
    expect(seen).to.have.length(3);
  });

  it('controlled mode: undo and redo pass the filter (approve, reject, rewrite)', () => {
    const doc = testDoc();
    let mode: 'approve' | 'reject' | 'rewrite' = 'approve';
    const names: (string | undefined)[] = [];
    const c = new EditorController({
      document: doc,
      transactionFilter: (tr) => {
        names.push(tr.options.name);
        if (mode === 'reject') return null;
        if (mode === 'approve') return tr;
        // Rewrite an undo of a removal: bring the object back with another label.
        const added = tr.change.added.map((r) =>
          r.kind === 'shape' ? { ...r, label: PERSON, attributes: {} } : r,
        );
        return { change: { ...tr.change, added }, options: tr.options };
      },
    });
    const rejected: (string | undefined)[] = [];
    c.on('reject', (e) => rejected.push(e.transaction.options.name));
    c.select(ids(1));
    expect(c.deleteSelection()).to.equal(true);
    mode = 'reject';
    expect(c.undo()).to.equal(false);
    expect(doc.object(ids(1)[0]!)).to.equal(undefined);
    expect(rejected).to.deep.equal(['undo']);
    expect(c.canUndo()).to.equal(true);
    mode = 'approve';
    expect(c.undo()).to.equal(true);
    expect(doc.object(ids(1)[0]!)!.label).to.equal(CAR);
    expect(c.redo()).to.equal(true);
    expect(doc.object(ids(1)[0]!)).to.equal(undefined);
    mode = 'rewrite';
    expect(c.undo()).to.equal(true);
    expect(doc.object(ids(1)[0]!)!.label).to.equal(PERSON);
    // The rewrite is a new edit: undoing it removes the object again.
    mode = 'approve';
    expect(c.undo()).to.equal(true);
    expect(doc.object(ids(1)[0]!)).to.equal(undefined);
    expect(names).to.deep.equal(['remove', 'undo', 'undo', 'redo', 'undo', 'undo']);
  });

  it('rejects frames outside the media with frame-range and navigates within it', () => {
    const c = new EditorController({ document: testDoc(undefined, 25) });
    expect(() => c.setFrame(25))
      .to.throw()
      .that.satisfies((e: unknown) => isAnnotkitError(e, 'frame-range'));
    expect(() => c.setFrame(1.5)).to.throw();
    c.setFrame(3);
    expect(c.handleKey(key('f'))).to.equal('next-frame');
    expect(c.frame).to.equal(4);
    expect(c.handleKey(key('d'))).to.equal('prev-frame');
    expect(c.handleKey(key('V'))).to.equal('step-forward');
    expect(c.frame).to.equal(13);
    expect(c.moveFrame(100)).to.equal(true);
    expect(c.frame).to.equal(24);
    expect(c.moveFrame(1)).to.equal(false);
  });

  it('handles the default shortcuts and remapped ones', () => {
    const c = new EditorController({ document: testDoc() });
    c.select(ids(1));
    expect(c.handleKey(key('Delete'))).to.equal('delete');
    expect(c.handleKey(key('z', { ctrlKey: true }))).to.equal('undo');
    expect(c.document!.objects()).to.have.length(2);
    expect(c.handleKey(key('Z', { ctrlKey: true, shiftKey: true }))).to.equal('redo');
    expect(c.handleKey(key('z', { ctrlKey: true }))).to.equal('undo');
    expect(c.handleKey(key('y', { ctrlKey: true }))).to.equal('redo');
    expect(c.document!.objects()).to.have.length(1);
    c.setShortcuts({ undo: ['ctrl+u'], 'next-frame': [] });
    expect(c.handleKey(key('z', { ctrlKey: true }))).to.equal(undefined);
    expect(c.handleKey(key('u', { ctrlKey: true }))).to.equal('undo');
    expect(c.handleKey(key('f'))).to.equal(undefined);
    expect(c.frame).to.equal(0);
  });

  it('label keys set the drawing label and relabel the selection (CVAT)', () => {
    const c = new EditorController({ document: testDoc() });
    expect(c.label).to.equal(CAR);
    expect(c.handleKey(key('2'))).to.equal('label-2');
    expect(c.label).to.equal(PERSON);
    c.select(ids(1));
    c.handleKey(key('2'));
    expect(c.document!.object(ids(1)[0]!)!.label).to.equal(PERSON);
    // road only takes polygons: the rectangle keeps its label, the drawing label changes.
    c.handleKey(key('3'));
    expect(c.label).to.equal(ROAD);
    expect(c.document!.object(ids(1)[0]!)!.label).to.equal(PERSON);
    expect(c.handleKey(key('9'))).to.equal(undefined);
  });

  it('tools: unknown ids throw, drawing tools pick a label that fits', () => {
    const c = new EditorController({ document: testDoc() });
    expect(() => c.setTool('lasso'))
      .to.throw()
      .that.satisfies((e: unknown) => isAnnotkitError(e, 'unsupported'));
    expect(c.setTool('draw-skeleton')).to.equal(false);
    expect(c.tool).to.equal('select');
    c.setLabel(ROAD);
    expect(c.setTool('draw-rectangle')).to.equal(true);
    expect(c.toolLabel).to.equal(CAR);
    expect(c.setTool('draw-polygon')).to.equal(true);
    expect(c.toolLabel).to.equal(ROAD);
    c.setTool('select');
    expect(c.handleKey(key('n'))).to.equal('draw');
    expect(c.tool).to.equal('draw-polygon');
    expect(c.handleKey(key('Escape'))).to.equal('select-tool');
    expect(c.tool).to.equal('select');
  });

  it('keeps the undo stack across detach/attach and records nothing while detached', () => {
    const doc = testDoc();
    const c = new EditorController({ document: doc });
    const changes: number[] = [];
    c.on('change', (e) => changes.push(e.version));
    c.select(ids(1));
    c.deleteSelection();
    c.detach();
    doc.transact((tx) => tx.add(box(50, 1, 0, 0, 10, 10)));
    expect(changes).to.have.length(1);
    c.attach();
    expect(c.canUndo()).to.equal(true);
    c.undo();
    expect(doc.object(ids(1)[0]!)).to.not.equal(undefined);
    c.destroy();
    expect(c.listenerCount()).to.equal(0);
  });

  it('view state: each change replaces the set it changed, emits view, and a new document resets it', () => {
    const c = new EditorController({ document: testDoc() });
    const views: { hidden: number; locked: number; pinned: number; colors: number }[] = [];
    c.on('view', (v) =>
      views.push({
        hidden: v.hidden.size,
        locked: v.locked.size,
        pinned: v.pinned.size,
        colors: v.colors.size,
      }),
    );
    const hiddenBefore = c.hidden;
    c.setHidden(ids(1, 2), true);
    expect(hiddenBefore.size).to.equal(0); // not mutated
    c.setLocked(ids(1), true);
    c.setPinned(ids(2), true);
    c.setColor(ids(1), '#AABBCC');
    expect(c.colors.get(ids(1)[0]!)).to.equal('#aabbcc');
    expect(() => c.setColor(ids(2), 'red')).to.throw(/#rrggbb/);
    c.setHidden(ids(1), false);
    expect([...c.hidden]).to.deep.equal(ids(2));
    expect(c.canUndo()).to.equal(false); // view state is not document state
    c.setDocument(testDoc());
    expect([c.hidden.size, c.locked.size, c.pinned.size, c.colors.size]).to.deep.equal([
      0, 0, 0, 0,
    ]);
    expect(views).to.deep.equal([
      { hidden: 2, locked: 0, pinned: 0, colors: 0 },
      { hidden: 2, locked: 1, pinned: 0, colors: 0 },
      { hidden: 2, locked: 1, pinned: 1, colors: 0 },
      { hidden: 2, locked: 1, pinned: 1, colors: 1 },
      { hidden: 1, locked: 1, pinned: 1, colors: 1 },
      { hidden: 0, locked: 0, pinned: 0, colors: 0 },
    ]);
  });

  it('setAttribute writes one undo step; values outside the spec throw', () => {
    const c = new EditorController({ document: testDoc() });
    expect(c.setAttribute(ids(1)[0]!, COLOR, 'blue')).to.equal(true);
    expect(c.document!.object(ids(1)[0]!)!.attributes[COLOR]).to.equal('blue');
    expect(() => c.setAttribute(ids(1)[0]!, COLOR, 'green')).to.throw();
    c.undo();
    expect(c.document!.object(ids(1)[0]!)!.attributes[COLOR]).to.equal('red');
  });

  it('property: any sequence of creates and deletes is fully undone by undo', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant('create' as const), fc.constant('delete' as const)), {
          maxLength: 12,
        }),
        (ops) => {
          const c = new EditorController({ document: testDoc() });
          const before = JSON.stringify(c.document!.toJSON().objects);
          for (const op of ops) {
            if (op === 'create') {
              const { id: _id, ...record } = box(0, 0, 10, 10, 20, 20);
              c.run(createObject(record as Parameters<typeof createObject>[0]));
            } else {
              const first = c.document!.objects()[0];
              if (first) {
                c.select([first.id]);
                c.deleteSelection();
              }
            }
          }
          while (c.undo()) {
            /* undo everything */
          }
          expect(JSON.stringify(c.document!.toJSON().objects)).to.equal(before);
        },
      ),
      { numRuns: 30 },
    );
  });
});
