/**
 * Plain, comparable snapshots of a sheet's user-visible state, for assertions such as
 * "every user cell's value and format is identical before and after the add-in ran":
 *
 *   const before = snapshotSheet(sim, "Plan");
 *   await refresh();
 *   expect(snapshotSheet(sim, "Plan")).toEqual(before);
 */
import { cellName, formatRect } from "./address";
import { cellValue } from "./cells";
import { Style, keyCol, keyRow, styleKey } from "./model";
import type { Sim } from "./sim";

export interface CellSnapshot {
  value: string | number | boolean | null;
  formula: string | null;
  numberFormat: string;
  fill: string | null;
  font: { name: string; size: number; color: string; bold: boolean; italic: boolean; underline: string; strikethrough: boolean };
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  locked: boolean;
  hyperlink: { address?: string; documentReference?: string; textToDisplay?: string; screenTip?: string } | null;
}

export interface ConditionalFormatSnapshot {
  type: string;
  ranges: string[];
  formula: string | null;
  fill: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  stopIfTrue: boolean;
}

/** The format part of a cell snapshot (also used for whole-row / whole-column formats). */
export type FormatSnapshot = Pick<CellSnapshot, "numberFormat" | "fill" | "font" | "horizontalAlignment" | "verticalAlignment" | "wrapText" | "locked">;

export interface SheetSnapshot {
  name: string;
  visibility: string;
  position: number;
  protected: boolean;
  tabColor: string;
  frozenRows: number;
  frozenColumns: number;
  /** every stored cell (a value, a formula, a hyperlink or a format), by A1 address */
  cells: Record<string, CellSnapshot>;
  merges: string[];
  /** 1-based row numbers */
  hiddenRows: number[];
  /** column letters */
  hiddenColumns: string[];
  /** row number -> height in points (non-default only) */
  rowHeights: Record<number, number>;
  /** column letter -> width in points (non-default only) */
  columnWidths: Record<string, number>;
  /** whole-column formats (what empty cells show), by column span, e.g. "A:C" */
  columnFormats: Record<string, FormatSnapshot>;
  /** whole-row formats, by row span, e.g. "3:3" */
  rowFormats: Record<string, FormatSnapshot>;
  conditionalFormats: ConditionalFormatSnapshot[];
  tables: Array<{ name: string; range: string; columns: string[]; style: string }>;
  charts: Array<{ name: string; type: string; title: string; source: string }>;
}

export function snapshotSheet(sim: Sim, name: string): SheetSnapshot {
  const wb = sim.model;
  const sheet = sim.sheetModel(name);
  const keys = [...sheet.cells.keys()].sort((a, b) => a - b);
  const cells: Record<string, CellSnapshot> = {};
  for (const key of keys) {
    const c = sheet.cells.get(key);
    if (c === undefined) continue;
    const i = keyRow(key);
    const j = keyCol(key);
    const v = cellValue(wb, sheet, i, j);
    cells[cellName(i, j)] = {
      value: v.value,
      formula: c.formula,
      numberFormat: c.style.numberFormat,
      fill: c.style.fill,
      font: { ...c.style.font },
      horizontalAlignment: c.style.horizontalAlignment,
      verticalAlignment: c.style.verticalAlignment,
      wrapText: c.style.wrapText,
      locked: c.style.locked,
      hyperlink: c.hyperlink === null ? null : { ...c.hyperlink },
    };
  }
  const lines = (kind: "row" | "col") => [...(kind === "row" ? sheet.rows : sheet.cols).entries()].sort((a, b) => a[0] - b[0]);
  const colLetter = (j: number): string => cellName(0, j).replace(/\d+$/, "");
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    position: wb.sheets.indexOf(sheet),
    protected: sheet.protection.protected,
    tabColor: sheet.tabColor,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    cells,
    merges: sheet.merges.map(formatRect).sort(),
    hiddenRows: lines("row").filter(([, l]) => l.hidden).map(([i]) => i + 1),
    hiddenColumns: lines("col").filter(([, l]) => l.hidden).map(([j]) => colLetter(j)),
    rowHeights: Object.fromEntries(lines("row").filter(([, l]) => l.size !== null).map(([i, l]) => [i + 1, l.size ?? 0])),
    columnWidths: Object.fromEntries(lines("col").filter(([, l]) => l.size !== null).map(([j, l]) => [colLetter(j), l.size ?? 0])),
    columnFormats: spans(sheet.colStyles, (a, b) => `${colLetter(a)}:${colLetter(b)}`),
    rowFormats: spans(sheet.rowStyles, (a, b) => `${a + 1}:${b + 1}`),
    conditionalFormats: sheet.cfs.map((cf) => ({
      type: cf.type,
      ranges: cf.ranges.map(formatRect),
      formula: cf.custom?.formula ?? null,
      fill: cf.custom?.fill ?? null,
      fontColor: cf.custom?.fontColor ?? null,
      bold: cf.custom?.bold ?? null,
      italic: cf.custom?.italic ?? null,
      stopIfTrue: cf.stopIfTrue,
    })),
    tables: wb.tables
      .filter((t) => t.sheetId === sheet.id)
      .map((t) => ({ name: t.name, range: formatRect(t.rect), columns: [...t.columnNames], style: t.style })),
    charts: sheet.charts.map((c) => ({ name: c.name, type: c.chartType, title: c.title, source: formatRect(c.source) })),
  };
}

function formatOf(s: Style): FormatSnapshot {
  return {
    numberFormat: s.numberFormat,
    fill: s.fill,
    font: { ...s.font },
    horizontalAlignment: s.horizontalAlignment,
    verticalAlignment: s.verticalAlignment,
    wrapText: s.wrapText,
    locked: s.locked,
  };
}

/** Group consecutive indexes that share one style object into spans. */
function spans(styles: Map<number, Style>, label: (first: number, last: number) => string): Record<string, FormatSnapshot> {
  const out: Record<string, FormatSnapshot> = {};
  const sorted = [...styles.entries()].sort((a, b) => a[0] - b[0]);
  let start = -1;
  let prev = -1;
  let current: Style | null = null;
  const flush = (): void => {
    if (current !== null) out[label(start, prev)] = formatOf(current);
  };
  for (const [k, s] of sorted) {
    if (current !== null && k === prev + 1 && styleKey(s) === styleKey(current)) {
      prev = k;
      continue;
    }
    flush();
    start = k;
    prev = k;
    current = s;
  }
  flush();
  return out;
}

/** Snapshot of every sheet, keyed by name. */
export function snapshotWorkbook(sim: Sim): Record<string, SheetSnapshot> {
  return Object.fromEntries(sim.model.sheets.map((s) => [s.name, snapshotSheet(sim, s.name)]));
}
