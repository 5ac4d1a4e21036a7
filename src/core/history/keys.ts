/**
 * Recognising an activity again from one refresh to the next. An activity's id (`Sheet!row`) changes when a row is
 * inserted above it, so each activity in a snapshot carries a key of its own, kept from snapshot to snapshot:
 *  1. an activity whose text (read loosely: case, accents, punctuation and spacing aside) and goal are those of one
 *     in the previous snapshot takes that one's key; then one whose text alone is the same (moved under another goal);
 *  2. the rest are paired by how alike their texts are (letter pairs in common, Sørensen–Dice), the most alike pairs
 *     first, when at least MIN_LIKENESS alike (MIN_LIKENESS_OTHER_VERB when their first words differ): a word changed,
 *     added or mistyped;
 *  3. an activity still without a key is new: its key is made from its text, so that an activity removed and later
 *     put back with the same words is the same activity again.
 * Candidates for step 2 are found through the words they share (at most MAX_CANDIDATES each, rarest words first), so
 * the work grows with the number of activities, not with its square, whatever their text.
 */

import { countCommon } from "../sorted-lists";

/** How alike two texts must be (0..1, letter pairs in common) to be one activity reworded. */
export const MIN_LIKENESS = 0.72;
/**
 * How alike when their first words differ: "Develop the PLC model" and "Implement the PLC model" are two steps of one
 * piece of work, as alike as a reworded line; a changed first word must leave the rest nearly as it was.
 */
export const MIN_LIKENESS_OTHER_VERB = 0.9;
/** Activities compared with each unmatched one, at most. */
const MAX_CANDIDATES = 40;
/** A word found in more unmatched activities than this says little about which one is meant. */
const COMMON_WORD = 64;
/** Text compared, at most (a long activity is recognised by its start). */
const COMPARED_LENGTH = 240;

/** The text as compared: lower case, accents, punctuation and runs of spaces gone. */
export function looseText(text: string): string {
  return text
    .slice(0, COMPARED_LENGTH)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The text's letter pairs (each word's, with a space before it), as sorted numbers. */
function letterPairs(loose: string): Int32Array {
  const pairs: number[] = [];
  for (let i = 0; i + 1 < loose.length; i++) pairs.push(loose.charCodeAt(i) * 65_536 + loose.charCodeAt(i + 1));
  return Int32Array.from(pairs).sort();
}

/** Sørensen–Dice likeness of two sorted pair lists: twice the pairs in common over all pairs, 0..1. */
function likeness(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  return (2 * countCommon(a, b)) / (a.length + b.length);
}

function firstWord(loose: string): string {
  const space = loose.indexOf(" ");
  return space < 0 ? loose : loose.slice(0, space);
}

/** A word's first four letters: "develop" and "develp" share "deve". */
function stems(loose: string): string[] {
  return [...new Set(loose.split(" ").filter((w) => w.length >= 3).map((w) => w.slice(0, 4)))];
}

/** A short key from a text: 53 bits of a hash (cyrb53), in base 36. */
export function textKey(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** What matching needs of an activity: its text and its goal (or path), as one string. */
export interface Keyed {
  text: string;
  path: string;
}

/**
 * Keys for `current` activities, in their order: the key of the `previous` activity each one is recognised as, else
 * a new one. Keys are unique within the list.
 */
export function assignKeys(current: Keyed[], previous: (Keyed & { key: string })[]): string[] {
  const keys = new Array<string | null>(current.length).fill(null);
  const taken = new Array<boolean>(previous.length).fill(false);
  const looseNow = current.map((a) => looseText(a.text));
  const loosePrev = previous.map((a) => looseText(a.text));

  // 1. The same text under the same goal, then the same text anywhere; duplicates pair in their order.
  for (const withPath of [true, false]) {
    const waiting = new Map<string, number[]>();
    previous.forEach((p, i) => {
      const id = withPath ? `${p.path}\u0001${loosePrev[i]}` : loosePrev[i]!;
      const list = waiting.get(id);
      if (list) list.push(i);
      else waiting.set(id, [i]);
    });
    current.forEach((a, i) => {
      if (keys[i] !== null) return;
      const list = waiting.get(withPath ? `${a.path}\u0001${looseNow[i]}` : looseNow[i]!);
      while (list && list.length > 0) {
        const j = list.shift()!;
        if (taken[j]) continue;
        taken[j] = true;
        keys[i] = previous[j]!.key;
        break;
      }
    });
  }

  // 2. Reworded: the most alike pairs of the rest, found through the stems they share.
  const restPrev = previous.map((_, j) => j).filter((j) => !taken[j]);
  const restNow = current.map((_, i) => i).filter((i) => keys[i] === null);
  if (restPrev.length > 0 && restNow.length > 0) {
    const byStem = new Map<string, number[]>();
    for (const j of restPrev) {
      for (const s of stems(loosePrev[j]!)) {
        const list = byStem.get(s);
        if (list) list.push(j);
        else byStem.set(s, [j]);
      }
    }
    const pairsPrev = new Map<number, Int32Array>();
    const pairs: { now: number; prev: number; score: number }[] = [];
    for (const i of restNow) {
      const own = letterPairs(looseNow[i]!);
      const lists = stems(looseNow[i]!)
        .map((s) => byStem.get(s) ?? [])
        .filter((l) => l.length > 0)
        .sort((x, y) => x.length - y.length);
      const candidates = new Set<number>();
      for (const list of lists) {
        if (list.length > COMMON_WORD && candidates.size > 0) break;
        for (const j of list) {
          if (candidates.size >= MAX_CANDIDATES) break;
          candidates.add(j);
        }
        if (candidates.size >= MAX_CANDIDATES) break;
      }
      for (const j of candidates) {
        let theirs = pairsPrev.get(j);
        if (!theirs) pairsPrev.set(j, (theirs = letterPairs(loosePrev[j]!)));
        const score = likeness(own, theirs);
        const bar = firstWord(looseNow[i]!) === firstWord(loosePrev[j]!) ? MIN_LIKENESS : MIN_LIKENESS_OTHER_VERB;
        if (score >= bar) pairs.push({ now: i, prev: j, score: score + (current[i]!.path === previous[j]!.path ? 0.01 : 0) });
      }
    }
    pairs.sort((x, y) => y.score - x.score || x.now - y.now || x.prev - y.prev);
    for (const p of pairs) {
      if (keys[p.now] !== null || taken[p.prev]) continue;
      keys[p.now] = previous[p.prev]!.key;
      taken[p.prev] = true;
    }
  }

  // 3. New activities: a key from the text, unique in the list and not one a previous activity had (that one was
  // removed: the new one is not it).
  const used = new Set([...keys.filter((k): k is string => k !== null), ...previous.map((p) => p.key)]);
  return keys.map((k, i) => {
    if (k !== null) return k;
    const base = textKey(looseNow[i]!);
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
    used.add(key);
    return key;
  });
}
