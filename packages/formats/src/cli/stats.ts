/** The `annotkit stats` report: built from core's `labelStatistics`, printed as text or JSON. */
import type { DocumentData, DocumentStatistics, ShapeTypeCounts } from '@annotkit/core';

/** Counts per shape type, only the types that occur (in core's `ShapeType` order). */
export type SparseCounts = Readonly<Record<string, number>>;

/** One label's row of {@link StatsReport}. */
export interface LabelStatsRow {
  readonly name: string;
  /** The label's allowed type (`any`, `tag`, or a shape type). */
  readonly type: string;
  readonly shapes: SparseCounts;
  readonly tracks: SparseCounts;
  readonly tags: number;
}

/** What `annotkit stats --json` prints. */
export interface StatsReport {
  /** Codec id the input was read with. */
  readonly format: string;
  /** `images`, `video` or `pointcloud`. */
  readonly media: string;
  readonly frames: number;
  readonly labels: readonly LabelStatsRow[];
  readonly totals: {
    readonly labels: number;
    /** Objects of every kind (shapes + tracks + tags). */
    readonly objects: number;
    readonly shapes: SparseCounts;
    readonly tracks: SparseCounts;
    readonly tags: number;
    /** Frames annotated by hand, and frames covered by interpolation (see `labelStatistics`). */
    readonly manual: number;
    readonly interpolated: number;
  };
}

function sparse(c: ShapeTypeCounts): SparseCounts {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(c)) if (v > 0) out[k] = v;
  return out;
}

/** Builds the report from a document and its statistics. */
export function statsJson(
  document: DocumentData,
  stats: DocumentStatistics,
  format: string,
): StatsReport {
  const byId = new Map(document.labels.map((l) => [l.id as number, l]));
  return {
    format,
    media: document.media.kind,
    frames: document.media.frames.length,
    labels: stats.labels.map((row) => {
      const label = byId.get(row.label);
      return {
        name: label?.name ?? `#${row.label}`,
        type: label?.type ?? 'any',
        shapes: sparse(row.shapes),
        tracks: sparse(row.tracks),
        tags: row.tags,
      };
    }),
    totals: {
      labels: document.labels.length,
      objects: document.objects.length,
      shapes: sparse(stats.totals.shapes),
      tracks: sparse(stats.totals.tracks),
      tags: stats.totals.tags,
      manual: stats.totals.manual,
      interpolated: stats.totals.interpolated,
    },
  };
}

function counts(c: SparseCounts): string {
  const parts = Object.entries(c).map(([k, v]) => `${k} ${v}`);
  return parts.length > 0 ? parts.join(', ') : '-';
}

/** The report as aligned text lines (ends with a newline). */
export function formatStats(r: StatsReport, formatName: string): string {
  const lines = [
    `format:  ${formatName} (${r.format})`,
    `media:   ${r.media}, ${r.frames} frames`,
    `labels:  ${r.totals.labels}`,
    `objects: ${r.totals.objects}`,
    `shapes:  ${counts(r.totals.shapes)}`,
    `tracks:  ${counts(r.totals.tracks)}`,
    `tags:    ${r.totals.tags}`,
    `frames annotated: ${r.totals.manual} by hand, ${r.totals.interpolated} interpolated`,
  ];
  if (r.labels.length > 0) {
    const w = Math.max(5, ...r.labels.map((l) => l.name.length));
    lines.push('', `${'label'.padEnd(w)}  shapes | tracks | tags`);
    for (const l of r.labels) {
      lines.push(`${l.name.padEnd(w)}  ${counts(l.shapes)} | ${counts(l.tracks)} | ${l.tags}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
