/**
 * DocumentData → CVAT XML, in CVAT's own layout: element and attribute order as CVAT's writer
 * emits them, geometry with two decimals, two-space indentation, `<x></x>` for empty elements.
 * Written by string concatenation (no intermediate object tree) for speed.
 */
import type {
  AnnotationObject,
  AttributeValues,
  DocumentData,
  Geometry,
  Label,
  SkeletonElement,
} from '@annotkit/core';
import { CUBOID_KEYS } from './read.js';
import type { DroppedReport } from '../../codec/types.js';
import { fmt2 } from '../../util/labels.js';
import { escapeXml, escapeXmlText } from '../../util/xml.js';
import { writeCvatLabels } from './meta.js';
import { createTrackResolver } from '@annotkit/core';
import { trackFrames } from '../../util/trackFrames.js';

/** Which CVAT XML flavour to write. */
export type CvatMode = 'images' | 'video';

interface Names {
  readonly label: Map<number, string>;
  readonly attr: Map<number, string>;
}

function names(labels: readonly Label[]): Names {
  const label = new Map<number, string>();
  const attr = new Map<number, string>();
  for (const l of labels) {
    label.set(l.id, l.name);
    for (const a of l.attributes) attr.set(a.id, a.name);
    for (const s of l.sublabels ?? []) {
      label.set(s.id, s.name);
      for (const a of s.attributes) attr.set(a.id, a.name);
    }
  }
  return { label, attr };
}

function pts(p: readonly number[]): string {
  let s = '';
  for (let i = 0; i < p.length; i += 2) s += (i ? ';' : '') + fmt2(p[i]) + ',' + fmt2(p[i + 1]);
  return s;
}

/** Element name and geometry attributes of a (non-skeleton) shape. */
function geometryXml(g: Geometry): [string, string] {
  switch (g.type) {
    case 'rectangle': {
      const [a, b, c, d] = g.points;
      const rot = g.rotation !== 0 ? ` rotation="${fmt2(g.rotation)}"` : '';
      return ['box', ` xtl="${fmt2(a)}" ytl="${fmt2(b)}" xbr="${fmt2(c)}" ybr="${fmt2(d)}"${rot}`];
    }
    case 'polygon':
    case 'polyline':
    case 'points':
      return [g.type, ` points="${pts(g.points)}"`];
    case 'ellipse': {
      const rot = g.rotation !== 0 ? ` rotation="${fmt2(g.rotation)}"` : '';
      return [
        'ellipse',
        ` cx="${fmt2(g.cx)}" cy="${fmt2(g.cy)}" rx="${fmt2(g.rx)}" ry="${fmt2(g.ry)}"${rot}`,
      ];
    }
    case 'cuboid':
      return ['cuboid', CUBOID_KEYS.map((k, i) => ` ${k}="${fmt2(g.points[i])}"`).join('')];
    case 'mask':
      return [
        'mask',
        ` rle="${g.rle.join(', ')}" left="${g.left}" top="${g.top}" width="${g.right - g.left + 1}" height="${g.bottom - g.top + 1}"`,
      ];
    default:
      return ['', ''];
  }
}

function attrsXml(values: AttributeValues, n: Names, ind: string, out: string[]): void {
  for (const key in values) {
    const name = n.attr.get(Number(key));
    if (name === undefined) continue;
    out.push(
      `${ind}<attribute name="${escapeXml(name)}">${escapeXmlText(values[Number(key)])}</attribute>\n`,
    );
  }
}

function elementsXml(
  els: readonly SkeletonElement[],
  n: Names,
  ind: string,
  src: string,
  kf: string,
  out: string[],
): void {
  for (const e of els) {
    out.push(
      `${ind}<points label="${escapeXml(n.label.get(e.label) ?? '')}" source="${src}"${kf} outside="${e.outside ? 1 : 0}" occluded="${e.occluded ? 1 : 0}" points="${fmt2(e.x)},${fmt2(e.y)}">\n`,
    );
    attrsXml(e.attributes, n, ind + '  ', out);
    out.push(`${ind}</points>\n`);
  }
}

function metaXml(
  doc: DocumentData,
  mode: CvatMode,
  out: string[],
): { start: number; step: number } {
  const cvat = (doc.meta.cvat ?? {}) as Record<string, unknown>;
  const start = mode === 'video' && typeof cvat.startFrame === 'number' ? cvat.startFrame : 0;
  const step = mode === 'video' && typeof cvat.step === 'number' && cvat.step >= 1 ? cvat.step : 1;
  const n = doc.media.frames.length;
  out.push(
    '<?xml version="1.0" encoding="utf-8"?>\n<annotations>\n  <version>1.1</version>\n  <meta>\n    <task>\n',
  );
  out.push(
    `      <size>${n}</size>\n      <mode>${mode === 'video' ? 'interpolation' : 'annotation'}</mode>\n`,
  );
  out.push(
    `      <start_frame>${start}</start_frame>\n      <stop_frame>${start + Math.max(0, n - 1) * step}</stop_frame>\n`,
  );
  out.push(`      <frame_filter>${step > 1 ? `step=${step}` : ''}</frame_filter>\n`);
  writeCvatLabels(doc.labels, out);
  if (mode === 'video') {
    const f0 = doc.media.frames[0];
    out.push(
      `      <original_size>\n        <width>${f0?.width ?? 0}</width>\n        <height>${f0?.height ?? 0}</height>\n      </original_size>\n`,
    );
  }
  out.push('    </task>\n');
  // As in CVAT's own files (fixture cvat_for_video): <source> follows <task> under <meta>.
  if (mode === 'video' && typeof cvat.source === 'string')
    out.push(`    <source>${escapeXmlText(cvat.source)}</source>\n`);
  out.push('  </meta>\n');
  return { start, step };
}

/** Writes CVAT for images 1.1. Tracks become shapes on each visible frame (their linkage is lost). */
export function writeCvatImages(doc: DocumentData): { xml: string; dropped: DroppedReport[] } {
  const n = names(doc.labels);
  const out: string[] = [];
  metaXml(doc, 'images', out);
  const cvat = (doc.meta.cvat ?? {}) as Record<string, unknown>;
  const ids =
    Array.isArray(cvat.frameIds) && cvat.frameIds.length === doc.media.frames.length
      ? (cvat.frameIds as number[])
      : undefined;
  type Item = {
    o: AnnotationObject;
    g?: Geometry;
    z: number;
    occluded: boolean;
    attrs: AttributeValues;
  };
  const perFrame: Item[][] = doc.media.frames.map(() => []);
  const resolver = createTrackResolver();
  let tracks = 0;
  for (const o of doc.objects) {
    if (o.kind === 'shape')
      perFrame[o.frame]?.push({
        o,
        g: o.geometry,
        z: o.zOrder,
        occluded: o.occluded,
        attrs: o.attributes,
      });
    else if (o.kind === 'tag')
      perFrame[o.frame]?.push({ o, z: Infinity, occluded: false, attrs: o.attributes });
    else {
      tracks++;
      for (const s of trackFrames(o, doc.media.frames.length, { resolver })) {
        perFrame[s.frame]?.push({
          o,
          g: s.geometry,
          z: s.zOrder,
          occluded: s.occluded,
          attrs: { ...o.attributes, ...s.attributes },
        });
      }
    }
  }
  doc.media.frames.forEach((f, i) => {
    out.push(
      `  <image id="${ids ? ids[i] : i}" name="${escapeXml(f.name)}" width="${f.width}" height="${f.height}">\n`,
    );
    const items = perFrame[i].sort((a, b) => a.z - b.z);
    for (const it of items) {
      const o = it.o;
      const head = `label="${escapeXml(n.label.get(o.label) ?? '')}" source="${o.source}"`;
      const group = o.group !== 0 ? ` group_id="${o.group}"` : '';
      if (!it.g) {
        out.push(`    <tag ${head}${group}>\n`);
        attrsXml(it.attrs, n, '      ', out);
        out.push('    </tag>\n');
        continue;
      }
      if (it.g.type === 'skeleton') {
        out.push(
          `    <skeleton ${head} occluded="${it.occluded ? 1 : 0}" z_order="${it.z}"${group}>\n`,
        );
        elementsXml(it.g.elements, n, '      ', o.source, '', out);
        attrsXml(it.attrs, n, '      ', out);
        out.push('    </skeleton>\n');
        continue;
      }
      const [tag, geo] = geometryXml(it.g);
      if (tag === '') continue;
      out.push(
        `    <${tag} ${head} occluded="${it.occluded ? 1 : 0}"${geo} z_order="${it.z}"${group}>\n`,
      );
      attrsXml(it.attrs, n, '      ', out);
      out.push(`    </${tag}>\n`);
    }
    out.push('  </image>\n');
  });
  out.push('</annotations>\n');
  const dropped: DroppedReport[] = [];
  if (tracks > 0)
    dropped.push({
      what: 'track identity',
      count: tracks,
      reason: 'CVAT for images writes tracks as separate shapes per frame',
    });
  const c3d = doc.objects.filter(
    (o) =>
      (o.kind === 'shape' && o.geometry.type === 'cuboid3d') ||
      (o.kind === 'track' && o.keyframes[0].geometry.type === 'cuboid3d'),
  ).length;
  if (c3d > 0)
    dropped.push({ what: '3D cuboids', count: c3d, reason: 'CVAT XML holds 2D annotations only' });
  return { xml: out.join(''), dropped };
}

/**
 * Writes CVAT for video 1.1. Shapes become one-keyframe tracks ending with an outside keyframe
 * on the next frame; tags are dropped (CVAT does not write them in video mode).
 */
export function writeCvatVideo(doc: DocumentData): { xml: string; dropped: DroppedReport[] } {
  const n = names(doc.labels);
  const out: string[] = [];
  const { start, step } = metaXml(doc, 'video', out);
  const count = doc.media.frames.length;
  const resolver = createTrackResolver();
  let tags = 0;
  let c3d = 0;
  let id = 0;
  for (const o of doc.objects) {
    if (o.kind === 'tag') {
      tags++;
      continue;
    }
    const track =
      o.kind === 'track'
        ? o
        : {
            ...o,
            kind: 'track' as const,
            keyframes: [
              {
                frame: o.frame,
                geometry: o.geometry,
                outside: false,
                occluded: o.occluded,
                zOrder: o.zOrder,
                attributes: {},
              },
              ...(o.frame + 1 < count
                ? [
                    {
                      frame: o.frame + 1,
                      geometry: o.geometry,
                      outside: true,
                      occluded: o.occluded,
                      zOrder: o.zOrder,
                      attributes: {},
                    },
                  ]
                : []),
            ],
          };
    const first = track.keyframes[0].geometry;
    if (first.type === 'cuboid3d') {
      c3d++;
      continue;
    }
    const group = o.group !== 0 ? ` group_id="${o.group}"` : '';
    out.push(
      `  <track id="${id++}" label="${escapeXml(n.label.get(o.label) ?? '')}" source="${o.source}"${group}>\n`,
    );
    // Every frame of the track, positions exactly as core resolves them.
    for (const s of trackFrames(track, count, { outsideKeyframes: true, resolver })) {
      const frame = start + s.frame * step;
      const head = `frame="${frame}" keyframe="${s.keyframe ? 1 : 0}" outside="${s.outside ? 1 : 0}" occluded="${s.occluded ? 1 : 0}"`;
      const attrs = { ...o.attributes, ...s.attributes };
      if (s.geometry.type === 'skeleton') {
        out.push(`    <skeleton ${head} z_order="${s.zOrder}">\n`);
        elementsXml(
          s.geometry.elements,
          n,
          '      ',
          o.source,
          ` keyframe="${s.keyframe ? 1 : 0}"`,
          out,
        );
        attrsXml(attrs, n, '      ', out);
        out.push('    </skeleton>\n');
        continue;
      }
      const [tag, geo] = geometryXml(s.geometry);
      out.push(`    <${tag} ${head}${geo} z_order="${s.zOrder}">\n`);
      attrsXml(attrs, n, '      ', out);
      out.push(`    </${tag}>\n`);
    }
    out.push('  </track>\n');
  }
  out.push('</annotations>\n');
  const dropped: DroppedReport[] = [];
  if (tags > 0)
    dropped.push({ what: 'tags', count: tags, reason: 'CVAT for video does not write tags' });
  if (c3d > 0)
    dropped.push({ what: '3D cuboids', count: c3d, reason: 'CVAT XML holds 2D annotations only' });
  return { xml: out.join(''), dropped };
}
