import { compareFindings, type Finding } from "./findings";
import type { Grid } from "./grid";
import type { Plan } from "./plan";
import { readPlan } from "./reading/read-plan";
import { resolveSettings, type Settings, type SettingsInput } from "./settings";
import { statusAsOf, type StatusReport } from "./status";
import { summarize, type Summary } from "./summary";
import { validatePlan } from "./rules";
import type { IsoDate } from "./dates";

export interface AnalyzeOptions {
  settings?: SettingsInput;
  /** The day to judge status on (YYYY-MM-DD). It is also "today" for a school year nothing names. */
  asOf: IsoDate;
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

function readAndValidate(grid: Grid, settings: Settings, asOf: IsoDate): SheetCheck {
  const { plan, findings: readFindings } = readPlan(grid, { settings, today: asOf });
  const findings = [...readFindings, ...validatePlan(plan, asOf)].sort(compareFindings);
  return { sheet: grid.sheet, plan, findings };
}

/** Reads and validates one sheet, without the day's status and summary: what a plan or its findings need. */
export function checkSheet(grid: Grid, options: AnalyzeOptions): SheetCheck {
  return readAndValidate(grid, resolveSettings(options.settings), options.asOf);
}

/** Reads, validates, dates and summarizes one sheet: the engine in one call. */
export function analyzeSheet(grid: Grid, options: AnalyzeOptions): SheetReport {
  const settings = resolveSettings(options.settings);
  const { sheet, plan, findings } = readAndValidate(grid, settings, options.asOf);
  const status = statusAsOf(plan, options.asOf, settings.dueSoonDays);
  const summary = summarize(plan, status, findings);
  return { sheet, plan, findings, status, summary };
}

/** Whether the sheet holds a plan at all: a grid, an action-plan table or an outline. */
export function hasPlan(report: SheetCheck): boolean {
  return report.plan.blocks.length > 0;
}
