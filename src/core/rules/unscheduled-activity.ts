import { localCell } from "../address";
import type { Finding } from "../findings";
import { excerpt } from "../label-text";
import type { Plan } from "../plan";

/** unscheduled-activity: an activity with no period marked. */
export function unscheduledActivities(plan: Plan, out: Finding[]): void {
  for (const a of plan.activities) {
    if (a.schedule.length > 0) continue;
    out.push({
      rule: "unscheduled-activity",
      severity: "warning",
      message: `"${excerpt(a.text)}" (${localCell(a.cell)}) has no mark in any period, so nobody can tell when it happens. Put an X under the months it is planned for.`,
      cell: a.cell,
      activityId: a.id,
    });
  }
}
