/**
 * Round trip for convention tests: describe a workbook, write it as a real .xlsx, read it back through the
 * command line's own reader (`loadFile`), and run the engine on a sheet.
 */
import ExcelJS from "exceljs";
import { analyzeSheet, type Activity, type Finding, type Grid, type SheetReport } from "../../src/core";
import type { SettingsInput } from "../../src/core/settings";
import type { MarkStatus } from "../../src/core/status";
import { loadFile, type LoadedFile } from "../../src/cli/read-workbook";
import type { Io } from "../../src/cli/main";
import { writeTempWorkbook, type CellInput, type SheetSpec, type WorkbookSpec } from "./workbook-builder";

export interface AnalyzeWorkbookOptions {
  asOf: string;
  settings?: SettingsInput;
  /** The sheet to analyze; default the first one. */
  sheet?: string;
}

/** Writes the workbook to a temporary .xlsx and loads it back with the command line's reader. */
export async function roundTrip(spec: WorkbookSpec, fileName = "plan.xlsx"): Promise<LoadedFile> {
  const path = await writeTempWorkbook(spec, fileName);
  return loadFile(path);
}

export function gridOf(file: LoadedFile, sheet?: string): Grid {
  const grid = sheet === undefined ? file.grids[0] : file.grids.find((g) => g.sheet === sheet);
  if (!grid) throw new Error(`no sheet ${sheet ?? "(first)"} in ${file.path}: ${file.grids.map((g) => g.sheet).join(", ")}`);
  return grid;
}

/** Write, read back, analyze one sheet. */
export async function analyzeWorkbook(spec: WorkbookSpec, options: AnalyzeWorkbookOptions): Promise<SheetReport> {
  const file = await roundTrip(spec);
  const grid = gridOf(file, options.sheet);
  return analyzeSheet(grid, { asOf: options.asOf, ...(options.settings ? { settings: options.settings } : {}) });
}

/** One sheet, analyzed: the common case. */
export async function analyzeRows(
  name: string,
  rows: CellInput[][],
  options: Omit<AnalyzeWorkbookOptions, "sheet"> & Omit<SheetSpec, "name" | "rows">,
): Promise<SheetReport> {
  const { asOf, settings, ...sheetSpec } = options;
  return analyzeWorkbook({ sheets: [{ name, rows, ...sheetSpec }] }, { asOf, ...(settings ? { settings } : {}) });
}

/** The activity whose text starts with `start`; fails the test with the texts it has when none does. */
export function activity(report: SheetReport, start: string): Activity {
  const found = report.plan.activities.filter((a) => a.text.startsWith(start));
  if (found.length !== 1) {
    throw new Error(
      `expected one activity starting "${start}", found ${found.length}; activities:\n` +
        report.plan.activities.map((a) => `  ${a.cell} ${JSON.stringify(a.text)}`).join("\n"),
    );
  }
  return found[0]!;
}

/** `[start, end]` of each mark, in order. */
export function spans(a: Activity): [string, string][] {
  return a.schedule.map((m) => [m.start, m.end]);
}

/** Each mark's period label and status as of the report's day. */
export function statuses(report: SheetReport, a: Activity): { period: string; status: MarkStatus; dueSoon: boolean; cell: string }[] {
  return report.status.marks
    .filter((m) => m.activityId === a.id)
    .map((m) => ({ period: m.mark.period, status: m.status, dueSoon: m.dueSoon, cell: m.mark.cell }));
}

export function findingsOf(report: SheetReport, rule: string): Finding[] {
  return report.findings.filter((f) => f.rule === rule);
}

/** The sheet's cell address as findings and marks write it. */
export function at(sheet: string, a1: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${a1}`;
}

/** An Io that keeps what the command line prints. */
export function captureIo(today = "2024-01-15"): Io & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
    today: () => today,
  };
  return io;
}

/** A workbook file as exceljs reads it: the independent reader the command line's copies are checked with. */
export async function loadWithExceljs(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** Every cell of a sheet as exceljs reads it: value, number format and style, as text to compare. */
export function cellsOf(ws: ExcelJS.Worksheet): Map<string, string> {
  const out = new Map<string, string>();
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      out.set(cell.address, JSON.stringify({ v: cell.value, f: cell.numFmt, s: cell.style }));
    });
  });
  return out;
}
