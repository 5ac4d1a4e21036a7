import { localCell } from "../address";
import { dayNumberOfIso, type IsoDate } from "../dates";
import type { Finding } from "../findings";
import { excerpt } from "../label-text";
import type { Activity, Plan } from "../plan";
import { reportedStatus } from "../reading/row-status";
import { markStatus } from "../status";

/** status-contradiction: a row status that its marks contradict ("On Track" with overdue marks, "Not Started" with done marks). */
export function statusContradictions(plan: Plan, asOf: IsoDate, out: Finding[]): void {
  const day = dayNumberOfIso(asOf);
  const statusColumn = (a: Activity): string => {
    const column = plan.blocks[a.block]!.columns["status"];
    return column ? a.cell.replace(/![A-Z]+\d+$/, `!${column}${a.rows[0]}`) : a.cell;
  };
  for (const a of plan.activities) {
    if (!a.status) continue;
    const status = a.status.trim();
    const reported = reportedStatus(status);
    if (reported === "on-track") {
      const overdue = a.schedule.filter((m) => markStatus(m, day) === "overdue");
      if (overdue.length > 0) {
        out.push({
          rule: "status-contradiction",
          severity: "warning",
          message: `"${excerpt(a.text)}" (${localCell(a.cell)}) is reported "${status}", but ${overdue.length === 1 ? `its ${overdue[0]!.period} mark is` : `${overdue.length} of its marks (${overdue.map((m) => m.period).join(", ")}) are`} overdue as of ${asOf}. Update the status, or mark the work done.`,
          cell: statusColumn(a),
          activityId: a.id,
        });
      }
    } else if (reported === "not-started") {
      const started = a.schedule.filter((m) => m.state === "done" || m.state === "in-progress");
      if (started.length > 0) {
        out.push({
          rule: "status-contradiction",
          severity: "warning",
          message: `"${excerpt(a.text)}" (${localCell(a.cell)}) is reported "${status}", but its ${started.map((m) => m.period).join(", ")} mark${started.length === 1 ? " says" : "s say"} ${started[0]!.state === "done" ? "done" : "in progress"}. Update the status or the marks.`,
          cell: statusColumn(a),
          activityId: a.id,
        });
      }
    }
  }
}
