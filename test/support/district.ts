/** Small helpers for writing district-style plan sheets readably in tests. */
import type { CellInput } from "./workbook-builder";

export const MONTHS_JUL_JUN = ["July", "August", "September", "October", "November", "December", "January", "February", "March", "April", "May", "June"] as const;
export const MON_JUL_JUN = ["Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun"] as const;

/**
 * One sheet row: the cells left of the timeline, then one cell per period with the mark given for that
 * period's header text (others empty). A mark under a header the timeline does not have is a typo in the test.
 */
export function timelineRow(prefix: CellInput[], periods: readonly string[], marks: Record<string, CellInput> = {}): CellInput[] {
  for (const key of Object.keys(marks)) {
    if (!periods.includes(key)) throw new Error(`timelineRow: no period "${key}" in ${periods.join(", ")}`);
  }
  return [...prefix, ...periods.map((p) => marks[p] ?? null)];
}

/** Marks the given periods with the same mark. */
export function marked(periods: readonly string[], mark: CellInput = "X"): Record<string, CellInput> {
  return Object.fromEntries(periods.map((p) => [p, mark]));
}
