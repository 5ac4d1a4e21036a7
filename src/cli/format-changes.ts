import { localCell } from "../core/address";
import { changesHeadline, dayLabel, type ActivityChange, type Changes, type MarkChange } from "../core/history/changes";

const line = (text: string): string => text.split("\n")[0] ?? text;

/** `status --since`: what changed since the review, one item a line with its cell. */
export function changesText(c: Changes): string {
  const out = [`${changesHeadline(c)} (the refresh as of ${dayLabel(c.since.asOf)}, made ${c.since.day})`];
  if (!c.complete) return `${out[0]}\n`;
  const marks = (title: string, list: MarkChange[]): void => {
    if (list.length === 0) return;
    out.push(`  ${title} (${list.length}):`);
    for (const m of list) out.push(`    ${m.period.padEnd(9)} ${line(m.activity)} (${m.owner ?? "no owner"}, ${localCell(m.cell)})`);
  };
  const activities = (title: string, list: ActivityChange[], was = false): void => {
    if (list.length === 0) return;
    out.push(`  ${title} (${list.length}):`);
    for (const a of list) out.push(`    ${line(a.activity)} (${a.owner ?? "no owner"}, ${was ? "was at " : ""}${localCell(a.cell)})`);
  };
  marks("Newly overdue", c.newlyOverdue);
  marks("Newly done", c.newlyDone);
  activities("Added", c.added);
  activities("Removed", c.removed, true);
  if (c.rescheduled.length > 0) out.push(`  Rescheduled (${c.rescheduled.length}):`, ...c.rescheduled.map((r) => `    ${line(r.activity)}: ${r.from.join(", ") || "-"} -> ${r.to.join(", ") || "-"} (${localCell(r.cell)})`));
  if (c.statusChanged.length > 0) out.push(`  Reported status changed (${c.statusChanged.length}):`, ...c.statusChanged.map((s) => `    ${line(s.activity)}: ${s.from ?? "-"} -> ${s.to ?? "-"} (${localCell(s.cell)})`));
  for (const [title, list] of [["Findings fixed", c.findingsFixed], ["New findings", c.findingsNew]] as const) {
    if (list.length > 0) out.push(`  ${title} (${list.length}):`, ...list.map((f) => `    ${f.severity} ${f.rule}: ${f.message} (${localCell(f.cell)})`));
  }
  return `${out.join("\n")}\n`;
}
