import { z } from "zod/mini";
import { AreaSchema } from "./grid";
import type { SheetReport } from "./analyze";
import { emptyTotals, marksByActivity, type MarkStatus, type Totals } from "./status";
import type { StandardsCoverage } from "./summary";
import { localCell, parseCellAddress } from "./address";
import { compareCells } from "./address";
import { STORE_SHEET } from "./settings-store";
import type { DueInPeriod, GroupSummary } from "./summary";
import { monitoringSection, type Monitoring } from "./history/sheet-section";
import { outcomeLines, planContext, type PlanContext } from "./plan-context";
import type { Activity } from "./plan";
import { counted } from "./counted";
import { hierarchyOf } from "./reading/levels";

/**
 * Host-neutral descriptions of everything the add-in writes into a workbook: its summary sheet, its plan
 * sheet, and the cells it flags. Excel (the Office JavaScript API) and the command line (exceljs) apply the same description.
 */

export const SUMMARY_SHEET = "Milestone Summary";
export const PLAN_SHEET = "Milestone Plan";
export const PLAN_TABLE = "MilestonePlan";
/** The add-in's own sheets: never read as plans, always rebuilt. */
export const OWN_SHEETS = [SUMMARY_SHEET, PLAN_SHEET, STORE_SHEET];

/** A value to write. Every string is `text`: a host writes it as text, so `=SUM(...)` stays words, never a formula. */
export const WriteValueSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text"), text: z.string() }),
  z.object({ kind: z.literal("number"), value: z.number() }),
  /** A calendar date (YYYY-MM-DD), written as a date with a date format. */
  z.object({ kind: z.literal("date"), date: z.string() }),
  /** Text that takes the reader to a cell of the workbook (`'Sheet'!C5`). */
  z.object({ kind: z.literal("link"), text: z.string(), target: z.string() }),
]);
export type WriteValue = z.infer<typeof WriteValueSchema>;

/** "number-header": a header over numbers or dates, aligned with them (right). */
export const CellStyleSchema = z.enum(["title", "heading", "header", "number-header", "label", "overdue", "current", "done", "muted"]);
export type CellStyle = z.infer<typeof CellStyleSchema>;

export const WriteCellSchema = z.object({ value: WriteValueSchema, style: z.optional(CellStyleSchema) });
export type WriteCell = z.infer<typeof WriteCellSchema>;

/** The name Excel shows for the summary's chart (in the Selection pane), whichever host made it. */
export const CHART_NAME = "Milestone Monitor chart";
/** The name of the summary's trend chart (Excel only: the command line's copy has its figures, not the chart). */
export const TREND_CHART_NAME = "Milestone Monitor trend";

export const ChartWriteSchema = z.object({
  title: z.string(),
  type: z.enum(["column", "bar", "pie", "line"]),
  /** Categories in the first column and a series in each further column, with a header row. */
  data: AreaSchema,
  /** Where to put it: top-left cell (0-based), size in cells. */
  anchor: z.object({ row: z.int(), column: z.int(), rows: z.int(), columns: z.int() }),
});
export type ChartWrite = z.infer<typeof ChartWriteSchema>;

export const TableWriteSchema = z.object({ name: z.string(), area: AreaSchema, style: z.string() });

export const SheetWriteSchema = z.object({
  name: z.string(),
  /** Cells from A1 down, row by row; null leaves a cell empty. */
  rows: z.array(z.array(z.nullable(WriteCellSchema))),
  columnWidths: z.array(z.number()),
  freezeRows: z.int().check(z.nonnegative()),
  table: z.optional(TableWriteSchema),
  chart: z.optional(ChartWriteSchema),
  /** The summary's trend over the refreshes (a line chart), when the workbook keeps its history. */
  trendChart: z.optional(ChartWriteSchema),
});
export type SheetWrite = z.infer<typeof SheetWriteSchema>;

export const FlagKindSchema = z.enum(["overdue", "current"]);
export type FlagKind = z.infer<typeof FlagKindSchema>;

export const FlagWriteSchema = z.object({
  cell: z.string(),
  kind: FlagKindSchema,
  activityId: z.string(),
  period: z.string(),
});
export type FlagWrite = z.infer<typeof FlagWriteSchema>;

/** How flags look: distinct fills (and a dark font) for overdue and current marks. */
export const FLAG_STYLES: Record<FlagKind, { fill: string; font: string }> = {
  overdue: { fill: "#F1BBBC", font: "#750B1C" },
  current: { fill: "#FDE300", font: "#3D3300" },
};

/** How a cell of the add-in's sheets looks: both hosts apply these. Colours are `#RRGGBB`. */
export interface CellLook {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  /** Horizontal alignment, where it is not Excel's own (text left, numbers and dates right). */
  align?: "right";
}

export const CELL_LOOKS: Record<CellStyle, CellLook> = {
  title: { bold: true, size: 16, color: "#0F6CBD" },
  heading: { bold: true, size: 12 },
  header: { bold: true, fill: "#EBF3FC" },
  "number-header": { bold: true, fill: "#EBF3FC", align: "right" },
  label: { bold: false },
  overdue: { bold: true, color: FLAG_STYLES.overdue.font, fill: FLAG_STYLES.overdue.fill },
  current: { bold: true, color: FLAG_STYLES.current.font, fill: FLAG_STYLES.current.fill },
  done: { color: "#0E700E" },
  muted: { italic: true, color: "#616161" },
};

/** How a link to a cell looks. */
export const LINK_LOOK: CellLook = { color: "#0F6CBD", underline: true };

const FLAG_MARKER = "milestone-monitor:";

/**
 * Flags are conditional formats, never cell formats: the user's own fills stay untouched and "Clear flags"
 * only deletes rules. Each rule's formula is always true and names its kind, which is how the add-in tells
 * its own rules from the user's.
 */
export function flagFormula(kind: FlagKind): string {
  return `=ISTEXT("${FLAG_MARKER}${kind}")`;
}

/** The flag kind a conditional-format formula was written for, or null when it is not the add-in's. */
export function flagKindOfFormula(formula: string | null | undefined): FlagKind | null {
  if (!formula) return null;
  const m = /ISTEXT\("milestone-monitor:(overdue|current)"\)/.exec(formula);
  return m ? (m[1] as FlagKind) : null;
}

export const WorkbookWritesSchema = z.object({
  summary: SheetWriteSchema,
  plan: SheetWriteSchema,
  flags: z.array(FlagWriteSchema),
});
export type WorkbookWrites = z.infer<typeof WorkbookWritesSchema>;

/** The most characters a cell holds in Excel (a longer text makes Excel repair the workbook, cutting it). */
export const CELL_CHARACTERS = 32_767;

/** Text that fits in a cell: a longer one (long continuation lines joined) is cut there, an ellipsis its last character. */
export function cellFit(t: string): string {
  if (t.length <= CELL_CHARACTERS) return t;
  let end = CELL_CHARACTERS - 1;
  // Not between the two halves of a character outside the Basic Multilingual Plane (an emoji).
  const last = t.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${t.slice(0, end)}\u2026`;
}

const text = (t: string, style?: CellStyle): WriteCell =>
  style ? { value: { kind: "text", text: cellFit(t) }, style } : { value: { kind: "text", text: cellFit(t) } };
const num = (n: number, style?: CellStyle): WriteCell => (style ? { value: { kind: "number", value: n }, style } : { value: { kind: "number", value: n } });
const link = (t: string, target: string): WriteCell => ({ value: { kind: "link", text: cellFit(t), target } });
const date = (d: string): WriteCell => ({ value: { kind: "date", date: d } });

function addTotals(a: Totals, b: Totals): Totals {
  const out = { ...a };
  for (const key of Object.keys(b) as (keyof Totals)[]) out[key] = a[key] + b[key];
  return out;
}

/** Plain-language names of what became of a mark. */
export const STATUS_NAMES: Record<MarkStatus, string> = {
  done: "Done",
  overdue: "Overdue",
  current: "Current (due now)",
  upcoming: "Upcoming",
  cancelled: "Cancelled",
};

const STATUS_STYLE: Partial<Record<MarkStatus, CellStyle>> = { overdue: "overdue", current: "current", done: "done" };

/** The kinds of groups by their place in the plan: the first level, the second, a timeline or table. */
const GROUP_KIND_NAMES: Record<GroupSummary["kind"], string> = { goal: "Goal", strategy: "Strategy", block: "Timeline" };

/**
 * A group's kind as the summary sheet and the command line name it: as the plan names its level when the group's
 * title does ("Objective 1: ..." is an objective, "Strategy 1: ..." a strategy even as the plan's first level), else
 * by its place (a goal, a strategy, a timeline).
 */
export function groupKindName(group: Pick<GroupSummary, "kind" | "name">): string {
  const named = group.kind === "block" ? null : hierarchyOf(group.name);
  return named && !named.leaf ? named.level[0]!.toUpperCase() + named.level.slice(1) : GROUP_KIND_NAMES[group.kind];
}

/** The cell a link shows: `C5` on the sheet, or `Sheet!C5` when several sheets are summarized. */
function shortCell(cell: string, withSheet: boolean): string {
  const sheet = withSheet ? parseCellAddress(cell)?.sheet : undefined;
  return sheet === undefined ? localCell(cell) : `${sheet}!${localCell(cell)}`;
}

/**
 * The summary sheet: as-of date, the figures (with a chart), per group, quarter and month, the overdue and due-soon lists, the findings;
 * with `monitoring` (a sheet's history, by the report's place), what changed since the last review and the trend.
 */
export function describeSummarySheet(reports: SheetReport[], monitoring: readonly (Monitoring | null)[] = []): SheetWrite {
  const rows: (WriteCell | null)[][] = [];
  const several = reports.length > 1;
  const asOf = reports[0]?.summary.asOf ?? "";
  const dueSoonDays = reports[0]?.summary.dueSoonDays ?? 30;
  const totals = reports.map((r) => r.summary.totals).reduce(addTotals, emptyTotals());
  const severities = { error: 0, warning: 0, info: 0 };
  for (const r of reports) for (const k of ["error", "warning", "info"] as const) severities[k] += r.summary.findings[k];

  rows.push([text("Milestone Monitor: monitoring summary", "title")]);
  rows.push([text("As of", "label"), date(asOf)]);
  rows.push([text(several ? "Plan sheets" : "Plan sheet", "label"), text(reports.map((r) => r.sheet).join(", "))]);
  rows.push([]);
  const chartTop = rows.length;
  rows.push([text("Marks", "header"), text("Count", "number-header")]);
  for (const s of ["done", "overdue", "current", "upcoming", "cancelled"] as const) {
    rows.push([text(STATUS_NAMES[s], STATUS_STYLE[s] ?? "label"), num(totals[s])]);
  }
  const chartBottom = rows.length - 1;
  rows.push([text("Scheduled marks in all", "label"), num(totals.scheduled)]);
  rows.push([text("Activities", "label"), num(totals.activities)]);
  rows.push([text("Activities with no period marked", "label"), num(totals.unscheduled)]);
  rows.push([text(`Due in the next ${counted(dueSoonDays, "day")}`, "label"), num(totals.dueSoon)]);
  rows.push([text("Findings: errors", "label"), num(severities.error)]);
  rows.push([text("Findings: warnings", "label"), num(severities.warning)]);
  rows.push([text("Findings: notes", "label"), num(severities.info)]);

  const countHeader = ["Scheduled", "Done", "Overdue", "Current", "Upcoming", "Cancelled"];
  let trendChart: ChartWrite | null = null;
  reports.forEach((report, position) => {
    const s = report.summary;
    if (several) {
      rows.push([]);
      rows.push([text(`Sheet: ${report.sheet}`, "heading")]);
    }
    const history = monitoring[position];
    if (history) {
      const section = monitoringSection(history, rows.length);
      rows.push(...section.rows);
      trendChart ??= section.chart;
    }
    rows.push([]);
    rows.push([text("By goal, strategy and timeline", "heading")]);
    rows.push([text("Kind", "header"), text("Name", "header"), text("Activities", "number-header"), ...countHeader.map((h) => text(h, "number-header"))]);
    for (const g of s.groups) {
      rows.push([text(groupKindName(g)), text(g.name), num(g.activities), num(g.scheduled), num(g.done), num(g.overdue), num(g.current), num(g.upcoming), num(g.cancelled)]);
    }
    if (s.standards) rows.push(...standardsSection(s.standards));
    const dueTable = (heading: string, first: string, periods: DueInPeriod[]): void => {
      if (periods.length === 0) return;
      rows.push([]);
      rows.push([text(heading, "heading")]);
      rows.push([text(first, "header"), text("Due", "number-header"), ...countHeader.slice(1).map((h) => text(h, "number-header"))]);
      for (const p of periods) rows.push([text(p.label), num(p.scheduled), num(p.done), num(p.overdue), num(p.current), num(p.upcoming), num(p.cancelled)]);
    };
    dueTable("By school year: marks longer than a quarter (school years, semesters), and what became of them", "School year", s.schoolYears);
    dueTable("By quarter of the school year: what was due, and what became of it", "Quarter", s.quarters);
    dueTable("By month: marks of one month", "Month", s.months);
    rows.push([]);
    rows.push([text(`Overdue (${s.overdue.length})`, "heading")]);
    rows.push([text("Activity", "header"), text("Period", "header"), text("Owner", "header"), text("Cell", "header"), text("Goal / strategy", "header")]);
    for (const o of s.overdue) {
      rows.push([text(o.activity), text(o.period, "overdue"), text(o.owner ?? ""), link(shortCell(o.cell, several), o.cell), text(o.path.join(" \u203a "))]);
    }
    if (s.overdue.length === 0) rows.push([text("Nothing is overdue.", "muted")]);
    rows.push([]);
    rows.push([text(`Due in the next ${counted(s.dueSoonDays, "day")} (${s.dueSoon.length})`, "heading")]);
    rows.push([text("Activity", "header"), text("Period", "header"), text("Starts", "number-header"), text("Owner", "header"), text("Cell", "header")]);
    for (const d of s.dueSoon) rows.push([text(d.activity), text(d.period), date(d.start), text(d.owner ?? ""), link(shortCell(d.cell, several), d.cell)]);
    if (s.dueSoon.length === 0) rows.push([text("Nothing starts in that time.", "muted")]);
    rows.push([]);
    rows.push([text(`Findings (${report.findings.length})`, "heading")]);
    rows.push([text("Severity", "header"), text("Rule", "header"), text("Message", "header"), text("Cell", "header")]);
    for (const f of report.findings) rows.push([text(f.severity), text(f.rule), text(f.message), link(shortCell(f.cell, several), f.cell)]);
    if (report.findings.length === 0) rows.push([text("No findings.", "muted")]);
  });

  return {
    name: SUMMARY_SHEET,
    rows,
    columnWidths: [34, 40, 14, 12, 12, 12, 12, 12, 12],
    freezeRows: 0,
    chart: {
      title: `Marks as of ${asOf}`,
      type: "column",
      data: { top: chartTop, left: 0, bottom: chartBottom, right: 1 },
      anchor: { row: chartTop, column: 3, rows: 12, columns: 6 },
    },
    ...(trendChart ? { trendChart } : {}),
  };
}

/** How many activities address each Standard for Professional Learning, and which none does. */
function standardsSection(standards: StandardsCoverage): (WriteCell | null)[][] {
  const from = standards.source === "settings" ? "as set in Settings" : standards.source === "names" ? "as the plan's names match" : "the current edition: the names match both";
  const rows: (WriteCell | null)[][] = [[], [text(`Standards for Professional Learning (${standards.edition} edition, ${from})`, "heading")]];
  rows.push([text("Standard", "header"), text("Activities", "header")]);
  for (const c of standards.coverage) rows.push([text(c.name, c.activities === 0 ? "muted" : "label"), num(c.activities)]);
  const none = standards.coverage.filter((c) => c.activities === 0).map((c) => c.name);
  if (none.length > 0) rows.push([text(`No activity addresses ${none.join("; ")}.`, "muted")]);
  return rows;
}

/** Where an activity stands as a whole: its most pressing mark. */
export function activityStanding(statuses: MarkStatus[]): MarkStatus | "unscheduled" {
  if (statuses.length === 0) return "unscheduled";
  for (const s of ["overdue", "current"] as const) if (statuses.includes(s)) return s;
  if (statuses.includes("upcoming")) return "upcoming";
  if (statuses.includes("done")) return "done";
  return "cancelled";
}

/**
 * The plan sheet: one table row per activity (with its evidence, resources, standards and the theory-of-action
 * statements it carries out); below the table, the theory of action and what the plan says about its goals and
 * strategies (descriptions, rationale, expected outcomes, obstacles, notes).
 */
export function describePlanSheet(reports: SheetReport[]): SheetWrite {
  const several = reports.length > 1;
  const header = [
    ...(several ? ["Sheet"] : []),
    "Goal / strategy", "Activity", "Owner", "Reported status", "First period", "Last period", "Periods", "Status as of", "Overdue marks", "Source cell",
  ];
  const widths = [...(several ? [18] : []), 32, 60, 20, 16, 14, 14, 40, 16, 10, 12];
  // What the rest of the plan says about an activity: a column each where some plan says it.
  const contexts = new Map(reports.map((r) => [r, planContext(r.plan)]));
  const columns: { header: string; width: number; value: (a: Activity, context: PlanContext) => string }[] = [
    { header: "Evidence", width: 30, value: (a) => a.evidence ?? "" },
    { header: "Resources", width: 30, value: (a) => a.resources ?? "" },
    { header: "Standards", width: 30, value: (a) => (a.standards?.names ?? []).join(", ") },
    { header: "Theory of action", width: 24, value: (a, context) => context.statements(a).map((s) => s.label).join(", ") },
  ];
  const extra = columns.filter((column) => reports.some((r) => r.plan.activities.some((a) => column.value(a, contexts.get(r)!) !== "")));
  for (const column of extra) {
    header.push(column.header);
    widths.push(column.width);
  }
  const rows: (WriteCell | null)[][] = [header.map((h) => text(h))];
  for (const report of reports) {
    const statuses = marksByActivity(report.status, report.plan.activities.length);
    const context = contexts.get(report)!;
    report.plan.activities.forEach((a, position) => {
      const st = statuses[position]!.map((m) => m.status);
      rows.push([
        ...(several ? [text(report.sheet)] : []),
        text(a.path.join(" \u203a ")),
        text(a.text),
        text(a.owner ?? ""),
        text(a.status ?? ""),
        text(a.schedule[0]?.period ?? ""),
        text(a.schedule[a.schedule.length - 1]?.period ?? ""),
        text(a.schedule.map((m) => m.period).join(", ")),
        text(standingName(activityStanding(st))),
        num(st.filter((s) => s === "overdue").length),
        link(shortCell(a.cell, several), a.cell),
        ...extra.map((column) => text(column.value(a, context))),
      ]);
    });
  }
  const width = header.length;
  const tableBottom = Math.max(rows.length - 1, 1);
  for (const report of reports) rows.push(...planSections(report, several));
  return {
    name: PLAN_SHEET,
    rows,
    columnWidths: widths,
    freezeRows: 1,
    table: { name: PLAN_TABLE, area: { top: 0, left: 0, bottom: tableBottom, right: width - 1 }, style: "TableStyleMedium2" },
  };
}

/** Below the plan table: a sheet's theory of action, and its goals and strategies with what the plan says about them. */
function planSections(report: SheetReport, several: boolean): (WriteCell | null)[][] {
  const rows: (WriteCell | null)[][] = [];
  const { plan } = report;
  const of = several ? ` (${report.sheet})` : "";
  // A table ends at its last row: a blank row after it (or after the previous section) before each section.
  if (plan.theory) {
    const byId = new Map(plan.activities.map((a) => [a.id, a]));
    rows.push([], [text(`Theory of action${of}`, "heading")]);
    rows.push(["Statement", "Theme", "If / condition", "Then / result", "Activities that carry it out", "Shared key words", "Cell"].map((h) => text(h, "header")));
    for (const s of plan.theory.statements) {
      rows.push([
        text(s.label),
        text(s.theme ?? ""),
        text(s.condition),
        text(s.result),
        s.activities.length === 0 ? text("None shares a key word with it", "muted") : text(s.activities.map((r) => byId.get(r.id)?.text.split("\n")[0] ?? r.id).join("\n")),
        text([...new Set(s.activities.flatMap((r) => r.words))].join(", ")),
        link(shortCell(s.cell, true), s.cell),
      ]);
    }
    for (const note of plan.theory.notes) rows.push([text("Note", "muted"), text(note)]);
  }
  const said = plan.levels.filter((l) => l.description !== null || l.rationale !== null || l.outcomes.length > 0 || l.obstacles.length > 0 || l.notes.length > 0);
  if (said.length > 0) {
    rows.push([], [text(`Goals and strategies${of}`, "heading")]);
    rows.push(["Goal / strategy", "Description", "Rationale / evidence", "Expected outcomes", "Obstacles", "Notes", "Cell"].map((h) => text(h, "header")));
    for (const l of said) {
      rows.push([
        text(l.text),
        text(l.description ?? ""),
        text(l.rationale ?? ""),
        text(outcomeLines(l).join("\n")),
        text(l.obstacles.join("\n")),
        text(l.notes.join("\n")),
        link(shortCell(l.cell, several), l.cell),
      ]);
    }
  }
  return rows;
}

function standingName(s: MarkStatus | "unscheduled"): string {
  return s === "unscheduled" ? "No period marked" : s === "current" ? "Current" : STATUS_NAMES[s];
}

/**
 * The cells to flag: every cell of every overdue or current mark. A cell of several marks (a timing cell such as
 * "Sept-May, by Dec 1" names a span and a deadline in it) is flagged overdue when any of them is, else current.
 */
export function describeFlags(reports: SheetReport[]): FlagWrite[] {
  const flags = new Map<string, FlagWrite>();
  for (const report of reports) {
    for (const m of report.status.marks) {
      if (m.status !== "overdue" && m.status !== "current") continue;
      for (const cell of m.mark.cells) {
        const earlier = flags.get(cell);
        if (earlier && (earlier.kind === "overdue" || m.status === "current")) continue;
        flags.set(cell, { cell, kind: m.status, activityId: m.activityId, period: m.mark.period });
      }
    }
  }
  return [...flags.values()].sort((a, b) => compareCells(a.cell, b.cell));
}

export function describeWrites(reports: SheetReport[], monitoring: readonly (Monitoring | null)[] = []): WorkbookWrites {
  return { summary: describeSummarySheet(reports, monitoring), plan: describePlanSheet(reports), flags: describeFlags(reports) };
}
