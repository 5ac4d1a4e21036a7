/** @jest-environment node */
/**
 * Issue 17, item 1: a tiny file must not make the reader build a huge sheet. A sheet is read from its used range
 * (its first cell with content to its last), never from A1 to a far cell; a used range past the limit is one line;
 * a merged area over the whole sheet does not stretch anything; a CSV line of millions of commas stops at the most
 * fields a sheet has. Each run is a process of its own, its memory measured.
 */
import { writeFile } from "node:fs/promises";
import { runCli, errorLines } from "../support/cli-process";
import { bytesOf, editPart, planWorkbook, PLAN_SHEET_PART, saved, textOf } from "../support/hostile";
import { removeTempFiles, tempPath } from "../support/workbook-builder";

afterAll(removeTempFiles);

const NOTES_PART = "xl/worksheets/sheet2.xml";
const FAR = `<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>far away</t></is></c></row>`;
const AS_OF = ["--as-of", "2024-01-15"];

test("a sheet whose only cell is XFD1048576 is read as that one cell (before: 4 GB and a crash)", async () => {
  const xlsx = editPart(await planWorkbook(), NOTES_PART, (xml) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${FAR}</sheetData>`));
  const path = await saved(xlsx, "far-only.xlsx");
  const run = runCli(["status", path, ...AS_OF]);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain("4 activities");
  expect(errorLines(run)).toEqual([`${path}: sheet "Notes" skipped: no plan found (no month grid, action-plan table or outline)`]);
  const validate = runCli(["validate", path, "--sheet", "Notes", "--json", ...AS_OF]);
  expect(validate.status).toBe(1);
  const reason: unknown = expect.stringMatching(/^No plan found on sheet "Notes"/);
  expect((JSON.parse(validate.stdout) as { skipped: unknown }).skipped).toEqual([{ name: "Notes", reason }]);
  for (const r of [run, validate]) expect(r.peakMb).toBeLessThan(200);
});

test("a sheet with cells at A1 and at XFD1048576 is past the limit: one line, exit 2", async () => {
  const xlsx = editPart(await planWorkbook(), NOTES_PART, (xml) => xml.replace("</sheetData>", `${FAR}</sheetData>`));
  const path = await saved(xlsx, "far-and-near.xlsx");
  const run = runCli(["status", path, ...AS_OF]);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe("");
  expect(errorLines(run)).toEqual([
    `milestone-monitor: ${path}: sheet "Notes" uses A1:XFD1048576 (17,179,869,184 cells), more than the 5,000,000 cells the command line reads of a sheet`,
  ]);
  expect(run.peakMb).toBeLessThan(200);
});

test("refresh with <mergeCell ref=\"A1:XFD1048576\"/>: on a notes sheet it is copied as it was; on the plan, the plan is one cell, as Excel shows it", async () => {
  const merge = `<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>`;
  const merged = (part: string): Buffer => editPart(planWorkbookBytes, part, (xml) => xml.replace("</sheetData>", `</sheetData>${merge}`));
  const planWorkbookBytes = await planWorkbook();
  const path = await saved(merged(NOTES_PART), "merged-notes.xlsx");
  const out = tempPath("merged-notes-out.xlsx");
  const run = runCli(["refresh", path, "--out", out, ...AS_OF]);
  expect(errorLines(run)).toEqual([]);
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/^Wrote .*: 5 overdue and 1 current marks flagged/);
  expect(textOf(bytesOf(out), NOTES_PART)).toBe(textOf(bytesOf(path), NOTES_PART));
  const whole = await saved(merged(PLAN_SHEET_PART), "merged-plan.xlsx");
  const nothing = runCli(["refresh", whole, "--out", tempPath("merged-plan-out.xlsx"), ...AS_OF]);
  expect(nothing.status).toBe(2);
  expect(errorLines(nothing)).toEqual([`milestone-monitor: ${whole}: no sheet holds a timeline, so there is nothing to refresh`]);
  for (const r of [run, nothing]) expect(r.peakMb).toBeLessThan(250);
});

test("a CSV line of 20 MB of commas stops at the 16,384 fields a sheet has: one line, exit 2", async () => {
  const path = tempPath("commas.csv");
  await writeFile(path, `Action Step,Jul,Aug,Sep\n${",".repeat(20 * 2 ** 20)}\n`);
  const run = runCli(["validate", path, ...AS_OF]);
  expect(run.status).toBe(2);
  expect(errorLines(run)).toEqual([`milestone-monitor: ${path}: line 2 has more than 16,384 fields, the most a sheet has columns`]);
  expect(run.peakMb).toBeLessThan(250);
});
