import { localCell } from "../address";
import type { Finding } from "../findings";
import { excerpt } from "../label-text";
import type { Plan } from "../plan";
import { similarity, type LabelWords } from "./label-words";
import { STEP_VERBS } from "./stages";

const NEAR_DUPLICATE = 0.85;

/**
 * duplicate-activity: the same or nearly the same activity twice (content words with a Jaccard similarity of 0.85
 * or more), unless their verbs name different steps of one piece of work ("Develop ..." and "Monitor ...").
 * Candidates come from prefix filtering: two sets that similar must share one of the rarest few words of each, so
 * only activities sharing such a word are compared.
 */
export function duplicateActivities(plan: Plan, labels: LabelWords[], out: Finding[]): void {
  const acts = plan.activities;
  const frequency = new Map<string, number>();
  for (const { words } of labels) for (const w of words) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const rarest = (x: string, y: string): number => frequency.get(x)! - frequency.get(y)! || (x < y ? -1 : x > y ? 1 : 0);
  const under = new Map<string, number[]>();
  for (let j = 0; j < acts.length; j++) {
    const size = labels[j]!.words.size;
    if (size < 2) continue;
    const prefix = [...labels[j]!.words].sort(rarest).slice(0, size - Math.ceil(NEAR_DUPLICATE * size) + 1);
    const candidates = new Set<number>();
    for (const w of prefix) for (const i of under.get(w) ?? []) candidates.add(i);
    const b = acts[j]!;
    for (const i of [...candidates].sort((x, y) => x - y)) {
      const other = labels[i]!.words.size;
      if (Math.min(other, size) < NEAR_DUPLICATE * Math.max(other, size)) continue;
      const a = acts[i]!;
      const va = labels[i]!.verb;
      const vb = labels[j]!.verb;
      if (va !== vb && (STEP_VERBS.has(va) || STEP_VERBS.has(vb))) continue;
      const same = a.text.trim().toLowerCase() === b.text.trim().toLowerCase();
      if (!same && similarity(labels[i]!.words, labels[j]!.words) < NEAR_DUPLICATE) continue;
      out.push({
        rule: "duplicate-activity",
        severity: "warning",
        message: same
          ? `"${excerpt(b.text)}" (${localCell(b.cell)}) is listed twice: also at ${localCell(a.cell)}. Remove one, or say in the text how they differ.`
          : `"${excerpt(b.text)}" (${localCell(b.cell)}) is nearly the same as "${excerpt(a.text)}" (${localCell(a.cell)}). If they are one activity, keep one; if not, say in the text how they differ.`,
        cell: b.cell,
        activityId: b.id,
      });
      // Each activity is reported once, as a copy of the first it repeats.
      break;
    }
    for (const w of prefix) {
      const list = under.get(w);
      if (list) list.push(j);
      else under.set(w, [j]);
    }
  }
}
