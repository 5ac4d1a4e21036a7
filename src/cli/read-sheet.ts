/**
 * One worksheet part of an .xlsx (`xl/worksheets/sheetN.xml`) as the engine's grid: each cell's value as Excel
 * shows it (a formula by its cached result, shared text by its text, an error as `#N/A`), number formats, solid
 * fills, merged areas and hidden rows and columns. Read straight from the XML: the engine needs none of the rest
 * of a workbook model, and building one (exceljs) takes longer than everything the engine does with the grid.
 */
import { a1 } from "../core/address";
import { formattingReachesTooFar, SheetGrid, type Area, type CellValue, type Grid } from "../core/grid";
import { isDateFormat } from "../core/number-formats";
import { excelSerialFromDate } from "../core/dates";
import { count, LIMITS } from "./limits";
import { FileProblem } from "./read-file";
import type { CellStyles } from "./read-styles";
import { itemText, xmlText, XML_CONTENT } from "./read-shared-strings";
import { elements } from "./workbook-parts";

/** What the workbook around the sheet gives its cells a meaning with. */
export interface SheetContext {
  strings: readonly string[];
  styles: CellStyles;
  date1904: boolean;
}

// An element name may carry a namespace prefix (`<x:c>`) in files other programs write; an attribute value may hold
// a `>` (XML allows it), and text may be a CDATA section (`<![CDATA[...]]>`).
export const ROW_OR_CELL = /<(?:[\w.-]+:)?(row|c)\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
export const CELL_END = /<\/(?:[\w.-]+:)?c>/g;
const VALUE = new RegExp(String.raw`<(?:[\w.-]+:)?v(?:\s(?:[^>"']|"[^"]*"|'[^']*')*?)?(?:\/>|>(${XML_CONTENT})<)`);
const INLINE = /<(?:[\w.-]+:)?is(?:\s[^>]*?)?>([\s\S]*?)<\/(?:[\w.-]+:)?is>/;
export const SHEET_DATA = /<(?:[\w.-]+:)?sheetData\b(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/;
const SHEET_DATA_END = /<\/(?:[\w.-]+:)?sheetData>/;
/** The number format a date cell gets when its style gives it none that shows a date. */
const ISO_DATE_FORMAT = "yyyy-mm-dd";
/** Excel's limits: a reference past them is not a cell. */
const MAX_ROWS = LIMITS.rows;
const MAX_COLUMNS = LIMITS.columns;
/** A merged area larger than this (a whole column merged) does not stretch the grid. */
const MAX_MERGE_CELLS = 1_000_000;

function isTrue(value: string | undefined): boolean {
  return value === "1" || value === "true";
}

/** The column of a reference (`AB12` -> 28, 1-based); 0 when it is not one. */
export function referenceColumn(text: string): number {
  let n = 0;
  let i = 0;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i) | 32;
    if (code < 97 || code > 122) break;
    n = n * 26 + (code - 96);
  }
  return i > 0 && i <= 3 && n <= MAX_COLUMNS && referenceRow(text) > 0 ? n : 0;
}

/** The row of a reference (`AB12` -> 12, 1-based); 0 when it is not one. */
export function referenceRow(text: string): number {
  let i = 0;
  while (i < text.length && ((text.charCodeAt(i) | 32) >= 97 && (text.charCodeAt(i) | 32) <= 122)) i++;
  if (i === text.length) return 0;
  let n = 0;
  for (; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return 0;
    n = n * 10 + digit;
  }
  return n <= MAX_ROWS ? n : 0;
}

/** The attributes of a row or cell element the grid needs. */
export interface TagAttributes {
  r: string | undefined;
  s: string | undefined;
  t: string | undefined;
  hidden: string | undefined;
  customFormat: string | undefined;
}

/** Reads `name="value"` pairs by hand (once per cell, where a pattern and a map per cell cost more than the rest of the reading). */
export function readAttributes(text: string, into: TagAttributes): void {
  into.r = into.s = into.t = into.hidden = into.customFormat = undefined;
  let i = 0;
  for (;;) {
    const equals = text.indexOf("=", i);
    if (equals < 0) return;
    let q = equals + 1;
    while (text.charCodeAt(q) === 32) q++;
    const quote = text[q];
    if (quote !== '"' && quote !== "'") return;
    const close = text.indexOf(quote, q + 1);
    if (close < 0) return;
    const value = text.slice(q + 1, close);
    switch (text.slice(i, equals).trim()) {
      case "r":
        into.r = value;
        break;
      case "s":
        into.s = value;
        break;
      case "t":
        into.t = value;
        break;
      case "hidden":
        into.hidden = value;
        break;
      case "customFormat":
        into.customFormat = value;
        break;
    }
    i = close + 1;
  }
}

/** An ISO date (a `t="d"` cell) as the serial number Excel would store. */
function isoSerial(text: string, date1904: boolean): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text);
  if (!m) return null;
  const day = excelSerialFromDate(Number(m[1]), Number(m[2]), Number(m[3]), date1904);
  return day + (Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0)) / 86400;
}

/** A cell's value from its type (`t`) and content: what Excel shows, not the formula. */
function cellValue(type: string | undefined, content: string, context: SheetContext): CellValue {
  if (type === "inlineStr") {
    const inline = INLINE.exec(content);
    const text = inline ? itemText(inline[1]!) : "";
    return text === "" ? null : text;
  }
  const found = VALUE.exec(content)?.[1];
  const raw = found?.includes("<![CDATA[") ? xmlText(found) : found;
  if (raw === undefined || raw === "") return null;
  switch (type) {
    case "s":
      return context.strings[Number(raw)] ?? null;
    case "str":
      return xmlText(raw);
    case "b":
      return Number(raw) !== 0;
    case "e":
      return xmlText(raw);
    case "d":
      return isoSerial(raw, context.date1904);
    default: {
      const n = Number(raw);
      return Number.isFinite(n) ? n : null;
    }
  }
}

/** The styles of the used range's columns (`left`, 1-based, on) and its hidden columns (0-based), from `<cols>`. */
function columnsOf(xml: string, left: number, count: number): { styles: (number | null)[]; hidden: number[] } {
  const styles = new Array<number | null>(count).fill(null);
  const hidden = new Set<number>();
  for (const col of elements(xml, "col")) {
    const min = Number(col.get("min"));
    const max = Number(col.get("max") ?? min);
    if (!Number.isInteger(min) || min < 1) continue;
    const style = col.has("style") ? Number(col.get("style")) : null;
    const isHidden = isTrue(col.get("hidden"));
    for (let c = Math.max(min, left); c <= Math.min(max, left + count - 1); c++) {
      styles[c - left] = style;
      if (isHidden) hidden.add(c - 1);
    }
  }
  return { styles, hidden: [...hidden].sort((a, b) => a - b) };
}

/** A merged area from its reference (`B2:D2`), 0-based; null when it is not one or is a single cell. */
function mergedArea(ref: string): Area | null {
  const [from = "", to = from] = ref.split(":");
  const rows = [referenceRow(from), referenceRow(to)];
  const columns = [referenceColumn(from), referenceColumn(to)];
  if (rows.includes(0) || columns.includes(0)) return null;
  const area = { top: Math.min(...rows) - 1, left: Math.min(...columns) - 1, bottom: Math.max(...rows) - 1, right: Math.max(...columns) - 1 };
  return area.top === area.bottom && area.left === area.right ? null : area;
}

/** The part before the cells (`<cols>` ...), the cells (`<sheetData>`), and the part after them (`<mergeCells>` ...): ECMA-376 Part 1, 18.3.1.99. */
function sections(xml: string): { before: string; data: string; after: string } {
  const open = SHEET_DATA.exec(xml);
  if (!open) return { before: xml, data: "", after: xml };
  const start = open.index + open[0].length;
  const before = xml.slice(0, open.index);
  if (open[1] === "/") return { before, data: "", after: xml.slice(start) };
  const close = SHEET_DATA_END.exec(xml.slice(start));
  if (!close) return { before, data: xml.slice(start), after: "" };
  return { before, data: xml.slice(start, start + close.index), after: xml.slice(start + close.index) };
}

/** The rows and columns (1-based, as the file counts) a set of cells spans; empty until a cell is added. */
class CellSpan {
  top = Infinity;
  left = Infinity;
  bottom = 0;
  right = 0;
  add(row: number, column: number): void {
    this.addRows(row, row);
    this.addColumns(column, column);
  }
  addRows(top: number, bottom: number): void {
    if (top < this.top) this.top = top;
    if (bottom > this.bottom) this.bottom = bottom;
  }
  addColumns(left: number, right: number): void {
    if (left < this.left) this.left = left;
    if (right > this.right) this.right = right;
  }
  get rowCount(): number {
    return this.bottom === 0 ? 0 : this.bottom - this.top + 1;
  }
  get columnCount(): number {
    return this.right === 0 ? 0 : this.right - this.left + 1;
  }
}

/** The sheet's cells in words, for a line that says it is too large: "A1:XFD1048576 (17,179,869,184 cells)". */
function tooLarge(sheet: string, extent: CellSpan): FileProblem {
  const cells = extent.rowCount * extent.columnCount;
  const range = `${a1(extent.top - 1, extent.left - 1)}:${a1(extent.bottom - 1, extent.right - 1)}`;
  return new FileProblem(
    `sheet "${sheet}" uses ${range} (${count(cells)} cells), more than the ${count(LIMITS.sheetCells)} cells the command line reads of a sheet`,
  );
}

/**
 * Reads one worksheet's XML into a grid named `sheet`: the sheet's used range, from its first cell with content to
 * its last (as the add-in reads a sheet in Excel), never from A1 to a far cell. Cells, rows and merged areas that
 * carry formatting alone count too, unless they reach far beyond the values (src/core/grid.ts). A used range larger
 * than LIMITS.sheetCells is a FileProblem, found before the grid is made.
 */
export function readSheet(xml: string, sheet: string, context: SheetContext): Grid {
  const { before, data, after } = sections(xml);
  // Sparse while reading (a timeline is mostly empty cells), 1-based as the file counts.
  const values: CellValue[][] = [];
  const cellStyles: number[][] = [];
  const rowStyles = new Map<number, number>();
  const hiddenRows: number[] = [];
  // Cells that hold a date as ISO text (`t="d"`): a date whatever their number format says.
  const isoDates: [row: number, column: number][] = [];
  // The cells with values; and everything the file holds (formatted cells, rows, merged areas) with them.
  const valued = new CellSpan();
  const held = new CellSpan();
  let valueCount = 0;
  let row = 0;
  let column = 0;
  const attributes: TagAttributes = { r: undefined, s: undefined, t: undefined, hidden: undefined, customFormat: undefined };
  ROW_OR_CELL.lastIndex = 0;
  for (let m = ROW_OR_CELL.exec(data); m; m = ROW_OR_CELL.exec(data)) {
    readAttributes(m[2]!, attributes);
    if (m[1] === "row") {
      const r = attributes.r === undefined ? 0 : referenceRow(`A${attributes.r}`);
      row = r > 0 ? r : row + 1;
      column = 0;
      if (row > MAX_ROWS) continue;
      held.addRows(row, row);
      if (isTrue(attributes.hidden)) hiddenRows.push(row - 1);
      if (attributes.s !== undefined && isTrue(attributes.customFormat)) rowStyles.set(row, Number(attributes.s));
      continue;
    }
    let content = "";
    if (m[3] !== "/") {
      CELL_END.lastIndex = ROW_OR_CELL.lastIndex;
      const end = CELL_END.exec(data);
      const stop = end ? end.index : data.length;
      content = data.slice(ROW_OR_CELL.lastIndex, stop);
      ROW_OR_CELL.lastIndex = end ? stop + end[0].length : data.length;
    }
    const at = attributes.r === undefined ? 0 : referenceColumn(attributes.r);
    if (at > 0) {
      // A cell names its row too; a row element without a number (some writers) takes it from its cells.
      if (row === 0) row = referenceRow(attributes.r!);
      column = at;
    } else {
      column += 1;
    }
    if (row === 0 || row > MAX_ROWS || column > MAX_COLUMNS) continue;
    held.add(row, column);
    const value = content === "" ? null : cellValue(attributes.t, content, context);
    if (attributes.t === "d" && typeof value === "number") isoDates.push([row, column]);
    (values[row] ??= [])[column] = value;
    (cellStyles[row] ??= [])[column] = attributes.s === undefined ? 0 : Number(attributes.s);
    if (value !== null) {
      valued.add(row, column);
      // More cells with values than a sheet may have: too large, whatever its extent.
      if (++valueCount > LIMITS.sheetCells) throw tooLarge(sheet, valued);
    }
  }

  const merges: Area[] = [];
  for (const mergeCell of elements(after, "mergeCell")) {
    const area = mergedArea(mergeCell.get("ref") ?? "");
    if (!area) continue;
    merges.push(area);
    if ((area.bottom - area.top + 1) * (area.right - area.left + 1) <= MAX_MERGE_CELLS) {
      held.addRows(area.top + 1, area.bottom + 1);
      held.addColumns(area.left + 1, area.right + 1);
    }
  }

  // The rule the add-in reads a sheet's used range by, too (src/excel/workbook.ts).
  const used = formattingReachesTooFar(valued, held) || held.columnCount === 0 ? valued : held;
  const rowCount = used.rowCount;
  const columnCount = used.columnCount;
  if (rowCount * columnCount > LIMITS.sheetCells) throw tooLarge(sheet, used);
  const grid: Grid = { sheet, top: rowCount === 0 ? 0 : used.top - 1, left: columnCount === 0 ? 0 : used.left - 1, values: [] };
  if (context.date1904) grid.date1904 = true;
  if (rowCount === 0 || columnCount === 0) return grid;
  const top = used.top;
  const left = used.left;
  for (let r = top; r < top + rowCount; r++) {
    const line = new Array<CellValue>(columnCount).fill(null);
    const present = values[r];
    if (present) for (let c = left; c < left + columnCount; c++) if (present[c] !== undefined) line[c - left] = present[c]!;
    grid.values.push(line);
  }
  if (merges.length > 0) {
    grid.merges = merges;
    // A merged area shows its top-left cell's value; what the file holds in its other cells is hidden (Excel keeps
    // only the first). Which area holds a cell is the engine's to say (src/core/grid.ts), once for all of them.
    const merged = new SheetGrid(grid);
    for (let r = 0; r < rowCount; r++) {
      const line = grid.values[r]!;
      for (let c = 0; c < columnCount; c++) if (line[c] !== null && !merged.isAnchor(grid.top + r, grid.left + c)) line[c] = null;
    }
  }
  const columns = columnsOf(before, left, columnCount);
  const formats = styleGrid(context.styles.formats, cellStyles, rowStyles, columns.styles, used);
  const fills = styleGrid(context.styles.fills, cellStyles, rowStyles, columns.styles, used);
  let dated = formats;
  for (const [r, c] of isoDates) {
    if (r < top || r >= top + rowCount || c < left || c >= left + columnCount || isDateFormat(dated?.[r - top]?.[c - left])) continue;
    dated ??= Array.from({ length: rowCount }, () => new Array<string | null>(columnCount).fill(null));
    dated[r - top]![c - left] = ISO_DATE_FORMAT;
  }
  if (dated) grid.formats = dated;
  if (fills) grid.fills = fills;
  const shownHidden = hiddenRows.filter((r) => r >= top - 1 && r < top - 1 + rowCount);
  if (shownHidden.length > 0) grid.hiddenRows = shownHidden;
  if (columns.hidden.length > 0) grid.hiddenColumns = columns.hidden;
  return grid;
}

/**
 * One property of each cell's style (its number format, or its fill) over the used range, or null where no cell has
 * one. A cell the file does not hold shows its row's style, else its column's (as Excel draws it).
 */
function styleGrid(
  byStyle: readonly (string | null)[],
  cellStyles: readonly (readonly number[] | undefined)[],
  rowStyles: ReadonlyMap<number, number>,
  columnStyles: readonly (number | null)[],
  used: CellSpan,
): (string | null)[][] | null {
  if (!byStyle.some((v) => v !== null)) return null;
  const of = (style: number | null | undefined): string | null => (style === null || style === undefined ? null : (byStyle[style] ?? null));
  const byColumn = columnStyles.map(of);
  const out: (string | null)[][] = [];
  let any = false;
  for (let r = used.top; r <= used.bottom; r++) {
    const line = new Array<string | null>(used.columnCount).fill(null);
    const present = cellStyles[r];
    const ofRow = of(rowStyles.get(r));
    for (let c = used.left; c <= used.right; c++) {
      const style = present?.[c];
      const value = style === undefined ? (ofRow ?? byColumn[c - used.left]!) : of(style);
      if (value !== null) {
        line[c - used.left] = value;
        any = true;
      }
    }
    out.push(line);
  }
  return any ? out : null;
}
