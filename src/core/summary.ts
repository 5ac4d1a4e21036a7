import { z } from "zod/mini";
import { addMonths, dayNumberOfIso, monthEnd, monthIndexOfIso, monthShortName, monthStart, schoolYearLabel, schoolYearOf, type IsoDate } from "./dates";
import { cellPlace, comparePlaces } from "./address";
import type { Finding } from "./findings";
import { PlanStandardsSchema, type Plan } from "./plan";
import { coverageOf } from "./standards";
import { countMark, MarkStatusSchema, TotalsSchema, type StatusReport } from "./status";

const count = z.int().check(z.nonnegative());

/** Marks by what became of them, for one slice of the plan. */
export const StatusCountsSchema = z.object({
  scheduled: count,
  done: count,
  overdue: count,
  current: count,
  upcoming: count,
  cancelled: count,
});
export type StatusCounts = z.infer<typeof StatusCountsSchema>;

export const GroupSummarySchema = z.extend(StatusCountsSchema, {
  kind: z.enum(["goal", "strategy", "block"]),
  name: z.string(),
  activities: count,
});
export type GroupSummary = z.infer<typeof GroupSummarySchema>;

/** What was due in a month or quarter (marks whose period ends in it) and what became of it. */
export const DueInPeriodSchema = z.extend(StatusCountsSchema, {
  label: z.string(),
  start: z.string(),
  end: z.string(),
});
export type DueInPeriod = z.infer<typeof DueInPeriodSchema>;

export const MarkItemSchema = z.object({
  activityId: z.string(),
  activity: z.string(),
  path: z.array(z.string()),
  period: z.string(),
  start: z.string(),
  end: z.string(),
  owner: z.nullable(z.string()),
  cell: z.string(),
  status: MarkStatusSchema,
});
export type MarkItem = z.infer<typeof MarkItemSchema>;

/** How many activities address each standard of the plan's edition (docs/product.md, "The rest of a plan"). */
export const StandardsCoverageSchema = z.object({
  edition: PlanStandardsSchema.shape.edition,
  source: PlanStandardsSchema.shape.source,
  coverage: z.array(z.object({ name: z.string(), activities: count })),
});
export type StandardsCoverage = z.infer<typeof StandardsCoverageSchema>;

export const SummarySchema = z.object({
  asOf: z.string(),
  dueSoonDays: count,
  totals: TotalsSchema,
  findings: z.object({ error: count, warning: count, info: count }),
  groups: z.array(GroupSummarySchema),
  /** Marks of one month, by that month. */
  months: z.array(DueInPeriodSchema),
  /** Marks within one quarter of the school year (months, quarters), by that quarter. */
  quarters: z.array(DueInPeriodSchema),
  /** Marks longer than a quarter (school years, semesters, "Aug-May"), by the school year they end in. */
  schoolYears: z.array(DueInPeriodSchema),
  overdue: z.array(MarkItemSchema),
  dueSoon: z.array(MarkItemSchema),
  /** When the plan has a `Standard(s)` column. */
  standards: z.optional(StandardsCoverageSchema),
});
export type Summary = z.infer<typeof SummarySchema>;

function emptyCounts(): StatusCounts {
  return { scheduled: 0, done: 0, overdue: 0, current: 0, upcoming: 0, cancelled: 0 };
}

/** The monitoring summary a committee reads: totals, per goal and block, per month and quarter, overdue and due soon. */
export function summarize(plan: Plan, status: StatusReport, findings: Finding[]): Summary {
  const severities = { error: 0, warning: 0, info: 0 };
  for (const f of findings) severities[f.severity]++;

  // Groups in the order they first appear: each block, then the goals and strategies of its activities.
  const groups: GroupSummary[] = [];
  const named = { goal: new Map<string, GroupSummary>(), strategy: new Map<string, GroupSummary>(), block: new Map<string, GroupSummary>() };
  const groupOf = (kind: GroupSummary["kind"], name: string): GroupSummary => {
    let g = named[kind].get(name);
    if (!g) {
      g = { kind, name, activities: 0, ...emptyCounts() };
      named[kind].set(name, g);
      groups.push(g);
    }
    return g;
  };
  const blockGroups: GroupSummary[] = [];
  const blockGroup = (index: number): GroupSummary => {
    const known = blockGroups[index];
    if (known) return known;
    // Two blocks under one title stay two groups: the later one takes its place on the sheet as well.
    const name = blockName(plan, index);
    return (blockGroups[index] = groupOf("block", named.block.has(name) ? `${name} (${untitledName(plan, index).toLowerCase()})` : name));
  };
  // Each activity's groups, by the activity's place in plan.activities. The activities under the same levels
  // share one path array, so a run of them shares one list of groups.
  let previous: { block: number; path: readonly string[]; groups: GroupSummary[] } | null = null;
  const activityGroups = plan.activities.map((a) => {
    if (previous === null || previous.block !== a.block || previous.path !== a.path) {
      const gs = [blockGroup(a.block)];
      if (a.path[0]) gs.push(groupOf("goal", a.path[0]));
      if (a.path[1]) gs.push(groupOf("strategy", a.path[1]));
      previous = { block: a.block, path: a.path, groups: gs };
    }
    for (const g of previous.groups) g.activities++;
    return previous.groups;
  });

  const months = new Map<number, DueInPeriod>();
  const quarters = new Map<number, DueInPeriod>();
  const schoolYears = new Map<number, DueInPeriod>();
  const startMonth = plan.startMonth;
  const quarterOf = (monthIdx: number): number => {
    // Quarter number counted from the school year's first month: index of the quarter's first month.
    const offset = (((monthIdx - (startMonth - 1)) % 3) + 3) % 3;
    return monthIdx - offset;
  };
  const overdue: MarkItem[] = [];
  const dueSoon: MarkItem[] = [];

  /**
   * Where a mark falls due, by its end: the quarter, and the month too for a mark of one month. A mark longer than a
   * quarter (more than three months: a school year, a semester, "Aug-May") is due in its school year ("2024-25"), not
   * in its last month or quarter.
   */
  const dueIn = (start: IsoDate, end: IsoDate): DueInPeriod[] => {
    const due = monthIndexOfIso(end);
    const from = monthIndexOfIso(start);
    if (due - from >= 3) {
      const y = schoolYearOf({ year: Math.floor(due / 12), month: (due % 12) + 1, day: 1 }, startMonth);
      let year = schoolYears.get(y);
      if (!year) {
        const last = addMonths(y, startMonth, 11);
        year = { label: schoolYearLabel(y), start: monthStart(y, startMonth), end: monthEnd(last.year, last.month), ...emptyCounts() };
        schoolYears.set(y, year);
      }
      return [year];
    }
    let month = from === due ? months.get(due) : undefined;
    if (from === due && !month) {
      const y = Math.floor(due / 12);
      const m = (due % 12) + 1;
      month = { label: `${monthShortName(m)} ${y}`, start: monthStart(y, m), end: monthEnd(y, m), ...emptyCounts() };
      months.set(due, month);
    }
    const q = quarterOf(due);
    let quarter = quarters.get(q);
    if (!quarter) {
      const y = Math.floor(q / 12);
      const m = (q % 12) + 1;
      const last = addMonths(y, m, 2);
      const schoolYear = m >= startMonth ? y : y - 1;
      const n = Math.floor((((m - startMonth) % 12) + 12) % 12 / 3) + 1;
      quarter = { label: `Q${n} ${schoolYearLabel(schoolYear)}`, start: monthStart(y, m), end: monthEnd(last.year, last.month), ...emptyCounts() };
      quarters.set(q, quarter);
    }
    return month ? [month, quarter] : [quarter];
  };
  // The marks of a period share its dates: worked out once for each period, found by its end, then its start.
  const dueByPeriod = new Map<IsoDate, Map<IsoDate, DueInPeriod[]>>();

  for (const entry of status.marks) {
    const a = plan.activities[entry.activity];
    if (!a) continue;
    for (const g of activityGroups[entry.activity]!) countMark(g, entry.status);
    const { start, end } = entry.mark;
    let byStart = dueByPeriod.get(end);
    if (!byStart) dueByPeriod.set(end, (byStart = new Map<IsoDate, DueInPeriod[]>()));
    let due = byStart.get(start);
    if (!due) byStart.set(start, (due = dueIn(start, end)));
    for (const d of due) countMark(d, entry.status);

    if (entry.status !== "overdue" && !entry.dueSoon) continue;
    const item: MarkItem = {
      activityId: a.id,
      activity: a.text,
      path: a.path,
      period: entry.mark.period,
      start: entry.mark.start,
      end: entry.mark.end,
      owner: a.owner,
      cell: entry.mark.cell,
      status: entry.status,
    };
    if (entry.status === "overdue") overdue.push(item);
    if (entry.dueSoon) dueSoon.push(item);
  }

  const kindOrder = { goal: 0, strategy: 1, block: 2 };
  return {
    asOf: status.asOf,
    dueSoonDays: status.dueSoonDays,
    totals: status.totals,
    findings: severities,
    groups: groups.sort((x, y) => kindOrder[x.kind] - kindOrder[y.kind]),
    months: [...months.entries()].sort((x, y) => x[0] - y[0]).map(([, v]) => v),
    quarters: [...quarters.entries()].sort((x, y) => x[0] - y[0]).map(([, v]) => v),
    schoolYears: [...schoolYears.entries()].sort((x, y) => x[0] - y[0]).map(([, v]) => v),
    // By date; on the same day, in reading order (row, then column), not text order ("I9" before "E20").
    overdue: byDateThenCell(overdue, (item) => item.end),
    dueSoon: byDateThenCell(dueSoon, (item) => item.start),
    ...(plan.standards ? { standards: { edition: plan.standards.edition, source: plan.standards.source, coverage: coverageOf(plan) } } : {}),
  };
}

/** A block as a planner knows it: by its title, else by its shape and place on the sheet ("Timeline 2"). */
export function blockName(plan: Plan, index: number): string {
  return plan.blocks[index]?.title ?? untitledName(plan, index);
}

function untitledName(plan: Plan, index: number): string {
  const shape = plan.blocks[index]?.shape;
  return `${shape === "table" ? "Action plan" : shape === "outline" ? "Outline" : "Timeline"} ${index + 1}`;
}

/** Sorts items by a date, then by cell in reading order; each cell's place is read once, not at every comparison. */
function byDateThenCell(items: MarkItem[], dateOf: (item: MarkItem) => IsoDate): MarkItem[] {
  return items
    .map((item) => ({ item, day: dayNumberOfIso(dateOf(item)), place: cellPlace(item.cell) }))
    .sort((x, y) => x.day - y.day || comparePlaces(x.place, y.place))
    .map(({ item }) => item);
}
