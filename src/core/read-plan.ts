import { a1, columnLetters, localCell, quoteSheet } from "./address";
import { blockColumns, type BlockColumns } from "./columns";
import { dateFromExcelSerial, dayNumberOfIso, isoDate, parseIsoDate, schoolYearLabel, schoolYearOf, type IsoDate } from "./dates";
import { compareCells, type Finding } from "./findings";
import { isDateFormat, isErrorValue, isPercentFormat, SheetGrid, type CellValue, type Grid } from "./grid";
import { endsMidSentence, excerpt, hasUntidySpace, isBullet, joinWrapped, looksLikeFormula, startsLowerCase, stripBullet, words } from "./label-text";
import { markVocabulary, statusOverride, type CellMark, type MarkState, type MarkVocabulary } from "./marks";
import { findSchoolYear, needsYear, type PeriodLabel } from "./period-label";
import { datePeriods, type Period } from "./periods";
import type { Activity, Block, Goal, Plan, ScheduledMark } from "./plan";
import { resolveSettings, type Settings, type SettingsInput } from "./settings";
import { findTimelineHeaders, type TimelineHeader } from "./timeline-header";

export interface ReadOptions {
  settings?: SettingsInput;
  /** The day the reader takes as today, for a school year nothing else names (YYYY-MM-DD). */
  today: IsoDate;
}

export interface ReadResult {
  plan: Plan;
  findings: Finding[];
}

/** Turns one sheet's grid into a structured plan, with findings for what it could not read cleanly. */
export function readPlan(grid: Grid, options: ReadOptions): ReadResult {
  const settings = resolveSettings(options.settings);
  const sheet = new SheetGrid(grid);
  const reader = new PlanReader(sheet, settings, options.today);
  return reader.read();
}

const LEVEL_WORDS =
  "strategic priority|priority area|priority|focus area|goal|objective|strategy|initiative|outcome|pillar|action step|action item";

const HIERARCHY = new RegExp(
  `^(${LEVEL_WORDS})\\b\\s*(#\\s*)?([0-9]+(?:\\.[0-9]+)*[a-z]?|[A-Z](?![a-z])|[IVX]+(?![a-z]))?\\s*([:.)\u2013\u2014-]\\s*|$)`,
  "i",
);

/**
 * A numbered level followed by its statement without a colon: `Goal #2 Continue to revise ...`,
 * `Strategy 1.1 Identify ...`. Only a number counts here (a letter could be the statement's first word).
 */
const NUMBERED_LEVEL = new RegExp(`^(${LEVEL_WORDS})\\s*(#\\s*)?([0-9]+(?:\\.[0-9]+)*)\\s+\\S`, "i");

/** A sub-heading row inside a block that only repeats what the label column holds. */
const REPEATED_HEADER = /^(action steps?|activities( and milestones)?|milestones|tasks|steps|actions|activity)\s*:?$/i;

interface Hierarchy {
  level: string;
  /** An action step is a leaf: the row is an activity, not a level of the path. */
  leaf: boolean;
  /** The row is only the heading (`Goal #2`, `Objective 3:`), its statement not on the same line. */
  bare: boolean;
}

/** The first word of each level name: a label starting with any other word names no level. */
const LEVEL_FIRST_WORDS = [...new Set(LEVEL_WORDS.split("|").map((w) => w.split(" ")[0]!))];

/**
 * Whether the label starts with the first word of a level name, whatever its case ("Goal", "STRATEGY"), and that
 * word ends there. Compared in place by character: this runs for every row of a plan.
 */
function startsWithLevelWord(text: string): boolean {
  let end = 0;
  while (end < text.length) {
    const c = text.charCodeAt(end) | 0x20;
    if (c < 97 || c > 122) break;
    end++;
  }
  for (const word of LEVEL_FIRST_WORDS) {
    if (word.length !== end) continue;
    let i = 0;
    while (i < end && (text.charCodeAt(i) | 0x20) === word.charCodeAt(i)) i++;
    if (i === end) return true;
  }
  return false;
}

function levelName(word: string): string {
  const lower = word.toLowerCase();
  return lower === "action item" ? "action step" : lower;
}

function hierarchyOf(text: string): Hierarchy | null {
  if (!startsWithLevelWord(text)) return null;
  const m = HIERARCHY.exec(text);
  if (m) {
    const hasId = m[3] !== undefined;
    const hasColon = /[:.)\u2013\u2014-]/.test(m[4] ?? "");
    const bare = text.trim().length === m[0].trim().length;
    if (hasId || hasColon || bare) return { level: levelName(m[1]!), leaf: levelName(m[1]!) === "action step", bare };
  }
  const n = NUMBERED_LEVEL.exec(text);
  if (n) return { level: levelName(n[1]!), leaf: levelName(n[1]!) === "action step", bare: false };
  return null;
}

interface CellRead {
  row: number;
  column: number;
  mark: CellMark;
  /** The mark is a filled cell without text (a Gantt bar). */
  fill: boolean;
}

interface RowRead {
  row: number;
  label: string;
  labelColumn: number;
  /** The row is inside a label merged down from an earlier row. */
  mergedBelow: boolean;
  cells: readonly CellRead[];
  hasMarks: boolean;
  /** Columns outside the timeline whose cell shows an error value. */
  errors: readonly number[];
  /** Columns outside the timeline, with no header, that hold an X. */
  strays: readonly number[];
}

/** The levels above a run of rows; their texts and cells are worked out once, for every activity under them. */
interface PathLevels {
  levels: Draft[];
  texts?: string[];
  cells?: string[];
}

const NO_LEVELS: PathLevels = { levels: [], texts: [], cells: [] };

interface Draft {
  kind: "activity" | "level";
  firstRow: number;
  labelColumn: number;
  lines: string[];
  subItems: string[];
  rows: number[];
  /** The goal, objective or strategy lines above it, outermost first (shared by the drafts under the same levels). */
  path: PathLevels;
  /** A level's text and cell, worked out once for all the activities under it. */
  joined?: string;
  cellAddress?: string;
}

/** Marks by period start, then by cell: for a schedule whose columns are not in time order. */
function inTimeOrder(schedule: ScheduledMark[]): ScheduledMark[] {
  return schedule.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : compareCells(a.cell, b.cell)));
}

/** The draft each row of a block belongs to, from the rows the drafts hold; worked out only when rows without text need placing. */
class RowOwners {
  private readonly drafts: (Draft | undefined)[] = [];

  constructor(
    private readonly firstRow: number,
    drafts: Draft[],
  ) {
    for (const draft of drafts) for (const row of draft.rows) this.set(row, draft);
  }

  get(row: number): Draft | undefined {
    return row < this.firstRow ? undefined : this.drafts[row - this.firstRow];
  }

  set(row: number, draft: Draft): void {
    while (this.drafts.length < row - this.firstRow) this.drafts.push(undefined);
    this.drafts[row - this.firstRow] = draft;
  }
}

/** A block's timeline columns: the period of each, and whether every column has a period of its own. */
interface Timeline {
  byColumn: Map<number, Period>;
  onePeriodPerColumn: boolean;
}

/** The empty list of columns a row without errors or stray marks shares (never added to). */
const NONE: readonly number[] = [];
const NO_CELLS: readonly CellRead[] = [];

class PlanReader {
  private readonly findings: Finding[] = [];
  private readonly vocab: MarkVocabulary;

  constructor(
    private readonly grid: SheetGrid,
    private readonly settings: Settings,
    private readonly today: IsoDate,
  ) {
    this.sheetPrefix = `${quoteSheet(grid.sheet)}!`;
    this.idPrefix = `${grid.sheet}!`;
    this.vocab = markVocabulary(settings.markWords);
  }

  private add(finding: Finding): void {
    this.findings.push(finding);
  }

  private readonly sheetPrefix: string;
  /** What an activity's id starts with: `Sheet!` (its row follows). */
  private readonly idPrefix: string;
  /** Each column's `'Sheet'!C`, made once. */
  private readonly columnPrefixes: string[] = [];
  /** Each activity's draft, in the order of plan.activities: its label cell (firstRow, labelColumn) is where a fix states what the cell holds. */
  private readonly labelCells: Draft[] = [];
  /** Where readRow gathers a row's cells. */
  private readonly rowCells: CellRead[] = [];

  /** `'Sheet'!C5`; the sheet's quoted name and the column letters are put together once for each column. */
  private cell(row: number, column: number): string {
    const prefix = (this.columnPrefixes[column] ??= this.sheetPrefix + columnLetters(column));
    return prefix + (row + 1);
  }

  read(): ReadResult {
    const g = this.grid;
    const headers = g.rowCount > 0 && g.columnCount > 0 ? findTimelineHeaders(g) : [];
    const plan: Plan = { sheet: g.sheet, startMonth: this.settings.startMonth, goals: [], blocks: [], activities: [] };
    if (headers.length === 0) {
      this.add({
        rule: "no-timeline",
        severity: "error",
        message:
          `No timeline found on sheet "${g.sheet}": the add-in looks for a row with three or more periods ` +
          `(months such as July, August, September; school years such as 23-24, 24-25; or Q1, Q2, Q3). ` +
          `Put the periods in one row above the marks, one period to a column.`,
        cell: this.cell(g.top, g.left),
      });
      return { plan, findings: this.findings };
    }

    const tops = headers.map((h) => h.groupRow ?? h.row);
    const titles = headers.map((h, i) => this.findTitle(tops[i]!, i === 0 ? g.top - 1 : headers[i - 1]!.row, h));
    plan.goals = this.readGoals(g.top, tops[0]! - 1);

    let firstSchoolYear: number | null = null;
    headers.forEach((header, i) => {
      const nextTop = i + 1 < headers.length ? (titles[i + 1]?.row ?? tops[i + 1]!) : g.bottom + 1;
      let lastRow = nextTop - 1;
      while (lastRow > header.row && g.isRowEmpty(lastRow)) lastRow--;
      const block = this.readBlock(plan, header, i, titles[i] ?? null, lastRow, firstSchoolYear);
      if (firstSchoolYear === null) firstSchoolYear = block.firstSchoolYear;
    });
    this.dropStrayLines(plan);
    return { plan, findings: this.findings };
  }

  /** The nearest text above a header: one text cell in a row, with no marks, not glued to the block above. */
  private findTitle(top: number, floor: number, header: TimelineHeader): { row: number; column: number; text: string } | null {
    const g = this.grid;
    let r = top - 1;
    while (r > floor && g.isRowEmpty(r)) r--;
    if (r <= floor) return null;
    const texts: { column: number; text: string }[] = [];
    for (let c = g.left; c <= g.right; c++) {
      const v = g.own(r, c);
      if (v === null || (typeof v === "string" && v.trim() === "")) continue;
      if (typeof v !== "string") return null;
      texts.push({ column: c, text: v.trim() });
    }
    if (texts.length !== 1) return null;
    const only = texts[0]!;
    const periodColumns = new Set(header.columns);
    if (periodColumns.has(only.column) && only.text.length <= 3) return null;
    const separated = r - 1 <= floor || g.isRowEmpty(r - 1) || floor < g.top;
    const beside = only.column !== g.left;
    if (!separated && !beside) return null;
    return { row: r, column: only.column, text: only.text };
  }

  private readGoals(from: number, to: number): Goal[] {
    const goals: Goal[] = [];
    for (let r = from; r <= to; r++) {
      for (let c = this.grid.left; c <= this.grid.right; c++) {
        const text = this.grid.text(r, c);
        if (text.length < 12 || !this.grid.isAnchor(r, c)) continue;
        const by = /\bby\s+(?:(?:the\s+end\s+of|june|spring|fall|summer|december)\s+)?((?:19|20)\d{2})\b/i.exec(text);
        goals.push({ text, cell: this.cell(r, c), targetYear: by ? Number(by[1]) : null });
      }
    }
    return goals;
  }

  /** The school year a block's periods are dated from, and where that came from. */
  private schoolYearFor(
    header: TimelineHeader,
    title: string | null,
    earlier: number | null,
  ): { year: number; source: Block["schoolYearSource"] } {
    const { startMonth } = this.settings;
    for (const label of header.labels) {
      if (label.kind === "date" || (label.kind === "month" && label.year !== undefined)) {
        return { year: schoolYearOf({ year: label.year!, month: label.month, day: 1 }, startMonth), source: "header" };
      }
      if (label.kind === "school-year") return { year: label.schoolYear, source: "header" };
      if ((label.kind === "quarter" || label.kind === "semester" || label.kind === "trimester") && label.schoolYear !== undefined)
        return { year: label.schoolYear, source: "header" };
      if (label.kind === "season" && label.year !== undefined)
        return { year: schoolYearOf({ year: label.year, month: 9, day: 1 }, startMonth), source: "header" };
    }
    const group = header.groupYears.find((y) => y !== null);
    if (group) return { year: group.year, source: "header" };
    const fromTitle = title ? findSchoolYear(title) : null;
    if (fromTitle !== null) return { year: fromTitle, source: "title" };
    const fromSheet = findSchoolYear(this.grid.sheet);
    if (fromSheet !== null) return { year: fromSheet, source: "sheet-name" };
    if (this.settings.schoolYear !== null) return { year: this.settings.schoolYear, source: "settings" };
    if (earlier !== null && header.labels.every((l) => l.kind === "year-number")) return { year: earlier, source: "title" };
    const today = parseIsoDate(this.today)!;
    return { year: schoolYearOf(today, startMonth), source: "assumed" };
  }

  private readBlock(
    plan: Plan,
    header: TimelineHeader,
    index: number,
    title: { row: number; column: number; text: string } | null,
    lastRow: number,
    earlierSchoolYear: number | null,
  ): { firstSchoolYear: number } {
    const g = this.grid;
    const sy = this.schoolYearFor(header, title?.text ?? null, earlierSchoolYear);
    const spans = datePeriods(header.labels, header.groupYears, { schoolYear: sy.year, startMonth: this.settings.startMonth }, sy.year);
    const periods: Period[] = spans.map((s, i) => {
      const column = header.columns[i]!;
      const p: Period = { label: s.label, kind: s.kind, start: s.start, end: s.end, cell: this.cell(header.row, column), column };
      if (g.isColumnHidden(column)) p.hidden = true;
      return p;
    });
    const headerCell = this.cell(header.row, header.columns[0]!);
    if (sy.source === "assumed" && header.labels.some((l) => labelNeedsSchoolYear(l))) {
      this.add({
        rule: "school-year-assumed",
        severity: "warning",
        message:
          `Nothing says which school year the timeline starting at ${a1(header.row, header.columns[0]!)} is, so it is read as ` +
          `${schoolYearLabel(sy.year)} (the current school year). Put the school year in a title above the timeline ` +
          `(for example "Plan ${schoolYearLabel(sy.year)}") or set it in the add-in's settings.`,
        cell: headerCell,
      });
    }
    this.checkPeriodOrder(periods);

    // A header cell merged across several columns (a month over its weeks) names the period of each of them.
    const byColumn = new Map<number, Period>();
    header.columns.forEach((column, i) => {
      const area = g.merge(header.row, column);
      const next = header.columns[i + 1] ?? g.right + 1;
      const last = area ? Math.min(area.right, g.right, next - 1) : column;
      for (let c = column; c <= last; c++) byColumn.set(c, periods[i]!);
    });
    const timelineColumns = [...byColumn.keys()].sort((a, b) => a - b);
    // Each column its own period, and no two periods the same: no two marks of a row can fall on one period.
    const distinctSpans = new Set(periods.map((p) => `${p.start}/${p.end}`));
    const onePeriodPerColumn = byColumn.size === periods.length && distinctSpans.size === periods.length;
    const periodColumns = new Set(timelineColumns);
    const firstRow = header.row + 1;
    const columns = blockColumns(g, header.row, header.groupRow, periodColumns, firstRow, lastRow);
    const block: Block = {
      index,
      title: title?.text ?? null,
      titleCell: title ? this.cell(title.row, title.column) : null,
      headerCell,
      headerRow: header.row + 1,
      lastRow: Math.max(lastRow, header.row) + 1,
      kind: periods[0]!.kind,
      periods,
      labelColumn: columnLetters(columns.label),
      columns: Object.fromEntries([
        ...Object.entries(columns.roles).map(([role, c]) => [role, columnLetters(c)]),
        ...(columns.step === null ? [] : [["step", columnLetters(columns.step)]]),
      ]),
      schoolYear: sy.year,
      schoolYearSource: sy.source,
    };
    plan.blocks.push(block);

    const attributeColumns = new Set<number>([columns.label, ...columns.freeText, ...Object.values(columns.roles), ...columns.extra.keys()]);
    if (columns.step !== null) attributeColumns.add(columns.step);
    const outside: { column: number; headed: boolean }[] = [];
    for (let c = g.left; c <= g.right; c++) if (!periodColumns.has(c)) outside.push({ column: c, headed: attributeColumns.has(c) });
    const rows = new Array<RowRead>(Math.max(0, lastRow - firstRow + 1));
    for (let r = firstRow; r <= lastRow; r++) rows[r - firstRow] = this.readRow(r, columns, timelineColumns, outside);
    const drafts = this.groupRows(rows, title);
    const timeline: Timeline = { byColumn, onePeriodPerColumn };
    for (const draft of drafts) {
      if (draft.kind !== "activity") continue;
      plan.activities.push(this.buildActivity(draft, rows, firstRow, columns, timeline, index));
    }
    this.checkMarksOutsideTimeline(rows);
    return { firstSchoolYear: sy.year };
  }

  private checkPeriodOrder(periods: Period[]): void {
    for (let i = 1; i < periods.length; i++) {
      const prev = periods[i - 1]!;
      const cur = periods[i]!;
      if (cur.start === prev.start) {
        this.add({
          rule: "period-repeated",
          severity: "warning",
          message: `The timeline names ${cur.label} twice (${localCell(prev.cell)} and ${localCell(cur.cell)}). Marks under either column count for the same period; remove or rename one column.`,
          cell: cur.cell,
        });
      } else if (cur.start < prev.start) {
        this.add({
          rule: "periods-out-of-order",
          severity: "warning",
          message: `${cur.label} (${localCell(cur.cell)}) comes after ${prev.label} (${localCell(prev.cell)}) in the timeline but is earlier in time. Put the periods in order so the plan reads left to right.`,
          cell: cur.cell,
        });
      } else if (cur.kind === "school-year" && prev.kind === "school-year") {
        const gap = dayNumberOfIso(cur.start) - dayNumberOfIso(prev.end);
        if (gap > 1) {
          this.add({
            rule: "school-years-not-consecutive",
            severity: "warning",
            message: `The timeline jumps from ${prev.label} (${localCell(prev.cell)}) to ${cur.label} (${localCell(cur.cell)}): a school year is missing between them. Add the missing year's column, or check the header.`,
            cell: cur.cell,
          });
        }
      }
    }
  }

  private readRow(row: number, columns: BlockColumns, periodColumns: number[], outside: { column: number; headed: boolean }[]): RowRead {
    const g = this.grid;
    let label = "";
    let labelColumn = columns.label;
    let mergedBelow = false;
    for (let i = -1; i < columns.freeText.length; i++) {
      const c = i < 0 ? columns.label : columns.freeText[i]!;
      if (g.anchorRow(row, c) !== row) {
        if (c === columns.label && g.text(row, c) !== "") mergedBelow = true;
        continue;
      }
      const v = g.own(row, c);
      if (typeof v === "number" && c === columns.label) {
        label = String(v);
        labelColumn = c;
        break;
      }
      const t = g.text(row, c);
      if (t !== "" && !isErrorValue(t)) {
        label = hasUntidySpace(t) ? t.replace(/\s+/g, " ") : t;
        labelColumn = c;
        break;
      }
    }

    // The row's cells are gathered in one list kept for every row, then copied at their number: a list grown
    // by push would hold room for 16 cells, for the two or three marks of most rows.
    const found = this.rowCells;
    let count = 0;
    let hasMarks = false;
    let background: string | null | undefined;
    const fills = g.hasFills();
    // Without merges or fills, an empty cell holds nothing: most of a timeline is skipped before any lookup.
    const plain = !fills && !g.hasMerges() ? g.rowValues(row) : null;
    for (const c of periodColumns) {
      if (plain && (plain[c - g.left] ?? null) === null) continue;
      if (g.anchorRow(row, c) !== row) continue; // a merge from the row above counts once, on its first row
      const v = g.value(row, c);
      if (v === null && !fills) continue;
      let mark = this.vocab.read(v, g.format(row, c));
      let fill = false;
      if (mark.kind === "empty" && fills) {
        if (background === undefined) background = this.rowBackground(row, periodColumns, columns.label);
        const f = g.fill(row, c);
        if (f !== null && f !== background) {
          mark = { kind: "mark", state: "planned", text: "", lookalike: false };
          fill = true;
        }
      }
      if (mark.kind === "empty") continue;
      if (mark.kind === "mark" || mark.kind === "split-top" || mark.kind === "split-bottom") hasMarks = true;
      found[count++] = { row, column: c, mark, fill };
    }
    const cells = count === 0 ? NO_CELLS : found.slice(0, count);

    // One pass over the other columns: error values, and X's in columns the timeline does not name.
    // Most rows have neither: they share one empty list.
    let errors: number[] | null = null;
    let strays: number[] | null = null;
    for (const { column, headed } of outside) {
      const v = g.own(row, column);
      if (v === null || typeof v !== "string") continue;
      if (isErrorValue(v)) {
        if (g.anchorRow(row, column) === row) (errors ??= []).push(column);
      } else if (!headed && v.length <= 3 && g.anchorRow(row, column) === row) {
        const m = this.vocab.read(v, null);
        if (m.kind === "mark" && m.state === "planned" && m.text.length <= 2) (strays ??= []).push(column);
      }
    }
    return { row, label, labelColumn, mergedBelow, cells, hasMarks, errors: errors ?? NONE, strays: strays ?? NONE };
  }

  /**
   * The fill a row's empty timeline cells share (banding): no fill when any has none. A bar can cover most of
   * a banded row's timeline and outnumber the banded cells, so when the label cell carries one of the fills
   * (banding runs across the whole row), that fill is the background; else the most common one is.
   */
  private rowBackground(row: number, periodColumns: number[], labelColumn: number): string | null {
    const counts = new Map<string, number>();
    for (const c of periodColumns) {
      if (!this.grid.isEmpty(row, c)) continue;
      const f = this.grid.fill(row, c);
      if (f === null) return null;
      counts.set(f, (counts.get(f) ?? 0) + 1);
    }
    const labelFill = this.grid.fill(row, labelColumn);
    if (labelFill !== null && counts.has(labelFill)) return labelFill;
    let best: string | null = null;
    let bestCount = 0;
    for (const [f, n] of counts) if (n > bestCount) [best, bestCount] = [f, n];
    return bestCount > 1 || counts.size === 1 ? best : null;
  }

  /** Groups rows into activities and path levels: wrapped lines, bullets, rows of marks without text. */
  private groupRows(rows: RowRead[], title: { row: number; column: number; text: string } | null): Draft[] {
    const drafts: Draft[] = [];
    const path: { level: string; draft: Draft }[] = [];
    const titleLevel = title ? hierarchyOf(title.text) : null;
    if (title && titleLevel) {
      // A title that names a level ("Goal 1: ...") heads the path of every activity below it; it sits at its own cell.
      const titleDraft: Draft = { kind: "level", firstRow: title.row, labelColumn: title.column, lines: [title.text], subItems: [], rows: [], path: NO_LEVELS };
      path.push({ level: titleLevel.level, draft: titleDraft });
    }
    // The path as the drafts record it: one object while the path stays the same.
    let levels: PathLevels | null = null;
    const pathNow = (): PathLevels => (levels ??= path.length === 0 ? NO_LEVELS : { levels: path.map((p) => p.draft) });
    let current: Draft | null = null;
    let lastLine = "";
    let bareHeading: Draft | null = null;
    const loose: RowRead[] = [];

    for (const row of rows) {
      if (row.label === "") {
        if (row.mergedBelow && current) {
          current.rows.push(row.row);
        } else if (row.hasMarks || row.cells.length > 0) {
          loose.push(row);
        }
        continue;
      }
      if (!row.hasMarks && REPEATED_HEADER.test(row.label)) continue;
      const level = hierarchyOf(row.label);
      const bullet = isBullet(row.label);
      // A heading alone on its row ("Goal #2") takes the next unmarked line as its statement (seed 001).
      const heading = bareHeading;
      bareHeading = null;
      if (heading && heading === current && !level && !row.hasMarks && !bullet) {
        heading.lines.push(row.label);
        heading.rows.push(row.row);
        lastLine = row.label;
        continue;
      }
      const continues =
        current !== null &&
        !level &&
        (startsLowerCase(row.label) || bullet || endsMidSentence(lastLine));
      if (continues && current) {
        if (bullet && current.kind !== "activity") {
          // A bullet under a goal or strategy line is an activity of its own, starting on this row.
          current = this.startDraft(drafts, "activity", row, stripBullet(row.label), pathNow());
        } else {
          if (bullet) current.subItems.push(stripBullet(row.label));
          else if (current.subItems.length > 0) {
            const i = current.subItems.length - 1;
            current.subItems[i] = joinWrapped(current.subItems[i]!, row.label);
          } else current.lines.push(row.label);
          current.rows.push(row.row);
        }
        lastLine = row.label;
        continue;
      }
      if (level && !level.leaf) {
        // The path changes twice: the levels this one replaces go, then it comes in under the rest.
        while (path.length > 0 && path.some((p) => p.level === level.level)) path.pop();
        levels = null;
        const levelDraft = this.startDraft(drafts, row.hasMarks ? "activity" : "level", row, row.label, pathNow());
        path.push({ level: level.level, draft: levelDraft });
        levels = null;
        current = levelDraft;
        if (level.bare && levelDraft.kind === "level") bareHeading = levelDraft;
      } else {
        if (!current && (startsLowerCase(row.label) || bullet)) {
          this.add({
            rule: "orphan-continuation",
            severity: "warning",
            message: `"${excerpt(row.label)}" (${a1(row.row, row.labelColumn)}) looks like the rest of a wrapped line (it starts ${bullet ? "with a bullet" : "in lower case"}), but no activity comes before it. It is read as an activity of its own; join it to the line it belongs to, or capitalize it.`,
            cell: this.cell(row.row, row.labelColumn),
          });
        }
        current = this.startDraft(drafts, "activity", row, bullet ? stripBullet(row.label) : row.label, pathNow());
      }
      lastLine = row.label;
    }

    if (loose.length > 0) this.placeLooseRows(loose, new RowOwners(rows[0]!.row, drafts), rows);
    return drafts;
  }

  private startDraft(drafts: Draft[], kind: Draft["kind"], row: RowRead, text: string, path: PathLevels): Draft {
    const draft: Draft = {
      kind,
      firstRow: row.row,
      labelColumn: row.labelColumn,
      lines: [text],
      subItems: [],
      rows: [row.row],
      path,
    };
    drafts.push(draft);
    return draft;
  }

  /** A row with marks but no text belongs to the activity whose lines it touches. */
  private placeLooseRows(loose: RowRead[], owner: RowOwners, rows: RowRead[]): void {
    const byRow = new Map(rows.map((r) => [r.row, r]));
    for (const row of loose) {
      const above = owner.get(row.row - 1);
      const below = owner.get(row.row + 1);
      const next = byRow.get(row.row + 1);
      // An X on a line of its own directly above a "^" is the top of a split X: it belongs with the "^".
      const joinsBelow =
        below !== undefined &&
        next !== undefined &&
        row.cells.some((cell) =>
          next.cells.some((n) => n.column === cell.column && n.mark.kind === "split-bottom" && (cell.mark.kind === "mark" || cell.mark.kind === "split-top")),
        );
      let target: Draft | undefined = joinsBelow ? below : (above ?? below);
      if (target && target.kind !== "activity") target = undefined;
      if (!target) {
        if (row.hasMarks) {
          this.add({
            rule: "marks-without-activity",
            severity: "warning",
            message: `Row ${row.row + 1} has marks but no activity text, and no activity is on the row above or below it. Its marks are not counted; put them on the activity's row.`,
            cell: this.cell(row.row, row.cells[0]!.column),
          });
        }
        continue;
      }
      target.rows.push(row.row);
      target.rows.sort((a, b) => a - b);
      owner.set(row.row, target);
    }
  }

  private buildActivity(
    draft: Draft,
    rows: RowRead[],
    firstRow: number,
    columns: BlockColumns,
    timeline: Timeline,
    blockIndex: number,
  ): Activity {
    const g = this.grid;
    const lines = joinLines(draft.lines);
    const text = draft.subItems.length === 0 ? lines : [lines, ...draft.subItems.map((s) => `- ${s}`)].join("\n");
    const id = this.idPrefix + (draft.firstRow + 1);
    for (const r of draft.rows) {
      for (const c of rows[r - firstRow]?.errors ?? NONE) {
        const header = columns.headers.get(c);
        this.add({
          rule: "error-value",
          severity: "error",
          message: `${a1(r, c)} shows the error ${String(g.own(r, c))}${header ? ` in the "${header}" column` : ""}. Fix the formula or the value it refers to.`,
          cell: this.cell(r, c),
          activityId: id,
        });
      }
    }

    this.labelCells.push(draft);
    this.checkFormulaLike(draft, id);

    const status = this.attribute(draft, columns.roles.status);
    const override = status ? statusOverride(status) : null;
    const schedule = this.scheduleOf(draft, rows, firstRow, timeline, id, override);
    const attributes: Record<string, string> = {};
    for (const [c, header] of columns.extra) {
      const v = this.attribute(draft, c);
      if (v !== null) attributes[header] = v;
    }
    return {
      id,
      text,
      path: (draft.path.texts ??= draft.path.levels.map((level) => this.levelText(level))),
      pathCells: (draft.path.cells ??= draft.path.levels.map((level) => this.levelCell(level))),
      owner: this.attribute(draft, columns.roles.owner),
      status,
      step: this.attribute(draft, columns.step),
      evidence: this.attribute(draft, columns.roles.evidence),
      resources: this.attribute(draft, columns.roles.resources),
      notes: this.attribute(draft, columns.roles.notes),
      attributes,
      subItems: draft.subItems,
      block: blockIndex,
      cell: this.cell(draft.firstRow, draft.labelColumn),
      rows: draft.rows.map((r) => r + 1),
      schedule,
    };
  }

  /** What an activity's rows hold in an attribute column, joined; null when the column is absent or empty. */
  private attribute(draft: Draft, column: number | undefined | null): string | null {
    if (column === undefined || column === null) return null;
    const g = this.grid;
    let text: string | null = null;
    for (const r of draft.rows) {
      if (g.anchorRow(r, column) !== r) continue;
      const v = g.value(r, column);
      if (v === null || isErrorValue(v)) continue;
      const s = attributeText(v, g.format(r, column), g.date1904);
      if (s !== "") text = text === null ? s : `${text} ${s}`;
    }
    return text;
  }

  /** A path level's text (its wrapped lines joined) and cell. */
  private levelText(level: Draft): string {
    return (level.joined ??= joinLines(level.lines));
  }

  private levelCell(level: Draft): string {
    return (level.cellAddress ??= this.cell(level.firstRow, level.labelColumn));
  }

  /**
   * An activity whose first line starts with =, +, - or @: typed or pasted again, a spreadsheet reads it as a
   * formula. Checked on the label cell itself, so the fix rewrites that cell from what it holds (a wrapped
   * activity's other lines stay where they are). A line that started with a bullet "-" was read as a bullet. The
   * fix drops the sign and starts the text with a capital: a bullet or a lower-case start would make the line
   * read as part of the activity above it.
   */
  private checkFormulaLike(draft: Draft, id: string): void {
    const first = draft.lines[0] ?? "";
    if (!looksLikeFormula(first)) return;
    const held = this.grid.text(draft.firstRow, draft.labelColumn);
    const cell = this.cell(draft.firstRow, draft.labelColumn);
    const where = a1(draft.firstRow, draft.labelColumn);
    const sign = first.trim()[0]!;
    const rest = held.replace(/^[=+\-@\s]+/, "");
    const mended = rest.charAt(0).toUpperCase() + rest.slice(1);
    this.add({
      rule: "formula-like-label",
      severity: "info",
      message:
        `The text "${excerpt(first, 40)}" (${where}) starts with "${sign}", which a spreadsheet reads as the start of a formula if it is typed or pasted again ` +
        `(it turns into a calculation or #NAME?). The add-in writes it as text; in your sheet, start it with a word instead of the "${sign}".`,
      cell,
      activityId: id,
      ...(mended === "" || held === ""
        ? {}
        : { fix: { description: `Remove the "${sign}" at the start of ${where}`, edits: [{ cell, value: mended, before: held }] } }),
    });
  }

  /** The activity's marks, column by column: split X's joined, repeats counted once, the rest reported. */
  private scheduleOf(
    draft: Draft,
    rows: RowRead[],
    firstRow: number,
    { byColumn, onePeriodPerColumn }: Timeline,
    id: string,
    override: "done" | "cancelled" | null,
  ): ScheduledMark[] {
    if (onePeriodPerColumn && draft.rows.length === 1) {
      const plain = this.plainSchedule(rows[draft.rows[0]! - firstRow]?.cells ?? NO_CELLS, byColumn, override);
      if (plain) return plain;
    }
    // The activity's cells column by column, top to bottom within a column. A one-row activity's cells are in
    // column order already.
    let all: readonly CellRead[];
    if (draft.rows.length === 1) {
      all = rows[draft.rows[0]! - firstRow]?.cells ?? NO_CELLS;
    } else {
      const cells: CellRead[] = [];
      for (const r of draft.rows) {
        const row = rows[r - firstRow];
        if (row) for (const cell of row.cells) cells.push(cell);
      }
      all = cells.sort((a, b) => a.column - b.column || a.row - b.row);
    }
    const schedule: ScheduledMark[] = [];
    const lookalikes: CellRead[] = [];
    // Marks under two columns that name the same period (a repeated header) are one scheduled period.
    const perPeriod: { period: Period; found: { cells: CellRead[]; state: MarkState; text: string }[] }[] = [];
    for (let from = 0; from < all.length; ) {
      const column = all[from]!.column;
      let to = from + 1;
      while (to < all.length && all[to]!.column === column) to++;
      const period = byColumn.get(column)!;
      let entry: (typeof perPeriod)[number] | undefined;
      for (const e of perPeriod) {
        if (e.period.start === period.start && e.period.end === period.end) {
          entry = e;
          break;
        }
      }
      if (!entry) {
        entry = { period, found: [] };
        perPeriod.push(entry);
      }
      const found = entry.found;
      for (let i = from; i < to; i++) {
        const cur = all[i]!;
        const next = i + 1 < to ? all[i + 1] : undefined;
        const adjacent = next !== undefined && next.row === cur.row + 1;
        const m = cur.mark;
        if (m.kind === "split-top" && adjacent && (next.mark.kind === "mark" || next.mark.kind === "split-bottom")) {
          const state = next.mark.kind === "mark" ? next.mark.state : "planned";
          const text = next.mark.kind === "mark" ? next.mark.text : "X";
          if (next.mark.kind === "mark" && next.mark.lookalike) lookalikes.push(next);
          found.push({ cells: [cur, next], state, text });
          this.splitFinding(cur, next, id);
          i++;
        } else if (m.kind === "mark" && adjacent && next.mark.kind === "split-bottom") {
          if (m.lookalike) lookalikes.push(cur);
          found.push({ cells: [cur, next], state: m.state, text: m.text });
          this.splitFinding(cur, next, id);
          i++;
        } else if (m.kind === "mark") {
          if (m.lookalike) lookalikes.push(cur);
          found.push({ cells: [cur], state: m.state, text: m.text });
        } else if (m.kind === "error") {
          this.add({
            rule: "error-value",
            severity: "error",
            message: `${a1(cur.row, cur.column)} (${period.label}) shows the error ${m.text}, so it cannot be read as a mark. Fix the formula or clear the cell.`,
            cell: this.cell(cur.row, cur.column),
            activityId: id,
          });
        } else if (m.kind === "split-top" || m.kind === "split-bottom" || m.kind === "unknown") {
          this.add({
            rule: "unrecognized-mark",
            severity: "warning",
            message:
              `${a1(cur.row, cur.column)} (${period.label}) holds "${excerpt(m.text, 30)}", which is not a mark the add-in knows, so it is not counted. ` +
              `Use X for planned, \u2713 or "done" for done, "in progress", or "cancelled"; or add the word to the mark words in the settings.`,
            cell: this.cell(cur.row, cur.column),
            activityId: id,
          });
        }
      }
      from = to;
    }
    for (const { period, found } of perPeriod) {
      if (found.length === 0) continue;
      const first = found[0]!;
      const textRepeat = found.find((f, i) => i > 0 && !f.cells.every((c) => c.fill));
      if (textRepeat) {
        this.add({
          rule: "repeated-mark",
          severity: "info",
          message:
            `The activity "${excerpt(draft.lines[0] ?? "")}" is marked ${found.length} times under ${period.label} ` +
            `(${found.map((f) => a1(f.cells[0]!.row, f.cells[0]!.column)).join(", ")}); it counts once. Keep one mark and clear the others.`,
          cell: this.cell(textRepeat.cells[0]!.row, textRepeat.cells[0]!.column),
          activityId: id,
        });
      }
      const cellsOf: string[] = [];
      for (const f of found) for (const c of f.cells) cellsOf.push(this.cell(c.row, c.column));
      schedule.push({
        start: period.start,
        end: period.end,
        period: period.label,
        cell: cellsOf[0]!,
        cells: cellsOf,
        mark: first.text,
        state: override ?? first.state,
      });
    }
    if (lookalikes.length > 0) this.lookalikeFinding(lookalikes, id);
    // Columns left to right are usually periods in time order already.
    let ordered = true;
    for (let i = 1; i < schedule.length && ordered; i++) ordered = schedule[i - 1]!.start < schedule[i]!.start;
    return ordered ? schedule : inTimeOrder(schedule);
  }

  /**
   * The schedule of a one-row activity whose cells are all plain marks (not split, not lookalikes), each under a
   * period of its own: most activities. Null when any cell needs the full reading.
   */
  private plainSchedule(cells: readonly CellRead[], byColumn: Map<number, Period>, override: "done" | "cancelled" | null): ScheduledMark[] | null {
    for (const { mark } of cells) if (mark.kind !== "mark" || mark.lookalike) return null;
    // At its size: a list grown by push holds room for 16 marks.
    const schedule = new Array<ScheduledMark>(cells.length);
    for (let i = 0; i < cells.length; i++) {
      const { row, column, mark } = cells[i]!;
      const period = byColumn.get(column)!;
      const cell = this.cell(row, column);
      // Every cell is a mark (checked above): the test only tells the compiler so.
      const { text, state } = mark.kind === "mark" ? mark : { text: "", state: "planned" as const };
      schedule[i] = { start: period.start, end: period.end, period: period.label, cell, cells: [cell], mark: text, state: override ?? state };
    }
    for (let i = 1; i < schedule.length; i++) if (schedule[i - 1]!.start >= schedule[i]!.start) return inTimeOrder(schedule);
    return schedule;
  }

  private splitFinding(top: CellRead, bottom: CellRead, id: string): void {
    const topText = top.mark.kind === "empty" ? "" : top.mark.text;
    const bottomText = bottom.mark.kind === "empty" ? "" : bottom.mark.text;
    this.add({
      rule: "split-mark",
      severity: "info",
      message: `"${topText}" in ${a1(top.row, top.column)} and "${bottomText}" in ${a1(bottom.row, bottom.column)} read as one X split over two lines (as a paste from a PDF leaves it). It counts once.`,
      cell: this.cell(top.row, top.column),
      activityId: id,
      fix: {
        description: `Put one X in ${a1(top.row, top.column)} and clear ${a1(bottom.row, bottom.column)}`,
        edits: [
          { cell: this.cell(top.row, top.column), value: "X", before: topText },
          { cell: this.cell(bottom.row, bottom.column), value: null, before: bottomText },
        ],
      },
    });
  }

  private lookalikeFinding(cells: CellRead[], id: string): void {
    const first = cells[0]!;
    const where = cells.map((c) => a1(c.row, c.column));
    const glyphs = [...new Set(cells.map((c) => (c.mark.kind === "mark" ? c.mark.text : "")))];
    const alphabets = glyphs.map((g) => (/[\u0400-\u04ff]/.test(g) ? "Cyrillic" : "Greek"));
    this.add({
      rule: "lookalike-mark",
      severity: "info",
      message:
        `${where.length === 1 ? `${where[0]} holds` : `${where.join(", ")} hold`} ${[...new Set(alphabets)].join(" and ")} ` +
        `${glyphs.map((g) => `"${g}"`).join(", ")}, which look${glyphs.length === 1 ? "s" : ""} like X but ${glyphs.length === 1 ? "is" : "are"} another letter: ` +
        `the add-in counts ${where.length === 1 ? "it" : "them"}, but a formula such as COUNTIF(..., "X") does not.`,
      cell: this.cell(first.row, first.column),
      activityId: id,
      fix: {
        description: `Replace with a Latin X`,
        edits: cells.map((c) => {
          const glyph = c.mark.kind === "mark" ? c.mark.text : "";
          return { cell: this.cell(c.row, c.column), value: glyph === glyph.toLowerCase() ? "x" : "X", before: glyph };
        }),
      },
    });
  }

  /** An X in a column the timeline does not name (past its last period, or between blocks of columns). */
  private checkMarksOutsideTimeline(rows: RowRead[]): void {
    for (const row of rows) {
      for (const c of row.strays) {
        const text = String(this.grid.own(row.row, c)).trim();
        this.add({
          rule: "mark-outside-timeline",
          severity: "warning",
          message: `${a1(row.row, c)} holds "${text}" but column ${columnLetters(c)} has no period in the timeline header, so it is not counted. Add the period to the header or move the mark.`,
          cell: this.cell(row.row, c),
        });
      }
    }
  }

  /** What the label cell of plan.activities[index] holds, as a fix's `before` (the activity's text has its whitespace tidied). */
  private heldText(index: number, a: Activity): string {
    const at = this.labelCells[index];
    return at ? this.grid.text(at.firstRow, at.labelColumn) : a.text;
  }

  /**
   * A one-line activity with no marks, right above an activity that starts with nearly the same words, is a
   * stray line left by a paste (seed 000, line 43): it is reported and not counted.
   */
  private dropStrayLines(plan: Plan): void {
    const keep: Activity[] = [];
    const acts = plan.activities;
    for (let i = 0; i < acts.length; i++) {
      const a = acts[i]!;
      const b = acts[i + 1];
      if (b && a.block === b.block && isStrayCopy(a, b)) {
        this.add({
          rule: "stray-line",
          severity: "warning",
          message:
            `Row ${a.rows[0]} ("${excerpt(a.text)}") repeats the start of row ${b.rows[0]} and has no marks: it looks like a stray ` +
            `line left by a paste. It is not counted as an activity. Delete it if it is not meant to be there.`,
          cell: a.cell,
          activityId: a.id,
          fix: { description: `Clear ${localCell(a.cell)}`, edits: [{ cell: a.cell, value: null, before: this.heldText(i, a) }] },
        });
        continue;
      }
      keep.push(a);
    }
    plan.activities = keep;
  }
}

/** A draft's wrapped lines as one text (most drafts have one line). */
function joinLines(lines: string[]): string {
  let text = lines[0] ?? "";
  for (let i = 1; i < lines.length; i++) text = joinWrapped(text, lines[i]!);
  return text;
}

/** An attribute cell as the sheet shows it: percentages as `50%`, dates as `2023-12-15`, not as bare numbers. */
function attributeText(value: CellValue, format: string | null, date1904: boolean): string {
  if (typeof value === "number") {
    if (isPercentFormat(format)) return `${Math.round(value * 100)}%`;
    if (isDateFormat(format)) {
      const d = dateFromExcelSerial(value, date1904);
      if (d) return isoDate(d.year, d.month, d.day);
    }
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value).trim();
}

/** A label whose dates depend on the school year: a month or quarter without a year, or "Year 2". */
function labelNeedsSchoolYear(label: PeriodLabel): boolean {
  return needsYear(label) || label.kind === "year-number";
}

function isStrayCopy(a: Activity, b: Activity): boolean {
  if (a.schedule.length > 0 || a.rows.length !== 1 || a.subItems.length > 0 || a.owner !== null) return false;
  if (b.rows[0]! !== a.rows[0]! + 1) return false;
  const wa = words(a.text);
  const wb = words(b.text);
  if (wa.length < 4) return false;
  let common = 0;
  while (common < wa.length && common < wb.length && wa[common] === wb[common]) common++;
  return common >= 4 && common >= wa.length - 1 && common < wb.length;
}
