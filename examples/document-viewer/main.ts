/**
 * Document viewer example: builds the sample document with `createDocument` and lists the
 * objects visible on the current frame with `frameState`. Text from the document is inserted
 * with `textContent`, never as HTML.
 */
import { createDocument, frameState } from '@annotkit/core';
import type { AnnotationDocument, Geometry, ResolvedObject } from '@annotkit/core';
import { sampleDocument } from './sampleDocument.js';

const round = (v: number): string => String(Math.round(v * 10) / 10);

/** A one-line description of a geometry. */
function describeGeometry(g: Geometry | undefined): string {
  if (!g) return '—';
  switch (g.type) {
    case 'rectangle': {
      const [x1, y1, x2, y2] = g.points.map(round);
      return `rectangle (${x1}, ${y1})–(${x2}, ${y2}), ${round(g.rotation)}°`;
    }
    case 'ellipse':
      return `ellipse at (${round(g.cx)}, ${round(g.cy)}), r ${round(g.rx)}×${round(g.ry)}`;
    case 'cuboid3d':
      return `cuboid3d at (${g.position.map(round).join(', ')})`;
    case 'skeleton':
      return `skeleton, ${g.elements.length} points`;
    case 'mask':
      return `mask (${g.left}, ${g.top})–(${g.right}, ${g.bottom})`;
    default: {
      const n = g.points.length / 2;
      return `${g.type}, ${n} point${n === 1 ? '' : 's'} from (${round(g.points[0])}, ${round(g.points[1])})`;
    }
  }
}

function cell(row: HTMLTableRowElement, text: string): HTMLTableCellElement {
  const td = row.insertCell();
  td.textContent = text;
  return td;
}

function render(doc: AnnotationDocument, frame: number): void {
  const state = frameState(doc, frame);
  const info = doc.media.frames[frame];
  const output = document.getElementById('frame') as HTMLOutputElement;
  output.textContent = `frame ${frame} / ${doc.media.frames.length - 1} · ${info.timestamp?.toFixed(1) ?? '?'} s`;
  output.dataset.frame = String(frame);
  const body = document.getElementById('objects') as HTMLTableSectionElement;
  body.replaceChildren();
  for (const o of state.objects) renderObject(doc, body.insertRow(), o);
  if (state.objects.length === 0) cell(body.insertRow(), 'no objects on this frame').colSpan = 8;
  (document.getElementById('prev') as HTMLButtonElement).disabled = frame === 0;
  (document.getElementById('next') as HTMLButtonElement).disabled =
    frame === doc.media.frames.length - 1;
}

function renderObject(doc: AnnotationDocument, row: HTMLTableRowElement, o: ResolvedObject): void {
  const label = doc.label(o.label);
  row.dataset.objectId = String(o.id);
  cell(row, String(o.id));
  cell(row, o.kind);
  const labelCell = cell(row, label?.name ?? `#${o.label}`);
  const swatch = document.createElement('span');
  swatch.className = 'swatch';
  swatch.style.background = label?.color ?? 'gray';
  labelCell.prepend(swatch);
  cell(row, describeGeometry(o.geometry));
  cell(row, o.kind === 'track' ? (o.keyframe ? 'yes' : 'interpolated') : '—');
  cell(row, o.occluded ? 'yes' : 'no');
  cell(row, String(o.zOrder));
  const specs = label?.attributes ?? [];
  cell(
    row,
    Object.entries(o.attributes)
      .map(([id, value]) => `${specs.find((s) => s.id === Number(id))?.name ?? id}=${value}`)
      .join(', '),
  );
}

const doc = createDocument(sampleDocument());
const counts = { shape: 0, track: 0, tag: 0 };
for (const o of doc.objects()) counts[o.kind]++;
(document.getElementById('summary') as HTMLElement).textContent =
  `${doc.media.frames.length} frames, ${doc.labels().length} labels, ` +
  `${counts.shape} shapes, ${counts.track} tracks, ${counts.tag} tags.`;

let frame = 0;
const go = (next: number): void => {
  frame = Math.max(0, Math.min(doc.media.frames.length - 1, next));
  render(doc, frame);
};
document.getElementById('prev')?.addEventListener('click', () => go(frame - 1));
document.getElementById('next')?.addEventListener('click', () => go(frame + 1));
go(0);
