import { localCell } from "../address";
import type { CellStyle, ChartWrite, WriteCell } from "../writes";
import { changesHeadline, dayLabel, type ActivityChange, type Changes, type MarkChange } from "./changes";
import type { TrendPoint } from "./trend";

/** What the summary sheet says of a sheet's history: the changes since the last review, and the trend. */
export interface Monitoring {
  changes: Changes | null;
  trend: TrendPoint[];
}

const text = (t: string, style?: CellStyle): WriteCell => (style ? { value: { kind: "text", text: t }, style } : { value: { kind: "text", text: t } });
const num = (n: number): WriteCell => ({ value: { kind: "number", value: n } });
const link = (target: string): WriteCell => ({ value: { kind: "link", text: localCell(target), target } });

/** Rows the trend chart takes on the sheet: the section is at least this long, so the chart covers no other table. */
const CHART_ROWS = 14;

/**
 * The summary sheet's section on the history, its first row at sheet row `top` (0-based): the changes since the
 * last review, each activity linked to its cell, then the trend as a table with a line chart beside it.
 */
export function monitoringSection(m: Monitoring, top: number): { rows: (WriteCell | null)[][]; chart: ChartWrite | null } {
  const rows: (WriteCell | null)[][] = [[]];
  const c = m.changes;
  rows.push([text("Changes since the last review", "heading")]);
  if (!c) {
    rows.push([text("This is the first refresh the workbook keeps: the next one will say what changed since.", "muted")]);
  } else {
    rows.push([text(changesHeadline(c), "label")]);
    const header = (title: string, n: number, columns: string[]): void => {
      if (n === 0) return;
      rows.push([text(`${title} (${n})`, "label")]);
      rows.push(columns.map((h) => text(h, "header")));
    };
    const marks = (title: string, list: MarkChange[], style: CellStyle): void => {
      header(title, list.length, ["Activity", "Period", "Owner", "Cell", "Goal / strategy"]);
      for (const x of list) rows.push([text(x.activity), text(x.period, style), text(x.owner ?? ""), link(x.cell), text(x.path.join(" \u203a "))]);
    };
    const activities = (title: string, list: ActivityChange[], linked: boolean): void => {
      header(title, list.length, ["Activity", "", "Owner", linked ? "Cell" : "Was at", "Goal / strategy"]);
      for (const x of list) rows.push([text(x.activity), null, text(x.owner ?? ""), linked ? link(x.cell) : text(localCell(x.cell), "muted"), text(x.path.join(" \u203a "))]);
    };
    marks("Newly overdue", c.newlyOverdue, "overdue");
    marks("Newly done", c.newlyDone, "done");
    activities("Added", c.added, true);
    activities("Removed", c.removed, false);
    header("Rescheduled", c.rescheduled.length, ["Activity", "No longer / now also", "Owner", "Cell", "Goal / strategy"]);
    for (const x of c.rescheduled) rows.push([text(x.activity), text(`${x.from.join(", ") || "\u2013"} \u2192 ${x.to.join(", ") || "\u2013"}`), text(x.owner ?? ""), link(x.cell), text(x.path.join(" \u203a "))]);
    header("Reported status changed", c.statusChanged.length, ["Activity", "Was \u2192 now", "Owner", "Cell", "Goal / strategy"]);
    for (const x of c.statusChanged) rows.push([text(x.activity), text(`${x.from ?? "\u2013"} \u2192 ${x.to ?? "\u2013"}`), text(x.owner ?? ""), link(x.cell), text(x.path.join(" \u203a "))]);
    for (const [title, list] of [["Findings fixed", c.findingsFixed], ["New findings", c.findingsNew]] as const) {
      header(title, list.length, ["Severity", "Rule", "Message", "Cell"]);
      for (const f of list) rows.push([text(f.severity), text(f.rule), text(f.message), link(f.cell)]);
    }
  }

  rows.push([]);
  rows.push([text("Trend over the refreshes", "heading")]);
  const tableTop = top + rows.length;
  rows.push(["As of", "Done", "Overdue", "Current", "Done of scheduled"].map((h) => text(h, "header")));
  for (const p of m.trend) rows.push([text(dayLabel(p.asOf)), num(p.done), num(p.overdue), num(p.current), text(`${p.percentDone}%`)]);
  const tableBottom = top + rows.length - 1;
  while (top + rows.length < tableTop + CHART_ROWS) rows.push([]);
  const chart: ChartWrite | null =
    m.trend.length === 0
      ? null
      : {
          title: "Marks done, overdue and current at each refresh",
          type: "line",
          data: { top: tableTop, left: 0, bottom: tableBottom, right: 3 },
          anchor: { row: tableTop, column: 6, rows: CHART_ROWS, columns: 7 },
        };
  return { rows, chart };
}
