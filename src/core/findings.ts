import { z } from "zod";

export const SeveritySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof SeveritySchema>;

/** A change to one cell that would fix a finding: applied only when the user asks. */
export const CellEditSchema = z.object({
  cell: z.string(),
  /** The new value, written as text; null clears the cell. */
  value: z.string().nullable(),
  /** What the cell held when the finding was made: a host refuses the edit if the cell has changed since. */
  before: z.string().nullable(),
});
export type CellEdit = z.infer<typeof CellEditSchema>;

export const FixSchema = z.object({
  description: z.string(),
  edits: z.array(CellEditSchema).min(1),
});
export type Fix = z.infer<typeof FixSchema>;

export const FindingSchema = z.object({
  rule: z.string(),
  severity: SeveritySchema,
  message: z.string(),
  cell: z.string(),
  fix: FixSchema.optional(),
  activityId: z.string().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.rule.localeCompare(b.rule) || compareCells(a.cell, b.cell);
}

const CELL_END = /!([A-Z]+)(\d+)$/;

/** Orders `'Sheet'!C5` style addresses by row, then column. */
export function compareCells(a: string, b: string): number {
  if (a === b) return 0;
  const pa = CELL_END.exec(a);
  const pb = CELL_END.exec(b);
  if (!pa || !pb) return a.localeCompare(b);
  return Number(pa[2]) - Number(pb[2]) || pa[1]!.length - pb[1]!.length || pa[1]!.localeCompare(pb[1]!);
}
