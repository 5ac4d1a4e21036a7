import { z } from "zod/mini";
import { PeriodKindSchema, PeriodSchema } from "./periods";

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
  /** The mark as typed (`X`, `Х`, `✓`, `50%`), or "" for a filled Gantt cell. */
  mark: z.string(),
  state: MarkStateSchema,
});
export type ScheduledMark = z.infer<typeof ScheduledMarkSchema>;

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
  block: z.int().check(z.nonnegative()),
  /** The activity's first cell (its label). */
  cell: z.string(),
  /** Sheet rows (1-based) the activity spans. */
  rows: z.array(z.int().check(z.positive())),
  schedule: z.array(ScheduledMarkSchema),
});
export type Activity = z.infer<typeof ActivitySchema>;

export const BlockSchema = z.object({
  index: z.int().check(z.nonnegative()),
  title: z.nullable(z.string()),
  titleCell: z.nullable(z.string()),
  /** The timeline header row's first period cell. */
  headerCell: z.string(),
  headerRow: z.int().check(z.positive()),
  /** Last sheet row (1-based) of the block. */
  lastRow: z.int().check(z.positive()),
  kind: PeriodKindSchema,
  periods: z.array(PeriodSchema),
  labelColumn: z.string(),
  /** Attribute columns found by their header (owner, status, evidence, resources, notes, step), as letters. */
  columns: z.record(z.string(), z.string()),
  /** The school year the block's periods were dated from, and where it came from. */
  schoolYear: z.int(),
  schoolYearSource: z.enum(["header", "title", "sheet-name", "settings", "assumed"]),
});
export type Block = z.infer<typeof BlockSchema>;

export const GoalSchema = z.object({
  text: z.string(),
  cell: z.string(),
  /** The year in "By 2028, ...", if the goal names one. */
  targetYear: z.nullable(z.int()),
});
export type Goal = z.infer<typeof GoalSchema>;

export const PlanSchema = z.object({
  sheet: z.string(),
  startMonth: z.int().check(z.minimum(1), z.maximum(12)),
  goals: z.array(GoalSchema),
  blocks: z.array(BlockSchema),
  activities: z.array(ActivitySchema),
});
export type Plan = z.infer<typeof PlanSchema>;
