/**
 * Export helpers shared by the COCO/YOLO/VOC/mask exporters: a `dropped` tally, attribute value
 * conversion by spec, and track expansion into per-frame items.
 */
import type {
  AttributeSpec,
  AttributeValues,
  DocumentData,
  Geometry,
  Label,
  LabelId,
} from '@annotkit/core';
import type { DroppedReport } from '../../codec/types.js';
import { createTrackResolver } from '@annotkit/core';
import { trackFrames } from '../../util/trackFrames.js';

/** Counts what an export could not hold, keyed by what + reason. */
export class DroppedTally {
  private readonly map = new Map<string, { what: string; reason: string; count: number }>();

  add(what: string, reason: string, count = 1): void {
    if (count <= 0) return;
    const key = `${what}\u0000${reason}`;
    const e = this.map.get(key);
    if (e) e.count += count;
    else this.map.set(key, { what, reason, count });
  }

  list(): DroppedReport[] {
    return [...this.map.values()].map(({ what, count, reason }) => ({ what, count, reason }));
  }
}

/** One annotation on one frame, from a shape or an expanded track. */
export interface FrameItem {
  readonly frame: number;
  readonly label: LabelId;
  readonly geometry: Geometry;
  readonly occluded: boolean;
  readonly zOrder: number;
  readonly group: number;
  readonly attributes: AttributeValues;
  readonly score?: number;
  /** 0-based index of the source track in export order, when the item comes from a track. */
  readonly trackId?: number;
  readonly keyframe?: boolean;
}

/**
 * Flattens shapes and tracks into per-frame items. Tags are not returned; their count is. Tracks
 * give one item per visible frame, positioned as core's track resolver places them.
 */
export function frameItems(doc: DocumentData): { items: FrameItem[]; tags: number } {
  const items: FrameItem[] = [];
  const resolver = createTrackResolver();
  let tags = 0;
  let trackIndex = 0;
  const frameCount = doc.media.frames.length;
  for (const o of doc.objects) {
    if (o.kind === 'tag') {
      tags++;
    } else if (o.kind === 'shape') {
      items.push(o);
    } else {
      const trackId = trackIndex++;
      for (const f of trackFrames(o, frameCount, { resolver })) {
        items.push({
          frame: f.frame,
          label: o.label,
          geometry: f.geometry,
          occluded: f.occluded,
          zOrder: f.zOrder,
          group: o.group,
          attributes: { ...o.attributes, ...f.attributes },
          score: o.score,
          trackId,
          keyframe: f.keyframe,
        });
      }
    }
  }
  return { items, tags };
}

/** Index of labels and sublabels by id. */
export function labelIndex(doc: DocumentData): Map<number, Label> {
  const m = new Map<number, Label>();
  for (const l of doc.labels) m.set(l.id, l);
  return m;
}

/**
 * Attribute values of `label` as a name → JSON value dict, filling unset attributes with their
 * default (as CVAT does): checkbox → boolean, number → number, others → string.
 */
export function attributeDict(
  specs: readonly AttributeSpec[],
  values: AttributeValues,
): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const s of specs) {
    const v = values[s.id] ?? s.default;
    if (s.inputType === 'checkbox') out[s.name] = v === 'true';
    else if (s.inputType === 'number') {
      const n = Number(v);
      out[s.name] = v !== '' && Number.isFinite(n) ? n : v;
    } else out[s.name] = v;
  }
  return out;
}
