import { z } from "zod/mini";
import { dayNumberOfIso, type IsoDate } from "./dates";
import type { Plan, ScheduledMark } from "./plan";

export const MarkStatusSchema = z.enum(["done", "overdue", "current", "upcoming", "cancelled"]);
export type MarkStatus = z.infer<typeof MarkStatusSchema>;

export const TotalsSchema = z.object({
  activities: z.int().check(z.nonnegative()),
  scheduled: z.int().check(z.nonnegative()),
  done: z.int().check(z.nonnegative()),
  overdue: z.int().check(z.nonnegative()),
  current: z.int().check(z.nonnegative()),
  upcoming: z.int().check(z.nonnegative()),
  cancelled: z.int().check(z.nonnegative()),
  unscheduled: z.int().check(z.nonnegative()),
  /** Upcoming marks whose period starts within the due-soon days. */
  dueSoon: z.int().check(z.nonnegative()),
  /** Marks (of any status) that say "in progress". */
  inProgress: z.int().check(z.nonnegative()),
});
export type Totals = z.infer<typeof TotalsSchema>;

export interface MarkStatusEntry {
  activityId: string;
  /** The activity's position in plan.activities. */
  activity: number;
  /** Index of the mark in its activity's schedule. */
  index: number;
  mark: ScheduledMark;
  status: MarkStatus;
  dueSoon: boolean;
}

export interface StatusReport {
  asOf: IsoDate;
  dueSoonDays: number;
  marks: MarkStatusEntry[];
  totals: Totals;
}

/**
 * Where one mark stands on a day: done or cancelled by its mark or row status; otherwise overdue when its
 * period ended before the day, current when the period contains it, upcoming when it starts later.
 */
export function markStatus(mark: Pick<ScheduledMark, "start" | "end" | "state">, day: number): MarkStatus {
  if (mark.state === "done") return "done";
  if (mark.state === "cancelled") return "cancelled";
  if (dayNumberOfIso(mark.end) < day) return "overdue";
  if (dayNumberOfIso(mark.start) > day) return "upcoming";
  return "current";
}

export function emptyTotals(): Totals {
  return { activities: 0, scheduled: 0, done: 0, overdue: 0, current: 0, upcoming: 0, cancelled: 0, unscheduled: 0, dueSoon: 0, inProgress: 0 };
}

/** One more mark in `counts`, under its status. */
export function countMark(counts: Pick<Totals, "scheduled" | MarkStatus>, status: MarkStatus): void {
  counts.scheduled++;
  counts[status]++;
}

/**
 * The status entries of each activity, by the activity's place in plan.activities, each list in the order of the
 * activity's schedule: for hosts that walk the plan and need each mark's status beside it.
 */
export function marksByActivity(status: StatusReport, activityCount: number): MarkStatusEntry[][] {
  const byActivity: MarkStatusEntry[][] = [];
  for (let i = 0; i < activityCount; i++) byActivity.push([]);
  for (const m of status.marks) byActivity[m.activity]![m.index] = m;
  return byActivity;
}

/** Every scheduled mark's status as of a day, and the totals. */
export function statusAsOf(plan: Plan, asOf: IsoDate, dueSoonDays = 30): StatusReport {
  const day = dayNumberOfIso(asOf);
  const totals = emptyTotals();
  const marks: MarkStatusEntry[] = [];
  totals.activities = plan.activities.length;
  plan.activities.forEach((activity, position) => {
    if (activity.schedule.length === 0) totals.unscheduled++;
    for (let index = 0; index < activity.schedule.length; index++) {
      const mark = activity.schedule[index]!;
      const status = markStatus(mark, day);
      const dueSoon = status === "upcoming" && dayNumberOfIso(mark.start) - day <= dueSoonDays;
      countMark(totals, status);
      if (dueSoon) totals.dueSoon++;
      if (mark.state === "in-progress") totals.inProgress++;
      marks.push({ activityId: activity.id, activity: position, index, mark, status, dueSoon });
    }
  });
  return { asOf, dueSoonDays, marks, totals };
}
