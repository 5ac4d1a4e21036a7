/** @jest-environment node */
/**
 * docs/product.md, "Validation: findings": the rule ids the engine emits, each with a describe block in this folder that
 * fires it on a realistic workbook and shows the corrected workbook silent (rules.test.ts runs them all once more,
 * compactly); and the realistic base plans those tests start from read cleanly.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FindingSchema } from "../../src/core";
import { analyzePlan, analyzeSpec, expectClean, yearPlanSheet } from "./district-plan";
import { removeTempFiles } from "../support/workbook-builder";

afterAll(removeTempFiles);

/** Every rule id, with the test file in this folder that fires it and shows it silent once corrected. */
const RULES: Record<string, string> = {
  "duplicate-activity": "plan-rules.test.ts",
  "error-value": "marks.test.ts",
  "formula-like-label": "rows.test.ts",
  "frequency-mismatch": "frequency.test.ts",
  "goal-target-before-schedule": "goal-target.test.ts",
  "lookalike-mark": "marks.test.ts",
  "mark-outside-timeline": "marks.test.ts",
  "marks-without-activity": "rows.test.ts",
  "missing-owner": "plan-rules.test.ts",
  "no-plan": "timeline.test.ts",
  "no-timing": "plans-without-grids.test.ts",
  "unreadable-timing": "plans-without-grids.test.ts",
  "orphan-continuation": "rows.test.ts",
  "period-repeated": "timeline.test.ts",
  "periods-out-of-order": "timeline.test.ts",
  "repeated-mark": "marks.test.ts",
  "school-year-assumed": "timeline.test.ts",
  "school-years-not-consecutive": "timeline.test.ts",
  sequence: "sequence.test.ts",
  "split-mark": "marks.test.ts",
  "status-contradiction": "status-contradiction.test.ts",
  "standard-not-addressed": "rest-of-plan.test.ts",
  "statement-without-activity": "rest-of-plan.test.ts",
  "stray-line": "rows.test.ts",
  "unknown-standard": "rest-of-plan.test.ts",
  "unrecognized-mark": "marks.test.ts",
  "unscheduled-activity": "plan-rules.test.ts",
};

const CORE = join(__dirname, "..", "..", "src", "core");

test("the engine emits exactly these rule ids (a new rule needs its tests here)", () => {
  const emitted = new Set<string>();
  for (const file of readdirSync(CORE, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"))) {
    for (const m of readFileSync(join(CORE, file), "utf8").matchAll(/\brule: "([a-z-]+)"/g)) emitted.add(m[1]!);
  }
  expect([...emitted].sort()).toEqual(Object.keys(RULES).sort());
});

test.each(Object.entries(RULES))("%s has its describe block, with a test that fires it and one silent, in %s", (rule, file) => {
  const source = readFileSync(join(__dirname, file), "utf8");
  const start = source.indexOf(`describe("${rule}"`);
  expect(start).toBeGreaterThanOrEqual(0);
  const next = source.indexOf("\ndescribe(", start + 1);
  const block = source.slice(start, next < 0 ? undefined : next);
  expect(block).toMatch(/test(\.each\([^]*?\))?\(\s*"fires/);
  expect(block).toMatch(/test(\.each\([^]*?\))?\(\s*"(is )?silent/);
});

test("the base plan (by month) reads cleanly as of 2024-01-15", async () => {
  const report = await analyzePlan();
  expectClean(report);
  expect(report.plan.activities).toHaveLength(9);
  expect(report.plan.activities.every((a) => a.path.length === 1 && a.schedule.length > 0)).toBe(true);
  for (const f of report.findings) FindingSchema.parse(f);
});

test("the base five-year plan (by school year) reads cleanly", async () => {
  const report = await analyzeSpec(yearPlanSheet());
  expectClean(report);
  expect(report.plan.blocks.map((b) => [b.kind, b.periods.length, b.schoolYear])).toEqual([["school-year", 5, 2023]]);
  expect(report.plan.activities).toHaveLength(4);
});
