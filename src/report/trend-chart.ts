import type { TrendPoint } from "../core/history/trend";

/** The three lines of the trend chart, with how each is told apart without colour. */
export const TREND_SERIES = [
  { key: "done", name: "Done", color: "#107C10", dash: "" },
  { key: "overdue", name: "Overdue", color: "#C50F1F", dash: "6 3" },
  { key: "current", name: "Current", color: "#8A6A00", dash: "2 3" },
] as const;

export interface TrendChart {
  width: number;
  height: number;
  /** The plotting area inside the axes. */
  plot: { left: number; top: number; right: number; bottom: number };
  /** Each series' points as an SVG `points` list, and its last point. */
  lines: { key: (typeof TREND_SERIES)[number]["key"]; name: string; color: string; dash: string; points: string; last: { x: number; y: number } }[];
  /** Value axis ticks and date labels (first, last and a few between). */
  yTicks: { y: number; label: string }[];
  xLabels: { x: number; label: string; anchor: "start" | "middle" | "end" }[];
}

/** Where the lines of a trend chart go in a `width` x `height` drawing: host-neutral, drawn by the task pane and the report alike. */
export function trendChart(points: readonly TrendPoint[], width: number, height: number, label: (asOf: string) => string): TrendChart {
  const plot = { left: 34, top: 8, right: width - 10, bottom: height - 22 };
  const max = Math.max(1, ...points.flatMap((p) => [p.done, p.overdue, p.current]));
  // A round top for the value axis, at least the largest value: 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 or 10 times a power of ten.
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const top = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map((f) => f * magnitude).find((v) => v >= max) ?? max;
  const x = (i: number): number => (points.length <= 1 ? (plot.left + plot.right) / 2 : plot.left + ((plot.right - plot.left) * i) / (points.length - 1));
  const y = (v: number): number => plot.bottom - ((plot.bottom - plot.top) * v) / top;
  const round = (n: number): number => Math.round(n * 10) / 10;
  const lines = TREND_SERIES.map((s) => {
    const xy = points.map((p, i) => ({ x: round(x(i)), y: round(y(p[s.key])) }));
    return { ...s, points: xy.map((p) => `${p.x},${p.y}`).join(" "), last: xy[xy.length - 1] ?? { x: plot.left, y: plot.bottom } };
  });
  const yTicks = [0, top / 2, top].map((v) => ({ y: round(y(v)), label: String(Math.round(v * 10) / 10) }));
  const shown = new Set<number>([0, points.length - 1]);
  const room = Math.max(1, Math.floor((plot.right - plot.left) / 120));
  for (let k = 1; k < room; k++) shown.add(Math.round((k * (points.length - 1)) / room));
  const xLabels = [...shown]
    .filter((i) => i >= 0 && i < points.length)
    .sort((a, b) => a - b)
    .map((i): { x: number; label: string; anchor: "start" | "middle" | "end" } => ({
      x: round(x(i)),
      label: label(points[i]!.asOf),
      anchor: points.length === 1 ? "middle" : i === 0 ? "start" : i === points.length - 1 ? "end" : "middle",
    }));
  return { width, height, plot, lines, yTicks, xLabels };
}
