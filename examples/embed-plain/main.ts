/**
 * The smallest embed: import the package (which defines the elements), hand the editor a
 * document and the frame images as properties, and follow its events.
 */
import '@annotkit/elements';
import { sampleDocument, sampleMedia } from './sample.js';

const editor = document.querySelector('annot-editor');
const objects = document.getElementById('objects');
const commits = document.getElementById('commits');
const last = document.getElementById('last');
if (!editor || !objects || !commits || !last) throw new Error('the page lacks its elements');

// Objects and arrays are properties, never attributes.
editor.document = sampleDocument();
editor.media = sampleMedia();
objects.textContent = String(editor.document?.objects().length ?? 0);

let count = 0;
editor.addEventListener('annot-commit', (e) => {
  count++;
  commits.textContent = String(count);
  // Text from the editor goes in as text, never as HTML.
  last.textContent = `${e.detail.kind}${e.detail.name ? ` (${e.detail.name})` : ''}`;
  objects.textContent = String(editor.document?.objects().length ?? 0);
});
editor.addEventListener('annot-frame-load', (e) => {
  editor.dataset['loaded'] = String(e.detail.frame);
});
