/** What each shortcut action does, on top of the controller's public methods. */
import type { EditorController } from './EditorController.js';
import type { ShortcutAction } from './shortcuts.js';

/** The occluded flag of an object on `frame` (tracks: from the left keyframe). */
function occludedAt(c: EditorController, frame: number): boolean | undefined {
  const id = c.selection[0];
  const o = id === undefined ? undefined : c.document?.object(id);
  if (!o || o.kind === 'tag') return undefined;
  if (o.kind === 'shape') return o.occluded;
  return [...o.keyframes].reverse().find((k) => k.frame <= frame)?.occluded ?? false;
}

/** Performs `action` on `c`. True when it did something. */
export function performAction(c: EditorController, action: ShortcutAction): boolean {
  const first = c.selection[0];
  switch (action) {
    case 'undo':
      return c.undo();
    case 'redo':
      return c.redo();
    case 'delete':
      return c.deleteSelection();
    case 'next-frame':
      return c.moveFrame(1);
    case 'prev-frame':
      return c.moveFrame(-1);
    case 'step-forward':
      return c.moveFrame(c.frameStep);
    case 'step-back':
      return c.moveFrame(-c.frameStep);
    case 'draw':
      return c.drawAgain();
    case 'select-tool':
      return c.tool !== 'select' && c.setTool('select');
    case 'hide':
      if (first === undefined) return false;
      c.setHidden(c.selection, !c.hidden.has(first));
      return true;
    case 'lock':
      if (first === undefined) return false;
      c.setLocked(c.selection, !c.locked.has(first));
      return true;
    case 'occluded': {
      if (first === undefined || c.locked.has(first)) return false;
      const now = occludedAt(c, c.frame);
      return now !== undefined && c.setOccluded(first, !now);
    }
    default: {
      const index = Number(action.slice('label-'.length)) - 1;
      const label = c.document?.labels()[index];
      if (!label) return false;
      c.applyLabel(label.id);
      return true;
    }
  }
}
