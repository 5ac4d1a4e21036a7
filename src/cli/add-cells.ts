/**
 * Text cells put into a planner's worksheet part (Add a timeline's month labels), as inline strings in the sheet's
 * own namespace prefix: into the element of their row, in column order (their columns are right of the used range,
 * so after the row's cells), or, where the sheet has no element for that row, in one of their own, in row order.
 * The planner's cells are not rewritten, not a byte. Two hints about the cells' extent take the new cells in: the
 * sheet's `<dimension>` and the `spans` of the row they join (readers such as openpyxl's read-only mode size a sheet by
 * its dimension and would not see the timeline); nothing else of the part changes.
 */
import { a1, parseAreaAddress } from "../core/address";
import { FileProblem } from "./read-file";
import { CELL_END, readAttributes, referenceColumn, referenceRow, ROW_OR_CELL, SHEET_DATA, type TagAttributes } from "./read-sheet";
import { textCellXml } from "./own-sheets";

/** A cell of the row the new cells go in: its column (1-based) and where its element lies in the part. */
interface RowCell {
  column: number;
  start: number;
  end: number;
  /** It holds no value or formula (a cell with formatting alone). */
  empty: boolean;
}

const HOLDS_SOMETHING = /<(?:[\w.-]+:)?(?:v|is|f)\b/;
const ROW_END = /<\/(?:[\w.-]+:)?row>/g;
const DATA_END = /<\/(?:[\w.-]+:)?sheetData>/g;

/**
 * The worksheet's XML with text cells on sheet row `row` (0-based) at the columns given (0-based, left to right,
 * next to each other), each with style `style`. A FileProblem when the sheet has no cells part or one of those
 * columns of the row already holds something (the columns are meant to be empty).
 */
export function withTextCells(xml: string, row: number, cells: { column: number; text: string }[], style: number): string {
  return withDimension(cellsInserted(xml, row, cells, style), row, cells[0]!.column, cells[cells.length - 1]!.column);
}

function cellsInserted(xml: string, row: number, cells: { column: number; text: string }[], style: number): string {
  const prefix = /<([\w.-]+:)?worksheet\b/.exec(xml)?.[1] ?? "";
  const markup = cells.map((c) => textCellXml(a1(row, c.column), ` s="${style}"`, c.text, null, prefix)).join("");
  const rowXml = `<${prefix}row r="${row + 1}">${markup}</${prefix}row>`;
  const open = SHEET_DATA.exec(xml);
  if (!open) throw new FileProblem("has a sheet without cells that a timeline could be added to");
  const dataStart = open.index + open[0].length;
  // `<sheetData/>`: no cells at all.
  if (open[1] === "/") return `${xml.slice(0, open.index)}${open[0].slice(0, -2)}>${rowXml}</${prefix}sheetData>${xml.slice(dataStart)}`;
  DATA_END.lastIndex = dataStart;
  const dataEnd = DATA_END.exec(xml)?.index ?? xml.length;

  const target = row + 1;
  const first = cells[0]!.column + 1;
  const last = cells[cells.length - 1]!.column + 1;
  const tags = new RegExp(ROW_OR_CELL);
  const attributes: TagAttributes = { r: undefined, s: undefined, t: undefined, hidden: undefined, customFormat: undefined };
  let current = 0;
  let column = 0;
  let rowTag: { start: number; end: number; closed: boolean } | null = null;
  const rowCells: RowCell[] = [];
  tags.lastIndex = dataStart;
  for (let m = tags.exec(xml); m && m.index < dataEnd; m = tags.exec(xml)) {
    readAttributes(m[2]!, attributes);
    const end = m.index + m[0].length;
    if (m[1] === "row") {
      if (rowTag) break;
      const r = attributes.r === undefined ? 0 : referenceRow(`A${attributes.r}`);
      current = r > 0 ? r : current + 1;
      column = 0;
      // Rows are in order: the first row past the target is where the target's own row element goes.
      if (current > target) return xml.slice(0, m.index) + rowXml + xml.slice(m.index);
      if (current === target) {
        rowTag = { start: m.index, end, closed: m[3] === "/" };
        if (rowTag.closed) break;
      }
      continue;
    }
    let cellEnd = end;
    let content = "";
    if (m[3] !== "/") {
      const close = new RegExp(CELL_END);
      close.lastIndex = end;
      const found = close.exec(xml);
      cellEnd = found ? found.index + found[0].length : dataEnd;
      content = xml.slice(end, found ? found.index : dataEnd);
      tags.lastIndex = cellEnd;
    }
    const at = attributes.r === undefined ? 0 : referenceColumn(attributes.r);
    column = at > 0 ? at : column + 1;
    if (rowTag) rowCells.push({ column, start: m.index, end: cellEnd, empty: !HOLDS_SOMETHING.test(content) });
  }
  if (!rowTag) return xml.slice(0, dataEnd) + rowXml + xml.slice(dataEnd);
  const rowStart = withSpans(xml.slice(rowTag.start, rowTag.end), first, last);
  if (rowTag.closed) return `${xml.slice(0, rowTag.start)}${rowStart.slice(0, -2)}>${markup}</${prefix}row>${xml.slice(rowTag.end)}`;

  const inside = rowCells.filter((c) => c.column >= first && c.column <= last);
  const taken = inside.find((c) => !c.empty);
  if (taken) throw new FileProblem(`already holds something in cell ${a1(row, taken.column - 1)}, where the timeline would go`);
  const after = rowCells.find((c) => c.column > last);
  // After the row's cells (the usual case), else before the first cell to the right of the new ones, in place of
  // any cell in their columns that held formatting alone.
  let at: number;
  if (inside.length === 0 && !after) {
    ROW_END.lastIndex = rowCells[rowCells.length - 1]?.end ?? rowTag.end;
    at = ROW_END.exec(xml)?.index ?? dataEnd;
  } else {
    at = (inside[0] ?? after)!.start;
  }
  const until = inside.length > 0 ? inside[inside.length - 1]!.end : at;
  return xml.slice(0, rowTag.start) + rowStart + xml.slice(rowTag.end, at) + markup + xml.slice(until);
}

const SPANS = /(\sspans=")([^"]*)"/;

/** A row's start tag with its `spans` (columns, 1-based: "1:5", or several ranges) widened to columns first..last. */
function withSpans(tag: string, first: number, last: number): string {
  const spans = SPANS.exec(tag);
  if (!spans) return tag;
  // A loop, not Math.min(...bounds): a hostile row may list more ranges than a call takes arguments.
  let from = first;
  let to = last;
  for (const n of spans[2]!.split(/[\s:]+/).map(Number)) {
    if (!Number.isInteger(n) || n < 1) continue;
    from = Math.min(from, n);
    to = Math.max(to, n);
  }
  return `${tag.slice(0, spans.index)}${spans[1]}${from}:${to}"${tag.slice(spans.index + spans[0].length)}`;
}

const DIMENSION = /(<(?:[\w.-]+:)?dimension\b[^>]*?\sref=")([^"]*)"/;

/** The sheet's `<dimension ref>` widened to take in cells first..last (0-based) of `row`; as it was when it has none it can read. */
function withDimension(xml: string, row: number, first: number, last: number): string {
  const found = DIMENSION.exec(xml);
  const area = found && parseAreaAddress(found[2]!);
  if (!found || !area) return xml;
  const ref = `${a1(Math.min(area.top, row), Math.min(area.left, first))}:${a1(Math.max(area.bottom, row), Math.max(area.right, last))}`;
  return `${xml.slice(0, found.index)}${found[1]}${ref}"${xml.slice(found.index + found[0].length)}`;
}
