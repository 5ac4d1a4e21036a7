/**
 * Dating the periods a timing text names, inside the plan's school year (docs/product.md, "Plans that are not grids",
 * "Timing text"), with the grid's conventions (periods.ts, `datePeriods`): a month without a year falls in the school
 * year (Oct -> Oct 2025 for 2025-26, Mar -> Mar 2026); a season too, but a school year's own summer is the one before
 * its fall; quarters, semesters and trimesters are 3, 6 and 4 months from the school year's first month.
 */
import { addMonths, daysInMonth, isoDate, monthShortName, schoolYearLabel, type IsoDate } from "../dates";
import { FIRST_PLAN_YEAR, LAST_PLAN_YEAR, SEASON_START } from "../period-label";
import type { Piece } from "./pieces";

export interface SchoolYearContext {
  schoolYear: number;
  startMonth: number;
}

/** A piece with its dates: from the first day of month `first` (year * 12 + month - 1) for `months` months, or one day. */
export interface Placed {
  piece: Piece;
  first: number;
  months: number;
  /** The school year it was placed in: a quarter's `Q2 2025-26`. */
  schoolYear: number;
}

const PART_MONTHS = { quarter: 3, semester: 6, trimester: 4 };

/** Whether the text left the piece's year to the plan: then it moves with the school year (`Oct`, `Fall`, `Q2`). */
export function floats(piece: Piece): boolean {
  switch (piece.kind) {
    case "month":
    case "day":
      return piece.year === undefined;
    case "season":
      return piece.year === undefined && piece.schoolYear === undefined;
    case "quarter":
    case "semester":
    case "trimester":
      return piece.schoolYear === undefined;
    case "school-year":
    case "year-number":
      return false;
  }
}

/** Month index of a month of a school year (Oct of 2025-26 is Oct 2025, Mar is Mar 2026). */
function inSchoolYear(schoolYear: number, month: number, startMonth: number): number {
  return (month >= startMonth ? schoolYear : schoolYear + 1) * 12 + month - 1;
}

/** The piece's dates; a floating piece in `context.schoolYear`. */
export function place(piece: Piece, context: SchoolYearContext): Placed {
  const { schoolYear, startMonth } = context;
  switch (piece.kind) {
    case "month":
    case "day": {
      const first = piece.year === undefined ? inSchoolYear(schoolYear, piece.month, startMonth) : piece.year * 12 + piece.month - 1;
      return { piece, first, months: 1, schoolYear };
    }
    case "season": {
      const month = SEASON_START[piece.season];
      let first: number;
      if (piece.year !== undefined) first = piece.year * 12 + month - 1;
      else if (piece.schoolYear !== undefined) first = inSchoolYear(piece.schoolYear, month, startMonth);
      // As datePeriods: a school year's own summer is the one before its fall.
      else if (piece.season === "summer") first = schoolYear * 12 + month - 1;
      else first = inSchoolYear(schoolYear, month, startMonth);
      return { piece, first, months: 3, schoolYear };
    }
    case "quarter":
    case "semester":
    case "trimester": {
      const year = piece.schoolYear ?? schoolYear;
      const length = PART_MONTHS[piece.kind];
      const start = addMonths(year, startMonth, (piece.n - 1) * length);
      return { piece, first: start.year * 12 + start.month - 1, months: length, schoolYear: year };
    }
    case "school-year":
    case "year-number": {
      const year = piece.kind === "school-year" ? (piece.schoolYear ?? schoolYear) : schoolYear + piece.n - 1;
      return { piece, first: year * 12 + startMonth - 1, months: 12, schoolYear: year };
    }
  }
}

/** The same piece `years` school years later (earlier when negative). */
export function shift(placed: Placed, years: number): Placed {
  return years === 0 ? placed : { piece: placed.piece, first: placed.first + 12 * years, months: placed.months, schoolYear: placed.schoolYear + years };
}

function dayOf(placed: Placed): number | null {
  return placed.piece.kind === "day" ? placed.piece.day : null;
}

/**
 * A floating piece at the first time it starts in the month `from` or after (Jan after Oct 2025: Jan 2026), as the
 * months of a list follow each other.
 */
export function atOrAfter(placed: Placed, from: number): Placed {
  return shift(placed, Math.ceil((from - placed.first) / 12));
}

/** The end of a range (floating) at the first time it ends on or after the start: `Aug-May` is Aug 2025 - May 2026. */
export function endingFrom(end: Placed, start: Placed): Placed {
  const last = end.first + end.months - 1;
  let years = Math.ceil((start.first - last) / 12);
  const startDay = dayOf(start);
  const endDay = dayOf(end);
  if (last + 12 * years === start.first && startDay !== null && endDay !== null && endDay < startDay) years++;
  return shift(end, years);
}

/** The start of a range (floating) at the last time it starts on or before its end: `Jan-Mar 2026` starts in Jan 2026. */
export function startingBefore(start: Placed, end: Placed): Placed {
  let years = Math.floor((end.first - start.first) / 12);
  const startDay = dayOf(start);
  const endDay = dayOf(end);
  if (start.first + 12 * years === end.first && startDay !== null && endDay !== null && startDay > endDay) years--;
  return shift(start, years);
}

const PART_LETTER = { quarter: "Q", semester: "S", trimester: "T" };

/** The period as a planner names it: `Oct 2025`, `2025-10-15`, `Fall 2025`, `Q2 2025-26`, `2025-26`. */
export function labelOf(placed: Placed): string {
  const year = Math.floor(placed.first / 12);
  const month = (placed.first % 12) + 1;
  const piece = placed.piece;
  switch (piece.kind) {
    case "month":
      return `${monthShortName(month)} ${year}`;
    case "day":
      return isoDate(year, month, piece.day);
    case "season":
      return `${piece.season[0]!.toUpperCase()}${piece.season.slice(1)} ${year}`;
    case "quarter":
    case "semester":
    case "trimester":
      return `${PART_LETTER[piece.kind]}${piece.n} ${schoolYearLabel(placed.schoolYear)}`;
    case "school-year":
    case "year-number":
      return schoolYearLabel(placed.schoolYear);
  }
}

export interface Span {
  start: IsoDate;
  end: IsoDate;
}

function plausible(year: number): boolean {
  return year >= FIRST_PLAN_YEAR && year <= LAST_PLAN_YEAR;
}

/** The days from the start of `from` to the end of `to` (one piece: both the same); null when they are no real dates. */
export function spanOf(from: Placed, to: Placed): Span | null {
  const startYear = Math.floor(from.first / 12);
  const startMonth = (from.first % 12) + 1;
  const last = to.first + to.months - 1;
  const endYear = Math.floor(last / 12);
  const endMonth = (last % 12) + 1;
  // A context whose school year is no whole number places nothing.
  if (!Number.isSafeInteger(from.first) || !Number.isSafeInteger(last) || !plausible(startYear) || !plausible(endYear)) return null;
  const startDay = dayOf(from) ?? 1;
  const lastDay = dayOf(to);
  const endDay = lastDay ?? daysInMonth(endYear, endMonth);
  // Every month has 28 days: only a later day is checked (29 February in a leap year only).
  if ((startDay > 28 && startDay > daysInMonth(startYear, startMonth)) || (lastDay !== null && lastDay > 28 && lastDay > daysInMonth(endYear, endMonth))) return null;
  const start = isoDate(startYear, startMonth, startDay);
  const end = isoDate(endYear, endMonth, endDay);
  return start <= end ? { start, end } : null;
}
