/**
 * PNG decode/encode for mask formats, over the pure-JS `fast-png` (works in browsers, workers and
 * Node; no canvas, so pixel values are exact — a canvas would colour-manage and premultiply).
 * This module is the only place that touches `fast-png`: it unpacks sub-byte depths to one value
 * per sample, bounds the pixel count, and turns decoder failures into `AnnotkitError`s.
 */
import { AnnotkitError, ErrorCode } from '@annotkit/core';
import { decode, encode } from 'fast-png';
import type { BitDepth } from 'fast-png';

/** Largest image accepted by `decodePng`, in pixels. Defaults to 2^28 (≈ 16k × 16k). */
export const MAX_PNG_PIXELS = 2 ** 28;

/** A decoded PNG with one array element per sample (sub-byte depths are unpacked). */
export interface DecodedImage {
  /** Width in pixels. */
  readonly width: number;
  /** Height in pixels. */
  readonly height: number;
  /** Samples per pixel: 1 grey/index, 2 grey+alpha, 3 RGB, 4 RGBA. */
  readonly channels: number;
  /** Bit depth per sample in the file (1, 2, 4, 8 or 16). */
  readonly depth: number;
  /** Row-major samples, `width × height × channels`; 16-bit files give a `Uint16Array`. */
  readonly data: Uint8Array | Uint16Array;
  /** Palette of an indexed PNG, `[r, g, b]` or `[r, g, b, a]` per index. */
  readonly palette?: readonly (readonly number[])[];
}

/** Options for {@link decodePng}. */
export interface DecodePngOptions {
  /** File name for error messages. */
  readonly file?: string;
  /** Maximum pixel count. Defaults to `MAX_PNG_PIXELS`. */
  readonly maxPixels?: number;
}

function readHeader(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.length < 24) return undefined;
  const sig = [137, 80, 78, 71, 13, 10, 26, 10];
  for (let i = 0; i < 8; i++) if (bytes[i] !== sig[i]) return undefined;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: dv.getUint32(16), height: dv.getUint32(20) };
}

/**
 * Decodes PNG bytes. Throws `AnnotkitError` `parse` for a corrupt file and `limit` when the
 * image has more than `maxPixels` pixels (checked from the header, before inflating).
 */
export function decodePng(bytes: Uint8Array, options: DecodePngOptions = {}): DecodedImage {
  const file = options.file;
  const head = readHeader(bytes);
  if (!head) throw new AnnotkitError(ErrorCode.Parse, 'not a PNG file', { file });
  const max = options.maxPixels ?? MAX_PNG_PIXELS;
  if (head.width * head.height > max) {
    throw new AnnotkitError(
      ErrorCode.Limit,
      `PNG is ${head.width}×${head.height}, more than ${max} pixels`,
      { file },
    );
  }
  let png;
  try {
    png = decode(bytes);
  } catch (e) {
    throw new AnnotkitError(
      ErrorCode.Parse,
      `corrupt PNG: ${e instanceof Error ? e.message : String(e)}`,
      {
        file,
        cause: e,
      },
    );
  }
  const { width, height, channels, depth } = png;
  let data: Uint8Array | Uint16Array;
  if (depth === 16) data = png.data as Uint16Array;
  else if (depth === 8) data = png.data as Uint8Array;
  else data = unpack(png.data as Uint8Array, width, height, channels, depth);
  if (data.length < width * height * channels) {
    throw new AnnotkitError(ErrorCode.Parse, 'PNG pixel data is truncated', { file });
  }
  return {
    width,
    height,
    channels,
    depth,
    data,
    ...(png.palette ? { palette: png.palette } : {}),
  };
}

/** Unpacks 1/2/4-bit rows (each row padded to a byte) to one byte per sample. */
function unpack(
  src: Uint8Array,
  w: number,
  h: number,
  channels: number,
  depth: number,
): Uint8Array {
  const perRow = w * channels;
  const rowBytes = Math.ceil((perRow * depth) / 8);
  const out = new Uint8Array(perRow * h);
  const mask = (1 << depth) - 1;
  for (let y = 0; y < h; y++) {
    for (let i = 0; i < perRow; i++) {
      const bit = i * depth;
      const byte = src[y * rowBytes + (bit >> 3)];
      out[y * perRow + i] = (byte >> (8 - depth - (bit & 7))) & mask;
    }
  }
  return out;
}

/** Encodes an 8-bit indexed PNG from one palette index per pixel. */
export function encodeIndexedPng(
  width: number,
  height: number,
  indices: Uint8Array,
  palette: readonly (readonly [number, number, number])[],
): Uint8Array {
  return encode({
    width,
    height,
    data: indices,
    depth: 8,
    channels: 1,
    palette: palette.map((c) => [c[0], c[1], c[2]]),
  });
}

/** Encodes an 8-bit RGB PNG from `width × height × 3` samples. */
export function encodeRgbPng(width: number, height: number, rgb: Uint8Array): Uint8Array {
  return encode({ width, height, data: rgb, depth: 8, channels: 3 });
}

/** Encodes a greyscale PNG of 8 or 16 bits per pixel (16 for instance ids up to 65535). */
export function encodeGreyPng(
  width: number,
  height: number,
  values: Uint8Array | Uint16Array,
  depth: 8 | 16 = values instanceof Uint16Array ? 16 : 8,
): Uint8Array {
  return encode({ width, height, data: values, depth: depth as BitDepth, channels: 1 });
}

/**
 * Returns the RGB colour of every pixel as one number `r << 16 | g << 8 | b`, resolving palettes;
 * grey images give `v << 16 | v << 8 | v` (16-bit grey is scaled to 8 bits), alpha is ignored.
 */
export function pixelColors(img: DecodedImage): Uint32Array {
  const n = img.width * img.height;
  const out = new Uint32Array(n);
  const { data, channels, palette } = img;
  const scale = img.depth === 16 ? 257 : 1;
  for (let i = 0; i < n; i++) {
    if (palette) {
      const c = palette[data[i * channels]] ?? [0, 0, 0];
      out[i] = (c[0] << 16) | (c[1] << 8) | c[2];
    } else if (channels >= 3) {
      const o = i * channels;
      out[i] = ((data[o] / scale) << 16) | ((data[o + 1] / scale) << 8) | (data[o + 2] / scale);
    } else {
      const v = Math.floor(data[i * channels] / scale);
      out[i] = (v << 16) | (v << 8) | v;
    }
  }
  return out;
}
