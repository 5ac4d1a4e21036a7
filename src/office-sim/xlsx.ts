/**
 * .xlsx I/O through exceljs: values (dates as serials with their format, rich text as
 * plain text, formulas with cached results, errors), number formats, solid fills, fonts,
 * alignment, merges, hidden rows/columns, widths/heights, conditional formats (custom
 * "expression" rules with their dxf style; other rule types are carried through), sheet
 * visibility, protection, hyperlinks, tables, frozen panes, tab colors and the active
 * sheet. Charts are not written: exceljs cannot write charts.
 */
import ExcelJS from "exceljs";
import { Rect, cellName, formatRect, lastCol, lastRow, parseAddress, rect } from "./address";
import { cellValue } from "./cells";
import {
  CfModel,
  DEFAULT_FONT,
  DEFAULT_STYLE,
  FontState,
  Hyperlink,
  PasswordHash,
  ProtectionOptions,
  SheetModel,
  Style,
  TableModel,
  WorkbookModel,
  defaultProtectionOptions,
  isDefaultStyle,
  keyCol,
  keyRow,
  styleKey,
} from "./model";
import { makePasswordHash } from "./password";
import { argbToColor, colorToArgb, dateToSerial, isErrorText } from "./values";

// ---- units ------------------------------------------------------------------------------------

/** exceljs/OOXML column width (characters incl. padding) to points, via whole pixels (Calibri 11: 7 px per digit). */
export function widthToPoints(width: number): number {
  const px = Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);
  return px * 0.75;
}
export function pointsToWidth(points: number): number {
  return Math.round(points / 0.75) / 7;
}

/** Office 2013+ default theme colors, for theme-indexed colors in files. */
const THEME = ["#FFFFFF", "#000000", "#E7E6E6", "#44546A", "#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47"];

function colorOf(c: unknown): string | null {
  if (typeof c !== "object" || c === null) return null;
  const o = c as Record<string, unknown>;
  if (typeof o["argb"] === "string") return argbToColor(o["argb"]);
  if (typeof o["theme"] === "number") return THEME[o["theme"]] ?? null;
  return null;
}

function rec(v: unknown): Record<string, unknown> | null {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/** A text field of exceljs' model (a run's text, a formula, a table's name): a string, or a number written out. */
function textOf(v: unknown): string | null {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : null;
}

// ---- reading ------------------------------------------------------------------------------------

const H_ALIGN: Record<string, string> = {
  left: "Left", center: "Center", right: "Right", fill: "Fill", justify: "Justify", centerContinuous: "CenterAcrossSelection", distributed: "Distributed",
};
const V_ALIGN: Record<string, string> = { top: "Top", middle: "Center", bottom: "Bottom", justify: "Justify", distributed: "Distributed" };
const UNDERLINE: Record<string, string> = { single: "Single", double: "Double", singleAccounting: "SingleAccountant", doubleAccounting: "DoubleAccountant" };

const interned = new Map<string, Style>();
function intern(s: Style): Style {
  const key = styleKey(s);
  if (key === styleKey(DEFAULT_STYLE)) return DEFAULT_STYLE;
  const hit = interned.get(key);
  if (hit !== undefined) return hit;
  interned.set(key, s);
  return s;
}

function styleFromExcelJs(style: Partial<ExcelJS.Style> | undefined): Style {
  if (style === undefined) return DEFAULT_STYLE;
  const fill = rec(style.fill);
  let fillColor: string | null = null;
  if (fill !== null && fill["type"] === "pattern" && fill["pattern"] === "solid") fillColor = colorOf(fill["fgColor"]) ?? colorOf(fill["bgColor"]);
  const f = rec(style.font);
  const font: FontState = {
    name: typeof f?.["name"] === "string" ? f["name"] : DEFAULT_FONT.name,
    size: typeof f?.["size"] === "number" ? f["size"] : DEFAULT_FONT.size,
    color: colorOf(f?.["color"]) ?? DEFAULT_FONT.color,
    bold: f?.["bold"] === true,
    italic: f?.["italic"] === true,
    underline: f?.["underline"] === true ? "Single" : typeof f?.["underline"] === "string" ? UNDERLINE[f["underline"]] ?? "None" : "None",
    strikethrough: f?.["strike"] === true,
  };
  const a = rec(style.alignment);
  const p = rec(style.protection);
  return intern({
    numberFormat: typeof style.numFmt === "string" && style.numFmt !== "" ? style.numFmt : "General",
    fill: fillColor,
    font,
    horizontalAlignment: typeof a?.["horizontal"] === "string" ? H_ALIGN[a["horizontal"]] ?? "General" : "General",
    verticalAlignment: typeof a?.["vertical"] === "string" ? V_ALIGN[a["vertical"]] ?? "Bottom" : "Bottom",
    wrapText: a?.["wrapText"] === true,
    locked: p?.["locked"] !== false,
  });
}

interface ReadValue {
  value: string | number | boolean | null;
  isError: boolean;
  formula: string | null;
  hyperlink: Hyperlink | null;
}

function plainValue(v: unknown): { value: string | number | boolean | null; isError: boolean } {
  if (v === null || v === undefined) return { value: null, isError: false };
  if (typeof v === "number" || typeof v === "boolean") return { value: v, isError: false };
  if (typeof v === "string") return { value: v, isError: false };
  if (v instanceof Date) return { value: dateToSerial(v), isError: false };
  const o = rec(v);
  if (o !== null && typeof o["error"] === "string") return { value: o["error"], isError: true };
  if (o !== null && Array.isArray(o["richText"])) {
    const runs: unknown[] = o["richText"];
    return { value: runs.map((r) => textOf(rec(r)?.["text"]) ?? "").join(""), isError: false };
  }
  // Any other object is a value set on a workbook in memory (exceljs' JSON value): as exceljs writes it to a file.
  return { value: JSON.stringify(v) ?? null, isError: false };
}

function readCell(cell: ExcelJS.Cell): ReadValue {
  const v: unknown = cell.value;
  const out: ReadValue = { value: null, isError: false, formula: null, hyperlink: null };
  if (cell.type === ExcelJS.ValueType.Merge) return out;
  const o = rec(v);
  if (o !== null && ("formula" in o || "sharedFormula" in o)) {
    const f = cell.formula;
    out.formula = typeof f === "string" && f !== "" ? `=${f}` : null;
    const r = plainValue(o["result"]);
    return { ...out, ...r };
  }
  if (o !== null && typeof o["hyperlink"] === "string") {
    const target = o["hyperlink"];
    const link: Hyperlink = target.startsWith("#") ? { documentReference: target.slice(1) } : { address: target };
    if (typeof o["tooltip"] === "string") link.screenTip = o["tooltip"];
    const text = plainValue(o["text"]);
    return { ...out, ...text, hyperlink: link };
  }
  const p = plainValue(v);
  if (typeof p.value === "string" && cell.type === ExcelJS.ValueType.Error) p.isError = true;
  if (typeof p.value === "string" && p.isError === false && cell.type === ExcelJS.ValueType.Error && isErrorText(p.value)) p.isError = true;
  return { ...out, ...p };
}

function cfTypeOf(rule: Record<string, unknown>): string {
  switch (rule["type"]) {
    case "expression":
      return "Custom";
    case "cellIs":
      return "CellValue";
    case "top10":
      return "TopBottom";
    case "colorScale":
      return "ColorScale";
    case "iconSet":
      return "IconSet";
    case "dataBar":
      return "DataBar";
    case "containsText":
      return "ContainsText";
    default:
      return "PresetCriteria";
  }
}

function readCfs(wb: WorkbookModel, sheet: SheetModel, ws: ExcelJS.Worksheet): void {
  const list: unknown = Reflect.get(ws, "conditionalFormattings");
  if (!Array.isArray(list)) return;
  const found: Array<{ priority: number; cf: CfModel }> = [];
  for (const entry of list as unknown[]) {
    const e = rec(entry);
    if (e === null || typeof e["ref"] !== "string" || !Array.isArray(e["rules"])) continue;
    const ranges: Rect[] = [];
    for (const part of e["ref"].split(/\s+/)) {
      const p = parseAddress(part);
      if (p !== null) ranges.push(p.rect);
    }
    if (ranges.length === 0) continue;
    for (const ruleUnknown of e["rules"] as unknown[]) {
      const rule = rec(ruleUnknown);
      if (rule === null) continue;
      const type = cfTypeOf(rule);
      let custom: CfModel["custom"] = null;
      if (type === "Custom") {
        const formulae = Array.isArray(rule["formulae"]) ? (rule["formulae"] as unknown[]) : [];
        const formula = textOf(formulae[0]) ?? "";
        const style = rec(rule["style"]);
        const fill = rec(style?.["fill"]);
        const font = rec(style?.["font"]);
        custom = {
          formula: formula.startsWith("=") ? formula : `=${formula}`,
          fill: fill === null ? null : colorOf(fill["bgColor"]) ?? colorOf(fill["fgColor"]),
          fontColor: colorOf(font?.["color"]),
          bold: typeof font?.["bold"] === "boolean" ? font["bold"] : null,
          italic: typeof font?.["italic"] === "boolean" ? font["italic"] : null,
          numberFormat: typeof style?.["numFmt"] === "string" ? style["numFmt"] : null,
        };
      }
      found.push({
        priority: typeof rule["priority"] === "number" ? rule["priority"] : found.length + 1,
        cf: {
          id: wb.newId("cf"),
          type,
          ranges: ranges.map((r) => ({ ...r })),
          stopIfTrue: rule["stopIfTrue"] === true,
          custom,
          raw: type === "Custom" ? null : rule,
        },
      });
    }
  }
  found.sort((a, b) => a.priority - b.priority);
  sheet.cfs = found.map((f) => f.cf);
}

function readProtection(sheet: SheetModel, ws: ExcelJS.Worksheet): void {
  const p = rec(Reflect.get(ws, "sheetProtection"));
  if (p === null || p["sheet"] !== true) return;
  const options: ProtectionOptions = {
    ...defaultProtectionOptions(),
    allowAutoFilter: p["autoFilter"] === true,
    allowDeleteColumns: p["deleteColumns"] === true,
    allowDeleteRows: p["deleteRows"] === true,
    allowEditObjects: p["objects"] !== false,
    allowEditScenarios: p["scenarios"] !== false,
    allowFormatCells: p["formatCells"] === true,
    allowFormatColumns: p["formatColumns"] === true,
    allowFormatRows: p["formatRows"] === true,
    allowInsertColumns: p["insertColumns"] === true,
    allowInsertHyperlinks: p["insertHyperlinks"] === true,
    allowInsertRows: p["insertRows"] === true,
    allowPivotTables: p["pivotTables"] === true,
    allowSort: p["sort"] === true,
    selectionMode: p["selectLockedCells"] === false ? (p["selectUnlockedCells"] === false ? "None" : "Unlocked") : "Normal",
  };
  const hash: PasswordHash | null =
    typeof p["hashValue"] === "string" && typeof p["saltValue"] === "string"
      ? {
          algorithmName: typeof p["algorithmName"] === "string" ? p["algorithmName"] : "SHA-512",
          hashValue: p["hashValue"],
          saltValue: p["saltValue"],
          spinCount: typeof p["spinCount"] === "number" ? p["spinCount"] : 100000,
        }
      : null;
  sheet.protection = { protected: true, options, password: null, hash };
}

function readTables(wb: WorkbookModel, sheet: SheetModel, ws: ExcelJS.Worksheet): void {
  const tables: unknown = Reflect.get(ws, "tables");
  const t = rec(tables);
  if (t === null) return;
  for (const entry of Object.values(t)) {
    const e = rec(entry);
    const m = rec(e?.["table"]) ?? rec(e?.["model"]);
    if (m === null) continue;
    const ref = typeof m["tableRef"] === "string" ? m["tableRef"] : typeof m["ref"] === "string" ? m["ref"] : null;
    const parsed = ref === null ? null : parseAddress(ref);
    if (parsed === null) continue;
    const columns = Array.isArray(m["columns"]) ? (m["columns"] as unknown[]).map((c) => textOf(rec(c)?.["name"]) ?? "") : [];
    const style = rec(m["style"]);
    const r = parsed.rect;
    const headerCells = columns.map((_c, k) => sheet.getCell(r.row, r.col + k)?.value);
    // exceljs reads a missing headerRowCount (Excel's default: 1) as "no header row"
    const hasHeaders = m["headerRow"] === true || typeof m["autoFilterRef"] === "string" || headerCells.every((v, k) => v !== undefined && String(v) === columns[k]);
    const table: TableModel = {
      id: wb.newId("table"),
      name: textOf(m["name"]) ?? textOf(m["displayName"]) ?? `Table${wb.tables.length + 1}`,
      sheetId: sheet.id,
      rect: r,
      hasHeaders,
      showTotals: m["totalsRow"] === true,
      style: typeof style?.["theme"] === "string" ? style["theme"] : "TableStyleMedium2",
      showBandedRows: style?.["showRowStripes"] === true,
      showBandedColumns: style?.["showColumnStripes"] === true,
      showFilterButton: true,
      columnNames: columns.length === r.colCount ? columns : Array.from({ length: r.colCount }, (_v, k) => `Column${k + 1}`),
    };
    wb.tables.push(table);
  }
}

function sheetFromExcelJs(wb: WorkbookModel, ws: ExcelJS.Worksheet): SheetModel {
  const sheet = wb.addSheet(ws.name);
  sheet.visibility = ws.state === "hidden" ? "Hidden" : ws.state === "veryHidden" ? "VeryHidden" : "Visible";
  sheet.tabColor = colorOf(ws.properties?.tabColor) ?? "";
  const view = rec(ws.views?.[0]);
  if (view !== null && view["state"] === "frozen") {
    sheet.frozenRows = typeof view["ySplit"] === "number" ? view["ySplit"] : 0;
    sheet.frozenColumns = typeof view["xSplit"] === "number" ? view["xSplit"] : 0;
  }
  const columns: unknown = Reflect.get(ws, "_columns");
  if (Array.isArray(columns)) {
    for (const colUnknown of columns as unknown[]) {
      const col = colUnknown as ExcelJS.Column;
      const index = col.number - 1;
      const width = typeof col.width === "number" ? widthToPoints(col.width) : null;
      if (col.hidden === true || width !== null) sheet.setLine("col", index, { hidden: col.hidden === true, size: width });
      const cs = styleFromExcelJs(col.style);
      if (!isDefaultStyle(cs)) sheet.colStyles.set(index, cs);
    }
  }
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const i = rowNumber - 1;
    const height = typeof row.height === "number" ? row.height : null;
    if (row.hidden || height !== null) sheet.setLine("row", i, { hidden: row.hidden, size: height });
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const j = colNumber - 1;
      const v = readCell(cell);
      const style = styleFromExcelJs(cell.style);
      if (v.value === null && v.formula === null && v.hyperlink === null && style === sheet.baseStyle(i, j)) return;
      sheet.setCell(i, j, { value: v.value === "" ? null : v.value, isError: v.isError, formula: v.formula, style, hyperlink: v.hyperlink });
    });
  });
  for (const m of ws.model.merges ?? []) {
    const p = parseAddress(String(m));
    if (p !== null) sheet.merges.push(p.rect);
  }
  readCfs(wb, sheet, ws);
  readProtection(sheet, ws);
  readTables(wb, sheet, ws);
  return sheet;
}

export function modelFromExcelJs(workbook: ExcelJS.Workbook): WorkbookModel {
  const wb = new WorkbookModel();
  for (const ws of workbook.worksheets) sheetFromExcelJs(wb, ws);
  const activeTab = workbook.views?.[0]?.activeTab;
  const active = typeof activeTab === "number" ? wb.sheets[activeTab] : undefined;
  const visibleActive = active !== undefined && active.visibility === "Visible" ? active : wb.sheets.find((s) => s.visibility === "Visible");
  if (visibleActive !== undefined) {
    wb.activeSheetId = visibleActive.id;
    wb.selection = { sheetId: visibleActive.id, rect: rect(0, 0) };
  }
  return wb;
}

export async function modelFromXlsx(source: Buffer | ArrayBuffer | Uint8Array): Promise<WorkbookModel> {
  const workbook = new ExcelJS.Workbook();
  // Bytes as they come (Buffer, Uint8Array or ArrayBuffer): no Node Buffer needed, so the playground can open files in a browser.
  const data = source instanceof ArrayBuffer ? new Uint8Array(source) : source;
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  return modelFromExcelJs(workbook);
}

// ---- writing ------------------------------------------------------------------------------------

const H_ALIGN_OUT: Record<string, ExcelJS.Alignment["horizontal"]> = {
  Left: "left", Center: "center", Right: "right", Fill: "fill", Justify: "justify", CenterAcrossSelection: "centerContinuous", Distributed: "distributed",
};
const V_ALIGN_OUT: Record<string, ExcelJS.Alignment["vertical"]> = { Top: "top", Center: "middle", Bottom: "bottom", Justify: "justify", Distributed: "distributed" };
const UNDERLINE_OUT: Record<string, ExcelJS.Font["underline"]> = { Single: "single", Double: "double", SingleAccountant: "singleAccounting", DoubleAccountant: "doubleAccounting" };

function styleToExcelJs(s: Style): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  if (s.numberFormat !== "General") out.numFmt = s.numberFormat;
  if (s.fill !== null) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: colorToArgb(s.fill) } };
  const f = s.font;
  const font: Partial<ExcelJS.Font> = { name: f.name, size: f.size, color: { argb: colorToArgb(f.color) } };
  if (f.bold) font.bold = true;
  if (f.italic) font.italic = true;
  if (f.strikethrough) font.strike = true;
  const u = UNDERLINE_OUT[f.underline];
  if (u !== undefined) font.underline = u;
  out.font = font;
  const alignment: Partial<ExcelJS.Alignment> = {};
  const h = H_ALIGN_OUT[s.horizontalAlignment];
  if (h !== undefined) alignment.horizontal = h;
  const v = V_ALIGN_OUT[s.verticalAlignment];
  if (v !== undefined && s.verticalAlignment !== "Bottom") alignment.vertical = v;
  if (s.wrapText) alignment.wrapText = true;
  if (Object.keys(alignment).length > 0) out.alignment = alignment;
  if (!s.locked) out.protection = { locked: false };
  return out;
}

function cellValueToExcelJs(wb: WorkbookModel, sheet: SheetModel, row: number, col: number): ExcelJS.CellValue {
  const c = sheet.getCell(row, col);
  if (c === undefined) return null;
  const result = (v: string | number | boolean | null, isError: boolean): ExcelJS.CellFormulaValue["result"] =>
    v === null ? undefined : isError ? ({ error: String(v) } as ExcelJS.CellErrorValue) : v;
  if (c.formula !== null) {
    const ev = cellValue(wb, sheet, row, col);
    const formulaValue: ExcelJS.CellFormulaValue = { formula: c.formula.replace(/^=/, ""), date1904: false };
    const r = result(ev.value, ev.isError);
    if (r !== undefined) formulaValue.result = r;
    return formulaValue;
  }
  if (c.hyperlink !== null) {
    const target = c.hyperlink.address ?? (c.hyperlink.documentReference === undefined ? "" : `#${c.hyperlink.documentReference}`);
    const link: ExcelJS.CellHyperlinkValue = { text: c.value === null ? "" : String(c.value), hyperlink: target };
    if (c.hyperlink.screenTip !== undefined) link.tooltip = c.hyperlink.screenTip;
    return link;
  }
  if (c.isError && c.value !== null) return { error: String(c.value) } as ExcelJS.CellErrorValue;
  return c.value;
}

function cfRuleToExcelJs(cf: CfModel, priority: number): ExcelJS.ConditionalFormattingRule | null {
  if (cf.custom !== null) {
    const style: Partial<ExcelJS.Style> = {};
    if (cf.custom.fill !== null) style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: colorToArgb(cf.custom.fill) } };
    const font: Partial<ExcelJS.Font> = {};
    if (cf.custom.fontColor !== null) font.color = { argb: colorToArgb(cf.custom.fontColor) };
    if (cf.custom.bold !== null) font.bold = cf.custom.bold;
    if (cf.custom.italic !== null) font.italic = cf.custom.italic;
    if (Object.keys(font).length > 0) style.font = font;
    if (cf.custom.numberFormat !== null) style.numFmt = cf.custom.numberFormat;
    return { type: "expression", priority, formulae: [cf.custom.formula.replace(/^=/, "")], style };
  }
  const raw = rec(cf.raw);
  if (raw === null) return null;
  return { ...(raw as unknown as ExcelJS.ConditionalFormattingRule), priority };
}

function writeProtection(ws: ExcelJS.Worksheet, sheet: SheetModel): void {
  const p = sheet.protection;
  if (!p.protected) return;
  const o = p.options;
  const model: Record<string, unknown> = {
    sheet: true,
    objects: o.allowEditObjects,
    scenarios: o.allowEditScenarios,
    selectLockedCells: o.selectionMode === "Normal",
    selectUnlockedCells: o.selectionMode !== "None",
    formatCells: o.allowFormatCells,
    formatColumns: o.allowFormatColumns,
    formatRows: o.allowFormatRows,
    insertColumns: o.allowInsertColumns,
    insertRows: o.allowInsertRows,
    insertHyperlinks: o.allowInsertHyperlinks,
    deleteColumns: o.allowDeleteColumns,
    deleteRows: o.allowDeleteRows,
    sort: o.allowSort,
    autoFilter: o.allowAutoFilter,
    pivotTables: o.allowPivotTables,
  };
  const hash = p.hash ?? (p.password !== null && p.password !== "" ? makePasswordHash(p.password) : null);
  if (hash !== null) Object.assign(model, hash);
  Reflect.set(ws, "sheetProtection", model);
}

function writeSheet(wb: WorkbookModel, sheet: SheetModel, ws: ExcelJS.Worksheet): void {
  for (const [j, s] of sheet.colStyles) {
    const col = ws.getColumn(j + 1);
    col.style = styleToExcelJs(s);
    col.width = pointsToWidth(sheet.columnWidth(j));
  }
  for (const [j, line] of sheet.cols) {
    const col = ws.getColumn(j + 1);
    if (line.hidden) col.hidden = true;
    if (line.size !== null) col.width = pointsToWidth(line.size);
  }
  for (const [i, line] of sheet.rows) {
    const row = ws.getRow(i + 1);
    if (line.hidden) row.hidden = true;
    if (line.size !== null) row.height = line.size;
  }
  for (const [i, s] of sheet.rowStyles) Reflect.set(ws.getRow(i + 1), "style", styleToExcelJs(s));
  const keys = [...sheet.cells.keys()].sort((a, b) => a - b);
  for (const key of keys) {
    const c = sheet.cells.get(key);
    if (c === undefined) continue;
    const i = keyRow(key);
    const j = keyCol(key);
    const cell = ws.getCell(i + 1, j + 1);
    cell.value = cellValueToExcelJs(wb, sheet, i, j);
    cell.style = styleToExcelJs(c.style);
  }
  // exceljs drops rows without cells: give hidden empty rows one blank cell
  for (const [i, line] of sheet.rows) {
    const row = ws.getRow(i + 1);
    if (line.hidden && row.cellCount === 0) ws.getCell(i + 1, 1).style = styleToExcelJs(sheet.baseStyle(i, 0));
  }
  for (const m of sheet.merges) ws.mergeCellsWithoutStyle(m.row + 1, m.col + 1, lastRow(m) + 1, lastCol(m) + 1);
  sheet.cfs.forEach((cf, index) => {
    const rule = cfRuleToExcelJs(cf, index + 1);
    if (rule === null || cf.ranges.length === 0) return;
    ws.addConditionalFormatting({ ref: cf.ranges.map(formatRect).join(" "), rules: [rule] });
  });
  for (const t of wb.tables.filter((tb) => tb.sheetId === sheet.id)) {
    const first = t.hasHeaders ? t.rect.row + 1 : t.rect.row;
    const last = lastRow(t.rect) - (t.showTotals ? 1 : 0);
    const rows: ExcelJS.CellValue[][] = [];
    for (let i = first; i <= last; i++) {
      const line: ExcelJS.CellValue[] = [];
      for (let j = t.rect.col; j <= lastCol(t.rect); j++) line.push(ws.getCell(i + 1, j + 1).value);
      rows.push(line);
    }
    ws.addTable({
      name: t.name,
      displayName: t.name,
      ref: cellName(t.rect.row, t.rect.col),
      headerRow: t.hasHeaders,
      totalsRow: t.showTotals,
      style: { theme: t.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: t.showBandedRows, showColumnStripes: t.showBandedColumns },
      columns: t.columnNames.map((name) => ({ name, filterButton: t.showFilterButton })),
      rows,
    });
  }
  writeProtection(ws, sheet);
}

export async function modelToExcelJs(wb: WorkbookModel): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of wb.sheets) {
    const state = sheet.visibility === "Hidden" ? "hidden" : sheet.visibility === "VeryHidden" ? "veryHidden" : "visible";
    const view: Partial<ExcelJS.WorksheetView> =
      sheet.frozenRows > 0 || sheet.frozenColumns > 0
        ? { state: "frozen", xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows, topLeftCell: cellName(sheet.frozenRows, sheet.frozenColumns) }
        : { state: "normal" };
    const ws = workbook.addWorksheet(sheet.name, {
      state,
      views: [view],
      properties: sheet.tabColor === "" ? {} : { tabColor: { argb: colorToArgb(sheet.tabColor) } },
    });
    writeSheet(wb, sheet, ws);
  }
  const activeIndex = Math.max(0, wb.sheets.findIndex((s) => s.id === wb.activeSheetId));
  workbook.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: activeIndex, visibility: "visible" }];
  return Promise.resolve(workbook);
}

export async function modelToXlsx(wb: WorkbookModel): Promise<Buffer> {
  const workbook = await modelToExcelJs(wb);
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out);
}
