import { basename, extname } from "node:path";
import type { Grid } from "../core/grid";
import { OWN_SHEETS, PLAN_SHEET, SUMMARY_SHEET } from "../core/writes";
import { readStore, STORE_SHEET, type StoredState } from "../core/settings-store";
import { delimitedGrid, openTextFile, parseDelimitedText, sniffDelimiter, type Delimiter } from "./read-delimited";
import { FileProblem, openRegularFile, readRegularFile, UnreadableFileError } from "./read-file";
import { readWorkbook, type UnreadableSheet } from "./read-xlsx";
import { ZipPackage } from "./read-zip";

export interface LoadedFile {
  path: string;
  kind: "xlsx" | "csv" | "tsv";
  /** Sheets to read as plans (the add-in's own sheets left out). */
  grids: Grid[];
  /** Worksheets the workbook lists that could not be read, and why. */
  unreadable: UnreadableSheet[];
  /** What the add-in saved in the workbook, if it ever did. */
  stored: StoredState | null;
  /** An .xlsx: the package it was read from, for writing a refreshed copy of it; null for text. */
  workbook: ZipPackage | null;
  /** What the reader had to do that the user should know (a field cut, a quote that never closes), one line each. */
  notes: string[];
}

const XLSX = new Set([".xlsx", ".xlsm"]);
const DELIMITED: Record<string, Delimiter | null> = { ".csv": ",", ".tsv": "\t", ".tab": "\t", ".txt": null };

export function isSupported(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return XLSX.has(ext) || ext in DELIMITED;
}

/** Reads a file's sheets: every limit and every reason it cannot be read is an UnreadableFileError, one line. */
export async function loadFile(path: string): Promise<LoadedFile> {
  const ext = extname(path).toLowerCase();
  if (ext === ".xls") throw new UnreadableFileError(`${path}: old .xls workbooks are not supported; save it as .xlsx in Excel first`);
  if (!isSupported(path)) throw new UnreadableFileError(`${path}: not a workbook the command line reads (.xlsx, .csv, .tsv or .txt)`);
  try {
    return XLSX.has(ext) ? loadWorkbook(path, await readRegularFile(path)) : await loadText(path, ext);
  } catch (e) {
    if (e instanceof FileProblem) throw new UnreadableFileError(`${path}: ${e.message}`);
    throw e;
  }
}

function loadWorkbook(path: string, bytes: Buffer): LoadedFile {
  const zip = ZipPackage.open(bytes);
  // The add-in's summary and plan are never read back: a refresh writes them afresh.
  const { grids: sheets, unreadable } = readWorkbook(zip ?? bytes, [SUMMARY_SHEET, PLAN_SHEET]);
  const grids: Grid[] = [];
  let stored: StoredState | null = null;
  for (const grid of sheets) {
    if (grid.sheet === STORE_SHEET) stored = readStore(grid.values.map((row) => [row[0] ?? null, row[1] ?? null]));
    else if (!OWN_SHEETS.includes(grid.sheet)) grids.push(grid);
  }
  return { path, kind: "xlsx", grids, unreadable: unreadable.filter((s) => !OWN_SHEETS.includes(s.name)), stored, workbook: zip, notes: [] };
}

async function loadText(path: string, ext: string): Promise<LoadedFile> {
  const { handle, size } = await openRegularFile(path);
  try {
    const file = await openTextFile(handle, size);
    const delimiter = DELIMITED[ext] ?? sniffDelimiter(file.head);
    const { rows, notes } = await parseDelimitedText(file, delimiter);
    const grid = delimitedGrid(rows, basename(path, extname(path)));
    return { path, kind: delimiter === "\t" ? "tsv" : "csv", grids: [grid], unreadable: [], stored: null, workbook: null, notes };
  } finally {
    await handle.close();
  }
}
