/**
 * Brightness, contrast, saturation and gamma of the frame image.
 *
 * Choice: a CSS `filter` on the image layer's canvas element only. The browser applies it at
 * composition, so a pan/zoom frame costs no per-pixel JavaScript and the shapes (other layers)
 * are unaffected. CSS has no gamma function, so gamma is an inline SVG filter
 * (`feComponentTransfer` with `type="gamma"` on R, G and B) referenced by `url(#id)` from the
 * same `filter` list; each canvas creates its own `<svg>` with a unique id inside its container
 * (no document-level state, two canvases stay independent).
 */

/** Image adjustments; 1 is neutral for each. */
export interface ImageAdjustments {
  /** Brightness multiplier (CSS `brightness()`), ≥ 0. Defaults to 1. */
  readonly brightness: number;
  /** Contrast multiplier (CSS `contrast()`), ≥ 0. Defaults to 1. */
  readonly contrast: number;
  /** Saturation multiplier (CSS `saturate()`), ≥ 0. Defaults to 1. */
  readonly saturation: number;
  /**
   * Display gamma, > 0: output = input^(1/gamma) per channel, so values above 1 brighten the
   * mid-tones (as in CVAT's gamma slider). Defaults to 1.
   */
  readonly gamma: number;
}

/** The neutral adjustments. */
export const DEFAULT_IMAGE_ADJUSTMENTS: ImageAdjustments = {
  brightness: 1,
  contrast: 1,
  saturation: 1,
  gamma: 1,
};

/**
 * The CSS `filter` value for `adj`; `gammaFilterId` is the id of the SVG gamma filter. Returns
 * `'none'` when every value is neutral. Values are assumed validated (`checkAdjustments`).
 */
export function imageFilterCss(adj: ImageAdjustments, gammaFilterId: string): string {
  const parts: string[] = [];
  if (adj.brightness !== 1) parts.push(`brightness(${adj.brightness})`);
  if (adj.contrast !== 1) parts.push(`contrast(${adj.contrast})`);
  if (adj.saturation !== 1) parts.push(`saturate(${adj.saturation})`);
  if (adj.gamma !== 1) parts.push(`url(#${gammaFilterId})`);
  return parts.length ? parts.join(' ') : 'none';
}

/**
 * The names of invalid fields of `adj` (negative or non-finite multipliers, gamma ≤ 0), empty
 * when valid.
 */
export function invalidAdjustments(adj: ImageAdjustments): (keyof ImageAdjustments)[] {
  const bad: (keyof ImageAdjustments)[] = [];
  for (const k of ['brightness', 'contrast', 'saturation'] as const) {
    if (!Number.isFinite(adj[k]) || adj[k] < 0) bad.push(k);
  }
  if (!Number.isFinite(adj.gamma) || adj.gamma <= 0) bad.push('gamma');
  return bad;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Creates a hidden zero-size `<svg>` holding the gamma filter `id` and returns it with a setter
 * for the gamma value. The caller appends it to its container and removes it on destroy.
 */
export function createGammaFilter(id: string): {
  readonly element: SVGSVGElement;
  setGamma(gamma: number): void;
} {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('width', '0');
  svg.setAttribute('height', '0');
  svg.setAttribute('aria-hidden', 'true');
  svg.style.position = 'absolute';
  svg.style.width = '0';
  svg.style.height = '0';
  svg.style.pointerEvents = 'none';
  const filter = document.createElementNS(SVG_NS, 'filter');
  filter.setAttribute('id', id);
  filter.setAttribute('color-interpolation-filters', 'sRGB');
  const transfer = document.createElementNS(SVG_NS, 'feComponentTransfer');
  const funcs = (['feFuncR', 'feFuncG', 'feFuncB'] as const).map((name) => {
    const f = document.createElementNS(SVG_NS, name);
    f.setAttribute('type', 'gamma');
    f.setAttribute('amplitude', '1');
    f.setAttribute('offset', '0');
    f.setAttribute('exponent', '1');
    transfer.appendChild(f);
    return f;
  });
  filter.appendChild(transfer);
  svg.appendChild(filter);
  return {
    element: svg,
    setGamma(gamma) {
      for (const f of funcs) f.setAttribute('exponent', String(1 / gamma));
    },
  };
}
