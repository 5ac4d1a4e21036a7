import { localCell } from "../address";
import { monthIndexOfIso, schoolYearLabel, schoolYearOf } from "../dates";
import type { Finding } from "../findings";
import { excerpt } from "../label-text";
import type { Period } from "../periods";
import type { Activity, Plan } from "../plan";

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
  ["times-a-year", /\b(semi-?annual(ly)?|bi-?annual(ly)?)\b/gi, "twice a year", 2],
  ["times-a-year", /\b(each|every|per) semester\b/gi, "each semester", 2],
  ["times-a-year", /\b(each|every|per) trimester\b/gi, "each trimester", 3],
  ["quarterly", /\b(quarterly|(each|every|per) quarter)\b/gi, "quarterly", 4],
  ["monthly", /\b(monthly|(each|every|per) month)\b/gi, "monthly", 0],
  ["weekly", /\b(weekly|(each|every|per) week)\b/gi, "weekly", 0],
  ["annually", /\b(annual(ly)?|yearly|(each|every) (school )?year|once (a|per|each|every) (school )?year)\b/gi, "annually", 1],
];

/**
 * A frequency word that describes a thing the activity is about, not how often the activity happens:
 *  - the adjective "annual": "present the annual report", "complete annual evaluations" (often marked at mid-year
 *    and at year's end), "update the annual PD calendar". "Annually" says how often, and so does "semiannual".
 *  - a word after "for", "of", "on" or "about": "design a schedule for annual and weekly learning", "a calendar of
 *    monthly meetings" ("share data at monthly meetings" still says how often). Other such words of a list
 *    ("annual and weekly") are skipped back over.
 * "Hold monthly meetings", "meet monthly", "review the plan annually", and every "each quarter" or "twice a year"
 * say how often.
 */
const AFTER_PREPOSITION = /(?:^|\s)(?:for|of|on|about)\s+$/i;
const LISTED_FREQUENCY = /(?:semi-?|bi-?)?(?:annual|yearly|quarterly|monthly|weekly)(?:,|\s+(?:and|or|&))?\s+$/i;
const BARE_WORD = /^(?:semi-?|bi-?)?(?:annually|yearly|quarterly|monthly|weekly)$/i;
const ADJECTIVE = /^annual$/i;

function describesAThing(text: string, match: RegExpExecArray): boolean {
  const word = match[0];
  if (ADJECTIVE.test(word)) return true;
  if (!BARE_WORD.test(word)) return false;
  let before = text.slice(0, match.index);
  for (let m = LISTED_FREQUENCY.exec(before); m; m = LISTED_FREQUENCY.exec(before)) before = before.slice(0, m.index);
  return AFTER_PREPOSITION.test(before);
}

/** Whether the text uses the pattern to say how often the activity happens (a global pattern: every use is tried). */
function saysHowOften(text: string, pattern: RegExp): boolean {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) if (!describesAThing(text, m)) return true;
  return false;
}

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
  for (const [frequency, re, word, times] of FREQUENCIES) if (saysHowOften(text, re)) return { frequency, word, times };
  return null;
}

/** The school year a month (year * 12 + month - 1) falls in. */
function schoolYearOfMonth(month: number, startMonth: number): number {
  return schoolYearOf({ year: Math.floor(month / 12), month: (month % 12) + 1, day: 1 }, startMonth);
}

/**
 * frequency-mismatch: a frequency word in an activity's text ("quarterly", "monthly", "twice a year", "annually",
 * "each trimester", "weekly") that its marks contradict, on timelines of months, school years, quarters, semesters
 * or trimesters.
 */
export function frequencyChecks(plan: Plan, out: Finding[]): void {
  // Each block's timeline, and a table's school years of months, worked out for the first activity that needs it.
  const timelines: (MonthTimeline | undefined)[] = [];
  const schoolYears = new Map<number, MonthTimeline>();
  const marksProblem = (found: Said, a: Activity, kind: string): string | null => {
    const block = plan.blocks[a.block]!;
    if (kind in PERIODS_PER_YEAR) return partOfYearProblem(found, a, block.periods, PERIODS_PER_YEAR[kind]!, plan.startMonth);
    const timeline = (timelines[a.block] ??= monthTimeline(block.periods.map((p) => monthIndexOfIso(p.start)), plan.startMonth));
    return frequencyProblem(found, a, kind, plan.startMonth, timeline);
  };
  const timingProblem = (found: Said, a: Activity, schoolYear: number): string | null => {
    const problem = timingSaysProblem(found, a);
    if (problem !== undefined) return problem;
    let months = schoolYears.get(schoolYear);
    if (months === undefined) {
      const first = schoolYear * 12 + plan.startMonth - 1;
      schoolYears.set(schoolYear, (months = monthTimeline(Array.from({ length: 12 }, (_, i) => first + i), plan.startMonth)));
    }
    return frequencyProblem(found, a, "month", plan.startMonth, months);
  };
  for (const a of plan.activities) {
    if (a.schedule.length === 0) continue;
    const found = frequencyOf(a.text);
    if (!found) continue;
    const { word } = found;
    const block = plan.blocks[a.block]!;
    const problem = block.kind === null ? timingProblem(found, a, block.schoolYear) : marksProblem(found, a, block.kind);
    if (!problem) continue;
    out.push({
      rule: "frequency-mismatch",
      severity: "warning",
      message: `"${excerpt(a.text)}" (${localCell(a.cell)}) says ${word}, but ${problem}. Check the marks or the wording.`,
      cell: a.schedule[0]!.cell,
      activityId: a.id,
    });
  }
}

/**
 * A frequency against timing written in words (an action-plan table). Timing that names how often ("Quarterly")
 * contradicts a text that says another frequency; timing of single months or days counts like marks in months of
 * the school year (undefined: the caller checks those); timing of longer spans ("Aug-May", "Fall") says when, not how
 * often, and is not checked.
 */
function timingSaysProblem(found: Said, a: Activity): string | null | undefined {
  for (const m of a.schedule) {
    const said = m.frequency === undefined ? null : frequencyOf(m.frequency);
    if (said && (said.frequency !== found.frequency || said.times !== found.times)) return `its timing says "${m.mark}"`;
    if (said) return null;
  }
  return a.schedule.every((m) => monthIndexOfIso(m.start) === monthIndexOfIso(m.end)) ? undefined : null;
}

/** Months of one school year on a timeline that make it a whole school year for the frequency checks. */
const WHOLE_SCHOOL_YEAR = 10;

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

/** A timeline of months as the checks below need it: how many months it has, and the school years it covers in full. */
interface MonthTimeline {
  months: number;
  /**
   * School years covered by ten of their months or more, as districts' timelines of the school year often leave out
   * summer (Aug-Jun, Sep-Jun).
   */
  wholeYears: number[];
}

function monthTimeline(months: readonly number[], startMonth: number): MonthTimeline {
  const perYear = new Map<number, number>();
  for (const m of new Set(months)) {
    const sy = schoolYearOfMonth(m, startMonth);
    perYear.set(sy, (perYear.get(sy) ?? 0) + 1);
  }
  return { months: months.length, wholeYears: [...perYear].filter(([, n]) => n >= WHOLE_SCHOOL_YEAR).map(([sy]) => sy) };
}

function frequencyProblem({ frequency, times }: Said, a: Activity, kind: string, startMonth: number, timeline: MonthTimeline): string | null {
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
  const months = [...new Set(marks.map((m) => monthIndexOfIso(m.start)))].sort((x, y) => x - y);
  const occurrences = runs(months);
  const gaps = occurrences.slice(1).map((r, i) => r[0]! - occurrences[i]![occurrences[i]!.length - 1]!);
  // The school years the timeline covers in full, with the occurrences that start in each.
  const covered = new Map<number, number>(timeline.wholeYears.map((sy) => [sy, 0]));
  for (const r of occurrences) {
    const sy = schoolYearOfMonth(r[0]!, startMonth);
    if (covered.has(sy)) covered.set(sy, covered.get(sy)! + 1);
  }
  const count = (expected: string, test: (n: number) => boolean): string | null => {
    for (const [sy, n] of covered) {
      if (!test(n)) return timesShown(n, sy, expected);
    }
    return null;
  };
  switch (frequency) {
    case "weekly":
    case "monthly": {
      if (months.length === 1 && timeline.months >= 3) return "only one month is marked";
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

/** Timelines of parts of a school year, and how many parts make one. */
const PERIODS_PER_YEAR: Partial<Record<string, number>> = { quarter: 4, trimester: 3, semester: 2 };

/** How many times a year each frequency means; weekly and monthly mean every part of the year. */
const TIMES_PER_YEAR: Record<Frequency, number> = { weekly: 52, monthly: 12, quarterly: 4, "times-a-year": 0, annually: 1 };

/**
 * A frequency against a timeline of quarters, trimesters or semesters. Said at most once a part (annually, twice
 * a year on quarters, each trimester on trimesters): the parts marked in each school year the timeline covers in
 * full are counted, consecutive parts as one occurrence for "annually" (an annual task can run over two quarters).
 * Said more often than once a part (monthly on quarters, quarterly on semesters): no part may go unmarked between
 * the first mark and the last, and one part alone is not enough.
 */
function partOfYearProblem({ frequency, times }: Said, a: Activity, periods: Period[], perYear: number, startMonth: number): string | null {
  const marks = a.schedule.filter((m) => m.state !== "cancelled");
  if (marks.length === 0) return null;
  const kind = periods[0]!.kind;
  // The timeline's parts in time order, each once.
  const parts = [...new Map(periods.map((p) => [p.start, p])).values()].sort((x, y) => (x.start < y.start ? -1 : 1));
  const marked = new Set(marks.map((m) => m.start));
  const isMarked = parts.map((p) => marked.has(p.start));
  const expected = frequency === "times-a-year" ? times : TIMES_PER_YEAR[frequency];
  if (expected > perYear) {
    const first = isMarked.indexOf(true);
    const last = isMarked.lastIndexOf(true);
    if (first < 0) return null;
    if (first === last) return parts.length >= 3 ? `only one ${kind} is marked` : null;
    const gap = isMarked.indexOf(false, first);
    return gap >= 0 && gap < last ? `the marks leave ${parts[gap]!.label} without an occurrence` : null;
  }
  const byYear = new Map<number, boolean[]>();
  parts.forEach((p, i) => {
    const sy = schoolYearOfMonth(monthIndexOfIso(p.start), startMonth);
    const inYear = byYear.get(sy);
    if (inYear) inYear.push(isMarked[i]!);
    else byYear.set(sy, [isMarked[i]!]);
  });
  for (const [sy, inYear] of byYear) {
    if (inYear.length !== perYear) continue;
    const n = frequency === "annually" ? inYear.filter((m, i) => m && !inYear[i - 1]).length : inYear.filter((m) => m).length;
    const ok = frequency === "quarterly" ? n >= 3 : frequency === "annually" ? n <= 1 : n === expected;
    if (!ok) {
      const wanted = frequency === "quarterly" ? "about four" : (NUMBER_WORDS[expected] ?? String(expected));
      return timesShown(n, sy, wanted);
    }
  }
  return null;
}

/** What the marks of a school year show against what the wording expects: "the marks show 2 times in 2023-24 (expected one)". */
function timesShown(n: number, schoolYear: number, expected: string): string {
  const shown = n === 0 ? "no occurrence" : n === 1 ? "one time" : `${n} times`;
  return `the marks show ${shown} in ${schoolYearLabel(schoolYear)} (expected ${expected})`;
}

const NUMBER_WORDS = ["none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
