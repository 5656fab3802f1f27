// Draws the two app icons (a speech bubble with an "M") and writes them as PNGs: `npx tsx manifest/draw-icons.ts`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng, type RgbaImage } from './png-codec';

type Point = readonly [number, number];
type Rgba = readonly [number, number, number, number];
/** signed distance to a shape in unit coordinates (0..1 across the icon): negative inside, positive outside. */
type Shape = (x: number, y: number) => number;

/** teal blue of the colour icon; the manifest's accentColor uses the same value. */
export const ICON_BACKGROUND = '#0E7490';
// local bindings: jest runs modules in a vm context, where each global `Math` lookup is slow.
const { abs, max, min, round, sqrt } = Math;
const SAMPLES = 4;
const WHITE: Rgba = [255, 255, 255, 255];
const TRANSPARENT_WHITE: Rgba = [255, 255, 255, 0];

function roundedRect(x0: number, y0: number, x1: number, y1: number, radius: number): Shape {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - radius;
  const hy = (y1 - y0) / 2 - radius;
  return (x, y) => {
    const qx = abs(x - cx) - hx;
    const qy = abs(y - cy) - hy;
    return sqrt(max(qx, 0) ** 2 + max(qy, 0) ** 2) + min(max(qx, qy), 0) - radius;
  };
}

function polygon(points: readonly Point[]): Shape {
  const edges = points.map(([ax, ay], i) => {
    const [bx, by] = points[(i + 1) % points.length] as Point;
    return { ax, ay, by, ex: bx - ax, ey: by - ay, lengthSquared: (bx - ax) ** 2 + (by - ay) ** 2 };
  });
  return (x, y) => {
    let distance = Infinity;
    let inside = false;
    for (const { ax, ay, by, ex, ey, lengthSquared } of edges) {
      const t = max(0, min(1, ((x - ax) * ex + (y - ay) * ey) / lengthSquared));
      distance = min(distance, sqrt((x - ax - ex * t) ** 2 + (y - ay - ey * t) ** 2));
      if (ay > y !== by > y && x < ax + ((y - ay) * ex) / ey) inside = !inside;
    }
    return inside ? -distance : distance;
  };
}

const union =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    min(a(x, y), b(x, y));

/** scales a shape about the icon centre, so the same mark can fill more of the small outline icon. */
const scaled =
  (shape: Shape, factor: number): Shape =>
  (x, y) =>
    shape(0.5 + (x - 0.5) / factor, 0.5 + (y - 0.5) / factor) * factor;

const bubble = union(
  roundedRect(0.18, 0.2, 0.82, 0.68, 0.12),
  polygon([
    [0.3, 0.55],
    [0.46, 0.55],
    [0.27, 0.83],
  ]),
);

const letterM = polygon([
  [0.36, 0.56],
  [0.36, 0.32],
  [0.425, 0.32],
  [0.5, 0.425],
  [0.575, 0.32],
  [0.64, 0.32],
  [0.64, 0.56],
  [0.58, 0.56],
  [0.58, 0.42],
  [0.5, 0.525],
  [0.42, 0.42],
  [0.42, 0.56],
]);

function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/** renders an image by asking `colorAt` for the RGBA colour of SAMPLES × SAMPLES points per pixel and averaging them. */
function render(size: number, colorAt: (x: number, y: number) => Rgba): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const color = colorAt((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          for (let i = 0; i < 4; i++) sum[i] = (sum[i] as number) + (color[i] as number);
        }
      }
      sum.forEach((total, i) => (pixels[(py * size + px) * 4 + i] = round(total / (SAMPLES * SAMPLES))));
    }
  }
  return { width: size, height: size, pixels };
}

/** the 192 × 192 full-colour icon: a white speech bubble with a teal "M" on a teal-blue square. */
export function drawColorIcon(): RgbaImage {
  const background: Rgba = [...hexToRgb(ICON_BACKGROUND), 255];
  return render(192, (x, y) => (bubble(x, y) <= 0 && letterM(x, y) > 0 ? WHITE : background));
}

/** the 32 × 32 outline icon: the bubble's outline and the "M" in white on transparent, as Teams requires. */
export function drawOutlineIcon(): RgbaImage {
  const outline = scaled(bubble, 1.35);
  const letter = scaled(letterM, 1.35);
  const stroke = 2 / 32;
  return render(32, (x, y) => {
    const d = outline(x, y);
    return (d <= 0 && d > -stroke) || letter(x, y) <= 0 ? WHITE : TRANSPARENT_WHITE;
  });
}

if (require.main === module) {
  writeFileSync(join(__dirname, 'color.png'), encodePng(drawColorIcon()));
  writeFileSync(join(__dirname, 'outline.png'), encodePng(drawOutlineIcon()));
  console.log(`wrote ${join(__dirname, 'color.png')} and ${join(__dirname, 'outline.png')}`);
}
