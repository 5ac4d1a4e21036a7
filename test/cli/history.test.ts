/** @jest-environment node */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { loadFile } from "../../src/cli/read-workbook";
import type { SheetDocument } from "../../src/core/contract";
import { HISTORY_FIRST_ROW } from "../../src/core/history";
import { STORE_SHEET } from "../../src/core/settings-store";
import { analyzeWorkbook } from "../../src/excel/workbook";
import { installOfficeGlobals } from "../../src/office-sim";
import { simFromFile } from "../office-sim/files";
import { captureIo } from "../support/read-back";
import { changesInOracleTerms, expectedChanges, planGrid, REFRESHES, SHEET, yearOfPlans } from "../support/school-year";
import { removeTempFiles, tempPath } from "../support/workbook-builder";

afterAll(removeTempFiles);

/** The plan as a workbook of its own, at one refresh of the year. */
async function planFile(values: unknown[][], store?: ExcelJS.Worksheet): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  values.forEach((row) => ws.addRow(row));
  if (store) {
    const copy = wb.addWorksheet(STORE_SHEET, { state: "veryHidden" });
    store.eachRow((row, r) => row.eachCell((cell, c) => (copy.getCell(r, c).value = cell.value)));
  }
  const path = tempPath("plan.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}

async function storeOf(path: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.getWorksheet(STORE_SHEET)!;
}

const io = (day: string) => Object.assign(captureIo(day), { now: () => new Date(`${day}T16:00:00.000Z`) });

describe("the command line keeps the monitoring history as the add-in does", () => {
  const plans = yearOfPlans();

  it("keeps each refresh in the copy's hidden data sheet, and status --since says what changed, exactly", async () => {
    let store: ExcelJS.Worksheet | undefined;
    let last = "";
    for (const [i, r] of REFRESHES.slice(0, 5).entries()) {
      // The planner edits the plan in the refreshed copy; here the plan is laid anew with the copy's data sheet.
      const input = await planFile(planGrid(plans[i]!), store);
      last = tempPath("refreshed.xlsx");
      const out = io(r.asOf);
      expect(await run(["refresh", input, "--out", last, "--as-of", r.asOf], out)).toBe(0);
      expect(out.out).toContain("kept in the monitoring history");
      store = await storeOf(last);
      expect(store.state).toBe("veryHidden");
      expect(store.getCell(HISTORY_FIRST_ROW + 1, 1).value).toBe("snapshot");
      if (i === 0) continue;
      const status = io(r.asOf);
      expect(await run(["status", last, "--json", "--as-of", r.asOf, "--since", REFRESHES[i - 1]!.asOf], status)).toBe(0);
      const doc = JSON.parse(status.out) as SheetDocument;
      expect(changesInOracleTerms(doc.changes!)).toEqual(expectedChanges(plans[i - 1]!, REFRESHES[i - 1]!.asOf, plans[i]!, r.asOf));
    }
    const file = await loadFile(last);
    expect(file.history.snapshots.map((s) => s.asOf)).toEqual(REFRESHES.slice(0, 5).map((r) => r.asOf));

    // The add-in reads what the command line wrote: the same history.
    const sim = await simFromFile(last);
    const uninstall = installOfficeGlobals(sim);
    try {
      const { history } = await analyzeWorkbook({ sheet: SHEET, asOf: "2026-01-13" });
      expect(history.snapshots).toEqual(file.history.snapshots);
    } finally {
      uninstall();
    }
  });

  it("leaves changes out of the JSON without --since, and says so when the workbook keeps no refresh to compare with", async () => {
    const input = await planFile(planGrid(plans[0]!));
    const plain = io("2025-08-12");
    expect(await run(["status", input, "--json", "--as-of", "2025-08-12"], plain)).toBe(0);
    expect(JSON.parse(plain.out)).not.toHaveProperty("changes");
    const since = io("2025-08-12");
    expect(await run(["status", input, "--json", "--as-of", "2025-08-12", "--since", "last"], since)).toBe(0);
    expect(JSON.parse(since.out)).not.toHaveProperty("changes");
    expect(since.err).toMatch(/keeps no refresh before 2025-08-12 to compare with/);
  });

  it("writes the committee report as one self-contained page, and refuses what it cannot do in one line", async () => {
    const input = await planFile(planGrid(plans[3]!));
    const refreshed = tempPath("refreshed.xlsx");
    expect(await run(["refresh", input, "--out", refreshed, "--as-of", "2025-10-14"], io("2025-10-14"))).toBe(0);
    const page = tempPath("report.html");
    const out = io("2025-11-11");
    expect(await run(["report", refreshed, "--out", page, "--as-of", "2025-11-11"], out)).toBe(0);
    expect(out.out).toMatch(/committee report for sheet "PL Plan 2025-26" as of 2025-11-11; changes since the refresh as of 2025-10-14/);
    const html = readFileSync(page, "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|<img|https?:\/\//i);
    expect(html).toContain("Content-Security-Policy");
    expect(html).toContain("Since 14 Oct 2025:");

    for (const [args, message] of [
      [["report", refreshed], /report needs --out REPORT.html/],
      [["report", refreshed, "--out", "x.pdf"], /--out must be an .html file/],
      [["status", refreshed, "--since", "October"], /--since wants a date as YYYY-MM-DD/],
      [["plan", refreshed, "--since", "last"], /--since is for status and report/],
    ] as const) {
      const bad = io("2025-11-11");
      expect(await run([...args], bad)).toBe(2);
      expect(bad.err).toMatch(message);
      expect(bad.err.split("\n").filter(Boolean)).toHaveLength(1);
    }
  });
});
