import { z } from "zod/mini";
import type { SheetReport } from "../analyze";
import { localCell } from "../address";
import type { ScheduledMark } from "../plan";
import { marksByActivity, TotalsSchema, type MarkStatus } from "../status";
import { StatusCountsSchema } from "../summary";
import { assignKeys } from "./keys";

type MarkState = ScheduledMark["state"];

/**
 * What a refresh keeps of a plan sheet (product.md, "Monitoring over time"): when it ran, as of which day, the totals,
 * per goal, and each activity's marks with their states, so that a later refresh can say what changed and the
 * totals can be drawn over time. Compact: periods and paths are listed once and referred to by their place, states
 * by a letter. Older snapshots may be kept without their activities and findings (`detail` absent): their totals
 * still draw the trend.
 */
export const SNAPSHOT_VERSION = 1;

const count = z.int().check(z.nonnegative());
const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

/** A mark's state as typed, by a letter: planned, done, in progress, cancelled. */
export const STATE_CODES = { planned: "p", done: "d", "in-progress": "i", cancelled: "c" } as const satisfies Record<MarkState, string>;
/** A mark's status on the day, by a letter: done, overdue, current (now), upcoming, cancelled. */
export const STATUS_CODES = { done: "d", overdue: "o", current: "n", upcoming: "u", cancelled: "c" } as const satisfies Record<MarkStatus, string>;
const STATE_OF = Object.fromEntries(Object.entries(STATE_CODES).map(([k, v]) => [v, k])) as Record<string, MarkState>;
const STATUS_OF = Object.fromEntries(Object.entries(STATUS_CODES).map(([k, v]) => [v, k])) as Record<string, MarkStatus>;

/** A goal's marks by status (its block's, when the plan names no goal). */
export const GoalFiguresSchema = z.extend(StatusCountsSchema, { name: z.string(), activities: count });
export type GoalFigures = z.infer<typeof GoalFiguresSchema>;

export const SnapshotActivitySchema = z.object({
  /** Kept from snapshot to snapshot: how the activity is recognised after rows move or its text is reworded. */
  key: z.string().check(z.minLength(1)),
  text: z.string(),
  /** Its place in `detail.paths`. */
  path: count,
  owner: z.nullable(z.string()),
  /** The row's reported status, as typed. */
  status: z.nullable(z.string()),
  /** Its label cell on the plan sheet (`C12`). */
  cell: z.string(),
  /** Each mark: its period's place in `detail.periods`, its state letter, its status letter, its cell. */
  marks: z.array(z.tuple([count, z.enum(["p", "d", "i", "c"]), z.enum(["d", "o", "n", "u", "c"]), z.string()])),
});
export type SnapshotActivity = z.infer<typeof SnapshotActivitySchema>;

export const SnapshotFindingSchema = z.object({
  rule: z.string(),
  severity: z.enum(["error", "warning", "info"]),
  message: z.string(),
  cell: z.string(),
  /** The key of the activity it is about, if any. */
  key: z.nullable(z.string()),
});
export type SnapshotFinding = z.infer<typeof SnapshotFindingSchema>;

export const SnapshotSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  sheet: z.string(),
  /** The day the status was judged on. */
  asOf: isoDay,
  /** The day the refresh ran, on the refreshing computer's clock: with asOf, what makes a refresh the same one. */
  day: isoDay,
  /** When it ran (ISO timestamp). */
  at: z.string(),
  totals: TotalsSchema,
  findings: z.object({ error: count, warning: count, info: count }),
  goals: z.array(GoalFiguresSchema),
  detail: z.optional(
    z.object({
      /** Each period once: its name, first and last day. */
      periods: z.array(z.tuple([z.string(), isoDay, isoDay])),
      /** Each goal / strategy path once, outermost first. */
      paths: z.array(z.array(z.string())),
      activities: z.array(SnapshotActivitySchema),
      findings: z.array(SnapshotFindingSchema),
    }),
  ),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;
export type SnapshotDetail = NonNullable<Snapshot["detail"]>;

/** The rule of the finding about a snapshot of the history that cannot be read. */
export const HISTORY_RULE = "history-unreadable";

/** Text kept of an activity, at most: enough to name it in a report. */
const TEXT_LENGTH = 300;

/** The goals' figures of a report: its goals, or its blocks when no goal is named. */
function goalFigures(report: SheetReport): GoalFigures[] {
  const groups = report.summary.groups;
  const kind = groups.some((g) => g.kind === "goal") ? "goal" : "block";
  return groups
    .filter((g) => g.kind === kind)
    .map((g) => ({ name: g.name, activities: g.activities, scheduled: g.scheduled, done: g.done, overdue: g.overdue, current: g.current, upcoming: g.upcoming, cancelled: g.cancelled }));
}

/** The activities of a snapshot, with what matching needs of them. */
function keyedActivities(snapshot: Snapshot | null): { key: string; text: string; path: string }[] {
  const detail = snapshot?.detail;
  if (!detail) return [];
  return detail.activities.map((a) => ({ key: a.key, text: a.text, path: (detail.paths[a.path] ?? []).join("\u0001") }));
}

export interface SnapshotOptions {
  /** When the refresh ran (ISO timestamp) and on which day of the refreshing computer's clock. */
  at: string;
  day: string;
  /** The snapshot the activities are recognised from (the one before), or null. */
  previous: Snapshot | null;
}

/** The snapshot of a report: its figures, and each activity keyed as it was in `previous`. */
export function makeSnapshot(report: SheetReport, options: SnapshotOptions): Snapshot {
  const plan = report.plan;
  const periods: [string, string, string][] = [];
  const periodIndex = new Map<string, number>();
  const paths: string[][] = [];
  const pathIndex = new Map<string, number>();
  const keys = assignKeys(
    plan.activities.map((a) => ({ text: a.text, path: a.path.join("\u0001") })),
    keyedActivities(options.previous),
  );
  const statuses = marksByActivity(report.status, plan.activities.length);
  const activities: SnapshotActivity[] = plan.activities.map((a, position) => {
    const pathId = a.path.join("\u0001");
    let path = pathIndex.get(pathId);
    if (path === undefined) {
      pathIndex.set(pathId, (path = paths.length));
      paths.push(a.path);
    }
    return {
      key: keys[position]!,
      text: a.text.length > TEXT_LENGTH ? `${a.text.slice(0, TEXT_LENGTH - 1)}\u2026` : a.text,
      path,
      owner: a.owner,
      status: a.status,
      cell: localCell(a.cell),
      marks: a.schedule.map((m, i) => {
        const id = `${m.period}\u0001${m.start}\u0001${m.end}`;
        let p = periodIndex.get(id);
        if (p === undefined) {
          periodIndex.set(id, (p = periods.length));
          periods.push([m.period, m.start, m.end]);
        }
        return [p, STATE_CODES[m.state], STATUS_CODES[statuses[position]![i]!.status], localCell(m.cell)];
      }),
    };
  });
  const byId = new Map(plan.activities.map((a, i) => [a.id, keys[i]!]));
  return {
    version: SNAPSHOT_VERSION,
    sheet: report.sheet,
    asOf: report.summary.asOf,
    day: options.day,
    at: options.at,
    totals: report.summary.totals,
    findings: report.summary.findings,
    goals: goalFigures(report),
    detail: {
      periods,
      paths,
      activities,
      // The history's own findings (a snapshot it could not read) are about the store sheet, not the plan.
      findings: report.findings.filter((f) => f.rule !== HISTORY_RULE).map((f) => ({
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        cell: f.cell,
        key: (f.activityId !== undefined ? byId.get(f.activityId) : undefined) ?? null,
      })),
    },
  };
}

/** A mark of a snapshot, read back: its period, state and status by name, and its cell. */
export interface SnapshotMark {
  period: string;
  start: string;
  end: string;
  state: MarkState;
  status: MarkStatus;
  cell: string;
}

export function marksOf(detail: SnapshotDetail, activity: SnapshotActivity): SnapshotMark[] {
  return activity.marks.map(([p, state, status, cell]) => {
    const [period, start, end] = detail.periods[p] ?? ["?", "", ""];
    return { period, start, end, state: STATE_OF[state]!, status: STATUS_OF[status]!, cell };
  });
}

/** Snapshots in time order: by the day judged on, then by when they were taken. */
export function compareSnapshots(a: Snapshot, b: Snapshot): number {
  return a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : a.at < b.at ? -1 : a.at > b.at ? 1 : 0;
}

/** Whether two snapshots are of the same refresh: one sheet, judged on one day, taken on one day. */
export function sameRefresh(a: Pick<Snapshot, "sheet" | "asOf" | "day">, b: Pick<Snapshot, "sheet" | "asOf" | "day">): boolean {
  return a.sheet === b.sheet && a.asOf === b.asOf && a.day === b.day;
}
