/**
 * The engine alone (read + validate + status + summary) on synthetic grids: timeline cells per second. Run by
 * bench.ts in a process of its own, compiled to JavaScript.
 */
import { performance } from "node:perf_hooks";
import { analyzeSheet } from "../../src/core/analyze";
import { syntheticGrid } from "./synthetic";

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Runs `fn` at least `min` times and for at least `ms` milliseconds; the times of every run. */
function repeat(fn: () => void, min: number, ms: number): number[] {
  const times: number[] = [];
  const start = performance.now();
  while (times.length < min || performance.now() - start < ms) times.push(time(fn));
  return times;
}

function engine(): void {
  console.log("Engine alone (read + validate + status + summary), best run of at least 5 and 2 s, after 3 warm-up runs:");
  const warm = syntheticGrid(2_000, 24, 99);
  for (let i = 0; i < 3; i++) analyzeSheet(warm, { asOf: "2025-01-15" });
  for (const [activities, months] of [
    [1_000, 12],
    [10_000, 60],
  ] as const) {
    const grid = syntheticGrid(activities, months);
    let marks = 0;
    const times = repeat(() => {
      marks = analyzeSheet(grid, { asOf: "2025-01-15" }).summary.totals.scheduled;
    }, 5, 2_000);
    const cells = grid.values.length * months;
    const ms = Math.min(...times);
    const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    console.log(
      `  ${activities.toLocaleString("en-US")} activities x ${months} months: best ${ms.toFixed(1)} ms, ` +
        `${((cells / ms) * 1000 / 1e6).toFixed(2)} million timeline cells/s (median of ${times.length} runs ${median.toFixed(1)} ms, ` +
        `${((cells / median) * 1000 / 1e6).toFixed(2)} million/s; ${marks.toLocaleString("en-US")} marks)`,
    );
  }
}

engine();
console.log(`  peak memory of the engine's process (resident set): ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB`);
