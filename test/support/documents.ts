/**
 * A file's plan as each host gives it, for tests that compare them: the command line's JSON document, and the Excel
 * adapter's report on the in-memory workbook.
 */
import { run } from "../../src/cli/main";
import type { SheetDocument } from "../../src/core/contract";
import type { SheetReport } from "../../src/core";
import { analyzeWorkbook } from "../../src/excel/workbook";
import { installOfficeGlobals } from "../../src/office-sim";
import { simFromFile } from "../office-sim/files";
import { captureIo } from "./read-back";

/** `milestone-monitor COMMAND ... --json --as-of DAY`, which must succeed: its document. */
export async function cliDocument(asOf: string, ...args: string[]): Promise<SheetDocument> {
  const io = captureIo(asOf);
  expect(await run([...args, "--json", "--as-of", asOf], io)).toBe(0);
  return JSON.parse(io.out) as SheetDocument;
}

/** The add-in's reading of a workbook's sheet, on the in-memory Excel. */
export async function excelReport(file: string, sheet: string, asOf: string): Promise<SheetReport> {
  const uninstall = installOfficeGlobals(await simFromFile(file));
  try {
    return (await analyzeWorkbook({ sheet, asOf })).report;
  } finally {
    uninstall();
  }
}
