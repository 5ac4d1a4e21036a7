/**
 * Draws the add-in's icons and writes them to assets/ as PNG files (Office blue #0F6CBD on transparent).
 *
 *   ts-node scripts/manifest/make-icons.ts [--out assets]
 *
 * - icon-<size>.png: a calendar with a check-mark badge (the add-in and its "Milestone Monitor" button);
 * - refresh-<size>.png: a clockwise circular arrow (the "Refresh status" button).
 *
 * Each size is laid out on its own pixel grid (strokes are whole pixels and sit on pixel edges, so the
 * 16 px icons stay crisp), then rendered with 8x8 supersampling for anti-aliased curves. The output is
 * deterministic: running the script again gives the same bytes (test/manifest/icons.test.ts checks it).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { encodePng } from "./png";

type Rgb = readonly [number, number, number];
/** Whether the point (x, y), in pixels from the top-left corner of the image, is inside a shape. */
type Shape = (x: number, y: number) => boolean;
interface Layer {
  /** A colour to paint the shape with, or "erase" to cut the shape out of what is below. */
  paint: Rgb | "erase";
  shape: Shape;
}

export const OFFICE_BLUE: Rgb = [0x0f, 0x6c, 0xbd];
const WHITE: Rgb = [0xff, 0xff, 0xff];

export const ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80, 128] as const;
export const REFRESH_SIZES = [16, 20, 24, 32, 40, 48, 64, 80] as const;

// ---------------------------------------------------------------------------------------------------------
// Shapes

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) => {
    for (const s of shapes) if (s(x, y)) return true;
    return false;
  };

const minus =
  (shape: Shape, hole: Shape): Shape =>
  (x, y) =>
    shape(x, y) && !hole(x, y);

function roundRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = x < x0 + r ? x0 + r : x > x1 - r ? x1 - r : x;
    const cy = y < y0 + r ? y0 + r : y > y1 - r ? y1 - r : y;
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

function circle(cx: number, cy: number, r: number): Shape {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** A line from a to b, `w` wide, with round ends. */
function segment(ax: number, ay: number, bx: number, by: number, w: number): Shape {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const [left, right] = ax < bx ? [ax - w / 2, bx + w / 2] : [bx - w / 2, ax + w / 2];
  const [top, bottom] = ay < by ? [ay - w / 2, by + w / 2] : [by - w / 2, ay + w / 2];
  return (x, y) => {
    if (x < left || x > right || y < top || y > bottom) return false;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
    return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (w * w) / 4;
  };
}

function polyline(points: ReadonlyArray<readonly [number, number]>, w: number): Shape {
  const parts: Shape[] = [];
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1]!;
    const [bx, by] = points[i]!;
    parts.push(segment(ax, ay, bx, by, w));
  }
  return union(...parts);
}

function polygon(points: ReadonlyArray<readonly [number, number]>): Shape {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i]!;
      const [xj, yj] = points[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

/**
 * A ring segment around (cx, cy) of radius r and width w, from angle `from` clockwise to angle `to`
 * (degrees, 0 = east, 90 = south: screen coordinates).
 */
function arc(cx: number, cy: number, r: number, w: number, from: number, to: number): Shape {
  const sweep = (((to - from) % 360) + 360) % 360;
  const inner2 = Math.max(0, r - w / 2) ** 2;
  const outer2 = (r + w / 2) ** 2;
  return (x, y) => {
    const d2 = (x - cx) ** 2 + (y - cy) ** 2;
    if (d2 < inner2 || d2 > outer2) return false;
    const a = (Math.atan2(y - cy, x - cx) * 180) / Math.PI;
    return (((a - from) % 360) + 360) % 360 <= sweep;
  };
}

// ---------------------------------------------------------------------------------------------------------
// Rendering

const SUPERSAMPLE = 8;

/** Paints the layers in order; returns straight-alpha RGBA bytes. */
function rasterize(size: number, layers: Layer[]): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = px + (sx + 0.5) / n;
          const y = py + (sy + 0.5) / n;
          let colour: Rgb | null = null;
          for (const layer of layers) {
            if (layer.shape(x, y)) colour = layer.paint === "erase" ? null : layer.paint;
          }
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            covered++;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (covered > 0) {
        out[i] = Math.round(r / covered);
        out[i + 1] = Math.round(g / covered);
        out[i + 2] = Math.round(b / covered);
        out[i + 3] = Math.round((covered * 255) / (n * n));
      }
    }
  }
  return out;
}

/** Stroke width in whole pixels for an icon of `size` px: 1 px up to 24 px, 2 px at 32-48, then ~1/20 of the size. */
function strokeWidth(size: number): number {
  return Math.max(1, Math.round(size / 20));
}

/** Centre coordinate near `v` at which a `w`-wide vertical or horizontal line covers whole pixels. */
function snapCentre(v: number, w: number): number {
  return w % 2 === 1 ? Math.floor(v) + 0.5 : Math.round(v);
}

// ---------------------------------------------------------------------------------------------------------
// Glyphs (laid out on a 32-unit design grid, k = pixels per unit)

/** A calendar page (binding rings, filled header, day cells) with a round check-mark badge at bottom right. */
export function calendarCheckLayers(size: number): Layer[] {
  const k = size / 32;
  const w = strokeWidth(size);
  const R = Math.round;

  // calendar page
  const x0 = R(3 * k);
  const x1 = size - R(3 * k);
  const y0 = R(6 * k);
  const y1 = size - R(3 * k);
  const radius = Math.max(1, 3 * k);
  const headerBottom = y0 + Math.max(3, R(7 * k));
  const outline = roundRect(x0, y0, x1, y1, radius);
  const page = minus(outline, roundRect(x0 + w, y0 + w, x1 - w, y1 - w, Math.max(0, radius - w)));
  const header: Shape = (x, y) => y <= headerBottom && outline(x, y);

  // binding rings: two bars above the page; from 32 px up they reach into the header, cut free by a gap
  const detailed = size >= 32;
  const ringW = Math.max(w, R(2.5 * k));
  const ringTop = Math.max(0, R(2 * k));
  const ringBottom = detailed ? y0 + R(3 * k) : y0 + 1;
  const ringCentres = [10, 22].map((u) => snapCentre(u * k, ringW));
  const ringRadius = detailed ? Math.min(ringW / 2, 1 * k) : 0;
  const rings = ringCentres.map((cx) => roundRect(cx - ringW / 2, ringTop, cx + ringW / 2, ringBottom, ringRadius));
  const ringGap = Math.max(1, R(1 * k));
  const ringGaps = detailed
    ? ringCentres.map((cx) =>
        roundRect(cx - ringW / 2 - ringGap, ringTop - ringGap, cx + ringW / 2 + ringGap, ringBottom + ringGap, ringRadius + ringGap),
      )
    : [];

  // check-mark badge
  const badgeR = 7.5 * k;
  const bx = size - badgeR - 0.5 * k;
  const by = size - badgeR - 0.5 * k;
  const gap = Math.max(1, R(1.5 * k));
  const checkW = Math.max(1, 2 * k);
  const u = badgeR / 8;
  const check = polyline(
    [
      [bx - 3.6 * u, by + 0.2 * u],
      [bx - 1.1 * u, by + 2.7 * u],
      [bx + 3.8 * u, by - 2.4 * u],
    ],
    checkW,
  );

  const layers: Layer[] = [
    { paint: OFFICE_BLUE, shape: union(page, header) },
    ...ringGaps.map((shape): Layer => ({ paint: "erase", shape })),
    ...rings.map((shape): Layer => ({ paint: OFFICE_BLUE, shape })),
  ];

  // day cells, from 32 px up: a grid of small squares, leaving room for the badge
  if (detailed) {
    const cell = Math.max(2, R(3 * k));
    const cols = 4;
    const rows = 3;
    const innerX0 = x0 + w;
    const innerX1 = x1 - w;
    const innerY0 = headerBottom;
    const innerY1 = y1 - w;
    const stepX = (innerX1 - innerX0 - cols * cell) / (cols + 1);
    const stepY = (innerY1 - innerY0 - rows * cell) / (rows + 1);
    const cells: Shape[] = [];
    for (let row = 0; row < rows; row++) {
      for (let col = 0; col < cols; col++) {
        const cx0 = R(innerX0 + stepX + col * (cell + stepX));
        const cy0 = R(innerY0 + stepY + row * (cell + stepY));
        const cx1 = cx0 + cell;
        const cy1 = cy0 + cell;
        // leave out cells that the badge (with its gap) would clip
        const nearestX = Math.max(cx0, Math.min(bx, cx1));
        const nearestY = Math.max(cy0, Math.min(by, cy1));
        if (Math.hypot(nearestX - bx, nearestY - by) < badgeR + gap + 0.5 * k) continue;
        cells.push(roundRect(cx0, cy0, cx1, cy1, 0.5 * k));
      }
    }
    layers.push({ paint: OFFICE_BLUE, shape: union(...cells) });
  }

  layers.push(
    { paint: "erase", shape: circle(bx, by, badgeR + gap) },
    { paint: OFFICE_BLUE, shape: circle(bx, by, badgeR) },
    { paint: WHITE, shape: check },
  );
  return layers;
}

/** A clockwise circular arrow: a ring open at the top right, with an arrowhead at the top pointing right. */
export function refreshLayers(size: number): Layer[] {
  const k = size / 32;
  const w = Math.max(2, Math.round(size / 13)); // a heavier stroke than the calendar's: the ring is the whole glyph
  const r = Math.round(10 * k + w / 2) - w / 2; // outer edge on a pixel edge
  const half = Math.max(3, 1.3 * w + 1.5 * k); // half the arrowhead's base
  const length = half * 1.15;
  // centre the glyph from the arrowhead's tip (top) to the ring's outer edge (bottom)
  const cx = snapCentre(size / 2, w);
  const cy = snapCentre((size + half - w / 2) / 2, w);
  const end = -90; // the arrowhead sits at the top of the ring
  const start = -25; // the ring starts at the right, just below the gap
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const ring = union(
    arc(cx, cy, r, w, start, end),
    circle(cx + r * Math.cos(rad(start)), cy + r * Math.sin(rad(start)), w / 2),
  );
  // arrowhead: a triangle whose base crosses the ring's end, pointing clockwise (east at the top)
  const topY = cy - r;
  const head = polygon([
    [cx - 0.5, topY - half],
    [cx - 0.5 + length, topY],
    [cx - 0.5, topY + half],
  ]);
  return [{ paint: OFFICE_BLUE, shape: union(ring, head) }];
}

export function renderIcon(kind: "icon" | "refresh", size: number): Buffer {
  const layers = kind === "icon" ? calendarCheckLayers(size) : refreshLayers(size);
  return encodePng(size, size, rasterize(size, layers));
}

/** Every file this script writes, by name. */
export function iconFiles(): Array<{ name: string; kind: "icon" | "refresh"; size: number }> {
  return [
    ...ICON_SIZES.map((size) => ({ name: `icon-${size}.png`, kind: "icon" as const, size })),
    ...REFRESH_SIZES.map((size) => ({ name: `refresh-${size}.png`, kind: "refresh" as const, size })),
  ];
}

export function writeIcons(outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  return iconFiles().map(({ name, kind, size }) => {
    const file = path.join(outDir, name);
    writeFileSync(file, renderIcon(kind, size));
    return file;
  });
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf("--out");
  const outDir = path.resolve(outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1]! : path.join(__dirname, "../../assets"));
  for (const file of writeIcons(outDir)) console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
