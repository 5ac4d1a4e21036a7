import type ExcelJS from "exceljs";
import { parseCellAddress, a1 } from "../core/address";
import type { TimelineAddition } from "../core/add-timeline";
import { parseIsoDate } from "../core/dates";
import {
  CELL_LOOKS,
  FLAG_STYLES,
  flagFormula,
  flagKindOfFormula,
  LINK_LOOK,
  type CellLook,
  type FlagKind,
  type SheetWrite,
  type WorkbookWrites,
  type WriteCell,
} from "../core/writes";

/** Writes Add a timeline's month labels as text into a sheet (or adds the sheet that lists the steps under them). */
export function addTimeline(wb: ExcelJS.Workbook, addition: Extract<TimelineAddition, { kind: "columns" | "sheet" }>): void {
  if (addition.kind === "sheet") return writeSheet(wb, addition.sheet);
  const ws = wb.getWorksheet(addition.sheet)!;
  addition.labels.forEach((label, i) => {
    const cell = ws.getCell(addition.row + 1, addition.column + i + 1);
    cell.value = label;
    cell.style = excelStyle(CELL_LOOKS.header);
    cell.numFmt = "@";
  });
}

/** Applies the engine's write descriptions to a workbook with exceljs: the command line's `refresh`. */
export function applyWrites(wb: ExcelJS.Workbook, writes: WorkbookWrites): void {
  writeSheet(wb, writes.summary);
  writeSheet(wb, writes.plan);
  applyFlags(wb, writes.flags);
}

function argb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}

/** A look from core as exceljs writes it. */
function excelStyle(look: CellLook): Partial<ExcelJS.Style> {
  const font: Partial<ExcelJS.Font> = {};
  if (look.bold !== undefined) font.bold = look.bold;
  if (look.italic !== undefined) font.italic = look.italic;
  if (look.underline !== undefined) font.underline = look.underline;
  if (look.size !== undefined) font.size = look.size;
  if (look.color !== undefined) font.color = { argb: argb(look.color) };
  const style: Partial<ExcelJS.Style> = Object.keys(font).length > 0 ? { font } : {};
  if (look.fill !== undefined) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(look.fill) } };
  if (look.align === "right") style.alignment = { horizontal: "right" };
  return style;
}

/**
 * A cell's whole style, one object for every cell that looks the same: exceljs finds the style of an object it has
 * seen at once, and works out each new object's style from scratch, through its XML. The objects are shared, so
 * they are never changed.
 */
const STYLES = new Map<string, Partial<ExcelJS.Style>>();
const PLAIN: Partial<ExcelJS.Style> = Object.freeze({});

function styleOf(cell: WriteCell): Partial<ExcelJS.Style> {
  const kind = cell.value.kind;
  const key = `${kind} ${cell.style ?? ""}`;
  let style = STYLES.get(key);
  if (style === undefined) {
    style = cell.style ? excelStyle(CELL_LOOKS[cell.style]) : {};
    // Text as text, so a label starting with "=" never becomes a formula; dates as dates.
    if (kind === "date") style.numFmt = "yyyy-mm-dd";
    if (kind === "text") style.numFmt = "@";
    if (kind === "link") style.font = excelStyle(LINK_LOOK).font!;
    STYLES.set(key, Object.freeze(style));
  }
  return style;
}

function cellValue(cell: WriteCell): ExcelJS.CellValue {
  const v = cell.value;
  switch (v.kind) {
    case "text":
      return v.text;
    case "number":
      return v.value;
    case "date": {
      const d = parseIsoDate(v.date);
      return d ? new Date(Date.UTC(d.year, d.month - 1, d.day)) : v.date;
    }
    case "link":
      // The link itself is written by finishCopy (finish-copy.ts); exceljs would write it as one to an outside file.
      return v.text;
  }
}

/** Replaces the add-in's own sheet with a fresh one, so a second refresh leaves what the first one did. */
function freshSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const old = wb.getWorksheet(name);
  if (old) wb.removeWorksheet(old.id);
  return wb.addWorksheet(name);
}

function writeSheet(wb: ExcelJS.Workbook, sheet: SheetWrite): void {
  const ws = freshSheet(wb, sheet.name);
  sheet.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  if (sheet.freezeRows > 0) ws.views = [{ state: "frozen", ySplit: sheet.freezeRows }];
  const table = sheet.table;
  if (table) {
    const header = sheet.rows[0] ?? [];
    const body = sheet.rows.slice(1);
    const width = table.area.right - table.area.left + 1;
    ws.addTable({
      name: table.name,
      ref: a1(table.area.top, table.area.left),
      headerRow: true,
      style: { theme: table.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns: Array.from({ length: width }, (_, i) => ({ name: header[i]?.value.kind === "text" ? header[i].value.text : `Column ${i + 1}`, filterButton: true })),
      rows: (body.length > 0 ? body : [[]]).map((row) => Array.from({ length: width }, (_, i) => (row[i] ? cellValue(row[i]) : null))),
    });
    // exceljs gives each table cell a style object of its own: half a second of writing a 10,000-row plan went on them.
    for (let r = 0; r <= body.length; r++) for (let c = 0; c < width; c++) ws.getCell(table.area.top + r + 1, table.area.left + c + 1).style = PLAIN;
  } else {
    sheet.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (!cell) return;
        const target = ws.getCell(r + 1, c + 1);
        target.value = cellValue(cell);
        target.style = styleOf(cell);
      });
    });
  }
}

interface ConditionalRule {
  type: string;
  formulae?: string[];
}

function isOwnFormatting(cf: { rules: ConditionalRule[] }): boolean {
  return cf.rules.length > 0 && cf.rules.every((r) => r.type === "expression" && flagKindOfFormula(r.formulae?.[0]) !== null);
}

/** Flags as conditional formats: the add-in's old rules go, the user's stay, the cells' own formats are never touched. */
function applyFlags(wb: ExcelJS.Workbook, flags: WorkbookWrites["flags"]): void {
  const bySheet = new Map<string, Map<FlagKind, string[]>>();
  for (const f of flags) {
    const p = parseCellAddress(f.cell);
    if (!p) continue;
    const kinds = bySheet.get(p.sheet) ?? new Map<FlagKind, string[]>();
    const list = kinds.get(f.kind) ?? [];
    list.push(a1(p.row, p.column));
    kinds.set(f.kind, list);
    bySheet.set(p.sheet, kinds);
  }
  wb.eachSheet((ws) => {
    const own = ws as unknown as { conditionalFormattings: { ref: string; rules: ConditionalRule[] }[] };
    own.conditionalFormattings = (own.conditionalFormattings ?? []).filter((cf) => !isOwnFormatting(cf));
    const kinds = bySheet.get(ws.name);
    if (!kinds) return;
    for (const [kind, cells] of kinds) {
      ws.addConditionalFormatting({
        ref: cells.join(" "),
        rules: [
          {
            type: "expression",
            priority: 1,
            formulae: [flagFormula(kind).slice(1)],
            style: {
              fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(FLAG_STYLES[kind].fill) } },
              font: { color: { argb: argb(FLAG_STYLES[kind].font) }, bold: true },
            },
          },
        ],
      });
    }
  });
}
