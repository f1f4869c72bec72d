/**
 * The transactions tools produce. Tools run core commands (`createObject`, `updateGeometry`,
 * `removeObjects`) with the context's `dispatch` as the command's dispatch, so every finished
 * gesture is exactly one transaction (`history: 'record'`) and one undo step, and edits of
 * tracks create or update the keyframe on the current frame as the commands define.
 */
import {
  AnnotkitError,
  ErrorCode,
  createObject,
  removeObjects,
  updateGeometry,
} from '@annotkit/core';
import type {
  AnyRecord,
  AttributeValues,
  Command,
  Geometry,
  LabelId,
  ObjectId,
} from '@annotkit/core';
import type { ToolContext } from './types.js';

/** Runs `command` against the tool context; returns what the command returned. */
export function runCommand(command: Command, ctx: ToolContext): boolean {
  const doc = ctx.doc;
  if (!doc) return false;
  return command({ doc, frame: ctx.frame, selection: ctx.selection }, (tr) => ctx.dispatch(tr));
}

/**
 * Dispatches the creation of a manual shape of `label` on the current frame, on top of the
 * others, with the label's default attribute values. Throws `unknown-label` when the label
 * does not exist.
 */
export function createShape(ctx: ToolContext, label: LabelId, geometry: Geometry): boolean {
  const doc = ctx.doc;
  if (!doc) return false;
  const spec = doc.label(label);
  if (!spec) {
    throw new AnnotkitError(ErrorCode.UnknownLabel, `label ${label} does not exist`, {
      path: ['label'],
    });
  }
  const attributes: Record<number, string> = {};
  for (const a of spec.attributes) attributes[a.id] = a.default;
  return runCommand(
    createObject({
      kind: 'shape',
      label,
      frame: ctx.frame,
      geometry,
      attributes: attributes as AttributeValues,
      group: 0,
      zOrder: ctx.topZOrder() + 1,
      occluded: false,
      source: 'manual',
    }),
    ctx,
  );
}

/**
 * Dispatches new geometries for several objects on the current frame as ONE transaction:
 * the commands' changes are drafted one after the other and concatenated.
 */
export function updateGeometries(
  ctx: ToolContext,
  edits: readonly { readonly id: ObjectId; readonly geometry: Geometry }[],
  name: string,
): boolean {
  const doc = ctx.doc;
  if (!doc || edits.length === 0) return false;
  const added: AnyRecord[] = [];
  const updated: (readonly [AnyRecord, AnyRecord])[] = [];
  const removed: AnyRecord[] = [];
  const state = { doc, frame: ctx.frame, selection: ctx.selection };
  for (const e of edits) {
    updateGeometry(
      e.id,
      ctx.frame,
      e.geometry,
    )(state, (tr) => {
      added.push(...tr.change.added);
      updated.push(...tr.change.updated);
      removed.push(...tr.change.removed);
    });
  }
  if (added.length + updated.length + removed.length === 0) return false;
  ctx.dispatch({
    change: { added, updated, removed },
    options: { origin: 'user', history: 'record', name },
  });
  return true;
}

/** Dispatches the removal of `ids`. */
export function removeShapes(ctx: ToolContext, ids: readonly ObjectId[]): boolean {
  return runCommand(removeObjects(ids), ctx);
}
