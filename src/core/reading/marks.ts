/** Marks (README, "Marks"): what a timeline cell holds, read with the default vocabulary and the workbook's own words. */
import { isErrorValue, type CellValue } from "../grid";
import { isPercentFormat } from "../number-formats";
import type { MarkState } from "../plan";
import type { MarkWords } from "../settings";

/** What one timeline cell holds, read with the mark vocabulary. */
export type CellMark =
  | { kind: "empty" }
  | { kind: "mark"; state: MarkState; text: string; lookalike: boolean }
  /** The top half of an X split by a PDF ("V"). */
  | { kind: "split-top"; text: string }
  /** The bottom half ("^"). */
  | { kind: "split-bottom"; text: string }
  | { kind: "error"; text: string }
  | { kind: "unknown"; text: string };

/** Letters from other alphabets that look like X: a formula counting "X" misses them. */
export const LOOKALIKE_X = new Set(["\u0425", "\u0445", "\u03a7", "\u03c7"]);
const PLANNED = new Set([
  "x", "\u00d7", "\u2715", "\u2716", "\u2717", "\u2718", "\u2573", "\u2022", "\u25cf", "\u25a0", "\u2588",
  ...LOOKALIKE_X,
]);
const DONE = new Set(["\u2713", "\u2714", "\u2611", "\u221a", "\u2705", "done", "complete", "completed"]);
const IN_PROGRESS = new Set(["in progress", "in-progress", "inprogress", "ip", "started", "underway", "ongoing"]);
const CANCELLED = new Set(["cancelled", "canceled", "deferred", "dropped", "n/a", "na"]);
const SPLIT_TOP = new Set(["v", "\\/"]);
const SPLIT_BOTTOM = new Set(["^", "\u02c4", "\u02c6", "/\\"]);

const EMPTY: CellMark = { kind: "empty" };

export interface MarkVocabulary {
  read(value: CellValue, format: string | null): CellMark;
}

function normalize(word: string): string {
  return word.trim().toLowerCase().replace(/\s+/g, " ");
}

export function markVocabulary(words: MarkWords): MarkVocabulary {
  const extra = new Map<string, MarkState>();
  for (const w of words.planned) extra.set(normalize(w), "planned");
  for (const w of words.done) extra.set(normalize(w), "done");
  for (const w of words.inProgress) extra.set(normalize(w), "in-progress");
  for (const w of words.cancelled) extra.set(normalize(w), "cancelled");

  const fromPercent = (fraction: number, text: string): CellMark => {
    if (fraction >= 1) return { kind: "mark", state: "done", text, lookalike: false };
    if (fraction <= 0) return { kind: "mark", state: "planned", text, lookalike: false };
    return { kind: "mark", state: "in-progress", text, lookalike: false };
  };

  const readText = (value: string): CellMark => {
    const text = value.trim();
    if (text === "") return EMPTY;
    if (isErrorValue(text)) return { kind: "error", text };
    const word = normalize(text);
    const added = extra.get(word);
    if (added) return { kind: "mark", state: added, text, lookalike: false };
    if (PLANNED.has(word)) return { kind: "mark", state: "planned", text, lookalike: LOOKALIKE_X.has(text) };
    if (DONE.has(word)) return { kind: "mark", state: "done", text, lookalike: false };
    if (IN_PROGRESS.has(word)) return { kind: "mark", state: "in-progress", text, lookalike: false };
    if (CANCELLED.has(word)) return { kind: "mark", state: "cancelled", text, lookalike: false };
    if (SPLIT_TOP.has(word)) return { kind: "split-top", text };
    if (SPLIT_BOTTOM.has(word)) return { kind: "split-bottom", text };
    const percent = /^(\d{1,3}(?:\.\d+)?)\s*%$/.exec(word);
    if (percent) return fromPercent(Number(percent[1]) / 100, text);
    return { kind: "unknown", text };
  };

  // A timeline holds the same few texts thousands of times (X, ✓, done): each is read once. The marks
  // are shared, so nobody may change one. The cache is capped so a sheet of distinct texts cannot grow it without end.
  const known = new Map<string, CellMark>();
  return {
    read(value, format) {
      if (value === null) return EMPTY;
      if (typeof value === "number") {
        if (isPercentFormat(format)) return fromPercent(value, `${Math.round(value * 100)}%`);
        return { kind: "unknown", text: String(value) };
      }
      if (typeof value === "boolean") return { kind: "unknown", text: value ? "TRUE" : "FALSE" };
      let mark = known.get(value);
      if (mark === undefined) {
        mark = readText(value);
        if (known.size < 10_000) known.set(value, mark);
      }
      return mark;
    },
  };
}
