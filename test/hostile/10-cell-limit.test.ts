/** @jest-environment node */
/**
 * Issue 17, item 10: no cell the add-in writes holds more than Excel's 32,767 characters (a longer one makes Excel
 * repair the workbook). An activity whose continuation lines join to more is cut there, an ellipsis its last character.
 */
import ExcelJS from "exceljs";
import { cellFit, CELL_CHARACTERS, describeWrites } from "../../src/core/writes";
import { analyzeSheet } from "../../src/core";
import { runCli } from "../support/cli-process";
import { plainValue } from "../support/exceljs-grid";
import { bytesOf, planWorkbook, saved } from "../support/hostile";
import { removeTempFiles, tempPath } from "../support/workbook-builder";

afterAll(removeTempFiles);

test("text of any length fits a cell; text that fits is left as it is; a character outside the BMP is not split", () => {
  expect(cellFit("Develop the PLC model")).toBe("Develop the PLC model");
  const exact = "x".repeat(CELL_CHARACTERS);
  expect(cellFit(exact)).toBe(exact);
  const long = "y".repeat(CELL_CHARACTERS + 10);
  expect(cellFit(long)).toHaveLength(CELL_CHARACTERS);
  expect(cellFit(long).endsWith("\u2026")).toBe(true);
  // An emoji (two UTF-16 units) across the cut is left out whole, not halved; one before it is kept whole.
  const across = cellFit(`${"z".repeat(CELL_CHARACTERS - 2)}\u{1F4C5}${"z".repeat(20)}`);
  expect([across.length, across.slice(-3)]).toEqual([CELL_CHARACTERS - 1, "zz\u2026"]);
  const before = cellFit(`${"z".repeat(CELL_CHARACTERS - 3)}\u{1F4C5}${"z".repeat(20)}`);
  expect([before.length, before.slice(-4)]).toEqual([CELL_CHARACTERS, "z\u{1F4C5}\u2026"]);
});

test("an activity joined from two long lines is written cut to the limit, in the plan sheet and the summary", () => {
  const line = (word: string): string => `${word} ${"walkthrough data reviewed with every principal ".repeat(450)}`.trim();
  const values = [
    ["Action Step", "Jul", "Aug", "Sep", "Oct"],
    [line("Review"), "X", null, null, null],
    [line("and").toLowerCase(), null, null, null, null],
  ];
  const report = analyzeSheet({ sheet: "Plan 2023-24", top: 0, left: 0, values }, { asOf: "2023-10-15" });
  expect(report.plan.activities[0]!.text.length).toBeGreaterThan(CELL_CHARACTERS);
  const writes = describeWrites([report]);
  const texts = [writes.summary, writes.plan].flatMap((s) => s.rows.flat()).flatMap((c) => (c && (c.value.kind === "text" || c.value.kind === "link") ? [c.value.text] : []));
  expect(Math.max(...texts.map((t) => t.length))).toBe(CELL_CHARACTERS);
  expect(texts.filter((t) => t.length === CELL_CHARACTERS).every((t) => t.endsWith("\u2026"))).toBe(true);
});

test("refresh of a workbook with such an activity writes a copy whose every cell fits, that exceljs opens", async () => {
  const line = (word: string): string => `${word} ${"walkthrough data reviewed with every principal ".repeat(450)}`.trim();
  const path = await saved(await planWorkbook([line("Review"), line("and").toLowerCase(), "Survey staff on PL needs"]), "long.xlsx");
  const out = tempPath("long-out.xlsx");
  const r = runCli(["refresh", path, "--out", out, "--as-of", "2024-01-15"]);
  expect(r.status).toBe(0);
  expect(r.peakMb).toBeLessThan(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytesOf(out) as unknown as ArrayBuffer);
  let longest = 0;
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => (longest = Math.max(longest, String(plainValue(cell.value, false) ?? "").length)))));
  expect(longest).toBe(CELL_CHARACTERS);
});
