/**
 * Hostile files for the tests of issue 17, made in the test from a realistic start: a district plan as exceljs
 * writes it (shared strings, styles, one plan sheet and a notes sheet), then changed part by part as an attacker or
 * an unlucky program would change it.
 */
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { ZipPackage } from "../../src/cli/read-zip";
import { partText } from "../../src/cli/workbook-parts";
import { MONTHS_JUL_JUN, marked, timelineRow } from "./district";
import { tempPath, workbookBuffer, type CellInput } from "./workbook-builder";
import { withParts } from "./zip-parts";

export const PLAN_SHEET_PART = "xl/worksheets/sheet1.xml";
export const STRINGS_PART = "xl/sharedStrings.xml";

/** A plan: a title naming the school year, a header of months, a goal and four activities with X's. */
export function planRows(labels: string[] = ["Develop a PLC model for CSI schools", "Implement the PLC model", "Monitor PLC implementation", "Survey staff on PL needs"]): CellInput[][] {
  const months = [["July", "August", "September"], ["October", "November"], ["January", "April"], ["May", "June"]];
  return [
    ["PL Plan 2023-24"],
    [],
    ["Action Step", "Person(s) Responsible", ...MONTHS_JUL_JUN],
    timelineRow(["Goal 1: All staff receive job-embedded professional learning", null], MONTHS_JUL_JUN),
    ...labels.map((label, i) => timelineRow([label, "Director of PL"], MONTHS_JUL_JUN, marked(months[i % months.length]!))),
  ];
}

/** The plan workbook's bytes: sheet "PL Plan" (sheet1.xml) and sheet "Notes". */
export async function planWorkbook(labels?: string[]): Promise<Buffer> {
  return workbookBuffer({ sheets: [{ name: "PL Plan", rows: planRows(labels) }, { name: "Notes", rows: [["Minutes of the planning committee"]] }] });
}

/** A part's text. */
export function textOf(xlsx: Buffer, part: string): string {
  return partText(ZipPackage.open(xlsx)!, part)!;
}

/** The workbook with one part's text changed. */
export function editPart(xlsx: Buffer, part: string, edit: (xml: string) => string): Buffer {
  return withParts(xlsx, { [part]: edit(textOf(xlsx, part)) });
}

/** Writes bytes to a temporary file; its path. */
export async function saved(bytes: Buffer | string, name: string): Promise<string> {
  const path = tempPath(name);
  await writeFile(path, bytes);
  return path;
}

/** A file's bytes. */
export function bytesOf(path: string): Buffer {
  return readFileSync(path);
}
