import { a1, columnLetters } from "../address";
import { parseIsoDate, schoolYearLabel, schoolYearOf } from "../dates";
import { findSchoolYear, needsYear, type PeriodLabel } from "../period-label";
import type { Block } from "../plan";
import type { ReadContext } from "./context";
import type { TimelineHeader } from "./timeline-header";

/**
 * Which school year a timeline's periods are dated from (README, "School year"), in this order: dates in the
 * header; a title above the block; the sheet's name; the workbook's setting; for a header of plan years only, the
 * school year of an earlier block; else the current school year, with a finding that says it was assumed.
 */
export function schoolYearFor(
  ctx: ReadContext,
  header: TimelineHeader,
  title: string | null,
  earlier: number | null,
): { year: number; source: Block["schoolYearSource"] } {
  const { startMonth } = ctx.settings;
  for (const label of header.labels) {
    if (label.kind === "date" || (label.kind === "month" && label.year !== undefined)) {
      return { year: schoolYearOf({ year: label.year!, month: label.month, day: 1 }, startMonth), source: "header" };
    }
    if (label.kind === "school-year") return { year: label.schoolYear, source: "header" };
    if ((label.kind === "quarter" || label.kind === "semester" || label.kind === "trimester") && label.schoolYear !== undefined)
      return { year: label.schoolYear, source: "header" };
    if (label.kind === "season" && label.year !== undefined)
      return { year: schoolYearOf({ year: label.year, month: 9, day: 1 }, startMonth), source: "header" };
  }
  const group = header.groupYears.find((y) => y !== null);
  if (group) return { year: group.year, source: "header" };
  const fromTitle = title ? findSchoolYear(title) : null;
  if (fromTitle !== null) return { year: fromTitle, source: "title" };
  const fromSheet = findSchoolYear(ctx.grid.sheet);
  if (fromSheet !== null) return { year: fromSheet, source: "sheet-name" };
  if (ctx.settings.schoolYear !== null) return { year: ctx.settings.schoolYear, source: "settings" };
  if (earlier !== null && header.labels.every((l) => l.kind === "year-number")) return { year: earlier, source: "title" };
  const today = parseIsoDate(ctx.today)!;
  return { year: schoolYearOf(today, startMonth), source: "assumed" };
}

/**
 * A table's school year: a title above it, the sheet's name, the workbook's setting, the first school year its timing
 * cells name outright ("Aug 2025 - May 2026"), an earlier block's; else the current one, assumed.
 */
export function tableSchoolYear(ctx: ReadContext, title: string | null, named: number | null, earlier: number | null): { year: number; source: Block["schoolYearSource"] } {
  const fromTitle = title ? findSchoolYear(title) : null;
  if (fromTitle !== null) return { year: fromTitle, source: "title" };
  const fromSheet = findSchoolYear(ctx.grid.sheet);
  if (fromSheet !== null) return { year: fromSheet, source: "sheet-name" };
  if (ctx.settings.schoolYear !== null) return { year: ctx.settings.schoolYear, source: "settings" };
  if (named !== null) return { year: named, source: "timing" };
  if (earlier !== null) return { year: earlier, source: "title" };
  return { year: schoolYearOf(parseIsoDate(ctx.today)!, ctx.settings.startMonth), source: "assumed" };
}

/** The school-year-assumed finding for a table's timing column, when nothing names the school year. */
export function checkTimingSchoolYearAssumed(ctx: ReadContext, row: number, column: number, year: number): void {
  ctx.add({
    rule: "school-year-assumed",
    severity: "warning",
    message:
      `Nothing says which school year the timing in column ${columnLetters(column)} is in, so months and seasons without a year are read in ` +
      `${schoolYearLabel(year)} (the current school year). Put the school year in a title above the table ` +
      `(for example "Plan ${schoolYearLabel(year)}"), write it in the timing ("Oct 2025"), or set the plan's school year.`,
    cell: ctx.cell(row, column),
    setting: "schoolYear",
  });
}

/** A label whose dates depend on the school year: a month or quarter without a year, or "Year 2". */
function labelNeedsSchoolYear(label: PeriodLabel): boolean {
  return needsYear(label) || label.kind === "year-number";
}

/** The school-year-assumed finding, when the school year was assumed and the header's dates depend on it. */
export function checkSchoolYearAssumed(ctx: ReadContext, header: TimelineHeader, year: number, source: Block["schoolYearSource"]): void {
  if (source !== "assumed" || !header.labels.some(labelNeedsSchoolYear)) return;
  const first = header.columns[0]!;
  ctx.add({
    rule: "school-year-assumed",
    severity: "warning",
    message:
      `Nothing says which school year the timeline starting at ${a1(header.row, first)} is, so it is read as ` +
      `${schoolYearLabel(year)} (the current school year). Put the school year in a title above the timeline ` +
      `(for example "Plan ${schoolYearLabel(year)}"), or set the plan's school year.`,
    cell: ctx.cell(header.row, first),
    setting: "schoolYear",
  });
}
