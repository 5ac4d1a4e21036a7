/** @jest-environment node */
import { readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { plainValue } from "../support/exceljs-grid";
import { CHART_NAME, PLAN_SHEET, SUMMARY_SHEET, flagKindOfFormula } from "../../src/core/writes";
import { captureIo, cellsOf, loadWithExceljs } from "../support/read-back";
import { buildWorkbook, filled, removeTempFiles, tempPath } from "../support/workbook-builder";
import { MONTHS_JUL_JUN, timelineRow, marked } from "../support/district";
import { partNames, partStorage, withParts } from "../support/zip-parts";
import { chartsOfSheet, elements, partText, relationshipsOf, sheetParts } from "../../src/cli/workbook-parts";
import { ZipPackage } from "../../src/cli/read-zip";

afterAll(removeTempFiles);

/** The chart parts the copy's summary sheet shows. */
function summaryCharts(path: string): string[] {
  const zip = ZipPackage.open(readFileSync(path))!;
  return chartsOfSheet(zip, sheetParts(zip).get(SUMMARY_SHEET)!);
}

function ownRules(ws: ExcelJS.Worksheet): { ref: string; kind: string }[] {
  const cfs = (ws as unknown as { conditionalFormattings?: { ref: string; rules: { type: string; formulae?: string[] }[] }[] }).conditionalFormattings ?? [];
  return cfs.flatMap((cf) => cf.rules.map((r) => ({ ref: cf.ref, kind: flagKindOfFormula(r.formulae?.[0]) ?? "user" })));
}

const PLAN_ROWS = [
  ["PL Plan 2023-24"],
  [],
  ["Action Step", "Person(s) Responsible", ...MONTHS_JUL_JUN],
  timelineRow(["Goal 1: All staff receive job-embedded professional learning", null], MONTHS_JUL_JUN),
  timelineRow(["Develop a PLC model for CSI schools", "Director of PL"], MONTHS_JUL_JUN, marked(["July", "August", "September"])),
  timelineRow(["Implement the PLC model in every CSI school", "Principals"], MONTHS_JUL_JUN, marked(["October", "November", "December", "January", "February"])),
  timelineRow(["=Monitor PLC implementation with walkthroughs", "PLC Coaches"], MONTHS_JUL_JUN, marked(["January", "April"])),
  timelineRow(["Survey staff on PL needs", "Data Team"], MONTHS_JUL_JUN, { May: filled("#5B9BD5"), June: filled("#5B9BD5") }),
];

describe("milestone-monitor refresh", () => {
  let input: string;
  beforeAll(async () => {
    const wb = buildWorkbook({
      sheets: [
        { name: "PL Plan", rows: PLAN_ROWS, fills: { "A3:N3": "#DCE9F7" } },
        { name: "Notes", rows: [["Minutes of the planning committee"]] },
      ],
    });
    // The planner's own rule: owners left empty turn pink. It must survive every refresh.
    wb.getWorksheet("PL Plan")!.addConditionalFormatting({
      ref: "B5:B8",
      rules: [{ type: "expression", priority: 1, formulae: ["LEN(B5)=0"], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } } }],
    });
    input = tempPath("plan.xlsx");
    await wb.xlsx.writeFile(input);
  });

  it("writes a copy with flags and the summary and plan sheets, leaving the input and every user cell as they were", async () => {
    const before = readFileSync(input);
    const out = tempPath("refreshed.xlsx");
    const io = captureIo();
    const code = await run(["refresh", input, "--out", out, "--as-of", "2024-01-15"], io);
    expect(io.err).toBe("");
    expect(code).toBe(0);
    expect(io.out).toContain("flagged");
    expect(readFileSync(input).equals(before)).toBe(true);

    const original = await loadWithExceljs(input);
    const refreshed = await loadWithExceljs(out);
    const userSheet = refreshed.getWorksheet("PL Plan")!;
    expect(cellsOf(userSheet)).toEqual(cellsOf(original.getWorksheet("PL Plan")!));
    expect(cellsOf(refreshed.getWorksheet("Notes")!)).toEqual(cellsOf(original.getWorksheet("Notes")!));

    // The user's own conditional format survives; the add-in's flags are its own rules over the overdue and current marks.
    const rules = ownRules(userSheet);
    expect(rules.filter((r) => r.kind === "user")).toHaveLength(1);
    const overdue = rules.filter((r) => r.kind === "overdue").flatMap((r) => r.ref.split(" "));
    const current = rules.filter((r) => r.kind === "current").flatMap((r) => r.ref.split(" "));
    // Jul-Dec 2023 marks are overdue as of 2024-01-15 (a row's neighbours as one range); January's are current.
    expect(overdue.sort()).toEqual(["C5:E5", "F6:H6"]);
    expect(current.sort()).toEqual(["I6", "I7"]);
  });

  it("puts the same figures in the summary sheet as status --json, and sheet text stays text", async () => {
    const out = tempPath("refreshed-2.xlsx");
    await run(["refresh", input, "--out", out, "--as-of", "2024-01-15"], captureIo());
    const io = captureIo();
    expect(await run(["status", input, "--json", "--as-of", "2024-01-15", "--sheet", "PL Plan"], io)).toBe(0);
    const doc = JSON.parse(io.out) as { summary: { totals: Record<string, number> } };
    const wb = await loadWithExceljs(out);
    const summary = wb.getWorksheet(SUMMARY_SHEET)!;
    const figures = new Map<string, unknown>();
    summary.eachRow((row) => figures.set(String(plainValue(row.getCell(1).value, false)), plainValue(row.getCell(2).value, false)));
    expect(figures.get("Done")).toBe(doc.summary.totals["done"]);
    expect(figures.get("Overdue")).toBe(doc.summary.totals["overdue"]);
    expect(figures.get("Current (due now)")).toBe(doc.summary.totals["current"]);
    expect(figures.get("Upcoming")).toBe(doc.summary.totals["upcoming"]);
    expect(figures.get("Activities")).toBe(doc.summary.totals["activities"]);
    expect(doc.summary.totals["activities"]).toBe(4);

    const plan = wb.getWorksheet(PLAN_SHEET)!;
    let formulaCell: ExcelJS.Cell | null = null;
    plan.eachRow((row) => row.eachCell((cell) => {
      if (typeof cell.value === "string" && cell.value.startsWith("=Monitor")) formulaCell = cell;
    }));
    expect(formulaCell).not.toBeNull();
    expect(formulaCell!.type).toBe(ExcelJS.ValueType.String);
    expect(Object.keys((plan as unknown as { tables: object }).tables)).toContain("MilestonePlan");
  });

  it("refreshing the refreshed copy gives the same workbook: no second summary, no doubled flags", async () => {
    const once = tempPath("once.xlsx");
    const twice = tempPath("twice.xlsx");
    // One clock for both: the copy's data sheet records when each refresh ran.
    const clock = () => Object.assign(captureIo(), { now: () => new Date("2024-01-15T09:00:00Z") });
    await run(["refresh", input, "--out", once, "--as-of", "2024-01-15"], clock());
    await run(["refresh", once, "--out", twice, "--as-of", "2024-01-15"], clock());
    const a = await loadWithExceljs(once);
    const b = await loadWithExceljs(twice);
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    for (const ws of a.worksheets) {
      expect(cellsOf(b.getWorksheet(ws.name)!)).toEqual(cellsOf(ws));
      expect(ownRules(b.getWorksheet(ws.name)!)).toEqual(ownRules(ws));
    }
  });

  it("keeps what the workbook holds that the add-in does not read (charts, pivot tables), part for part, and says nothing about it", async () => {
    // The planner's workbook with two charts and a pivot table: parts a copy written by a workbook library would drop.
    const withCharts = tempPath("with-charts.xlsx");
    const chart = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>';
    writeFileSync(
      withCharts,
      withParts(readFileSync(input), {
        "xl/charts/chart1.xml": chart,
        "xl/charts/chart2.xml": chart,
        "xl/pivotTables/pivotTable1.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
      }),
    );
    const out = tempPath("from-charts.xlsx");
    const io = captureIo();
    expect(await run(["refresh", withCharts, "--out", out, "--as-of", "2024-01-15"], io)).toBe(0);
    expect(io.err).toBe("");
    // Every part is in the copy as it was, but those the refresh writes: the list of sheets and what ties parts
    // together, the styles and shared strings it adds to, and the flagged sheet.
    const source = ZipPackage.open(readFileSync(withCharts))!;
    const copy = ZipPackage.open(readFileSync(out))!;
    const flagged = sheetParts(source).get("PL Plan")!;
    const written = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml", flagged];
    for (const name of source.names()) {
      expect([name, copy.has(name)]).toEqual([name, true]);
      if (!written.includes(name)) expect([name, Buffer.from(copy.read(name)!).equals(Buffer.from(source.read(name)!))]).toEqual([name, true]);
    }
    // The summary's own chart is a part of its own, beside the planner's two.
    expect(summaryCharts(out)).toEqual(["xl/charts/chart3.xml"]);
    expect(partNames(readFileSync(out)).filter((name) => /pivotTables/.test(name))).toEqual(["xl/pivotTables/pivotTable1.xml"]);
  });

  it("puts the summary's chart on the summary sheet: its figures are the sheet's cells, and a second refresh makes the same one chart", async () => {
    const once = tempPath("chart-once.xlsx");
    const twice = tempPath("chart-twice.xlsx");
    await run(["refresh", input, "--out", once, "--as-of", "2024-01-15"], captureIo());
    const io = captureIo();
    expect(await run(["refresh", once, "--out", twice, "--as-of", "2024-01-15"], io)).toBe(0);
    // The chart the first refresh made is the add-in's own: the second rebuilds it and says nothing is lost.
    expect(io.err).toBe("");

    const [chart] = summaryCharts(once);
    expect(summaryCharts(twice)).toEqual([chart]);
    const zip = ZipPackage.open(readFileSync(once))!;
    const xml = partText(zip, chart!)!;
    expect(partText(ZipPackage.open(readFileSync(twice))!, chart!)).toBe(xml);
    expect(xml).toContain("<a:t>Marks as of 2024-01-15</a:t>");
    expect(xml).toContain('<c:barDir val="col"/>');

    // Categories and values are references to the summary's "Marks" and "Count" cells, with what they hold cached.
    const refs = [...xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1]!.replace(/&apos;/g, "'"));
    expect(refs).toEqual(["'Milestone Summary'!$B$5", "'Milestone Summary'!$A$6:$A$10", "'Milestone Summary'!$B$6:$B$10"]);
    const summary = (await loadWithExceljs(once)).getWorksheet(SUMMARY_SHEET)!;
    const cached = (tag: "strCache" | "numCache"): string[] =>
      [...(new RegExp(`<c:${tag}>(.*?)</c:${tag}>`, "g").exec(xml.slice(xml.indexOf("<c:cat>")))?.[1] ?? "").matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]!);
    const column = (letter: string): string[] => [6, 7, 8, 9, 10].map((r) => String(plainValue(summary.getCell(`${letter}${r}`).value, false)));
    expect(cached("strCache")).toEqual(column("A"));
    expect(cached("numCache")).toEqual(column("B"));
    const status = captureIo();
    await run(["status", input, "--json", "--as-of", "2024-01-15", "--sheet", "PL Plan"], status);
    const totals = (JSON.parse(status.out) as { summary: { totals: Record<string, number> } }).summary.totals;
    expect(cached("numCache").map(Number)).toEqual(["done", "overdue", "current", "upcoming", "cancelled"].map((k) => totals[k]));

    // Placed beside the figures, from D5 over 6 columns and 12 rows, as the add-in places it.
    const drawing = relationshipsOf(zip, sheetParts(zip).get(SUMMARY_SHEET)!).find((r) => r.kind === "drawing")!;
    const anchor = partText(zip, drawing.part)!;
    expect(anchor).toMatch(/<xdr:from><xdr:col>3<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>4<\/xdr:row>/);
    expect(anchor).toContain(`name="${CHART_NAME}"`);
    expect(anchor).toMatch(/<xdr:to><xdr:col>9<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>16<\/xdr:row>/);
  });

  it("links to cells go to the cell inside the workbook, not to an outside file named like it", async () => {
    const out = tempPath("links.xlsx");
    await run(["refresh", input, "--out", out, "--as-of", "2024-01-15"], captureIo());
    const zip = ZipPackage.open(readFileSync(out))!;
    const sheets = sheetParts(zip);
    for (const name of [SUMMARY_SHEET, PLAN_SHEET]) {
      const part = sheets.get(name)!;
      const links = elements(partText(zip, part)!, "hyperlink");
      expect(links.length).toBeGreaterThan(3);
      for (const link of links) {
        expect(link.get("location")).toMatch(/^'PL Plan'![A-Z]+\d+$/);
        expect(link.has("r:id")).toBe(false);
      }
      expect(relationshipsOf(zip, part).filter((r) => r.kind === "hyperlink")).toEqual([]);
    }
    // Every part of the copy is compressed, the ones mended here and the ones exceljs wrote (folder entries hold nothing).
    const storage = Object.entries(partStorage(readFileSync(out))).filter(([name]) => !name.endsWith("/"));
    expect(new Set(storage.map(([, how]) => how))).toEqual(new Set(["deflated"]));
    // The plan sheet links each activity to its label cell.
    const plan = elements(partText(zip, sheets.get(PLAN_SHEET)!)!, "hyperlink").map((l) => l.get("location"));
    expect(plan).toContain("'PL Plan'!A5");
  });

  it("keeps the planner's own links to cells (which exceljs reads as plain text), through a second refresh too", async () => {
    // A link as Excel writes it: a place in the workbook, no relationship; beside it a link to a web page.
    const wb = await loadWithExceljs(input);
    wb.getWorksheet("Notes")!.getCell("A2").value = { text: "Project site", hyperlink: "https://example.org/pl" };
    const plain = Buffer.from(await wb.xlsx.writeBuffer());
    const zip = ZipPackage.open(plain)!;
    const notes = sheetParts(zip).get("Notes")!;
    const xml = partText(zip, notes)!.replace("</hyperlinks>", `<hyperlink ref="A1" location="'PL Plan'!A5" display="Minutes of the planning committee"/></hyperlinks>`);
    const withLink = tempPath("with-link.xlsx");
    writeFileSync(withLink, withParts(plain, { [notes]: xml }));
    expect((await loadWithExceljs(withLink)).getWorksheet("Notes")!.getCell("A1").value).toBe("Minutes of the planning committee");

    const once = tempPath("link-once.xlsx");
    const twice = tempPath("link-twice.xlsx");
    expect(await run(["refresh", withLink, "--out", once, "--as-of", "2024-01-15"], captureIo())).toBe(0);
    expect(await run(["refresh", once, "--out", twice, "--as-of", "2024-01-15"], captureIo())).toBe(0);
    for (const copy of [once, twice]) {
      const parts = ZipPackage.open(readFileSync(copy))!;
      const links = elements(partText(parts, sheetParts(parts).get("Notes")!)!, "hyperlink");
      expect(links.map((l) => [l.get("ref"), l.get("location") ?? null])).toEqual([
        ["A2", null],
        ["A1", "'PL Plan'!A5"],
      ]);
      expect(links[1]!.get("display")).toBe("Minutes of the planning committee");
      // The web link is exceljs's own, kept as it was.
      expect((await loadWithExceljs(copy)).getWorksheet("Notes")!.getCell("A2").value).toEqual({ text: "Project site", hyperlink: "https://example.org/pl" });
    }
  });

  it("keeps the planner's sparklines and drop-down lists from another sheet as they were, through a second refresh too", async () => {
    // Both as Excel writes them: extensions at the end of the sheet, their namespaces declared on them or on the
    // worksheet (as another writer may). A sparkline per activity row beside the timeline; a Status list whose
    // choices are on the Notes sheet.
    const plain = readFileSync(input);
    const zip = ZipPackage.open(plain)!;
    const plan = sheetParts(zip).get("PL Plan")!;
    const x14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
    const xm = "http://schemas.microsoft.com/office/excel/2006/main";
    const sparkline = (row: number): string => `<x14:sparkline><xm:f>'PL Plan'!C${row}:N${row}</xm:f><xm:sqref>O${row}</xm:sqref></x14:sparkline>`;
    const sparklines =
      `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}"><x14:sparklineGroups><x14:sparklineGroup type="column" displayEmptyCellsAs="gap">` +
      `<x14:colorSeries rgb="FF376092"/><x14:sparklines>${[5, 6, 7].map(sparkline).join("")}</x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext>`;
    const lists =
      `<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="${x14}"><x14:dataValidations count="1" xmlns:xm="${xm}">` +
      `<x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>Notes!$A$1:$A$4</xm:f></x14:formula1><xm:sqref>P5:P8</xm:sqref></x14:dataValidation></x14:dataValidations></ext>`;
    const extensions = `<extLst>${sparklines}${lists}</extLst>`;
    const xml = partText(zip, plan)!
      .replace(/<worksheet\b/, `<worksheet xmlns:x14="${x14}" xmlns:xm="${xm}"`)
      .replace("</worksheet>", `${extensions}</worksheet>`);
    const withExtensions = tempPath("with-extensions.xlsx");
    writeFileSync(withExtensions, withParts(plain, { [plan]: xml }));

    const once = tempPath("extensions-once.xlsx");
    const twice = tempPath("extensions-twice.xlsx");
    expect(await run(["refresh", withExtensions, "--out", once, "--as-of", "2024-01-15"], captureIo())).toBe(0);
    expect(await run(["refresh", once, "--out", twice, "--as-of", "2024-01-15"], captureIo())).toBe(0);
    const sheetXml = (copy: string): string => {
      const parts = ZipPackage.open(readFileSync(copy))!;
      return partText(parts, sheetParts(parts).get("PL Plan")!)!;
    };
    const first = sheetXml(once);
    // The sheet is the planner's, up to the flags: its root (namespaces and all) and its extensions as they were.
    expect(first.slice(0, first.indexOf("</sheetData>"))).toBe(xml.slice(0, xml.indexOf("</sheetData>")));
    expect(first).toContain(`${extensions}</worksheet>`);
    // exceljs reads the copy; a second refresh writes the same sheet.
    await loadWithExceljs(once);
    expect(sheetXml(twice)).toBe(first);
  });

  it("keeps a picture on the planner's sheet beside the chart it adds", async () => {
    const wb = await loadWithExceljs(input);
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
    wb.getWorksheet("Notes")!.addImage(wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" }), { tl: { col: 2, row: 2 }, ext: { width: 40, height: 40 } });
    const withPicture = tempPath("with-picture.xlsx");
    await wb.xlsx.writeFile(withPicture);
    const out = tempPath("picture-refreshed.xlsx");
    const io = captureIo();
    expect(await run(["refresh", withPicture, "--out", out, "--as-of", "2024-01-15"], io)).toBe(0);
    expect(io.err).toBe("");
    const zip = ZipPackage.open(readFileSync(out))!;
    const sheets = sheetParts(zip);
    const drawingOf = (name: string): string => relationshipsOf(zip, sheets.get(name)!).find((r) => r.kind === "drawing")!.part;
    const notes = drawingOf("Notes");
    const summary = drawingOf(SUMMARY_SHEET);
    expect(notes).not.toBe(summary);
    expect(relationshipsOf(zip, notes).map((r) => r.kind)).toEqual(["image"]);
    expect(relationshipsOf(zip, summary).map((r) => r.kind)).toEqual(["chart"]);
    const types = partText(zip, "[Content_Types].xml")!;
    expect(types).toContain(`PartName="/${summary}"`);
    // exceljs reads the copy back with the picture where it was.
    expect((await loadWithExceljs(out)).getWorksheet("Notes")!.getImages()).toHaveLength(1);
  });

  it("refuses to overwrite its input, and needs --out", async () => {
    const io = captureIo();
    expect(await run(["refresh", input, "--out", input], io)).toBe(2);
    expect(io.err).toMatch(/is the input file/);
    const io2 = captureIo();
    expect(await run(["refresh", input], io2)).toBe(2);
    expect(io2.err.trim().split("\n")).toHaveLength(1);
  });
});
