/**
 * The editor's appearance settings (CVAT's "Appearance" block and the image/grid parts of its
 * player settings) as one plain, JSON-serialisable record kept by the controller.
 *
 * Why one record instead of passing canvas options through: the settings panel, the canvas and
 * a host that persists preferences all read the same value, and `setAppearance` validates once
 * (with `AnnotkitError` codes) before anything reaches the canvas, which would otherwise throw
 * from inside a render.
 */
import { AnnotkitError, ErrorCode } from '@annotkit/core';

/**
 * When object text labels are drawn (CVAT's "show object details"). CVAT also has "selected
 * only"; canvas2d draws text for every object in view or none, so that choice is not offered.
 */
export const ShowText = { Always: 'always', Never: 'never' } as const;
/** When object text labels are drawn. */
export type ShowText = (typeof ShowText)[keyof typeof ShowText];

/** How objects are coloured (CVAT's "color by"). */
export type AppearanceColorBy = 'label' | 'instance' | 'group';

/** Grid overlay settings. */
export interface AppearanceGrid {
  /** Draw the grid. Defaults to false. */
  readonly enabled: boolean;
  /** Cell side in image px, > 0. Defaults to 100. */
  readonly size: number;
  /** CSS colour of the lines. Defaults to `'#ffffff'`. */
  readonly color: string;
  /** Opacity of the lines in [0, 1]. Defaults to 0.5. */
  readonly opacity: number;
}

/** Everything the appearance panel edits. */
export interface Appearance {
  /** Colour source. Defaults to `'label'`. */
  readonly colorBy: AppearanceColorBy;
  /** Fill opacity of shapes in [0, 1]. Defaults to 0.1. */
  readonly fillOpacity: number;
  /** Fill opacity of selected/hovered shapes in [0, 1]. Defaults to 0.3. */
  readonly selectedFillOpacity: number;
  /** A CSS colour drawn under every outline, or false for none. Defaults to false. */
  readonly outlinedBorders: string | false;
  /** Text labels: `'always'` or `'never'`. Defaults to `'never'` (the canvas default). */
  readonly showText: ShowText;
  /** Image brightness multiplier, ≥ 0. Defaults to 1. */
  readonly brightness: number;
  /** Image contrast multiplier, ≥ 0. Defaults to 1. */
  readonly contrast: number;
  /** Image saturation multiplier, ≥ 0. Defaults to 1. */
  readonly saturation: number;
  /** Display gamma, > 0 (above 1 brightens mid-tones). Defaults to 1. */
  readonly gamma: number;
  /** The grid overlay. */
  readonly grid: AppearanceGrid;
}

/** A partial update for `EditorController.setAppearance` (grid fields merge too). */
export type AppearancePatch = Partial<Omit<Appearance, 'grid'>> & {
  readonly grid?: Partial<AppearanceGrid>;
};

/** The defaults listed on `Appearance` (the canvas's own defaults). */
export const DEFAULT_APPEARANCE: Appearance = {
  colorBy: 'label',
  fillOpacity: 0.1,
  selectedFillOpacity: 0.3,
  outlinedBorders: false,
  showText: 'never',
  brightness: 1,
  contrast: 1,
  saturation: 1,
  gamma: 1,
  grid: { enabled: false, size: 100, color: '#ffffff', opacity: 0.5 },
};

const fail = (field: string, message: string): never => {
  throw new AnnotkitError(ErrorCode.Unsupported, message, { path: ['appearance', field] });
};

const unit = (v: number): boolean => Number.isFinite(v) && v >= 0 && v <= 1;

/**
 * `patch` merged into `base`, validated. Throws `AnnotkitError` (`unsupported`, path
 * `['appearance', field]`) for an opacity outside [0, 1], a negative or non-finite image
 * multiplier, gamma ≤ 0, grid size ≤ 0, or an unknown `colorBy`/`showText`.
 */
export function mergeAppearance(base: Appearance, patch: AppearancePatch): Appearance {
  const next: Appearance = { ...base, ...patch, grid: { ...base.grid, ...patch.grid } };
  if (!['label', 'instance', 'group'].includes(next.colorBy)) {
    fail('colorBy', `unknown colour source "${String(next.colorBy)}"`);
  }
  if (!Object.values(ShowText).includes(next.showText)) {
    fail('showText', `unknown text mode "${String(next.showText)}"`);
  }
  for (const k of ['fillOpacity', 'selectedFillOpacity'] as const) {
    if (!unit(next[k])) fail(k, `${k} must be in [0, 1], got ${next[k]}`);
  }
  for (const k of ['brightness', 'contrast', 'saturation'] as const) {
    if (!Number.isFinite(next[k]) || next[k] < 0) fail(k, `${k} must be ≥ 0, got ${next[k]}`);
  }
  if (!Number.isFinite(next.gamma) || next.gamma <= 0) {
    fail('gamma', `gamma must be > 0, got ${next.gamma}`);
  }
  if (!Number.isFinite(next.grid.size) || next.grid.size <= 0) {
    fail('grid', `grid size must be > 0, got ${next.grid.size}`);
  }
  if (!unit(next.grid.opacity)) fail('grid', `grid opacity must be in [0, 1]`);
  if (next.outlinedBorders !== false && typeof next.outlinedBorders !== 'string') {
    fail('outlinedBorders', 'outlined borders take a CSS colour or false');
  }
  return next;
}
