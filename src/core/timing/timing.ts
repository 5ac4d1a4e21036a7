/**
 * Timing written in words (docs/product.md, "Plans that are not grids", "Timing text"): what an action-plan table's
 * timing cell says, as schedule entries inside the plan's school year. This file is the contract between the
 * parser (parse-timing.ts) and the readers that use it.
 */
import type { IsoDate } from "../dates";

/** What a reader knows when it reads a timing cell. */
export interface TimingContext {
  /** The plan's school year, named by its first calendar year (2025 = 2025-26): the year of a month named alone. */
  schoolYear: number;
  /** First month of the school year (7 = July). */
  startMonth: number;
  /** The workbook counts dates from 1904. */
  date1904?: boolean;
}

/** One span of time a timing cell names. */
export interface TimingEntry {
  start: IsoDate;
  end: IsoDate;
  /** The period as a planner names it: `Oct 2025`, `Aug 2025 – May 2026`, `Fall 2025`, `Q2 2025-26`, `2025-26`, `2025-10-15`. */
  label: string;
  /** For a frequency alone ("Monthly", "Twice a year", "Ongoing"), the frequency as a lower-case word: one span over the school year. */
  frequency?: string;
  /** A deadline ("By June 2026", "by 3/1/2026", "by end of Q2"): the entry is the period named, due then. */
  deadline?: boolean;
}

export type TimingReading =
  | { kind: "scheduled"; entries: TimingEntry[] }
  /** Nothing to schedule: an empty cell, "TBD", "As needed". */
  | { kind: "unscheduled" }
  /** Text that names no time the parser knows; `suggestion` is a mechanical correction ("Setp 2025" -> "Sep 2025") when there is one. */
  | {
      kind: "unreadable";
      suggestion: string | null;
      /** From readTimingSpan: which of the Start and End cells cannot be read (the suggestion is for that cell's text). */
      cell?: "start" | "end";
    };

/*
 * The parser (parse-timing.ts) exports:
 *   readTiming(value: CellValue, format: string | null, context: TimingContext): TimingReading
 *     one timing cell: text, or a date cell (a number with a date format);
 *   readTimingSpan(start: TimingCell, end: TimingCell, context: TimingContext): TimingReading
 *     a Start column and an End column: one entry from the start's first day to the end's last day;
 *   schoolYearNamed(value: CellValue, format: string | null, startMonth: number, date1904?: boolean): number | null
 *     the school year a timing cell names outright ("Aug 2025 - May 2026", "Oct 2025", "2025-26", a date), for a
 *     plan whose school year nothing else names; null for text that names none ("Fall", "Monthly").
 */
export interface TimingCell {
  value: import("../grid").CellValue;
  format: string | null;
}
