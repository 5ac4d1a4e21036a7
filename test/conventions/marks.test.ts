/** @jest-environment node */
/**
 * docs/product.md, "Marks": the default vocabulary (planned, done, in progress, cancelled; lookalike X's; V/^ split
 * marks), fill-only Gantt cells, merged cells across periods, hidden period columns, formulas by their result,
 * error values as findings, anything else as a finding that names the cell; settings may add words.
 */
import { analyzeSheet, type Grid, type MarkState, type SheetReport } from "../../src/core";
import { activity, analyzeRows, at, findingsOf, gridOf, roundTrip, spans, statuses } from "../support/read-back";
import { MONTHS_JUL_JUN, timelineRow } from "../support/district";
import { PL_ACTIVITIES } from "../support/activities";
import { error, filled, formula, removeTempFiles, styled, type CellInput } from "../support/workbook-builder";

afterAll(removeTempFiles);

const AS_OF = "2024-01-15";
const M = MONTHS_JUL_JUN;
const SHEET = "Coaching Plan";
const TITLE = "Instructional Coaching Plan 2023-24";
/** Header on row 3: A label, B owner, C July ... F October ... N June. */
const HEADER: CellInput[] = ["Action Step", "Person(s) Responsible", ...M];

function sheetRows(rows: CellInput[][]): CellInput[][] {
  return [[TITLE], [], HEADER, ...rows];
}

/** Every entry of the vocabulary table, each in its own activity's October cell (F4, F5 ...). */
const VOCABULARY: [CellInput, MarkState, string][] = [
  ["X", "planned", "X"],
  ["x", "planned", "x"],
  ["\u0425", "planned", "Cyrillic capital Ha"],
  ["\u0445", "planned", "Cyrillic small ha"],
  ["\u03a7", "planned", "Greek capital Chi"],
  ["\u03c7", "planned", "Greek small chi"],
  ["\u00d7", "planned", "multiplication sign"],
  ["\u2715", "planned", "multiplication x"],
  ["\u2716", "planned", "heavy multiplication x"],
  ["\u2717", "planned", "ballot x"],
  ["\u2718", "planned", "heavy ballot x"],
  ["\u2022", "planned", "bullet"],
  ["\u25cf", "planned", "black circle"],
  ["\u25a0", "planned", "black square"],
  ["\u2588", "planned", "full block"],
  ["\u2713", "done", "check mark"],
  ["\u2714", "done", "heavy check mark"],
  ["\u2611", "done", "ballot box with check"],
  ["\u221a", "done", "square root"],
  ["\u2705", "done", "white heavy check mark"],
  ["done", "done", "done"],
  ["Complete", "done", "Complete"],
  ["Completed", "done", "Completed"],
  ["in progress", "in-progress", "in progress"],
  ["IP", "in-progress", "IP"],
  ["Started", "in-progress", "Started"],
  ["50%", "in-progress", "50% as text"],
  [styled(0.25, { numFmt: "0%" }), "in-progress", "25% as a formatted number"],
  ["cancelled", "cancelled", "cancelled"],
  ["Canceled", "cancelled", "Canceled"],
  ["deferred", "cancelled", "deferred"],
  ["Dropped", "cancelled", "Dropped"],
  ["N/A", "cancelled", "N/A"],
];

describe("the mark vocabulary", () => {
  let report: SheetReport;
  beforeAll(async () => {
    const rows = VOCABULARY.map(([mark], i) => timelineRow([PL_ACTIVITIES[i]!, "Instructional Coaches"], M, { October: mark }));
    report = await analyzeRows(SHEET, sheetRows(rows), { asOf: AS_OF });
  });

  test("every entry is read as one mark of its activity, in its own cell", () => {
    expect(report.plan.activities).toHaveLength(VOCABULARY.length);
    report.plan.activities.forEach((a, i) => {
      expect(a.schedule).toHaveLength(1);
      expect(a.schedule[0]!.cell).toBe(at(SHEET, `F${4 + i}`));
      expect(spans(a)).toEqual([["2023-10-01", "2023-10-31"]]);
    });
    expect(findingsOf(report, "unrecognized-mark")).toEqual([]);
  });

  test.each(VOCABULARY.map(([, state, name], i) => [name, state, i] as const))("%s means %s", (_name, state, i) => {
    const a = report.plan.activities[i]!;
    expect(a.text).toBe(PL_ACTIVITIES[i]);
    expect(a.schedule[0]!.state).toBe(state);
    // October 2023 ended before 15 January 2024: planned and in-progress marks are overdue, the others never are.
    const expected = state === "done" ? "done" : state === "cancelled" ? "cancelled" : "overdue";
    expect(statuses(report, a)[0]!.status).toBe(expected);
  });

  test("the mark keeps the text as typed", () => {
    expect(report.plan.activities[2]!.schedule[0]!.mark).toBe("\u0425");
    expect(report.plan.activities[22]!.schedule[0]!.mark).toBe("Completed");
    expect(report.plan.activities[27]!.schedule[0]!.mark).toBe("25%");
  });

  test("Cyrillic and Greek X's count, with a lookalike finding on each cell and a fix to a Latin X", () => {
    const lookalikes = findingsOf(report, "lookalike-mark");
    expect(lookalikes.map((f) => f.cell)).toEqual(["F6", "F7", "F8", "F9"].map((c) => at(SHEET, c)));
    expect(lookalikes[0]!.message).toMatch(/Cyrillic/);
    expect(lookalikes[2]!.message).toMatch(/Greek/);
    expect(lookalikes[0]!.fix?.edits).toMatchObject([{ cell: at(SHEET, "F6"), value: "X" }]);
    expect(lookalikes[1]!.fix?.edits).toMatchObject([{ cell: at(SHEET, "F7"), value: "x" }]);
  });

  test("a cancelled mark is never overdue, however late the day", async () => {
    const later = analyzeSheet(gridOf(await roundTrip({ sheets: [{ name: SHEET, rows: sheetRows(VOCABULARY.map(([mark], i) => timelineRow([PL_ACTIVITIES[i]!, "Coaches"], M, { October: mark }))) }] })), {
      asOf: "2030-06-30",
    });
    const cancelled = later.status.marks.filter((m) => m.mark.state === "cancelled");
    expect(cancelled).toHaveLength(5);
    expect(cancelled.every((m) => m.status === "cancelled")).toBe(true);
  });
});

describe("split marks (V over ^)", () => {
  test("a V directly above a ^ or an X in the same column of one activity is one planned mark", async () => {
    const rows = sheetRows([
      timelineRow(["Develop a survey to check implementation of professional", "PL Coordinator"], M, { April: "V", May: "V", June: "v" }),
      timelineRow(["learning needs for staff.", null], M, { April: "^", May: "X", June: "\u0425" }),
      timelineRow(["Plan professional learning for the upcoming year.", "PL Coordinator"], M, { July: "X" }),
    ]);
    const report = await analyzeRows(SHEET, rows, { asOf: AS_OF });
    const survey = activity(report, "Develop a survey");
    expect(survey.schedule.map((m) => [m.period, m.state, m.cells])).toEqual([
      ["Apr 2024", "planned", [at(SHEET, "L4"), at(SHEET, "L5")]],
      ["May 2024", "planned", [at(SHEET, "M4"), at(SHEET, "M5")]],
      ["Jun 2024", "planned", [at(SHEET, "N4"), at(SHEET, "N5")]],
    ]);
    const splits = findingsOf(report, "split-mark");
    expect(splits.map((f) => f.cell)).toEqual([at(SHEET, "L4"), at(SHEET, "M4"), at(SHEET, "N4")]);
    expect(splits[0]!.fix?.edits).toMatchObject([
      { cell: at(SHEET, "L4"), value: "X" },
      { cell: at(SHEET, "L5"), value: null },
    ]);
    expect(findingsOf(report, "unrecognized-mark")).toEqual([]);
    expect(report.summary.totals.scheduled).toBe(4);
  });

  test("an X on a line without text right above a ^ joins the activity of the ^", async () => {
    const rows = sheetRows([
      timelineRow(["Create a document that presents three options based on data.", "Cabinet"], M, { September: "X", October: "X" }),
      timelineRow([null, null], M, { November: "\u0425" }),
      timelineRow(["Present three options to the Strategic Planning Committee.", "Superintendent"], M, { November: "^" }),
    ]);
    const report = await analyzeRows(SHEET, rows, { asOf: AS_OF });
    expect(activity(report, "Create a document").schedule.map((m) => m.period)).toEqual(["Sep 2023", "Oct 2023"]);
    expect(activity(report, "Present three options").schedule.map((m) => [m.period, m.cells.length])).toEqual([["Nov 2023", 2]]);
  });

  test("a V or a ^ on its own is not a mark: a finding names the cell", async () => {
    const rows = sheetRows([
      timelineRow(["Meet quarterly to review data and adjust the plan.", "Cabinet"], M, { October: "V", January: "X" }),
      timelineRow(["Study the collected feedback and make adjustments.", "Cabinet"], M, { March: "^" }),
    ]);
    const report = await analyzeRows(SHEET, rows, { asOf: AS_OF });
    expect(activity(report, "Meet quarterly").schedule.map((m) => m.period)).toEqual(["Jan 2024"]);
    expect(findingsOf(report, "unrecognized-mark").map((f) => f.cell)).toEqual([at(SHEET, "F4"), at(SHEET, "K5")]);
  });
});

const BAR = "#4472C4";
const BAND = "#F2F2F2";

/** A Gantt sheet: bars are filled cells without text; every other row is banded across the whole row. */
function ganttRows(): CellInput[][] {
  const bar = (from: number, to: number, banded: boolean): CellInput[] =>
    M.map((_, i) => (i >= from && i <= to ? filled(BAR) : banded ? filled(BAND) : null));
  const band = (v: CellInput): CellInput => filled(BAND, v as string | null);
  return sheetRows([
    // Row 4: a bar July-September on a plain row.
    ["Develop a professional learning community (PLC) model for CSI schools.", "Director of PL", ...bar(0, 2, false)],
    // Row 5: banded row, bar October-May (longer than half the row).
    [band("Implement the PLC model for CSI schools."), band("Principals"), ...bar(3, 10, true)],
    // Row 6: plain row, an X and no fills.
    ["Monitor the PLC model for CSI schools.", "Cabinet", ...M.map((_, i) => (i === 4 ? "X" : null))],
    // Row 7: banded row without any mark: every cell shares the banding fill.
    [band("Research the allocation of professional learning time."), band("Research Office"), ...M.map(() => filled(BAND))],
  ]);
}

function expectGantt(report: SheetReport): void {
  expect(spans(activity(report, "Develop a professional")).map(([s]) => s)).toEqual(["2023-07-01", "2023-08-01", "2023-09-01"]);
  expect(activity(report, "Develop a professional").schedule.every((m) => m.mark === "" && m.state === "planned")).toBe(true);
  expect(spans(activity(report, "Implement the PLC")).map(([s]) => s)).toEqual([
    "2023-10-01", "2023-11-01", "2023-12-01", "2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01",
  ]);
  expect(spans(activity(report, "Monitor the PLC")).map(([s]) => s)).toEqual(["2023-11-01"]);
  expect(activity(report, "Research the allocation").schedule).toEqual([]);
}

/** The same Gantt sheet as the engine's input, built by hand (values, fills), bypassing the file reader. */
function ganttGrid(): Grid {
  const rows = ganttRows();
  const width = 2 + M.length;
  const values = rows.map((r) => Array.from({ length: width }, (_, c) => {
    const v = r[c];
    const raw = v !== null && typeof v === "object" && !(v instanceof Date) && "fill" in v ? v.value : v;
    return typeof raw === "string" ? raw : null;
  }));
  const fills = rows.map((r) => Array.from({ length: width }, (_, c) => {
    const v = r[c];
    return v !== null && typeof v === "object" && !(v instanceof Date) && "fill" in v ? (v.fill ?? null) : null;
  }));
  return { sheet: SHEET, top: 0, left: 0, values, fills };
}

describe("fills: Gantt bars and banding", () => {
  test("engine: filled cells without text that differ from the row's other cells are planned; a banded row without marks has none", () => {
    expectGantt(analyzeSheet(ganttGrid(), { asOf: AS_OF }));
  });

  test("xlsx: Gantt bars written as filled empty cells are planned marks, banding is not", async () => {
    const report = await analyzeRows(SHEET, ganttRows(), { asOf: AS_OF });
    expectGantt(report);
  });
});

describe("fills: merged Gantt bars", () => {
  test("xlsx: a Gantt bar drawn as one merged, filled cell marks each period it spans", async () => {
    const rows = sheetRows([
      ["Implement the PLC model for CSI schools.", "Principals", ...M.map((_, i) => (i === 3 ? filled(BAR) : null))],
      ["Monitor the PLC model for CSI schools.", "Cabinet", ...M.map((_, i) => (i === 7 ? "X" : null))],
    ]);
    const report = await analyzeRows(SHEET, rows, { asOf: AS_OF, merges: ["F4:I4"] });
    expect(activity(report, "Implement the PLC").schedule.map((m) => [m.period, m.mark])).toEqual([
      ["Oct 2023", ""],
      ["Nov 2023", ""],
      ["Dec 2023", ""],
      ["Jan 2024", ""],
    ]);
    expect(activity(report, "Monitor the PLC").schedule.map((m) => m.period)).toEqual(["Feb 2024"]);
  });
});

describe("merged, hidden, formula and error cells", () => {
  test("a merged cell across several periods marks each of them", async () => {
    const rows = sheetRows([
      timelineRow(["Implement professional learning for staff that includes clear expectations.", "Principals"], M, { October: "X" }),
      timelineRow(["Meet quarterly to review data and adjust the plan.", "Cabinet"], M, { February: "\u2713" }),
    ]);
    const report = await analyzeRows(SHEET, rows, { asOf: AS_OF, merges: ["F4:I4", "J5:K5"] });
    const implement = activity(report, "Implement professional learning");
    expect(implement.schedule.map((m) => [m.period, m.cell])).toEqual([
      ["Oct 2023", at(SHEET, "F4")],
      ["Nov 2023", at(SHEET, "G4")],
      ["Dec 2023", at(SHEET, "H4")],
      ["Jan 2024", at(SHEET, "I4")],
    ]);
    expect(activity(report, "Meet quarterly").schedule.map((m) => [m.period, m.state])).toEqual([
      ["Feb 2024", "done"],
      ["Mar 2024", "done"],
    ]);
  });

  test("a hidden period column still counts", async () => {
    const rows = sheetRows([
      timelineRow(["Conduct Blast Walkthroughs focused on empowered learning.", "Principals"], M, { October: "X", November: "X", December: "X" }),
    ]);
    const report = await analyzeRows(SHEET, rows, { asOf: AS_OF, hiddenColumns: ["G"] });
    const period = report.plan.blocks[0]!.periods.find((p) => p.label === "Nov 2023")!;
    expect(period.hidden).toBe(true);
    expect(activity(report, "Conduct Blast").schedule.map((m) => m.period)).toEqual(["Oct 2023", "Nov 2023", "Dec 2023"]);
  });

  test("a formula counts by its result", async () => {
    const rows = sheetRows([
      timelineRow(["Facilitate PLC data days with grade-level teams.", "Data Coach"], M, {
        September: formula('IF($B4<>"","X","")', "X"),
        October: formula('IF($B4="","X","")', ""),
        November: formula('IF(TODAY()>DATE(2023,11,30),"\u2713","X")', "\u2713"),
        December: formula("COUNTIF(C4:G4,\"X\")/1", 1),
      }),
    ]);
    const report = await analyzeRows(SHEET, rows, { asOf: AS_OF, numFmts: { H4: "0%" } });
    expect(activity(report, "Facilitate PLC data days").schedule.map((m) => [m.period, m.state, m.mark])).toEqual([
      ["Sep 2023", "planned", "X"],
      ["Nov 2023", "done", "\u2713"],
      ["Dec 2023", "done", "100%"],
    ]);
  });

  test("an error value is a finding, not a mark, whether typed or a formula's result", async () => {
    const rows = sheetRows([
      timelineRow(["Share KickUp survey results with building leadership teams.", error("#REF!")], M, {
        October: error("#N/A"),
        November: formula("VLOOKUP(A4,Calendar!A:B,2,FALSE)", { error: "#REF!" }),
        December: "X",
      }),
    ]);
    const report = await analyzeRows(SHEET, rows, { asOf: AS_OF });
    expect(activity(report, "Share KickUp").schedule.map((m) => m.period)).toEqual(["Dec 2023"]);
    const errors = findingsOf(report, "error-value");
    expect(errors.map((f) => f.cell)).toEqual([at(SHEET, "B4"), at(SHEET, "F4"), at(SHEET, "G4")]);
    expect(errors.every((f) => f.severity === "error")).toBe(true);
    expect(errors[1]!.message).toContain("#N/A");
    expect(errors[2]!.message).toContain("#REF!");
  });

  test("anything else is not a mark: a finding names the cell and its text", async () => {
    const rows = sheetRows([
      timelineRow(["Launch the culturally responsive teaching book study.", "Equity Coordinator"], M, {
        September: "TBD",
        October: "Ch. 1-3",
        November: 3,
        December: true,
        January: "X",
      }),
    ]);
    const report = await analyzeRows(SHEET, rows, { asOf: AS_OF });
    expect(activity(report, "Launch the culturally").schedule.map((m) => m.period)).toEqual(["Jan 2024"]);
    const unknown = findingsOf(report, "unrecognized-mark");
    expect(unknown.map((f) => f.cell)).toEqual(["E4", "F4", "G4", "H4"].map((c) => at(SHEET, c)));
    expect(unknown[0]!.message).toContain('"TBD"');
    expect(unknown[0]!.message).toContain("E4");
    expect(unknown[1]!.message).toContain('"Ch. 1-3"');
    expect(unknown[2]!.message).toContain('"3"');
    expect(unknown[3]!.message).toContain('"TRUE"');
  });
});

describe("settings add mark words", () => {
  const rows = sheetRows([
    timelineRow(["Provide all coaching roles with PD around coaching PLCs.", "Coaching Coordinator"], M, {
      August: "PD",
      September: "Met",
      October: "Postponed",
      November: "wip",
    }),
  ]);

  test("without the words the cells are unrecognized", async () => {
    const report = await analyzeRows(SHEET, rows, { asOf: AS_OF });
    expect(activity(report, "Provide all coaching").schedule).toEqual([]);
    expect(findingsOf(report, "unrecognized-mark")).toHaveLength(4);
  });

  test("with the words they are planned, done, cancelled and in-progress marks", async () => {
    const file = await roundTrip({ sheets: [{ name: SHEET, rows }] });
    const report = analyzeSheet(gridOf(file), {
      asOf: AS_OF,
      settings: { markWords: { planned: ["PD"], done: ["met"], cancelled: ["Postponed"], inProgress: ["WIP"] } },
    });
    expect(activity(report, "Provide all coaching").schedule.map((m) => [m.period, m.state])).toEqual([
      ["Aug 2023", "planned"],
      ["Sep 2023", "done"],
      ["Oct 2023", "cancelled"],
      ["Nov 2023", "in-progress"],
    ]);
    expect(findingsOf(report, "unrecognized-mark")).toEqual([]);
  });
});
