/**
 * A plan refreshed month by month over the 2025-26 school year, with a planner's edits between the refreshes: marks
 * ticked done, a row inserted above the others, an activity reworded, one removed, one moved a month, a row moved,
 * reported statuses changed. The plan is a small model rendered to a grid for each refresh, and `expectedChanges`
 * works out what changed between two refreshes from the model alone (by each activity's own id, not by the
 * engine's matching): the oracle the history's changes are held to.
 */
import type { CellValue } from "../../src/core/grid";

export const SHEET = "PL Plan 2025-26";
const MONTHS = ["Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun"] as const;
/** Calendar (year, month) of each timeline column. */
const CALENDAR = MONTHS.map((_, i) => ({ year: i < 6 ? 2025 : 2026, month: ((i + 6) % 12) + 1 }));

export interface PlanActivity {
  /** The model's own identity: what the planner would say is "the same activity". */
  id: string;
  text: string;
  goal: number;
  owner: string | null;
  status: string;
  /** Scheduled months (0 = July) and whether each is ticked done. */
  marks: Map<number, boolean>;
}

export interface PlanModel {
  goals: string[];
  activities: PlanActivity[];
}

const act = (id: string, goal: number, text: string, owner: string | null, status: string, months: number[]): PlanActivity => ({
  id,
  text,
  goal,
  owner,
  status,
  marks: new Map(months.map((m) => [m, false])),
});

export function initialPlan(): PlanModel {
  return {
    goals: [
      "Goal 1: All staff receive job-embedded professional learning on the PLC model by 2027",
      "Goal 2: Every school monitors student growth with common assessments",
    ],
    activities: [
      act("toolkit", 0, "Develop a PLC toolkit for CSI schools", "Director of PL", "On Track", [1, 2, 3]),
      act("train", 0, "Train building leadership teams on the PLC toolkit", "PLC Coaches", "Not Started", [3, 4, 5]),
      act("walk", 0, "Conduct Blast walkthroughs in every CSI school", "Building Principals", "Not Started", [4, 7, 10]),
      act("survey", 0, "Survey staff on professional learning needs", "Data Team", "On Track", [2, 8]),
      act("sig", 0, "Complete the PLC self-assessment (SIG) twice a year", "PLC Coaches", "Not Started", [5, 10]),
      act("calendar", 1, "Publish the common assessment calendar", "Curriculum Office", "On Track", [1]),
      act("items", 1, "Write common assessment items for grades 3-8", "Curriculum Office", "On Track", [2, 3, 4]),
      act("data", 1, "Hold data days after each assessment window", "Assistant Superintendent", "Not Started", [4, 8, 11]),
      act("kickup", 1, "Gather KickUp survey results on data use", "Data Team", "Not Started", [6, 8]),
      act("report", 1, "Present assessment results to the board", "Superintendent", "Not Started", [11]),
    ],
  };
}

/** The plan as a sheet: a title naming the school year, the timeline header, goal rows, one row per activity. */
export function planGrid(plan: PlanModel): CellValue[][] {
  const rows: CellValue[][] = [["Professional Learning Plan 2025-26"], [], ["Action Step", "Person(s) Responsible", ...MONTHS, "Status"]];
  plan.goals.forEach((goal, g) => {
    rows.push([goal]);
    for (const a of plan.activities.filter((x) => x.goal === g)) {
      rows.push([a.text, a.owner, ...MONTHS.map((_, m) => (a.marks.has(m) ? (a.marks.get(m) ? "\u2713" : "X") : null)), a.status]);
    }
  });
  const width = 3 + MONTHS.length;
  return rows.map((r) => [...r, ...new Array<CellValue>(Math.max(0, width - r.length)).fill(null)]);
}

export interface Refresh {
  asOf: string;
  /** What the planner changed since the refresh before. */
  edits: string[];
}

/** Ticks done every mark of the months before `month` (0 = July), except those of the activities named. */
function tickBefore(plan: PlanModel, month: number, except: string[] = []): void {
  for (const a of plan.activities) {
    if (except.includes(a.id)) continue;
    for (const m of a.marks.keys()) if (m < month) a.marks.set(m, true);
  }
}

const find = (plan: PlanModel, id: string): PlanActivity => plan.activities.find((a) => a.id === id)!;

/** Late activities: the planner never ticks their marks, so they fall overdue. */
const LATE = ["walk", "data"];

/**
 * The year: each refresh with the edits made before it. `apply(plan, i)` makes the edits of refresh i (from the
 * second on) to the plan as the refresh before left it.
 */
export const REFRESHES: Refresh[] = [
  { asOf: "2025-08-12", edits: ["the plan as first entered"] },
  { asOf: "2025-09-09", edits: ["August ticked done", "status of 'Train building leadership teams' from Not Started to On Track"] },
  { asOf: "2025-10-14", edits: ["September ticked done", "a row inserted above the others of Goal 1"] },
  { asOf: "2025-11-11", edits: ["October ticked done", "'Develop a PLC toolkit' reworded slightly"] },
  { asOf: "2025-12-09", edits: ["November ticked done", "'Complete the PLC self-assessment' removed"] },
  { asOf: "2026-01-13", edits: ["December ticked done", "'Gather KickUp survey results' moved from March to April"] },
  { asOf: "2026-02-10", edits: ["January ticked done", "'Survey staff' moved down below 'Conduct Blast walkthroughs'"] },
  { asOf: "2026-03-10", edits: ["February ticked done", "status of 'Hold data days' from Not Started to At Risk"] },
  { asOf: "2026-04-14", edits: ["March ticked done"] },
  { asOf: "2026-05-12", edits: ["April ticked done", "'Present assessment results' rescheduled from June to May"] },
  { asOf: "2026-06-09", edits: ["May ticked done"] },
];

export function apply(plan: PlanModel, i: number): void {
  const month = i + 1; // refresh i is in the (i + 1)th month after July: ticks the months before it
  tickBefore(plan, month, LATE);
  switch (i) {
    case 1:
      find(plan, "train").status = "On Track";
      break;
    case 2:
      plan.activities.unshift(act("coach", 0, "Assign an instructional coach to each CSI school", "Director of PL", "On Track", [3, 4, 5, 6]));
      break;
    case 3:
      find(plan, "toolkit").text = "Develop the PLC toolkit for all CSI schools";
      break;
    case 4:
      plan.activities = plan.activities.filter((a) => a.id !== "sig");
      break;
    case 5: {
      const k = find(plan, "kickup");
      k.marks.delete(8);
      k.marks.set(9, false);
      break;
    }
    case 6: {
      const survey = find(plan, "survey");
      plan.activities = plan.activities.filter((a) => a !== survey);
      plan.activities.splice(plan.activities.indexOf(find(plan, "walk")) + 1, 0, survey);
      break;
    }
    case 7:
      find(plan, "data").status = "At Risk";
      break;
    case 9: {
      const r = find(plan, "report");
      r.marks.delete(11);
      r.marks.set(10, false);
      break;
    }
  }
}

/** A deep copy of the plan: the state at one refresh, kept while the plan changes. */
export function copyPlan(plan: PlanModel): PlanModel {
  return { goals: [...plan.goals], activities: plan.activities.map((a) => ({ ...a, marks: new Map(a.marks) })) };
}

/** The plan at each refresh of the year. */
export function yearOfPlans(): PlanModel[] {
  const plan = initialPlan();
  return REFRESHES.map((_, i) => {
    if (i > 0) apply(plan, i);
    return copyPlan(plan);
  });
}

type Status = "done" | "overdue" | "current" | "upcoming";

function monthStatus(month: number, done: boolean, asOf: string): Status {
  if (done) return "done";
  const { year, month: m } = CALENDAR[month]!;
  const start = `${year}-${String(m).padStart(2, "0")}-01`;
  const end = `${year}-${String(m).padStart(2, "0")}-${new Date(Date.UTC(year, m, 0)).getUTCDate()}`;
  return end < asOf ? "overdue" : start > asOf ? "upcoming" : "current";
}

export const periodName = (month: number): string => `${MONTHS[month]} ${CALENDAR[month]!.year}`;

export interface ExpectedChanges {
  newlyOverdue: string[];
  newlyDone: string[];
  added: string[];
  removed: string[];
  rescheduled: string[];
  statusChanged: string[];
}

/** What changed between two states of the plan, each as "activity text" or "activity text: detail", sorted. */
export function expectedChanges(before: PlanModel, beforeAsOf: string, after: PlanModel, afterAsOf: string): ExpectedChanges {
  const out: ExpectedChanges = { newlyOverdue: [], newlyDone: [], added: [], removed: [], rescheduled: [], statusChanged: [] };
  const then = new Map(before.activities.map((a) => [a.id, a]));
  const now = new Set(after.activities.map((a) => a.id));
  for (const a of after.activities) {
    const old = then.get(a.id);
    if (!old) {
      out.added.push(a.text);
      continue;
    }
    for (const [m, done] of a.marks) {
      const s = monthStatus(m, done, afterAsOf);
      const was = old.marks.has(m) ? monthStatus(m, old.marks.get(m)!, beforeAsOf) : null;
      if (s === "overdue" && was !== "overdue") out.newlyOverdue.push(`${a.text}: ${periodName(m)}`);
      if (s === "done" && was !== "done") out.newlyDone.push(`${a.text}: ${periodName(m)}`);
    }
    const left = [...old.marks.keys()].filter((m) => !a.marks.has(m)).sort((x, y) => x - y).map(periodName);
    const taken = [...a.marks.keys()].filter((m) => !old.marks.has(m)).sort((x, y) => x - y).map(periodName);
    if (left.length > 0 || taken.length > 0) out.rescheduled.push(`${a.text}: ${left.join(", ")} -> ${taken.join(", ")}`);
    if (old.status !== a.status) out.statusChanged.push(`${a.text}: ${old.status} -> ${a.status}`);
  }
  for (const a of before.activities) if (!now.has(a.id)) out.removed.push(a.text);
  for (const list of [out.newlyOverdue, out.newlyDone, out.added, out.removed, out.rescheduled, out.statusChanged]) list.sort();
  return out;
}

/** The engine's changes in the oracle's words, for comparing. */
export function changesInOracleTerms(c: {
  newlyOverdue: { activity: string; period: string }[];
  newlyDone: { activity: string; period: string }[];
  added: { activity: string }[];
  removed: { activity: string }[];
  rescheduled: { activity: string; from: string[]; to: string[] }[];
  statusChanged: { activity: string; from: string | null; to: string | null }[];
}): ExpectedChanges {
  const sorted = (list: string[]): string[] => list.sort();
  return {
    newlyOverdue: sorted(c.newlyOverdue.map((m) => `${m.activity}: ${m.period}`)),
    newlyDone: sorted(c.newlyDone.map((m) => `${m.activity}: ${m.period}`)),
    added: sorted(c.added.map((a) => a.activity)),
    removed: sorted(c.removed.map((a) => a.activity)),
    rescheduled: sorted(c.rescheduled.map((r) => `${r.activity}: ${r.from.join(", ")} -> ${r.to.join(", ")}`)),
    statusChanged: sorted(c.statusChanged.map((s) => `${s.activity}: ${s.from} -> ${s.to}`)),
  };
}
