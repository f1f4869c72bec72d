/** Defines `<annot-editor>` and every part it composes (once per page). */
import '../canvas-2d/canvas-2d.js';
import '../toolbar/toolbar.js';
import '../label-picker/label-picker.js';
import '../object-list/object-list.js';
import '../frame-navigator/frame-navigator.js';
import '../filter-builder/filter-builder.js';
import '../attribute-panel/attribute-panel.js';
import '../attribute-mode/attribute-mode.js';
import '../help/help.js';
import '../appearance/appearance.js';
import '../statistics/statistics.js';
import '../io-menu/io-menu.js';
import '../label-editor/label-editor.js';
import { AnnotEditor } from './editor.component.js';

export { AnnotEditor };

if (!customElements.get('annot-editor')) customElements.define('annot-editor', AnnotEditor);

declare global {
  interface HTMLElementTagNameMap {
    'annot-editor': AnnotEditor;
  }
}
