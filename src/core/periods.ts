import { z } from "zod/mini";
import { addMonths, monthEnd, monthShortName, monthStart, schoolYearLabel, dayNumberOfIso, type IsoDate } from "./dates";
import { SEASON_START, type PeriodLabel } from "./period-label";
import type { GroupYear } from "./reading/timeline-header";

export const PeriodKindSchema = z.enum(["month", "school-year", "calendar-year", "quarter", "semester", "trimester", "season"]);
export type PeriodKind = z.infer<typeof PeriodKindSchema>;

/** One timeline column, with the dates it covers. */
export const PeriodSchema = z.object({
  label: z.string(),
  kind: PeriodKindSchema,
  start: z.string(),
  end: z.string(),
  /** The header cell it comes from. */
  cell: z.string(),
  column: z.int().check(z.nonnegative()),
  hidden: z.optional(z.boolean()),
});
export type Period = z.infer<typeof PeriodSchema>;

export interface DatedSpan {
  kind: PeriodKind;
  label: string;
  start: IsoDate;
  end: IsoDate;
}

/** A span of whole months: `count` months from (year, month). */
function monthsSpan(kind: PeriodKind, label: string, year: number, month: number, count: number): DatedSpan {
  const last = addMonths(year, month, count - 1);
  return { kind, label, start: monthStart(year, month), end: monthEnd(last.year, last.month) };
}

/** The calendar month a period starts in, relative to which a header's order is read. */
export interface TimelineContext {
  /** The school year the timeline starts in, when nothing in the header says. */
  schoolYear: number;
  /** First month of the school year (7 = July). */
  startMonth: number;
}

interface Cursor {
  /** Start of the previous period as year*12+month-1, to step years when the order falls. */
  index: number;
  schoolYear: number;
  n: number;
  /** Where the header's run through the current school year began, and what it has named (bits by position). */
  run: Run | null;
}

/** Positions in the school year (months from its first month: July 0 .. June 11 by default). */
interface Run {
  first: number;
  seen: number;
}

/**
 * Whether a period that comes back to an earlier position of the school year fills a gap in the run the header
 * is making through it (July, September, August: the August was skipped and then written late) rather than
 * starting the next school year (June -> July, or a month the run already named, as in a two-year header).
 */
function fillsGap(run: Run | null, position: number): boolean {
  return run !== null && position > run.first && (run.seen & (1 << position)) === 0;
}

function extendRun(run: Run | null, sameSchoolYear: boolean, position: number): Run {
  return run !== null && sameSchoolYear ? { first: run.first, seen: run.seen | (1 << position) } : { first: position, seen: 1 << position };
}

/**
 * Gives each header label its dates. Labels without a year take it from the column's school-year row above
 * (`groupYears`), then from the order of the header: the calendar year steps up where the month falls
 * (December -> January), a school year steps up where the quarter number falls (Q4 -> Q1). A month or quarter
 * that falls back into a gap of the current school year's run (July, September, August) stays in that school
 * year, so it reads as out of order instead of pushing the rest of the timeline a year ahead.
 */
export function datePeriods(
  labels: PeriodLabel[],
  groupYears: (GroupYear | null)[],
  context: TimelineContext,
  firstSchoolYear: number,
): DatedSpan[] {
  const { startMonth } = context;
  let cursor: Cursor | null = null;
  const out: DatedSpan[] = [];
  const schoolYearOfIndex = (index: number): number => {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    return month >= startMonth ? year : year - 1;
  };
  /** Calendar index of a month inside a school year. */
  const indexInSchoolYear = (schoolYear: number, month: number): number =>
    (month >= startMonth ? schoolYear : schoolYear + 1) * 12 + month - 1;
  const positionOf = (month: number): number => (month - startMonth + 12) % 12;

  labels.forEach((label, i) => {
    const group = groupYears[i] ?? null;
    let span: DatedSpan;
    let index: number;
    switch (label.kind) {
      case "date":
      case "month": {
        const month = label.month;
        if (label.year !== undefined) {
          index = label.year * 12 + month - 1;
        } else if (group !== null) {
          index = group.kind === "calendar" ? group.year * 12 + month - 1 : indexInSchoolYear(group.year, month);
        } else if (cursor === null) {
          index = indexInSchoolYear(context.schoolYear, month);
        } else {
          // The first such month at or after the previous period: later in the school year, the same school
          // year; earlier, the next one, unless it fills a gap in this year's run.
          const c: Cursor = cursor;
          const position = positionOf(month);
          const later = position >= positionOf((c.index % 12) + 1);
          index = indexInSchoolYear(later || fillsGap(c.run, position) ? c.schoolYear : c.schoolYear + 1, month);
        }
        const year = Math.floor(index / 12);
        span = monthsSpan("month", `${monthShortName(month)} ${year}`, year, month, 1);
        const schoolYear = schoolYearOfIndex(index);
        const prev: Cursor | null = cursor;
        cursor = { index, schoolYear, n: 0, run: extendRun(prev?.run ?? null, prev?.schoolYear === schoolYear, positionOf(month)) };
        break;
      }
      case "school-year":
      case "calendar-year":
      case "year-number": {
        let sy: number;
        if (label.kind === "school-year") sy = label.schoolYear;
        else if (label.kind === "year-number") sy = firstSchoolYear + label.n - 1;
        else sy = label.year;
        if (label.kind === "calendar-year") {
          index = sy * 12;
          span = monthsSpan("calendar-year", String(sy), sy, 1, 12);
        } else {
          index = sy * 12 + startMonth - 1;
          span = monthsSpan("school-year", schoolYearLabel(sy), sy, startMonth, 12);
        }
        cursor = { index, schoolYear: sy, n: 0, run: null };
        break;
      }
      case "quarter":
      case "semester":
      case "trimester": {
        const length = label.kind === "quarter" ? 3 : label.kind === "semester" ? 6 : 4;
        let sy: number;
        if (label.schoolYear !== undefined) sy = label.schoolYear;
        else if (group !== null) sy = group.year;
        else if (cursor === null) sy = context.schoolYear;
        else {
          const c: Cursor = cursor;
          sy = label.n <= c.n && c.n > 0 && !(label.n < c.n && fillsGap(c.run, (label.n - 1) * length)) ? c.schoolYear + 1 : c.schoolYear;
        }
        const start = addMonths(sy, startMonth, (label.n - 1) * length);
        index = start.year * 12 + start.month - 1;
        const name = label.kind === "quarter" ? `Q${label.n}` : label.kind === "semester" ? `S${label.n}` : `T${label.n}`;
        span = monthsSpan(label.kind, `${name} ${schoolYearLabel(sy)}`, start.year, start.month, length);
        const prev: Cursor | null = cursor;
        cursor = { index, schoolYear: sy, n: label.n, run: extendRun(prev?.run ?? null, prev?.schoolYear === sy, (label.n - 1) * length) };
        break;
      }
      case "season": {
        const month = SEASON_START[label.season];
        if (label.year !== undefined) index = label.year * 12 + month - 1;
        else if (group !== null) index = group.kind === "calendar" ? group.year * 12 + month - 1 : indexInSchoolYear(group.year, month);
        else if (cursor === null) {
          // A school year's own summer is the one before its fall.
          index = label.season === "summer" ? context.schoolYear * 12 + month - 1 : indexInSchoolYear(context.schoolYear, month);
        } else {
          const prevYear = Math.floor(cursor.index / 12);
          const prevMonth = (cursor.index % 12) + 1;
          index = (month <= prevMonth ? prevYear + 1 : prevYear) * 12 + month - 1;
        }
        const year = Math.floor(index / 12);
        const name = label.season[0]!.toUpperCase() + label.season.slice(1);
        span = monthsSpan("season", `${name} ${year}`, year, month, 3);
        cursor = { index, schoolYear: schoolYearOfIndex(index), n: 0, run: null };
        break;
      }
    }
    out.push(span);
  });
  return out;
}

/** Whether the period ended before, contains, or starts after a day. */
export function periodPosition(period: { start: IsoDate; end: IsoDate }, day: number): "past" | "current" | "future" {
  if (dayNumberOfIso(period.end) < day) return "past";
  if (dayNumberOfIso(period.start) > day) return "future";
  return "current";
}
