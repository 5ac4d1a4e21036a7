import type ExcelJS from "exceljs";
import { HISTORY_NOTICE_ROW } from "../core/history/store";
import { STORE_SHEET } from "../core/settings-store";

/**
 * The add-in's very hidden data sheet in the refreshed copy, as the add-in writes it: its settings rows from A1 and
 * the monitoring history's rows from row 21, every cell text. The sheet is made anew, so a refresh written twice
 * leaves what once did.
 */
export function writeStoreSheet(wb: ExcelJS.Workbook, settingsRows: string[][], historyRows: string[][]): void {
  const old = wb.getWorksheet(STORE_SHEET);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(STORE_SHEET, { state: "veryHidden" });
  const put = (rows: string[][], top: number): void =>
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        const cell = ws.getCell(top + r + 1, c + 1);
        cell.value = value;
        cell.numFmt = "@";
      }),
    );
  put(settingsRows, 0);
  put(historyRows, HISTORY_NOTICE_ROW);
}
