/** .xlsx I/O with exceljs: reading a user's file, and load -> save -> load round trips. */
import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Sim, snapshotWorkbook } from "../../src/office-sim";
import { simFromFile } from "./files";

/** A workbook as a user (or Excel) would have it, written with exceljs directly. */
async function userFile(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const plan = wb.addWorksheet("Plan 2024", { properties: { tabColor: { argb: "FF00B050" } } });
  plan.getCell("A1").value = "Task";
  plan.getCell("B1").value = new Date(Date.UTC(2024, 0, 1));
  plan.getCell("B1").numFmt = "mmm yy";
  plan.getCell("C1").value = new Date(Date.UTC(2024, 1, 1));
  plan.getCell("C1").numFmt = "mmm yy";
  plan.getCell("A2").value = { richText: [{ text: "Bold " , font: { bold: true } }, { text: "start" }] };
  plan.getCell("B2").value = "x";
  plan.getCell("B2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  plan.getCell("B2").font = { bold: true, italic: true, color: { argb: "FFFF0000" }, name: "Calibri", size: 11 };
  plan.getCell("A3").value = { formula: "1+1", result: 2 };
  plan.getCell("B3").value = { error: "#N/A" };
  plan.getCell("C3").value = { formula: "B3", result: { error: "#N/A" } };
  plan.getCell("A4").value = { text: "docs", hyperlink: "https://example.com/docs", tooltip: "open" };
  plan.getCell("A5").value = 0.25;
  plan.getCell("A5").numFmt = "0%";
  plan.getCell("A6").value = true;
  plan.mergeCells("D1:E2");
  plan.getCell("A7").value = "hidden row";
  plan.getRow(7).hidden = true;
  plan.getColumn(6).hidden = true;
  plan.getColumn(1).width = 20;
  plan.addConditionalFormatting({
    ref: "B2:C3 E5",
    rules: [
      {
        type: "expression",
        priority: 1,
        formulae: ['B2="x"'],
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } }, font: { color: { argb: "FF9C0006" }, bold: true } },
      },
    ],
  });
  plan.addConditionalFormatting({ ref: "A10:A20", rules: [{ type: "dataBar", priority: 2, cfvo: [{ type: "min" }, { type: "max" }], color: { argb: "FF638EC6" } } as unknown as ExcelJS.ConditionalFormattingRule] });
  const data = wb.addWorksheet("Data");
  data.addTable({ name: "People", ref: "A1", headerRow: true, columns: [{ name: "Name" }, { name: "Age" }], rows: [["Ann", 30], ["Bob", 41]] });
  await data.protect("", { formatCells: true });
  wb.addWorksheet("Hidden", { state: "hidden" });
  wb.addWorksheet("Store", { state: "veryHidden" }).getCell("A1").value = "{\"v\":1}";
  wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 1, visibility: "visible" }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("reading a user's .xlsx", () => {
  it("maps values, formats, merges, hidden lines, CFs, visibility, protection, links, tables and the active sheet", async () => {
    const sim = await Sim.fromXlsx(await userFile());
    expect(sim.model.sheets.map((s) => `${s.name}:${s.visibility}`)).toEqual(["Plan 2024:Visible", "Data:Visible", "Hidden:Hidden", "Store:VeryHidden"]);
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Plan 2024");
      const r = ws.getRange("A1:C6").load("values, text, numberFormat, formulas, valueTypes");
      const b2 = ws.getRange("B2").format.load("fill/color, font/bold, font/italic, font/color");
      const link = ws.getRange("A4").load("hyperlink");
      const merged = ws.getRange("A1:F10").getMergedAreasOrNullObject().load("address");
      const hidden = ws.getRange("A1:F7").getRowProperties({ rowIndex: true, rowHidden: true });
      const cols = ws.getRange("A1:F1").getColumnProperties({ columnHidden: true, format: { columnWidth: true } });
      const cfs = ws.getRange().conditionalFormats.load("items/type, items/customOrNullObject/rule/formula, items/customOrNullObject/format/fill/color, items/customOrNullObject/format/font/color");
      const active = ctx.workbook.worksheets.getActiveWorksheet().load("name");
      const data = ctx.workbook.worksheets.getItem("Data");
      data.protection.load("protected, options");
      const people = ctx.workbook.tables.getItem("People").getRange().load("address, values");
      await ctx.sync();

      expect(r.values[0]).toEqual(["Task", 45292, 45323]);
      expect(r.text[0]).toEqual(["Task", "Jan 24", "Feb 24"]);
      expect(r.values[1]![0]).toBe("Bold start");
      expect(r.formulas[2]).toEqual(["=1+1", "#N/A", "=B3"]);
      expect(r.values[2]).toEqual([2, "#N/A", "#N/A"]);
      expect(r.valueTypes[2]).toEqual(["Double", "Error", "Error"]);
      expect(r.values[3]![0]).toBe("docs");
      expect(r.text[4]![0]).toBe("25%");
      expect(r.values[5]![0]).toBe(true);
      expect([b2.fill.color, b2.font.bold, b2.font.italic, b2.font.color]).toEqual(["#FFFF00", true, true, "#FF0000"]);
      // exceljs does not read hyperlink tooltips back (screenTip is lost on load)
      expect(link.hyperlink).toEqual({ address: "https://example.com/docs", textToDisplay: "docs" });
      expect(merged.address).toBe("'Plan 2024'!D1:E2");
      expect(hidden.value.map((h) => h.rowHidden)).toEqual([false, false, false, false, false, false, true]);
      expect(cols.value.map((c) => c.columnHidden)).toEqual([false, false, false, false, false, true]);
      expect(cols.value[0]!.format?.columnWidth).toBe(105);
      expect(cfs.items.map((c) => c.type)).toEqual(["Custom", "DataBar"]);
      expect(cfs.items[0]!.customOrNullObject.rule.formula).toBe('=B2="x"');
      expect(cfs.items[0]!.customOrNullObject.format.fill.color).toBe("#FFC7CE");
      expect(cfs.items[0]!.customOrNullObject.format.font.color).toBe("#9C0006");
      expect(active.name).toBe("Data");
      expect(data.protection.protected).toBe(true);
      expect(data.protection.options.allowFormatCells).toBe(true);
      expect(people.address).toBe("Data!A1:B3");
      expect(people.values).toEqual([["Name", "Age"], ["Ann", 30], ["Bob", 41]]);
    });
    const snap = snapshotWorkbook(sim)["Plan 2024"]!;
    expect(snap.tabColor).toBe("#00B050");
    expect(snap.conditionalFormats[0]!.ranges).toEqual(["B2:C3", "E5"]);
  });
});

describe("round trips", () => {
  it("load -> save -> load keeps values, formats, fills, merges, hidden rows/columns, CFs, visibility, protection, tables", async () => {
    const first = await Sim.fromXlsx(await userFile());
    const second = await Sim.fromXlsx(await first.toXlsx());
    const third = await Sim.fromXlsx(await second.toXlsx());
    expect(snapshotWorkbook(second)).toEqual(snapshotWorkbook(first));
    expect(snapshotWorkbook(third)).toEqual(snapshotWorkbook(first));
    expect(second.model.sheets.find((s) => s.id === second.model.activeSheetId)?.name).toBe("Data");
    expect(second.model.tables.map((t) => t.name)).toEqual(["People"]);
  });

  it("keeps what the API wrote: formats, CFs on several areas, a table, a very hidden store, a password", async () => {
    const sim = Sim.fromSheets({ Plan: [["Task", "Jan", "Feb"], ["A", "x", ""], ["B", "", "x"]] });
    await sim.run(async (ctx) => {
      const plan = ctx.workbook.worksheets.getItem("Plan");
      plan.getRange("A1:C1").format.font.bold = true;
      plan.getRange("B1:C1").numberFormat = [["@", "@"]];
      plan.getRange("A2:A3").format.fill.color = "#DDEBF7";
      plan.getRange("C:C").format.columnWidth = 100;
      plan.getRange().format.font.name = "Arial";
      plan.getRange("4:4").rowHidden = true;
      plan.getRange("A5:B5").merge();
      plan.getRange("A6").hyperlink = { documentReference: "'Milestone Summary'!A1", textToDisplay: "summary" };
      const cf = plan.getRanges("B2:B3, C2:C3").conditionalFormats.add("Custom");
      cf.custom.rule.formula = '=B2="x"';
      cf.custom.format.fill.color = "#FFC7CE";
      cf.custom.format.font.bold = true;
      const summary = ctx.workbook.worksheets.add("Milestone Summary");
      summary.getRange("A1:B3").values = [["Status", "Count"], ["Overdue", 1], ["Done", 2]];
      summary.tables.add("A1:B3", true).name = "Summary";
      summary.freezePanes.freezeRows(1);
      summary.charts.add("Pie", summary.getRange("A1:B3"), "Columns");
      const store = ctx.workbook.worksheets.add("Store");
      store.getRange("A1").values = [['{"asOf":"2024-01-15"}']];
      store.visibility = "VeryHidden";
      store.protection.protect({ allowFormatColumns: true }, "secret");
      await ctx.sync();
    });
    const dir = mkdtempSync(join(tmpdir(), "office-sim-"));
    const file = join(dir, "saved.xlsx");
    writeFileSync(file, await sim.toXlsx());
    const back = await simFromFile(file);
    const a = snapshotWorkbook(sim);
    const b = snapshotWorkbook(back);
    expect(b["Milestone Summary"]!.charts).toEqual([]); // exceljs cannot write charts
    a["Milestone Summary"]!.charts = [];
    expect(b).toEqual(a);
    expect(Object.keys(b["Plan"]!.columnFormats)).toEqual(["A:XFD"]);
    expect(b["Plan"]!.columnWidths).toEqual({ C: 99.75 });
    expect(back.model.name).toBe("saved.xlsx");
    // the password survives as a hash
    const ctx = back.newContext();
    const store = ctx.workbook.worksheets.getItem("Store");
    store.protection.unprotect("secret");
    store.getRange("A2").values = [["ok"]];
    await ctx.sync();
    expect(back.sheetModel("Store").getCell(1, 0)?.value).toBe("ok");
  });

  it("fromExcelJs / toExcelJs work on workbook objects", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getCell("B2").value = 42;
    const sim = Sim.fromExcelJs(wb);
    const out = await sim.toExcelJs();
    expect(out.getWorksheet("S")?.getCell("B2").value).toBe(42);
  });
});
