/** Defines `<annot-frame-navigator>` (once per page). */
import { AnnotFrameNavigator } from './frame-navigator.component.js';

export { AnnotFrameNavigator };

if (!customElements.get('annot-frame-navigator')) {
  customElements.define('annot-frame-navigator', AnnotFrameNavigator);
}

declare global {
  interface HTMLElementTagNameMap {
    'annot-frame-navigator': AnnotFrameNavigator;
  }
}
