export {
  rleToBitmap,
  bitmapToRle,
  maskSize,
  maskToBitmap,
  maskFromBitmap,
  maskArea,
  maskHasPixel,
  maskDistance,
} from './rle.js';
export type { Bitmap } from './rle.js';
export { maskToPolygons } from './contour.js';
export type { MaskToPolygonsOptions } from './contour.js';
export { polygonToMask } from './rasterize.js';
export type { PolygonToMaskOptions } from './rasterize.js';
