/** Defines `<annot-help>` (once per page). */
import { AnnotHelp } from './help.component.js';

export { AnnotHelp };

if (!customElements.get('annot-help')) customElements.define('annot-help', AnnotHelp);

declare global {
  interface HTMLElementTagNameMap {
    'annot-help': AnnotHelp;
  }
}
