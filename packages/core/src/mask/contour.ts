/**
 * Mask → polygons by crack following.
 *
 * Why crack following on pixel corners rather than marching squares through pixel centres: the
 * outline then runs exactly along pixel edges, so rasterising it again with pixel-centre
 * sampling gives back the very same pixels (for components without holes). That round trip is
 * what "convert mask to polygon and back" must not break. Components are 8-connected, as CVAT and
 * OpenCV's `findContours` treat masks; two pixels touching at a corner share one outline that
 * pinches at that corner.
 */
import { douglasPeucker } from '../geometry/simplify.js';
import type { MaskGeometry } from '../model/records.js';
import { maskToBitmap } from './rle.js';

/** Options for {@link maskToPolygons}. */
export interface MaskToPolygonsOptions {
  /**
   * Douglas–Peucker tolerance in pixels applied to each outline. Defaults to 0 (no
   * simplification: every corner of the pixel staircase is kept, collinear runs merged).
   */
  readonly tolerance?: number;
}

// Directions clockwise on screen (y down): east, south, west, north.
const DX = [1, 0, -1, 0] as const;
const DY = [0, 1, 0, -1] as const;

/**
 * The outer boundary of every 8-connected component of the mask as a flat polygon of pixel
 * corners in image coordinates (`[x1, y1, …]`, clockwise on screen, starting at the top-left
 * corner of the component's first pixel in raster order). Holes are not traced: a component's
 * polygon encloses its holes. Components are returned in raster order of their first pixel.
 */
export function maskToPolygons(
  mask: MaskGeometry,
  options: MaskToPolygonsOptions = {},
): number[][] {
  const { bitmap, width, height } = maskToBitmap(mask);
  const at = (x: number, y: number): boolean =>
    x >= 0 && y >= 0 && x < width && y < height && bitmap[y * width + x] !== 0;
  const visited = new Uint8Array(width * height);
  const stack: number[] = [];
  const polygons: number[][] = [];
  const tolerance = options.tolerance ?? 0;

  for (let start = 0; start < bitmap.length; start++) {
    if (bitmap[start] === 0 || visited[start]) continue;
    const sx = start % width;
    const sy = (start - sx) / width;
    polygons.push(simplify(trace(at, sx, sy, mask.left, mask.top), tolerance));
    // Mark the whole 8-connected component.
    visited[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const p = stack.pop() as number;
      const px = p % width;
      const py = (p - px) / width;
      for (let ny = py - 1; ny <= py + 1; ny++) {
        for (let nx = px - 1; nx <= px + 1; nx++) {
          if (!at(nx, ny)) continue;
          const q = ny * width + nx;
          if (!visited[q]) {
            visited[q] = 1;
            stack.push(q);
          }
        }
      }
    }
  }
  return polygons;
}

/**
 * Follows the outer boundary with the inside on the right, from the top-left corner of pixel
 * `(sx, sy)`, clockwise on screen. At each corner, with the two pixels ahead (left and right of the
 * heading): ahead-left set → turn left (8-connectivity joins diagonal neighbours); else
 * ahead-right set → straight on; else turn right. Emits a vertex at every turn.
 */
function trace(
  at: (x: number, y: number) => boolean,
  sx: number,
  sy: number,
  offsetX: number,
  offsetY: number,
): number[] {
  const out: number[] = [];
  let x = sx;
  let y = sy;
  // Arrive at the start corner heading north (up the pixel's left edge); stop on the return.
  let dir = 3;
  do {
    // Pixels adjacent to corner (x, y): NW (x−1, y−1), NE (x, y−1), SW (x−1, y), SE (x, y).
    let aheadLeft: boolean;
    let aheadRight: boolean;
    switch (dir) {
      case 0:
        aheadLeft = at(x, y - 1);
        aheadRight = at(x, y);
        break;
      case 1:
        aheadLeft = at(x, y);
        aheadRight = at(x - 1, y);
        break;
      case 2:
        aheadLeft = at(x - 1, y);
        aheadRight = at(x - 1, y - 1);
        break;
      default:
        aheadLeft = at(x - 1, y - 1);
        aheadRight = at(x, y - 1);
    }
    const next = aheadLeft ? (dir + 3) % 4 : aheadRight ? dir : (dir + 1) % 4;
    if (next !== dir) out.push(x + offsetX, y + offsetY);
    dir = next;
    x += DX[dir];
    y += DY[dir];
  } while (x !== sx || y !== sy || dir !== 3);
  return out;
}

function simplify(ring: number[], tolerance: number): number[] {
  return tolerance > 0 ? douglasPeucker(ring, tolerance, true) : ring;
}
