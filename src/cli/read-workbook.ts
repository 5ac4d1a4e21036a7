import { basename, extname } from "node:path";
import type { Grid } from "../core/grid";
import { OWN_SHEETS, PLAN_SHEET, SUMMARY_SHEET } from "../core/writes";
import { readStore, STORE_SHEET, type StoredState } from "../core/settings-store";
import { EMPTY_HISTORY, HISTORY_NOTICE_ROW, readHistory, type History } from "../core/history/store";
import { delimitedGrid, openTextFile, parseDelimitedText, type Delimiter } from "./read-delimited";
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
  /** The monitoring history the add-in keeps in the workbook (empty when it keeps none). */
  history: History;
  /** An .xlsx: the package it was read from, for writing a refreshed copy of it; null for text. */
  workbook: ZipPackage | null;
  /** What the reader had to do that the user should know (a field cut, a quote that never closes), one line each. */
  notes: string[];
}

const XLSX = new Set([".xlsx", ".xlsm"]);
/** A .txt is text pasted from a document or a PDF: tab-separated (a sentence's commas are not columns). */
const DELIMITED: Record<string, Delimiter> = { ".csv": ",", ".tsv": "\t", ".tab": "\t", ".txt": "\t" };

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
  let store: { stored: StoredState; history: History } | null = null;
  for (const grid of sheets) {
    if (grid.sheet === STORE_SHEET) store = readStoreSheet(grid);
    else if (!OWN_SHEETS.includes(grid.sheet)) grids.push(grid);
  }
  const own = { stored: store?.stored ?? null, history: store?.history ?? EMPTY_HISTORY };
  return { path, kind: "xlsx", grids, unreadable: unreadable.filter((s) => !OWN_SHEETS.includes(s.name)), ...own, workbook: zip, notes: [] };
}

/** The add-in's data sheet: the settings it saved (the rows above the history) and the monitoring history. */
export function readStoreSheet(grid: Grid): { stored: StoredState; history: History } {
  const rows = grid.values.map((row) => [row[0] ?? null, row[1] ?? null]);
  return { stored: readStore(rows.slice(0, Math.max(0, HISTORY_NOTICE_ROW - grid.top))), history: readHistory(rows, grid.top) };
}

async function loadText(path: string, ext: string): Promise<LoadedFile> {
  const { handle, size } = await openRegularFile(path);
  try {
    const file = await openTextFile(handle, size);
    const delimiter = DELIMITED[ext]!;
    const { rows, notes } = await parseDelimitedText(file, delimiter);
    const grid = delimitedGrid(rows, basename(path, extname(path)));
    return { path, kind: delimiter === "\t" ? "tsv" : "csv", grids: [grid], unreadable: [], stored: null, history: EMPTY_HISTORY, workbook: null, notes };
  } finally {
    await handle.close();
  }
}
