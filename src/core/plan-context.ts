import type { Activity, Plan, PlanLevel, TheoryStatement } from "./plan";

/**
 * What the rest of a plan says about an activity (docs/product.md, "The rest of a plan"): the goals and strategies it
 * sits under, with their outcomes, rationale and obstacles, and the theory-of-action statements it carries out. The
 * exports, the plan sheet and the task pane show them beside the activity.
 */
export interface PlanContext {
  /** The levels of the activity's path that the plan reads (outermost first). */
  levels(activity: Activity): PlanLevel[];
  /** The statements the activity carries out. */
  statements(activity: Activity): TheoryStatement[];
}

export function planContext(plan: Plan): PlanContext {
  const byCell = new Map(plan.levels.map((l) => [l.cell, l]));
  const carried = new Map<string, TheoryStatement[]>();
  for (const s of plan.theory?.statements ?? []) {
    for (const r of s.activities) {
      const list = carried.get(r.id);
      if (list) list.push(s);
      else carried.set(r.id, [s]);
    }
  }
  return {
    levels: (a) => a.pathCells.map((cell) => byCell.get(cell)).filter((l) => l !== undefined),
    statements: (a) => carried.get(a.id) ?? [],
  };
}

/** A level's expected outcomes, one a line: `Year 1: ...`. */
export function outcomeLines(level: PlanLevel): string[] {
  return level.outcomes.map((o) => `${o.label}: ${o.text}`);
}
