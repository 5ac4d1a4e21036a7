/** Tables and charts. */
import { Sim, SimOfficeError, snapshotSheet } from "../../src/office-sim";

async function rejection(p: Promise<unknown>): Promise<SimOfficeError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SimOfficeError) return e;
    throw e;
  }
  throw new Error("expected the promise to reject");
}

describe("tables", () => {
  it("tables.add over existing values makes headers text and keeps the data", async () => {
    const sim = Sim.fromSheets({ Plan: [["Task", "", 2024, "Task"], ["A", 1, 2, 3], ["B", 4, 5, 6]] });
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Plan");
      const table = ws.tables.add("A1:D3", true);
      table.name = "MilestonePlan";
      table.style = "TableStyleLight9";
      table.load("name, style, showHeaders, showBandedRows");
      const header = table.getHeaderRowRange().load("values, address");
      const body = table.getDataBodyRange().load("values, address");
      const cols = table.columns.load("items/name");
      await ctx.sync();
      expect([table.name, table.style, table.showHeaders, table.showBandedRows]).toEqual(["MilestonePlan", "TableStyleLight9", true, true]);
      expect(header.values).toEqual([["Task", "Column2", "2024", "Task2"]]);
      expect(body.address).toBe("Plan!A2:D3");
      expect(body.values).toEqual([["A", 1, 2, 3], ["B", 4, 5, 6]]);
      expect(cols.items.map((c) => c.name)).toEqual(["Task", "Column2", "2024", "Task2"]);
      const again = ctx.workbook.tables.getItemOrNullObject("milestoneplan");
      const missing = ctx.workbook.tables.getItemOrNullObject("Other");
      const count = ctx.workbook.tables.getCount();
      await ctx.sync();
      expect([again.isNullObject, missing.isNullObject, count.value]).toEqual([false, true, 1]);
    });
  });

  it("without headers a header row is inserted above the data", async () => {
    const sim = Sim.fromSheets({ S: [[1, 2], [3, 4]] });
    await sim.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem("S").tables.add("A1:B2", false);
      const all = t.getRange().load("address, values");
      await ctx.sync();
      expect(all.address).toBe("S!A1:B3");
      expect(all.values).toEqual([["Column1", "Column2"], [1, 2], [3, 4]]);
    });
  });

  it("fails on overlap with another table or a merged area", async () => {
    const sim = Sim.fromSheets({ S: [["a", "b", "c"], [1, 2, 3], [4, 5, 6]] });
    sim.sheet("S").merge("E1:F1");
    const ctx = sim.newContext();
    const ws = ctx.workbook.worksheets.getItem("S");
    ws.tables.add("A1:B3", true);
    await ctx.sync();
    ws.tables.add("B1:C3", true);
    expect((await rejection(ctx.sync())).code).toBe("MergedRangeConflict");
    ws.tables.add("E1:F3", true);
    expect((await rejection(ctx.sync())).code).toBe("MergedRangeConflict");
  });

  it("rows.add works but is counted in stats.tableRowAdds; writing the body is the alternative", async () => {
    const sim = Sim.fromSheets({ S: [["Name", "N"], ["a", 1]] });
    sim.sheet("S").table("A1:B2", { name: "T" });
    await sim.run(async (ctx) => {
      const t = ctx.workbook.tables.getItem("T");
      t.rows.add(undefined, [["b", 2]]);
      const body = t.getDataBodyRange().load("values");
      const rows = t.rows.load("count");
      await ctx.sync();
      expect(body.values).toEqual([["a", 1], ["b", 2]]);
      expect(rows.count).toBe(2);
    });
    expect(sim.stats.tableRowAdds).toBe(1);
  });

  it("delete removes the table and leaves the values", async () => {
    const sim = Sim.fromSheets({ S: [["Name", "N"], ["a", 1]] });
    sim.sheet("S").table("A1:B2", { name: "T" });
    await sim.run(async (ctx) => {
      ctx.workbook.tables.getItem("T").delete();
      await ctx.sync();
    });
    const snap = snapshotSheet(sim, "S");
    expect(snap.tables).toEqual([]);
    expect(snap.cells["B2"]?.value).toBe(1);
  });
});

describe("charts", () => {
  it("adds, names, titles, positions and deletes a chart", async () => {
    const sim = Sim.fromSheets({ S: [["Status", "Count"], ["Overdue", 3], ["Done", 5]] });
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      const chart = ws.charts.add("ColumnClustered", ws.getRange("A1:B3"), "Columns");
      chart.name = "StatusChart";
      chart.title.text = "Status";
      chart.setPosition("D2", "J15");
      chart.load("name, top, left, width, height");
      chart.title.load("text");
      const found = ws.charts.getItemOrNullObject("StatusChart");
      const missing = ws.charts.getItemOrNullObject("Nope");
      await ctx.sync();
      expect([chart.name, chart.title.text]).toEqual(["StatusChart", "Status"]);
      expect([chart.left, chart.top, chart.width, chart.height]).toEqual([3 * 48, 15, 7 * 48, 14 * 15]);
      expect([found.isNullObject, missing.isNullObject]).toEqual([false, true]);
      ws.charts.add("NotAChartType", ws.getRange("A1:B3"));
      expect((await rejection(ctx.sync())).code).toBe("InvalidArgument");
      chart.delete();
      ws.charts.load("items/name");
      await ctx.sync();
      expect(ws.charts.items).toHaveLength(0);
    });
  });
});
