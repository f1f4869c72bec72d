/** Defines `<annot-attribute-panel>` (once per page). */
import { AnnotAttributePanel } from './attribute-panel.component.js';

export { AnnotAttributePanel };

if (!customElements.get('annot-attribute-panel')) {
  customElements.define('annot-attribute-panel', AnnotAttributePanel);
}

declare global {
  interface HTMLElementTagNameMap {
    'annot-attribute-panel': AnnotAttributePanel;
  }
}
