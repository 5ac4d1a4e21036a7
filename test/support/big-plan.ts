import { writeFileSync } from "node:fs";
import { syntheticRows } from "../../scripts/bench/synthetic";
import { Sim } from "../../src/office-sim";

/** The sheet name of the big plan: it names the school year, as districts' sheets often do. */
export const BIG_PLAN_SHEET = "PL Plan 2023-24";

/**
 * A district-wide plan as a .xlsx file: `activities` action steps (2,000 by default) over 12 months of 2023-24, a
 * Goal row every 25 steps, an owner column, X's in runs of one to four months. For the browser tests and the bench
 * of the task pane at that size.
 */
export async function writeBigPlan(path: string, activities = 2000, months = 12): Promise<void> {
  const sim = Sim.fromSheets({ [BIG_PLAN_SHEET]: syntheticRows(activities, months) });
  writeFileSync(path, await sim.toXlsx());
}
