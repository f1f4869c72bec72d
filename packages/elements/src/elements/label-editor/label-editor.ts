/** Defines `<annot-label-editor>` (once per page). */
import { AnnotLabelEditor } from './label-editor.component.js';

export { AnnotLabelEditor };

if (!customElements.get('annot-label-editor')) {
  customElements.define('annot-label-editor', AnnotLabelEditor);
}

declare global {
  interface HTMLElementTagNameMap {
    'annot-label-editor': AnnotLabelEditor;
  }
}
