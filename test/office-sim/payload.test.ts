/** Sync accounting and Excel on the web's 5 MB request/response payload limits. */
import fc from "fast-check";
import { FIVE_MB, Sim, SimOfficeError, snapshotSheet } from "../../src/office-sim";
import { byteLength } from "../../src/office-sim/client";

async function rejection(p: Promise<unknown>): Promise<SimOfficeError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SimOfficeError) return e;
    throw e;
  }
  throw new Error("expected the promise to reject");
}

function grid(rows: number, cols: number, cell: (i: number, j: number) => string | number): (string | number)[][] {
  return Array.from({ length: rows }, (_r, i) => Array.from({ length: cols }, (_c, j) => cell(i, j)));
}

describe("sync statistics", () => {
  it("counts every sync with its request and response bytes", async () => {
    const sim = Sim.fromSheets({ S: [["abc", 12345]] });
    const values = [["hello", "world"]];
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.getRange("A2:B2").values = values;
      await ctx.sync();
      const r = ws.getRange("A1:B1").load("values");
      await ctx.sync();
      expect(r.values).toEqual([["abc", 12345]]);
      await ctx.sync(); // nothing queued: counted, but no round trip
    });
    const s = sim.stats;
    expect(s.syncs).toBe(3);
    expect(s.roundTrips).toBe(2);
    expect(s.requestBytes).toHaveLength(3);
    expect(s.requestBytes[0]).toBeGreaterThan(JSON.stringify(values).length);
    expect(s.responseBytes[0]).toBe(0);
    expect(s.responseBytes[1]).toBeGreaterThanOrEqual(JSON.stringify({ values: [["abc", 12345]] }).length);
    expect(s.responseBytes[1]).toBeLessThan(200);
    expect(s.requestBytes[2]).toBe(0);
    expect(s.operations).toEqual([1, 1, 0]);
    s.reset();
    expect([s.syncs, s.requestBytes.length, s.responseBytes.length, s.roundTrips]).toEqual([0, 0, 0, 0]);
  });

  it("request bytes grow with the values written", async () => {
    const sim = Sim.empty();
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange("A1:A100").values = grid(100, 1, () => "x".repeat(100));
      await ctx.sync();
    });
    expect(sim.stats.requestBytes[0]).toBeGreaterThan(100 * 100);
    expect(sim.stats.requestBytes[0]).toBeLessThan(100 * 100 + 2000);
  });

  it("bytes are counted in UTF-8, as TextEncoder writes any text (pairs of surrogates, lone ones, every plane)", () => {
    const utf8 = new TextEncoder();
    expect(byteLength("")).toBe(0);
    expect(byteLength("a\u00e9\u65e5\ud83d\ude00")).toBe(1 + 2 + 3 + 4);
    expect(byteLength("\ud83d")).toBe(3); // a lone surrogate is written as U+FFFD
    expect(byteLength("\ude00\ud83d")).toBe(6);
    const unit = fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x80, max: 0x7ff }), fc.integer({ min: 0x800, max: 0xffff }), fc.integer({ min: 0xd800, max: 0xdfff }));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (units) => {
        const text = String.fromCharCode(...units);
        expect(byteLength(text)).toBe(utf8.encode(text).length);
      }),
      { numRuns: 2000, seed: 19 },
    );
  });

  it("text beyond ASCII counts its UTF-8 bytes in a request", async () => {
    const sim = Sim.empty();
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange("A1:A100").values = grid(100, 1, () => "\u65e5".repeat(100));
      await ctx.sync();
    });
    expect(sim.stats.requestBytes[0]).toBeGreaterThan(3 * 100 * 100);
    expect(sim.stats.requestBytes[0]).toBeLessThan(3 * 100 * 100 + 2000);
  });

  it("a range passed to a method goes as a reference to its object path, not as the values it has loaded", async () => {
    const sim = Sim.fromSheets({ S: grid(1000, 2, (i, j) => (j === 0 ? `Activity ${i}`.padEnd(200, ".") : i)) });
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      const data = ws.getRange("A1:B1000").load("values");
      await ctx.sync();
      ws.charts.add("ColumnClustered", data, "Columns");
      await ctx.sync();
    });
    expect(sim.stats.responseBytes[0]).toBeGreaterThan(200_000);
    expect(sim.stats.requestBytes[1]).toBeLessThan(1000);
  });
});

describe("payload limits", () => {
  it("a 6 MB write fails with RequestPayloadSizeLimitExceeded and applies nothing", async () => {
    const sim = Sim.fromSheets({ S: [["keep"]] });
    const before = snapshotSheet(sim, "S");
    const big = grid(1000, 10, (i, j) => `${i}-${j}-`.padEnd(600, "x")); // ~6 MB of text
    const ctx = sim.newContext();
    const ws = ctx.workbook.worksheets.getItem("S");
    ws.getRange("A1").values = [["changed"]];
    ws.getRange("B1").format.fill.color = "#FF0000";
    ws.getRange("A2:J1001").values = big;
    const e = await rejection(ctx.sync());
    expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(e.name).toBe("RichApi.Error");
    expect(e.message).toMatch(/request payload size has exceeded the limit/);
    expect(snapshotSheet(sim, "S")).toEqual(before);
    expect(sim.stats.requestBytes[0]).toBeGreaterThan(FIVE_MB);
    expect(sim.stats.failedSyncs).toBe(1);
    // the queue was consumed: the next sync starts empty
    await ctx.sync();
    expect(snapshotSheet(sim, "S")).toEqual(before);
  });

  it("the same data in smaller syncs goes through", async () => {
    const sim = Sim.empty();
    const ctx = sim.newContext();
    const ws = ctx.workbook.worksheets.getActiveWorksheet();
    for (let block = 0; block < 2; block++) {
      ws.getRangeByIndexes(block * 500, 0, 500, 10).values = grid(500, 10, (i, j) => `${i}-${j}-`.padEnd(600, "x"));
      await ctx.sync();
    }
    expect(sim.stats.requestBytes.every((b) => b < FIVE_MB)).toBe(true);
    expect(sim.sheetModel("Sheet1").getCell(999, 9)?.value).toMatch(/^499-9-x+$/);
  });

  it("reading a large range fails with ResponsePayloadSizeLimitExceeded; writes in that batch are rolled back", async () => {
    const sim = Sim.fromSheets({ S: grid(100000, 2, (i, j) => `row ${i} col ${j} some text here`) }); // ~6.5 MB as JSON
    const ctx = sim.newContext();
    const ws = ctx.workbook.worksheets.getItem("S");
    ws.getRange("C1").values = [["written before the read"]];
    const all = ws.getRange("A1:B100000").load("values");
    const e = await rejection(ctx.sync());
    expect(e.code).toBe("ResponsePayloadSizeLimitExceeded");
    expect(sim.sheetModel("S").getCell(0, 2)).toBeUndefined();
    expect(() => all.values).toThrow(/'values' is not available/);
    // read in blocks instead
    const half = ws.getRange("A1:B50000").load("values");
    await ctx.sync();
    expect(half.values).toHaveLength(50000);
  });

  it("the limits are configurable", async () => {
    const sim = Sim.fromSheets({ S: [["x".repeat(2000)]] }, { requestLimit: 1000, responseLimit: 1000 });
    const ctx = sim.newContext();
    ctx.workbook.worksheets.getItem("S").getRange("A2").values = [["y".repeat(1500)]];
    expect((await rejection(ctx.sync())).code).toBe("RequestPayloadSizeLimitExceeded");
    ctx.workbook.worksheets.getItem("S").getRange("A1").load("values");
    expect((await rejection(ctx.sync())).code).toBe("ResponsePayloadSizeLimitExceeded");
  });

  it("unbounded ranges read as null for cell-level properties; over 5M cells fails", async () => {
    const sim = Sim.fromSheets({ S: [[1, 2]] }, { responseLimit: 1e12 });
    const ctx = sim.newContext();
    const ws = ctx.workbook.worksheets.getItem("S");
    const col = ws.getRange("A:B").load("values, address, cellCount");
    await ctx.sync();
    expect(col.values).toBeNull();
    expect(col.address).toBe("S!A:B");
    expect(col.cellCount).toBe(2 * 1048576);
    ws.getRange("A1:F1000000").load("values");
    expect((await rejection(ctx.sync())).code).toBe("RangeExceedsLimit");
    ws.getRange("A:A").values = [[1]];
    expect((await rejection(ctx.sync())).code).toBe("InvalidArgument");
  });
});
