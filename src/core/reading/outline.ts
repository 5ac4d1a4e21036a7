import { endsMidSentence, hasUntidySpace, isBullet, joinWrapped, startsLowerCase, stripBullet } from "../label-text";
import type { SheetGrid } from "../grid";
import { hierarchyOf } from "./levels";

/**
 * Outlines (docs/product.md, "Plans that are not grids", seeds 001 and 004): goals, objectives and strategies with
 * their statements, descriptions and notes, and under them lists of action steps and obstacles, one line a row.
 */

/** One line of an outline: a row's first text cell. */
export interface OutlineLine {
  row: number;
  column: number;
  text: string;
}

export interface OutlineLevel {
  level: string;
  /** The level as a path names it: its heading with its statement (`Goal #1: Maintain ...`). */
  text: string;
  row: number;
  column: number;
  /** The levels above it, outermost first. */
  path: OutlineLevel[];
  description: string[];
  notes: string[];
  obstacles: string[];
}

export interface OutlineStep {
  /** Its number in the list (`3`), if it has one. */
  number: string | null;
  lines: string[];
  subItems: string[];
  /** Where its text starts. */
  row: number;
  column: number;
  /** Every row it takes (its number's line, its text, its sub-items). */
  rows: number[];
  path: OutlineLevel[];
}

export interface Outline {
  levels: OutlineLevel[];
  steps: OutlineStep[];
  /** Lines before the first level: the plan's own title and goal statements. */
  preamble: OutlineLine[];
}

/** `Action Steps`, `Activities:` ...: the start of a list of steps. A lone `#` is a pasted column header. */
const STEPS_OPENER = /^(action steps?|action items?|activities|steps|actions|tasks|milestones)\s*:?$/i;
const OBSTACLES_OPENER = /^(obstacles?|barriers?|challenges?|potential obstacles?)\s*:?$/i;
const COLUMN_HEADER = /^(#|no\.?|step)$/i;
const NUMBER_ALONE = /^\(?(\d{1,3})[.)]?$/;
const NUMBERED = /^\(?(\d{1,3})[.)]\s+(\S.*)$/;
const BULLET_ALONE = /^[-\u2022\u2023\u25e6\u2043\u2219\u25aa\u25cf\u00b7*\u2013\u2014]$/;
const NOTE = /^(connections? to\b|\(.*\)$)/i;

/**
 * Each row's line: its first text cell, spaces tidied, and where it is (every column up to `before`). A number
 * alone on its row is a line of its own (a pasted list's number); a number beside text on the same row is that text's
 * number (`3. Review ...`).
 */
export function outlineLines(grid: SheetGrid, top: number, bottom: number, before = grid.right + 1): OutlineLine[] {
  const lines: OutlineLine[] = [];
  for (let r = top; r <= bottom; r++) {
    let number: { text: string; column: number } | null = null;
    for (let c = grid.left; c < before; c++) {
      const v = grid.own(r, c);
      if (typeof v === "number" && Number.isInteger(v) && number === null) {
        number = { text: String(v), column: c };
        continue;
      }
      const text = typeof v === "string" ? v.trim() : "";
      if (text === "") continue;
      const tidy = hasUntidySpace(text) ? text.replace(/\s+/g, " ") : text;
      lines.push({ row: r, column: c, text: number === null ? tidy : `${number.text}. ${tidy}` });
      number = null;
      break;
    }
    if (number !== null) lines.push({ row: r, column: number.column, text: number.text });
  }
  return lines;
}

/**
 * Whether a sheet's lines read as an outline: a level line, with the marks of a pasted list (a number or a bullet
 * alone on its line before the text, an `Action Steps` or `Obstacles:` line), leaving out timeline header rows. A
 * numbered list of names is not a plan; nor is a grid whose rows only have goal lines among them. Read from the
 * cells themselves: on a grid, no line is made.
 */
export function isOutline(grid: SheetGrid, top: number, bottom: number, before: number, headerRows: ReadonlySet<number>): boolean {
  let levels = false;
  let marks = false;
  /** The line before was a number or a bullet alone: a mark of a list when the next line is not another number. */
  let alone = false;
  for (let r = top; r <= bottom && !(levels && marks); r++) {
    if (headerRows.has(r)) continue;
    const t = firstText(grid, r, before);
    if (t === null) continue;
    const number = NUMBER_ALONE.test(t);
    if (alone && !number) marks = true;
    alone = number || BULLET_ALONE.test(t);
    if (alone) continue;
    if (STEPS_OPENER.test(t) || OBSTACLES_OPENER.test(t)) marks = true;
    else if (!levels && levelOf(t)) levels = true;
  }
  return levels && marks;
}

/** A row's first text cell, trimmed (or a whole number alone on the row), left of `before`; null for an empty row. */
function firstText(grid: SheetGrid, row: number, before: number): string | null {
  const values = grid.rowValues(row);
  let number: string | null = null;
  for (let i = 0; i < values.length && grid.left + i < before; i++) {
    const v = values[i];
    if (typeof v === "number" && Number.isInteger(v) && number === null) number = String(v);
    else if (typeof v === "string" && v.trim() !== "") return number === null ? v.trim() : `${number}. ${v.trim()}`;
  }
  return number;
}

function levelOf(text: string): { level: string; bare: boolean } | null {
  const h = hierarchyOf(isBullet(text) ? stripBullet(text) : text);
  return h && !h.leaf ? { level: h.level, bare: h.bare } : null;
}

/** Reads outline lines into levels and steps. */
export function readOutline(lines: OutlineLine[]): Outline {
  const levels: OutlineLevel[] = [];
  const steps: OutlineStep[] = [];
  const preamble: OutlineLine[] = [];
  let path: OutlineLevel[] = [];
  /** What lines mean now: a level's statement and notes, a list of steps, a list of obstacles. */
  let mode: "level" | "steps" | "obstacles" = "level";
  let awaitingStatement: OutlineLevel | null = null;
  let step: OutlineStep | null = null;
  /** A step whose line ends in a colon ("The PLP team will:"): the bullets after it are its sub-items. */
  let colonStep: OutlineStep | null = null;
  /** A number or bullet alone on its line: the next line is the text of a new step (or of a sub-item, after a colon). */
  let pending: { number: string | null; row: number } | null = null;
  let numbered = false;

  const current = (): OutlineLevel | undefined => path[path.length - 1];
  const startStep = (number: string | null, line: OutlineLine, text: string, rows: number[]): OutlineStep => {
    const s: OutlineStep = { number, lines: [text], subItems: [], row: line.row, column: line.column, rows: [...rows, line.row], path };
    steps.push(s);
    numbered = number !== null;
    colonStep = text.endsWith(":") ? s : null;
    return s;
  };

  for (const line of lines) {
    const t = line.text;
    const level = levelOf(t);
    if (level) {
      const heading = isBullet(t) ? stripBullet(t) : t;
      const parentIndex = path.findIndex((p) => p.level === level.level);
      const parents = parentIndex >= 0 ? path.slice(0, parentIndex) : path;
      const node: OutlineLevel = { level: level.level, text: heading, row: line.row, column: line.column, path: parents, description: [], notes: [], obstacles: [] };
      levels.push(node);
      path = [...parents, node];
      awaitingStatement = level.bare ? node : null;
      mode = "level";
      step = colonStep = pending = null;
      continue;
    }
    if (COLUMN_HEADER.test(t)) continue;
    if (STEPS_OPENER.test(t)) {
      mode = "steps";
      awaitingStatement = step = colonStep = pending = null;
      continue;
    }
    if (OBSTACLES_OPENER.test(t)) {
      mode = "obstacles";
      awaitingStatement = step = colonStep = pending = null;
      continue;
    }
    if (awaitingStatement && !NUMBER_ALONE.test(t) && !BULLET_ALONE.test(t) && !isBullet(t) && !NOTE.test(t)) {
      const node = awaitingStatement;
      node.text = `${node.text.replace(/\s*:$/, "")}: ${t}`;
      awaitingStatement = null;
      continue;
    }
    awaitingStatement = null;

    if (mode === "obstacles") {
      const owner = current();
      if (BULLET_ALONE.test(t) || !owner) continue;
      const text = isBullet(t) ? stripBullet(t) : t;
      const last = owner.obstacles.length - 1;
      if (last >= 0 && !isBullet(t) && (startsLowerCase(t) || endsMidSentence(owner.obstacles[last]!))) owner.obstacles[last] = joinWrapped(owner.obstacles[last]!, text);
      else owner.obstacles.push(text);
      continue;
    }

    const alone = NUMBER_ALONE.exec(t);
    if (alone && (mode === "steps" || path.length > 0)) {
      pending = { number: alone[1]!, row: line.row };
      colonStep = null;
      mode = "steps";
      continue;
    }
    if (BULLET_ALONE.test(t) && (mode === "steps" || path.length > 0)) {
      pending = { number: null, row: line.row };
      mode = "steps";
      continue;
    }
    if (pending) {
      const rows = [pending.row];
      if (colonStep && pending.number === null) {
        colonStep.subItems.push(t);
        colonStep.rows.push(...rows, line.row);
        step = colonStep;
      } else step = startStep(pending.number, line, t, rows);
      pending = null;
      continue;
    }
    const prefixed = NUMBERED.exec(t);
    if (prefixed && (mode === "steps" || path.length > 0)) {
      step = startStep(prefixed[1]!, line, prefixed[2]!, []);
      mode = "steps";
      continue;
    }
    if (isBullet(t) && (mode === "steps" || path.length > 0)) {
      const text = stripBullet(t);
      if (colonStep) {
        colonStep.subItems.push(text);
        colonStep.rows.push(line.row);
      } else step = startStep(null, line, text, []);
      mode = "steps";
      continue;
    }
    if (mode === "steps") {
      // In a numbered list every line up to the next number is the step's: its wrapped text, or a sub-item when
      // it reads as a sentence of its own. In a list of plain lines, such a line is a step of its own.
      const last = step === null ? null : step.subItems.length > 0 ? step.subItems[step.subItems.length - 1]! : step.lines[step.lines.length - 1]!;
      const wrapped = last !== null && (startsLowerCase(t) || endsMidSentence(last));
      if (step && last !== null && (wrapped || numbered || colonStep === step)) {
        if (wrapped && step.subItems.length > 0) step.subItems[step.subItems.length - 1] = joinWrapped(last, t);
        else if (wrapped) step.lines.push(t);
        else step.subItems.push(t);
        step.rows.push(line.row);
        if (t.endsWith(":")) colonStep = step;
      } else step = startStep(null, line, t, []);
      continue;
    }
    const owner = current();
    if (!owner) {
      preamble.push(line);
      continue;
    }
    if (NOTE.test(t)) owner.notes.push(t);
    else owner.description.push(t);
  }
  return { levels, steps: steps.filter((s) => s.lines.some((l) => l !== "")), preamble };
}
