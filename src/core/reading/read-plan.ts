import { columnLetters } from "../address";
import type { IsoDate } from "../dates";
import type { Finding } from "../findings";
import { SheetGrid, type Grid } from "../grid";
import type { Block, Plan, PlanLevel } from "../plan";
import type { Period } from "../periods";
import { resolveSettings, type SettingsInput } from "../settings";
import { schoolYearNamed } from "../timing/parse-timing";
import { buildActivity, type ColumnPath, type ScheduleSource } from "./activities";
import { blockColumns, type BlockColumns } from "./columns";
import { ReadContext } from "./context";
import { groupRows } from "./continuation";
import type { Draft } from "./drafts";
import { readGoals } from "./goals";
import { levelKey, readGoalStatements } from "./goal-statements";
import { hierarchyOf } from "./levels";
import { isOutline, outlineLines } from "./outline";
import { readOutlineBlock } from "./outline-block";
import { checkMarksOutsideTimeline } from "./outside-timeline";
import { checkPeriodOrder } from "./period-order";
import { levelsOf, columnLevels } from "./plan-levels";
import { readRow, type OutsideColumn, type RowRead } from "./rows";
import { scheduleOf } from "./schedule";
import { datedTimeline } from "./timeline";
import { checkSchoolYearAssumed, checkTimingSchoolYearAssumed, schoolYearFor, tableSchoolYear } from "./school-year";
import { dropStrayLines } from "./stray-lines";
import { findTableHeaders, isHintRow, type TableHeader } from "./table-header";
import { timingSchedule } from "./timing-column";
import { resolveStandards } from "./standards-column";
import { mayHoldTheory, readTheoryOfAction } from "./theory-of-action";
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

/** What Milestone Monitor reads, in one wording for every host. */
export const WHAT_IT_READS =
  "Milestone Monitor reads a month-by-month grid (a row of three or more periods such as July, August, September, with an X " +
  'under each period an activity is planned for), an action-plan table (columns such as "Action Step", "Person Responsible" and ' +
  '"Timeline", the timing in words such as "Aug-May" or "By June 2026"), or an outline of goals, objectives and numbered action steps.';

/** A block's header: a timeline header (a grid), or an action-plan table's header row. */
type BlockHeader = { shape: "grid"; top: number; header: TimelineHeader } | { shape: "table"; top: number; header: TableHeader };

/**
 * Turns one sheet's grid into a structured plan, with findings for what it could not read cleanly. A sheet holds
 * month-by-month grids and action-plan tables, each header row the top of a block, or is an outline. Each convention
 * has a file of its own in this folder (README, "Where each convention lives").
 */
export function readPlan(grid: Grid, options: ReadOptions): ReadResult {
  const settings = resolveSettings(options.settings);
  let ctx = new ReadContext(new SheetGrid(grid), settings, options.today);
  let g = ctx.grid;
  const plan: Plan = { sheet: g.sheet, startMonth: settings.startMonth, goals: [], levels: [], blocks: [], activities: [] };
  const empty = g.rowCount === 0 || g.columnCount === 0;
  const timelines = empty ? [] : findTimelineHeaders(g);

  // An outline (a pasted document) is read as one; a timeline added to it gives its steps' marks.
  const periodsFrom = timelines[0]?.columns[0] ?? g.right + 1;
  // A theory of action is read first (only from a sheet with a line starting "IF" or "Theory of action"), and the
  // rest of the sheet read as if its rows were empty.
  const theory = empty || !mayHoldTheory(grid) ? null : readTheoryOfAction(ctx, outlineLines(g, g.top, g.bottom, periodsFrom));
  if (theory) {
    plan.theory = theory.theory;
    ctx = new ReadContext(new SheetGrid(withoutRows(grid, theory.rows)), settings, options.today);
    g = ctx.grid;
  }
  const timelineRows = new Set(timelines.flatMap((h) => (h.groupRow === null ? [h.row] : [h.row, h.groupRow])));
  if (!empty && isOutline(g, g.top, g.bottom, periodsFrom, timelineRows)) {
    readOutlineBlock(ctx, plan, outlineLines(g, g.top, g.bottom, periodsFrom), timelines[0] ?? null);
    return { plan, findings: ctx.findings };
  }

  const tables = empty ? [] : findTableHeaders(g, timelineRows);
  const headers: BlockHeader[] = [
    ...timelines.map((header): BlockHeader => ({ shape: "grid", top: header.groupRow ?? header.row, header })),
    ...tables.map((header): BlockHeader => ({ shape: "table", top: header.row, header })),
  ].sort((a, b) => a.top - b.top);
  if (headers.length === 0) {
    // A sheet that holds a theory of action and no plan is the theory's own sheet, not a sheet without a plan.
    if (plan.theory) return { plan, findings: ctx.findings };
    ctx.add({
      rule: "no-plan",
      severity: "error",
      message: `No plan found on sheet "${g.sheet}". ${WHAT_IT_READS}`,
      cell: ctx.cell(g.top, g.left),
    });
    return { plan, findings: ctx.findings };
  }

  // Every header row starts a block; its title is the nearest text above it.
  const titles = headers.map((h, i) => findTitle(g, h.top, i === 0 ? g.top - 1 : headerRow(headers[i - 1]!), new Set(h.shape === "grid" ? h.header.columns : [])));
  // Goals stated above the first block with their outcomes (the state template), else its statements as the plan's goals.
  const above = (titles[0]?.row ?? headers[0]!.top) - 1;
  const stated = readGoalStatements(ctx, g.top, above);
  if (stated.length > 0) plan.levels.push(...stated);
  else plan.goals = readGoals(ctx, g.top, headers[0]!.top - 1);

  const drafts: Draft[] = [];
  const levelDrafts = new Set<Draft>();
  let firstSchoolYear: number | null = null;
  headers.forEach((h, i) => {
    const nextTop = i + 1 < headers.length ? (titles[i + 1]?.row ?? headers[i + 1]!.top) : g.bottom + 1;
    let lastRow = nextTop - 1;
    while (lastRow > headerRow(h) && g.isRowEmpty(lastRow)) lastRow--;
    const title = titles[i] ?? null;
    const into = { plan, drafts, levelDrafts };
    const schoolYear = h.shape === "grid" ? readGridBlock(ctx, into, h.header, i, title, lastRow, firstSchoolYear) : readTableBlock(ctx, into, h.header, i, title, lastRow, firstSchoolYear);
    firstSchoolYear ??= schoolYear;
  });
  plan.activities = dropStrayLines(ctx, plan.activities, drafts);
  plan.levels.push(...levelsOf(ctx, levelDrafts).filter((level) => !stated.some((goal) => sameLevel(goal.text, level.text))));
  if (stated.length > 0) nameStatedGoals(plan, stated);
  resolveStandards(ctx, plan);
  return { plan, findings: ctx.findings };
}

/** The grid with the given rows' cells empty. */
function withoutRows(grid: Grid, rows: ReadonlySet<number>): Grid {
  return { ...grid, values: grid.values.map((line, i) => (rows.has(grid.top + i) ? line.map(() => null) : line)) };
}

/** Whether two level texts name the same numbered level ("GOAL 1" and "Goal 1: Every teacher ..."). */
function sameLevel(a: string, b: string): boolean {
  const key = levelKey(a);
  return key !== null && key === levelKey(b);
}

/** A table titled only "GOAL 1" sits under the goal stated above it: its activities' paths name the goal's statement. */
function nameStatedGoals(plan: Plan, stated: PlanLevel[]): void {
  for (const a of plan.activities) {
    a.path.forEach((text, i) => {
      const goal = hierarchyOf(text)?.bare ? stated.find((s) => sameLevel(s.text, text)) : undefined;
      if (!goal) return;
      a.path = a.path.map((t, k) => (k === i ? goal.text : t));
      a.pathCells = a.pathCells.map((c, k) => (k === i ? goal.cell : c));
    });
  }
}

/** A block as the plan records it: its title, header cell, rows, periods, columns by role, school year. */
function blockRecord(
  ctx: ReadContext,
  b: { index: number; shape: Block["shape"]; title: BlockTitle | null; headerRow: number; headerColumn: number; lastRow: number; periods: Period[]; columns: BlockColumns; schoolYear: { year: number; source: Block["schoolYearSource"] } },
): Block {
  return {
    index: b.index,
    shape: b.shape,
    title: b.title?.text ?? null,
    titleCell: b.title ? ctx.cell(b.title.row, b.title.column) : null,
    headerCell: ctx.cell(b.headerRow, b.headerColumn),
    headerRow: b.headerRow + 1,
    lastRow: Math.max(b.lastRow, b.headerRow) + 1,
    kind: b.periods[0]?.kind ?? null,
    periods: b.periods,
    labelColumn: columnLetters(b.columns.label),
    columns: columnLetterMap(b.columns),
    schoolYear: b.schoolYear.year,
    schoolYearSource: b.schoolYear.source,
  };
}

function headerRow(h: BlockHeader): number {
  return h.shape === "grid" ? h.header.row : (h.header.hintRow ?? h.header.row);
}

/** A block's columns as the plan records them: letters by role. */
function columnLetterMap(columns: BlockColumns): Record<string, string> {
  const named: [string, number | null][] = [
    ...Object.entries(columns.roles),
    ["step", columns.step],
    ["timing", columns.timing],
    ["start", columns.start],
    ["end", columns.end],
    ["followUp", columns.followUp],
    ...columns.levels.map((l): [string, number] => [l.level, l.column]),
  ];
  return Object.fromEntries(named.filter((e): e is [string, number] => e[1] !== null).map(([role, c]) => [role, columnLetters(c)] as const));
}

/** The columns outside the timeline, and whether the block's header names each. */
function outsideColumns(g: SheetGrid, columns: BlockColumns, timeline: ReadonlyMap<number, unknown>): OutsideColumn[] {
  const attributeColumns = new Set<number>([columns.label, ...columns.freeText, ...Object.values(columns.roles), ...columns.extra.keys(), ...columns.levels.map((l) => l.column)]);
  for (const c of [columns.step, columns.timing, columns.start, columns.end, columns.followUp]) if (c !== null) attributeColumns.add(c);
  const outside: OutsideColumn[] = [];
  for (let c = g.left; c <= g.right; c++) if (!timeline.has(c)) outside.push({ column: c, headed: attributeColumns.has(c) });
  return outside;
}

/** What the blocks read into: the plan, the activities' drafts (for the stray-line rule) and the levels' drafts. */
interface ReadInto {
  plan: Plan;
  drafts: Draft[];
  levelDrafts: Set<Draft>;
}

/** A block's rows grouped into activities, each built with the block's schedule source. */
function readActivities(
  ctx: ReadContext,
  { plan, drafts, levelDrafts }: ReadInto,
  rows: RowRead[],
  title: BlockTitle | null,
  columns: BlockColumns,
  schedule: ScheduleSource,
  index: number,
  table: boolean,
): void {
  const rowsByNumber = new Map(rows.map((row) => [row.row, row]));
  const columnPath: ColumnPath | null = columns.levels.length === 0 ? null : columnLevels(ctx, plan, columns, rows[0]?.row ?? 0, rows[rows.length - 1]?.row ?? -1);
  // In a table, a row with something in its other columns (its own timing, owner, goal) is an activity of its own.
  const ownRow = table ? (row: RowRead): boolean => otherColumnsHold(ctx.grid, row.row, columns) : undefined;
  for (const draft of groupRows(ctx, rows, title, ownRow)) {
    for (const level of draft.path.levels) levelDrafts.add(level);
    if (draft.kind !== "activity") {
      levelDrafts.add(draft);
      continue;
    }
    plan.activities.push(buildActivity(ctx, draft, rowsByNumber, columns, schedule, index, columnPath));
    drafts.push(draft);
  }
}

function otherColumnsHold(g: SheetGrid, row: number, columns: BlockColumns): boolean {
  for (let c = g.left; c <= g.right; c++) if (c !== columns.label && !g.isEmpty(row, c) && g.anchorRow(row, c) === row) return true;
  return false;
}

/** Reads one grid block: its periods, columns, rows and activities. Returns the school year it was dated from. */
function readGridBlock(
  ctx: ReadContext,
  into: ReadInto,
  header: TimelineHeader,
  index: number,
  title: BlockTitle | null,
  lastRow: number,
  earlierSchoolYear: number | null,
): number {
  const g = ctx.grid;
  const { plan } = into;
  const sy = schoolYearFor(ctx, header, title?.text ?? null, earlierSchoolYear);
  const { periods, timeline } = datedTimeline(ctx, header, sy.year);
  checkSchoolYearAssumed(ctx, header, sy.year, sy.source);
  checkPeriodOrder(ctx, periods);
  const timelineColumns = [...timeline.keys()].sort((a, b) => a - b);
  // A hint row under the header (`Who, What, How?`), as a table had before a timeline was added to it.
  const firstRow = header.row + 1 + (isHintRow(g, header.row + 1) ? 1 : 0);
  const columns = blockColumns(g, header.row, header.groupRow, new Set(timelineColumns), firstRow, lastRow);
  plan.blocks.push(
    blockRecord(ctx, { index, shape: "grid", title, headerRow: header.row, headerColumn: header.columns[0]!, lastRow, periods, columns, schoolYear: sy }),
  );

  const outside = outsideColumns(g, columns, timeline);
  const rows: RowRead[] = [];
  for (let r = firstRow; r <= lastRow; r++) rows.push(readRow(ctx, r, columns, timelineColumns, outside));
  const marks: ScheduleSource = (draft, cells, id, _status, override) => scheduleOf(ctx, draft, cells, timeline, id, override);
  readActivities(ctx, into, rows, title, columns, marks, index, false);
  checkMarksOutsideTimeline(ctx, rows);
  return sy.year;
}

/** Reads one action-plan table: its columns, rows and activities, scheduled by their timing in words. */
function readTableBlock(
  ctx: ReadContext,
  into: ReadInto,
  header: TableHeader,
  index: number,
  title: BlockTitle | null,
  lastRow: number,
  earlierSchoolYear: number | null,
): number {
  const g = ctx.grid;
  const { plan } = into;
  const firstRow = (header.hintRow ?? header.row) + 1;
  const columns = blockColumns(g, header.row, null, new Set(), firstRow, lastRow, "table");
  const timingColumn = columns.timing ?? columns.start;
  const { startMonth, date1904 } = { startMonth: ctx.settings.startMonth, date1904: g.date1904 };
  let named: number | null = null;
  if (timingColumn !== null) {
    for (let r = firstRow; r <= lastRow && named === null; r++) named = schoolYearNamed(g.value(r, timingColumn), g.format(r, timingColumn), startMonth, date1904);
  }
  const sy = tableSchoolYear(ctx, title?.text ?? null, named, earlierSchoolYear);
  const headerColumn = Math.min(columns.label, ...columns.levels.map((l) => l.column));
  plan.blocks.push(blockRecord(ctx, { index, shape: "table", title, headerRow: header.row, headerColumn, lastRow, periods: [], columns, schoolYear: sy }));

  const outside = outsideColumns(g, columns, new Map());
  const rows: RowRead[] = [];
  for (let r = firstRow; r <= lastRow; r++) rows.push(readRow(ctx, r, columns, [], outside));
  const timing = { schoolYear: sy.year, startMonth, date1904 };
  const before = plan.activities.length;
  const words: ScheduleSource = (draft, _cells, id, status) => timingSchedule(ctx, draft, columns, timing, id, status);
  readActivities(ctx, into, rows, title, columns, words, index, true);
  const scheduled = plan.activities.slice(before).some((a) => a.schedule.length > 0);
  if (sy.source === "assumed" && timingColumn !== null && scheduled) checkTimingSchoolYearAssumed(ctx, header.row, timingColumn, sy.year);
  return sy.year;
}

