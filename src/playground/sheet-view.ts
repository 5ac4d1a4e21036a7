import { columnLetters } from "../core/address";
import { flagKindOfFormula, type FlagKind } from "../core/writes";
import { readCellLevel } from "../office-sim/cells";
import { intersects, lastCol, lastRow, type Rect, rect } from "../office-sim/address";
import type { SheetModel } from "../office-sim/model";
import type { Sim } from "../office-sim";

/** The grid's rows all have this height (px), so that any row's place is known without drawing the rows above it. */
export const ROW_HEIGHT = 20;
/** The row numbers' column (px). */
export const ROW_HEADER_WIDTH = 44;

/** What the playground's grid knows of the active sheet as a whole: its size, its columns' widths, the selection. */
export interface SheetLayout {
  name: string;
  rows: number;
  columns: number;
  /** Each column's width in pixels: the sheet's own, else one that fits the column's text (up to a limit). */
  widths: number[];
  /** The selected cell (0-based), when it is on this sheet. */
  selected: { row: number; column: number } | null;
}

/** The rows of the sheet on screen: display text, fills, bold, the add-in's flags. */
export interface SheetWindow {
  /** The first row shown (0-based). */
  top: number;
  text: string[][];
  fills: (string | null)[][];
  bold: boolean[][];
  flags: (FlagKind | null)[][];
}

/** Columns shown at most (the used range may reach far to the right through stray formatting). */
const MAX_COLUMNS = 60;
/** How many rows are looked at to size a column without a width of its own. */
const SIZING_ROWS = 200;

export function sheetLayout(sim: Sim): SheetLayout {
  const sheet = sim.model.activeSheet();
  const used = sheet.usedRange(false);
  const rows = used ? used.row + used.rowCount : 1;
  const columns = Math.min(MAX_COLUMNS, used ? used.col + used.colCount : 1);
  const sample = readCellLevel(sim.model, sheet, rect(0, 0, Math.min(rows, SIZING_ROWS), columns), "text") as string[][];
  const widths = Array.from({ length: columns }, (_, c) => {
    const own = sheet.cols.get(c)?.size;
    if (own !== undefined && own !== null) return Math.min(400, Math.max(24, Math.round(own / 0.75)));
    let longest = columnLetters(c).length;
    for (const line of sample) longest = Math.max(longest, line[c]?.length ?? 0);
    return Math.min(260, Math.max(40, longest * 7 + 10));
  });
  const sel = sim.model.selection;
  const selected = sel && sel.sheetId === sheet.id ? { row: sel.rect.row, column: sel.rect.col } : null;
  return { name: sheet.name, rows, columns, widths, selected };
}

/** Rows `top` to `top + count - 1` of the active sheet (within its used rows), the first `columns` columns. */
export function sheetWindow(sim: Sim, layout: SheetLayout, top: number, count: number): SheetWindow {
  const sheet = sim.model.activeSheet();
  const first = Math.max(0, Math.min(top, layout.rows - 1));
  const area = rect(first, 0, Math.max(1, Math.min(count, layout.rows - first)), layout.columns);
  const text = readCellLevel(sim.model, sheet, area, "text") as string[][];
  const fills: (string | null)[][] = [];
  const bold: boolean[][] = [];
  const flags = flagsIn(sheet, area);
  for (let r = area.row; r <= lastRow(area); r++) {
    const fillRow: (string | null)[] = [];
    const boldRow: boolean[] = [];
    for (let c = 0; c < layout.columns; c++) {
      const style = sheet.styleAt(r, c);
      fillRow.push(style.fill);
      boldRow.push(style.font.bold);
    }
    fills.push(fillRow);
    bold.push(boldRow);
  }
  return { top: first, text, fills, bold, flags };
}

/** The add-in's flags (its own conditional formats) on the cells of an area, row by row. */
function flagsIn(sheet: SheetModel, area: Rect): (FlagKind | null)[][] {
  const flags = Array.from({ length: area.rowCount }, () => new Array<FlagKind | null>(area.colCount).fill(null));
  for (const cf of sheet.cfs) {
    const kind = flagKindOfFormula(cf.custom?.formula);
    if (!kind) continue;
    for (const range of cf.ranges) {
      if (!intersects(range, area)) continue;
      for (let r = Math.max(range.row, area.row); r <= Math.min(lastRow(range), lastRow(area)); r++) {
        for (let c = Math.max(range.col, area.col); c <= Math.min(lastCol(range), lastCol(area)); c++) flags[r - area.row]![c - area.col] = kind;
      }
    }
  }
  return flags;
}

export { columnLetters };
