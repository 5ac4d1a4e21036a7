import { joinWrapped } from "../label-text";

/** The levels above a run of rows; their texts and cells are worked out once, for every activity under them. */
export interface PathLevels {
  levels: Draft[];
  texts?: string[];
  cells?: string[];
}

export const NO_LEVELS: PathLevels = { levels: [], texts: [], cells: [] };

/** An activity or a level of the plan as its rows are gathered: its lines, bullets and rows. */
export interface Draft {
  kind: "activity" | "level";
  firstRow: number;
  labelColumn: number;
  lines: string[];
  subItems: string[];
  rows: number[];
  /** The goal, objective or strategy lines above it, outermost first (shared by the drafts under the same levels). */
  path: PathLevels;
  /** A level's text, worked out once for all the activities under it. */
  joined?: string;
}

/** A draft's wrapped lines as one text. */
export function joinLines(lines: string[]): string {
  let text = lines[0] ?? "";
  for (let i = 1; i < lines.length; i++) text = joinWrapped(text, lines[i]!);
  return text;
}
