/**
 * The shortcut settings: one row per action with its keys, and buttons to record new keys,
 * remove one, add one, reset the action and reset everything.
 *
 * Design notes (why, not what):
 * - Every change goes through `controller.setShortcuts(map)`, the path `editor.shortcuts = …`
 *   takes, so the `shortcuts` event reaches the help list, the editor's `aria-keyshortcuts` and
 *   the persistence (`persist-key`) without any wiring of its own.
 * - While recording, every key event is consumed here (`preventDefault` + `stopPropagation`):
 *   the editor must not run the action behind the dialog, the dialog must not close on the
 *   Escape that cancels, and the browser must not run its own default (Ctrl+S, Ctrl+P). Tab is
 *   recorded too (next-object uses it by default); Escape always cancels, so this is no trap.
 * - A conflict is asked about, never resolved silently: the combo is kept as pending, focus
 *   goes to "Replace", and "Cancel" (or Escape) leaves both actions as they were. Reset takes
 *   the defaults back without asking (defaults win) but announces who lost a combo.
 */
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import {
  ShortcutAction,
  bindCombo,
  comboOf,
  conflictOf,
  isReservedCombo,
  mergeShortcuts,
  resetShortcut,
  unbindCombo,
} from '../../controller/shortcuts.js';
import type { ShortcutMap } from '../../controller/shortcuts.js';
import { describeShortcut } from '../help/describe.js';
import { EditorElement } from '../EditorElement.js';
import { sharedStyles, tableStyles } from '../shared.styles.js';
import { shortcutSettingsStyles } from './shortcut-settings.styles.js';

/** How a recorded combo is used: as the action's only key, or as one more key. */
type RecordMode = 'replace' | 'add';
/** The row button that records in `mode` (where focus returns when the recording ends). */
const buttonOf = (mode: RecordMode): 'change' | 'add' => (mode === 'replace' ? 'change' : 'add');

interface Recording {
  readonly action: ShortcutAction;
  readonly mode: RecordMode;
}

interface Pending extends Recording {
  readonly combo: string;
  /** The action that has the combo now. */
  readonly other: ShortcutAction;
}

/**
 * Keys that never end a recording: bare modifiers (`comboOf` gives `''` for them) and keys the
 * browser reports while composing or for dead keys, which are not stable combos.
 */
const NOT_A_KEY = new Set(['Dead', 'Unidentified', 'Process', 'CapsLock', 'NumLock', 'Fn']);

/**
 * Lets the user remap the editor's keyboard shortcuts: per action its name, its current keys
 * (each with a remove button), "Change" (records the next key combination and makes it the
 * only key), "Add" (records one more key) and "Reset", plus "Reset all". While recording,
 * modifiers alone do not end it and Escape cancels; the recording state and every result are
 * announced in a live region, and focus returns to the button that started the recording.
 * A combo used by another action asks whether to replace it there; combos the browser keeps
 * (Ctrl+W, Ctrl+T, Ctrl+N, …) are refused with a message. `<annot-help>` shows it behind its
 * "Change shortcuts" button; hosts can also place it in their own settings page.
 *
 * @csspart table - The table of actions.
 * @csspart keys - One key combo.
 * @csspart button - The change, add and reset buttons of a row.
 * @csspart remove - The button that removes one key of an action.
 * @csspart reset-all - The "Reset all" button.
 * @csspart status - The live region that announces recording and results.
 * @csspart conflict - The question shown when a combo is used by another action.
 */
export class AnnotShortcutSettings extends EditorElement {
  static override styles = [sharedStyles, tableStyles, shortcutSettingsStyles];

  @state() private recording: Recording | undefined;
  @state() private pending: Pending | undefined;
  @state() private status = '';

  constructor() {
    super({ events: ['locale', 'shortcuts'] });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A recording must not survive the dialog closing: it would swallow the next key typed
    // after the dialog is opened again.
    this.recording = undefined;
    this.pending = undefined;
  }

  private name(action: ShortcutAction): string {
    const c = this.controller;
    return c ? describeShortcut(c, action) : action;
  }

  private apply(map: ShortcutMap, status: string): void {
    this.controller?.setShortcuts(map);
    this.status = status;
  }

  private async focusButton(action: ShortcutAction, role: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>(`tr[data-action="${action}"] button[data-role="${role}"]`)
      ?.focus();
  }

  private start(action: ShortcutAction, mode: RecordMode): void {
    if (this.recording?.action === action && this.recording.mode === mode) {
      // A second click on the recording button (pointer users have no Escape at hand).
      this.cancelRecording();
      return;
    }
    this.pending = undefined;
    this.recording = { action, mode };
    this.status = this.t('shortcutSettings.recording.announce', { action: this.name(action) });
    // A pointer click focuses the button in Chromium but not everywhere: the keys must arrive.
    void this.focusButton(action, buttonOf(mode));
  }

  /** Ends the recording unchanged; `refocus` false when focus already went elsewhere. */
  private cancelRecording(refocus = true): void {
    const rec = this.recording;
    if (!rec) return;
    this.recording = undefined;
    this.status = this.t('shortcutSettings.cancelled', { action: this.name(rec.action) });
    if (refocus) void this.focusButton(rec.action, buttonOf(rec.mode));
  }

  private onKeyDown(e: KeyboardEvent): void {
    const rec = this.recording;
    if (!rec) {
      if (this.pending && e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        this.resolve(false);
      }
      return;
    }
    e.preventDefault();
    e.stopPropagation();
    if (e.isComposing) return;
    if (e.key === 'Escape') {
      this.cancelRecording();
      return;
    }
    const combo = comboOf(e);
    if (combo === '' || NOT_A_KEY.has(e.key)) return;
    this.finish(rec, combo);
  }

  private finish(rec: Recording, combo: string): void {
    const c = this.controller;
    this.recording = undefined;
    const returnTo = buttonOf(rec.mode);
    if (!c) return;
    if (isReservedCombo(combo)) {
      this.status = this.t('shortcutSettings.reserved', { combo });
      void this.focusButton(rec.action, returnTo);
      return;
    }
    const other = conflictOf(c.shortcuts, rec.action, combo);
    if (other) {
      this.pending = { ...rec, combo, other };
      this.status = this.t('shortcutSettings.conflict', { combo, other: this.name(other) });
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('button[data-role="replace"]')?.focus(),
      );
      return;
    }
    this.bind(rec, combo);
    void this.focusButton(rec.action, returnTo);
  }

  private bind(rec: Recording, combo: string): void {
    const c = this.controller;
    if (!c) return;
    const map = bindCombo(c.shortcuts, rec.action, combo, rec.mode);
    this.apply(
      map,
      this.t('shortcutSettings.saved', {
        action: this.name(rec.action),
        keys: map[rec.action].join(', '),
      }),
    );
  }

  /** Answers the conflict question: replace (the other action loses the combo) or cancel. */
  private resolve(replace: boolean): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    if (replace) {
      this.bind(p, p.combo);
      this.status +=
        ' ' +
        this.t('shortcutSettings.taken', {
          combo: p.combo,
          other: this.name(p.other),
        });
    } else {
      this.status = this.t('shortcutSettings.cancelled', { action: this.name(p.action) });
    }
    void this.focusButton(p.action, buttonOf(p.mode));
  }

  private removeCombo(action: ShortcutAction, combo: string): void {
    const c = this.controller;
    if (!c) return;
    const map = unbindCombo(c.shortcuts, action, combo);
    const name = this.name(action);
    const removed = this.t('shortcutSettings.removed', { combo, action: name });
    this.apply(
      map,
      map[action].length === 0
        ? `${removed} ${this.t('shortcutSettings.unbound', { action: name })}`
        : removed,
    );
    // The remove button is gone with its key; the row's change button keeps focus in the row.
    void this.focusButton(action, 'change');
  }

  private reset(action: ShortcutAction): void {
    const c = this.controller;
    if (!c) return;
    this.recording = undefined;
    this.pending = undefined;
    const before = c.shortcuts;
    const map = resetShortcut(before, action);
    const taken = Object.values(ShortcutAction).flatMap((other) =>
      other === action
        ? []
        : before[other]
            .filter((k) => !map[other].includes(k))
            .map((combo) => this.t('shortcutSettings.taken', { combo, other: this.name(other) })),
    );
    this.apply(
      map,
      [this.t('shortcutSettings.resetDone', { action: this.name(action) }), ...taken].join(' '),
    );
  }

  private resetAll(): void {
    this.recording = undefined;
    this.pending = undefined;
    this.apply(mergeShortcuts(), this.t('shortcutSettings.resetAllDone'));
  }

  protected override render(): unknown {
    const c = this.controller;
    const map = c?.shortcuts ?? mergeShortcuts();
    const rec = this.recording;
    const pending = this.pending;
    return html`<section
      class="settings"
      aria-label=${this.t('shortcutSettings.label')}
      @keydown=${this.onKeyDown}
    >
      <div class="top">
        <button part="reset-all" data-role="reset-all" @click=${() => this.resetAll()}>
          ${this.t('shortcutSettings.resetAll')}
        </button>
        <p part="status" id="status" class="status" role="status" aria-live="polite">
          ${this.status}
        </p>
      </div>
      ${
        pending
          ? html`<div part="conflict" class="conflict" role="group" aria-labelledby="conflict">
              <p id="conflict">
                ${this.t('shortcutSettings.conflict', {
                  combo: pending.combo,
                  other: this.name(pending.other),
                })}
              </p>
              <button part="button" data-role="replace" @click=${() => this.resolve(true)}>
                ${this.t('shortcutSettings.replace')}
              </button>
              <button part="button" data-role="cancel" @click=${() => this.resolve(false)}>
                ${this.t('shortcutSettings.cancel')}
              </button>
            </div>`
          : nothing
      }
      <table part="table">
        <thead>
          <tr>
            <th scope="col">${this.t('help.action')}</th>
            <th scope="col">${this.t('help.keys')}</th>
            <th scope="col">${this.t('shortcutSettings.controls')}</th>
          </tr>
        </thead>
        <tbody>
          ${Object.values(ShortcutAction).map((action) => {
            const name = this.name(action);
            const keys = map[action];
            const recording = rec?.action === action ? rec.mode : undefined;
            return html`<tr data-action=${action}>
              <th scope="row">${name}</th>
              <td class="keys">
                ${
                  keys.length === 0
                    ? html`<span class="muted">${this.t('help.unbound')}</span>`
                    : keys.map(
                        (combo) =>
                          html`<span class="binding"
                            ><kbd part="keys">${combo}</kbd
                            ><button
                              part="remove"
                              data-role="remove"
                              data-combo=${combo}
                              aria-label=${this.t('shortcutSettings.remove.label', {
                                combo,
                                action: name,
                              })}
                              @click=${() => this.removeCombo(action, combo)}
                            >
                              ×
                            </button></span
                          >`,
                      )
                }
              </td>
              <td class="controls">
                ${this.recordButton(action, name, 'replace', recording === 'replace')}
                ${this.recordButton(action, name, 'add', recording === 'add')}
                <button
                  part="button"
                  data-role="reset"
                  aria-label=${this.t('shortcutSettings.reset.label', { action: name })}
                  @click=${() => this.reset(action)}
                >
                  ${this.t('shortcutSettings.reset')}
                </button>
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </section>`;
  }

  private recordButton(
    action: ShortcutAction,
    name: string,
    mode: RecordMode,
    recording: boolean,
  ): unknown {
    // While recording the visible text ("Press keys…") is the name, as WCAG 2.5.3 wants it
    // to be; the live region, which describes the button, says for which action and how to
    // cancel.
    const label = recording
      ? nothing
      : this.t(
          mode === 'replace' ? 'shortcutSettings.change.label' : 'shortcutSettings.add.label',
          {
            action: name,
          },
        );
    return html`<button
      part="button"
      class=${recording ? 'recording' : ''}
      data-role=${buttonOf(mode)}
      aria-label=${label}
      aria-describedby=${recording ? 'status' : nothing}
      aria-pressed=${recording ? 'true' : 'false'}
      @click=${() => this.start(action, mode)}
      @blur=${() => {
        // Focus leaving the recording button (a click elsewhere) ends the recording, so keys
        // typed later are not taken for a binding.
        if (recording && this.recording?.action === action && this.recording.mode === mode) {
          this.cancelRecording(false);
        }
      }}
    >
      ${
        recording
          ? this.t('shortcutSettings.recording')
          : this.t(mode === 'replace' ? 'shortcutSettings.change' : 'shortcutSettings.add')
      }
    </button>`;
  }
}
