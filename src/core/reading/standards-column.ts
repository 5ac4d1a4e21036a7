import { columnIndex, localCell } from "../address";
import type { Activity, ActivityStandards, Plan } from "../plan";
import { editionOfNames, namedStandards, STANDARDS, suggestStandard, type NamedStandard, type StandardsEdition } from "../standards";
import type { ReadContext } from "./context";
import type { Draft } from "./drafts";

/**
 * A `Standard(s)` column (docs/product.md, "The rest of a plan"): the Standards for Professional Learning each activity
 * addresses, read in the edition the settings name or the plan's names match (standards.ts); a name that is not one
 * of that edition's standards is an `unknown-standard` finding suggesting the nearest, with a fix where it is clear.
 */

/** The activity's cell in the standards column that holds text (a cell merged over several activities serves each). */
export function standardsCell(ctx: ReadContext, draft: Draft, column: number | undefined): ActivityStandards | null {
  if (column === undefined) return null;
  const g = ctx.grid;
  for (const r of draft.rows) {
    const v = g.value(r, column);
    if (typeof v !== "string" || v.trim() === "") continue;
    const at = g.anchor(r, column);
    return { text: v.trim(), cell: ctx.cell(at.row, at.column), names: [] };
  }
  return null;
}

/** Reads every activity's standards in the plan's edition; says which edition on the plan. */
export function resolveStandards(ctx: ReadContext, plan: Plan): void {
  const block = plan.blocks.find((b) => b.columns["standards"] !== undefined);
  if (!block) return;
  const named = new Map<Activity, NamedStandard[]>();
  for (const a of plan.activities) if (a.standards) named.set(a, namedStandards(a.standards.text));
  const setting = ctx.settings.standardsEdition;
  const matched = setting === null ? editionOfNames([...named.values()].flatMap((list) => list.flatMap((n) => (n.standard === null ? [] : [n.standard])))) : null;
  const edition: StandardsEdition = setting ?? matched!.edition;
  const source = setting === null ? matched!.source : "settings";
  plan.standards = { edition, source, cell: ctx.cell(block.headerRow - 1, columnIndex(block.columns["standards"]!)) };

  const said = new Set<string>();
  for (const [a, list] of named) {
    const standards = a.standards!;
    const names: string[] = [];
    for (const n of list) {
      if (n.standard !== null && STANDARDS[edition].includes(n.standard)) {
        if (!names.includes(n.standard)) names.push(n.standard);
        continue;
      }
      // A cell merged over several activities is said once.
      const key = `${standards.cell}\u0000${n.start}`;
      if (said.has(key)) continue;
      said.add(key);
      unknownStandard(ctx, a, standards, n, edition, source);
    }
    standards.names = names;
  }
}

function unknownStandard(ctx: ReadContext, a: Activity, standards: ActivityStandards, n: NamedStandard, edition: StandardsEdition, source: "settings" | "names" | "default"): void {
  const suggestion = suggestStandard(n.text, edition);
  const where = localCell(standards.cell);
  const why = source === "settings" ? "set in Settings" : source === "names" ? "most of its standards' names are from it" : "the current edition";
  const other: StandardsEdition = edition === "2011" ? "2022" : "2011";
  const list = STANDARDS[edition];
  let message: string;
  if (n.standard !== null) {
    message =
      `"${n.text}" (${where}) is one of the ${other} Standards for Professional Learning; this plan follows the ${edition} edition (${why})` +
      (suggestion ? `, which names it ${suggestion.names[0]}.` : `, which has no standard like it. Name the ${edition} standard it serves, or set the edition in Settings.`);
  } else if (suggestion?.nearOther !== undefined) {
    message =
      `"${n.text}" (${where}) is not one of the ${edition} Standards for Professional Learning; this plan follows the ${edition} edition (${why}). ` +
      `It reads like the ${other} standard ${suggestion.nearOther}, which the ${edition} edition names ${suggestion.names[0]}.`;
  } else if (suggestion && suggestion.names.length === 1) {
    message = `"${n.text}" (${where}) is not one of the ${edition} Standards for Professional Learning. Did you mean ${suggestion.names[0]}?`;
  } else if (suggestion) {
    message = `"${n.text}" (${where}) is not one of the ${edition} Standards for Professional Learning. Did you mean ${orList(suggestion.names)}?`;
  } else {
    message = `"${n.text}" (${where}) is not one of the ${edition} Standards for Professional Learning: ${list.join("; ")}.`;
  }
  const fixed = suggestion?.names.length === 1 ? standards.text.slice(0, n.start) + suggestion.names[0]! + standards.text.slice(n.end) : null;
  ctx.add({
    rule: "unknown-standard",
    severity: "warning",
    message,
    cell: standards.cell,
    ...(fixed === null ? {} : { fix: { description: `Write ${suggestion!.names[0]!} for "${n.text}"`, edits: [{ cell: standards.cell, value: fixed, before: standards.text }] } }),
    ...((n.standard !== null || suggestion?.nearOther !== undefined) && source !== "settings" ? { setting: "standardsEdition" as const } : {}),
    activityId: a.id,
  });
}

function orList(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
}
