import { z } from "zod/mini";
import { StandardsEditionSchema } from "./standards";

/** Words a workbook adds to the mark vocabulary, by the state they mean. */
export const MarkWordsSchema = z.object({
  planned: z._default(z.array(z.string()), []),
  done: z._default(z.array(z.string()), []),
  inProgress: z._default(z.array(z.string()), []),
  cancelled: z._default(z.array(z.string()), []),
});
export type MarkWords = z.infer<typeof MarkWordsSchema>;

/** What a workbook saves about how to read its plan. Every field is optional in storage. */
export const SettingsSchema = z.object({
  /** The school year the plan starts in, named by its first calendar year (2023 = 2023-24). */
  schoolYear: z._default(z.nullable(z.int().check(z.minimum(1990), z.maximum(2100))), null),
  /** First month of the school year, 1-12. */
  startMonth: z._default(z.int().check(z.minimum(1), z.maximum(12)), 7),
  markWords: z._default(MarkWordsSchema, { planned: [], done: [], inProgress: [], cancelled: [] }),
  /** How many days ahead counts as "due soon". */
  dueSoonDays: z._default(z.int().check(z.minimum(1), z.maximum(366)), 30),
  /** The edition of the Standards for Professional Learning the district uses; null: whichever the plan's names match. */
  standardsEdition: z._default(z.nullable(StandardsEditionSchema), null),
});
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

export function resolveSettings(input: SettingsInput | undefined): Settings {
  return SettingsSchema.parse(input ?? {});
}
