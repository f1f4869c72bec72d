/**
 * Painting of VOC-style segmentation PNGs: `SegmentationClass` (RGB, class colour per pixel,
 * background black) and `SegmentationObject` (RGB, instance k painted with VOC palette colour k).
 * Shapes are painted in z-order (then document order); later shapes cover earlier ones.
 */
import type { LabelId } from '@annotkit/core';
import { encodeRgbPng } from '../../png/png.js';
import { vocColor } from '../../png/palette.js';
import type { DroppedTally, FrameItem } from '../coco/dropped.js';
import { fillGeometry } from '../segmask/raster.js';

/** Largest instance index (255 is VOC's "void"). */
export const MAX_INSTANCES = 254;

/**
 * Paints the area shapes of one frame and encodes both PNGs. `colorOf` gives each label's class
 * colour. Returns undefined when nothing was painted.
 */
export function paintFrame(
  items: readonly FrameItem[],
  w: number,
  h: number,
  colorOf: (label: LabelId) => readonly [number, number, number],
  dropped: DroppedTally,
): { cls: Uint8Array; obj: Uint8Array } | undefined {
  if (w <= 0 || h <= 0 || items.length === 0) {
    if (items.length > 0)
      dropped.add('shapes on frames of unknown size', 'masks need the image size', items.length);
    return undefined;
  }
  const order = items
    .map((it, i) => [it, i] as const)
    .sort((a, b) => a[0].zOrder - b[0].zOrder || a[1] - b[1]);
  const inst = new Uint8Array(w * h);
  const labels: LabelId[] = [0 as LabelId];
  let k = 0;
  for (const [it] of order) {
    if (k >= MAX_INSTANCES) {
      dropped.add('instances beyond 254 on one image', 'VOC instance PNGs hold 254 instances');
      continue;
    }
    if (fillGeometry(it.geometry, inst, w, h, k + 1)) {
      k++;
      labels.push(it.label);
    }
  }
  if (k === 0) return undefined;
  // Instances fully covered by later ones vanish; renumber the visible ones 1..n in order.
  const seen = new Uint16Array(k + 1);
  for (let i = 0; i < inst.length; i++) seen[inst[i]] = 1;
  const remap = new Uint8Array(k + 1);
  let n = 0;
  for (let j = 1; j <= k; j++) if (seen[j]) remap[j] = ++n;
  dropped.add('instances hidden by other shapes', 'a pixel holds one instance in VOC PNGs', k - n);
  const cls = new Uint8Array(w * h * 3);
  const obj = new Uint8Array(w * h * 3);
  for (let i = 0; i < inst.length; i++) {
    const j = inst[i];
    if (j === 0) continue;
    const c = colorOf(labels[j]);
    const o = vocColor(remap[j]);
    cls[i * 3] = c[0];
    cls[i * 3 + 1] = c[1];
    cls[i * 3 + 2] = c[2];
    obj[i * 3] = o[0];
    obj[i * 3 + 1] = o[1];
    obj[i * 3 + 2] = o[2];
  }
  return { cls: encodeRgbPng(w, h, cls), obj: encodeRgbPng(w, h, obj) };
}
