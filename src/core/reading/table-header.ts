import type { SheetGrid } from "../grid";
import { namesActionColumn, roleOfHeader, type ColumnRole } from "./columns";

/** An action-plan table's header row (docs/product.md, "Action-plan tables"): the top of a table block. */
export interface TableHeader {
  row: number;
  /** A hint row right under the header (`Who, What, How?` / `When?`): not an activity. */
  hintRow: number | null;
}

/** Roles that make a row of headers an action-plan table's, beside its action column. */
const TABLE_ROLES = new Set<ColumnRole>(["timing", "start", "end", "level", "followUp"]);
/** Roles any list of work has: with no timeline anywhere on the sheet, an action column and one of these make a table. */
const ATTRIBUTE_ROLES = new Set<ColumnRole>(["owner", "status", "evidence", "resources", "notes", "step"]);

/** A header cell is a name of a few words (at most six), not a sentence. */
function isName(text: string): boolean {
  return text.length <= 60 && !SEVEN_WORDS.test(text);
}

const SEVEN_WORDS = /^\s*(?:\S+\s+){6}\S/;

/** The roles a row's text cells name, or null when some text cell names none or the row is too short to be a header. */
function rowRoles(grid: SheetGrid, row: number): ColumnRole[] | null {
  const values = grid.rowValues(row);
  // Most rows are a plan's own lines: no cell there names an action column in a few words, and no regex runs on the rest.
  let action = false;
  let numbers = 0;
  for (const v of values) {
    // Numbers across a header are periods that failed to read as dates (a grid's broken timeline), not columns.
    if (typeof v === "number" && ++numbers >= 3) return null;
    if (typeof v === "string" && v.length > 1 && v.length <= 60 && !action && namesActionColumn(v) && isName(v)) action = true;
  }
  if (!action) return null;
  const roles: ColumnRole[] = [];
  let texts = 0;
  for (const v of values) {
    if (typeof v !== "string" || v.trim() === "") continue;
    if (!isName(v)) return null;
    texts++;
    const role = roleOfHeader(v);
    if (role !== null) roles.push(role);
  }
  // Every cell a known column, or three or more with at most as many unknown: a data row rarely names so many.
  return texts >= 2 && roles.length >= 2 && (roles.length === texts || (roles.length >= 3 && roles.length * 2 >= texts)) ? roles : null;
}

/** A hint row: every text cell a question (`Who, What, How?`, `When?`, `What is needed?`). */
export function isHintRow(grid: SheetGrid, row: number): boolean {
  let questions = 0;
  for (const v of grid.rowValues(row)) {
    if (v === null || (typeof v === "string" && v.trim() === "")) continue;
    if (typeof v !== "string" || !v.trim().endsWith("?")) return false;
    questions++;
  }
  return questions > 0;
}

/**
 * Every action-plan table header of a sheet, top to bottom, outside the timeline headers (`timelineRows`): a row
 * naming an action column ("Action Step", "Activity", "Initial Activity" ...) and a timing, level or follow-up
 * column; on a sheet without a timeline, an action column and any other known column will do.
 */
export function findTableHeaders(grid: SheetGrid, timelineRows: ReadonlySet<number>): TableHeader[] {
  const headers: TableHeader[] = [];
  for (let r = grid.top; r <= grid.bottom; r++) {
    if (timelineRows.has(r)) continue;
    const roles = rowRoles(grid, r);
    if (!roles?.includes("label")) continue;
    const table = roles.some((role) => TABLE_ROLES.has(role)) || (timelineRows.size === 0 && roles.some((role) => ATTRIBUTE_ROLES.has(role)));
    if (!table) continue;
    const hintRow = r + 1 <= grid.bottom && isHintRow(grid, r + 1) ? r + 1 : null;
    headers.push({ row: r, hintRow });
    if (hintRow !== null) r++;
  }
  return headers;
}
