import { a1, columnLetters } from "../address";
import type { ReadContext } from "./context";
import type { RowRead } from "./rows";

/** An X in a column the timeline does not name, past its last period or between its columns (mark-outside-timeline). */
export function checkMarksOutsideTimeline(ctx: ReadContext, rows: RowRead[]): void {
  for (const row of rows) {
    for (const c of row.strays) {
      const text = String(ctx.grid.own(row.row, c)).trim();
      ctx.add({
        rule: "mark-outside-timeline",
        severity: "warning",
        message: `${a1(row.row, c)} holds "${text}" but column ${columnLetters(c)} has no period in the timeline header, so it is not counted. Add the period to the header or move the mark.`,
        cell: ctx.cell(row.row, c),
      });
    }
  }
}
