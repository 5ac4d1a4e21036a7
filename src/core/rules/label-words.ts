import { eachAsciiWord, firstWord, isContentWord, words } from "../label-text";
import type { Plan } from "../plan";
import { countCommon } from "../sorted-lists";
import { FIRST_ORDERED_STAGE, STAGE_OF_VERB } from "./stages";

/**
 * What the duplicate and sequence rules read from the activities' labels, read once for both: each label's verb (its
 * first word) and content words, and for a step whose verb is a stage of work, the content words of what it works on
 * (its object) and of the object's head. Words are numbered as they are first met (one word, one number) and each
 * label keeps its words as a list of numbers, ascending: the rules count, index and compare numbers, not texts, and a
 * label costs one small array instead of a Set of strings (bench, 1,000 x 12 grid: the duplicate search 1.07 -> 0.50 ms,
 * readLabelWords as before, 2.0 ms). Each word is looked up once, its object's and head's numbers taken from the
 * label's (1,000 x 12: 1.93 -> 1.65 ms best; 10,000 templated labels 37.8 -> 34.6 ms), in one pass over the label
 * that keeps only its content words, without lists of all its words (1.8-1.9 -> 1.5-1.65 ms; 28-30 -> 18.7 ms).
 */
export interface LabelWords {
  verb: string;
  /** Its content words' numbers, each once, ascending. */
  words: readonly number[];
  /** The numbers the label names, in order ("3 1"): "Walkthrough 1" and "Walkthrough 2" are two activities. */
  numbers: string;
  object: readonly number[] | null;
  head: readonly number[] | null;
}

export interface PlanWords {
  labels: LabelWords[];
  /** How many different content words the labels hold: every word's number is below it. */
  vocabulary: number;
}

export function readLabelWords(plan: Plan): PlanWords {
  /** Each word met: its number, or NOT_CONTENT for a stop word ("the", "for") or a single letter. */
  const numberOf = new Map<string, number>();
  let vocabulary = 0;
  const numberFor = (w: string): number => {
    let n = numberOf.get(w);
    if (n === undefined) numberOf.set(w, (n = isContentWord(w) ? vocabulary++ : NOT_CONTENT));
    return n;
  };
  /** The content words' numbers of a list of words, ascending, each once. */
  const contentNumbers = (list: readonly string[]): number[] => {
    const out: number[] = [];
    for (const w of list) {
      const n = numberFor(w);
      if (n !== NOT_CONTENT) out.push(n);
    }
    return ascendingOnce(out);
  };
  const labels = plan.activities.map(({ text }): LabelWords => {
    // The label's content words' numbers in the order met, with where each starts (plain ASCII), read in one pass.
    const content: number[] = [];
    const starts: number[] = [];
    let first: string | null = null;
    let numbers = "";
    const visit = (w: string, start: number): void => {
      first ??= w;
      if (isNumber(w)) numbers = numbers === "" ? w : `${numbers} ${w}`;
      const n = numberFor(w);
      if (n === NOT_CONTENT) return;
      content.push(n);
      starts.push(start);
    };
    const ascii = eachAsciiWord(text, visit);
    if (!ascii) for (const w of words(text)) visit(w, -1);
    // In plain ASCII the first word is the verb as firstWord reads it (letters and digits, lower case).
    const verb = ascii ? (first ?? "") : firstWord(text);
    if ((STAGE_OF_VERB.get(verb) ?? -1) < FIRST_ORDERED_STAGE) return { verb, words: ascendingOnce(content), numbers, object: null, head: null };
    const object = objectOf(text);
    const head = headOf(object);
    if (!ascii) return { verb, words: ascendingOnce(content), numbers, object: contentNumbers(words(object)), head: contentNumbers(words(head)) };
    // Plain ASCII: the object ends the first line (after a space, before a newline) and its head begins it (ending at
    // a comma or before a word), so each holds whole words of the label: those that start within it.
    const newline = text.indexOf("\n");
    const objectStart = (newline < 0 ? text.length : newline) - object.length;
    const within = (end: number): number[] => {
      const out: number[] = [];
      for (let i = 0; i < content.length; i++) if (starts[i]! >= objectStart && starts[i]! < end) out.push(content[i]!);
      return ascendingOnce(out);
    };
    // Read before ascendingOnce sorts the label's list in place: `within` pairs each number with where it starts.
    const [objectWords, headWords] = [within(objectStart + object.length), within(objectStart + head.length)];
    return { verb, words: ascendingOnce(content), numbers, object: objectWords, head: headWords };
  });
  return { labels, vocabulary };
}

const NOT_CONTENT = -1;

/** A word of digits only (words hold a-z and 0-9): a number the label names. */
function isNumber(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 57) return false;
  return true;
}

/** Sorts a list of numbers in place, ascending, and drops repeats. */
function ascendingOnce(list: number[]): number[] {
  if (list.length <= SHORT_LIST) {
    // A label's few words: sorted by insertion, which for words numbered as first met (in order already) is one pass.
    for (let i = 1; i < list.length; i++) {
      const n = list[i]!;
      let j = i - 1;
      for (; j >= 0 && list[j]! > n; j--) list[j + 1] = list[j]!;
      list[j + 1] = n;
    }
  } else list.sort((x, y) => x - y);
  let kept = 0;
  for (let i = 0; i < list.length; i++) if (i === 0 || list[i] !== list[i - 1]) list[kept++] = list[i]!;
  list.length = kept;
  return list;
}

/**
 * Up to this many words a label's list is sorted by insertion, without a comparator call per step (bench, 10,000
 * templated labels, where each school's number is met after the template's words: label words 34 -> 21 ms best,
 * medians 59 -> 41); a longer list (a pasted paragraph) by Array.sort, whose cost stays n log n.
 */
const SHORT_LIST = 24;

/** Jaccard similarity of two ascending lists of word numbers, 0..1 (two empty lists are the same), by one merge. */
export function similarity(x: readonly number[], y: readonly number[]): number {
  if (x.length + y.length === 0) return 1;
  const common = countCommon(x, y);
  return common / (x.length + y.length - common);
}

/** The step's verb and the spaces after it, read from the start of the line (sticky: it does not search on). */
const VERB_AND_SPACE = /\s*\S+\s+/y;

/** What the step works on: its first line without the verb. */
function objectOf(text: string): string {
  const newline = text.indexOf("\n");
  const line = newline < 0 ? text : text.slice(0, newline);
  VERB_AND_SPACE.lastIndex = 0;
  return VERB_AND_SPACE.test(line) ? line.slice(VERB_AND_SPACE.lastIndex) : line;
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
