/** Tables: TableCollection (workbook or worksheet), Table, TableRowCollection, TableColumnCollection. */
import { Rect, intersects, isUnbounded, lastCol, lastRow, parseAddress, rect } from "./address";
import { assertCanEdit, cellOrEmpty, cellValue, shiftDown, tableNameIsValid, uniqueHeader, writeValues } from "./cells";
import { ClientCollection, ClientObject, ClientResult, ContextCore, Exec, PathInfo, Resolver } from "./client";
import { simError } from "./errors";
import { SheetModel, TableModel, WorkbookModel } from "./model";
import { RangeProxy } from "./range";
import { formatValue } from "./values";
import { WorksheetProxy } from "./worksheet";

/** Tables of one sheet, or of the whole workbook when sheet is null. */
export interface TablesScope {
  sheet: SheetModel | null;
}

export interface TableTarget {
  sheet: SheetModel;
  table: TableModel;
}

function findTable(x: Exec, id: string): TableTarget | null {
  const table = x.wb.tables.find((t) => t.id === id);
  const sheet = table === undefined ? undefined : x.wb.sheetById(table.sheetId);
  return table === undefined || sheet === undefined ? null : { sheet, table };
}

function nextTableName(wb: WorkbookModel): string {
  for (let n = 1; ; n++) {
    const name = `Table${n}`;
    if (wb.tableByName(name) === undefined) return name;
  }
}

export function dataBodyRect(t: TableModel): Rect {
  const top = t.hasHeaders ? 1 : 0;
  const bottom = t.showTotals ? 1 : 0;
  return rect(t.rect.row + top, t.rect.col, Math.max(0, t.rect.rowCount - top - bottom), t.rect.colCount);
}

/**
 * Create a table the way Excel does: headers become unique text ("Column1" for blanks),
 * without headers a header row is inserted above the data, and a table always has at
 * least one data row. Overlapping another table or merged cells fails.
 */
export function createTable(wb: WorkbookModel, sheet: SheetModel, area: Rect, hasHeaders: boolean, location: string, name?: string): TableModel {
  if (isUnbounded(area)) throw simError("InvalidArgument", location);
  assertCanEdit(sheet, "structure", [area], location);
  const probe = hasHeaders ? area : rect(area.row, area.col, area.rowCount + 1, area.colCount);
  if (wb.tables.some((t) => t.sheetId === sheet.id && intersects(t.rect, probe))) throw simError("MergedRangeConflict", location);
  if (sheet.merges.some((m) => intersects(m, probe))) throw simError("MergedRangeConflict", location);
  let r = area;
  if (!hasHeaders) {
    shiftDown(sheet, area.row, area.col, area.colCount, 1);
    r = rect(area.row, area.col, area.rowCount + 1, area.colCount);
  }
  if (r.rowCount < 2) r = rect(r.row, r.col, 2, r.colCount);
  const names: string[] = [];
  for (let k = 0; k < r.colCount; k++) {
    const col = r.col + k;
    let text = "";
    if (hasHeaders) {
      const v = cellValue(wb, sheet, r.row, col);
      text = formatValue(v.value, sheet.styleAt(r.row, col).numberFormat, v.isError);
    }
    const header = uniqueHeader(text === "" ? `Column${k + 1}` : text, names);
    names.push(header);
    const c = cellOrEmpty(sheet, r.row, col);
    sheet.setCell(r.row, col, { ...c, value: header, isError: false, formula: null });
  }
  const tableName = name ?? nextTableName(wb);
  const table: TableModel = {
    id: wb.newId("table"),
    name: tableName,
    sheetId: sheet.id,
    rect: r,
    hasHeaders: true,
    showTotals: false,
    style: "TableStyleMedium2",
    showBandedRows: true,
    showBandedColumns: false,
    showFilterButton: true,
    columnNames: names,
  };
  wb.tables.push(table);
  return table;
}

export class TableCollectionProxy extends ClientCollection<TablesScope, TableProxy> {
  readonly _typeName = "TableCollection";

  private static list(wb: WorkbookModel, scope: TablesScope): TableModel[] {
    return scope.sheet === null ? wb.tables : wb.tables.filter((t) => t.sheetId === scope.sheet?.id);
  }

  protected override _makeItems(scope: TablesScope, x: Exec): TableProxy[] {
    return TableCollectionProxy.list(x.wb, scope).map((t) => new TableProxy(this._ctx, { parent: this, name: "getItem", args: [t.id] }, (y) => findTable(y, t.id)));
  }

  add(address: RangeProxy | string, hasHeaders: boolean): TableProxy {
    if (address instanceof RangeProxy) this._requireApi("TableCollection.add(Range)", "1.3");
    let createdId: string | null = null;
    const proxy = new TableProxy(this._ctx, { parent: this, name: "add", args: [address, hasHeaders] }, (x) => {
      if (createdId === null) throw simError("InvalidReference", "TableCollection.add");
      return findTable(x, createdId);
    });
    this._call("add", [address, hasHeaders], (scope, x) => {
      const loc = "TableCollection.add";
      let sheet: SheetModel;
      let area: Rect;
      if (typeof address === "string") {
        const p = parseAddress(address);
        if (p === null) throw simError("InvalidArgument", loc);
        const named = p.sheetName === null ? undefined : x.wb.sheetByName(p.sheetName);
        if (p.sheetName !== null && named === undefined) throw simError("InvalidArgument", loc);
        if (scope.sheet !== null && named !== undefined && named !== scope.sheet) throw simError("InvalidArgument", loc);
        sheet = named ?? scope.sheet ?? x.wb.activeSheet();
        area = p.rect;
      } else {
        const t = RangeProxy.targetOf(address, x);
        if (scope.sheet !== null && t.sheet !== scope.sheet) throw simError("InvalidArgument", loc);
        sheet = t.sheet;
        area = t.rect;
      }
      if (typeof hasHeaders !== "boolean") throw simError("InvalidArgument", loc);
      createdId = createTable(x.wb, sheet, area, hasHeaders, loc).id;
    });
    return proxy;
  }

  private _lookup(name: string, args: readonly unknown[], find: (list: TableModel[]) => TableModel | undefined, nullable: boolean): TableProxy {
    return new TableProxy(this._ctx, { parent: this, name, args }, (x) => {
      const scope = this._resolve(x);
      if (scope === null) return null;
      const t = find(TableCollectionProxy.list(x.wb, scope));
      if (t === undefined) {
        if (nullable) return null;
        throw simError("ItemNotFound", `TableCollection.${name}`);
      }
      return findTable(x, t.id);
    }, nullable);
  }

  getItem(key: string): TableProxy {
    return this._lookup("getItem", [key], (list) => list.find((t) => t.name.toLowerCase() === key.toLowerCase() || t.id === key), false);
  }
  getItemOrNullObject(key: string): TableProxy {
    this._requireApi("TableCollection.getItemOrNullObject", "1.4");
    return this._lookup("getItemOrNullObject", [key], (list) => list.find((t) => t.name.toLowerCase() === key.toLowerCase() || t.id === key), true);
  }
  getItemAt(index: number): TableProxy {
    return this._lookup("getItemAt", [index], (list) => list[index], false);
  }
  getCount(): ClientResult<number> {
    this._requireApi("TableCollection.getCount", "1.4");
    return this._result("getCount", [], (scope, x) => TableCollectionProxy.list(x.wb, scope).length);
  }
  get count(): number {
    return this._get("count");
  }
  protected override _collectionScalars(): readonly string[] {
    return ["count"];
  }
  protected override _readScalar(name: string, scope: TablesScope, x: Exec): unknown {
    if (name === "count") return TableCollectionProxy.list(x.wb, scope).length;
    return super._readScalar(name, scope, x);
  }
}

export class TableProxy extends ClientObject<TableTarget> {
  readonly _typeName = "Table";

  constructor(ctx: ContextCore, path: PathInfo, resolver: Resolver<TableTarget>, nullable = false) {
    super(ctx, path, resolver, nullable);
  }

  protected override _scalarNames(): readonly string[] {
    const names = ["id", "name", "showHeaders", "showTotals", "style"];
    return this._host().isSetSupported("ExcelApi", "1.3") ? [...names, "showBandedRows", "showBandedColumns", "showFilterButton"] : names;
  }
  protected override _navNames(): readonly string[] {
    return ["rows", "columns", "worksheet"];
  }
  protected override _gated(): Readonly<Record<string, string>> {
    return { showBandedRows: "1.3", showBandedColumns: "1.3", showFilterButton: "1.3", worksheet: "1.2" };
  }
  protected override _readScalar(name: string, t: TableTarget, x: Exec): unknown {
    switch (name) {
      case "id":
        return t.table.id;
      case "name":
        return t.table.name;
      case "showHeaders":
        return t.table.hasHeaders;
      case "showTotals":
        return t.table.showTotals;
      case "style":
        return t.table.style;
      case "showBandedRows":
        return t.table.showBandedRows;
      case "showBandedColumns":
        return t.table.showBandedColumns;
      case "showFilterButton":
        return t.table.showFilterButton;
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
      if (typeof v !== "string" || !tableNameIsValid(v)) throw simError("InvalidArgument", "Table.name");
      const clash = x.wb.tableByName(v);
      if (clash !== undefined && clash !== t.table) throw simError("InvalidArgument", "Table.name", "A table with this name already exists.");
      t.table.name = v;
    });
  }
  get style(): string {
    return this._get("style");
  }
  set style(v: string) {
    this._set("style", v, (t) => {
      if (typeof v !== "string" || !/^TableStyle(Light|Medium|Dark)\d+$/.test(v)) throw simError("InvalidArgument", "Table.style");
      t.table.style = v;
    });
  }
  get showHeaders(): boolean {
    return this._get("showHeaders");
  }
  get showTotals(): boolean {
    return this._get("showTotals");
  }
  private _flag(name: "showBandedRows" | "showBandedColumns" | "showFilterButton", v: unknown): void {
    this._set(name, v, (t) => {
      if (typeof v !== "boolean") throw simError("InvalidArgument", `Table.${name}`);
      t.table[name] = v;
    });
  }
  get showBandedRows(): boolean {
    return this._get("showBandedRows");
  }
  set showBandedRows(v: boolean) {
    this._flag("showBandedRows", v);
  }
  get showBandedColumns(): boolean {
    return this._get("showBandedColumns");
  }
  set showBandedColumns(v: boolean) {
    this._flag("showBandedColumns", v);
  }
  get showFilterButton(): boolean {
    return this._get("showFilterButton");
  }
  set showFilterButton(v: boolean) {
    this._flag("showFilterButton", v);
  }

  get rows(): TableRowCollectionProxy {
    return this._child("rows", () => new TableRowCollectionProxy(this._ctx, { parent: this, name: "rows", args: [] }, (x) => this._resolve(x)));
  }
  get columns(): TableColumnCollectionProxy {
    return this._child("columns", () => new TableColumnCollectionProxy(this._ctx, { parent: this, name: "columns", args: [] }, (x) => this._resolve(x)));
  }
  get worksheet(): WorksheetProxy {
    this._requireApi("Table.worksheet", "1.2");
    return this._child("worksheet", () => new WorksheetProxy(this._ctx, { parent: this, name: "worksheet", args: [] }, (x) => this._resolve(x)?.sheet ?? null));
  }

  private _part(name: string, fn: (t: TableModel) => Rect | null): RangeProxy {
    return new RangeProxy(this._ctx, { parent: this, name, args: [] }, (x) => {
      const t = this._resolve(x);
      if (t === null) return null;
      const r = fn(t.table);
      if (r === null || r.rowCount === 0) throw simError("ItemNotFound", `Table.${name}`);
      return { sheet: t.sheet, rect: r };
    });
  }
  getRange(): RangeProxy {
    return this._part("getRange", (t) => ({ ...t.rect }));
  }
  getHeaderRowRange(): RangeProxy {
    return this._part("getHeaderRowRange", (t) => (t.hasHeaders ? rect(t.rect.row, t.rect.col, 1, t.rect.colCount) : null));
  }
  getDataBodyRange(): RangeProxy {
    return this._part("getDataBodyRange", (t) => dataBodyRect(t));
  }
  getTotalRowRange(): RangeProxy {
    return this._part("getTotalRowRange", (t) => (t.showTotals ? rect(lastRow(t.rect), t.rect.col, 1, t.rect.colCount) : null));
  }

  /** Removes the table object; the simulator leaves the cell values in place. */
  delete(): void {
    this._call("delete", [], (t, x) => {
      assertCanEdit(t.sheet, "structure", [t.table.rect], "Table.delete");
      x.wb.tables = x.wb.tables.filter((tb) => tb !== t.table);
    });
  }

  convertToRange(): RangeProxy {
    this._requireApi("Table.convertToRange", "1.2");
    let area: { sheetId: string; rect: Rect } | null = null;
    const range = new RangeProxy(this._ctx, { parent: this, name: "convertToRange", args: [] }, (x) => {
      const s = area === null ? undefined : x.wb.sheetById(area.sheetId);
      if (area === null || s === undefined) throw simError("InvalidReference", "Table.convertToRange");
      return { sheet: s, rect: area.rect };
    });
    this._call("convertToRange", [], (t, x) => {
      assertCanEdit(t.sheet, "structure", [t.table.rect], "Table.convertToRange");
      area = { sheetId: t.sheet.id, rect: { ...t.table.rect } };
      x.wb.tables = x.wb.tables.filter((tb) => tb !== t.table);
    });
    return range;
  }
}

export class TableRowProxy extends ClientObject<{ target: TableTarget; index: number }> {
  readonly _typeName = "TableRow";
  protected override _scalarNames(): readonly string[] {
    return ["index", "values"];
  }
  protected override _readScalar(name: string, t: { target: TableTarget; index: number }, x: Exec): unknown {
    const body = dataBodyRect(t.target.table);
    const r = rect(body.row + t.index, body.col, 1, body.colCount);
    if (name === "index") return t.index;
    if (name === "values") {
      const out: unknown[] = [];
      for (let j = r.col; j <= lastCol(r); j++) {
        const v = cellValue(x.wb, t.target.sheet, r.row, j);
        out.push(v.value === null ? "" : v.value);
      }
      return [out];
    }
    return super._readScalar(name, t, x);
  }
  get index(): number {
    return this._get("index");
  }
  get values(): unknown[][] {
    return this._get("values");
  }
  getRange(): RangeProxy {
    return new RangeProxy(this._ctx, { parent: this, name: "getRange", args: [] }, (x) => {
      const t = this._resolve(x);
      if (t === null) return null;
      const body = dataBodyRect(t.target.table);
      return { sheet: t.target.sheet, rect: rect(body.row + t.index, body.col, 1, body.colCount) };
    });
  }
}

export class TableRowCollectionProxy extends ClientCollection<TableTarget, TableRowProxy> {
  readonly _typeName = "TableRowCollection";
  protected override _makeItems(t: TableTarget): TableRowProxy[] {
    const count = dataBodyRect(t.table).rowCount;
    const id = t.table.id;
    return Array.from({ length: count }, (_v, index) =>
      new TableRowProxy(this._ctx, { parent: this, name: "getItemAt", args: [index] }, (x) => {
        const target = findTable(x, id);
        return target === null ? null : { target, index };
      }),
    );
  }
  protected override _readScalar(name: string, t: TableTarget, x: Exec): unknown {
    if (name === "count") return dataBodyRect(t.table).rowCount;
    return super._readScalar(name, t, x);
  }
  get count(): number {
    return this._get("count");
  }
  protected override _collectionScalars(): readonly string[] {
    return ["count"];
  }
  getCount(): ClientResult<number> {
    this._requireApi("TableRowCollection.getCount", "1.4");
    return this._result("getCount", [], (t) => dataBodyRect(t.table).rowCount);
  }

  /**
   * Implemented, but counted in `sim.stats.tableRowAdds`: the add-in must not use it
   * (it causes merge conflicts in co-authoring); write the data body range instead.
   */
  add(index?: number | null, values?: unknown[][], alwaysInsert?: boolean): void {
    this._call("add", [index ?? null, values ?? null, alwaysInsert ?? null], (t, x) => {
      x.host.stats.tableRowAdds++;
      const loc = "TableRowCollection.add";
      assertCanEdit(t.sheet, "structure", [t.table.rect], loc);
      const body = dataBodyRect(t.table);
      const rows = values === undefined ? 1 : values.length;
      if (rows < 1) throw simError("InvalidArgument", loc);
      const at = index === undefined || index === null ? body.rowCount : index;
      if (!Number.isInteger(at) || at < 0 || at > body.rowCount) throw simError("InvalidArgument", loc);
      const insertRow = body.row + at;
      shiftDown(t.sheet, insertRow, t.table.rect.col, t.table.rect.colCount, rows);
      t.table.rect = { ...t.table.rect, rowCount: t.table.rect.rowCount + rows };
      if (values !== undefined) writeValues(t.sheet, rect(insertRow, t.table.rect.col, rows, t.table.rect.colCount), values, loc);
    });
  }
}

export class TableColumnProxy extends ClientObject<{ target: TableTarget; index: number }> {
  readonly _typeName = "TableColumn";
  protected override _scalarNames(): readonly string[] {
    return ["id", "index", "name"];
  }
  protected override _readScalar(name: string, t: { target: TableTarget; index: number }, x: Exec): unknown {
    switch (name) {
      case "id":
        return t.index + 1;
      case "index":
        return t.index;
      case "name":
        return t.target.table.columnNames[t.index];
      default:
        return super._readScalar(name, t, x);
    }
  }
  get id(): number {
    return this._get("id");
  }
  get index(): number {
    return this._get("index");
  }
  get name(): string {
    return this._get("name");
  }
  private _part(name: string, fn: (t: TableModel, col: number) => Rect): RangeProxy {
    return new RangeProxy(this._ctx, { parent: this, name, args: [] }, (x) => {
      const t = this._resolve(x);
      return t === null ? null : { sheet: t.target.sheet, rect: fn(t.target.table, t.target.table.rect.col + t.index) };
    });
  }
  getRange(): RangeProxy {
    return this._part("getRange", (t, col) => rect(t.rect.row, col, t.rect.rowCount, 1));
  }
  getHeaderRowRange(): RangeProxy {
    return this._part("getHeaderRowRange", (t, col) => rect(t.rect.row, col, 1, 1));
  }
  getDataBodyRange(): RangeProxy {
    return this._part("getDataBodyRange", (t, col) => {
      const body = dataBodyRect(t);
      return rect(body.row, col, body.rowCount, 1);
    });
  }
}

export class TableColumnCollectionProxy extends ClientCollection<TableTarget, TableColumnProxy> {
  readonly _typeName = "TableColumnCollection";
  private _column(name: string, args: readonly unknown[], index: (t: TableModel) => number, nullable = false): TableColumnProxy {
    return new TableColumnProxy(this._ctx, { parent: this, name, args }, (x) => {
      const t = this._resolve(x);
      if (t === null) return null;
      const i = index(t.table);
      if (i < 0 || i >= t.table.columnNames.length) {
        if (nullable) return null;
        throw simError("ItemNotFound", `TableColumnCollection.${name}`);
      }
      return { target: t, index: i };
    }, nullable);
  }
  protected override _makeItems(t: TableTarget): TableColumnProxy[] {
    return t.table.columnNames.map((_n, i) => this._column("getItemAt", [i], () => i));
  }
  getItem(key: string | number): TableColumnProxy {
    return this._column("getItem", [key], (t) => (typeof key === "number" ? key - 1 : t.columnNames.findIndex((n) => n.toLowerCase() === key.toLowerCase())));
  }
  getItemOrNullObject(key: string | number): TableColumnProxy {
    return this._column("getItemOrNullObject", [key], (t) => (typeof key === "number" ? key - 1 : t.columnNames.findIndex((n) => n.toLowerCase() === key.toLowerCase())), true);
  }
  getItemAt(index: number): TableColumnProxy {
    return this._column("getItemAt", [index], () => index);
  }
  getCount(): ClientResult<number> {
    return this._result("getCount", [], (t) => t.table.columnNames.length);
  }
}
