/**
 * Controlled mode: the editor asks the page before applying anything. The page's filter
 * approves, rewrites (relabels new objects) or refuses (too small, outside the image) each
 * transaction, and explains a refusal from `annot-transaction-reject`.
 */
import '@annotkit/elements';
import { labelId } from '@annotkit/core';
import type { Transaction } from '@annotkit/core';
import { sampleDocument, sampleMedia } from '../embed-plain/sample.js';
import { judge } from './rules.js';

const byId = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from the page`);
  return el as T;
};

const editor = byId<HTMLElementTagNameMap['annot-editor']>('editor');
const forceLabel = byId<HTMLSelectElement>('force-label');
const why = byId<HTMLParagraphElement>('why');
const objects = byId<HTMLOutputElement>('objects');
const applied = byId<HTMLOutputElement>('applied');
const refused = byId<HTMLOutputElement>('refused');

const doc = sampleDocument();
editor.document = doc;
editor.media = sampleMedia();
for (const label of doc.labels()) {
  // Label names are data: they go in as option text, never as markup.
  forceLabel.append(new Option(label.name, String(label.id)));
}

// The reject event carries the refused transaction; the filter keeps its reason here.
const reasons = new WeakMap<Transaction, string>();
editor.transactionFilter = (tr, controller) => {
  const current = controller.document;
  if (!current) return tr;
  const forced = forceLabel.value === '' ? null : labelId(Number(forceLabel.value));
  const verdict = judge(tr, current.media, current.labels(), forced);
  if (!verdict.ok) {
    reasons.set(tr, verdict.reason);
    return null;
  }
  return verdict.transaction;
};

let appliedCount = 0;
let refusedCount = 0;
const showCount = (): void => {
  objects.textContent = String(editor.document?.objects().length ?? 0);
};
showCount();
editor.addEventListener('annot-commit', () => {
  appliedCount++;
  applied.textContent = String(appliedCount);
  why.textContent = '';
  showCount();
});
editor.addEventListener('annot-transaction-reject', (e) => {
  refusedCount++;
  refused.textContent = String(refusedCount);
  why.textContent = `Refused: ${reasons.get(e.detail.transaction) ?? 'not allowed here.'}`;
});
editor.addEventListener('annot-frame-load', (e) => {
  editor.dataset['loaded'] = String(e.detail.frame);
});
