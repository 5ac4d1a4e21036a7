/** Range, RangeAreas and RangeCollection proxies. */
import {
  MAX_COLS,
  MAX_ROWS,
  Rect,
  boundingBox,
  cellCount,
  formatAddress,
  intersection,
  isEntireColumns,
  isEntireRows,
  isUnbounded,
  lastCol,
  lastRow,
  rect,
} from "./address";
import {
  CellLevelProperty,
  applyStyle,
  assertCanEdit,
  cellOrEmpty,
  clearRange,
  linesUniform,
  mergeRange,
  readCellLevel,
  readHyperlink,
  setLines,
  unmergeRange,
  writeHyperlink,
  writeNumberFormats,
  writeValues,
} from "./cells";
import { ClientCollection, ClientObject, ClientResult, ContextCore, Exec, PathInfo, Resolver } from "./client";
import { ConditionalFormatCollection } from "./conditional";
import { HorizontalAlignment, VerticalAlignment } from "./enums.generated";
import { simError } from "./errors";
import { AreasTarget, RangeFormat } from "./format";
import { SheetModel, Style, snapToPixels } from "./model";
import { normalizeColor } from "./values";
import { WorksheetProxy } from "./worksheet";

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

export type CellGrid = (string | number | boolean | null)[][];

const CELL_LEVEL: readonly string[] = ["values", "text", "formulas", "formulasLocal", "numberFormat", "numberFormatLocal", "valueTypes"];

function checkInSheet(r: Rect, location: string): Rect {
  if (r.row < 0 || r.col < 0 || r.rowCount < 1 || r.colCount < 1 || lastRow(r) >= MAX_ROWS || lastCol(r) >= MAX_COLS) {
    throw simError("InvalidArgument", location);
  }
  return r;
}

function int(v: unknown, location: string): number {
  if (typeof v !== "number" || !Number.isInteger(v)) throw simError("InvalidArgument", location);
  return v;
}

// ---- getCellProperties & friends --------------------------------------------------------

type Reader = (key: string) => unknown;

/** One field a *Properties load option asks for: its name, its path ("format/fill/color") and, for an object, its fields. */
interface Field {
  name: string;
  key: string;
  fields: Field[] | null;
}

/** The fields of a load option such as { format: { fill: { color: true } } }, worked out once for every cell. */
function fieldsOf(options: unknown, prefix = ""): Field[] {
  if (typeof options !== "object" || options === null) return [];
  const out: Field[] = [];
  for (const [name, v] of Object.entries(options as Record<string, unknown>)) {
    const key = prefix === "" ? name : `${prefix}/${name}`;
    if (typeof v === "object" && v !== null) out.push({ name, key, fields: fieldsOf(v, key) });
    else if (v === true) out.push({ name, key, fields: null });
  }
  return out;
}

/** Build the object the fields ask for, e.g. { format: { fill: { color: "#FFFFFF" } } }. */
function pick(fields: readonly Field[], read: Reader): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.fields !== null) out[f.name] = pick(f.fields, read);
    else {
      const value = read(f.key);
      if (value !== undefined) out[f.name] = value;
    }
  }
  return out;
}

function styleReader(style: Style | null, key: string): unknown {
  if (style === null) return null;
  switch (key) {
    case "format/fill/color":
      return style.fill ?? "#FFFFFF";
    case "format/fill/pattern":
      return style.fill === null ? "None" : "Solid";
    case "format/fill/tintAndShade":
    case "format/fill/patternTintAndShade":
    case "format/font/tintAndShade":
    case "format/indentLevel":
    case "format/textOrientation":
      return 0;
    case "format/horizontalAlignment":
      return style.horizontalAlignment;
    case "format/verticalAlignment":
      return style.verticalAlignment;
    case "format/wrapText":
      return style.wrapText;
    case "format/protection/locked":
      return style.locked;
    case "format/protection/formulaHidden":
    case "format/shrinkToFit":
    case "format/autoIndent":
      return false;
    case "format/readingOrder":
      return "Context";
    case "style":
      return "Normal";
  }
  if (key.startsWith("format/font/")) {
    const f = key.slice("format/font/".length);
    return f in style.font ? style.font[f as keyof Style["font"]] : undefined;
  }
  return undefined;
}

/** The style shared by every cell of r, or null when cells differ (property-wise via styleReader). */
function commonStyle(sheet: SheetModel, r: Rect): Style | null {
  const probe = sheet.styleAt(r.row, r.col);
  if (isUnbounded(r)) return probe;
  for (let i = r.row; i <= lastRow(r); i++) {
    for (let j = r.col; j <= lastCol(r); j++) {
      if (sheet.styleAt(i, j) !== probe) return null;
    }
  }
  return probe;
}

function lineStyleReader(sheet: SheetModel, r: Rect, key: string): unknown {
  const common = commonStyle(sheet, r);
  if (common !== null) return styleReader(common, key);
  // differing style objects may still agree on this property
  let first: unknown = undefined;
  for (let i = r.row; i <= lastRow(r); i++) {
    for (let j = r.col; j <= lastCol(r); j++) {
      const v = styleReader(sheet.styleAt(i, j), key);
      if (first === undefined) first = v;
      else if (!Object.is(first, v)) return null;
    }
  }
  return first;
}

function applyCellFormat(base: Style, format: Record<string, unknown>, location: string): Style {
  let s = base;
  const fill = format["fill"];
  if (typeof fill === "object" && fill !== null) {
    const f = fill as Record<string, unknown>;
    if (f["pattern"] === "None") s = { ...s, fill: null };
    if (f["color"] !== undefined) {
      const c = typeof f["color"] === "string" ? normalizeColor(f["color"]) : null;
      if (c === null) throw simError("InvalidArgument", location);
      s = { ...s, fill: c };
    }
  }
  const font = format["font"];
  if (typeof font === "object" && font !== null) {
    const f = font as Record<string, unknown>;
    const next = { ...s.font };
    for (const k of ["bold", "italic", "strikethrough"] as const) {
      const v = f[k];
      if (v !== undefined) {
        if (typeof v !== "boolean") throw simError("InvalidArgument", location);
        next[k] = v;
      }
    }
    if (f["color"] !== undefined) {
      const c = typeof f["color"] === "string" ? normalizeColor(f["color"]) : null;
      if (c === null) throw simError("InvalidArgument", location);
      next.color = c;
    }
    if (typeof f["size"] === "number") next.size = f["size"];
    if (typeof f["name"] === "string") next.name = f["name"];
    if (typeof f["underline"] === "string") next.underline = f["underline"];
    s = { ...s, font: next };
  }
  const h = format["horizontalAlignment"];
  if (h !== undefined) {
    if (typeof h !== "string" || !(Object.values(HorizontalAlignment) as string[]).includes(h)) throw simError("InvalidArgument", location);
    s = { ...s, horizontalAlignment: h };
  }
  const v = format["verticalAlignment"];
  if (v !== undefined) {
    if (typeof v !== "string" || !(Object.values(VerticalAlignment) as string[]).includes(v)) throw simError("InvalidArgument", location);
    s = { ...s, verticalAlignment: v };
  }
  if (typeof format["wrapText"] === "boolean") s = { ...s, wrapText: format["wrapText"] };
  const protection = format["protection"];
  if (typeof protection === "object" && protection !== null) {
    const locked = (protection as Record<string, unknown>)["locked"];
    if (typeof locked === "boolean") s = { ...s, locked };
  }
  return s;
}

// ---- Range ----------------------------------------------------------------------------------

export class RangeProxy extends ClientObject<RangeTarget> {
  readonly _typeName = "Range";

  constructor(ctx: ContextCore, path: PathInfo, resolver: Resolver<RangeTarget>, nullable = false) {
    super(ctx, path, resolver, nullable);
  }

  /** A range computed from this one when the batch runs. */
  private _derive(name: string, args: readonly unknown[], fn: (t: RangeTarget, x: Exec) => Rect | null, nullable = false): RangeProxy {
    return new RangeProxy(
      this._ctx,
      { parent: this, name, args },
      (x) => {
        const t = this._resolve(x);
        if (t === null) return null;
        const r = fn(t, x);
        return r === null ? null : { sheet: t.sheet, rect: r };
      },
      nullable,
    );
  }

  private _areas(): Resolver<AreasTarget> {
    return (x) => {
      const t = this._resolve(x);
      return t === null ? null : { sheet: t.sheet, rects: [t.rect] };
    };
  }

  protected override _scalarNames(): readonly string[] {
    const base = ["address", "addressLocal", "cellCount", "columnCount", "columnIndex", "formulas", "formulasLocal", "numberFormat", "rowCount", "rowIndex", "text", "valueTypes", "values"];
    return this._host().isSetSupported("ExcelApi", "1.2") ? [...base, "columnHidden", "rowHidden", "hidden"] : base;
  }
  protected override _navNames(): readonly string[] {
    return ["format", "conditionalFormats", "worksheet"];
  }
  protected override _gated(): Readonly<Record<string, string>> {
    return {
      hyperlink: "1.7",
      rowHidden: "1.2",
      columnHidden: "1.2",
      hidden: "1.2",
      isEntireColumn: "1.7",
      isEntireRow: "1.7",
      numberFormatLocal: "1.7",
      conditionalFormats: "1.6",
    };
  }

  protected override _readScalar(name: string, t: RangeTarget, x: Exec): unknown {
    const r = t.rect;
    if (CELL_LEVEL.includes(name)) {
      if (!isUnbounded(r)) {
        x.checkResponse(cellCount(r) * 3);
        if (cellCount(r) > x.host.options.maxCellsPerRead) throw simError("RangeExceedsLimit", `Range.${name}`);
      }
      const prop = name.replace(/Local$/, "") as CellLevelProperty;
      return readCellLevel(x.wb, t.sheet, r, prop);
    }
    switch (name) {
      case "address":
      case "addressLocal":
        return formatAddress(t.sheet.name, r);
      case "cellCount":
        return cellCount(r);
      case "rowCount":
        return r.rowCount;
      case "columnCount":
        return r.colCount;
      case "rowIndex":
        return r.row;
      case "columnIndex":
        return r.col;
      case "rowHidden":
        return linesUniform(r.row, r.rowCount, (k) => t.sheet.line("row", k).hidden);
      case "columnHidden":
        return linesUniform(r.col, r.colCount, (k) => t.sheet.line("col", k).hidden);
      case "hidden": {
        const rows = linesUniform(r.row, r.rowCount, (k) => t.sheet.line("row", k).hidden);
        const cols = linesUniform(r.col, r.colCount, (k) => t.sheet.line("col", k).hidden);
        return rows === true || cols === true;
      }
      case "isEntireColumn":
        return isEntireColumns(r);
      case "isEntireRow":
        return isEntireRows(r);
      case "hyperlink":
        return readHyperlink(x.wb, t.sheet, r.row, r.col);
      default:
        return super._readScalar(name, t, x);
    }
  }

  // ---- scalar properties ----

  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get isEntireColumn(): boolean {
    return this._get("isEntireColumn");
  }
  get isEntireRow(): boolean {
    return this._get("isEntireRow");
  }
  get hidden(): boolean {
    return this._get("hidden");
  }
  get text(): string[][] {
    return this._get("text");
  }
  get valueTypes(): string[][] {
    return this._get("valueTypes");
  }

  get values(): CellGrid {
    return this._get("values");
  }
  set values(v: CellGrid) {
    this._set("values", v, (t) => writeValues(t.sheet, t.rect, v, "Range.values"));
  }
  get formulas(): CellGrid {
    return this._get("formulas");
  }
  set formulas(v: CellGrid) {
    this._set("formulas", v, (t) => writeValues(t.sheet, t.rect, v, "Range.formulas"));
  }
  get formulasLocal(): CellGrid {
    return this._get("formulasLocal");
  }
  set formulasLocal(v: CellGrid) {
    this._set("formulasLocal", v, (t) => writeValues(t.sheet, t.rect, v, "Range.formulasLocal"));
  }
  get numberFormat(): CellGrid {
    return this._get("numberFormat");
  }
  set numberFormat(v: CellGrid) {
    this._set("numberFormat", v, (t) => writeNumberFormats(t.sheet, t.rect, v, "Range.numberFormat"));
  }
  get numberFormatLocal(): CellGrid {
    return this._get("numberFormatLocal");
  }
  set numberFormatLocal(v: CellGrid) {
    this._set("numberFormatLocal", v, (t) => writeNumberFormats(t.sheet, t.rect, v, "Range.numberFormatLocal"));
  }
  get rowHidden(): boolean {
    return this._get("rowHidden");
  }
  set rowHidden(v: boolean) {
    this._set("rowHidden", v, (t) => {
      if (typeof v !== "boolean") throw simError("InvalidArgument", "Range.rowHidden");
      assertCanEdit(t.sheet, "formatRows", [t.rect], "Range.rowHidden");
      setLines(t.sheet, "row", t.rect.row, t.rect.rowCount, { hidden: v });
    });
  }
  get columnHidden(): boolean {
    return this._get("columnHidden");
  }
  set columnHidden(v: boolean) {
    this._set("columnHidden", v, (t) => {
      if (typeof v !== "boolean") throw simError("InvalidArgument", "Range.columnHidden");
      assertCanEdit(t.sheet, "formatColumns", [t.rect], "Range.columnHidden");
      setLines(t.sheet, "col", t.rect.col, t.rect.colCount, { hidden: v });
    });
  }
  get hyperlink(): Excel.RangeHyperlink {
    return this._get("hyperlink");
  }
  set hyperlink(v: Excel.RangeHyperlink) {
    this._set("hyperlink", v, (t) => writeHyperlink(t.sheet, t.rect, v, "Range.hyperlink"));
  }

  // ---- navigation ----

  get format(): RangeFormat {
    return this._child("format", () => new RangeFormat(this._ctx, { parent: this, name: "format", args: [] }, this._areas()));
  }
  get conditionalFormats(): ConditionalFormatCollection {
    this._requireApi("Range.conditionalFormats", "1.6");
    return this._child("conditionalFormats", () => new ConditionalFormatCollection(this._ctx, { parent: this, name: "conditionalFormats", args: [] }, this._areas()));
  }
  get worksheet(): WorksheetProxy {
    return this._child("worksheet", () => new WorksheetProxy(this._ctx, { parent: this, name: "worksheet", args: [] }, (x) => this._resolve(x)?.sheet ?? null));
  }

  // ---- derived ranges ----

  getCell(row: number, column: number): RangeProxy {
    return this._derive("getCell", [row, column], (t) =>
      checkInSheet(rect(t.rect.row + int(row, "Range.getCell"), t.rect.col + int(column, "Range.getCell")), "Range.getCell"),
    );
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this._derive("getOffsetRange", [rowOffset, columnOffset], (t) =>
      checkInSheet({ ...t.rect, row: t.rect.row + int(rowOffset, "Range.getOffsetRange"), col: t.rect.col + int(columnOffset, "Range.getOffsetRange") }, "Range.getOffsetRange"),
    );
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    this._requireApi("Range.getResizedRange", "1.3");
    return this._derive("getResizedRange", [deltaRows, deltaColumns], (t) =>
      checkInSheet({ ...t.rect, rowCount: t.rect.rowCount + int(deltaRows, "Range.getResizedRange"), colCount: t.rect.colCount + int(deltaColumns, "Range.getResizedRange") }, "Range.getResizedRange"),
    );
  }
  getRow(row: number): RangeProxy {
    return this._derive("getRow", [row], (t) => {
      const i = int(row, "Range.getRow");
      if (i < 0 || i >= t.rect.rowCount) throw simError("InvalidArgument", "Range.getRow");
      return rect(t.rect.row + i, t.rect.col, 1, t.rect.colCount);
    });
  }
  getColumn(column: number): RangeProxy {
    return this._derive("getColumn", [column], (t) => {
      const j = int(column, "Range.getColumn");
      if (j < 0 || j >= t.rect.colCount) throw simError("InvalidArgument", "Range.getColumn");
      return rect(t.rect.row, t.rect.col + j, t.rect.rowCount, 1);
    });
  }
  getEntireRow(): RangeProxy {
    return this._derive("getEntireRow", [], (t) => rect(t.rect.row, 0, t.rect.rowCount, MAX_COLS));
  }
  getEntireColumn(): RangeProxy {
    return this._derive("getEntireColumn", [], (t) => rect(0, t.rect.col, MAX_ROWS, t.rect.colCount));
  }
  getLastCell(): RangeProxy {
    return this._derive("getLastCell", [], (t) => rect(lastRow(t.rect), lastCol(t.rect)));
  }
  getLastRow(): RangeProxy {
    return this._derive("getLastRow", [], (t) => rect(lastRow(t.rect), t.rect.col, 1, t.rect.colCount));
  }
  getLastColumn(): RangeProxy {
    return this._derive("getLastColumn", [], (t) => rect(t.rect.row, lastCol(t.rect), t.rect.rowCount, 1));
  }
  getRowsAbove(count = 1): RangeProxy {
    this._requireApi("Range.getRowsAbove", "1.3");
    return this._derive("getRowsAbove", [count], (t) => checkInSheet(rect(t.rect.row - count, t.rect.col, count, t.rect.colCount), "Range.getRowsAbove"));
  }
  getRowsBelow(count = 1): RangeProxy {
    this._requireApi("Range.getRowsBelow", "1.3");
    return this._derive("getRowsBelow", [count], (t) => checkInSheet(rect(lastRow(t.rect) + 1, t.rect.col, count, t.rect.colCount), "Range.getRowsBelow"));
  }
  getColumnsBefore(count = 1): RangeProxy {
    this._requireApi("Range.getColumnsBefore", "1.3");
    return this._derive("getColumnsBefore", [count], (t) => checkInSheet(rect(t.rect.row, t.rect.col - count, t.rect.rowCount, count), "Range.getColumnsBefore"));
  }
  getColumnsAfter(count = 1): RangeProxy {
    this._requireApi("Range.getColumnsAfter", "1.3");
    return this._derive("getColumnsAfter", [count], (t) => checkInSheet(rect(t.rect.row, lastCol(t.rect) + 1, t.rect.rowCount, count), "Range.getColumnsAfter"));
  }
  getIntersection(anotherRange: RangeProxy | string): RangeProxy {
    return this._derive("getIntersection", [anotherRange], (t, x) => {
      const other = this._otherRect(anotherRange, t, x);
      const hit = intersection(t.rect, other);
      if (hit === null) throw simError("ItemNotFound", "Range.getIntersection");
      return hit;
    });
  }
  getIntersectionOrNullObject(anotherRange: RangeProxy | string): RangeProxy {
    this._requireApi("Range.getIntersectionOrNullObject", "1.4");
    return this._derive("getIntersectionOrNullObject", [anotherRange], (t, x) => intersection(t.rect, this._otherRect(anotherRange, t, x)), true);
  }
  getBoundingRect(anotherRange: RangeProxy | string): RangeProxy {
    return this._derive("getBoundingRect", [anotherRange], (t, x) => boundingBox([t.rect, this._otherRect(anotherRange, t, x)]));
  }
  getUsedRange(valuesOnly = false): RangeProxy {
    return this._derive("getUsedRange", [valuesOnly], (t) => {
      const used = t.sheet.usedRange(valuesOnly);
      const hit = used === null ? null : intersection(used, t.rect);
      if (hit === null) throw simError("ItemNotFound", "Range.getUsedRange");
      return hit;
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    this._requireApi("Range.getUsedRangeOrNullObject", "1.4");
    return this._derive("getUsedRangeOrNullObject", [valuesOnly], (t) => {
      const used = t.sheet.usedRange(valuesOnly);
      return used === null ? null : intersection(used, t.rect);
    }, true);
  }

  private _otherRect(other: RangeProxy | string, t: RangeTarget, x: Exec): Rect {
    if (typeof other === "string") {
      const r = WorksheetProxy.parseLocal(t.sheet, other, x, "Range.getIntersection");
      return r;
    }
    const o = other._resolve(x);
    if (o === null || o.sheet !== t.sheet) throw simError("InvalidArgument", "Range");
    return o.rect;
  }

  // ---- cell, row and column properties (ExcelApi 1.9) ----

  getCellProperties(cellPropertiesLoadOptions: Excel.CellPropertiesLoadOptions): ClientResult<Excel.CellProperties[][]> {
    this._requireApi("Range.getCellProperties", "1.9");
    const opts: unknown = cellPropertiesLoadOptions;
    return this._result("getCellProperties", [opts], (t, x) => {
      const fields = fieldsOf(opts);
      const r = t.rect;
      if (isUnbounded(r)) return null as unknown as Excel.CellProperties[][];
      x.checkResponse(cellCount(r) * 10);
      if (cellCount(r) > x.host.options.maxCellsPerRead) throw simError("RangeExceedsLimit", "Range.getCellProperties");
      const out: Excel.CellProperties[][] = [];
      for (let i = r.row; i <= lastRow(r); i++) {
        const line: Excel.CellProperties[] = [];
        for (let j = r.col; j <= lastCol(r); j++) {
          const style = t.sheet.styleAt(i, j);
          line.push(
            pick(fields, (key) => {
              switch (key) {
                case "address":
                case "addressLocal":
                  return formatAddress(t.sheet.name, rect(i, j));
                case "hidden":
                  return t.sheet.line("row", i).hidden || t.sheet.line("col", j).hidden;
                case "hyperlink":
                  return readHyperlink(x.wb, t.sheet, i, j) ?? undefined;
                case "format/useStandardHeight":
                  return t.sheet.line("row", i).size === null;
                case "format/useStandardWidth":
                  return t.sheet.line("col", j).size === null;
                default:
                  return styleReader(style, key);
              }
            }),
          );
        }
        out.push(line);
      }
      return out;
    });
  }

  getRowProperties(rowPropertiesLoadOptions: Excel.RowPropertiesLoadOptions): ClientResult<Excel.RowProperties[]> {
    this._requireApi("Range.getRowProperties", "1.9");
    const opts: unknown = rowPropertiesLoadOptions;
    return this._result("getRowProperties", [opts], (t, x) => {
      const fields = fieldsOf(opts);
      const r = t.rect;
      if (isEntireColumns(r)) return null as unknown as Excel.RowProperties[];
      x.checkResponse(r.rowCount * 10);
      const out: Excel.RowProperties[] = [];
      for (let i = r.row; i <= lastRow(r); i++) {
        const row = rect(i, r.col, 1, r.colCount);
        out.push(
          pick(fields, (key) => {
            switch (key) {
              case "rowIndex":
                return i;
              case "rowHidden":
                return t.sheet.line("row", i).hidden;
              case "hidden":
                return t.sheet.line("row", i).hidden;
              case "address":
              case "addressLocal":
                return formatAddress(t.sheet.name, row);
              case "format/rowHeight":
                return t.sheet.rowHeight(i);
              case "format/useStandardHeight":
                return t.sheet.line("row", i).size === null;
              default:
                return lineStyleReader(t.sheet, row, key);
            }
          }),
        );
      }
      return out;
    });
  }

  getColumnProperties(columnPropertiesLoadOptions: Excel.ColumnPropertiesLoadOptions): ClientResult<Excel.ColumnProperties[]> {
    this._requireApi("Range.getColumnProperties", "1.9");
    const opts: unknown = columnPropertiesLoadOptions;
    return this._result("getColumnProperties", [opts], (t, x) => {
      const fields = fieldsOf(opts);
      const r = t.rect;
      if (isEntireRows(r)) return null as unknown as Excel.ColumnProperties[];
      x.checkResponse(r.colCount * 10);
      const out: Excel.ColumnProperties[] = [];
      for (let j = r.col; j <= lastCol(r); j++) {
        const col = rect(r.row, j, r.rowCount, 1);
        out.push(
          pick(fields, (key) => {
            switch (key) {
              case "columnIndex":
                return j;
              case "columnHidden":
              case "hidden":
                return t.sheet.line("col", j).hidden;
              case "address":
              case "addressLocal":
                return formatAddress(t.sheet.name, col);
              case "format/columnWidth":
                return t.sheet.columnWidth(j);
              case "format/useStandardWidth":
                return t.sheet.line("col", j).size === null;
              default:
                return lineStyleReader(t.sheet, col, key);
            }
          }),
        );
      }
      return out;
    });
  }

  setCellProperties(cellPropertiesData: Excel.SettableCellProperties[][]): void {
    this._requireApi("Range.setCellProperties", "1.9");
    const data: unknown = cellPropertiesData;
    this._call("setCellProperties", [data], (t) => {
      const loc = "Range.setCellProperties";
      const r = t.rect;
      if (!Array.isArray(data) || data.length !== r.rowCount) throw simError("InvalidArgument", loc);
      const rows: unknown[] = data;
      const wantsFormat = rows.some((line) => Array.isArray(line) && (line as unknown[]).some((c) => typeof c === "object" && c !== null && "format" in c));
      if (wantsFormat) assertCanEdit(t.sheet, "formatCells", [r], loc);
      rows.forEach((line, di) => {
        if (!Array.isArray(line) || line.length !== r.colCount) throw simError("InvalidArgument", loc);
        (line as unknown[]).forEach((entry, dj) => {
          if (typeof entry !== "object" || entry === null) return;
          const e = entry as Record<string, unknown>;
          const i = r.row + di;
          const j = r.col + dj;
          const format = e["format"];
          if (typeof format === "object" && format !== null) {
            const c = cellOrEmpty(t.sheet, i, j);
            t.sheet.setCell(i, j, { ...c, style: applyCellFormat(c.style, format as Record<string, unknown>, loc) });
          }
          if (e["hyperlink"] !== undefined) writeHyperlink(t.sheet, rect(i, j), e["hyperlink"], loc);
        });
      });
    });
  }

  setRowProperties(rowPropertiesData: Excel.SettableRowProperties[]): void {
    this._requireApi("Range.setRowProperties", "1.9");
    const data: unknown = rowPropertiesData;
    this._call("setRowProperties", [data], (t) => this._setLineProperties(t, data, "row"));
  }

  setColumnProperties(columnPropertiesData: Excel.SettableColumnProperties[]): void {
    this._requireApi("Range.setColumnProperties", "1.9");
    const data: unknown = columnPropertiesData;
    this._call("setColumnProperties", [data], (t) => this._setLineProperties(t, data, "col"));
  }

  private _setLineProperties(t: RangeTarget, data: unknown, kind: "row" | "col"): void {
    const loc = kind === "row" ? "Range.setRowProperties" : "Range.setColumnProperties";
    const count = kind === "row" ? t.rect.rowCount : t.rect.colCount;
    if (!Array.isArray(data) || data.length !== count) throw simError("InvalidArgument", loc);
    (data as unknown[]).forEach((entry, k) => {
      if (typeof entry !== "object" || entry === null) return;
      const e = entry as Record<string, unknown>;
      const index = (kind === "row" ? t.rect.row : t.rect.col) + k;
      const line = kind === "row" ? rect(index, t.rect.col, 1, t.rect.colCount) : rect(t.rect.row, index, t.rect.rowCount, 1);
      const hidden = e[kind === "row" ? "rowHidden" : "columnHidden"];
      if (typeof hidden === "boolean") {
        assertCanEdit(t.sheet, kind === "row" ? "formatRows" : "formatColumns", [line], loc);
        setLines(t.sheet, kind, index, 1, { hidden });
      }
      const format = e["format"];
      if (typeof format === "object" && format !== null) {
        const f = format as Record<string, unknown>;
        const size = f[kind === "row" ? "rowHeight" : "columnWidth"];
        if (typeof size === "number") {
          assertCanEdit(t.sheet, kind === "row" ? "formatRows" : "formatColumns", [line], loc);
          setLines(t.sheet, kind, index, 1, { size: snapToPixels(size) });
        }
        const styleKeys = Object.keys(f).filter((key) => key !== "rowHeight" && key !== "columnWidth");
        if (styleKeys.length > 0) {
          assertCanEdit(t.sheet, "formatCells", [line], loc);
          applyStyle(t.sheet, [line], (s) => applyCellFormat(s, f, loc));
        }
      }
    });
  }

  // ---- actions ----

  clear(applyTo: string = "All"): void {
    this._call("clear", [applyTo], (t, x) => clearRange(x.wb, t.sheet, t.rect, applyTo, "Range.clear"));
  }

  delete(shift: string): void {
    this._call("delete", [shift], (t) => {
      if (shift !== "Up" && shift !== "Left") throw simError("InvalidArgument", "Range.delete");
      assertCanEdit(t.sheet, "structure", [t.rect], "Range.delete");
      deleteCells(t, shift);
    });
  }

  merge(across = false): void {
    this._requireApi("Range.merge", "1.2");
    this._call("merge", [across], (t, x) => mergeRange(x.wb, t.sheet, t.rect, across, "Range.merge"));
  }
  unmerge(): void {
    this._requireApi("Range.unmerge", "1.2");
    this._call("unmerge", [], (t) => unmergeRange(t.sheet, t.rect, "Range.unmerge"));
  }
  getMergedAreasOrNullObject(): RangeAreasProxy {
    this._requireApi("Range.getMergedAreasOrNullObject", "1.13");
    return new RangeAreasProxy(
      this._ctx,
      { parent: this, name: "getMergedAreasOrNullObject", args: [] },
      (x) => {
        const t = this._resolve(x);
        if (t === null) return null;
        const merges = t.sheet.mergesIn(t.rect);
        return merges.length === 0 ? null : { sheet: t.sheet, rects: merges.map((m) => ({ ...m })) };
      },
      true,
    );
  }

  select(): void {
    this._call("select", [], (t, x) => {
      if (t.sheet.visibility !== "Visible") throw simError("InvalidOperation", "Range.select");
      x.wb.activeSheetId = t.sheet.id;
      x.wb.selection = { sheetId: t.sheet.id, rect: { ...t.rect } };
    }, false);
  }

  calculate(): void {
    this._requireApi("Range.calculate", "1.6");
    this._call("calculate", [], () => undefined, false);
  }

  /** Resolve for other proxies (tables.add, charts.add) in the same batch. */
  static targetOf(range: RangeProxy, x: Exec): RangeTarget {
    const t = range._resolve(x);
    if (t === null) throw simError("InvalidArgument", "Range");
    return t;
  }
}

/** Delete cells and shift the rest up or left (values and formats only; merges, CFs and tables are not moved). */
function deleteCells(t: RangeTarget, shift: "Up" | "Left"): void {
  const r = t.rect;
  const sheet = t.sheet;
  const moved: Array<[number, number, ReturnType<SheetModel["getCell"]>]> = [];
  for (const [key, c] of [...sheet.cells]) {
    const i = Math.floor(key / MAX_COLS);
    const j = key % MAX_COLS;
    const inCols = j >= r.col && j <= lastCol(r);
    const inRows = i >= r.row && i <= lastRow(r);
    if (shift === "Up" && inCols && i >= r.row) {
      sheet.cells.delete(key);
      if (!inRows) moved.push([i - r.rowCount, j, c]);
    } else if (shift === "Left" && inRows && j >= r.col) {
      sheet.cells.delete(key);
      if (!inCols) moved.push([i, j - r.colCount, c]);
    }
  }
  for (const [i, j, c] of moved) if (c !== undefined) sheet.cells.set(i * MAX_COLS + j, c);
}

// ---- RangeAreas ------------------------------------------------------------------------------

export class RangeAreasProxy extends ClientObject<AreasTarget> {
  readonly _typeName = "RangeAreas";

  constructor(ctx: ContextCore, path: PathInfo, resolver: Resolver<AreasTarget>, nullable = false) {
    super(ctx, path, resolver, nullable);
  }

  protected override _scalarNames(): readonly string[] {
    return ["address", "addressLocal", "areaCount", "cellCount", "isEntireColumn", "isEntireRow"];
  }
  protected override _navNames(): readonly string[] {
    return ["areas", "format", "conditionalFormats", "worksheet"];
  }
  protected override _readScalar(name: string, t: AreasTarget, x: Exec): unknown {
    switch (name) {
      case "address":
      case "addressLocal":
        return t.rects.map((r) => formatAddress(t.sheet.name, r)).join(", ");
      case "areaCount":
        return t.rects.length;
      case "cellCount":
        return t.rects.reduce((n, r) => n + cellCount(r), 0);
      case "isEntireColumn":
        return t.rects.every(isEntireColumns);
      case "isEntireRow":
        return t.rects.every(isEntireRows);
      default:
        return super._readScalar(name, t, x);
    }
  }
  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get areaCount(): number {
    return this._get("areaCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get isEntireColumn(): boolean {
    return this._get("isEntireColumn");
  }
  get isEntireRow(): boolean {
    return this._get("isEntireRow");
  }
  get areas(): RangeCollectionProxy {
    return this._child("areas", () => new RangeCollectionProxy(this._ctx, { parent: this, name: "areas", args: [] }, (x) => this._resolve(x)));
  }
  get format(): RangeFormat {
    return this._child("format", () => new RangeFormat(this._ctx, { parent: this, name: "format", args: [] }, (x) => this._resolve(x)));
  }
  get conditionalFormats(): ConditionalFormatCollection {
    return this._child("conditionalFormats", () => new ConditionalFormatCollection(this._ctx, { parent: this, name: "conditionalFormats", args: [] }, (x) => this._resolve(x)));
  }
  get worksheet(): WorksheetProxy {
    return this._child("worksheet", () => new WorksheetProxy(this._ctx, { parent: this, name: "worksheet", args: [] }, (x) => this._resolve(x)?.sheet ?? null));
  }
  clear(applyTo: string = "All"): void {
    this._call("clear", [applyTo], (t, x) => {
      for (const r of t.rects) clearRange(x.wb, t.sheet, r, applyTo, "RangeAreas.clear");
    });
  }
  calculate(): void {
    this._call("calculate", [], () => undefined, false);
  }
}

export class RangeCollectionProxy extends ClientCollection<AreasTarget, RangeProxy> {
  readonly _typeName = "RangeCollection";
  protected override _makeItems(t: AreasTarget): RangeProxy[] {
    const sheetId = t.sheet.id;
    return t.rects.map(
      (r, k) =>
        new RangeProxy(this._ctx, { parent: this, name: "getItemAt", args: [k] }, (x) => {
          const sheet = x.wb.sheetById(sheetId);
          return sheet === undefined ? null : { sheet, rect: { ...r } };
        }),
    );
  }
  getCount(): ClientResult<number> {
    return this._result("getCount", [], (t) => t.rects.length);
  }
  getItemAt(index: number): RangeProxy {
    return new RangeProxy(this._ctx, { parent: this, name: "getItemAt", args: [index] }, (x) => {
      const t = this._resolve(x);
      if (t === null) return null;
      const r = t.rects[index];
      if (r === undefined) throw simError("ItemNotFound", "RangeCollection.getItemAt");
      return { sheet: t.sheet, rect: r };
    });
  }
}

