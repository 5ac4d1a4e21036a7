/** @jest-environment node */
/**
 * Seed 000 (the MPS "Activities and Milestones" grid, pasted from a PDF), read as tab-separated text through the
 * command line's reader: exactly the activities, schedules and totals of test/fixtures/seed-000.expected.json
 * as of 2024-01-15, and line 43 (a stray copy of the next line) reported, not counted.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeSheet, type SheetReport } from "../src/core";
import { loadFile } from "../src/cli/read-workbook";

interface Expected {
  asOf: string;
  totals: Record<"activities" | "scheduled" | "done" | "overdue" | "current" | "upcoming" | "unscheduled", number>;
  activities: { text: string; schedule: { start: string; end: string; state: string }[] }[];
}

const SEED = join(__dirname, "seeds", "000_405e358498157e63.txt");
const expected = JSON.parse(readFileSync(join(__dirname, "fixtures", "seed-000.expected.json"), "utf8")) as Expected;

let report: SheetReport;

beforeAll(async () => {
  const file = await loadFile(SEED);
  expect(file.kind).toBe("tsv");
  expect(file.grids).toHaveLength(1);
  report = analyzeSheet(file.grids[0]!, { asOf: expected.asOf });
});

test("the plan has exactly the expected activities, in order", () => {
  expect(report.plan.activities.map((a) => a.text)).toEqual(expected.activities.map((a) => a.text));
});

test.each(expected.activities.map((a, i) => [i + 1, a.text.slice(0, 50), i] as const))(
  "activity %i (%s...) has the expected schedule",
  (_n, _text, i) => {
    const actual = report.plan.activities[i]!;
    expect(actual.text).toBe(expected.activities[i]!.text);
    expect(actual.schedule.map((m) => ({ start: m.start, end: m.end, state: m.state }))).toEqual(expected.activities[i]!.schedule);
  },
);

test("the totals as of 2024-01-15 are the expected ones", () => {
  expect(report.summary.asOf).toBe("2024-01-15");
  const { activities, scheduled, done, overdue, current, upcoming, unscheduled } = report.summary.totals;
  expect({ activities, scheduled, done, overdue, current, upcoming, unscheduled }).toEqual(expected.totals);
  expect(report.summary.totals.cancelled).toBe(0);
});

test("line 43 is not an activity but a stray-line finding", () => {
  const line43 = "Develop professional learning for staff that includes also";
  expect(report.plan.activities.some((a) => a.rows.includes(43))).toBe(false);
  expect(report.plan.activities.some((a) => a.text === line43)).toBe(false);
  const stray = report.findings.filter((f) => f.rule === "stray-line");
  expect(stray).toHaveLength(1);
  expect(stray[0]!.cell).toBe("'000_405e358498157e63'!A43");
  expect(stray[0]!.severity).toBe("warning");
  expect(stray[0]!.message).toContain(line43);
});

test("the three blocks: school years 23-24..27-28, then July..June twice under Strategic Planning 2023-2024", () => {
  expect(report.plan.blocks.map((b) => [b.kind, b.periods.length, b.title, b.schoolYear])).toEqual([
    ["school-year", 5, expect.stringMatching(/^By 2028/), 2023],
    ["month", 12, "Strategic Planning 2023-2024", 2023],
    ["month", 12, "Strategic Planning 2023-2024", 2023],
  ]);
});
