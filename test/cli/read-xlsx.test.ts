/** @jest-environment node */
/**
 * The command line's .xlsx reader (src/cli/read-xlsx.ts) reads every workbook as exceljs does, cell for cell:
 * the samples (as exceljs writes them, and as LibreOffice saves them), a 10,000-row plan, and workbooks fast-check
 * makes up (text that looks like a formula or needs escaping, numbers, dates, formulas with results, errors,
 * formats, fills, merges, hidden rows and columns, the 1904 date system). And it reads what Excel writes that
 * exceljs never does: namespace prefixes, Strict Open XML, rows and cells without their number, inline and rich
 * text with a phonetic guide, escaped characters, ISO dates.
 * The reference conversion (test/support/exceljs-grid.ts) puts right two things exceljs gets wrong, so the
 * comparison holds: a row the file does not hold shows its columns' styles, and a row of formatted cells without
 * values counts toward the sheet's width.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CellValue, Grid } from "../../src/core/grid";
import { readXlsx } from "../../src/cli/read-xlsx";
import { readSheet, type SheetContext } from "../../src/cli/read-sheet";
import { readSharedStrings } from "../../src/cli/read-shared-strings";
import { readStyles } from "../../src/cli/read-styles";
import { loadWorkbook, workbookDate1904, worksheetGrid } from "../support/exceljs-grid";
import { removeTempFiles, tempPath, workbookBuffer } from "../support/workbook-builder";
import { captureIo } from "../support/read-back";
import { workbookSpecArb } from "../support/xlsx-arbitraries";
import { ZipPackage } from "../../src/cli/read-zip";
import { partText } from "../../src/cli/workbook-parts";
import { run } from "../../src/cli/main";
import { syntheticRows } from "../../scripts/bench/synthetic";

const SAMPLES = join(__dirname, "..", "..", "assets", "samples");

afterAll(removeTempFiles);

/**
 * A grid in a form two readers can be compared in: from A1 (the reference reads a sheet from A1; this reader from
 * its used range, as the add-in does), numbers to 12 digits (exceljs keeps dates to the second), merges in order.
 */
function comparable(read: Grid): Grid {
  const grid = fromA1(read);
  const value = (v: CellValue): CellValue => (typeof v === "number" ? Number(v.toPrecision(12)) : v);
  const out: Grid = { ...grid, values: grid.values.map((row) => row.map(value)) };
  if (grid.merges) out.merges = [...grid.merges].sort((a, b) => a.top - b.top || a.left - b.left);
  return out;
}

/** Every worksheet as exceljs reads it, through the reference conversion in test/support. */
async function exceljsGrids(bytes: Uint8Array): Promise<Grid[]> {
  const wb = await loadWorkbook(Buffer.from(bytes));
  const date1904 = workbookDate1904(wb);
  const grids: Grid[] = [];
  wb.eachSheet((ws) => grids.push(worksheetGrid(ws, date1904)));
  return grids;
}

/** The grid with the rows and columns above and left of it, empty, so that it starts at A1. */
function fromA1(grid: Grid): Grid {
  const pad = <T,>(rows: T[][] | undefined, empty: T): T[][] | undefined =>
    rows && [...Array.from({ length: grid.top }, () => new Array<T>(grid.left + (rows[0]?.length ?? 0)).fill(empty)), ...rows.map((r) => [...new Array<T>(grid.left).fill(empty), ...r])];
  const out: Grid = { ...grid, top: 0, left: 0, values: pad(grid.values, null as CellValue)! };
  if (grid.formats) out.formats = pad(grid.formats, null);
  if (grid.fills) out.fills = pad(grid.fills, null);
  return out;
}

async function expectSameAsExceljs(bytes: Uint8Array): Promise<Grid[]> {
  const ours = readXlsx(bytes);
  expect(ours).not.toBeNull();
  // Hidden rows and columns above or left of the used range are no part of it.
  const reference = (await exceljsGrids(bytes)).map((grid, i) => {
    const out = { ...grid };
    const used = ours![i];
    const within = (list: number[] | undefined, from: number): number[] | undefined => list?.filter((n) => n >= from);
    out.hiddenRows = within(grid.hiddenRows, used?.top ?? 0);
    out.hiddenColumns = within(grid.hiddenColumns, used?.left ?? 0);
    if (!out.hiddenRows?.length) delete out.hiddenRows;
    if (!out.hiddenColumns?.length) delete out.hiddenColumns;
    return out;
  });
  expect(ours!.map(comparable)).toEqual(reference.map(comparable));
  return ours!;
}

describe("reads as exceljs reads", () => {
  test.each(["district-plan.xlsx", "mps-milestones.xlsx", "mps-pasted.xlsx"])("the sample %s", async (name) => {
    const grids = await expectSameAsExceljs(await readFile(join(SAMPLES, name)));
    expect(grids.length).toBeGreaterThan(0);
  });

  // The samples as LibreOffice 7.4 saves them: another program's XML (its own styles, shared strings, row attributes).
  test.each(["district-plan.xlsx", "mps-milestones.xlsx"])("the sample %s saved by LibreOffice, read as the original is", async (name) => {
    const grids = (await expectSameAsExceljs(await readFile(join(__dirname, "..", "fixtures", "libreoffice", name)))).map(fromA1);
    const original = readXlsx(await readFile(join(SAMPLES, name)))!.map(fromA1);
    expect(grids.map((g) => g.sheet)).toEqual(original.map((g) => g.sheet));
    for (const [i, grid] of grids.entries()) {
      // LibreOffice may write trailing empty cells; what each cell shows is the same.
      const at = (g: Grid, r: number, c: number): CellValue => g.values[r]?.[c] ?? null;
      const rows = Math.max(grid.values.length, original[i]!.values.length);
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < 40; c++) expect([r, c, at(grid, r, c)]).toEqual([r, c, at(original[i]!, r, c)]);
      }
      expect(grid.merges ?? []).toEqual(expect.arrayContaining(original[i]!.merges ?? []));
    }
  });

  test("a plan of 10,000 activities", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Plan 2023-24");
    for (const row of syntheticRows(10_000, 12)) ws.addRow(row);
    const grids = await expectSameAsExceljs(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(grids[0]!.values.length).toBe(10_403);
  });

  test("rich text, links, shared formulas, row and column styles, theme and indexed fills", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Styled");
    ws.addRow(["Activity", "Jul", "Aug", "Sep", "Oct"]);
    ws.getCell("A2").value = { richText: [{ text: "Launch " }, { font: { bold: true }, text: "PLC" }, { text: " cycles" }] };
    ws.getCell("B2").value = { text: "see notes", hyperlink: "#'Notes'!A1" };
    ws.getCell("C2").value = { formula: 'IF(1,"X","")', result: "X" };
    ws.getCell("D2").value = { sharedFormula: "C2", result: "X" };
    ws.getCell("E2").value = { text: "district site", hyperlink: "https://example.org/plan" };
    // exceljs's types know argb and theme colours only; it writes tints and indexed colours all the same.
    const themeColor = { theme: 4, tint: 0.3999755851924192 } as Partial<ExcelJS.Color>;
    const indexedColor = { indexed: 13 } as Partial<ExcelJS.Color>;
    ws.getColumn(4).fill = { type: "pattern", pattern: "solid", fgColor: themeColor };
    ws.getColumn(4).numFmt = "0%";
    ws.getCell("A3").value = "Coach";
    ws.getRow(3).fill = { type: "pattern", pattern: "solid", fgColor: indexedColor };
    ws.getRow(3).numFmt = "mmm-yy";
    ws.addRow(["Survey", null, null, "X"]);
    ws.getCell("C4").value = new Date(Date.UTC(2024, 0, 15, 13, 30, 0));
    ws.getCell("C4").numFmt = "d-mmm-yy h:mm";
    wb.addWorksheet("Notes").addRow(["Notes"]);
    const [styled] = await expectSameAsExceljs(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(styled!.values[1]).toEqual(["Launch PLC cycles", "see notes", "X", "X", "district site"]);
    // D3 is in no row of the file: it shows column D's style.
    expect([styled!.formats?.[2]?.[3], styled!.fills?.[2]?.[3]]).toEqual(["mmm-yy", "indexed:13"]);
    expect(styled!.fills?.[1]?.[3]).toBe("theme:4:0.3999755851924192");
    expect(styled!.fills?.[2]).toEqual(new Array(5).fill("indexed:13"));
    expect(styled!.formats?.[2]?.[0]).toBe("mmm-yy");
    expect(styled!.values[3]![2]).toBeCloseTo(45306 + 13.5 / 24, 9);
  });

  test("any workbook fast-check makes up", async () => {
    await fc.assert(
      fc.asyncProperty(workbookSpecArb, async (spec) => {
        const grids = await expectSameAsExceljs(await workbookBuffer(spec));
        expect(grids.map((g) => g.sheet)).toEqual(spec.sheets.map((s) => s.name));
      }),
      { numRuns: 60 },
    );
  });
});

/** An .xlsx put together part by part, as Excel (or another program) writes it and exceljs never does. */
async function xlsx(parts: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  for (const [name, text] of Object.entries(parts)) zip.file(name, text);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const relationships = (rels: [string, string, string][]): string =>
  `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
    .map(([id, kind, target]) => `<Relationship Id="${id}" Type="${REL}/${kind}" Target="${target}"/>`)
    .join("")}</Relationships>`;

const NO_CONTEXT: SheetContext = { strings: [], styles: readStyles(null), date1904: false };

describe("reads what Excel and other programs write", () => {
  test("namespace prefixes, tab order, a chart sheet left out, the 1904 date system", async () => {
    const bytes = await xlsx({
      "xl/workbook.xml": `<x:workbook xmlns:x="${MAIN}" xmlns:r="${REL}"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="Plan &amp; notes" sheetId="2" r:id="rId2"/><x:sheet name="Chart1" sheetId="3" r:id="rId3"/><x:sheet name="First" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
      "xl/_rels/workbook.xml.rels": relationships([
        ["rId1", "worksheet", "worksheets/sheet1.xml"],
        ["rId2", "worksheet", "/xl/worksheets/sheet2.xml"],
        ["rId3", "chartsheet", "chartsheets/sheet1.xml"],
        ["rId4", "sharedStrings", "sharedStrings.xml"],
      ]),
      "xl/sharedStrings.xml": `<x:sst xmlns:x="${MAIN}" count="2" uniqueCount="2"><x:si><x:t>Action Step</x:t></x:si><x:si><x:t xml:space="preserve">X </x:t></x:si></x:sst>`,
      "xl/worksheets/sheet1.xml": `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
      "xl/worksheets/sheet2.xml": `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="2"><x:c r="B2" t="s"><x:v>0</x:v></x:c><x:c r="C2" t="s"><x:v>1</x:v></x:c></x:row></x:sheetData><x:mergeCells count="1"><x:mergeCell ref="B3:C3"/></x:mergeCells></x:worksheet>`,
      "xl/chartsheets/sheet1.xml": `<chartsheet xmlns="${MAIN}"/>`,
    });
    const grids = readXlsx(bytes)!;
    expect(grids.map((g) => g.sheet)).toEqual(["Plan & notes", "First"]);
    // Its used range, B2:C3: the cells with values and the merged area below them.
    expect([grids[0]!.top, grids[0]!.left]).toEqual([1, 1]);
    expect(grids[0]!.values).toEqual([
      ["Action Step", "X "],
      [null, null],
    ]);
    expect(grids[0]!.merges).toEqual([{ top: 2, left: 1, bottom: 2, right: 2 }]);
    expect(grids[0]!.date1904).toBe(true);
  });

  test("a formula whose result is 0 or FALSE shows it (exceljs reads no result)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Counts");
    ws.getCell("A1").value = { formula: "COUNTIF(B:B,\"X\")", result: 0 };
    ws.getCell("A2").value = { formula: "ISBLANK(B1)", result: false };
    const [grid] = readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()))!;
    expect(grid!.values).toEqual([[0], [false]]);
  });

  test("a workbook exceljs cannot open (prefixed elements, inline strings): status reads it, and refresh copies it, flags and all", async () => {
    const text = (ref: string, t: string): string => `<x:c r="${ref}" t="inlineStr"><x:is><x:t>${t}</x:t></x:is></x:c>`;
    const bytes = await xlsx({
      "[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      "xl/workbook.xml": `<x:workbook xmlns:x="${MAIN}" xmlns:r="${REL}"><x:sheets><x:sheet name="Plan 2023-24" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
      "xl/_rels/workbook.xml.rels": relationships([["rId1", "worksheet", "worksheets/sheet1.xml"]]),
      "xl/worksheets/sheet1.xml": `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1">${text("A1", "Action Step")}${text("B1", "Jul")}${text("C1", "Aug")}${text("D1", "Sep")}</x:row><x:row r="2">${text("A2", "Launch PLC cycles")}${text("C2", "X")}</x:row></x:sheetData></x:worksheet>`,
    });
    await expect(new ExcelJS.Workbook().xlsx.load(bytes.buffer as ArrayBuffer)).rejects.toThrow();
    const path = tempPath("prefixed.xlsx");
    await writeFile(path, bytes);
    const status = captureIo();
    expect(await run(["status", path, "--json", "--as-of", "2023-09-15"], status)).toBe(0);
    expect((JSON.parse(status.out) as { summary: { totals: unknown } }).summary.totals).toMatchObject({ scheduled: 1, overdue: 1 });
    const out = tempPath("prefixed-out.xlsx");
    const refresh = captureIo();
    expect(await run(["refresh", path, "--out", out, "--as-of", "2023-09-15"], refresh)).toBe(0);
    expect(refresh.err).toBe("");
    // The flag is written in the sheet's own prefix, after its cells; the copy reads back as the input did.
    const copy = await readFile(out);
    const sheet = partText(ZipPackage.open(copy)!, "xl/worksheets/sheet1.xml")!;
    expect(sheet).toMatch(/<\/x:sheetData><x:conditionalFormatting sqref="C2"><x:cfRule type="expression" dxfId="0" priority="1"><x:formula>/);
    expect(readXlsx(copy)!.filter((g) => g.sheet === "Plan 2023-24")).toEqual(readXlsx(bytes));
  });

  test("a workbook saved as Strict Open XML (Excel's other .xlsx): its own namespaces, dates as ISO text", async () => {
    const strict = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    const rels = "http://purl.oclc.org/ooxml/officeDocument/relationships";
    const zip = new JSZip();
    zip.file("_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rels}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
    zip.file("xl/workbook.xml", `<workbook xmlns="${strict}" xmlns:r="${rels}" conformance="strict"><sheets><sheet name="PL Plan 2025-26" sheetId="1" r:id="rId1"/></sheets></workbook>`);
    zip.file(
      "xl/_rels/workbook.xml.rels",
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rels}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rels}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    );
    zip.file("xl/sharedStrings.xml", `<sst xmlns="${strict}"><si><t>Action Step</t></si><si><t>X</t></si></sst>`);
    zip.file(
      "xl/worksheets/sheet1.xml",
      `<worksheet xmlns="${strict}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="d"><v>2025-07-01T00:00:00</v></c><c r="C1" t="d"><v>2025-08-01T00:00:00</v></c></row><row r="2"><c r="B2" t="s"><v>1</v></c></row></sheetData></worksheet>`,
    );
    const [grid] = readXlsx(await zip.generateAsync({ type: "uint8array" }))!;
    expect(grid!.values).toEqual([
      ["Action Step", 45839, 45870],
      [null, "X", null],
    ]);
    // A date by its type, so the header reads as months even without a date style.
    expect(grid!.formats?.[0]).toEqual([null, "yyyy-mm-dd", "yyyy-mm-dd"]);
  });

  test("rows and cells without their number follow the one before", () => {
    const grid = readSheet(`<worksheet><sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row></sheetData></worksheet>`, "S", NO_CONTEXT);
    expect(grid.values).toEqual([
      [1, 2, null, null],
      [null, null, 3, 4],
    ]);
  });

  test("each kind of value as Excel stores it", () => {
    const sheet = `<worksheet xmlns="${MAIN}"><sheetData>
      <row r="1" spans="1:9">
        <c r="A1" t="inlineStr"><is><t>=not a formula</t></is></c>
        <c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>Launch</t></r><r><t xml:space="preserve"> PLC</t></r></is></c>
        <c r="C1" t="str"><f>IF(1,"X","")</f><v>X</v></c>
        <c r="D1" t="b"><v>1</v></c>
        <c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c>
        <c r="F1" t="d"><v>2024-01-15T12:00:00</v></c>
        <c r="G1"><f>1+1</f></c>
        <c r="H1" t="str"><v>a &amp; b_x000D_</v></c>
        <c r="I1"><v>1.5E-3</v></c>
      </row></sheetData></worksheet>`;
    expect(readSheet(sheet, "S", NO_CONTEXT).values[0]).toEqual(["=not a formula", "Launch PLC", "X", true, "#DIV/0!", 45306.5, null, "a & b\r", 0.0015]);
  });

  test("shared strings: rich text runs joined, the phonetic guide left out, escapes undone, line ends as XML reads them", () => {
    const strings = readSharedStrings(
      `<sst xmlns="${MAIN}"><si><r><t>研修</t></r><r><t>計画</t></r><rPh sb="0" eb="2"><t>ケンシュウ</t></rPh></si><si><t/></si><si><t>Tab_x0009_and&#10;line</t></si><si><t>one\r\ntwo</t></si></sst>`,
    );
    expect(strings).toEqual(["研修計画", "", "Tab\tand\nline", "one\ntwo"]);
  });

  test("styles: built-in and custom number formats, solid fills only, by the cell formats' index", () => {
    const styles = readStyles(`<styleSheet xmlns="${MAIN}">
      <numFmts count="1"><numFmt numFmtId="164" formatCode="mmm\\-yy"/></numFmts>
      <fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>
        <fill><patternFill patternType="solid"><fgColor rgb="FFFFC000"/><bgColor indexed="64"/></patternFill></fill>
        <fill><gradientFill degree="90"><stop position="0"><color rgb="FF000000"/></stop></gradientFill></fill></fills>
      <cellStyleXfs count="1"><xf numFmtId="9" fontId="0" fillId="2"/></cellStyleXfs>
      <cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" xfId="0"/><xf numFmtId="164" fillId="2" applyFill="1"/><xf numFmtId="17" fillId="3"><alignment wrapText="1"/></xf><xf numFmtId="9" fillId="1"/></cellXfs>
      <dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="0.0%"/></dxf></dxfs>
    </styleSheet>`);
    expect([0, 1, 2, 3, 4].map((s) => [styles.formats[s] ?? null, styles.fills[s] ?? null])).toEqual([
      [null, null],
      ["mmm\\-yy", "#FFC000"],
      ["mmm-yy", null],
      ["0%", null],
      [null, null],
    ]);
  });

  test("a row's own style counts only when it says so (customFormat); a column's style reaches the cells the file does not hold", () => {
    const styles = readStyles(
      `<styleSheet><fills><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/></patternFill></fill></fills><cellXfs><xf numFmtId="0" fillId="0"/><xf numFmtId="0" fillId="2"/></cellXfs></styleSheet>`,
    );
    const grid = readSheet(
      `<worksheet><cols><col min="2" max="3" width="9" style="1" hidden="1"/></cols><sheetData><row r="1" s="1"><c r="A1"><v>1</v></c></row><row r="2" s="1" customFormat="1" hidden="1"><c r="D2"><v>2</v></c></row></sheetData></worksheet>`,
      "S",
      { strings: [], styles, date1904: false },
    );
    expect(grid.fills).toEqual([
      [null, "#D9D9D9", "#D9D9D9", null],
      ["#D9D9D9", "#D9D9D9", "#D9D9D9", null],
    ]);
    expect(grid.hiddenRows).toEqual([1]);
    expect(grid.hiddenColumns).toEqual([1, 2]);
  });

  test("formatting far beyond the values does not stretch the grid (as the add-in reads a sheet); formatting near them does", () => {
    const styles = readStyles(`<styleSheet><fills><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFC000"/></patternFill></fill></fills><cellXfs><xf fillId="0"/><xf fillId="2"/></cellXfs></styleSheet>`);
    const context = { strings: [], styles, date1904: false };
    const values = `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>`;
    const far = readSheet(`<worksheet><sheetData>${values}<row r="1048576"><c r="A1048576" s="1"/></row></sheetData></worksheet>`, "S", context);
    expect(far.values).toEqual([[1, 2]]);
    expect(far.fills).toBeUndefined();
    const near = readSheet(`<worksheet><sheetData>${values}<row r="3"><c r="C3" s="1"/></row></sheetData></worksheet>`, "S", context);
    expect(near.values).toEqual([[1, 2, null], [null, null, null], [null, null, null]]);
    expect(near.fills?.[2]?.[2]).toBe("#FFC000");
  });

  test("a merged area shows its first cell's value only; a whole column merged does not stretch the grid", () => {
    const grid = readSheet(
      `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Goal 1</t></is></c><c r="B1" t="inlineStr"><is><t>left over</t></is></c></row><row r="2"><c r="A2"><v>7</v></c></row></sheetData>` +
        `<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="D1:D1048576"/></mergeCells></worksheet>`,
      "S",
      NO_CONTEXT,
    );
    expect(grid.values).toEqual([
      ["Goal 1", null, null],
      [7, null, null],
    ]);
    expect(grid.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 0, left: 3, bottom: 1_048_575, right: 3 },
    ]);
  });

  test("a sheet's XML cut short or with a piece missing still reads, without an exception", async () => {
    const zip = await JSZip.loadAsync(await readFile(join(SAMPLES, "district-plan.xlsx")));
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const strings = readSharedStrings(await zip.file("xl/sharedStrings.xml")!.async("string"));
    const context: SheetContext = { strings, styles: readStyles(await zip.file("xl/styles.xml")!.async("string")), date1904: false };
    fc.assert(
      fc.property(fc.nat(xml.length), fc.nat(xml.length), fc.nat(200), (at, cut, length) => {
        for (const broken of [xml.slice(0, at), xml.slice(0, cut) + xml.slice(cut + length)]) {
          const odd = readSheet(broken, "S", context).values.flat().filter((v) => v !== null && !["string", "number", "boolean"].includes(typeof v));
          expect(odd).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
  });

  test("a sheet with no cells is an empty grid", () => {
    expect(readSheet(`<worksheet xmlns="${MAIN}"><dimension ref="A1"/><sheetData/></worksheet>`, "Empty", NO_CONTEXT).values).toEqual([]);
  });

  test("a file that is not an .xlsx is not read", async () => {
    expect(readXlsx(new TextEncoder().encode("Action Step,Jul\n"))).toBeNull();
    const zip = new JSZip();
    zip.file("readme.txt", "not a workbook");
    expect(readXlsx(await zip.generateAsync({ type: "uint8array" }))).toBeNull();
  });
});
