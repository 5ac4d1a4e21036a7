/**
 * One period a timing text names, read from its tokens before the school year dates it: `Oct`, `Oct 2025`,
 * `Oct 15, 2025`, `10/15/2025`, `Fall 2025`, `Q2 2025-26`, `2nd semester`, `SY 2025-26`, `Year 2`.
 */
import { daysInMonth, parseIsoDate } from "../dates";
import { parseSchoolYear, type Season } from "../period-label";
import type { Token } from "./tokens";
import { isMark, isWord, monthOfWord, seasonOfWord } from "./words";

export type PartKind = "quarter" | "semester" | "trimester";

/** Years are calendar years; `schoolYear` is the calendar year a school year starts in (2025 for 2025-26). */
export type Piece =
  | { kind: "month"; month: number; year?: number }
  | { kind: "day"; month: number; day: number; year?: number }
  /** `year`: the calendar year of the season's first month (Winter 2025 is Dec 2025 - Feb 2026). */
  | { kind: "season"; season: Season; year?: number; schoolYear?: number }
  | { kind: PartKind; n: number; schoolYear?: number }
  /** Without a school year: the plan's own ("by the end of the year"). */
  | { kind: "school-year"; schoolYear?: number }
  /** `Year 2`: the plan's second school year. */
  | { kind: "year-number"; n: number };

export interface PieceMatch {
  piece: Piece;
  /** The token after it. */
  next: number;
}

const PART_WORDS: Record<PartKind, readonly string[]> = {
  quarter: ["q", "qtr", "qtrs", "quarter", "quarters"],
  semester: ["s", "sem", "sems", "semester", "semesters"],
  trimester: ["t", "tri", "tris", "trimester", "trimesters"],
};
const PART_COUNT: Record<PartKind, number> = { quarter: 4, semester: 2, trimester: 3 };
const YEAR_WORDS = ["y", "yr", "yrs", "year", "years"];
const ORDINAL_WORDS = ["", "first", "second", "third", "fourth"];

function partOfWord(word: string): PartKind | null {
  for (const kind of ["quarter", "semester", "trimester"] as const) if (PART_WORDS[kind].includes(word)) return kind;
  return null;
}

function digits(token: Token | undefined, ...lengths: number[]): number | null {
  return token?.kind === "number" && !token.ordinal && lengths.includes(token.text.length) ? Number(token.text) : null;
}

/** A two-digit year is this century's (`'25`, `Oct-25`, `10/15/25`). */
function fullYear(token: Token): number {
  return token.text.length === 2 ? 2000 + Number(token.text) : Number(token.text);
}

/** `2025-26`, `2025-2026`, `25-26`, `2025/26`, `2025–26` from token i: its first year, and the token after it. */
function schoolYearNumbers(tokens: readonly Token[], i: number): { schoolYear: number; next: number } | null {
  const a = tokens[i];
  const b = tokens[i + 2];
  if (digits(a, 2, 4) === null || !isMark(tokens[i + 1], "-", "/", "\u2013") || digits(b, 2, 4) === null) return null;
  // `Spring 2025 – 2026-01-15`, `Fall 2025 – 2026-27`: the second year starts a date or a school year; the dash is a range.
  if (b!.text.length === 4 && isMark(tokens[i + 3], "-", "/") && tokens[i + 4]?.kind === "number") return null;
  const schoolYear = parseSchoolYear(`${a!.text}-${b!.text}`);
  return schoolYear === null ? null : { schoolYear, next: i + 3 };
}

/**
 * A school year named from token i: `2025-26` (and its other spellings), `SY 2025-26`, `SY26`, `SY2026`,
 * `School year 2025-26`, each perhaps followed by `school year` or `SY`.
 */
export function schoolYearAt(tokens: readonly Token[], i: number): { schoolYear: number; next: number } | null {
  let at = i;
  let sy = false;
  if (isWord(tokens[at], "sy")) {
    sy = true;
    at++;
  } else if (isWord(tokens[at], "school") && isWord(tokens[at + 1], "year")) {
    at += 2;
  }
  if (isMark(tokens[at], "'")) at++;
  let found = schoolYearNumbers(tokens, at);
  if (found === null && sy && digits(tokens[at], 2, 4) !== null) {
    const schoolYear = parseSchoolYear(`sy${tokens[at]!.text}`);
    if (schoolYear !== null) found = { schoolYear, next: at + 1 };
  }
  if (found === null) return null;
  if (isWord(tokens[found.next], "school") && isWord(tokens[found.next + 1], "year")) return { ...found, next: found.next + 2 };
  if (isWord(tokens[found.next], "sy")) return { ...found, next: found.next + 1 };
  return found;
}

/** A school year after a part or season (`Q1 2025-26`, `Fall SY26`, `Q2 of 2025-26`); the piece as it is without one. */
function withSchoolYear(tokens: readonly Token[], at: number, piece: Extract<Piece, { kind: "season" | PartKind }>): PieceMatch {
  const from = isWord(tokens[at], "of") || isMark(tokens[at], ",") ? at + 1 : at;
  const found = schoolYearAt(tokens, from);
  return found === null ? { piece, next: at } : { piece: { ...piece, schoolYear: found.schoolYear }, next: found.next };
}

/**
 * A calendar year after a month or season: `2025`, `'25`, `-25`, `/25`, `-2025`, `, 2025`, `of 2025`. A bare
 * two-digit number after a space is not one: `Oct 25` is the 25th.
 */
function yearAfter(tokens: readonly Token[], at: number): { year: number; next: number } | null {
  let i = at;
  let marked = false;
  if (isWord(tokens[i], "of") || isMark(tokens[i], ",")) {
    i++;
  } else if (isMark(tokens[i], "-", "/", "'")) {
    marked = true;
    i++;
    if (isMark(tokens[i], "'")) i++;
  }
  const token = tokens[i];
  if (token === undefined || digits(token, marked ? 2 : 4, 4) === null) return null;
  return { year: fullYear(token), next: i + 1 };
}

/** A day of the month as written after a month: `15`, `15th`, `1st`. */
function dayNumber(token: Token | undefined): number | null {
  if (token?.kind !== "number" || token.text.length > 2) return null;
  const day = Number(token.text);
  return day >= 1 && day <= 31 ? day : null;
}

/** A day in a month: 1 to 31, less in shorter months (29 February only in a leap year when the year is known). */
function validDay(month: number, day: number, year?: number): boolean {
  return day <= 28 || day <= daysInMonth(year ?? 2024, month);
}

function dayPiece(month: number, day: number, year: number | undefined, next: number): PieceMatch | null {
  if (!validDay(month, day, year)) return null;
  return { piece: year === undefined ? { kind: "day", month, day } : { kind: "day", month, day, year }, next };
}

/** A day's year after its day: `Oct 15, 2025`, `Oct 15 2025`, `15 Oct 2025`. */
function yearOfDay(tokens: readonly Token[], at: number): { year?: number; next: number } {
  const i = isMark(tokens[at], ",") ? at + 1 : at;
  const year = digits(tokens[i], 4);
  return year === null ? { next: at } : { year, next: i + 1 };
}

function monthPiece(tokens: readonly Token[], i: number, month: number): PieceMatch | null {
  const after = tokens[i + 1];
  // `Oct 15`, `October 15th, 2025`: a day. (`Oct 2025`, `Oct-25` and `Oct '25` name a year.)
  const day = after?.spaced || after?.ordinal ? dayNumber(after) : null;
  if (day !== null) {
    const { year, next } = yearOfDay(tokens, i + 2);
    return dayPiece(month, day, year, next);
  }
  const year = yearAfter(tokens, i + 1);
  return year === null ? { piece: { kind: "month", month }, next: i + 1 } : { piece: { kind: "month", month, year: year.year }, next: year.next };
}

function seasonPiece(tokens: readonly Token[], i: number, season: Season): PieceMatch | null {
  if (isWord(tokens[i + 1], "semester", "sem") && (season === "fall" || season === "spring")) {
    return withSchoolYear(tokens, i + 2, { kind: "semester", n: season === "fall" ? 1 : 2 });
  }
  const withSy = withSchoolYear(tokens, i + 1, { kind: "season", season });
  if (withSy.next > i + 1) return withSy;
  const year = yearAfter(tokens, i + 1);
  return year === null ? withSy : { piece: { kind: "season", season, year: year.year }, next: year.next };
}

/** `Q2`, `Quarter 2`, `S2`, `Sem. 1`, `T3`, `Trimester 2`: the part's number after its word. */
function numberedPart(tokens: readonly Token[], i: number, kind: PartKind): PieceMatch | null {
  const word = tokens[i]!;
  const number = tokens[i + 1];
  // A lone letter needs its number right after it (`S2`, `T3`), but `Q 2` is a quarter.
  if (word.text.length === 1 && kind !== "quarter" && number?.spaced) return null;
  const n = digits(number, 1);
  if (n === null || n < 1 || n > PART_COUNT[kind]) return null;
  return withSchoolYear(tokens, i + 2, { kind, n });
}

/** `2nd quarter`, `second semester`, `1st Qtr 2025-26`. */
function ordinalPart(tokens: readonly Token[], i: number, n: number): PieceMatch | null {
  const kind = tokens[i + 1]?.kind === "word" ? partOfWord(tokens[i + 1]!.text) : null;
  if (kind === null || tokens[i + 1]!.text.length === 1 || n < 1 || n > PART_COUNT[kind]) return null;
  return withSchoolYear(tokens, i + 2, { kind, n });
}

function yearNumber(tokens: readonly Token[], i: number): PieceMatch | null {
  const word = tokens[i]!;
  const number = tokens[i + 1];
  if (word.text === "y" && number?.spaced) return null;
  const n = digits(number, 1, 2);
  return n === null || n < 1 || n > 20 ? null : { piece: { kind: "year-number", n }, next: i + 2 };
}

function wordPiece(tokens: readonly Token[], i: number): PieceMatch | null {
  const word = tokens[i]!.text;
  const month = monthOfWord(word);
  if (month !== null) return monthPiece(tokens, i, month);
  const season = seasonOfWord(word);
  if (season !== null) return seasonPiece(tokens, i, season);
  const part = partOfWord(word);
  if (part !== null) return numberedPart(tokens, i, part);
  const ordinal = ORDINAL_WORDS.indexOf(word);
  if (ordinal > 0) return ordinalPart(tokens, i, ordinal);
  if (YEAR_WORDS.includes(word)) return yearNumber(tokens, i);
  const schoolYear = schoolYearAt(tokens, i);
  return schoolYear === null ? null : { piece: { kind: "school-year", schoolYear: schoolYear.schoolYear }, next: schoolYear.next };
}

/** `2025-10-15`, `2025/10/15`. */
function isoDay(tokens: readonly Token[], i: number): PieceMatch | null {
  const sep = tokens[i + 1];
  if (digits(tokens[i], 4) === null || !isMark(sep, "-", "/") || !isMark(tokens[i + 3], sep!.text)) return null;
  const month = digits(tokens[i + 2], 1, 2);
  const day = digits(tokens[i + 4], 1, 2);
  if (month === null || day === null) return null;
  const date = parseIsoDate(`${tokens[i]!.text}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
  return date === null ? null : { piece: { kind: "day", ...date }, next: i + 5 };
}

/** `10/15/2025`, `10/15/25`, `10/15` (month first, as US districts write), `10-15-2025`. */
function usDay(tokens: readonly Token[], i: number): PieceMatch | null {
  const sep = tokens[i + 1];
  const month = digits(tokens[i], 1, 2);
  const day = digits(tokens[i + 2], 1, 2);
  if (month === null || day === null || !isMark(sep, "/", "-") || month < 1 || month > 12 || day < 1) return null;
  if (isMark(tokens[i + 3], sep!.text)) {
    const year = digits(tokens[i + 4], sep!.text === "/" ? 2 : 4, 4);
    return year === null ? null : dayPiece(month, day, fullYear(tokens[i + 4]!), i + 5);
  }
  // Without a year only with a slash: `10/15`. (`10-15` is nothing, `23-24` a school year.)
  return sep!.text === "/" ? dayPiece(month, day, undefined, i + 3) : null;
}

/** `15 Oct 2025`, `15-Oct-2025`, `15th of October`, `15 October`. */
function dayThenMonth(tokens: readonly Token[], i: number): PieceMatch | null {
  const day = dayNumber(tokens[i]);
  if (day === null) return null;
  let at = i + 1;
  if (isMark(tokens[at], "-") || isWord(tokens[at], "of")) at++;
  const month = tokens[at]?.kind === "word" ? monthOfWord(tokens[at]!.text) : null;
  if (month === null) return null;
  const year = isMark(tokens[at + 1], "-") && digits(tokens[at + 2], 2, 4) !== null ? { year: fullYear(tokens[at + 2]!), next: at + 3 } : yearOfDay(tokens, at + 1);
  return dayPiece(month, day, year.year, year.next);
}

function numberPiece(tokens: readonly Token[], i: number): PieceMatch | null {
  const token = tokens[i]!;
  if (token.ordinal) return ordinalPart(tokens, i, Number(token.text)) ?? dayThenMonth(tokens, i);
  const found = isoDay(tokens, i) ?? usDay(tokens, i) ?? dayThenMonth(tokens, i);
  if (found !== null) return found;
  const schoolYear = schoolYearAt(tokens, i);
  return schoolYear === null ? null : { piece: { kind: "school-year", schoolYear: schoolYear.schoolYear }, next: schoolYear.next };
}

/** The period named from token i, or null. */
export function pieceAt(tokens: readonly Token[], i: number): PieceMatch | null {
  const token = tokens[i];
  if (token === undefined || token.kind === "mark") return null;
  return token.kind === "word" ? wordPiece(tokens, i) : numberPiece(tokens, i);
}

/**
 * The end of `Year 1-3`, `Q1-2`, `Oct 1-15` (or `Oct 1-15, 2025`): a number alone after a range or list word,
 * of the same kind as the period before it.
 */
export function continuedPiece(tokens: readonly Token[], i: number, before: Piece): PieceMatch | null {
  const token = tokens[i];
  if (token?.kind !== "number" || token.text.length > 2) return null;
  const n = Number(token.text);
  switch (before.kind) {
    case "year-number":
      return n >= 1 && n <= 20 && !token.ordinal ? { piece: { kind: "year-number", n }, next: i + 1 } : null;
    case "quarter":
    case "semester":
    case "trimester": {
      if (token.ordinal || n < 1 || n > PART_COUNT[before.kind]) return null;
      return withSchoolYear(tokens, i + 1, { kind: before.kind, n });
    }
    case "day": {
      if (n < 1 || n > 31) return null;
      const { year, next } = yearOfDay(tokens, i + 1);
      return dayPiece(before.month, n, year ?? before.year, next);
    }
    default:
      return null;
  }
}
