import { firstWord, isContentWord, words } from "../label-text";
import type { Plan } from "../plan";
import { FIRST_ORDERED_STAGE, STAGE_OF_VERB } from "./stages";

/**
 * What the duplicate and sequence rules read from the activities' labels, read once for both: each label's verb (its
 * first word) and content words, and for a step whose verb is a stage of work, the content words of what it works on
 * (its object) and of the object's head.
 */
export interface LabelWords {
  verb: string;
  words: ReadonlySet<string>;
  /** The numbers the label names, in order ("3 1"): "Walkthrough 1" and "Walkthrough 2" are two activities. */
  numbers: string;
  object: ReadonlySet<string> | null;
  head: ReadonlySet<string> | null;
}

/** The content words of a text: no stop words ("the", "for"), no single letters. */
export function contentWords(text: string): Set<string> {
  return new Set(words(text).filter(isContentWord));
}

export function readLabelWords(plan: Plan): LabelWords[] {
  return plan.activities.map(({ text }) => {
    const content = new Set<string>();
    let numbers = "";
    for (const w of words(text)) {
      if (isContentWord(w)) content.add(w);
      if (DIGITS.test(w)) numbers = numbers === "" ? w : `${numbers} ${w}`;
    }
    const verb = firstWord(text);
    if ((STAGE_OF_VERB.get(verb) ?? -1) < FIRST_ORDERED_STAGE) return { verb, words: content, numbers, object: null, head: null };
    const object = objectOf(text);
    return { verb, words: content, numbers, object: contentWords(object), head: contentWords(headOf(object)) };
  });
}

const DIGITS = /^\d+$/;

/** Jaccard similarity of two sets of words, 0..1 (two empty sets are the same). */
export function similarity(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  if (x.size + y.size === 0) return 1;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / (x.size + y.size - common);
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
