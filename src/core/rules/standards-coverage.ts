import type { Finding } from "../findings";
import type { Plan } from "../plan";
import { coverageOf } from "../standards";

/**
 * standard-not-addressed: the standards of the plan's edition that none of its activities addresses, said once on
 * the `Standard(s)` column's header (docs/product.md, "The rest of a plan"; the summary shows the counts).
 */
export function standardsCoverage(plan: Plan, out: Finding[]): void {
  if (!plan.standards) return;
  const none = coverageOf(plan).filter((c) => c.activities === 0);
  if (none.length === 0) return;
  const { edition } = plan.standards;
  out.push({
    rule: "standard-not-addressed",
    severity: "info",
    message:
      none.length === 1
        ? `No activity addresses ${none[0]!.name}, one of the ${edition} Standards for Professional Learning.`
        : `No activity addresses ${none.length} of the ${edition} Standards for Professional Learning: ${none.map((c) => c.name).join("; ")}.`,
    cell: plan.standards.cell,
  });
}
