/**
 * Data the stories share: a small street document (labels with every attribute input type),
 * a generator of many boxes, canvas-drawn frames (no image files), and helpers that wire a
 * standalone part to its own controller.
 */
import { attributeId, createDocument, labelId, objectId } from '@annotkit/core';
import type { AnnotationDocument, AnnotationObject, Label, LabelId } from '@annotkit/core';
import { EditorController } from '@annotkit/elements';
import type { TransactionFilter } from '@annotkit/elements';

/** Size of the generated frames (px). */
export const WIDTH = 640;
/** Size of the generated frames (px). */
export const HEIGHT = 400;

const CAR = labelId(1);
const PERSON = labelId(2);
const ROAD = labelId(3);

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
      {
        id: attributeId(2),
        name: 'kind',
        inputType: 'radio',
        mutable: false,
        values: ['sedan', 'van'],
        default: 'sedan',
      },
      {
        id: attributeId(3),
        name: 'parked',
        inputType: 'checkbox',
        mutable: true,
        values: ['false'],
        default: 'false',
      },
      {
        id: attributeId(4),
        name: 'passengers',
        inputType: 'number',
        mutable: true,
        values: ['0', '8', '1'],
        default: '1',
      },
      {
        id: attributeId(5),
        name: 'note',
        inputType: 'text',
        mutable: true,
        values: [],
        default: '',
      },
    ],
  },
  { kind: 'label', id: PERSON, name: 'person', color: '#34c759', type: 'any', attributes: [] },
  { kind: 'label', id: ROAD, name: 'road', color: '#8e8e93', type: 'polygon', attributes: [] },
];

const CAR_ATTRIBUTES = {
  [attributeId(1)]: 'red',
  [attributeId(2)]: 'sedan',
  [attributeId(3)]: 'false',
  [attributeId(4)]: '1',
  [attributeId(5)]: '',
};

/** A rectangle on frame 0. */
function box(id: number, label: LabelId, x: number, y: number, w: number, h: number) {
  const object: AnnotationObject = {
    kind: 'shape',
    id: objectId(id),
    label,
    frame: 0,
    geometry: { type: 'rectangle', points: [x, y, x + w, y + h], rotation: 0 },
    zOrder: 0,
    occluded: false,
    attributes: label === CAR ? CAR_ATTRIBUTES : {},
    group: 0,
    source: 'manual',
  };
  return object;
}

/** `n` small boxes spread over frame 0, alternating car and person. */
export function manyBoxes(n: number): AnnotationObject[] {
  return Array.from({ length: n }, (_, i) =>
    box(i + 1, i % 2 ? PERSON : CAR, (i * 7) % (WIDTH - 12), (i * 13) % (HEIGHT - 12), 12, 12),
  );
}

/**
 * A street document of `frames` frames. Defaults: three boxes on frame 0 (two cars, a person).
 */
export function streetDocument(
  objects: readonly AnnotationObject[] = [
    box(1, CAR, 60, 230, 170, 90),
    box(2, CAR, 300, 250, 120, 70),
    box(3, PERSON, 480, 150, 50, 130),
  ],
  frames = 3,
): AnnotationDocument {
  return createDocument({
    media: {
      kind: 'images',
      frames: Array.from({ length: frames }, (_, i) => ({
        name: `street_${i}.png`,
        width: WIDTH,
        height: HEIGHT,
      })),
    },
    labels: LABELS,
    objects,
  });
}

/** A document with labels and frames but no objects. */
export const emptyDocument = (): AnnotationDocument => streetDocument([]);

/** One canvas per frame: sky, road and the frame number. */
export function frames(count = 3): HTMLCanvasElement[] {
  return Array.from({ length: count }, (_, frame) => {
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

/** Options of {@link controllerFor}. */
export interface ControllerOptions {
  /** UI language. Defaults to `'en'`. */
  readonly lang?: string;
  /** Ids of objects to select. Defaults to none. */
  readonly select?: readonly number[];
  /** Controlled mode. Defaults to none. */
  readonly transactionFilter?: TransactionFilter | null;
}

/** A controller for standalone parts (`part.controller = c`), optionally with a selection. */
export function controllerFor(
  document: AnnotationDocument | null,
  options: ControllerOptions = {},
): EditorController {
  const c = new EditorController({
    document: document ?? undefined,
    lang: options.lang ?? 'en',
    transactionFilter: options.transactionFilter ?? null,
  });
  if (options.select?.length) c.select(options.select.map(objectId));
  return c;
}

/** A filter that refuses every edit (controlled mode, read-only host). */
export const rejectAll: TransactionFilter = () => null;
