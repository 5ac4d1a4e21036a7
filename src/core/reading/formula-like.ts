import { a1 } from "../address";
import { excerpt, looksLikeFormula } from "../label-text";
import type { ReadContext } from "./context";
import type { Draft } from "./drafts";

/**
 * An activity whose first line starts with =, +, - or @ (formula-like-label): typed or pasted again, a spreadsheet
 * reads it as a formula. Checked on the label cell itself, so the fix rewrites that cell from what it holds (a
 * wrapped activity's other lines stay where they are). A line that started with a bullet "-" was read as a bullet.
 * The fix drops the sign and starts the text with a capital: a bullet or a lower-case start would make the line
 * read as part of the activity above it.
 */
export function checkFormulaLike(ctx: ReadContext, draft: Draft, id: string): void {
  const first = draft.lines[0] ?? "";
  if (!looksLikeFormula(first)) return;
  const held = ctx.grid.text(draft.firstRow, draft.labelColumn);
  const cell = ctx.cell(draft.firstRow, draft.labelColumn);
  const where = a1(draft.firstRow, draft.labelColumn);
  const sign = first.trim()[0]!;
  const rest = held.replace(/^[=+\-@\s]+/, "");
  const mended = rest.charAt(0).toUpperCase() + rest.slice(1);
  ctx.add({
    rule: "formula-like-label",
    severity: "info",
    message:
      `The text "${excerpt(first, 40)}" (${where}) starts with "${sign}", which a spreadsheet reads as the start of a formula if it is typed or pasted again ` +
      `(it turns into a calculation or #NAME?). Milestone Monitor writes it as text; in your sheet, start it with a word instead of the "${sign}".`,
    cell,
    activityId: id,
    ...(mended === "" || held === ""
      ? {}
      : { fix: { description: `Remove the "${sign}" at the start of ${where}`, edits: [{ cell, value: mended, before: held }] } }),
  });
}
