import { localCell } from "./address";
import { dayNumberOfIso, schoolYearLabel, type IsoDate } from "./dates";
import type { Finding } from "./findings";
import { contentWords, excerpt, firstWord } from "./label-text";
import type { Activity, Plan, ScheduledMark } from "./plan";
import { markStatus } from "./status";

/**
 * The checks that look at the plan as a whole, after reading: what a planner would catch on a careful read
 * (activities without dates or owners, duplicates, steps in the wrong order, frequencies the marks
 * contradict, statuses the marks contradict, goals that end before their work does). Label text a spreadsheet
 * would read as a formula is checked while reading (read-plan.ts), on the label cell itself.
 */
export function validatePlan(plan: Plan, asOf: IsoDate): Finding[] {
  const vocabulary = new WordIds();
  const out: Finding[] = [];
  for (const findings of [
    unscheduledActivities(plan),
    missingOwners(plan),
    duplicateActivities(plan, vocabulary),
    sequenceChecks(plan, vocabulary),
    frequencyChecks(plan),
    statusContradictions(plan, asOf),
    goalTargets(plan),
  ]) {
    for (const f of findings) out.push(f);
  }
  return out;
}

/** Words as small integers, so word sets are sorted id arrays: compared by merging, not by hashing strings. */
class WordIds {
  private readonly ids = new Map<string, number>();

  get size(): number {
    return this.ids.size;
  }

  /** The distinct ids of the words, ascending. */
  of(words: readonly string[]): number[] {
    const out: number[] = [];
    for (const w of words) {
      let id = this.ids.get(w);
      if (id === undefined) this.ids.set(w, (id = this.ids.size));
      // Insertion into the sorted list, skipping repeats: a label has a handful of words.
      let i = out.length;
      while (i > 0 && out[i - 1]! > id) i--;
      if (i > 0 && out[i - 1] === id) continue;
      out.splice(i, 0, id);
    }
    return out;
  }
}

function where(a: Activity): string {
  return localCell(a.cell);
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

/** The k rarest of a set of word ids (rarest first, ties by id), picked without sorting the whole set. */
function rarest(set: readonly number[], k: number, frequency: Int32Array): number[] {
  const words = set.slice();
  const before = (x: number, y: number): boolean => frequency[x]! < frequency[y]! || (frequency[x] === frequency[y] && x < y);
  for (let n = 0; n < Math.min(k, words.length); n++) {
    let best = n;
    for (let i = n + 1; i < words.length; i++) if (before(words[i]!, words[best]!)) best = i;
    const w = words[best]!;
    words[best] = words[n]!;
    words[n] = w;
  }
  words.length = Math.min(k, words.length);
  return words;
}

/**
 * Pairs of activities whose content words are the same or nearly so (Jaccard >= 0.85). Candidates come from
 * prefix filtering: two sets that similar must share one of the rarest few words of each (rarest first, ties by
 * word id: any fixed order works), so only activities sharing such a word are compared, and large plans stay fast.
 */
function duplicateActivities(plan: Plan, vocabulary: WordIds): Finding[] {
  const out: Finding[] = [];
  const acts = plan.activities;
  const sets = acts.map((a) => vocabulary.of(contentWords(a.text)));
  const verbs = acts.map((a) => leadingVerb(a.text));
  const frequency = new Int32Array(vocabulary.size);
  for (const set of sets) for (const w of set) frequency[w]!++;
  // Activities by the rare words they were indexed under, by word id.
  const index: (number[] | undefined)[] = [];
  const seenFor = new Int32Array(acts.length).fill(-1);
  const reported = new Set<number>();
  for (let j = 0; j < acts.length; j++) {
    const set = sets[j]!;
    if (set.length < 2) continue;
    const prefix = rarest(set, set.length - Math.ceil(NEAR_DUPLICATE * set.length) + 1, frequency);
    const candidates: number[] = [];
    for (const w of prefix) {
      for (const i of index[w] ?? []) {
        if (seenFor[i] === j) continue;
        seenFor[i] = j;
        candidates.push(i);
      }
    }
    for (const w of prefix) (index[w] ??= []).push(j);
    const b = acts[j]!;
    for (const i of candidates.sort((x, y) => x - y)) {
      if (reported.has(j)) break;
      // Sets this similar are close in size too.
      if (Math.min(sets[i]!.length, set.length) < NEAR_DUPLICATE * Math.max(sets[i]!.length, set.length)) continue;
      const a = acts[i]!;
      const va = verbs[i]!;
      const vb = verbs[j]!;
      if (va !== vb && (STEP_VERBS.has(va) || STEP_VERBS.has(vb))) continue;
      const same = a.text.trim().toLowerCase() === b.text.trim().toLowerCase();
      if (!same && sortedSimilarity(sets[i]!, set) < NEAR_DUPLICATE) continue;
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

/** The order of work: design before you implement, implement before you monitor. */
const STAGE = new Map<string, number>([
  ["develop", 0], ["design", 0], ["create", 0], ["build", 0], ["draft", 0],
  ["implement", 1], ["pilot", 1], ["launch", 1],
  ["monitor", 2], ["evaluate", 2],
]);

function objectOf(text: string): string {
  return text.split("\n")[0]!.replace(/^\s*\S+\s+/, "");
}

/** Where the object's head ends: a comma, or a word that starts a qualifier ("for CSI schools", "with ..."). */
const HEAD_END = /[,;:]|\b(?:for|with|in|to|on|at|by|from|into|of|that|which|who|and|as|using|through|across|within|during|around|based|so)\b/i;

/**
 * The thing a step works on, without its qualifiers: "the PLC model" in "Monitor the PLC model with the PLC
 * self-assessment" and in "Develop a PLC model for CSI schools, allowing time ...". Steps of one piece of work
 * name the same thing and qualify it differently, so the head is compared as well as the whole object.
 */
function headOf(object: string): string {
  const end = HEAD_END.exec(object);
  return end ? object.slice(0, end.index) : object;
}

/** The first mark that is not cancelled: when the step starts. */
function firstLive(a: Activity): ScheduledMark | null {
  return a.schedule.find((m) => m.state !== "cancelled") ?? null;
}

/** Jaccard similarity of two sorted arrays of distinct word ids (as setSimilarity, without hashing strings). */
function sortedSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  let common = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return common / (a.length + b.length - common);
}

interface Staged {
  a: Activity;
  /** The activity's place in the plan. */
  index: number;
  stage: number;
  first: ScheduledMark;
  start: number;
  /** The object's content words and its head's, as sorted word ids. */
  words: number[];
  head: number[];
}

function sequenceChecks(plan: Plan, vocabulary: WordIds): Finding[] {
  const out: Finding[] = [];
  const idsOf = (words: string[]): number[] => vocabulary.of(words);
  // A step depends on a step of the same piece of work: the same block, under the same goal or strategy. Each
  // scope keeps its steps by stage, so a step is compared with the earlier stages' steps only.
  const scopes = new Map<string, Staged[][]>();
  plan.activities.forEach((a, index) => {
    const stage = STAGE.get(leadingVerb(a.text));
    const first = firstLive(a);
    if (stage === undefined || first === null) return;
    const key = `${a.block}\u0000${a.path.join("\u0000")}`;
    let byStage = scopes.get(key);
    if (!byStage) scopes.set(key, (byStage = [[], [], []]));
    const object = objectOf(a.text);
    byStage[stage]!.push({ a, index, stage, first, start: dayNumberOfIso(first.start), words: idsOf(contentWords(object)), head: idsOf(contentWords(headOf(object))) });
  });
  const found: { later: Staged; best: Staged }[] = [];
  for (const byStage of scopes.values()) {
    for (let stage = 1; stage < byStage.length; stage++) {
      for (const later of byStage[stage]!) {
        // The most similar step of an earlier stage; on a tie, the latest stage (implement before monitor).
        let best: Staged | null = null;
        let bestScore = 0;
        for (let s = 0; s < stage; s++) {
          for (const earlier of byStage[s]!) {
            const heads = earlier.head.length > 0 && later.head.length > 0 ? sortedSimilarity(earlier.head, later.head) : 0;
            const score = Math.max(sortedSimilarity(earlier.words, later.words), heads);
            if (score > bestScore || (score === bestScore && best !== null && earlier.stage > best.stage)) {
              best = earlier;
              bestScore = score;
            }
          }
        }
        if (best && bestScore >= 0.4 && later.start < best.start) found.push({ later, best });
      }
    }
  }
  // In the order of the plan.
  found.sort((x, y) => x.later.index - y.later.index);
  for (const { later, best } of found) {
    const laterVerb = leadingVerb(later.a.text);
    const earlierVerb = leadingVerb(best.a.text);
    out.push({
      rule: "sequence",
      severity: "warning",
      message:
        `"${excerpt(later.a.text)}" (${where(later.a)}) starts in ${later.first.period}, before "${excerpt(best.a.text)}" ` +
        `(${where(best.a)}) starts in ${best.first.period}. You cannot ${laterVerb} what you have not begun to ${earlierVerb}: ` +
        `move one of them.`,
      cell: later.a.cell,
      activityId: later.a.id,
    });
  }
  return out;
}

type Frequency = "weekly" | "monthly" | "quarterly" | "times-a-year" | "annually";

/** What the text says: how often, the words to quote back, and for "N times a year" the N. */
interface Said {
  frequency: Frequency;
  word: string;
  times: number;
}

const COUNTS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };

/**
 * "Per year" alone is not a frequency: "three coaching days per year", "20 hours of PD per year" count days or
 * hours, not occurrences. "N times a year" (or per year) is one, and so is "twice a year".
 */
const TIMES_A_YEAR = /\b(twice|one|two|three|four|five|six|\d{1,2})( times)? (a|per|each|every) (school )?year\b/i;

const FREQUENCIES: [Frequency, RegExp, string, number][] = [
  ["times-a-year", /\b(semi-?annual(ly)?|bi-?annual(ly)?)\b/i, "twice a year", 2],
  ["times-a-year", /\b(each|every|per) semester\b/i, "each semester", 2],
  ["times-a-year", /\b(each|every|per) trimester\b/i, "each trimester", 3],
  ["quarterly", /\b(quarterly|(each|every|per) quarter)\b/i, "quarterly", 4],
  ["monthly", /\b(monthly|(each|every|per) month)\b/i, "monthly", 0],
  ["weekly", /\b(weekly|(each|every|per) week)\b/i, "weekly", 0],
  ["annually", /\b(annual(ly)?|yearly|(each|every) (school )?year|once (a|per|each|every) (school )?year)\b/i, "annually", 1],
];

/** Every frequency phrase above names one of these: text without any says no frequency. */
const FREQUENCY_WORD = /annual|year|semester|trimester|quarter|month|week/i;

function frequencyOf(text: string): Said | null {
  if (!FREQUENCY_WORD.test(text)) return null;
  const n = TIMES_A_YEAR.exec(text);
  if (n) {
    const count = n[1]!.toLowerCase();
    const times = count === "twice" ? 2 : (COUNTS[count] ?? Number(count));
    // "two times a year", but not "two days a year": a bare number needs "times"; "twice" does not. Marks
    // in consecutive months count as one occurrence, so only up to four times a year can be checked.
    if (count === "twice" || n[2] !== undefined) {
      if (times === 1) return { frequency: "annually", word: n[0].toLowerCase(), times: 1 };
      return times >= 2 && times <= 4 ? { frequency: "times-a-year", word: n[0].toLowerCase(), times } : null;
    }
  }
  for (const [frequency, re, word, times] of FREQUENCIES) if (re.test(text)) return { frequency, word, times };
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
    const { word } = found;
    const block = plan.blocks[a.block]!;
    const problem = frequencyProblem(found, a, block.kind, plan.startMonth, block.periods.map((p) => monthIndex(p.start)));
    if (!problem) continue;
    out.push({
      rule: "frequency-mismatch",
      severity: "warning",
      message: `"${excerpt(a.text)}" (${where(a)}) says ${word}, but ${problem}. Check the marks or the wording.`,
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
  { frequency, times }: Said,
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
    case "times-a-year":
      return count(NUMBER_WORDS[times] ?? String(times), (n) => n === times);
    case "annually":
      return count("one", (n) => n <= 1);
  }
}

const NUMBER_WORDS = ["none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

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
          message: `"${excerpt(a.text)}" (${where(a)}) is reported "${status}", but ${overdue.length === 1 ? `its ${overdue[0]!.period} mark is` : `${overdue.length} of its marks (${overdue.map((m) => m.period).join(", ")}) are`} overdue as of ${asOf}. Update the status, or mark the work done.`,
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
          message: `"${excerpt(a.text)}" (${where(a)}) is reported "${status}", but its ${started.map((m) => m.period).join(", ")} mark${started.length === 1 ? " says" : "s say"} ${started[0]!.state === "done" ? "done" : "in progress"}. Update the status or the marks.`,
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

/**
 * A goal's target year ("By 2028, ...") before the end of its last scheduled period. A goal above the timeline
 * covers the sheet's work; a goal row (or a block title that names a goal) covers the activities below it, and
 * is reported at its own cell, once. A title above the first timeline is both: it is checked as a level.
 */
function goalTargets(plan: Plan): Finding[] {
  const out: Finding[] = [];
  const check = (text: string, cell: string, year: number, acts: Activity[]): void => {
    const last = lastEnd(acts);
    if (!last || last.end <= `${year}-12-31`) return;
    out.push({
      rule: "goal-target-before-schedule",
      severity: "warning",
      message: `The goal "${excerpt(text)}" (${localCell(cell)}) is to be met by ${year}, but its work is scheduled until ${last.period} (${localCell(last.cell)}). Move the target year or the work.`,
      cell,
    });
  };
  const under = new Map<string, { text: string; year: number; acts: Activity[] }>();
  // Levels already read that name no target year: each level is read once, not once per activity under it.
  const noTarget = new Set<string>();
  for (const a of plan.activities) {
    for (let i = 0; i < a.path.length; i++) {
      const level = a.path[i]!;
      const cell = a.pathCells[i] ?? a.cell;
      const entry = under.get(cell);
      if (entry) {
        entry.acts.push(a);
        continue;
      }
      if (noTarget.has(cell)) continue;
      const target = TARGET.exec(level);
      if (target) under.set(cell, { text: level, year: Number(target[1]), acts: [a] });
      else noTarget.add(cell);
    }
  }
  for (const goal of plan.goals) {
    if (goal.targetYear !== null && !under.has(goal.cell)) check(goal.text, goal.cell, goal.targetYear, plan.activities);
  }
  for (const [cell, { text, year, acts }] of under) check(text, cell, year, acts);
  return out;
}
