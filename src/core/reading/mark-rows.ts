import type { ReadContext } from "./context";
import type { Draft } from "./drafts";
import type { RowRead } from "./rows";

/**
 * A row without text but with marks belongs to the activity whose lines it touches (README, "How it reads your
 * grid"): the one on the row above, or below when the row is the top of an X split over two lines; a row of marks
 * that touches no activity is a finding (marks-without-activity).
 */
export function placeMarkRows(ctx: ReadContext, markRows: RowRead[], drafts: Draft[], rows: RowRead[]): void {
  const owner = new Map<number, Draft>();
  for (const draft of drafts) for (const row of draft.rows) owner.set(row, draft);
  const byRow = new Map(rows.map((r) => [r.row, r]));
  for (const row of markRows) {
    const above = owner.get(row.row - 1);
    const below = owner.get(row.row + 1);
    const next = byRow.get(row.row + 1);
    // An X on a line of its own directly above a "^" is the top of a split X: it belongs with the "^".
    const joinsBelow =
      below !== undefined &&
      next !== undefined &&
      row.cells.some((cell) =>
        next.cells.some((n) => n.column === cell.column && n.mark.kind === "split-bottom" && (cell.mark.kind === "mark" || cell.mark.kind === "split-top")),
      );
    let target: Draft | undefined = joinsBelow ? below : (above ?? below);
    if (target && target.kind !== "activity") target = undefined;
    if (!target) {
      if (row.hasMarks) {
        ctx.add({
          rule: "marks-without-activity",
          severity: "warning",
          message: `Row ${row.row + 1} has marks but no activity text, and no activity is on the row above or below it. Its marks are not counted; put them on the activity's row.`,
          cell: ctx.cell(row.row, row.cells[0]!.column),
        });
      }
      continue;
    }
    target.rows.push(row.row);
    target.rows.sort((a, b) => a - b);
    owner.set(row.row, target);
  }
}
