/** @jest-environment node */
/**
 * Issue 17, item 11 (and item 9's text files): what other programs write is read as they meant it. A UTF-16 sheet
 * part; a `>` inside an attribute value; a CSV saved in Windows-1252; a quote that never closes; a UTF-16 .txt
 * (Excel's "Unicode Text"). And a text file of any length is read in bounded memory: a 20 MB field is cut to what a
 * cell holds, a file of more cells than a sheet may have stops with one line.
 */
import { writeFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import type { SheetDocument } from "../../src/core/contract";
import { runCli, errorLines } from "../support/cli-process";
import { editPart, planWorkbook, PLAN_SHEET_PART, saved, textOf } from "../support/hostile";
import { removeTempFiles, tempPath } from "../support/workbook-builder";
import { withParts } from "../support/zip-parts";

afterAll(removeTempFiles);

const AS_OF = ["--as-of", "2024-01-15"];

/** status --json of a file, its name left out (a text file's sheet is named after it), to compare two files' documents. */
function status(path: string): unknown {
  const r = runCli(["status", path, "--json", ...AS_OF]);
  expect([r.status, r.stderr]).toEqual([0, ""]);
  const name = basename(path, extname(path));
  return JSON.parse(r.stdout.split(JSON.stringify(path).slice(1, -1)).join("FILE").split(name).join("SHEET"));
}

const CSV = [
  "PL Plan 2023-24",
  "",
  "Action Step,Owner,Jul,Aug,Sep,Oct,Nov,Dec,Jan,Feb,Mar,Apr,May,Jun",
  "Develop the \u201cPLC\u201d model,Director of PL,X,X,X,,,,,,,,,",
  "Implement the PLC model \u2013 every school,Principals,,,,X,X,,,,,,,",
  "Survey staff on PL needs,Data Team,,,,,,,,,,,X,X",
].join("\r\n");

describe("workbooks", () => {
  test("a sheet part in UTF-16 reads as the UTF-8 one (LibreOffice reads it; before: the sheet was empty)", async () => {
    const plain = await planWorkbook();
    const xml = textOf(plain, PLAN_SHEET_PART).replace(/encoding="UTF-8"/i, 'encoding="UTF-16"');
    const part = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, "utf16le")]);
    expect(status(await saved(withParts(plain, { [PLAN_SHEET_PART]: part }), "utf16-sheet.xlsx"))).toEqual(status(await saved(plain, "utf8-sheet.xlsx")));
  });

  test("a `>` inside a cell's attribute value (XML allows it) drops nothing (before: the cell was lost)", async () => {
    const plain = await planWorkbook();
    const odd = editPart(plain, PLAN_SHEET_PART, (xml) => xml.replace(/<c r="C5"/, '<c note="a>b" r="C5"').replace(/<row r="5"/, '<row x="1>0" r="5"'));
    expect(odd).not.toEqual(plain);
    expect(status(await saved(odd, "attribute.xlsx"))).toEqual(status(await saved(plain, "plain.xlsx")));
  });
});

describe("text files", () => {
  test("a CSV saved in Windows-1252 reads its curly quotes and dashes (before: U+FFFD)", async () => {
    const utf8 = tempPath("plan-utf8.csv");
    await writeFile(utf8, CSV);
    const cp1252 = tempPath("plan-1252.csv");
    const bytes = Buffer.from(CSV.replace(/[\u201c\u201d\u2013]/g, "~"), "latin1");
    // The three characters at their Windows-1252 bytes: “ 0x93, ” 0x94, – 0x96.
    let at = 0;
    for (const ch of CSV) {
      if (ch === "\u201c") bytes[at] = 0x93;
      if (ch === "\u201d") bytes[at] = 0x94;
      if (ch === "\u2013") bytes[at] = 0x96;
      at++;
    }
    await writeFile(cp1252, bytes);
    expect(status(cp1252)).toEqual(status(utf8));
  });

  test("a UTF-16 .txt, as Excel saves Unicode Text, reads as the UTF-8 one (before: called binary)", async () => {
    const tsv = CSV.replace(/,/g, "\t");
    const utf8 = tempPath("plan.txt");
    await writeFile(utf8, tsv);
    const utf16 = tempPath("plan-unicode.txt");
    await writeFile(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, "utf16le")]));
    expect(status(utf16)).toEqual(status(utf8));
  });

  test("a quote that never closes is read as a quote mark, said in one note; the lines after it stay rows (before: swallowed)", async () => {
    const path = tempPath("open-quote.csv");
    await writeFile(path, CSV.replace("Implement the PLC model", '"Implement the PLC model'));
    const r = runCli(["status", path, "--json", ...AS_OF]);
    expect(r.status).toBe(0);
    expect(errorLines(r)).toEqual([
      `milestone-monitor: note: ${path}: line 5: a quote opens a field and never closes; it is read as a quote mark, so the lines after it stay rows of their own`,
    ]);
    const activities = (JSON.parse(r.stdout) as SheetDocument).plan.activities.map((a) => a.text);
    expect(activities).toEqual(["Develop the \u201cPLC\u201d model", '"Implement the PLC model \u2013 every school', "Survey staff on PL needs"]);
  });

  test("a 20 MB field is cut to 32,767 characters, said in one note, memory bounded", async () => {
    const path = tempPath("long-field.csv");
    await writeFile(path, `${CSV}\r\nNotes,${"n".repeat(20 * 2 ** 20)},X\r\n`);
    const r = runCli(["status", path, "--json", ...AS_OF]);
    expect(r.status).toBe(0);
    expect(errorLines(r)).toEqual([`milestone-monitor: note: ${path}: 1 field longer than 32,767 characters (a cell's limit in Excel) cut there, the first on line 7`]);
    expect(r.peakMb).toBeLessThan(250);
  });

  test("a text file of more cells than a sheet may have stops with one line, memory bounded", async () => {
    const path = tempPath("many-cells.csv");
    await writeFile(path, "X,X,X,X,X,X,X,X,X,X\n".repeat(600_000));
    const r = runCli(["status", path, ...AS_OF]);
    expect(r.status).toBe(2);
    expect(errorLines(r)).toEqual([
      `milestone-monitor: ${path}: holds more than 5,000,000 cells (500,001 lines of up to 10 fields), the most the command line reads of a sheet`,
    ]);
    expect(r.peakMb).toBeLessThan(400);
  });
});
