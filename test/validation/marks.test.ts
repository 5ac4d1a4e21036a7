/** @jest-environment node */
/**
 * docs/product.md, "Validation: findings", the marks: unrecognized mark; lookalike glyph; split mark; error value; a
 * period marked twice; a mark outside the timeline. Each fires on the realistic district plan written as .xlsx and
 * read back through the command line's reader, and stays silent once the planner corrects the cells (for the rules
 * that offer a fix, by applying the fix's edits).
 */
import { activity } from "../support/read-back";
import { formula, removeTempFiles } from "../support/workbook-builder";
import {
  analyzePlan,
  analyzeSpec,
  BASE_LINES,
  cell,
  col,
  expectClean,
  expectSilent,
  line,
  only,
  OWNER,
  planSheet,
  replace,
  rowOf,
  step,
  withEdits,
} from "./district-plan";

afterAll(removeTempFiles);

const CAPITALIZE = "Capitalize on Data Days to review district common formative assessments.";
const COACHING = "Provide coaching cycles for first- and second-year teachers.";
const REPORT = "Report coaching outcomes to the school board annually.";

describe("unrecognized-mark", () => {
  const lines = replace(BASE_LINES, "Capitalize", step(CAPITALIZE, "MTSS Coordinator", { October: "X", January: "X", March: "TBD" }));
  const r = rowOf(lines, "Capitalize");

  test("fires on a TBD typed where an X belongs, naming the cell, the period and the marks it knows", async () => {
    const report = await analyzePlan(lines);
    const f = only(report, "unrecognized-mark");
    expect(f.severity).toBe("warning");
    expect(f.cell).toBe(cell(`${col("March")}${r}`));
    expect(f.message).toContain(`${col("March")}${r} (Mar 2024) holds "TBD"`);
    expect(f.message).toMatch(/not counted/);
    expect(f.message).toMatch(/Use X for planned/);
    expect(f.activityId).toBe(activity(report, "Capitalize").id);
    expect(activity(report, "Capitalize").schedule.map((m) => m.period)).toEqual(["Oct 2023", "Jan 2024"]);
  });

  test("silent once the TBD is an X", async () => {
    const report = await analyzePlan(replace(lines, "Capitalize", step(CAPITALIZE, "MTSS Coordinator", { October: "X", January: "X", March: "X" })));
    expectSilent(report, "unrecognized-mark");
    expectClean(report);
  });
});

describe("lookalike-mark", () => {
  // Pasted from a PDF: a Cyrillic Ha in September and a Greek Chi in November.
  const lines = replace(BASE_LINES, "Provide coaching", step(COACHING, "Instructional Coaches", { September: "\u0425", November: "\u03a7", February: "X", April: "X" }));
  const r = rowOf(lines, "Provide coaching");

  test("fires once for the activity, naming the cells and alphabets, with a fix that types Latin X's", async () => {
    const report = await analyzePlan(lines);
    const f = only(report, "lookalike-mark");
    expect(f.severity).toBe("info");
    expect(f.cell).toBe(cell(`${col("September")}${r}`));
    expect(f.message).toContain(`${col("September")}${r}, ${col("November")}${r} hold Cyrillic and Greek`);
    expect(f.message).toMatch(/look like X but are another letter/);
    expect(f.message).toMatch(/COUNTIF/);
    expect(f.fix?.edits).toEqual([
      { cell: cell(`${col("September")}${r}`), value: "X", before: "\u0425" },
      { cell: cell(`${col("November")}${r}`), value: "X", before: "\u03a7" },
    ]);
    // The add-in still counts them.
    expect(activity(report, "Provide coaching").schedule).toHaveLength(4);
  });

  test("silent once the fix is applied", async () => {
    const broken = await analyzePlan(lines);
    const report = await analyzeSpec(withEdits(planSheet(lines), only(broken, "lookalike-mark").fix!.edits));
    expectSilent(report, "lookalike-mark");
    expectClean(report);
  });
});

describe("split-mark", () => {
  // A PDF paste split the November X into a V on the activity's line and a ^ on its wrapped second line.
  const lines = replace(
    BASE_LINES,
    "Monitor the PLC",
    step("Monitor the PLC model with the PLC self-assessment twice a year,", "Assistant Superintendent", { November: "V" }),
    line("reporting progress toward meeting academic standards.", { November: "^", May: "X" }),
  );
  const r = rowOf(lines, "Monitor the PLC");

  test("fires at the V, counts one November mark, and offers one X in place of the two halves", async () => {
    const report = await analyzePlan(lines);
    const f = only(report, "split-mark");
    expect(f.severity).toBe("info");
    expect(f.cell).toBe(cell(`${col("November")}${r}`));
    expect(f.message).toContain(`"V" in ${col("November")}${r} and "^" in ${col("November")}${r + 1}`);
    expect(f.message).toMatch(/one X split over two lines/);
    expect(f.fix?.edits).toEqual([
      { cell: cell(`${col("November")}${r}`), value: "X", before: "V" },
      { cell: cell(`${col("November")}${r + 1}`), value: null, before: "^" },
    ]);
    expect(activity(report, "Monitor the PLC").schedule.map((m) => m.period)).toEqual(["Nov 2023", "May 2024"]);
    expectSilent(report, "unrecognized-mark");
  });

  test("silent once the fix is applied", async () => {
    const broken = await analyzePlan(lines);
    const report = await analyzeSpec(withEdits(planSheet(lines), only(broken, "split-mark").fix!.edits));
    expectSilent(report, "split-mark");
    expectClean(report);
  });
});

describe("error-value", () => {
  test("fires as an error on a #REF! left in a timeline cell by a formula", async () => {
    const lines = replace(BASE_LINES, "Capitalize", step(CAPITALIZE, "MTSS Coordinator", { October: "X", January: "X", March: formula("IF(Calendar!B7,\"X\",\"\")", { error: "#REF!" }) }));
    const r = rowOf(lines, "Capitalize");
    const report = await analyzePlan(lines);
    const f = only(report, "error-value");
    expect(f.severity).toBe("error");
    expect(f.cell).toBe(cell(`${col("March")}${r}`));
    expect(f.message).toContain(`${col("March")}${r} (Mar 2024) shows the error #REF!`);
    expect(f.message).toMatch(/Fix the formula or clear the cell/);
    expect(activity(report, "Capitalize").schedule.map((m) => m.period)).toEqual(["Oct 2023", "Jan 2024"]);
  });

  test("fires as an error on a #N/A in the owner column (a lookup that found no one)", async () => {
    const lines = replace(BASE_LINES, "Report coaching", step(REPORT, null, ["June"]));
    const r = rowOf(lines, "Report coaching");
    const sheet = planSheet(lines);
    sheet.rows![r - 1]![1] = formula(`VLOOKUP(A${r},Staff!A:B,2,FALSE)`, { error: "#N/A" });
    const report = await analyzeSpec(sheet);
    const f = only(report, "error-value");
    expect(f.severity).toBe("error");
    expect(f.cell).toBe(cell(`${OWNER}${r}`));
    expect(f.message).toContain(`${OWNER}${r} shows the error #N/A in the "Person(s) Responsible" column`);
    expect(f.message).toMatch(/Fix the formula or the value it refers to/);
  });

  test("silent once the cells hold an X and a name", async () => {
    const report = await analyzePlan(
      replace(
        replace(BASE_LINES, "Capitalize", step(CAPITALIZE, "MTSS Coordinator", { October: "X", January: "X", March: formula("IF(TRUE,\"X\",\"\")", "X") })),
        "Report coaching",
        step(REPORT, "Superintendent", ["June"]),
      ),
    );
    expectSilent(report, "error-value");
    expectClean(report);
  });
});

describe("repeated-mark", () => {
  // The activity wraps over two lines and August is marked on both.
  const lines = replace(
    BASE_LINES,
    "Develop a PLC",
    step("Develop a PLC model for CSI schools, allowing time for adult", "Director of PL", ["July", "August"], "Complete"),
    line("learning and collaboration.", ["August", "September"]),
  );
  const r = rowOf(lines, "Develop a PLC");

  test("fires at the second August mark, naming both cells; August counts once", async () => {
    const report = await analyzePlan(lines);
    const f = only(report, "repeated-mark");
    expect(f.severity).toBe("info");
    expect(f.cell).toBe(cell(`${col("August")}${r + 1}`));
    expect(f.message).toContain(`marked 2 times under Aug 2023 (${col("August")}${r}, ${col("August")}${r + 1})`);
    expect(f.message).toMatch(/Keep one mark and clear the others/);
    expect(activity(report, "Develop a PLC").schedule.map((m) => m.period)).toEqual(["Jul 2023", "Aug 2023", "Sep 2023"]);
  });

  test("silent once the second August mark is cleared", async () => {
    const report = await analyzePlan(
      replace(lines, "learning and collaboration", line("learning and collaboration.", ["September"])),
    );
    expectSilent(report, "repeated-mark");
    expectClean(report);
  });
});

describe("mark-outside-timeline", () => {
  // June's X typed one column too far right, past the Status column, where no period is named.
  const lines = replace(BASE_LINES, "Report coaching", { cells: [REPORT, "Superintendent", ...Array<null>(12).fill(null), null, "X"] });
  const r = rowOf(lines, "Report coaching");

  test("fires on the X in column P, which has no period in the header", async () => {
    const report = await analyzePlan(lines);
    const f = only(report, "mark-outside-timeline");
    expect(f.severity).toBe("warning");
    expect(f.cell).toBe(cell(`P${r}`));
    expect(f.message).toContain(`P${r} holds "X" but column P has no period in the timeline header`);
    expect(f.message).toMatch(/Add the period to the header or move the mark/);
    // The activity is left without a mark: that is reported too.
    expect(only(report, "unscheduled-activity").cell).toBe(cell(`A${r}`));
  });

  test("silent once the X is under June", async () => {
    const report = await analyzePlan(replace(lines, "Report coaching", step(REPORT, "Superintendent", ["June"])));
    expectSilent(report, "mark-outside-timeline");
    expectClean(report);
  });
});
