/**
 * A worksheet as exceljs reads it, turned into the engine's grid: the reference the command line's own reader
 * (src/cli/read-xlsx.ts) is checked against, and a way to read cells of a workbook exceljs wrote or read.
 */
import ExcelJS from "exceljs";
import type { Area, CellValue, Grid } from "../../src/core/grid";
import { excelSerialFromDate } from "../../src/core/dates";

/** The colour of a solid fill as the engine compares fills: `#RRGGBB`, or `theme:N:tint` for theme colours. */
function solidFill(fill: ExcelJS.Fill | undefined): string | null {
  if (!fill || fill.type !== "pattern" || fill.pattern !== "solid") return null;
  // exceljs reads tint and indexed colours too, which its type does not name.
  const color: (Partial<ExcelJS.Color> & { tint?: number; indexed?: number }) | undefined = fill.fgColor;
  if (!color) return null;
  if (color.argb) return `#${color.argb.slice(-6).toUpperCase()}`;
  if (color.theme !== undefined) return `theme:${color.theme}:${color.tint ?? 0}`;
  if (color.indexed !== undefined) return color.indexed === 64 ? null : `indexed:${color.indexed}`;
  return null;
}

function dateToSerial(d: Date, date1904: boolean): number {
  const whole = excelSerialFromDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), date1904);
  const fraction = (d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds()) / 86400;
  return whole + fraction;
}

/** A cell's value as Office.js would give it: formulas by their result, rich text as text, errors as "#N/A". */
export function plainValue(value: ExcelJS.CellValue, date1904: boolean): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return dateToSerial(value, date1904);
  if (typeof value === "object") {
    if ("error" in value && typeof value.error === "string") return value.error;
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) return null;
      if (typeof result === "object" && result !== null && "error" in result) return String(result.error);
      if (result instanceof Date) return dateToSerial(result, date1904);
      if (typeof result === "string" || typeof result === "number" || typeof result === "boolean") return result;
      return null;
    }
    if ("text" in value && "hyperlink" in value) {
      const text = (value as { text: unknown }).text;
      if (typeof text === "string") return text;
      if (typeof text === "object" && text !== null && "richText" in text) {
        return (text as { richText: { text: string }[] }).richText.map((r) => r.text).join("");
      }
    }
  }
  return null;
}

/** One worksheet as the engine's grid: values, number formats, solid fills, merged areas, hidden rows and columns. */
export function worksheetGrid(ws: ExcelJS.Worksheet, date1904: boolean): Grid {
  const rowCount = ws.rowCount;
  // As wide as the widest row, counting rows of formatted cells without values, as Excel draws them (exceljs's
  // own columnCount counts only rows with values).
  let columnCount = 0;
  for (let r = 1; r <= rowCount; r++) columnCount = Math.max(columnCount, ws.findRow(r)?.cellCount ?? 0);
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const fills: (string | null)[][] = [];
  const masters = new Map<string, Area>();
  const hiddenRows: number[] = [];
  let anyFill = false;
  let anyFormat = false;
  const formatOf = (fmt: string | undefined): string | null => (fmt && fmt !== "General" ? fmt : null);
  // What a cell the file does not hold shows: its row's style, else its column's (as Excel draws it).
  const columnFormats: (string | null)[] = [];
  const columnFills: (ExcelJS.Fill | undefined)[] = [];
  for (let c = 1; c <= columnCount; c++) {
    const { numFmt, fill } = ws.getColumn(c);
    columnFormats.push(formatOf(numFmt));
    columnFills.push(fill);
  }
  for (let r = 1; r <= rowCount; r++) {
    const valueRow: CellValue[] = new Array<CellValue>(columnCount).fill(null);
    const formatRow: (string | null)[] = new Array<string | null>(columnCount).fill(null);
    const fillRow: (string | null)[] = new Array<string | null>(columnCount).fill(null);
    // A row the file does not hold shows its columns' styles.
    const row = ws.findRow(r);
    {
      if (row?.hidden) hiddenRows.push(r - 1);
      const rowFormat = row ? formatOf(row.numFmt) : null;
      const rowFill = row?.fill;
      // Cells are looked up, not created: most of a timeline is cells the file does not hold.
      for (let c = 1; c <= columnCount; c++) {
        const cell = row?.findCell(c);
        let fmt: string | null;
        let fill: string | null;
        if (!cell) {
          fmt = rowFormat ?? columnFormats[c - 1]!;
          fill = solidFill(rowFill ?? columnFills[c - 1]);
        } else {
          if (cell.isMerged && cell.master !== cell) {
            const m = cell.master;
            const key = m.address;
            const area = masters.get(key) ?? { top: Number(m.row) - 1, left: Number(m.col) - 1, bottom: Number(m.row) - 1, right: Number(m.col) - 1 };
            area.bottom = Math.max(area.bottom, r - 1);
            area.right = Math.max(area.right, c - 1);
            area.top = Math.min(area.top, r - 1);
            area.left = Math.min(area.left, c - 1);
            masters.set(key, area);
          } else {
            valueRow[c - 1] = plainValue(cell.value, date1904);
          }
          fmt = formatOf(cell.numFmt);
          fill = solidFill(cell.fill);
        }
        if (fmt) {
          formatRow[c - 1] = fmt;
          anyFormat = true;
        }
        if (fill) {
          fillRow[c - 1] = fill;
          anyFill = true;
        }
      }
    }
    values.push(valueRow);
    formats.push(formatRow);
    fills.push(fillRow);
  }
  const hiddenColumns: number[] = [];
  for (let c = 1; c <= columnCount; c++) if (ws.getColumn(c).hidden) hiddenColumns.push(c - 1);
  const grid: Grid = { sheet: ws.name, top: 0, left: 0, values };
  if (anyFormat) grid.formats = formats;
  if (anyFill) grid.fills = fills;
  if (masters.size > 0) grid.merges = [...masters.values()];
  if (hiddenRows.length > 0) grid.hiddenRows = hiddenRows;
  if (hiddenColumns.length > 0) grid.hiddenColumns = hiddenColumns;
  if (date1904) grid.date1904 = true;
  return grid;
}

export async function loadWorkbook(data: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  return wb;
}

export function workbookDate1904(wb: ExcelJS.Workbook): boolean {
  const props = wb.properties as { date1904?: boolean };
  return props.date1904 === true;
}
