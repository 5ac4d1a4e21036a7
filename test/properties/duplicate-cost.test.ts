/** @jest-environment node */
/**
 * The duplicate search stays linear in the labels whatever they say (issue 17): on templated near-copies (one
 * school's plan copied for many schools, the school named in every label), doubling the rows roughly doubles the
 * label comparisons; and copies of a template are still found, one finding per group.
 */
import fc from "fast-check";
import { analyzeSheet, readPlan, type CellValue, type Grid } from "../../src/core";
import { findDuplicates } from "../../src/core/rules/duplicate-activity";
import { readLabelWords } from "../../src/core/rules/label-words";
import { templatedGrid } from "../../scripts/bench/synthetic";

const WORDS = ["coaching", "walkthrough", "literacy", "data", "family", "survey", "plc", "calendar", "framework", "equity", "math", "review", "share", "train", "plan", "meeting", "tool", "cycle"];
const SCHOOLS = ["oak", "maple", "cedar", "lincoln", "adams", "park", "river", "hill", "north", "south"];

/** `schools` copies of a template whose labels are `template`, each with a school's name (two words, no number). */
function copies(template: string[][], schools: number): string[] {
  const out: string[] = [];
  for (let s = 0; s < schools; s++) {
    const school = `${SCHOOLS[s % SCHOOLS.length]} ${SCHOOLS[Math.floor(s / SCHOOLS.length) % SCHOOLS.length]}`;
    for (const words of template) out.push(`Plan ${words.join(" ")} at ${school} school`);
  }
  return out;
}

function comparisons(texts: string[]): number {
  const grid: Grid = { sheet: "Plan", top: 0, left: 0, values: [["Action Step", "Jul", "Aug", "Sep"], ...texts.map((t): CellValue[] => [t, "X", null, null])] };
  const { plan } = readPlan(grid, { today: "2024-01-15" });
  expect(plan.activities).toHaveLength(texts.length);
  return findDuplicates(plan.activities.map((a) => a.text), readLabelWords(plan)).comparisons;
}

test("doubling the rows of a templated sheet at most about doubles the label comparisons", () => {
  const template = fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 9 }), { minLength: 3, maxLength: 12 });
  fc.assert(
    fc.property(template, fc.integer({ min: 80, max: 150 }), (t, schools) => {
      const once = comparisons(copies(t, schools));
      const twice = comparisons(copies(t, schools * 2));
      // Each label is compared with at most a bounded number of earlier ones.
      expect(once).toBeLessThanOrEqual(t.length * schools * 32 * 2);
      expect(twice).toBeLessThanOrEqual(2.3 * once + 100);
    }),
    { numRuns: 6 },
  );
});

test("templated plans: a label and its copy at another school are two activities (the school or its number differs)", () => {
  const report = analyzeSheet(templatedGrid(40), { asOf: "2024-01-15" });
  expect(report.findings.filter((f) => f.rule === "duplicate-activity")).toEqual([]);
});

test("copies pasted many times make one finding per group, naming the copies", () => {
  const rows: CellValue[][] = [["Action Step", "Owner", "Jul", "Aug", "Sep"]];
  for (let i = 0; i < 30; i++) {
    rows.push(["Review walkthrough data with the PLC team", "Principal", "X", null, null]);
    rows.push([`Walkthrough cycle ${i + 1} with coaches`, "Coach", null, "X", null]);
  }
  const report = analyzeSheet({ sheet: "Plan", top: 0, left: 0, values: rows }, { asOf: "2024-01-15" });
  const found = report.findings.filter((f) => f.rule === "duplicate-activity");
  expect(found).toHaveLength(1);
  expect(found[0]!.cell).toBe("'Plan'!A4");
  expect(found[0]!.message).toBe(
    '"Review walkthrough data with the PLC team" is listed 30 times: at A2, A4, A6, A8, A10 and 25 more. If they are one activity, keep one; if not, say in the text how they differ.',
  );
});
