/**
 * The Pascal VOC colour palette: index `i`'s bits are spread over the high bits of R, G and B
 * (bit 0 → R, bit 1 → G, bit 2 → B, three bits per step, from bit 7 down). Index 0 is black,
 * 1 is (128, 0, 0), 255 is (224, 224, 192) — the colour VOC uses for "void"/ignored pixels.
 */

/** RGB colour of VOC palette index `i` (0–255). */
export function vocColor(i: number): [number, number, number] {
  let r = 0;
  let g = 0;
  let b = 0;
  let c = i;
  for (let j = 0; j < 8; j++) {
    r |= (c & 1) << (7 - j);
    g |= ((c >> 1) & 1) << (7 - j);
    b |= ((c >> 2) & 1) << (7 - j);
    c >>= 3;
  }
  return [r, g, b];
}

/** The 256-entry VOC palette. */
export function vocPalette(): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let i = 0; i < 256; i++) out.push(vocColor(i));
  return out;
}

/** Packs an RGB triple as `r << 16 | g << 8 | b`. */
export function packRgb(r: number, g: number, b: number): number {
  return (r << 16) | (g << 8) | b;
}

/** Parses `#rrggbb` into an RGB triple; `undefined` when malformed. */
export function parseHexColor(hex: string): [number, number, number] | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m ? [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)] : undefined;
}

/** Formats an RGB triple as `#rrggbb`. */
export function toHexColor(r: number, g: number, b: number): string {
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
