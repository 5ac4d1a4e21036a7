import type { Plan } from "../core/plan";
import { blockName, type MarkItem } from "../core/summary";

/** One activity of the overdue or due-soon list, with all its marks in that list. */
export interface ActivityMarks {
  activityId: string;
  activity: string;
  /** The goal it sits under, else its timeline's title: the list's groups. */
  goal: string;
  owner: string | null;
  /** The periods of its marks, in time order. */
  periods: string[];
  /** Its first mark's cell: where "go to" takes the planner. */
  cell: string;
}

/**
 * The marks of a list, one item per activity, in the plan's order (so the activities of a goal stand together,
 * goals in the order the sheet has them).
 */
export function marksByActivity(items: readonly MarkItem[], plan: Plan): ActivityMarks[] {
  const position = new Map(plan.activities.map((a, i) => [a.id, i]));
  const byActivity = new Map<string, { index: number; marks: MarkItem[] }>();
  for (const item of items) {
    const known = byActivity.get(item.activityId);
    if (known) known.marks.push(item);
    else byActivity.set(item.activityId, { index: position.get(item.activityId) ?? Number.MAX_SAFE_INTEGER, marks: [item] });
  }
  return [...byActivity.values()]
    .sort((x, y) => x.index - y.index)
    .map(({ index, marks }) => {
      const first = marks[0]!;
      const inTime = [...marks].sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : 0));
      return {
        activityId: first.activityId,
        activity: first.activity,
        goal: first.path[0] ?? blockName(plan, plan.activities[index]?.block ?? 0),
        owner: first.owner,
        periods: inTime.map((m) => m.period),
        cell: inTime[0]!.cell,
      };
    });
}

/**
 * Periods in few words: the year said once for a run of periods in the same year ("Jul, Aug, Sep 2023",
 * "Nov, Dec 2023, Jan 2024", "Q1, Q2 2025-26"); periods that are years stay as they are ("2023-24, 2024-25").
 */
export function periodList(periods: readonly string[]): string {
  const parts: string[] = [];
  for (let i = 0; i < periods.length; i++) {
    const [head, year] = splitYear(periods[i]!);
    const next = periods[i + 1];
    parts.push(year !== null && next !== undefined && splitYear(next)[1] === year ? head : periods[i]!);
  }
  return parts.join(", ");
}

function splitYear(period: string): [string, string | null] {
  const m = /^(.*\S)\s+(\d{4}(?:-\d{2,4})?)$/.exec(period);
  return m ? [m[1]!, m[2]!] : [period, null];
}

/** Runs of neighbouring items that share a key (a goal, a rule), in order. */
export function runsBy<T>(items: readonly T[], key: (item: T) => string): { key: string; items: T[] }[] {
  const runs: { key: string; items: T[] }[] = [];
  for (const item of items) {
    const k = key(item);
    const last = runs[runs.length - 1];
    if (last && last.key === k) last.items.push(item);
    else runs.push({ key: k, items: [item] });
  }
  return runs;
}

/**
 * Items gathered by a key (a rule), every item of a key in one group whatever lies between them, the groups in the
 * order their keys first appear and each group's items in their order.
 */
export function groupsBy<T>(items: readonly T[], key: (item: T) => string): { key: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups].map(([k, grouped]) => ({ key: k, items: grouped }));
}

/** An activity's first line without its closing full stop, to stand inside a sentence of the pane's own. */
export function shortLabel(text: string): string {
  return (text.split("\n")[0] ?? text).trim().replace(/[.\s]+$/, "");
}
