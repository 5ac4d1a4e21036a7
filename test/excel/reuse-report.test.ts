/** @jest-environment node */
/**
 * Refresh status right after the pane read the sheet takes the report the engine made then (src/excel/reuse-report.ts):
 * the engine is a function of its input alone, so its report is reused only when the cells, settings, day and theory
 * are the very same; any change runs it again.
 */
import { join } from "node:path";
import { sameData } from "../../src/core/same-data";
import { engineReport, REUSE_UP_TO_CELLS, type EngineInput } from "../../src/excel/reuse-report";
import { analyzeWorkbook, refreshStatus, saveSettings } from "../../src/excel/workbook";
import { resolveSettings } from "../../src/core/settings";
import { installOfficeGlobals, type Sim } from "../../src/office-sim";
import { simFromFile } from "../office-sim/files";

const SAMPLE = join(__dirname, "..", "..", "assets", "samples", "mps-milestones.xlsx");
const AS_OF = "2024-01-15";
const NOW = () => new Date("2024-01-15T09:00:00Z");

describe("sameData", () => {
  test("plain data compared by value, however deep; arrays are not objects; a key set to undefined is not a missing key", () => {
    expect(sameData({ a: [1, "x", null, [true]], b: { c: "d" } }, { b: { c: "d" }, a: [1, "x", null, [true]] })).toBe(true);
    expect(sameData({ a: [1, "x", null, [true]] }, { a: [1, "x", null, [false]] })).toBe(false);
    expect(sameData([[null]], [[null], []])).toBe(false);
    expect(sameData({ 0: "a" }, ["a"])).toBe(false);
    expect(sameData({ a: undefined }, {})).toBe(false);
    expect(sameData("1", 1)).toBe(false);
    expect(sameData(null, {})).toBe(false);
  });
});

describe("the engine's report reused by Refresh status", () => {
  let sim: Sim;
  let uninstall: () => void;
  beforeEach(async () => {
    sim = await simFromFile(SAMPLE);
    uninstall = installOfficeGlobals(sim);
  });
  afterEach(() => uninstall());

  test("the same sheet on the same day: Refresh status takes the pane's report (the very object), the report a new run makes", async () => {
    const opened = await analyzeWorkbook({ asOf: AS_OF });
    const refreshed = await refreshStatus({ asOf: AS_OF, now: NOW });
    expect(refreshed.report.plan).toBe(opened.report.plan);
    expect(refreshed.report.summary.totals).toBe(opened.report.summary.totals);
    // What the engine says when it runs afresh on the sheet (another day in between: the last run is kept, one only).
    await analyzeWorkbook({ asOf: "2024-02-15" });
    const afresh = await analyzeWorkbook({ asOf: AS_OF });
    expect(afresh.report.plan).not.toBe(opened.report.plan);
    expect(JSON.stringify(afresh.report)).toBe(JSON.stringify(opened.report));
    expect(refreshed.flagged).toBeGreaterThan(0);
  });

  test("a cell typed between them, another day, other settings: the engine runs again and says what changed", async () => {
    const opened = await analyzeWorkbook({ asOf: AS_OF });
    const first = opened.report.plan.activities[0]!;
    const unmarked = first.schedule.length;
    // The planner marks one more month for the first activity: the first empty cell right of its last mark.
    const [, column] = /!([A-Z]+)\d+$/.exec(first.schedule[unmarked - 1]!.cell)!;
    const next = String.fromCharCode(column!.charCodeAt(0) + 1);
    const row = first.rows[0]!;
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(opened.report.sheet).getRange(`${next}${row}`).values = [["X"]];
      await ctx.sync();
    });
    const typed = await refreshStatus({ asOf: AS_OF, now: NOW });
    expect(typed.report.plan).not.toBe(opened.report.plan);
    expect(typed.report.plan.activities[0]!.schedule).toHaveLength(unmarked + 1);

    const later = await analyzeWorkbook({ asOf: "2024-03-15" });
    expect(later.report.plan).not.toBe(typed.report.plan);
    expect(later.report.summary.asOf).toBe("2024-03-15");

    const again = await analyzeWorkbook({ asOf: "2024-03-15" });
    expect(again.report.plan).toBe(later.report.plan);
    await saveSettings({ ...again.stored.settings, dueSoonDays: 60 });
    const wider = await analyzeWorkbook({ asOf: "2024-03-15" });
    expect(wider.report.plan).not.toBe(again.report.plan);
    expect(wider.report.summary.dueSoonDays).toBe(60);
  });
});

test("a sheet of more than REUSE_UP_TO_CELLS cells is not kept: the engine runs again on it, the pane holds no second copy of its cells", () => {
  const input = (rows: number): EngineInput => ({
    grid: { sheet: "Notes", top: 0, left: 0, values: Array.from({ length: rows }, (_, r) => Array.from({ length: 1_000 }, (_, c) => (c === 0 && r === 0 ? "Committee notes" : null))) },
    settings: resolveSettings(undefined),
    asOf: AS_OF,
    theory: undefined,
  });
  const small = input(REUSE_UP_TO_CELLS / 1_000);
  expect(engineReport(small)).toBe(engineReport(input(REUSE_UP_TO_CELLS / 1_000)));
  const large = input(REUSE_UP_TO_CELLS / 1_000 + 1);
  expect(engineReport(large)).not.toBe(engineReport(large));
});
