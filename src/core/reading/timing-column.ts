import { a1 } from "../address";
import { excerpt } from "../label-text";
import type { MarkState, ScheduledMark } from "../plan";
import { readTiming, readTimingSpan } from "../timing/parse-timing";
import type { TimingContext, TimingReading } from "../timing/timing";
import { attributeText } from "./attributes";
import type { BlockColumns } from "./columns";
import type { ReadContext } from "./context";
import type { Draft } from "./drafts";
import { statusOverride } from "./row-status";

/**
 * An action-plan table row's schedule from its timing column, or its Start and End columns (docs/product.md,
 * "Timing text"): one entry per span the text names, each at the timing cell (with Start/End, the End cell), its
 * state from the row's status. Text that names no time is a finding (unreadable-timing), with a fix when one word
 * is a misspelt month.
 */
export function timingSchedule(ctx: ReadContext, draft: Draft, columns: BlockColumns, timing: TimingContext, id: string, status: string | null): ScheduledMark[] {
  const g = ctx.grid;
  const span = columns.start !== null && columns.end !== null;
  const column = span ? columns.end! : columns.timing;
  if (column === null) return [];
  // The first of the activity's rows with something in the timing column (or Start/End).
  const row = draft.rows.find((r) => g.anchorRow(r, column) === r && (!g.isEmpty(r, column) || (span && !g.isEmpty(r, columns.start!)))) ?? draft.firstRow;
  const cell = { value: g.value(row, column), format: g.format(row, column) };
  const reading: TimingReading = span
    ? readTimingSpan({ value: g.value(row, columns.start!), format: g.format(row, columns.start!) }, cell, timing)
    : readTiming(cell.value, cell.format, timing);
  // The entry's mark is the cell as the sheet shows it (a date cell's date, not its serial number), as its timing is.
  const text = cell.value === null ? "" : attributeText(cell.value, cell.format, g.date1904);
  const address = ctx.cell(row, column);
  if (reading.kind === "unreadable") {
    // With Start and End columns, the reading names the cell at fault.
    const faultColumn = span && reading.cell === "start" ? columns.start! : column;
    const faultCell = { value: g.value(row, faultColumn), address: ctx.cell(row, faultColumn) };
    const faultText = typeof faultCell.value === "string" ? faultCell.value.trim() : faultCell.value === null ? "" : String(faultCell.value);
    const where = a1(row, faultColumn);
    ctx.add({
      rule: "unreadable-timing",
      severity: "warning",
      message:
        `"${excerpt(faultText, 40)}" (${where}) does not say when "${excerpt(draft.lines[0] ?? "")}" happens in a way Milestone Monitor can read, so it is not scheduled. ` +
        `Write a month ("Oct"), a range ("Aug-May"), a season ("Fall"), a quarter ("Q2"), a date ("10/15/2025"), a deadline ("By June 2026"), ` +
        `a list ("Fall and Spring") or how often ("Monthly"); "TBD" if it is not known yet.`,
      cell: faultCell.address,
      activityId: id,
      ...(reading.suggestion === null || typeof faultCell.value !== "string"
        ? {}
        : { fix: { description: `Change ${where} to "${reading.suggestion}"`, edits: [{ cell: faultCell.address, value: reading.suggestion, before: faultText }] } }),
    });
    return [];
  }
  if (reading.kind === "unscheduled") return [];
  const state = entryState(ctx, status);
  return reading.entries.map((entry) => ({
    start: entry.start,
    end: entry.end,
    period: entry.label,
    cell: address,
    cells: [address],
    mark: text,
    state,
    ...(entry.frequency === undefined ? {} : { frequency: entry.frequency }),
    ...(entry.deadline ? { deadline: true } : {}),
  }));
}

/**
 * An entry's state from the row's status, read with the mark words: done, cancelled, in progress (a percentage
 * above 0% and under 100% too), else planned ("Not Started", "0%", "On Track" and an empty status).
 */
function entryState(ctx: ReadContext, status: string | null): MarkState {
  if (status === null) return "planned";
  const override = statusOverride(status);
  if (override) return override;
  const mark = ctx.vocabulary.read(status, null);
  return mark.kind === "mark" ? mark.state : "planned";
}
