/**
 * The Office.js contract the simulator keeps: queued work runs only at sync, properties
 * need load + sync, loaded values are snapshots, ClientResult, null objects,
 * requirement sets, protection, and Office.js-shaped errors.
 */
import { RequestContext, Sim, SimOfficeError, installOfficeGlobals } from "../../src/office-sim";

async function rejection(p: Promise<unknown>): Promise<SimOfficeError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SimOfficeError) return e;
    throw e;
  }
  throw new Error("expected the promise to reject");
}

function thrown(fn: () => unknown): SimOfficeError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SimOfficeError) return e;
    throw e;
  }
  throw new Error("expected a throw");
}

describe("queue and sync", () => {
  it("applies writes only at sync, in queue order", async () => {
    const sim = Sim.fromSheets({ Plan: [["a", "b"]] });
    const ctx = sim.newContext();
    const range = ctx.workbook.worksheets.getItem("Plan").getRange("A1:B1");
    range.values = [["x", "y"]];
    range.values = [["z", null]];
    expect(sim.sheetModel("Plan").getCell(0, 0)?.value).toBe("a");
    await ctx.sync();
    expect(sim.sheetModel("Plan").getCell(0, 0)?.value).toBe("z");
    expect(sim.sheetModel("Plan").getCell(0, 1)?.value).toBe("y"); // null leaves the cell as it was
  });

  it("throws PropertyNotLoaded before load + sync, like Office.js", async () => {
    const sim = Sim.fromSheets({ Plan: [[1, 2]] });
    const ctx = sim.newContext();
    const range = ctx.workbook.worksheets.getItem("Plan").getRange("A1:B1");
    const e = thrown(() => range.values);
    expect(e.code).toBe("PropertyNotLoaded");
    expect(e.name).toBe("RichApi.Error");
    expect(e.message).toBe(
      `The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    );
    range.load("values");
    expect(() => range.values).toThrow(SimOfficeError); // loaded but not synced
    const pending = ctx.sync();
    expect(() => range.values).toThrow(SimOfficeError); // sync not awaited yet
    await pending;
    expect(range.values).toEqual([[1, 2]]);
    expect(() => range.address).toThrow(/The property 'address' is not available/);
  });

  it("returns snapshots: loaded values do not follow later changes", async () => {
    const sim = Sim.fromSheets({ Plan: [[1]] });
    await sim.run(async (ctx) => {
      const a1 = ctx.workbook.worksheets.getItem("Plan").getRange("A1").load("values");
      await ctx.sync();
      const first = a1.values;
      ctx.workbook.worksheets.getItem("Plan").getRange("A1").values = [[2]];
      await ctx.sync();
      expect(a1.values).toEqual([[1]]);
      expect(first).toEqual([[1]]);
      first[0]![0] = 99;
      a1.load("values");
      await ctx.sync();
      expect(a1.values).toEqual([[2]]);
    });
  });

  it("a load queued after a write in the same batch sees the write", async () => {
    const sim = Sim.empty();
    await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getActiveWorksheet().getRange("A1:B2");
      r.values = [["=1+2", "05"], ["TRUE", "'00123"]];
      r.load("values, formulas, valueTypes");
      await ctx.sync();
      expect(r.formulas).toEqual([["=1+2", 5], [true, "00123"]]);
      expect(r.values).toEqual([[3, 5], [true, "00123"]]);
      expect(r.valueTypes).toEqual([["Double", "Double"], ["Boolean", "String"]]);
    });
  });

  it("supports string, array and object load forms, and items on collections", async () => {
    const sim = Sim.fromSheets({ A: [[1]], B: [[2]] });
    sim.sheet("B").visibility("Hidden");
    await sim.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(() => sheets.items).toThrow(/'items' is not available/);
      sheets.load("items/name,items/visibility,items/position");
      const r1 = sheets.getItem("A").getRange("A1").load(["values", "numberFormat"]);
      const r2 = sheets.getItem("A").getRange("A1").load({ address: true, format: { fill: { color: true } } });
      const r3 = sheets.getItem("A").getRange("A1").load({ select: "rowIndex, columnIndex" });
      await ctx.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility, s.position])).toEqual([["A", "Visible", 0], ["B", "Hidden", 1]]);
      expect(() => sheets.items[0]!.id).toThrow(/'id' is not available/);
      expect(r1.numberFormat).toEqual([["General"]]);
      expect(r2.address).toBe("A!A1");
      expect(r2.format.fill.color).toBe("#FFFFFF");
      expect([r3.rowIndex, r3.columnIndex]).toEqual([0, 0]);
    });
  });

  it("keeps the locally written value readable like Office.js does", async () => {
    const sim = Sim.empty();
    const ctx = sim.newContext();
    const r = ctx.workbook.worksheets.getActiveWorksheet().getRange("A1");
    r.values = [["05"]];
    expect(r.values).toEqual([["05"]]); // Office.js keeps what was assigned...
    r.load("values");
    await ctx.sync();
    expect(r.values).toEqual([[5]]); // ...until a load brings back Excel's value
  });

  it("Excel.run syncs what is still queued when the batch ends, and demands a promise", async () => {
    const sim = Sim.empty();
    await sim.run((ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange("B2").values = [[7]];
      return Promise.resolve();
    });
    expect(sim.sheetModel("Sheet1").getCell(1, 1)?.value).toBe(7);
    expect(sim.stats.syncs).toBe(1);
    const notAPromise = (() => 1) as unknown as (c: RequestContext) => Promise<number>;
    const e = await rejection(sim.run(notAPromise));
    expect(e.code).toBe("RunMustReturnPromise");
  });
});

describe("set() and toJSON()", () => {
  it("set() writes nested properties and refuses unknown keys; toJSON() shows what is loaded", async () => {
    const sim = Sim.empty();
    await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getActiveWorksheet().getRange("A1");
      r.set({ values: [[1]], format: { fill: { color: "#FF0000" }, font: { bold: true } } });
      expect(thrown(() => r.set({ valuez: [[1]] })).code).toBe("InvalidArgument");
      r.load("values, address");
      r.format.fill.load("color");
      await ctx.sync();
      expect(r.toJSON()).toMatchObject({ values: [[1]], address: "Sheet1!A1", format: { fill: { color: "#FF0000" } } });
    });
    expect(sim.sheetModel("Sheet1").getCell(0, 0)?.style.font.bold).toBe(true);
  });
});

describe("ClientResult", () => {
  it("has no value until synced", async () => {
    const sim = Sim.fromSheets({ A: [], B: [] });
    const ctx = sim.newContext();
    const count = ctx.workbook.worksheets.getCount();
    const e = thrown(() => count.value);
    expect(e.code).toBe("ValueNotLoaded");
    await ctx.sync();
    expect(count.value).toBe(2);
  });

  it("getCellProperties returns a 2D array with only what was asked", async () => {
    const sim = Sim.fromSheets({ S: [["x", "y"]] });
    sim.sheet("S").fill("A1", "#FFFF00").font("B1", { bold: true, color: "#FF0000" }).hideColumns("B");
    await sim.run(async (ctx) => {
      const props = ctx.workbook.worksheets
        .getItem("S")
        .getRange("A1:B1")
        .getCellProperties({ address: true, format: { fill: { color: true, pattern: true }, font: { bold: true, color: true } }, hidden: true });
      await ctx.sync();
      expect(props.value).toEqual([
        [
          { address: "S!A1", hidden: false, format: { fill: { color: "#FFFF00", pattern: "Solid" }, font: { bold: false, color: "#000000" } } },
          { address: "S!B1", hidden: true, format: { fill: { color: "#FFFFFF", pattern: "None" }, font: { bold: true, color: "#FF0000" } } },
        ],
      ]);
    });
  });

  it("getRowProperties / getColumnProperties report hidden rows and columns", async () => {
    const sim = Sim.fromSheets({ S: [[1, 2, 3], [4, 5, 6], [7, 8, 9]] });
    sim.sheet("S").hideRows(2).hideColumns("C");
    await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1:C3");
      const rows = r.getRowProperties({ rowIndex: true, rowHidden: true });
      const cols = r.getColumnProperties({ columnIndex: true, columnHidden: true });
      await ctx.sync();
      expect(rows.value).toEqual([{ rowIndex: 0, rowHidden: false }, { rowIndex: 1, rowHidden: true }, { rowIndex: 2, rowHidden: false }]);
      expect(cols.value).toEqual([{ columnIndex: 0, columnHidden: false }, { columnIndex: 1, columnHidden: false }, { columnIndex: 2, columnHidden: true }]);
    });
  });
});

describe("null objects", () => {
  it("learn isNullObject at sync without an explicit load", async () => {
    const sim = Sim.fromSheets({ Plan: [[1]] });
    await sim.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      const there = ctx.workbook.worksheets.getItemOrNullObject("plan");
      expect(() => missing.isNullObject).toThrow(/'isNullObject' is not available/);
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
    });
  });

  it("throw when their properties are used after sync", async () => {
    const sim = Sim.empty();
    await sim.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope").load("name");
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(() => missing.name).toThrow(SimOfficeError);
    });
  });

  it("getUsedRangeOrNullObject is null on a blank sheet; getUsedRange gives A1", async () => {
    const sim = Sim.empty();
    sim.sheet("Sheet1").fill("C3", "#FF0000");
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const valuesOnly = ws.getUsedRangeOrNullObject(true).load("address");
      const withFormats = ws.getUsedRangeOrNullObject(false).load("address");
      const used = ws.getUsedRange(true).load("address");
      await ctx.sync();
      expect(valuesOnly.isNullObject).toBe(true);
      expect(withFormats.address).toBe("Sheet1!C3");
      expect(used.address).toBe("Sheet1!A1");
    });
  });

  it("getItem on a missing sheet fails at sync with ItemNotFound", async () => {
    const sim = Sim.empty();
    const ctx = sim.newContext();
    const ws = ctx.workbook.worksheets.getItem("Nope");
    ws.getRange("A1").values = [[1]];
    const e = await rejection(ctx.sync());
    expect(e.code).toBe("ItemNotFound");
    expect(e.debugInfo.code).toBe("ItemNotFound");
    expect(e.debugInfo.statement).toContain('getItem("Nope")');
  });
});

describe("requirement sets", () => {
  it("gate newer APIs with ApiNotFound", () => {
    const sim = Sim.empty({ apiVersion: "1.8" });
    const ctx = sim.newContext();
    const ws = ctx.workbook.worksheets.getActiveWorksheet();
    const r = ws.getRange("A1:B2");
    expect(thrown(() => r.getCellProperties({ address: true })).code).toBe("ApiNotFound");
    expect(() => r.setCellProperties([[{}]])).toThrow(/Range.setCellProperties is part of the ExcelApi 1.9 requirement set/);
    expect(() => r.getRowProperties({ rowHidden: true })).toThrow(SimOfficeError);
    expect(() => r.getColumnProperties({ columnHidden: true })).toThrow(SimOfficeError);
    expect(() => ws.getRanges("A1, B2")).toThrow(SimOfficeError);
    expect(() => ctx.workbook.application.suspendScreenUpdatingUntilNextSync()).toThrow(SimOfficeError);
    expect(() => r.getMergedAreasOrNullObject()).toThrow(SimOfficeError);
    // 1.8 still has these
    r.hyperlink = { address: "https://example.com" };
    ctx.workbook.application.suspendApiCalculationUntilNextSync();
    expect(r.conditionalFormats).toBeDefined();
  });

  it("gate 1.2 .. 1.7 features on old hosts", () => {
    const sim = Sim.empty({ apiVersion: "1.1" });
    const ctx = sim.newContext();
    const ws = ctx.workbook.worksheets.getActiveWorksheet();
    const r = ws.getRange("A1");
    expect(() => r.conditionalFormats).toThrow(/ExcelApi 1.6/);
    expect(() => ctx.workbook.application.suspendApiCalculationUntilNextSync()).toThrow(/ExcelApi 1.6/);
    expect(() => ws.getUsedRangeOrNullObject()).toThrow(/ExcelApi 1.4/);
    expect(() => (r.hyperlink = { address: "x" })).toThrow(/ExcelApi 1.7/);
    expect(() => (ws.visibility = "Hidden")).toThrow(/ExcelApi 1.2/);
    expect(() => r.load("hyperlink")).toThrow(/ExcelApi 1.7/);
    expect(() => r.merge()).toThrow(/ExcelApi 1.2/);
  });

  it("answers Office.context.requirements.isSetSupported from the version", () => {
    const sim = Sim.empty({ apiVersion: 9 });
    const uninstall = installOfficeGlobals(sim);
    try {
      expect(Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
      expect(Office.context.requirements.isSetSupported("ExcelApi", "1.10")).toBe(false);
      expect(Office.context.requirements.isSetSupported("ExcelApi")).toBe(true);
      expect(Office.context.requirements.isSetSupported("WordApi", "1.1")).toBe(false);
    } finally {
      uninstall();
    }
    expect(Reflect.has(globalThis, "Office")).toBe(false);
  });
});

describe("globals", () => {
  it("Excel.run, enums and OfficeExtension.Error work as globals", async () => {
    const sim = Sim.fromSheets({ Plan: [["Task", "Jan"]] });
    const uninstall = installOfficeGlobals(sim);
    try {
      expect(Excel.ConditionalFormatType.custom).toBe("Custom");
      expect(Excel.SheetVisibility.veryHidden).toBe("VeryHidden");
      expect(Excel.ChartType.columnClustered).toBe("ColumnClustered");
      expect(Excel.ChartSeriesBy.columns).toBe("Columns");
      expect(Excel.ErrorCodes.itemNotFound).toBe("ItemNotFound");
      const name = await Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Plan");
        ws.load("name");
        await context.sync();
        return ws.name;
      });
      expect(name).toBe("Plan");
      let caught: unknown;
      try {
        await Excel.run(async (context) => {
          context.workbook.worksheets.getItem("Missing").load("name");
          await context.sync();
        });
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(OfficeExtension.Error);
      expect((caught as OfficeExtension.Error).code).toBe(Excel.ErrorCodes.itemNotFound);
    } finally {
      uninstall();
    }
  });
});

describe("protection", () => {
  it("a write to a protected sheet fails at sync with AccessDenied", async () => {
    const sim = Sim.fromSheets({ Plan: [[1]] });
    sim.sheet("Plan").protect();
    const ctx = sim.newContext();
    const ws = ctx.workbook.worksheets.getItem("Plan");
    ws.protection.load("protected");
    await ctx.sync();
    expect(ws.protection.protected).toBe(true);
    ws.getRange("A1").values = [[2]];
    const e = await rejection(ctx.sync());
    expect(e.code).toBe("AccessDenied");
    expect(e.message).toBe("You cannot perform the requested operation.");
    ws.getRange("A1").format.fill.color = "red";
    expect((await rejection(ctx.sync())).code).toBe("AccessDenied");
    ws.getRange("A1").conditionalFormats.add("Custom");
    expect((await rejection(ctx.sync())).code).toBe("AccessDenied");
    expect(sim.sheetModel("Plan").getCell(0, 0)?.value).toBe(1);
  });

  it("unlocked cells stay writable; unprotect needs the password", async () => {
    const sim = Sim.fromSheets({ Plan: [[1, 2]] });
    sim.sheet("Plan").style("B1", { locked: false }).protect({}, "pw");
    const ctx = sim.newContext();
    const ws = ctx.workbook.worksheets.getItem("Plan");
    ws.getRange("B1").values = [[3]];
    await ctx.sync();
    expect(sim.sheetModel("Plan").getCell(0, 1)?.value).toBe(3);
    ws.protection.unprotect("wrong");
    expect((await rejection(ctx.sync())).code).toBe("BadPassword");
    ws.protection.unprotect("pw");
    ws.getRange("A1").values = [[5]];
    await ctx.sync();
    expect(sim.sheetModel("Plan").getCell(0, 0)?.value).toBe(5);
  });

  it("an error stops the batch at the failing operation (earlier ones stay applied)", async () => {
    const sim = Sim.fromSheets({ Open: [[1]], Locked: [[1]] });
    sim.sheet("Locked").protect();
    const ctx = sim.newContext();
    ctx.workbook.worksheets.getItem("Open").getRange("A1").values = [[2]];
    ctx.workbook.worksheets.getItem("Locked").getRange("A1").values = [[2]];
    ctx.workbook.worksheets.getItem("Open").getRange("A2").values = [[3]];
    await rejection(ctx.sync());
    expect(sim.sheetModel("Open").getCell(0, 0)?.value).toBe(2);
    expect(sim.sheetModel("Open").getCell(1, 0)).toBeUndefined();
  });
});

describe("argument checks", () => {
  it("rejects a values array that does not match the range", async () => {
    const sim = Sim.empty();
    const ctx = sim.newContext();
    ctx.workbook.worksheets.getActiveWorksheet().getRange("A1:B2").values = [[1, 2]];
    const e = await rejection(ctx.sync());
    expect(e.code).toBe("InvalidArgument");
  });

  it("a scalar assigned to values fills every cell", async () => {
    const sim = Sim.empty();
    await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getActiveWorksheet().getRange("A1:B2");
      r.values = "x" as unknown as string[][];
      r.load("values");
      await ctx.sync();
      expect(r.values).toEqual([["x", "x"], ["x", "x"]]);
    });
  });

  it("refuses proxies from another request context", () => {
    const sim = Sim.empty();
    const a = sim.newContext();
    const b = sim.newContext();
    const range = a.workbook.worksheets.getActiveWorksheet().getRange("A1:B2");
    expect(thrown(() => b.workbook.worksheets.getActiveWorksheet().tables.add(range, true)).code).toBe("InvalidRequestContext");
  });
});
