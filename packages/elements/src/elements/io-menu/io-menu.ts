/** Defines `<annot-io-menu>` (once per page). */
import { AnnotIoMenu } from './io-menu.component.js';

export { AnnotIoMenu };

if (!customElements.get('annot-io-menu')) customElements.define('annot-io-menu', AnnotIoMenu);

declare global {
  interface HTMLElementTagNameMap {
    'annot-io-menu': AnnotIoMenu;
  }
}
