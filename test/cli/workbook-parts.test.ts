/** @jest-environment node */
/** An .xlsx as its parts: which part is which sheet, the text of a part in its encoding, and the chart a copy draws. */
import { chartXml } from "../../src/cli/own-sheets";
import { ZipPackage } from "../../src/cli/read-zip";
import { decodePart, elements, partText, relationshipsOf, sheetParts, workbookSheets } from "../../src/cli/workbook-parts";
import { SUMMARY_SHEET, type SheetWrite } from "../../src/core/writes";
import { workbookBuffer } from "../support/workbook-builder";
import { withParts } from "../support/zip-parts";

const sheet = { sheets: [{ name: "PL Plan", rows: [["Activity", "Jul", "Aug", "Sep"]] }] };

/** A sheet write with a chart over its first two columns, as the summary sheet has. */
function withChart(name: string): SheetWrite {
  const cell = (t: string | number): SheetWrite["rows"][number][number] =>
    typeof t === "string" ? { value: { kind: "text", text: t } } : { value: { kind: "number", value: t } };
  return {
    name,
    rows: [[cell("Marks"), cell("Count")], [cell("Done"), cell(3)], [cell("Overdue"), cell(2)]],
    columnWidths: [],
    freezeRows: 0,
    chart: { title: "Marks", type: "column", data: { top: 0, left: 0, bottom: 2, right: 1 }, anchor: { row: 0, column: 3, rows: 10, columns: 5 } },
  };
}

test("sheetParts names each sheet's part, through the workbook's relationships", async () => {
  const zip = ZipPackage.open(await workbookBuffer({ sheets: [{ name: "PL Plan", rows: [["x"]] }, { name: "Notes & Plans' <draft>", rows: [["y"]] }] }))!;
  expect([...sheetParts(zip).entries()]).toEqual([
    ["PL Plan", "xl/worksheets/sheet1.xml"],
    ["Notes & Plans' <draft>", "xl/worksheets/sheet2.xml"],
  ]);
  expect(ZipPackage.open(Buffer.from("not a zip at all"))).toBeNull();
});

test("sheetParts reads a workbook that names the relationships namespace with another prefix", async () => {
  const xlsx = await workbookBuffer(sheet);
  const workbookXml = partText(ZipPackage.open(xlsx)!, "xl/workbook.xml")!;
  const renamed = workbookXml.replace(/xmlns:r=/g, "xmlns:rel=").replace(/ r:id=/g, " rel:id=");
  expect(renamed).toContain("rel:id=");
  const zip = ZipPackage.open(withParts(xlsx, { "xl/workbook.xml": renamed }))!;
  expect([...sheetParts(zip).entries()]).toEqual([["PL Plan", "xl/worksheets/sheet1.xml"]]);
});

test("a sheet whose relationship climbs out of the package is marked as outside it", async () => {
  const xlsx = await workbookBuffer(sheet);
  const zip = ZipPackage.open(xlsx)!;
  const rels = partText(zip, "xl/_rels/workbook.xml.rels")!.replace('Target="worksheets/sheet1.xml"', 'Target="../../../etc/passwd"');
  const outside = ZipPackage.open(withParts(xlsx, { "xl/_rels/workbook.xml.rels": rels }))!;
  const [only] = workbookSheets(outside);
  expect(only).toMatchObject({ name: "PL Plan", part: "../../../etc/passwd", kind: "worksheet", outside: true });
  expect(relationshipsOf(outside, "xl/workbook.xml").find((r) => r.id === only!.id)?.outside).toBe(true);
});

test("a part's text in the encoding it is in: UTF-8 with or without its mark, UTF-16 either way round, an 8-bit one it declares", () => {
  const xml = `<?xml version="1.0"?><sst><si><t>Évaluer – “Plan”</t></si></sst>`;
  const utf16le = Buffer.from(xml, "utf16le");
  const utf16be = Buffer.from(utf16le).swap16();
  expect(decodePart(Buffer.from(xml))).toBe(xml);
  expect(decodePart(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml)]))).toBe(xml);
  expect(decodePart(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le]))).toBe(xml);
  expect(decodePart(utf16le)).toBe(xml);
  expect(decodePart(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]))).toBe(xml);
  expect(decodePart(utf16be)).toBe(xml);
  const declared = `<?xml version="1.0" encoding="windows-1252"?><t>`;
  const bytes = Buffer.concat([Buffer.from(declared, "latin1"), Buffer.from([0x93, 0x50, 0x6c, 0x61, 0x6e, 0x94, 0x20, 0x80]), Buffer.from("</t>")]);
  expect(decodePart(bytes)).toBe(`${declared}\u201cPlan\u201d \u20ac</t>`);
});

test("an attribute value may hold a > (XML allows it): the element and its attributes are read whole", () => {
  expect(elements(`<numFmt numFmtId="164" formatCode="[>=100]0;0"/><numFmt numFmtId='165' formatCode='a>b'/>`, "numFmt")).toEqual([
    new Map([["numFmtId", "164"], ["formatCode", "[>=100]0;0"]]),
    new Map([["numFmtId", "165"], ["formatCode", "a>b"]]),
  ]);
});

test("chartXml draws each chart type a write may name: columns and bars on two axes, a pie without axes and with a legend", () => {
  const xml = (type: "column" | "bar" | "pie"): string => chartXml(withChart(SUMMARY_SHEET), { ...withChart(SUMMARY_SHEET).chart!, type });
  expect(xml("column")).toContain('<c:barDir val="col"/>');
  expect(xml("bar")).toContain('<c:barDir val="bar"/>');
  for (const type of ["column", "bar"] as const) {
    expect(xml(type).match(/<c:(catAx|valAx)>/g)).toEqual(["<c:catAx>", "<c:valAx>"]);
    expect(xml(type)).not.toContain("<c:legend>");
  }
  expect(xml("pie")).toContain("<c:pieChart>");
  expect(xml("pie")).not.toMatch(/<c:(catAx|valAx|invertIfNegative)/);
  expect(xml("pie")).toContain("<c:legend>");
  // The same series in each: its name, categories and values from the sheet, cached.
  for (const type of ["column", "bar", "pie"] as const) {
    expect(xml(type)).toContain("<c:f>&apos;Milestone Summary&apos;!$A$2:$A$3</c:f>");
    expect(xml(type)).toContain('<c:pt idx="1"><c:v>2</c:v></c:pt>');
  }
});
