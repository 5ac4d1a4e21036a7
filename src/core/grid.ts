import { z } from "zod/mini";

/**
 * The engine's input: one sheet's cells as both Excel (through the Office JavaScript API) and a file (exceljs, CSV) can supply them.
 * Rows and columns are 0-based sheet indexes; `values[0][0]` sits at (`top`, `left`).
 * Error values (`#N/A`, `#REF!` ...) arrive as their text, as the Office JavaScript API gives them in `Range.values`.
 * Dates arrive as Excel serial numbers with a date number format.
 */
export const CellValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type CellValue = z.infer<typeof CellValueSchema>;

export const AreaSchema = z.object({
  top: z.int().check(z.nonnegative()),
  left: z.int().check(z.nonnegative()),
  bottom: z.int().check(z.nonnegative()),
  right: z.int().check(z.nonnegative()),
});
export type Area = z.infer<typeof AreaSchema>;

export const GridSchema = z.object({
  sheet: z.string(),
  top: z.int().check(z.nonnegative()),
  left: z.int().check(z.nonnegative()),
  values: z.array(z.array(CellValueSchema)),
  /** Number formats, same shape as values (or absent). */
  formats: z.optional(z.array(z.array(z.nullable(z.string())))),
  /** Solid fill colours as `#RRGGBB` (or a theme token), null where the cell has no fill. */
  fills: z.optional(z.array(z.array(z.nullable(z.string())))),
  merges: z.optional(z.array(AreaSchema)),
  hiddenRows: z.optional(z.array(z.int().check(z.nonnegative()))),
  hiddenColumns: z.optional(z.array(z.int().check(z.nonnegative()))),
  /** The workbook counts dates from 1904 (old Mac workbooks). */
  date1904: z.optional(z.boolean()),
});
export type Grid = z.infer<typeof GridSchema>;

/** How many rows and columns a sheet has in use, counted from some corner. */
export interface Extent {
  rowCount: number;
  columnCount: number;
}

/**
 * Whether formatting alone (a fill on row 1,048,576, a border down a whole column) reaches so far beyond a sheet's
 * values that reading that far would mean a million empty rows: then a host reads the values' extent only.
 */
export function formattingReachesTooFar(values: Extent, formatted: Extent): boolean {
  return formatted.rowCount > values.rowCount + 1000 || formatted.columnCount > values.columnCount + 100;
}

export const EXCEL_ERRORS = new Set([
  "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!",
  "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!",
]);

/** An error value as Excel shows it (`#N/A`); every one starts with "#", checked first (most cells are text). */
export function isErrorValue(value: CellValue): boolean {
  return typeof value === "string" && value.charCodeAt(0) === 35 && EXCEL_ERRORS.has(value);
}

const WHITE = new Set(["#FFFFFF", "#FFFFFFFF", "FFFFFFFF", "FFFFFF"]);

/**
 * Read access to a grid in sheet coordinates, with merged areas resolved:
 * `value` gives every cell of a merged area the value of its top-left cell (what a reader sees),
 * `anchor` tells which cell that is.
 */
export class SheetGrid {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly date1904: boolean;
  private readonly grid: Grid;
  /** The merged areas that hold cells, as listed in the grid. */
  private readonly mergeAreas: Area[] = [];
  /**
   * Which merged area each cell of the merges' bounding box (`box`) belongs to: its place in `mergeAreas` plus one,
   * 0 for none. Null when no cell is merged.
   */
  private readonly mergeOwner: Int32Array | null = null;
  private readonly box = { top: 0, left: 0, rows: 0, columns: 0 };
  private readonly hiddenColumnSet: Set<number>;
  private readonly hiddenRowSet: Set<number>;

  constructor(grid: Grid) {
    this.grid = grid;
    this.sheet = grid.sheet;
    this.top = grid.top;
    this.left = grid.left;
    const width = grid.values.reduce((w, row) => Math.max(w, row.length), 0);
    this.bottom = grid.top + grid.values.length - 1;
    this.right = grid.left + width - 1;
    this.date1904 = grid.date1904 ?? false;
    this.mergeOwner = this.indexMerges(grid.merges ?? []);
    this.hiddenColumnSet = new Set(grid.hiddenColumns ?? []);
    this.hiddenRowSet = new Set(grid.hiddenRows ?? []);
  }

  get rowCount(): number {
    return this.bottom - this.top + 1;
  }

  get columnCount(): number {
    return this.right - this.left + 1;
  }

  contains(row: number, column: number): boolean {
    return row >= this.top && row <= this.bottom && column >= this.left && column <= this.right;
  }

  /**
   * Each cell of the merged areas (clipped to the grid) marked with the area it belongs to: the last area listed that
   * holds it, as Excel never writes two areas over one cell. Areas are taken from the last listed to the first, and
   * each cell is marked once: each row keeps, for each cell, the next one not yet marked (a union-find over the
   * row), so an area laid over cells already marked costs one step per row, not one per cell. The work is the
   * number of cells marked plus the rows the areas span, however many areas overlap.
   */
  private indexMerges(merges: readonly Area[]): Int32Array | null {
    const clipped: { area: Area; top: number; left: number; bottom: number; right: number }[] = [];
    const box = { top: Infinity, left: Infinity, bottom: -1, right: -1 };
    for (const area of merges) {
      const top = Math.max(area.top, this.top);
      const left = Math.max(area.left, this.left);
      const bottom = Math.min(area.bottom, this.bottom);
      const right = Math.min(area.right, this.right);
      if (top > bottom || left > right) continue;
      // Cap the work a huge merged area can cause; cells beyond read as themselves.
      if ((bottom - top + 1) * (right - left + 1) > 1_000_000) continue;
      clipped.push({ area, top, left, bottom, right });
      box.top = Math.min(box.top, top);
      box.left = Math.min(box.left, left);
      box.bottom = Math.max(box.bottom, bottom);
      box.right = Math.max(box.right, right);
    }
    if (clipped.length === 0) return null;
    const rows = box.bottom - box.top + 1;
    const columns = box.right - box.left + 1;
    Object.assign(this.box, { top: box.top, left: box.left, rows, columns });
    const owner = new Int32Array(rows * columns);
    // next[r * (columns + 1) + c]: the first cell at or after c in row r not yet marked; the extra one ends the row.
    const next = new Int32Array(rows * (columns + 1));
    for (let i = 0; i < next.length; i++) next[i] = i;
    const unmarked = (from: number): number => {
      let i = from;
      while (next[i] !== i) {
        next[i] = next[next[i]!]!;
        i = next[i]!;
      }
      return i;
    };
    for (let k = clipped.length - 1; k >= 0; k--) {
      const { area, top, left, bottom, right } = clipped[k]!;
      this.mergeAreas.push(area);
      const mark = this.mergeAreas.length;
      for (let r = top - box.top; r <= bottom - box.top; r++) {
        const row = r * (columns + 1);
        const end = row + right - box.left + 1;
        for (let i = unmarked(row + left - box.left); i < end; i = unmarked(i + 1)) {
          owner[r * columns + i - row] = mark;
          next[i] = i + 1;
        }
      }
    }
    return owner;
  }

  /** The merged area a cell belongs to, if any. */
  merge(row: number, column: number): Area | undefined {
    const owner = this.mergeOwner;
    if (owner === null) return undefined;
    const r = row - this.box.top;
    const c = column - this.box.left;
    if (r < 0 || c < 0 || r >= this.box.rows || c >= this.box.columns) return undefined;
    const mark = owner[r * this.box.columns + c]!;
    return mark === 0 ? undefined : this.mergeAreas[mark - 1];
  }

  /** The cell whose value a reader sees at (row, column): the top-left of its merged area, or itself. */
  anchor(row: number, column: number): { row: number; column: number } {
    const area = this.merge(row, column);
    return area ? { row: Math.max(area.top, this.top), column: Math.max(area.left, this.left) } : { row, column };
  }

  /** The row a reader sees the cell's value on: the first row of its merged area, or its own row. */
  anchorRow(row: number, column: number): number {
    if (this.mergeOwner === null) return row;
    const area = this.merge(row, column);
    return area ? Math.max(area.top, this.top) : row;
  }

  /** Whether the cell is where its value lives (not inside a merged area started elsewhere). */
  isAnchor(row: number, column: number): boolean {
    if (this.mergeOwner === null) return true;
    const area = this.merge(row, column);
    return !area || (Math.max(area.top, this.top) === row && Math.max(area.left, this.left) === column);
  }

  /** A row's own values as given (merges ignored), indexed from `left`; empty for a row outside the grid. */
  rowValues(row: number): readonly CellValue[] {
    return this.grid.values[row - this.top] ?? [];
  }

  /** The cell's own value, merges ignored. */
  own(row: number, column: number): CellValue {
    const line = this.grid.values[row - this.top];
    if (!line) return null;
    const v = line[column - this.left];
    return v === undefined ? null : v;
  }

  value(row: number, column: number): CellValue {
    if (this.mergeOwner !== null) {
      const area = this.merge(row, column);
      if (area) return this.own(Math.max(area.top, this.top), Math.max(area.left, this.left));
    }
    return this.own(row, column);
  }

  private ownFormat(row: number, column: number): string | null {
    return this.grid.formats?.[row - this.top]?.[column - this.left] ?? null;
  }

  format(row: number, column: number): string | null {
    if (!this.grid.formats) return null;
    if (this.mergeOwner !== null) {
      const area = this.merge(row, column);
      if (area) return this.ownFormat(Math.max(area.top, this.top), Math.max(area.left, this.left));
    }
    return this.ownFormat(row, column);
  }

  /** The cell's solid fill, white counted as no fill. */
  fill(row: number, column: number): string | null {
    if (!this.grid.fills) return null;
    let r = row;
    let c = column;
    if (this.mergeOwner !== null) {
      const area = this.merge(row, column);
      if (area) {
        r = Math.max(area.top, this.top);
        c = Math.max(area.left, this.left);
      }
    }
    const f = this.grid.fills[r - this.top]?.[c - this.left] ?? null;
    return f && !WHITE.has(f.toUpperCase()) ? f.toUpperCase() : null;
  }

  hasMerges(): boolean {
    return this.mergeOwner !== null;
  }

  hasFills(): boolean {
    return this.grid.fills !== undefined;
  }

  /** The cell's text, trimmed, for string values; "" for anything else. */
  text(row: number, column: number): string {
    const v = this.value(row, column);
    return typeof v === "string" ? v.trim() : "";
  }

  isEmpty(row: number, column: number): boolean {
    const v = this.value(row, column);
    return v === null || (typeof v === "string" && v.trim() === "");
  }

  isRowEmpty(row: number): boolean {
    for (let c = this.left; c <= this.right; c++) if (!this.isEmpty(row, c)) return false;
    return true;
  }

  isColumnHidden(column: number): boolean {
    return this.hiddenColumnSet.has(column);
  }

  isRowHidden(row: number): boolean {
    return this.hiddenRowSet.has(row);
  }
}
