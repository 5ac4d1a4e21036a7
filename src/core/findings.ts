import { z } from "zod/mini";
import { compareCells } from "./address";

export const SeveritySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof SeveritySchema>;

/** A change to one cell that would fix a finding: applied only when the user asks. */
export const CellEditSchema = z.object({
  cell: z.string(),
  /** The new value, written as text; null clears the cell. */
  value: z.nullable(z.string()),
  /** What the cell held when the finding was made: a host refuses the edit if the cell has changed since. */
  before: z.nullable(z.string()),
});
export type CellEdit = z.infer<typeof CellEditSchema>;

export const FixSchema = z.object({
  description: z.string(),
  edits: z.array(CellEditSchema).check(z.minLength(1)),
});
export type Fix = z.infer<typeof FixSchema>;

export const FindingSchema = z.object({
  rule: z.string(),
  severity: SeveritySchema,
  message: z.string(),
  cell: z.string(),
  fix: z.optional(FixSchema),
  /** The plan setting that would resolve the finding, for a host to name its own way (the pane's Settings, a flag). */
  setting: z.optional(z.enum(["schoolYear", "markWords", "standardsEdition"])),
  /** Something the host can do about it on a click: add a timeline to a plan that has none. */
  offer: z.optional(z.enum(["add-timeline"])),
  activityId: z.optional(z.string()),
});
export type Finding = z.infer<typeof FindingSchema>;

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The order every host lists findings in (docs/product.md, "Validation: findings"): errors, warnings, then notes; by
 * rule; by cell in reading order. Rule names are lower-case words joined by hyphens, so comparing them character by
 * character is alphabetical, and no collator is started for it (the first `localeCompare` of a process takes 15 ms).
 */
export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || compareCells(a.cell, b.cell);
}
