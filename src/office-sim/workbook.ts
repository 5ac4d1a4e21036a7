/** Workbook and Application proxies. */
import { rect } from "./address";
import { ClientObject, Exec } from "./client";
import { CalculationMode, CalculationType } from "./enums.generated";
import { simError } from "./errors";
import { WorkbookModel } from "./model";
import { RangeAreasProxy, RangeProxy } from "./range";
import { TableCollectionProxy } from "./table";
import { WorksheetCollectionProxy } from "./worksheet";

export class ApplicationProxy extends ClientObject<WorkbookModel> {
  readonly _typeName = "Application";
  protected override _scalarNames(): readonly string[] {
    return ["calculationMode"];
  }
  protected override _readScalar(name: string, wb: WorkbookModel, x: Exec): unknown {
    if (name === "calculationMode") return wb.calculationMode;
    return super._readScalar(name, wb, x);
  }
  get calculationMode(): string {
    return this._get("calculationMode");
  }
  set calculationMode(v: string) {
    this._requireApi("Application.calculationMode", "1.8");
    this._set("calculationMode", v, (wb) => {
      const mode = (Object.values(CalculationMode) as string[]).find((m) => m === v);
      if (mode === undefined) throw simError("InvalidArgument", "Application.calculationMode");
      wb.calculationMode = mode;
    });
  }
  calculate(calculationType: string): void {
    this._call("calculate", [calculationType], () => {
      if (!(Object.values(CalculationType) as string[]).includes(calculationType)) throw simError("InvalidArgument", "Application.calculate");
    }, false);
  }
  /** Counted in sim.stats.suspendApiCalculation. */
  suspendApiCalculationUntilNextSync(): void {
    this._requireApi("Application.suspendApiCalculationUntilNextSync", "1.6");
    this._call("suspendApiCalculationUntilNextSync", [], (_wb, x) => {
      x.host.stats.suspendApiCalculation++;
    }, false);
  }
  /** Counted in sim.stats.suspendScreenUpdating. */
  suspendScreenUpdatingUntilNextSync(): void {
    this._requireApi("Application.suspendScreenUpdatingUntilNextSync", "1.9");
    this._call("suspendScreenUpdatingUntilNextSync", [], (_wb, x) => {
      x.host.stats.suspendScreenUpdating++;
    }, false);
  }
}

export class WorkbookProxy extends ClientObject<WorkbookModel> {
  readonly _typeName = "Workbook";

  protected override _scalarNames(): readonly string[] {
    return this._host().isSetSupported("ExcelApi", "1.7") ? ["name"] : [];
  }
  protected override _navNames(): readonly string[] {
    return ["worksheets", "tables", "application"];
  }
  protected override _gated(): Readonly<Record<string, string>> {
    return { name: "1.7" };
  }
  protected override _readScalar(name: string, wb: WorkbookModel, x: Exec): unknown {
    if (name === "name") return wb.name;
    return super._readScalar(name, wb, x);
  }
  get name(): string {
    return this._get("name");
  }

  get worksheets(): WorksheetCollectionProxy {
    return this._child("worksheets", () => new WorksheetCollectionProxy(this._ctx, { parent: this, name: "worksheets", args: [] }, (x) => this._resolve(x)));
  }
  get tables(): TableCollectionProxy {
    return this._child("tables", () => new TableCollectionProxy(this._ctx, { parent: this, name: "tables", args: [] }, (x) => (this._resolve(x) === null ? null : { sheet: null })));
  }
  get application(): ApplicationProxy {
    return this._child("application", () => new ApplicationProxy(this._ctx, { parent: this, name: "application", args: [] }, (x) => this._resolve(x)));
  }

  private _selection(wb: WorkbookModel): { sheetId: string; r: ReturnType<typeof rect> } {
    const active = wb.activeSheet();
    const sel = wb.selection;
    return sel !== null && sel.sheetId === active.id ? { sheetId: active.id, r: sel.rect } : { sheetId: active.id, r: rect(0, 0) };
  }

  getSelectedRange(): RangeProxy {
    return new RangeProxy(this._ctx, { parent: this, name: "getSelectedRange", args: [] }, (x) => {
      const wb = this._resolve(x);
      if (wb === null) return null;
      const s = this._selection(wb);
      const sheet = wb.sheetById(s.sheetId);
      return sheet === undefined ? null : { sheet, rect: { ...s.r } };
    });
  }
  getSelectedRanges(): RangeAreasProxy {
    this._requireApi("Workbook.getSelectedRanges", "1.9");
    return new RangeAreasProxy(this._ctx, { parent: this, name: "getSelectedRanges", args: [] }, (x) => {
      const wb = this._resolve(x);
      if (wb === null) return null;
      const s = this._selection(wb);
      const sheet = wb.sheetById(s.sheetId);
      return sheet === undefined ? null : { sheet, rects: [{ ...s.r }] };
    });
  }
  getActiveCell(): RangeProxy {
    this._requireApi("Workbook.getActiveCell", "1.7");
    return new RangeProxy(this._ctx, { parent: this, name: "getActiveCell", args: [] }, (x) => {
      const wb = this._resolve(x);
      if (wb === null) return null;
      const s = this._selection(wb);
      const sheet = wb.sheetById(s.sheetId);
      return sheet === undefined ? null : { sheet, rect: rect(s.r.row, s.r.col) };
    });
  }
}
