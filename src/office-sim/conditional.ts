/**
 * Conditional formats. A CF applies to one or more areas of a sheet; a collection
 * reached from a Range or RangeAreas lists the CFs that overlap it (index 0 = highest
 * priority). CFs never change a cell's own format.
 */
import { Rect, intersects, subtract } from "./address";
import { assertCanEdit } from "./cells";
import { ClientCollection, ClientObject, ClientResult, ContextCore, Exec, PathInfo, Resolver } from "./client";
import { ConditionalFormatType } from "./enums.generated";
import { simError } from "./errors";
import type { AreasTarget } from "./format";
import { CfModel, CustomCf, SheetModel } from "./model";
import { RangeAreasProxy, RangeProxy } from "./range";
import { normalizeColor } from "./values";

export interface CfTarget {
  sheet: SheetModel;
  cf: CfModel;
}

export interface CustomTarget extends CfTarget {
  custom: CustomCf;
}

function findCf(x: Exec, sheetId: string, cfId: string): CfTarget | null {
  const sheet = x.wb.sheetById(sheetId);
  const cf = sheet?.cfs.find((c) => c.id === cfId);
  return sheet === undefined || cf === undefined ? null : { sheet, cf };
}

export function emptyCustom(): CustomCf {
  return { formula: "", fill: null, fontColor: null, bold: null, italic: null, numberFormat: null };
}

export class ConditionalFormatCollection extends ClientCollection<AreasTarget, ConditionalFormatProxy> {
  readonly _typeName = "ConditionalFormatCollection";

  private static overlapping(t: AreasTarget): CfModel[] {
    return t.sheet.cfs.filter((cf) => cf.ranges.some((r) => t.rects.some((q) => intersects(r, q))));
  }

  protected override _makeItems(t: AreasTarget): ConditionalFormatProxy[] {
    const sheetId = t.sheet.id;
    return ConditionalFormatCollection.overlapping(t).map(
      (cf) => new ConditionalFormatProxy(this._ctx, { parent: this, name: "getItem", args: [cf.id] }, (x) => findCf(x, sheetId, cf.id)),
    );
  }

  add(type: string): ConditionalFormatProxy {
    let created: { sheetId: string; cfId: string } | null = null;
    const proxy = new ConditionalFormatProxy(this._ctx, { parent: this, name: "add", args: [type] }, (x) => {
      if (created === null) throw simError("InvalidReference", "ConditionalFormatCollection.add");
      return findCf(x, created.sheetId, created.cfId);
    });
    this._call("add", [type], (t, x) => {
      const kind = (Object.values(ConditionalFormatType) as string[]).find((v) => v.toLowerCase() === String(type).toLowerCase());
      if (kind === undefined) throw simError("InvalidArgument", "ConditionalFormatCollection.add");
      assertCanEdit(t.sheet, "structure", t.rects, "ConditionalFormatCollection.add");
      const cf: CfModel = {
        id: x.wb.newId("cf"),
        type: kind,
        ranges: t.rects.map((r) => ({ ...r })),
        stopIfTrue: false,
        custom: kind === "Custom" ? emptyCustom() : null,
        raw: null,
      };
      t.sheet.cfs.unshift(cf);
      created = { sheetId: t.sheet.id, cfId: cf.id };
    });
    return proxy;
  }

  getCount(): ClientResult<number> {
    return this._result("getCount", [], (t) => ConditionalFormatCollection.overlapping(t).length);
  }

  getItem(id: string): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this._ctx, { parent: this, name: "getItem", args: [id] }, (x) => {
      const t = this._resolve(x);
      if (t === null) return null;
      const hit = findCf(x, t.sheet.id, id);
      if (hit === null) throw simError("ItemNotFound", "ConditionalFormatCollection.getItem");
      return hit;
    });
  }

  getItemAt(index: number): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this._ctx, { parent: this, name: "getItemAt", args: [index] }, (x) => {
      const t = this._resolve(x);
      if (t === null) return null;
      const cf = ConditionalFormatCollection.overlapping(t)[index];
      if (cf === undefined) throw simError("ItemNotFound", "ConditionalFormatCollection.getItemAt");
      return { sheet: t.sheet, cf };
    });
  }

  /** Remove conditional formatting from the collection's cells (CFs shrink or disappear). */
  clearAll(): void {
    this._call("clearAll", [], (t) => {
      assertCanEdit(t.sheet, "structure", t.rects, "ConditionalFormatCollection.clearAll");
      for (const cf of t.sheet.cfs) {
        let ranges: Rect[] = cf.ranges;
        for (const q of t.rects) ranges = ranges.flatMap((r) => subtract(r, q));
        cf.ranges = ranges;
      }
      t.sheet.cfs = t.sheet.cfs.filter((cf) => cf.ranges.length > 0);
    });
  }
}

export class ConditionalFormatProxy extends ClientObject<CfTarget> {
  readonly _typeName = "ConditionalFormat";

  constructor(ctx: ContextCore, path: PathInfo, resolver: Resolver<CfTarget>) {
    super(ctx, path, resolver);
  }

  protected override _scalarNames(): readonly string[] {
    return ["id", "priority", "stopIfTrue", "type"];
  }
  protected override _navNames(): readonly string[] {
    return ["custom", "customOrNullObject"];
  }
  protected override _readScalar(name: string, t: CfTarget, x: Exec): unknown {
    switch (name) {
      case "id":
        return t.cf.id;
      case "type":
        return t.cf.type;
      case "stopIfTrue":
        return t.cf.stopIfTrue;
      case "priority":
        return t.sheet.cfs.indexOf(t.cf);
      default:
        return super._readScalar(name, t, x);
    }
  }

  get id(): string {
    return this._get("id");
  }
  get type(): string {
    return this._get("type");
  }
  get priority(): number {
    return this._get("priority");
  }
  set priority(v: number) {
    this._set("priority", v, (t) => {
      if (typeof v !== "number" || !Number.isInteger(v) || v < 0) throw simError("InvalidArgument", "ConditionalFormat.priority");
      const list = t.sheet.cfs.filter((c) => c !== t.cf);
      list.splice(Math.min(v, list.length), 0, t.cf);
      t.sheet.cfs = list;
    });
  }
  get stopIfTrue(): boolean {
    return this._get("stopIfTrue");
  }
  set stopIfTrue(v: boolean) {
    this._set("stopIfTrue", v, (t) => {
      if (typeof v !== "boolean") throw simError("InvalidArgument", "ConditionalFormat.stopIfTrue");
      t.cf.stopIfTrue = v;
    });
  }

  /** Like Office.js: using `custom` of a CF that is not of type Custom fails at sync. */
  get custom(): CustomConditionalFormat {
    return this._child("custom", () => new CustomConditionalFormat(this._ctx, { parent: this, name: "custom", args: [] }, (x) => {
      const t = this._resolve(x);
      if (t === null) return null;
      if (t.cf.custom === null) throw simError("InvalidOperation", "ConditionalFormat.custom");
      return { ...t, custom: t.cf.custom };
    }));
  }

  get customOrNullObject(): CustomConditionalFormat {
    return this._child("customOrNullObject", () => new CustomConditionalFormat(this._ctx, { parent: this, name: "customOrNullObject", args: [] }, (x) => {
      const t = this._resolve(x);
      return t === null || t.cf.custom === null ? null : { ...t, custom: t.cf.custom };
    }, true));
  }

  getRange(): RangeProxy {
    return new RangeProxy(this._ctx, { parent: this, name: "getRange", args: [] }, (x) => {
      const t = this._resolve(x);
      if (t === null) return null;
      const only = t.cf.ranges.length === 1 ? t.cf.ranges[0] : undefined;
      if (only === undefined) throw simError("InvalidOperation", "ConditionalFormat.getRange");
      return { sheet: t.sheet, rect: { ...only } };
    });
  }

  getRangeOrNullObject(): RangeProxy {
    return new RangeProxy(this._ctx, { parent: this, name: "getRangeOrNullObject", args: [] }, (x) => {
      const t = this._resolve(x);
      const only = t !== null && t.cf.ranges.length === 1 ? t.cf.ranges[0] : undefined;
      return t === null || only === undefined ? null : { sheet: t.sheet, rect: { ...only } };
    }, true);
  }

  getRanges(): RangeAreasProxy {
    this._requireApi("ConditionalFormat.getRanges", "1.9");
    return new RangeAreasProxy(this._ctx, { parent: this, name: "getRanges", args: [] }, (x) => {
      const t = this._resolve(x);
      return t === null ? null : { sheet: t.sheet, rects: t.cf.ranges.map((r) => ({ ...r })) };
    });
  }

  delete(): void {
    this._call("delete", [], (t) => {
      assertCanEdit(t.sheet, "structure", t.cf.ranges, "ConditionalFormat.delete");
      t.sheet.cfs = t.sheet.cfs.filter((c) => c !== t.cf);
    });
  }
}

export class CustomConditionalFormat extends ClientObject<CustomTarget> {
  readonly _typeName = "CustomConditionalFormat";
  protected override _navNames(): readonly string[] {
    return ["rule", "format"];
  }
  private _sub(): Resolver<CustomTarget> {
    return (x) => this._resolve(x);
  }
  get rule(): ConditionalFormatRule {
    return this._child("rule", () => new ConditionalFormatRule(this._ctx, { parent: this, name: "rule", args: [] }, this._sub()));
  }
  get format(): ConditionalRangeFormat {
    return this._child("format", () => new ConditionalRangeFormat(this._ctx, { parent: this, name: "format", args: [] }, this._sub()));
  }
}

export class ConditionalFormatRule extends ClientObject<CustomTarget> {
  readonly _typeName = "ConditionalFormatRule";
  protected override _scalarNames(): readonly string[] {
    return ["formula", "formulaLocal"];
  }
  protected override _readScalar(name: string, t: CustomTarget, x: Exec): unknown {
    if (name === "formula" || name === "formulaLocal" || name === "formulaR1C1") return t.custom.formula;
    return super._readScalar(name, t, x);
  }
  private _writeFormula(name: string, v: unknown): void {
    this._set(name, v, (t) => {
      if (typeof v !== "string" || v.trim() === "") throw simError("InvalidArgument", `ConditionalFormatRule.${name}`);
      assertCanEdit(t.sheet, "structure", t.cf.ranges, `ConditionalFormatRule.${name}`);
      t.custom.formula = v.startsWith("=") ? v : `=${v}`;
    });
  }
  get formula(): string {
    return this._get("formula");
  }
  set formula(v: string) {
    this._writeFormula("formula", v);
  }
  get formulaLocal(): string {
    return this._get("formulaLocal");
  }
  set formulaLocal(v: string) {
    this._writeFormula("formulaLocal", v);
  }
}

export class ConditionalRangeFormat extends ClientObject<CustomTarget> {
  readonly _typeName = "ConditionalRangeFormat";
  protected override _scalarNames(): readonly string[] {
    return ["numberFormat"];
  }
  protected override _navNames(): readonly string[] {
    return ["fill", "font"];
  }
  protected override _readScalar(name: string, t: CustomTarget, x: Exec): unknown {
    if (name === "numberFormat") return t.custom.numberFormat;
    return super._readScalar(name, t, x);
  }
  get numberFormat(): string | null {
    return this._get("numberFormat");
  }
  set numberFormat(v: string | null) {
    this._set("numberFormat", v, (t) => {
      if (v !== null && typeof v !== "string") throw simError("InvalidArgument", "ConditionalRangeFormat.numberFormat");
      t.custom.numberFormat = v;
    });
  }
  get fill(): ConditionalRangeFill {
    return this._child("fill", () => new ConditionalRangeFill(this._ctx, { parent: this, name: "fill", args: [] }, (x) => this._resolve(x)));
  }
  get font(): ConditionalRangeFont {
    return this._child("font", () => new ConditionalRangeFont(this._ctx, { parent: this, name: "font", args: [] }, (x) => this._resolve(x)));
  }
}

function cfColor(v: unknown, location: string): string {
  const c = typeof v === "string" ? normalizeColor(v) : null;
  if (c === null) throw simError("InvalidArgument", location);
  return c;
}

export class ConditionalRangeFill extends ClientObject<CustomTarget> {
  readonly _typeName = "ConditionalRangeFill";
  protected override _scalarNames(): readonly string[] {
    return ["color"];
  }
  protected override _readScalar(name: string, t: CustomTarget, x: Exec): unknown {
    if (name === "color") return t.custom.fill;
    return super._readScalar(name, t, x);
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, (t) => {
      t.custom.fill = cfColor(v, "ConditionalRangeFill.color");
    });
  }
  clear(): void {
    this._call("clear", [], (t) => {
      t.custom.fill = null;
    });
  }
}

export class ConditionalRangeFont extends ClientObject<CustomTarget> {
  readonly _typeName = "ConditionalRangeFont";
  protected override _scalarNames(): readonly string[] {
    return ["bold", "color", "italic"];
  }
  protected override _readScalar(name: string, t: CustomTarget, x: Exec): unknown {
    switch (name) {
      case "bold":
        return t.custom.bold;
      case "italic":
        return t.custom.italic;
      case "color":
        return t.custom.fontColor;
      default:
        return super._readScalar(name, t, x);
    }
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, (t) => {
      t.custom.fontColor = cfColor(v, "ConditionalRangeFont.color");
    });
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._set("bold", v, (t) => {
      if (typeof v !== "boolean") throw simError("InvalidArgument", "ConditionalRangeFont.bold");
      t.custom.bold = v;
    });
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(v: boolean) {
    this._set("italic", v, (t) => {
      if (typeof v !== "boolean") throw simError("InvalidArgument", "ConditionalRangeFont.italic");
      t.custom.italic = v;
    });
  }
  clear(): void {
    this._call("clear", [], (t) => {
      t.custom.fontColor = null;
      t.custom.bold = null;
      t.custom.italic = null;
    });
  }
}
