import { expect } from 'chai';
import fc from 'fast-check';
import { isAnnotkitError } from '../errors.js';
import { documentDataArbitrary } from '../document/arbitraries.js';
import { isEmptyChange } from '../document/change.js';
import { createDocument } from '../document/createDocument.js';
import type { AnnotationDocument } from '../document/types.js';
import { createHistory } from '../history/createHistory.js';
import type { DocumentData } from '../model/records.js';
import { validateDocumentData } from '../model/validate.js';
import { COMMAND_KINDS, commandFromSeed, commandSeedArbitrary } from './randomCommands.js';
import type { Transaction } from './types.js';
import { log, stateOf } from './testDoc.js';

/** The document as comparable JSON: objects sorted by id (table order may differ after undo). */
function snapshot(doc: AnnotationDocument): DocumentData {
  const data = doc.toJSON();
  return {
    ...data,
    objects: [...data.objects].sort((a, b) => a.id - b.id),
    labels: [...data.labels].sort((a, b) => a.id - b.id),
  };
}

function checkInvariants(doc: AnnotationDocument): void {
  const data = doc.toJSON();
  validateDocumentData(JSON.parse(JSON.stringify(data)));
  const ids = data.objects.map((o) => o.id);
  expect(new Set(ids).size, 'ids unique').to.equal(ids.length);
  for (const o of data.objects) {
    if (o.kind !== 'track') continue;
    expect(o.keyframes.length).to.be.greaterThan(0);
    for (let i = 1; i < o.keyframes.length; i++) {
      expect(o.keyframes[i]!.frame, 'keyframes sorted').to.be.greaterThan(
        o.keyframes[i - 1]!.frame,
      );
    }
  }
}

describe('random command sequences', () => {
  it('keep every invariant, one undo step per command, and undo to the start (10,000 sequences of 1–12)', () => {
    let ran = 0;
    let refused = 0;
    const ranByKind = new Array<number>(COMMAND_KINDS).fill(0);
    fc.assert(
      fc.property(
        documentDataArbitrary({ maxFrames: 6, maxObjects: 8 }),
        fc.array(commandSeedArbitrary(), { minLength: 1, maxLength: 12 }),
        (data, seeds) => {
          const doc = createDocument(data);
          const history = createHistory(doc);
          const initial = snapshot(doc);
          let steps = 0;
          for (const seed of seeds) {
            const cmd = commandFromSeed(doc, seed);
            if (!cmd) continue;
            const version = doc.version;
            const can = cmd(stateOf(doc));
            expect(doc.version, 'can-run changes nothing').to.equal(version);
            const trs: Transaction[] = [];
            let result: boolean;
            try {
              result = cmd(stateOf(doc), (tr) => {
                trs.push(tr);
                doc.apply(tr.change, tr.options);
              });
            } catch (e) {
              // The only refusal that may surface as an error here: merging overlapping objects,
              // which can-run answered with false.
              if (!isAnnotkitError(e, 'merge-overlap') || can) throw e;
              expect(doc.version).to.equal(version);
              refused++;
              continue;
            }
            expect(result, 'dispatch agrees with can-run').to.equal(can);
            expect(trs).to.have.length(result ? 1 : 0);
            if (!result) {
              refused++;
              continue;
            }
            ran++;
            ranByKind[seed.op]!++;
            expect(isEmptyChange(trs[0]!.change), 'no empty transactions').to.equal(false);
            steps++;
            expect(history.state().undoDepth).to.equal(steps);
            checkInvariants(doc);
          }
          const final = snapshot(doc);
          while (history.undo()) {
            /* undo everything */
          }
          expect(snapshot(doc)).to.deep.equal(initial);
          while (history.redo()) {
            /* redo everything */
          }
          expect(snapshot(doc)).to.deep.equal(final);
          history.destroy();
        },
      ),
      { numRuns: 10_000 },
    );
    log(`random commands: ${ran} ran, ${refused} refused; ran by kind: ${ranByKind}`);
    // The generator must actually exercise the commands, not only refusals.
    expect(ran).to.be.greaterThan(2000);
    expect(refused).to.be.greaterThan(0);
    ranByKind.forEach((n, kind) => expect(n, `command kind ${kind} ran`).to.be.greaterThan(0));
  });
});
