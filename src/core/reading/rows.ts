import { isErrorValue } from "../grid";
import { hasUntidySpace } from "../label-text";
import type { BlockColumns } from "./columns";
import type { ReadContext } from "./context";
import type { CellMark } from "./marks";

/** One timeline cell of a row that holds something: a mark, half of a split X, an error, or unknown text. */
export interface CellRead {
  row: number;
  column: number;
  mark: CellMark;
  /** The mark is a filled cell without text (a Gantt bar). */
  fill: boolean;
}

/** One row of a block as the reader sees it: its label text and the cells of its timeline. */
export interface RowRead {
  row: number;
  label: string;
  labelColumn: number;
  /** The row is inside a label merged down from an earlier row. */
  mergedBelow: boolean;
  cells: readonly CellRead[];
  hasMarks: boolean;
  /** Columns outside the timeline whose cell shows an error value. */
  errors: readonly number[];
  /** Columns outside the timeline, with no header, that hold an X. */
  strays: readonly number[];
}

const NONE: readonly never[] = [];

/** A column outside the timeline, and whether the block's header names it. */
export interface OutsideColumn {
  column: number;
  headed: boolean;
}

/**
 * Reads one row: its label (the label column, or a free-text column to its right for an indented outline), its
 * timeline cells with the mark vocabulary (a merged cell marks each period it covers, once, on its first row; a
 * solid fill that differs from the row's background is a Gantt bar), error values and stray X's elsewhere.
 */
export function readRow(ctx: ReadContext, row: number, columns: BlockColumns, periodColumns: number[], outside: OutsideColumn[]): RowRead {
  const g = ctx.grid;
  let label = "";
  let labelColumn = columns.label;
  let mergedBelow = false;
  for (let i = -1; i < columns.freeText.length; i++) {
    const c = i < 0 ? columns.label : columns.freeText[i]!;
    if (g.anchorRow(row, c) !== row) {
      if (c === columns.label && g.text(row, c) !== "") mergedBelow = true;
      continue;
    }
    const v = g.own(row, c);
    if (typeof v === "number" && c === columns.label) {
      label = String(v);
      labelColumn = c;
      break;
    }
    const t = g.text(row, c);
    if (t !== "" && !isErrorValue(t)) {
      label = hasUntidySpace(t) ? t.replace(/\s+/g, " ") : t;
      labelColumn = c;
      break;
    }
  }

  const cells: CellRead[] = [];
  let hasMarks = false;
  let background: string | null | undefined;
  const fills = g.hasFills();
  for (const c of periodColumns) {
    if (g.anchorRow(row, c) !== row) continue; // a merge from the row above counts once, on its first row
    const v = g.value(row, c);
    if (v === null && !fills) continue;
    let mark = ctx.vocabulary.read(v, g.format(row, c));
    let fill = false;
    if (mark.kind === "empty" && fills) {
      background ??= rowBackground(ctx, row, periodColumns, columns.label);
      const f = g.fill(row, c);
      if (f !== null && f !== background) {
        mark = { kind: "mark", state: "planned", text: "", lookalike: false };
        fill = true;
      }
    }
    if (mark.kind === "empty") continue;
    if (mark.kind === "mark" || mark.kind === "split-top" || mark.kind === "split-bottom") hasMarks = true;
    cells.push({ row, column: c, mark, fill });
  }

  // Most rows have neither errors nor stray marks: they share one empty list.
  let errors: number[] | null = null;
  let strays: number[] | null = null;
  for (const { column, headed } of outside) {
    const v = g.own(row, column);
    if (typeof v !== "string" || g.anchorRow(row, column) !== row) continue;
    if (isErrorValue(v)) (errors ??= []).push(column);
    else if (!headed && v.length <= 3) {
      const m = ctx.vocabulary.read(v, null);
      if (m.kind === "mark" && m.state === "planned" && m.text.length <= 2) (strays ??= []).push(column);
    }
  }
  return { row, label, labelColumn, mergedBelow, cells: cells.length === 0 ? NONE : cells, hasMarks, errors: errors ?? NONE, strays: strays ?? NONE };
}

/**
 * The fill a row's empty timeline cells share (banding): no fill when any has none. A bar can cover most of
 * a banded row's timeline and outnumber the banded cells, so when the label cell carries one of the fills
 * (banding runs across the whole row), that fill is the background; else the most common one is.
 */
function rowBackground(ctx: ReadContext, row: number, periodColumns: number[], labelColumn: number): string | null {
  const g = ctx.grid;
  const counts = new Map<string, number>();
  for (const c of periodColumns) {
    if (!g.isEmpty(row, c)) continue;
    const f = g.fill(row, c);
    if (f === null) return null;
    counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  const labelFill = g.fill(row, labelColumn);
  if (labelFill !== null && counts.has(labelFill)) return labelFill;
  let best: string | null = null;
  let bestCount = 0;
  for (const [f, n] of counts) if (n > bestCount) [best, bestCount] = [f, n];
  return bestCount > 1 || counts.size === 1 ? best : null;
}
