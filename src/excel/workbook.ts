import { a1, localCell, parseCellAddress } from "../core/address";
import { analyzeSheet, hasPlan, type SheetReport } from "../core/analyze";
import { WHAT_IT_READS } from "../core/reading/read-plan";
import type { Fix } from "../core/findings";
import type { Settings } from "../core/settings";
import { defaultStore, readStore, storeRows, STORE_SHEET, type StoredState } from "../core/settings-store";
import { describeWrites, OWN_SHEETS } from "../core/writes";
import { formattingReachesTooFar } from "../core/grid";
import { detectCapabilities, type Capabilities } from "./capabilities";
import { UserFacingError } from "./errors";
import { loadConditionalFormats, ownFlags, queueFlags } from "./flags";
import { readSheetGrid, type UsedArea } from "./read-sheet";
import { WriteBatch } from "./write-batch";
import { writeSheetContent } from "./write-sheet";

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
  report: SheetReport;
  stored: StoredState;
  syncs: number;
}

export interface RefreshResult extends AnalysisResult {
  flagged: number;
  rules: number;
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
  report: SheetReport;
  stored: StoredState;
  storeExists: boolean;
  sheetName: string;
  sheet: Excel.Worksheet;
  meta: Meta;
  conditionalFormats: Excel.ConditionalFormatCollection;
  syncs: number;
}

/**
 * Reads the plan sheet (named, else the saved plan sheet when the active sheet is the add-in's own, else the active
 * sheet) and runs the engine on it: metadata in the first sync, then the sheet in row blocks.
 */
async function readAndAnalyze(
  context: Excel.RequestContext,
  options: { sheet?: string; asOf: string; settings?: Settings; forWriting: boolean },
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
  const queueStore = (): void => {
    if (!meta.store.isNullObject) {
      storeValues = storeRange(meta.store);
      storeValues.load("values");
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
  const { grid, syncs: readSyncs } = await readSheetGrid(context, sheet, sheetName, used, { capabilities: caps, alsoInFirstSync: queueStore });
  syncs += readSyncs;
  const stored = parseStoreValues(storeValues);
  const settings = options.settings ?? stored.settings;
  const report = analyzeSheet(grid, { settings, asOf: options.asOf });
  return { report, stored: { ...stored, settings }, storeExists: !meta.store.isNullObject, sheetName, sheet, meta, conditionalFormats, syncs };
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
    const session = await readAndAnalyze(context, { ...options, forWriting: false }, caps);
    return { report: session.report, stored: session.stored, syncs: session.syncs };
  });
}

/**
 * "Refresh status": reads the plan sheet, flags overdue and current marks, rebuilds the summary and plan sheets and
 * saves the settings and this refresh in the add-in's own hidden sheet. Refreshing twice leaves what refreshing
 * once did. Nothing is written when the sheet is protected or holds no timeline.
 */
export async function refreshStatus(options: { sheet?: string; asOf: string; settings?: Settings; now?: () => Date }): Promise<RefreshResult> {
  const caps = detectCapabilities();
  return Excel.run(async (context) => {
    const session = await readAndAnalyze(context, { ...options, forWriting: true }, caps);
    const { report, sheet, sheetName, meta } = session;
    if (!hasPlan(report)) throw new UserFacingError(`No plan found on "${sheetName}". ${WHAT_IT_READS}`, "no-timeline");
    let syncs = session.syncs;
    const sync = async (): Promise<void> => {
      await context.sync();
      syncs++;
    };
    const batch = new WriteBatch(sync);

    const writes = describeWrites([report]);
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
        at: (options.now ?? (() => new Date()))().toISOString(),
        sheet: sheetName,
        totals: report.summary.totals,
        flagged: writes.flags.length,
      },
    };
    queueStoreWrite(context, stored, session.storeExists);
    await sync();
    return { report, stored, syncs, flagged: writes.flags.length, rules };
  });
}

function queueStoreWrite(context: Excel.RequestContext, state: StoredState, exists: boolean): void {
  const store = exists ? context.workbook.worksheets.getItem(STORE_SHEET) : context.workbook.worksheets.add(STORE_SHEET);
  if (!exists) store.visibility = "VeryHidden";
  const rows = storeRows(state);
  store.getRange("A1:B20").clear("Contents");
  const range = store.getRangeByIndexes(0, 0, rows.length, 2);
  range.numberFormat = rows.map((r) => r.map(() => "@"));
  range.values = rows;
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

