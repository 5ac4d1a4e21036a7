/** @jest-environment node */
import { writeFileSync } from "node:fs";
import { run } from "../../src/cli/main";
import type { SheetDocument } from "../../src/core/contract";
import { changesSince, HISTORY_FIRST_ROW, MONTHLY, RECENT } from "../../src/core/history";
import { STORE_SHEET } from "../../src/core/settings-store";
import { SUMMARY_SHEET, TREND_CHART_NAME } from "../../src/core/writes";
import { analyzeWorkbook, clearFlags, clearHistory, refreshStatus } from "../../src/excel/workbook";
import { Sim, installOfficeGlobals, snapshotSheet } from "../../src/office-sim";
import { captureIo } from "../support/read-back";
import { changesInOracleTerms, expectedChanges, planGrid, REFRESHES, SHEET, yearOfPlans, type PlanModel } from "../support/school-year";
import { removeTempFiles, tempPath } from "../support/workbook-builder";

afterAll(removeTempFiles);

const noon = (day: string) => () => new Date(`${day}T16:00:00.000Z`);

/** The planner's edits, as the planner makes them: the plan sheet's cells rewritten (rows inserted, moved, removed). */
async function editPlan(plan: PlanModel): Promise<void> {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(SHEET);
    sheet.getRange("A1:P40").clear("Contents");
    const rows = planGrid(plan);
    sheet.getRangeByIndexes(0, 0, rows.length, rows[0]!.length).values = rows as (string | number | boolean)[][];
    await context.sync();
  });
}

/** The store sheet's cell texts from the history's first row down. */
function historyCells(sim: Sim): Record<string, unknown> {
  const cells = snapshotSheet(sim, STORE_SHEET).cells;
  return Object.fromEntries(Object.entries(cells).filter(([address]) => Number(/\d+$/.exec(address)![0]) > HISTORY_FIRST_ROW - 1).map(([a, c]) => [a, c.value]));
}

describe("the monitoring history in Excel (the in-memory workbook)", () => {
  const plans = yearOfPlans();
  let sim: Sim;
  let uninstall: () => void;

  beforeAll(() => {
    sim = Sim.fromSheets({ [SHEET]: planGrid(plans[0]!) });
    uninstall = installOfficeGlobals(sim);
  });
  afterAll(() => uninstall());

  it("refreshed monthly over the school year with edits between, reports every change since the last refresh exactly", async () => {
    for (const [i, r] of REFRESHES.entries()) {
      if (i > 0) await editPlan(plans[i]!);
      const result = await refreshStatus({ sheet: SHEET, asOf: r.asOf, now: noon(r.asOf) });
      if (i === 0) {
        expect(result.changes).toBeNull();
        continue;
      }
      expect(result.changes!.since.asOf).toBe(REFRESHES[i - 1]!.asOf);
      expect({ refresh: r.asOf, ...changesInOracleTerms(result.changes!) }).toEqual({ refresh: r.asOf, ...expectedChanges(plans[i - 1]!, REFRESHES[i - 1]!.asOf, plans[i]!, r.asOf) });
    }
    const { history } = await analyzeWorkbook({ sheet: SHEET, asOf: "2026-06-20" });
    expect(history.snapshots.map((s) => s.asOf)).toEqual(REFRESHES.map((r) => r.asOf));
    expect(history.findings).toEqual([]);
    // The store sheet stays very hidden; the summary sheet says what changed and draws the trend.
    expect(snapshotSheet(sim, STORE_SHEET).visibility).toBe("VeryHidden");
    const summary = snapshotSheet(sim, SUMMARY_SHEET);
    const texts = Object.values(summary.cells).map((c) => c.value);
    expect(texts).toContain("Changes since the last review");
    expect(texts).toContain("Since 12 May 2026: 1 newly overdue, 1 done, 1 new finding");
    expect(texts).toContain("Trend over the refreshes");
    const trend = summary.charts.find((c) => c.name === TREND_CHART_NAME)!;
    expect(trend.type).toBe("LineMarkers");
    // One row per refresh under the header, four columns: as of, done, overdue, current.
    const [from, to] = trend.source.split(":").map((a) => Number(/\d+$/.exec(a)![0]));
    expect(to! - from!).toBe(REFRESHES.length);
  });

  it("gives the command line's status --since the same changes as the add-in, on the same workbook", async () => {
    const asOf = "2026-06-20";
    const path = tempPath("year.xlsx");
    writeFileSync(path, await sim.toXlsx());
    const { report, history } = await analyzeWorkbook({ sheet: SHEET, asOf });
    for (const since of ["2025-10-20", "2026-05-12"]) {
      const addIn = changesSince(history, report, { at: `${asOf}T09:00:00.000Z`, day: asOf }, since);
      const io = captureIo();
      expect(await run(["status", path, "--json", "--as-of", asOf, "--sheet", SHEET, "--since", since], io)).toBe(0);
      const cli = (JSON.parse(io.out) as SheetDocument).changes;
      expect(cli).toEqual(JSON.parse(JSON.stringify(addIn)));
      expect(cli!.newlyDone.length + cli!.newlyOverdue.length).toBeGreaterThan(0);
      // And in words, on a terminal.
      const text = captureIo();
      expect(await run(["status", path, "--as-of", asOf, "--sheet", SHEET, "--since", since], text)).toBe(0);
      expect(text.out).toContain(`Since ${since === "2025-10-20" ? "14 Oct 2025" : "12 May 2026"}: `);
    }
  });

  it("keeps one snapshot when refreshed twice on one day as of one day, and the same store sheet", async () => {
    await refreshStatus({ sheet: SHEET, asOf: "2026-06-20", now: noon("2026-06-20") });
    const once = historyCells(sim);
    await refreshStatus({ sheet: SHEET, asOf: "2026-06-20", now: noon("2026-06-20") });
    expect(historyCells(sim)).toEqual(once);
    const { history } = await analyzeWorkbook({ sheet: SHEET, asOf: "2026-06-21" });
    expect(history.snapshots.filter((s) => s.asOf === "2026-06-20")).toHaveLength(1);
  });

  it("keeps the history when the flags are cleared", async () => {
    const before = historyCells(sim);
    expect((await clearFlags({ sheet: SHEET })).removed).toBeGreaterThan(0);
    expect(historyCells(sim)).toEqual(before);
  });

  it("skips a snapshot broken by hand with a finding in the Findings list, and drops it at the next refresh", async () => {
    const cells = snapshotSheet(sim, STORE_SHEET).cells;
    const row = Object.keys(cells).find((a) => a.startsWith("B") && String(cells[a]!.value).includes('"asOf":"2025-12-09"'))!;
    sim.sheet(STORE_SHEET).values(row, [[String(cells[row]!.value).replace('"done":', '"done":"many",')]]);
    const { report, history } = await analyzeWorkbook({ sheet: SHEET, asOf: "2026-06-21" });
    expect(history.snapshots.map((s) => s.asOf)).not.toContain("2025-12-09");
    const finding = report.findings.find((f) => f.rule === "history-unreadable")!;
    expect(finding.cell).toBe(`'${STORE_SHEET}'!${row}`);
    expect(report.summary.findings.warning).toBe(report.findings.filter((f) => f.severity === "warning").length);
    const refreshed = await refreshStatus({ sheet: SHEET, asOf: "2026-06-21", now: noon("2026-06-21") });
    expect(refreshed.report.findings.filter((f) => f.rule === "history-unreadable")).toHaveLength(1);
    const after = await analyzeWorkbook({ sheet: SHEET, asOf: "2026-06-22" });
    expect(after.history.findings).toEqual([]);
    expect(after.history.snapshots.length).toBe(history.snapshots.length + 1);
  });

  it("stays under its bound after 200 refreshes", async () => {
    const start = Date.UTC(2026, 6, 1);
    for (let n = 0; n < 200; n++) {
      const day = new Date(start + n * 2 * 86_400_000).toISOString().slice(0, 10);
      await refreshStatus({ sheet: SHEET, asOf: day, now: noon(day) });
    }
    const { history } = await analyzeWorkbook({ sheet: SHEET, asOf: "2027-12-31" });
    expect(history.snapshots.length).toBeLessThanOrEqual(RECENT + MONTHLY);
    expect(history.snapshots.length).toBeGreaterThan(RECENT);
    const rows = Object.keys(snapshotSheet(sim, STORE_SHEET).cells).map((a) => Number(/\d+$/.exec(a)![0]));
    expect(Math.max(...rows)).toBeLessThanOrEqual(HISTORY_FIRST_ROW + RECENT + MONTHLY);
  });

  it("clears the history on request, keeping the settings and the last refresh", async () => {
    const { removed } = await clearHistory();
    expect(removed).toBeGreaterThan(0);
    const state = await analyzeWorkbook({ sheet: SHEET, asOf: "2027-12-31" });
    expect(state.history.snapshots).toEqual([]);
    expect(state.stored.lastRefresh).not.toBeNull();
    const filled = Object.entries(snapshotSheet(sim, STORE_SHEET).cells).filter(([, c]) => c.value !== null && c.value !== "");
    expect(filled.every(([a]) => Number(/\d+$/.exec(a)![0]) <= 4)).toBe(true);
  });
});
