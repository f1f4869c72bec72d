/**
 * Display configuration and colour choice. Styles are deliberately coarse (a colour, solid or
 * dashed, filled or not) because the static renderer draws one path per distinct style: a
 * fixed 24-colour palette for `'instance'`/`'group'` keeps the number of batches bounded even
 * at 100k objects.
 */
import type { Label, LabelId, ObjectId } from '@annotkit/core';
import type { TextField } from '../view-features/objectText.js';

/** How object colours are chosen (CVAT's "color by"). */
export const ColorBy = { Label: 'label', Instance: 'instance', Group: 'group' } as const;
/** How object colours are chosen (CVAT's "color by"). */
export type ColorBy = (typeof ColorBy)[keyof typeof ColorBy];

/** Display options of a canvas. Every field is optional in `configure`. */
export interface DisplayConfig {
  /** Colour source. Defaults to `'label'`. */
  readonly colorBy: ColorBy;
  /** Fill opacity of filled shapes in [0, 1]. Defaults to 0.1. */
  readonly fillOpacity: number;
  /** Fill opacity of selected/hovered shapes in [0, 1]. Defaults to 0.3. */
  readonly selectedFillOpacity: number;
  /** Outline width in screen px. Defaults to 2. */
  readonly strokeWidth: number;
  /**
   * A CSS colour drawn 2 px wider under every outline (CVAT's "outlined borders"), or false.
   * Defaults to false.
   */
  readonly outlinedBorders: string | false;
  /** Draw text labels (`label #id`). Defaults to false. */
  readonly showText: boolean;
  /**
   * Fields of text labels, in order (`label`, `id`, `source`, `attributes`). Defaults to
   * `['label', 'id']` (`car #12`).
   */
  readonly textFields: readonly TextField[];
  /** Text is only drawn when at most this many objects are in view. Defaults to 500. */
  readonly textLimit: number;
  /** Font of text labels. Defaults to `'12px sans-serif'`. */
  readonly font: string;
  /** Simplification tolerance in screen px (see render/paths.ts). Defaults to 1. */
  readonly simplifyTolerance: number;
  /** Diameter of a drawn point (a circle) in screen px. Defaults to 6. */
  readonly pointSize: number;
  /**
   * Colours of given objects (CVAT's per-object "Change colour"), overriding `colorBy` for
   * them. `#rrggbb` for a translucent fill (other CSS colours fill opaque, see `withAlpha`).
   * Each distinct colour is one more style batch. Replace the map (`configure({ colors })`)
   * to change it: the renderer does not watch a mutated map. Defaults to none.
   */
  readonly colors: ReadonlyMap<ObjectId, string>;
}

/** The defaults listed on `DisplayConfig`. */
export const DEFAULT_DISPLAY: DisplayConfig = {
  colorBy: 'label',
  fillOpacity: 0.1,
  selectedFillOpacity: 0.3,
  strokeWidth: 2,
  outlinedBorders: false,
  showText: false,
  textFields: ['label', 'id'],
  textLimit: 500,
  font: '12px sans-serif',
  simplifyTolerance: 1,
  pointSize: 6,
  colors: new Map(),
};

/** The palette for colour by instance/group. */
export const PALETTE: readonly string[] = [
  '#e6194b',
  '#3cb44b',
  '#ffe119',
  '#4363d8',
  '#f58231',
  '#911eb4',
  '#46f0f0',
  '#f032e6',
  '#bcf60c',
  '#fabebe',
  '#008080',
  '#e6beff',
  '#9a6324',
  '#fffac8',
  '#800000',
  '#aaffc3',
  '#808000',
  '#ffd8b1',
  '#000075',
  '#808080',
  '#ff6f61',
  '#6b5b95',
  '#88b04b',
  '#f7cac9',
];

/** Colour used when a label is missing or group 0 has no label colour. */
export const FALLBACK_COLOR = '#ff00ff';

/**
 * The colour of an object: its entry in `colors` when it has one (`DisplayConfig.colors`),
 * else by `colorBy`.
 */
export function colorOf(
  colorBy: ColorBy,
  id: ObjectId,
  label: LabelId,
  group: number,
  labelOf: (id: LabelId) => Label | undefined,
  colors?: ReadonlyMap<ObjectId, string>,
): string {
  const own = colors?.get(id);
  if (own !== undefined) return own;
  if (colorBy === 'instance') return PALETTE[Math.abs(id) % PALETTE.length];
  if (colorBy === 'group' && group !== 0) return PALETTE[Math.abs(group) % PALETTE.length];
  return labelOf(label)?.color ?? FALLBACK_COLOR;
}

/** `#rrggbb` plus an opacity as a CSS `rgba()` string; other colour strings pass through. */
export function withAlpha(color: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) return color;
  return `rgba(${parseInt(m[1], 16)},${parseInt(m[2], 16)},${parseInt(m[3], 16)},${alpha})`;
}
