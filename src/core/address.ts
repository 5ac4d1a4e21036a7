/**
 * Cell addresses as a planner sees them (`'Sheet 1'!C5`): made, read back and ordered. Rows and columns are 0-based
 * inside the engine. The one place that knows the A1 notation; hosts use it too.
 */
import type { Area } from "./grid";

export function columnLetters(column: number): string {
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `C5` for row 4, column 2. */
export function a1(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** The sheet name as Excel writes it in a reference: always quoted, quotes doubled. */
export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** `'Sheet'!C5`, the form every finding and mark uses. */
export function cellAddress(sheet: string, row: number, column: number): string {
  return `${quoteSheet(sheet)}!${a1(row, column)}`;
}

export function rangeAddress(sheet: string, top: number, left: number, bottom: number, right: number): string {
  const start = a1(top, left);
  const end = a1(bottom, right);
  return `${quoteSheet(sheet)}!${start === end ? start : `${start}:${end}`}`;
}

/** `C5` from `'Sheet'!C5`: how a cell is named on its own sheet (a sheet name may itself hold "!"). */
export function localCell(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1);
}

export interface ParsedAddress {
  sheet: string;
  row: number;
  column: number;
}

/** A cell reference without its sheet (`C5`, `$C$5`), 0-based; null when it is not one. */
function parseReference(text: string): { row: number; column: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(text.trim());
  return m && Number(m[2]) > 0 ? { row: Number(m[2]) - 1, column: columnIndex(m[1]!) } : null;
}

/** An area (`B2:D5`, `$B$2:$D$5`, or a single cell `C5`) on its own sheet, 0-based and ordered; null when it is not one. */
export function parseAreaAddress(text: string): Area | null {
  const [from = "", to = from, extra] = text.split(":");
  const a = parseReference(from);
  const b = parseReference(to);
  if (!a || !b || extra !== undefined) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.column, b.column), bottom: Math.max(a.row, b.row), right: Math.max(a.column, b.column) };
}

/** Reads `'Sheet'!C5`, `Sheet!C5` or `C5` (with a default sheet) back into 0-based indexes. */
export function parseCellAddress(address: string, defaultSheet = ""): ParsedAddress | null {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^!']+))!)?([^!']+)$/.exec(address.trim());
  const cell = m && parseReference(m[3]!);
  if (!cell) return null;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? defaultSheet), ...cell };
}

/**
 * Where a `'Sheet'!C5` address's cell part starts, and its row number, read back from the end without a regex
 * (summaries and flags sort tens of thousands of cells). `start` is -1 when the text does not end in a cell.
 */
function cellEnd(address: string): { start: number; digits: number; row: number } {
  let i = address.length;
  let row = 0;
  let scale = 1;
  while (i > 0) {
    const d = address.charCodeAt(i - 1) - 48;
    if (d < 0 || d > 9) break;
    row += d * scale;
    scale *= 10;
    i--;
  }
  const digits = i;
  while (i > 0) {
    const c = address.charCodeAt(i - 1);
    if (c < 65 || c > 90) break;
    i--;
  }
  const ok = digits < address.length && i < digits && i > 0 && address.charCodeAt(i - 1) === 33; // "!"
  return { start: ok ? i : -1, digits, row };
}

/**
 * A cell's place, read once for sorting many cells: its row and column letters, or no letters when the text does not
 * end in a cell (such texts sort as text).
 */
export interface CellPlace {
  address: string;
  row: number;
  letters: string | null;
}

export function cellPlace(address: string): CellPlace {
  const end = cellEnd(address);
  return { address, row: end.row, letters: end.start < 0 ? null : address.slice(end.start, end.digits) };
}

/** Orders places by row, then column. */
export function comparePlaces(a: CellPlace, b: CellPlace): number {
  if (a.address === b.address) return 0;
  if (a.letters === null || b.letters === null) return a.address.localeCompare(b.address);
  if (a.row !== b.row) return a.row - b.row;
  // Column letters: fewer letters first (Z before AA), then alphabetical.
  if (a.letters.length !== b.letters.length) return a.letters.length - b.letters.length;
  return a.letters < b.letters ? -1 : a.letters > b.letters ? 1 : 0;
}

/** Orders `'Sheet'!C5` style addresses by row, then column. */
export function compareCells(a: string, b: string): number {
  return a === b ? 0 : comparePlaces(cellPlace(a), cellPlace(b));
}
