/** Defines `<annot-attribute-mode>` (once per page). */
import { AnnotAttributeMode } from './attribute-mode.component.js';

export { AnnotAttributeMode };

if (!customElements.get('annot-attribute-mode')) {
  customElements.define('annot-attribute-mode', AnnotAttributeMode);
}

declare global {
  interface HTMLElementTagNameMap {
    'annot-attribute-mode': AnnotAttributeMode;
  }
}
