/**
 * The words of a timing cell as a list of periods (each perhaps a range, perhaps a deadline) and the frequencies
 * said with them, before the school year dates them (docs/product.md, "Plans that are not grids", "Timing text").
 *
 *   timing   = element*, elements being a period or range, a frequency, a deadline word, a list word, a note in ()
 *   range    = period (- | – | to | through | thru | until) period       `Aug-May`, `Q1-Q2`, `Year 1-3`
 *   list     = range (, | ; | / | & | + | and | then) range ...         `Fall, Winter and Spring`, `Sept/Feb`
 *   deadline = (by | due | due by | no later than | deadline ...) [the] [end of [the]] range   `by end of Q2`
 *
 * Two periods need a list word between them: `Oct Jan` is not read. A parenthesis after periods is a note on them:
 * periods in it say them more exactly and replace them (`Fall (Aug-Nov)`), a school year in it gives them their
 * year (`Fall (Year 2)`), a frequency in it is the frequency (`Sept-May (monthly)`), and words that name no time
 * (`(tentative)`) are left out.
 */
import { matchFrequency, type FrequencyMatch } from "./frequency";
import { continuedPiece, pieceAt, type Piece } from "./pieces";
import type { Token } from "./tokens";
import { isMark, isMarkIn, isWord, isWordIn, longestPhrase, matchPhrase, monthOfWord, phrase, phrases, seasonOfWord } from "./words";

export interface Item {
  from: Piece;
  /** The end of a range. */
  to?: Piece;
  deadline: boolean;
  /** The school year a note in parentheses gave it (`Fall (Year 2)`). */
  within?: Piece;
}

export interface TimingWords {
  items: Item[];
  frequencies: FrequencyMatch[];
}

const LIST_MARKS = new Set([",", ";", "/", "&", "+", ":", "-", "\u2013"]);
const LIST_WORDS = new Set(["and", "then"]);
const RANGE_WORDS = new Set(["to", "through", "thru", "till", "til", "until"]);
/** Words that may stand before a period and add nothing: `from Sept to May`, `in October`, `during Q2`. */
const FILLERS = new Set(["in", "during", "from", "throughout", "on"]);

const DEADLINES = phrases([
  "by", "due", "due by", "due on", "due in", "due date", "deadline", "no|not later than", "by no|not later than", "nlt",
  "complete|completed|completion by", "to be complete|completed by", "on or before",
].map(phrase));
const END_OF = phrase("end of");
/** "by the end of the year", "end of school year": the plan's school year. */
const THE_YEAR = phrases(["year", "school year", "plan year", "sy"].map(phrase));

/** Where a deadline's words written from token i end (`by`, `due`, `no later than`, `by the end of the`), or -1. */
function deadlineAt(tokens: readonly Token[], i: number): number {
  let at = i;
  const said = longestPhrase(tokens, i, DEADLINES);
  if (said !== null) at = said.next;
  if (isMark(tokens[at], ":")) at++;
  if (said !== null && isWord(tokens[at], "the")) at++;
  const end = matchPhrase(tokens, isWord(tokens[at], "the") ? at + 1 : at, END_OF);
  if (end >= 0) at = isWord(tokens[end], "the") ? end + 1 : end;
  return said !== null || end >= 0 ? at : -1;
}

/** `year`, `school year` after "end of": the plan's own school year (not `Year 2`, not `school year 2025-26`). */
function theYearAt(tokens: readonly Token[], i: number): number {
  const said = longestPhrase(tokens, i, THE_YEAR);
  if (said === null) return -1;
  const after = tokens[said.next];
  return after?.kind === "number" ? -1 : said.next;
}

function rangeWordAt(tokens: readonly Token[], i: number, between: boolean): number {
  const token = tokens[i];
  if (isMark(token, "-", "\u2013") || isWordIn(token, RANGE_WORDS) || (between && isWord(token, "and"))) return i + 1;
  return -1;
}

/** A period or a range of two from token i. */
function itemAt(tokens: readonly Token[], i: number, between: boolean): { from: Piece; to?: Piece; next: number } | null {
  const first = pieceAt(tokens, i);
  if (first === null) return null;
  const after = rangeWordAt(tokens, first.next, between);
  if (after >= 0) {
    const last = pieceAt(tokens, after) ?? continuedPiece(tokens, after, first.piece);
    if (last !== null) return { from: first.piece, to: last.piece, next: last.next };
  }
  return { from: first.piece, next: first.next };
}

/** A note that names no time: words only, no month, season or frequency among them (`(tentative)`, `(if funded)`). */
function isNote(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    if (token.kind === "number") return false;
    if (token.kind === "word" && (monthOfWord(token.text) !== null || seasonOfWord(token.text) !== null || matchFrequency(tokens, i) !== null)) return false;
  }
  return true;
}

function closingParenthesis(tokens: readonly Token[], from: number, to: number): number {
  for (let i = from; i < to; i++) if (isMark(tokens[i], ")")) return i;
  return to;
}

const SCHOOL_YEAR_KINDS = new Set(["school-year", "year-number"]);

/** The timing words of tokens from..to; null when anything among them is not timing. */
export function readTimingWords(tokens: readonly Token[], from: number, to: number): TimingWords | null {
  const items: Item[] = [];
  const frequencies: FrequencyMatch[] = [];
  /** A deadline word was read: it holds for every period after it. */
  let deadline = false;
  /** The deadline word read last still waits for its period. */
  let deadlineOpen = false;
  /** "between": the next "and" makes a range. */
  let between = false;
  /** Ready for a period: nothing read yet, or a list word since the last period. */
  let joined = true;
  let i = from;
  while (i < to) {
    const token = tokens[i]!;
    if (isMark(token, "(")) {
      const close = closingParenthesis(tokens, i + 1, to);
      const note = readTimingWords(tokens, i + 1, close);
      if (note === null) {
        if (!isNote(tokens, i + 1, close)) return null;
      } else {
        frequencies.push(...note.frequencies);
        addNote(items, note.items, joined, deadline);
        if (note.items.length > 0) joined = false;
      }
      i = close + 1;
      continue;
    }
    if (isMark(token, ")")) {
      i++;
      continue;
    }
    const frequency = matchFrequency(tokens, i);
    if (frequency !== null) {
      frequencies.push(frequency);
      i = frequency.next;
      continue;
    }
    const dueFrom = deadlineAt(tokens, i);
    if (dueFrom >= 0) {
      deadline = deadlineOpen = true;
      i = dueFrom;
      const year = theYearAt(tokens, i);
      if (year < 0) continue;
      if (!joined) return null;
      items.push({ from: { kind: "school-year" }, deadline });
      deadlineOpen = joined = false;
      i = year;
      continue;
    }
    if (isWord(token, "eoy")) {
      if (!joined) return null;
      items.push({ from: { kind: "school-year" }, deadline: true });
      joined = false;
      i++;
      continue;
    }
    if (isMarkIn(token, LIST_MARKS) || isWordIn(token, LIST_WORDS)) {
      joined = true;
      i++;
      continue;
    }
    if (isWordIn(token, FILLERS) || isWord(token, "between")) {
      between ||= token.text === "between";
      i++;
      continue;
    }
    const last = items[items.length - 1];
    const item = itemAt(tokens, i, between) ?? (last === undefined ? null : continuedPiece(tokens, i, last.to ?? last.from));
    if (item === null || !joined) return null;
    const read: Item = { from: "from" in item ? item.from : item.piece, deadline };
    if ("to" in item && item.to !== undefined) read.to = item.to;
    items.push(read);
    between = deadlineOpen = joined = false;
    i = item.next;
  }
  return deadlineOpen || between ? null : { items, frequencies };
}

/**
 * A note's periods after the periods before it: a school year gives them their year (`Fall and Spring (Year 2)`),
 * other periods replace as many of them as it names (`Fall (Aug-Nov)`). After a list word, or first, they are
 * periods of the list (`Monthly (Sept-May)`).
 */
function addNote(items: Item[], noted: Item[], joined: boolean, deadline: boolean): void {
  if (noted.length === 0) return;
  const year = noted.length === 1 && noted[0]!.to === undefined && SCHOOL_YEAR_KINDS.has(noted[0]!.from.kind) ? noted[0]!.from : null;
  if (joined || items.length === 0) {
    items.push(...noted.map((item) => ({ ...item, deadline: item.deadline || deadline })));
  } else if (year !== null) {
    for (let k = items.length - 1; k >= 0 && items[k]!.within === undefined; k--) items[k] = { ...items[k]!, within: year };
  } else {
    const replaced = items.splice(Math.max(0, items.length - noted.length));
    const due = deadline || replaced.some((item) => item.deadline);
    items.push(...noted.map((item) => ({ ...item, deadline: item.deadline || due })));
  }
}
