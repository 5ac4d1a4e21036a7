/**
 * fast-check arbitraries for sheet grids: any grid (random cells, formats, fills, merges, hidden rows and columns,
 * a realistic timeline header sometimes injected) and plan-like grids (a title, a header, activity rows, noise).
 * Shared by the reading properties and the differential test of the engine's output.
 */
import fc from "fast-check";
import { EXCEL_ERRORS, type Area, type CellValue, type Grid } from "../../src/core";

// ------------------------------------------------------------------ arbitraries

const MARKS = [
  "X", "x", "\u0425", "\u0445", "\u03a7", "\u03c7", "\u00d7", "\u2715", "\u2717", "\u2022", "\u25cf", "\u2588",
  "\u2713", "\u2714", "\u2705", "done", "Complete", "in progress", "IP", "started", "50%", "100%", "0%",
  "cancelled", "deferred", "N/A", "V", "v", "^", "TBD", "?", " ",
];
const PERIOD_LABELS = [
  "July", "Jul", "Aug.", "Sept", "Sep.", "sept.", "enero", "December", "Jan", "Jun", "Jul-23", "July 2023", "Jul '23",
  "23-24", "2023-24", "2023-2024", "SY23-24", "SY 2023-24", "SY24", "Year 1", "Year 2", "Year 3", "Q1", "Q2", "Q3", "Q4",
  "Q1 2025-26", "Q4 2025-26", "Fall", "Winter", "Spring", "Summer", "T1", "T2", "T3", "Semester 1", "Semester 2", "2024", "2025",
];
const LABELS = [
  "Activities and Milestones", "Goal / Strategy / Action Step", "Person(s) Responsible", "Owner", "Evidence", "Budget",
  "Status", "% Complete", "Notes", "#", "Goal 1: Maintain our professional learning focus", "Goal #2", "Objective 3:",
  "Strategy 1.1", "Priority", "Focus Area", "Initiative A:", "Action Step 1: Develop a toolkit",
  "Develop a survey to check implementation of professional", "learning needs for staff.", "- CCAR", "\u2022 Restorative Practices",
  "Implement the PLC model for CSI schools.", "Monitor the PLC model quarterly.", "Strategic Planning 2023-2024",
  "PL Plan 2025-26", "By 2028, all staff will receive professional learning.", "On Track", "Not Started", "Completed",
  "Cancelled", "=SUM(A1:A3)", "+1 coach", "@district", "Meet twice a year with principals.",
];
const ERRORS = [...EXCEL_ERRORS];
const FORMATS = ["General", "mmm-yy", "mmm yyyy", "0%", "0.0%", "yyyy-mm-dd", "@", "[h]:mm", "d-mmm", "0.00", "m/d/yyyy", '"Q"0'];
const FILLS = ["#FFFFFF", "#4472C4", "#F2F2F2", "#FFC000", "theme:4:0", "theme:0:-0.05", "indexed:22", "ffc000"];

const textCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...MARKS) },
  { weight: 3, arbitrary: fc.constantFrom(...PERIOD_LABELS) },
  { weight: 3, arbitrary: fc.constantFrom(...LABELS) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
);
const numberCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(45474, 45505, 45658, 0.25, 0.5, 1, 0, 2024, 2025, 2026, 1, 2, 3, 60, 2_958_465),
  fc.integer({ min: -100_000, max: 3_000_000 }),
  fc.double(),
);
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 8, arbitrary: fc.constant(null) },
  { weight: 6, arbitrary: textCell },
  { weight: 2, arbitrary: numberCell },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(...ERRORS) },
);

const SHEET_NAMES = ["Sheet1", "PL Plan 2025-26", "Goal 1 PLCs", "O'Brien's plan", "Plan (draft) 2023-24", "A\u00f1o escolar 2024-25", "''"];
/** Names Excel allows: 1-31 characters, none of []:*?/\ . */
const sheetName = fc.oneof(
  fc.constantFrom(...SHEET_NAMES),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 31 }).filter((s) => !/[[\]:*?/\\]/.test(s) && s.trim() !== ""),
);

const area: fc.Arbitrary<Area> = fc.record({ top: fc.nat(24), left: fc.nat(16), bottom: fc.nat(24), right: fc.nat(16) });
const rows = <T>(arb: fc.Arbitrary<T>, width = 12, height = 16): fc.Arbitrary<T[][]> =>
  fc.array(fc.array(arb, { maxLength: width }), { maxLength: height });

/** A header to inject: a run of period labels from a realistic sequence, at a row and column. */
const HEADER_RUNS = [
  ["July", "August", "September", "October", "November", "December", "January", "February", "March", "April", "May", "June"],
  ["Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun"],
  ["23-24", "24-25", "25-26", "26-27", "27-28"],
  ["SY24", "SY25", "SY26", "SY27"],
  ["Year 1", "Year 2", "Year 3"],
  ["Q1", "Q2", "Q3", "Q4", "Q1", "Q2", "Q3", "Q4"],
  ["Q1 2025-26", "Q2 2025-26", "Q3 2025-26", "Q4 2025-26"],
  ["Fall", "Winter", "Spring", "Summer"],
  ["Jul-23", "Aug-23", "Sep-23", "Oct-23", "Nov-23", "Dec-23", "Jan-24"],
  ["Sep", "Jan", "Sep", "Dec", "Nov"],
];
const injectedHeader = fc.record({
  run: fc.nat(HEADER_RUNS.length - 1),
  row: fc.nat(15),
  column: fc.nat(3),
  length: fc.integer({ min: 3, max: 12 }),
  yearRow: fc.boolean(),
  serials: fc.boolean(),
});

interface GridInput {
  sheet: string;
  top: number;
  left: number;
  values: CellValue[][];
  header: { run: number; row: number; column: number; length: number; yearRow: boolean; serials: boolean } | null;
  formats: (string | null)[][] | null;
  fills: (string | null)[][] | null;
  merges: Area[] | null;
  hiddenRows: number[] | null;
  hiddenColumns: number[] | null;
  date1904: boolean | null;
}

function toGrid(input: GridInput): Grid {
  const values = input.values.map((r) => [...r]);
  const formats = input.formats?.map((r) => [...r]) ?? null;
  const h = input.header;
  if (h !== null) {
    const run = HEADER_RUNS[h.run]!.slice(0, h.length);
    while (values.length <= h.row) values.push([]);
    const line = values[h.row]!;
    while (line.length < h.column) line.push(null);
    line[h.column] = "Activities and Milestones";
    run.forEach((label, i) => {
      line[h.column + 1 + i] = label;
    });
    if (h.serials && h.run <= 1 && formats !== null) {
      // The same months as date serials with a date format (1 July 2023 onwards).
      const serials = [45108, 45139, 45170, 45200, 45231, 45261, 45292, 45323, 45352, 45383, 45413, 45444];
      while (formats.length <= h.row) formats.push([]);
      run.forEach((_, i) => {
        line[h.column + 1 + i] = serials[i]!;
        formats[h.row]![h.column + 1 + i] = "mmm-yy";
      });
    }
    if (h.yearRow && h.row > 0) {
      const above = values[h.row - 1]!;
      while (above.length <= h.column + 1) above.push(null);
      above[h.column + 1] = "2024-25";
    }
  }
  const grid: Grid = { sheet: input.sheet, top: input.top, left: input.left, values };
  if (formats !== null) grid.formats = formats;
  if (input.fills !== null) grid.fills = input.fills;
  if (input.merges !== null) grid.merges = input.merges;
  if (input.hiddenRows !== null) grid.hiddenRows = input.hiddenRows;
  if (input.hiddenColumns !== null) grid.hiddenColumns = input.hiddenColumns;
  if (input.date1904 !== null) grid.date1904 = input.date1904;
  return grid;
}

export const gridArb: fc.Arbitrary<Grid> = fc
  .record({
    sheet: sheetName,
    top: fc.oneof(fc.constant(0), fc.nat(6)),
    left: fc.oneof(fc.constant(0), fc.nat(4)),
    values: rows(cell),
    header: fc.option(injectedHeader, { nil: null, freq: 3 }),
    formats: fc.option(rows(fc.option(fc.constantFrom(...FORMATS), { nil: null })), { nil: null }),
    fills: fc.option(rows(fc.option(fc.constantFrom(...FILLS), { nil: null })), { nil: null }),
    merges: fc.option(fc.array(area, { maxLength: 6 }), { nil: null }),
    hiddenRows: fc.option(fc.array(fc.nat(24), { maxLength: 4 }), { nil: null }),
    hiddenColumns: fc.option(fc.array(fc.nat(16), { maxLength: 4 }), { nil: null }),
    date1904: fc.option(fc.boolean(), { nil: null }),
  })
  .map((input) => toGrid(input));

/** A plan-like grid: a title, a header, activity rows with marks under the periods, then random noise on top. */
export const planGridArb: fc.Arbitrary<Grid> = fc
  .record({
    base: gridArb,
    title: fc.option(fc.constantFrom("Strategic Planning 2023-2024", "PL Plan 2025-26", "Goal 1: PLCs", "Monitoring"), { nil: null }),
    run: fc.nat(HEADER_RUNS.length - 1),
    activities: fc.array(
      fc.record({
        label: fc.oneof(fc.constantFrom(...LABELS), fc.constant(null)),
        owner: fc.option(fc.constantFrom("Principals", "Director of PL", "Complete", "On Track"), { nil: null }),
        marks: fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: fc.constantFrom(...MARKS) }), { maxLength: 12 }),
      }),
      { minLength: 1, maxLength: 10 },
    ),
    noise: fc.array(fc.record({ row: fc.nat(14), column: fc.nat(14), value: cell }), { maxLength: 6 }),
  })
  .map(({ base, title, run, activities, noise }) => {
    const periods = HEADER_RUNS[run]!;
    const values: CellValue[][] = [
      ...(title === null ? [] : [[title], []]),
      ["Activities and Milestones", "Person(s) Responsible", ...periods],
      ...activities.map((a) => [a.label, a.owner, ...a.marks.slice(0, periods.length)]),
    ];
    for (const n of noise) {
      while (values.length <= n.row) values.push([]);
      const line = values[n.row]!;
      while (line.length <= n.column) line.push(null);
      line[n.column] = n.value;
    }
    return { ...base, values };
  });

export const anyGridArb = fc.oneof(gridArb, planGridArb);
