/**
 * The small sample every embed page uses: a two-frame document with two labels and two boxes,
 * and frame images drawn on canvases (no image files to fetch). Kept framework-free so the
 * React, Vue, Svelte and controlled pages embed exactly the same data.
 */
import { attributeId, createDocument, labelId, objectId } from '@annotkit/core';
import type { AnnotationDocument, AnnotationObject, Label } from '@annotkit/core';

/** Frame size of the sample images (px). */
export const WIDTH = 640;
/** Frame size of the sample images (px). */
export const HEIGHT = 400;
/** Frames in the sample. */
export const FRAMES = 2;

/** Label ids of the sample. */
export const CAR = labelId(1);
/** Label ids of the sample. */
export const PERSON = labelId(2);

const LABELS: readonly Label[] = [
  {
    kind: 'label',
    id: CAR,
    name: 'car',
    color: '#ff3b30',
    type: 'any',
    attributes: [
      {
        id: attributeId(1),
        name: 'color',
        inputType: 'select',
        mutable: false,
        values: ['red', 'white', 'blue'],
        default: 'red',
      },
    ],
  },
  { kind: 'label', id: PERSON, name: 'person', color: '#34c759', type: 'any', attributes: [] },
];

/** A rectangle on frame 0. */
function box(id: number, label: typeof CAR, x: number, y: number, w: number, h: number) {
  const object: AnnotationObject = {
    kind: 'shape',
    id: objectId(id),
    label,
    frame: 0,
    geometry: { type: 'rectangle', points: [x, y, x + w, y + h], rotation: 0 },
    zOrder: 0,
    occluded: false,
    attributes: label === CAR ? { [attributeId(1)]: 'red' } : {},
    group: 0,
    source: 'manual',
  };
  return object;
}

/** A fresh sample document (each call returns a new, independent document). */
export function sampleDocument(): AnnotationDocument {
  return createDocument({
    media: {
      kind: 'images',
      frames: Array.from({ length: FRAMES }, (_, i) => ({
        name: `street_${i}.png`,
        width: WIDTH,
        height: HEIGHT,
      })),
    },
    labels: LABELS,
    objects: [box(1, CAR, 80, 220, 160, 90), box(2, PERSON, 400, 150, 50, 130)],
  });
}

/** One canvas per frame: sky, road and a frame number, enough to see where boxes sit. */
export function sampleMedia(): HTMLCanvasElement[] {
  return Array.from({ length: FRAMES }, (_, frame) => {
    const canvas = document.createElement('canvas');
    canvas.width = WIDTH;
    canvas.height = HEIGHT;
    const ctx = canvas.getContext('2d');
    if (!ctx) return canvas;
    ctx.fillStyle = '#a8d0f0';
    ctx.fillRect(0, 0, WIDTH, HEIGHT);
    ctx.fillStyle = '#6d6d72';
    ctx.fillRect(0, HEIGHT * 0.55, WIDTH, HEIGHT * 0.45);
    ctx.fillStyle = '#fff';
    ctx.font = '24px sans-serif';
    ctx.fillText(`frame ${frame}`, 16, 36);
    return canvas;
  });
}
