import { columnLetters } from "../address";
import type { IsoDate } from "../dates";
import type { Finding } from "../findings";
import { SheetGrid, type Grid } from "../grid";
import type { Block, Plan } from "../plan";
import { datePeriods, type Period } from "../periods";
import { resolveSettings, type SettingsInput } from "../settings";
import { buildActivity } from "./activities";
import { blockColumns } from "./columns";
import { ReadContext } from "./context";
import { groupRows } from "./continuation";
import type { Draft } from "./drafts";
import { readGoals } from "./goals";
import { checkMarksOutsideTimeline } from "./outside-timeline";
import { checkPeriodOrder } from "./period-order";
import { readRow, type OutsideColumn, type RowRead } from "./rows";
import type { Timeline } from "./schedule";
import { checkSchoolYearAssumed, schoolYearFor } from "./school-year";
import { dropStrayLines } from "./stray-lines";
import { findTimelineHeaders, type TimelineHeader } from "./timeline-header";
import { findTitle, type BlockTitle } from "./titles";

export interface ReadOptions {
  settings?: SettingsInput;
  /** The day the reader takes as today, for a school year nothing else names (YYYY-MM-DD). */
  today: IsoDate;
}

export interface ReadResult {
  plan: Plan;
  findings: Finding[];
}

/**
 * Turns one sheet's grid into a structured plan, with findings for what it could not read cleanly. Each
 * convention has a file of its own in this folder (README, "Where each convention lives").
 */
export function readPlan(grid: Grid, options: ReadOptions): ReadResult {
  const settings = resolveSettings(options.settings);
  const ctx = new ReadContext(new SheetGrid(grid), settings, options.today);
  const g = ctx.grid;
  const headers = g.rowCount > 0 && g.columnCount > 0 ? findTimelineHeaders(g) : [];
  const plan: Plan = { sheet: g.sheet, startMonth: settings.startMonth, goals: [], blocks: [], activities: [] };
  if (headers.length === 0) {
    ctx.add({
      rule: "no-timeline",
      severity: "error",
      message:
        `No timeline found on sheet "${g.sheet}": the add-in looks for a row with three or more periods ` +
        `(months such as July, August, September; school years such as 23-24, 24-25; or Q1, Q2, Q3). ` +
        `Put the periods in one row above the marks, one period to a column.`,
      cell: ctx.cell(g.top, g.left),
    });
    return { plan, findings: ctx.findings };
  }

  // Every header row starts a block; its title is the nearest text above it.
  const tops = headers.map((h) => h.groupRow ?? h.row);
  const titles = headers.map((h, i) => findTitle(g, tops[i]!, i === 0 ? g.top - 1 : headers[i - 1]!.row, h));
  plan.goals = readGoals(ctx, g.top, tops[0]! - 1);

  const drafts: Draft[] = [];
  let firstSchoolYear: number | null = null;
  headers.forEach((header, i) => {
    const nextTop = i + 1 < headers.length ? (titles[i + 1]?.row ?? tops[i + 1]!) : g.bottom + 1;
    let lastRow = nextTop - 1;
    while (lastRow > header.row && g.isRowEmpty(lastRow)) lastRow--;
    const schoolYear = readBlock(ctx, plan, drafts, header, i, titles[i] ?? null, lastRow, firstSchoolYear);
    firstSchoolYear ??= schoolYear;
  });
  plan.activities = dropStrayLines(ctx, plan.activities, drafts);
  return { plan, findings: ctx.findings };
}

/** Reads one block: its periods, columns, rows and activities. Returns the school year it was dated from. */
function readBlock(
  ctx: ReadContext,
  plan: Plan,
  drafts: Draft[],
  header: TimelineHeader,
  index: number,
  title: BlockTitle | null,
  lastRow: number,
  earlierSchoolYear: number | null,
): number {
  const g = ctx.grid;
  const sy = schoolYearFor(ctx, header, title?.text ?? null, earlierSchoolYear);
  const dated = datePeriods(header.labels, header.groupYears, { schoolYear: sy.year, startMonth: ctx.settings.startMonth }, sy.year);
  const periods: Period[] = dated.map((s, i) => {
    const column = header.columns[i]!;
    const p: Period = { label: s.label, kind: s.kind, start: s.start, end: s.end, cell: ctx.cell(header.row, column), column };
    if (g.isColumnHidden(column)) p.hidden = true;
    return p;
  });
  checkSchoolYearAssumed(ctx, header, sy.year, sy.source);
  checkPeriodOrder(ctx, periods);

  // A header cell merged across several columns (a month over its weeks) names the period of each of them; columns
  // that name the same span of time (a repeated header) share it.
  const spans = new Map<string, number>();
  const timeline: Timeline = new Map();
  header.columns.forEach((column, i) => {
    const period = periods[i]!;
    const key = `${period.start}/${period.end}`;
    const span = spans.get(key) ?? spans.size;
    spans.set(key, span);
    const area = g.merge(header.row, column);
    const next = header.columns[i + 1] ?? g.right + 1;
    const last = area ? Math.min(area.right, g.right, next - 1) : column;
    for (let c = column; c <= last; c++) timeline.set(c, { period, span });
  });
  const timelineColumns = [...timeline.keys()].sort((a, b) => a - b);
  const firstRow = header.row + 1;
  const columns = blockColumns(g, header.row, header.groupRow, new Set(timelineColumns), firstRow, lastRow);
  const block: Block = {
    index,
    title: title?.text ?? null,
    titleCell: title ? ctx.cell(title.row, title.column) : null,
    headerCell: ctx.cell(header.row, header.columns[0]!),
    headerRow: header.row + 1,
    lastRow: Math.max(lastRow, header.row) + 1,
    kind: periods[0]!.kind,
    periods,
    labelColumn: columnLetters(columns.label),
    columns: Object.fromEntries(
      [...Object.entries(columns.roles), ...(columns.step === null ? [] : [["step", columns.step] as const])].map(([role, c]) => [role, columnLetters(c)] as const),
    ),
    schoolYear: sy.year,
    schoolYearSource: sy.source,
  };
  plan.blocks.push(block);

  const attributeColumns = new Set<number>([columns.label, ...columns.freeText, ...Object.values(columns.roles), ...columns.extra.keys()]);
  if (columns.step !== null) attributeColumns.add(columns.step);
  const outside: OutsideColumn[] = [];
  for (let c = g.left; c <= g.right; c++) if (!timeline.has(c)) outside.push({ column: c, headed: attributeColumns.has(c) });
  const rows: RowRead[] = [];
  for (let r = firstRow; r <= lastRow; r++) rows.push(readRow(ctx, r, columns, timelineColumns, outside));
  const rowsByNumber = new Map(rows.map((row) => [row.row, row]));
  for (const draft of groupRows(ctx, rows, title)) {
    if (draft.kind !== "activity") continue;
    plan.activities.push(buildActivity(ctx, draft, rowsByNumber, columns, timeline, index));
    drafts.push(draft);
  }
  checkMarksOutsideTimeline(ctx, rows);
  return sy.year;
}
