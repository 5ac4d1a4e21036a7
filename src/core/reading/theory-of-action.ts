import type { Grid } from "../grid";
import { isBullet, joinWrapped, stripBullet } from "../label-text";
import type { TheoryOfAction, TheoryStatement } from "../plan";
import type { ReadContext } from "./context";
import { hierarchyOf } from "./levels";
import type { OutlineLine } from "./outline";

/**
 * A theory of action (docs/product.md, "The rest of a plan"; seed 003): `IF ... THEN ...` statements (also `If we ...,
 * then ...`, and `... so that ...` under a "Theory of Action" heading), one a cell in one column, with `-` lines between
 * them as pasted from a document and theme headings above them ("General", "Motivation", "Parents/Community").
 *
 * A statement is a line of its own (nothing else in its row: an activity whose text starts with "If" has its marks,
 * owner or timing beside it). Two statements in a run, or one under a "Theory of Action" heading, make a theory of
 * action; between and around them only `-` lines, theme headings and, after the last statement, bulleted notes.
 */

const IF_THEN = /^if\b\s*([^]*?\S)[\s,;:]+then\b[\s,:]*([^]*\S)\s*$/i;
const SO_THAT = /^([^]*?\S)[\s,;]+so\s+that\b[\s,:]*([^]*\S)\s*$/i;
const IF_START = /^if\b/i;
const TITLE = /^(?:[\w.&'-]+\s+){0,3}theor(?:y|ies)\s+of\s+action\b[^.]{0,40}$/i;
const SEPARATOR = /^[-\u2022\u2013\u2014*]+$/;
/** A line's first characters that may start a theory of action: a quick test before anything else is done. */
const MAY_START = /^(?:[-\u2022*\u2013\u2014]\s*)?(?:if\b|(?:[\w.&'-]+\s+){0,3}theor(?:y|ies)\s+of\s+action)/i;
/** How many lines a statement may wrap over (IF on the first, THEN on a later one). */
const MOST_LINES = 5;

/** Whether a sheet may hold a theory of action: a row's first cell starts with "IF" or "Theory of action". */
export function mayHoldTheory(grid: Grid): boolean {
  for (const row of grid.values) {
    const first = row.find((v) => v !== null && v !== "");
    if (typeof first === "string" && MAY_START.test(first.trim())) return true;
  }
  return false;
}

/** A theory of action read from a sheet's lines, and the rows it takes (the plan's reader leaves them alone). */
export interface TheoryRead {
  theory: TheoryOfAction;
  rows: Set<number>;
}

interface Region {
  title: boolean;
  theme: string | null;
  statements: TheoryStatement[];
  notes: string[];
  rows: number[];
}

/** The theory of action in a sheet's lines (each row's first text cell), or null when they hold none. */
export function readTheoryOfAction(ctx: ReadContext, lines: readonly OutlineLine[]): TheoryRead | null {
  if (!lines.some((l) => MAY_START.test(l.text))) return null;
  const g = ctx.grid;
  const alone = (line: OutlineLine): boolean => {
    for (let c = g.left; c <= g.right; c++) if (c !== line.column && !g.isEmpty(line.row, c) && g.isAnchor(line.row, c)) return false;
    return true;
  };
  const body = (text: string): string => (isBullet(text) ? stripBullet(text) : text);
  const isSeparator = (i: number): boolean => SEPARATOR.test(lines[i]!.text) && alone(lines[i]!);
  const isTitle = (i: number): boolean => TITLE.test(body(lines[i]!.text)) && alone(lines[i]!);
  const isTheme = (i: number): boolean => {
    const t = lines[i]!.text;
    return t.length <= 60 && t.split(/\s+/).length <= 8 && /[a-z]/i.test(t) && !/[.!?]$/.test(t) && !isBullet(t) && !SEPARATOR.test(t) && !IF_START.test(t) && hierarchyOf(t) === null && alone(lines[i]!);
  };

  /** The statement starting at line i (a line of its own, or IF on one line and THEN on a later one): its last line. */
  const statementAt = (i: number, soThat: boolean): { statement: Omit<TheoryStatement, "label" | "theme">; last: number } | null => {
    const first = lines[i]!;
    let text = body(first.text);
    if (!IF_START.test(text)) {
      const m = soThat && alone(first) ? SO_THAT.exec(text) : null;
      return m ? { statement: made(m, text, first), last: i } : null;
    }
    for (let j = i; j < lines.length && j < i + MOST_LINES; j++) {
      if (j > i) {
        const t = lines[j]!.text;
        if (SEPARATOR.test(t) || IF_START.test(body(t)) || lines[j]!.row > lines[j - 1]!.row + 1) return null;
        text = joinWrapped(text, body(t));
      }
      const m = IF_THEN.exec(text);
      if (m) return lines.slice(i, j + 1).every(alone) ? { statement: made(m, text, first), last: j } : null;
    }
    return null;
  };
  const made = (m: RegExpExecArray, text: string, line: OutlineLine): Omit<TheoryStatement, "label" | "theme"> => ({
    condition: m[1]!.replace(/[\s,;:]+$/, ""),
    result: m[2]!,
    text,
    cell: ctx.cell(line.row, line.column),
    activities: [],
  });
  /** Whether the next line that is not a `-` line starts a statement. */
  const statementFollows = (i: number, soThat: boolean): boolean => {
    let j = i + 1;
    while (j < lines.length && isSeparator(j)) j++;
    return j < lines.length && statementAt(j, soThat) !== null;
  };

  const regions: Region[] = [];
  let region: Region | null = null;
  const close = (): void => {
    if (region && (region.statements.length >= 2 || (region.title && region.statements.length >= 1))) regions.push(region);
    region = null;
  };
  const open = (title: boolean): Region => ({ title, theme: null, statements: [], notes: [], rows: [] });

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const current: Region | null = region;
    if (current === null && !MAY_START.test(line.text)) continue;
    if (isTitle(i)) {
      close();
      region = open(true);
      region.rows.push(line.row);
      continue;
    }
    const found = statementAt(i, current?.title ?? false);
    if (found) {
      let r: Region = current ?? open(false);
      if (current === null) {
        // The theme heading and `-` lines just above the first statement are the theory's.
        let j = i - 1;
        while (j >= 0 && isSeparator(j)) r.rows.push(lines[j--]!.row);
        if (j >= 0 && isTheme(j)) {
          r.theme = themeName(lines[j]!.text);
          r.rows.push(lines[j]!.row);
        }
        region = r;
      }
      r = region!;
      if (r.notes.length > 0) {
        // A statement after the notes starts a theory of its own.
        close();
        region = r = open(false);
      }
      r.statements.push({ label: "", theme: r.theme, ...found.statement });
      for (let k = i; k <= found.last; k++) r.rows.push(lines[k]!.row);
      i = found.last;
      continue;
    }
    if (current === null) continue;
    if (isSeparator(i)) {
      current.rows.push(line.row);
    } else if (current.notes.length === 0 && isTheme(i) && statementFollows(i, current.title)) {
      current.theme = themeName(line.text);
      current.rows.push(line.row);
    } else if (current.statements.length > 0 && isBullet(line.text) && alone(line)) {
      current.notes.push(stripBullet(line.text));
      current.rows.push(line.row);
    } else {
      close();
    }
  }
  close();
  if (regions.length === 0) return null;

  const statements = regions.flatMap((r) => r.statements);
  const counts = new Map<string | null, number>();
  for (const s of statements) {
    const n = (counts.get(s.theme) ?? 0) + 1;
    counts.set(s.theme, n);
    s.label = `${s.theme ?? "Statement"} ${n}`;
  }
  return { theory: { statements, notes: regions.flatMap((r) => r.notes) }, rows: new Set(regions.flatMap((r) => r.rows)) };
}

function themeName(text: string): string {
  return text.replace(/\s*:$/, "");
}
