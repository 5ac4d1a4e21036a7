/** Range values, text, formats, merges, RangeAreas, conditional formats and worksheet operations. */
import { ExcelEnums, Sim, SimOfficeError, snapshotSheet } from "../../src/office-sim";

async function rejection(p: Promise<unknown>): Promise<SimOfficeError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SimOfficeError) return e;
    throw e;
  }
  throw new Error("expected the promise to reject");
}

describe("values, formulas and text", () => {
  it("interprets written strings like Excel, unless the cell is formatted as text", async () => {
    const sim = Sim.empty();
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      const typed = ws.getRange("A1:F1");
      typed.values = [["00123", "1/15/2024", "50%", "1,234", "#N/A", "=A1*2"]];
      const text = ws.getRange("A2:C2");
      text.numberFormat = [["@", "@", "@"]];
      text.values = [["00123", "=SUM(A1)", "1/15/2024"]];
      typed.load("values, numberFormat, text, valueTypes, formulas");
      text.load("values, formulas, valueTypes");
      await ctx.sync();
      expect(typed.values).toEqual([[123, 45306, 0.5, 1234, "#N/A", 246]]);
      expect(typed.numberFormat).toEqual([["General", "m/d/yyyy", "0%", "#,##0", "General", "General"]]);
      expect(typed.text).toEqual([["123", "1/15/2024", "50%", "1,234", "#N/A", "246"]]);
      expect(typed.valueTypes).toEqual([["Double", "Double", "Double", "Double", "Error", "Double"]]);
      expect(typed.formulas[0]![5]).toBe("=A1*2");
      expect(text.values).toEqual([["00123", "=SUM(A1)", "1/15/2024"]]);
      expect(text.formulas).toEqual([["00123", "=SUM(A1)", "1/15/2024"]]);
      expect(text.valueTypes).toEqual([["String", "String", "String"]]);
    });
  });

  it("formulas written through values are stored as formulas; unknown functions read as null", async () => {
    const sim = Sim.fromSheets({ S: [[2, 3]] });
    await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("C1:E1");
      r.values = [["=A1+B1", "=SUM(A1:B1)*2", "=VLOOKUP(1,A1:B1,2,FALSE)"]];
      r.load("values, formulas");
      await ctx.sync();
      expect(r.formulas).toEqual([["=A1+B1", "=SUM(A1:B1)*2", "=VLOOKUP(1,A1:B1,2,FALSE)"]]);
      expect(r.values).toEqual([[5, 10, null]]);
    });
  });

  it("formats text for General, number, percent, date and text formats", async () => {
    const sim = Sim.empty();
    const serial = 45306.5; // 2024-01-15 12:00
    const cases: Array<[string | number | boolean, string, string]> = [
      [1234.5, "General", "1234.5"],
      [1 / 3, "General", "0.333333333"],
      [1234.5, "0.00", "1234.50"],
      [1234.5, "#,##0.00", "1,234.50"],
      [-5, "0", "-5"],
      [0.256, "0.0%", "25.6%"],
      [serial, "mmm yyyy", "Jan 2024"],
      [serial, "mmmm d, yyyy", "January 15, 2024"],
      [serial, "d/m/yy", "15/1/24"],
      [serial, "dd/mm/yyyy", "15/01/2024"],
      [serial, "dddd", "Monday"],
      [serial, "yyyy-mm-dd hh:mm", "2024-01-15 12:00"],
      [serial, "h:mm AM/PM", "12:00 PM"],
      ["abc", "@", "abc"],
      [42, "@", "42"],
      [42, '"Week "0', "Week 42"],
      [true, "General", "TRUE"],
    ];
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      const r = ws.getRange(`A1:A${cases.length}`);
      r.numberFormat = cases.map((c) => [c[1]]);
      r.values = cases.map((c) => [c[0]]);
      r.load("text");
      await ctx.sync();
      expect(r.text.map((t) => t[0])).toEqual(cases.map((c) => c[2]));
    });
  });
});

describe("formats", () => {
  it("sets and reads fill, font, alignment, wrap, widths and heights", async () => {
    const sim = Sim.empty();
    await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getActiveWorksheet().getRange("A1:B2");
      r.format.fill.color = "yellow";
      r.format.font.bold = true;
      r.format.font.color = "#ff0000";
      r.format.font.size = 14;
      r.format.font.name = "Arial";
      r.format.font.italic = true;
      r.format.wrapText = true;
      r.format.horizontalAlignment = "Center";
      r.format.columnWidth = 100;
      r.format.rowHeight = 30;
      r.load({ format: { fill: { color: true }, font: { bold: true, color: true, size: true, name: true, italic: true }, wrapText: true, horizontalAlignment: true, columnWidth: true, rowHeight: true } });
      await ctx.sync();
      expect(r.format.fill.color).toBe("#FFFF00");
      expect([r.format.font.bold, r.format.font.color, r.format.font.size, r.format.font.name, r.format.font.italic]).toEqual([true, "#FF0000", 14, "Arial", true]);
      // widths and heights snap to whole pixels: 100 pt -> 133 px -> 99.75 pt
      expect([r.format.wrapText, r.format.horizontalAlignment, r.format.columnWidth, r.format.rowHeight]).toEqual([true, "Center", 99.75, 30]);
      r.getCell(0, 0).format.fill.clear();
      r.format.fill.load("color");
      await ctx.sync();
      expect(r.format.fill.color).toBeNull(); // mixed
    });
  });

  it("rejects bad format values at sync", async () => {
    const sim = Sim.empty();
    const ctx = sim.newContext();
    ctx.workbook.worksheets.getActiveWorksheet().getRange("A1").format.horizontalAlignment = "Middle";
    expect((await rejection(ctx.sync())).code).toBe("InvalidArgument");
    ctx.workbook.worksheets.getActiveWorksheet().getRange("A1").format.fill.color = "not a color";
    expect((await rejection(ctx.sync())).code).toBe("InvalidArgument");
  });

  it("hides rows and columns through rowHidden / columnHidden", async () => {
    const sim = Sim.fromSheets({ S: [[1, 2], [3, 4]] });
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.getRange("2:2").rowHidden = true;
      ws.getRange("B:B").columnHidden = true;
      const all = ws.getRange("A1:B2").load("rowHidden, columnHidden");
      const row2 = ws.getRange("A2").load("rowHidden");
      await ctx.sync();
      expect([all.rowHidden, all.columnHidden, row2.rowHidden]).toEqual([null, null, true]);
    });
    expect(snapshotSheet(sim, "S").hiddenRows).toEqual([2]);
    expect(snapshotSheet(sim, "S").hiddenColumns).toEqual(["B"]);
  });

  it("setCellProperties formats cell by cell in one call", async () => {
    const sim = Sim.fromSheets({ S: [[1, 2]] });
    await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1:B1");
      r.setCellProperties([[{ format: { fill: { color: "#00FF00" } } }, { format: { font: { bold: true } } }]]);
      const props = r.getCellProperties({ format: { fill: { color: true }, font: { bold: true } } });
      await ctx.sync();
      expect(props.value).toEqual([[{ format: { fill: { color: "#00FF00" }, font: { bold: false } } }, { format: { fill: { color: "#FFFFFF" }, font: { bold: true } } }]]);
    });
  });

  it("clear applies to formats, contents or all", async () => {
    const sim = Sim.fromSheets({ S: [[1, 2, 3]] });
    sim.sheet("S").fill("A1:C1", "#FF0000");
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.getRange("A1").clear("Formats");
      ws.getRange("B1").clear("Contents");
      ws.getRange("C1").clear();
      await ctx.sync();
    });
    const cells = snapshotSheet(sim, "S").cells;
    expect(cells["A1"]).toMatchObject({ value: 1, fill: null });
    expect(cells["B1"]).toMatchObject({ value: null, fill: "#FF0000" });
    expect(cells["C1"]).toBeUndefined();
  });

  it("hyperlinks: set, read back, display text", async () => {
    const sim = Sim.fromSheets({ S: [["existing"]] });
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.getRange("A1").hyperlink = { documentReference: "'S'!C5", screenTip: "go" };
      ws.getRange("A2").hyperlink = { address: "https://example.com", textToDisplay: "site" };
      const a1 = ws.getRange("A1").load("hyperlink, values");
      const a2 = ws.getRange("A2").load("hyperlink, values");
      const a3 = ws.getRange("A3").load("hyperlink");
      await ctx.sync();
      expect(a1.hyperlink).toEqual({ documentReference: "'S'!C5", screenTip: "go", textToDisplay: "existing" });
      expect(a1.values).toEqual([["existing"]]);
      expect(a2.hyperlink).toEqual({ address: "https://example.com", textToDisplay: "site" });
      expect(a2.values).toEqual([["site"]]);
      expect(a3.hyperlink).toBeNull();
    });
  });
});

describe("addresses and derived ranges", () => {
  it("quotes sheet names like Excel and derives ranges lazily", async () => {
    const sim = Sim.fromSheets({ "My Plan": [[1]], Plain: [[1]], "2024": [[1]] });
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("My Plan");
      const base = ws.getRange("B2:D5");
      const parts = [
        base,
        base.getCell(1, 1),
        base.getOffsetRange(1, 0),
        base.getResizedRange(-1, 1),
        base.getRow(0),
        base.getColumn(2),
        base.getEntireRow(),
        base.getEntireColumn(),
        ctx.workbook.worksheets.getItem("Plain").getRange(),
        ctx.workbook.worksheets.getItem("2024").getRangeByIndexes(0, 0, 2, 2),
      ].map((r) => r.load("address, rowIndex, columnIndex, rowCount, columnCount"));
      await ctx.sync();
      expect(parts.map((p) => p.address)).toEqual([
        "'My Plan'!B2:D5",
        "'My Plan'!C3",
        "'My Plan'!B3:D6",
        "'My Plan'!B2:E4",
        "'My Plan'!B2:D2",
        "'My Plan'!D2:D5",
        "'My Plan'!2:5",
        "'My Plan'!B:D",
        "Plain!1:1048576",
        "'2024'!A1:B2",
      ]);
      expect([parts[0]!.rowIndex, parts[0]!.columnIndex, parts[0]!.rowCount, parts[0]!.columnCount]).toEqual([1, 1, 4, 3]);
    });
  });

  it("select() changes getSelectedRange", async () => {
    const sim = Sim.fromSheets({ A: [], B: [] });
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("B").getRange("C3:D4").select();
      const sel = ctx.workbook.getSelectedRange().load("address");
      await ctx.sync();
      expect(sel.address).toBe("B!C3:D4");
    });
  });
});

describe("merges and RangeAreas", () => {
  it("merge keeps the top-left value; getMergedAreasOrNullObject lists merged areas", async () => {
    const sim = Sim.fromSheets({ S: [[1, 2, 3], [4, 5, 6]] });
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.getRange("A1:B2").merge();
      ws.getRange("C1:C2").merge();
      const merged = ws.getRange("A1:D4").getMergedAreasOrNullObject();
      merged.load("address, areaCount");
      merged.areas.load("items/address");
      const none = ws.getRange("E1:F2").getMergedAreasOrNullObject();
      const values = ws.getRange("A1:C2").load("values");
      await ctx.sync();
      expect(merged.address).toBe("S!A1:B2, S!C1:C2");
      expect(merged.areaCount).toBe(2);
      expect(merged.areas.items.map((a) => a.address)).toEqual(["S!A1:B2", "S!C1:C2"]);
      expect(none.isNullObject).toBe(true);
      expect(values.values).toEqual([[1, "", 3], ["", "", ""]]);
      ws.getRange("A1:B2").unmerge();
      await ctx.sync();
    });
    expect(snapshotSheet(sim, "S").merges).toEqual(["C1:C2"]);
  });

  it("getRanges formats several areas at once", async () => {
    const sim = Sim.empty();
    await sim.run(async (ctx) => {
      const areas = ctx.workbook.worksheets.getActiveWorksheet().getRanges("A1:B2, D4");
      areas.format.fill.color = "#FF0000";
      areas.load("address, areaCount, cellCount");
      await ctx.sync();
      expect([areas.address, areas.areaCount, areas.cellCount]).toEqual(["Sheet1!A1:B2, Sheet1!D4", 2, 5]);
    });
    const cells = snapshotSheet(sim, "Sheet1").cells;
    expect(Object.keys(cells).sort()).toEqual(["A1", "A2", "B1", "B2", "D4"]);
    expect(cells["D4"]?.fill).toBe("#FF0000");
  });
});

describe("conditional formats", () => {
  it("add / read / delete custom formats without touching cell formats", async () => {
    const sim = Sim.fromSheets({ Plan: [["Task", "Jan", "Feb"], ["A", "x", ""], ["B", "", "x"]] });
    sim.sheet("Plan").fill("B2", "#DDEBF7").font("A1:C1", { bold: true });
    const before = snapshotSheet(sim, "Plan");
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Plan");
      const cf = ws.getRange("B2:C3").conditionalFormats.add(ExcelEnums.ConditionalFormatType.custom);
      cf.custom.rule.formula = '=AND(B2="x",B$1<"Feb")';
      cf.custom.format.fill.color = "#FFC7CE";
      cf.custom.format.font.color = "#9C0006";
      cf.custom.format.font.bold = true;
      ws.getRange("A2:A3").conditionalFormats.add("DataBar");
      await ctx.sync();

      const all = ws.getRange().conditionalFormats;
      all.load("items/type, items/priority, items/customOrNullObject/rule/formula, items/customOrNullObject/format/fill/color");
      const count = all.getCount();
      const onB2 = ws.getRange("B2").conditionalFormats.getCount();
      const onA1 = ws.getRange("A1").conditionalFormats.getCount();
      await ctx.sync();
      expect(count.value).toBe(2);
      expect([onB2.value, onA1.value]).toEqual([1, 0]);
      expect(all.items.map((i) => i.type)).toEqual(["DataBar", "Custom"]);
      expect(all.items.map((i) => i.priority)).toEqual([0, 1]);
      const [bar, custom] = all.items;
      expect(bar!.customOrNullObject.isNullObject).toBe(true);
      expect(custom!.customOrNullObject.rule.formula).toBe('=AND(B2="x",B$1<"Feb")');
      expect(custom!.customOrNullObject.format.fill.color).toBe("#FFC7CE");
      const range = custom!.getRange().load("address");
      await ctx.sync();
      expect(range.address).toBe("Plan!B2:C3");

      // `custom` on a non-custom CF fails at sync, like Office.js
      bar!.custom.rule.load("formula");
      expect((await rejection(ctx.sync())).code).toBe("InvalidOperation");

      const fill = ws.getRange("B2").format.fill.load("color");
      await ctx.sync();
      expect(fill.color).toBe("#DDEBF7"); // a CF never changes the cell's own format
    });
    const after = snapshotSheet(sim, "Plan");
    expect(after.cells).toEqual(before.cells);
    expect(after.conditionalFormats).toHaveLength(2);
    await sim.run(async (ctx) => {
      const cfs = ctx.workbook.worksheets.getItem("Plan").getRange().conditionalFormats;
      cfs.load("items/type");
      await ctx.sync();
      cfs.items.forEach((cf) => cf.delete());
      await ctx.sync();
    });
    expect(snapshotSheet(sim, "Plan")).toEqual(before);
  });

  it("a CF added on RangeAreas applies to every area", async () => {
    const sim = Sim.empty();
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      const cf = ws.getRanges("A1:A3, C1:C3").conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=A1>0";
      cf.custom.format.fill.color = "#00FF00";
      const single = cf.getRangeOrNullObject();
      const areas = cf.getRanges().load("address");
      const onC2 = ws.getRange("C2").conditionalFormats.getCount();
      await ctx.sync();
      expect(single.isNullObject).toBe(true);
      expect(areas.address).toBe("Sheet1!A1:A3, Sheet1!C1:C3");
      expect(onC2.value).toBe(1);
    });
  });

  it("clearAll removes conditional formatting from the range's cells only", async () => {
    const sim = Sim.empty();
    sim.sheet("Sheet1").conditionalFormat("A1:A10", { formula: "=A1=1", fill: "#FF0000" });
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange("A1:A5").conditionalFormats.clearAll();
      await ctx.sync();
    });
    expect(snapshotSheet(sim, "Sheet1").conditionalFormats.map((c) => c.ranges)).toEqual([["A6:A10"]]);
  });
});

describe("worksheets", () => {
  it("add, rename, move, hide, tab color, freeze panes, delete", async () => {
    const sim = Sim.fromSheets({ Plan: [[1]] });
    await sim.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      const store = sheets.add("Store");
      store.visibility = ExcelEnums.SheetVisibility.veryHidden;
      const summary = sheets.add("Summary");
      summary.position = 0;
      summary.tabColor = "#4472C4";
      summary.freezePanes.freezeRows(2);
      summary.name = "Milestone Summary";
      summary.activate();
      sheets.load("items/name, items/visibility, items/position");
      const active = sheets.getActiveWorksheet().load("name");
      await ctx.sync();
      expect(sheets.items.map((s) => `${s.position}:${s.name}:${s.visibility}`)).toEqual([
        "0:Milestone Summary:Visible",
        "1:Plan:Visible",
        "2:Store:VeryHidden",
      ]);
      expect(active.name).toBe("Milestone Summary");
      sheets.add("plan");
      expect((await rejection(ctx.sync())).code).toBe("ItemAlreadyExists");
      sheets.add("bad:name");
      expect((await rejection(ctx.sync())).code).toBe("InvalidArgument");
      summary.delete();
      await ctx.sync();
      sheets.getItem("Plan").visibility = "Hidden";
      expect((await rejection(ctx.sync())).code).toBe("InvalidOperation");
    });
    const snap = snapshotSheet(sim, "Store");
    expect(snap.visibility).toBe("VeryHidden");
    expect(sim.model.sheets.map((s) => s.name)).toEqual(["Plan", "Store"]);
  });

  it("autofitColumns widens a column to its text", async () => {
    const sim = Sim.fromSheets({ S: [["a much longer piece of text than fits"]] });
    await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A:A");
      r.format.autofitColumns();
      r.format.load("columnWidth");
      await ctx.sync();
      expect(r.format.columnWidth).toBeGreaterThan(100);
    });
  });
});
