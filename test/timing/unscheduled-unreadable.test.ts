/** @jest-environment node */
/**
 * docs/product.md, "Timing text": `TBD`, `As needed` and empty cells are unscheduled; anything else that names no
 * time is unreadable, with a mechanical correction when a word is a misspelt month or season ("Setp 2025" ->
 * "Sep 2025"), and none on ordinary words and names.
 */
import { readTiming } from "../../src/core/timing/parse-timing";
import type { TimingContext } from "../../src/core/timing/timing";

const PLAN: TimingContext = { schoolYear: 2025, startMonth: 7 };

/** The suggestion for unreadable text; `{ read: true }` for text that reads. */
function suggestionFor(text: string): string | null | { read: true } {
  const reading = readTiming(text, null, PLAN);
  return reading.kind === "unreadable" ? reading.suggestion : { read: true };
}

describe("unscheduled", () => {
  test("TBD, TBA, to be determined, as needed, N/A, empty, whitespace, punctuation alone", () => {
    const texts = [
      "TBD", "tbd", "T.B.D.", "TBD.", " TBD ", "TBA", "TBC", "To be determined", "to be announced", "To Be Determined", "As needed", "as-needed", "As Needed Basis",
      "On an as-needed basis", "As necessary", "N/A", "n/a", "NA", "N.A.", "None", "Not applicable", "", " ", "\t\n", "\u00a0", "-", "--", "\u2014", "?",
    ];
    for (const text of texts) expect({ text, reading: readTiming(text, null, PLAN) }).toEqual({ text, reading: { kind: "unscheduled" } });
    expect(readTiming(null, null, PLAN)).toEqual({ kind: "unscheduled" });
    expect(readTiming(null, "m/d/yyyy", PLAN)).toEqual({ kind: "unscheduled" });
  });

  test("an unscheduled word with a year or more words is not unscheduled", () => {
    for (const text of ["TBD 2026", "N/A 2", "As needed by principals"]) expect(readTiming(text, null, PLAN).kind).toBe("unreadable");
  });
});

describe("unreadable", () => {
  test("words that name no time, with no suggestion", () => {
    for (const text of ["Mary", "Marc", "Jane", "Decide", "Mark", "Match", "Marsh", "March madness", "String", "Sprint", "Winner", "Simmer", "Julie", "Augusta", "Falls", "Mach", "Summit", "Decimal", "Octopus", "Jan Smith", "Principal", "PLC meetings", "See attached", "When funding allows", "x", "Janet"]) {
      expect({ text, suggestion: suggestionFor(text) }).toEqual({ text, suggestion: null });
    }
  });

  test("numbers without a date format, calendar years, other values", () => {
    for (const value of [3, 2025, 45945, -1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, true, false]) {
      expect({ value, reading: readTiming(value, null, PLAN) }).toEqual({ value, reading: { kind: "unreadable", suggestion: null } });
    }
    expect(readTiming(2025, "General", PLAN)).toEqual({ kind: "unreadable", suggestion: null });
    for (const text of ["2025", "By 2026", "2025-2027", "3", "Q1 2025", "#N/A", "#REF!"]) expect({ text, reading: readTiming(text, null, PLAN) }).toEqual({ text, reading: { kind: "unreadable", suggestion: null } });
  });

  test("a date cell outside the years a plan speaks of is unreadable", () => {
    expect(readTiming(5, "m/d/yyyy", PLAN)).toEqual({ kind: "unreadable", suggestion: null });
    expect(readTiming(-3, "m/d/yyyy", PLAN)).toEqual({ kind: "unreadable", suggestion: null });
    expect(readTiming(9_999_999, "m/d/yyyy", PLAN)).toEqual({ kind: "unreadable", suggestion: null });
    expect(readTiming("Oct 1850", null, PLAN)).toEqual({ kind: "unreadable", suggestion: null });
  });

  test("text longer than any timing is unreadable without being read", () => {
    expect(readTiming(`Oct${", Oct".repeat(100)}`, null, PLAN)).toEqual({ kind: "unreadable", suggestion: null });
  });
});

describe("suggestions: a misspelt month or season put right", () => {
  test("letters swapped, left out, typed twice, in the case they were typed", () => {
    const cases: [string, string][] = [
      ["Setp 2025", "Sep 2025"], ["Ocotber", "October"], ["Sprng", "Spring"], ["Spirng", "Spring"], ["Sping 2026", "Spring 2026"],
      ["Febuary", "February"], ["Feburary 2026", "February 2026"], ["Janurary", "January"], ["Setpember", "September"], ["Septmber - May", "September - May"],
      ["Novmber", "November"], ["Decmber 15, 2025", "December 15, 2025"], ["Agust-May", "August-May"], ["Aprril", "April"], ["Sumer", "Summer"],
      ["Wintr and Sprng", "Winter and Spring"], ["Mrach", "March"], ["Jnue", "June"], ["SETP", "SEP"], ["ocotber 2025", "october 2025"],
      ["By Ocotber 1", "By October 1"], ["Monthly,  Setp-May", "Monthly, Sep-May"], ["Fall and Sprnig", "Fall and Spring"], ["Autmn 2025", "Autumn 2025"],
    ];
    for (const [text, suggestion] of cases) expect({ text, suggestion: suggestionFor(text) }).toEqual({ text, suggestion });
  });

  test("no suggestion when the corrected text would still not read", () => {
    for (const text of ["Setp meetings", "Ocotber PLC", "Sprng break week", "Setp 2025 or later"]) expect({ text, suggestion: suggestionFor(text) }).toEqual({ text, suggestion: null });
  });
});
