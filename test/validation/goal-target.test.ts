/** @jest-environment node */
/**
 * docs/product.md, "Validation: findings": a plan goal's target year ("By 2028") before its last scheduled period. A
 * goal above the timeline (as in seed 000) covers the sheet's work; a Goal row of the path ("Goal 2: By 2025, ...")
 * covers the activities below it and is reported at its own cell; a block title that names a goal, once.
 */
import { removeTempFiles } from "../support/workbook-builder";
import {
  analyzePlan,
  analyzeSpec,
  BASE_LINES,
  cell,
  expectClean,
  expectSilent,
  level,
  only,
  replace,
  rowOf,
  step,
  yearPlanSheet,
  yearStep,
  yearsFrom,
  YEAR_LINES,
} from "./district-plan";

afterAll(removeTempFiles);

const SHEET = "Five-Year Plan";
const RULE = "goal-target-before-schedule";

describe("goal-target-before-schedule", () => {
  test("fires when the goal above a five-year timeline says By 2026 but the work runs to 2027-28", async () => {
    const goal = "By 2026, all Riverside staff will receive professional learning that improves their practice.";
    const report = await analyzeSpec(yearPlanSheet(YEAR_LINES, { goal }));
    const f = only(report, RULE);
    expect(f.severity).toBe("warning");
    expect(f.cell).toBe(cell("A1", SHEET));
    expect(f.message).toMatch(/^The goal "By 2026, all Riverside staff will receive professional\u2026" \(A1\) is to be met by 2026, /);
    // The last scheduled period, and where it is.
    expect(f.message).toContain("its work is scheduled until 2027-28 (G6)");
    expect(f.message).toMatch(/Move the target year or the work\.$/);
  });

  test("silent once the goal says By 2028 (the work ends in June 2028)", async () => {
    const report = await analyzeSpec(yearPlanSheet(YEAR_LINES));
    expectSilent(report, RULE);
    expectClean(report);
  });

  test("silent for the month plan's goal By 2026 when its work ends in June 2024", async () => {
    const report = await analyzePlan(BASE_LINES);
    expect(report.plan.goals[0]).toMatchObject({ targetYear: 2026, cell: cell("A1") });
    expectSilent(report, RULE);
  });

  test("silent when the only work past the target year is cancelled", async () => {
    const goal = "By 2027, all Riverside staff will receive professional learning that improves their practice.";
    const sheet = yearPlanSheet(YEAR_LINES, { goal });
    // Every 27-28 mark (column G) cancelled.
    for (const row of sheet.rows!.slice(3)) if (row[6] === "X") row[6] = "cancelled";
    expectSilent(await analyzeSpec(sheet), RULE);
  });

  describe("a Goal row of the path", () => {
    const literacy = (year: number) => [
      level("Goal 1: Build a culture of ongoing, culturally responsive professional learning."),
      ...YEAR_LINES,
      level(`Goal 2: By ${year}, all K-3 teachers will complete structured literacy training.`),
      yearStep("Train K-3 teachers in structured literacy with the LETRS modules.", "Literacy Coordinator", yearsFrom("23-24", "25-26")),
      yearStep("Provide literacy coaching cycles for K-3 teachers.", "Literacy Coaches", yearsFrom("24-25", "25-26")),
    ];

    test("fires at the goal row when its own activities run past its target year", async () => {
      const lines = literacy(2025);
      const goalRow = 3 + 1 + lines.findIndex((l) => "level" in l && l.level.startsWith("Goal 2"));
      const report = await analyzeSpec(yearPlanSheet(lines));
      const f = only(report, RULE);
      expect(f.cell).toBe(cell(`A${goalRow}`, SHEET));
      expect(f.message).toMatch(/^The goal "Goal 2: By 2025, all K-3 teachers will complete structured\u2026"/);
      expect(f.message).toContain(`(A${goalRow}) is to be met by 2025`);
      expect(f.message).toContain(`its work is scheduled until 2025-26 (E${goalRow + 1})`);
    });

    test("silent once the goal row says By 2026; Goal 1's later work is not Goal 2's", async () => {
      const report = await analyzeSpec(yearPlanSheet(literacy(2026)));
      // The sheet's work runs to 2027-28 (Goal 1, and the goal above the timeline says By 2028).
      expect(report.plan.activities.some((a) => a.schedule.some((m) => m.period === "2027-28"))).toBe(true);
      expectSilent(report, RULE);
      expectClean(report);
    });

    test("fires at the goal row in a month plan: Goal 2 By 2023 with work in 2024", async () => {
      const lines = replace(BASE_LINES, "Goal 2:", level("Goal 2: By 2023, use MTSS data to target support for every student."));
      const report = await analyzePlan(lines);
      const f = only(report, RULE);
      expect(f.cell).toBe(cell(`A${rowOf(lines, "Goal 2:")}`));
      expect(f.message).toContain("its work is scheduled until Jun 2024");
    });
  });

  describe("the title of a second timeline", () => {
    const MONTH_NAMES = ["Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun"];
    const marked = (...months: string[]) => MONTH_NAMES.map((m) => (months.includes(m) ? "X" : null));
    const twoYears = (title: string) => ({
      name: "PLC Rollout",
      rows: [
        ["Professional Learning Plan 2023-24"],
        [],
        ["Activities", "Person(s) Responsible", ...MONTH_NAMES],
        ["Develop a PLC model for CSI schools.", "Director of PL", ...marked("Jul", "Aug", "Sep")],
        ["Train PLC facilitators in every CSI school.", "PLC Coaches", ...marked("Oct", "Nov")],
        [],
        [title],
        [],
        ["Activities", "Person(s) Responsible", ...MONTH_NAMES],
        ["Implement the PLC model in all CSI schools.", "Principals", ...marked("Sep", "Oct", "Nov", "Dec")],
        ["Monitor PLC implementation with walkthroughs.", "Director of PL", ...marked("Jan", "Mar", "May")],
      ],
    });

    test("fires at the title when it gives a target year before the block's last period", async () => {
      const report = await analyzeSpec(twoYears("By 2024, every CSI school will run PLCs (Plan 2024-25)"));
      expect(report.plan.blocks.map((b) => b.schoolYear)).toEqual([2023, 2024]);
      const f = only(report, RULE);
      expect(f.cell).toBe(cell("A7", "PLC Rollout"));
      expect(f.message).toBe(
        'The goal "By 2024, every CSI school will run PLCs (Plan 2024-25)" (A7) is to be met by 2024, but its work is scheduled until May 2025 (M11). Move the target year or the work.',
      );
    });

    test("silent when the target year is the block's last: its work ends in 2025", async () => {
      const report = await analyzeSpec(twoYears("By 2025, every CSI school will run PLCs (Plan 2024-25)"));
      expectSilent(report, RULE);
    });
  });

  test("fires once, at the title, for a block title that names a goal with a target year", async () => {
    const report = await analyzePlan(
      [step("Develop a PLC model for CSI schools.", "Director of PL", ["July", "August"]), step("Implement the PLC model in CSI schools.", "Principals", ["March", "April"])],
      { goal: null, title: "Goal 1: By 2023, every CSI school will run PLCs (Plan 2023-24)." },
    );
    const f = only(report, RULE);
    expect(f.cell).toBe(cell("A3"));
    expect(report.plan.activities[0]!.pathCells).toEqual([cell("A3")]);
    expect(f.message).toContain("its work is scheduled until Apr 2024");
  });
});
