/** @jest-environment node */
/**
 * docs/product.md, "Validation: findings", the timeline: no timeline found; school year assumed; months out of order
 * or repeated; school years not consecutive. Each fires on a realistic district workbook written as .xlsx and read
 * back through the command line's reader, and stays silent once the planner corrects the header.
 */
import { activity } from "../support/read-back";
import { removeTempFiles, type CellInput } from "../support/workbook-builder";
import {
  analyzePlan,
  analyzeSpec,
  BASE_LINES,
  cell,
  expectClean,
  expectSilent,
  M,
  months,
  only,
  step,
  yearPlanSheet,
  yearStep,
  YEAR_LINES,
} from "./district-plan";

afterAll(removeTempFiles);

const header = (...periods: string[]): CellInput[] => ["Action Step", "Person(s) Responsible", ...periods, "Status"];

describe("no-plan", () => {
  test("fires as an error on a letter: no timeline, no action-plan table, no outline", async () => {
    const report = await analyzeSpec({
      name: "PL Plan",
      rows: [
        ["Dear families,"],
        [],
        ["This year our teachers will keep learning together in professional learning communities."],
        ["Thank you for your support of our schools."],
        ["Superintendent"],
      ],
    });
    const f = only(report, "no-plan");
    expect(f.severity).toBe("error");
    expect(f.cell).toBe(cell("A1"));
    expect(f.message).toContain('sheet "PL Plan"');
    expect(f.message).toMatch(/three or more periods such as July, August, September/);
    expect(f.message).toMatch(/action-plan table/);
    expect(f.fix).toBeUndefined();
    expect(report.plan.activities).toEqual([]);
  });

  test("silent once the dates sit in a Timeline column (an action-plan table) or spread over a header row (the base plan)", async () => {
    const table = await analyzeSpec({
      name: "PL Plan",
      rows: [
        ["Professional Learning Plan 2023-2024"],
        [],
        ["Action Step", "Person(s) Responsible", "Timeline", "Status"],
        ["Develop a PLC model for CSI schools, allowing time for adult learning.", "Director of PL", "Jul - Sep 2023", "Complete"],
        ["Implement the PLC model in CSI schools with protected collaboration time.", "Principals", "Oct 2023 - May 2024", "In Progress"],
        ["Meet quarterly to review MTSS data and adjust the plan.", "Cabinet", "Oct, Jan, Mar, Jun", "On Track"],
      ],
    });
    expectSilent(table, "no-plan");
    expect(table.plan.blocks.map((b) => b.shape)).toEqual(["table"]);
    expect(table.plan.activities.map((a) => a.schedule.map((m) => m.period))).toEqual([
      ["Jul 2023 \u2013 Sep 2023"],
      ["Oct 2023 \u2013 May 2024"],
      ["Oct 2023", "Jan 2024", "Mar 2024", "Jun 2024"],
    ]);
    const report = await analyzePlan();
    expectSilent(report, "no-plan");
    expect(report.plan.blocks).toHaveLength(1);
    expectClean(report);
  });
});

describe("school-year-assumed", () => {
  test("fires when neither the header, the title nor the sheet's name says the school year", async () => {
    const report = await analyzePlan(BASE_LINES, { title: "Professional Learning Plan" });
    const f = only(report, "school-year-assumed");
    expect(f.severity).toBe("warning");
    expect(f.cell).toBe(cell("C4"));
    expect(f.message).toContain("C4");
    expect(f.message).toContain("2023-24");
    expect(f.message).toMatch(/current school year/);
    expect(f.message).toMatch(/Put the school year in a title above the timeline/);
    // The message speaks to any host; each host names its own way to set the school year.
    expect(f.message).not.toMatch(/add-in/);
    expect(f.setting).toBe("schoolYear");
    expect(report.plan.blocks[0]!.schoolYearSource).toBe("assumed");
  });

  test("silent once the title names the school year", async () => {
    const report = await analyzePlan(BASE_LINES, { title: "Professional Learning Plan 2023-2024" });
    expectSilent(report, "school-year-assumed");
    expect(report.plan.blocks[0]!.schoolYearSource).toBe("title");
    expectClean(report);
  });

  test("silent when the sheet's name says it (PL Plan 2023-24)", async () => {
    const report = await analyzePlan(BASE_LINES, { title: "Professional Learning Plan", sheet: "PL Plan 2023-24" });
    expectSilent(report, "school-year-assumed");
    expect(report.plan.blocks[0]!.schoolYearSource).toBe("sheet-name");
  });
});

describe("periods-out-of-order", () => {
  test("fires where August was typed after September (July, September, August, October ...)", async () => {
    const report = await analyzePlan(BASE_LINES, { header: header("July", "September", "August", ...months("October", "June")) });
    const f = only(report, "periods-out-of-order");
    expect(f.severity).toBe("warning");
    expect(f.cell).toBe(cell("E4"));
    expect(f.message).toContain("Aug 2023 (E4) comes after Sep 2023 (D4)");
    expect(f.message).toMatch(/Put the periods in order/);
    // The slip does not push the rest of the year a year ahead: October is still October 2023.
    expect(report.plan.blocks[0]!.periods.map((p) => p.label)).toEqual([
      "Jul 2023", "Sep 2023", "Aug 2023", "Oct 2023", "Nov 2023", "Dec 2023", "Jan 2024", "Feb 2024", "Mar 2024", "Apr 2024", "May 2024", "Jun 2024",
    ]);
    expect(activity(report, "Implement the PLC").schedule[0]!.start).toBe("2023-10-01");
  });

  test("fires where Q2 was typed after Q3 in a quarterly plan", async () => {
    const quarters = ["Q1", "Q3", "Q2", "Q4"];
    const report = await analyzeSpec({
      name: "PL Plan",
      rows: [
        ["Professional Learning Plan 2023-2024"],
        [],
        ["Action Step", "Person(s) Responsible", ...quarters],
        ["Develop a PLC model for CSI schools.", "Director of PL", "X"],
        ["Implement the PLC model in CSI schools.", "Principals", null, "X", "X", "X"],
      ],
    });
    const f = only(report, "periods-out-of-order");
    expect(f.cell).toBe(cell("E3"));
    expect(f.message).toContain("Q2 2023-24 (E3) comes after Q3 2023-24 (D3)");
    expect(report.plan.blocks[0]!.periods.map((p) => p.start)).toEqual(["2023-07-01", "2024-01-01", "2023-10-01", "2024-04-01"]);
  });

  test("silent once the months are in order, and for a two-year header that starts July again", async () => {
    expectClean(await analyzePlan(BASE_LINES, { header: header(...M) }));
    const twoYears = await analyzePlan(
      [step("Implement the PLC model in CSI schools with protected collaboration time.", "Principals", {})],
      { header: header(...M, ...M).slice(0, -1) },
    );
    expectSilent(twoYears, "periods-out-of-order");
    expectSilent(twoYears, "period-repeated");
    const periods = twoYears.plan.blocks[0]!.periods;
    expect([periods[11]!.label, periods[12]!.label, periods[23]!.label]).toEqual(["Jun 2024", "Jul 2024", "Jun 2025"]);
  });
});

describe("period-repeated", () => {
  test("fires where October was typed twice (for November)", async () => {
    const report = await analyzePlan(BASE_LINES, { header: header(...months("July", "October"), "October", ...months("December", "June")) });
    const f = only(report, "period-repeated");
    expect(f.severity).toBe("warning");
    expect(f.cell).toBe(cell("G4"));
    expect(f.message).toContain("Oct 2023 twice (F4 and G4)");
    expect(f.message).toMatch(/remove or rename one column/);
  });

  test("silent once the second October is renamed November", async () => {
    const report = await analyzePlan(BASE_LINES, { header: header(...months("July", "October"), "November", ...months("December", "June")) });
    expectSilent(report, "period-repeated");
    expectClean(report);
  });
});

describe("school-years-not-consecutive", () => {
  const years = ["23-24", "24-25", "26-27", "27-28"];
  const lines = [
    yearStep("Structures will be developed to provide required professional learning within the workday.", "Superintendent", ["23-24", "24-25"]),
    yearStep("All staff engage in culturally responsive professional learning and reflection.", "Equity Coordinator", ["24-25", "26-27", "27-28"]),
  ];

  test("fires where the header jumps from 24-25 to 26-27", async () => {
    const report = await analyzeSpec(yearPlanSheet(lines, { years }));
    const f = only(report, "school-years-not-consecutive");
    expect(f.severity).toBe("warning");
    expect(f.cell).toBe(cell("E3", "Five-Year Plan"));
    expect(f.message).toContain("from 2024-25 (D3) to 2026-27 (E3)");
    expect(f.message).toMatch(/a school year is missing between them/);
    expect(f.message).toMatch(/Add the missing year's column/);
  });

  test("silent once 25-26 is added (the base five-year plan)", async () => {
    const report = await analyzeSpec(yearPlanSheet(YEAR_LINES));
    expectSilent(report, "school-years-not-consecutive");
    expectClean(report);
  });
});
