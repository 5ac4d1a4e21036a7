import type { SheetGrid } from "../grid";

/** A block's title: the nearest text above its header row (README, "How it reads your grid"). */
export interface BlockTitle {
  row: number;
  column: number;
  text: string;
}

/** The nearest text above a header: one text cell in a row, with no marks, not glued to the block above. */
export function findTitle(grid: SheetGrid, top: number, floor: number, periodColumns: ReadonlySet<number>): BlockTitle | null {
  let r = top - 1;
  while (r > floor && grid.isRowEmpty(r)) r--;
  if (r <= floor) return null;
  const texts: { column: number; text: string }[] = [];
  for (let c = grid.left; c <= grid.right; c++) {
    const v = grid.own(r, c);
    if (v === null || (typeof v === "string" && v.trim() === "")) continue;
    if (typeof v !== "string") return null;
    texts.push({ column: c, text: v.trim() });
  }
  if (texts.length !== 1) return null;
  const only = texts[0]!;
  if (periodColumns.has(only.column) && only.text.length <= 3) return null;
  const separated = r - 1 <= floor || grid.isRowEmpty(r - 1) || floor < grid.top;
  const beside = only.column !== grid.left;
  if (!separated && !beside) return null;
  return { row: r, column: only.column, text: only.text };
}
