import { a1 } from "../address";
import type { Activity } from "../plan";
import { attribute } from "./attributes";
import type { BlockColumns } from "./columns";
import type { ReadContext } from "./context";
import { joinLines, type Draft } from "./drafts";
import { checkFormulaLike } from "./formula-like";
import { statusOverride } from "./row-status";
import type { CellRead, RowRead } from "./rows";
import { standardsCell } from "./standards-column";
import type { ScheduledMark } from "../plan";

/** Where an activity's schedule comes from: the marks under a timeline, or a timing column written in words. */
export type ScheduleSource = (draft: Draft, cells: readonly CellRead[], id: string, status: string | null, override: "done" | "cancelled" | null) => ScheduledMark[];

/** The levels a block's level columns give a row (Goal | Strategy | Action Step side by side), outermost first. */
export type ColumnPath = (row: number) => { texts: string[]; cells: string[] };

/**
 * An activity from its draft: its text (wrapped lines joined, bullets as sub-items), its path (level columns, then
 * hierarchy rows), its attribute columns, its schedule, and the error values in its other columns.
 */
export function buildActivity(
  ctx: ReadContext,
  draft: Draft,
  rowsByNumber: Map<number, RowRead>,
  columns: BlockColumns,
  schedule: ScheduleSource,
  blockIndex: number,
  columnPath: ColumnPath | null,
): Activity {
  const g = ctx.grid;
  const lines = joinLines(draft.lines);
  const id = ctx.idPrefix + (draft.firstRow + 1);
  // A one-row activity's cells are its row's (most activities); others gather theirs.
  const rows = draft.rows.map((r) => rowsByNumber.get(r)).filter((row) => row !== undefined);
  const cells: readonly CellRead[] = rows.length === 1 ? rows[0]!.cells : rows.flatMap((row) => row.cells);
  for (const { row: r, errors } of rows) {
    for (const c of errors) {
      const header = columns.headers.get(c);
      ctx.add({
        rule: "error-value",
        severity: "error",
        message: `${a1(r, c)} shows the error ${String(g.own(r, c))}${header ? ` in the "${header}" column` : ""}. Fix the formula or the value it refers to.`,
        cell: ctx.cell(r, c),
        activityId: id,
      });
    }
  }

  checkFormulaLike(ctx, draft, id);

  const status = attribute(g, draft, columns.roles.status);
  const override = status ? statusOverride(status) : null;
  const follow = attribute(g, draft, columns.followUp);
  const timing =
    columns.start !== null && columns.end !== null
      ? [attribute(g, draft, columns.start), attribute(g, draft, columns.end)].filter((t) => t !== null).join(" \u2013 ")
      : attribute(g, draft, columns.timing);
  const subItems = follow === null ? draft.subItems : [...draft.subItems, `Follow-up: ${follow}`];
  const attributes: Record<string, string> = {};
  for (const [c, header] of columns.extra) {
    const v = attribute(g, draft, c);
    if (v !== null) attributes[header] = v;
  }
  const rowPath = (draft.path.texts ??= draft.path.levels.map((level) => (level.joined ??= joinLines(level.lines))));
  const rowPathCells = (draft.path.cells ??= draft.path.levels.map((level) => ctx.cell(level.firstRow, level.labelColumn)));
  const fromColumns = columnPath?.(draft.firstRow);
  const standards = standardsCell(ctx, draft, columns.roles.standards);
  return {
    id,
    text: subItems.length === 0 ? lines : [lines, ...subItems.map((s) => `- ${s}`)].join("\n"),
    path: fromColumns ? [...fromColumns.texts, ...rowPath] : rowPath,
    pathCells: fromColumns ? [...fromColumns.cells, ...rowPathCells] : rowPathCells,
    owner: attribute(g, draft, columns.roles.owner),
    status,
    step: attribute(g, draft, columns.step),
    evidence: attribute(g, draft, columns.roles.evidence),
    resources: attribute(g, draft, columns.roles.resources),
    notes: attribute(g, draft, columns.roles.notes),
    attributes,
    subItems,
    ...(timing === null ? {} : { timing }),
    ...(standards === null ? {} : { standards }),
    block: blockIndex,
    cell: ctx.cell(draft.firstRow, draft.labelColumn),
    rows: draft.rows.map((r) => r + 1),
    schedule: schedule(draft, cells, id, status, override),
  };
}
