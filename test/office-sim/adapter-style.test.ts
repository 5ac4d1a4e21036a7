/**
 * Code written only against @types/office-js (as the real adapter will be) runs on the
 * simulator, and the simulator's statistics and snapshots can judge it.
 */
import { Sim, asExcelContext, installOfficeGlobals, snapshotSheet } from "../../src/office-sim";

/** A typical adapter routine: read the used range in one sync, flag cells with a CF, write a summary sheet. */
async function flagAndSummarize(context: Excel.RequestContext, planSheet: string): Promise<number> {
  const sheet = context.workbook.worksheets.getItem(planSheet);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("values, rowCount, columnCount, address");
  const existing = context.workbook.worksheets.getItemOrNullObject("Milestone Summary");
  await context.sync();
  if (used.isNullObject) return 0;

  let marks = 0;
  for (const row of used.values) for (const v of row) if (v === "x") marks++;

  if (Office.context.requirements.isSetSupported("ExcelApi", "1.6")) context.application.suspendApiCalculationUntilNextSync();
  const body = used.getOffsetRange(1, 1).getResizedRange(-1, -1);
  const cf = body.conditionalFormats.add(Excel.ConditionalFormatType.custom);
  cf.custom.rule.formula = '=B2="x"';
  cf.custom.format.fill.color = "#FFC7CE";

  const summary = existing.isNullObject ? context.workbook.worksheets.add("Milestone Summary") : existing;
  const out = summary.getRange("A1:B2");
  out.numberFormat = [["@", "@"], ["@", "0"]];
  out.values = [["Marks", "=not a formula"], ["Total", marks]];
  summary.getRange("A1:B1").format.font.bold = true;
  summary.freezePanes.freezeRows(1);
  await context.sync();
  return marks;
}

describe("adapter-style code against the simulator", () => {
  it("runs through Excel.run with globals, in few syncs, without touching user cells", async () => {
    const sim = Sim.fromSheets({ Plan: [["Task", "Jan", "Feb"], ["Survey", "x", ""], ["Report", "", "x"]] });
    sim.sheet("Plan").fill("B2", "#DDEBF7");
    const before = snapshotSheet(sim, "Plan");
    const uninstall = installOfficeGlobals(sim);
    let marks = 0;
    try {
      marks = await Excel.run((context) => flagAndSummarize(context, "Plan"));
    } finally {
      uninstall();
    }
    expect(marks).toBe(2);
    expect(sim.stats.roundTrips).toBe(2);
    expect(sim.stats.suspendApiCalculation).toBe(1);
    const after = snapshotSheet(sim, "Plan");
    expect(after.cells).toEqual(before.cells);
    expect(after.conditionalFormats.map((c) => [c.ranges, c.formula])).toEqual([[["B2:C3"], '=B2="x"']]);
    const summary = snapshotSheet(sim, "Milestone Summary");
    expect(summary.cells["B1"]).toMatchObject({ value: "=not a formula", formula: null });
    expect(summary.cells["B2"]).toMatchObject({ value: 2, numberFormat: "0" });
    expect(summary.frozenRows).toBe(1);
  });

  it("also runs with a context passed in, via asExcelContext", async () => {
    const sim = Sim.fromSheets({ Plan: [["Task", "Jan"], ["A", "x"]] });
    const uninstall = installOfficeGlobals(sim);
    try {
      const marks = await sim.run((context) => flagAndSummarize(asExcelContext(context), "Plan"));
      expect(marks).toBe(1);
    } finally {
      uninstall();
    }
  });
});
