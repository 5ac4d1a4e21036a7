import { localCell, parseCellAddress } from "../address";
import type { Finding } from "../findings";
import { excerpt } from "../label-text";
import type { Plan } from "../plan";

/**
 * statement-without-activity: a theory-of-action statement that no activity of the plan shares a key word with, in its
 * text or its goals' and strategies' names (theory.ts): nothing in the plan carries it out. A note, and only where a
 * person would agree: a statement sharing any key word with any activity is left alone.
 */
export function statementsWithoutActivity(plan: Plan, out: Finding[]): void {
  if (!plan.theory || plan.activities.length === 0) return;
  for (const s of plan.theory.statements) {
    if (s.activities.length > 0) continue;
    // A statement on the theory's own sheet says where it is: the finding is listed with the plan's.
    const sheet = parseCellAddress(s.cell)?.sheet ?? plan.sheet;
    const where = sheet === plan.sheet ? "" : `; "${sheet}" ${localCell(s.cell)}`;
    out.push({
      rule: "statement-without-activity",
      severity: "info",
      message:
        `No activity on "${plan.sheet}" (nor its goal or strategy) shares a key word with the theory-of-action statement ${s.label} ` +
        `("${excerpt(s.text, 100)}"${where}): nothing in the plan carries it out yet. Add the activities that will, in the statement's words.`,
      cell: s.cell,
    });
  }
}
