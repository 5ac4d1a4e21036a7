import { z } from "zod";

/** Words a workbook adds to the mark vocabulary, by the state they mean. */
export const MarkWordsSchema = z.object({
  planned: z.array(z.string()).default([]),
  done: z.array(z.string()).default([]),
  inProgress: z.array(z.string()).default([]),
  cancelled: z.array(z.string()).default([]),
});
export type MarkWords = z.infer<typeof MarkWordsSchema>;

/** What a workbook saves about how to read its plan. Every field is optional in storage. */
export const SettingsSchema = z.object({
  /** The school year the plan starts in, named by its first calendar year (2023 = 2023-24). */
  schoolYear: z.number().int().min(1990).max(2100).nullable().default(null),
  /** First month of the school year, 1-12. */
  startMonth: z.number().int().min(1).max(12).default(7),
  markWords: MarkWordsSchema.default({ planned: [], done: [], inProgress: [], cancelled: [] }),
  /** How many days ahead counts as "due soon". */
  dueSoonDays: z.number().int().min(1).max(366).default(30),
});
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

export function resolveSettings(input: SettingsInput | undefined): Settings {
  return SettingsSchema.parse(input ?? {});
}
