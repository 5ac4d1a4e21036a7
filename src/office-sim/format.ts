/** Range formatting proxies: RangeFormat, RangeFill, RangeFont, FormatProtection. */
import { Rect, lastCol, lastRow } from "./address";
import {
  applyStyle,
  assertCanEdit,
  cellValue,
  linesUniform,
  setLines,
  uniform,
} from "./cells";
import { ClientObject, Exec, Resolver } from "./client";
import { HorizontalAlignment, VerticalAlignment, RangeUnderlineStyle } from "./enums.generated";
import { simError } from "./errors";
import { FontState, SheetModel, Style, snapToPixels } from "./model";
import { formatValue, normalizeColor } from "./values";

/** A sheet and one or more rectangles (a Range has one, RangeAreas several). */
export interface AreasTarget {
  sheet: SheetModel;
  rects: Rect[];
}

function colorOrThrow(v: unknown, location: string): string {
  if (typeof v !== "string") throw simError("InvalidArgument", location);
  const c = normalizeColor(v);
  if (c === null) throw simError("InvalidArgument", location);
  return c;
}

function oneOf(v: unknown, allowed: Record<string, string>, location: string): string {
  const values = Object.values(allowed);
  const hit = typeof v === "string" ? values.find((a) => a.toLowerCase() === v.toLowerCase()) : undefined;
  if (hit === undefined) throw simError("InvalidArgument", location);
  return hit;
}

function bool(v: unknown, location: string): boolean {
  if (typeof v !== "boolean") throw simError("InvalidArgument", location);
  return v;
}

function positiveNumber(v: unknown, location: string, max = 409): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > max * 4) throw simError("InvalidArgument", location);
  return v;
}

export class RangeFill extends ClientObject<AreasTarget> {
  readonly _typeName = "RangeFill";
  protected override _scalarNames(): readonly string[] {
    return ["color"];
  }
  protected override _readScalar(name: string, t: AreasTarget, x: Exec): unknown {
    switch (name) {
      case "color":
        return uniform(t.sheet, t.rects, (s) => s.fill ?? "#FFFFFF");
      case "pattern":
        return uniform(t.sheet, t.rects, (s) => (s.fill === null ? "None" : "Solid"));
      default:
        return super._readScalar(name, t, x);
    }
  }
  protected override _gated(): Readonly<Record<string, string>> {
    return { pattern: "1.9" };
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, (t) => {
      const c = colorOrThrow(v, "RangeFill.color");
      assertCanEdit(t.sheet, "formatCells", t.rects, "RangeFill.color");
      applyStyle(t.sheet, t.rects, (s) => ({ ...s, fill: c }));
    });
  }
  get pattern(): string {
    return this._get("pattern");
  }
  set pattern(v: string) {
    this._set("pattern", v, (t) => {
      if (typeof v !== "string") throw simError("InvalidArgument", "RangeFill.pattern");
      assertCanEdit(t.sheet, "formatCells", t.rects, "RangeFill.pattern");
      if (v === "None") applyStyle(t.sheet, t.rects, (s) => ({ ...s, fill: null }));
      else if (v === "Solid") applyStyle(t.sheet, t.rects, (s) => ({ ...s, fill: s.fill ?? "#FFFFFF" }));
      else throw simError("InvalidArgument", "RangeFill.pattern", "The simulator supports only the None and Solid patterns.");
    });
  }
  clear(): void {
    this._call("clear", [], (t) => {
      assertCanEdit(t.sheet, "formatCells", t.rects, "RangeFill.clear");
      applyStyle(t.sheet, t.rects, (s) => ({ ...s, fill: null }));
    });
  }
}

type FontKey = keyof FontState;

export class RangeFont extends ClientObject<AreasTarget> {
  readonly _typeName = "RangeFont";
  protected override _scalarNames(): readonly string[] {
    return ["bold", "color", "italic", "name", "size", "strikethrough", "underline"];
  }
  protected override _readScalar(name: string, t: AreasTarget, x: Exec): unknown {
    if (this._scalarNames().includes(name)) return uniform(t.sheet, t.rects, (s) => s.font[name as FontKey]);
    return super._readScalar(name, t, x);
  }
  private _write(name: FontKey, v: unknown, check: (v: unknown, loc: string) => string | number | boolean): void {
    this._set(name, v, (t) => {
      const value = check(v, `RangeFont.${name}`);
      assertCanEdit(t.sheet, "formatCells", t.rects, `RangeFont.${name}`);
      applyStyle(t.sheet, t.rects, (s) => ({ ...s, font: { ...s.font, [name]: value } }));
    });
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._write("bold", v, bool);
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(v: boolean) {
    this._write("italic", v, bool);
  }
  get strikethrough(): boolean {
    return this._get("strikethrough");
  }
  set strikethrough(v: boolean) {
    this._write("strikethrough", v, bool);
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._write("color", v, colorOrThrow);
  }
  get size(): number {
    return this._get("size");
  }
  set size(v: number) {
    this._write("size", v, (n, loc) => {
      if (typeof n !== "number" || n < 1 || n > 409) throw simError("InvalidArgument", loc);
      return n;
    });
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._write("name", v, (n, loc) => {
      if (typeof n !== "string" || n === "") throw simError("InvalidArgument", loc);
      return n;
    });
  }
  get underline(): string {
    return this._get("underline");
  }
  set underline(v: string) {
    this._write("underline", v, (u, loc) => oneOf(u, RangeUnderlineStyle, loc));
  }
}

export class FormatProtection extends ClientObject<AreasTarget> {
  readonly _typeName = "FormatProtection";
  protected override _scalarNames(): readonly string[] {
    return ["locked", "formulaHidden"];
  }
  protected override _readScalar(name: string, t: AreasTarget, x: Exec): unknown {
    if (name === "locked") return uniform(t.sheet, t.rects, (s) => s.locked);
    if (name === "formulaHidden") return false;
    return super._readScalar(name, t, x);
  }
  get locked(): boolean {
    return this._get("locked");
  }
  set locked(v: boolean) {
    this._set("locked", v, (t) => {
      const locked = bool(v, "FormatProtection.locked");
      // changing cell protection is never allowed while the sheet is protected
      assertCanEdit(t.sheet, "structure", t.rects, "FormatProtection.locked");
      applyStyle(t.sheet, t.rects, (s) => ({ ...s, locked }));
    });
  }
  get formulaHidden(): boolean {
    return this._get("formulaHidden");
  }
}

/** Approximate autofit: widest displayed text in the column, ~7 px per character. */
function autofitWidth(sheet: SheetModel, t: AreasTarget, x: Exec, col: number, rows: Rect): number | null {
  let widest = 0;
  sheet.forEachStoredCell({ row: rows.row, col, rowCount: rows.rowCount, colCount: 1 }, (i, j, c) => {
    if (c.value === null && c.formula === null) return;
    const v = cellValue(x.wb, t.sheet, i, j);
    const text = formatValue(v.value, c.style.numberFormat, v.isError);
    const scale = c.style.font.size / 11 * (c.style.font.bold ? 1.1 : 1);
    widest = Math.max(widest, text.length * scale);
  });
  if (widest === 0) return null;
  return snapToPixels((widest * 7 + 10) * 0.75);
}

export class RangeFormat extends ClientObject<AreasTarget> {
  readonly _typeName = "RangeFormat";

  protected override _scalarNames(): readonly string[] {
    return ["columnWidth", "rowHeight", "horizontalAlignment", "verticalAlignment", "wrapText"];
  }
  protected override _navNames(): readonly string[] {
    return ["fill", "font", "protection"];
  }
  protected override _gated(): Readonly<Record<string, string>> {
    return { columnWidth: "1.2", rowHeight: "1.2", protection: "1.2" };
  }
  protected override _readScalar(name: string, t: AreasTarget, x: Exec): unknown {
    const first = t.rects[0];
    switch (name) {
      case "columnWidth":
        return first === undefined ? null : linesUniform(first.col, first.colCount, (k) => t.sheet.columnWidth(k));
      case "rowHeight":
        return first === undefined ? null : linesUniform(first.row, first.rowCount, (k) => t.sheet.rowHeight(k));
      case "horizontalAlignment":
        return uniform(t.sheet, t.rects, (s) => s.horizontalAlignment);
      case "verticalAlignment":
        return uniform(t.sheet, t.rects, (s) => s.verticalAlignment);
      case "wrapText":
        return uniform(t.sheet, t.rects, (s) => s.wrapText);
      default:
        return super._readScalar(name, t, x);
    }
  }

  private _childResolver(): Resolver<AreasTarget> {
    return (x) => this._resolve(x);
  }

  get fill(): RangeFill {
    return this._child("fill", () => new RangeFill(this._ctx, { parent: this, name: "fill", args: [] }, this._childResolver()));
  }
  get font(): RangeFont {
    return this._child("font", () => new RangeFont(this._ctx, { parent: this, name: "font", args: [] }, this._childResolver()));
  }
  get protection(): FormatProtection {
    this._requireApi("RangeFormat.protection", "1.2");
    return this._child("protection", () => new FormatProtection(this._ctx, { parent: this, name: "protection", args: [] }, this._childResolver()));
  }

  private _styleSet(name: string, v: unknown, make: (v: unknown, loc: string) => Partial<Style>): void {
    this._set(name, v, (t) => {
      const patch = make(v, `RangeFormat.${name}`);
      assertCanEdit(t.sheet, "formatCells", t.rects, `RangeFormat.${name}`);
      applyStyle(t.sheet, t.rects, (s) => ({ ...s, ...patch }));
    });
  }

  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(v: number) {
    this._set("columnWidth", v, (t) => {
      const w = snapToPixels(positiveNumber(v, "RangeFormat.columnWidth", 255 * 7));
      assertCanEdit(t.sheet, "formatColumns", t.rects, "RangeFormat.columnWidth");
      for (const r of t.rects) setLines(t.sheet, "col", r.col, r.colCount, { size: w });
    });
  }
  get rowHeight(): number {
    return this._get("rowHeight");
  }
  set rowHeight(v: number) {
    this._set("rowHeight", v, (t) => {
      const h = snapToPixels(positiveNumber(v, "RangeFormat.rowHeight", 409));
      assertCanEdit(t.sheet, "formatRows", t.rects, "RangeFormat.rowHeight");
      for (const r of t.rects) setLines(t.sheet, "row", r.row, r.rowCount, { size: h });
    });
  }
  get wrapText(): boolean {
    return this._get("wrapText");
  }
  set wrapText(v: boolean) {
    this._styleSet("wrapText", v, (b, loc) => ({ wrapText: bool(b, loc) }));
  }
  get horizontalAlignment(): string {
    return this._get("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this._styleSet("horizontalAlignment", v, (a, loc) => ({ horizontalAlignment: oneOf(a, HorizontalAlignment, loc) }));
  }
  get verticalAlignment(): string {
    return this._get("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this._styleSet("verticalAlignment", v, (a, loc) => ({ verticalAlignment: oneOf(a, VerticalAlignment, loc) }));
  }

  autofitColumns(): void {
    this._requireApi("RangeFormat.autofitColumns", "1.2");
    this._call("autofitColumns", [], (t, x) => {
      assertCanEdit(t.sheet, "formatColumns", t.rects, "RangeFormat.autofitColumns");
      for (const r of t.rects) {
        const rows = t.sheet.usedRange(true);
        if (rows === null) continue;
        const span = { row: Math.max(r.row, rows.row), rowCount: 0, col: r.col, colCount: r.colCount };
        span.rowCount = Math.min(lastRow(r), lastRow(rows)) - span.row + 1;
        if (span.rowCount <= 0) continue;
        for (let j = r.col; j <= Math.min(lastCol(r), lastCol(rows)); j++) {
          const w = autofitWidth(t.sheet, t, x, j, span);
          if (w !== null) setLines(t.sheet, "col", j, 1, { size: w });
        }
      }
    });
  }
  autofitRows(): void {
    this._requireApi("RangeFormat.autofitRows", "1.2");
    this._call("autofitRows", [], (t) => {
      assertCanEdit(t.sheet, "formatRows", t.rects, "RangeFormat.autofitRows");
    });
  }
}
