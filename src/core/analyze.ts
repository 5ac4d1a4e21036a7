import { compareFindings, type Finding } from "./findings";
import type { Grid } from "./grid";
import type { Plan } from "./plan";
import { readPlan } from "./read-plan";
import { resolveSettings, type SettingsInput } from "./settings";
import { statusAsOf, type StatusReport } from "./status";
import { summarize, type Summary } from "./summary";
import { validatePlan } from "./validate";
import type { IsoDate } from "./dates";

export interface AnalyzeOptions {
  settings?: SettingsInput;
  /** The day to judge status on (YYYY-MM-DD). It is also "today" for a school year nothing names. */
  asOf: IsoDate;
}

/** Everything the add-in knows about one sheet on one day. */
export interface SheetReport {
  sheet: string;
  plan: Plan;
  findings: Finding[];
  status: StatusReport;
  summary: Summary;
}

/** Reads, validates, dates and summarizes one sheet: the engine in one call. */
export function analyzeSheet(grid: Grid, options: AnalyzeOptions): SheetReport {
  const settings = resolveSettings(options.settings);
  const { plan, findings: readFindings } = readPlan(grid, { settings, today: options.asOf });
  const findings = [...readFindings, ...validatePlan(plan, options.asOf)].sort(compareFindings);
  const status = statusAsOf(plan, options.asOf, settings.dueSoonDays);
  const summary = summarize(plan, status, findings);
  return { sheet: grid.sheet, plan, findings, status, summary };
}

/** Whether the sheet holds a timeline at all. */
export function hasTimeline(report: SheetReport): boolean {
  return report.plan.blocks.length > 0;
}
