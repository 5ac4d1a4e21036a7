import { isYearLabel, needsYear, parsePeriodLabel, type PeriodLabel } from "../period-label";
import type { CellValue, SheetGrid } from "../grid";

/** A row that names three or more periods: the top of a block. */
export interface TimelineHeader {
  row: number;
  /** Period columns, left to right, with what each header cell says. */
  columns: number[];
  labels: PeriodLabel[];
  /** The row above that gives quarters or months their school year (often merged cells), if any. */
  groupRow: number | null;
  /** Per period column: the year the group row gives it, or null. */
  groupYears: (GroupYear | null)[];
}

/** A year written above a run of period columns: a school year (2023-24) or a calendar year (2024). */
export interface GroupYear {
  kind: "school" | "calendar";
  year: number;
}

const MIN_PERIODS = 3;

/** Period labels of texts already read on this sheet: owners, marks and headings repeat down a sheet. */
type KnownLabels = Map<string, PeriodLabel | null>;

/** A cell that could name a period: a number (a date, a year) or a short text. A mark ("X") is too short. */
function mayBeLabel(v: CellValue | undefined): v is string | number {
  return typeof v === "number" || (typeof v === "string" && v.length >= 2 && v.length <= 40);
}

/**
 * Whether a row has enough cells that could name a period to be a header. Most rows of a sheet are activities,
 * with a label, an owner and marks: they are passed over without reading any text.
 */
function mayNamePeriods(values: readonly (CellValue | undefined)[]): boolean {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (mayBeLabel(values[i]) && ++n >= MIN_PERIODS) return true;
  return false;
}

/** Reads the period labels of one row; a header's own cells only (merges are not spread). */
function rowLabels(grid: SheetGrid, row: number, known: KnownLabels): { columns: number[]; labels: PeriodLabel[] } {
  const columns: number[] = [];
  const labels: PeriodLabel[] = [];
  const values = grid.rowValues(row);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!mayBeLabel(v)) continue;
    const c = grid.left + i;
    // Number formats matter only for numbers (dates); text says what it says.
    let label: PeriodLabel | null | undefined;
    if (typeof v === "number") label = parsePeriodLabel(v, grid.format(row, c), grid.date1904);
    else if ((label = known.get(v)) === undefined) {
      label = parsePeriodLabel(v);
      if (known.size < 10_000) known.set(v, label);
    }
    if (label) {
      columns.push(c);
      labels.push(label);
    }
  }
  return dropStrayYears(columns, labels);
}

/** Plain years count only as a run of consecutive years (2024, 2025, 2026), not as numbers in a data row. */
function dropStrayYears(columns: number[], labels: PeriodLabel[]): { columns: number[]; labels: PeriodLabel[] } {
  const years = labels.filter((l) => l.kind === "calendar-year");
  if (years.length === 0) return { columns, labels };
  const consecutive = years.every((l, i) => i === 0 || (l.kind === "calendar-year" && years[i - 1]!.kind === "calendar-year" && l.year === (years[i - 1] as { year: number }).year + 1));
  if (consecutive && years.length >= 2) return { columns, labels };
  const keep = labels.map((l) => l.kind !== "calendar-year");
  return { columns: columns.filter((_, i) => keep[i]), labels: labels.filter((_, i) => keep[i]) };
}

/** School years a group row gives the columns under it; merged cells and blank cells carry to the right. */
function groupYearsFor(grid: SheetGrid, groupRow: number, columns: number[]): (GroupYear | null)[] | null {
  const years: (GroupYear | null)[] = [];
  let carried: GroupYear | null = null;
  let found = false;
  for (const c of columns) {
    const v = grid.value(groupRow, c);
    const label = v === null ? null : parsePeriodLabel(v, grid.format(groupRow, c), grid.date1904);
    if (label && (label.kind === "school-year" || label.kind === "calendar-year")) {
      carried = label.kind === "school-year" ? { kind: "school", year: label.schoolYear } : { kind: "calendar", year: label.year };
      found = true;
    } else if (label && label.kind === "year-number") {
      return null;
    } else if (v !== null && !(typeof v === "string" && v.trim() === "")) {
      carried = null;
    }
    years.push(carried);
  }
  return found ? years : null;
}

/**
 * Dates under a block's own headed columns ("Start Date", "Target Date", "Date Completed") are an activity's
 * dates: the row is data of that block, not the header of a new one.
 */
function isDataRowOf(grid: SheetGrid, header: TimelineHeader, found: { columns: number[]; labels: PeriodLabel[] }): boolean {
  const headed = (c: number): boolean =>
    !header.columns.includes(c) && (grid.text(header.row, c) !== "" || (header.groupRow !== null && grid.text(header.groupRow, c) !== ""));
  return found.labels.every((l) => l.kind === "date") && found.columns.every(headed);
}

/** Every timeline header of a sheet, top to bottom. */
export function findTimelineHeaders(grid: SheetGrid): TimelineHeader[] {
  const candidates = new Map<number, { columns: number[]; labels: PeriodLabel[] }>();
  const known: KnownLabels = new Map();
  for (let r = grid.top; r <= grid.bottom; r++) {
    if (!mayNamePeriods(grid.rowValues(r))) continue;
    const found = rowLabels(grid, r, known);
    if (found.labels.length >= MIN_PERIODS) candidates.set(r, found);
  }
  const headers: TimelineHeader[] = [];
  const rows = [...candidates.keys()].sort((a, b) => a - b);
  for (const r of rows) {
    const found = candidates.get(r)!;
    // A row of school years directly above a row of months or quarters is that row's year row, not a header.
    const below = candidates.get(r + 1);
    if (below && found.labels.every(isYearLabel) && below.labels.some(needsYear)) continue;
    const previous = headers[headers.length - 1];
    if (previous && isDataRowOf(grid, previous, found)) continue;
    let groupRow: number | null = null;
    let groupYears: (GroupYear | null)[] = found.columns.map(() => null);
    if (r - 1 >= grid.top && found.labels.some(needsYear)) {
      const years = groupYearsFor(grid, r - 1, found.columns);
      if (years) {
        groupRow = r - 1;
        groupYears = years;
      }
    }
    headers.push({ row: r, columns: found.columns, labels: found.labels, groupRow, groupYears });
  }
  return headers;
}
