/** Charts are kept in memory only (exceljs cannot write charts: they are dropped on save). */
import { Rect, lastCol, lastRow } from "./address";
import { assertCanEdit } from "./cells";
import { ClientCollection, ClientObject, ClientResult, ContextCore, Exec, PathInfo, Resolver } from "./client";
import { ChartSeriesBy, ChartType } from "./enums.generated";
import { simError } from "./errors";
import { ChartModel, SheetModel } from "./model";
import { RangeProxy } from "./range";
import { WorksheetProxy } from "./worksheet";

export interface ChartTarget {
  sheet: SheetModel;
  chart: ChartModel;
}

function findChart(x: Exec, sheetId: string, chartId: string): ChartTarget | null {
  const sheet = x.wb.sheetById(sheetId);
  const chart = sheet?.charts.find((c) => c.id === chartId);
  return sheet === undefined || chart === undefined ? null : { sheet, chart };
}

function pick(v: unknown, values: Record<string, string>, location: string): string {
  const hit = typeof v === "string" ? Object.values(values).find((a) => a.toLowerCase() === v.toLowerCase()) : undefined;
  if (hit === undefined) throw simError("InvalidArgument", location);
  return hit;
}

function seriesCount(c: ChartModel): number {
  const byColumns = c.seriesBy === "Columns" || (c.seriesBy === "Auto" && c.source.rowCount >= c.source.colCount);
  return Math.max(1, byColumns ? c.source.colCount : c.source.rowCount);
}

function offsetOf(sheet: SheetModel, kind: "row" | "col", index: number): number {
  let sum = 0;
  for (let k = 0; k < index; k++) {
    if (sheet.line(kind, k).hidden) continue;
    sum += kind === "row" ? sheet.rowHeight(k) : sheet.columnWidth(k);
  }
  return sum;
}

export class ChartCollectionProxy extends ClientCollection<SheetModel, ChartProxy> {
  readonly _typeName = "ChartCollection";

  protected override _makeItems(sheet: SheetModel): ChartProxy[] {
    const sheetId = sheet.id;
    return sheet.charts.map((c) => new ChartProxy(this._ctx, { parent: this, name: "getItem", args: [c.name] }, (x) => findChart(x, sheetId, c.id)));
  }
  protected override _readScalar(name: string, sheet: SheetModel, x: Exec): unknown {
    if (name === "count") return sheet.charts.length;
    return super._readScalar(name, sheet, x);
  }
  get count(): number {
    return this._get("count");
  }
  protected override _collectionScalars(): readonly string[] {
    return ["count"];
  }

  add(type: string, sourceData: RangeProxy, seriesBy: string = "Auto"): ChartProxy {
    this._checkArgs([sourceData]);
    let created: { sheetId: string; chartId: string } | null = null;
    const proxy = new ChartProxy(this._ctx, { parent: this, name: "add", args: [type, sourceData, seriesBy] }, (x) => {
      if (created === null) throw simError("InvalidReference", "ChartCollection.add");
      return findChart(x, created.sheetId, created.chartId);
    });
    this._call("add", [type, sourceData, seriesBy], (sheet, x) => {
      const loc = "ChartCollection.add";
      const chartType = pick(type, ChartType, loc);
      const by = pick(seriesBy, ChartSeriesBy, loc);
      const src = RangeProxy.targetOf(sourceData, x);
      assertCanEdit(sheet, "objects", [], loc);
      const chart: ChartModel = {
        id: x.wb.newId("chart"),
        name: x.wb.nextChartName(),
        chartType,
        seriesBy: by,
        sourceSheetId: src.sheet.id,
        source: { ...src.rect },
        title: "",
        top: 0,
        left: 0,
        width: 360,
        height: 216,
      };
      sheet.charts.push(chart);
      created = { sheetId: sheet.id, chartId: chart.id };
    });
    return proxy;
  }

  private _lookup(name: string, args: readonly unknown[], find: (s: SheetModel) => ChartModel | undefined, nullable: boolean): ChartProxy {
    return new ChartProxy(this._ctx, { parent: this, name, args }, (x) => {
      const s = this._resolve(x);
      if (s === null) return null;
      const c = find(s);
      if (c === undefined) {
        if (nullable) return null;
        throw simError("ItemNotFound", `ChartCollection.${name}`);
      }
      return { sheet: s, chart: c };
    }, nullable);
  }
  getItem(name: string): ChartProxy {
    return this._lookup("getItem", [name], (s) => s.charts.find((c) => c.name === name), false);
  }
  getItemOrNullObject(name: string): ChartProxy {
    this._requireApi("ChartCollection.getItemOrNullObject", "1.4");
    return this._lookup("getItemOrNullObject", [name], (s) => s.charts.find((c) => c.name === name), true);
  }
  getItemAt(index: number): ChartProxy {
    return this._lookup("getItemAt", [index], (s) => s.charts[index], false);
  }
  getCount(): ClientResult<number> {
    this._requireApi("ChartCollection.getCount", "1.4");
    return this._result("getCount", [], (s) => s.charts.length);
  }
}

export class ChartProxy extends ClientObject<ChartTarget> {
  readonly _typeName = "Chart";

  constructor(ctx: ContextCore, path: PathInfo, resolver: Resolver<ChartTarget>, nullable = false) {
    super(ctx, path, resolver, nullable);
  }

  protected override _scalarNames(): readonly string[] {
    const names = ["name", "top", "left", "width", "height"];
    return this._host().isSetSupported("ExcelApi", "1.7") ? [...names, "id", "chartType"] : names;
  }
  protected override _navNames(): readonly string[] {
    return ["title", "series", "worksheet"];
  }
  protected override _gated(): Readonly<Record<string, string>> {
    return { id: "1.7", chartType: "1.7", worksheet: "1.2" };
  }
  protected override _readScalar(name: string, t: ChartTarget, x: Exec): unknown {
    switch (name) {
      case "id":
        return t.chart.id;
      case "name":
        return t.chart.name;
      case "chartType":
        return t.chart.chartType;
      case "top":
      case "left":
      case "width":
      case "height":
        return t.chart[name];
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
    this._set("name", v, (t) => {
      if (typeof v !== "string" || v === "") throw simError("InvalidArgument", "Chart.name");
      if (t.sheet.charts.some((c) => c !== t.chart && c.name === v)) throw simError("InvalidArgument", "Chart.name");
      t.chart.name = v;
    });
  }
  get chartType(): string {
    return this._get("chartType");
  }
  set chartType(v: string) {
    this._set("chartType", v, (t) => {
      t.chart.chartType = pick(v, ChartType, "Chart.chartType");
    });
  }
  private _size(name: "top" | "left" | "width" | "height", v: unknown): void {
    this._set(name, v, (t) => {
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw simError("InvalidArgument", `Chart.${name}`);
      t.chart[name] = v;
    });
  }
  get top(): number {
    return this._get("top");
  }
  set top(v: number) {
    this._size("top", v);
  }
  get left(): number {
    return this._get("left");
  }
  set left(v: number) {
    this._size("left", v);
  }
  get width(): number {
    return this._get("width");
  }
  set width(v: number) {
    this._size("width", v);
  }
  get height(): number {
    return this._get("height");
  }
  set height(v: number) {
    this._size("height", v);
  }

  get title(): ChartTitleProxy {
    return this._child("title", () => new ChartTitleProxy(this._ctx, { parent: this, name: "title", args: [] }, (x) => this._resolve(x)));
  }
  get series(): ChartSeriesCollectionProxy {
    return this._child("series", () => new ChartSeriesCollectionProxy(this._ctx, { parent: this, name: "series", args: [] }, (x) => this._resolve(x)));
  }
  get worksheet(): WorksheetProxy {
    this._requireApi("Chart.worksheet", "1.2");
    return this._child("worksheet", () => new WorksheetProxy(this._ctx, { parent: this, name: "worksheet", args: [] }, (x) => this._resolve(x)?.sheet ?? null));
  }

  /** Place the chart over cells: top-left at startCell, bottom-right at endCell's far corner. */
  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    this._call("setPosition", endCell === undefined ? [startCell] : [startCell, endCell], (t, x) => {
      const cell = (c: RangeProxy | string): Rect =>
        typeof c === "string" ? WorksheetProxy.parseLocal(t.sheet, c, x, "Chart.setPosition") : RangeProxy.targetOf(c, x).rect;
      const start = cell(startCell);
      t.chart.left = offsetOf(t.sheet, "col", start.col);
      t.chart.top = offsetOf(t.sheet, "row", start.row);
      if (endCell !== undefined) {
        const end = cell(endCell);
        t.chart.width = Math.max(0, offsetOf(t.sheet, "col", lastCol(end) + 1) - t.chart.left);
        t.chart.height = Math.max(0, offsetOf(t.sheet, "row", lastRow(end) + 1) - t.chart.top);
      }
    });
  }

  setData(sourceData: RangeProxy, seriesBy: string = "Auto"): void {
    this._call("setData", [sourceData, seriesBy], (t, x) => {
      const src = RangeProxy.targetOf(sourceData, x);
      t.chart.seriesBy = pick(seriesBy, ChartSeriesBy, "Chart.setData");
      t.chart.sourceSheetId = src.sheet.id;
      t.chart.source = { ...src.rect };
    });
  }

  activate(): void {
    this._requireApi("Chart.activate", "1.9");
    this._call("activate", [], () => undefined, false);
  }

  delete(): void {
    this._call("delete", [], (t) => {
      assertCanEdit(t.sheet, "objects", [], "Chart.delete");
      t.sheet.charts = t.sheet.charts.filter((c) => c !== t.chart);
    });
  }
}

export class ChartTitleProxy extends ClientObject<ChartTarget> {
  readonly _typeName = "ChartTitle";
  protected override _scalarNames(): readonly string[] {
    return ["text", "visible"];
  }
  protected override _readScalar(name: string, t: ChartTarget, x: Exec): unknown {
    if (name === "text") return t.chart.title;
    if (name === "visible") return t.chart.title !== "";
    return super._readScalar(name, t, x);
  }
  get text(): string {
    return this._get("text");
  }
  set text(v: string) {
    this._set("text", v, (t) => {
      if (typeof v !== "string") throw simError("InvalidArgument", "ChartTitle.text");
      t.chart.title = v;
    });
  }
  get visible(): boolean {
    return this._get("visible");
  }
}

export class ChartSeriesProxy extends ClientObject<{ target: ChartTarget; index: number }> {
  readonly _typeName = "ChartSeries";
  protected override _scalarNames(): readonly string[] {
    return ["name"];
  }
  protected override _readScalar(name: string, t: { target: ChartTarget; index: number }, x: Exec): unknown {
    if (name === "name") return `Series${t.index + 1}`;
    return super._readScalar(name, t, x);
  }
  get name(): string {
    return this._get("name");
  }
}

export class ChartSeriesCollectionProxy extends ClientCollection<ChartTarget, ChartSeriesProxy> {
  readonly _typeName = "ChartSeriesCollection";
  protected override _makeItems(t: ChartTarget): ChartSeriesProxy[] {
    const sheetId = t.sheet.id;
    const chartId = t.chart.id;
    return Array.from({ length: seriesCount(t.chart) }, (_v, index) =>
      new ChartSeriesProxy(this._ctx, { parent: this, name: "getItemAt", args: [index] }, (x) => {
        const target = findChart(x, sheetId, chartId);
        return target === null ? null : { target, index };
      }),
    );
  }
  protected override _readScalar(name: string, t: ChartTarget, x: Exec): unknown {
    if (name === "count") return seriesCount(t.chart);
    return super._readScalar(name, t, x);
  }
  get count(): number {
    return this._get("count");
  }
  protected override _collectionScalars(): readonly string[] {
    return ["count"];
  }
  getCount(): ClientResult<number> {
    return this._result("getCount", [], (t) => seriesCount(t.chart));
  }
}
