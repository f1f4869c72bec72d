/** What each shortcut action does, on top of the controller's public methods. */
import type { ObjectId } from '@annotkit/core';
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

/**
 * The keyframe frames of track `id` that lie inside the media (sorted, as core keeps them;
 * `setFrame` refuses the others), or undefined when `id` is not a track.
 */
function keyframesInMedia(c: EditorController, id: ObjectId | undefined): number[] | undefined {
  const o = id === undefined ? undefined : c.document?.object(id);
  if (!o || o.kind !== 'track') return undefined;
  const last = c.frameCount - 1;
  return o.keyframes.map((k) => k.frame).filter((f) => f >= 0 && f <= last);
}

/**
 * The nearest keyframe of the first selected track after (`direction = 1`) or before (`-1`) the
 * current frame, or undefined.
 */
export function adjacentKeyframe(
  c: EditorController,
  id: ObjectId | undefined,
  direction: 1 | -1,
): number | undefined {
  const frames = keyframesInMedia(c, id);
  if (!frames) return undefined;
  return direction === 1
    ? frames.find((f) => f > c.frame)
    : [...frames].reverse().find((f) => f < c.frame);
}

/**
 * The first (`which = 'first'`) or last (`'last'`) keyframe of track `id` inside the media
 * (CVAT's first/last keyframe buttons), or undefined when `id` is not a track, it has no
 * keyframe in the media, or the current frame already is that keyframe (nothing to go to).
 */
export function terminalKeyframe(
  c: EditorController,
  id: ObjectId | undefined,
  which: 'first' | 'last',
): number | undefined {
  const frames = keyframesInMedia(c, id);
  if (!frames) return undefined;
  const frame = which === 'first' ? frames[0] : frames[frames.length - 1];
  return frame === c.frame ? undefined : frame;
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
    case 'search-forward':
      return c.goToSearch(1, 'filter');
    case 'search-back':
      return c.goToSearch(-1, 'filter');
    case 'next-empty-frame':
      return c.goToSearch(1, 'empty');
    case 'prev-empty-frame':
      return c.goToSearch(-1, 'empty');
    case 'pin':
      if (first === undefined) return false;
      c.setPinned(c.selection, !c.pinned.has(first));
      return true;
    case 'outside': {
      const o = first === undefined ? undefined : c.document?.object(first);
      if (first === undefined || o?.kind !== 'track' || c.locked.has(first)) return false;
      const kf = [...o.keyframes].reverse().find((k) => k.frame <= c.frame);
      return c.setOutside(first, !(kf?.outside ?? true));
    }
    case 'keyframe':
      return first !== undefined && !c.locked.has(first) && c.toggleKeyframe(first);
    case 'next-keyframe':
    case 'prev-keyframe': {
      const f = adjacentKeyframe(c, first, action === 'next-keyframe' ? 1 : -1);
      if (f === undefined) return false;
      // setFrame clears the selection; CVAT keeps the track selected while walking keyframes.
      const keep = c.selection;
      c.setFrame(f);
      c.select(keep);
      return true;
    }
    case 'help':
      return c.requestHelp();
    case 'attribute-mode':
      c.setAttributeMode(!c.attributeMode);
      return true;
    case 'next-object':
      return c.selectAdjacent(1);
    case 'prev-object':
      return c.selectAdjacent(-1);
    default: {
      const index = Number(action.slice('label-'.length)) - 1;
      const label = c.document?.labels()[index];
      if (!label) return false;
      c.applyLabel(label.id);
      return true;
    }
  }
}
