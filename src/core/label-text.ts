/** Reading activity labels the way a person reads wrapped, pasted text. */

const BULLET = /^\s*(?:[-\u2022\u2023\u25e6\u2043\u2219\u25aa\u25cf\u00b7*\u2013\u2014]|o(?=\s))\s*/;

export function isBullet(text: string): boolean {
  return BULLET.test(text) && text.replace(BULLET, "").trim().length > 0;
}

export function stripBullet(text: string): string {
  return text.replace(BULLET, "").trim();
}

/** Starts with a lower-case letter: the rest of a line that wrapped. */
export function startsLowerCase(text: string): boolean {
  const first = text.trim().charAt(0);
  const code = first.charCodeAt(0);
  // Plain ASCII, most labels' first letter, read by its code; other letters by their case.
  if (code < 128) return code >= 97 && code <= 122;
  return first !== first.toUpperCase() && first === first.toLowerCase();
}

const DANGLING = new Set([
  "a", "an", "the", "and", "or", "nor", "but", "of", "to", "for", "in", "on", "at", "by", "with", "from", "into",
  "as", "that", "which", "who", "whose", "including", "such", "than", "between", "among", "within", "through",
  "across", "per", "via", "their", "our", "its", "his", "her", "all", "each", "every", "both", "is", "are", "will",
  "be", "&",
]);

/** A line that cannot end a sentence: it ends with a comma, a hyphen or a word like "the" or "and". */
export function endsMidSentence(text: string): boolean {
  const t = text.trimEnd();
  if (ENDS_MID_SENTENCE.has(t.charCodeAt(t.length - 1))) return true;
  // The last word (letters and "&"), read back from the end: a pattern anchored at the end would try every start.
  let start = t.length;
  while (start > 0 && isWordLetter(t.charCodeAt(start - 1))) start--;
  return start < t.length && DANGLING.has(t.slice(start).toLowerCase());
}

/** A comma, semicolon, slash, en dash or hyphen: a line ending in one goes on. */
const ENDS_MID_SENTENCE = new Set([",", ";", "/", "\u2013", "-"].map((c) => c.charCodeAt(0)));

/** A-Z, a-z or "&": the characters of a dangling word. */
function isWordLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 38;
}

/** Joins a wrapped line to the text before it; a word broken with a hyphen is mended. */
export function joinWrapped(before: string, line: string): string {
  const b = before.trimEnd();
  const l = line.trim();
  if (/[A-Za-z]-$/.test(b) && /^[a-z]/.test(l)) return b.slice(0, -1) + l;
  return `${b} ${l}`;
}

/** Starts with a character a spreadsheet reads as the start of a formula. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text.trim());
}

/**
 * Whether a text has whitespace other than single spaces (two spaces, a tab, a line break, a no-break space): a
 * label with any has its spaces tidied.
 */
export function hasUntidySpace(text: string): boolean {
  return UNTIDY.test(text);
}

/** Two spaces, or whitespace other than a space (`\s` without " ", spelt out: a negated class runs slower on every label). */
const UNTIDY = / {2}|[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** The runs of letters a-z and digits, lower case, accents off (é -> e). */
export function words(text: string): string[] {
  // Plain ASCII has no accents to take off (most plans). Other text is lower-cased again after: a letter like the mathematical bold A comes apart into a capital.
  const plain = ASCII.test(text) ? text.toLowerCase() : text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  return plain.match(/[a-z0-9]+/g) ?? [];
}

const ASCII = /^\p{ASCII}*$/u;

/**
 * Calls `visit` with each word `words` reads (runs of a-z and 0-9, lower case) and where it starts, for plain ASCII
 * text, whose places lower-casing keeps, and returns true; returns false, visiting nothing, for other text (taking
 * accents off moves letters).
 */
export function eachAsciiWord(text: string, visit: (word: string, start: number) => void): boolean {
  if (!ASCII.test(text)) return false;
  const lower = text.toLowerCase();
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0;
    const inWord = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      visit(lower.slice(start, i), start);
      start = -1;
    }
  }
  return true;
}

/** The first word, lower case: the verb of an action step. Letters, digits, and every character from À on (accents, other scripts). */
export function firstWord(text: string): string {
  return /[A-Za-z0-9\u00c0-\uffff]+/.exec(text)?.[0].toLowerCase() ?? "";
}

const STOP = new Set([
  "a", "an", "the", "and", "or", "of", "to", "for", "in", "on", "at", "by", "with", "from", "that", "as", "is", "are",
  "be", "will", "all", "each", "their", "our", "its", "this", "these", "those", "which", "who", "well", "also",
]);

/** A word that carries meaning: not a stop word ("the", "for", ...), and more than one letter. */
export function isContentWord(word: string): boolean {
  return !STOP.has(word) && word.length > 1;
}

/** Shortens a label for a message: the first words, with an ellipsis. */
export function excerpt(text: string, max = 60): string {
  // Most labels have single spaces only: nothing to collapse (hasUntidySpace is the same test, without a new string).
  const oneLine = (hasUntidySpace(text) ? text.replace(/\s+/g, " ") : text).trim();
  if (oneLine.length <= max) return oneLine;
  const cut = oneLine.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[,;:.]$/, "")}\u2026`;
}
