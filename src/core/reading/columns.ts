import type { SheetGrid } from "../grid";
import { isErrorValue } from "../grid";

/** What a non-timeline column of a block holds, by its header. */
export type ColumnRole = "label" | "step" | "level" | "timing" | "start" | "end" | "followUp" | "owner" | "evidence" | "resources" | "status" | "notes" | "standards";

/** A header that names a level of the plan and nothing else: `Goal`, `Strategies`, `Focus Area`, `Objective #`. */
const LEVEL_HEADER = /^(strategic priorit(?:y|ies)|priority areas?|priorit(?:y|ies)|focus areas?|goals?|objectives?|strateg(?:y|ies)|initiatives?|pillars?)\s*(?:#|\(s\)|no\.?)?\s*:?$/i;

/**
 * A column naming Standards for Professional Learning: `Standard(s)`, `LF Standard`, `Learning Forward`, `Standards for
 * PL`, `Standards for Professional Learning`, `PL Standards`, `Standards Addressed`.
 */
const STANDARDS_HEADER =
  /^(?:(?:lf|learning forward|pl|professional learning|aligned)\s+)?(?:standards?\s*(?:\(s\))?(?:\s+for\s+(?:pl|professional learning))?(?:\s+(?:addressed|alignment|aligned))?|learning forward)\s*:?$/i;

const ROLE_PATTERNS: [ColumnRole, RegExp][] = [
  ["level", LEVEL_HEADER],
  ["standards", STANDARDS_HEADER],
  ["timing", /^(timelines?|time ?frames?|time line|when|duration|dates?|target( completion)? dates?|due( dates?| by)?|by when|completion dates?|deadlines?|timing|schedule)\s*\??:?$/i],
  ["start", /^(start|begin|beginning)( date)?:?$/i],
  ["end", /^(end|finish)( date)?:?$/i],
  ["followUp", /\bfollow[- ]?ups?\b/i],
  ["owner", /\b(person(\(s\)|s)? responsible|responsible|owners?|leads?|who|point person|contact|accountable|assigned to)\b/i],
  ["status", /^(status\b.*|.*\bstatus|progress|% ?complete|percent complete|completion)$/i],
  ["evidence", /\b(evidence|measures?|indicators?|artifacts?|metrics?|deliverables?|data source)\b/i],
  ["resources", /\b(resources?|budget|costs?|funding|funds)\b/i],
  ["notes", /\b(notes?|comments?|remarks?)\b/i],
  ["step", /^(#|no\.?|step( ?#| no\.?)?|number|item)$/i],
  ["label", /\b(activit(y|ies)|milestones?|actions?|action steps?|tasks?|steps?|strateg(y|ies)|goals?|objectives?|descriptions?|initiatives?)\b/i],
];

/** Whether a header names the action column ("Action Step", "Activities", "Initial Activity"): its role is "label". */
export function namesActionColumn(header: string): boolean {
  // The label pattern first: most texts name no action column, and the other patterns need not run for them.
  return ACTION.test(header) && roleOfHeader(header) === "label";
}

const ACTION = ROLE_PATTERNS.find(([role]) => role === "label")![1];

/**
 * A column's role by its header. A header may carry a hint on a line of its own (`Duration` / `When?`): the first
 * line names the column.
 */
export function roleOfHeader(header: string): ColumnRole | null {
  const h = header.includes("\n") ? header.trim().split(/\s*\n\s*/)[0]! : header.trim();
  if (h === "") return null;
  for (const [role, pattern] of ROLE_PATTERNS) if (pattern.test(h)) return role;
  return null;
}

/** The level a level column names, lower case and singular: "goal", "strategy", "focus area". */
export function levelOfHeader(header: string): string {
  const word = LEVEL_HEADER.exec(header.trim().split(/\s*\n\s*/)[0]!)?.[1]?.toLowerCase() ?? "level";
  return word.replace(/ies$/, "y").replace(/s$/, "");
}

export interface BlockColumns {
  label: number;
  /** Level columns (Goal | Strategy | Action Step laid out side by side), outermost first: they give the path. */
  levels: { column: number; level: string }[];
  /** In a table: the timing column, or Start and End columns, and the follow-up column. */
  timing: number | null;
  start: number | null;
  end: number | null;
  followUp: number | null;
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
 * Decides the label, step, level and attribute columns of a block: attributes by their header's name; the label
 * column is the one headed like "Action Step" or "Activities" (else the innermost level column, else the leftmost
 * column with text below the header), and the follow-up column. In a table, timing, start and end columns are found
 * too; in a grid the timeline gives the schedule, and such columns are attributes like any other.
 */
export function blockColumns(
  grid: SheetGrid,
  headerRow: number,
  groupRow: number | null,
  periodColumns: Set<number>,
  firstRow: number,
  lastRow: number,
  shape: "grid" | "table" = "grid",
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
  const levels: BlockColumns["levels"] = [];
  const timed: Pick<BlockColumns, "timing" | "start" | "end" | "followUp"> = { timing: null, start: null, end: null, followUp: null };
  let step: number | null = null;
  let headedLabel: number | null = null;
  for (const [c, h] of [...headers.entries()].sort((a, b) => a[0] - b[0])) {
    const role = roleOfHeader(h);
    if (role === "label") {
      if (headedLabel === null) headedLabel = c;
      else extra.set(c, h);
    } else if (role === "step") {
      if (step === null) step = c;
    } else if (role === "level") {
      levels.push({ column: c, level: levelOfHeader(h) });
    } else if (role === "timing" || role === "start" || role === "end" || role === "followUp") {
      // A grid's timeline says when: its timing columns are attributes like any other. A follow-up is one in both.
      if ((shape === "table" || role === "followUp") && timed[role] === null) timed[role] = c;
      else extra.set(c, h);
    } else if (role !== null) {
      if (roles[role] === undefined) roles[role] = c;
      else extra.set(c, h);
    }
  }
  // Without an action column, the innermost level is what is scheduled (Goal | Strategy | Jul ...).
  if (headedLabel === null && levels.length > 0) headedLabel = levels.pop()!.column;
  if (timed.start === null || timed.end === null) {
    for (const c of [timed.start, timed.end]) if (c !== null) extra.set(c, headers.get(c)!);
    timed.start = timed.end = null;
  }

  const attributeColumns = new Set<number>([
    ...Object.values(roles),
    ...(step === null ? [] : [step]),
    ...levels.map((l) => l.column),
    ...[timed.timing, timed.start, timed.end, timed.followUp].filter((c) => c !== null),
  ]);
  const isCandidate = (c: number): boolean => !periodColumns.has(c) && !attributeColumns.has(c);
  // A table has no timeline: nothing lies between its label and its first period.
  const firstPeriod = periodColumns.size === 0 ? grid.right + 1 : Math.min(...periodColumns);

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
    if (c === label || c === step || attributeColumns.has(c) || extra.has(c)) continue;
    extra.set(c, h);
  }
  // Unheaded text right of the label, before the timeline: an indented outline's lines (a table has none).
  if (shape === "grid") {
    for (let c = label + 1; c < firstPeriod; c++) {
      if (isCandidate(c) && c !== step && !headers.has(c) && textsIn(c) > 0) freeText.push(c);
    }
  }
  return { label, step, levels, ...timed, roles, extra, freeText, headers };
}
