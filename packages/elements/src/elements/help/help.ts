/** Defines `<annot-help>` and the shortcut settings it shows (once per page). */
import '../shortcut-settings/shortcut-settings.js';
import { AnnotHelp } from './help.component.js';

export { AnnotHelp };

if (!customElements.get('annot-help')) customElements.define('annot-help', AnnotHelp);

declare global {
  interface HTMLElementTagNameMap {
    'annot-help': AnnotHelp;
  }
}
