/** The translated name of a shortcut action, shared by the help list and the shortcut settings. */
import type { EditorController } from '../../controller/EditorController.js';
import type { ShortcutAction } from '../../controller/shortcuts.js';
import type { MessageId } from '../../i18n/messages.js';

/**
 * The description of `action` in the controller's language: its `shortcut.<action>` message,
 * `shortcut.label` for the label keys, and the bare id for an action added without a message
 * (so it still shows up rather than disappearing from the lists).
 */
export function describeShortcut(c: EditorController, action: ShortcutAction): string {
  const messages = c.messages as { readonly [key: string]: string };
  const id = `shortcut.${action}`;
  if (Object.hasOwn(messages, id)) return c.t(id as MessageId);
  const label = /^label-(\d+)$/.exec(action);
  return label ? c.t('shortcut.label', { n: label[1]! }) : action;
}
