/**
 * The interactive layer: real Konva nodes, but only for the few objects the user is working
 * with (hovered, selected, previews of edits in progress) plus handles and the rubber band.
 * It is rebuilt from scratch on every draw; with a handful of nodes that is cheaper and simpler
 * than diffing.
 */
import Konva from 'konva';
import type { Geometry, Label, LabelId, ObjectId } from '@annotkit/core';
import type { Rect, ViewTransform } from '../canvas/view.js';
import type { SceneIndex } from '../scene/sceneIndex.js';
import type { ToolOverlay } from '../tools/types.js';
import { maskNode } from './masks.js';
import type { MaskCache } from './masks.js';
import { emitGeometry, isFillable } from './paths.js';
import type { DrawSink } from './sink.js';
import { colorOf, withAlpha } from './styles.js';
import type { DisplayConfig } from './styles.js';

/** What the interactive layer reads on every draw. */
export interface InteractiveScene {
  readonly view: ViewTransform;
  readonly index: SceneIndex;
  readonly config: DisplayConfig;
  readonly label: (id: LabelId) => Label | undefined;
  readonly hovered: ObjectId | undefined;
  readonly selected: readonly ObjectId[];
  readonly overlay: ToolOverlay | null;
  /** The canvas's mask bitmap cache: masks in hand are drawn as pixels plus outline. */
  readonly masks?: MaskCache;
}

/** Colour of previews of shapes being drawn or edited. */
export const EDIT_COLOR = '#00e5ff';
/** Side of a resize handle in screen px. */
export const HANDLE_SIZE = 8;

/** The interactive layer of one canvas. */
export interface InteractiveLayer {
  readonly layer: Konva.Layer;
  /** Rebuilds the nodes from `scene` (call before drawing the layer). */
  rebuild(scene: InteractiveScene): void;
  destroy(): void;
}

function geometryNode(
  g: Geometry,
  label: LabelId,
  stroke: string,
  fillAlpha: number,
  scene: InteractiveScene,
  name: string,
): Konva.Shape {
  const fillable = isFillable(g.type);
  return new Konva.Shape({
    name,
    listening: false,
    perfectDrawEnabled: false,
    stroke,
    strokeWidth: scene.config.strokeWidth + 1,
    fill: fillable && fillAlpha > 0 ? withAlpha(stroke, fillAlpha) : undefined,
    sceneFunc: (ctx, shape) => {
      ctx.beginPath();
      emitGeometry(
        ctx as unknown as DrawSink,
        g,
        { view: scene.view, tolerance: 0, pointSize: scene.config.pointSize, label: scene.label },
        label,
      );
      ctx.fillStrokeShape(shape);
    },
  });
}

/** Creates the interactive layer. */
export function createInteractiveLayer(): InteractiveLayer {
  const layer = new Konva.Layer({ listening: false });
  return {
    layer,
    rebuild(scene) {
      layer.destroyChildren();
      const { view, index, config } = scene;
      const editing = new Set(scene.overlay?.editing ?? []);
      const ids = [...scene.selected];
      if (scene.hovered !== undefined && !ids.includes(scene.hovered)) ids.push(scene.hovered);
      for (const id of ids) {
        if (editing.has(id) || index.hidden.has(id)) continue;
        const item = index.get(id);
        if (!item) continue;
        const s = item.shape;
        const color = colorOf(config.colorBy, s.id, s.label, s.group, scene.label, config.colors);
        const selected = scene.selected.includes(id);
        const node =
          s.geometry.type === 'mask' && scene.masks
            ? maskNode({
                id,
                geometry: s.geometry,
                color,
                opacity: config.selectedFillOpacity,
                strokeWidth: config.strokeWidth + 1,
                view,
                cache: scene.masks,
                name: selected ? 'selected' : 'hovered',
              })
            : geometryNode(
                s.geometry,
                s.label,
                color,
                config.selectedFillOpacity,
                scene,
                selected ? 'selected' : 'hovered',
              );
        if (selected) node.dash([]);
        layer.add(node);
      }
      const overlay = scene.overlay;
      if (!overlay) return;
      for (const p of overlay.previews ?? []) {
        layer.add(
          geometryNode(
            p.geometry,
            p.label,
            EDIT_COLOR,
            config.selectedFillOpacity,
            scene,
            'preview',
          ),
        );
      }
      for (const h of overlay.handles ?? []) {
        const x = h.x * view.scale + view.offsetX;
        const y = h.y * view.scale + view.offsetY;
        const common = {
          name: `handle-${h.kind}`,
          listening: false,
          stroke: '#000',
          strokeWidth: 1,
          fill: '#fff',
        };
        const round = h.kind === 'rotate' || h.kind === 'vertex' || h.kind === 'midpoint';
        const radius = h.kind === 'midpoint' ? HANDLE_SIZE / 2 - 1 : HANDLE_SIZE / 2;
        layer.add(
          round
            ? new Konva.Circle({
                ...common,
                x,
                y,
                radius,
                opacity: h.kind === 'midpoint' ? 0.6 : 1,
              })
            : new Konva.Rect({
                ...common,
                x: x - HANDLE_SIZE / 2,
                y: y - HANDLE_SIZE / 2,
                width: HANDLE_SIZE,
                height: HANDLE_SIZE,
              }),
        );
      }
      for (const g of overlay.guides ?? []) {
        const pts = g.map((v, i) =>
          i % 2 === 0 ? v * view.scale + view.offsetX : v * view.scale + view.offsetY,
        );
        layer.add(
          new Konva.Line({
            name: 'guide',
            listening: false,
            points: pts,
            stroke: EDIT_COLOR,
            strokeWidth: 1,
            dash: [3, 3],
          }),
        );
      }
      if (overlay.band) layer.add(bandNode(overlay.band, view));
    },
    destroy() {
      layer.destroy();
    },
  };
}

function bandNode(band: Rect, view: ViewTransform): Konva.Rect {
  return new Konva.Rect({
    name: 'band',
    listening: false,
    x: band.minX * view.scale + view.offsetX,
    y: band.minY * view.scale + view.offsetY,
    width: (band.maxX - band.minX) * view.scale,
    height: (band.maxY - band.minY) * view.scale,
    stroke: EDIT_COLOR,
    strokeWidth: 1,
    dash: [4, 4],
    fill: withAlpha(EDIT_COLOR, 0.1),
  });
}
