import { useCallback, useEffect, useReducer, useRef } from "react";
import { hasPlan, holdsTheoryOnly, THEORY_ONLY, type SheetReport } from "../core/analyze";
import type { Fix } from "../core/findings";
import type { Settings } from "../core/settings";
import type { LastRefresh } from "../core/settings-store";
import { changesSince, EMPTY_HISTORY, sheetHistory, type History } from "../core/history/store";
import type { Changes } from "../core/history/changes";
import type { TheoryOfAction } from "../core/plan";
import { trendOf, type TrendPoint } from "../core/history/trend";
import { describeError, UserFacingError, type ProblemKind } from "../excel/errors";
import { localToday } from "../core/dates";
import * as workbook from "../excel/workbook";
import { openReport } from "./report-window";

/**
 * The task pane's one place of state: it talks to the Excel adapter, and every component renders from it.
 */
export interface MonitorState {
  phase: "starting" | "ready" | "working";
  /** What is being done right now, for the status line and progress bar. */
  activity: string | null;
  sheets: string[];
  sheet: string | null;
  asOf: string;
  settings: Settings | null;
  report: SheetReport | null;
  lastRefresh: LastRefresh | null;
  /** The monitoring history the workbook keeps. */
  history: History;
  /** The review the Summary compares with: an as-of day picked from the history, or null for the last review. */
  since: string | null;
  /** What changed since that review (null without one), and the trend of the plan sheet. */
  monitoring: HistoryView;
  /**
   * A problem that stops the pane from showing a plan (no timeline, protected sheet ...); on the theory of action's own
   * sheet, the theory it holds.
   */
  problem: { kind: ProblemKind; message: string; theory?: TheoryOfAction } | null;
  /** The outcome of the last action, for the status line. */
  notice: { intent: "success" | "error" | "info"; text: string } | null;
}

export interface HistoryView {
  changes: Changes | null;
  trend: TrendPoint[];
  /** The as-of days of the earlier refreshes of the plan sheet, latest first: the reviews one can compare with. */
  reviews: string[];
}

const NO_MONITORING: HistoryView = { changes: null, trend: [], reviews: [] };

/** What the Summary says of the history for a report: the changes since the review, the trend, the reviews to pick from. */
function monitoringOf(report: SheetReport | null, history: History, since: string | null, now: Date = new Date()): HistoryView {
  if (!report) return NO_MONITORING;
  const asOf = report.summary.asOf;
  const reviews = [...new Set(sheetHistory(history, report.sheet).filter((s) => s.asOf < asOf).map((s) => s.asOf))].reverse();
  return {
    changes: changesSince(history, report, { at: now.toISOString(), day: localToday(now) }, since),
    trend: trendOf(history.snapshots, report.sheet),
    reviews,
  };
}

type Action =
  | { type: "started"; sheets: string[]; sheet: string | null; settings: Settings; lastRefresh: LastRefresh | null }
  | { type: "working"; activity: string }
  | { type: "analyzed"; report: SheetReport; history: History; notice?: MonitorState["notice"]; lastRefresh?: LastRefresh | null; settings?: Settings }
  | { type: "history"; history: History; notice: MonitorState["notice"] }
  | { type: "set-since"; since: string | null }
  | { type: "failed"; error: unknown }
  | { type: "done"; notice: MonitorState["notice"]; settings?: Settings; lastRefresh?: LastRefresh | null }
  | { type: "set-sheet"; sheet: string }
  | { type: "set-as-of"; asOf: string };

/** What the pane shows of a sheet with no plan: why, and on the theory of action's own sheet, its statements. */
function noPlanProblem(report: SheetReport): NonNullable<MonitorState["problem"]> {
  if (holdsTheoryOnly(report)) return { kind: "no-timeline", message: `"${report.sheet}" ${THEORY_ONLY}.`, theory: report.plan.theory! };
  return { kind: "no-timeline", message: report.findings.find((f) => f.rule === "no-plan")?.message ?? `No plan found on "${report.sheet}".` };
}

function reducer(state: MonitorState, action: Action): MonitorState {
  switch (action.type) {
    case "started":
      return { ...state, phase: "ready", activity: null, sheets: action.sheets, sheet: action.sheet, settings: action.settings, lastRefresh: action.lastRefresh };
    case "working":
      return { ...state, phase: "working", activity: action.activity, notice: null };
    case "analyzed": {
      // A sheet without a plan says so as soon as it is read, rather than showing a summary of nothing.
      const problem = hasPlan(action.report) ? null : noPlanProblem(action.report);
      return {
        ...state,
        phase: "ready",
        activity: null,
        report: problem ? null : action.report,
        history: action.history,
        monitoring: monitoringOf(problem ? null : action.report, action.history, state.since),
        problem,
        notice: action.notice ?? state.notice,
        lastRefresh: action.lastRefresh === undefined ? state.lastRefresh : action.lastRefresh,
        settings: action.settings ?? state.settings,
      };
    }
    case "failed": {
      const message = describeError(action.error);
      const kind = action.error instanceof UserFacingError ? action.error.kind : "excel";
      const blocking = kind === "no-timeline" || kind === "no-sheet" || kind === "too-large";
      return {
        ...state,
        phase: "ready",
        activity: null,
        // A refresh asked of the theory's own sheet keeps its statements in view.
        problem: blocking ? { kind, message, ...(kind === "no-timeline" && state.problem?.theory ? { theory: state.problem.theory } : {}) } : state.problem,
        report: blocking ? null : state.report,
        notice: { intent: "error", text: message },
      };
    }
    case "done":
      return { ...state, phase: "ready", activity: null, notice: action.notice, settings: action.settings ?? state.settings, lastRefresh: action.lastRefresh === undefined ? state.lastRefresh : action.lastRefresh };
    case "set-sheet":
      return { ...state, sheet: action.sheet };
    case "set-as-of":
      return { ...state, asOf: action.asOf };
    case "set-since":
      return { ...state, since: action.since, monitoring: monitoringOf(state.report, state.history, action.since) };
    case "history":
      return { ...state, phase: "ready", activity: null, notice: action.notice, history: action.history, monitoring: monitoringOf(state.report, action.history, state.since) };
  }
}

export interface MonitorActions {
  refresh(): Promise<void>;
  analyze(): Promise<void>;
  setSheet(sheet: string): void;
  setAsOf(asOf: string): void;
  goTo(cell: string): Promise<void>;
  applyFix(fix: Fix): Promise<void>;
  /** Adds month columns to a plan that says nothing about when its steps happen. */
  addTimeline(): Promise<void>;
  clearFlags(): Promise<void>;
  saveSettings(settings: Settings): Promise<void>;
  /** Compares the Summary with the refresh as of that day (null: the last review). */
  setSince(since: string | null): void;
  /** Opens the committee report (a dialog in Excel, a new window in the playground). */
  openReport(): Promise<void>;
  clearHistory(): Promise<void>;
}

/** How long the as-of date must stay unchanged before the plan is read again for it. */
export const AS_OF_PAUSE_MS = 400;

export function initialState(asOf = localToday(new Date())): MonitorState {
  return {
    phase: "starting",
    activity: "Opening the workbook",
    sheets: [],
    sheet: null,
    asOf,
    settings: null,
    report: null,
    lastRefresh: null,
    history: EMPTY_HISTORY,
    since: null,
    monitoring: NO_MONITORING,
    problem: null,
    notice: null,
  };
}

export function useMonitor(initial: MonitorState = initialState()): [MonitorState, MonitorActions] {
  const [state, dispatch] = useReducer(reducer, initial);
  const current = useRef(state);
  current.current = state;
  // Reads and refreshes are numbered: only the latest one's outcome is shown (the date or sheet can change while one runs).
  const latest = useRef(0);
  const dateTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const analyze = useCallback(async (notice?: MonitorState["notice"]) => {
    const { sheet, asOf, settings } = current.current;
    const ticket = ++latest.current;
    dispatch({ type: "working", activity: `Reading ${sheet ? `"${sheet}"` : "the sheet"}` });
    try {
      const result = await workbook.analyzeWorkbook({ sheet: sheet ?? undefined, asOf, settings: settings ?? undefined });
      if (ticket === latest.current) dispatch({ type: "analyzed", report: result.report, history: result.history, notice });
    } catch (e) {
      if (ticket === latest.current) dispatch({ type: "failed", error: e });
    }
  }, []);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const s = await workbook.loadWorkbookState();
        if (cancelled) return;
        dispatch({ type: "started", sheets: s.sheets, sheet: s.planSheet, settings: s.stored.settings, lastRefresh: s.stored.lastRefresh });
        await analyze();
      } catch (e) {
        if (!cancelled) dispatch({ type: "failed", error: e });
      }
    })();
    return () => {
      cancelled = true;
      clearTimeout(dateTimer.current);
    };
  }, [analyze]);

  const actions: MonitorActions = {
    analyze: () => analyze(),
    async refresh() {
      const { sheet, asOf, settings } = current.current;
      clearTimeout(dateTimer.current);
      const ticket = ++latest.current;
      dispatch({ type: "working", activity: "Refreshing: reading the plan, flagging overdue marks, rebuilding the summary" });
      try {
        const result = await workbook.refreshStatus({ sheet: sheet ?? undefined, asOf, settings: settings ?? undefined });
        const t = result.report.summary.totals;
        const notice = { intent: "success" as const, text: `Refreshed as of ${asOf}: ${t.overdue} overdue and ${t.current} current marks flagged; summary and plan sheets rebuilt.` };
        // A read started since (another date) brings the report to show; this refresh still happened.
        if (ticket === latest.current) dispatch({ type: "analyzed", report: result.report, history: result.history, lastRefresh: result.stored.lastRefresh, notice });
        else dispatch({ type: "done", notice, lastRefresh: result.stored.lastRefresh });
      } catch (e) {
        dispatch({ type: "failed", error: e });
      }
    },
    setSheet(sheet) {
      dispatch({ type: "set-sheet", sheet });
      current.current = { ...current.current, sheet };
      void analyze();
    },
    setAsOf(asOf) {
      dispatch({ type: "set-as-of", asOf });
      current.current = { ...current.current, asOf };
      // Typing a date passes through other complete dates (each digit of the year): read once the typing pauses.
      clearTimeout(dateTimer.current);
      dateTimer.current = setTimeout(() => void analyze(), AS_OF_PAUSE_MS);
    },
    async goTo(cell) {
      try {
        await workbook.goToCell(cell);
      } catch (e) {
        dispatch({ type: "failed", error: e });
      }
    },
    async applyFix(fix) {
      dispatch({ type: "working", activity: `Applying: ${fix.description}` });
      try {
        await workbook.applyFix(fix);
        await analyze({ intent: "success", text: `Fixed: ${fix.description}.` });
      } catch (e) {
        dispatch({ type: "failed", error: e });
      }
    },
    async addTimeline() {
      dispatch({ type: "working", activity: "Adding a timeline" });
      try {
        const { sheet, asOf, settings } = current.current;
        const { added, message } = await workbook.addTimelineColumns({ sheet: sheet ?? undefined, asOf, settings: settings ?? undefined });
        await analyze({ intent: added ? "success" : "info", text: message });
      } catch (e) {
        dispatch({ type: "failed", error: e });
      }
    },
    async clearFlags() {
      dispatch({ type: "working", activity: "Clearing flags" });
      try {
        const { removed } = await workbook.clearFlags({ sheet: current.current.sheet ?? undefined });
        dispatch({ type: "done", notice: { intent: "success", text: removed === 0 ? "There were no flags to clear." : "Flags cleared: every cell looks as you had it." } });
      } catch (e) {
        dispatch({ type: "failed", error: e });
      }
    },
    setSince(since) {
      dispatch({ type: "set-since", since });
    },
    async openReport() {
      const { report, monitoring } = current.current;
      if (!report) return;
      const now = new Date();
      const made = `${localToday(now)} ${String(now.getHours()).padStart(2, "0")}:${String(now.getMinutes()).padStart(2, "0")}`;
      try {
        // The report's page is made by code loaded on the first click: the task pane opens without it.
        const { reportHtml } = await import("../report/committee-report.js");
        const how = await openReport(reportHtml({ report, changes: monitoring.changes, trend: monitoring.trend, made }));
        const where = how === "dialog" ? "in a dialog" : how === "window" ? "in a new window" : "as a file (this Excel cannot open a dialog)";
        dispatch({ type: "done", notice: { intent: "success", text: `Committee report opened ${where}: print it from there.` } });
      } catch (e) {
        dispatch({ type: "failed", error: e });
      }
    },
    async clearHistory() {
      dispatch({ type: "working", activity: "Clearing the monitoring history" });
      try {
        const { removed } = await workbook.clearHistory();
        dispatch({ type: "history", history: EMPTY_HISTORY, notice: { intent: "success", text: removed === 0 ? "There was no history to clear." : "Monitoring history cleared: the next refresh starts it again." } });
      } catch (e) {
        dispatch({ type: "failed", error: e });
      }
    },
    async saveSettings(settings) {
      dispatch({ type: "working", activity: "Saving settings in the workbook" });
      try {
        const stored = await workbook.saveSettings(settings);
        current.current = { ...current.current, settings: stored.settings };
        dispatch({ type: "done", notice: { intent: "success", text: "Settings saved in the workbook." }, settings: stored.settings });
        await analyze({ intent: "success", text: "Settings saved in the workbook; the plan was read again with them." });
      } catch (e) {
        dispatch({ type: "failed", error: e });
      }
    },
  };
  return [state, actions];
}
