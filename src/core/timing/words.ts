/** Reading timing tokens: month and season words as a timeline header reads them, and phrases of several words. */
import { parsePeriodLabel, type PeriodLabel, type Season } from "../period-label";
import type { Token } from "./tokens";

/** What words name as a timeline header reads them, remembered: a table's timing cells repeat the same few words. */
const periodWords = new Map<string, PeriodLabel | null>();

function periodWord(word: string): PeriodLabel | null {
  let label = periodWords.get(word);
  if (label === undefined) {
    label = /^[a-z]+$/.test(word) ? parsePeriodLabel(word) : null;
    if (periodWords.size >= 10_000) periodWords.clear();
    periodWords.set(word, label);
  }
  return label;
}

/** The month a word names (`oct`, `october`, `sept`, `octubre`), as a timeline header reads it; null for other words. */
export function monthOfWord(word: string): number | null {
  const label = periodWord(word);
  return label?.kind === "month" && label.year === undefined ? label.month : null;
}

/** The season a word names (`fall`, `autumn`, `primavera`); null for other words. */
export function seasonOfWord(word: string): Season | null {
  const label = periodWord(word);
  return label?.kind === "season" && label.year === undefined ? label.season : null;
}

export function isWord(token: Token | undefined, ...words: string[]): boolean {
  return token?.kind === "word" && words.includes(token.text);
}

export function isMark(token: Token | undefined, ...marks: string[]): boolean {
  return token?.kind === "mark" && marks.includes(token.text);
}

export function isWordIn(token: Token | undefined, words: ReadonlySet<string>): boolean {
  return token?.kind === "word" && words.has(token.text);
}

export function isMarkIn(token: Token | undefined, marks: ReadonlySet<string>): boolean {
  return token?.kind === "mark" && marks.has(token.text);
}

/** A phrase: each place holds the words (or marks) that may stand there: `no later than`, `twice a|per year`. */
export type Phrase = readonly (readonly string[])[];

export function phrase(text: string): Phrase {
  return text.split(" ").map((place) => place.split("|"));
}

/**
 * Where a phrase written from token i ends (the index after it), or -1. A hyphen may join its words (`bi-weekly`,
 * `year-round`, `on-going`).
 */
export function matchPhrase(tokens: readonly Token[], i: number, words: Phrase): number {
  let at = i;
  for (let w = 0; w < words.length; w++) {
    if (w > 0 && isMark(tokens[at], "-") && tokens[at + 1]?.kind === "word") at++;
    const token = tokens[at];
    if (token === undefined || token.kind === "number" || !words[w]!.includes(token.text)) return -1;
    at++;
  }
  return at;
}

/** Phrases by the words they may start with, each with its place in the list. */
export type Phrases = Map<string, { phrase: Phrase; index: number }[]>;

export function phrases(list: readonly Phrase[]): Phrases {
  const byFirst: Phrases = new Map();
  list.forEach((p, index) => {
    for (const first of p[0] ?? []) byFirst.set(first, [...(byFirst.get(first) ?? []), { phrase: p, index }]);
  });
  return byFirst;
}

/** The longest of the phrases written from token i: its index in the list and where it ends; null when none is. */
export function longestPhrase(tokens: readonly Token[], i: number, list: Phrases): { index: number; next: number } | null {
  const token = tokens[i];
  let best: { index: number; next: number } | null = null;
  const starting = token?.kind === "word" ? list.get(token.text) : undefined;
  if (starting === undefined) return null;
  for (const { phrase: p, index } of starting) {
    const next = matchPhrase(tokens, i, p);
    if (next > (best?.next ?? i)) best = { index, next };
  }
  return best;
}
