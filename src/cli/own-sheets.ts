/**
 * The parts of the add-in's own sheets in a refreshed copy, written from the engine's descriptions (src/core/writes.ts)
 * as SpreadsheetML: the sheet (its cells, column widths, frozen rows and links to cells), the plan's table, and the
 * summary's chart with the drawing that places it. Text is written as text (a shared string, never a formula), with
 * Excel's escapes for what XML cannot hold, so it reads back exactly as the planner typed it.
 */
import { a1, columnLetters, quoteSheet } from "../core/address";
import { excelSerialFromDate, parseIsoDate } from "../core/dates";
import { CHART_NAME, type ChartWrite, type SheetWrite, type WriteCell } from "../core/writes";
import type { CopyStrings } from "./copy-strings";
import type { CopyStyles } from "./copy-styles";
import type { PackedPart } from "./read-zip";
import { PackingPart } from "./write-zip";
import { escapeXml } from "./workbook-parts";

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
};

const DECLARATION = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

/** What XML 1.0 cannot hold, and a carriage return (XML would read it as a line feed): Excel writes these as `_xHHHH_`. */
// eslint-disable-next-line no-control-regex -- it matches the control characters XML cannot hold, to escape them
const UNWRITABLE = /[\u0000-\u0008\u000b-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** What cellText has to change: XML's markup characters, an underscore (a typed `_xHHHH_`), what XML cannot hold. */
// eslint-disable-next-line no-control-regex -- it finds the control characters XML cannot hold, to escape them
const NEEDS_ESCAPE = /[&<>_\u0000-\u0008\u000b-\u001f\ud800-\udfff\ufffe\uffff]/;

/**
 * Text as a cell's `<t>` holds it: a typed `_xHHHH_` with its underscore escaped (`_x005F_xHHHH_`, so it is not read
 * as an escape), characters XML cannot hold as `_xHHHH_`, then XML's own escapes.
 */
function cellText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  const typed = text.includes("_x") ? text.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1") : text;
  const held = typed.replace(UNWRITABLE, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
  return held.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * A `<t>` element (in the part's namespace `prefix`): told to keep its spaces when it has any a reader would
 * otherwise drop (at its ends, tabs, line breaks).
 */
export function textElement(text: string, prefix = ""): string {
  const escaped = cellText(text);
  const code = (i: number): number => escaped.charCodeAt(i);
  const spaced = escaped !== "" && (code(0) <= 32 || code(escaped.length - 1) <= 32 || escaped.includes("\n") || escaped.includes("\t"));
  return spaced ? `<${prefix}t xml:space="preserve">${escaped}</${prefix}t>` : `<${prefix}t>${escaped}</${prefix}t>`;
}

/** Text for an attribute: XML's escapes, and what XML cannot hold at all made U+FFFD (only a hostile file has it there). */
export function attributeText(text: string): string {
  return escapeXml(NEEDS_ESCAPE.test(text) ? text.replace(UNWRITABLE, "\ufffd") : text);
}

/** The text of a cell the description writes (numbers and dates as they read). */
function textOf(sheet: SheetWrite, row: number, column: number): string {
  const v = sheet.rows[row]?.[column]?.value;
  return v === undefined ? "" : v.kind === "text" || v.kind === "link" ? v.text : v.kind === "number" ? String(v.value) : v.date;
}

function numberOf(sheet: SheetWrite, row: number, column: number): number {
  const v = sheet.rows[row]?.[column]?.value;
  return v?.kind === "number" ? v.value : 0;
}

/**
 * Writes a part's XML into a buffer of a megabyte, packed each time it fills: a 200,000-row plan sheet is 90 MB of
 * XML, never held whole, and each row's text is let go as soon as it is in the buffer (text kept until a piece is
 * joined lives long enough to cost the garbage collector more than the rest of the writing).
 */
class PartWriter {
  private readonly packing = new PackingPart();
  private readonly buffer = Buffer.alloc(1 << 20);
  private used = 0;
  add(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (this.used + text.length * 3 > this.buffer.length) this.flush();
    if (text.length * 3 > this.buffer.length) this.packing.add(Buffer.from(text, "utf8"));
    else this.used += this.buffer.write(text, this.used, "utf8");
  }
  private flush(): void {
    this.packing.add(this.buffer.subarray(0, this.used));
    this.used = 0;
  }
  finish(): PackedPart {
    this.flush();
    return this.packing.finish();
  }
}

/** Where a sheet's drawing and table are: the ids of the sheet's relationships to them. */
export interface SheetRelations {
  drawing: string | null;
  table: string | null;
}

/**
 * The worksheet part of a sheet write. Cells of a sheet without a table get the add-in's styles; a table's cells take
 * the table's style (as the add-in writes them), text still as text: a shared string, or with `strings` null, in the
 * cell itself (an inline string: the add-in's data sheet, rewritten by every refresh, leaves nothing behind in the
 * shared strings).
 */
export function sheetXml(sheet: SheetWrite, styles: CopyStyles, strings: CopyStrings | null, date1904: boolean, relations: SheetRelations): PackedPart {
  const out = new PartWriter();
  let width = Math.max(1, sheet.columnWidths.length, sheet.table ? sheet.table.area.right + 1 : 0);
  for (const row of sheet.rows) width = Math.max(width, row.length);
  const height = Math.max(1, sheet.rows.length, sheet.table ? sheet.table.area.bottom + 1 : 0);
  out.add(`${DECLARATION}<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}"><dimension ref="A1:${a1(height - 1, width - 1)}"/>`);
  const frozen = sheet.freezeRows;
  out.add(
    frozen > 0
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>`
      : `<sheetViews><sheetView workbookViewId="0"/></sheetViews>`,
  );
  out.add(`<sheetFormatPr defaultRowHeight="15"/>`);
  if (sheet.columnWidths.length > 0) {
    out.add(`<cols>${sheet.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`);
  }
  out.add("<sheetData>");
  const links: string[] = [];
  const letters = Array.from({ length: width }, (_, c) => columnLetters(c));
  // Each kind of cell's style, looked up once: a sheet of 200,000 rows has millions of cells and a dozen styles.
  const styleOf = new Map<string, string>();
  sheet.rows.forEach((row, r) => {
    let xml = "";
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell) continue;
      const ref = `${letters[c] ?? columnLetters(c)}${r + 1}`;
      let style = "";
      if (!sheet.table) {
        const key = cell.style === undefined ? cell.value.kind : `${cell.value.kind} ${cell.style}`;
        style = styleOf.get(key) ?? ` s="${styles.cell(cell.value.kind, cell.style)}"`;
        styleOf.set(key, style);
      }
      xml += cellXml(ref, style, cell, strings, date1904);
      if (cell.value.kind === "link") links.push(`<hyperlink ref="${ref}" location="${attributeText(cell.value.target)}" display="${attributeText(cell.value.text)}"/>`);
    }
    if (xml !== "") out.add(`<row r="${r + 1}">${xml}</row>`);
  });
  out.add("</sheetData>");
  if (links.length > 0) {
    out.add("<hyperlinks>");
    for (const link of links) out.add(link);
    out.add("</hyperlinks>");
  }
  out.add(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`);
  if (relations.drawing !== null) out.add(`<drawing r:id="${relations.drawing}"/>`);
  if (relations.table !== null) out.add(`<tableParts count="1"><tablePart r:id="${relations.table}"/></tableParts>`);
  out.add("</worksheet>");
  return out.finish();
}

function cellXml(ref: string, style: string, cell: WriteCell, strings: CopyStrings | null, date1904: boolean): string {
  const v = cell.value;
  switch (v.kind) {
    case "number":
      return `<c r="${ref}"${style}><v>${v.value}</v></c>`;
    case "date": {
      const d = parseIsoDate(v.date);
      if (d) return `<c r="${ref}"${style}><v>${excelSerialFromDate(d.year, d.month, d.day, date1904)}</v></c>`;
      return textCellXml(ref, style, v.date, strings);
    }
    case "text":
    case "link":
      return textCellXml(ref, style, v.text, strings);
  }
}

/** A text cell (`style` its ` s="n"` attribute, or ""): a shared string, or an inline string when `strings` is null. */
export function textCellXml(ref: string, style: string, text: string, strings: CopyStrings | null, prefix = ""): string {
  const p = prefix;
  if (strings === null) return `<${p}c r="${ref}"${style} t="inlineStr"><${p}is>${textElement(text, p)}</${p}is></${p}c>`;
  return `<${p}c r="${ref}"${style} t="s"><${p}v>${strings.of(text)}</${p}v></${p}c>`;
}

/** The table part of a sheet write with a table: its header row names its columns. */
export function tableXml(sheet: SheetWrite, id: number, name: string): string {
  const table = sheet.table!;
  const ref = `${a1(table.area.top, table.area.left)}:${a1(table.area.bottom, table.area.right)}`;
  const columns = Array.from({ length: table.area.right - table.area.left + 1 }, (_, i) => {
    const header = textOf(sheet, table.area.top, table.area.left + i);
    return `<tableColumn id="${i + 1}" name="${attributeText(header === "" ? `Column ${i + 1}` : header)}"/>`;
  });
  return (
    `${DECLARATION}<table xmlns="${NS.main}" id="${id}" name="${attributeText(name)}" displayName="${attributeText(name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${columns.length}">${columns.join("")}</tableColumns>` +
    `<tableStyleInfo name="${escapeXml(table.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** `'Milestone Summary'!$A$6:$A$10`: an absolute reference to a column of cells. */
function reference(sheet: string, column: number, top: number, bottom: number): string {
  const cell = (row: number): string => `$${columnLetters(column)}$${row + 1}`;
  return `${quoteSheet(sheet)}!${cell(top)}${bottom === top ? "" : `:${cell(bottom)}`}`;
}

/** The chart part: one series, its name in the data's header row, categories in its first column, values in its second. */
export function chartXml(sheet: SheetWrite, chart: ChartWrite): string {
  const { top, left, bottom } = chart.data;
  const first = top + 1;
  const points = bottom - first + 1;
  const categories = Array.from({ length: points }, (_, i) => `<c:pt idx="${i}"><c:v>${cellText(textOf(sheet, first + i, left))}</c:v></c:pt>`).join("");
  const values = Array.from({ length: points }, (_, i) => `<c:pt idx="${i}"><c:v>${numberOf(sheet, first + i, left + 1)}</c:v></c:pt>`).join("");
  const series =
    `<c:ser><c:idx val="0"/><c:order val="0"/>` +
    `<c:tx><c:strRef><c:f>${escapeXml(reference(sheet.name, left + 1, top, top))}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${cellText(textOf(sheet, top, left + 1))}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
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
    DECLARATION +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${cellText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
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
    DECLARATION +
    `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}"><xdr:twoCellAnchor>` +
    `<xdr:from>${corner(row, column)}</xdr:from><xdr:to>${corner(row + rows, column + columns)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escapeXml(CHART_NAME)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${chartRelationship}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}
