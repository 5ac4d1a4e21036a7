/**
 * Excel semantics over the plain model: reading and writing values, formulas,
 * number formats and styles of rectangles, clearing, merging, protection checks.
 * Everything here runs during `context.sync()` and throws SimOfficeError on failure.
 */
import {
  Rect,
  cellCount,
  intersects,
  isEntireRows,
  isUnbounded,
  lastCol,
  lastRow,
  rect,
  subtract,
} from "./address";
import { simError } from "./errors";
import { FormulaValue, evaluateFormula } from "./formula";
import {
  Cell,
  DEFAULT_STYLE,
  Hyperlink,
  SheetModel,
  Style,
  WorkbookModel,
  cellKey,
  styleScope,
} from "./model";
import { Scalar, formatValue, parseInput } from "./values";

// ---- reading -------------------------------------------------------------------------

const MAX_DEPTH = 64;

export function cellValue(wb: WorkbookModel, sheet: SheetModel, row: number, col: number, depth = 0): FormulaValue {
  const c = sheet.getCell(row, col);
  if (c === undefined) return { value: null, isError: false };
  if (c.formula !== null && depth < MAX_DEPTH) {
    const result = evaluateFormula(c.formula, {
      cell: (sheetName, r, k) => {
        const target = sheetName === null ? sheet : wb.sheetByName(sheetName);
        return target === undefined ? undefined : cellValue(wb, target, r, k, depth + 1);
      },
    });
    if (result !== undefined) return result;
  }
  return { value: c.value, isError: c.isError };
}

function grid<T>(r: Rect, fn: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let i = r.row; i <= lastRow(r); i++) {
    const line: T[] = [];
    for (let j = r.col; j <= lastCol(r); j++) line.push(fn(i, j));
    out.push(line);
  }
  return out;
}

export type CellLevelProperty = "values" | "text" | "formulas" | "numberFormat" | "valueTypes";

/**
 * A cell-level property of a rectangle as Excel returns it: null for unbounded ranges
 * ("A:C", "2:5"), empty cells as "". A formula whose result is unknown reads as null.
 */
export function readCellLevel(wb: WorkbookModel, sheet: SheetModel, r: Rect, prop: CellLevelProperty): unknown[][] | null {
  if (isUnbounded(r)) return null;
  switch (prop) {
    case "values":
      return grid(r, (i, j) => {
        const c = sheet.getCell(i, j);
        if (c === undefined) return "";
        const v = cellValue(wb, sheet, i, j);
        return v.value === null && c.formula === null ? "" : v.value;
      });
    case "text":
      return grid(r, (i, j) => {
        const v = cellValue(wb, sheet, i, j);
        return formatValue(v.value, sheet.styleAt(i, j).numberFormat, v.isError);
      });
    case "formulas":
      return grid(r, (i, j) => {
        const c = sheet.getCell(i, j);
        if (c === undefined) return "";
        if (c.formula !== null) return c.formula;
        return c.value === null ? "" : c.value;
      });
    case "numberFormat":
      return grid(r, (i, j) => sheet.styleAt(i, j).numberFormat);
    case "valueTypes":
      return grid(r, (i, j) => {
        const v = cellValue(wb, sheet, i, j);
        if (v.isError) return "Error";
        if (v.value === null) return "Empty";
        if (typeof v.value === "number") return "Double";
        if (typeof v.value === "boolean") return "Boolean";
        return "String";
      });
  }
}

// ---- protection ----------------------------------------------------------------------

export type EditKind =
  | "contents"
  | "formatCells"
  | "formatRows"
  | "formatColumns"
  | "hyperlinks"
  | "objects"
  | "structure";

/** Throw AccessDenied when the sheet's protection forbids this kind of edit. */
export function assertCanEdit(sheet: SheetModel, kind: EditKind, rects: readonly Rect[], location: string): void {
  const p = sheet.protection;
  if (!p.protected) return;
  const o = p.options;
  const allowed =
    kind === "formatCells" ? o.allowFormatCells :
    kind === "formatRows" ? o.allowFormatRows :
    kind === "formatColumns" ? o.allowFormatColumns :
    kind === "objects" ? o.allowEditObjects :
    kind === "hyperlinks" ? o.allowInsertHyperlinks && !anyLocked(sheet, rects) :
    kind === "contents" ? !anyLocked(sheet, rects) :
    false;
  if (!allowed) throw simError("AccessDenied", location);
}

function anyLocked(sheet: SheetModel, rects: readonly Rect[]): boolean {
  for (const r of rects) {
    if (cellCount(r) > 2_000_000) return true;
    for (let i = r.row; i <= lastRow(r); i++) {
      for (let j = r.col; j <= lastCol(r); j++) {
        if (sheet.styleAt(i, j).locked) return true;
      }
    }
  }
  return false;
}

// ---- writing values --------------------------------------------------------------------

function emptyCell(style: Style): Cell {
  return { value: null, isError: false, formula: null, style, hyperlink: null };
}

export function cellOrEmpty(sheet: SheetModel, row: number, col: number): Cell {
  return sheet.getCell(row, col) ?? emptyCell(sheet.baseStyle(row, col));
}

/** Normalize one entry of a 2D input the way Office.js' JSON transport would. */
function inputEntry(v: unknown, location: string): Scalar | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toJSON();
  throw simError("InvalidArgument", location);
}

/**
 * Expand a `values`/`formulas`/`numberFormat` assignment to one entry per cell:
 * a scalar applies to every cell; a 2D array must match the range exactly.
 */
export function expandInput(input: unknown, r: Rect, location: string): (Scalar | null)[][] {
  if (!Array.isArray(input)) {
    const v = inputEntry(input, location);
    return grid(r, () => v);
  }
  const rows: unknown[] = input;
  if (rows.length !== r.rowCount) {
    throw simError("InvalidArgument", location, "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
  }
  return rows.map((line) => {
    if (!Array.isArray(line) || line.length !== r.colCount) {
      throw simError("InvalidArgument", location, "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
    }
    const cells: unknown[] = line;
    return cells.map((v) => inputEntry(v, location));
  });
}

/**
 * Write values or formulas (Excel treats both the same: "=..." becomes a formula). Cells are records never changed
 * in place (a backup taken for a sync shares them): each written cell gets a new one, built in one go.
 */
export function writeValues(sheet: SheetModel, r: Rect, input: unknown, location: string): void {
  if (isUnbounded(r)) throw simError("InvalidArgument", location, "Cell-level properties cannot be set on an unbounded range.");
  const entries = expandInput(input, r, location);
  assertCanEdit(sheet, "contents", [r], location);
  for (let di = 0; di < entries.length; di++) {
    const line = entries[di]!;
    const row = r.row + di;
    for (let dj = 0; dj < line.length; dj++) {
      const v = line[dj]!;
      if (v === null) continue; // null leaves the cell unchanged
      const col = r.col + dj;
      const cell = sheet.getCell(row, col);
      let style = cell?.style ?? sheet.baseStyle(row, col);
      const parsed = parseInput(v, style.numberFormat);
      if (parsed.autoFormat !== null && style.numberFormat === "General") style = { ...style, numberFormat: parsed.autoFormat };
      const value = parsed.value === "" ? null : parsed.value;
      sheet.setCell(row, col, { value, isError: parsed.isError, formula: parsed.formula, style, hyperlink: cell?.hyperlink ?? null });
    }
  }
}

export function writeNumberFormats(sheet: SheetModel, r: Rect, input: unknown, location: string): void {
  if (isUnbounded(r) && Array.isArray(input)) throw simError("InvalidArgument", location);
  if (!Array.isArray(input)) {
    if (typeof input !== "string") throw simError("InvalidArgument", location);
    assertCanEdit(sheet, "formatCells", [r], location);
    applyStyle(sheet, [r], (s) => ({ ...s, numberFormat: input }));
    return;
  }
  const entries = expandInput(input, r, location);
  assertCanEdit(sheet, "formatCells", [r], location);
  // Styles are shared: the cells that had one style and get one format share the new style too.
  const formatted = new Map<Style, Map<string, Style>>();
  const withFormat = (style: Style, numberFormat: string): Style => {
    let byFormat = formatted.get(style);
    if (byFormat === undefined) formatted.set(style, (byFormat = new Map<string, Style>()));
    let out = byFormat.get(numberFormat);
    if (out === undefined) byFormat.set(numberFormat, (out = style.numberFormat === numberFormat ? style : { ...style, numberFormat }));
    return out;
  };
  for (let di = 0; di < entries.length; di++) {
    const line = entries[di]!;
    const row = r.row + di;
    for (let dj = 0; dj < line.length; dj++) {
      const v = line[dj]!;
      if (v === null) continue;
      const col = r.col + dj;
      const cell = sheet.getCell(row, col);
      const style = withFormat(cell?.style ?? sheet.baseStyle(row, col), String(v));
      sheet.setCell(row, col, cell === undefined ? emptyCell(style) : { value: cell.value, isError: cell.isError, formula: cell.formula, style, hyperlink: cell.hyperlink });
    }
  }
}

// ---- styles ---------------------------------------------------------------------------

/**
 * Apply a style change to rectangles. Whole columns / rows update the column or row
 * style (as Excel does) plus every stored cell inside; other ranges update each cell.
 */
export function applyStyle(sheet: SheetModel, rects: readonly Rect[], patch: (s: Style) => Style): void {
  const memo = new Map<Style, Style>();
  const apply = (s: Style): Style => {
    let out = memo.get(s);
    if (out === undefined) {
      out = patch(s);
      memo.set(s, out);
    }
    return out;
  };
  for (const r of rects) {
    const scope = styleScope(r);
    if (scope === "columns") {
      for (let j = r.col; j <= lastCol(r); j++) sheet.colStyles.set(j, apply(sheet.colStyles.get(j) ?? DEFAULT_STYLE));
      if (isEntireRows(r)) for (const [i, s] of [...sheet.rowStyles]) sheet.rowStyles.set(i, apply(s));
      sheet.forEachStoredCell(r, (i, j, c) => sheet.setCell(i, j, { ...c, style: apply(c.style) }));
    } else if (scope === "rows") {
      for (let i = r.row; i <= lastRow(r); i++) sheet.rowStyles.set(i, apply(sheet.rowStyles.get(i) ?? DEFAULT_STYLE));
      sheet.forEachStoredCell(r, (i, j, c) => sheet.setCell(i, j, { ...c, style: apply(c.style) }));
    } else {
      for (let i = r.row; i <= lastRow(r); i++) {
        for (let j = r.col; j <= lastCol(r); j++) {
          const c = cellOrEmpty(sheet, i, j);
          sheet.setCell(i, j, { ...c, style: apply(c.style) });
        }
      }
    }
  }
}

/** The common value of fn over every cell of the rectangles, or null when mixed. */
export function uniform<T>(sheet: SheetModel, rects: readonly Rect[], fn: (s: Style) => T): T | null {
  let first = true;
  let value: T | null = null;
  const seen = (v: T): boolean => {
    if (first) {
      first = false;
      value = v;
      return true;
    }
    return Object.is(value, v);
  };
  for (const r of rects) {
    if (cellCount(r) > 1_000_000) {
      // huge area: sample the stored cells plus the base styles of its rows/columns
      let ok = seen(fn(sheet.baseStyle(r.row, r.col)));
      sheet.forEachStoredCell(r, (_i, _j, c) => {
        ok = ok && seen(fn(c.style));
      });
      if (!ok) return null;
      continue;
    }
    for (let i = r.row; i <= lastRow(r); i++) {
      for (let j = r.col; j <= lastCol(r); j++) {
        if (!seen(fn(sheet.styleAt(i, j)))) return null;
      }
    }
  }
  return value;
}

// ---- rows / columns ----------------------------------------------------------------------

export function setLines(sheet: SheetModel, kind: "row" | "col", from: number, count: number, change: { hidden?: boolean; size?: number | null }): void {
  const limit = Math.min(count, 20000);
  for (let k = from; k < from + limit; k++) {
    const cur = sheet.line(kind, k);
    sheet.setLine(kind, k, { hidden: change.hidden ?? cur.hidden, size: change.size === undefined ? cur.size : change.size });
  }
}

export function linesUniform<T>(from: number, count: number, fn: (k: number) => T): T | null {
  const first = fn(from);
  const limit = Math.min(count, 20000);
  for (let k = from + 1; k < from + limit; k++) if (!Object.is(fn(k), first)) return null;
  return first;
}

// ---- clear ---------------------------------------------------------------------------------

export function clearRange(wb: WorkbookModel, sheet: SheetModel, r: Rect, applyTo: string, location: string): void {
  const what = applyTo.toLowerCase();
  if (!["all", "formats", "contents", "hyperlinks", "removehyperlinks"].includes(what)) throw simError("InvalidArgument", location);
  assertCanEdit(sheet, what === "contents" ? "contents" : what === "formats" ? "formatCells" : "contents", [r], location);
  if (what === "all" || what === "formats") {
    if (what === "all" && sheet.protection.protected) assertCanEdit(sheet, "formatCells", [r], location);
    sheet.merges = sheet.merges.filter((m) => !intersects(m, r));
    for (const cf of sheet.cfs) cf.ranges = cf.ranges.flatMap((cr) => subtract(cr, r));
    sheet.cfs = sheet.cfs.filter((cf) => cf.ranges.length > 0);
    const scope = styleScope(r);
    if (scope === "columns") for (let j = r.col; j <= lastCol(r); j++) sheet.colStyles.delete(j);
    if (scope === "columns" && isEntireRows(r)) sheet.rowStyles.clear();
    if (scope === "rows") for (let i = r.row; i <= lastRow(r); i++) sheet.rowStyles.delete(i);
  }
  const fill = (i: number, j: number, c: Cell): void => {
    const base = sheet.baseStyle(i, j);
    switch (what) {
      case "all":
        sheet.setCell(i, j, null);
        if (base !== DEFAULT_STYLE && scopeIsCells(r)) sheet.setCell(i, j, emptyCell(DEFAULT_STYLE));
        break;
      case "formats":
        sheet.setCell(i, j, { ...c, style: scopeIsCells(r) ? DEFAULT_STYLE : base });
        break;
      case "contents":
        sheet.setCell(i, j, { ...c, value: null, formula: null, isError: false });
        break;
      case "hyperlinks":
        sheet.setCell(i, j, { ...c, hyperlink: null });
        break;
      case "removehyperlinks":
        sheet.setCell(i, j, c.hyperlink === null ? c : { ...c, hyperlink: null, style: { ...c.style, font: { ...c.style.font, color: DEFAULT_STYLE.font.color, underline: "None" } } });
        break;
    }
  };
  if (scopeIsCells(r) && (what === "all" || what === "formats")) {
    for (let i = r.row; i <= lastRow(r); i++) for (let j = r.col; j <= lastCol(r); j++) fill(i, j, cellOrEmpty(sheet, i, j));
  } else {
    sheet.forEachStoredCell(r, fill);
  }
  // tables lose nothing from a clear; a cleared header is renamed like Excel does
  for (const t of wb.tables) {
    if (t.sheetId !== sheet.id || !t.hasHeaders || !intersects(t.rect, r)) continue;
    t.columnNames.forEach((name, k) => {
      const cell = sheet.getCell(t.rect.row, t.rect.col + k);
      if (cell === undefined || cell.value === null) {
        const fresh = uniqueHeader(`Column${k + 1}`, t.columnNames.filter((_n, x) => x !== k));
        t.columnNames[k] = fresh;
        const c = cellOrEmpty(sheet, t.rect.row, t.rect.col + k);
        sheet.setCell(t.rect.row, t.rect.col + k, { ...c, value: fresh, isError: false, formula: null });
      } else if (name !== String(cell.value)) t.columnNames[k] = String(cell.value);
    });
  }
}

function scopeIsCells(r: Rect): boolean {
  return styleScope(r) === "cells";
}

// ---- merges -----------------------------------------------------------------------------

export function mergeRange(wb: WorkbookModel, sheet: SheetModel, r: Rect, across: boolean, location: string): void {
  assertCanEdit(sheet, "structure", [r], location);
  if (wb.tables.some((t) => t.sheetId === sheet.id && intersects(t.rect, r))) throw simError("InvalidOperation", location);
  const areas: Rect[] = across ? Array.from({ length: r.rowCount }, (_x, k) => rect(r.row + k, r.col, 1, r.colCount)) : [r];
  // merging a range that touches existing merged areas replaces them
  sheet.merges = sheet.merges.filter((m) => !intersects(m, r));
  for (const a of areas) {
    if (cellCount(a) < 2) continue;
    // Excel keeps only the upper-left value
    sheet.forEachStoredCell(a, (i, j, c) => {
      if (i === a.row && j === a.col) return;
      sheet.setCell(i, j, { ...c, value: null, formula: null, isError: false });
    });
    sheet.merges.push({ ...a });
  }
}

export function unmergeRange(sheet: SheetModel, r: Rect, location: string): void {
  assertCanEdit(sheet, "structure", [r], location);
  sheet.merges = sheet.merges.filter((m) => !intersects(m, r));
}

// ---- hyperlinks ---------------------------------------------------------------------------

export const HYPERLINK_FONT_COLOR = "#0563C1";

/** Range.hyperlink as Excel reports it: the link plus the cell's display text. */
export function readHyperlink(wb: WorkbookModel, sheet: SheetModel, row: number, col: number): Hyperlink | null {
  const link = sheet.getCell(row, col)?.hyperlink ?? null;
  if (link === null) return null;
  const v = cellValue(wb, sheet, row, col);
  return { ...link, textToDisplay: formatValue(v.value, sheet.styleAt(row, col).numberFormat, v.isError) };
}

export function writeHyperlink(sheet: SheetModel, r: Rect, input: unknown, location: string): void {
  if (typeof input !== "object" || input === null || Array.isArray(input)) throw simError("InvalidArgument", location);
  const src = input as Record<string, unknown>;
  const link: Hyperlink = {};
  for (const key of ["address", "documentReference", "textToDisplay", "screenTip"] as const) {
    const v = src[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== "string") throw simError("InvalidArgument", location);
    link[key] = v;
  }
  // the display text lives in the cell (as in the file); reads report it as textToDisplay
  const display = link.textToDisplay;
  delete link.textToDisplay;
  if (isUnbounded(r)) throw simError("InvalidArgument", location);
  assertCanEdit(sheet, "hyperlinks", [r], location);
  const remove = (link.address === undefined || link.address === "") && (link.documentReference === undefined || link.documentReference === "");
  for (let i = r.row; i <= lastRow(r); i++) {
    for (let j = r.col; j <= lastCol(r); j++) {
      const c = cellOrEmpty(sheet, i, j);
      if (remove) {
        sheet.setCell(i, j, { ...c, hyperlink: null });
        continue;
      }
      const text = display ?? (c.value === null ? link.address ?? link.documentReference ?? "" : null);
      sheet.setCell(i, j, {
        ...c,
        hyperlink: { ...link },
        value: text === null ? c.value : text,
        formula: text === null ? c.formula : null,
        isError: text === null ? c.isError : false,
        style: { ...c.style, font: { ...c.style.font, color: HYPERLINK_FONT_COLOR, underline: "Single" } },
      });
    }
  }
}

// ---- tables --------------------------------------------------------------------------------

export function uniqueHeader(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!lower.has(`${base}${n}`.toLowerCase())) return `${base}${n}`;
}

/** Shift the cells of columns [col, col+count) at or below `row` down by `by` rows. */
export function shiftDown(sheet: SheetModel, row: number, col: number, count: number, by: number): void {
  const moved: Array<[number, number, Cell]> = [];
  for (const [key, c] of [...sheet.cells]) {
    const i = Math.floor(key / 16384);
    const j = key % 16384;
    if (i >= row && j >= col && j < col + count) {
      sheet.cells.delete(key);
      moved.push([i + by, j, c]);
    }
  }
  for (const [i, j, c] of moved) sheet.cells.set(cellKey(i, j), c);
}

export function tableNameIsValid(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name)) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^R\d*C\d*$/i.test(name)) return false;
  return true;
}

