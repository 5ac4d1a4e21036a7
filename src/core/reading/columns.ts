import type { SheetGrid } from "../grid";
import { isErrorValue } from "../grid";

/** What a non-timeline column of a block holds, by its header. */
export type ColumnRole = "label" | "step" | "owner" | "evidence" | "resources" | "status" | "notes";

const ROLE_PATTERNS: [ColumnRole, RegExp][] = [
  ["owner", /\b(person(\(s\)|s)? responsible|responsible|owners?|leads?|who|point person|contact|accountable|assigned to)\b/i],
  ["status", /^(status\b.*|.*\bstatus|progress|% ?complete|percent complete|completion)$/i],
  ["evidence", /\b(evidence|measures?|indicators?|artifacts?|metrics?|deliverables?|data source)\b/i],
  ["resources", /\b(resources?|budget|costs?|funding|funds)\b/i],
  ["notes", /\b(notes?|comments?|remarks?)\b/i],
  ["step", /^(#|no\.?|step( ?#| no\.?)?|number|item)$/i],
  ["label", /\b(activit(y|ies)|milestones?|actions?|action steps?|tasks?|steps?|strateg(y|ies)|goals?|objectives?|descriptions?|initiatives?)\b/i],
];

export function roleOfHeader(header: string): ColumnRole | null {
  const h = header.trim();
  if (h === "") return null;
  for (const [role, pattern] of ROLE_PATTERNS) if (pattern.test(h)) return role;
  return null;
}

export interface BlockColumns {
  label: number;
  step: number | null;
  /** Known attribute columns by role (first one wins). */
  roles: Partial<Record<Exclude<ColumnRole, "label" | "step">, number>>;
  /** Other headed columns: header text by column. */
  extra: Map<number, string>;
  /** Columns without a header where label text may also sit (indented outlines). */
  freeText: number[];
  headers: Map<number, string>;
}

const STEP_VALUE = /^\(?\d{1,3}(\.\d{1,3})*[.)]?$|^[a-z][.)]$/i;

/** A step number (`3`, `2.1`, `(4)`, `b)`): it starts with a digit or "(", or is a letter and a point. Labels stop at the first character. */
function isStepValue(value: string): boolean {
  const t = value.trim();
  const c = t.charCodeAt(0);
  return (c === 40 || (c >= 48 && c <= 57) || t.length === 2) && STEP_VALUE.test(t);
}

/**
 * Decides the label, step and attribute columns of a block: attributes by their header's name; the label
 * column is the leftmost column with text below the header (preferring one headed like "Activities").
 */
export function blockColumns(
  grid: SheetGrid,
  headerRow: number,
  groupRow: number | null,
  periodColumns: Set<number>,
  firstRow: number,
  lastRow: number,
): BlockColumns {
  const headers = new Map<number, string>();
  for (let c = grid.left; c <= grid.right; c++) {
    if (periodColumns.has(c)) continue;
    let h = grid.text(headerRow, c);
    if (h === "" && groupRow !== null) h = grid.text(groupRow, c);
    if (h !== "") headers.set(c, h);
  }

  // Counted by position in a row: a timeline cell is skipped without a set lookup (most of a block's cells are marks).
  const width = grid.right - grid.left + 1;
  const texts = new Int32Array(width);
  const steps = new Int32Array(width);
  const inTimeline: boolean[] = [];
  for (let c = grid.left; c <= grid.right; c++) inTimeline.push(periodColumns.has(c));
  for (let r = firstRow; r <= lastRow; r++) {
    const values = grid.rowValues(r);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null || v === undefined || inTimeline[i]) continue;
      if (typeof v === "number" || (typeof v === "string" && isStepValue(v))) steps[i]!++;
      else if (typeof v === "string" && v.trim().length > 1 && !isErrorValue(v)) texts[i]!++;
    }
  }
  /** How many cells of column c hold text, and how many a step number. */
  const textsIn = (c: number): number => texts[c - grid.left] ?? 0;
  const stepsIn = (c: number): number => steps[c - grid.left] ?? 0;

  const roles: BlockColumns["roles"] = {};
  const extra = new Map<number, string>();
  let step: number | null = null;
  let headedLabel: number | null = null;
  for (const [c, h] of [...headers.entries()].sort((a, b) => a[0] - b[0])) {
    const role = roleOfHeader(h);
    if (role === "label") {
      if (headedLabel === null) headedLabel = c;
      else extra.set(c, h);
    } else if (role === "step") {
      if (step === null) step = c;
    } else if (role !== null) {
      if (roles[role] === undefined) roles[role] = c;
      else extra.set(c, h);
    }
  }

  const attributeColumns = new Set<number>([...Object.values(roles), ...(step === null ? [] : [step])]);
  const isCandidate = (c: number): boolean => !periodColumns.has(c) && !attributeColumns.has(c);
  const firstPeriod = Math.min(...periodColumns);

  let label: number | null = null;
  if (headedLabel !== null && textsIn(headedLabel) > 0) label = headedLabel;
  if (label === null) {
    for (let c = grid.left; c <= grid.right; c++) {
      if (!isCandidate(c)) continue;
      const text = textsIn(c);
      const numbers = stepsIn(c);
      if (text > 0 && text >= numbers) {
        label = c;
        break;
      }
    }
  }
  if (label === null) label = headedLabel ?? Math.max(grid.left, firstPeriod - 1);

  // A narrow column of numbers just left of the label is the step number.
  if (step === null && label - 1 >= grid.left && isCandidate(label - 1)) {
    const numbers = stepsIn(label - 1);
    if (numbers > 0 && textsIn(label - 1) === 0) step = label - 1;
  }

  const freeText: number[] = [];
  for (const [c, h] of headers) {
    if (c === label || c === step || Object.values(roles).includes(c) || extra.has(c)) continue;
    extra.set(c, h);
  }
  for (let c = label + 1; c < firstPeriod; c++) {
    if (isCandidate(c) && c !== step && !headers.has(c) && textsIn(c) > 0) freeText.push(c);
  }
  return { label, step, roles, extra, freeText, headers };
}
