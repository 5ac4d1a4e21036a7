import { HISTORY_NOTICE_ROW, historyRows } from "../core/history/store";
import type { Snapshot } from "../core/history/snapshot";
import { STORE_SHEET, storeRows, type StoredState } from "../core/settings-store";
import type { SheetWrite, WriteCell } from "../core/writes";

/**
 * The add-in's very hidden data sheet in a refreshed copy, as the add-in leaves it after a refresh: its settings rows
 * from A1 (core's storeRows) and the monitoring history's rows from row HISTORY_NOTICE_ROW + 1 (core's historyRows),
 * every cell text. The copy writes the sheet anew, so a refresh written twice leaves what once did.
 */
export function storeSheet(state: StoredState, snapshots: Snapshot[]): SheetWrite {
  const cells = (row: string[]): (WriteCell | null)[] => row.map((text) => (text === "" ? null : { value: { kind: "text", text } }));
  const rows = storeRows(state).map(cells);
  const history = historyRows(snapshots);
  if (history.length > 0) {
    while (rows.length < HISTORY_NOTICE_ROW) rows.push([]);
    rows.push(...history.map(cells));
  }
  return { name: STORE_SHEET, rows, columnWidths: [], freezeRows: 0 };
}
