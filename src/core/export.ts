import type { SheetReport } from "./analyze";
import { outcomeLines, planContext } from "./plan-context";
import { marksByActivity } from "./status";

/** RFC 4180 field: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is kept as text with a quote mark in front, as spreadsheets expect. */
function field(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The plan as CSV: one line per scheduled mark (and one per activity without any), with its status as of the day, and
 * what the rest of the plan says about its activity: evidence, resources, standards, the theory-of-action statements it
 * carries out, and its goals' and strategies' expected outcomes, rationale and obstacles (several in one field, one a
 * line).
 */
export function planCsv(reports: SheetReport[]): string {
  const header = [
    "Sheet", "Goal / strategy", "Activity", "Owner", "Reported status", "Period", "Start", "End", "Mark", "State", "Status as of", "As of", "Cell",
    "Evidence", "Resources", "Standards", "Theory of action", "Expected outcomes", "Rationale", "Obstacles",
  ];
  const lines = [header.map(field).join(",")];
  for (const report of reports) {
    const statusOf = marksByActivity(report.status, report.plan.activities.length);
    const context = planContext(report.plan);
    report.plan.activities.forEach((a, position) => {
      const base = [report.sheet, a.path.join(" > "), a.text, a.owner ?? "", a.status ?? ""];
      const levels = context.levels(a);
      const rest = [
        a.evidence ?? "",
        a.resources ?? "",
        (a.standards?.names ?? []).join("\n"),
        context.statements(a).map((s) => `${s.label}: ${s.text}`).join("\n"),
        levels.flatMap(outcomeLines).join("\n"),
        levels.flatMap((l) => (l.rationale === null ? [] : [l.rationale])).join("\n"),
        levels.flatMap((l) => l.obstacles).join("\n"),
      ];
      if (a.schedule.length === 0) {
        lines.push([...base, "", "", "", "", "", "unscheduled", report.status.asOf, a.cell, ...rest].map(field).join(","));
        return;
      }
      a.schedule.forEach((m, i) => {
        lines.push([...base, m.period, m.start, m.end, m.mark, m.state, statusOf[position]![i]?.status ?? "", report.status.asOf, m.cell, ...rest].map(field).join(","));
      });
    });
  }
  return `${lines.join("\r\n")}\r\n`;
}
