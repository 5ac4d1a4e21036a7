import { localCell } from "../core/address";
import type { SheetReport } from "../core/analyze";
import { schoolYearLabel } from "../core/dates";
import type { Severity } from "../core/findings";
import { marksByActivity, type MarkStatus } from "../core/status";
import { activityStanding, STATUS_NAMES } from "../core/writes";
import { changesHeadline, dayLabel, type ActivityChange, type Changes, type FindingChange, type MarkChange } from "../core/history/changes";
import type { TrendPoint } from "../core/history/trend";
import { trendChart, TREND_SERIES } from "./trend-chart";

/**
 * The committee report: one self-contained HTML page (no script, nothing loaded from anywhere) built from the same
 * figures as the task pane and the summary sheet: the figures, the trend, what changed since the last review, the
 * overdue marks with their owners and the open findings, then a page per goal with its activities. Print CSS for A4
 * and Letter, a page break before each goal, black on white when printed. A page, so not in the engine (src/core
 * holds no markup): plain strings, no DOM, used alike by the task pane's dialog and the command line's `report`.
 */
export interface ReportInput {
  report: SheetReport;
  /** Changes since the review compared with, or null when the workbook keeps no earlier refresh. */
  changes: Changes | null;
  trend: readonly TrendPoint[];
  /** When the report was made, as the host words it (`2024-01-15 09:30`). */
  made: string;
}

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const STYLE = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #5c5c5c; --rule: #c8c8c8; --soft: #f3f6fa; --over: #a4262c; --done: #0e700e; --cur: #7a5c00; }
* { box-sizing: border-box; }
html { background: #fff; }
body { margin: 0 auto; max-width: 186mm; padding: 12mm 8mm; color: var(--ink); background: #fff; font: 10pt/1.35 "Segoe UI", system-ui, -apple-system, Arial, sans-serif; }
h1 { font-size: 17pt; margin: 0 0 2pt; color: #0f548c; }
h2 { font-size: 12.5pt; margin: 14pt 0 5pt; padding-bottom: 2pt; border-bottom: 1.5pt solid #0f548c; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 9pt 0 3pt; break-after: avoid; }
p { margin: 3pt 0; }
.meta { color: var(--muted); margin-bottom: 6pt; }
.figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 4pt; margin: 6pt 0; padding: 0; }
.figures div { border: 0.75pt solid var(--rule); border-radius: 3pt; padding: 4pt 6pt; background: var(--soft); }
.figures dt { color: var(--muted); font-size: 8.5pt; }
.figures dd { margin: 0; font-size: 15pt; font-weight: 600; }
.overdue { color: var(--over); } .done { color: var(--done); } .current { color: var(--cur); }
table { width: 100%; border-collapse: collapse; margin: 3pt 0 6pt; font-size: 8.8pt; }
th, td { text-align: left; vertical-align: top; padding: 2pt 4pt; border-bottom: 0.5pt solid var(--rule); }
th { background: var(--soft); font-weight: 600; }
td.n, th.n { text-align: right; white-space: nowrap; }
td.k { white-space: nowrap; }
tr.level th { background: none; border-bottom: 0.75pt solid #0f548c; padding-top: 6pt; font-size: 8.8pt; color: #0f548c; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
.chart { display: grid; grid-template-columns: 1fr 44mm; gap: 6pt; align-items: start; }
.chart > svg { width: 100%; height: auto; }
.legend { list-style: none; margin: 0; padding: 0; font-size: 8.8pt; }
.legend li { display: flex; gap: 4pt; align-items: center; }
.muted { color: var(--muted); }
.headline { font-weight: 600; }
section.goal { break-before: page; }
@media screen and (prefers-color-scheme: dark) {
  :root { color-scheme: dark; --ink: #eaeaea; --muted: #b0b0b0; --rule: #555; --soft: #2a2f36; --over: #ff8f94; --done: #7fd37f; --cur: #f2c94c; }
  html, body { background: #1c1c1c; }
  h1, h2 { color: #8cc4ff; border-color: #8cc4ff; }
}
@page { margin: 13mm 12mm; }
@media print {
  :root { color-scheme: light; }
  html, body { background: #fff; color: #000; }
  body { max-width: none; padding: 0; font-size: 9.5pt; }
}
`;

function figures(items: [string, number | string, string?][]): string {
  return `<dl class="figures">${items.map(([label, n, tone]) => `<div><dt>${esc(label)}</dt><dd${tone ? ` class="${tone}"` : ""}>${esc(String(n))}</dd></div>`).join("")}</dl>`;
}

/** A table; `numeric` columns are right-aligned, `whole` columns never wrap (a period, a cell). */
function table(headers: string[], rows: string[][], numeric: number[] = [], whole: number[] = []): string {
  const cls = (i: number): string => (numeric.includes(i) ? ' class="n"' : whole.includes(i) ? ' class="k"' : "");
  const cell = (tag: "th" | "td", text: string, i: number): string => `<${tag}${cls(i)}${tag === "th" ? ' scope="col"' : ""}>${text}</${tag}>`;
  return `<table><thead><tr>${headers.map((h, i) => cell("th", esc(h), i)).join("")}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c, i) => cell("td", c, i)).join("")}</tr>`).join("")}</tbody></table>`;
}

const firstLine = (text: string): string => text.split("\n")[0] ?? text;
const owner = (o: string | null): string => (o ? esc(o) : '<span class="muted">no owner named</span>');

function schoolYears(report: SheetReport): string {
  const years = report.plan.blocks.map((b) => b.schoolYear);
  if (years.length === 0) return "";
  const first = Math.min(...years);
  const last = Math.max(...years);
  return first === last ? schoolYearLabel(first) : `${schoolYearLabel(first)} to ${schoolYearLabel(last)}`;
}

function trendSection(trend: readonly TrendPoint[]): string {
  if (trend.length === 0) return `<p class="muted">No refresh is kept in the workbook yet: the trend starts with the first Refresh status.</p>`;
  const rows = trend.map((p) => [esc(dayLabel(p.asOf)), String(p.done), String(p.overdue), String(p.current), String(p.scheduled), `${p.percentDone}%`]);
  const figures = table(["As of", "Done", "Overdue", "Current", "Scheduled", "Done of scheduled"], rows, [1, 2, 3, 4, 5]);
  if (trend.length === 1) return `<p class="muted">One refresh is kept so far: the trend is drawn from the second on.</p>${figures}`;
  const c = trendChart(trend, 520, 190, dayLabel);
  const svg =
    `<svg viewBox="0 0 ${c.width} ${c.height}" role="img" aria-labelledby="trend-title"><title id="trend-title">Marks done, overdue and current at each refresh</title>` +
    c.yTicks.map((t) => `<line x1="${c.plot.left}" x2="${c.plot.right}" y1="${t.y}" y2="${t.y}" stroke="#c8c8c8" stroke-width="0.6"/><text x="${c.plot.left - 4}" y="${t.y + 3}" font-size="9" text-anchor="end" fill="currentColor">${t.label}</text>`).join("") +
    c.xLabels.map((l) => `<text x="${l.x}" y="${c.height - 6}" font-size="9" text-anchor="${l.anchor}" fill="currentColor">${esc(l.label)}</text>`).join("") +
    c.lines
      .map(
        (l) =>
          `<polyline points="${l.points}" fill="none" stroke="${l.color}" stroke-width="2"${l.dash ? ` stroke-dasharray="${l.dash}"` : ""}/>` +
          `<circle cx="${l.last.x}" cy="${l.last.y}" r="2.6" fill="${l.color}"/>`,
      )
      .join("") +
    `</svg>`;
  const legend = `<ul class="legend">${TREND_SERIES.map((s) => `<li><svg width="26" height="8" aria-hidden="true"><line x1="0" x2="26" y1="4" y2="4" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""}/></svg>${s.name}</li>`).join("")}</ul>`;
  return `<div class="chart">${svg}${legend}</div>${figures}`;
}

function changesSection(changes: Changes | null): string {
  if (!changes) return `<p class="muted">This is the first review the workbook keeps: the next report will say what changed since this one.</p>`;
  const parts = [`<p class="headline">${esc(changesHeadline(changes))}</p>`];
  if (!changes.complete) return parts.join("");
  const marks = (title: string, list: MarkChange[]): void => {
    if (list.length > 0) parts.push(`<h3>${esc(title)} (${list.length})</h3>`, table(["Activity", "Period", "Owner"], list.map((m) => [esc(firstLine(m.activity)), esc(m.period), owner(m.owner)]), [], [1]));
  };
  const activities = (title: string, list: ActivityChange[], where: string): void => {
    if (list.length > 0) parts.push(`<h3>${esc(title)} (${list.length})</h3>`, table(["Activity", "Owner", where], list.map((a) => [esc(firstLine(a.activity)), owner(a.owner), esc(localCell(a.cell))]), [], [2]));
  };
  const findings = (title: string, list: FindingChange[]): void => {
    if (list.length > 0) parts.push(`<h3>${esc(title)} (${list.length})</h3>`, table(["Severity", "Finding", "Cell"], list.map((f) => [esc(f.severity), esc(f.message), esc(localCell(f.cell))]), [], [2]));
  };
  marks("Newly overdue", changes.newlyOverdue);
  marks("Newly done", changes.newlyDone);
  activities("Added", changes.added, "Cell");
  activities("Removed", changes.removed, "Was at");
  if (changes.rescheduled.length > 0) {
    parts.push(
      `<h3>Rescheduled (${changes.rescheduled.length})</h3>`,
      table(["Activity", "Owner", "No longer", "Now also"], changes.rescheduled.map((r) => [esc(firstLine(r.activity)), owner(r.owner), esc(r.from.join(", ") || "\u2013"), esc(r.to.join(", ") || "\u2013")])),
    );
  }
  if (changes.statusChanged.length > 0) {
    parts.push(
      `<h3>Reported status changed (${changes.statusChanged.length})</h3>`,
      table(["Activity", "Owner", "Was", "Now"], changes.statusChanged.map((s) => [esc(firstLine(s.activity)), owner(s.owner), esc(s.from ?? "\u2013"), esc(s.to ?? "\u2013")])),
    );
  }
  findings("Findings fixed", changes.findingsFixed);
  findings("New findings", changes.findingsNew);
  return parts.join("");
}

const SEVERITY_TITLES: Record<Severity, string> = { error: "Errors", warning: "Warnings", info: "Notes" };
/** Findings listed per severity, at most: a long list says more in the Findings tab. */
const FINDINGS_LISTED = 40;

function findingsSection(report: SheetReport): string {
  const s = report.summary.findings;
  const parts = [figures([["Errors", s.error, s.error > 0 ? "overdue" : undefined], ["Warnings", s.warning], ["Notes", s.info]])];
  for (const severity of ["error", "warning", "info"] as const) {
    const list = report.findings.filter((f) => f.severity === severity);
    if (list.length === 0) continue;
    const shown = list.slice(0, FINDINGS_LISTED);
    parts.push(`<h3>${SEVERITY_TITLES[severity]} (${list.length})</h3>`, table(["Finding", "Cell"], shown.map((f) => [esc(f.message), esc(localCell(f.cell))]), [], [1]));
    if (list.length > shown.length) parts.push(`<p class="muted">and ${list.length - shown.length} more, listed in the task pane's Findings tab.</p>`);
  }
  return parts.join("");
}

const STANDING_NAMES: Record<MarkStatus | "unscheduled", string> = { ...STATUS_NAMES, current: "Current", unscheduled: "No period marked" };
const STANDING_TONE: Partial<Record<MarkStatus | "unscheduled", string>> = { overdue: "overdue", done: "done", current: "current" };

/** A page per goal (per block when the plan names no goal): its figures and each activity's standing and owner. */
function goalSections(report: SheetReport): string {
  const statuses = marksByActivity(report.status, report.plan.activities.length);
  const hasGoals = report.plan.activities.some((a) => a.path.length > 0);
  const groups = new Map<string, number[]>();
  report.plan.activities.forEach((a, i) => {
    const block = report.plan.blocks[a.block];
    const name = hasGoals ? (a.path[0] ?? "Activities under no goal") : (block?.title ?? `Timeline ${a.block + 1}`);
    const list = groups.get(name);
    if (list) list.push(i);
    else groups.set(name, [i]);
  });
  return [...groups]
    .map(([name, positions]) => {
      const counts: Record<MarkStatus, number> = { done: 0, overdue: 0, current: 0, upcoming: 0, cancelled: 0 };
      let under = "";
      const rows = positions.map((i) => {
        const a = report.plan.activities[i]!;
        const st = statuses[i]!.map((m) => m.status);
        for (const s of st) counts[s]++;
        const standing = activityStanding(st);
        const tone = STANDING_TONE[standing];
        const periods = a.schedule.length === 0 ? "\u2013" : a.schedule.length <= 3 ? a.schedule.map((m) => m.period).join(", ") : `${a.schedule[0]!.period} \u2013 ${a.schedule[a.schedule.length - 1]!.period} (${a.schedule.length})`;
        // The objective or strategy the activities below sit under, as a row of its own where it changes.
        const level = hasGoals ? a.path.slice(1).join(" \u203a ") : "";
        const heading = level !== under ? `<tr class="level"><th colspan="5" scope="colgroup">${esc(level || "Under the goal itself")}</th></tr>` : "";
        under = level;
        return (
          `${heading}<tr><td>${esc(firstLine(a.text))}</td><td>${owner(a.owner)}</td><td>${esc(periods)}</td>` +
          `<td class="k"><span${tone ? ` class="${tone}"` : ""}>${esc(STANDING_NAMES[standing])}</span></td><td>${esc(a.status ?? "")}</td></tr>`
        );
      });
      const head = ["Activity", "Owner", "Periods", "Status as of", "Reported status"].map((h) => `<th scope="col">${h}</th>`).join("");
      return (
        `<section class="goal"><h2>${esc(name)}</h2>` +
        figures([["Activities", positions.length], ["Done", counts.done, "done"], ["Overdue", counts.overdue, "overdue"], ["Current", counts.current, "current"]]) +
        `<table><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>` +
        `</section>`
      );
    })
    .join("");
}

/** The committee report as one HTML document. */
export function reportHtml(input: ReportInput): string {
  const { report } = input;
  const s = report.summary;
  const t = s.totals;
  const title = `Committee report: ${report.sheet}`;
  const planTitle = report.plan.goals[0]?.text ?? report.plan.blocks[0]?.title ?? null;
  const overdue = [...s.overdue].sort((a, b) => (a.owner ?? "\uffff").localeCompare(b.owner ?? "\uffff") || (a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
  const years = schoolYears(report);
  const body =
    `<header><h1>${esc(title)}</h1>` +
    (planTitle ? `<p>${esc(planTitle)}</p>` : "") +
    `<p class="meta">${years ? `School year ${esc(years)} \u00b7 ` : ""}As of ${esc(dayLabel(s.asOf))} \u00b7 Made ${esc(input.made)} by Milestone Monitor</p></header>` +
    `<section><h2>Where the plan stands</h2>` +
    figures([
      ["Activities", t.activities],
      ["Scheduled marks", t.scheduled],
      ["Done", t.done, "done"],
      ["Done of scheduled", `${t.scheduled === 0 ? 0 : Math.round((100 * t.done) / t.scheduled)}%`],
      ["Overdue", t.overdue, "overdue"],
      ["Current (due now)", t.current, "current"],
      ["Upcoming", t.upcoming],
      ["Cancelled", t.cancelled],
    ]) +
    `</section>` +
    `<section><h2>Trend over the refreshes</h2>${trendSection(input.trend)}</section>` +
    `<section><h2>Changes since the last review</h2>${changesSection(input.changes)}</section>` +
    `<section><h2>Overdue, by owner (${overdue.length})</h2>` +
    (overdue.length === 0 ? `<p class="muted">Nothing is overdue.</p>` : table(["Owner", "Activity", "Period", "Cell"], overdue.map((o) => [owner(o.owner), esc(firstLine(o.activity)), esc(o.period), esc(localCell(o.cell))]), [], [2, 3])) +
    `</section>` +
    `<section><h2>Open findings</h2>${findingsSection(report)}</section>` +
    goalSections(report);
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><style>${STYLE}</style></head>` +
    `<body>${body}</body></html>\n`
  );
}
