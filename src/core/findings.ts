import { z } from "zod/mini";

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
  activityId: z.optional(z.string()),
});
export type Finding = z.infer<typeof FindingSchema>;

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.rule.localeCompare(b.rule) || compareCells(a.cell, b.cell);
}

/**
 * Where a `'Sheet'!C5` address's cell part starts, and its row number, read back from the end without a regex
 * (summaries and flags sort tens of thousands of cells). `start` is -1 when the text does not end in a cell.
 */
function cellEnd(address: string): { start: number; digits: number; row: number } {
  let i = address.length;
  let row = 0;
  let scale = 1;
  while (i > 0) {
    const d = address.charCodeAt(i - 1) - 48;
    if (d < 0 || d > 9) break;
    row += d * scale;
    scale *= 10;
    i--;
  }
  const digits = i;
  while (i > 0) {
    const c = address.charCodeAt(i - 1);
    if (c < 65 || c > 90) break;
    i--;
  }
  const ok = digits < address.length && i < digits && i > 0 && address.charCodeAt(i - 1) === 33; // "!"
  return { start: ok ? i : -1, digits, row };
}

/**
 * A number that orders `'Sheet'!C5` style addresses as compareCells does (row, then column), for sorting many
 * cells without comparing texts; -1 when the text does not end in a cell of at most three column letters.
 */
export function cellOrder(address: string): number {
  const p = cellEnd(address);
  const letters = p.digits - p.start;
  if (p.start < 0 || letters > 3 || p.row > 1e9) return -1;
  let column = 0;
  for (let i = p.start; i < p.digits; i++) column = column * 26 + (address.charCodeAt(i) - 64);
  return p.row * 20_000 + column;
}

/** Orders `'Sheet'!C5` style addresses by row, then column. */
export function compareCells(a: string, b: string): number {
  if (a === b) return 0;
  const pa = cellEnd(a);
  const pb = cellEnd(b);
  if (pa.start < 0 || pb.start < 0) return a.localeCompare(b);
  if (pa.row !== pb.row) return pa.row - pb.row;
  // Column letters: fewer letters first (Z before AA), then alphabetical.
  const la = pa.digits - pa.start;
  const lb = pb.digits - pb.start;
  if (la !== lb) return la - lb;
  const ca = a.slice(pa.start, pa.digits);
  const cb = b.slice(pb.start, pb.digits);
  return ca < cb ? -1 : ca > cb ? 1 : 0;
}
