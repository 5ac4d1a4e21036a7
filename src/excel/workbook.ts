import { a1, localCell, parseCellAddress } from "../core/address";
import { hasPlan, holdsTheoryOnly, THEORY_ONLY, theoryOfSheets, type SheetReport } from "../core/analyze";
import { WHAT_IT_READS } from "../core/reading/read-plan";
import type { Fix } from "../core/findings";
import type { Settings } from "../core/settings";
import { defaultStore, readStore, storeRows, STORE_SHEET, type StoredState } from "../core/settings-store";
import { CELL_LOOKS, describeWrites, OWN_SHEETS } from "../core/writes";
import { describeAddTimeline } from "../core/add-timeline";
import { formattingReachesTooFar, type CellValue, type Grid } from "../core/grid";
import { changesBetween, type Changes } from "../core/history/changes";
import type { Snapshot } from "../core/history/snapshot";
import {
  currentSnapshot,
  EMPTY_HISTORY,
  HISTORY_FIRST_ROW,
  HISTORY_NOTICE_ROW,
  historyRows,
  MAX_HISTORY_ROWS,
  readHistory,
  recordRefresh,
  reviewSnapshot,
  unreadableSnapshot,
  withHistoryFindings,
  type History,
} from "../core/history/store";
import { trendOf } from "../core/history/trend";
import { detectCapabilities, type Capabilities } from "./capabilities";
import { isPayloadLimitError, UserFacingError } from "./errors";
import { loadConditionalFormats, ownFlags, queueFlags } from "./flags";
import { readSheetGrid, type UsedArea } from "./read-sheet";
import { engineReport } from "./reuse-report";
import { WriteBatch } from "./write-batch";
import { writeSheetContent } from "./write-sheet";
import { localToday } from "../core/dates";

/** What the add-in learns about the workbook before doing anything. */
export interface WorkbookState {
  sheets: string[];
  activeSheet: string;
  /** The sheet the add-in reads: the one saved by the last refresh, else the active sheet (never one of its own). */
  planSheet: string | null;
  stored: StoredState;
  capabilities: Capabilities;
}

export interface AnalysisResult {
  /** The sheet's report, with a finding for each snapshot of the history that could not be read. */
  report: SheetReport;
  stored: StoredState;
  /** The monitoring history the workbook keeps (every sheet's). */
  history: History;
  syncs: number;
}

export interface RefreshResult extends AnalysisResult {
  flagged: number;
  rules: number;
  /** This refresh's snapshot, and what changed since the review before it (null on the first refresh kept). */
  snapshot: Snapshot;
  changes: Changes | null;
}

interface Meta {
  sheets: Excel.WorksheetCollection;
  active: Excel.Worksheet;
  store: Excel.Worksheet;
}

function queueMeta(context: Excel.RequestContext): Meta {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/position,items/visibility");
  const active = sheets.getActiveWorksheet();
  active.load("name");
  const store = sheets.getItemOrNullObject(STORE_SHEET);
  store.load("name");
  return { sheets, active, store };
}

function storeRange(store: Excel.Worksheet): Excel.Range {
  return store.getRange("A1:B20");
}

function parseStoreValues(range: Excel.Range | null): StoredState {
  return range ? readStore(range.values as unknown[][]) : defaultStore();
}

function isOwn(name: string): boolean {
  return OWN_SHEETS.includes(name);
}

/** The sheets, the active one, the saved settings: two syncs. */
export async function loadWorkbookState(): Promise<WorkbookState> {
  return Excel.run(async (context) => {
    const meta = queueMeta(context);
    await context.sync();
    let range: Excel.Range | null = null;
    if (!meta.store.isNullObject) {
      range = storeRange(meta.store);
      range.load("values");
      await context.sync();
    }
    const stored = parseStoreValues(range);
    const sheets = meta.sheets.items.filter((s) => !isOwn(s.name) && s.visibility === "Visible").map((s) => s.name);
    const planSheet =
      stored.planSheet && sheets.includes(stored.planSheet) ? stored.planSheet : !isOwn(meta.active.name) ? meta.active.name : (sheets[0] ?? null);
    return { sheets, activeSheet: meta.active.name, planSheet, stored, capabilities: detectCapabilities() };
  });
}

interface ReadSession {
  /** The sheet's report as the engine made it (without the history's findings). */
  report: SheetReport;
  stored: StoredState;
  history: History;
  /** Rows of the store sheet in use (0 when there is none): how far the history written before reaches. */
  storeRows: number;
  storeExists: boolean;
  sheetName: string;
  sheet: Excel.Worksheet;
  meta: Meta;
  conditionalFormats: Excel.ConditionalFormatCollection;
  /** The last column (0-based) of the sheet's used area. */
  right: number;
  syncs: number;
}

/**
 * Reads the plan sheet (named, else the saved plan sheet when the active sheet is the add-in's own, else the active
 * sheet) and runs the engine on it: metadata in the first sync, then the sheet in row blocks.
 */
async function readAndAnalyze(
  context: Excel.RequestContext,
  options: { sheet?: string; asOf: string; settings?: Settings; forWriting: boolean; theory?: boolean },
  caps: Capabilities,
): Promise<ReadSession> {
  const meta = queueMeta(context);
  // The sheet to read is queued with the metadata: the named one, else the active one.
  const queueTarget = (target: Excel.Worksheet) => {
    target.load("name");
    target.protection.load("protected");
    const usedValues = target.getUsedRangeOrNullObject(true);
    usedValues.load("rowIndex,columnIndex,rowCount,columnCount");
    const usedAll = target.getUsedRangeOrNullObject(false);
    usedAll.load("rowIndex,columnIndex,rowCount,columnCount");
    return { sheet: target, usedValues, usedAll, conditionalFormats: loadConditionalFormats(target) };
  };
  let target = queueTarget(options.sheet ? context.workbook.worksheets.getItemOrNullObject(options.sheet) : meta.active);
  await context.sync();
  let syncs = 1;
  let storeValues: Excel.Range | null = null;
  let storeUsed: Excel.Range | null = null;
  const queueStore = (): void => {
    if (!meta.store.isNullObject) {
      storeValues = storeRange(meta.store);
      storeValues.load("values");
      storeUsed = meta.store.getUsedRangeOrNullObject(true);
      storeUsed.load("rowIndex,rowCount");
    }
  };

  if (options.sheet && target.sheet.isNullObject) {
    throw new UserFacingError(`There is no sheet named "${options.sheet}" in this workbook.`, "no-sheet");
  }
  if (!options.sheet && isOwn(meta.active.name)) {
    // The active sheet is the add-in's own summary or plan: the store says which sheet holds the plan.
    queueStore();
    await context.sync();
    syncs++;
    const saved = parseStoreValues(storeValues).planSheet;
    if (!saved || !meta.sheets.items.some((s) => s.name === saved)) {
      throw new UserFacingError(`"${meta.active.name}" is the add-in's own sheet. Open the sheet that holds your plan's timeline, then try again.`, "no-sheet");
    }
    storeValues = null;
    target = queueTarget(context.workbook.worksheets.getItem(saved));
    await context.sync();
    syncs++;
  }
  const { sheet, usedValues, usedAll, conditionalFormats } = target;
  const sheetName = sheet.name;
  if (isOwn(sheetName)) throw new UserFacingError(`"${sheetName}" is the add-in's own sheet, not a plan.`, "no-sheet");

  if (options.forWriting && sheet.protection.protected) {
    throw new UserFacingError(
      `"${sheetName}" is protected, so the add-in cannot flag its cells. Unprotect it (Review > Unprotect Sheet) and refresh again. Nothing was changed.`,
      "protected",
    );
  }
  if (usedValues.isNullObject) {
    throw new UserFacingError(`"${sheetName}" is empty. ${WHAT_IT_READS}`, "no-timeline");
  }
  const used = usedArea(usedValues, usedAll.isNullObject ? null : usedAll);
  // The other sheets' extents come with the first block: a small one may hold the workbook's theory of action.
  let others: { sheet: Excel.Worksheet; used: Excel.Range }[] = [];
  const queueOthers = (): void => {
    if (!options.theory) return;
    others = meta.sheets.items
      .filter((s) => s.visibility === "Visible" && !isOwn(s.name) && s.name !== sheetName)
      .map((s) => {
        const extent = s.getUsedRangeOrNullObject(true);
        extent.load("rowIndex,columnIndex,rowCount,columnCount");
        return { sheet: s, used: extent };
      });
  };
  const alsoInFirstSync = (): void => {
    queueStore();
    queueOthers();
  };
  const { grid, syncs: readSyncs } = await readSheetGrid(context, sheet, sheetName, used, { capabilities: caps, alsoInFirstSync });
  syncs += readSyncs;
  const stored = parseStoreValues(storeValues);
  const storeExtent = storeUsed as Excel.Range | null;
  const storeRows = storeExtent && !storeExtent.isNullObject ? storeExtent.rowIndex + storeExtent.rowCount : 0;
  const history = await readStoredHistory(context, meta.store, storeRows);
  if (history.synced) syncs++;
  const settings = options.settings ?? stored.settings;
  const theorySheets = await readTheorySheets(context, others);
  if (theorySheets.synced) syncs++;
  const theory = theoryOfSheets(theorySheets.grids, { settings, asOf: options.asOf });
  const report = engineReport({ grid, settings, asOf: options.asOf, theory });
  const right = used.columnIndex + used.columnCount - 1;
  return { report, stored: { ...stored, settings }, history: history.history, storeRows, storeExists: !meta.store.isNullObject, sheetName, sheet, meta, conditionalFormats, right, syncs };
}

/**
 * The history below the settings in the store sheet, in one sync of its own (it can be up to a megabyte: not with
 * the plan's first block). A history Excel cannot send is a finding, not a failed refresh.
 */
async function readStoredHistory(context: Excel.RequestContext, store: Excel.Worksheet, storeRows: number): Promise<{ history: History; synced: boolean }> {
  if (storeRows <= HISTORY_FIRST_ROW) return { history: EMPTY_HISTORY, synced: false };
  const rows = Math.min(storeRows - HISTORY_FIRST_ROW, MAX_HISTORY_ROWS);
  const range = store.getRangeByIndexes(HISTORY_FIRST_ROW, 0, rows, 2);
  range.load("values");
  try {
    await context.sync();
  } catch (e) {
    if (!isPayloadLimitError(e)) throw e;
    return { history: { snapshots: [], findings: [unreadableSnapshot(HISTORY_FIRST_ROW, "the history is too large for Excel to send")] }, synced: true };
  }
  return { history: readHistory(range.values as unknown[][], HISTORY_FIRST_ROW), synced: true };
}


/** A sheet read for a theory of action holds at most this many cells, and all of them together this many: a theory is a page of text. */
const THEORY_SHEET_CELLS = 20_000;
const THEORY_CELLS_IN_ALL = 100_000;

/**
 * The values of the other sheets small enough to hold a theory of action (a page of statements, not a plan of
 * thousands of rows), in one sync; none when no sheet is that small.
 */
async function readTheorySheets(context: Excel.RequestContext, others: { sheet: Excel.Worksheet; used: Excel.Range }[]): Promise<{ grids: Grid[]; synced: boolean }> {
  let cells = 0;
  const reads: { name: string; top: number; left: number; range: Excel.Range }[] = [];
  for (const { sheet, used } of others) {
    if (used.isNullObject) continue;
    const size = used.rowCount * used.columnCount;
    if (size > THEORY_SHEET_CELLS || cells + size > THEORY_CELLS_IN_ALL) continue;
    cells += size;
    const range = sheet.getRangeByIndexes(used.rowIndex, used.columnIndex, used.rowCount, used.columnCount);
    range.load("values");
    reads.push({ name: sheet.name, top: used.rowIndex, left: used.columnIndex, range });
  }
  if (reads.length === 0) return { grids: [], synced: false };
  await context.sync();
  return { grids: reads.map((r) => ({ sheet: r.name, top: r.top, left: r.left, values: r.range.values as CellValue[][] })), synced: true };
}

/** The used area: the cells with values, widened to formatted cells (Gantt bars without text) when that stays sensible. */
function usedArea(values: Excel.Range, all: Excel.Range | null): UsedArea {
  const v = { rowIndex: values.rowIndex, columnIndex: values.columnIndex, rowCount: values.rowCount, columnCount: values.columnCount };
  if (!all) return v;
  const a = { rowIndex: all.rowIndex, columnIndex: all.columnIndex, rowCount: all.rowCount, columnCount: all.columnCount };
  return formattingReachesTooFar(v, a) ? v : a;
}

/** Reads and checks the plan sheet without writing anything. */
export async function analyzeWorkbook(options: { sheet?: string; asOf: string; settings?: Settings }): Promise<AnalysisResult> {
  const caps = detectCapabilities();
  return Excel.run(async (context) => {
    const session = await readAndAnalyze(context, { ...options, forWriting: false, theory: true }, caps);
    return { report: withHistoryFindings(session.report, session.history), stored: session.stored, history: session.history, syncs: session.syncs };
  });
}

/**
 * "Add a timeline": month columns for the plan's school year, written as text into the empty columns right of a plan
 * that says nothing about when its steps happen (or a sheet of the add-in's that lists the steps under them). Nothing
 * the user typed moves or changes; a plan that already has a timeline is left as it is.
 */
export async function addTimelineColumns(options: { sheet?: string; asOf: string; settings?: Settings }): Promise<{ added: boolean; message: string; syncs: number }> {
  const caps = detectCapabilities();
  return Excel.run(async (context) => {
    const session = await readAndAnalyze(context, { ...options, forWriting: true }, caps);
    const addition = describeAddTimeline(session.report, session.right);
    if (addition.kind === "already" || addition.kind === "no-plan") return { added: false, message: addition.message, syncs: session.syncs };
    let syncs = session.syncs;
    const sync = async (): Promise<void> => {
      await context.sync();
      syncs++;
    };
    if (addition.kind === "sheet") {
      const ws = context.workbook.worksheets.add(addition.sheet.name);
      await writeSheetContent(ws, addition.sheet, new WriteBatch(sync));
      await sync();
      return { added: true, message: addition.message, syncs };
    }
    const header = session.sheet.getRangeByIndexes(addition.row, addition.column, 1, addition.labels.length);
    header.numberFormat = [addition.labels.map(() => "@")];
    header.values = [addition.labels];
    const look = CELL_LOOKS.header;
    header.format.font.bold = look.bold ?? false;
    if (look.fill) header.format.fill.color = look.fill;
    await sync();
    return { added: true, message: addition.message, syncs };
  });
}

/**
 * "Refresh status": reads the plan sheet, flags overdue and current marks, rebuilds the summary and plan sheets and
 * saves the settings, this refresh and its snapshot (the monitoring history) in the add-in's own hidden sheet.
 * Refreshing twice on one day as of one day leaves what refreshing once did. Nothing is written when the sheet is
 * protected or holds no timeline.
 */
export async function refreshStatus(options: { sheet?: string; asOf: string; settings?: Settings; now?: () => Date }): Promise<RefreshResult> {
  const caps = detectCapabilities();
  return Excel.run(async (context) => {
    const session = await readAndAnalyze(context, { ...options, forWriting: true, theory: true }, caps);
    const { report, sheet, sheetName, meta } = session;
    if (holdsTheoryOnly(report)) throw new UserFacingError(`"${sheetName}" ${THEORY_ONLY}. Choose a plan sheet to refresh.`, "no-timeline");
    if (!hasPlan(report)) throw new UserFacingError(`No plan found on "${sheetName}". ${WHAT_IT_READS}`, "no-timeline");
    let syncs = session.syncs;
    const sync = async (): Promise<void> => {
      await context.sync();
      syncs++;
    };
    const batch = new WriteBatch(sync);

    const now = (options.now ?? (() => new Date()))();
    const snapshot = currentSnapshot(session.history, report, { at: now.toISOString(), day: localToday(now) });
    const review = reviewSnapshot(session.history, sheetName, options.asOf);
    const changes = review ? changesBetween(review, snapshot) : null;
    const history: History = { snapshots: recordRefresh(session.history, snapshot), findings: [] };
    const shown = withHistoryFindings(report, session.history);
    const writes = describeWrites([shown], [{ changes, trend: trendOf(history.snapshots, sheetName) }]);
    context.application.suspendApiCalculationUntilNextSync();
    if (caps.cellProperties) context.application.suspendScreenUpdatingUntilNextSync();

    for (const cf of ownFlags(session.conditionalFormats)) cf.delete();
    const rules = await queueFlags(sheet, sheetName, writes.flags, caps, batch);

    const positions = new Map(meta.sheets.items.map((s) => [s.name, s.position]));
    for (const own of [writes.summary, writes.plan]) {
      // Rebuilt from scratch each time (a stale row or chart can never survive), in the place it had.
      const position = positions.get(own.name);
      if (position !== undefined) context.workbook.worksheets.getItem(own.name).delete();
      const ws = context.workbook.worksheets.add(own.name);
      if (position !== undefined) ws.position = position;
      await writeSheetContent(ws, own, batch);
    }

    const stored: StoredState = {
      settings: session.stored.settings,
      planSheet: sheetName,
      lastRefresh: {
        asOf: options.asOf,
        at: now.toISOString(),
        sheet: sheetName,
        totals: report.summary.totals,
        flagged: writes.flags.length,
      },
    };
    const store = queueStoreWrite(context, stored, session.storeExists);
    await queueHistoryWrite(store, historyRows(history.snapshots), session.storeRows, batch);
    await sync();
    return { report: shown, stored, history, syncs, flagged: writes.flags.length, rules, snapshot, changes };
  });
}

function queueStoreWrite(context: Excel.RequestContext, state: StoredState, exists: boolean): Excel.Worksheet {
  const store = exists ? context.workbook.worksheets.getItem(STORE_SHEET) : context.workbook.worksheets.add(STORE_SHEET);
  if (!exists) store.visibility = "VeryHidden";
  const rows = storeRows(state);
  store.getRange("A1:B20").clear("Contents");
  const range = store.getRangeByIndexes(0, 0, rows.length, 2);
  range.numberFormat = rows.map((r) => r.map(() => "@"));
  range.values = rows;
  return store;
}

/**
 * Writes the history's rows below the settings (as text), after clearing the rows the history had (`storeRows`):
 * in pieces each reserved in the batch, so that no request goes over its budget.
 */
async function queueHistoryWrite(store: Excel.Worksheet, rows: string[][], storeRows: number, batch: WriteBatch): Promise<void> {
  if (storeRows > HISTORY_NOTICE_ROW) store.getRangeByIndexes(HISTORY_NOTICE_ROW, 0, storeRows - HISTORY_NOTICE_ROW, 2).clear("Contents");
  let start = 0;
  while (start < rows.length) {
    let bytes = 0;
    let end = start;
    while (end < rows.length && (end === start || bytes + rows[end]![1]!.length * 2 < batch.budget / 2)) bytes += rows[end++]![1]!.length * 2 + 64;
    await batch.reserve(bytes);
    const range = store.getRangeByIndexes(HISTORY_NOTICE_ROW + start, 0, end - start, 2);
    range.numberFormat = rows.slice(start, end).map(() => ["@", "@"]);
    range.values = rows.slice(start, end);
    start = end;
  }
}

/** Clears the monitoring history (every sheet's): the settings and the last refresh stay. */
export async function clearHistory(): Promise<{ removed: number }> {
  return Excel.run(async (context) => {
    const store = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET);
    await context.sync();
    if (store.isNullObject) return { removed: 0 };
    const used = store.getUsedRangeOrNullObject(true);
    used.load("rowIndex,rowCount");
    await context.sync();
    const storeRows = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
    const { history } = await readStoredHistory(context, store, storeRows);
    if (storeRows > HISTORY_NOTICE_ROW) store.getRangeByIndexes(HISTORY_NOTICE_ROW, 0, storeRows - HISTORY_NOTICE_ROW, 2).clear("Contents");
    await context.sync();
    return { removed: history.snapshots.length + history.findings.length };
  });
}

/** Removes the add-in's flags from the plan sheet: the user's own formats and conditional formats stay as they were. */
export async function clearFlags(options: { sheet?: string } = {}): Promise<{ removed: number }> {
  return Excel.run(async (context) => {
    const sheet = options.sheet ? context.workbook.worksheets.getItem(options.sheet) : context.workbook.worksheets.getActiveWorksheet();
    sheet.protection.load("protected");
    const formats = loadConditionalFormats(sheet);
    await context.sync();
    const own = ownFlags(formats);
    if (own.length === 0) return { removed: 0 };
    if (sheet.protection.protected) throw new UserFacingError("The sheet is protected, so its flags cannot be removed. Unprotect it and try again.", "protected");
    for (const cf of own) cf.delete();
    await context.sync();
    return { removed: own.length };
  });
}

/** Selects a cell (`'Sheet'!C5`), bringing its sheet to the front. */
export async function goToCell(address: string): Promise<void> {
  const p = parseCellAddress(address);
  if (!p) throw new UserFacingError(`"${address}" is not a cell address.`, "no-sheet");
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(p.sheet);
    await context.sync();
    if (sheet.isNullObject) throw new UserFacingError(`The sheet "${p.sheet}" no longer exists.`, "no-sheet");
    sheet.activate();
    sheet.getRange(a1(p.row, p.column)).select();
    await context.sync();
  });
}

/**
 * Applies a finding's fix, only ever on the user's click: checks first that every cell still holds what the finding
 * saw (someone may have edited it since), then writes all the edits in one sync.
 */
export async function applyFix(fix: Fix): Promise<void> {
  await Excel.run(async (context) => {
    const targets = fix.edits.map((edit) => {
      const p = parseCellAddress(edit.cell);
      if (!p) throw new UserFacingError(`"${edit.cell}" is not a cell address.`, "no-sheet");
      const range = context.workbook.worksheets.getItem(p.sheet).getRange(a1(p.row, p.column));
      range.load("values");
      return { edit, range };
    });
    await context.sync();
    for (const { edit, range } of targets) {
      // Office.js types values as any: a cell reads as a string, a number or a boolean (an error as its text).
      const now = range.values[0]?.[0] as string | number | boolean | null | undefined;
      const text = now === null || now === undefined || now === "" ? null : String(now).trim();
      if ((edit.before ?? null) !== null && text !== (edit.before ?? "").trim()) {
        throw new UserFacingError(`${localCell(edit.cell)} has changed since the check. Refresh and try again; nothing was changed.`, "stale");
      }
    }
    for (const { edit, range } of targets) {
      if (edit.value === null) range.clear("Contents");
      else range.values = [[edit.value]];
    }
    await context.sync();
  });
}

/** Saves the settings in the add-in's hidden sheet, keeping the record of the last refresh. */
export async function saveSettings(settings: Settings): Promise<StoredState> {
  return Excel.run(async (context) => {
    const store = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET);
    await context.sync();
    let current = defaultStore();
    if (!store.isNullObject) {
      const range = storeRange(store);
      range.load("values");
      await context.sync();
      current = readStore(range.values as unknown[][]);
    }
    const next: StoredState = { ...current, settings };
    queueStoreWrite(context, next, !store.isNullObject);
    await context.sync();
    return next;
  });
}

