import { localCell } from "../address";
import type { IsoDate } from "../dates";
import type { Finding } from "../findings";
import { excerpt } from "../label-text";
import type { Activity, Plan, ScheduledMark } from "../plan";
import { targetYearOf } from "../reading/goals";

function lastEnd(acts: Activity[]): { end: IsoDate; period: string; cell: string } | null {
  let last: ScheduledMark | null = null;
  for (const a of acts) for (const m of a.schedule) if (m.state !== "cancelled" && (!last || m.end > last.end)) last = m;
  return last && { end: last.end, period: last.period, cell: last.cell };
}

/**
 * goal-target-before-schedule: a goal's target year ("By 2028, ...") before the end of its last scheduled period.
 * A goal above the timeline covers the sheet's work; a goal row (or a block title that names a goal) covers the
 * activities below it, and is reported at its own cell, once. A title above the first timeline is both: it is
 * checked as a level.
 */
export function goalTargets(plan: Plan, out: Finding[]): void {
  const check = (text: string, cell: string, year: number, acts: Activity[]): void => {
    const last = lastEnd(acts);
    if (!last || last.end <= `${year}-12-31`) return;
    out.push({
      rule: "goal-target-before-schedule",
      severity: "warning",
      message: `The goal "${excerpt(text)}" (${localCell(cell)}) is to be met by ${year}, but its work is scheduled until ${last.period} (${localCell(last.cell)}). Move the target year or the work.`,
      cell,
    });
  };
  const under = new Map<string, { text: string; year: number; acts: Activity[] }>();
  for (const a of plan.activities) {
    a.path.forEach((level, i) => {
      const cell = a.pathCells[i] ?? a.cell;
      const entry = under.get(cell);
      if (entry) {
        entry.acts.push(a);
        return;
      }
      const year = targetYearOf(level);
      if (year !== null) under.set(cell, { text: level, year, acts: [a] });
    });
  }
  for (const goal of plan.goals) {
    if (goal.targetYear !== null && !under.has(goal.cell)) check(goal.text, goal.cell, goal.targetYear, plan.activities);
  }
  // A block's title that gives a target year without naming a level ("By 2026, every school ..." above a second
  // timeline) covers that block's work. The first block's title is the sheet's goal, checked above.
  const goalCells = new Set(plan.goals.map((g) => g.cell));
  const byBlock = new Map<number, Activity[]>();
  for (const a of plan.activities) {
    const list = byBlock.get(a.block);
    if (list) list.push(a);
    else byBlock.set(a.block, [a]);
  }
  for (const block of plan.blocks) {
    if (block.title === null || block.titleCell === null || under.has(block.titleCell) || goalCells.has(block.titleCell)) continue;
    const year = targetYearOf(block.title);
    if (year !== null) check(block.title, block.titleCell, year, byBlock.get(block.index) ?? []);
  }
  for (const [cell, { text, year, acts }] of under) check(text, cell, year, acts);
}
