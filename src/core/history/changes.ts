import { z } from "zod/mini";
import { quoteSheet } from "../address";
import { monthShortName, parseIsoDate } from "../dates";
import { SeveritySchema } from "../findings";
import { TotalsSchema } from "../status";
import { marksOf, type Snapshot, type SnapshotActivity, type SnapshotDetail, type SnapshotFinding } from "./snapshot";

/**
 * What changed between a review and now (product.md, "Monitoring over time"), activity by activity as recognised by
 * their keys:
 *  - newly overdue / newly done: a mark overdue (done) now whose activity was not overdue (done) in that period at the
 *    review, including a period it was not scheduled in then;
 *  - added / removed: an activity now that the review did not have, and the other way round;
 *  - rescheduled: an activity whose periods are not those it had (the periods left, the periods taken);
 *  - status changed: the row's reported status (a Status column) is another;
 *  - findings fixed / new: by rule and by the activity they are about (else their message).
 * Newly overdue and done count marks (as the summary does); the others count activities or findings.
 */
const ActivityChangeSchema = z.object({
  activity: z.string(),
  path: z.array(z.string()),
  owner: z.nullable(z.string()),
  /** Where it is (`'Sheet'!C12`); for a removed activity, where it was. */
  cell: z.string(),
});
export type ActivityChange = z.infer<typeof ActivityChangeSchema>;

export const MarkChangeSchema = z.extend(ActivityChangeSchema, { period: z.string() });
export type MarkChange = z.infer<typeof MarkChangeSchema>;

const FindingChangeSchema = z.object({ rule: z.string(), severity: SeveritySchema, message: z.string(), cell: z.string() });
export type FindingChange = z.infer<typeof FindingChangeSchema>;

export const ChangesSchema = z.object({
  /** The review compared with: the day it was judged on, the day and time it ran. */
  since: z.object({ asOf: z.string(), day: z.string(), at: z.string() }),
  asOf: z.string(),
  /** False when the review kept only its totals (an old snapshot): the lists are then empty, the totals still compare. */
  complete: z.boolean(),
  totals: z.object({ before: TotalsSchema, after: TotalsSchema }),
  newlyOverdue: z.array(MarkChangeSchema),
  newlyDone: z.array(MarkChangeSchema),
  added: z.array(ActivityChangeSchema),
  removed: z.array(ActivityChangeSchema),
  rescheduled: z.array(z.extend(ActivityChangeSchema, { from: z.array(z.string()), to: z.array(z.string()) })),
  statusChanged: z.array(z.extend(ActivityChangeSchema, { from: z.nullable(z.string()), to: z.nullable(z.string()) })),
  findingsFixed: z.array(FindingChangeSchema),
  findingsNew: z.array(FindingChangeSchema),
});
export type Changes = z.infer<typeof ChangesSchema>;

function activityChange(snapshot: Snapshot, detail: SnapshotDetail, a: SnapshotActivity): ActivityChange {
  return { activity: a.text, path: detail.paths[a.path] ?? [], owner: a.owner, cell: `${quoteSheet(snapshot.sheet)}!${a.cell}` };
}

/** A finding's identity across refreshes: its rule, and its activity or else its message with cell names left out. */
function findingId(f: SnapshotFinding): string {
  return `${f.rule}\u0001${f.key ?? f.message.replace(/\b[A-Z]{1,3}\d+\b/g, "#")}`;
}

/** The findings of `a` that `b` does not have (as many times as `a` has them more). */
function findingsNotIn(a: SnapshotFinding[], b: SnapshotFinding[]): FindingChange[] {
  const left = new Map<string, number>();
  for (const f of b) left.set(findingId(f), (left.get(findingId(f)) ?? 0) + 1);
  const out: FindingChange[] = [];
  for (const f of a) {
    const id = findingId(f);
    const n = left.get(id) ?? 0;
    if (n > 0) left.set(id, n - 1);
    else out.push({ rule: f.rule, severity: f.severity, message: f.message, cell: f.cell });
  }
  return out;
}

function sameStatus(a: string | null, b: string | null): boolean {
  const norm = (s: string | null): string => (s ?? "").trim().replace(/\s+/g, " ").toLowerCase();
  return norm(a) === norm(b);
}

/** What changed from the review snapshot to the snapshot now (both of one sheet). */
export function changesBetween(review: Snapshot, now: Snapshot): Changes {
  const changes: Changes = {
    since: { asOf: review.asOf, day: review.day, at: review.at },
    asOf: now.asOf,
    complete: review.detail !== undefined && now.detail !== undefined,
    totals: { before: review.totals, after: now.totals },
    newlyOverdue: [],
    newlyDone: [],
    added: [],
    removed: [],
    rescheduled: [],
    statusChanged: [],
    findingsFixed: [],
    findingsNew: [],
  };
  const before = review.detail;
  const after = now.detail;
  if (!before || !after) return changes;

  const then = new Map(before.activities.map((a) => [a.key, a]));
  const keysNow = new Set(after.activities.map((a) => a.key));
  for (const a of after.activities) {
    const item = activityChange(now, after, a);
    const old = then.get(a.key);
    if (!old) {
      changes.added.push(item);
      continue;
    }
    const marksNow = marksOf(after, a);
    const marksThen = marksOf(before, old);
    const periodId = (m: { start: string; end: string }): string => `${m.start}/${m.end}`;
    const statusThen = new Map(marksThen.map((m) => [periodId(m), m.status]));
    const sheet = quoteSheet(now.sheet);
    for (const m of marksNow) {
      const was = statusThen.get(periodId(m));
      const mark = { ...item, period: m.period, cell: `${sheet}!${m.cell}` };
      if (m.status === "overdue" && was !== "overdue") changes.newlyOverdue.push(mark);
      if (m.status === "done" && was !== "done") changes.newlyDone.push(mark);
    }
    const periodsThen = new Set(marksThen.map(periodId));
    const periodsNow = new Set(marksNow.map(periodId));
    const left = marksThen.filter((m) => !periodsNow.has(periodId(m))).map((m) => m.period);
    const taken = marksNow.filter((m) => !periodsThen.has(periodId(m))).map((m) => m.period);
    if (left.length > 0 || taken.length > 0) changes.rescheduled.push({ ...item, from: left, to: taken });
    if (!sameStatus(old.status, a.status)) changes.statusChanged.push({ ...item, from: old.status, to: a.status });
  }
  for (const a of before.activities) if (!keysNow.has(a.key)) changes.removed.push(activityChange(review, before, a));
  changes.findingsFixed = findingsNotIn(before.findings, after.findings);
  changes.findingsNew = findingsNotIn(after.findings, before.findings);
  return changes;
}

/** `14 Oct 2023`. */
export function dayLabel(iso: string): string {
  const d = parseIsoDate(iso);
  return d ? `${d.day} ${monthShortName(d.month)} ${d.year}` : iso;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The changes in a few words: "3 newly overdue, 5 done, 1 added" (nothing that did not change). */
export function changesInWords(c: Changes): string {
  if (!c.complete) {
    const d = (key: "done" | "overdue"): string => {
      const n = c.totals.after[key] - c.totals.before[key];
      return `${n >= 0 ? "+" : ""}${n} ${key}`;
    };
    return `${d("done")}, ${d("overdue")} (only the totals of that review were kept)`;
  }
  const parts = [
    [c.newlyOverdue.length, "newly overdue", "newly overdue"],
    [c.newlyDone.length, "done", "done"],
    [c.added.length, "added", "added"],
    [c.removed.length, "removed", "removed"],
    [c.rescheduled.length, "rescheduled", "rescheduled"],
    [c.statusChanged.length, "status changed", "statuses changed"],
    [c.findingsFixed.length, "finding fixed", "findings fixed"],
    [c.findingsNew.length, "new finding", "new findings"],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, one, many]) => plural(n, one, many));
  return said.length > 0 ? said.join(", ") : "nothing changed";
}

/** "Since 14 Oct 2023: 3 newly overdue, 5 done, 1 added". */
export function changesHeadline(c: Changes): string {
  return `Since ${dayLabel(c.since.asOf)}: ${changesInWords(c)}`;
}
