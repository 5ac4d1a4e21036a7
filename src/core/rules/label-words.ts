import { asciiWordsAt, firstWord, isContentWord, words } from "../label-text";
import type { Plan } from "../plan";
import { countCommon } from "../sorted-lists";
import { FIRST_ORDERED_STAGE, STAGE_OF_VERB } from "./stages";

/**
 * What the duplicate and sequence rules read from the activities' labels, read once for both: each label's verb (its
 * first word) and content words, and for a step whose verb is a stage of work, the content words of what it works on
 * (its object) and of the object's head. Words are numbered as they are first met (one word, one number) and each
 * label keeps its words as a list of numbers, ascending: the rules count, index and compare numbers, not texts, and a
 * label costs one small array instead of a Set of strings (bench, 1,000 x 12 grid: the duplicate search 1.07 -> 0.50 ms, readLabelWords as before, 2.0 ms).
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
  const numberOf = new Map<string, number>();
  /** The numbers of a text's content words (no stop words such as "the" or "for", no single letters), ascending, each once. */
  const contentNumbers = (list: readonly string[]): number[] => {
    const out: number[] = [];
    for (const w of list) {
      if (!isContentWord(w)) continue;
      let n = numberOf.get(w);
      if (n === undefined) numberOf.set(w, (n = numberOf.size));
      out.push(n);
    }
    return ascendingOnce(out);
  };
  const labels = plan.activities.map(({ text }): LabelWords => {
    const at = asciiWordsAt(text);
    const all = at?.words ?? words(text);
    const content = contentNumbers(all);
    let numbers = "";
    for (const w of all) if (DIGITS.test(w)) numbers = numbers === "" ? w : `${numbers} ${w}`;
    const verb = firstWord(text);
    if ((STAGE_OF_VERB.get(verb) ?? -1) < FIRST_ORDERED_STAGE) return { verb, words: content, numbers, object: null, head: null };
    const object = objectOf(text);
    const head = headOf(object);
    if (at === null) return { verb, words: content, numbers, object: contentNumbers(words(object)), head: contentNumbers(words(head)) };
    // Plain ASCII: the object ends the first line (after a space, before a newline) and its head begins it (ending at
    // a comma or before a word), so each holds whole words of the label: those that start within it.
    const newline = text.indexOf("\n");
    const objectStart = (newline < 0 ? text.length : newline) - object.length;
    const within = (end: number): string[] => at.words.filter((_, i) => at.starts[i]! >= objectStart && at.starts[i]! < end);
    return { verb, words: content, numbers, object: contentNumbers(within(objectStart + object.length)), head: contentNumbers(within(objectStart + head.length)) };
  });
  return { labels, vocabulary: numberOf.size };
}

/** Sorts a list of numbers in place, ascending, and drops repeats. */
function ascendingOnce(list: number[]): number[] {
  // Words are numbered as first met, so a label of words not met before is in order already.
  let sorted = true;
  for (let i = 1; i < list.length && sorted; i++) sorted = list[i - 1]! <= list[i]!;
  if (!sorted) list.sort((x, y) => x - y);
  let kept = 0;
  for (let i = 0; i < list.length; i++) if (i === 0 || list[i] !== list[i - 1]) list[kept++] = list[i]!;
  list.length = kept;
  return list;
}

const DIGITS = /^\d+$/;

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
