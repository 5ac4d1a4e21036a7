import { compareFindings, type Finding } from "./findings";
import type { Grid } from "./grid";
import type { Plan, TheoryOfAction } from "./plan";
import { joinTheories, relateTheory, theoryForPlan } from "./theory";
import { readPlan } from "./reading/read-plan";
import { mayHoldTheory } from "./reading/theory-of-action";
import { resolveSettings, type Settings, type SettingsInput } from "./settings";
import { statusAsOf, type StatusReport } from "./status";
import { summarize, type Summary } from "./summary";
import { validatePlan } from "./rules";
import type { IsoDate } from "./dates";

export interface AnalyzeOptions {
  settings?: SettingsInput;
  /** The day to judge status on (YYYY-MM-DD). It is also "today" for a school year nothing names. */
  asOf: IsoDate;
  /** The workbook's theory of action from a sheet of its own, for a plan sheet that states none (theory.ts). */
  theory?: TheoryOfAction;
}

/** One sheet read and validated: its plan and findings. */
export interface SheetCheck {
  sheet: string;
  plan: Plan;
  findings: Finding[];
}

/** Everything the add-in knows about one sheet on one day. */
export interface SheetReport extends SheetCheck {
  status: StatusReport;
  summary: Summary;
}

function readAndValidate(grid: Grid, settings: Settings, asOf: IsoDate, theory: TheoryOfAction | undefined): SheetCheck {
  const { plan, findings: readFindings } = readPlan(grid, { settings, today: asOf });
  if (!plan.theory && theory && plan.blocks.length > 0) plan.theory = theoryForPlan(theory);
  relateTheory(plan);
  const findings = [...readFindings, ...validatePlan(plan, asOf, readFindings)].sort(compareFindings);
  return { sheet: grid.sheet, plan, findings };
}

/** Reads and validates one sheet, without the day's status and summary: what a plan or its findings need. */
export function checkSheet(grid: Grid, options: AnalyzeOptions): SheetCheck {
  return readAndValidate(grid, resolveSettings(options.settings), options.asOf, options.theory);
}

/** Reads, validates, dates and summarizes one sheet: the engine in one call. */
export function analyzeSheet(grid: Grid, options: AnalyzeOptions): SheetReport {
  const settings = resolveSettings(options.settings);
  const { sheet, plan, findings } = readAndValidate(grid, settings, options.asOf, options.theory);
  const status = statusAsOf(plan, options.asOf, settings.dueSoonDays);
  const summary = summarize(plan, status, findings);
  return { sheet, plan, findings, status, summary };
}

/** Whether the sheet holds a plan at all: a grid, an action-plan table or an outline. */
export function hasPlan(report: SheetCheck): boolean {
  return report.plan.blocks.length > 0;
}

/**
 * Why the theory's own sheet is not monitored, in one wording for every host, after the sheet's name or "it": the
 * command line's skipped sheet, the task pane's view of that sheet, a refresh asked of it.
 */
export const THEORY_ONLY = "holds the theory of action (no activities to monitor); its statements are related to the plan sheets' activities";

/** Whether the sheet holds a theory of action and no plan: the theory's own sheet, which serves the workbook's plans. */
export function holdsTheoryOnly(report: SheetCheck): boolean {
  return report.plan.blocks.length === 0 && report.plan.theory !== undefined;
}

/**
 * The theory of action of a workbook's sheets that hold one and no plan (several joined), for its plan sheets that
 * state none: only sheets with a line starting "IF" or "Theory of action" are read for it.
 */
export function theoryOfSheets(grids: readonly Grid[], options: AnalyzeOptions): TheoryOfAction | undefined {
  const settings = resolveSettings(options.settings);
  const plans = grids.filter(mayHoldTheory).map((grid) => readPlan(grid, { settings, today: options.asOf }).plan);
  return joinTheories(plans.filter((p) => p.blocks.length === 0).map((p) => p.theory));
}
