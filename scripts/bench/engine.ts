/**
 * The engine alone on generated grids, in a process of its own running the engine compiled to JavaScript (bench.ts
 * compiles and runs it): the whole engine in timeline cells per second, the cost per row of a 10,000-row grid beside
 * a 10,000-row action-plan table with its timing in words, then each stage on its own (read, validate, status,
 * summary, the JSON document), on a district-style grid, the table, the grid with non-ASCII labels, and templated
 * near-copies (one school's plan copied for many schools).
 */
import { performance } from "node:perf_hooks";
import { analyzeSheet } from "../../src/core/analyze";
import { sheetDocument } from "../../src/core/contract";
import type { Grid } from "../../src/core/grid";
import { readPlan } from "../../src/core/reading/read-plan";
import { resolveSettings } from "../../src/core/settings";
import { statusAsOf } from "../../src/core/status";
import { summarize } from "../../src/core/summary";
import { validatePlan } from "../../src/core/rules";
import { nonAsciiGrid, syntheticGrid, syntheticTableGrid, templatedGrid } from "./synthetic";

const AS_OF = "2025-01-15";

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

const best = (times: number[]): number => Math.min(...times);
const median = (times: number[]): number => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

function whole(): void {
  console.log("Engine alone (read + validate + status + summary), best run of at least 5 and 2 s, after 3 warm-up runs:");
  const warm = syntheticGrid(2_000, 24, 99);
  for (let i = 0; i < 3; i++) analyzeSheet(warm, { asOf: AS_OF });
  for (const [activities, months] of [
    [1_000, 12],
    [10_000, 60],
  ] as const) {
    const grid = syntheticGrid(activities, months);
    let marks = 0;
    const times = repeat(() => {
      marks = analyzeSheet(grid, { asOf: AS_OF }).summary.totals.scheduled;
    }, 5, 2_000);
    const cells = grid.values.length * months;
    const ms = best(times);
    const mid = median(times);
    console.log(
      `  ${activities.toLocaleString("en-US")} activities x ${months} months: best ${ms.toFixed(1)} ms, ` +
        `${((cells / ms) * 1000 / 1e6).toFixed(2)} million timeline cells/s (median of ${times.length} runs ${mid.toFixed(1)} ms, ` +
        `${((cells / mid) * 1000 / 1e6).toFixed(2)} million/s; ${marks.toLocaleString("en-US")} marks)`,
    );
  }
}

/**
 * The cost per row of a 10,000-row plan: the 10,000 x 12 grid beside a 10,000-row action-plan table with its timing
 * in words (synthetic.ts: months, ranges, seasons, lists, deadlines, frequencies, dates in words and date cells). The
 * two take turns, so that a machine slowed by its neighbours slows both alike.
 */
function perRow(): void {
  console.log("Per row, 10,000 rows, engine alone (read + validate + status + summary), the two in turn, best of at least 8 runs each and 4 s:");
  const plans: [string, Grid][] = [
    ["grid, 12 month columns", syntheticGrid(10_000, 12)],
    ["action-plan table, timing in words", syntheticTableGrid(10_000)],
  ];
  const marks = plans.map(([, grid]) => {
    for (let i = 0; i < 3; i++) analyzeSheet(grid, { asOf: AS_OF });
    return analyzeSheet(grid, { asOf: AS_OF }).summary.totals.scheduled;
  });
  const times: number[][] = plans.map(() => []);
  const start = performance.now();
  while (times[0]!.length < 8 || performance.now() - start < 4_000) plans.forEach(([, grid], k) => times[k]!.push(time(() => analyzeSheet(grid, { asOf: AS_OF }))));
  plans.forEach(([name], k) => {
    const ms = best(times[k]!);
    console.log(`  ${name.padEnd(36)} best ${ms.toFixed(1)} ms, ${((ms * 1000) / 10_000).toFixed(2)} \u00b5s a row (median ${median(times[k]!).toFixed(1)} ms; ${marks[k]!.toLocaleString("en-US")} marks or entries)`);
  });
  console.log(`  the table costs ${(best(times[1]!) / best(times[0]!)).toFixed(2)}x the grid per row (medians ${(median(times[1]!) / median(times[0]!)).toFixed(2)}x)`);
}

/** Each stage alone, best of at least 20 runs and 1 s, on the output of the stage before it. */
function stages(name: string, grid: Grid): void {
  const settings = resolveSettings(undefined);
  const read = readPlan(grid, { settings, today: AS_OF });
  const findings = [...read.findings, ...validatePlan(read.plan, AS_OF, read.findings)];
  const status = statusAsOf(read.plan, AS_OF, settings.dueSoonDays);
  const summary = summarize(read.plan, status, findings);
  const report = { sheet: grid.sheet, plan: read.plan, findings, status, summary };
  const figures: [string, () => void][] = [
    ["read", () => readPlan(grid, { settings, today: AS_OF })],
    ["validate", () => validatePlan(read.plan, AS_OF, read.findings)],
    ["status", () => statusAsOf(read.plan, AS_OF, settings.dueSoonDays)],
    ["summary", () => summarize(read.plan, status, findings)],
    ["JSON", () => JSON.stringify(sheetDocument(report))],
  ];
  const parts = figures.map(([stage, fn]) => {
    for (let i = 0; i < 3; i++) fn();
    return `${stage} ${best(repeat(fn, 20, 1_000)).toFixed(2)}`;
  });
  console.log(`  ${name} (${read.plan.activities.length.toLocaleString("en-US")} activities, ${findings.length.toLocaleString("en-US")} findings): ${parts.join(", ")} ms`);
}

whole();
perRow();
console.log("Each stage alone, best of at least 20 runs and 1 s (ms):");
stages("district grid 1,000 x 12", syntheticGrid(1_000, 12));
stages("district grid 10,000 x 12", syntheticGrid(10_000, 12));
stages("action-plan table, 10,000 rows, timing in words", syntheticTableGrid(10_000));
stages("district grid 10,000 x 60", syntheticGrid(10_000, 60));
stages("non-ASCII labels 1,000 x 12", nonAsciiGrid(1_000, 12));
stages("templated near-copies, 125 schools x 8 (1,000 rows)", templatedGrid(125));
stages("templated near-copies, 1,250 schools x 8 (10,000 rows)", templatedGrid(1_250));
console.log(`  peak memory of the engine's process (resident set): ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB`);
