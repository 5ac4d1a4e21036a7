import { a1, columnLetters } from "../core/address";
import { flagKindOfFormula, type FlagKind } from "../core/writes";
import { parseAreas } from "../excel/range-address";
import { readCellLevel } from "../office-sim/cells";
import { snapshotSheet, type Sim } from "../office-sim";

/** What the playground's grid shows of a sheet: display text, fills, the add-in's flags, the selection. */
export interface SheetView {
  name: string;
  rows: number;
  columns: number;
  text: string[][];
  fills: (string | null)[][];
  bold: boolean[][];
  flags: Map<string, FlagKind>;
  selected: string | null;
  hiddenColumns: Set<string>;
}

export function sheetView(sim: Sim, maxRows = 400, maxColumns = 40): SheetView {
  const sheet = sim.model.activeSheet();
  const snapshot = snapshotSheet(sim, sheet.name);
  const used = sheet.usedRange(false);
  const rows = Math.min(maxRows, used ? used.row + used.rowCount : 1);
  const columns = Math.min(maxColumns, used ? used.col + used.colCount : 1);
  const text = (readCellLevel(sim.model, sheet, { row: 0, col: 0, rowCount: rows, colCount: columns }, "text") ?? []) as string[][];
  const fills: (string | null)[][] = [];
  const bold: boolean[][] = [];
  for (let r = 0; r < rows; r++) {
    fills.push([]);
    bold.push([]);
    for (let c = 0; c < columns; c++) {
      const cell = snapshot.cells[a1(r, c)];
      fills[r]!.push(cell?.fill ?? null);
      bold[r]!.push(cell?.font.bold ?? false);
    }
  }
  const flags = new Map<string, FlagKind>();
  for (const cf of snapshot.conditionalFormats) {
    const kind = flagKindOfFormula(cf.formula);
    if (!kind) continue;
    for (const range of cf.ranges) for (const cell of cellsOf(range)) flags.set(cell, kind);
  }
  const sel = sim.model.selection;
  const selected = sel && sel.sheetId === sheet.id ? a1(sel.rect.row, sel.rect.col) : null;
  return { name: sheet.name, rows, columns, text, fills, bold, flags, selected, hiddenColumns: new Set(snapshot.hiddenColumns) };
}

function cellsOf(range: string): string[] {
  const out: string[] = [];
  for (const area of parseAreas(range)) for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) out.push(a1(r, c));
  return out;
}

export { columnLetters };
