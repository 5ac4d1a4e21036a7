import { a1 } from "../address";
import { compareCells } from "../address";
import { excerpt } from "../label-text";
import type { MarkState, ScheduledMark } from "../plan";
import type { Period } from "../periods";
import type { ReadContext } from "./context";
import type { Draft } from "./drafts";
import type { CellMark } from "./marks";
import type { CellRead } from "./rows";
import type { Timeline } from "./timeline";


interface Found {
  cells: CellRead[];
  state: MarkState;
  text: string;
}

/**
 * An activity's schedule from the cells of its rows (README, "Marks"), column by column, top to bottom: a V above a
 * ^ or an X in the same column is one X split by a PDF (split-mark); a Cyrillic or Greek X counts but is reported
 * (lookalike-mark); marks under two columns that name the same period count once (repeated-mark); error values and
 * text that is not a mark are findings (error-value, unrecognized-mark). A row status of done or cancelled
 * (`override`) sets every mark's state.
 */
export function scheduleOf(ctx: ReadContext, draft: Draft, cells: readonly CellRead[], timeline: Timeline, id: string, override: "done" | "cancelled" | null): ScheduledMark[] {
  const plain = plainSchedule(ctx, cells, timeline, override);
  if (plain) return plain;
  // Column by column, top to bottom (one row's cells are in column order already).
  const all = multipleRows(cells) ? [...cells].sort((a, b) => a.column - b.column || a.row - b.row) : cells;
  const lookalikes: CellRead[] = [];
  const perSpan = new Map<number, { period: Period; found: Found[] }>();
  for (let from = 0; from < all.length; ) {
    const column = all[from]!.column;
    let to = from + 1;
    while (to < all.length && all[to]!.column === column) to++;
    const { period, span } = timeline.get(column)!;
    let entry = perSpan.get(span);
    if (!entry) perSpan.set(span, (entry = { period, found: [] }));
    const found = entry.found;
    for (let i = from; i < to; i++) {
      const cur = all[i]!;
      const next = i + 1 < to ? all[i + 1] : undefined;
      const adjacent = next !== undefined && next.row === cur.row + 1;
      const m = cur.mark;
      if (m.kind === "split-top" && adjacent && (next.mark.kind === "mark" || next.mark.kind === "split-bottom")) {
        const state = next.mark.kind === "mark" ? next.mark.state : "planned";
        const text = next.mark.kind === "mark" ? next.mark.text : "X";
        if (next.mark.kind === "mark" && next.mark.lookalike) lookalikes.push(next);
        found.push({ cells: [cur, next], state, text });
        splitFinding(ctx, cur, next, id);
        i++;
      } else if (m.kind === "mark" && adjacent && next.mark.kind === "split-bottom") {
        if (m.lookalike) lookalikes.push(cur);
        found.push({ cells: [cur, next], state: m.state, text: m.text });
        splitFinding(ctx, cur, next, id);
        i++;
      } else if (m.kind === "mark") {
        if (m.lookalike) lookalikes.push(cur);
        found.push({ cells: [cur], state: m.state, text: m.text });
      } else if (m.kind === "error") {
        ctx.add({
          rule: "error-value",
          severity: "error",
          message: `${a1(cur.row, cur.column)} (${period.label}) shows the error ${m.text}, so it cannot be read as a mark. Fix the formula or clear the cell.`,
          cell: ctx.cell(cur.row, cur.column),
          activityId: id,
        });
      } else if (m.kind === "split-top" || m.kind === "split-bottom" || m.kind === "unknown") {
        ctx.add({
          rule: "unrecognized-mark",
          severity: "warning",
          message:
            `${a1(cur.row, cur.column)} (${period.label}) holds "${excerpt(m.text, 30)}", which is not a mark Milestone Monitor knows, so it is not counted. ` +
            `Use X for planned, \u2713 or "done" for done, "in progress", or "cancelled"; or add the word to the plan's mark words.`,
          cell: ctx.cell(cur.row, cur.column),
          activityId: id,
          setting: "markWords",
        });
      }
    }
    from = to;
  }
  const schedule: ScheduledMark[] = [];
  for (const { period, found } of perSpan.values()) {
    if (found.length === 0) continue;
    const first = found[0]!;
    const textRepeat = found.find((f, i) => i > 0 && !f.cells.every((c) => c.fill));
    if (textRepeat) {
      ctx.add({
        rule: "repeated-mark",
        severity: "info",
        message:
          `The activity "${excerpt(draft.lines[0] ?? "")}" is marked ${found.length} times under ${period.label} ` +
          `(${found.map((f) => a1(f.cells[0]!.row, f.cells[0]!.column)).join(", ")}); it counts once. Keep one mark and clear the others.`,
        cell: ctx.cell(textRepeat.cells[0]!.row, textRepeat.cells[0]!.column),
        activityId: id,
      });
    }
    const cellsOf = found.flatMap((f) => f.cells.map((c) => ctx.cell(c.row, c.column)));
    schedule.push({ start: period.start, end: period.end, period: period.label, cell: cellsOf[0]!, cells: cellsOf, mark: first.text, state: override ?? first.state });
  }
  if (lookalikes.length > 0) lookalikeFinding(ctx, lookalikes, id);
  // Marks by period start, then by cell: columns are not always in time order.
  return inTimeOrder(schedule) ? schedule : schedule.sort(byStartThenCell);
}

/**
 * The schedule of an activity whose cells are all plain marks (not split, not look-alikes) on one row, each under a
 * span of its own: most activities, read without the bookkeeping above (the bench's read stage on the district grid: 2.9x -> 1.2x the
 * old reader's time with it and two shared empty lists in rows.ts). Null
 * when any cell needs the full reading.
 */
function plainSchedule(ctx: ReadContext, cells: readonly CellRead[], timeline: Timeline, override: "done" | "cancelled" | null): ScheduledMark[] | null {
  const spans = new Set<number>();
  for (const { row, column, mark } of cells) {
    if (mark.kind !== "mark" || mark.lookalike || row !== cells[0]!.row) return null;
    const { span } = timeline.get(column)!;
    if (spans.has(span)) return null;
    spans.add(span);
  }
  const schedule = cells.map(({ row, column, mark }): ScheduledMark => {
    const { period } = timeline.get(column)!;
    const cell = ctx.cell(row, column);
    const { text, state } = mark as Extract<CellMark, { kind: "mark" }>;
    return { start: period.start, end: period.end, period: period.label, cell, cells: [cell], mark: text, state: override ?? state };
  });
  return inTimeOrder(schedule) ? schedule : schedule.sort(byStartThenCell);
}

function byStartThenCell(a: ScheduledMark, b: ScheduledMark): number {
  return a.start < b.start ? -1 : a.start > b.start ? 1 : compareCells(a.cell, b.cell);
}

function multipleRows(cells: readonly CellRead[]): boolean {
  for (let i = 1; i < cells.length; i++) if (cells[i]!.row !== cells[0]!.row) return true;
  return false;
}

function inTimeOrder(schedule: ScheduledMark[]): boolean {
  for (let i = 1; i < schedule.length; i++) if (schedule[i - 1]!.start >= schedule[i]!.start) return false;
  return true;
}

function splitFinding(ctx: ReadContext, top: CellRead, bottom: CellRead, id: string): void {
  const topText = top.mark.kind === "empty" ? "" : top.mark.text;
  const bottomText = bottom.mark.kind === "empty" ? "" : bottom.mark.text;
  ctx.add({
    rule: "split-mark",
    severity: "info",
    message: `"${topText}" in ${a1(top.row, top.column)} and "${bottomText}" in ${a1(bottom.row, bottom.column)} read as one X split over two lines (as a paste from a PDF leaves it). It counts once.`,
    cell: ctx.cell(top.row, top.column),
    activityId: id,
    fix: {
      description: `Put one X in ${a1(top.row, top.column)} and clear ${a1(bottom.row, bottom.column)}`,
      edits: [
        { cell: ctx.cell(top.row, top.column), value: "X", before: topText },
        { cell: ctx.cell(bottom.row, bottom.column), value: null, before: bottomText },
      ],
    },
  });
}

function lookalikeFinding(ctx: ReadContext, cells: CellRead[], id: string): void {
  const first = cells[0]!;
  const where = cells.map((c) => a1(c.row, c.column));
  const glyphs = [...new Set(cells.map((c) => (c.mark.kind === "mark" ? c.mark.text : "")))];
  const alphabets = glyphs.map((g) => (/[\u0400-\u04ff]/.test(g) ? "Cyrillic" : "Greek"));
  ctx.add({
    rule: "lookalike-mark",
    severity: "info",
    message:
      `${where.length === 1 ? `${where[0]} holds` : `${where.join(", ")} hold`} ${[...new Set(alphabets)].join(" and ")} ` +
      `${glyphs.map((g) => `"${g}"`).join(", ")}, which look${glyphs.length === 1 ? "s" : ""} like X but ${glyphs.length === 1 ? "is" : "are"} another letter: ` +
      `Milestone Monitor counts ${where.length === 1 ? "it" : "them"}, but a formula such as COUNTIF(..., "X") does not.`,
    cell: ctx.cell(first.row, first.column),
    activityId: id,
    fix: {
      description: `Replace with a Latin X`,
      edits: cells.map((c) => {
        const glyph = c.mark.kind === "mark" ? c.mark.text : "";
        return { cell: ctx.cell(c.row, c.column), value: glyph === glyph.toLowerCase() ? "x" : "X", before: glyph };
      }),
    },
  });
}
