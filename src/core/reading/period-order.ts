import { localCell } from "../address";
import { dayNumberOfIso } from "../dates";
import type { Period } from "../periods";
import type { ReadContext } from "./context";

/**
 * The timeline's periods in time order (README, "Findings"): a period named twice (period-repeated), one that goes
 * back in time (periods-out-of-order), a school year missing between two columns (school-years-not-consecutive).
 */
export function checkPeriodOrder(ctx: ReadContext, periods: Period[]): void {
  for (let i = 1; i < periods.length; i++) {
    const prev = periods[i - 1]!;
    const cur = periods[i]!;
    if (cur.start === prev.start) {
      ctx.add({
        rule: "period-repeated",
        severity: "warning",
        message: `The timeline names ${cur.label} twice (${localCell(prev.cell)} and ${localCell(cur.cell)}). Marks under either column count for the same period; remove or rename one column.`,
        cell: cur.cell,
      });
    } else if (cur.start < prev.start) {
      ctx.add({
        rule: "periods-out-of-order",
        severity: "warning",
        message: `${cur.label} (${localCell(cur.cell)}) comes after ${prev.label} (${localCell(prev.cell)}) in the timeline but is earlier in time. Put the periods in order so the plan reads left to right.`,
        cell: cur.cell,
      });
    } else if (cur.kind === "school-year" && prev.kind === "school-year") {
      const gap = dayNumberOfIso(cur.start) - dayNumberOfIso(prev.end);
      if (gap > 1) {
        ctx.add({
          rule: "school-years-not-consecutive",
          severity: "warning",
          message: `The timeline jumps from ${prev.label} (${localCell(prev.cell)}) to ${cur.label} (${localCell(cur.cell)}): a school year is missing between them. Add the missing year's column, or check the header.`,
          cell: cur.cell,
        });
      }
    }
  }
}
