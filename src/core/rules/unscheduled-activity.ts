import { localCell } from "../address";
import type { Finding } from "../findings";
import { excerpt } from "../label-text";
import type { Block, Plan } from "../plan";

/** Whether a block can say when its activities happen: a timeline, or a timing column (or Start and End). */
export function hasTiming(block: Block): boolean {
  return block.periods.length > 0 || block.columns["timing"] !== undefined || block.columns["start"] !== undefined;
}

/**
 * unscheduled-activity: an activity with no period marked, or no timing in its table row. no-timing: a block with no
 * timeline and no timing column at all (an outline, a list of steps) gets one finding, not one per step: every step
 * is unscheduled, and the way on is to add a timeline. `unreadable` holds the activities whose timing the reader
 * could not read: they have a finding of their own (unreadable-timing).
 */
export function unscheduledActivities(plan: Plan, out: Finding[], unreadable: ReadonlySet<string>): void {
  const stepsOf = new Map<number, number>();
  for (const a of plan.activities) {
    if (a.schedule.length > 0) continue;
    const block = plan.blocks[a.block]!;
    if (!hasTiming(block)) {
      stepsOf.set(a.block, (stepsOf.get(a.block) ?? 0) + 1);
      continue;
    }
    if (unreadable.has(a.id)) continue;
    const column = block.columns["timing"] ?? block.columns["end"];
    const written = a.timing ?? "";
    const where = `${column}${a.rows[0]}`;
    out.push({
      rule: "unscheduled-activity",
      severity: "warning",
      message:
        column === undefined
          ? `"${excerpt(a.text)}" (${localCell(a.cell)}) has no mark in any period, so nobody can tell when it happens. Put an X under the months it is planned for.`
          : written === ""
            ? `"${excerpt(a.text)}" (${localCell(a.cell)}) has no timing (${where} is empty), so nobody can tell when it happens. Write when it happens there ("Oct", "Fall and Spring", "By June 2026"), or "TBD".`
            : `"${excerpt(a.text)}" (${localCell(a.cell)}) is not scheduled yet (${where} says "${excerpt(written, 30)}"), so nobody can tell when it happens. Write when it happens there once it is known.`,
      cell: a.cell,
      activityId: a.id,
    });
  }
  for (const [index, count] of stepsOf) {
    const block = plan.blocks[index]!;
    const all = count;
    out.push({
      rule: "no-timing",
      severity: "warning",
      message:
        `${all === 1 ? "The plan's step has" : `None of the plan's ${all} steps has`} a date, a month or a period${block.shape === "outline" ? "" : " column"} saying when ${all === 1 ? "it happens" : "they happen"}, ` +
        `so nothing can be overdue or due soon. Add a timeline (month columns to mark with X's) to the right of the plan, or a Timeline column saying when each step happens ("Oct", "Fall and Spring", "By June 2026").`,
      cell: block.headerCell,
      offer: "add-timeline",
    });
  }
}
