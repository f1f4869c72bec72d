/** Small documents for the element tests (real core documents, no mocks). */
import { attributeId, createDocument, labelId, objectId } from '@annotkit/core';
import type {
  AnnotationDocument,
  AnnotationObject,
  Label,
  LabelId,
  ObjectId,
} from '@annotkit/core';

/** Label ids of `testDoc`. */
export const CAR: LabelId = labelId(1);
export const PERSON: LabelId = labelId(2);
export const ROAD: LabelId = labelId(3);

/** Attribute ids of the car label, one per input type. */
export const COLOR = attributeId(10);
export const KIND = attributeId(11);
export const PARKED = attributeId(12);
export const PASSENGERS = attributeId(13);
export const NOTE = attributeId(14);

/** Labels: car (any shape, attributes of every input type), person (any), road (polygon). */
export const LABELS: readonly Label[] = [
  {
    kind: 'label',
    id: CAR,
    name: 'car',
    color: '#ff3b30',
    type: 'any',
    attributes: [
      {
        id: COLOR,
        name: 'color',
        inputType: 'select',
        mutable: false,
        values: ['red', 'blue', 'white'],
        default: 'red',
      },
      {
        id: KIND,
        name: 'kind',
        inputType: 'radio',
        mutable: false,
        values: ['sedan', 'van'],
        default: 'sedan',
      },
      {
        id: PARKED,
        name: 'parked',
        inputType: 'checkbox',
        mutable: true,
        values: ['false'],
        default: 'false',
      },
      {
        id: PASSENGERS,
        name: 'passengers',
        inputType: 'number',
        mutable: true,
        values: ['0', '8', '1'],
        default: '0',
      },
      { id: NOTE, name: 'note', inputType: 'text', mutable: true, values: [], default: '' },
    ],
  },
  { kind: 'label', id: PERSON, name: 'person', color: '#34c759', type: 'any', attributes: [] },
  { kind: 'label', id: ROAD, name: 'road', color: '#8e8e93', type: 'polygon', attributes: [] },
];

/** A rectangle shape record on `frame`. */
export function box(
  id: number,
  frame: number,
  x: number,
  y: number,
  w: number,
  h: number,
  label: LabelId = CAR,
): AnnotationObject {
  return {
    kind: 'shape',
    id: objectId(id),
    label,
    frame,
    geometry: { type: 'rectangle', points: [x, y, x + w, y + h], rotation: 0 },
    zOrder: 0,
    occluded: false,
    attributes:
      label === CAR
        ? { [COLOR]: 'red', [KIND]: 'sedan', [PARKED]: 'false', [PASSENGERS]: '0', [NOTE]: '' }
        : {},
    group: 0,
    source: 'manual',
  };
}

/** A document of `frames` 640 × 480 images with `objects` (defaults: 3 frames, 2 boxes). */
export function testDoc(
  objects: readonly AnnotationObject[] = [
    box(1, 0, 50, 50, 100, 80),
    box(2, 0, 300, 200, 80, 60, PERSON),
  ],
  frames = 3,
): AnnotationDocument {
  return createDocument({
    media: {
      kind: 'images',
      frames: Array.from({ length: frames }, (_, i) => ({
        name: `frame_${String(i).padStart(3, '0')}.png`,
        width: 640,
        height: 480,
      })),
    },
    labels: LABELS,
    objects,
  });
}

/** `n` small boxes on frame 0, labels alternating car/person, zOrder descending with id. */
export function manyBoxes(n: number): AnnotationObject[] {
  const out: AnnotationObject[] = [];
  for (let i = 1; i <= n; i++) {
    const o = box(i, 0, (i * 7) % 600, (i * 13) % 440, 10, 10, i % 2 === 0 ? PERSON : CAR);
    out.push({ ...o, zOrder: n - i } as AnnotationObject);
  }
  return out;
}

/** Waits for Lit to finish rendering `el` and every element in its shadow tree. */
export async function settled(el: Element): Promise<void> {
  const pending: Promise<unknown>[] = [];
  const visit = (node: Element): void => {
    const u = (node as Element & { updateComplete?: Promise<unknown> }).updateComplete;
    if (u) pending.push(u);
    const root = node.shadowRoot;
    if (root) for (const child of root.querySelectorAll('*')) visit(child);
  };
  visit(el);
  await Promise.all(pending);
  if (pending.length > 0) {
    // A render may have scheduled further updates (e.g. context arriving): one more round.
    const again: Promise<unknown>[] = [];
    const visit2 = (node: Element): void => {
      const u = node as Element & { isUpdatePending?: boolean; updateComplete?: Promise<unknown> };
      if (u.isUpdatePending && u.updateComplete) again.push(u.updateComplete);
      const root = node.shadowRoot;
      if (root) for (const child of root.querySelectorAll('*')) visit2(child);
    };
    visit2(el);
    await Promise.all(again);
  }
}

/** Ids, for brevity in tests. */
export const ids = (...n: number[]): ObjectId[] => n.map(objectId);

/** Konva stages alive on the page (Konva registers itself on `globalThis`). */
export function konvaStageCount(): number {
  const konva = (globalThis as { Konva?: { stages?: readonly unknown[] } }).Konva;
  return konva?.stages?.length ?? 0;
}

/** `<canvas>` elements in the document, including every open shadow tree. */
export function canvasCount(root: Document | ShadowRoot | Element = document): number {
  let n = 0;
  for (const el of root.querySelectorAll('*')) {
    if (el.tagName === 'CANVAS') n++;
    if (el.shadowRoot) n += canvasCount(el.shadowRoot);
  }
  return n;
}

/** A PNG of `width` × `height` filled with `color`, drawn on a canvas (a real encoded image). */
export async function pngBlob(width: number, height: number, color: string): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, width, height);
  return canvas.convertToBlob({ type: 'image/png' });
}
