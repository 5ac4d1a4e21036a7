import { z } from "zod/mini";
import { PeriodKindSchema, PeriodSchema } from "./periods";
import { StandardsEditionSchema } from "./standards";

/** What a mark says: planned, done, in progress or cancelled (by the mark itself or its row's status). */
export const MarkStateSchema = z.enum(["planned", "done", "in-progress", "cancelled"]);
export type MarkState = z.infer<typeof MarkStateSchema>;

/** One scheduled period of an activity: where its mark is and what the mark says. */
export const ScheduledMarkSchema = z.object({
  start: z.string(),
  end: z.string(),
  /** The period as a planner names it: `Jan 2024`, `2023-24`, `Q2 2025-26`. */
  period: z.string(),
  /** The mark's cell: `'Sheet'!C5`. */
  cell: z.string(),
  /** Every cell that makes up the mark (two for an X split over two lines). */
  cells: z.array(z.string()).check(z.minLength(1)),
  /** The mark as typed (`X`, `Х`, `✓`, `50%`), or "" for a filled Gantt cell; for timing written in words, the timing cell's text. */
  mark: z.string(),
  state: MarkStateSchema,
  /** Timing in words that names a frequency ("Monthly", "Twice a year"): the frequency, lower case. */
  frequency: z.optional(z.string()),
  /** Timing in words that names a deadline ("By June 2026"): the entry is the period named, due then. */
  deadline: z.optional(z.boolean()),
});
export type ScheduledMark = z.infer<typeof ScheduledMarkSchema>;

/** The Standards for Professional Learning an activity's `Standard(s)` cell names (docs/product.md, "The rest of a plan"). */
export const ActivityStandardsSchema = z.object({
  /** The cell's text as written. */
  text: z.string(),
  cell: z.string(),
  /** The standards of the plan's edition it names, as Learning Forward names them, in the cell's order. */
  names: z.array(z.string()),
});
export type ActivityStandards = z.infer<typeof ActivityStandardsSchema>;

export const ActivitySchema = z.object({
  id: z.string(),
  text: z.string(),
  /** The goals, objectives or strategies the activity sits under, outermost first. */
  path: z.array(z.string()),
  /** The cell of each level of the path (the goal row, the strategy row; a block title's cell), outermost first. */
  pathCells: z.array(z.string()),
  owner: z.nullable(z.string()),
  /** The row's reported status (status column), as typed. */
  status: z.nullable(z.string()),
  step: z.nullable(z.string()),
  evidence: z.nullable(z.string()),
  resources: z.nullable(z.string()),
  notes: z.nullable(z.string()),
  /** Other headed columns, by header. */
  attributes: z.record(z.string(), z.string()),
  /** Bulleted lines under the activity. */
  subItems: z.array(z.string()),
  /** In an action-plan table: the timing as written ("Aug-May", "By June 2026"; Start and End as "start – end"). */
  timing: z.optional(z.string()),
  /** Where the block has a `Standard(s)` column and the activity's cell there holds text. */
  standards: z.optional(ActivityStandardsSchema),
  block: z.int().check(z.nonnegative()),
  /** The activity's first cell (its label). */
  cell: z.string(),
  /** Sheet rows (1-based) the activity spans. */
  rows: z.array(z.int().check(z.positive())),
  schedule: z.array(ScheduledMarkSchema),
});
export type Activity = z.infer<typeof ActivitySchema>;

/**
 * How a block is laid out (docs/product.md): a month-by-month grid (a timeline header, marks under its periods), an
 * action-plan table (a header row naming columns, timing written in words), or an outline (goals, objectives and
 * numbered steps in one column).
 */
export const BlockShapeSchema = z.enum(["grid", "table", "outline"]);
export type BlockShape = z.infer<typeof BlockShapeSchema>;

export const BlockSchema = z.object({
  index: z.int().check(z.nonnegative()),
  shape: BlockShapeSchema,
  title: z.nullable(z.string()),
  titleCell: z.nullable(z.string()),
  /** The header row's first cell: a grid's first period, a table's first column; an outline's first line. */
  headerCell: z.string(),
  headerRow: z.int().check(z.positive()),
  /** Last sheet row (1-based) of the block. */
  lastRow: z.int().check(z.positive()),
  /** What the timeline's periods are (months, school years, quarters ...); null for a block without period columns. */
  kind: z.nullable(PeriodKindSchema),
  periods: z.array(PeriodSchema),
  labelColumn: z.string(),
  /**
   * Columns found by their header, as letters: owner, status, evidence, resources, notes, step; in tables also
   * timing, start, end, follow-up, and the level columns (goal, objective, strategy ...).
   */
  columns: z.record(z.string(), z.string()),
  /** The school year the block's periods or timing are dated from, and where it came from. */
  schoolYear: z.int(),
  schoolYearSource: z.enum(["header", "title", "sheet-name", "settings", "timing", "assumed"]),
});
export type Block = z.infer<typeof BlockSchema>;

export const GoalSchema = z.object({
  text: z.string(),
  cell: z.string(),
  /** The year in "By 2028, ...", if the goal names one. */
  targetYear: z.nullable(z.int()),
});
export type Goal = z.infer<typeof GoalSchema>;

/** An expected outcome a plan states for a level ("Overarching Expected Outcome", "Year 1: ..."). */
export const OutcomeSchema = z.object({ label: z.string(), text: z.string(), cell: z.string() });
export type Outcome = z.infer<typeof OutcomeSchema>;

/**
 * A level of the plan (a goal, objective, strategy, priority ...) with what the plan says about it beyond its
 * activities: a description paragraph, notes ("Connections to ...", a parenthesised line), obstacles, outcomes.
 */
export const PlanLevelSchema = z.object({
  /** The level's name, lower case: goal, objective, strategy, priority, focus area, initiative ... */
  level: z.string(),
  /** The level as the activities' paths name it: `Goal #1: Maintain our professional learning focus ...`. */
  text: z.string(),
  cell: z.string(),
  /** The levels above it, outermost first. */
  path: z.array(z.string()),
  description: z.nullable(z.string()),
  /** Why the plan chose it: "Rationale/Evidence" (the state template). */
  rationale: z.nullable(z.string()),
  notes: z.array(z.string()),
  obstacles: z.array(z.string()),
  outcomes: z.array(OutcomeSchema),
});
export type PlanLevel = z.infer<typeof PlanLevelSchema>;

/** An activity that shares key words with a theory-of-action statement (in its text or its goals' and strategies' names). */
export const RelatedActivitySchema = z.object({
  id: z.string(),
  cell: z.string(),
  /** The key words they share, as the statement writes them. */
  words: z.array(z.string()),
});
export type RelatedActivity = z.infer<typeof RelatedActivitySchema>;

/** One statement of a theory of action: IF (condition) THEN (result), or (condition) so that (result). */
export const TheoryStatementSchema = z.object({
  /** How the plan can name it: its theme and its place in the theme (`General 2`), or `Statement 3` without themes. */
  label: z.string(),
  /** The heading it sits under (`General`, `Motivation`, `Parents/Community`), if any. */
  theme: z.nullable(z.string()),
  condition: z.string(),
  result: z.string(),
  /** The statement as written (wrapped lines joined). */
  text: z.string(),
  cell: z.string(),
  /** The activities that carry it out (sharing key words with it), most words shared first. */
  activities: z.array(RelatedActivitySchema),
});
export type TheoryStatement = z.infer<typeof TheoryStatementSchema>;

/** A theory of action, on the plan's sheet or on a sheet of its own in the same workbook. */
export const TheoryOfActionSchema = z.object({
  statements: z.array(TheoryStatementSchema),
  /** Other lines of it that are not statements (a bullet list after the last one). */
  notes: z.array(z.string()),
});
export type TheoryOfAction = z.infer<typeof TheoryOfActionSchema>;

/** Which edition of the Standards for Professional Learning the plan's `Standard(s)` columns are read in. */
export const PlanStandardsSchema = z.object({
  edition: StandardsEditionSchema,
  /** The workbook's setting; the names the plan writes; or the current edition, 2022, when they match both as well. */
  source: z.enum(["settings", "names", "default"]),
  /** The first `Standard(s)` column's header cell. */
  cell: z.string(),
});
export type PlanStandards = z.infer<typeof PlanStandardsSchema>;

export const PlanSchema = z.object({
  sheet: z.string(),
  startMonth: z.int().check(z.minimum(1), z.maximum(12)),
  goals: z.array(GoalSchema),
  /** The plan's goals, objectives, strategies ... with what it says about each. */
  levels: z.array(PlanLevelSchema),
  blocks: z.array(BlockSchema),
  activities: z.array(ActivitySchema),
  /** Its theory of action, when the sheet or the workbook states one. */
  theory: z.optional(TheoryOfActionSchema),
  /** When a block has a `Standard(s)` column: the edition its names are read in. */
  standards: z.optional(PlanStandardsSchema),
});
export type Plan = z.infer<typeof PlanSchema>;
