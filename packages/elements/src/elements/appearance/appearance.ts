/** Defines `<annot-appearance>` (once per page). */
import { AnnotAppearance } from './appearance.component.js';

export { AnnotAppearance };

if (!customElements.get('annot-appearance')) {
  customElements.define('annot-appearance', AnnotAppearance);
}

declare global {
  interface HTMLElementTagNameMap {
    'annot-appearance': AnnotAppearance;
  }
}
