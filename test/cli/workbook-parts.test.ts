/** @jest-environment node */
/** What a copy written by exceljs loses, read from the names of the workbook's parts. */
import { droppedContent, zipEntryNames } from "../../src/cli/workbook-parts";
import { workbookBuffer } from "../support/workbook-builder";
import { partNames, withParts } from "../support/zip-parts";

const sheet = { sheets: [{ name: "PL Plan", rows: [["Activity", "Jul", "Aug", "Sep"]] }] };

test("zipEntryNames reads the archive's directory as a zip reader does", async () => {
  const xlsx = await workbookBuffer(sheet);
  expect(zipEntryNames(xlsx)).toEqual(partNames(xlsx));
  expect(zipEntryNames(xlsx)).toContain("xl/workbook.xml");
  expect(zipEntryNames(Buffer.from("not a zip at all"))).toEqual([]);
  expect(zipEntryNames(new Uint8Array(0))).toEqual([]);
});

test("droppedContent names each kind of part exceljs does not copy, counted; null for a plain workbook", async () => {
  const xlsx = await workbookBuffer(sheet);
  expect(droppedContent(xlsx)).toBeNull();
  expect(droppedContent(withParts(xlsx, { "xl/charts/chart1.xml": "<c/>" }))).toEqual({ what: "a chart", one: true });
  expect(
    droppedContent(
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
    ),
  ).toEqual({ what: "a chart, a chart sheet, 2 slicers and a macro project", one: false });
});
