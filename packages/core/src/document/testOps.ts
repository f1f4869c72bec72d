/**
 * Random edits for property tests of transactions and history. Test helper only; not exported
 * from the package entry.
 */
import fc from 'fast-check';
import type { AnnotationObject, Label } from '../model/records.js';
import type { AnnotationDocument, Writer } from './types.js';

/** A random edit: what to do and two numbers that pick the target and a value. */
export type Op = readonly [
  'add' | 'edit' | 'zorder' | 'remove' | 'recolor' | 'addLabel' | 'invalid',
  number,
  number,
];

/** Random edits; about one in twelve is invalid on purpose (the transaction must then fail). */
export const opArbitrary = (): fc.Arbitrary<Op> =>
  fc.tuple(
    fc.constantFrom(
      ...(['add', 'edit', 'zorder', 'remove', 'recolor', 'addLabel'] as const),
      ...(['add', 'edit', 'zorder', 'remove', 'recolor'] as const),
      'invalid' as const,
    ),
    fc.nat(),
    fc.nat(),
  );

/** Applies `op` through `tx` (reading through the writer); ops that do not fit do nothing. */
export function runOp(doc: AnnotationDocument, tx: Writer, [op, i, v]: Op): void {
  const live = doc.objects().filter((o) => tx.object(o.id) !== undefined);
  const target = live.length > 0 ? tx.object(live[i % live.length].id) : undefined;
  const pick = target as AnnotationObject | undefined;
  if (op === 'add' && pick) tx.add({ ...pick, id: tx.newObjectId() });
  else if (op === 'edit' && pick) {
    tx.put({ ...pick, group: v % 5, source: v % 2 ? 'auto' : 'manual' });
  } else if (op === 'zorder' && pick && pick.kind === 'shape') {
    tx.put({ ...pick, zOrder: (v % 7) - 3, occluded: v % 3 === 0 });
  } else if (op === 'remove' && pick) tx.remove(pick);
  else if (op === 'invalid' && pick) tx.put({ ...pick, group: -1 });
  else if (op === 'recolor') {
    const labels = doc.labels();
    const l = tx.label(labels[i % labels.length].id) as Label | undefined;
    if (l) tx.put({ ...l, color: `#${(v % 0xffffff).toString(16).padStart(6, '0')}` });
  } else if (op === 'addLabel') {
    tx.add({
      kind: 'label',
      id: tx.newLabelId(),
      name: `new ${tx.newAttributeId()}`,
      color: '#abcdef',
      type: 'any',
      attributes: [],
    });
  }
}
