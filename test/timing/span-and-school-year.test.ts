/** @jest-environment node */
/**
 * docs/product.md, "Timing text": with Start and End columns the entry is the span between them; and the school
 * year a timing cell names outright, for a plan whose school year nothing else names.
 */
import { excelSerialFromDate } from "../../src/core/dates";
import { readTimingSpan, schoolYearNamed } from "../../src/core/timing/parse-timing";
import type { TimingCell, TimingContext } from "../../src/core/timing/timing";

const PLAN: TimingContext = { schoolYear: 2025, startMonth: 7 };
const text = (value: string | null): TimingCell => ({ value, format: null });
const date = (year: number, month: number, day: number, date1904 = false): TimingCell => ({ value: excelSerialFromDate(year, month, day, date1904), format: "m/d/yyyy" });

describe("readTimingSpan: one entry from the start's first day to the end's last day", () => {
  test("two date cells", () => {
    expect(readTimingSpan(date(2025, 9, 2), date(2026, 5, 29), PLAN)).toEqual({ kind: "scheduled", entries: [{ start: "2025-09-02", end: "2026-05-29", label: "2025-09-02 \u2013 2026-05-29" }] });
    expect(readTimingSpan(date(2025, 9, 2, true), date(2026, 5, 29, true), { ...PLAN, date1904: true })).toEqual({ kind: "scheduled", entries: [{ start: "2025-09-02", end: "2026-05-29", label: "2025-09-02 \u2013 2026-05-29" }] });
    expect(readTimingSpan(date(2025, 10, 15), date(2025, 10, 15), PLAN)).toEqual({ kind: "scheduled", entries: [{ start: "2025-10-15", end: "2025-10-15", label: "2025-10-15" }] });
  });

  test("text in either cell, the end after the start", () => {
    expect(readTimingSpan(text("Aug"), text("May"), PLAN)).toEqual({ kind: "scheduled", entries: [{ start: "2025-08-01", end: "2026-05-31", label: "Aug 2025 \u2013 May 2026" }] });
    expect(readTimingSpan(text("Aug"), text("May"), { schoolYear: 2024, startMonth: 8 })).toEqual({ kind: "scheduled", entries: [{ start: "2024-08-01", end: "2025-05-31", label: "Aug 2024 \u2013 May 2025" }] });
    expect(readTimingSpan(text("Sept 2025"), text("June 2026"), PLAN)).toEqual({ kind: "scheduled", entries: [{ start: "2025-09-01", end: "2026-06-30", label: "Sep 2025 \u2013 Jun 2026" }] });
    expect(readTimingSpan(text("Sept"), text("Aug"), PLAN)).toEqual({ kind: "scheduled", entries: [{ start: "2025-09-01", end: "2026-08-31", label: "Sep 2025 \u2013 Aug 2026" }] });
    expect(readTimingSpan(text("Q1"), text("Q3"), PLAN)).toEqual({ kind: "scheduled", entries: [{ start: "2025-07-01", end: "2026-03-31", label: "Q1 2025-26 \u2013 Q3 2025-26" }] });
    expect(readTimingSpan(text("Oct, Jan"), text("April"), PLAN)).toEqual({ kind: "scheduled", entries: [{ start: "2025-10-01", end: "2026-04-30", label: "Oct 2025 \u2013 Apr 2026" }] });
    expect(readTimingSpan(date(2025, 9, 15), text("Dec"), PLAN)).toEqual({ kind: "scheduled", entries: [{ start: "2025-09-15", end: "2025-12-31", label: "2025-09-15 \u2013 Dec 2025" }] });
    expect(readTimingSpan(text("Aug"), text("Aug"), PLAN)).toEqual({ kind: "scheduled", entries: [{ start: "2025-08-01", end: "2025-08-31", label: "Aug 2025" }] });
  });

  test("an end that says how often: to the end of the school year, the frequency kept", () => {
    expect(readTimingSpan(date(2025, 9, 1), text("Ongoing"), PLAN)).toEqual({ kind: "scheduled", entries: [{ start: "2025-09-01", end: "2026-06-30", label: "2025-09-01 \u2013 2025-26", frequency: "ongoing" }] });
    expect(readTimingSpan(text("Sept (monthly)"), text("May"), PLAN)).toEqual({ kind: "scheduled", entries: [{ start: "2025-09-01", end: "2026-05-31", label: "Sep 2025 \u2013 May 2026", frequency: "monthly" }] });
  });

  test("one cell empty or TBD: the other's own reading; both: unscheduled", () => {
    expect(readTimingSpan(text(null), text("June 2026"), PLAN)).toEqual({ kind: "scheduled", entries: [{ start: "2026-06-01", end: "2026-06-30", label: "Jun 2026" }] });
    expect(readTimingSpan(date(2025, 10, 15), text("TBD"), PLAN)).toEqual({ kind: "scheduled", entries: [{ start: "2025-10-15", end: "2025-10-15", label: "2025-10-15" }] });
    expect(readTimingSpan(text(null), text(null), PLAN)).toEqual({ kind: "unscheduled" });
    expect(readTimingSpan(text("TBD"), text(" "), PLAN)).toEqual({ kind: "unscheduled" });
  });

  test("an unreadable cell says which, with its suggestion; an end before the start is the end's fault", () => {
    expect(readTimingSpan(text("Setp 2025"), text("May 2026"), PLAN)).toEqual({ kind: "unreadable", suggestion: "Sep 2025", cell: "start" });
    expect(readTimingSpan(text("Sept"), text("Mary"), PLAN)).toEqual({ kind: "unreadable", suggestion: null, cell: "end" });
    expect(readTimingSpan(text("Sept"), { value: 7, format: null }, PLAN)).toEqual({ kind: "unreadable", suggestion: null, cell: "end" });
    expect(readTimingSpan(text("May 2026"), text("Aug 2025"), PLAN)).toEqual({ kind: "unreadable", suggestion: null, cell: "end" });
    expect(readTimingSpan(date(2026, 5, 1), date(2025, 8, 1), PLAN)).toEqual({ kind: "unreadable", suggestion: null, cell: "end" });
    // 29 February 2026 is no day: the start's fault, with an end or without one.
    expect(readTimingSpan(text("Feb 29"), text("May"), PLAN)).toEqual({ kind: "unreadable", suggestion: null, cell: "start" });
    expect(readTimingSpan(text("Feb 29"), text(null), PLAN)).toEqual({ kind: "unreadable", suggestion: null, cell: "start" });
    expect(readTimingSpan(text("TBD"), text("Feb 29"), PLAN)).toEqual({ kind: "unreadable", suggestion: null, cell: "end" });
  });
});

describe("schoolYearNamed: the school year a timing cell names outright", () => {
  test("the school year of the first period with a year", () => {
    const cases: [string, number][] = [
      ["Aug 2025 - May 2026", 2025], ["Oct 2025", 2025], ["Mar 2026", 2025], ["2025-26", 2025], ["SY27", 2026], ["Q2 2025-26", 2025], ["Fall 2025", 2025],
      ["Spring 2026", 2025], ["Winter 2025", 2025], ["10/15/2025", 2025], ["By June 2026", 2025], ["Oct, Jan 2026", 2025], ["Monthly (Sept 2025 - May 2026)", 2025],
      ["Fall and Spring (2026-27)", 2026], ["Jul 2026", 2026],
      // A school year's own summer is the one before its fall.
      ["Summer 2025", 2025], ["Summer 2026", 2026],
    ];
    for (const [value, year] of cases) expect({ value, year: schoolYearNamed(value, null, 7) }).toEqual({ value, year });
    expect(schoolYearNamed("Jul 2026", null, 8)).toBe(2025);
    expect(schoolYearNamed("Aug 2026", null, 8)).toBe(2026);
    expect(schoolYearNamed(45945, "m/d/yyyy", 7)).toBe(2025);
    expect(schoolYearNamed(45945 - 1462, "m/d/yyyy", 7, true)).toBe(2025);
    expect(schoolYearNamed(excelSerialFromDate(2026, 3, 1), "mmm-yy", 7)).toBe(2025);
    expect(schoolYearNamed(excelSerialFromDate(2026, 7, 1), "m/d/yyyy", 7)).toBe(2026);
  });

  test("null for text that leaves the year to the plan, and for text that is not timing", () => {
    for (const value of ["Fall", "Monthly", "Year 2", "Oct", "Q2", "by the end of the year", "TBD", "", "Mary", "2025", "Oct 1850", "Setp 2025"]) {
      expect({ value, year: schoolYearNamed(value, null, 7) }).toEqual({ value, year: null });
    }
    expect(schoolYearNamed(null, null, 7)).toBeNull();
    expect(schoolYearNamed(2025, null, 7)).toBeNull();
    expect(schoolYearNamed(true, null, 7)).toBeNull();
  });
});
