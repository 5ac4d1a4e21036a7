/** A1 addresses, rectangles and sheet-name quoting (Excel's rules, simplified). */

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** Zero-based rectangle of cells. */
export interface Rect {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

export function rect(row: number, col: number, rowCount = 1, colCount = 1): Rect {
  return { row, col, rowCount, colCount };
}

export const WHOLE_SHEET: Rect = rect(0, 0, MAX_ROWS, MAX_COLS);

export function lastRow(r: Rect): number {
  return r.row + r.rowCount - 1;
}
export function lastCol(r: Rect): number {
  return r.col + r.colCount - 1;
}
export function cellCount(r: Rect): number {
  return r.rowCount * r.colCount;
}
export function isEntireColumns(r: Rect): boolean {
  return r.row === 0 && r.rowCount === MAX_ROWS;
}
export function isEntireRows(r: Rect): boolean {
  return r.col === 0 && r.colCount === MAX_COLS;
}
/** "A:C" or "2:5" style ranges: Excel returns null for their cell-level properties. */
export function isUnbounded(r: Rect): boolean {
  return isEntireColumns(r) || isEntireRows(r);
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.row <= lastRow(b) && b.row <= lastRow(a) && a.col <= lastCol(b) && b.col <= lastCol(a);
}
export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row && lastRow(inner) <= lastRow(outer) && inner.col >= outer.col && lastCol(inner) <= lastCol(outer)
  );
}
export function containsCell(r: Rect, row: number, col: number): boolean {
  return row >= r.row && row <= lastRow(r) && col >= r.col && col <= lastCol(r);
}
export function intersection(a: Rect, b: Rect): Rect | null {
  if (!intersects(a, b)) return null;
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  return rect(row, col, Math.min(lastRow(a), lastRow(b)) - row + 1, Math.min(lastCol(a), lastCol(b)) - col + 1);
}
export function sameRect(a: Rect, b: Rect): boolean {
  return a.row === b.row && a.col === b.col && a.rowCount === b.rowCount && a.colCount === b.colCount;
}
export function boundingBox(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
  for (const r of rects) {
    r0 = Math.min(r0, r.row);
    c0 = Math.min(c0, r.col);
    r1 = Math.max(r1, lastRow(r));
    c1 = Math.max(c1, lastCol(r));
  }
  return rect(r0, c0, r1 - r0 + 1, c1 - c0 + 1);
}

/** a minus b, as up to four rectangles. */
export function subtract(a: Rect, b: Rect): Rect[] {
  const cut = intersection(a, b);
  if (cut === null) return [a];
  const out: Rect[] = [];
  if (cut.row > a.row) out.push(rect(a.row, a.col, cut.row - a.row, a.colCount));
  if (lastRow(cut) < lastRow(a)) out.push(rect(lastRow(cut) + 1, a.col, lastRow(a) - lastRow(cut), a.colCount));
  if (cut.col > a.col) out.push(rect(cut.row, a.col, cut.rowCount, cut.col - a.col));
  if (lastCol(cut) < lastCol(a)) out.push(rect(cut.row, lastCol(cut) + 1, cut.rowCount, lastCol(a) - lastCol(cut)));
  return out;
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellName(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "A1", "A1:C5", "A:C", "2:5" (no sheet part). */
export function formatRect(r: Rect): string {
  if (isEntireColumns(r) && !isEntireRows(r)) {
    return `${columnLetters(r.col)}:${columnLetters(lastCol(r))}`;
  }
  if (isEntireRows(r)) return `${r.row + 1}:${lastRow(r) + 1}`;
  const tl = cellName(r.row, r.col);
  if (r.rowCount === 1 && r.colCount === 1) return tl;
  return `${tl}:${cellName(lastRow(r), lastCol(r))}`;
}

const looksLikeCellRef = /^(?:[A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[Rr]\d*|[Cc]\d*)$/;

/** Quote a sheet name the way Excel does in addresses: 'My Sheet'!A1. */
export function quoteSheetName(name: string): string {
  const plain = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name) && !looksLikeCellRef.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function formatAddress(sheetName: string, r: Rect): string {
  return `${quoteSheetName(sheetName)}!${formatRect(r)}`;
}

export interface ParsedAddress {
  sheetName: string | null;
  rect: Rect;
}

const cellPart = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const colPart = /^\$?([A-Za-z]{1,3})$/;
const rowPart = /^\$?(\d+)$/;

function parsePart(part: string): { row: number | null; col: number | null } | null {
  let m = cellPart.exec(part);
  if (m !== null && m[1] !== undefined && m[2] !== undefined) return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
  m = colPart.exec(part);
  if (m !== null && m[1] !== undefined) return { row: null, col: columnIndex(m[1]) };
  m = rowPart.exec(part);
  if (m !== null && m[1] !== undefined) return { row: Number(m[1]) - 1, col: null };
  return null;
}

/** Parse "Sheet1!A1:B2", "'My sheet'!A:A", "3:3", "B2". Returns null when invalid. */
export function parseAddress(address: string): ParsedAddress | null {
  let text = address.trim();
  let sheetName: string | null = null;
  const bang = text.lastIndexOf("!");
  if (bang >= 0) {
    let sheet = text.slice(0, bang);
    text = text.slice(bang + 1);
    if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    sheetName = sheet;
  }
  const pieces = text.split(":");
  if (pieces.length < 1 || pieces.length > 2) return null;
  const a = parsePart(pieces[0] ?? "");
  const b = pieces.length === 2 ? parsePart(pieces[1] ?? "") : a;
  if (a === null || b === null) return null;
  const bothCols = a.row === null && b.row === null;
  const bothRows = a.col === null && b.col === null;
  if (pieces.length === 1 && (a.row === null || a.col === null)) return null;
  if (!bothCols && !bothRows && (a.row === null || a.col === null || b.row === null || b.col === null)) return null;
  const r0 = bothCols ? 0 : Math.min(a.row ?? 0, b.row ?? 0);
  const r1 = bothCols ? MAX_ROWS - 1 : Math.max(a.row ?? 0, b.row ?? 0);
  const c0 = bothRows ? 0 : Math.min(a.col ?? 0, b.col ?? 0);
  const c1 = bothRows ? MAX_COLS - 1 : Math.max(a.col ?? 0, b.col ?? 0);
  if (r0 < 0 || c0 < 0 || r1 >= MAX_ROWS || c1 >= MAX_COLS) return null;
  return { sheetName, rect: rect(r0, c0, r1 - r0 + 1, c1 - c0 + 1) };
}

/** "A1:B2, D4" or "A1:B2;D4" (getRanges). */
export function parseAddressList(list: string): ParsedAddress[] | null {
  const out: ParsedAddress[] = [];
  for (const piece of list.split(/[,;]/)) {
    if (piece.trim() === "") return null;
    const p = parseAddress(piece);
    if (p === null) return null;
    out.push(p);
  }
  return out.length > 0 ? out : null;
}
