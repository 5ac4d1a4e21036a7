import { a1 } from "../core/address";
import { excelSerialFromDate, parseIsoDate } from "../core/dates";
import { CELL_LOOKS, CHART_NAME, TREND_CHART_NAME, type CellStyle, type ChartWrite, type SheetWrite, type WriteCell } from "../core/writes";
import type { WriteBatch } from "./write-batch";

/** What a queued operation costs in a request, besides the data it carries (its object path and method). */
const OPERATION_BYTES = 400;


type Scalar = string | number | boolean;

interface Prepared {
  values: Scalar[][];
  formats: string[][];
  /** Styled areas: runs of cells with one style, merged down where rows repeat them (a list's column). */
  styles: Map<CellStyle, { top: number; bottom: number; left: number; right: number }[]>;
  width: number;
}

/** Turns a sheet description into value and number-format arrays: every text cell gets the Text format ("@"). */
export function prepareSheet(sheet: SheetWrite): Prepared {
  const width = Math.max(1, ...sheet.rows.map((r) => r.length));
  const values: Scalar[][] = [];
  const formats: string[][] = [];
  const styles: Prepared["styles"] = new Map();
  sheet.rows.forEach((row, r) => {
    const v: Scalar[] = new Array<Scalar>(width).fill("");
    const f: string[] = new Array<string>(width).fill("General");
    row.forEach((cell, c) => {
      if (!cell) return;
      const { value, format } = scalarOf(cell);
      v[c] = value;
      f[c] = format;
      if (cell.style) {
        let areas = styles.get(cell.style);
        if (!areas) styles.set(cell.style, (areas = []));
        // Cells come left to right, row by row: only the style's latest area can end just before this cell.
        const last = areas[areas.length - 1];
        if (last && last.top === r && last.bottom === r && last.right === c - 1) last.right = c;
        else areas.push({ top: r, bottom: r, left: c, right: c });
      }
    });
    values.push(v);
    formats.push(f);
  });
  for (const [style, areas] of styles) styles.set(style, mergeDown(areas));
  return { values, formats, styles, width };
}

/** Joins areas that continue one another down the rows (same columns, next row). */
function mergeDown(areas: { top: number; bottom: number; left: number; right: number }[]): { top: number; bottom: number; left: number; right: number }[] {
  const out: typeof areas = [];
  const open = new Map<string, (typeof areas)[number]>();
  for (const a of [...areas].sort((x, y) => x.left - y.left || x.right - y.right || x.top - y.top)) {
    const key = `${a.left}:${a.right}`;
    const prev = open.get(key);
    if (prev && prev.bottom + 1 === a.top) {
      prev.bottom = a.bottom;
    } else {
      const copy = { ...a };
      out.push(copy);
      open.set(key, copy);
    }
  }
  return out;
}

function scalarOf(cell: WriteCell): { value: Scalar; format: string } {
  const v = cell.value;
  switch (v.kind) {
    case "text":
      return { value: v.text, format: "@" };
    case "link":
      // The add-in's own formula: an in-workbook link, written with the values in one range write rather than
      // one hyperlink operation per cell. Its text is a cell address, never text from the sheet.
      return { value: `=HYPERLINK("#${v.target.replace(/"/g, '""')}","${v.text.replace(/"/g, '""')}")`, format: "General" };
    case "number":
      return { value: v.value, format: "General" };
    case "date": {
      const d = parseIsoDate(v.date);
      return d ? { value: excelSerialFromDate(d.year, d.month, d.day), format: "yyyy-mm-dd" } : { value: v.date, format: "@" };
    }
  }
}

/**
 * What a row of values and their formats adds to a request: their JSON's bytes in UTF-8, counted without writing it.
 * The formats are the adapter's own (`@`, `General`, `yyyy-mm-dd`): plain ASCII, their length and two quotes.
 */
function rowBytes(values: readonly Scalar[], formats: readonly string[]): number {
  let bytes = 16;
  for (let c = 0; c < values.length; c++) {
    const v = values[c]!;
    bytes += (typeof v === "string" ? jsonTextBytes(v) : String(v).length) + formats[c]!.length + 4;
  }
  return bytes;
}

/** Printable ASCII but `"` and `\`: written in JSON as it is, a byte a character. */
const PLAIN_JSON = /^[\x20\x21\x23-\x5b\x5d-\x7f]*$/;

/** A text's bytes in JSON: its quotes, each character in UTF-8, escapes (a control character at its longest, \u0000). */
export function jsonTextBytes(text: string): number {
  // Most cells are plain ASCII: one native test instead of a loop over every character.
  if (PLAIN_JSON.test(text)) return text.length + 2;
  let bytes = text.length + 2;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x20 && c < 0x80 && c !== 0x22 && c !== 0x5c) continue;
    if (c < 0x20) bytes += 5;
    else if (c < 0x800) bytes += 1; // '"' and '\\' escaped; two bytes of UTF-8
    else if (c >= 0xd800 && c < 0xdc00 && (text.charCodeAt(k + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a pair of surrogates: four bytes
      k++;
    } else bytes += c >= 0xd800 && c < 0xe000 ? 5 : 2; // a lone surrogate is escaped; else three bytes
  }
  return bytes;
}

function applyStyle(range: Excel.Range, style: CellStyle): void {
  const look = CELL_LOOKS[style];
  const font = range.format.font;
  if (look.bold !== undefined) font.bold = look.bold;
  if (look.italic !== undefined) font.italic = look.italic;
  if (look.size !== undefined) font.size = look.size;
  if (look.color !== undefined) font.color = look.color;
  if (look.fill !== undefined) range.format.fill.color = look.fill;
  if (look.align === "right") range.format.horizontalAlignment = "Right";
}

/**
 * Queues the writes of one of the add-in's sheets into `ws`: values (links as HYPERLINK formulas) in row chunks, then styles, widths,
 * the table and the chart, each reserved in the batch so that no request goes over the budget.
 */
export async function writeSheetContent(ws: Excel.Worksheet, sheet: SheetWrite, batch: WriteBatch): Promise<void> {
  const prepared = prepareSheet(sheet);
  const { values, formats, width } = prepared;
  const chunkBudget = batch.budget / 4;
  let start = 0;
  while (start < values.length) {
    let bytes = 0;
    let end = start;
    while (end < values.length) {
      const size = rowBytes(values[end]!, formats[end]!);
      if (end > start && bytes + size > chunkBudget) break;
      bytes += size;
      end++;
    }
    await batch.reserve(bytes + 2 * OPERATION_BYTES);
    const range = ws.getRangeByIndexes(start, 0, end - start, width);
    // The Text format first, so that words starting with "=" stay words.
    range.numberFormat = formats.slice(start, end);
    range.values = values.slice(start, end);
    start = end;
  }
  for (const [style, runs] of prepared.styles) {
    for (const area of runs) {
      await batch.reserve(4 * OPERATION_BYTES);
      applyStyle(ws.getRangeByIndexes(area.top, area.left, area.bottom - area.top + 1, area.right - area.left + 1), style);
    }
  }
  await batch.reserve(sheet.columnWidths.length * OPERATION_BYTES + 4 * OPERATION_BYTES);
  sheet.columnWidths.forEach((w, c) => {
    ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = Math.round(w * 7);
  });
  if (sheet.freezeRows > 0) ws.freezePanes.freezeRows(sheet.freezeRows);
  if (sheet.table) {
    const t = sheet.table.area;
    const table = ws.tables.add(ws.getRange(`${a1(t.top, t.left)}:${a1(t.bottom, t.right)}`), true);
    table.name = sheet.table.name;
    table.style = sheet.table.style;
  }
  for (const [c, name] of [[sheet.chart, CHART_NAME], [sheet.trendChart, TREND_CHART_NAME]] as const) {
    if (!c) continue;
    const data = ws.getRangeByIndexes(c.data.top, c.data.left, c.data.bottom - c.data.top + 1, c.data.right - c.data.left + 1);
    const chart = ws.charts.add(CHART_TYPES[c.type], data, "Columns");
    chart.name = name;
    chart.title.text = c.title;
    chart.setPosition(a1(c.anchor.row, c.anchor.column), a1(c.anchor.row + c.anchor.rows - 1, c.anchor.column + c.anchor.columns - 1));
  }
}

const CHART_TYPES: Record<ChartWrite["type"], "Pie" | "BarClustered" | "ColumnClustered" | "LineMarkers"> = { pie: "Pie", bar: "BarClustered", column: "ColumnClustered", line: "LineMarkers" };
