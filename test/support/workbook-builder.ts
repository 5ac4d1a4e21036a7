/**
 * Writes real .xlsx files with exceljs from a compact description, for tests and sample workbooks.
 *
 *     const path = await writeTempWorkbook({
 *       sheets: [{
 *         name: "PL Plan 2025-26",
 *         rows: [
 *           ["Action Step", "Person(s) Responsible", "Jul", "Aug", "Sep"],
 *           ["Launch PLC cycles", "Principals", "X", null, filled("#FFC000")],
 *           ["Survey staff", "PL Coordinator", date(2025, 7, 1), formula('IF(1,"X","")', "X"), error("#N/A")],
 *         ],
 *         merges: ["C3:E3"],
 *         fills: { "C2:E2": "#D9E1F2" },
 *         hiddenColumns: ["D"],
 *       }],
 *     });
 *
 * Rows are written from A1 (or from `origin`), one array per sheet row; `null`/`undefined` leaves a cell
 * empty, a shorter row leaves the rest empty. Addresses are A1 references (`C5`, `C5:F9`); row numbers are
 * 1-based, as Excel shows them. Nothing here knows about milestone grids: it is a generic xlsx writer.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";

/** The error values exceljs can write. */
export type ExcelError = ExcelJS.CellErrorValue["error"];

export type Scalar = string | number | boolean | Date | null | undefined;

/** A formula with its cached result (what Excel shows and what a reader sees without recalculating). */
export interface FormulaCell {
  formula: string;
  result?: string | number | boolean | Date | { error: ExcelError };
}

/** An error value typed into (or left in) a cell: `#N/A`, `#REF!` ... */
export interface ErrorCell {
  error: ExcelError;
}

/** A value with formatting. */
export interface StyledCell {
  value?: Scalar | FormulaCell | ErrorCell;
  /** Number format code: `mmm-yy`, `0%`, `yyyy-mm-dd` ... */
  numFmt?: string;
  /** Solid fill colour as `#RRGGBB` (or `RRGGBB` / `AARRGGBB`). */
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  /** Font colour as `#RRGGBB`. */
  color?: string;
  wrap?: boolean;
}

export type CellInput = Scalar | FormulaCell | ErrorCell | StyledCell;

export interface SheetSpec {
  name: string;
  rows?: CellInput[][];
  /** Where `rows[0][0]` goes; default `A1`. */
  origin?: string;
  /** Merged areas, `B2:M2`. The top-left cell keeps its value, the others are emptied (as Excel does). */
  merges?: string[];
  /** Solid fills by cell or range: `{ "C5:F5": "#FFC000" }`. Applied after the rows' own styles. */
  fills?: Record<string, string>;
  /** Number formats by cell or range: `{ "B3:M3": "mmm-yy" }`. */
  numFmts?: Record<string, string>;
  /** Sheet rows to hide (1-based). */
  hiddenRows?: number[];
  /** Columns to hide, by letter (`D`) or 1-based number. */
  hiddenColumns?: (string | number)[];
  /** Column widths in characters, by letter or 1-based number. */
  widths?: Record<string, number>;
  /** Frozen panes: rows above and columns left of the split. */
  freeze?: { rows?: number; columns?: number };
  state?: "visible" | "hidden" | "veryHidden";
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  /** Count dates from 1904, as old Mac workbooks do. */
  date1904?: boolean;
}

// ---------------------------------------------------------------- cell helpers

/** A calendar date (no time zone games: the serial is that day's), shown with a date format. */
export function date(year: number, month: number, day = 1, numFmt = "mmm-yy"): StyledCell {
  return { value: new Date(Date.UTC(year, month - 1, day)), numFmt };
}

/** A plain number with a number format: a date serial with `mmm-yy`, a fraction with `0%`. */
export function numberWithFormat(value: number, numFmt: string): StyledCell {
  return { value, numFmt };
}

export function formula(text: string, result?: FormulaCell["result"]): FormulaCell {
  return result === undefined ? { formula: text } : { formula: text, result };
}

export function error(code: ExcelError): ErrorCell {
  return { error: code };
}

/** A cell with a solid fill and, optionally, a value: a Gantt bar, a banded row, a coloured header. */
export function filled(color: string, value?: Scalar | FormulaCell | ErrorCell): StyledCell {
  return { value, fill: color };
}

export function styled(value: Scalar | FormulaCell | ErrorCell, style: Omit<StyledCell, "value">): StyledCell {
  return { ...style, value };
}

// ---------------------------------------------------------------- addresses

/** `C` -> 3 (1-based). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 3 -> `C` (1-based). */
export function columnName(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

interface CellRef {
  row: number;
  column: number;
}

function parseCell(ref: string): CellRef {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new Error(`workbook-builder: not a cell reference: "${ref}"`);
  return { row: Number(m[2]), column: columnNumber(m[1]!) };
}

/** Every cell of `C5` or `C5:F9`, row by row. */
export function cellsOf(range: string): CellRef[] {
  const [a, b] = range.split(":");
  const start = parseCell(a!);
  const end = b === undefined ? start : parseCell(b);
  const out: CellRef[] = [];
  for (let r = Math.min(start.row, end.row); r <= Math.max(start.row, end.row); r++) {
    for (let c = Math.min(start.column, end.column); c <= Math.max(start.column, end.column); c++) out.push({ row: r, column: c });
  }
  return out;
}

// ---------------------------------------------------------------- building

function argb(color: string): string {
  const hex = color.replace(/^#/, "").toUpperCase();
  if (/^[0-9A-F]{6}$/.test(hex)) return `FF${hex}`;
  if (/^[0-9A-F]{8}$/.test(hex)) return hex;
  throw new Error(`workbook-builder: not a colour: "${color}"`);
}

function solid(color: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: argb(color) }, bgColor: { argb: argb(color) } };
}

function isStyled(input: CellInput): input is StyledCell {
  return (
    typeof input === "object" &&
    input !== null &&
    !(input instanceof Date) &&
    !("formula" in input) &&
    !("error" in input)
  );
}

function toExcelValue(value: Scalar | FormulaCell | ErrorCell): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "object" && !(value instanceof Date)) {
    if ("formula" in value) {
      const f = value.formula.replace(/^=/, "");
      return value.result === undefined ? { formula: f } : { formula: f, result: value.result };
    }
    return { error: value.error };
  }
  return value;
}

function writeCell(cell: ExcelJS.Cell, input: CellInput): void {
  const style: StyledCell = isStyled(input) ? input : { value: input };
  const value = toExcelValue(style.value);
  if (value !== null) cell.value = value;
  const numFmt = style.numFmt ?? (style.value instanceof Date ? "yyyy-mm-dd" : undefined);
  if (numFmt !== undefined) cell.numFmt = numFmt;
  if (style.fill !== undefined) cell.fill = solid(style.fill);
  if (style.bold || style.italic || style.color) {
    cell.font = {
      ...(style.bold ? { bold: true } : {}),
      ...(style.italic ? { italic: true } : {}),
      ...(style.color ? { color: { argb: argb(style.color) } } : {}),
    };
  }
  if (style.wrap) cell.alignment = { wrapText: true, vertical: "top" };
}

function columnKey(key: string | number): number {
  return typeof key === "number" ? key : /^\d+$/.test(key) ? Number(key) : columnNumber(key);
}

function buildSheet(wb: ExcelJS.Workbook, spec: SheetSpec): void {
  const ws = wb.addWorksheet(spec.name, spec.state ? { state: spec.state } : undefined);
  const origin = parseCell(spec.origin ?? "A1");
  (spec.rows ?? []).forEach((row, i) => {
    row.forEach((input, j) => {
      if (input === undefined || input === null) return;
      writeCell(ws.getCell(origin.row + i, origin.column + j), input);
    });
  });
  for (const [range, fmt] of Object.entries(spec.numFmts ?? {})) {
    for (const { row, column } of cellsOf(range)) ws.getCell(row, column).numFmt = fmt;
  }
  for (const [range, color] of Object.entries(spec.fills ?? {})) {
    for (const { row, column } of cellsOf(range)) ws.getCell(row, column).fill = solid(color);
  }
  // Merge after writing, so the top-left cell's value and style are what the merged area shows.
  for (const range of spec.merges ?? []) ws.mergeCells(range);
  for (const r of spec.hiddenRows ?? []) ws.getRow(r).hidden = true;
  for (const c of spec.hiddenColumns ?? []) ws.getColumn(columnKey(c)).hidden = true;
  for (const [c, width] of Object.entries(spec.widths ?? {})) ws.getColumn(columnKey(c)).width = width;
  if (spec.freeze) {
    ws.views = [{ state: "frozen", ySplit: spec.freeze.rows ?? 0, xSplit: spec.freeze.columns ?? 0 }];
  }
}

/** The workbook as an exceljs object (to add anything the description does not cover). */
export function buildWorkbook(spec: WorkbookSpec): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Milestone Monitor tests";
  if (spec.date1904) (wb.properties as { date1904?: boolean }).date1904 = true;
  for (const sheet of spec.sheets) buildSheet(wb, sheet);
  return wb;
}

/** The .xlsx file's bytes. */
export async function workbookBuffer(spec: WorkbookSpec): Promise<Buffer> {
  const data = await buildWorkbook(spec).xlsx.writeBuffer();
  return Buffer.from(data);
}

/** Writes the workbook to `path`. */
export async function writeWorkbook(spec: WorkbookSpec, path: string): Promise<string> {
  await writeFile(path, await workbookBuffer(spec));
  return path;
}

// ---------------------------------------------------------------- temporary files

let tempDir: string | null = null;
let tempCount = 0;

/** A fresh path in this process's temporary folder (under os.tmpdir()), for any file a test writes. */
export function tempPath(fileName: string): string {
  if (tempDir === null) tempDir = mkdtempSync(join(tmpdir(), "milestone-monitor-"));
  tempCount++;
  const safe = fileName.replace(/[^A-Za-z0-9._ -]/g, "_");
  return join(tempDir, `${String(tempCount).padStart(3, "0")}-${safe}`);
}

/** Writes the workbook to a new temporary .xlsx file and returns its path. */
export async function writeTempWorkbook(spec: WorkbookSpec, fileName = "workbook.xlsx"): Promise<string> {
  return writeWorkbook(spec, tempPath(fileName.endsWith(".xlsx") ? fileName : `${fileName}.xlsx`));
}

/** Deletes every temporary file this process wrote (call it in `afterAll`). */
export function removeTempFiles(): void {
  if (tempDir !== null) rmSync(tempDir, { recursive: true, force: true });
  tempDir = null;
}
