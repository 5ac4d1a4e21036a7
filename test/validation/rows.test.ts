/** @jest-environment node */
/**
 * docs/product.md, "Validation: findings", the rows: marks on a row that belongs to no activity; an orphan continuation
 * line; the MPS seed's stray line (a copy of the start of the next line, left by a paste); label text a spreadsheet
 * reads as a formula. Each fires on the realistic district plan written as .xlsx and read back through the command
 * line's reader, and stays silent once the planner corrects the rows (by the fix, where the rule offers one).
 */
import { activity } from "../support/read-back";
import { removeTempFiles } from "../support/workbook-builder";
import {
  analyzePlan,
  analyzeSpec,
  BASE_LINES,
  blank,
  cell,
  col,
  expectClean,
  expectSilent,
  insertAfter,
  line,
  only,
  planSheet,
  replace,
  rowOf,
  step,
  withEdits,
} from "./district-plan";

afterAll(removeTempFiles);

describe("marks-without-activity", () => {
  // January's coaching cycle typed on a row of its own, with blank rows around it.
  const lines = insertAfter(BASE_LINES, "Provide coaching", blank, line(null, ["January"]), blank);
  const r = rowOf(lines, "Provide coaching") + 2;

  test("fires on the row of marks that touches no activity; its marks are not counted", async () => {
    const report = await analyzePlan(lines);
    const f = only(report, "marks-without-activity");
    expect(f.severity).toBe("warning");
    expect(f.cell).toBe(cell(`${col("January")}${r}`));
    expect(f.message).toContain(`Row ${r} has marks but no activity text`);
    expect(f.message).toMatch(/not counted; put them on the activity's row/);
    expect(activity(report, "Provide coaching").schedule.map((m) => m.period)).toEqual(["Sep 2023", "Nov 2023", "Feb 2024", "Apr 2024"]);
  });

  test("silent once the row of marks sits right under its activity (and is counted)", async () => {
    const report = await analyzePlan(insertAfter(BASE_LINES, "Provide coaching", line(null, ["January"])));
    expectSilent(report, "marks-without-activity");
    expectClean(report);
    expect(activity(report, "Provide coaching").schedule.map((m) => m.period)).toEqual(["Sep 2023", "Nov 2023", "Jan 2024", "Feb 2024", "Apr 2024"]);
  });
});

describe("orphan-continuation", () => {
  // The paste lost the first line of the block's first activity: what is left starts in lower case.
  const lines = [step("learning needs of staff, surveyed in July.", "PL Coordinator", ["July"]), ...BASE_LINES];

  test("fires on the lower-case line that no activity comes before", async () => {
    const report = await analyzePlan(lines);
    const f = only(report, "orphan-continuation");
    expect(f.severity).toBe("warning");
    expect(f.cell).toBe(cell("A5"));
    expect(f.message).toContain('"learning needs of staff, surveyed in July." (A5)');
    expect(f.message).toMatch(/rest of a wrapped line/);
    expect(f.message).toMatch(/join it to the line it belongs to, or capitalize it/);
    // It is still read, as an activity of its own.
    expect(activity(report, "learning needs").schedule).toHaveLength(1);
  });

  test("silent once the line is written whole", async () => {
    const report = await analyzePlan([step("Survey the professional learning needs of staff before the school year starts.", "PL Coordinator", ["July"]), ...BASE_LINES]);
    expectSilent(report, "orphan-continuation");
    expectClean(report);
  });
});

describe("stray-line", () => {
  // As on line 43 of the MPS seed: the start of the next line, pasted once too often, with no marks.
  const lines = insertAfter(BASE_LINES, "Goal 1:", line("Develop a PLC model for CSI schools, also"));
  const r = rowOf(lines, "Develop a PLC model for CSI schools, also");

  test("fires on the stray copy, which is not counted, and offers to clear it", async () => {
    const report = await analyzePlan(lines);
    const f = only(report, "stray-line");
    expect(f.severity).toBe("warning");
    expect(f.cell).toBe(cell(`A${r}`));
    expect(f.message).toContain(`Row ${r} ("Develop a PLC model for CSI schools, also") repeats the start of row ${r + 1}`);
    expect(f.message).toMatch(/Delete it if it is not meant to be there/);
    expect(f.fix?.edits).toEqual([{ cell: cell(`A${r}`), value: null, before: "Develop a PLC model for CSI schools, also" }]);
    expect(report.plan.activities).toHaveLength(9);
    expect(report.plan.activities.some((a) => a.rows.includes(r))).toBe(false);
    // It is a stray line, not an activity that duplicates the next one or lacks marks.
    expectSilent(report, "duplicate-activity");
    expectSilent(report, "unscheduled-activity");
  });

  test("silent once the fix is applied (the cell cleared)", async () => {
    const broken = await analyzePlan(lines);
    const report = await analyzeSpec(withEdits(planSheet(lines), only(broken, "stray-line").fix!.edits));
    expectSilent(report, "stray-line");
    expectClean(report);
  });

  test("silent for a one-line heading above an activity that shares only its first words", async () => {
    const report = await analyzePlan(insertAfter(BASE_LINES, "Goal 1:", line("Develop a shared PLC calendar with principals."), line(null, ["August"])));
    expectSilent(report, "stray-line");
  });
});

describe("formula-like-label", () => {
  test("fires on a label that starts with +, with a fix that drops the sign", async () => {
    const lines = insertAfter(BASE_LINES, "Provide coaching", step("+ Add a second cohort of teacher leaders to the coaching program.", "Coaching Coordinator", ["March"]));
    const r = rowOf(lines, "+ Add a second cohort");
    const report = await analyzePlan(lines);
    const f = only(report, "formula-like-label");
    expect(f.severity).toBe("info");
    expect(f.cell).toBe(cell(`A${r}`));
    expect(f.message).toContain(`(A${r}) starts with "+"`);
    expect(f.message).toMatch(/reads as the start of a formula/);
    expect(f.message).toMatch(/start it with a word instead of the "\+"/);
    expect(f.fix?.description).toBe(`Remove the "+" at the start of A${r}`);
    expect(f.fix?.edits).toEqual([
      { cell: cell(`A${r}`), value: "Add a second cohort of teacher leaders to the coaching program.", before: "+ Add a second cohort of teacher leaders to the coaching program." },
    ]);
  });

  test("fires on a wrapped label that starts with @; the fix rewrites only its first cell, capitalized", async () => {
    const lines = insertAfter(
      BASE_LINES,
      "Provide coaching",
      step("@principals share walkthrough data with their", "Principals", ["March"]),
      line("building leadership teams."),
    );
    const r = rowOf(lines, "@principals");
    const report = await analyzePlan(lines);
    const f = only(report, "formula-like-label");
    expect(f.cell).toBe(cell(`A${r}`));
    expect(activity(report, "@principals").text).toBe("@principals share walkthrough data with their building leadership teams.");
    // Lower case or a bullet would make it read as part of the activity above: the fix capitalizes.
    expect(f.fix?.edits).toEqual([{ cell: cell(`A${r}`), value: "Principals share walkthrough data with their", before: "@principals share walkthrough data with their" }]);
  });

  test("silent once the fix is applied, and the activity reads as before", async () => {
    const lines = insertAfter(
      BASE_LINES,
      "Provide coaching",
      step("@principals share walkthrough data with their", "Principals", ["March"]),
      line("building leadership teams."),
    );
    const broken = await analyzePlan(lines);
    const report = await analyzeSpec(withEdits(planSheet(lines), only(broken, "formula-like-label").fix!.edits));
    expectSilent(report, "formula-like-label");
    expectClean(report);
    expect(report.plan.activities).toHaveLength(broken.plan.activities.length);
    const fixed = activity(report, "Principals share");
    expect(fixed.text).toBe("Principals share walkthrough data with their building leadership teams.");
    expect([fixed.owner, fixed.schedule.map((m) => m.period)]).toEqual(["Principals", ["Mar 2024"]]);
  });

  test("silent for bulleted sub-items (- CCAR), which are read as bullets, not labels", async () => {
    const lines = replace(
      BASE_LINES,
      "Develop a PLC",
      step("Develop a PLC model for CSI schools, including:", "Director of PL", ["July", "August", "September"], "Complete"),
      line("- time for adult learning"),
      line("- protected collaboration time"),
    );
    const report = await analyzePlan(lines);
    expectSilent(report, "formula-like-label");
    expect(activity(report, "Develop a PLC").subItems).toEqual(["time for adult learning", "protected collaboration time"]);
  });
});
