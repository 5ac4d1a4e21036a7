import { a1 } from "../address";
import { endsMidSentence, excerpt, isBullet, joinWrapped, startsLowerCase, stripBullet } from "../label-text";
import type { ReadContext } from "./context";
import { NO_LEVELS, type Draft, type PathLevels } from "./drafts";
import { hierarchyOf, REPEATED_HEADER } from "./levels";
import { placeMarkRows } from "./mark-rows";
import type { RowRead } from "./rows";
import type { BlockTitle } from "./titles";

/**
 * Groups a block's rows into activities and levels of the plan (README, "How it reads your grid"): a hierarchy row
 * starts a level; a line that starts in lower case, with a bullet, or after a line that cannot end a sentence
 * continues the activity above (wrapped text pasted from a PDF), bullets becoming sub-items; a heading alone on its
 * row takes the next line as its statement; rows of marks without text go to the activity they touch. In a table
 * (`ownRow` given), a row that holds something in its other columns is an activity of its own.
 */
export function groupRows(ctx: ReadContext, rows: RowRead[], title: BlockTitle | null, ownRow?: (row: RowRead) => boolean): Draft[] {
  const drafts: Draft[] = [];
  const path: { level: string; draft: Draft }[] = [];
  const titleLevel = title ? hierarchyOf(title.text) : null;
  if (title && titleLevel) {
    // A title that names a level ("Goal 1: ...") heads the path of every activity below it; it sits at its own cell.
    const titleDraft: Draft = { kind: "level", firstRow: title.row, labelColumn: title.column, lines: [title.text], subItems: [], rows: [], path: NO_LEVELS };
    path.push({ level: titleLevel.level, draft: titleDraft });
  }
  // The path as the drafts record it: one object while the path stays the same.
  let levels: PathLevels | null = null;
  const pathNow = (): PathLevels => (levels ??= path.length === 0 ? NO_LEVELS : { levels: path.map((p) => p.draft) });
  const start = (kind: Draft["kind"], row: RowRead, text: string): Draft => {
    const draft: Draft = { kind, firstRow: row.row, labelColumn: row.labelColumn, lines: [text], subItems: [], rows: [row.row], path: pathNow() };
    drafts.push(draft);
    return draft;
  };
  let current: Draft | null = null;
  let lastLine = "";
  let bareHeading: Draft | null = null;
  const markRows: RowRead[] = [];

  for (const row of rows) {
    if (row.label === "") {
      if (row.mergedBelow && current) {
        current.rows.push(row.row);
      } else if (row.hasMarks || row.cells.length > 0) {
        markRows.push(row);
      }
      continue;
    }
    if (!row.hasMarks && REPEATED_HEADER.test(row.label)) continue;
    const level = hierarchyOf(row.label);
    const bullet = isBullet(row.label);
    // A heading alone on its row ("Goal #2") takes the next unmarked line as its statement (seed 001).
    const heading = bareHeading;
    bareHeading = null;
    if (heading && heading === current && !level && !row.hasMarks && !bullet && !ownRow?.(row)) {
      heading.lines.push(row.label);
      heading.rows.push(row.row);
      lastLine = row.label;
      continue;
    }
    // A table row with cells of its own (its timing, its owner) is an activity of its own, whatever its text.
    const continues = current !== null && !level && (startsLowerCase(row.label) || bullet || endsMidSentence(lastLine)) && !ownRow?.(row);
    if (continues && current) {
      if (bullet && current.kind !== "activity") {
        // A bullet under a goal or strategy line is an activity of its own, starting on this row.
        current = start("activity", row, stripBullet(row.label));
      } else {
        if (bullet) current.subItems.push(stripBullet(row.label));
        else if (current.subItems.length > 0) {
          const i = current.subItems.length - 1;
          current.subItems[i] = joinWrapped(current.subItems[i]!, row.label);
        } else current.lines.push(row.label);
        current.rows.push(row.row);
      }
      lastLine = row.label;
      continue;
    }
    if (level && !level.leaf) {
      // The levels this one replaces go, then it comes in under the rest.
      while (path.length > 0 && path.some((p) => p.level === level.level)) path.pop();
      levels = null;
      const levelDraft = start(row.hasMarks ? "activity" : "level", row, row.label);
      path.push({ level: level.level, draft: levelDraft });
      levels = null;
      current = levelDraft;
      if (level.bare && levelDraft.kind === "level") bareHeading = levelDraft;
    } else {
      if (!current && (startsLowerCase(row.label) || bullet)) {
        ctx.add({
          rule: "orphan-continuation",
          severity: "warning",
          message: `"${excerpt(row.label)}" (${a1(row.row, row.labelColumn)}) looks like the rest of a wrapped line (it starts ${bullet ? "with a bullet" : "in lower case"}), but no activity comes before it. It is read as an activity of its own; join it to the line it belongs to, or capitalize it.`,
          cell: ctx.cell(row.row, row.labelColumn),
        });
      }
      current = start("activity", row, bullet ? stripBullet(row.label) : row.label);
    }
    lastLine = row.label;
  }

  if (markRows.length > 0) placeMarkRows(ctx, markRows, drafts, rows);
  return drafts;
}
