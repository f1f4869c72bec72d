/**
 * A headless test DSL in the style of tldraw's TestEditor: it drives a real canvas's tools
 * synchronously through `dispatchInput` (no browser event loop, no timers), with coordinates
 * in screen px relative to the canvas. The default view is the identity, so screen px equal
 * image px unless a test zooms or pans.
 */
import { createHistory } from '@annotkit/core';
import type { AnnotationDocument, AnnotationObject, History, ObjectId } from '@annotkit/core';
import { createCanvas2D } from '../canvas/createCanvas2D.js';
import type { Canvas2D, Canvas2DOptions } from '../canvas/types.js';
import type { Modifiers, Tool } from '../tools/types.js';

/** Options of `createTestCanvas`. */
export interface TestCanvasOptions extends Omit<
  Canvas2DOptions,
  'document' | 'tool' | 'domEvents'
> {
  /** The document to edit. */
  readonly document: AnnotationDocument;
  /** The active tool. Defaults to the canvas default (select). */
  readonly tool?: Tool;
}

/** A canvas plus input helpers and assertions. */
export interface TestCanvas {
  readonly canvas: Canvas2D;
  readonly doc: AnnotationDocument;
  /** A history recording the document since creation. */
  readonly history: History;
  pointerDown(x: number, y: number, mods?: Modifiers & { button?: number }): TestCanvas;
  pointerMove(x: number, y: number, mods?: Modifiers): TestCanvas;
  pointerUp(x: number, y: number, mods?: Modifiers & { button?: number }): TestCanvas;
  /** pointerDown + pointerUp at one point. */
  click(x: number, y: number, mods?: Modifiers): TestCanvas;
  /** Two clicks then a dblclick event, as a browser sends them. */
  doubleClick(x: number, y: number, mods?: Modifiers): TestCanvas;
  /** pointerDown at `from`, moves in `steps` steps, pointerUp at `to`. */
  drag(
    from: readonly [number, number],
    to: readonly [number, number],
    mods?: Modifiers,
    steps?: number,
  ): TestCanvas;
  key(key: string, mods?: Modifiers): TestCanvas;
  setTool(tool: Tool): TestCanvas;
  undo(): TestCanvas;
  redo(): TestCanvas;
  /**
   * Asserts that the objects of the document match `expected` (in id order, same count): each
   * expected entry's fields must deep-equal the record's. Throws with a diff-like message.
   */
  expectObjects(expected: readonly Partial<AnnotationObject>[]): TestCanvas;
  /** Asserts the active tool's state. */
  expectToolState(state: string): TestCanvas;
  /** Asserts the selection (order-insensitive). */
  expectSelection(ids: readonly ObjectId[]): TestCanvas;
  /** Destroys the canvas, the history and the container. */
  destroy(): void;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/** Creates a canvas in a new container appended to `document.body`, with DOM events off. */
export function createTestCanvas(options: TestCanvasOptions): TestCanvas {
  const container = document.createElement('div');
  const width = options.width ?? 800;
  const height = options.height ?? 600;
  container.style.width = `${width}px`;
  container.style.height = `${height}px`;
  document.body.appendChild(container);
  const canvas = createCanvas2D(container, {
    ...options,
    width,
    height,
    document: options.document,
    tool: options.tool,
    domEvents: false,
  });
  const doc = options.document;
  const history = createHistory(doc);

  const t: TestCanvas = {
    canvas,
    doc,
    history,
    pointerDown(x, y, mods = {}) {
      canvas.dispatchInput({ type: 'pointerdown', x, y, button: 0, ...mods });
      return t;
    },
    pointerMove(x, y, mods = {}) {
      canvas.dispatchInput({ type: 'pointermove', x, y, ...mods });
      return t;
    },
    pointerUp(x, y, mods = {}) {
      canvas.dispatchInput({ type: 'pointerup', x, y, button: 0, ...mods });
      return t;
    },
    click(x, y, mods = {}) {
      return t.pointerDown(x, y, mods).pointerUp(x, y, mods);
    },
    doubleClick(x, y, mods = {}) {
      t.click(x, y, mods).click(x, y, mods);
      canvas.dispatchInput({ type: 'dblclick', x, y, button: 0, ...mods });
      return t;
    },
    drag(from, to, mods = {}, steps = 4) {
      t.pointerDown(from[0], from[1], mods);
      for (let i = 1; i <= steps; i++) {
        const k = i / steps;
        t.pointerMove(from[0] + (to[0] - from[0]) * k, from[1] + (to[1] - from[1]) * k, mods);
      }
      return t.pointerUp(to[0], to[1], mods);
    },
    key(key, mods = {}) {
      canvas.dispatchInput({ type: 'keydown', key, ...mods });
      canvas.dispatchInput({ type: 'keyup', key, ...mods });
      return t;
    },
    setTool(tool) {
      canvas.setTool(tool);
      return t;
    },
    undo() {
      history.undo();
      return t;
    },
    redo() {
      history.redo();
      return t;
    },
    expectObjects(expected) {
      const actual = [...doc.objects()].sort((a, b) => a.id - b.id);
      if (actual.length !== expected.length) {
        throw new Error(
          `expected ${expected.length} objects, found ${actual.length}: ${JSON.stringify(actual)}`,
        );
      }
      expected.forEach((exp, i) => {
        for (const [k, v] of Object.entries(exp)) {
          const got = (actual[i] as unknown as Record<string, unknown>)[k];
          if (!deepEqual(got, v)) {
            throw new Error(
              `object #${i} (id ${actual[i].id}).${k}: expected ${JSON.stringify(v)}, got ${JSON.stringify(got)}`,
            );
          }
        }
      });
      return t;
    },
    expectToolState(state) {
      if (canvas.tool.state !== state) {
        throw new Error(`expected tool state ${state}, got ${canvas.tool.state}`);
      }
      return t;
    },
    expectSelection(ids) {
      const a = [...canvas.selection].sort((x, y) => x - y);
      const b = [...ids].sort((x, y) => x - y);
      if (!deepEqual(a, b))
        throw new Error(`expected selection ${JSON.stringify(b)}, got ${JSON.stringify(a)}`);
      return t;
    },
    destroy() {
      canvas.destroy();
      history.destroy();
      container.remove();
    },
  };
  return t;
}
