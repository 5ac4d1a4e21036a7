/**
 * How often an activity happens, as a timing cell says it ("Monthly", "Twice a year", "Each semester", "Ongoing"),
 * kept as one lower-case phrase a spelling: "Bi-weekly", "biweekly" and "every other week" are all "bi-weekly";
 * "Semi-annually" and "2x a year" are "twice a year"; "Year-round" and "All year" are "year round".
 */
import type { Token } from "./tokens";
import { isMark, isWord, longestPhrase, phrase, phrases } from "./words";

export interface FrequencyMatch {
  frequency: string;
  /** The token after the phrase. */
  next: number;
  /** "ongoing", "year round", "throughout the year": the whole school year, which a more exact frequency beside it overrides. */
  wholeYear: boolean;
}

const WHOLE_YEAR = new Set(["ongoing", "year round", "throughout the year"]);

const WORDS: [string, string][] = [
  ["daily", "daily"],
  ["weekly", "weekly"],
  ["biweekly|fortnightly", "bi-weekly"],
  ["bi weekly", "bi-weekly"],
  ["every other week", "bi-weekly"],
  ["every two weeks", "bi-weekly"],
  ["monthly", "monthly"],
  ["bimonthly", "bi-monthly"],
  ["bi monthly", "bi-monthly"],
  ["every other month", "bi-monthly"],
  ["every two months", "bi-monthly"],
  ["semimonthly", "twice a month"],
  ["semi monthly", "twice a month"],
  ["quarterly", "quarterly"],
  ["annually|annual|yearly", "annually"],
  ["semiannually|semiannual|biannually|biannual", "twice a year"],
  ["semi|bi annually|annual", "twice a year"],
  ["ongoing|continuous|continuously|continual|continually", "ongoing"],
  ["on going", "ongoing"],
  ["yearround", "year round"],
  ["year round", "year round"],
  ["all year", "year round"],
  ["all year long|round", "year round"],
  ["all school year", "year round"],
  ["all the school year", "year round"],
  ["throughout the year", "throughout the year"],
  ["throughout the school year", "throughout the year"],
  ["throughout year", "throughout the year"],
  ["throughout school year", "throughout the year"],
];
const PHRASES = phrases(WORDS.map(([p]) => phrase(p)));

/** The unit a count is per, as a word ("year") and as the frequency of once per unit ("annually"). */
const UNITS = new Map<string, [string, string]>([
  ["year", ["year", "annually"]], ["yr", ["year", "annually"]],
  ["month", ["month", "monthly"]], ["week", ["week", "weekly"]], ["day", ["day", "daily"]],
  ["quarter", ["quarter", "quarterly"]], ["semester", ["semester", "each semester"]], ["trimester", ["trimester", "each trimester"]],
]);
/** "Twice yearly", "three times monthly". */
const UNIT_ADVERBS = new Map([["yearly", "year"], ["annually", "year"], ["monthly", "month"], ["weekly", "week"], ["daily", "day"], ["quarterly", "quarter"]]);

const COUNT_WORDS = ["", "once", "twice", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
const COUNTS = new Map<string, number>([["one", 1], ["once", 1], ["two", 2], ["twice", 2], ["thrice", 3]]);
COUNT_WORDS.forEach((word, n) => {
  if (n >= 3) COUNTS.set(word, n);
});

function frequencyOf(count: number, unit: string): string {
  const [name, once] = UNITS.get(unit)!;
  if (count === 1) return once;
  return count === 2 ? `twice a ${name}` : `${COUNT_WORDS[count]} times a ${name}`;
}

/**
 * A count per unit: "twice a year", "2 times per year", "2x/year", "three times a semester", "once a month",
 * "twice yearly"; and "each|every|per unit": "each semester", "every month", "per quarter".
 */
function countPerUnit(tokens: readonly Token[], i: number): FrequencyMatch | null {
  const first = tokens[i];
  if (first === undefined) return null;
  let count = 1;
  let at = i;
  if (isWord(first, "each", "every", "per")) {
    at++;
  } else {
    const n = first.kind === "number" && first.text.length <= 2 ? Number(first.text) : first.kind === "word" ? COUNTS.get(first.text) : undefined;
    if (n === undefined || n < 1 || n > 12) return null;
    count = n;
    at++;
    const times = isWord(tokens[at], "times", "time", "x");
    if (times) at++;
    // "twice" and "once" say "times" themselves; a bare number needs it ("two days a year" is not a frequency).
    if (!times && !isWord(first, "once", "twice", "thrice")) return null;
    const adverb = tokens[at]?.kind === "word" ? UNIT_ADVERBS.get(tokens[at]!.text) : undefined;
    if (adverb !== undefined) return { frequency: frequencyOf(count, adverb), next: at + 1, wholeYear: false };
    if (!isWord(tokens[at], "a", "an", "per", "each", "every") && !isMark(tokens[at], "/")) return null;
    at++;
  }
  if (isWord(tokens[at], "school")) at++;
  const unit = tokens[at];
  if (unit?.kind !== "word" || !UNITS.has(unit.text)) return null;
  return { frequency: frequencyOf(count, unit.text), next: at + 1, wholeYear: false };
}

/** The frequency written from token i, or null. */
export function matchFrequency(tokens: readonly Token[], i: number): FrequencyMatch | null {
  const counted = countPerUnit(tokens, i);
  const named = longestPhrase(tokens, i, PHRASES);
  if (named !== null && named.next > (counted?.next ?? i)) {
    const frequency = WORDS[named.index]![1];
    return { frequency, next: named.next, wholeYear: WHOLE_YEAR.has(frequency) };
  }
  return counted;
}
