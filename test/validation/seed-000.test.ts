/** @jest-environment node */
/**
 * Seed 000 (the MPS grid pasted from a PDF), read as tab-separated text through the command line's reader and
 * validated as of 2024-01-15: the stray line 43 is the one warning; its Develop / Implement / Monitor steps are in
 * order, its "Meet quarterly" (Oct, Jan, Mar, Jun) and "annually" lines agree with their marks, nothing is a
 * duplicate, and the goal "By 2028" holds for work that ends in 2027-28. The rest is information about the paste.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { analyzeSheet, FindingSchema, type SheetReport } from "../../src/core";
import { loadFile } from "../../src/cli/read-workbook";
import { findingsOf } from "../support/read-back";

const SEEDS = join(__dirname, "..", "seeds");
const SEED = join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith("000_") && f.endsWith(".txt"))!);

let report: SheetReport;

beforeAll(async () => {
  const file = await loadFile(SEED);
  expect(file.kind).toBe("tsv");
  report = analyzeSheet(file.grids[0]!, { asOf: "2024-01-15" });
});

const cell = (a1: string): string => `'${report.sheet}'!${a1}`;

test("the stray line 43 is the one stray-line finding, with a fix that clears it", () => {
  const [stray, ...more] = findingsOf(report, "stray-line");
  expect(more).toEqual([]);
  expect(stray).toMatchObject({ severity: "warning", cell: cell("A43") });
  expect(stray!.message).toContain('Row 43 ("Develop professional learning for staff that includes also") repeats the start of row 44');
  expect(stray!.fix?.edits).toEqual([{ cell: cell("A43"), value: null, before: "Develop professional learning for staff that includes also" }]);
});

test.each(["sequence", "frequency-mismatch", "duplicate-activity"])("no %s finding", (rule) => {
  expect(findingsOf(report, rule)).toEqual([]);
});

test("no other warning or error: the rest is information (lookalike and split X's)", () => {
  expect(report.findings.filter((f) => f.severity !== "info").map((f) => f.rule)).toEqual(["stray-line"]);
  expect(new Set(report.findings.filter((f) => f.severity === "info").map((f) => f.rule))).toEqual(new Set(["lookalike-mark", "split-mark"]));
  for (const f of report.findings) FindingSchema.parse(f);
});

test("the frequency and sequence lines the checks read are there, with the marks that satisfy them", () => {
  const quarterly = report.plan.activities.find((a) => a.text.startsWith("Meet quarterly"))!;
  expect(quarterly.schedule.map((m) => m.period)).toEqual(["Oct 2023", "Jan 2024", "Mar 2024", "Jun 2024"]);
  const firsts = ["Develop a professional learning community", "Implement the PLC model", "Monitor the PLC model"].map(
    (start) => report.plan.activities.find((a) => a.text.startsWith(start))!.schedule[0]!.start,
  );
  expect(firsts).toEqual(["2023-07-01", "2023-10-01", "2023-11-01"]);
  expect(report.plan.goals.map((g) => g.targetYear)).toContain(2028);
  expect(findingsOf(report, "goal-target-before-schedule")).toEqual([]);
});
