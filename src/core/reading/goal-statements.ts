import { joinWrapped } from "../label-text";
import type { Outcome, PlanLevel } from "../plan";
import type { ReadContext } from "./context";
import { hierarchyOf } from "./levels";

/**
 * The goals a plan states above its tables (docs/product.md, "The rest of a plan"; the state template, seed 002):
 * `Goal 1` with its statement beside it or on the next line, its `Rationale/Evidence`, its `Overarching Expected
 * Outcome` and `Year 1:` .. `Year 3:` outcomes, each with its text beside it, after its colon, or on the next line.
 */

const RATIONALE = /^rationale\s*(?:\/|and|&)?\s*(?:evidence)?\s*:?$/i;
const OVERARCHING = /^overarching\s+expected\s+outcomes?\s*:?$/i;
const YEAR = /^year\s+(\d)\s*:?\s*(.*)$/i;

/** A row's text cells, trimmed, with their columns. */
function rowTexts(ctx: ReadContext, row: number): { column: number; text: string }[] {
  const g = ctx.grid;
  const out: { column: number; text: string }[] = [];
  for (let c = g.left; c <= g.right; c++) {
    const t = g.text(row, c);
    if (t !== "" && g.isAnchor(row, c)) out.push({ column: c, text: t });
  }
  return out;
}

/** The goals stated between two rows; empty when no row there names a goal with a number. */
export function readGoalStatements(ctx: ReadContext, from: number, to: number): PlanLevel[] {
  const goals: PlanLevel[] = [];
  let goal: PlanLevel | null = null;
  /** What the next line without a label continues: the goal's statement, its rationale, or an outcome. */
  let open: { kind: "statement" } | { kind: "rationale" } | { kind: "outcome"; outcome: Outcome } | null = null;
  for (let r = from; r <= to; r++) {
    const texts = rowTexts(ctx, r);
    if (texts.length === 0) continue;
    const [first, ...rest] = texts;
    const besides = rest.map((t) => t.text).join(" ");
    const level = hierarchyOf(first!.text);
    if (level && level.level === "goal" && /\d/.test(first!.text)) {
      const heading = first!.text.replace(/\s*:$/, "");
      goal = { level: "goal", text: heading, cell: ctx.cell(r, first!.column), path: [], description: null, rationale: null, notes: [], obstacles: [], outcomes: [] };
      goals.push(goal);
      if (besides !== "") goal.text = `${heading}: ${besides}`;
      open = level.bare && besides === "" ? { kind: "statement" } : null;
      continue;
    }
    if (!goal) continue;
    const year = YEAR.exec(first!.text);
    if (RATIONALE.test(first!.text)) {
      goal.rationale = besides === "" ? null : besides;
      open = { kind: "rationale" };
    } else if (OVERARCHING.test(first!.text) || year) {
      const said = [year?.[2] ?? "", besides].filter((t) => t !== "").join(" ");
      const outcome: Outcome = { label: year ? `Year ${year[1]}` : "Overarching Expected Outcome", text: said, cell: ctx.cell(r, (rest[0] ?? first!).column) };
      goal.outcomes.push(outcome);
      open = { kind: "outcome", outcome };
    } else if (open?.kind === "statement") {
      goal.text = `${goal.text}: ${first!.text}`;
      open = null;
    } else if (open?.kind === "rationale") {
      goal.rationale = goal.rationale === null ? first!.text : joinWrapped(goal.rationale, first!.text);
    } else if (open?.kind === "outcome") {
      open.outcome.text = open.outcome.text === "" ? first!.text : joinWrapped(open.outcome.text, first!.text);
      if (open.outcome.text === first!.text) open.outcome.cell = ctx.cell(r, first!.column);
    }
  }
  for (const g of goals) g.outcomes = g.outcomes.filter((o) => o.text !== "");
  return goals;
}

/** `goal 1` for `Goal 1`, `GOAL #1: ...`: a level's name and number, to recognise it again elsewhere on the sheet. */
export function levelKey(text: string): string | null {
  const m = /^(goal|objective|strategy|priority|focus area|initiative)\s*#?\s*(\d+(?:\.\d+)*)/i.exec(text.trim());
  return m ? `${m[1]!.toLowerCase()} ${m[2]}` : null;
}
