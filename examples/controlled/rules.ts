/**
 * The host's validation rules, independent of the page: a transaction filter built from them
 * approves a transaction, rewrites it (relabelled new objects) or rejects it with a reason.
 * Rules look at the geometry an edit produces, so they cover drawing, moving, resizing, paste
 * and undo alike: everything passes the filter.
 */
import { shapeDefinition } from '@annotkit/core';
import type {
  AnnotationObject,
  Geometry,
  Label,
  LabelId,
  MediaInfo,
  Transaction,
} from '@annotkit/core';

/** The smallest accepted width and height of a shape's bounds (image px). */
export const MIN_SIZE = 10;

/** What the filter decided, with the reason of a refusal. */
export type Verdict =
  | { readonly ok: true; readonly transaction: Transaction }
  | { readonly ok: false; readonly reason: string };

/** Geometries an object record carries: one for a shape, one per keyframe for a track. */
function geometries(record: AnnotationObject): Geometry[] {
  if (record.kind === 'shape') return [record.geometry];
  if (record.kind === 'track') return record.keyframes.map((k) => k.geometry);
  return [];
}

const isObject = (r: { readonly kind: string }): r is AnnotationObject =>
  r.kind === 'shape' || r.kind === 'track' || r.kind === 'tag';

/** Why `record` breaks a rule on an image of `width` × `height`, or null when it does not. */
export function violation(record: AnnotationObject, media: MediaInfo): string | null {
  for (const g of geometries(record)) {
    if (g.type === 'cuboid3d') continue;
    const b = shapeDefinition(g.type).bounds(g as never);
    const frame =
      record.kind === 'shape'
        ? record.frame
        : record.kind === 'track'
          ? record.keyframes[0]?.frame
          : 0;
    const size = media.frames[frame ?? 0];
    const w = b.maxX - b.minX;
    const h = b.maxY - b.minY;
    if (g.type !== 'points' && g.type !== 'polyline' && (w < MIN_SIZE || h < MIN_SIZE)) {
      return `#${record.id} would be ${Math.round(w)} × ${Math.round(h)} px; the minimum is ${MIN_SIZE} × ${MIN_SIZE} px.`;
    }
    if (size && (b.minX < 0 || b.minY < 0 || b.maxX > size.width || b.maxY > size.height)) {
      return `#${record.id} would leave the ${size.width} × ${size.height} px image.`;
    }
  }
  return null;
}

/** Default attribute values of `label` (a relabelled object takes the new label's defaults). */
function defaults(label: Label): Record<string, string> {
  return Object.fromEntries(label.attributes.map((a) => [a.id, a.default]));
}

/**
 * Checks a transaction against the rules. `forceLabel`, when set, relabels every added object
 * (the transaction is rewritten, not refused).
 */
export function judge(
  tr: Transaction,
  media: MediaInfo,
  labels: readonly Label[],
  forceLabel: LabelId | null,
): Verdict {
  const { added, updated } = tr.change;
  for (const record of [...added, ...updated.map(([, after]) => after)]) {
    if (!isObject(record)) continue;
    const why = violation(record, media);
    if (why) return { ok: false, reason: why };
  }
  const target = forceLabel === null ? undefined : labels.find((l) => l.id === forceLabel);
  if (!target || !added.some((r) => isObject(r) && r.label !== target.id && r.kind !== 'tag')) {
    return { ok: true, transaction: tr };
  }
  const relabelled = added.map((r) =>
    isObject(r) && r.kind !== 'tag' && r.label !== target.id
      ? { ...r, label: target.id, attributes: defaults(target) }
      : r,
  );
  return {
    ok: true,
    transaction: {
      change: { ...tr.change, added: relabelled as typeof added },
      options: { ...tr.options, name: `${tr.options.name ?? 'edit'} (relabelled)` },
    },
  };
}
