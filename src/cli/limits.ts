import { CELL_CHARACTERS } from "../core/writes";

/**
 * What the command line reads at most (README, "Limits"). Past any of these a file gets one plain line that names
 * the limit, and exit status 2: never a crash, a hang or memory without end. Each bounds the work and the memory a
 * file can cause, whatever it holds: a 2 KB file cannot make the reader build a million rows or unpack 4 GB.
 */
export const LIMITS = {
  /** Bytes of a file on disk (workbook or text). */
  fileBytes: 256 * 2 ** 20,
  /** Bytes one part of a workbook unpacks to (a 600,000-row sheet is about 130 MB), */
  partBytes: 128 * 2 ** 20,
  /** and all the parts read from one workbook together. */
  unpackedBytes: 512 * 2 ** 20,
  /** Parts in one workbook. */
  parts: 100_000,
  /** Cells in a sheet's used range (rows x columns, from the first cell with content to the last). */
  sheetCells: 5_000_000,
  /** Excel's own sheet size. */
  rows: 1_048_576,
  columns: 16_384,
  /** Characters in a cell, Excel's own limit: a longer field of a text file is cut there (and the cut is said). */
  cellCharacters: CELL_CHARACTERS,
};

/** Bytes in words: "256 MB". */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 2 ** 20)} MB`;
}

/** A number as the README writes it: 5,000,000. */
export function count(n: number): string {
  return n.toLocaleString("en-US");
}
