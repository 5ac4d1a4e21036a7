import { z } from "zod/mini";
import { SettingsSchema, type Settings } from "./settings";
import { TotalsSchema } from "./status";

/**
 * What the add-in keeps in the workbook, in a hidden sheet of its own (the most portable store: settings
 * and custom XML parts are lost on some platforms): the settings, the plan sheet, and the last refresh, in the rows
 * `storeRows` describes (rows 1-20); the monitoring history below them (history/store.ts, from row 21).
 */
export const STORE_SHEET = "Milestone Monitor Data";

export const LastRefreshSchema = z.object({
  asOf: z.string(),
  /** When it ran, as an ISO timestamp. */
  at: z.string(),
  sheet: z.string(),
  totals: TotalsSchema,
  flagged: z.int().check(z.nonnegative()),
});
export type LastRefresh = z.infer<typeof LastRefreshSchema>;

export const StoredStateSchema = z.object({
  settings: SettingsSchema,
  planSheet: z._default(z.nullable(z.string()), null),
  lastRefresh: z._default(z.nullable(LastRefreshSchema), null),
});
export type StoredState = z.infer<typeof StoredStateSchema>;

const NOTICE = "Milestone Monitor keeps its settings here. Change them in the add-in's Settings tab, not in this sheet.";

/** The store sheet's cells: a notice, then one key and one JSON value per row. Every cell is text. */
export function storeRows(state: StoredState): string[][] {
  return [
    [NOTICE, ""],
    ["settings", JSON.stringify(state.settings)],
    ["planSheet", JSON.stringify(state.planSheet)],
    ["lastRefresh", JSON.stringify(state.lastRefresh)],
  ];
}

/** Reads the store sheet back; anything missing or unreadable falls back to the defaults. */
export function readStore(rows: unknown[][]): StoredState {
  const raw: Record<string, unknown> = {};
  for (const row of rows) {
    const key = row[0];
    const value = row[1];
    if (typeof key !== "string" || typeof value !== "string" || key === NOTICE) continue;
    try {
      raw[key] = JSON.parse(value);
    } catch {
      // A hand-edited cell that is not JSON: ignore it, keep the default.
    }
  }
  const settings = SettingsSchema.safeParse(raw["settings"] ?? {});
  const lastRefresh = z.nullable(LastRefreshSchema).safeParse(raw["lastRefresh"] ?? null);
  return {
    settings: settings.success ? settings.data : SettingsSchema.parse({}),
    planSheet: typeof raw["planSheet"] === "string" ? raw["planSheet"] : null,
    lastRefresh: lastRefresh.success ? lastRefresh.data : null,
  };
}

export function defaultStore(settings?: Settings): StoredState {
  return { settings: settings ?? SettingsSchema.parse({}), planSheet: null, lastRefresh: null };
}
