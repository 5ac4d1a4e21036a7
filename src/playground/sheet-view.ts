import { a1, columnLetters } from "../core/address";
import { flagKindOfFormula, type FlagKind } from "../core/writes";
import { readCellLevel } from "../../test/office-sim/cells";
import { snapshotSheet, type Sim } from "../../test/office-sim";

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
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(range.replace(/\$/g, ""));
  if (!m) return [];
  const col = (s: string): number => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const out: string[] = [];
  const [c1, r1, c2, r2] = [col(m[1]!), Number(m[2]) - 1, col(m[3] ?? m[1]!), Number(m[4] ?? m[2]) - 1];
  for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) out.push(a1(r, c));
  return out;
}

export { columnLetters };
