/** @jest-environment node */
/**
 * docs/product.md, "Validation: findings", the plan as a whole: an activity with no scheduled period; a missing owner
 * (where an owner column exists); a duplicate or near-duplicate activity. Each fires on the realistic district plan
 * written as .xlsx and read back through the command line's reader, and stays silent once the planner corrects it.
 */
import { activity } from "../support/read-back";
import { removeTempFiles } from "../support/workbook-builder";
import {
  analyzePlan,
  analyzeSpec,
  BASE_LINES,
  cell,
  expectClean,
  expectSilent,
  insertAfter,
  level,
  only,
  OWNER,
  replace,
  rowOf,
  step,
} from "./district-plan";

afterAll(removeTempFiles);

const KICKUP = "Share KickUp survey results with building leadership teams.";
const CAPITALIZE = "Capitalize on Data Days to review district common formative assessments.";
const COACHING = "Provide coaching cycles for first- and second-year teachers.";

describe("unscheduled-activity", () => {
  const lines = insertAfter(BASE_LINES, "Capitalize", step(KICKUP, "MTSS Coordinator", []));
  const r = rowOf(lines, "Share KickUp");

  test("fires on an activity with no mark in any period", async () => {
    const report = await analyzePlan(lines);
    const f = only(report, "unscheduled-activity");
    expect(f.severity).toBe("warning");
    expect(f.cell).toBe(cell(`A${r}`));
    expect(f.message).toContain(`"${KICKUP}" (A${r}) has no mark in any period`);
    expect(f.message).toMatch(/Put an X under the months it is planned for/);
    expect(f.activityId).toBe(activity(report, "Share KickUp").id);
    expect(report.summary.totals.unscheduled).toBe(1);
  });

  test("silent once the months are marked", async () => {
    const report = await analyzePlan(replace(lines, "Share KickUp", step(KICKUP, "MTSS Coordinator", ["February"])));
    expectSilent(report, "unscheduled-activity");
    expectClean(report);
  });

  test("silent for goal rows, which are levels of the path, not activities", async () => {
    const report = await analyzePlan(BASE_LINES);
    expect(report.plan.activities.some((a) => a.text.startsWith("Goal"))).toBe(false);
    expectSilent(report, "unscheduled-activity");
  });
});

describe("missing-owner", () => {
  const lines = replace(BASE_LINES, "Capitalize", step(CAPITALIZE, null, ["October", "January", "March"]));
  const r = rowOf(lines, "Capitalize");

  test("fires on the empty owner cell of an activity in a block with a Person(s) Responsible column", async () => {
    const report = await analyzePlan(lines);
    const f = only(report, "missing-owner");
    expect(f.severity).toBe("warning");
    expect(f.cell).toBe(cell(`${OWNER}${r}`));
    expect(f.message).toContain(`"${CAPITALIZE.slice(0, 50)}`);
    expect(f.message).toContain(`no one in the owner column (${OWNER}${r})`);
    expect(f.message).toMatch(/Name the person or team responsible/);
  });

  test("silent once someone is named", async () => {
    const report = await analyzePlan(replace(lines, "Capitalize", step(CAPITALIZE, "MTSS Coordinator", ["October", "January", "March"])));
    expectSilent(report, "missing-owner");
    expectClean(report);
  });

  test("silent when the owner is on the activity's wrapped second line", async () => {
    const report = await analyzePlan(
      replace(lines, "Capitalize", step("Capitalize on Data Days to review district common", null, ["October", "January", "March"]), {
        cells: ["formative assessments.", "MTSS Coordinator"],
      }),
    );
    expectSilent(report, "missing-owner");
    expect(activity(report, "Capitalize").owner).toBe("MTSS Coordinator");
  });

  test("silent when the block has no owner column at all", async () => {
    const report = await analyzeSpec({
      name: "PL Plan",
      rows: [
        ["Professional Learning Plan 2023-2024"],
        [],
        ["Action Step", "July", "August", "September", "October"],
        ["Develop a PLC model for CSI schools.", "X", "X"],
        ["Implement the PLC model in CSI schools.", null, null, "X", "X"],
      ],
    });
    expectSilent(report, "missing-owner");
    expectClean(report);
  });
});

describe("duplicate-activity", () => {
  test("fires on an activity listed twice, under two goals, at the second one", async () => {
    const lines = insertAfter(BASE_LINES, "Provide coaching", step(CAPITALIZE, "Instructional Coaches", ["April"]));
    const first = rowOf(BASE_LINES, "Capitalize");
    const second = rowOf(lines, "Provide coaching") + 1;
    const report = await analyzePlan(lines);
    const f = only(report, "duplicate-activity");
    expect(f.severity).toBe("warning");
    expect(f.cell).toBe(cell(`A${second}`));
    expect(f.message).toContain(`(A${second}) is listed twice: also at A${first}`);
    expect(f.message).toMatch(/Remove one, or say in the text how they differ/);
  });

  test("fires on two nearly identical activities under different goals", async () => {
    const lines = insertAfter(BASE_LINES, "Monitor the PLC", step("Provide coaching cycles for first and second year teachers.", "Principals", ["October"]));
    const near = rowOf(lines, "Provide coaching cycles for first and");
    const other = rowOf(lines, "Provide coaching cycles for first-");
    const report = await analyzePlan(lines);
    const f = only(report, "duplicate-activity");
    // Reported at the later row, naming the earlier one.
    expect(f.cell).toBe(cell(`A${other}`));
    expect(f.message).toContain(`"${COACHING}" (A${other}) is nearly the same as "Provide coaching cycles for first and second year teachers." (A${near})`);
    expect(f.message).toMatch(/If they are one activity, keep one; if not, say in the text how they differ/);
  });

  test("words are compared whatever their case: a copy typed in title case is still a copy", async () => {
    const lines = insertAfter(BASE_LINES, "Monitor the PLC", step("Provide Coaching Cycles For First- And Second-Year TEACHERS.", "Principals", ["October"]));
    const copy = rowOf(lines, "Provide Coaching Cycles");
    const original = rowOf(lines, "Provide coaching cycles for first-");
    const report = await analyzePlan(lines);
    const f = only(report, "duplicate-activity");
    expect(f.cell).toBe(cell(`A${Math.max(copy, original)}`));
    expect(f.message).toContain(`is listed twice: also at A${Math.min(copy, original)}`);
  });

  test("fires on a long activity (a pasted paragraph of thirty words) and a near-copy of it that lists the words in another order", async () => {
    const words = ("coaches principals teachers literacy math science data walkthroughs feedback classrooms schools district curriculum " +
      "assessments benchmarks families community students reading writing grade band equity audit calendar sessions meetings reports surveys rubrics").split(" ");
    const sentence = (list: string[]): string => `${list[0]!.charAt(0).toUpperCase()}${list.join(" ").slice(1)}.`;
    // The copy's words run backwards, one of them changed: its words are met out of the order they were numbered in.
    const copy = [...words].reverse().map((w) => (w === "math" ? "numeracy" : w));
    const lines = [...BASE_LINES, step(sentence(words), "Principals", ["October"]), step(sentence(copy), "Principals", ["November"])];
    const report = await analyzePlan(lines);
    const f = only(report, "duplicate-activity");
    expect(f.cell).toBe(cell(`A${rowOf(lines, "Rubrics surveys")}`));
    expect(f.message).toContain(`is nearly the same as "Coaches principals teachers`);
  });

  test("silent once the copy is removed, or the second one says how it differs", async () => {
    expectClean(await analyzePlan(BASE_LINES));
    const reworded = await analyzePlan(
      insertAfter(BASE_LINES, "Monitor the PLC", step("Provide coaching cycles for veteran teachers new to the district.", "Principals", ["October"])),
    );
    expectSilent(reworded, "duplicate-activity");
    expectClean(reworded);
  });

  test("silent for the Develop X / Implement X pair of one piece of work", async () => {
    const report = await analyzePlan([
      ...BASE_LINES,
      level("Goal 4: Support new teachers in their first two years."),
      step("Develop the new-teacher mentoring program for first-year teachers.", "HR Director", ["August", "September"]),
      step("Implement the new-teacher mentoring program for first-year teachers.", "Mentor Teachers", ["October", "November", "December"]),
      step("Evaluate the new-teacher mentoring program for first-year teachers.", "HR Director", ["May"]),
    ]);
    expectSilent(report, "duplicate-activity");
    expectClean(report);
  });

  test("silent for the MPS stray line: it is a stray-line finding, not a duplicate", async () => {
    const lines = insertAfter(BASE_LINES, "Goal 1:", { cells: ["Develop a PLC model for CSI schools, also"] });
    const report = await analyzePlan(lines);
    expectSilent(report, "duplicate-activity");
    expect(only(report, "stray-line").cell).toBe(cell(`A${rowOf(lines, "Develop a PLC model for CSI schools, also")}`));
  });
});
