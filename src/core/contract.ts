import { z } from "zod/mini";
import { FindingSchema } from "./findings";
import { ActivitySchema, BlockSchema, GoalSchema, PlanLevelSchema, PlanStandardsSchema, ScheduledMarkSchema, TheoryOfActionSchema } from "./plan";
import { marksByActivity, MarkStatusSchema } from "./status";
import { SummarySchema } from "./summary";
import type { SheetReport } from "./analyze";
import { ChangesSchema } from "./history/changes";

/**
 * The JSON document the command line prints with `--json` (docs/product.md, "The JSON contract"): the plan with
 * every mark's status as of the day, the findings and the summary. One schema defines it.
 */
export const DocumentMarkSchema = z.extend(ScheduledMarkSchema, {
  status: MarkStatusSchema,
  dueSoon: z.boolean(),
});

export const DocumentActivitySchema = z.extend(ActivitySchema, {
  schedule: z.array(DocumentMarkSchema),
});

export const SheetDocumentSchema = z.object({
  name: z.string(),
  plan: z.object({
    sheet: z.string(),
    startMonth: z.int(),
    goals: z.array(GoalSchema),
    levels: z.array(PlanLevelSchema),
    blocks: z.array(BlockSchema),
    activities: z.array(DocumentActivitySchema),
    theory: z.optional(TheoryOfActionSchema),
    standards: z.optional(PlanStandardsSchema),
  }),
  findings: z.array(FindingSchema),
  summary: SummarySchema,
  /** What changed since a review the workbook's history keeps (`status --since`); absent otherwise. */
  changes: z.optional(ChangesSchema),
});
export type SheetDocument = z.infer<typeof SheetDocumentSchema>;

export const SkippedSheetSchema = z.object({ name: z.string(), reason: z.string() });

/** One file: the sheet's document at the top level when one sheet holds a timeline, else `sheets[]`. */
export const FileDocumentSchema = z.union([
  z.extend(SheetDocumentSchema, { file: z.string(), skipped: z.array(SkippedSheetSchema) }),
  z.object({ file: z.string(), sheets: z.array(SheetDocumentSchema), skipped: z.array(SkippedSheetSchema) }),
]);
export type FileDocument = z.infer<typeof FileDocumentSchema>;

export function sheetDocument(report: SheetReport): SheetDocument {
  // Each activity's marks with their status, by the activity's place in the plan.
  const statusOf = marksByActivity(report.status, report.plan.activities.length);
  return {
    name: report.sheet,
    plan: {
      ...report.plan,
      activities: report.plan.activities.map((a, position) => ({
        ...a,
        schedule: a.schedule.map((mark, i) => {
          const s = statusOf[position]![i]!;
          return { ...mark, status: s.status, dueSoon: s.dueSoon };
        }),
      })),
    },
    findings: report.findings,
    summary: report.summary,
  };
}

export function fileDocument(file: string, reports: SheetReport[], skipped: { name: string; reason: string }[]): FileDocument {
  const docs = reports.map(sheetDocument);
  if (docs.length === 1) return { file, ...docs[0]!, skipped };
  return { file, sheets: docs, skipped };
}
