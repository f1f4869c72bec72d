/**
 * Keyboard shortcuts: actions, their default keys (CVAT's defaults where CVAT has one) and the
 * normalisation of a `KeyboardEvent` to a combo string such as `'Ctrl+Shift+Z'`, and the pure
 * remapping steps behind the shortcut settings (bind, unbind, reset, conflicts, reserved combos).
 */
import { AnnotkitError, ErrorCode } from '@annotkit/core';

/** Editor actions that can be bound to keys. */
export const ShortcutAction = {
  Undo: 'undo',
  Redo: 'redo',
  Delete: 'delete',
  NextFrame: 'next-frame',
  PrevFrame: 'prev-frame',
  StepForward: 'step-forward',
  StepBack: 'step-back',
  Draw: 'draw',
  SelectTool: 'select-tool',
  Hide: 'hide',
  Lock: 'lock',
  Occluded: 'occluded',
  SearchForward: 'search-forward',
  SearchBack: 'search-back',
  NextEmptyFrame: 'next-empty-frame',
  PrevEmptyFrame: 'prev-empty-frame',
  Pin: 'pin',
  Outside: 'outside',
  Keyframe: 'keyframe',
  NextKeyframe: 'next-keyframe',
  PrevKeyframe: 'prev-keyframe',
  Help: 'help',
  AttributeMode: 'attribute-mode',
  NextObject: 'next-object',
  PrevObject: 'prev-object',
  Label1: 'label-1',
  Label2: 'label-2',
  Label3: 'label-3',
  Label4: 'label-4',
  Label5: 'label-5',
  Label6: 'label-6',
  Label7: 'label-7',
  Label8: 'label-8',
  Label9: 'label-9',
} as const;
/** An editor action that can be bound to keys. */
export type ShortcutAction = (typeof ShortcutAction)[keyof typeof ShortcutAction];

/** Key combos per action, e.g. `{ undo: ['Ctrl+Z'] }`. */
export type ShortcutMap = { readonly [A in ShortcutAction]: readonly string[] };

/**
 * The default map, following CVAT: Ctrl+Z undo, Ctrl+Shift+Z / Ctrl+Y redo, Delete, F/D next and
 * previous frame, V/C forward and back by the frame step, N draw again with the last drawing
 * tool, H hide, L lock, Q occluded, Right/Left next/previous frame matching the filter,
 * Alt+Right/Alt+Left next/previous empty frame, P pin, O outside, K keyframe, R/E next/previous
 * keyframe, 1–9 labels. Escape returns to the select tool when the
 * canvas does not use it itself.
 */
export const DEFAULT_SHORTCUTS: ShortcutMap = {
  undo: ['Ctrl+Z'],
  redo: ['Ctrl+Shift+Z', 'Ctrl+Y'],
  delete: ['Delete'],
  'next-frame': ['F'],
  'prev-frame': ['D'],
  'step-forward': ['V'],
  'step-back': ['C'],
  draw: ['N'],
  'select-tool': ['Escape'],
  hide: ['H'],
  lock: ['L'],
  occluded: ['Q'],
  // CVAT: Right/Left search the next/previous frame matching the filter. Empty-frame search has
  // no CVAT default; Alt+arrows keeps it next to the filter search.
  'search-forward': ['ArrowRight'],
  'search-back': ['ArrowLeft'],
  'next-empty-frame': ['Alt+ArrowRight'],
  'prev-empty-frame': ['Alt+ArrowLeft'],
  pin: ['P'],
  outside: ['O'],
  keyframe: ['K'],
  'next-keyframe': ['R'],
  'prev-keyframe': ['E'],
  // CVAT: F1 shows the shortcuts; `?` is the common web convention (Shift+/ on most layouts).
  help: ['F1', 'Shift+?', '?'],
  // CVAT switches to AAM through the workspace menu and has no key; Shift+A (A for attribute)
  // collides with no CVAT default and survives Alt-less layouts such as macOS.
  'attribute-mode': ['Shift+A'],
  // CVAT: Tab / Shift+Tab next/previous object. The editor acts on them only while the canvas
  // or the attribute mode has focus, so Tab still walks the controls everywhere else.
  'next-object': ['Tab'],
  'prev-object': ['Shift+Tab'],
  'label-1': ['1'],
  'label-2': ['2'],
  'label-3': ['3'],
  'label-4': ['4'],
  'label-5': ['5'],
  'label-6': ['6'],
  'label-7': ['7'],
  'label-8': ['8'],
  'label-9': ['9'],
};

/** The fields of a keyboard event that a combo depends on. */
export interface KeyLike {
  readonly key: string;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly altKey?: boolean;
  readonly shiftKey?: boolean;
}

/**
 * The combo of a key event: modifiers in the order Ctrl, Alt, Shift, then the key, with single
 * letters upper-cased (`'Ctrl+Shift+Z'`). Meta (⌘) counts as Ctrl. A bare modifier press gives
 * `''`.
 */
export function comboOf(e: KeyLike): string {
  if (e.key === 'Control' || e.key === 'Shift' || e.key === 'Alt' || e.key === 'Meta') return '';
  const key = e.key.length === 1 ? e.key.toUpperCase() : e.key;
  const parts: string[] = [];
  if (e.ctrlKey || e.metaKey) parts.push('Ctrl');
  if (e.altKey) parts.push('Alt');
  if (e.shiftKey && key !== ' ') parts.push('Shift');
  parts.push(key === ' ' ? 'Space' : key);
  return parts.join('+');
}

/** Normalises a user-written combo (`'ctrl+shift+z'` → `'Ctrl+Shift+Z'`). */
export function normalizeCombo(combo: string): string {
  const parts = combo.split('+').map((p) => p.trim());
  const key = parts.pop() ?? '';
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  return comboOf({
    key: key.toLowerCase() === 'space' ? ' ' : key,
    ctrlKey: mods.has('ctrl') || mods.has('control') || mods.has('meta') || mods.has('cmd'),
    altKey: mods.has('alt'),
    shiftKey: mods.has('shift'),
  });
}

/**
 * Merges overrides into the defaults: every action in `overrides` takes exactly the given
 * combos (an empty list unbinds it). Combos are normalised.
 */
export function mergeShortcuts(
  overrides: Partial<ShortcutMap> = {},
  base: ShortcutMap = DEFAULT_SHORTCUTS,
): ShortcutMap {
  const out: Record<string, readonly string[]> = {};
  for (const action of Object.values(ShortcutAction)) {
    const combos = Object.hasOwn(overrides, action) ? overrides[action]! : base[action];
    out[action] = combos.map(normalizeCombo);
  }
  return out as ShortcutMap;
}

/** The action bound to the event's combo, or undefined. */
export function actionFor(map: ShortcutMap, e: KeyLike): ShortcutAction | undefined {
  const combo = comboOf(e);
  if (combo === '') return undefined;
  for (const action of Object.values(ShortcutAction)) {
    if (map[action].includes(combo)) return action;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Remapping (the shortcut settings UI and hosts use these; each returns a new map)

/**
 * Combos the browser or the OS keeps for itself: the page either never receives them (Chromium
 * handles Ctrl+W, Ctrl+T, Ctrl+N and tab switching before the page) or cannot prevent their
 * default (Alt+F4, F11), so a binding to them would never work. Meta counts as Ctrl, as in
 * `comboOf`, which covers their macOS variants (⌘W, ⌘T, ⌘N, ⌘Q).
 */
export const RESERVED_COMBOS: readonly string[] = [
  'Ctrl+W',
  'Ctrl+Shift+W',
  'Ctrl+T',
  'Ctrl+Shift+T',
  'Ctrl+N',
  'Ctrl+Shift+N',
  'Ctrl+Q',
  'Ctrl+Shift+Q',
  'Ctrl+Tab',
  'Ctrl+Shift+Tab',
  'Ctrl+PageUp',
  'Ctrl+PageDown',
  'Alt+F4',
  'F11',
];

/** Whether the browser keeps `combo` for itself (see {@link RESERVED_COMBOS}). */
export function isReservedCombo(combo: string): boolean {
  return RESERVED_COMBOS.includes(normalizeCombo(combo));
}

/**
 * The other action that `combo` is bound to in `map`, or undefined when the combo is free (or
 * bound to `action` itself). Every action is handled by the editor's one `keydown` listener, so
 * a combo can serve only one of them (Tab acts only from the canvas, but a combo bound to it and
 * to another action would still be ambiguous there).
 */
export function conflictOf(
  map: ShortcutMap,
  action: ShortcutAction,
  combo: string,
): ShortcutAction | undefined {
  const c = normalizeCombo(combo);
  return Object.values(ShortcutAction).find((other) => other !== action && map[other].includes(c));
}

/** Returns `map` with `combo` removed from every action except `keep`. */
function releaseCombo(
  map: ShortcutMap,
  combo: string,
  keep: ShortcutAction,
): { [A in ShortcutAction]: readonly string[] } {
  const out = { ...map };
  for (const other of Object.values(ShortcutAction)) {
    if (other !== keep && out[other].includes(combo)) {
      out[other] = out[other].filter((c) => c !== combo);
    }
  }
  return out;
}

/**
 * Binds `combo` to `action`: `'replace'` makes it the action's only combo, `'add'` appends it
 * (kept once). Any other action loses the combo, so callers that want to ask
 * first check {@link conflictOf}. Throws `AnnotkitError` `unsupported` (path `['shortcuts',
 * action]`) for an empty or reserved combo; the map is not changed then.
 */
export function bindCombo(
  map: ShortcutMap,
  action: ShortcutAction,
  combo: string,
  mode: 'replace' | 'add',
): ShortcutMap {
  const c = normalizeCombo(combo);
  if (c === '' || isReservedCombo(c)) {
    throw new AnnotkitError(
      ErrorCode.Unsupported,
      c === '' ? 'A shortcut needs a key' : `${c} is kept by the browser`,
      { path: ['shortcuts', action] },
    );
  }
  const out = releaseCombo(map, c, action);
  out[action] =
    mode === 'replace' ? [c] : out[action].includes(c) ? out[action] : [...out[action], c];
  return out;
}

/** Removes `combo` from `action` (other actions keep theirs). */
export function unbindCombo(map: ShortcutMap, action: ShortcutAction, combo: string): ShortcutMap {
  const c = normalizeCombo(combo);
  return { ...map, [action]: map[action].filter((k) => k !== c) };
}

/**
 * Gives `action` its default combos back. Defaults win: another action that was given one of them
 * loses it (the settings UI announces which).
 */
export function resetShortcut(map: ShortcutMap, action: ShortcutAction): ShortcutMap {
  let out: { [A in ShortcutAction]: readonly string[] } = { ...map };
  const defaults = DEFAULT_SHORTCUTS[action].map(normalizeCombo);
  for (const c of defaults) out = releaseCombo(out, c, action);
  out[action] = defaults;
  return out;
}
