/**
 * A mechanical correction for unreadable timing text: a misspelt month or season put right ("Setp 2025" ->
 * "Sep 2025", "Ocotber" -> "October", "Sprng" -> "Spring"), offered only when the corrected text reads.
 *
 * Precision first: people's names and ordinary words sit one letter away from month names ("Mary", "Marc",
 * "Jane", "Match", "String", "Winner"), so a word is taken for a misspelling only by the slips typing makes:
 * - four letters: two neighbouring letters swapped (`Setp`, `Jnue`);
 * - five or six: two neighbouring letters swapped, one letter left out (`Sprng`, `Agust`) or one typed twice
 *   (`Aprril`); never one letter changed (`Match`, `Winner`) or added at the end (`Falls`);
 * - seven or more: at most one slip of any kind from any month or season (two from the long month names,
 *   `Feburary`, `Setpember`), but not the name with letters added at its end (`Augusta`);
 * and always with the first letter right, and only when one month or season fits.
 */
import { monthShortName } from "../dates";
import { tokenize } from "./tokens";
import { monthOfWord, seasonOfWord } from "./words";

const FULL_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const SEASONS = ["Fall", "Autumn", "Winter", "Spring", "Summer"];

/** Each spelling a misspelling may come from, and how it is put right (`sept` -> `Sep`). */
const TARGETS: [string, string][] = [
  ...[...FULL_MONTHS, ...SEASONS].map((name): [string, string] => [name.toLowerCase(), name]),
  ...FULL_MONTHS.map((_, i): [string, string] => [monthShortName(i + 1).toLowerCase(), monthShortName(i + 1)]),
  ["sept", "Sep"],
];

function transposed(word: string, target: string): boolean {
  if (word.length !== target.length) return false;
  let i = 0;
  while (i < word.length && word[i] === target[i]) i++;
  return i + 1 < word.length && word[i] === target[i + 1] && word[i + 1] === target[i] && word.slice(i + 2) === target.slice(i + 2);
}

/** `shorter` is `longer` with one letter left out. */
function leftOut(shorter: string, longer: string): boolean {
  if (longer.length !== shorter.length + 1) return false;
  let i = 0;
  while (i < shorter.length && shorter[i] === longer[i]) i++;
  return shorter.slice(i) === longer.slice(i + 1);
}

/** `word` is `target` with one of its letters typed twice. */
function doubled(word: string, target: string): boolean {
  if (!leftOut(target, word)) return false;
  let i = 0;
  while (i < target.length && word[i] === target[i]) i++;
  return word[i] === word[i - 1] || word[i] === word[i + 1];
}

/** Optimal string alignment distance: insertions, deletions, changes and swaps of neighbours. Short words only. */
function distance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const change = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + change);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

function misspelt(word: string, target: string): boolean {
  if (word[0] !== target[0] || word.startsWith(target)) return false;
  if (word.length === 4) return transposed(word, target);
  if (word.length <= 6) return transposed(word, target) || leftOut(word, target) || doubled(word, target);
  return distance(word, target) <= (target.length >= 7 ? 2 : 1);
}

const LONGEST_WORD = 12;

/** The month or season a word misspells, as it should be written; null when none or more than one fits. */
function correctionOf(word: string): string | null {
  if (word.length < 4 || word.length > LONGEST_WORD || monthOfWord(word) !== null || seasonOfWord(word) !== null) return null;
  const fits = new Set(TARGETS.filter(([target]) => misspelt(word, target)).map(([, right]) => right));
  return fits.size === 1 ? [...fits][0]! : null;
}

/** The correction in the case the word was typed in: `SETP` -> `SEP`, `setp` -> `sep`, `Setp` -> `Sep`. */
function inCaseOf(typed: string, right: string): string {
  if (typed.length > 1 && typed === typed.toUpperCase()) return right.toUpperCase();
  return typed[0] === typed[0]!.toLowerCase() ? right.toLowerCase() : right;
}

/**
 * The text with its misspelt months and seasons put right, when there are any and `reads` accepts the result
 * (spaces tidied); else null.
 */
export function suggestCorrection(text: string, reads: (corrected: string) => boolean): string | null {
  let corrected = "";
  let from = 0;
  for (const token of tokenize(text)) {
    const right = token.kind === "word" ? correctionOf(token.text) : null;
    if (right === null) continue;
    corrected += text.slice(from, token.start) + inCaseOf(text.slice(token.start, token.end), right);
    from = token.end;
  }
  if (from === 0) return null;
  const tidy = (corrected + text.slice(from)).replace(/\s+/g, " ").trim();
  return reads(tidy) ? tidy : null;
}
