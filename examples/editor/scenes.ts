/**
 * Sample frames drawn in code (no image files): a street seen from a fixed camera, with a car
 * driving from left to right, a parked van, a pedestrian and a traffic sign. Frame `i` of `n`
 * moves the car and the pedestrian a little, like consecutive photos.
 */

/** Frame size in px. */
export const WIDTH = 960;
export const HEIGHT = 600;

/** Where the moving car is on frame `i` of `n` (image px box `[x, y, w, h]`). */
export function carBox(i: number, n: number): [number, number, number, number] {
  const t = n > 1 ? i / (n - 1) : 0;
  return [Math.round(120 + t * 520), 368, 190, 92];
}

/** Where the pedestrian is on frame `i` of `n` (image px box `[x, y, w, h]`). */
export function personBox(i: number, n: number): [number, number, number, number] {
  const t = n > 1 ? i / (n - 1) : 0;
  return [Math.round(820 - t * 90), 300, 44, 130];
}

function car(g: CanvasRenderingContext2D, [x, y, w, h]: number[], body: string): void {
  g.fillStyle = body;
  g.beginPath();
  g.roundRect(x!, y! + h! * 0.35, w!, h! * 0.45, 10);
  g.fill();
  g.beginPath();
  g.roundRect(x! + w! * 0.2, y!, w! * 0.55, h! * 0.45, 12);
  g.fill();
  g.fillStyle = '#b9d7ea';
  g.fillRect(x! + w! * 0.26, y! + h! * 0.08, w! * 0.2, h! * 0.3);
  g.fillRect(x! + w! * 0.5, y! + h! * 0.08, w! * 0.2, h! * 0.3);
  g.fillStyle = '#1b1b1b';
  for (const cx of [x! + w! * 0.22, x! + w! * 0.78]) {
    g.beginPath();
    g.arc(cx, y! + h! * 0.82, h! * 0.18, 0, Math.PI * 2);
    g.fill();
  }
}

function person(g: CanvasRenderingContext2D, [x, y, w, h]: number[]): void {
  g.fillStyle = '#f1c27d';
  g.beginPath();
  g.arc(x! + w! / 2, y! + h! * 0.1, h! * 0.09, 0, Math.PI * 2);
  g.fill();
  g.fillStyle = '#2f5d8a';
  g.fillRect(x! + w! * 0.2, y! + h! * 0.2, w! * 0.6, h! * 0.42);
  g.fillStyle = '#333';
  g.fillRect(x! + w! * 0.22, y! + h! * 0.62, w! * 0.22, h! * 0.38);
  g.fillRect(x! + w! * 0.56, y! + h! * 0.62, w! * 0.22, h! * 0.38);
}

/** Draws frame `i` of `n` on a new canvas. */
export function drawScene(i: number, n: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('2D canvas unavailable');
  const sky = g.createLinearGradient(0, 0, 0, 300);
  sky.addColorStop(0, i % 2 === 0 ? '#5b9bd5' : '#6aa6dc');
  sky.addColorStop(1, '#dcecf7');
  g.fillStyle = sky;
  g.fillRect(0, 0, WIDTH, 300);
  // Buildings.
  const fronts = ['#c9b79c', '#a7a9ac', '#d8c3a5', '#9e8f7e', '#bfb5a8'];
  for (let b = 0; b < 6; b++) {
    g.fillStyle = fronts[b % fronts.length]!;
    const bx = b * 170 - 20;
    const bh = 150 + ((b * 37) % 90);
    g.fillRect(bx, 300 - bh, 150, bh);
    g.fillStyle = 'rgba(40,60,80,0.55)';
    for (let wy = 300 - bh + 15; wy < 285; wy += 34) {
      for (let wx = bx + 14; wx < bx + 140; wx += 36) g.fillRect(wx, wy, 18, 20);
    }
  }
  // Pavement and road.
  g.fillStyle = '#b5b5b5';
  g.fillRect(0, 300, WIDTH, 60);
  g.fillStyle = '#4a4a4d';
  g.fillRect(0, 360, WIDTH, 240);
  g.fillStyle = '#f5f5f5';
  for (let x = 0; x < WIDTH; x += 120) g.fillRect(x + ((i * 6) % 120) - 60, 500, 60, 8);
  // Traffic sign.
  g.fillStyle = '#777';
  g.fillRect(58, 190, 6, 120);
  g.fillStyle = '#d0021b';
  g.beginPath();
  g.arc(61, 180, 26, 0, Math.PI * 2);
  g.fill();
  g.fillStyle = '#fff';
  g.fillRect(43, 175, 36, 10);
  // Parked van, moving car, pedestrian.
  car(g, [500, 250, 230, 110], '#f0f0f0');
  car(g, carBox(i, n), '#d62d20');
  person(g, personBox(i, n));
  g.fillStyle = 'rgba(0,0,0,0.6)';
  g.font = '14px system-ui, sans-serif';
  g.fillText(`sample frame ${i + 1}`, 12, HEIGHT - 12);
  return canvas;
}
