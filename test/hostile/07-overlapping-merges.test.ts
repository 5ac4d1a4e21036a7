/** @jest-environment node */
/**
 * Issue 17, item 7 (merges; the duplicate-activity search is the engine's own test): 5,000 overlapping merged areas
 * in a 3 KB file (before: over a minute for 2,000) are indexed once, by the reader and by the engine. The plan is
 * read, validated and refreshed; the copy keeps the areas as the file had them.
 */
import { runCli, errorLines } from "../support/cli-process";
import { bytesOf, editPart, planWorkbook, PLAN_SHEET_PART, saved, textOf } from "../support/hostile";
import { removeTempFiles, tempPath } from "../support/workbook-builder";
import { partNames } from "../support/zip-parts";

afterAll(removeTempFiles);

const AS_OF = ["--as-of", "2024-01-15"];

test("5,000 overlapping merged areas below the plan: validate and refresh read it, memory bounded", async () => {
  // Each area a little larger than the one before, all below the plan (rows 20 on), each holding most of the others.
  const areas = Array.from({ length: 5_000 }, (_, i) => `<mergeCell ref="A${20 + (i % 40)}:${["Z", "AZ", "CV"][i % 3]}${1000 + i}"/>`).join("");
  const merges = `<mergeCells count="5000">${areas}</mergeCells>`;
  const xlsx = editPart(await planWorkbook(), PLAN_SHEET_PART, (xml) => xml.replace("</sheetData>", `</sheetData>${merges}`));
  expect(xlsx.length).toBeLessThan(40_000);
  const path = await saved(xlsx, "merges.xlsx");
  const validate = runCli(["validate", path, ...AS_OF]);
  expect(validate.status).toBe(0);
  expect(validate.stdout).toContain("No findings");
  const out = tempPath("merges-out.xlsx");
  const refresh = runCli(["refresh", path, "--out", out, ...AS_OF]);
  expect(errorLines(refresh)).toEqual([]);
  expect(refresh.stdout).toMatch(/: 5 overdue and 1 current marks flagged/);
  expect(textOf(bytesOf(out), PLAN_SHEET_PART)).toContain(merges);
  expect(partNames(bytesOf(out))).toContain("xl/worksheets/sheet3.xml");
  for (const r of [validate, refresh]) expect(r.peakMb).toBeLessThan(300);
});
