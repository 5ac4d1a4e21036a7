import type { Goal } from "../plan";
import type { ReadContext } from "./context";

/**
 * A goal's target year (README, "Findings": goal-target-before-schedule): "By 2028, all staff ...", "by the end of
 * 2026", "by June 2027".
 */
const TARGET_YEAR = /\bby\s+(?:(?:the\s+end\s+of|june|spring|fall|summer|december)\s+)?((?:19|20)\d{2})\b/i;

export function targetYearOf(text: string): number | null {
  const by = TARGET_YEAR.exec(text);
  return by ? Number(by[1]) : null;
}

/** The plan's goals: statements of a dozen characters or more above the first timeline, with their target years. */
export function readGoals(ctx: ReadContext, from: number, to: number): Goal[] {
  const { grid } = ctx;
  const goals: Goal[] = [];
  for (let r = from; r <= to; r++) {
    for (let c = grid.left; c <= grid.right; c++) {
      const text = grid.text(r, c);
      if (text.length < 12 || !grid.isAnchor(r, c)) continue;
      goals.push({ text, cell: ctx.cell(r, c), targetYear: targetYearOf(text) });
    }
  }
  return goals;
}
