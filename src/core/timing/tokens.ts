/**
 * Timing text as tokens: words (lower case, accents off), numbers, and marks (punctuation), each knowing whether
 * a space came before it. The parser reads tokens, so `Oct-25`, `Oct 25` and `Oct '25` differ only in the mark
 * between the two tokens, and a dot after a word (`Sept.`, `Q1.`) is no token at all.
 */

export interface Token {
  kind: "word" | "number" | "mark";
  /**
   * A word in lower case without accents (`otoño` -> `otono`); a number's digits; a mark's character, with every
   * hyphen as `-` and every longer dash (en, em) as `–`.
   */
  text: string;
  /** A space comes before it. */
  spaced: boolean;
  /** A number written with an ordinal ending: `1st`, `2nd`, `15th`. */
  ordinal: boolean;
  /** Where it stands in the text read (for putting a corrected word back). */
  start: number;
  end: number;
}

/**
 * The longest text read as timing. The longest timing a table holds, a list of ten dates in words, has about 150
 * characters; longer text is a sentence or a paragraph, not timing, and is not read further (so a cell of any
 * length costs no more than trimming it).
 */
export const MAX_TIMING_LENGTH = 300;

const MARKS: Record<string, string> = {
  "-": "-", "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-",
  "\u2013": "\u2013", "\u2014": "\u2013", "\u2015": "\u2013",
  "(": "(", "[": "(", ")": ")", "]": ")",
  "'": "'", "\u2018": "'", "\u2019": "'",
  "\\": "/",
};

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** White space as `\s` reads it (tab, line break, space, no-break space, the Unicode spaces). */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code >= 160 && /\s/.test(String.fromCharCode(code)));
}

/** The letters a character from À on stands for, lower case and without accents (`É` -> `e`); "" for anything else. */
function accented(c: string): string {
  if (c.charCodeAt(0) < 0xc0) return "";
  const plain = c.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  return /^[a-z]+$/.test(plain) ? plain : "";
}

const ORDINAL_ENDING = /^(?:st|nd|rd|th)$/;

/** The word starting at i: letters a-z (and accented letters, their accents off), lower case; and where it ends. */
function wordAt(text: string, i: number): { word: string; end: number } | null {
  let end = i;
  while (end < text.length && isAsciiLetter(text.charCodeAt(end))) end++;
  let word = text.slice(i, end).toLowerCase();
  for (let more = accented(text.charAt(end)); more !== ""; more = accented(text.charAt(end))) {
    word += more;
    end++;
    while (end < text.length && isAsciiLetter(text.charCodeAt(end))) word += text.charAt(end++).toLowerCase();
  }
  return end === i ? null : { word, end };
}

/** The tokens of a text of at most MAX_TIMING_LENGTH characters. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let spaced = false;
  let i = 0;
  const push = (kind: Token["kind"], value: string, start: number, end: number): void => {
    tokens.push({ kind, text: value, spaced, ordinal: false, start, end });
    spaced = false;
  };
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      spaced = true;
      i++;
      continue;
    }
    if (isDigit(code)) {
      let j = i;
      while (j < text.length && isDigit(text.charCodeAt(j))) j++;
      push("number", text.slice(i, j), i, j);
      i = j;
      continue;
    }
    const before = tokens[tokens.length - 1];
    const word = wordAt(text, i);
    if (word !== null) {
      if (before?.kind === "number" && !spaced && !before.ordinal && ORDINAL_ENDING.test(word.word)) {
        before.ordinal = true;
        before.end = word.end;
      } else {
        push("word", word.word, i, word.end);
      }
      i = word.end;
      continue;
    }
    const c = text.charAt(i);
    // A dot right after a word abbreviates it (`Sept.`) or ends the text: no token.
    if (c === "." && before?.kind === "word" && !spaced) {
      i++;
      continue;
    }
    push("mark", MARKS[c] ?? c, i, i + 1);
    i++;
  }
  return tokens;
}
