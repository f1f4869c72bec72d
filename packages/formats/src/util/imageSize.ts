/**
 * Image dimensions from file headers, without decoding pixels. Reads only the first bytes of
 * PNG, GIF and BMP; JPEG and TIFF are walked segment by segment / IFD by IFD.
 */

/** Size of an image in pixels and the format it was read from. */
export interface ImageSize {
  readonly width: number;
  readonly height: number;
  readonly format: 'png' | 'jpeg' | 'gif' | 'bmp' | 'webp' | 'tiff';
}

/**
 * Reads the size of a PNG, JPEG (SOF0–SOF15 except DHT/JPG/DAC; EXIF orientation is not
 * applied), GIF, BMP (incl. top-down, negative height), WebP (VP8, VP8L, VP8X) or TIFF (both
 * byte orders) image from its header. Returns `undefined` for unknown or truncated data.
 */
export function imageSize(bytes: Uint8Array): ImageSize | undefined {
  const n = bytes.length;
  if (n < 10) return undefined;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // PNG: signature, then IHDR width/height (big-endian) at 16/20.
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
    if (n < 24) return undefined;
    return size(dv.getUint32(16), dv.getUint32(20), 'png');
  }
  // GIF87a / GIF89a: logical screen size, little-endian.
  if (bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46 && bytes[3] === 0x38) {
    return size(dv.getUint16(6, true), dv.getUint16(8, true), 'gif');
  }
  // BMP: BITMAPCOREHEADER (12) has 16-bit sizes, later headers 32-bit signed.
  if (bytes[0] === 0x42 && bytes[1] === 0x4d) {
    if (n < 26) return undefined;
    const headerSize = dv.getUint32(14, true);
    if (headerSize === 12) return size(dv.getUint16(18, true), dv.getUint16(20, true), 'bmp');
    return size(Math.abs(dv.getInt32(18, true)), Math.abs(dv.getInt32(22, true)), 'bmp');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpegSize(bytes, dv);
  // WebP: RIFF....WEBP
  if (bytes[0] === 0x52 && bytes[1] === 0x49 && bytes[2] === 0x46 && bytes[3] === 0x46) {
    if (
      n < 30 ||
      bytes[8] !== 0x57 ||
      bytes[9] !== 0x45 ||
      bytes[10] !== 0x42 ||
      bytes[11] !== 0x50
    ) {
      return undefined;
    }
    const chunk = String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]);
    if (chunk === 'VP8 ') {
      // Frame tag (3 bytes) + start code 9d 01 2a, then 14-bit width/height.
      if (bytes[23] !== 0x9d || bytes[24] !== 0x01 || bytes[25] !== 0x2a) return undefined;
      return size(dv.getUint16(26, true) & 0x3fff, dv.getUint16(28, true) & 0x3fff, 'webp');
    }
    if (chunk === 'VP8L') {
      if (bytes[20] !== 0x2f) return undefined;
      const b = dv.getUint32(21, true);
      return size((b & 0x3fff) + 1, ((b >>> 14) & 0x3fff) + 1, 'webp');
    }
    if (chunk === 'VP8X') {
      const w = 1 + (bytes[24] | (bytes[25] << 8) | (bytes[26] << 16));
      const h = 1 + (bytes[27] | (bytes[28] << 8) | (bytes[29] << 16));
      return size(w, h, 'webp');
    }
    return undefined;
  }
  // TIFF: II*\0 or MM\0*
  const le = bytes[0] === 0x49 && bytes[1] === 0x49 && bytes[2] === 0x2a && bytes[3] === 0;
  const be = bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[2] === 0 && bytes[3] === 0x2a;
  if (le || be) return tiffSize(dv, le);
  return undefined;
}

function size(width: number, height: number, format: ImageSize['format']): ImageSize | undefined {
  return width > 0 && height > 0 ? { width, height, format } : undefined;
}

function jpegSize(bytes: Uint8Array, dv: DataView): ImageSize | undefined {
  let i = 2;
  const n = bytes.length;
  while (i + 3 < n) {
    if (bytes[i] !== 0xff) return undefined;
    let marker = bytes[i + 1];
    // Fill bytes: any number of 0xff before a marker.
    while (marker === 0xff && i + 2 < n) {
      i++;
      marker = bytes[i + 1];
    }
    i += 2;
    // Markers without a length: TEM, RSTn, SOI, EOI.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) continue;
    if (marker === 0xd9 || i + 2 > n) return undefined;
    const len = dv.getUint16(i);
    const isSof =
      marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      if (i + 7 > n) return undefined;
      return size(dv.getUint16(i + 5), dv.getUint16(i + 3), 'jpeg');
    }
    if (len < 2) return undefined;
    i += len;
  }
  return undefined;
}

function tiffSize(dv: DataView, le: boolean): ImageSize | undefined {
  const n = dv.byteLength;
  const ifd = dv.getUint32(4, le);
  if (ifd + 2 > n) return undefined;
  const count = dv.getUint16(ifd, le);
  let width = 0;
  let height = 0;
  for (let k = 0; k < count; k++) {
    const e = ifd + 2 + k * 12;
    if (e + 12 > n) return undefined;
    const tag = dv.getUint16(e, le);
    if (tag !== 256 && tag !== 257) continue;
    const type = dv.getUint16(e + 2, le);
    // SHORT (3) or LONG (4), value stored inline.
    const value = type === 3 ? dv.getUint16(e + 8, le) : type === 4 ? dv.getUint32(e + 8, le) : 0;
    if (tag === 256) width = value;
    else height = value;
  }
  return size(width, height, 'tiff');
}
