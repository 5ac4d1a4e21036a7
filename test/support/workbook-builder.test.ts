/** @jest-environment node */
/** The builder writes what it is told: every feature read back through the command line's xlsx reader. */
import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { loadWorkbook, workbookDate1904, worksheetGrid } from "./exceljs-grid";
import { loadFile } from "../../src/cli/read-workbook";
import {
  cellsOf,
  columnName,
  columnNumber,
  date,
  error,
  filled,
  formula,
  numberWithFormat,
  removeTempFiles,
  styled,
  workbookBuffer,
  writeTempWorkbook,
  type WorkbookSpec,
} from "./workbook-builder";

afterAll(removeTempFiles);

const SPEC: WorkbookSpec = {
  sheets: [
    {
      name: "PL Plan 2025-26",
      rows: [
        ["Action Step", "Lead", date(2025, 7, 15), numberWithFormat(45870, "mmm-yy"), "Sep", true],
        ["Launch PLC cycles", 3, "X", formula('IF(B2>2,"X","")', "X"), error("#N/A"), formula("1/0", { error: "#DIV/0!" })],
        ["Survey staff", null, filled("#FFC000"), styled(0.5, { numFmt: "0%", bold: true }), new Date(Date.UTC(2026, 0, 31))],
      ],
      merges: ["C4:E4"],
      fills: { "A4:B4": "#d9e1f2" },
      numFmts: { B2: "0.0" },
      hiddenRows: [3],
      hiddenColumns: ["D", 6],
      widths: { A: 40 },
    },
    { name: "O'Brien's notes", origin: "B2", rows: [["Notes"], [null, "second"]], merges: ["B4:C4"] },
  ],
};

test("values, dates, formulas, errors, formats, fills, merges, hidden rows and columns come back", async () => {
  const file = await loadFile(await writeTempWorkbook(SPEC, "builder.xlsx"));
  expect(file.grids.map((g) => g.sheet)).toEqual(["PL Plan 2025-26", "O'Brien's notes"]);
  const g = file.grids[0]!;
  expect(g.values[0]).toEqual(["Action Step", "Lead", 45853, 45870, "Sep", true]);
  expect(g.formats?.[0]?.[2]).toBe("mmm-yy");
  expect(g.formats?.[0]?.[3]).toBe("mmm-yy");
  expect(g.values[1]).toEqual(["Launch PLC cycles", 3, "X", "X", "#N/A", "#DIV/0!"]);
  expect(g.formats?.[1]?.[1]).toBe("0.0");
  expect(g.values[2]!.slice(0, 5)).toEqual(["Survey staff", null, null, 0.5, 46053]);
  expect(g.formats?.[2]?.[3]).toBe("0%");
  expect(g.formats?.[2]?.[4]).toBe("yyyy-mm-dd");
  expect(g.fills?.[2]?.[2]).toBe("#FFC000");
  expect(g.fills?.[3]?.[0]).toBe("#D9E1F2");
  expect(g.merges).toEqual([{ top: 3, left: 2, bottom: 3, right: 4 }]);
  expect(g.hiddenRows).toEqual([2]);
  expect(g.hiddenColumns).toEqual([3, 5]);
  // Read from its used range, B2 on, as the add-in reads a sheet.
  const notes = file.grids[1]!;
  expect([notes.top, notes.left]).toEqual([1, 1]);
  expect(notes.values[0]![0]).toBe("Notes");
  expect(notes.values[1]![1]).toBe("second");
});

test("a Buffer holds the same workbook; the 1904 date system is kept", async () => {
  const buffer = await workbookBuffer({ date1904: true, sheets: [{ name: "Mac", rows: [[date(2024, 1, 1)]] }] });
  const wb = await loadWorkbook(buffer);
  expect(workbookDate1904(wb)).toBe(true);
  // 1 January 2024 is serial 45292 from 1900 and 43830 from 1904.
  expect(worksheetGrid(wb.getWorksheet("Mac")!, true).values[0]![0]).toBe(43830);
  const path = await writeTempWorkbook({ sheets: [{ name: "Same", rows: [["x"]] }] });
  expect((await readFile(path)).subarray(0, 2).toString()).toBe("PK");
});

test("address helpers", () => {
  expect(columnNumber("A")).toBe(1);
  expect(columnNumber("AA")).toBe(27);
  expect(columnName(28)).toBe("AB");
  expect(cellsOf("B2:C3")).toEqual([
    { row: 2, column: 2 },
    { row: 2, column: 3 },
    { row: 3, column: 2 },
    { row: 3, column: 3 },
  ]);
});

test("a cell the file does not hold shows its row's style, else its column's, as Excel draws it", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Styled");
  ws.addRow(["Activity", "Jul", "Aug", "Sep", "Oct"]);
  ws.addRow(["Plan PD", "X"]);
  ws.addRow(["Coach"]);
  const grey: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } };
  ws.getColumn(4).fill = grey; // Sep shaded down the whole sheet
  ws.getColumn(4).numFmt = "0%";
  ws.getRow(3).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
  ws.addRow(["Survey", null, null, "X"]);
  const path = join(tmpdir(), `mm-styled-${process.pid}.xlsx`);
  await wb.xlsx.writeFile(path);
  try {
    const g = (await loadFile(path)).grids.find((grid) => grid.sheet === "Styled")!;
    // Row 2 holds A and B only: D takes the column's fill and format.
    expect(g.fills?.[1]).toEqual([null, null, null, "#D9D9D9", null]);
    expect(g.formats?.[1]?.[3]).toBe("0%");
    // Row 3 has a fill of its own: it wins over the column's, in cells the file does not hold.
    expect(g.fills?.[2]).toEqual(new Array(5).fill("#FFF2CC"));
    expect(g.values[3]).toEqual(["Survey", null, null, "X", null]);
  } finally {
    await rm(path, { force: true });
  }
});
