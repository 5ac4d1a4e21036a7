/** Worksheet, WorksheetCollection, WorksheetProtection and WorksheetFreezePanes proxies. */
import { MAX_COLS, MAX_ROWS, Rect, WHOLE_SHEET, lastCol, lastRow, parseAddress, parseAddressList, rect } from "./address";
import { ChartCollectionProxy } from "./chart";
import { ClientCollection, ClientObject, ClientResult, ContextCore, Exec, PathInfo, Resolver } from "./client";
import { SimOfficeError, simError } from "./errors";
import { ProtectionOptions, SheetModel, SheetVisibilityValue, WorkbookModel, defaultProtectionOptions } from "./model";
import { RangeAreasProxy, RangeProxy } from "./range";
import { TableCollectionProxy } from "./table";
import { normalizeColor } from "./values";
import { checkPassword } from "./password";

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/;

export function validateSheetName(wb: WorkbookModel, name: unknown, location: string, self?: SheetModel): string {
  if (typeof name !== "string" || name.length === 0 || name.length > 31 || INVALID_SHEET_CHARS.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === "history") {
    throw simError("InvalidArgument", location);
  }
  const clash = wb.sheetByName(name);
  if (clash !== undefined && clash !== self) throw simError("ItemAlreadyExists", location);
  return name;
}

/** Resolve a sheet once by its key, then keep following the same sheet by id. */
function bindById(resolver: Resolver<SheetModel>): Resolver<SheetModel> {
  let boundId: string | null = null;
  return (x) => {
    if (boundId !== null) {
      const s = x.wb.sheetById(boundId);
      if (s === undefined) throw simError("ItemNotFound", "Worksheet");
      return s;
    }
    const s = resolver(x);
    if (s !== null) boundId = s.id;
    return s;
  };
}

function visibleSheets(wb: WorkbookModel): SheetModel[] {
  return wb.sheets.filter((s) => s.visibility === "Visible");
}

function activateNextVisible(wb: WorkbookModel, leaving: SheetModel): void {
  if (wb.activeSheetId !== leaving.id) return;
  const idx = wb.sheets.indexOf(leaving);
  const after = wb.sheets.slice(idx + 1).find((s) => s.visibility === "Visible" && s !== leaving);
  const before = [...wb.sheets.slice(0, idx)].reverse().find((s) => s.visibility === "Visible");
  const next = after ?? before;
  if (next !== undefined) {
    wb.activeSheetId = next.id;
    wb.selection = { sheetId: next.id, rect: rect(0, 0) };
  }
}

export class WorksheetProxy extends ClientObject<SheetModel> {
  readonly _typeName = "Worksheet";

  constructor(ctx: ContextCore, path: PathInfo, resolver: Resolver<SheetModel>, nullable = false) {
    super(ctx, path, bindById(resolver), nullable);
  }

  /** Parse an address given to a worksheet method: no other sheet's name allowed. */
  static parseLocal(sheet: SheetModel, address: string, _x: Exec, location: string): Rect {
    const p = typeof address === "string" ? parseAddress(address) : null;
    if (p === null) throw simError("InvalidArgument", location);
    if (p.sheetName !== null && p.sheetName.toLowerCase() !== sheet.name.toLowerCase()) throw simError("InvalidArgument", location);
    return p.rect;
  }

  protected override _scalarNames(): readonly string[] {
    const names = ["id", "name", "position", "visibility"];
    return this._host().isSetSupported("ExcelApi", "1.7") ? [...names, "tabColor"] : names;
  }
  protected override _navNames(): readonly string[] {
    return ["protection", "freezePanes", "tables", "charts"];
  }
  protected override _gated(): Readonly<Record<string, string>> {
    return { tabColor: "1.7", protection: "1.2", freezePanes: "1.7", standardWidth: "1.7" };
  }
  protected override _readScalar(name: string, t: SheetModel, x: Exec): unknown {
    switch (name) {
      case "id":
        return t.id;
      case "name":
        return t.name;
      case "position":
        return x.wb.sheets.indexOf(t);
      case "visibility":
        return t.visibility;
      case "tabColor":
        return t.tabColor;
      case "standardWidth":
        return 8.43;
      default:
        return super._readScalar(name, t, x);
    }
  }

  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (t, x) => {
      t.name = validateSheetName(x.wb, v, "Worksheet.name", t);
    });
  }
  get position(): number {
    return this._get("position");
  }
  set position(v: number) {
    this._set("position", v, (t, x) => {
      if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v >= x.wb.sheets.length) throw simError("InvalidArgument", "Worksheet.position");
      const rest = x.wb.sheets.filter((s) => s !== t);
      rest.splice(v, 0, t);
      x.wb.sheets = rest;
    });
  }
  get visibility(): SheetVisibilityValue {
    return this._get("visibility");
  }
  set visibility(v: SheetVisibilityValue) {
    this._requireApi("Worksheet.visibility", "1.2");
    this._set("visibility", v, (t, x) => {
      const value = (["Visible", "Hidden", "VeryHidden"] as const).find((s) => s === v);
      if (value === undefined) throw simError("InvalidArgument", "Worksheet.visibility");
      if (value !== "Visible" && t.visibility === "Visible" && visibleSheets(x.wb).length <= 1) {
        throw simError("InvalidOperation", "Worksheet.visibility", "A workbook must contain at least one visible worksheet.");
      }
      t.visibility = value;
      if (value !== "Visible") activateNextVisible(x.wb, t);
    });
  }
  get tabColor(): string {
    return this._get("tabColor");
  }
  set tabColor(v: string) {
    this._set("tabColor", v, (t) => {
      if (v === "") {
        t.tabColor = "";
        return;
      }
      const c = typeof v === "string" ? normalizeColor(v) : null;
      if (c === null) throw simError("InvalidArgument", "Worksheet.tabColor");
      t.tabColor = c;
    });
  }

  get protection(): WorksheetProtectionProxy {
    this._requireApi("Worksheet.protection", "1.2");
    return this._child("protection", () => new WorksheetProtectionProxy(this._ctx, { parent: this, name: "protection", args: [] }, (x) => this._resolve(x)));
  }
  get freezePanes(): WorksheetFreezePanesProxy {
    this._requireApi("Worksheet.freezePanes", "1.7");
    return this._child("freezePanes", () => new WorksheetFreezePanesProxy(this._ctx, { parent: this, name: "freezePanes", args: [] }, (x) => this._resolve(x)));
  }
  get tables(): TableCollectionProxy {
    return this._child("tables", () => new TableCollectionProxy(this._ctx, { parent: this, name: "tables", args: [] }, (x) => {
      const s = this._resolve(x);
      return s === null ? null : { sheet: s };
    }));
  }
  get charts(): ChartCollectionProxy {
    return this._child("charts", () => new ChartCollectionProxy(this._ctx, { parent: this, name: "charts", args: [] }, (x) => this._resolve(x)));
  }

  private _range(name: string, args: readonly unknown[], fn: (s: SheetModel, x: Exec) => Rect | null, nullable = false): RangeProxy {
    return new RangeProxy(
      this._ctx,
      { parent: this, name, args },
      (x) => {
        const s = this._resolve(x);
        if (s === null) return null;
        const r = fn(s, x);
        return r === null ? null : { sheet: s, rect: r };
      },
      nullable,
    );
  }

  getRange(address?: string): RangeProxy {
    return this._range("getRange", address === undefined ? [] : [address], (s, x) =>
      address === undefined || address === "" ? WHOLE_SHEET : WorksheetProxy.parseLocal(s, address, x, "Worksheet.getRange"),
    );
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    this._requireApi("Worksheet.getRangeByIndexes", "1.7");
    return this._range("getRangeByIndexes", [startRow, startColumn, rowCount, columnCount], () => {
      const r = rect(startRow, startColumn, rowCount, columnCount);
      const ints = [startRow, startColumn, rowCount, columnCount].every((n) => Number.isInteger(n));
      if (!ints || r.row < 0 || r.col < 0 || r.rowCount < 1 || r.colCount < 1 || lastRow(r) >= MAX_ROWS || lastCol(r) >= MAX_COLS) {
        throw simError("InvalidArgument", "Worksheet.getRangeByIndexes");
      }
      return r;
    });
  }
  getCell(row: number, column: number): RangeProxy {
    return this._range("getCell", [row, column], () => {
      if (!Number.isInteger(row) || !Number.isInteger(column) || row < 0 || column < 0 || row >= MAX_ROWS || column >= MAX_COLS) {
        throw simError("InvalidArgument", "Worksheet.getCell");
      }
      return rect(row, column);
    });
  }
  getRanges(address?: string): RangeAreasProxy {
    this._requireApi("Worksheet.getRanges", "1.9");
    return new RangeAreasProxy(this._ctx, { parent: this, name: "getRanges", args: address === undefined ? [] : [address] }, (x) => {
      const s = this._resolve(x);
      if (s === null) return null;
      if (address === undefined) {
        const sel = x.wb.selection;
        return { sheet: s, rects: [sel !== null && sel.sheetId === s.id ? { ...sel.rect } : rect(0, 0)] };
      }
      const parsed = typeof address === "string" ? parseAddressList(address) : null;
      if (parsed === null || parsed.some((p) => p.sheetName !== null && p.sheetName.toLowerCase() !== s.name.toLowerCase())) {
        throw simError("InvalidArgument", "Worksheet.getRanges");
      }
      return { sheet: s, rects: parsed.map((p) => p.rect) };
    });
  }
  getUsedRange(valuesOnly = false): RangeProxy {
    return this._range("getUsedRange", [valuesOnly], (s) => s.usedRange(valuesOnly) ?? rect(0, 0));
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    this._requireApi("Worksheet.getUsedRangeOrNullObject", "1.4");
    return this._range("getUsedRangeOrNullObject", [valuesOnly], (s) => s.usedRange(valuesOnly), true);
  }

  activate(): void {
    this._call("activate", [], (t, x) => {
      if (t.visibility !== "Visible") throw simError("InvalidOperation", "Worksheet.activate");
      x.wb.activeSheetId = t.id;
      x.wb.selection = { sheetId: t.id, rect: rect(0, 0) };
    }, false);
  }

  delete(): void {
    this._call("delete", [], (t, x) => {
      if (t.visibility === "Visible" && visibleSheets(x.wb).length <= 1) {
        throw simError("InvalidOperation", "Worksheet.delete", "A workbook must contain at least one visible worksheet.");
      }
      activateNextVisible(x.wb, t);
      x.wb.sheets = x.wb.sheets.filter((s) => s !== t);
      x.wb.tables = x.wb.tables.filter((tb) => tb.sheetId !== t.id);
    });
  }

  calculate(markAllDirty: boolean): void {
    this._requireApi("Worksheet.calculate", "1.6");
    this._call("calculate", [markAllDirty], () => undefined, false);
  }
}

export class WorksheetCollectionProxy extends ClientCollection<WorkbookModel, WorksheetProxy> {
  readonly _typeName = "WorksheetCollection";

  protected override _makeItems(wb: WorkbookModel): WorksheetProxy[] {
    return wb.sheets.map((s) => new WorksheetProxy(this._ctx, { parent: this, name: "getItem", args: [s.id] }, (x) => x.wb.sheetById(s.id) ?? null));
  }

  private _sheet(name: string, args: readonly unknown[], find: (wb: WorkbookModel) => SheetModel | null, nullable = false): WorksheetProxy {
    return new WorksheetProxy(this._ctx, { parent: this, name, args }, (x) => {
      const wb = this._resolve(x);
      return wb === null ? null : find(wb);
    }, nullable);
  }

  getItem(key: string): WorksheetProxy {
    return this._sheet("getItem", [key], (wb) => {
      const s = wb.sheetByName(key) ?? wb.sheetById(key);
      if (s === undefined) throw simError("ItemNotFound", "WorksheetCollection.getItem");
      return s;
    });
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    this._requireApi("WorksheetCollection.getItemOrNullObject", "1.4");
    return this._sheet("getItemOrNullObject", [key], (wb) => wb.sheetByName(key) ?? wb.sheetById(key) ?? null, true);
  }
  getActiveWorksheet(): WorksheetProxy {
    return this._sheet("getActiveWorksheet", [], (wb) => wb.activeSheet());
  }
  getFirst(visibleOnly = false): WorksheetProxy {
    this._requireApi("WorksheetCollection.getFirst", "1.5");
    return this._sheet("getFirst", [visibleOnly], (wb) => {
      const s = (visibleOnly ? visibleSheets(wb) : wb.sheets)[0];
      if (s === undefined) throw simError("ItemNotFound", "WorksheetCollection.getFirst");
      return s;
    });
  }
  getLast(visibleOnly = false): WorksheetProxy {
    this._requireApi("WorksheetCollection.getLast", "1.5");
    return this._sheet("getLast", [visibleOnly], (wb) => {
      const list = visibleOnly ? visibleSheets(wb) : wb.sheets;
      const s = list[list.length - 1];
      if (s === undefined) throw simError("ItemNotFound", "WorksheetCollection.getLast");
      return s;
    });
  }
  getCount(visibleOnly = false): ClientResult<number> {
    this._requireApi("WorksheetCollection.getCount", "1.4");
    return this._result("getCount", [visibleOnly], (wb) => (visibleOnly ? visibleSheets(wb).length : wb.sheets.length));
  }

  /** Adds a sheet at the end (not activated, like Office.js). */
  add(name?: string): WorksheetProxy {
    let createdId: string | null = null;
    const proxy = new WorksheetProxy(this._ctx, { parent: this, name: "add", args: name === undefined ? [] : [name] }, (x) => {
      if (createdId === null) throw simError("InvalidReference", "WorksheetCollection.add");
      return x.wb.sheetById(createdId) ?? null;
    });
    this._call("add", name === undefined ? [] : [name], (wb) => {
      const finalName = name === undefined ? wb.defaultSheetName() : validateSheetName(wb, name, "WorksheetCollection.add");
      createdId = wb.addSheet(finalName).id;
    });
    return proxy;
  }
}

export class WorksheetProtectionProxy extends ClientObject<SheetModel> {
  readonly _typeName = "WorksheetProtection";
  protected override _scalarNames(): readonly string[] {
    return ["protected", "options"];
  }
  protected override _readScalar(name: string, t: SheetModel, x: Exec): unknown {
    switch (name) {
      case "protected":
        return t.protection.protected;
      case "options":
        return { ...t.protection.options };
      case "isPasswordProtected":
        return t.protection.protected && (t.protection.password !== null || t.protection.hash !== null);
      default:
        return super._readScalar(name, t, x);
    }
  }
  get protected(): boolean {
    return this._get("protected");
  }
  get options(): ProtectionOptions {
    return this._get("options");
  }
  get isPasswordProtected(): boolean {
    return this._get("isPasswordProtected");
  }

  protect(options?: Partial<ProtectionOptions>, password?: string): void {
    this._call("protect", password === undefined ? [options ?? null] : [options ?? null, password], (t) => {
      if (t.protection.protected) return;
      const merged: ProtectionOptions = { ...defaultProtectionOptions() };
      if (options !== undefined && options !== null) {
        for (const [k, v] of Object.entries(options)) {
          if (!(k in merged)) throw simError("InvalidArgument", "WorksheetProtection.protect");
          Reflect.set(merged, k, v);
        }
      }
      t.protection = { protected: true, options: merged, password: password ?? null, hash: null };
    });
  }

  unprotect(password?: string): void {
    this._call("unprotect", password === undefined ? [] : [password], (t) => {
      const p = t.protection;
      if (!p.protected) return;
      const ok =
        p.password !== null ? p.password === (password ?? "") :
        p.hash !== null ? password !== undefined && checkPassword(password, p.hash) :
        true;
      if (!ok) throw new SimOfficeError("BadPassword", simError("BadPassword").message, "WorksheetProtection.unprotect");
      t.protection = { protected: false, options: defaultProtectionOptions(), password: null, hash: null };
    });
  }
}

export class WorksheetFreezePanesProxy extends ClientObject<SheetModel> {
  readonly _typeName = "WorksheetFreezePanes";

  private _freeze(name: string, args: readonly unknown[], rows: (t: SheetModel, x: Exec) => [number, number]): void {
    this._call(name, args, (t, x) => {
      const [r, c] = rows(t, x);
      if (!Number.isInteger(r) || !Number.isInteger(c) || r < 0 || c < 0 || r >= MAX_ROWS || c >= MAX_COLS) {
        throw simError("InvalidArgument", `WorksheetFreezePanes.${name}`);
      }
      t.frozenRows = r;
      t.frozenColumns = c;
    }, false);
  }
  freezeRows(count = 1): void {
    this._freeze("freezeRows", [count], () => [count, 0]);
  }
  freezeColumns(count = 1): void {
    this._freeze("freezeColumns", [count], () => [0, count]);
  }
  freezeAt(frozenRange: RangeProxy | string): void {
    this._freeze("freezeAt", [frozenRange], (t, x) => {
      const r = typeof frozenRange === "string" ? WorksheetProxy.parseLocal(t, frozenRange, x, "WorksheetFreezePanes.freezeAt") : RangeProxy.targetOf(frozenRange, x).rect;
      return [lastRow(r) + 1, lastCol(r) + 1];
    });
  }
  unfreeze(): void {
    this._freeze("unfreeze", [], () => [0, 0]);
  }
  getLocationOrNullObject(): RangeProxy {
    return new RangeProxy(this._ctx, { parent: this, name: "getLocationOrNullObject", args: [] }, (x) => {
      const s = this._resolve(x);
      if (s === null || (s.frozenRows === 0 && s.frozenColumns === 0)) return null;
      const rows = s.frozenRows === 0 ? MAX_ROWS : s.frozenRows;
      const cols = s.frozenColumns === 0 ? MAX_COLS : s.frozenColumns;
      return { sheet: s, rect: rect(0, 0, rows, cols) };
    }, true);
  }
}

