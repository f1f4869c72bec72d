/** Defines `<annot-shortcut-settings>` (once per page). */
import { AnnotShortcutSettings } from './shortcut-settings.component.js';

export { AnnotShortcutSettings };

if (!customElements.get('annot-shortcut-settings')) {
  customElements.define('annot-shortcut-settings', AnnotShortcutSettings);
}

declare global {
  interface HTMLElementTagNameMap {
    'annot-shortcut-settings': AnnotShortcutSettings;
  }
}
