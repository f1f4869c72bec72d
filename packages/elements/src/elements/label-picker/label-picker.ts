/** Defines `<annot-label-picker>` (once per page). */
import { AnnotLabelPicker } from './label-picker.component.js';

export { AnnotLabelPicker };

if (!customElements.get('annot-label-picker')) {
  customElements.define('annot-label-picker', AnnotLabelPicker);
}

declare global {
  interface HTMLElementTagNameMap {
    'annot-label-picker': AnnotLabelPicker;
  }
}
