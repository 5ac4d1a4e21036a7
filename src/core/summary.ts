import { z } from "zod";
import { addMonths, monthEnd, monthShortName, monthStart, schoolYearLabel, type IsoDate } from "./dates";
import { compareCells, type Finding } from "./findings";
import type { Activity, Plan } from "./plan";
import { MarkStatusSchema, TotalsSchema, type MarkStatus, type StatusReport } from "./status";

const count = z.number().int().nonnegative();

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

export const GroupSummarySchema = StatusCountsSchema.extend({
  kind: z.enum(["goal", "strategy", "block"]),
  name: z.string(),
  activities: count,
});
export type GroupSummary = z.infer<typeof GroupSummarySchema>;

/** What was due in a month or quarter (marks whose period ends in it) and what became of it. */
export const DueInPeriodSchema = StatusCountsSchema.extend({
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
  owner: z.string().nullable(),
  cell: z.string(),
  status: MarkStatusSchema,
});
export type MarkItem = z.infer<typeof MarkItemSchema>;

export const SummarySchema = z.object({
  asOf: z.string(),
  dueSoonDays: count,
  totals: TotalsSchema,
  findings: z.object({ error: count, warning: count, info: count }),
  groups: z.array(GroupSummarySchema),
  months: z.array(DueInPeriodSchema),
  quarters: z.array(DueInPeriodSchema),
  overdue: z.array(MarkItemSchema),
  dueSoon: z.array(MarkItemSchema),
});
export type Summary = z.infer<typeof SummarySchema>;

function emptyCounts(): StatusCounts {
  return { scheduled: 0, done: 0, overdue: 0, current: 0, upcoming: 0, cancelled: 0 };
}

function tally(counts: StatusCounts, status: MarkStatus): void {
  counts.scheduled++;
  counts[status]++;
}

function monthIndexOf(iso: IsoDate): number {
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
}

/** The monitoring summary a committee reads: totals, per goal and block, per month and quarter, overdue and due soon. */
export function summarize(plan: Plan, status: StatusReport, findings: Finding[]): Summary {
  const byId = new Map(plan.activities.map((a) => [a.id, a]));
  const severities = { error: 0, warning: 0, info: 0 };
  for (const f of findings) severities[f.severity]++;

  const groups = new Map<string, GroupSummary>();
  const groupOf = (kind: GroupSummary["kind"], name: string): GroupSummary => {
    const key = `${kind}\u0000${name}`;
    let g = groups.get(key);
    if (!g) {
      g = { kind, name, activities: 0, ...emptyCounts() };
      groups.set(key, g);
    }
    return g;
  };
  const blockName = (a: Activity): string => {
    const block = plan.blocks[a.block]!;
    const first = block.periods[0]!;
    const last = block.periods[block.periods.length - 1]!;
    return block.title ?? `Timeline ${first.label} \u2013 ${last.label}`;
  };
  const groupsOfActivity = (a: Activity): GroupSummary[] => {
    const out = [groupOf("block", `${blockName(a)} (block ${a.block + 1})`)];
    if (a.path[0]) out.push(groupOf("goal", a.path[0]));
    if (a.path[1]) out.push(groupOf("strategy", a.path[1]));
    return out;
  };
  const activityGroups = new Map<string, GroupSummary[]>();
  for (const a of plan.activities) {
    const gs = groupsOfActivity(a);
    activityGroups.set(a.id, gs);
    for (const g of gs) g.activities++;
  }

  const months = new Map<number, DueInPeriod>();
  const quarters = new Map<number, DueInPeriod>();
  const startMonth = plan.startMonth;
  const quarterOf = (monthIdx: number): number => {
    // Quarter number counted from the school year's first month: index of the quarter's first month.
    const offset = (((monthIdx - (startMonth - 1)) % 3) + 3) % 3;
    return monthIdx - offset;
  };
  const overdue: MarkItem[] = [];
  const dueSoon: MarkItem[] = [];

  for (const entry of status.marks) {
    const a = byId.get(entry.activityId);
    if (!a) continue;
    for (const g of activityGroups.get(a.id)!) tally(g, entry.status);
    const due = monthIndexOf(entry.mark.end);
    let month = months.get(due);
    if (!month) {
      const y = Math.floor(due / 12);
      const m = (due % 12) + 1;
      month = { label: `${monthShortName(m)} ${y}`, start: monthStart(y, m), end: monthEnd(y, m), ...emptyCounts() };
      months.set(due, month);
    }
    tally(month, entry.status);
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
    tally(quarter, entry.status);

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
  // ISO dates order as text; cells by row, then column.
  const byDate = (x: MarkItem, y: MarkItem): number => (x.end < y.end ? -1 : x.end > y.end ? 1 : compareCells(x.cell, y.cell));
  overdue.sort(byDate);
  // Same day: in reading order (row, then column), not text order ("I9" before "E20").
  dueSoon.sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : compareCells(x.cell, y.cell)));

  const kindOrder = { goal: 0, strategy: 1, block: 2 };
  return {
    asOf: status.asOf,
    dueSoonDays: status.dueSoonDays,
    totals: status.totals,
    findings: severities,
    groups: [...groups.values()].sort((x, y) => kindOrder[x.kind] - kindOrder[y.kind]),
    months: [...months.entries()].sort((x, y) => x[0] - y[0]).map(([, v]) => v),
    quarters: [...quarters.entries()].sort((x, y) => x[0] - y[0]).map(([, v]) => v),
    overdue,
    dueSoon,
  };
}
