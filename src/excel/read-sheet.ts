import type { Area, CellValue, Grid } from "../core/grid";
import { SheetGrid } from "../core/grid";
import { findTimelineHeaders, type TimelineHeader } from "../core/reading/timeline-header";
import type { Capabilities } from "./capabilities";
import { parseAreas } from "./range-address";
import { isPayloadLimitError, UserFacingError } from "./errors";

/** Bytes one sync may bring back: Excel on the web refuses responses over 5 MB; keep well under it. */
export const RESPONSE_BUDGET = 3_900_000;
/** The first block's guess at the bytes a cell costs (values, number format, fill), before anything is measured. */
const FIRST_GUESS_PER_CELL = 60;
/** A fill in a `getCellProperties` response: `{"format":{"fill":{"color":"#FFFFFF"}}},`. */
const FILL_BYTES_PER_CELL = 40;
/** Rows per uniformity check of the timeline's fill. */
const UNIFORMITY_CHUNK = 256;
/** Excel's own limit on cells in one read; past it values may come back null. */
export const MAX_CELLS = 5_000_000;

export interface UsedArea {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

export interface ReadOptions {
  capabilities: Capabilities;
  /** Queues more loads into the first read sync (the caller's own reads), so they cost no round trip of their own. */
  alsoInFirstSync?: () => void;
  /** Response budget per sync, for tests; defaults to RESPONSE_BUDGET. */
  budget?: number;
}

export interface SheetReadResult {
  grid: Grid;
  syncs: number;
}

interface FillRequest {
  /** Rows and columns relative to the used area. */
  area: Area;
  result: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

/**
 * Reads a sheet's used area into the engine's grid in row blocks: each block's values, number formats, fills of
 * the timeline columns and hidden rows come back in one sync sized to stay under the response budget, so the
 * number of syncs grows with the data, never with rows or cells. Fills are read only where a timeline is: all
 * columns until the first header is seen, then the columns of the header above; a header found inside a block
 * asks for its own columns' fills in the next sync.
 */
export async function readSheetGrid(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  sheetName: string,
  used: UsedArea,
  options: ReadOptions,
): Promise<SheetReadResult> {
  const { rowIndex: top, columnIndex: left, rowCount: rows, columnCount: cols } = used;
  if (rows * cols > MAX_CELLS) {
    throw new UserFacingError(
      `"${sheetName}" uses ${rows.toLocaleString("en-US")} rows by ${cols} columns (${(rows * cols).toLocaleString("en-US")} cells): ` +
        `more than the ${MAX_CELLS.toLocaleString("en-US")} cells Excel lets an add-in read. Clear unused rows and columns, or split the plan over several sheets.`,
      "too-large",
    );
  }
  const budget = options.budget ?? RESPONSE_BUDGET;
  const caps = options.capabilities;
  const values: CellValue[][] = new Array<CellValue[]>(rows);
  const formats: (string | null)[][] = new Array<(string | null)[]>(rows);
  const fills: (string | null)[][] | null = caps.cellProperties ? Array.from({ length: rows }, () => new Array<string | null>(cols).fill(null)) : null;
  const hiddenRows: number[] = [];
  let hiddenColumns: number[] = [];
  let merges: Area[] = [];

  let next = 0;
  let valueBytesPerRow = cols * FIRST_GUESS_PER_CELL;
  /** Timeline columns (relative) whose fills the next block needs; null before any header: all columns. */
  let span: { left: number; right: number } | null = null;
  let pending: Area[] = [];
  let syncs = 0;
  let first = true;
  let retries = 0;
  /**
   * Per chunk of rows, whether the timeline columns share one fill there (then no cell can be a Gantt bar and
   * their fills need not be read). Asked one sync ahead with a single property per chunk; null until known.
   */
  let uniform: Map<number, boolean> | null = null;
  let checks: { chunk: number; fill: Excel.RangeFill }[] = [];

  while (next < rows || pending.length > 0) {
    const fillSpan = span ?? { left: 0, right: cols - 1 };
    const fillWidth = fillSpan.right - fillSpan.left + 1;
    const fillsLikely: boolean = fills !== null && (span === null || uniform?.get(Math.floor(next / UNIFORMITY_CHUNK)) !== true);
    const perRow: number = valueBytesPerRow + (fillsLikely ? fillWidth * FILL_BYTES_PER_CELL : 0);
    const blockRows: number = next < rows ? Math.max(1, Math.min(rows - next, Math.floor(budget / perRow))) : 0;

    let block: Excel.Range | null = null;
    let rowProps: OfficeExtension.ClientResult<Excel.RowProperties[]> | null = null;
    const fillRequests: FillRequest[] = [];
    if (blockRows > 0) {
      block = sheet.getRangeByIndexes(top + next, left, blockRows, cols);
      block.load(["values", "numberFormat"]);
      if (fills) {
        for (const area of rowsNeedingFills(next, next + blockRows - 1, fillSpan, span === null ? null : uniform)) {
          fillRequests.push({ area, result: fillsOf(sheet, top, left, area) });
        }
        rowProps = block.getRowProperties({ rowHidden: true });
      }
    }
    if (fills && span !== null && uniform === null && checks.length === 0) {
      // One property per chunk of the rows still to come: is the timeline one colour there?
      for (let chunk = Math.floor((next + blockRows) / UNIFORMITY_CHUNK); chunk * UNIFORMITY_CHUNK < rows; chunk++) {
        const from = chunk * UNIFORMITY_CHUNK;
        const fill = sheet.getRangeByIndexes(top + from, left + span.left, Math.min(UNIFORMITY_CHUNK, rows - from), fillWidth).format.fill;
        fill.load("color");
        checks.push({ chunk, fill });
      }
    }
    for (const area of pending) fillRequests.push({ area, result: fillsOf(sheet, top, left, area) });
    let mergedAreas: Excel.RangeAreas | null = null;
    let columnProps: OfficeExtension.ClientResult<Excel.ColumnProperties[]> | null = null;
    if (first) {
      const whole = sheet.getRangeByIndexes(top, left, rows, cols);
      if (caps.mergedAreas) {
        mergedAreas = whole.getMergedAreasOrNullObject();
        mergedAreas.load("address");
      }
      if (caps.cellProperties) columnProps = whole.getColumnProperties({ columnHidden: true });
      options.alsoInFirstSync?.();
    }

    try {
      syncs++;
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block under the 5 MB response limit: their number grows with the data (10 for 20,000 rows), as the function's comment says
      await context.sync();
    } catch (e) {
      if (isPayloadLimitError(e) && retries < 4 && blockRows > 1) {
        retries++;
        valueBytesPerRow *= 2;
        continue;
      }
      throw e;
    }
    retries = 0;
    pending = [];
    if (checks.length > 0) {
      uniform = new Map(checks.map((c) => [c.chunk, c.fill.color !== null && c.fill.color !== undefined]));
      checks = [];
    }

    if (first) {
      first = false;
      if (mergedAreas && !mergedAreas.isNullObject) merges = parseAreas(mergedAreas.address);
      if (columnProps) hiddenColumns = columnProps.value.flatMap((c, i) => (c.columnHidden ? [left + i] : []));
    }
    for (const request of fillRequests) {
      request.result.value.forEach((line, r) => {
        line.forEach((cell, c) => {
          fills![request.area.top + r]![request.area.left + c] = cell.format?.fill?.color ?? null;
        });
      });
    }
    if (block) {
      const blockValues = block.values as CellValue[][];
      const blockFormats = block.numberFormat as unknown as (string | null)[][];
      let bytes = 0;
      for (let r = 0; r < blockRows; r++) {
        values[next + r] = blockValues[r]!;
        formats[next + r] = blockFormats[r]!.map((f) => (f === "General" ? null : f));
        bytes += JSON.stringify(blockValues[r]).length + JSON.stringify(blockFormats[r]).length;
      }
      valueBytesPerRow = Math.max(16, Math.ceil((bytes / blockRows) * 1.1));
      rowProps?.value.forEach((p, r) => {
        if (p.rowHidden) hiddenRows.push(top + next + r);
      });

      // Headers in this block: rows below a header need that header's timeline columns' fills.
      const partial: SheetGrid = new SheetGrid({
        sheet: sheetName,
        top: top + Math.max(0, next - 1),
        left,
        values: values.slice(Math.max(0, next - 1), next + blockRows),
        formats: formats.slice(Math.max(0, next - 1), next + blockRows),
      });
      const headers: TimelineHeader[] = findTimelineHeaders(partial).filter((h) => h.row - top >= next);
      for (const [i, h] of headers.entries()) {
        const hs = { left: Math.min(...h.columns) - left, right: Math.max(...h.columns) - left };
        const from = h.row - top + 1;
        const to = (i + 1 < headers.length ? headers[i + 1]!.row - top : next + blockRows) - 1;
        if (fills && from <= to && (hs.left < fillSpan.left || hs.right > fillSpan.right)) {
          pending.push({ top: from, bottom: to, left: hs.left, right: hs.right });
        }
        if (!span || span.left !== hs.left || span.right !== hs.right) uniform = null;
        span = hs;
      }
      next += blockRows;
    }
  }

  const grid: Grid = { sheet: sheetName, top, left, values, formats };
  if (fills) grid.fills = fills;
  if (merges.length > 0) grid.merges = merges;
  if (hiddenRows.length > 0) grid.hiddenRows = hiddenRows;
  if (hiddenColumns.length > 0) grid.hiddenColumns = hiddenColumns;
  return { grid, syncs };
}

/** Rows of a block whose fills must be read: all of them, but for chunks known to be one colour. */
function rowsNeedingFills(from: number, to: number, span: { left: number; right: number }, uniform: Map<number, boolean> | null): Area[] {
  const areas: Area[] = [];
  let start: number | null = null;
  for (let r = from; r <= to + 1; r++) {
    const need = r <= to && uniform?.get(Math.floor(r / UNIFORMITY_CHUNK)) !== true;
    if (need && start === null) start = r;
    if (!need && start !== null) {
      areas.push({ top: start, bottom: r - 1, left: span.left, right: span.right });
      start = null;
    }
  }
  return areas;
}

function fillsOf(sheet: Excel.Worksheet, top: number, left: number, area: Area): OfficeExtension.ClientResult<Excel.CellProperties[][]> {
  return sheet
    .getRangeByIndexes(top + area.top, left + area.left, area.bottom - area.top + 1, area.right - area.left + 1)
    .getCellProperties({ format: { fill: { color: true } } });
}
