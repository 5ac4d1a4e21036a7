import { cellAddress } from "../address";
import type { SheetReport } from "../analyze";
import { compareFindings, type Finding } from "../findings";
import { STORE_SHEET } from "../settings-store";
import { changesBetween, type Changes } from "./changes";
import { compareSnapshots, HISTORY_RULE, makeSnapshot, sameRefresh, SNAPSHOT_VERSION, SnapshotSchema, type Snapshot } from "./snapshot";

/**
 * The monitoring history in the add-in's hidden data sheet, below its settings: a notice on row 21, then one row per
 * snapshot from row 22, its JSON in column B (continued on the rows under it when longer than a cell should hold).
 *
 * How much is kept (per plan sheet, then for the whole workbook):
 *  - the RECENT most recent snapshots, and before them the last one of each month, for MONTHLY months: a committee
 *    compares with its last meetings, and a multi-year plan's trend is read month by month;
 *  - each snapshot's activities and findings (what "what changed" needs) as far as DETAIL_BUDGET characters go,
 *    newest first; older snapshots keep their totals and goals (what the trend needs);
 *  - at most BUDGET characters in all, the oldest dropped first: the history is read in one request and written in
 *    one, far under Excel's 5 MB per request and response.
 */
export const HISTORY_NOTICE_ROW = 20;
export const HISTORY_FIRST_ROW = 21;
export const RECENT = 24;
export const MONTHLY = 60;
export const DETAIL_BUDGET = 900_000;
export const BUDGET = 1_000_000;
/** Characters of JSON in one cell (Excel holds 32,767). */
export const CHUNK = 30_000;
/** Rows of history a host reads at most: far more than the budget's chunks and snapshots take. */
export const MAX_HISTORY_ROWS = 2_000;

const NOTICE = "Monitoring history: one snapshot per refresh (Milestone Monitor reads and writes these rows; clear them from its Settings tab).";
const FIRST = "snapshot";
const MORE = "snapshot (continued)";

/** The history as read from a workbook: the snapshots it could read, and a finding for each it could not. */
export interface History {
  snapshots: Snapshot[];
  findings: Finding[];
}

export const EMPTY_HISTORY: History = { snapshots: [], findings: [] };

/** The rows of the history, from HISTORY_NOTICE_ROW down; every cell is text. */
export function historyRows(snapshots: Snapshot[]): string[][] {
  if (snapshots.length === 0) return [];
  const rows: string[][] = [[NOTICE, ""]];
  for (const s of snapshots) {
    const json = JSON.stringify(s);
    let start = 0;
    while (start < json.length) {
      let end = Math.min(json.length, start + CHUNK);
      // Never between the two halves of a character outside the Basic Multilingual Plane.
      const last = json.charCodeAt(end - 1);
      if (end < json.length && last >= 0xd800 && last <= 0xdbff) end--;
      rows.push([start === 0 ? FIRST : MORE, json.slice(start, end)]);
      start = end;
    }
  }
  return rows;
}

/** The finding for a snapshot of the history (on sheet row `row`, 0-based) that cannot be read. */
export function unreadableSnapshot(row: number, reason: string): Finding {
  return {
    rule: HISTORY_RULE,
    severity: "warning",
    message:
      `A snapshot of the monitoring history (row ${row + 1} of the add-in's hidden data sheet) cannot be read: ${reason}. ` +
      "It is left out of the changes and the trend, and the next refresh removes it.",
    cell: cellAddress(STORE_SHEET, row, 1),
  };
}

/**
 * Reads the history back from the store sheet's rows (`rows[0]` is the sheet's row `top`, 0-based). A snapshot that
 * was edited or broken by hand is left out with a finding; nothing in the rows can make this throw.
 */
export function readHistory(rows: readonly (readonly unknown[])[], top = 0): History {
  const snapshots: Snapshot[] = [];
  const findings: Finding[] = [];
  let open: { row: number; text: string } | null = null;
  const close = (): void => {
    if (!open) return;
    const { row, text } = open;
    open = null;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      findings.push(unreadableSnapshot(row, "its text is not the JSON the add-in wrote"));
      return;
    }
    const version = typeof value === "object" && value !== null ? (value as { version?: unknown }).version : undefined;
    if (typeof version === "number" && version > SNAPSHOT_VERSION) {
      findings.push(unreadableSnapshot(row, `it was written by a newer version of Milestone Monitor (snapshot version ${version})`));
      return;
    }
    const parsed = SnapshotSchema.safeParse(value);
    if (parsed.success) snapshots.push(parsed.data);
    else findings.push(unreadableSnapshot(row, `${parsed.error.issues[0]?.path.join(".") || "its content"} is not as the add-in wrote it`));
  };
  rows.forEach((cells, i) => {
    const row = top + i;
    if (row < HISTORY_FIRST_ROW) return;
    const key = cells[0];
    const value = cells[1];
    const text = typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : "";
    if (key === FIRST) {
      close();
      open = { row, text };
    } else if (key === MORE && open !== null) {
      (open as { text: string }).text += text;
    } else if (key === MORE) {
      findings.push(unreadableSnapshot(row, "it continues a snapshot that is not above it"));
    } else {
      close();
    }
  });
  close();
  return { snapshots: snapshots.sort(compareSnapshots), findings };
}

/** What the retention rule keeps of the snapshots (see the top of this file), in time order. */
export function keepHistory(snapshots: readonly Snapshot[]): Snapshot[] {
  const kept: Snapshot[] = [];
  const sheets = new Map<string, Snapshot[]>();
  for (const s of snapshots) {
    const list = sheets.get(s.sheet);
    if (list) list.push(s);
    else sheets.set(s.sheet, [s]);
  }
  for (const list of sheets.values()) {
    list.sort(compareSnapshots);
    const recent = list.slice(-RECENT);
    const older = list.slice(0, Math.max(0, list.length - RECENT));
    // The last snapshot of each month before the recent ones, for the MONTHLY latest months.
    const lastOfMonth = new Map<string, Snapshot>();
    for (const s of older) lastOfMonth.set(s.asOf.slice(0, 7), s);
    kept.push(...[...lastOfMonth.values()].slice(-MONTHLY), ...recent);
  }
  // Detail newest first, as far as its budget goes; then the whole within its budget, the oldest dropped first.
  const newestFirst = kept.sort(compareSnapshots).reverse();
  let detail = 0;
  let total = 0;
  const out: Snapshot[] = [];
  for (const s of newestFirst) {
    let size = JSON.stringify(s).length;
    let snapshot = s;
    if (s.detail) {
      if (detail + size <= DETAIL_BUDGET) detail += size;
      else {
        const { detail: _dropped, ...rest } = s;
        void _dropped;
        snapshot = rest;
        size = JSON.stringify(snapshot).length;
      }
    }
    if (total + size > BUDGET) break;
    total += size;
    out.push(snapshot);
  }
  return out.reverse();
}

/** The snapshots of one sheet, in time order. */
export function sheetHistory(history: History, sheet: string): Snapshot[] {
  return history.snapshots.filter((s) => s.sheet === sheet);
}

/**
 * The snapshot a refresh recognises activities from: the latest with activities of the same sheet, other than one
 * of the same refresh (which that refresh replaces: refreshing twice keeps what refreshing once did).
 */
export function previousSnapshot(history: History, refresh: { sheet: string; asOf: string; day: string }): Snapshot | null {
  const list = sheetHistory(history, refresh.sheet).filter((s) => s.detail && !sameRefresh(s, refresh));
  return list[list.length - 1] ?? null;
}

/** The report as a snapshot of the refresh it is, its activities recognised from the history. */
export function currentSnapshot(history: History, report: SheetReport, when: { at: string; day: string }): Snapshot {
  const previous = previousSnapshot(history, { sheet: report.sheet, asOf: report.summary.asOf, day: when.day });
  return makeSnapshot(report, { ...when, previous });
}

/**
 * A refresh kept: its snapshot replaces one of the same refresh (same sheet, as-of day and day), the retention rule
 * is applied, and a snapshot that could not be read is dropped (its finding said so).
 */
export function recordRefresh(history: History, snapshot: Snapshot): Snapshot[] {
  return keepHistory([...history.snapshots.filter((s) => !sameRefresh(s, snapshot)), snapshot]);
}

/**
 * The snapshot a review is compared with: by default the latest judged before `asOf` (the last review); with `since`,
 * the latest judged on or before that day ("since the October meeting").
 */
export function reviewSnapshot(history: History, sheet: string, asOf: string, since?: string | null): Snapshot | null {
  const list = sheetHistory(history, sheet).filter((s) => (since ? s.asOf <= since : s.asOf < asOf));
  return list[list.length - 1] ?? null;
}

/**
 * What changed since a review (the last one before the report's day, or the last on or before `since`): the report
 * as the snapshot its refresh would keep, compared with the review's. Null when the history holds no such review.
 */
export function changesSince(history: History, report: SheetReport, when: { at: string; day: string }, since?: string | null): Changes | null {
  const review = reviewSnapshot(history, report.sheet, report.summary.asOf, since);
  return review ? changesBetween(review, currentSnapshot(history, report, when)) : null;
}

/** The report with the history's findings among its own (sorted, and counted in its summary). */
export function withHistoryFindings(report: SheetReport, history: History): SheetReport {
  if (history.findings.length === 0) return report;
  const findings = [...report.findings, ...history.findings].sort(compareFindings);
  const counts = { ...report.summary.findings };
  for (const f of history.findings) counts[f.severity]++;
  return { ...report, findings, summary: { ...report.summary, findings: counts } };
}
