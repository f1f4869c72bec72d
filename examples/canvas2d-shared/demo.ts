/**
 * What the canvas2d example pages share: a generated sample image (no external files), plain
 * buttons, and the toolbar with tools, undo/redo, delete and the view controls. Uses only the
 * public entry points `@annotkit/core` and `@annotkit/canvas2d`.
 */
import { removeObjects, runCommand } from '@annotkit/core';
import type { AnnotationDocument, History } from '@annotkit/core';
import type { Canvas2D, Tool } from '@annotkit/canvas2d';

/** The element with this id; throws when the page lacks it. */
export const byId = (id: string): HTMLElement => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from the page`);
  return el;
};

/** A generated sample image (no external files): sky, ground, a road and a few objects. */
export function sampleImage(width: number, height: number): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = width;
  c.height = height;
  const g = c.getContext('2d');
  if (!g) throw new Error('2D canvas unavailable');
  const sky = g.createLinearGradient(0, 0, 0, height * 0.55);
  sky.addColorStop(0, '#6ea8dc');
  sky.addColorStop(1, '#d8e9f5');
  g.fillStyle = sky;
  g.fillRect(0, 0, width, height * 0.55);
  g.fillStyle = '#6b8e4e';
  g.fillRect(0, height * 0.55, width, height * 0.45);
  g.fillStyle = '#555';
  g.beginPath();
  g.moveTo(width * 0.45, height * 0.55);
  g.lineTo(width * 0.55, height * 0.55);
  g.lineTo(width * 0.9, height);
  g.lineTo(width * 0.1, height);
  g.fill();
  for (let i = 0; i < 6; i++) {
    g.fillStyle = ['#b33', '#339', '#ddd', '#222', '#c80', '#3a3'][i];
    const x = 120 + i * 190;
    const y = height * 0.62 + (i % 2) * 90;
    g.fillRect(x, y, 130, 60);
    g.fillStyle = '#111';
    g.beginPath();
    g.arc(x + 28, y + 62, 14, 0, Math.PI * 2);
    g.arc(x + 102, y + 62, 14, 0, Math.PI * 2);
    g.fill();
  }
  g.fillStyle = '#8a6f4d';
  for (let i = 0; i < 4; i++) g.fillRect(80 + i * 300, height * 0.25, 160, height * 0.3);
  return c;
}

/** Plain buttons; `pressed` marks the active one of a group. */
export function button(parent: HTMLElement, text: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.addEventListener('click', onClick);
  parent.appendChild(b);
  return b;
}

/** Tool buttons, undo/redo and the view controls shared by the canvas2d example pages. */
export function mountToolbar(
  canvas: Canvas2D,
  history: History,
  doc: AnnotationDocument,
  tools: readonly (readonly [string, () => Tool])[],
): void {
  const toolbar = byId('tools');
  const buttons: HTMLButtonElement[] = [];
  const activate = (i: number): void => {
    canvas.setTool(tools[i][1]());
    buttons.forEach((b, j) => b.setAttribute('aria-pressed', String(i === j)));
    canvas.container.focus();
  };
  tools.forEach(([name], i) => buttons.push(button(toolbar, name, () => activate(i))));
  const undo = button(toolbar, 'Undo', () => history.undo());
  const redo = button(toolbar, 'Redo', () => history.redo());
  const remove = button(toolbar, 'Delete', () => {
    runCommand(removeObjects(canvas.selection), {
      doc,
      frame: canvas.frame,
      selection: canvas.selection,
    });
  });
  remove.title = 'Delete the selected objects';
  undo.id = 'undo';
  redo.id = 'redo';
  const status = byId('status');
  const update = (): void => {
    undo.disabled = !history.canUndo();
    redo.disabled = !history.canRedo();
    status.dataset.objects = String(doc.objects().length);
    status.textContent =
      `${doc.objects().length} objects · tool ${canvas.tool.id} (${canvas.tool.state}) · ` +
      `selected ${canvas.selection.join(', ') || 'none'} · zoom ${canvas.view.scale.toFixed(2)} · ` +
      `rotation ${canvas.rotation}°`;
  };
  history.subscribe(update);
  doc.subscribe(update);
  canvas.on('toolstate', update);
  canvas.on('select', update);
  canvas.on('view', update);
  activate(0);
  update();

  const view = byId('view');
  button(view, 'Fit', () => canvas.fit());
  button(view, '1:1', () => canvas.zoomToActualSize());
  button(view, 'Zoom to selection', () => canvas.focusObjects(canvas.selection));
  button(view, 'Rotate 90°', () =>
    canvas.setRotation(((canvas.rotation + 90) % 360) as 0 | 90 | 180 | 270),
  );
  button(view, 'Grid', () => canvas.setGrid({ enabled: !canvas.grid.enabled, size: 50 }));
  button(view, 'Crosshair', () => canvas.setCrosshair({ enabled: !canvas.crosshair.enabled }));
  button(view, 'Text', () => canvas.configure({ showText: !canvas.display.showText }));
  button(view, 'Colour by', () => {
    const order = ['label', 'instance', 'group'] as const;
    canvas.configure({ colorBy: order[(order.indexOf(canvas.display.colorBy) + 1) % 3] });
  });
  for (const key of ['brightness', 'contrast', 'saturation', 'gamma'] as const) {
    const label = document.createElement('label');
    label.textContent = ` ${key} `;
    const input = document.createElement('input');
    input.type = 'range';
    input.min = key === 'gamma' ? '0.2' : '0';
    input.max = '3';
    input.step = '0.05';
    input.value = '1';
    input.addEventListener('input', () =>
      canvas.setImageAdjustments({ [key]: Number(input.value) }),
    );
    label.appendChild(input);
    view.appendChild(label);
  }
  document.body.dataset.ready = 'true';
}
