/**
 * The timing-text parser (docs/product.md, "Plans that are not grids", "Timing text"): a timing cell, or a Start
 * and an End cell, as schedule entries inside the plan's school year. The contract is timing.ts.
 *
 * Choices where the table is silent:
 * - A number without a date format (`3`, `2025`), and a calendar year in words (`2025`, `By 2026`), is unreadable:
 *   in a school-year plan a calendar year could be the year itself or the school year starting or ending in it.
 * - A date cell shown without its day (a `mmm-yy` format: the cell reads `Oct-25`) is its month; other date cells
 *   are their day. Dates in words are US dates, month first (`10/11` is 11 October); `Oct 25` is the 25th, while
 *   `Oct-25` and `Oct '25` are October 2025, as in a timeline header.
 * - Periods without a year follow each other through a list as the months of a timeline header do: the first in
 *   the school year, each later one at or after the one before (`Apr, Oct` is Apr 2026, Oct 2026).
 * - A range's end comes at the first time it ends on or after its start (`Aug-May`, `Sept-Aug`); a start without a
 *   year before an end with one comes at the last time it starts on or before it (`Jan-Mar 2026`).
 * - A frequency beside a period keeps the period (`Monthly, Sept-May`); beside a list, every entry keeps it.
 *   "Ongoing", "year round" and "throughout the year" beside a more exact frequency leave it that one
 *   (`Monthly throughout the year`: monthly); two others (`Weekly or monthly`) are unreadable.
 * - Empty cells, text of punctuation only (`-`, `?`), and TBD, TBA, TBC, to be determined/announced/confirmed, as
 *   needed, as necessary, N/A, none: unscheduled. An error value (`#N/A`) is unreadable.
 */
import { dateFromExcelSerial, schoolYearOf } from "../dates";
import { isErrorValue, type CellValue } from "../grid";
import { isDateFormat } from "../number-formats";
import { FIRST_PLAN_YEAR, LAST_PLAN_YEAR, SEASON_START } from "../period-label";
import type { FrequencyMatch } from "./frequency";
import type { Piece } from "./pieces";
import { atOrAfter, endingFrom, floats, labelOf, place, spanOf, startingBefore, type Placed, type SchoolYearContext } from "./place";
import { readTimingWords, type Item, type TimingWords } from "./read-text";
import { suggestCorrection } from "./suggest";
import type { TimingCell, TimingContext, TimingEntry, TimingReading } from "./timing";
import { MAX_TIMING_LENGTH, tokenize } from "./tokens";

/** A cell as read, before the school year dates it. */
type CellReading =
  | { kind: "read"; words: TimingWords }
  | { kind: "empty" }
  | { kind: "unscheduled" }
  | { kind: "unreadable"; text: string | null };

const UNSCHEDULED = new Set([
  "tbd", "tba", "tbc", "tobedetermined", "tobeannounced", "tobeconfirmed", "tobescheduled", "asneeded", "asneededbasis",
  "onanasneededbasis", "asnecessary", "whenneeded", "na", "notapplicable", "none",
]);

function isUnscheduled(text: string): boolean {
  if (/\d/.test(text)) return false;
  const letters = text.toLowerCase().replace(/[^a-z]/g, "");
  // Punctuation alone (`-`, `--`, `?`): a cell left blank on purpose.
  return UNSCHEDULED.has(letters) || (letters === "" && !/\p{L}/u.test(text));
}

const TRAILING = [".", ",", ";", ":"];

/** Timing text as its timing words. */
function readText(value: string): CellReading {
  const text = value.trim();
  if (text === "") return { kind: "empty" };
  if (text.length > MAX_TIMING_LENGTH) return { kind: "unreadable", text: null };
  if (isUnscheduled(text)) return { kind: "unscheduled" };
  const tokens = tokenize(text);
  let end = tokens.length;
  while (end > 0 && tokens[end - 1]!.kind === "mark" && TRAILING.includes(tokens[end - 1]!.text)) end--;
  const words = readTimingWords(tokens, 0, end);
  return words === null ? { kind: "unreadable", text } : { kind: "read", words };
}

/** Whether a date format shows the month but not the day (`mmm-yy`, `mmmm yyyy`): the cell shows a month. */
function showsMonthOnly(format: string): boolean {
  const code = format.replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[[^\]]*\]/g, "").toLowerCase();
  return !code.includes("d") && code.includes("m");
}

function readCell(value: CellValue, format: string | null, date1904: boolean): CellReading {
  if (value === null) return { kind: "empty" };
  // An error value (`#N/A`, `#REF!`) is a cell to fix, not "N/A".
  if (typeof value === "string") return isErrorValue(value) ? { kind: "unreadable", text: null } : readText(value);
  if (typeof value !== "number" || !isDateFormat(format)) return { kind: "unreadable", text: null };
  const date = dateFromExcelSerial(value, date1904);
  if (date === null || date.year < FIRST_PLAN_YEAR || date.year > LAST_PLAN_YEAR) return { kind: "unreadable", text: null };
  const piece: Piece = showsMonthOnly(format ?? "") ? { kind: "month", month: date.month, year: date.year } : { kind: "day", ...date };
  return { kind: "read", words: { items: [{ from: piece, deadline: false }], frequencies: [] } };
}

/** The frequency kept with the entries; undefined for none, null for two that disagree (`Weekly or monthly`). */
function frequencyOf(frequencies: FrequencyMatch[]): string | undefined | null {
  const exact = new Set(frequencies.filter((f) => !f.wholeYear).map((f) => f.frequency));
  if (exact.size > 1) return null;
  return [...exact][0] ?? frequencies[0]?.frequency;
}

function schoolYearContext(context: TimingContext): SchoolYearContext {
  const month = context.startMonth;
  return { schoolYear: context.schoolYear, startMonth: Number.isInteger(month) && month >= 1 && month <= 12 ? month : 7 };
}

/** An entry with only the fields it has (built field by field: spreading optional fields is slow in a long table). */
function entry(start: string, end: string, label: string, frequency: string | undefined, deadline: boolean | undefined): TimingEntry {
  const made: TimingEntry = { start, end, label };
  if (frequency !== undefined) made.frequency = frequency;
  if (deadline === true) made.deadline = true;
  return made;
}

/** Dates each item: in the school year, after the item before it, a range's end after its start. */
function entriesOf(items: Item[], frequency: string | undefined, context: SchoolYearContext): TimingEntry[] | null {
  const entries: TimingEntry[] = [];
  let after: number | null = null;
  for (const item of items) {
    const within = item.within === undefined ? null : { ...context, schoolYear: place(item.within, context).schoolYear };
    const here = within ?? context;
    let from: Placed = place(item.from, here);
    let to: Placed = item.to === undefined ? from : place(item.to, here);
    if (item.to !== undefined && floats(item.from) && !floats(item.to)) {
      from = startingBefore(from, to);
    } else {
      if (floats(item.from) && after !== null && within === null) from = atOrAfter(from, after);
      to = item.to === undefined ? from : floats(item.to) ? endingFrom(to, from) : to;
    }
    const span = spanOf(from, to);
    if (span === null) return null;
    const first = labelOf(from);
    const last = labelOf(to);
    entries.push(entry(span.start, span.end, first === last ? first : `${first} \u2013 ${last}`, frequency, item.deadline));
    after = from.first;
  }
  return entries;
}

function scheduled(words: TimingWords, context: SchoolYearContext): TimingReading | null {
  const frequency = frequencyOf(words.frequencies);
  if (frequency === null) return null;
  // A frequency alone: one span over the school year.
  const items: Item[] = words.items.length > 0 ? words.items : frequency === undefined ? [] : [{ from: { kind: "school-year" }, deadline: false }];
  const entries = items.length === 0 ? null : entriesOf(items, frequency, context);
  return entries === null ? null : { kind: "scheduled", entries };
}

function unreadable(text: string | null, context: SchoolYearContext): Extract<TimingReading, { kind: "unreadable" }> {
  const suggestion = text === null ? null : suggestCorrection(text, (corrected) => {
    const reading = readText(corrected);
    return reading.kind === "read" && scheduled(reading.words, context) !== null;
  });
  return { kind: "unreadable", suggestion };
}

function fromCell(cell: CellReading, context: SchoolYearContext): TimingReading {
  switch (cell.kind) {
    case "empty":
    case "unscheduled":
      return { kind: "unscheduled" };
    case "unreadable":
      return unreadable(cell.text, context);
    case "read":
      return scheduled(cell.words, context) ?? unreadable(null, context);
  }
}

/**
 * Readings of the texts read so far, by school year and text: a table's timing column repeats a few dozen texts
 * ("Monthly", "Aug-May", "Fall and Spring") down thousands of rows. Each caller gets its own copy.
 */
const readings = new Map<string, TimingReading>();

function copyOf(reading: TimingReading): TimingReading {
  if (reading.kind !== "scheduled") return { ...reading };
  return { kind: "scheduled", entries: reading.entries.map((e) => entry(e.start, e.end, e.label, e.frequency, e.deadline)) };
}

/** One timing cell: text, or a date cell (a number with a date format). */
export function readTiming(value: CellValue, format: string | null, context: TimingContext): TimingReading {
  const here = schoolYearContext(context);
  if (typeof value !== "string" || value.length > MAX_TIMING_LENGTH) return fromCell(readCell(value, format, context.date1904 ?? false), here);
  const key = `${here.schoolYear} ${here.startMonth} ${value}`;
  let reading = readings.get(key);
  if (reading === undefined) {
    reading = fromCell(readCell(value, format, false), here);
    if (readings.size >= 10_000) readings.clear();
    readings.set(key, reading);
  }
  return copyOf(reading);
}

/** The piece a side of a Start/End pair begins or ends with; a frequency alone ("Ongoing") is the school year. */
function sidePiece(words: TimingWords, side: "start" | "end"): Piece | null {
  const item = side === "start" ? words.items[0] : words.items[words.items.length - 1];
  if (item === undefined) return words.frequencies.length > 0 ? { kind: "school-year" } : null;
  return side === "start" ? item.from : (item.to ?? item.from);
}

/**
 * A Start column and an End column: one entry from the start's first day to the end's last day (`Aug` and `May`:
 * Aug 2025 - May 2026). One of them empty (or TBD): the other's own reading. The frequency either says is kept.
 */
export function readTimingSpan(start: TimingCell, end: TimingCell, context: TimingContext): TimingReading {
  const date1904 = context.date1904 ?? false;
  const here = schoolYearContext(context);
  const first = readCell(start.value, start.format, date1904);
  const last = readCell(end.value, end.format, date1904);
  if (first.kind === "unreadable") return { ...unreadable(first.text, here), cell: "start" };
  if (last.kind === "unreadable") return { ...unreadable(last.text, here), cell: "end" };
  const alone = (cell: CellReading, which: "start" | "end"): TimingReading => {
    const reading = fromCell(cell, here);
    return reading.kind === "unreadable" ? { ...reading, cell: which } : reading;
  };
  if (first.kind !== "read") return alone(last, "end");
  if (last.kind !== "read") return alone(first, "start");
  // A cell that names no real time alone (`Feb 29` in a year without one) is that cell's fault.
  if (scheduled(first.words, here) === null) return { kind: "unreadable", suggestion: null, cell: "start" };
  if (scheduled(last.words, here) === null) return { kind: "unreadable", suggestion: null, cell: "end" };
  const from = sidePiece(first.words, "start");
  const to = sidePiece(last.words, "end");
  const frequency = frequencyOf([...first.words.frequencies, ...last.words.frequencies]);
  const entries = from === null || to === null || frequency === null ? null : entriesOf([{ from, to, deadline: false }], frequency, here);
  return entries === null ? { kind: "unreadable", suggestion: null, cell: "end" } : { kind: "scheduled", entries };
}

/** The school year a piece names outright; null when it leaves it to the plan (`Fall`, `Q2`, `Year 2`). */
function schoolYearOfPiece(piece: Piece, startMonth: number): number | null {
  switch (piece.kind) {
    case "month":
    case "day":
      return piece.year === undefined ? null : schoolYearOf({ year: piece.year, month: piece.month, day: 1 }, startMonth);
    case "season":
      if (piece.schoolYear !== undefined) return piece.schoolYear;
      if (piece.year === undefined) return null;
      // A school year's own summer is the one before its fall (as datePeriods).
      return piece.season === "summer" ? piece.year : schoolYearOf({ year: piece.year, month: SEASON_START[piece.season], day: 1 }, startMonth);
    case "quarter":
    case "semester":
    case "trimester":
    case "school-year":
      return piece.schoolYear ?? null;
    case "year-number":
      return null;
  }
}

/**
 * The school year a timing cell names outright (`Aug 2025 - May 2026`, `Oct 2025`, `2025-26`, a date): its first
 * period with a year. Null for text that names none (`Fall`, `Monthly`, `Year 2`) and for text that is not timing.
 */
export function schoolYearNamed(value: CellValue, format: string | null, startMonth: number, date1904 = false): number | null {
  const cell = readCell(value, format, date1904);
  if (cell.kind !== "read") return null;
  const month = schoolYearContext({ schoolYear: 0, startMonth }).startMonth;
  for (const item of cell.words.items) {
    for (const piece of [item.from, item.to, item.within]) {
      const year = piece === undefined ? null : schoolYearOfPiece(piece, month);
      if (year !== null) return year >= FIRST_PLAN_YEAR && year <= LAST_PLAN_YEAR ? year : null;
    }
  }
  return null;
}
