/** @jest-environment node */
/**
 * Properties of the timing-text parser (docs/product.md, "Timing text"): any cell never throws and gets bounded
 * work; every entry is a real span; a list's entries come in the order written; a label the parser writes reads
 * back as the same entry.
 */
import fc from "fast-check";
import { parseIsoDate } from "../../src/core/dates";
import type { CellValue } from "../../src/core/grid";
import { readTiming, readTimingSpan, schoolYearNamed } from "../../src/core/timing/parse-timing";
import type { TimingContext, TimingEntry, TimingReading } from "../../src/core/timing/timing";
import * as tokens from "../../src/core/timing/tokens";

const RUNS = { numRuns: 400 };

const MONTHS = ["Jan", "January", "Feb", "February", "Mar", "March", "Apr", "April", "May", "Jun", "June", "Jul", "July", "Aug", "August", "Sept", "Sept.", "Sep", "September", "Oct", "October", "Nov", "November", "Dec", "December", "octubre", "julio"];
const SEASONS = ["Fall", "Autumn", "Winter", "Spring", "Summer"];
const year = fc.integer({ min: 2015, max: 2035 });
const twoDigits = (n: number): string => String(n % 100).padStart(2, "0");

/** A period whose year the text names: it does not move with the school year or the periods before it. */
const namedPeriod: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom(...MONTHS), year, fc.constantFrom(" ", "-", " '")).map(([m, y, sep]) => (sep === " " ? `${m} ${y}` : `${m}${sep}${twoDigits(y)}`)),
  fc.tuple(fc.constantFrom(...SEASONS), year).map(([s, y]) => `${s} ${y}`),
  fc.tuple(fc.constantFrom("Q1", "Q2", "Q3", "Q4", "S1", "S2", "T1", "T2", "T3", "Quarter 2", "2nd semester", "1st quarter"), year).map(([p, y]) => `${p} ${y}-${twoDigits(y + 1)}`),
  year.map((y) => `${y}-${twoDigits(y + 1)}`),
  year.map((y) => `SY${twoDigits(y + 1)}`),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), year).map(([m, d, y]) => `${m}/${d}/${y}`),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), year).map(([m, d, y]) => `${y}-${twoDigits(m)}-${twoDigits(d)}`),
  fc.tuple(fc.constantFrom(...MONTHS.filter((m) => m.length > 4)), fc.integer({ min: 1, max: 28 }), year).map(([m, d, y]) => `${m} ${d}, ${y}`),
);

/** A period left to the plan's school year. */
const floatingPeriod: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...MONTHS, ...SEASONS, "Q1", "Q2", "Q3", "Q4", "Quarter 3", "2nd quarter", "S1", "S2", "Semester 2", "T1", "T3", "Trimester 2", "Year 1", "Year 2", "Year 3"),
  fc.tuple(fc.constantFrom(...MONTHS.filter((m) => m.length > 4)), fc.integer({ min: 1, max: 28 })).map(([m, d]) => `${m} ${d}`),
);
const period = fc.oneof(namedPeriod, floatingPeriod);
const range = fc.tuple(period, fc.constantFrom("-", " - ", " to ", " through ", "\u2013", " \u2014 "), period).map(([a, c, b]) => `${a}${c}${b}`);
const listWord = fc.constantFrom(", ", " and ", "/", " & ", "; ", ", and ");
const list = (item: fc.Arbitrary<string>): fc.Arbitrary<string[]> => fc.array(item, { minLength: 1, maxLength: 5 });
const joined = (items: string[], words: string[]): string => items.map((item, i) => (i === 0 ? item : `${words[i % words.length]!}${item}`)).join("");
const FREQUENCIES = ["Monthly", "Quarterly", "Twice a year", "Annually", "Weekly", "Bi-weekly", "Ongoing", "Year round", "Throughout the year", "Each semester", "Daily"];

/** Timing text as districts write it (mostly readable, sometimes not). */
const timingText: fc.Arbitrary<string> = fc
  .tuple(
    fc.option(fc.constantFrom("By ", "Due ", "by end of ", "no later than ", "Monthly, ", "Quarterly (", "from "), { nil: "" }),
    list(fc.oneof(period, range)),
    fc.array(listWord, { minLength: 1, maxLength: 3 }),
    fc.option(fc.constantFrom(" (monthly)", ")", ".", " (tentative)", "  "), { nil: "" }),
  )
  .map(([before, items, words, after]) => `${before}${joined(items, words)}${after}`);

/** Pieces of timing, noise and hostile characters, put together at random. */
const PIECES = [
  "Oct", "Setp", "Fall", "Q", "Q2", "2025", "-26", "/", "-", "\u2013", "(", ")", "[", ",", " and ", " to ", "by", "end of", "the", "year", "Year", "1", "15th", "'", ".", "SY",
  "Monthly", "twice", "a", "x", "times", " ", "  ", "\t", "\u00a0", "\u00e9", "\u00f1", "\u0301", "\ud83d\ude00", "\ud83d", "\u0000", "#N/A", "constructor", "__proto__", "toString", "between",
];
const jumble = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((parts) => parts.join(""));
const anyText = fc.oneof(timingText, jumble, fc.string({ unit: "grapheme", maxLength: 30 }), fc.string({ unit: "binary", maxLength: 30 }), fc.constantFrom(...FREQUENCIES));

const anyValue: fc.Arbitrary<CellValue> = fc.oneof(anyText, fc.double(), fc.integer({ min: -100, max: 3_000_000 }), fc.boolean(), fc.constant(null));
const anyFormat = fc.oneof(fc.constant(null), fc.constantFrom("m/d/yyyy", "mmm-yy", "General", "yyyy", "0.00", "[$-409]mmmm d, yyyy;@", "\"Due\" m/d"), fc.string({ maxLength: 10 }));
const planContext: fc.Arbitrary<TimingContext> = fc.record({ schoolYear: fc.integer({ min: 1995, max: 2090 }), startMonth: fc.integer({ min: 1, max: 12 }) });
const anyContext: fc.Arbitrary<TimingContext> = fc.oneof(
  planContext,
  fc.record({ schoolYear: fc.oneof(fc.integer(), fc.double()), startMonth: fc.oneof(fc.integer({ min: -3, max: 15 }), fc.double()), date1904: fc.boolean() }),
);

function isReading(reading: TimingReading): boolean {
  switch (reading.kind) {
    case "scheduled":
      return reading.entries.length > 0;
    case "unscheduled":
      return true;
    case "unreadable":
      return reading.suggestion === null || (typeof reading.suggestion === "string" && reading.suggestion.length > 0);
  }
}

function isRealSpan(entry: TimingEntry): boolean {
  const start = parseIsoDate(entry.start);
  const end = parseIsoDate(entry.end);
  return start !== null && end !== null && /^\d{4}-\d{2}-\d{2}$/.test(entry.start) && /^\d{4}-\d{2}-\d{2}$/.test(entry.end) && entry.start <= entry.end
    && entry.label.trim() === entry.label && entry.label.length > 0
    && (entry.frequency === undefined || entry.frequency === entry.frequency.toLowerCase())
    && (entry.deadline === undefined || entry.deadline);
}

const entriesOf = (reading: TimingReading): TimingEntry[] => (reading.kind === "scheduled" ? reading.entries : []);

test("readTiming, readTimingSpan and schoolYearNamed never throw, on any value, format and context", () => {
  fc.assert(
    fc.property(anyValue, anyFormat, anyContext, anyValue, (value, format, context, other) => {
      expect(isReading(readTiming(value, format, context))).toBe(true);
      expect(isReading(readTimingSpan({ value, format }, { value: other, format: null }, context))).toBe(true);
      const year = schoolYearNamed(value, format, context.startMonth, context.date1904);
      expect(year === null || Number.isInteger(year)).toBe(true);
    }),
    { numRuns: 1_500 },
  );
});

test("every entry is a span of real dates, its start on or before its end", () => {
  fc.assert(
    fc.property(fc.oneof(timingText, anyText), anyFormat, anyContext, (text, format, context) => {
      for (const entry of entriesOf(readTiming(text, format, context))) expect({ text, entry, real: isRealSpan(entry) }).toEqual({ text, entry, real: true });
    }),
    RUNS,
  );
  fc.assert(
    fc.property(anyValue, anyValue, planContext, (start, end, context) => {
      for (const entry of entriesOf(readTimingSpan({ value: start, format: "m/d/yyyy" }, { value: end, format: null }, context))) expect(isRealSpan(entry)).toBe(true);
    }),
    RUNS,
  );
});

test("most timing as districts write it reads (the generators above are timing, not noise)", () => {
  const sample = fc.sample(timingText, { numRuns: 300, seed: 16 });
  const read = sample.filter((text) => readTiming(text, null, { schoolYear: 2025, startMonth: 7 }).kind === "scheduled");
  expect(read.length).toBeGreaterThan(sample.length * 0.6);
});

test("a list of periods that name their years: the entries of each period alone, in the order written", () => {
  fc.assert(
    fc.property(list(fc.oneof(namedPeriod, fc.tuple(namedPeriod, namedPeriod).map(([a, b]) => `${a} - ${b}`))), fc.array(listWord, { minLength: 1, maxLength: 3 }), planContext, (items, words, context) => {
      const alone = items.map((item) => readTiming(item, null, context));
      const together = readTiming(joined(items, words), null, context);
      if (alone.every((reading) => reading.kind === "scheduled")) expect(entriesOf(together)).toEqual(alone.flatMap(entriesOf));
      else expect(together.kind).toBe("unreadable");
    }),
    RUNS,
  );
});

test("a list of months without years: one entry a month, in the order written, each at or after the one before", () => {
  const monthNumber = (name: string): number => ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].indexOf(name.slice(0, 3).toLowerCase());
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...MONTHS.filter((m) => !["octubre", "julio"].includes(m))), { minLength: 1, maxLength: 8 }), fc.array(listWord, { minLength: 1, maxLength: 3 }), planContext, (months, words, context) => {
      const entries = entriesOf(readTiming(joined(months, words), null, context));
      expect(entries.map((entry) => Number(entry.start.slice(5, 7)) - 1)).toEqual(months.map(monthNumber));
      entries.forEach((entry, i) => {
        if (i > 0) expect(entry.start >= entries[i - 1]!.start).toBe(true);
      });
      // The first month is in the plan's school year.
      const first = entries[0]!;
      const firstMonth = Number(first.start.slice(5, 7));
      expect(Number(first.start.slice(0, 4))).toBe(firstMonth >= context.startMonth ? context.schoolYear : context.schoolYear + 1);
    }),
    RUNS,
  );
});

test("a label the parser writes reads again as the same entry", () => {
  fc.assert(
    fc.property(timingText, planContext, (text, context) => {
      for (const entry of entriesOf(readTiming(text, null, context))) {
        const again = readTiming(entry.label, null, context);
        expect({ label: entry.label, again: entriesOf(again).map(({ start, end, label }) => ({ start, end, label })) }).toEqual({ label: entry.label, again: [{ start: entry.start, end: entry.end, label: entry.label }] });
      }
    }),
    RUNS,
  );
});

describe("bounded work on a cell of any length", () => {
  const PLAN: TimingContext = { schoolYear: 2025, startMonth: 7 };
  const LONG = 100_000;

  /** The characters the parser reads as tokens while it reads the value: all its work after trimming the text. */
  function tokenized(value: string): { reading: TimingReading; characters: number; calls: number } {
    const spy = jest.spyOn(tokens, "tokenize");
    try {
      const reading = readTiming(value, null, PLAN);
      return { reading, characters: spy.mock.calls.reduce((sum, [text]) => sum + text.length, 0), calls: spy.mock.calls.length };
    } finally {
      spy.mockRestore();
    }
  }

  test("a 100,000-character cell is read from at most a few hundred characters", () => {
    const cells = [
      "Oct, ".repeat(LONG / 5), "Setp ".repeat(LONG / 5), "(".repeat(LONG), "1".repeat(LONG), "Q1-".repeat(LONG / 3), "a".repeat(LONG), "- ".repeat(LONG / 2),
      `${" ".repeat(LONG / 2)}Oct${" ".repeat(LONG / 2)}`, `Oct${" ".repeat(LONG)}2025`, "Fall and Spring ".repeat(LONG / 16),
    ];
    for (const cell of cells) {
      const { characters, calls } = tokenized(cell);
      expect(characters).toBeLessThanOrEqual(3 * tokens.MAX_TIMING_LENGTH);
      expect(calls).toBeLessThanOrEqual(3);
    }
    expect(tokenized(`${" ".repeat(LONG / 2)}Oct${" ".repeat(LONG / 2)}`).reading).toEqual({ kind: "scheduled", entries: [{ start: "2025-10-01", end: "2025-10-31", label: "Oct 2025" }] });
    expect(tokenized("Oct, ".repeat(LONG / 5)).reading).toEqual({ kind: "unreadable", suggestion: null });
  });

  test("any text is read from at most a few hundred characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", minLength: 0, maxLength: 2_000 }), anyText, (noise, text) => {
        for (const value of [noise, `${text}${noise}`, `${noise}${text}`]) expect(tokenized(value).characters).toBeLessThanOrEqual(3 * tokens.MAX_TIMING_LENGTH);
      }),
      { numRuns: 100 },
    );
  });

  test("a text read before is not read again, and each reader gets its own entries", () => {
    const first = readTiming("Monthly, Sept-May", null, PLAN);
    expect(tokenized("Monthly, Sept-May").calls).toBe(0);
    if (first.kind === "scheduled") first.entries[0]!.label = "changed by a reader";
    expect(readTiming("Monthly, Sept-May", null, PLAN)).toEqual({ kind: "scheduled", entries: [{ start: "2025-09-01", end: "2026-05-31", label: "Sep 2025 \u2013 May 2026", frequency: "monthly" }] });
    // Another school year, another reading.
    expect(entriesOf(readTiming("Monthly, Sept-May", null, { schoolYear: 2026, startMonth: 7 }))[0]!.start).toBe("2026-09-01");
    expect(entriesOf(readTiming("Monthly, Sept-May", null, { schoolYear: 2025, startMonth: 10 }))[0]!.end).toBe("2027-05-31");
  });

  test("the output is bounded too: a list up to the longest timing text gives at most one entry per two characters", () => {
    const longest = "Oct, ".repeat(tokens.MAX_TIMING_LENGTH / 5).slice(0, tokens.MAX_TIMING_LENGTH).replace(/[, ]+$/, "");
    const entries = entriesOf(readTiming(longest, null, PLAN));
    expect(entries.length).toBe(60);
    expect(entries.length).toBeLessThanOrEqual(tokens.MAX_TIMING_LENGTH / 2);
  });
});
