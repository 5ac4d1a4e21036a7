/** @jest-environment node */
/**
 * docs/product.md, "Blocks" and "Columns": every header row starts a block, a sheet can hold several, the block's
 * title is the nearest text above its header; the label column is the block's leftmost text column, other
 * headed columns are attributes matched by name, and a narrow column of numbers beside the label is the
 * step number.
 */
import { activity, analyzeRows, at, findingsOf, spans } from "../support/read-back";
import { MONTHS_JUL_JUN, timelineRow } from "../support/district";
import { date, removeTempFiles, styled, type CellInput } from "../support/workbook-builder";

afterAll(removeTempFiles);

const AS_OF = "2024-01-15";
const YEARS = ["23-24", "24-25", "25-26", "26-27", "27-28"];

/** The MPS layout (seed 000) as a district keeps it in Excel: a goal, a block by school year, two blocks by month. */
function mpsRows(): CellInput[][] {
  return [
    ["By 2028, all MPS staff will receive professional learning opportunities to improve their performance and opportunities for advancement within their careers."],
    [],
    ["Activities and Milestones", ...YEARS],
    timelineRow(["Structures will be developed to provide required professional learning within the workday for all staff."], YEARS, { "23-24": "X", "24-25": "X" }),
    timelineRow(["The district will provide differentiated supports and establish accountability measures."], YEARS, { "23-24": "X", "24-25": "X", "25-26": "X" }),
    [],
    [null, "Strategic Planning 2023-2024"],
    ["Activities and Milestones", ...MONTHS_JUL_JUN],
    timelineRow(["Develop a professional learning community (PLC) model for CSI schools."], MONTHS_JUL_JUN, { July: "X", August: "X", September: "X" }),
    timelineRow(["Implement the PLC model for CSI schools, allowing time for adult learning."], MONTHS_JUL_JUN, { October: "X", November: "X" }),
    [],
    [null, "Strategic Planning 2024-2025"],
    ["Activities and Milestones", ...MONTHS_JUL_JUN],
    timelineRow(["Create a document that presents three options based on data from similar districts."], MONTHS_JUL_JUN, { September: "X", October: "X" }),
    timelineRow(["Present three options to the Strategic Planning Committee."], MONTHS_JUL_JUN, { November: "X" }),
  ];
}

describe("blocks", () => {
  test("every header row starts a block: one sheet holds a school-year block and two month blocks with their titles", async () => {
    const report = await analyzeRows("Activities and Milestones", mpsRows(), { asOf: AS_OF });
    const blocks = report.plan.blocks;
    expect(blocks.map((b) => [b.kind, b.headerRow])).toEqual([
      ["school-year", 3],
      ["month", 8],
      ["month", 13],
    ]);
    expect(blocks[1]!.title).toBe("Strategic Planning 2023-2024");
    expect(blocks[1]!.titleCell).toBe(at("Activities and Milestones", "B7"));
    expect(blocks[2]!.title).toBe("Strategic Planning 2024-2025");
    // Each activity belongs to the block it sits under, and is dated by that block's header and title.
    expect(activity(report, "Structures will be developed").block).toBe(0);
    expect(activity(report, "Implement the PLC model").block).toBe(1);
    expect(spans(activity(report, "Implement the PLC model"))).toEqual([
      ["2023-10-01", "2023-10-31"],
      ["2023-11-01", "2023-11-30"],
    ]);
    expect(activity(report, "Present three options").block).toBe(2);
    expect(spans(activity(report, "Present three options"))).toEqual([["2024-11-01", "2024-11-30"]]);
    expect(report.plan.activities).toHaveLength(6);
  });

  test("a new header row directly under an activity starts a new block, with no blank row or title between", async () => {
    const q = ["Q1", "Q2", "Q3", "Q4"];
    const rows: CellInput[][] = [
      ["PLC Implementation 2024-25"],
      ["Action Step", ...MONTHS_JUL_JUN.slice(0, 4)],
      timelineRow(["Train PLC leads on the data protocol."], MONTHS_JUL_JUN.slice(0, 4), { August: "X" }),
      ["Action Step", ...q],
      timelineRow(["Review PLC self-assessments with building leaders."], q, { Q2: "X", Q4: "X" }),
    ];
    const report = await analyzeRows("Sheet1", rows, { asOf: AS_OF });
    expect(report.plan.blocks.map((b) => b.kind)).toEqual(["month", "quarter"]);
    expect(activity(report, "Train PLC leads").block).toBe(0);
    expect(activity(report, "Review PLC self-assessments").block).toBe(1);
  });

  test("the block's title is the nearest text above its header", async () => {
    const rows: CellInput[][] = [
      ["Goal 2: Continue to revise and implement with fidelity the PLC model and MTSS."],
      [],
      ["Objective 1: Use building data to determine targeted areas of growth."],
      [],
      ["Monitoring Calendar 2024-2025"],
      [],
      ["Action Step", "Owner", ...MONTHS_JUL_JUN],
      timelineRow(["Develop and implement PLC training.", "PLC Coaches"], MONTHS_JUL_JUN, { August: "X" }),
    ];
    const report = await analyzeRows("Goal 2", rows, { asOf: AS_OF });
    expect(report.plan.blocks[0]!.title).toBe("Monitoring Calendar 2024-2025");
    expect(report.plan.blocks[0]!.titleCell).toBe(at("Goal 2", "A5"));
    expect(spans(activity(report, "Develop and implement PLC"))).toEqual([["2024-08-01", "2024-08-31"]]);
  });

  test("a title right under the goal line, right above the header, is still the first block's title", async () => {
    const rows: CellInput[][] = [
      ["Goal 1: All staff will engage in professional learning on culturally responsive practices."],
      ["Strategic Planning 2025-2026"],
      ["Activities and Milestones", "Person(s) Responsible", ...MONTHS_JUL_JUN],
      timelineRow(["Launch the culturally responsive teaching book study.", "Equity Coordinator"], MONTHS_JUL_JUN, { September: "X" }),
    ];
    const report = await analyzeRows("Sheet1", rows, { asOf: AS_OF });
    expect(report.plan.blocks[0]!.title).toBe("Strategic Planning 2025-2026");
    expect(report.plan.blocks[0]!.schoolYearSource).toBe("title");
    expect(spans(activity(report, "Launch the culturally"))).toEqual([["2025-09-01", "2025-09-30"]]);
    expect(findingsOf(report, "school-year-assumed")).toEqual([]);
  });

  test("blank rows inside a block separate nothing: the activities after them stay in the block", async () => {
    const rows: CellInput[][] = [
      ["Strategic Planning 2023-2024"],
      ["Activities and Milestones", ...MONTHS_JUL_JUN],
      timelineRow(["Research the allocation of professional learning time in neighboring districts."], MONTHS_JUL_JUN, { July: "X" }),
      [],
      [],
      timelineRow(["Study the collected feedback and make adjustments."], MONTHS_JUL_JUN, { November: "X" }),
    ];
    const report = await analyzeRows("Sheet1", rows, { asOf: AS_OF });
    expect(report.plan.blocks).toHaveLength(1);
    expect(report.plan.activities.map((a) => a.block)).toEqual([0, 0]);
    expect(spans(activity(report, "Study the collected"))).toEqual([["2023-11-01", "2023-11-30"]]);
  });
});

/** A "Goal / Strategy / Action Step" sheet with every attribute column a district keeps. */
function actionPlanRows(): CellInput[][] {
  const months = MONTHS_JUL_JUN.slice(0, 6);
  return [
    ["Professional Learning Action Plan 2024-25"],
    [],
    ["#", "Goal / Strategy / Action Step", "Person(s) Responsible", "Evidence of Implementation", "Resources / Budget", "Status", "Notes", ...months],
    timelineRow([1, "Identify and communicate assured practices around equitable learning.", "Asst. Superintendent", "Assured practices document", "Title II, $4,000", "On Track", "Shared at admin retreat"], months, { July: "X", August: "X" }),
    timelineRow([2, "Update Blast Walkthrough observation tools to focus on empowered learning.", "Principals", "Walkthrough tool", "Staff time", "Not Started", null], months, { October: "X" }),
    timelineRow([3, "Use Blast Walkthroughs to determine the extent of empowered learning practices.", "Principals; Instructional Coaches", "Walkthrough data", null, "At Risk", null], months, { November: "X", December: "X" }),
  ];
}

describe("columns", () => {
  test("attribute columns are found by name; the step number sits in the narrow numbered column beside the label", async () => {
    const report = await analyzeRows("Action Plan", actionPlanRows(), { asOf: AS_OF });
    const block = report.plan.blocks[0]!;
    expect(block.labelColumn).toBe("B");
    expect(block.columns).toEqual({ step: "A", owner: "C", evidence: "D", resources: "E", status: "F", notes: "G" });
    const first = activity(report, "Identify and communicate");
    expect(first).toMatchObject({
      step: "1",
      owner: "Asst. Superintendent",
      evidence: "Assured practices document",
      resources: "Title II, $4,000",
      status: "On Track",
      notes: "Shared at admin retreat",
      cell: at("Action Plan", "B4"),
    });
    expect(activity(report, "Use Blast Walkthroughs").owner).toBe("Principals; Instructional Coaches");
    expect(activity(report, "Use Blast Walkthroughs").step).toBe("3");
    expect(report.plan.activities).toHaveLength(3);
  });

  test("the label column is the leftmost text column, even when its header names no role", async () => {
    const months = ["Sep", "Oct", "Nov", "Dec"];
    const rows: CellInput[][] = [
      ["PL Plan 2023-24"],
      [null, "What we will do", "Lead", ...months],
      timelineRow([null, "Facilitate data days with grade-level teams.", "Data Coach"], months, { Oct: "X" }),
      timelineRow([null, "Share formative assessment results with families.", "Principals"], months, { Dec: "X" }),
    ];
    const report = await analyzeRows("Sheet1", rows, { asOf: AS_OF });
    expect(report.plan.blocks[0]!.labelColumn).toBe("B");
    expect(activity(report, "Facilitate data days").owner).toBe("Data Coach");
    expect(activity(report, "Facilitate data days").cell).toBe(at("Sheet1", "B3"));
  });

  test("an attribute column left of the label is still an attribute, not the label", async () => {
    const months = ["Sep", "Oct", "Nov", "Dec"];
    const rows: CellInput[][] = [
      ["PL Plan 2023-24"],
      ["Owner", "Action Step", ...months],
      timelineRow(["Director of Curriculum", "Inventory current curriculum for use of standards and proficiency scales."], months, { Sep: "X" }),
      timelineRow(["Building Principals", "Send teams to training around proficiency scales."], months, { Nov: "X" }),
    ];
    const report = await analyzeRows("Sheet1", rows, { asOf: AS_OF });
    expect(report.plan.blocks[0]!.labelColumn).toBe("B");
    expect(activity(report, "Inventory current curriculum").owner).toBe("Director of Curriculum");
  });

  test.each([
    ["owner", "Person(s) Responsible"],
    ["owner", "Owner"],
    ["owner", "Lead"],
    ["owner", "Who"],
    ["evidence", "Evidence"],
    ["evidence", "Measure"],
    ["evidence", "Indicator"],
    ["evidence", "Artifact"],
    ["resources", "Resources"],
    ["resources", "Budget"],
    ["resources", "Cost"],
    ["status", "Status"],
    ["status", "Progress"],
    ["status", "% Complete"],
    ["notes", "Notes"],
  ])("the %s column found by its header %p", async (role, header) => {
    const months = ["Oct", "Nov", "Dec", "Jan"];
    const value = role === "status" ? "In Progress" : "Instructional Coaches";
    const rows: CellInput[][] = [
      ["Coaching Plan 2023-24"],
      ["Action Step", header, ...months],
      timelineRow(["Provide all coaching roles with PD around coaching PLCs.", value], months, { Nov: "X" }),
    ];
    const report = await analyzeRows("Sheet1", rows, { asOf: AS_OF });
    expect(report.plan.blocks[0]!.columns[role]).toBe("B");
    expect(activity(report, "Provide all coaching roles")[role as "owner" | "evidence" | "resources" | "status" | "notes"]).toBe(value);
  });

  test("a % Complete column with a percentage format reads as a percentage", async () => {
    const months = ["Oct", "Nov", "Dec", "Jan"];
    const rows: CellInput[][] = [
      ["Coaching Plan 2023-24"],
      ["Action Step", "% Complete", ...months],
      timelineRow(["Provide all coaching roles with PD around coaching PLCs.", styled(0.5, { numFmt: "0%" })], months, { Nov: "X" }),
    ];
    const report = await analyzeRows("Sheet1", rows, { asOf: AS_OF });
    expect(activity(report, "Provide all coaching roles").status).toBe("50%");
  });

  test("dates in the block's own columns (Start Date, Target Date, Date Completed) are attributes, not a new timeline", async () => {
    const d = (y: number, m: number, day: number): CellInput => date(y, m, day, "m/d/yyyy");
    const rows: CellInput[][] = [
      ["PL Action Plan 2023-24"],
      [],
      ["Action Step", "Start Date", "Target Date", "Date Completed", ...MONTHS_JUL_JUN],
      timelineRow(["Provide coaching cycles for new teachers.", d(2023, 8, 1), d(2023, 12, 15), d(2023, 12, 20)], MONTHS_JUL_JUN, { August: "X", September: "X" }),
      timelineRow(["Survey staff on professional learning needs.", d(2023, 9, 5), d(2023, 11, 30), d(2024, 1, 12)], MONTHS_JUL_JUN, { November: "\u2713" }),
      timelineRow(["Share KickUp survey results with building leadership teams.", d(2024, 1, 8), d(2024, 2, 1), d(2024, 2, 3)], MONTHS_JUL_JUN, { February: "X" }),
    ];
    const report = await analyzeRows("Sheet1", rows, { asOf: AS_OF });
    expect(report.plan.blocks).toHaveLength(1);
    expect(report.plan.activities).toHaveLength(3);
    expect(activity(report, "Provide coaching cycles").attributes).toEqual({
      "Start Date": "2023-08-01",
      "Target Date": "2023-12-15",
      "Date Completed": "2023-12-20",
    });
    expect(spans(activity(report, "Survey staff"))).toEqual([["2023-11-01", "2023-11-30"]]);
    expect(spans(activity(report, "Share KickUp"))).toEqual([["2024-02-01", "2024-02-29"]]);
  });

  test("step numbers written as text (1.1, 1.2) beside the label are step numbers too", async () => {
    const months = ["Oct", "Nov", "Dec", "Jan"];
    const rows: CellInput[][] = [
      ["Coaching Plan 2023-24"],
      [null, "Action Step", "Lead", ...months],
      timelineRow(["1.1", "Review current templates for alignment.", "Cabinet"], months, { Oct: "X" }),
      timelineRow(["1.2", "Ensure new templates are aligned.", "Cabinet"], months, { Dec: "X" }),
    ];
    const report = await analyzeRows("Sheet1", rows, { asOf: AS_OF });
    expect(report.plan.blocks[0]!.columns["step"]).toBe("A");
    expect(report.plan.activities.map((a) => [a.step, a.text])).toEqual([
      ["1.1", "Review current templates for alignment."],
      ["1.2", "Ensure new templates are aligned."],
    ]);
  });
});
