/**
 * The full editor: `<annot-editor>` from `@annotkit/elements` on generated sample frames, with
 * the language and theme switchable and the editor's events logged.
 */
import '@annotkit/elements';
import { drawScene } from './scenes.js';
import { sampleDocument } from './sampleDocument.js';

const FRAMES = 6;

const byId = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from the page`);
  return el as T;
};

const editor = byId<HTMLElementTagNameMap['annot-editor']>('editor');
// The import/export menu's worker: the site build bundles it next to this page.
editor.formatsWorkerUrl = new URL('./formats.worker.js', import.meta.url).href;
editor.document = sampleDocument(FRAMES);
editor.media = Array.from({ length: FRAMES }, (_, i) => drawScene(i, FRAMES));

const lang = byId<HTMLSelectElement>('lang');
lang.addEventListener('change', () => {
  editor.locale = lang.value;
});
const theme = byId<HTMLSelectElement>('theme');
theme.addEventListener('change', () => {
  editor.theme = theme.value === 'dark' ? 'dark' : 'light';
  document.body.classList.toggle('dark', theme.value === 'dark');
});

const log = byId<HTMLOutputElement>('log');
let commits = 0;
const show = (text: string): void => {
  log.textContent = text;
};
editor.addEventListener('annot-commit', (e) => {
  commits++;
  show(`commit #${commits}: ${e.detail.kind}${e.detail.name ? ` (${e.detail.name})` : ''}`);
});
editor.addEventListener('annot-selection-change', (e) => {
  show(
    `selection: ${e.detail.ids.length > 0 ? e.detail.ids.map((id) => `#${id}`).join(', ') : 'none'}`,
  );
});
editor.addEventListener('annot-frame-change', (e) => {
  byId('frame-status').dataset['frame'] = String(e.detail.frame);
});
editor.addEventListener('annot-frame-load', (e) => {
  byId('frame-status').dataset['loaded'] = String(e.detail.frame);
});
editor.focus();
