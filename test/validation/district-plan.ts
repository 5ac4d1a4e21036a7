/**
 * A realistic district professional-learning plan for the validation tests, and small tools to break it the
 * way planners and PDF pastes do (and to mend it the way a planner would).
 *
 *     row 1   By 2026, every Riverside teacher will plan instruction from student data in a PLC.   (the plan's goal)
 *     row 3   Professional Learning Plan 2023-2024                                               (the block's title)
 *     row 4   Action Step | Person(s) Responsible | July .. June (C..N) | Status (O)
 *     row 5.. Goal rows and action steps (BASE_LINES)
 *
 * As of 15 January 2024 the base plan reads cleanly: no finding at all.
 */
import type { Finding, SheetReport } from "../../src/core";
import { analyzeWorkbook, at } from "../support/read-back";
import { MONTHS_JUL_JUN, marked, timelineRow } from "../support/district";
import type { CellInput, SheetSpec } from "../support/workbook-builder";

export const SHEET = "PL Plan";
export const AS_OF = "2024-01-15";
export const M = MONTHS_JUL_JUN;
export type Month = (typeof MONTHS_JUL_JUN)[number];

export const PLAN_GOAL = "By 2026, every Riverside teacher will plan instruction from student data in a PLC.";
export const TITLE = "Professional Learning Plan 2023-2024";
export const HEADER: CellInput[] = ["Action Step", "Person(s) Responsible", ...M, "Status"];
/** Sheet row of the header; lines start on the row below it. */
export const HEADER_ROW = 4;

/** One line of the grid below the header: a goal row, an action step, or cells as they are. */
export type Line = { level: string } | { text: string; owner: string | null; marks: Record<string, CellInput>; status?: CellInput } | { cells: CellInput[] };

export const level = (text: string): Line => ({ level: text });
/** An action step with an X (or the given mark) under each named month. */
export function step(text: string, owner: string | null, months: readonly Month[] | Partial<Record<Month, CellInput>>, status: CellInput = null): Line {
  const marks = Array.isArray(months) ? marked(months as readonly string[]) : (months as Record<string, CellInput>);
  return { text, owner, marks, status };
}
/** A wrapped line, or a row of marks without text (label cell, owner cell, marks by month). */
export function line(text: string | null, months: readonly Month[] | Partial<Record<Month, CellInput>> = []): Line {
  const marks = Array.isArray(months) ? marked(months as readonly string[]) : (months as Record<string, CellInput>);
  return { cells: timelineRow([text, null], M, marks) };
}
/** A line with its cells as given. */
export const cells = (...values: CellInput[]): Line => ({ cells: values });
export const blank: Line = { cells: [] };

/** The months from `from` to `to`, in school-year order. */
export function months(from: Month, to: Month): Month[] {
  return M.slice(M.indexOf(from), M.indexOf(to) + 1);
}

export const BASE_LINES: readonly Line[] = [
  level("Goal 1: Build collaborative professional learning communities (PLCs) in every school."),
  step("Develop a PLC model for CSI schools, allowing time for adult learning.", "Director of PL", ["July", "August", "September"], "Complete"),
  step("Implement the PLC model in CSI schools with protected collaboration time.", "Principals", months("October", "May"), "In Progress"),
  step("Monitor the PLC model with the PLC self-assessment twice a year.", "Assistant Superintendent", ["November", "May"]),
  level("Goal 2: Use MTSS data to target support for every student."),
  step("Design the MTSS data protocol for grade-level teams.", "MTSS Coordinator", ["August", "September"], "Complete"),
  step("Capitalize on Data Days to review district common formative assessments.", "MTSS Coordinator", ["October", "January", "March"]),
  step("Meet quarterly to review MTSS data and adjust the plan.", "Cabinet", { October: "\u2713", January: "X", March: "X", June: "X" }, "On Track"),
  level("Goal 3: Grow teacher leaders through instructional coaching."),
  step("Train instructional coaches in the cognitive coaching cycle.", "Coaching Coordinator", ["August"], "Complete"),
  step("Provide coaching cycles for first- and second-year teachers.", "Instructional Coaches", ["September", "November", "February", "April"]),
  step("Report coaching outcomes to the school board annually.", "Superintendent", ["June"]),
];

function cellsOf(l: Line, periods: readonly string[] = M, status = true): CellInput[] {
  if ("level" in l) return [l.level];
  if ("cells" in l) return l.cells;
  const row = timelineRow([l.text, l.owner], periods, l.marks);
  return status ? [...row, l.status ?? null] : row;
}

export interface PlanOptions {
  goal?: string | null;
  title?: string | null;
  header?: CellInput[];
  sheet?: string;
}

/** The sheet: the goal, the title, the header and the lines (rows above the header keep their places). */
export function planSheet(lines: readonly Line[] = BASE_LINES, options: PlanOptions = {}): SheetSpec {
  const goal = options.goal === undefined ? PLAN_GOAL : options.goal;
  const title = options.title === undefined ? TITLE : options.title;
  return {
    name: options.sheet ?? SHEET,
    rows: [goal === null ? [] : [goal], [], title === null ? [] : [title], options.header ?? HEADER, ...lines.map((l) => cellsOf(l))],
    widths: { A: 60, B: 24 },
  };
}

/** Applies cell edits (a finding's fix, as the add-in would on the planner's click) to a sheet description. */
export function withEdits(sheet: SheetSpec, edits: readonly { cell: string; value: string | null }[]): SheetSpec {
  const rows = (sheet.rows ?? []).map((r) => [...r]);
  for (const edit of edits) {
    const m = /!([A-Z])(\d+)$/.exec(edit.cell);
    if (!m) throw new Error(`withEdits: ${edit.cell}`);
    const r = Number(m[2]) - 1;
    const c = m[1]!.charCodeAt(0) - "A".charCodeAt(0);
    while (rows.length <= r) rows.push([]);
    const row = rows[r]!;
    while (row.length <= c) row.push(null);
    row[c] = edit.value;
  }
  return { ...sheet, rows };
}

/** Writes the plan as .xlsx, reads it back through the command line's reader, and analyzes it as of AS_OF. */
export function analyzePlan(lines: readonly Line[] = BASE_LINES, options: PlanOptions & { asOf?: string } = {}): Promise<SheetReport> {
  return analyzeWorkbook({ sheets: [planSheet(lines, options)] }, { asOf: options.asOf ?? AS_OF });
}

function textOf(l: Line): string {
  if ("level" in l) return l.level;
  if ("text" in l) return l.text;
  const first = l.cells[0];
  return typeof first === "string" ? first : "";
}

function indexOf(lines: readonly Line[], start: string): number {
  const found = lines.map((l, i) => [textOf(l), i] as const).filter(([t]) => t.startsWith(start));
  if (found.length !== 1) throw new Error(`expected one line starting "${start}", found ${found.length}`);
  return found[0]![1];
}

/** The sheet row (1-based) of the line that starts with `start`. */
export function rowOf(lines: readonly Line[], start: string): number {
  return HEADER_ROW + 1 + indexOf(lines, start);
}

/** The lines with the one starting `start` replaced (by none, one or several lines). */
export function replace(lines: readonly Line[], start: string, ...by: Line[]): Line[] {
  const i = indexOf(lines, start);
  return [...lines.slice(0, i), ...by, ...lines.slice(i + 1)];
}

/** The lines with `extra` inserted after the one starting `start`. */
export function insertAfter(lines: readonly Line[], start: string, ...extra: Line[]): Line[] {
  const i = indexOf(lines, start);
  return [...lines.slice(0, i + 1), ...extra, ...lines.slice(i + 1)];
}

/** The column letter of a month in this plan (July is C). */
export function col(month: Month): string {
  return String.fromCharCode("C".charCodeAt(0) + M.indexOf(month));
}

/** `'PL Plan'!C5` */
export function cell(a1: string, sheet = SHEET): string {
  return at(sheet, a1);
}

/** The status column. */
export const STATUS = "O";
export const OWNER = "B";
export const LABEL = "A";

/** No finding at all; on failure the findings are printed, so a misfire is easy to read. */
export function expectClean(report: SheetReport): void {
  expect(report.findings.map(show)).toEqual([]);
}

/** No finding of the rule; on failure its findings are printed. */
export function expectSilent(report: SheetReport, rule: string): void {
  expect(report.findings.filter((f) => f.rule === rule).map(show)).toEqual([]);
}

/** The one finding of the rule (fails, showing all of the rule's findings, when there is not exactly one). */
export function only(report: SheetReport, rule: string): Finding {
  const found = report.findings.filter((f) => f.rule === rule);
  expect(found.map(show)).toHaveLength(1);
  return found[0]!;
}

export function show(f: Finding): string {
  return `${f.severity} ${f.rule} ${f.cell}: ${f.message}`;
}

// ---------------------------------------------------------------- a five-year plan by school year (as in seed 000)

export const YEARS = ["23-24", "24-25", "25-26", "26-27", "27-28"] as const;
export type Year = (typeof YEARS)[number];
export const YEAR_GOAL = "By 2028, all Riverside staff will receive professional learning that improves their practice and opens paths to advancement.";

/** A multi-year step: marks under the named school years. */
export function yearStep(text: string, owner: string | null, years: readonly Year[]): Line {
  return { text, owner, marks: marked(years) };
}

/** The years from `from` to `to`. */
export function yearsFrom(from: Year, to: Year): Year[] {
  return YEARS.slice(YEARS.indexOf(from), YEARS.indexOf(to) + 1);
}

export const YEAR_LINES: readonly Line[] = [
  yearStep("Structures will be developed to provide required professional learning within the workday.", "Superintendent", ["23-24", "24-25"]),
  yearStep("Provide differentiated supports and accountability measures for professional learning.", "Director of PL", yearsFrom("23-24", "25-26")),
  yearStep("All staff engage in culturally responsive professional learning and reflection.", "Equity Coordinator", yearsFrom("24-25", "27-28")),
  yearStep("Offer leveled, self-directed professional learning that meets the needs of staff.", "PL Coordinator", yearsFrom("25-26", "27-28")),
];

/**
 * Row 1 the goal (also the block's title, as in seed 000), row 3 the header: A label, B owner, C 23-24 .. G 27-28
 * (or the given header cells); the lines from row 4.
 */
export function yearPlanSheet(lines: readonly Line[] = YEAR_LINES, options: { goal?: string | null; years?: readonly string[]; sheet?: string } = {}): SheetSpec {
  const goal = options.goal === undefined ? YEAR_GOAL : options.goal;
  const years = options.years ?? YEARS;
  return {
    name: options.sheet ?? "Five-Year Plan",
    rows: [goal === null ? [] : [goal], [], ["Activities and Milestones", "Person(s) Responsible", ...years], ...lines.map((l) => cellsOf(l, years, false))],
  };
}

/** Writes one sheet as .xlsx, reads it back through the command line's reader, and analyzes it. */
export function analyzeSpec(sheet: SheetSpec, asOf = AS_OF): Promise<SheetReport> {
  return analyzeWorkbook({ sheets: [sheet] }, { asOf });
}
