/** The simulator: a workbook model, its options (requirement set, payload limits) and statistics. */
import type ExcelJS from "exceljs";
import { Rect, parseAddress, parseAddressList, rect } from "./address";
import {
  applyStyle,
  mergeRange,
  setLines,
  writeHyperlink,
  writeNumberFormats,
  writeValues,
} from "./cells";
import { SimHost, SimOptions, SimStats } from "./client";
import { emptyCustom } from "./conditional";
import { RequestContext, runBatch } from "./context";
import { FontState, Hyperlink, ProtectionOptions, SheetModel, SheetVisibilityValue, Style, WorkbookModel, defaultProtectionOptions, snapToPixels } from "./model";
import { createTable } from "./table";
import { normalizeColor } from "./values";
import { modelFromExcelJs, modelFromXlsx, modelToExcelJs, modelToXlsx } from "./xlsx";

export interface SimCreateOptions {
  /** highest ExcelApi version, e.g. "1.9" or 9 (default 1.17) */
  apiVersion?: string | number;
  /** request payload limit in bytes (default 5 MB) */
  requestLimit?: number;
  /** response payload limit in bytes (default 5 MB) */
  responseLimit?: number;
  /** cells one read may cover (default 5,000,000) */
  maxCellsPerRead?: number;
  /** other requirement sets to report as supported, e.g. { DialogApi: "1.2" } */
  otherRequirementSets?: Record<string, string>;
}

export const FIVE_MB = 5 * 1024 * 1024;

function minorOf(v: string | number): number {
  if (typeof v === "number") return v >= 1 && v < 2 && !Number.isInteger(v) ? Math.round((v - 1) * 100) : v;
  const m = /^1\.(\d+)$/.exec(v.trim());
  if (m === null || m[1] === undefined) throw new Error(`office-sim: bad ExcelApi version ${v}`);
  return Number(m[1]);
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export class Sim implements SimHost {
  model: WorkbookModel;
  readonly options: SimOptions;
  readonly stats = new SimStats();
  private readonly otherSets: Record<string, string>;

  constructor(model: WorkbookModel = new WorkbookModel(), options: SimCreateOptions = {}) {
    this.model = model;
    this.options = {
      apiVersion: minorOf(options.apiVersion ?? 17),
      requestLimit: options.requestLimit ?? FIVE_MB,
      responseLimit: options.responseLimit ?? FIVE_MB,
      maxCellsPerRead: options.maxCellsPerRead ?? 5_000_000,
    };
    this.otherSets = { ...(options.otherRequirementSets ?? {}) };
    if (model.sheets.length === 0) model.addSheet("Sheet1");
  }

  // ---- creation ------------------------------------------------------------------------

  /** A workbook with one empty sheet, "Sheet1". */
  static empty(options?: SimCreateOptions): Sim {
    return new Sim(new WorkbookModel(), options);
  }

  /** Sheets from 2D arrays written at A1 (values go through Excel's input rules). */
  static fromSheets(sheets: Record<string, unknown[][]>, options?: SimCreateOptions): Sim {
    const model = new WorkbookModel();
    const sim = new Sim(model, options);
    model.sheets = [];
    model.activeSheetId = "";
    for (const [name, rows] of Object.entries(sheets)) sim.addSheet(name, rows);
    if (model.sheets.length === 0) model.addSheet("Sheet1");
    return sim;
  }

  /** A workbook from .xlsx bytes (tests open files from disk with test/office-sim/files.ts). */
  static async fromXlsx(source: Buffer | ArrayBuffer | Uint8Array, options?: SimCreateOptions): Promise<Sim> {
    return new Sim(await modelFromXlsx(source), options);
  }

  static fromExcelJs(workbook: ExcelJS.Workbook, options?: SimCreateOptions): Sim {
    return new Sim(modelFromExcelJs(workbook), options);
  }

  /** Save as .xlsx. Charts are not written (exceljs cannot write charts). */
  toXlsx(): Promise<Buffer> {
    return modelToXlsx(this.model);
  }
  toExcelJs(): Promise<ExcelJS.Workbook> {
    return modelToExcelJs(this.model);
  }

  // ---- Office.js entry points -------------------------------------------------------------

  /** A fresh request context (what Excel.run hands to its batch). */
  newContext(): RequestContext {
    return new RequestContext(this);
  }

  /** Excel.run(batch) or Excel.run(object, batch) against this workbook. */
  run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T>;
  run<T>(objectOrContext: unknown, batch: (context: RequestContext) => Promise<T>): Promise<T>;
  run<T>(first: unknown, second?: unknown): Promise<T> {
    return runBatch<T>(this, first, second);
  }

  isSetSupported(name: string, version?: string): boolean {
    if (name.toLowerCase() === "excelapi") {
      if (version === undefined || version === "") return true;
      const m = /^(\d+)(?:\.(\d+))?$/.exec(version.trim());
      if (m === null) return false;
      const major = Number(m[1]);
      const minor = Number(m[2] ?? 0);
      return major < 1 || (major === 1 && minor <= this.options.apiVersion);
    }
    const other = Object.entries(this.otherSets).find(([k]) => k.toLowerCase() === name.toLowerCase());
    if (other === undefined) return false;
    return version === undefined || compareVersions(other[1], version) >= 0;
  }

  resetStats(): void {
    this.stats.reset();
  }

  // ---- direct access for test set-up and assertions (not counted in stats) -----------------

  sheetModel(name: string): SheetModel {
    const s = this.model.sheetByName(name);
    if (s === undefined) throw new Error(`office-sim: no sheet named ${name}`);
    return s;
  }

  /** Add a sheet (optionally with values at A1) and return a builder for it. */
  addSheet(name: string, rows?: unknown[][]): SheetBuilder {
    const b = new SheetBuilder(this.model, this.model.addSheet(name));
    if (rows !== undefined && rows.length > 0) b.values("A1", rows);
    return b;
  }

  /** Builder over an existing sheet. */
  sheet(name: string): SheetBuilder {
    return new SheetBuilder(this.model, this.sheetModel(name));
  }
}

function pad(rows: unknown[][]): unknown[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array.from({ length: width - r.length }, () => null)]);
}

export interface CfSpec {
  formula: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  stopIfTrue?: boolean;
}

/** Direct, synchronous edits of one sheet for setting up test workbooks. Ignores protection. */
export class SheetBuilder {
  constructor(private readonly wb: WorkbookModel, readonly model: SheetModel) {}

  private area(address: string): Rect {
    const p = parseAddress(address);
    if (p === null) throw new Error(`office-sim: bad address ${address}`);
    return p.rect;
  }

  private unprotected(fn: () => void): this {
    const p = this.model.protection;
    const was = p.protected;
    p.protected = false;
    try {
      fn();
    } finally {
      p.protected = was;
    }
    return this;
  }

  /** Values from a 2D array starting at `address`' top-left cell (short rows are padded). */
  values(address: string, rows: unknown[][]): this {
    const r = this.area(address);
    const grid = pad(rows);
    const width = grid[0]?.length ?? 0;
    if (grid.length === 0 || width === 0) return this;
    return this.unprotected(() => writeValues(this.model, rect(r.row, r.col, grid.length, width), grid, "SheetBuilder.values"));
  }

  numberFormat(address: string, format: string | string[][]): this {
    return this.unprotected(() => writeNumberFormats(this.model, this.area(address), format, "SheetBuilder.numberFormat"));
  }

  fill(address: string, color: string | null): this {
    const c = color === null ? null : normalizeColor(color);
    if (color !== null && c === null) throw new Error(`office-sim: bad color ${color}`);
    return this.style(address, { fill: c });
  }

  font(address: string, font: Partial<FontState>): this {
    return this.unprotected(() => applyStyle(this.model, [this.area(address)], (s) => ({ ...s, font: { ...s.font, ...font } })));
  }

  style(address: string, patch: Partial<Style>): this {
    return this.unprotected(() => applyStyle(this.model, [this.area(address)], (s) => ({ ...s, ...patch })));
  }

  merge(address: string, across = false): this {
    return this.unprotected(() => mergeRange(this.wb, this.model, this.area(address), across, "SheetBuilder.merge"));
  }

  /** Hide rows by 1-based row number. */
  hideRows(firstRowNumber: number, count = 1): this {
    setLines(this.model, "row", firstRowNumber - 1, count, { hidden: true });
    return this;
  }

  /** Hide columns by letter ("C") or 0-based index. */
  hideColumns(first: string | number, count = 1): this {
    const index = typeof first === "number" ? first : this.area(`${first}1`).col;
    setLines(this.model, "col", index, count, { hidden: true });
    return this;
  }

  /** Column width in points (Office.js units). */
  columnWidth(column: string | number, points: number): this {
    const index = typeof column === "number" ? column : this.area(`${column}1`).col;
    setLines(this.model, "col", index, 1, { size: snapToPixels(points) });
    return this;
  }

  rowHeight(rowNumber: number, points: number): this {
    setLines(this.model, "row", rowNumber - 1, 1, { size: snapToPixels(points) });
    return this;
  }

  hyperlink(address: string, link: Hyperlink): this {
    return this.unprotected(() => writeHyperlink(this.model, this.area(address), link, "SheetBuilder.hyperlink"));
  }

  /** A "Custom" (formula) conditional format over one or more comma-separated areas. */
  conditionalFormat(addresses: string, spec: CfSpec): this {
    const parsed = parseAddressList(addresses);
    if (parsed === null) throw new Error(`office-sim: bad address ${addresses}`);
    const custom = emptyCustom();
    custom.formula = spec.formula.startsWith("=") ? spec.formula : `=${spec.formula}`;
    custom.fill = spec.fill === undefined ? null : normalizeColor(spec.fill);
    custom.fontColor = spec.fontColor === undefined ? null : normalizeColor(spec.fontColor);
    custom.bold = spec.bold ?? null;
    custom.italic = spec.italic ?? null;
    this.model.cfs.push({
      id: this.wb.newId("cf"),
      type: "Custom",
      ranges: parsed.map((p) => p.rect),
      stopIfTrue: spec.stopIfTrue ?? false,
      custom,
      raw: null,
    });
    return this;
  }

  table(address: string, options: { name?: string; hasHeaders?: boolean } = {}): this {
    return this.unprotected(() => {
      createTable(this.wb, this.model, this.area(address), options.hasHeaders ?? true, "SheetBuilder.table", options.name);
    });
  }

  protect(options: Partial<ProtectionOptions> = {}, password?: string): this {
    this.model.protection = { protected: true, options: { ...defaultProtectionOptions(), ...options }, password: password ?? null, hash: null };
    return this;
  }

  visibility(v: SheetVisibilityValue): this {
    this.model.visibility = v;
    return this;
  }

  tabColor(color: string): this {
    this.model.tabColor = normalizeColor(color) ?? "";
    return this;
  }

  freeze(rows: number, columns = 0): this {
    this.model.frozenRows = rows;
    this.model.frozenColumns = columns;
    return this;
  }

  activate(): this {
    this.wb.activeSheetId = this.model.id;
    this.wb.selection = { sheetId: this.model.id, rect: rect(0, 0) };
    return this;
  }
}
