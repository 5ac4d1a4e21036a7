import { dateFromExcelSerial, isoDate } from "../dates";
import { isErrorValue, type CellValue, type SheetGrid } from "../grid";
import { isDateFormat, isPercentFormat } from "../number-formats";
import type { Draft } from "./drafts";

/**
 * What an activity's rows hold in an attribute column (owner, status, evidence, resources, notes, step, other
 * headed columns: README, "How it reads your grid"), joined; null when the column is absent or empty.
 */
export function attribute(grid: SheetGrid, draft: Draft, column: number | undefined | null): string | null {
  if (column === undefined || column === null) return null;
  let text: string | null = null;
  for (const r of draft.rows) {
    if (grid.anchorRow(r, column) !== r) continue;
    const v = grid.value(r, column);
    if (v === null || isErrorValue(v)) continue;
    const s = attributeText(v, grid.format(r, column), grid.date1904);
    if (s !== "") text = text === null ? s : `${text} ${s}`;
  }
  return text;
}

/** An attribute cell as the sheet shows it: percentages as `50%`, dates as `2023-12-15`, not as bare numbers. */
export function attributeText(value: CellValue, format: string | null, date1904: boolean): string {
  if (typeof value === "number") {
    if (isPercentFormat(format)) return `${Math.round(value * 100)}%`;
    if (isDateFormat(format)) {
      const d = dateFromExcelSerial(value, date1904);
      if (d) return isoDate(d.year, d.month, d.day);
    }
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value).trim();
}
