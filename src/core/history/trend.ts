import type { Snapshot } from "./snapshot";

/** One point of the trend: a refresh's marks done, overdue and current, and the share of scheduled marks done. */
export interface TrendPoint {
  asOf: string;
  scheduled: number;
  done: number;
  overdue: number;
  current: number;
  /** Done as a whole percentage of the scheduled marks. */
  percentDone: number;
}

/** The trend of one sheet over its snapshots (in time order): one point per as-of day, the last refresh of that day. */
export function trendOf(snapshots: readonly Snapshot[], sheet: string): TrendPoint[] {
  const byDay = new Map<string, TrendPoint>();
  for (const s of snapshots) {
    if (s.sheet !== sheet) continue;
    const t = s.totals;
    byDay.set(s.asOf, {
      asOf: s.asOf,
      scheduled: t.scheduled,
      done: t.done,
      overdue: t.overdue,
      current: t.current,
      percentDone: t.scheduled === 0 ? 0 : Math.round((100 * t.done) / t.scheduled),
    });
  }
  return [...byDay.values()].sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
}
