/** @jest-environment node */
/**
 * Issue 17, item 2: refresh writes only what it can prove it read. A workbook whose relationships prefix is `rel:`
 * (valid XML; exceljs did not find the sheet, and the copy lost it) is copied with every sheet; and a copy that
 * would not read back as the input did is refused in one line, nothing written.
 */
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { loadFile } from "../../src/cli/read-workbook";
import { readXlsx } from "../../src/cli/read-xlsx";
import { ZipPackage } from "../../src/cli/read-zip";
import * as copying from "../../src/cli/write-copy";
import { checkCopy, writeCopy } from "../../src/cli/write-copy";
import { analyzeSheet, describeWrites } from "../../src/core";
import { plainValue } from "../support/exceljs-grid";
import { runCli, errorLines } from "../support/cli-process";
import { bytesOf, editPart, planWorkbook, saved, STRINGS_PART, textOf } from "../support/hostile";
import { workbookSheets } from "../../src/cli/workbook-parts";
import { captureIo } from "../support/read-back";
import { removeTempFiles, tempPath } from "../support/workbook-builder";
import { withParts } from "../support/zip-parts";

afterAll(removeTempFiles);

const AS_OF = ["--as-of", "2024-01-15"];

/** Each sheet's cells as exceljs reads them: address and value. */
async function exceljsCells(xlsx: Buffer): Promise<Record<string, [string, unknown][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const out: Record<string, [string, unknown][]> = {};
  wb.eachSheet((ws) => {
    const cells: [string, unknown][] = [];
    ws.eachRow((row) => row.eachCell((cell) => cells.push([cell.address, plainValue(cell.value, false)])));
    out[ws.name] = cells;
  });
  return out;
}

test("a workbook whose relationships namespace is prefixed rel: is copied with its sheets and cells", async () => {
  const plain = await planWorkbook();
  const xlsx = editPart(plain, "xl/workbook.xml", (xml) => xml.replace(/xmlns:r=/g, "xmlns:rel=").replace(/ r:id=/g, " rel:id="));
  const path = await saved(xlsx, "rel-prefix.xlsx");
  const out = tempPath("rel-prefix-out.xlsx");
  const r = runCli(["refresh", path, "--out", out, ...AS_OF]);
  expect(errorLines(r)).toEqual([]);
  expect(r.status).toBe(0);
  const copy = bytesOf(out);
  // The command line's reader finds the planner's two sheets in the copy, cells as they were, beside the add-in's.
  expect(workbookSheets(ZipPackage.open(copy)!).map((s) => s.name)).toEqual(["PL Plan", "Notes", "Milestone Summary", "Milestone Plan", "Milestone Monitor Data"]);
  expect(readXlsx(copy)!.filter((g) => g.sheet === "PL Plan" || g.sheet === "Notes")).toEqual(readXlsx(xlsx));
  // exceljs reads neither the input nor the copy (it knows the prefix r: only): the copy keeps the workbook's own
  // XML, prefix and all, and its new sheets use the prefix the workbook declares.
  expect(Object.keys(await exceljsCells(copy))).toEqual([]);
  expect(textOf(copy, "xl/workbook.xml")).toMatch(/<sheet name="Milestone Summary" sheetId="3" rel:id="rId\d+"\/>/);
  // With the prefix named r: again, exceljs reads the copy's sheets with the cells it reads in the input.
  const before = await exceljsCells(plain);
  const after = await exceljsCells(editPart(copy, "xl/workbook.xml", (xml) => xml.replace(/rel:/g, "r:")));
  expect([after["PL Plan"], after["Notes"]]).toEqual([before["PL Plan"], before["Notes"]]);
  expect(r.peakMb).toBeLessThan(200);
});

test("a copy that lost a sheet, or changed a cell, is refused in one line; nothing is written", async () => {
  const path = await saved(await planWorkbook(), "plan.xlsx");
  const file = await loadFile(path);
  const writes = describeWrites([analyzeSheet(file.grids[0]!, { asOf: "2024-01-15" })]);
  const good = writeCopy(file.workbook!, writes, false);
  expect(() => checkCopy(good, file)).not.toThrow();

  const lost = editPart(Buffer.from(good), "xl/workbook.xml", (xml) => xml.replace(/<sheet [^>]*name="Notes"[^>]*\/>/, ""));
  expect(() => checkCopy(lost, file)).toThrow(`${path}: refresh stopped, nothing was written: the copy would not hold its sheets ("PL Plan", "Notes") as it was read`);
  const changed = editPart(Buffer.from(good), STRINGS_PART, (xml) => xml.replace("Survey staff on PL needs", "Survey staff"));
  expect(() => checkCopy(changed, file)).toThrow(`${path}: refresh stopped, nothing was written: the copy would not hold sheet "PL Plan" as it was read`);
  const damaged = withParts(Buffer.from(good), { "xl/worksheets/sheet2.xml": "" });
  expect(ZipPackage.open(damaged)).not.toBeNull();
  expect(() => checkCopy(damaged, file)).toThrow(/refresh stopped, nothing was written: the copy would not hold sheet "Notes" as it was read/);

  // Through the command: one line, exit 2, no copy.
  const io = captureIo();
  const out = tempPath("never.xlsx");
  const refuse = jest.spyOn(copying, "writeCopy").mockReturnValue(lost);
  try {
    expect(await run(["refresh", path, "--out", out, ...AS_OF], io)).toBe(2);
  } finally {
    refuse.mockRestore();
  }
  expect(io.err.trimEnd().split("\n")).toEqual([expect.stringMatching(/refresh stopped, nothing was written/)]);
  expect(() => bytesOf(out)).toThrow();
});
