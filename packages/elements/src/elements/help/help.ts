/** Defines `<annot-help>` and the shortcut settings it shows (once per page). */
import { AnnotShortcutSettings } from '../shortcut-settings/shortcut-settings.component.js';
import { AnnotHelp } from './help.component.js';

export { AnnotHelp, AnnotShortcutSettings };

if (!customElements.get('annot-help')) customElements.define('annot-help', AnnotHelp);
// The help renders `<annot-shortcut-settings>`, so it defines it here (same guard as
// `shortcut-settings.ts`). A bare `import '../shortcut-settings/shortcut-settings.js'` would be
// dropped by bundlers that honour package.json `sideEffects` while that file is not listed.
if (!customElements.get('annot-shortcut-settings')) {
  customElements.define('annot-shortcut-settings', AnnotShortcutSettings);
}

declare global {
  interface HTMLElementTagNameMap {
    'annot-help': AnnotHelp;
  }
}
