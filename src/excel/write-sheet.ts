import { a1 } from "../core/address";
import { excelSerialFromDate, parseIsoDate } from "../core/dates";
import { FLAG_STYLES, type CellStyle, type SheetWrite, type WriteCell } from "../core/writes";

/** Bytes one write sync may carry (Excel on the web refuses requests over 5 MB). */
export const REQUEST_BUDGET = 3_600_000;

type Scalar = string | number | boolean;

interface Prepared {
  values: Scalar[][];
  formats: string[][];
  links: { row: number; column: number; text: string; target: string }[];
  styles: Map<CellStyle, { row: number; left: number; right: number }[]>;
  width: number;
}

/** Turns a sheet description into value and number-format arrays: every text cell gets the Text format ("@"). */
export function prepareSheet(sheet: SheetWrite): Prepared {
  const width = Math.max(1, ...sheet.rows.map((r) => r.length));
  const values: Scalar[][] = [];
  const formats: string[][] = [];
  const links: Prepared["links"] = [];
  const styles: Prepared["styles"] = new Map();
  sheet.rows.forEach((row, r) => {
    const v: Scalar[] = new Array<Scalar>(width).fill("");
    const f: string[] = new Array<string>(width).fill("General");
    row.forEach((cell, c) => {
      if (!cell) return;
      const { value, format } = scalarOf(cell);
      v[c] = value;
      f[c] = format;
      if (cell.value.kind === "link") links.push({ row: r, column: c, text: cell.value.text, target: cell.value.target });
      if (cell.style) {
        const runs = styles.get(cell.style) ?? [];
        const last = runs[runs.length - 1];
        if (last && last.row === r && last.right === c - 1) last.right = c;
        else runs.push({ row: r, left: c, right: c });
        styles.set(cell.style, runs);
      }
    });
    values.push(v);
    formats.push(f);
  });
  return { values, formats, links, styles, width };
}

function scalarOf(cell: WriteCell): { value: Scalar; format: string } {
  const v = cell.value;
  switch (v.kind) {
    case "text":
    case "link":
      return { value: v.kind === "text" ? v.text : v.text, format: "@" };
    case "number":
      return { value: v.value, format: "General" };
    case "date": {
      const d = parseIsoDate(v.date);
      return d ? { value: excelSerialFromDate(d.year, d.month, d.day), format: "yyyy-mm-dd" } : { value: v.date, format: "@" };
    }
  }
}

function applyStyle(range: Excel.Range, style: CellStyle): void {
  const font = range.format.font;
  switch (style) {
    case "title":
      font.bold = true;
      font.size = 16;
      font.color = "#0F6CBD";
      break;
    case "heading":
      font.bold = true;
      font.size = 12;
      break;
    case "header":
      font.bold = true;
      range.format.fill.color = "#EBF3FC";
      break;
    case "overdue":
    case "current":
      font.bold = true;
      font.color = FLAG_STYLES[style].font;
      range.format.fill.color = FLAG_STYLES[style].fill;
      break;
    case "done":
      font.color = "#0E700E";
      break;
    case "muted":
      font.italic = true;
      font.color = "#616161";
      break;
    case "label":
      break;
  }
}

/**
 * Queues the writes of one of the add-in's sheets into `ws`, in row chunks whose request stays under the
 * budget; `syncBetween` is called between chunks (one round trip per chunk, never per row or cell).
 */
export async function writeSheetContent(
  ws: Excel.Worksheet,
  sheet: SheetWrite,
  syncBetween: () => Promise<void>,
  budget = REQUEST_BUDGET,
): Promise<void> {
  const prepared = prepareSheet(sheet);
  const { values, formats, width } = prepared;
  let start = 0;
  while (start < values.length) {
    let bytes = 0;
    let end = start;
    while (end < values.length) {
      const rowBytes = JSON.stringify(values[end]).length + JSON.stringify(formats[end]).length + 16;
      if (end > start && bytes + rowBytes > budget) break;
      bytes += rowBytes;
      end++;
    }
    const range = ws.getRangeByIndexes(start, 0, end - start, width);
    // The Text format first, so that words starting with "=" stay words.
    range.numberFormat = formats.slice(start, end);
    range.values = values.slice(start, end);
    start = end;
    if (start < values.length) await syncBetween();
  }
  for (const link of prepared.links) {
    ws.getRangeByIndexes(link.row, link.column, 1, 1).hyperlink = { documentReference: link.target, textToDisplay: link.text };
  }
  for (const [style, runs] of prepared.styles) {
    for (const run of runs) applyStyle(ws.getRangeByIndexes(run.row, run.left, 1, run.right - run.left + 1), style);
  }
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
  if (sheet.chart) {
    const c = sheet.chart;
    const data = ws.getRangeByIndexes(c.data.top, c.data.left, c.data.bottom - c.data.top + 1, c.data.right - c.data.left + 1);
    const chart = ws.charts.add(c.type === "pie" ? "Pie" : c.type === "bar" ? "BarClustered" : "ColumnClustered", data, "Columns");
    chart.title.text = c.title;
    chart.legend.visible = false;
    chart.setPosition(a1(c.anchor.row, c.anchor.column), a1(c.anchor.row + c.anchor.rows - 1, c.anchor.column + c.anchor.columns - 1));
  }
}
