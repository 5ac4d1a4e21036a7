/** @jest-environment node */
/** An .xlsx as its parts: which part is which sheet, the charts a sheet shows, and what a copy written by exceljs loses. */
import { chartXml, finishCopy } from "../../src/cli/finish-copy";
import { chartsOfSheet, droppedContent, elements, openParts, partText, relationshipsOf, sheetParts } from "../../src/cli/workbook-parts";
import { PLAN_SHEET, SUMMARY_SHEET, type SheetWrite } from "../../src/core/writes";
import { workbookBuffer } from "../support/workbook-builder";
import { withParts } from "../support/zip-parts";

const sheet = { sheets: [{ name: "PL Plan", rows: [["Activity", "Jul", "Aug", "Sep"]] }] };
const REBUILT = [SUMMARY_SHEET, PLAN_SHEET];

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
  const zip = (await openParts(await workbookBuffer({ sheets: [{ name: "PL Plan", rows: [["x"]] }, { name: "Notes & Plans' <draft>", rows: [["y"]] }] })))!;
  expect([...(await sheetParts(zip)).entries()]).toEqual([
    ["PL Plan", "xl/worksheets/sheet1.xml"],
    ["Notes & Plans' <draft>", "xl/worksheets/sheet2.xml"],
  ]);
  expect(await openParts(Buffer.from("not a zip at all"))).toBeNull();
});

test("sheetParts reads a workbook that names the relationships namespace with another prefix", async () => {
  const xlsx = await workbookBuffer(sheet);
  const workbookXml = (await partText((await openParts(xlsx))!, "xl/workbook.xml"))!;
  const renamed = workbookXml.replace(/xmlns:r=/g, "xmlns:rel=").replace(/ r:id=/g, " rel:id=");
  expect(renamed).toContain("rel:id=");
  const zip = (await openParts(withParts(xlsx, { "xl/workbook.xml": renamed })))!;
  expect([...(await sheetParts(zip)).entries()]).toEqual([["PL Plan", "xl/worksheets/sheet1.xml"]]);
});

test("droppedContent names each kind of part exceljs does not copy, counted; null for a plain workbook", async () => {
  const xlsx = await workbookBuffer(sheet);
  expect(await droppedContent(xlsx, REBUILT)).toBeNull();
  expect(await droppedContent(withParts(xlsx, { "xl/charts/chart1.xml": "<c/>" }), REBUILT)).toEqual({ what: "a chart", one: true });
  expect(
    await droppedContent(
      withParts(xlsx, {
        "xl/charts/chart1.xml": "<c/>",
        "xl/chartsheets/sheet1.xml": "<c/>",
        "xl/slicers/slicer1.xml": "<s/>",
        "xl/slicers/slicer2.xml": "<s/>",
        "xl/vbaProject.bin": "macros",
        // A chart's style and colour parts are part of the chart, not charts of their own.
        "xl/charts/style1.xml": "<s/>",
        "xl/charts/colors1.xml": "<c/>",
      }),
      REBUILT,
    ),
  ).toEqual({ what: "a chart, a chart sheet, 2 slicers and a macro project", one: false });
  // A committee's comment threads, counted by comment; form controls; check boxes in cells (not counted).
  const thread = (id: string): string => `<threadedComment ref="B5" dT="2024-01-10T09:00:00.00" personId="{P1}" id="{${id}}"><text>Moved to March?</text></threadedComment>`;
  expect(
    await droppedContent(
      withParts(xlsx, {
        "xl/threadedComments/threadedComment1.xml": `<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">${thread("1")}${thread("2")}</ThreadedComments>`,
        "xl/threadedComments/threadedComment2.xml": `<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">${thread("3")}</ThreadedComments>`,
        "xl/ctrlProps/ctrlProp1.xml": `<formControlPr objectType="CheckBox"/>`,
        "xl/ctrlProps/ctrlProp2.xml": `<formControlPr objectType="Drop"/>`,
        "xl/featurePropertyBag/featurePropertyBag.xml": `<FeaturePropertyBags xmlns="http://schemas.microsoft.com/office/spreadsheetml/2022/featurepropertybag"><bag type="Checkbox"/><bag type="XFControls"><bagId k="CellControl">0</bagId></bag></FeaturePropertyBags>`,
      }),
      REBUILT,
    ),
  ).toEqual({ what: "3 threaded comments, 2 form controls and check boxes in cells (the copy shows their TRUE and FALSE)", one: false });
  expect(await droppedContent(withParts(xlsx, { "xl/ctrlProps/ctrlProp1.xml": "<formControlPr/>" }), REBUILT)).toEqual({ what: "a form control", one: true });
  // Check boxes alone are not counted, so the note speaks of them as several ("them").
  const boxes = `<FeaturePropertyBags><bag type="Checkbox"/></FeaturePropertyBags>`;
  expect(await droppedContent(withParts(xlsx, { "xl/featurePropertyBag/featurePropertyBag.xml": boxes }), REBUILT)).toEqual({
    what: "check boxes in cells (the copy shows their TRUE and FALSE)",
    one: false,
  });
  // A property bag for something other than check boxes is not one.
  expect(await droppedContent(withParts(xlsx, { "xl/featurePropertyBag/featurePropertyBag.xml": `<FeaturePropertyBags><bag type="Other"/></FeaturePropertyBags>` }), REBUILT)).toBeNull();
  expect(await droppedContent(Buffer.from("not a zip"), REBUILT)).toBeNull();
});

test("a chart on a sheet the copy rebuilds is not lost; one on the planner's sheet is", async () => {
  const xlsx = await workbookBuffer({ sheets: [{ name: "PL Plan", rows: [["Activity"]] }, { name: SUMMARY_SHEET, rows: [["Marks"]] }] });
  const onSummary = await finishCopy(xlsx, [withChart(SUMMARY_SHEET)]);
  const zip = (await openParts(onSummary))!;
  const parts = await sheetParts(zip);
  expect(await chartsOfSheet(zip, parts.get(SUMMARY_SHEET)!)).toEqual(["xl/charts/chart1.xml"]);
  expect(await chartsOfSheet(zip, parts.get("PL Plan")!)).toEqual([]);
  expect(await droppedContent(onSummary, REBUILT)).toBeNull();

  const onPlan = await finishCopy(onSummary, [withChart("PL Plan")]);
  expect(await droppedContent(onPlan, REBUILT)).toEqual({ what: "a chart", one: true });
  // The second chart has parts of its own.
  const both = (await openParts(onPlan))!;
  expect(await chartsOfSheet(both, (await sheetParts(both)).get("PL Plan")!)).toEqual(["xl/charts/chart2.xml"]);
  expect((await relationshipsOf(both, "xl/worksheets/sheet1.xml")).map((r) => [r.kind, r.part])).toEqual([["drawing", "xl/drawings/drawing2.xml"]]);
});

test("finishCopy passes over a sheet the workbook does not have, and bytes that are not a workbook", async () => {
  const xlsx = await workbookBuffer(sheet);
  const copy = await finishCopy(xlsx, [withChart(SUMMARY_SHEET)]);
  const zip = (await openParts(copy))!;
  expect(Object.keys(zip.files).filter((name) => name.includes("chart"))).toEqual([]);
  const junk = Buffer.from("not a zip");
  expect(await finishCopy(junk, [withChart(SUMMARY_SHEET)])).toBe(junk);
});

test("finishCopy puts a planner's link to a cell back in its place in the sheet, when exceljs wrote the sheet with no links", async () => {
  const xlsx = await workbookBuffer({ sheets: [{ name: "PL Plan", rows: [["Activity"]] }, { name: "Notes", rows: [["See the plan"]] }] });
  const zip = (await openParts(xlsx))!;
  const notes = (await sheetParts(zip)).get("Notes")!;
  const written = (await partText(zip, notes))!;
  expect(written).not.toContain("<hyperlinks>");
  expect(written).toContain("<pageMargins");
  // As Excel writes it, with an id of its own in a namespace the copy does not declare.
  const link = `<hyperlinks><hyperlink ref="A1" location="'PL Plan'!A1" display="See &amp; plan" xr:uid="{5B2E1C0A-0000-4000-8000-000000000001}"/></hyperlinks>`;
  const original = withParts(xlsx, { [notes]: written.replace("<pageMargins", `${link}<pageMargins`) });

  const copy = (await openParts(await finishCopy(xlsx, [withChart(SUMMARY_SHEET)], original)))!;
  const xml = (await partText(copy, notes))!;
  // In the order a worksheet's elements go: the links before the page margins.
  expect(xml.indexOf("<hyperlinks>")).toBeGreaterThan(xml.indexOf("</sheetData>"));
  expect(xml.indexOf("</hyperlinks>")).toBeLessThan(xml.indexOf("<pageMargins"));
  expect(elements(xml, "hyperlink")).toEqual([new Map([["ref", "A1"], ["location", "'PL Plan'!A1"], ["display", "See & plan"]])]);
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
