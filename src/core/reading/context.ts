import { columnLetters, quoteSheet } from "../address";
import type { Finding } from "../findings";
import type { SheetGrid } from "../grid";
import type { IsoDate } from "../dates";
import type { Settings } from "../settings";
import { markVocabulary, type MarkVocabulary } from "./marks";

/**
 * What every part of the reader shares while it reads one sheet: the grid, the settings, the mark vocabulary, the
 * findings so far, and the sheet's cell addresses.
 */
export class ReadContext {
  readonly findings: Finding[] = [];
  readonly vocabulary: MarkVocabulary;
  /** What an activity's id starts with: `Sheet!` (its row follows). */
  readonly idPrefix: string;
  private readonly sheetPrefix: string;
  /** Each column's `'Sheet'!C`, made once. */
  private readonly columnPrefixes: string[] = [];

  constructor(
    readonly grid: SheetGrid,
    readonly settings: Settings,
    /** The day taken as today, for a school year nothing else names. */
    readonly today: IsoDate,
  ) {
    this.sheetPrefix = `${quoteSheet(grid.sheet)}!`;
    this.idPrefix = `${grid.sheet}!`;
    this.vocabulary = markVocabulary(settings.markWords);
  }

  add(finding: Finding): void {
    this.findings.push(finding);
  }

  /** `'Sheet'!C5` for a 0-based row and column. */
  cell(row: number, column: number): string {
    const prefix = (this.columnPrefixes[column] ??= this.sheetPrefix + columnLetters(column));
    return prefix + (row + 1);
  }
}
