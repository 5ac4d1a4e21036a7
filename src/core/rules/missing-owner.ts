import type { Finding } from "../findings";
import { excerpt } from "../label-text";
import type { Plan } from "../plan";

/** missing-owner: the owner column is empty for an activity (only where the block has an owner column). */
export function missingOwners(plan: Plan, out: Finding[]): void {
  for (const a of plan.activities) {
    const column = plan.blocks[a.block]!.columns["owner"];
    if (column === undefined || a.owner !== null) continue;
    const row = a.rows[0]!;
    out.push({
      rule: "missing-owner",
      severity: "warning",
      message: `"${excerpt(a.text)}" has no one in the owner column (${column}${row}). Name the person or team responsible.`,
      cell: a.cell.replace(/![A-Z]+\d+$/, `!${column}${row}`),
      activityId: a.id,
    });
  }
}
