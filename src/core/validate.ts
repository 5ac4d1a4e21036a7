import { dayNumberOfIso, schoolYearLabel, type IsoDate } from "./dates";
import type { Finding } from "./findings";
import { contentWords, excerpt, firstWord, looksLikeFormula, setSimilarity } from "./label-text";
import type { Activity, Plan } from "./plan";
import { markStatus } from "./status";

/**
 * The checks that look at the plan as a whole, after reading: what a planner would catch on a careful read
 * (activities without dates or owners, duplicates, steps in the wrong order, frequencies the marks
 * contradict, statuses the marks contradict, goals that end before their work does).
 */
export function validatePlan(plan: Plan, asOf: IsoDate): Finding[] {
  return [
    ...unscheduledActivities(plan),
    ...missingOwners(plan),
    ...duplicateActivities(plan),
    ...formulaLikeLabels(plan),
    ...sequenceChecks(plan),
    ...frequencyChecks(plan),
    ...statusContradictions(plan, asOf),
    ...goalTargets(plan),
  ];
}

function where(a: Activity): string {
  return a.cell.split("!")[1] ?? a.cell;
}

function unscheduledActivities(plan: Plan): Finding[] {
  return plan.activities
    .filter((a) => a.schedule.length === 0)
    .map((a) => ({
      rule: "unscheduled-activity",
      severity: "warning" as const,
      message: `"${excerpt(a.text)}" (${where(a)}) has no mark in any period, so nobody can tell when it happens. Put an X under the months it is planned for.`,
      cell: a.cell,
      activityId: a.id,
    }));
}

function missingOwners(plan: Plan): Finding[] {
  const blocksWithOwner = new Set(plan.blocks.filter((b) => b.columns["owner"] !== undefined).map((b) => b.index));
  return plan.activities
    .filter((a) => blocksWithOwner.has(a.block) && a.owner === null)
    .map((a) => {
      const column = plan.blocks[a.block]!.columns["owner"]!;
      const row = a.rows[0]!;
      return {
        rule: "missing-owner",
        severity: "warning" as const,
        message: `"${excerpt(a.text)}" has no one in the owner column (${column}${row}). Name the person or team responsible.`,
        cell: a.cell.replace(/![A-Z]+\d+$/, `!${column}${row}`),
        activityId: a.id,
      };
    });
}

/** Leading verbs that make two similar lines different steps of one piece of work, not duplicates. */
const STEP_VERBS = new Map<string, number>([
  ["research", 0], ["study", 0], ["explore", 0], ["identify", 0], ["review", 0],
  ["develop", 1], ["design", 1], ["create", 1], ["draft", 1], ["build", 1], ["plan", 1],
  ["pilot", 2], ["implement", 2], ["launch", 2], ["provide", 2], ["train", 2], ["deliver", 2],
  ["monitor", 3], ["evaluate", 3], ["assess", 3], ["measure", 3],
]);

function leadingVerb(text: string): string {
  return firstWord(text);
}

const NEAR_DUPLICATE = 0.85;

/**
 * Pairs of activities whose content words are the same or nearly so (Jaccard >= 0.85). Candidates come from
 * prefix filtering: two sets that similar must share one of the rarest few words of each, so only activities
 * sharing such a word are compared, and large plans stay fast.
 */
function duplicateActivities(plan: Plan): Finding[] {
  const out: Finding[] = [];
  const acts = plan.activities;
  const sets = acts.map((a) => new Set(contentWords(a.text)));
  const verbs = acts.map((a) => leadingVerb(a.text));
  const frequency = new Map<string, number>();
  for (const set of sets) for (const w of set) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const index = new Map<string, number[]>();
  const reported = new Set<number>();
  for (let j = 0; j < acts.length; j++) {
    const set = sets[j]!;
    if (set.size < 2) continue;
    const rare = [...set].sort((x, y) => frequency.get(x)! - frequency.get(y)! || (x < y ? -1 : 1));
    const prefix = rare.slice(0, set.size - Math.ceil(NEAR_DUPLICATE * set.size) + 1);
    const candidates = new Set<number>();
    for (const w of prefix) for (const i of index.get(w) ?? []) candidates.add(i);
    for (const w of prefix) {
      const list = index.get(w);
      if (list) list.push(j);
      else index.set(w, [j]);
    }
    const b = acts[j]!;
    for (const i of [...candidates].sort((x, y) => x - y)) {
      if (reported.has(j)) break;
      const a = acts[i]!;
      const va = verbs[i]!;
      const vb = verbs[j]!;
      if (va !== vb && (STEP_VERBS.has(va) || STEP_VERBS.has(vb))) continue;
      const same = a.text.trim().toLowerCase() === b.text.trim().toLowerCase();
      if (!same && setSimilarity(sets[i]!, set) < NEAR_DUPLICATE) continue;
      reported.add(j);
      out.push({
        rule: "duplicate-activity",
        severity: "warning",
        message: same
          ? `"${excerpt(b.text)}" (${where(b)}) is listed twice: also at ${where(a)}. Remove one, or say in the text how they differ.`
          : `"${excerpt(b.text)}" (${where(b)}) is nearly the same as "${excerpt(a.text)}" (${where(a)}). If they are one activity, keep one; if not, say in the text how they differ.`,
        cell: b.cell,
        activityId: b.id,
      });
    }
  }
  return out;
}

function formulaLikeLabels(plan: Plan): Finding[] {
  const out: Finding[] = [];
  for (const a of plan.activities) {
    const first = a.text.split("\n")[0] ?? "";
    const lines = [first, ...a.path];
    const bad = lines.find((l) => looksLikeFormula(l));
    if (!bad) continue;
    out.push({
      rule: "formula-like-label",
      severity: "info",
      message:
        `The text "${excerpt(bad, 40)}" starts with "${bad.trim()[0]}", which a spreadsheet reads as the start of a formula if it is typed or pasted again. ` +
        `The add-in writes it as text; in your sheet, start it with an apostrophe (') or a bullet (\u2022) to keep it text.`,
      cell: a.cell,
      activityId: a.id,
      fix: { description: `Start the text with a bullet (\u2022) instead`, edits: [{ cell: a.cell, value: `\u2022 ${bad.trim().replace(/^[=+\-@]\s*/, "")}`, before: bad }] },
    });
  }
  return out;
}

/** The order of work: design before you implement, implement before you monitor. */
const STAGE = new Map<string, number>([
  ["develop", 0], ["design", 0], ["create", 0], ["build", 0], ["draft", 0],
  ["implement", 1], ["pilot", 1], ["launch", 1],
  ["monitor", 2], ["evaluate", 2],
]);

function objectOf(text: string): string {
  return text.split("\n")[0]!.replace(/^\s*\S+\s+/, "");
}

function firstStart(a: Activity): number | null {
  const live = a.schedule.filter((m) => m.state !== "cancelled");
  return live.length === 0 ? null : dayNumberOfIso(live[0]!.start);
}

function sequenceChecks(plan: Plan): Finding[] {
  const out: Finding[] = [];
  // A step depends on a step of the same piece of work: the same block, under the same goal or strategy.
  const scopes = new Map<string, { a: Activity; stage: number; start: number; words: Set<string> }[]>();
  for (const a of plan.activities) {
    const stage = STAGE.get(leadingVerb(a.text));
    const start = firstStart(a);
    if (stage === undefined || start === null) continue;
    const key = `${a.block}\u0000${a.path.join("\u0000")}`;
    const list = scopes.get(key) ?? [];
    list.push({ a, stage, start, words: new Set(contentWords(objectOf(a.text))) });
    scopes.set(key, list);
  }
  for (const staged of scopes.values()) for (const later of staged) {
    if (later.stage === 0) continue;
    let best: (typeof staged)[number] | null = null;
    let bestScore = 0;
    for (const earlier of staged) {
      if (earlier.stage >= later.stage || earlier.a === later.a) continue;
      const score = setSimilarity(earlier.words, later.words);
      if (score > bestScore || (score === bestScore && best !== null && earlier.stage > best.stage)) {
        best = earlier;
        bestScore = score;
      }
    }
    if (!best || bestScore < 0.4 || later.start >= best.start) continue;
    const laterVerb = leadingVerb(later.a.text);
    const earlierVerb = leadingVerb(best.a.text);
    out.push({
      rule: "sequence",
      severity: "warning",
      message:
        `"${excerpt(later.a.text)}" (${where(later.a)}) starts in ${later.a.schedule[0]!.period}, before "${excerpt(best.a.text)}" ` +
        `(${where(best.a)}) starts in ${best.a.schedule[0]!.period}. You cannot ${laterVerb} what you have not begun to ${earlierVerb}: ` +
        `move one of them.`,
      cell: later.a.cell,
      activityId: later.a.id,
    });
  }
  return out;
}

type Frequency = "weekly" | "monthly" | "quarterly" | "twice-a-year" | "annually" | "each-trimester";

const FREQUENCIES: [Frequency, RegExp, string][] = [
  ["twice-a-year", /\b(twice (a|per|each) (school )?year|two times (a|per) year|semi-?annual(ly)?|bi-?annual(ly)?)\b/i, "twice a year"],
  ["each-trimester", /\b(each|every|per) trimester\b/i, "each trimester"],
  ["quarterly", /\b(quarterly|(each|every|per) quarter)\b/i, "quarterly"],
  ["monthly", /\b(monthly|(each|every|per) month)\b/i, "monthly"],
  ["weekly", /\b(weekly|(each|every|per) week)\b/i, "weekly"],
  ["annually", /\b(annual(ly)?|yearly|(each|every|per) (school )?year|once a year)\b/i, "annually"],
];

function frequencyOf(text: string): [Frequency, string] | null {
  for (const [f, re, word] of FREQUENCIES) if (re.test(text)) return [f, word];
  return null;
}

/** Months from a year*12+month index. */
function monthIndex(iso: IsoDate): number {
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
}

function frequencyChecks(plan: Plan): Finding[] {
  const out: Finding[] = [];
  for (const a of plan.activities) {
    const found = frequencyOf(a.text);
    if (!found || a.schedule.length === 0) continue;
    const [frequency, word] = found;
    const block = plan.blocks[a.block]!;
    const problem = frequencyProblem(frequency, a, block.kind, plan.startMonth, block.periods.map((p) => monthIndex(p.start)));
    if (!problem) continue;
    out.push({
      rule: "frequency-mismatch",
      severity: "warning",
      message: `"${excerpt(a.text)}" says ${word}, but ${problem}. Check the marks or the wording.`,
      cell: a.schedule[0]!.cell,
      activityId: a.id,
    });
  }
  return out;
}

/** Runs of consecutive marked months: one occurrence each. */
function runs(months: number[]): number[][] {
  const out: number[][] = [];
  for (const m of months) {
    const last = out[out.length - 1];
    if (last && m === last[last.length - 1]! + 1) last.push(m);
    else out.push([m]);
  }
  return out;
}

function frequencyProblem(
  frequency: Frequency,
  a: Activity,
  kind: string,
  startMonth: number,
  timelineMonths: number[],
): string | null {
  const marks = a.schedule.filter((m) => m.state !== "cancelled");
  if (marks.length === 0) return null;
  if (kind === "school-year" || kind === "calendar-year") {
    if (frequency !== "annually") return null;
    const years = marks.map((m) => Number(m.start.slice(0, 4)));
    for (let i = 1; i < years.length; i++) {
      if (years[i]! - years[i - 1]! > 1) return `no year is marked between ${schoolYearLabel(years[i - 1]!)} and ${schoolYearLabel(years[i]!)}`;
    }
    return null;
  }
  if (kind !== "month") return null;
  const months = [...new Set(marks.map((m) => monthIndex(m.start)))].sort((x, y) => x - y);
  const occurrences = runs(months);
  const gaps = occurrences.slice(1).map((r, i) => r[0]! - occurrences[i]![occurrences[i]!.length - 1]!);
  const schoolYear = (m: number): number => {
    const year = Math.floor(m / 12);
    return (m % 12) + 1 >= startMonth ? year : year - 1;
  };
  /** School years the timeline covers in full, with the occurrences that start in each. */
  const covered = new Map<number, number>();
  const monthsPerYear = new Map<number, number>();
  for (const m of new Set(timelineMonths)) monthsPerYear.set(schoolYear(m), (monthsPerYear.get(schoolYear(m)) ?? 0) + 1);
  for (const [sy, n] of monthsPerYear) if (n === 12) covered.set(sy, 0);
  for (const r of occurrences) {
    const sy = schoolYear(r[0]!);
    if (covered.has(sy)) covered.set(sy, covered.get(sy)! + 1);
  }
  const count = (expected: string, test: (n: number) => boolean): string | null => {
    for (const [sy, n] of covered) {
      if (!test(n)) return `the marks show ${n === 1 ? "one time" : `${n} times`} in ${schoolYearLabel(sy)} (expected ${expected})`;
    }
    return null;
  };
  switch (frequency) {
    case "weekly":
    case "monthly": {
      if (months.length === 1 && timelineMonths.length >= 3) return "only one month is marked";
      const gap = gaps.find((g) => g > 1);
      return gap === undefined ? null : `the marks skip ${gap - 1} month${gap - 1 === 1 ? "" : "s"} between occurrences`;
    }
    case "quarterly": {
      if (occurrences.some((r) => r.length > 3)) return "the marks run for more than a quarter without a break";
      const gap = gaps.find((g) => g > 5);
      if (gap !== undefined) return `the marks leave ${gap - 1} months without an occurrence`;
      if (gaps.length > 0 && gaps.every((g) => g <= 1)) return "the marks fall in every month";
      return count("about four", (n) => n >= 3 && n <= 5);
    }
    case "twice-a-year":
      return count("two", (n) => n === 2);
    case "each-trimester":
      return count("three", (n) => n === 3);
    case "annually":
      return count("one", (n) => n <= 1);
  }
}

const ON_TRACK = /^(on[ -]?track|on schedule|green)$/i;
const NOT_STARTED = /^(not[ -]?started|not yet started|not begun|planned)$/i;

function statusContradictions(plan: Plan, asOf: IsoDate): Finding[] {
  const out: Finding[] = [];
  const day = dayNumberOfIso(asOf);
  const statusColumn = (a: Activity): string => {
    const column = plan.blocks[a.block]!.columns["status"];
    return column ? a.cell.replace(/![A-Z]+\d+$/, `!${column}${a.rows[0]}`) : a.cell;
  };
  for (const a of plan.activities) {
    if (!a.status) continue;
    const status = a.status.trim();
    const statuses = a.schedule.map((m) => markStatus(m, day));
    if (ON_TRACK.test(status)) {
      const overdue = a.schedule.filter((_, i) => statuses[i] === "overdue");
      if (overdue.length > 0) {
        out.push({
          rule: "status-contradiction",
          severity: "warning",
          message: `"${excerpt(a.text)}" is reported "${status}", but ${overdue.length === 1 ? `its ${overdue[0]!.period} mark is` : `${overdue.length} of its marks (${overdue.map((m) => m.period).join(", ")}) are`} overdue as of ${asOf}. Update the status, or mark the work done.`,
          cell: statusColumn(a),
          activityId: a.id,
        });
      }
    } else if (NOT_STARTED.test(status)) {
      const started = a.schedule.filter((m) => m.state === "done" || m.state === "in-progress");
      if (started.length > 0) {
        out.push({
          rule: "status-contradiction",
          severity: "warning",
          message: `"${excerpt(a.text)}" is reported "${status}", but its ${started.map((m) => m.period).join(", ")} mark${started.length === 1 ? " says" : "s say"} ${started[0]!.state === "done" ? "done" : "in progress"}. Update the status or the marks.`,
          cell: statusColumn(a),
          activityId: a.id,
        });
      }
    }
  }
  return out;
}

function lastEnd(acts: Activity[]): { end: IsoDate; period: string; cell: string } | null {
  let best: { end: IsoDate; period: string; cell: string } | null = null;
  for (const a of acts) for (const m of a.schedule) if (m.state !== "cancelled" && (!best || m.end > best.end)) best = { end: m.end, period: m.period, cell: m.cell };
  return best;
}

const TARGET = /\bby\s+(?:(?:the\s+end\s+of|june|spring|fall|summer|december)\s+)?((?:19|20)\d{2})\b/i;

function goalTargets(plan: Plan): Finding[] {
  const out: Finding[] = [];
  const check = (text: string, cell: string, year: number, acts: Activity[]): void => {
    const last = lastEnd(acts);
    if (!last || last.end <= `${year}-12-31`) return;
    out.push({
      rule: "goal-target-before-schedule",
      severity: "warning",
      message: `The goal "${excerpt(text)}" is to be met by ${year}, but its work is scheduled until ${last.period} (${last.cell.split("!")[1]}). Move the target year or the work.`,
      cell,
    });
  };
  for (const goal of plan.goals) if (goal.targetYear !== null) check(goal.text, goal.cell, goal.targetYear, plan.activities);
  const under = new Map<string, Activity[]>();
  for (const a of plan.activities) {
    for (const level of new Set(a.path)) {
      if (!TARGET.test(level)) continue;
      const list = under.get(level) ?? [];
      list.push(a);
      under.set(level, list);
    }
  }
  for (const [level, acts] of under) check(level, acts[0]!.cell, Number(TARGET.exec(level)![1]), acts);
  return out;
}
