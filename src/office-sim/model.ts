/**
 * The plain in-memory workbook the simulator's proxies read and write during
 * `context.sync()`. No Office.js semantics here: just state and small helpers.
 *
 * Cells are immutable records keyed by `row * MAX_COLS + col`; styles are shared,
 * frozen objects, so cloning a sheet (for rolling back a failed sync) only copies maps.
 */
import {
  MAX_COLS,
  Rect,
  cellCount,
  containsCell,
  intersects,
  isEntireColumns,
  isEntireRows,
  lastCol,
  lastRow,
  rect,
} from "./address";
import type { Scalar } from "./values";

export interface FontState {
  readonly name: string;
  readonly size: number;
  readonly color: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly underline: string;
  readonly strikethrough: boolean;
}

export interface Style {
  readonly numberFormat: string;
  /** "#RRGGBB" solid fill, or null for no fill */
  readonly fill: string | null;
  readonly font: FontState;
  readonly horizontalAlignment: string;
  readonly verticalAlignment: string;
  readonly wrapText: boolean;
  readonly locked: boolean;
}

export const DEFAULT_FONT: FontState = Object.freeze({
  name: "Calibri",
  size: 11,
  color: "#000000",
  bold: false,
  italic: false,
  underline: "None",
  strikethrough: false,
});

export const DEFAULT_STYLE: Style = Object.freeze({
  numberFormat: "General",
  fill: null,
  font: DEFAULT_FONT,
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
  wrapText: false,
  locked: true,
});

const defaultStyleCache = new WeakMap<Style, boolean>();
export function isDefaultStyle(s: Style): boolean {
  if (s === DEFAULT_STYLE) return true;
  let known = defaultStyleCache.get(s);
  if (known === undefined) {
    known = styleKey(s) === DEFAULT_STYLE_KEY;
    defaultStyleCache.set(s, known);
  }
  return known;
}
export function styleKey(s: Style): string {
  const f = s.font;
  return JSON.stringify([
    s.numberFormat, s.fill, f.name, f.size, f.color, f.bold, f.italic, f.underline, f.strikethrough,
    s.horizontalAlignment, s.verticalAlignment, s.wrapText, s.locked,
  ]);
}
const DEFAULT_STYLE_KEY = styleKey(DEFAULT_STYLE);

export interface Hyperlink {
  address?: string;
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

export interface Cell {
  /** the value; for a formula cell its last known result (null when unknown) */
  readonly value: Scalar | null;
  readonly isError: boolean;
  readonly formula: string | null;
  readonly style: Style;
  readonly hyperlink: Hyperlink | null;
}

export interface LineProps {
  readonly hidden: boolean;
  /** row height or column width in points; null = sheet default */
  readonly size: number | null;
}

/** Default column width: 8.43 characters = 64 px = 48 pt. */
export const DEFAULT_COLUMN_WIDTH = 48;

/** Excel keeps widths and heights in whole pixels (0.75 pt at 96 dpi). */
export function snapToPixels(points: number): number {
  return Math.round(points / 0.75) * 0.75;
}
export const DEFAULT_ROW_HEIGHT = 15;

export interface CustomCf {
  formula: string;
  fill: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  numberFormat: string | null;
}

export interface CfModel {
  id: string;
  /** Excel.ConditionalFormatType value ("Custom", "CellValue", "ColorScale", ...) */
  type: string;
  ranges: Rect[];
  stopIfTrue: boolean;
  custom: CustomCf | null;
  /** the original exceljs rule for types the simulator does not model (kept for saving) */
  raw: unknown;
}

export interface ChartModel {
  id: string;
  name: string;
  chartType: string;
  seriesBy: string;
  sourceSheetId: string;
  source: Rect;
  title: string;
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface TableModel {
  id: string;
  name: string;
  sheetId: string;
  /** whole table including the header row */
  rect: Rect;
  hasHeaders: boolean;
  showTotals: boolean;
  style: string;
  showBandedRows: boolean;
  showBandedColumns: boolean;
  showFilterButton: boolean;
  columnNames: string[];
}

export interface ProtectionOptions {
  allowAutoFilter: boolean;
  allowDeleteColumns: boolean;
  allowDeleteRows: boolean;
  allowEditObjects: boolean;
  allowEditScenarios: boolean;
  allowFormatCells: boolean;
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
  allowInsertColumns: boolean;
  allowInsertHyperlinks: boolean;
  allowInsertRows: boolean;
  allowPivotTables: boolean;
  allowSort: boolean;
  selectionMode: string;
}

export function defaultProtectionOptions(): ProtectionOptions {
  return {
    allowAutoFilter: false,
    allowDeleteColumns: false,
    allowDeleteRows: false,
    allowEditObjects: false,
    allowEditScenarios: false,
    allowFormatCells: false,
    allowFormatColumns: false,
    allowFormatRows: false,
    allowInsertColumns: false,
    allowInsertHyperlinks: false,
    allowInsertRows: false,
    allowPivotTables: false,
    allowSort: false,
    selectionMode: "Normal",
  };
}

export interface PasswordHash {
  algorithmName: string;
  hashValue: string;
  saltValue: string;
  spinCount: number;
}

export interface ProtectionState {
  protected: boolean;
  options: ProtectionOptions;
  /** plain password when protected through the API in this session */
  password: string | null;
  /** hash read from a file */
  hash: PasswordHash | null;
}

export type SheetVisibilityValue = "Visible" | "Hidden" | "VeryHidden";

export function cellKey(row: number, col: number): number {
  return row * MAX_COLS + col;
}
export function keyRow(key: number): number {
  return Math.floor(key / MAX_COLS);
}
export function keyCol(key: number): number {
  return key % MAX_COLS;
}

export class SheetModel {
  id: string;
  name: string;
  visibility: SheetVisibilityValue = "Visible";
  tabColor = "";
  protection: ProtectionState = { protected: false, options: defaultProtectionOptions(), password: null, hash: null };
  frozenRows = 0;
  frozenColumns = 0;
  cells = new Map<number, Cell>();
  rowStyles = new Map<number, Style>();
  colStyles = new Map<number, Style>();
  rows = new Map<number, LineProps>();
  cols = new Map<number, LineProps>();
  merges: Rect[] = [];
  cfs: CfModel[] = [];
  charts: ChartModel[] = [];

  constructor(id: string, name: string) {
    this.id = id;
    this.name = name;
  }

  clone(): SheetModel {
    const s = new SheetModel(this.id, this.name);
    s.visibility = this.visibility;
    s.tabColor = this.tabColor;
    s.protection = {
      protected: this.protection.protected,
      options: { ...this.protection.options },
      password: this.protection.password,
      hash: this.protection.hash,
    };
    s.frozenRows = this.frozenRows;
    s.frozenColumns = this.frozenColumns;
    s.cells = new Map(this.cells);
    s.rowStyles = new Map(this.rowStyles);
    s.colStyles = new Map(this.colStyles);
    s.rows = new Map(this.rows);
    s.cols = new Map(this.cols);
    s.merges = this.merges.map((m) => ({ ...m }));
    s.cfs = this.cfs.map((cf) => ({
      ...cf,
      ranges: cf.ranges.map((r) => ({ ...r })),
      custom: cf.custom === null ? null : { ...cf.custom },
    }));
    s.charts = this.charts.map((c) => ({ ...c, source: { ...c.source } }));
    return s;
  }

  getCell(row: number, col: number): Cell | undefined {
    return this.cells.get(cellKey(row, col));
  }

  setCell(row: number, col: number, cell: Cell | null): void {
    const key = cellKey(row, col);
    if (cell === null || (cell.value === null && cell.formula === null && cell.hyperlink === null && isDefaultStyle(cell.style) && this.baseStyle(row, col) === DEFAULT_STYLE)) {
      this.cells.delete(key);
    } else {
      this.cells.set(key, cell);
    }
  }

  /** Style an empty cell shows: its row's style, else its column's, else the default. */
  baseStyle(row: number, col: number): Style {
    return this.rowStyles.get(row) ?? this.colStyles.get(col) ?? DEFAULT_STYLE;
  }

  styleAt(row: number, col: number): Style {
    return this.getCell(row, col)?.style ?? this.baseStyle(row, col);
  }

  /** Visit the stored cells inside r (order: by key when sparse, row-major when dense). */
  forEachStoredCell(r: Rect, fn: (row: number, col: number, cell: Cell) => void): void {
    if (cellCount(r) <= this.cells.size * 4) {
      for (let i = r.row; i <= lastRow(r); i++) {
        for (let j = r.col; j <= lastCol(r); j++) {
          const c = this.cells.get(cellKey(i, j));
          if (c !== undefined) fn(i, j, c);
        }
      }
      return;
    }
    for (const [key, c] of [...this.cells.entries()]) {
      const i = keyRow(key);
      const j = keyCol(key);
      if (containsCell(r, i, j)) fn(i, j, c);
    }
  }

  line(kind: "row" | "col", index: number): LineProps {
    return (kind === "row" ? this.rows : this.cols).get(index) ?? { hidden: false, size: null };
  }

  setLine(kind: "row" | "col", index: number, props: LineProps): void {
    const map = kind === "row" ? this.rows : this.cols;
    // a size equal to the default is the default (files store it for styled columns)
    const size = props.size === (kind === "row" ? DEFAULT_ROW_HEIGHT : DEFAULT_COLUMN_WIDTH) ? null : props.size;
    if (!props.hidden && size === null) map.delete(index);
    else map.set(index, { hidden: props.hidden, size });
  }

  rowHeight(row: number): number {
    return this.line("row", row).size ?? DEFAULT_ROW_HEIGHT;
  }
  columnWidth(col: number): number {
    return this.line("col", col).size ?? DEFAULT_COLUMN_WIDTH;
  }

  mergeAt(row: number, col: number): Rect | undefined {
    return this.merges.find((m) => containsCell(m, row, col));
  }

  mergesIn(r: Rect): Rect[] {
    return this.merges.filter((m) => intersects(m, r));
  }

  /**
   * Bounding box of cells with a value or formula (valuesOnly), or also of cells with a
   * non-default format. Null on a blank sheet.
   */
  usedRange(valuesOnly: boolean): Rect | null {
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    for (const [key, c] of this.cells) {
      const hasValue = c.value !== null || c.formula !== null;
      if (!hasValue && (valuesOnly || (isDefaultStyle(c.style) && c.hyperlink === null))) continue;
      const i = keyRow(key);
      const j = keyCol(key);
      if (i < r0) r0 = i;
      if (i > r1) r1 = i;
      if (j < c0) c0 = j;
      if (j > c1) c1 = j;
    }
    if (r1 < 0) return null;
    return rect(r0, c0, r1 - r0 + 1, c1 - c0 + 1);
  }
}

export interface Selection {
  sheetId: string;
  rect: Rect;
}

export class WorkbookModel {
  name = "Book1.xlsx";
  sheets: SheetModel[] = [];
  activeSheetId = "";
  selection: Selection | null = null;
  tables: TableModel[] = [];
  calculationMode = "Automatic";
  private nextId = 1;
  private nextChart = 1;

  newId(prefix: string): string {
    const n = this.nextId++;
    if (prefix === "sheet") {
      return `{00000000-000${(n % 16).toString(16).toUpperCase()}-0000-0000-${n.toString(16).toUpperCase().padStart(12, "0")}}`;
    }
    return `{${prefix.toUpperCase().padEnd(8, "0").slice(0, 8)}-0000-0000-0000-${n.toString(16).toUpperCase().padStart(12, "0")}}`;
  }

  nextChartName(): string {
    for (;;) {
      const name = `Chart ${this.nextChart++}`;
      if (!this.sheets.some((s) => s.charts.some((c) => c.name === name))) return name;
    }
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }
  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }
  activeSheet(): SheetModel {
    const s = this.sheetById(this.activeSheetId) ?? this.sheets.find((x) => x.visibility === "Visible") ?? this.sheets[0];
    if (s === undefined) throw new Error("office-sim: workbook has no worksheets");
    return s;
  }
  tableByName(name: string): TableModel | undefined {
    const lower = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === lower);
  }

  addSheet(name: string): SheetModel {
    const s = new SheetModel(this.newId("sheet"), name);
    this.sheets.push(s);
    if (this.activeSheetId === "") this.activeSheetId = s.id;
    return s;
  }

  /** Next free "Sheet{n}" name. */
  defaultSheetName(): string {
    for (let n = this.sheets.length + 1; ; n++) {
      const name = `Sheet${n}`;
      if (this.sheetByName(name) === undefined) return name;
    }
  }

  clone(): WorkbookModel {
    const w = new WorkbookModel();
    w.restoreFrom(this);
    w.sheets = this.sheets.map((s) => s.clone());
    w.tables = this.tables.map((t) => ({ ...t, rect: { ...t.rect }, columnNames: [...t.columnNames] }));
    return w;
  }

  /** Take over another model's state (used to roll back a failed sync). */
  restoreFrom(other: WorkbookModel): void {
    this.name = other.name;
    this.sheets = other.sheets;
    this.activeSheetId = other.activeSheetId;
    this.selection = other.selection === null ? null : { sheetId: other.selection.sheetId, rect: { ...other.selection.rect } };
    this.tables = other.tables;
    this.calculationMode = other.calculationMode;
    this.nextId = other.nextId;
    this.nextChart = other.nextChart;
  }
}

/** Whole-row / whole-column helpers for style writes. */
export function styleScope(r: Rect): "columns" | "rows" | "cells" {
  if (isEntireColumns(r)) return "columns"; // also the whole sheet: 16,384 column styles
  if (isEntireRows(r)) return "rows";
  return "cells";
}

