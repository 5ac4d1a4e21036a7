import { columnLetters, localCell } from "./address";
import type { SheetCheck } from "./analyze";
import { addMonths, monthShortName, schoolYearLabel } from "./dates";
import { hasTiming } from "./rules/unscheduled-activity";
import type { SheetWrite, WriteCell } from "./writes";

/**
 * Add a timeline (docs/product.md, "A plan with no timing at all"): month columns for the plan's school year,
 * written as text into empty columns right of a plan that says nothing about when its steps happen, in the row of
 * its header (a table) or of its first line (an outline), so that the planner can mark X's under them. Nothing the
 * user typed moves or changes. When there is no room to the right, a sheet of its own lists the steps with links
 * back to them, under the same months.
 */
export type TimelineAddition =
  /** The plan already says when its steps happen: nothing to add. */
  | { kind: "already"; message: string }
  | { kind: "no-plan"; message: string }
  /** Month labels to write as text on `sheet`, from (row, column), 0-based, left to right. */
  | { kind: "columns"; sheet: string; row: number; column: number; labels: string[]; message: string }
  /** A new sheet to add: the plan's steps under the months. */
  | { kind: "sheet"; sheet: SheetWrite; message: string };

/** The widest sheet Excel has: columns A to XFD. */
const LAST_COLUMN = 16_383;

/** The school year's months as a header names them: `Jul 2025` .. `Jun 2026`. */
export function schoolYearMonths(schoolYear: number, startMonth: number): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const { year, month } = addMonths(schoolYear, startMonth, i);
    return `${monthShortName(month)} ${year}`;
  });
}

/**
 * What Add a timeline writes for a sheet's plan. `right` is the sheet's last used column (0-based): the month
 * columns go right after it, where no cell holds anything.
 */
export function describeAddTimeline(check: SheetCheck, right: number): TimelineAddition {
  const { plan } = check;
  if (plan.blocks.length === 0) return { kind: "no-plan", message: `"${plan.sheet}" holds no plan to add a timeline to.` };
  const timed = plan.blocks.find(hasTiming);
  if (timed) {
    const where = timed.periods.length > 0 ? `months in row ${timed.headerRow}` : `a timing column (${timed.columns["timing"] ?? timed.columns["start"]})`;
    return { kind: "already", message: `The plan on "${plan.sheet}" already has a timeline (${where}): mark the months there.` };
  }
  const block = plan.blocks[0]!;
  const labels = schoolYearMonths(block.schoolYear, plan.startMonth);
  const row = block.headerRow - 1;
  const column = right + 1;
  const span = `${labels[0]} to ${labels[labels.length - 1]} (${schoolYearLabel(block.schoolYear)})`;
  if (column + labels.length - 1 <= LAST_COLUMN) {
    return {
      kind: "columns",
      sheet: plan.sheet,
      row,
      column,
      labels,
      message:
        `Month columns ${span} added in row ${row + 1}, columns ${columnLetters(column)} to ${columnLetters(column + labels.length - 1)} of "${plan.sheet}": ` +
        `put an X under each month a step is planned for. Nothing else on the sheet changed.`,
    };
  }
  const name = `${plan.sheet.slice(0, 22)} timeline`;
  const text = (t: string): WriteCell => ({ value: { kind: "text", text: t } });
  const header: (WriteCell | null)[] = ["Goal / strategy", "Step", "In the plan", ...labels].map((h) => ({ value: { kind: "text", text: h }, style: "header" }));
  const rows = plan.activities.map((a): (WriteCell | null)[] => [text(a.path.join(" \u203a ")), text(a.text), { value: { kind: "link", text: localCell(a.cell), target: a.cell } }]);
  return {
    kind: "sheet",
    sheet: { name, rows: [header, ...rows], columnWidths: [32, 60, 12, ...labels.map(() => 9)], freezeRows: 1 },
    message: `"${plan.sheet}" has no empty columns to its right: the sheet "${name}" lists its steps under the months ${span}, each with a link back to it. Put an X under each month a step is planned for.`,
  };
}
