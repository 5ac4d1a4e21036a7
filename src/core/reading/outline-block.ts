import { columnLetters } from "../address";
import type { Plan, PlanLevel } from "../plan";
import { joinWrapped } from "../label-text";
import type { ReadContext } from "./context";
import { checkPeriodOrder } from "./period-order";
import { readOutline, type OutlineLevel, type OutlineLine } from "./outline";
import { datedTimeline } from "./timeline";
import { readRow, type CellRead } from "./rows";
import { scheduleOf } from "./schedule";
import { checkSchoolYearAssumed, schoolYearFor, tableSchoolYear } from "./school-year";
import type { TimelineHeader } from "./timeline-header";
import { NO_LEVELS, type Draft } from "./drafts";
import type { BlockColumns } from "./columns";
import { targetYearOf } from "./goals";

/**
 * An outline as one block of the plan (docs/product.md, "Outlines"): its levels with their statements, descriptions,
 * notes and obstacles; its steps as activities, numbered as the list numbers them. A timeline added to the right of
 * it (Add a timeline) gives each step the marks on its rows.
 */
export function readOutlineBlock(ctx: ReadContext, plan: Plan, lines: OutlineLine[], header: TimelineHeader | null): void {
  const outline = readOutline(lines);
  const first = lines[0]!;
  const textColumns = new Map<number, number>();
  for (const line of lines) textColumns.set(line.column, (textColumns.get(line.column) ?? 0) + 1);
  const labelColumn = [...textColumns.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];

  const sy = header ? schoolYearFor(ctx, header, null, null) : tableSchoolYear(ctx, null, null, null);
  const dated = header ? datedTimeline(ctx, header, sy.year) : null;
  if (header && dated) {
    checkSchoolYearAssumed(ctx, header, sy.year, sy.source);
    checkPeriodOrder(ctx, dated.periods);
  }
  plan.blocks.push({
    index: 0,
    shape: "outline",
    title: null,
    titleCell: null,
    headerCell: ctx.cell(first.row, first.column),
    headerRow: first.row + 1,
    lastRow: lines[lines.length - 1]!.row + 1,
    kind: dated?.periods[0]?.kind ?? null,
    periods: dated?.periods ?? [],
    labelColumn: columnLetters(labelColumn),
    columns: {},
    schoolYear: sy.year,
    schoolYearSource: sy.source,
  });

  const levelText = (levels: OutlineLevel[]): string[] => levels.map((l) => l.text);
  const levelCells = (levels: OutlineLevel[]): string[] => levels.map((l) => ctx.cell(l.row, l.column));
  for (const level of outline.levels) {
    const entry: PlanLevel = {
      level: level.level,
      text: level.text,
      cell: ctx.cell(level.row, level.column),
      path: levelText(level.path),
      description: level.description.length === 0 ? null : level.description.reduce(joinWrapped),
      rationale: null,
      notes: level.notes,
      obstacles: level.obstacles,
      outcomes: [],
    };
    plan.levels.push(entry);
  }
  for (const line of outline.preamble) {
    if (line.text.length >= 12) plan.goals.push({ text: line.text, cell: ctx.cell(line.row, line.column), targetYear: targetYearOf(line.text) });
  }

  // With a timeline: the marks on each step's rows, under its periods.
  const timelineColumns = dated ? [...dated.timeline.keys()].sort((a, b) => a - b) : [];
  const columns: BlockColumns = { label: labelColumn, levels: [], timing: null, start: null, end: null, followUp: null, step: null, roles: {}, extra: new Map(), freeText: [], headers: new Map() };
  for (const step of outline.steps) {
    const id = ctx.idPrefix + (step.row + 1);
    const rows = [...new Set(step.rows)].sort((a, b) => a - b);
    const text = [step.lines.reduce(joinWrapped), ...step.subItems.map((s) => `- ${s}`)].join("\n");
    let schedule: Plan["activities"][number]["schedule"] = [];
    if (dated && header) {
      const cells: CellRead[] = rows.filter((r) => r !== header.row).flatMap((r) => readRow(ctx, r, columns, timelineColumns, []).cells);
      const draft: Draft = { kind: "activity", firstRow: step.row, labelColumn: step.column, lines: step.lines, subItems: step.subItems, rows, path: NO_LEVELS };
      schedule = scheduleOf(ctx, draft, cells, dated.timeline, id, null);
    }
    plan.activities.push({
      id,
      text,
      path: levelText(step.path),
      pathCells: levelCells(step.path),
      owner: null,
      status: null,
      step: step.number,
      evidence: null,
      resources: null,
      notes: null,
      attributes: {},
      subItems: step.subItems,
      block: 0,
      cell: ctx.cell(step.row, step.column),
      rows: rows.map((r) => r + 1),
      schedule,
    });
  }
}
