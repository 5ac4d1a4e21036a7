import { localCell } from "../address";
import { excerpt, words } from "../label-text";
import type { Activity } from "../plan";
import type { ReadContext } from "./context";
import type { Draft } from "./drafts";

/**
 * A one-line activity with no marks, right above an activity that starts with nearly the same words, is a stray
 * line left by a paste (stray-line; seed 000, line 43): it is reported and not counted. `drafts` are the activities'
 * drafts, in the same order: a fix states what the label cell holds.
 */
export function dropStrayLines(ctx: ReadContext, activities: Activity[], drafts: Draft[]): Activity[] {
  const keep: Activity[] = [];
  for (let i = 0; i < activities.length; i++) {
    const a = activities[i]!;
    const b = activities[i + 1];
    if (b && a.block === b.block && isStrayCopy(a, b)) {
      const draft = drafts[i]!;
      ctx.add({
        rule: "stray-line",
        severity: "warning",
        message:
          `Row ${a.rows[0]} ("${excerpt(a.text)}") repeats the start of row ${b.rows[0]} and has no marks: it looks like a stray ` +
          `line left by a paste. It is not counted as an activity. Delete it if it is not meant to be there.`,
        cell: a.cell,
        activityId: a.id,
        fix: { description: `Clear ${localCell(a.cell)}`, edits: [{ cell: a.cell, value: null, before: ctx.grid.text(draft.firstRow, draft.labelColumn) }] },
      });
      continue;
    }
    keep.push(a);
  }
  return keep;
}

function isStrayCopy(a: Activity, b: Activity): boolean {
  if (a.schedule.length > 0 || a.rows.length !== 1 || a.subItems.length > 0 || a.owner !== null) return false;
  if (b.rows[0]! !== a.rows[0]! + 1) return false;
  const wa = words(a.text);
  const wb = words(b.text);
  if (wa.length < 4) return false;
  let common = 0;
  while (common < wa.length && common < wb.length && wa[common] === wb[common]) common++;
  return common >= 4 && common >= wa.length - 1 && common < wb.length;
}
