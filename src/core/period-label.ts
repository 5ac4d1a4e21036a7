import { dateFromExcelSerial, parseIsoDate, type YearMonthDay } from "./dates";
import type { CellValue } from "./grid";
import { isDateFormat } from "./number-formats";

/**
 * What one header cell says about time, before the header's order and the school year give it dates.
 * Years are calendar years; `schoolYear` is the calendar year a school year starts in (2023 for 2023-24).
 */
export type PeriodLabel =
  | { kind: "date"; year: number; month: number; day: number }
  | { kind: "month"; month: number; year?: number }
  | { kind: "school-year"; schoolYear: number }
  | { kind: "calendar-year"; year: number }
  | { kind: "year-number"; n: number }
  | { kind: "quarter"; n: number; schoolYear?: number }
  | { kind: "semester"; n: number; schoolYear?: number }
  | { kind: "trimester"; n: number; schoolYear?: number }
  | { kind: "season"; season: Season; year?: number };

export type Season = "fall" | "winter" | "spring" | "summer";

/** Calendar month each season starts in; a season lasts three months. */
export const SEASON_START: Record<Season, number> = { fall: 9, winter: 12, spring: 3, summer: 6 };

/** Null-prototype maps, so that a cell saying "constructor" is not mistaken for a month. */
const MONTH_WORDS: Record<string, number> = Object.create(null) as Record<string, number>;
function addMonthWords(month: number, ...words: string[]): void {
  for (const w of words) MONTH_WORDS[w] = month;
}
addMonthWords(1, "january", "jan", "enero", "ene");
addMonthWords(2, "february", "feb", "febrero");
addMonthWords(3, "march", "mar", "marzo");
addMonthWords(4, "april", "apr", "abril", "abr");
addMonthWords(5, "may", "mayo");
addMonthWords(6, "june", "jun", "junio");
addMonthWords(7, "july", "jul", "julio");
addMonthWords(8, "august", "aug", "agosto", "ago");
addMonthWords(9, "september", "sept", "sep", "septiembre", "setiembre", "set");
addMonthWords(10, "october", "oct", "octubre");
addMonthWords(11, "november", "nov", "noviembre");
addMonthWords(12, "december", "dec", "diciembre", "dic");

const SEASON_WORDS: Record<string, Season> = Object.assign(Object.create(null) as Record<string, Season>, {
  fall: "fall", autumn: "fall", "otoño": "fall", otono: "fall",
  winter: "winter", invierno: "winter",
  spring: "spring", primavera: "spring",
  summer: "summer", verano: "summer",
});

/** Reads `23-24`, `2023-24`, `2023-2024`, `SY23-24`, `SY 2023-24`, `SY24`, `SY2024`: the start year, or null. */
export function parseSchoolYear(text: string): number | null {
  const t = text.trim().replace(/[\u2013\u2014\u2012]/g, "-");
  let m = /^(?:sy|school\s+year)?\s*'?(\d{2}|\d{4})\s*[-/]\s*'?(\d{2}|\d{4})$/i.exec(t);
  if (m) {
    const a = expandYear(m[1]!);
    const b = expandYear(m[2]!, a);
    return b === a + 1 ? a : null;
  }
  m = /^sy\s*'?(\d{2}|\d{4})$/i.exec(t);
  if (m) return expandYear(m[1]!) - 1;
  return null;
}

/** Finds a school year inside free text: `Strategic Planning 2023-2024`, `PL Plan 2025-26`, `SY24 plan`. */
export function findSchoolYear(text: string): number | null {
  const t = text.replace(/[\u2013\u2014\u2012]/g, "-");
  const patterns = [
    /(?:^|[^\d])((?:19|20)\d{2})\s*[-/]\s*((?:19|20)?\d{2})(?!\d)/,
    /\bSY\s*'?(\d{2}(?:\d{2})?)\s*[-/]\s*(\d{2}(?:\d{2})?)(?!\d)/i,
    /\bSY\s*'?(\d{2}(?:\d{2})?)(?![\d-])/i,
  ];
  for (const p of patterns) {
    const m = p.exec(t);
    if (!m) continue;
    if (m[2] !== undefined) {
      const a = expandYear(m[1]!);
      const b = expandYear(m[2], a);
      if (b === a + 1) return a;
    } else {
      return expandYear(m[1]!) - 1;
    }
  }
  return null;
}

function expandYear(digits: string, near?: number): number {
  if (digits.length === 4) return Number(digits);
  const n = Number(digits);
  if (near !== undefined) {
    const century = Math.floor(near / 100) * 100;
    const candidate = century + n;
    return candidate < near ? candidate + 100 : candidate;
  }
  return 2000 + n;
}

function ordinal(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, "");
  const map: Record<string, number> = {
    "1": 1, "2": 2, "3": 3, "4": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    first: 1, second: 2, third: 3, fourth: 4, i: 1, ii: 2, iii: 3, iv: 4,
  };
  return map[w] ?? null;
}

const MONTH_RE = "([a-zA-Z\u00f1\u00d1]{3,10})\\.?";

/** Splits off a school year or calendar year that trails or leads a label: `Q1 2025-26`, `Fall 2024`. */
function splitYear(text: string): { rest: string; schoolYear?: number; year?: number } {
  const t = text.trim();
  const sy = /^(.*?)[\s,(]*((?:sy\s*)?'?\d{2,4}\s*[-/\u2013]\s*'?\d{2,4}|sy\s*'?\d{2,4})\)?$/i.exec(t);
  if (sy && sy[1]!.trim()) {
    const y = parseSchoolYear(sy[2]!);
    if (y !== null) return { rest: sy[1]!.trim(), schoolYear: y };
  }
  const syLead = /^((?:sy\s*)?\d{2,4}\s*[-/\u2013]\s*\d{2,4}|sy\s*\d{2,4})[\s,:]+(.+)$/i.exec(t);
  if (syLead) {
    const y = parseSchoolYear(syLead[1]!);
    if (y !== null) return { rest: syLead[2]!.trim(), schoolYear: y };
  }
  const cy = /^(.*?)[\s,\-'/]+'?((?:19|20)\d{2}|\d{2})$/.exec(t);
  if (cy && cy[1]!.trim()) return { rest: cy[1]!.trim(), year: expandYear(cy[2]!) };
  return { rest: t };
}

/**
 * Years a plan can speak of, as the settings allow for its school year. A header date outside them is a number
 * that happens to carry a date format (a budget figure, a step number), and dating periods from it would run
 * past the dates the engine can write (years of four digits).
 */
export const FIRST_PLAN_YEAR = 1990;
export const LAST_PLAN_YEAR = 2100;

function yearOf(label: PeriodLabel): number | undefined {
  switch (label.kind) {
    case "date":
    case "calendar-year":
    case "month":
    case "season":
      return label.year;
    case "school-year":
    case "quarter":
    case "semester":
    case "trimester":
      return label.schoolYear;
    case "year-number":
      return undefined;
  }
}

function plausible(label: PeriodLabel | null): PeriodLabel | null {
  if (label === null) return null;
  const year = yearOf(label);
  return year === undefined || (year >= FIRST_PLAN_YEAR && year <= LAST_PLAN_YEAR) ? label : null;
}

/** Reads one header cell; null when it names no period. */
export function parsePeriodLabel(value: CellValue, format: string | null = null, date1904 = false): PeriodLabel | null {
  if (typeof value === "number") {
    if (isDateFormat(format)) {
      const d = dateFromExcelSerial(value, date1904);
      return d ? plausible({ kind: "date", ...d }) : null;
    }
    if (Number.isInteger(value) && value >= FIRST_PLAN_YEAR && value <= LAST_PLAN_YEAR) return { kind: "calendar-year", year: value };
    return null;
  }
  if (typeof value !== "string") return null;
  if (hasManyWords(value)) return null;
  const text = value.trim().replace(/\s+/g, " ");
  if (text.length === 0 || text.length > 40) return null;
  const label = parseText(text);
  if (label !== null) return plausible(label);
  // A note in parentheses after the period: `Q1 (Jul-Sep)`, `Fall (Aug-Nov)`, `July (tentative)`.
  const noted = /^(.+?)\s*\([^()]*\)$/.exec(text);
  return noted ? plausible(parseText(noted[1]!)) : null;
}

/**
 * More than four words and no note in parentheses: activity text or a heading, never a period (the longest
 * labels, "1st Quarter 2025-26", "School year 2023-24", have three or four). Counted without copying the text.
 */
function hasManyWords(value: string): boolean {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 40) return false; // "(": a label with a note such as `Q1 (Jul - Sep 2023)` is read below
    const space = c === 32 || (c >= 9 && c <= 13) || c === 160;
    if (!space && !inWord && ++words > 4) return true;
    inWord = !space;
  }
  return false;
}

const OTHER_FIRST_WORDS = new Set(["quarter", "semester", "sem", "trimester", "tri", "first", "second", "third", "fourth", "year"]);

/**
 * A quick no for most cells: a period label without a digit starts with a month, a season, or a word like
 * "Quarter". Owner names and activity text stop here, before the patterns below.
 */
function cannotBePeriod(lower: string): boolean {
  // The longest labels have three or four words: "1st Quarter 2025-26", "School year 2023-24".
  let spaces = 0;
  for (let i = 0; i < lower.length; i++) if (lower.charCodeAt(i) === 32 && ++spaces > 3) return true;
  if (/\d/.test(lower)) return false;
  const first = /^[a-z\u00f1]+/.exec(lower)?.[0] ?? "";
  return !(first in MONTH_WORDS) && !(first in SEASON_WORDS) && !OTHER_FIRST_WORDS.has(first);
}

/** A month with a year after it (`Jul-23`, `July 2023`, `Jul '23`, `Sept. 2023`) or before it (`2023 July`). */
const MONTH_THEN_YEAR = new RegExp(`^${MONTH_RE}[\\s\\-/,']*'?(\\d{2}|\\d{4})$`);
const YEAR_THEN_MONTH = new RegExp(`^(\\d{4})[\\s\\-/]+${MONTH_RE}$`);

function parseText(text: string): PeriodLabel | null {
  const lower = text.toLowerCase();
  if (cannotBePeriod(lower)) return null;

  const month = MONTH_WORDS[lower.replace(/\.$/, "")];
  if (month !== undefined) return { kind: "month", month };

  const schoolYear = parseSchoolYear(text);
  if (schoolYear !== null) return { kind: "school-year", schoolYear };

  if (/^(19|20)\d{2}$/.test(text)) return { kind: "calendar-year", year: Number(text) };

  const yearN = /^year\s*(\d{1,2})$/i.exec(text) ?? /^y(\d{1,2})$/i.exec(text);
  if (yearN) return { kind: "year-number", n: Number(yearN[1]) };

  const date = parseDateText(text);
  if (date) return { kind: "date", ...date };

  // Month with a year: Jul-23, July 2023, Jul '23, Sept. 2023, 2023 July
  const my = MONTH_THEN_YEAR.exec(text);
  if (my) {
    const m = MONTH_WORDS[my[1]!.toLowerCase()];
    if (m !== undefined) return { kind: "month", month: m, year: expandYear(my[2]!) };
  }
  const ym = YEAR_THEN_MONTH.exec(text);
  if (ym) {
    const m = MONTH_WORDS[ym[2]!.toLowerCase()];
    if (m !== undefined) return { kind: "month", month: m, year: Number(ym[1]) };
  }

  const { rest, schoolYear: sy, year } = splitYear(text);
  const restLower = rest.toLowerCase();

  const quarter =
    /^q\s*([1-4])$/i.exec(rest) ??
    /^quarter\s*([1-4])$/i.exec(rest) ??
    /^(1st|2nd|3rd|4th|first|second|third|fourth)\s+quarter$/i.exec(rest);
  if (quarter) {
    const n = ordinal(quarter[1]!);
    if (n !== null && year === undefined) return sy === undefined ? { kind: "quarter", n } : { kind: "quarter", n, schoolYear: sy };
  }

  const semester =
    /^(?:semester|sem\.?)\s*([1-2])$/i.exec(rest) ??
    /^s([1-2])$/i.exec(rest) ??
    /^(1st|2nd|first|second)\s+semester$/i.exec(rest);
  if (semester) {
    const n = ordinal(semester[1]!);
    if (n !== null && year === undefined) return sy === undefined ? { kind: "semester", n } : { kind: "semester", n, schoolYear: sy };
  }
  const namedSemester = /^(fall|spring)\s+semester$/i.exec(rest);
  if (namedSemester && year === undefined) {
    const n = namedSemester[1]!.toLowerCase() === "fall" ? 1 : 2;
    return sy === undefined ? { kind: "semester", n } : { kind: "semester", n, schoolYear: sy };
  }

  const trimester =
    /^(?:trimester|tri\.?)\s*([1-3])$/i.exec(rest) ??
    /^t([1-3])$/i.exec(rest) ??
    /^(1st|2nd|3rd|first|second|third)\s+trimester$/i.exec(rest);
  if (trimester) {
    const n = ordinal(trimester[1]!);
    if (n !== null && year === undefined) return sy === undefined ? { kind: "trimester", n } : { kind: "trimester", n, schoolYear: sy };
  }

  const season = SEASON_WORDS[restLower];
  if (season) {
    if (year !== undefined) return { kind: "season", season, year };
    if (sy !== undefined) {
      const start = SEASON_START[season];
      return { kind: "season", season, year: start >= 7 ? sy : sy + 1 };
    }
    return { kind: "season", season };
  }
  return null;
}

/** `2023-07-01`, `7/1/2023`, `07/01/23` (US order, as district sheets use). */
function parseDateText(text: string): YearMonthDay | null {
  const iso = parseIsoDate(text);
  if (iso) return iso;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  if (!us) return null;
  const month = Number(us[1]);
  const day = Number(us[2]);
  const year = expandYear(us[3]!);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { year, month, day };
}

/** Whether the label belongs with a school-year row above it that gives it its year. */
export function needsYear(label: PeriodLabel): boolean {
  switch (label.kind) {
    case "month":
    case "season":
      return label.year === undefined;
    case "quarter":
    case "semester":
    case "trimester":
      return label.schoolYear === undefined;
    default:
      return false;
  }
}

export function isYearLabel(label: PeriodLabel): boolean {
  return label.kind === "school-year" || label.kind === "calendar-year";
}
