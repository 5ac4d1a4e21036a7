import type { Plan, PlanLevel } from "../plan";
import type { ColumnPath } from "./activities";
import type { BlockColumns } from "./columns";
import type { ReadContext } from "./context";
import { joinLines, type Draft } from "./drafts";
import { hierarchyOf } from "./levels";

/** The plan's levels from its hierarchy rows (a goal row, a strategy row, a title that names a goal), in sheet order. */
export function levelsOf(ctx: ReadContext, drafts: Iterable<Draft>): PlanLevel[] {
  return [...drafts]
    .sort((a, b) => a.firstRow - b.firstRow || a.labelColumn - b.labelColumn)
    .map((draft) => {
      const text = (draft.joined ??= joinLines(draft.lines));
      return {
        level: hierarchyOf(draft.lines[0] ?? "")?.level ?? "level",
        text,
        cell: ctx.cell(draft.firstRow, draft.labelColumn),
        path: draft.path.levels.map((level) => (level.joined ??= joinLines(level.lines))),
        description: null,
        rationale: null,
        notes: [],
        obstacles: [],
        outcomes: [],
      };
    });
}

/**
 * Level columns (Goal | Strategy | Action Step side by side): each row's levels, a blank cell repeating the one above
 * (filled down, or merged), a new value in an outer column starting its inner columns afresh. Each distinct level
 * becomes one of the plan's levels.
 */
export function columnLevels(ctx: ReadContext, plan: Plan, columns: BlockColumns, firstRow: number, lastRow: number): ColumnPath {
  const g = ctx.grid;
  const byRow = new Map<number, { texts: string[]; cells: string[] }>();
  let current: { text: string; cell: string }[] = [];
  for (let r = firstRow; r <= lastRow; r++) {
    const next = [...current];
    columns.levels.forEach(({ column, level }, i) => {
      const text = g.text(r, column);
      if (text === "" || g.anchorRow(r, column) !== r) return;
      const cell = ctx.cell(r, column);
      next.length = i;
      next[i] = { text, cell };
      plan.levels.push({ level, text, cell, path: next.slice(0, i).map((l) => l?.text ?? ""), description: null, rationale: null, notes: [], obstacles: [], outcomes: [] });
    });
    current = next;
    const known = current.filter((l) => l !== undefined);
    byRow.set(r, { texts: known.map((l) => l.text), cells: known.map((l) => l.cell) });
  }
  return (row) => byRow.get(row) ?? { texts: [], cells: [] };
}
