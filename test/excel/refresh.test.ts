/** @jest-environment node */
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { THEORY_ONLY } from "../../src/core/analyze";
import { sheetDocument } from "../../src/core/contract";
import { STORE_SHEET } from "../../src/core/settings-store";
import { CHART_NAME, PLAN_SHEET, SUMMARY_SHEET, TREND_CHART_NAME, flagKindOfFormula } from "../../src/core/writes";
import { applyFix, clearFlags, goToCell, refreshStatus, analyzeWorkbook, saveSettings, loadWorkbookState } from "../../src/excel/workbook";
import { Sim, installOfficeGlobals, snapshotSheet } from "../../src/office-sim";
import { simFromFile } from "../office-sim/files";
import { captureIo } from "../support/read-back";
import { MONTHS_JUL_JUN, marked, timelineRow } from "../support/district";
import { buildWorkbook, filled, removeTempFiles, tempPath } from "../support/workbook-builder";

afterAll(removeTempFiles);

/** A district plan sheet with goals, owners, a status column, a Gantt bar, a label starting with "=", and a user's own conditional format. */
async function planWorkbook(): Promise<string> {
  const wb = buildWorkbook({
    sheets: [
      {
        name: "PL Plan 2023-24",
        rows: [
          ["Professional Learning Plan 2023-24"],
          [],
          ["Action Step", "Person(s) Responsible", ...MONTHS_JUL_JUN, "Status"],
          ["Goal 1: All staff receive job-embedded professional learning by 2024"],
          [...timelineRow(["Develop a PLC model for CSI schools", "Director of PL"], MONTHS_JUL_JUN, marked(["July", "August", "September"])), "Complete"],
          [...timelineRow(["Implement the PLC model in every CSI school", "Principals"], MONTHS_JUL_JUN, marked(["October", "November", "December", "January", "February"])), "On Track"],
          [...timelineRow(["=Monitor PLC implementation with walkthroughs", null], MONTHS_JUL_JUN, { October: "X", January: "\u0425", April: "\u0425" }), null],
          timelineRow(["Survey staff on professional learning needs", "Data Team"], MONTHS_JUL_JUN, { November: filled("#5B9BD5"), December: filled("#5B9BD5") }),
          timelineRow(["Present findings to the board", "Superintendent"], MONTHS_JUL_JUN, { March: "V" }),
          timelineRow([null, null], MONTHS_JUL_JUN, { March: "^" }),
        ],
        fills: { "A3:O3": "#DCE9F7" },
      },
      { name: "Notes", rows: [["Committee notes"]] },
    ],
  });
  wb.getWorksheet("PL Plan 2023-24")!.addConditionalFormatting({
    ref: "B5:B10",
    rules: [{ type: "expression", priority: 1, formulae: ["LEN(B5)=0"], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } } }],
  });
  const path = tempPath("plan.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}

const AS_OF = "2024-01-15";
const SHEET = "PL Plan 2023-24";
const NOW = () => new Date("2024-01-15T09:00:00Z");

describe("the Excel adapter on the in-memory workbook", () => {
  let path: string;
  let sim: Sim;
  let uninstall: () => void;
  beforeEach(async () => {
    path ??= await planWorkbook();
    sim = await simFromFile(path);
    uninstall = installOfficeGlobals(sim);
  });
  afterEach(() => uninstall());

  it("gives the same plan, findings and summary as the command line on the same file, and writes them into its sheets", async () => {
    const result = await refreshStatus({ sheet: SHEET, asOf: AS_OF, now: NOW });
    const io = captureIo();
    expect(await run(["status", path, "--json", "--as-of", AS_OF, "--sheet", SHEET], io)).toBe(0);
    const cli = JSON.parse(io.out) as ReturnType<typeof sheetDocument>;
    const excel = JSON.parse(JSON.stringify(sheetDocument(result.report))) as ReturnType<typeof sheetDocument>;
    expect(excel.plan).toEqual(cli.plan);
    expect(excel.findings).toEqual(cli.findings);
    expect(excel.summary).toEqual(cli.summary);

    const summary = snapshotSheet(sim, SUMMARY_SHEET);
    const valueAt = (label: string): unknown => {
      const row = Object.values(summary.cells).find((c) => c.value === label);
      expect(row).toBeDefined();
      const address = Object.keys(summary.cells).find((k) => summary.cells[k] === row)!;
      const next = address.replace(/^A/, "B");
      return summary.cells[next]?.value;
    };
    expect(valueAt("Overdue")).toBe(cli.summary.totals.overdue);
    expect(valueAt("Current (due now)")).toBe(cli.summary.totals.current);
    expect(valueAt("Done")).toBe(cli.summary.totals.done);
    // The marks by status, and the trend over the refreshes the workbook keeps (this one, the first).
    expect(summary.charts.map((c) => c.name)).toEqual([CHART_NAME, TREND_CHART_NAME]);

    const plan = snapshotSheet(sim, PLAN_SHEET);
    expect(plan.tables.map((t) => t.name)).toEqual(["MilestonePlan"]);
    const activities = Object.values(plan.cells).filter((c) => typeof c.value === "string" && cli.plan.activities.some((a) => a.text === c.value));
    expect(activities).toHaveLength(cli.plan.activities.length);
    expect(sim.stats.tableRowAdds).toBe(0);
    // Bulk writes run with calculation and screen updating suspended.
    expect(sim.stats.suspendApiCalculation).toBeGreaterThan(0);
    expect(sim.stats.suspendScreenUpdating).toBeGreaterThan(0);
  });

  it("writes a label starting with = as text, never as a formula", async () => {
    await refreshStatus({ sheet: SHEET, asOf: AS_OF, now: NOW });
    for (const name of [PLAN_SHEET, SUMMARY_SHEET]) {
      const cells = Object.values(snapshotSheet(sim, name).cells);
      const label = cells.find((c) => typeof c.value === "string" && c.value.startsWith("=Monitor"));
      expect(label).toBeDefined();
      expect(label!.formula ?? null).toBeNull();
    }
  });

  it("leaves every user cell's value and format as it was, flags with rules of its own, and keeps the user's rule", async () => {
    const before = snapshotSheet(sim, SHEET);
    const result = await refreshStatus({ sheet: SHEET, asOf: AS_OF, now: NOW });
    const after = snapshotSheet(sim, SHEET);
    expect(after.cells).toEqual(before.cells);
    expect(after.merges).toEqual(before.merges);
    const own = after.conditionalFormats.filter((cf) => flagKindOfFormula(cf.formula) !== null);
    const user = after.conditionalFormats.filter((cf) => flagKindOfFormula(cf.formula) === null);
    expect(user).toEqual(before.conditionalFormats);
    expect(own.length).toBeGreaterThan(0);
    // Every overdue or current mark's cells are covered by a rule of the right kind.
    const flagged = own.flatMap((cf) => cf.ranges.map((r) => `${flagKindOfFormula(cf.formula)}:${r}`)).join(",");
    for (const m of result.report.status.marks) {
      if (m.status !== "overdue" && m.status !== "current") continue;
      for (const cell of m.mark.cells) expect(coveredBy(flagged, m.status, cell.split("!")[1]!)).toBe(true);
    }
    expect(result.flagged).toBe(result.report.status.marks.filter((m) => m.status === "overdue" || m.status === "current").reduce((n, m) => n + m.mark.cells.length, 0));
  });

  it("refreshing twice leaves the same workbook as refreshing once", async () => {
    await refreshStatus({ sheet: SHEET, asOf: AS_OF, now: NOW });
    const once = Object.fromEntries([SHEET, SUMMARY_SHEET, PLAN_SHEET, STORE_SHEET, "Notes"].map((n) => [n, snapshotSheet(sim, n)]));
    await refreshStatus({ sheet: SHEET, asOf: AS_OF, now: NOW });
    const twice = Object.fromEntries([SHEET, SUMMARY_SHEET, PLAN_SHEET, STORE_SHEET, "Notes"].map((n) => [n, snapshotSheet(sim, n)]));
    expect(twice).toEqual(once);
  });

  it("clear flags gives back exactly what the user had, the user's own rule included", async () => {
    const before = snapshotSheet(sim, SHEET);
    await refreshStatus({ sheet: SHEET, asOf: AS_OF, now: NOW });
    const { removed } = await clearFlags({ sheet: SHEET });
    expect(removed).toBeGreaterThan(0);
    expect(snapshotSheet(sim, SHEET)).toEqual(before);
    expect((await clearFlags({ sheet: SHEET })).removed).toBe(0);
  });

  it("stores the settings and the last refresh in a hidden sheet of its own, and reads them back", async () => {
    await saveSettings({ schoolYear: 2023, startMonth: 8, dueSoonDays: 45, markWords: { planned: ["P"], done: [], inProgress: [], cancelled: [] }, standardsEdition: "2011" });
    await refreshStatus({ sheet: SHEET, asOf: AS_OF, now: NOW });
    const state = await loadWorkbookState();
    expect(state.stored.settings.startMonth).toBe(8);
    expect(state.stored.settings.markWords.planned).toEqual(["P"]);
    expect(state.stored.settings.standardsEdition).toBe("2011");
    expect(state.stored.lastRefresh).toMatchObject({ asOf: AS_OF, sheet: SHEET, at: "2024-01-15T09:00:00.000Z" });
    expect(state.planSheet).toBe(SHEET);
    expect(state.sheets).not.toContain(STORE_SHEET);
    expect(snapshotSheet(sim, STORE_SHEET).visibility).toBe("VeryHidden");
  });

  it("goes to a cell, and applies a finding's fix only when asked, refusing a stale one", async () => {
    const { report } = await analyzeWorkbook({ sheet: SHEET, asOf: AS_OF });
    await goToCell("'PL Plan 2023-24'!E7");
    expect(selection(sim)).toEqual({ sheet: SHEET, address: "E7" });

    const lookalike = report.findings.find((f) => f.rule === "lookalike-mark")!;
    expect(snapshotSheet(sim, SHEET).cells["I7"]?.value).toBe("\u0425");
    await applyFix(lookalike.fix!);
    expect(snapshotSheet(sim, SHEET).cells["I7"]?.value).toBe("X");
    await expect(applyFix(lookalike.fix!)).rejects.toThrow(/has changed since the check/);

    const split = report.findings.find((f) => f.rule === "split-mark")!;
    await applyFix(split.fix!);
    const cells = snapshotSheet(sim, SHEET).cells;
    expect(cells["K9"]?.value).toBe("X");
    expect(cells["K10"]?.value ?? null).toBeNull();
  });
});

describe("when the adapter must stop, it says why and writes nothing", () => {
  it("on a protected sheet", async () => {
    const sim = await simFromFile(await planWorkbook());
    sim.sheet(SHEET).protect();
    const uninstall = installOfficeGlobals(sim);
    try {
      const sheets = sheetNames(sim);
      await expect(refreshStatus({ sheet: SHEET, asOf: AS_OF })).rejects.toThrow(/is protected.*Nothing was changed/);
      expect(sheetNames(sim)).toEqual(sheets);
    } finally {
      uninstall();
    }
  });

  it("on a sheet without a timeline", async () => {
    const sim = await simFromFile(await planWorkbook());
    const uninstall = installOfficeGlobals(sim);
    try {
      await expect(refreshStatus({ sheet: "Notes", asOf: AS_OF })).rejects.toThrow(/No plan found on "Notes".*three or more periods/);
      expect(sheetNames(sim)).toEqual([SHEET, "Notes"]);
    } finally {
      uninstall();
    }
  });

  it("on the theory of action's own sheet: why, in the words the command line and the pane use", async () => {
    const sim = await simFromFile(join(__dirname, "..", "..", "assets", "samples", "action-plan.xlsx"));
    const uninstall = installOfficeGlobals(sim);
    try {
      const sheets = sheetNames(sim);
      const refused = refreshStatus({ sheet: "Theory of Action", asOf: AS_OF });
      await expect(refused).rejects.toThrow(`"Theory of Action" ${THEORY_ONLY}. Choose a plan sheet to refresh.`);
      await expect(refused).rejects.toMatchObject({ kind: "no-timeline" });
      expect(sheetNames(sim)).toEqual(sheets);
    } finally {
      uninstall();
    }
  });

  it("on a sheet that does not exist", async () => {
    const sim = Sim.fromSheets({ Plan: [["Task", "Jul", "Aug", "Sep"]] });
    const uninstall = installOfficeGlobals(sim);
    try {
      await expect(analyzeWorkbook({ sheet: "Budget", asOf: AS_OF })).rejects.toThrow(/no sheet named "Budget"/);
    } finally {
      uninstall();
    }
  });
});

describe("on an older Excel (ExcelApi 1.7: no cell properties, no merged-area reads, no RangeAreas)", () => {
  it("still reads the plan and flags the cells, one rule per run of cells", async () => {
    const path = await planWorkbook();
    const sim = await simFromFile(path, { apiVersion: "1.7" });
    const uninstall = installOfficeGlobals(sim);
    try {
      const result = await refreshStatus({ sheet: SHEET, asOf: AS_OF, now: NOW });
      // Fills cannot be read, so the Gantt bar of the survey row is not seen; everything else is.
      const modern = await simFromFile(path);
      const restore = installOfficeGlobals(modern);
      let full;
      try {
        full = await analyzeWorkbook({ sheet: SHEET, asOf: AS_OF });
      } finally {
        restore();
        installOfficeGlobals(sim);
      }
      expect(result.report.summary.totals.scheduled).toBe(full.report.summary.totals.scheduled - 2);
      const own = snapshotSheet(sim, SHEET).conditionalFormats.filter((cf) => flagKindOfFormula(cf.formula) !== null);
      expect(own.length).toBe(result.rules);
    } finally {
      uninstall();
    }
  });
});

/** Whether a cell lies in one of the "kind:A1:B2" ranges listed. */
function coveredBy(list: string, kind: string, cell: string): boolean {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  const col = letters(m[1]!);
  const row = Number(m[2]);
  return list.split(",").some((entry) => {
    const [k, range] = entry.split(":", 2) as [string, string];
    if (k !== kind) return false;
    const rest = entry.slice(k.length + 1);
    const [a, b] = rest.split(":");
    const pa = /^([A-Z]+)(\d+)$/.exec(a!)!;
    const pb = /^([A-Z]+)(\d+)$/.exec((b ?? a)!)!;
    void range;
    return row >= Number(pa[2]) && row <= Number(pb[2]) && col >= letters(pa[1]!) && col <= letters(pb[1]!);
  });
}

function letters(s: string): number {
  return [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function sheetNames(sim: Sim): string[] {
  return sim.model.sheets.map((s) => s.name);
}

function selection(sim: Sim): { sheet: string; address: string } | null {
  const sel = sim.model.selection;
  if (!sel) return null;
  const sheet = sim.model.sheets.find((s) => s.id === sel.sheetId)!;
  const first = `${columnName(sel.rect.col)}${sel.rect.row + 1}`;
  return { sheet: sheet.name, address: first };
}

function columnName(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
