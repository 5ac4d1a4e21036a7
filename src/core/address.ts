/** Cell addresses as a planner sees them: `'Sheet 1'!C5`. Rows and columns are 0-based inside the engine. */

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

/** Reads `'Sheet'!C5`, `Sheet!C5` or `C5` (with a default sheet) back into 0-based indexes. */
export function parseCellAddress(address: string, defaultSheet = ""): ParsedAddress | null {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^!']+))!)?\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? defaultSheet);
  return { sheet, row: Number(m[4]) - 1, column: columnIndex(m[3]!) };
}
