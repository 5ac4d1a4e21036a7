/** @jest-environment node */
/**
 * docs/product.md, "A plan with no timing at all": Add a timeline writes month columns for the school year into the
 * empty columns right of the plan, in the row of its first line (an outline) or of its header (a table), and nothing
 * else; the plan reads the same afterwards, marks under the months schedule its steps, and a second run says the
 * timeline is there. Through the Excel adapter on the in-memory workbook and through the command line.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { run } from "../../src/cli/main";
import { loadFile } from "../../src/cli/read-workbook";
import { analyzeSheet, describeAddTimeline, parseAreaAddress, parseCellAddress, schoolYearMonths } from "../../src/core";
import { addTimelineColumns, analyzeWorkbook } from "../../src/excel/workbook";
import { Sim, installOfficeGlobals, snapshotSheet } from "../../src/office-sim";
import { captureIo } from "../support/read-back";
import { removeTempFiles, tempPath, writeTempWorkbook, type CellInput } from "../support/workbook-builder";

afterAll(removeTempFiles);

const OUTLINE = join(__dirname, "..", "..", "assets", "samples", "outline-pasted.xlsx");
const SHEET = "PL Goals 2025-26";
const AS_OF = "2025-10-15";
const MONTHS = schoolYearMonths(2025, 7);

/** Every cell exceljs reads, as `A1: value`. */
async function cellsOf(file: string, sheet: string): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, string>();
  wb.getWorksheet(sheet)!.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => out.set(cell.address, JSON.stringify(cell.value))));
  return out;
}

/**
 * The cells a sheet part's extent hints leave out: cells outside the sheet's `<dimension>` (openpyxl's read-only mode
 * sizes a sheet by it) or outside their row's `spans`. Read with JSZip and patterns here, not the command line's reader.
 */
async function cellsOutsideHints(file: string, part: string): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(readFileSync(file))).file(part)!.async("string");
  const dimension = parseAreaAddress(/<dimension ref="([^"]+)"/.exec(xml)![1]!)!;
  const outside: string[] = [];
  for (const [, attributes, body] of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const spans = /spans="([^"]+)"/.exec(attributes!)?.[1]?.split(" ").map((s) => s.split(":").map(Number));
    for (const [, ref] of (body ?? "").matchAll(/<c r="([A-Z]+\d+)"/g)) {
      const { row, column } = parseCellAddress(ref!)!;
      const inDimension = row >= dimension.top && row <= dimension.bottom && column >= dimension.left && column <= dimension.right;
      const inSpans = !spans || spans.some(([from, to]) => column + 1 >= from! && column + 1 <= to!);
      if (!inDimension || !inSpans) outside.push(ref!);
    }
  }
  return outside;
}

describe("through the Excel adapter", () => {
  test("the outline sample gets Jul 2025 .. Jun 2026 in row 1, columns B to M, as text; every other cell is as it was", async () => {
    const sim = await Sim.fromXlsx(readFileSync(OUTLINE));
    const uninstall = installOfficeGlobals(sim);
    try {
      const before = snapshotSheet(sim, SHEET);
      const plan = (await analyzeWorkbook({ sheet: SHEET, asOf: AS_OF })).report.plan;
      expect(plan.activities).toHaveLength(46);
      const result = await addTimelineColumns({ sheet: SHEET, asOf: AS_OF });
      expect(result.added).toBe(true);
      expect(result.message).toMatch(/Month columns Jul 2025 to Jun 2026 \(2025-26\) added in row 1, columns B to M/);
      expect(result.syncs).toBeLessThanOrEqual(4);
      const after = snapshotSheet(sim, SHEET);
      const changed = Object.keys(after.cells).filter((a) => JSON.stringify(after.cells[a]) !== JSON.stringify(before.cells[a]));
      expect(changed.sort()).toEqual(["B1", "C1", "D1", "E1", "F1", "G1", "H1", "I1", "J1", "K1", "L1", "M1"].sort());
      expect(Object.keys(before.cells).every((a) => a in after.cells)).toBe(true);
      expect(["B1", "G1", "M1"].map((a) => [after.cells[a]!.value, after.cells[a]!.numberFormat])).toEqual([
        ["Jul 2025", "@"],
        ["Dec 2025", "@"],
        ["Jun 2026", "@"],
      ]);

      // The same plan, now with a timeline; a second run says so and writes nothing.
      const again = (await analyzeWorkbook({ sheet: SHEET, asOf: AS_OF })).report.plan;
      expect(again.activities.map((a) => [a.text, a.path, a.step, a.cell])).toEqual(plan.activities.map((a) => [a.text, a.path, a.step, a.cell]));
      expect(again.blocks.map((b) => [b.shape, b.periods.length])).toEqual([["outline", 12]]);
      const second = await addTimelineColumns({ sheet: SHEET, asOf: AS_OF });
      expect(second).toMatchObject({ added: false, message: expect.stringMatching(/already has a timeline \(months in row 1\)/) as unknown });
      expect(snapshotSheet(sim, SHEET)).toEqual(after);
    } finally {
      uninstall();
    }
  });
});

describe("through the command line", () => {
  test("add-timeline writes a copy with the month header and nothing else changed; marks under the months schedule the steps", async () => {
    const out = tempPath("outline-timeline.xlsx");
    const io = captureIo(AS_OF);
    expect(await run(["add-timeline", OUTLINE, "--out", out], io)).toBe(0);
    expect(io.out).toMatch(/^Wrote .*outline-timeline\.xlsx: Month columns Jul 2025 to Jun 2026/);
    const [before, after] = [await cellsOf(OUTLINE, SHEET), await cellsOf(out, SHEET)];
    const added = [...after.keys()].filter((a) => before.get(a) !== after.get(a));
    expect(added).toEqual(MONTHS.map((_, i) => `${String.fromCharCode(66 + i)}1`));
    expect([...before.keys()].every((a) => after.get(a) === before.get(a))).toBe(true);
    // The sheet's dimension and row 1's spans take the months in (they said A1:A326 and 1:1 before).
    expect(await cellsOutsideHints(out, "xl/worksheets/sheet1.xml")).toEqual([]);

    // A second run says the timeline is already there, and writes nothing.
    const second = tempPath("outline-timeline-2.xlsx");
    const io2 = captureIo(AS_OF);
    expect(await run(["add-timeline", out, "--out", second], io2)).toBe(0);
    expect(io2.out).toMatch(/already has a timeline/);
    expect(() => readFileSync(second)).toThrow();

    // The planner marks Aug and Oct for step 2 (row 25: "Create a model for the whole strategic plan and POG").
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    wb.getWorksheet(SHEET)!.getCell("C25").value = "X";
    wb.getWorksheet(SHEET)!.getCell("E25").value = "X";
    const marked = tempPath("outline-marked.xlsx");
    await wb.xlsx.writeFile(marked);
    const grid = (await loadFile(marked)).grids[0]!;
    const report = analyzeSheet(grid, { asOf: AS_OF });
    const step = report.plan.activities.find((a) => a.text.startsWith("Create a model for the whole strategic plan"))!;
    expect(step.schedule.map((m) => [m.period, m.cell])).toEqual([
      ["Aug 2025", `'${SHEET}'!C25`],
      ["Oct 2025", `'${SHEET}'!E25`],
    ]);
    expect(report.status.marks.map((m) => m.status)).toEqual(["overdue", "current"]);
    expect(report.findings.map((f) => f.rule)).not.toContain("no-timing");
  });

  test("a table of steps without timing gets the months on its header row; its hint row stays out of the plan", async () => {
    const rows: CellInput[][] = [
      ["GOAL 1"],
      ["Professional Learning Initial Activity", "Professional Learning Follow-up", "Resources"],
      ["Who, What, How?", "Who, What, How?", "What is needed?"],
      ["Summer institute for PLC leads", "Monthly coaching", "Coaches"],
      ["Data days", "Walkthroughs", "Data team time"],
    ];
    const file = await writeTempWorkbook({ sheets: [{ name: "PL Plan 2025-26", rows }] }, "template-table.xlsx");
    const out = tempPath("template-table-timeline.xlsx");
    const io = captureIo(AS_OF);
    expect(await run(["add-timeline", file, "--out", out], io)).toBe(0);
    expect(io.out).toMatch(/added in row 2, columns D to O/);
    expect(await cellsOutsideHints(out, "xl/worksheets/sheet1.xml")).toEqual([]);
    const [before, after] = [(await loadFile(file)).grids[0]!, (await loadFile(out)).grids[0]!];
    const plan = (g: typeof before): string[][] => analyzeSheet(g, { asOf: AS_OF }).plan.activities.map((a) => [a.text, ...a.path]);
    expect(plan(after)).toEqual(plan(before));
    expect(plan(after)).toEqual([
      ["Summer institute for PLC leads\n- Follow-up: Monthly coaching", "GOAL 1"],
      ["Data days\n- Follow-up: Walkthroughs", "GOAL 1"],
    ]);
  });

  test("a plan with timing already, a text file, and --out equal to the input are refused in one line", async () => {
    const io = captureIo(AS_OF);
    const sample = join(__dirname, "..", "..", "assets", "samples", "action-plan.xlsx");
    expect(await run(["add-timeline", sample, "--out", tempPath("x.xlsx")], io)).toBe(0);
    expect(io.out).toMatch(/already has a timeline \(a timing column \(E\)\)/);
    const io2 = captureIo(AS_OF);
    expect(await run(["add-timeline", sample, "--out", sample], io2)).toBe(2);
    expect(io2.err).toMatch(/--out is the input file \(the same file by another name or link\): add-timeline never changes the input/);
  });
});

test("no room to the right: a sheet of its own lists the steps, each linked back, under the months", () => {
  const values: CellInput[][] = [["Strategy 1: Develop a plan"], ["Action Steps:"], ["1"], ["Form a team"], ["2"], ["Study the model"]];
  const grid = { sheet: "Plan", top: 0, left: 0, values: values.map((r) => r.map((v) => (typeof v === "string" ? v : null))) };
  const report = analyzeSheet(grid, { asOf: AS_OF, settings: { schoolYear: 2025 } });
  const addition = describeAddTimeline(report, 16_380);
  expect(addition.kind).toBe("sheet");
  if (addition.kind !== "sheet") return;
  expect(addition.sheet.name).toBe("Plan timeline");
  expect(addition.sheet.rows[0]!.map((c) => (c?.value.kind === "text" ? c.value.text : null))).toEqual(["Goal / strategy", "Step", "In the plan", ...MONTHS]);
  expect(addition.sheet.rows.slice(1).map((r) => r[2]?.value)).toEqual([
    { kind: "link", text: "A4", target: "'Plan'!A4" },
    { kind: "link", text: "A6", target: "'Plan'!A6" },
  ]);
});
