/**
 * The drawing calls the renderer needs, as a structural subset shared by Konva's `Context`
 * wrapper (whose calls Konva can record for tests) and a native `CanvasRenderingContext2D`
 * (used by the progressive off-screen renderer).
 */

/** Path and paint calls used by canvas2d's renderers. */
export interface DrawSink {
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  rect(x: number, y: number, w: number, h: number): void;
  ellipse(
    x: number,
    y: number,
    rx: number,
    ry: number,
    rotation: number,
    start: number,
    end: number,
  ): void;
  stroke(): void;
  fill(): void;
  setLineDash(segments: number[]): void;
  fillText(text: string, x: number, y: number): void;
  /** Sets a context property (`strokeStyle`, `lineWidth`, …). */
  setAttr(name: string, value: unknown): void;
}

/** Wraps a native 2D context as a `DrawSink`. */
export function nativeSink(ctx: CanvasRenderingContext2D): DrawSink {
  const props = ctx as unknown as Record<string, unknown>;
  return {
    beginPath: () => ctx.beginPath(),
    moveTo: (x, y) => ctx.moveTo(x, y),
    lineTo: (x, y) => ctx.lineTo(x, y),
    closePath: () => ctx.closePath(),
    rect: (x, y, w, h) => ctx.rect(x, y, w, h),
    ellipse: (x, y, rx, ry, r, s, e) => ctx.ellipse(x, y, rx, ry, r, s, e),
    stroke: () => ctx.stroke(),
    fill: () => ctx.fill(),
    setLineDash: (s) => ctx.setLineDash(s),
    fillText: (t, x, y) => ctx.fillText(t, x, y),
    setAttr: (name, value) => {
      props[name] = value;
    },
  };
}
