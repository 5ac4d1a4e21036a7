import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import type ExcelJS from "exceljs";
import type { Grid } from "../core/grid";
import { OWN_SHEETS, PLAN_SHEET, SUMMARY_SHEET } from "../core/writes";
import { readStore, STORE_SHEET, type StoredState } from "../core/settings-store";
import { EMPTY_HISTORY, HISTORY_NOTICE_ROW, readHistory, type History } from "../core/history/store";
import { delimitedGrid } from "./read-delimited";
import { droppedContent } from "./workbook-parts";
import { readXlsx } from "./read-xlsx";

/** A file the command line cannot read: its message is one plain line for the user. */
export class UnreadableFileError extends Error {}

export interface LoadedFile {
  path: string;
  kind: "xlsx" | "csv" | "tsv";
  /** Sheets to read as plans (the add-in's own sheets left out). */
  grids: Grid[];
  /** What the add-in saved in the workbook, if it ever did. */
  stored: StoredState | null;
  /** The monitoring history the add-in keeps in the workbook (empty when it keeps none). */
  history: History;
  /** The workbook itself, for writing a refreshed copy (an .xlsx loaded with `keepWorkbook`), else null. */
  workbook: ExcelJS.Workbook | null;
  /** With the workbook: the file as it was read, for what exceljs does not keep of it. */
  original: Uint8Array | null;
  /** With the workbook: what it holds that a copy written by exceljs loses ("2 charts and a pivot table"), or null. */
  dropped: { what: string; one: boolean } | null;
}

const XLSX = new Set([".xlsx", ".xlsm"]);
/** A .txt is text pasted from a document or a PDF: tab-separated (a sentence's commas are not columns). */
const DELIMITED: Record<string, "," | "\t"> = { ".csv": ",", ".tsv": "\t", ".tab": "\t", ".txt": "\t" };

export function isSupported(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return XLSX.has(ext) || ext in DELIMITED;
}

async function readBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UnreadableFileError(`${path}: no such file`);
    if (code === "EISDIR") throw new UnreadableFileError(`${path}: is a folder, not a file`);
    if (code === "EACCES") throw new UnreadableFileError(`${path}: permission denied`);
    throw new UnreadableFileError(`${path}: cannot be read (${code ?? "unknown error"})`);
  }
}

export interface LoadOptions {
  /** Keep the workbook for writing a refreshed copy; otherwise it is let go once its sheets are read (a large workbook's model is most of the memory). */
  keepWorkbook?: boolean;
}

export async function loadFile(path: string, options: LoadOptions = {}): Promise<LoadedFile> {
  const ext = extname(path).toLowerCase();
  if (ext === ".xls") throw new UnreadableFileError(`${path}: old .xls workbooks are not supported; save it as .xlsx in Excel first`);
  if (!isSupported(path)) throw new UnreadableFileError(`${path}: not a workbook the command line reads (.xlsx, .csv, .tsv or .txt)`);
  const bytes = await readBytes(path);
  if (XLSX.has(ext)) {
    const unreadable = new UnreadableFileError(`${path}: not a readable .xlsx workbook (damaged, encrypted, or another format)`);
    const sheets = await readXlsx(bytes).catch(() => null);
    if (!sheets) throw unreadable;
    const grids: Grid[] = [];
    let stored: StoredState | null = null;
    let history = EMPTY_HISTORY;
    for (const grid of sheets) {
      if (grid.sheet === STORE_SHEET) {
        const rows = grid.values.map((row) => [row[0] ?? null, row[1] ?? null]);
        stored = readStore(rows.slice(0, Math.max(0, HISTORY_NOTICE_ROW - grid.top)));
        history = readHistory(rows, grid.top);
      } else if (!OWN_SHEETS.includes(grid.sheet)) grids.push(grid);
    }
    if (options.keepWorkbook !== true) return { path, kind: "xlsx", grids, stored, history, workbook: null, original: null, dropped: null };
    // Only a refreshed copy needs the whole workbook model: exceljs is required for it alone, here rather than at
    // the top, because setting it up takes a quarter of a second every other command would wait for.
    let workbook: ExcelJS.Workbook;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- import() stays native in CommonJS, which jest cannot mock or run without --experimental-vm-modules
      const { Workbook } = require("exceljs") as typeof ExcelJS;
      workbook = new Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      // The sheets were read: it is exceljs, which writes the copy, that cannot open this file (some programs write
      // workbooks in a form it does not read).
      throw new UnreadableFileError(
        `${path}: status, plan and validate read this workbook, but refresh cannot copy it (exceljs, which writes the copy, cannot open it); use Refresh status in Excel instead`,
      );
    }
    return { path, kind: "xlsx", grids, stored, history, workbook, original: bytes, dropped: await droppedContent(bytes, [SUMMARY_SHEET, PLAN_SHEET]) };
  }
  const text = bytes.toString("utf8");
  if (text.includes("\u0000")) throw new UnreadableFileError(`${path}: looks like a binary file, not text`);
  const delimiter = DELIMITED[ext]!;
  const sheet = basename(path, extname(path));
  return { path, kind: delimiter === "\t" ? "tsv" : "csv", grids: [delimitedGrid(text, sheet, delimiter)], stored: null, history: EMPTY_HISTORY, workbook: null, original: null, dropped: null };
}
