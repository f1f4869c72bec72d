import type { AnnotationDocument } from '../document/types.js';
import { ShapeType } from '../model/records.js';
import type { DocumentStatistics, LabelStatistics, ShapeTypeCounts } from './types.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Counts = Mutable<ShapeTypeCounts>;
type Row = Mutable<Omit<LabelStatistics, 'shapes' | 'tracks'>> & { shapes: Counts; tracks: Counts };

function zeroCounts(): Counts {
  const out = {} as Counts;
  for (const t of Object.values(ShapeType)) out[t] = 0;
  return out;
}

function emptyRow(label: number): Row {
  return {
    label: label as LabelStatistics['label'],
    shapes: zeroCounts(),
    tracks: zeroCounts(),
    tags: 0,
    manual: 0,
    interpolated: 0,
    total: 0,
  };
}

/**
 * Per-label counts, as CVAT's `statistics()`: shapes and tracks per shape type, tags, frames
 * annotated by hand (`manual`: shapes, tags and visible track keyframes) and frames where a
 * track is visible between keyframes (`interpolated`), both counted within the media only, plus
 * sums over all labels. Labels appear in document order; labels without objects have zeros.
 * Cost: O(objects + keyframes).
 */
export function labelStatistics(doc: AnnotationDocument): DocumentStatistics {
  const last = doc.media.frames.length - 1;
  const rows = new Map<number, Row>();
  for (const l of doc.labels()) rows.set(l.id, emptyRow(l.id));
  const rowOf = (label: number): Row => {
    let row = rows.get(label);
    if (!row) {
      row = emptyRow(label);
      rows.set(label, row);
    }
    return row;
  };
  for (const o of doc.objects()) {
    const row = rowOf(o.label);
    if (o.kind === 'tag') {
      row.tags++;
      row.manual++;
    } else if (o.kind === 'shape') {
      row.shapes[o.geometry.type]++;
      row.manual++;
    } else {
      const kfs = o.keyframes;
      if (kfs.length === 0) continue;
      row.tracks[kfs[0]!.geometry.type]++;
      for (let i = 0; i < kfs.length; i++) {
        const kf = kfs[i]!;
        if (kf.outside || kf.frame > last) continue;
        row.manual++;
        const end = i + 1 < kfs.length ? Math.min(kfs[i + 1]!.frame - 1, last) : last;
        row.interpolated += Math.max(0, end - kf.frame);
      }
    }
  }
  const totals = emptyRow(-1);
  for (const row of rows.values()) {
    row.total = row.manual + row.interpolated;
    for (const t of Object.values(ShapeType)) {
      totals.shapes[t] += row.shapes[t];
      totals.tracks[t] += row.tracks[t];
    }
    totals.tags += row.tags;
    totals.manual += row.manual;
    totals.interpolated += row.interpolated;
    totals.total += row.total;
  }
  const { label: _unused, ...sums } = totals;
  void _unused;
  return { labels: [...rows.values()], totals: sums };
}
