import { counted } from "../core/counted";
import { localCell, parseCellAddress, quoteSheet } from "../core/address";
import { holdsTheoryOnly, type SheetCheck, type SheetReport } from "../core/analyze";
import type { Finding } from "../core/findings";
import type { Block, PlanStandards, ScheduledMark } from "../core/plan";
import { coverageOf } from "../core/standards";
import { hasUntidySpace } from "../core/label-text";
import { groupKindName } from "../core/writes";

/**
 * Control characters, and the marks that reorder text on screen, that a cell may hold (a label with `_x001B_[31m`,
 * an OSC sequence): printed raw they would drive the terminal. Each is shown as its code instead (`\x1B`); line
 * breaks stay. JSON output needs none of this: JSON.stringify escapes what it must, and the document stays exact.
 */
// eslint-disable-next-line no-control-regex -- it matches the control characters a terminal would obey, to show them as codes
const UNPRINTABLE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text safe to print on a terminal: control characters shown as their codes. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}` : `\\u${code.toString(16).toUpperCase()}`;
  });
}

/** Plain-text tables for a terminal: columns padded, long text cut with an ellipsis. */
export function table(header: string[], texts: string[][], maxWidths: number[]): string {
  // Control characters shown as codes before the columns are measured, so that they line up.
  const rows = texts.map((r) => r.map(printable));
  // A loop, not Math.max(...rows): a long overdue list has more rows than a call takes arguments.
  const widths = header.map((h, i) => {
    let w = h.length;
    for (const r of rows) w = Math.max(w, (r[i] ?? "").length);
    return Math.min(maxWidths[i] ?? 40, w);
  });
  const cut = (s: string, w: number): string => (s.length <= w ? s.padEnd(w) : `${s.slice(0, Math.max(0, w - 1))}\u2026`);
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? cut(c, widths[i]!).trimEnd() : cut(c, widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

function oneLine(text: string): string {
  // Most labels and messages are one line with single spaces already.
  if (!hasUntidySpace(text) && !text.startsWith(" ") && !text.endsWith(" ")) return text;
  return text.replace(/\s*\n\s*/g, " ").replace(/\s+/g, " ").trim();
}


/** Periods in a compact form: consecutive months as a range (`Oct 2023 - May 2024`). */
export function periodsText(schedule: ScheduledMark[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < schedule.length) {
    let j = i;
    while (
      j + 1 < schedule.length &&
      dayAfter(schedule[j]!.end) === schedule[j + 1]!.start &&
      schedule[j + 1]!.state === schedule[i]!.state
    )
      j++;
    const state = schedule[i]!.state === "planned" ? "" : ` (${schedule[i]!.state})`;
    parts.push(j > i ? `${schedule[i]!.period} - ${schedule[j]!.period}${state}` : `${schedule[i]!.period}${state}`);
    i = j + 1;
  }
  return parts.join(", ");
}

function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function planText(report: SheetCheck): string {
  const out: string[] = [];
  const { plan } = report;
  // The sheet's title above its timeline is read as a statement too, but it is the plan's name, not a goal: it heads its block.
  const titles = new Set(plan.blocks.map((b) => b.titleCell));
  for (const goal of plan.goals) if (!titles.has(goal.cell)) out.push(`Goal: ${oneLine(goal.text)}`);
  for (const level of plan.levels) {
    const said = [
      ...(level.description === null ? [] : [`description: ${level.description}`]),
      ...(level.rationale === null ? [] : [`rationale: ${level.rationale}`]),
      ...level.notes.map((n) => `note: ${n}`),
      ...level.outcomes.map((o) => `${o.label}: ${o.text}`),
      ...level.obstacles.map((o) => `obstacle: ${o}`),
    ];
    if (said.length === 0) continue;
    out.push(oneLine(level.text));
    for (const line of said) out.push(`  ${oneLine(line)}`);
  }
  if (plan.theory) out.push("", ...theoryText(report));
  plan.blocks.forEach((block) => {
    const acts = plan.activities.filter((a) => a.block === block.index);
    out.push("");
    out.push(blockHeading(block));
    if (acts.length === 0) {
      out.push("  (no activities)");
      return;
    }
    const hasOwner = acts.some((a) => a.owner !== null);
    const hasPath = acts.some((a) => a.path.length > 0);
    const hasStandards = acts.some((a) => a.standards !== undefined);
    const header = [...(hasPath ? ["Goal / strategy"] : []), "Activity", ...(hasOwner ? ["Owner"] : []), ...(hasStandards ? ["Standards"] : []), "Periods", "Cell"];
    const rows = acts.map((a) => [
      ...(hasPath ? [a.path.map(oneLine).join(" > ")] : []),
      oneLine(a.text),
      ...(hasOwner ? [a.owner ?? "-"] : []),
      ...(hasStandards ? [a.standards?.names.join(", ") || "-"] : []),
      a.schedule.length === 0 ? "(none)" : periodsText(a.schedule),
      localCell(a.cell),
    ]);
    out.push(indent(table(header, rows, [...(hasPath ? [24] : []), 58, ...(hasOwner ? [18] : []), ...(hasStandards ? [30] : []), 44, 6])));
  });
  if (plan.blocks.length === 0) return out.join("\n").trimStart();
  if (plan.standards) out.push("", standardsText(plan.standards, coverageOf(plan)));
  out.push("");
  out.push(`${counted(plan.activities.length, "activity", "activities")}, ${counted(plan.activities.reduce((n, a) => n + a.schedule.length, 0), "scheduled mark")}.`);
  return out.join("\n");
}

/**
 * The theory of action: each statement under its theme, with the activities that share key words with it; on the
 * theory's own sheet, the statements alone.
 */
function theoryText(report: SheetCheck): string[] {
  const { plan } = report;
  const theory = plan.theory!;
  const own = plan.blocks.length === 0;
  const out = [`Theory of action (${counted(theory.statements.length, "statement")}${own ? "; related to the activities of the workbook's plan sheets" : ""})`];
  const byId = new Map(plan.activities.map((a) => [a.id, a]));
  let theme: string | null | undefined;
  for (const s of theory.statements) {
    if (s.theme !== theme) {
      theme = s.theme;
      if (theme !== null) out.push(`  ${theme}`);
    }
    // Under its theme heading a statement is its number there ("General 2" is 2.).
    out.push(`    ${s.theme === null ? s.label : `${s.label.slice(s.theme.length + 1)}.`} (${localCell(s.cell)}) ${oneLine(s.text)}`);
    if (own) continue;
    const carried = s.activities.slice(0, 3).map((r) => `"${excerptOf(byId.get(r.id)?.text ?? r.id)}" (${localCell(r.cell)}; shares ${r.words.join(", ")})`);
    if (carried.length > 0) out.push(`      carried out by ${s.activities.length} ${s.activities.length === 1 ? "activity" : "activities"}: ${carried.join("; ")}${s.activities.length > 3 ? "; ..." : ""}`);
    else out.push("      no activity shares a key word with it");
  }
  for (const note of theory.notes) out.push(`  note: ${oneLine(note)}`);
  return out;
}

function excerptOf(text: string): string {
  const line = oneLine(text.split("\n")[0] ?? text);
  return line.length <= 60 ? line : `${line.slice(0, 59)}\u2026`;
}

/** Standards coverage in one paragraph: each standard of the edition and how many activities address it. */
function standardsText(standards: PlanStandards, coverage: { name: string; activities: number }[]): string {
  const from = standards.source === "settings" ? "as set" : standards.source === "names" ? "from the names in the plan" : "the current edition; the names match both";
  const none = coverage.filter((c) => c.activities === 0).map((c) => c.name);
  return (
    `Standards for Professional Learning (${standards.edition} edition, ${from}): ` +
    coverage.map((c) => `${c.name} ${c.activities}`).join(", ") +
    (none.length > 0 ? `.\n  No activity addresses ${none.join("; ")}.` : ".")
  );
}

/** A block as a planner would name it: the grid's timeline, the table's columns, or the outline. */
function blockHeading(block: Block): string {
  const title = block.title ? `: ${oneLine(block.title)}` : "";
  const first = block.periods[0];
  const last = block.periods[block.periods.length - 1];
  const timeline = first && last ? `${block.periods.length} ${block.kind} columns, ${first.label} to ${last.label}` : null;
  if (block.shape === "grid") return `Timeline ${block.index + 1}${title} (${timeline}; header row ${block.headerRow})`;
  if (block.shape === "table") {
    const timing = block.columns["timing"] ?? (block.columns["start"] ? `${block.columns["start"]}-${block.columns["end"]}` : null);
    return `Table ${block.index + 1}${title} (activities in column ${block.labelColumn}${timing ? `, timing in column ${timing}` : ", no timing column"}; header row ${block.headerRow})`;
  }
  return `Outline (rows ${block.headerRow}-${block.lastRow}${timeline ? `; ${timeline}` : ", no timeline"})`;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n");
}

export function totalsLine(report: SheetReport): string {
  const t = report.summary.totals;
  return (
    `${counted(t.activities, "activity", "activities")}, ${counted(t.scheduled, "scheduled mark")}: ${t.done} done, ${t.overdue} overdue, ${t.current} current, ` +
    `${t.upcoming} upcoming (${t.dueSoon} due in the next ${counted(report.summary.dueSoonDays, "day")}), ${t.cancelled} cancelled; ` +
    `${t.unscheduled} with no period marked.`
  );
}

export function statusText(report: SheetReport): string {
  const s = report.summary;
  const out: string[] = [`As of ${s.asOf}: ${totalsLine(report)}`];
  const list = (title: string, items: { period: string; activity: string; owner: string | null; cell: string }[]): void => {
    out.push("");
    out.push(`${title} (${items.length})`);
    if (items.length === 0) {
      out.push("  none");
      return;
    }
    const rows = items.map((m) => [m.period, oneLine(m.activity), m.owner ?? "-", localCell(m.cell)]);
    // A period such as "Aug 2025 \u2013 May 2026" (timing in words) whole.
    out.push(indent(table(["Period", "Activity", "Owner", "Cell"], rows, [20, 66, 18, 6])));
  };
  // Overdue and due soon as the summary sheet lists them: by date, oldest first; current marks in plan order.
  list("Overdue", s.overdue);
  const current = report.status.marks.filter((m) => m.status === "current");
  list(
    "Current (due now)",
    current.map((m) => {
      const a = report.plan.activities[m.activity]!;
      return { period: m.mark.period, activity: a.text, owner: a.owner, cell: m.mark.cell };
    }),
  );
  list(`Due in the next ${counted(s.dueSoonDays, "day")}`, s.dueSoon);
  for (const [title, first, periods] of [
    ["By school year (marks longer than a quarter, and what became of them)", "School year", s.schoolYears],
    ["By quarter (marks due in the quarter, and what became of them)", "Quarter", s.quarters],
  ] as const) {
    if (periods.length === 0) continue;
    out.push("");
    out.push(title);
    out.push(
      indent(
        table(
          [first, "Due", "Done", "Overdue", "Current", "Upcoming", "Cancelled"],
          periods.map((q) => [q.label, q.scheduled, q.done, q.overdue, q.current, q.upcoming, q.cancelled].map(String)),
          [12, 5, 5, 8, 8, 9, 9],
        ),
      ),
    );
  }
  const severalBlocks = s.groups.filter((x) => x.kind === "block").length > 1;
  const groups = s.groups.filter((g) => g.kind !== "block" || severalBlocks);
  if (groups.length > 0) {
    out.push("");
    out.push("By goal, strategy and timeline");
    out.push(
      indent(
        table(
          ["Kind", "Name", "Activities", "Marks", "Done", "Overdue", "Current", "Upcoming"],
          groups.map((g) => [groupKindName(g), oneLine(g.name), ...[g.activities, g.scheduled, g.done, g.overdue, g.current, g.upcoming].map(String)]),
          [18, 52, 10, 5, 5, 8, 8, 9],
        ),
      ),
    );
  }
  const plan = report.plan;
  if (plan.standards && s.standards) out.push("", standardsText(plan.standards, s.standards.coverage));
  const f = s.findings;
  out.push("");
  out.push(`Findings: ${counted(f.error, "error")}, ${counted(f.warning, "warning")}, ${counted(f.info, "note")} (run "milestone-monitor validate" to list them).`);
  return out.join("\n");
}

/** How the command line sets what a finding's setting names. */
const SETTING_HINTS: Record<NonNullable<Finding["setting"]>, string> = {
  schoolYear: "(Command line: --school-year 2024-25, the plan's first school year.)",
  markWords: "(Mark words are saved in the workbook by the add-in's Settings tab; the command line uses them.)",
  standardsEdition: "(Command line: --standards 2011 or --standards 2022, the edition the district uses.)",
};

/**
 * A sheet's findings as a table. A finding at a cell of another sheet (a theory-of-action statement on a sheet of its
 * own) names that sheet in its Cell column ('Theory of Action'!A11), as Excel's Go To takes it.
 */
export function findingsText(findings: Finding[], sheet: string | null = null): string {
  if (findings.length === 0) return "No findings: the plan reads cleanly.";
  // A cell of the sheet is named on its own ("C5"), one of another sheet in full; the sheet's own cells (nearly all)
  // are known by the start they share, without reading each address.
  const own = sheet === null ? null : `${quoteSheet(sheet)}!`;
  const cellOf = (address: string): string => {
    if (own === null || address.startsWith(own)) return localCell(address);
    const at = parseCellAddress(address);
    return at && at.sheet !== sheet ? address : localCell(address);
  };
  const rows = findings.map((f) => [f.severity, cellOf(f.cell), f.rule, f.message + (f.setting ? ` ${SETTING_HINTS[f.setting]}` : "") + (f.fix ? ` [Fix: ${f.fix.description}]` : "")]);
  let cellWidth = 6;
  for (const row of rows) cellWidth = Math.max(cellWidth, row[1]!.length);
  return wrapLastColumn(["Severity", "Cell", "Rule", "Message"], rows, [8, Math.min(cellWidth, MOST_CELL_WIDTH), 28], 100);
}

/** The widest the Cell column grows for cells of other sheets; a longer address is cut with an ellipsis. */
const MOST_CELL_WIDTH = 32;

/**
 * What `validate` prints for a sheet: its findings, or for a sheet that holds only the theory of action and has none,
 * what it is for (its statements' findings are the plan sheets', listed with them).
 */
export function validateText(report: SheetCheck): string {
  if (report.findings.length === 0 && holdsTheoryOnly(report)) {
    return `No findings. This sheet holds the theory of action (${counted(report.plan.theory!.statements.length, "statement")}) the plan sheets are checked against; what the check finds is listed with those sheets.`;
  }
  return findingsText(report.findings, report.sheet);
}

/** A table whose last column wraps onto following lines instead of being cut. */
function wrapLastColumn(header: string[], rows: string[][], widths: number[], lastWidth: number): string {
  const pad = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  const out = [pad(header.slice(0, -1)) + "  " + header[header.length - 1], widths.map((w) => "-".repeat(w)).join("  ") + "  " + "-".repeat(lastWidth)];
  // Where a wrapped line of the last column starts: under it.
  const indent = " ".repeat(widths.reduce((a, w) => a + w + 2, 0));
  for (const row of rows) {
    let line = "";
    for (let i = 0; i < widths.length; i++) {
      const c = row[i]!;
      line += `${c.length > widths[i]! ? c.slice(0, widths[i]! - 1) + "\u2026" : c.padEnd(widths[i]!)}  `;
    }
    wrap(row[row.length - 1]!, lastWidth, (text, first) => out.push(first ? line + text : indent + text));
  }
  return out.join("\n");
}

/**
 * Words of a text on lines of at most `width` characters (a longer word on a line of its own), each line given to
 * `line` in turn: spaces and line breaks between words count as one space.
 */
function wrap(text: string, width: number, line: (text: string, first: boolean) => void): void {
  const t = oneLine(text);
  let start = 0;
  let first = true;
  while (t.length - start > width) {
    // The last space that ends a line of at most `width`; none: the word is longer than a line, and fills one.
    let end = t.lastIndexOf(" ", start + width);
    if (end <= start) end = t.indexOf(" ", start + 1);
    if (end < 0) break;
    line(t.slice(start, end), first);
    first = false;
    start = end + 1;
  }
  line(t.slice(start), first);
}
