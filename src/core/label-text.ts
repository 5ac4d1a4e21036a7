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
  // Most labels start with a printable ASCII character: a-z is lower case, the rest is not.
  const c = text.charCodeAt(0);
  if (c > 32 && c < 127) return c >= 97 && c <= 122;
  const first = text.trim().charAt(0);
  return first !== "" && first !== first.toUpperCase() && first === first.toLowerCase();
}

const DANGLING = new Set([
  "a", "an", "the", "and", "or", "nor", "but", "of", "to", "for", "in", "on", "at", "by", "with", "from", "into",
  "as", "that", "which", "who", "whose", "including", "such", "than", "between", "among", "within", "through",
  "across", "per", "via", "their", "our", "its", "his", "her", "all", "each", "every", "both", "is", "are", "will",
  "be", "&",
]);

/** A line that cannot end a sentence: it ends with a comma, a hyphen or a word like "the" or "and". */
export function endsMidSentence(text: string): boolean {
  const t = text.trim();
  const last = t.charCodeAt(t.length - 1);
  // , ; / - or an en dash
  if (last === 44 || last === 59 || last === 47 || last === 45 || last === 0x2013) return true;
  // The last word, read back from the end by character (this runs for every line of a plan).
  let i = t.length;
  while (i > 0 && isWordEndCode(t.charCodeAt(i - 1))) i--;
  // A longer word is none of them: most lines end so, and need no string for their last word.
  return i < t.length && t.length - i <= LONGEST_DANGLING && DANGLING.has(t.slice(i).toLowerCase());
}

const LONGEST_DANGLING = Math.max(...[...DANGLING].map((w) => w.length));

/** A-Z, a-z or "&": what the last word of a line is made of. */
function isWordEndCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 38;
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
  // By its first character when that is plain ASCII and not a space (most labels), without trimming a copy.
  const c = text.charCodeAt(0);
  if (c > 32 && c < 127) return c === 61 || c === 43 || c === 45 || c === 64;
  return /^[=+\-@]/.test(text.trim());
}

const WHITESPACE = /\s/;
/** What every untidy space has: two spaces in a row, or a character other than printable ASCII. */
const MAYBE_UNTIDY = /  |[^ -~]/;

/**
 * Whether a text has whitespace other than single spaces (two spaces, a tab, a line break, a no-break space): a
 * label with any has its spaces tidied. Every label is checked: the few that may have one are read by character.
 */
export function hasUntidySpace(text: string): boolean {
  // Most labels have neither two spaces nor a character other than printable ASCII: a regex rules them out
  // faster than a loop in JavaScript.
  if (!MAYBE_UNTIDY.test(text)) return false;
  let afterSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (afterSpace) return true;
      afterSpace = true;
      continue;
    }
    afterSpace = false;
    // Below "!", only tab to carriage return are whitespace; above "~", the regex knows Unicode's spaces.
    if (c < 33 ? c >= 9 && c <= 13 : c > 126 && WHITESPACE.test(text[i]!)) return true;
  }
  return false;
}

/** The runs of letters a-z and digits, lower case, accents off (é -> e). */
export function words(text: string): string[] {
  // Plain ASCII has no accents to take off (most plans). Other text is lower-cased again after: a letter like the mathematical bold A comes apart into a capital.
  const plain = ASCII.test(text) ? text.toLowerCase() : text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  return plain.match(/[a-z0-9]+/g) ?? [];
}

const ASCII = /^[\x00-\x7f]*$/;

/** What a first word is made of: letters, digits, and every character from À (U+00C0) on (accents, other scripts). */
function isFirstWordCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c >= 0xc0;
}

/** The first word, lower case: the verb of an action step. */
export function firstWord(text: string): string {
  // Read by character: this runs once for every activity of a plan.
  let start = 0;
  while (start < text.length && !isFirstWordCode(text.charCodeAt(start))) start++;
  let end = start;
  while (end < text.length && isFirstWordCode(text.charCodeAt(end))) end++;
  return text.slice(start, end).toLowerCase();
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
  const oneLine = text.replace(/\s+/g, " ").trim();
  if (oneLine.length <= max) return oneLine;
  const cut = oneLine.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[,;:.]$/, "")}\u2026`;
}
