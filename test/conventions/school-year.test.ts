/** @jest-environment node */
/**
 * docs/product.md, "Which year a month belongs to": months run in header order and the calendar year steps up at
 * December -> January; the school year comes from dates in the header, then a title above the block or the
 * sheet's name, then the workbook's saved setting, else the current school year with a finding. The school
 * year starts in July unless the settings say otherwise.
 */
import { analyzeSheet } from "../../src/core";
import { activity, analyzeRows, at, findingsOf, gridOf, roundTrip, spans } from "../support/read-back";
import { MON_JUL_JUN, MONTHS_JUL_JUN, timelineRow } from "../support/district";
import { date, removeTempFiles, type CellInput } from "../support/workbook-builder";

afterAll(removeTempFiles);

const AS_OF = "2024-01-15";

/** An action-step grid: optional title row, header, two activities. */
function grid(title: string | null, header: readonly CellInput[], first: Record<string, CellInput>, second: Record<string, CellInput>): CellInput[][] {
  const labels = header.map((h) => (typeof h === "string" ? h : JSON.stringify(h)));
  return [
    ...(title === null ? [] : [[title], []]),
    ["Action Step", "Person(s) Responsible", "Evidence", ...header],
    timelineRow(["Launch book study on culturally responsive teaching.", "Equity Coordinator", "Sign-in sheets"], labels, first),
    timelineRow(["Conduct Blast Walkthroughs focused on empowered learning.", "Principals", "Walkthrough data"], labels, second),
  ];
}

describe("the calendar year steps up where the month number falls (December -> January)", () => {
  test("Sep..Feb under 2023-24: January and February are 2024", async () => {
    const header = ["Sep", "Oct", "Nov", "Dec", "Jan", "Feb"];
    const report = await analyzeRows("Sheet1", grid("Coaching Plan 2023-24", header, { Dec: "X" }, { Jan: "X", Feb: "X" }), { asOf: AS_OF });
    expect(spans(activity(report, "Launch book study"))).toEqual([["2023-12-01", "2023-12-31"]]);
    expect(spans(activity(report, "Conduct Blast"))).toEqual([
      ["2024-01-01", "2024-01-31"],
      ["2024-02-01", "2024-02-29"],
    ]);
  });

  test("an 18-month header (July 2023 .. December 2024) steps once at each January, not at July", async () => {
    const header = [...MON_JUL_JUN, "Jul ", "Aug ", "Sep ", "Oct ", "Nov ", "Dec "];
    const report = await analyzeRows("Sheet1", grid("Strategic Planning 2023-2024", header, { Jun: "X", "Jul ": "X" }, { "Dec ": "X" }), { asOf: AS_OF });
    const starts = report.plan.blocks[0]!.periods.map((p) => p.start);
    expect(starts[11]).toBe("2024-06-01");
    expect(starts[12]).toBe("2024-07-01");
    expect(starts[17]).toBe("2024-12-01");
    expect(spans(activity(report, "Launch book study"))).toEqual([
      ["2024-06-01", "2024-06-30"],
      ["2024-07-01", "2024-07-31"],
    ]);
    expect(spans(activity(report, "Conduct Blast"))).toEqual([["2024-12-01", "2024-12-31"]]);
    expect(findingsOf(report, "periods-out-of-order")).toEqual([]);
  });

  test("months under a merged school-year row (2023-24 over July-June, 2024-25 over the next twelve) take that year", async () => {
    const header = [...MON_JUL_JUN, ...MON_JUL_JUN.map((m) => `${m} `)];
    const rows: CellInput[][] = [
      [null, null, null, "2023-24", ...Array<CellInput>(11).fill(null), "2024-25"],
      ["Action Step", "Person(s) Responsible", "Evidence", ...header],
      timelineRow(["Launch book study on culturally responsive teaching.", "Equity Coordinator", "Sign-in sheets"], header, { Sep: "X", "Sep ": "X" }),
    ];
    const report = await analyzeRows("Two-Year Plan", rows, { asOf: AS_OF, merges: ["D1:O1", "P1:AA1"] });
    expect(report.plan.blocks[0]!.schoolYearSource).toBe("header");
    expect(spans(activity(report, "Launch book study"))).toEqual([
      ["2023-09-01", "2023-09-30"],
      ["2024-09-01", "2024-09-30"],
    ]);
  });

  test("a header that starts in January stays in one calendar year", async () => {
    const header = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"];
    const report = await analyzeRows("Sheet1", grid("Spring Implementation 2023-24", header, { Jan: "X" }, { Jun: "X" }), { asOf: AS_OF });
    expect(spans(activity(report, "Launch book study"))).toEqual([["2024-01-01", "2024-01-31"]]);
    expect(spans(activity(report, "Conduct Blast"))).toEqual([["2024-06-01", "2024-06-30"]]);
  });
});

describe("where the school year comes from", () => {
  test("dates in the header come first, before a title that names another year", async () => {
    const header = [date(2024, 8, 1), date(2024, 9, 1), date(2024, 10, 1), date(2024, 11, 1)];
    const rows: CellInput[][] = [
      ["Strategic Planning 2023-2024"],
      [],
      ["Action Step", "Owner", "Evidence", ...header],
      ["Launch book study on culturally responsive teaching.", "Equity Coordinator", "Sign-in sheets", null, "X"],
    ];
    const report = await analyzeRows("PL Plan 2022-23", rows, { asOf: AS_OF, settings: { schoolYear: 2021 } });
    const block = report.plan.blocks[0]!;
    expect(block.schoolYearSource).toBe("header");
    expect(block.schoolYear).toBe(2024);
    expect(spans(activity(report, "Launch book study"))).toEqual([["2024-09-01", "2024-09-30"]]);
  });

  test("a title above the block (Strategic Planning 2023-2024) comes before the sheet name and the settings", async () => {
    const report = await analyzeRows("PL Plan 2025-26", grid("Strategic Planning 2023-2024", MONTHS_JUL_JUN, { October: "X" }, { March: "X" }), {
      asOf: AS_OF,
      settings: { schoolYear: 2021 },
    });
    const block = report.plan.blocks[0]!;
    expect(block.schoolYearSource).toBe("title");
    expect(block.title).toBe("Strategic Planning 2023-2024");
    expect(spans(activity(report, "Launch book study"))).toEqual([["2023-10-01", "2023-10-31"]]);
    expect(spans(activity(report, "Conduct Blast"))).toEqual([["2024-03-01", "2024-03-31"]]);
  });

  test("the sheet's name (PL Plan 2025-26) when no title names a year; it comes before the settings", async () => {
    const report = await analyzeRows("PL Plan 2025-26", grid(null, MONTHS_JUL_JUN, { October: "X" }, { March: "X" }), {
      asOf: AS_OF,
      settings: { schoolYear: 2021 },
    });
    expect(report.plan.blocks[0]!.schoolYearSource).toBe("sheet-name");
    expect(spans(activity(report, "Launch book study"))).toEqual([["2025-10-01", "2025-10-31"]]);
    expect(spans(activity(report, "Conduct Blast"))).toEqual([["2026-03-01", "2026-03-31"]]);
    expect(findingsOf(report, "school-year-assumed")).toEqual([]);
  });

  test("the settings' school year when neither header, title nor sheet name says", async () => {
    const file = await roundTrip({ sheets: [{ name: "Action Plan", rows: grid(null, MONTHS_JUL_JUN, { October: "X" }, { March: "X" }) }] });
    const report = analyzeSheet(gridOf(file), { settings: { schoolYear: 2024 }, asOf: AS_OF });
    expect(report.plan.blocks[0]!.schoolYearSource).toBe("settings");
    expect(spans(activity(report, "Launch book study"))).toEqual([["2024-10-01", "2024-10-31"]]);
    expect(spans(activity(report, "Conduct Blast"))).toEqual([["2025-03-01", "2025-03-31"]]);
    expect(findingsOf(report, "school-year-assumed")).toEqual([]);
  });

  test.each([
    ["2024-01-15", 2023, "2023-24"],
    ["2024-08-01", 2024, "2024-25"],
  ])("else the current school year as of %s, with a finding that says it was assumed", async (asOf, year, label) => {
    const report = await analyzeRows("Action Plan", grid(null, MONTHS_JUL_JUN, { October: "X" }, { March: "X" }), { asOf });
    const block = report.plan.blocks[0]!;
    expect(block.schoolYearSource).toBe("assumed");
    expect(block.schoolYear).toBe(year);
    expect(spans(activity(report, "Launch book study"))).toEqual([[`${year}-10-01`, `${year}-10-31`]]);
    const findings = findingsOf(report, "school-year-assumed");
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe("warning");
    expect(findings[0]!.cell).toBe(at("Action Plan", "D1"));
    expect(findings[0]!.message).toContain(label);
  });

  test("a header of school years needs nothing else and never assumes", async () => {
    const header = ["2024-25", "2025-26", "2026-27"];
    const report = await analyzeRows("Action Plan", grid(null, header, { "2024-25": "X" }, { "2026-27": "X" }), { asOf: AS_OF });
    expect(findingsOf(report, "school-year-assumed")).toEqual([]);
    expect(spans(activity(report, "Conduct Blast"))).toEqual([["2026-07-01", "2027-06-30"]]);
  });
});

describe("the school year's start month", () => {
  test("July by default: July is the first month of 2023-24 and June its last", async () => {
    const report = await analyzeRows("Sheet1", grid("Strategic Planning 2023-2024", MONTHS_JUL_JUN, { July: "X" }, { June: "X" }), { asOf: AS_OF });
    expect(report.plan.startMonth).toBe(7);
    expect(spans(activity(report, "Launch book study"))).toEqual([["2023-07-01", "2023-07-31"]]);
    expect(spans(activity(report, "Conduct Blast"))).toEqual([["2024-06-01", "2024-06-30"]]);
  });

  test("August from the settings: Aug..Jul under 2024-25 runs from August 2024 to July 2025", async () => {
    const header = ["Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul"];
    const report = await analyzeRows("Sheet1", grid("District PL Plan 2024-25", header, { Aug: "X" }, { Jul: "X" }), {
      asOf: AS_OF,
      settings: { startMonth: 8 },
    });
    expect(report.plan.startMonth).toBe(8);
    expect(spans(activity(report, "Launch book study"))).toEqual([["2024-08-01", "2024-08-31"]]);
    expect(spans(activity(report, "Conduct Blast"))).toEqual([["2025-07-01", "2025-07-31"]]);
  });

  test("August from the settings: a school year runs August to July, Q1 is August to October", async () => {
    const years = ["2024-25", "2025-26", "2026-27"];
    const quarters = ["Q1 2024-25", "Q2 2024-25", "Q3 2024-25", "Q4 2024-25"];
    const rows: CellInput[][] = [
      ["Action Step", "Owner", ...years],
      timelineRow(["Implement MTSS data days in every building.", "MTSS Coordinator"], years, { "2024-25": "X" }),
      [],
      ["Monitoring"],
      ["Action Step", "Owner", ...quarters],
      timelineRow(["Review EduCLIMBER intervention data.", "MTSS Coordinator"], quarters, { "Q1 2024-25": "X", "Q4 2024-25": "X" }),
    ];
    const report = await analyzeRows("Sheet1", rows, { asOf: AS_OF, settings: { startMonth: 8 } });
    expect(spans(activity(report, "Implement MTSS"))).toEqual([["2024-08-01", "2025-07-31"]]);
    expect(spans(activity(report, "Review EduCLIMBER"))).toEqual([
      ["2024-08-01", "2024-10-31"],
      ["2025-05-01", "2025-07-31"],
    ]);
  });

  test("a school year given in the settings starts in the settings' month", async () => {
    const header = ["Aug", "Sep", "Oct", "Nov", "Dec", "Jan"];
    const file = await roundTrip({ sheets: [{ name: "Action Plan", rows: grid(null, header, { Aug: "X" }, { Jan: "X" }) }] });
    const report = analyzeSheet(gridOf(file), { settings: { schoolYear: 2024, startMonth: 8 }, asOf: AS_OF });
    expect(spans(activity(report, "Launch book study"))).toEqual([["2024-08-01", "2024-08-31"]]);
    expect(spans(activity(report, "Conduct Blast"))).toEqual([["2025-01-01", "2025-01-31"]]);
  });
});
