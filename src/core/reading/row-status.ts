/**
 * Row status (README, "Marks"): a status column overrides the marks of its row. `Complete`, `Done`, `Achieved`,
 * `100%` make every mark done; `Cancelled`, `Not Achieved`, `Dropped` make every mark cancelled. Other values are
 * kept as the activity's reported status and checked against the marks (rules/status-contradiction.ts).
 */

function normalize(status: string): string {
  return status.trim().toLowerCase().replace(/\s+/g, " ").replace(/[.!]$/, "");
}

/** The state a row status gives every mark of its row, or null when it leaves the marks as they are. */
export function statusOverride(status: string): "done" | "cancelled" | null {
  const s = normalize(status);
  if (["complete", "completed", "done", "achieved", "100%", "finished"].includes(s)) return "done";
  if (["cancelled", "canceled", "not achieved", "dropped", "abandoned"].includes(s)) return "cancelled";
  return null;
}

/** Reported statuses the marks can contradict: "On Track" with overdue marks, "Not Started" with started ones. */
export type ReportedStatus = "on-track" | "not-started";

const ON_TRACK = /^(on[ -]?track|on schedule|green)$/i;
const NOT_STARTED = /^(not[ -]?started|not yet started|not begun|planned)$/i;

export function reportedStatus(status: string): ReportedStatus | null {
  const s = status.trim();
  if (ON_TRACK.test(s)) return "on-track";
  if (NOT_STARTED.test(s)) return "not-started";
  return null;
}
