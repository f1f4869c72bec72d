/** Defines `<annot-toolbar>` (once per page). */
import { AnnotToolbar } from './toolbar.component.js';

export { AnnotToolbar };

if (!customElements.get('annot-toolbar')) customElements.define('annot-toolbar', AnnotToolbar);

declare global {
  interface HTMLElementTagNameMap {
    'annot-toolbar': AnnotToolbar;
  }
}
