/**
 * What exceljs cannot write, done to the .xlsx it wrote:
 *  - the chart a sheet write describes (exceljs writes no charts): the chart part, a drawing that places it over
 *    the cells the description names, and the relationships and content types that tie them to the sheet. The
 *    chart reads its figures from the sheet's cells, so Excel redraws it when they change; they are cached in the
 *    chart too, as Excel writes them, for viewers that do not recalculate;
 *  - the add-in's links to cells of the workbook, as Excel writes them (a place in the workbook): exceljs would
 *    write each as a link to an outside file named like the cell, which Excel says it cannot open;
 *  - the planner's own links to cells, which exceljs's reader drops (it keeps links to web pages and files);
 *  - the planner's sparklines and drop-down lists from other sheets, which exceljs drops with the sheet's extensions.
 * The copy is then compressed with zlib (write-zip.ts).
 */
import type JSZip from "jszip";
import { columnLetters, quoteSheet } from "../core/address";
import { CHART_NAME, type ChartWrite, type SheetWrite } from "../core/writes";
import { elements, escapeXml, openParts, partText, putPart, relationshipsOf, relationshipsPart, sheetParts } from "./workbook-parts";
import { writeZip, type Part } from "./write-zip";

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
};
const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";

/** `'Milestone Summary'!$A$6:$A$10`: an absolute reference to a column of cells. */
function reference(sheet: string, column: number, top: number, bottom: number): string {
  const cell = (row: number): string => `$${columnLetters(column)}$${row + 1}`;
  return `${quoteSheet(sheet)}!${cell(top)}${bottom === top ? "" : `:${cell(bottom)}`}`;
}

function textOf(sheet: SheetWrite, row: number, column: number): string {
  const v = sheet.rows[row]?.[column]?.value;
  return v === undefined ? "" : v.kind === "text" || v.kind === "link" ? v.text : v.kind === "number" ? String(v.value) : v.date;
}

function numberOf(sheet: SheetWrite, row: number, column: number): number {
  const v = sheet.rows[row]?.[column]?.value;
  return v?.kind === "number" ? v.value : 0;
}

/** The chart part: one series, its name in the data's header row, categories in its first column, values in its second. */
export function chartXml(sheet: SheetWrite, chart: ChartWrite): string {
  const { top, left, bottom } = chart.data;
  const first = top + 1;
  const points = bottom - first + 1;
  const categories = Array.from({ length: points }, (_, i) => `<c:pt idx="${i}"><c:v>${escapeXml(textOf(sheet, first + i, left))}</c:v></c:pt>`).join("");
  const values = Array.from({ length: points }, (_, i) => `<c:pt idx="${i}"><c:v>${numberOf(sheet, first + i, left + 1)}</c:v></c:pt>`).join("");
  const series =
    `<c:ser><c:idx val="0"/><c:order val="0"/>` +
    `<c:tx><c:strRef><c:f>${escapeXml(reference(sheet.name, left + 1, top, top))}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeXml(textOf(sheet, top, left + 1))}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
    (chart.type === "pie" ? "" : `<c:invertIfNegative val="0"/>`) +
    `<c:cat><c:strRef><c:f>${escapeXml(reference(sheet.name, left, first, bottom))}</c:f><c:strCache><c:ptCount val="${points}"/>${categories}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXml(reference(sheet.name, left + 1, first, bottom))}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${points}"/>${values}</c:numCache></c:numRef></c:val>` +
    `</c:ser>`;
  const horizontal = chart.type === "bar";
  const plot =
    chart.type === "pie"
      ? `<c:pieChart><c:varyColors val="1"/>${series}<c:firstSliceAng val="0"/></c:pieChart>`
      : `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
        `<c:gapWidth val="150"/><c:axId val="1"/><c:axId val="2"/></c:barChart>` +
        `<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="${horizontal ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/>` +
        `<c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="2"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
        `<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? "b" : "l"}"/><c:majorGridlines/>` +
        `<c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="1"/><c:crosses val="${horizontal ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}</c:plotArea>` +
    (chart.type === "pie" ? `<c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend>` : "") +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** The drawing part: the chart over the cells of its anchor (0-based; `to` is the cell just past its corner). */
export function drawingXml(chart: ChartWrite, chartRelationship: string): string {
  const { row, column, rows, columns } = chart.anchor;
  const corner = (r: number, c: number): string => `<xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}"><xdr:twoCellAnchor>` +
    `<xdr:from>${corner(row, column)}</xdr:from><xdr:to>${corner(row + rows, column + columns)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escapeXml(CHART_NAME)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${chartRelationship}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

/** The first free part name `xl/charts/chart{n}.xml` for n = 1, 2, ... */
function freePart(zip: JSZip, folder: string, stem: string): string {
  for (let n = 1; ; n++) {
    const name = `${folder}/${stem}${n}.xml`;
    if (!zip.file(name)) return name;
  }
}

/** Relative path from one part's folder to another part: `../charts/chart1.xml`. */
function relativeTarget(from: string, to: string): string {
  const base = from.split("/").slice(0, -1);
  const target = to.split("/");
  let common = 0;
  while (common < base.length && common < target.length - 1 && base[common] === target[common]) common++;
  return [...base.slice(common).map(() => ".."), ...target.slice(common)].join("/");
}

/** A relationships part with one more relationship; its id is the first `rId{n}` not taken. */
async function addRelationship(zip: JSZip, part: string, kind: string, target: string): Promise<string> {
  const path = relationshipsPart(part);
  const xml = (await partText(zip, path)) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rels}"></Relationships>`;
  const taken = new Set((await relationshipsOf(zip, part)).map((r) => r.id));
  let n = 1;
  while (taken.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const relationship = `<Relationship Id="${id}" Type="${NS.r}/${kind}" Target="${escapeXml(relativeTarget(part, target))}"/>`;
  putPart(zip, path, xml.replace(/<\/Relationships>\s*$/, `${relationship}</Relationships>`).replace(/<Relationships([^>]*)\/>\s*$/, `<Relationships$1>${relationship}</Relationships>`));
  return id;
}

/** A worksheet's elements from `<hyperlinks>` on, in the order ECMA-376 (CT_Worksheet) puts them. */
const SHEET_TAIL = [
  "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties",
  "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture",
  "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
];

/** The worksheet's XML with an element (one of SHEET_TAIL) put in its place: before the first that must follow it. */
function withElement(sheetXml: string, name: string, element: string): string {
  let at = -1;
  for (const follower of SHEET_TAIL.slice(SHEET_TAIL.indexOf(name) + 1)) {
    const i = sheetXml.search(new RegExp(`<${follower}[\\s/>]`));
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) at = sheetXml.lastIndexOf("</worksheet>");
  return sheetXml.slice(0, at) + element + sheetXml.slice(at);
}

/** The worksheet's XML with a `<drawing r:id>` in its place. */
function withDrawing(sheetXml: string, relationship: string): string {
  const root = /<worksheet\b[^>]*>/.exec(sheetXml)?.[0] ?? "";
  // The r: prefix is declared on the root by every writer we know; declared here when it is not.
  const xml = root.includes(`xmlns:r="${NS.r}"`) ? sheetXml : sheetXml.replace(root, root.replace(/>$/, ` xmlns:r="${NS.r}">`));
  return withElement(xml, "drawing", `<drawing r:id="${relationship}"/>`);
}

/**
 * The worksheet's XML with links to cells of the workbook added, as Excel writes them (a place in the workbook, no
 * relationship), for cells that have no link: the add-in's own, and those a planner made, which exceljs's reader drops.
 */
function withLinks(sheetXml: string, links: Map<string, string>[]): string {
  const linked = new Set(elements(sheetXml, "hyperlink").map((l) => l.get("ref")));
  const added = links
    .filter((l) => !linked.has(l.get("ref")))
    // Only the link's own attributes: a prefixed one (Excel's xr:uid) names a namespace the copy may not declare.
    .map((l) => `<hyperlink${[...l].filter(([name]) => !name.includes(":")).map(([name, value]) => ` ${name}="${escapeXml(value)}"`).join("")}/>`)
    .join("");
  if (added === "") return sheetXml;
  if (/<\/hyperlinks>/.test(sheetXml)) return sheetXml.replace(/<\/hyperlinks>/, `${added}</hyperlinks>`);
  return withElement(sheetXml, "hyperlinks", `<hyperlinks>${added}</hyperlinks>`);
}

/** A sheet's links to cells of the workbook as Excel writes them: a place (`location`) and no relationship. */
function placeLinks(sheetXml: string): Map<string, string>[] {
  return elements(sheetXml, "hyperlink").filter((l) => l.has("ref") && l.has("location") && ![...l.keys()].some((name) => name.endsWith(":id")));
}

/**
 * Extensions of a worksheet (ECMA-376's `<extLst>`, where Excel 2010 and later keep what older versions ignore)
 * that exceljs drops and that stand on their own, so the copy gets them back as they were: sparklines (the small
 * charts in cells), and drop-down lists whose choices are on another sheet (a Status column's list). Both refer
 * to cells only, by formula.
 */
const KEPT_EXTENSIONS = ["{05C60535-1F16-4fd2-B633-F4F36F0B64E0}", "{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"];

/** Where an extension of the given URI starts in a sheet's XML, or -1. */
function extensionAt(sheetXml: string, uri: string): number {
  return sheetXml.search(new RegExp(`<ext\\b[^>]*\\buri="${uri.replace(/[{}]/g, "\\$&")}"`, "i"));
}

/**
 * The sheet's extensions of KEPT_EXTENSIONS, each an `<ext>` element that stands on its own: every namespace
 * prefix it uses declared on it (Excel declares them there; another writer may declare them on the worksheet).
 * One that uses a prefix declared nowhere is left out.
 */
function keptExtensions(sheetXml: string): string[] {
  const root = /<worksheet\b[^>]*>/.exec(sheetXml)?.[0] ?? "";
  const found: string[] = [];
  for (const uri of KEPT_EXTENSIONS) {
    const at = extensionAt(sheetXml, uri);
    const end = at < 0 ? -1 : sheetXml.indexOf("</ext>", at);
    if (end < 0) continue;
    let ext: string | null = sheetXml.slice(at, end + "</ext>".length);
    const used = new Set([...ext.matchAll(/<\/?([A-Za-z_][\w.-]*):/g), ...ext.matchAll(/\s([A-Za-z_][\w.-]*):[\w.-]+\s*=/g)].map((m) => m[1]!));
    used.delete("xmlns");
    for (const prefix of used) {
      if (ext === null || ext.includes(`xmlns:${prefix}=`)) continue;
      const declared = new RegExp(`\\sxmlns:${prefix}="[^"]*"`).exec(root);
      ext = declared ? ext.replace(/^<ext\b/, `<ext${declared[0]}`) : null;
    }
    if (ext !== null) found.push(ext);
  }
  return found;
}

/** The worksheet's XML with extensions added into its `<extLst>`, each unless it has one of that URI. */
function withExtensions(sheetXml: string, extensions: string[]): string {
  const missing = extensions.filter((ext) => extensionAt(sheetXml, /\buri="([^"]*)"/.exec(ext)![1]!) < 0).join("");
  if (missing === "") return sheetXml;
  if (/<\/extLst>/.test(sheetXml)) return sheetXml.replace(/<\/extLst>/, `${missing}</extLst>`);
  return withElement(sheetXml, "extLst", `<extLst>${missing}</extLst>`);
}

/** Content types with an override for each new part. */
function withContentTypes(xml: string, overrides: [part: string, type: string][]): string {
  const added = overrides.map(([part, type]) => `<Override PartName="/${part}" ContentType="${type}"/>`).join("");
  return xml.replace(/<\/Types>\s*$/, `${added}</Types>`);
}

/**
 * The links to cells of a sheet written from a description, as Excel writes them: a place in the workbook, no
 * relationship. exceljs gets these cells as text (it would write each link as one to an outside file named like
 * the cell, besides building a relationship apiece), and they are linked here.
 */
function descriptionLinks(sheet: SheetWrite): Map<string, string>[] {
  const top = sheet.table?.area.top ?? 0;
  const left = sheet.table?.area.left ?? 0;
  const links: Map<string, string>[] = [];
  sheet.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const v = cell?.value;
      if (v?.kind === "link") links.push(new Map([["ref", `${columnLetters(left + c)}${top + r + 1}`], ["location", v.target], ["display", v.text]]));
    }),
  );
  return links;
}

/** Puts the chart of a sheet write on its sheet: chart and drawing parts, their relationships and content types. */
async function addChart(zip: JSZip, sheetPart: string, sheetXml: string, sheet: SheetWrite, chart: ChartWrite): Promise<string> {
  const contentTypes = await partText(zip, "[Content_Types].xml");
  // exceljs writes a fresh sheet without a drawing; one already there is left as it is.
  if (contentTypes === null || elements(sheetXml, "drawing").length > 0) return sheetXml;
  const chartPart = freePart(zip, "xl/charts", "chart");
  const drawingPart = freePart(zip, "xl/drawings", "drawing");
  putPart(zip, chartPart, chartXml(sheet, chart));
  const chartId = await addRelationship(zip, drawingPart, "chart", chartPart);
  putPart(zip, drawingPart, drawingXml(chart, chartId));
  const drawingId = await addRelationship(zip, sheetPart, "drawing", drawingPart);
  putPart(zip, "[Content_Types].xml", withContentTypes(contentTypes, [[chartPart, CHART_TYPE], [drawingPart, DRAWING_TYPE]]));
  return withDrawing(sheetXml, drawingId);
}

/**
 * The .xlsx exceljs wrote, finished:
 *  - each sheet written from a description gets its links to cells and its chart;
 *  - on every other sheet, the links to cells the original workbook had (which exceljs read as plain text), and its
 *    sparklines and drop-down lists from other sheets (which exceljs drops), are back.
 * Every part comes out compressed, by zlib (write-zip.ts), so exceljs can write its parts stored (uncompressed) and
 * none is compressed twice. A sheet the workbook does not have is passed over; the bytes come back as they were
 * when they are not a zip.
 */
export async function finishCopy(xlsx: Uint8Array, sheets: SheetWrite[], original: Uint8Array | null = null): Promise<Uint8Array> {
  const zip = await openParts(xlsx);
  if (!zip) return xlsx;
  const parts = await sheetParts(zip);
  for (const sheet of sheets) {
    const part = parts.get(sheet.name);
    const xml = part === undefined ? null : await partText(zip, part);
    if (part === undefined || xml === null) continue;
    const linked = withLinks(xml, descriptionLinks(sheet));
    putPart(zip, part, sheet.chart ? await addChart(zip, part, linked, sheet, sheet.chart) : linked);
  }
  const source = original === null ? null : await openParts(original);
  if (source) {
    const rebuilt = new Set(sheets.map((s) => s.name));
    for (const [name, sourcePart] of await sheetParts(source)) {
      const part = parts.get(name);
      if (part === undefined || rebuilt.has(name)) continue;
      const sourceXml = (await partText(source, sourcePart)) ?? "";
      const links = placeLinks(sourceXml);
      const extensions = keptExtensions(sourceXml);
      if (links.length === 0 && extensions.length === 0) continue;
      const xml = await partText(zip, part);
      if (xml === null) continue;
      putPart(zip, part, withExtensions(links.length === 0 ? xml : withLinks(xml, links), extensions));
    }
  }
  const written: Part[] = [];
  for (const file of Object.values(zip.files)) if (!file.dir) written.push({ name: file.name, data: await file.async("uint8array") });
  return writeZip(written);
}
