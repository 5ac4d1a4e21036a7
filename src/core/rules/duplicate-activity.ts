import { localCell } from "../address";
import type { Finding } from "../findings";
import { excerpt } from "../label-text";
import type { Activity, Plan } from "../plan";
import { similarity, type PlanWords } from "./label-words";
import { STAGE_OF_VERB } from "./stages";

/** Content words this similar (Jaccard) make two activities near-copies. */
const NEAR_DUPLICATE = 0.85;

/**
 * How many earlier labels under one rare word a label is compared with: the nearest ones. Copies of a template
 * (forty schools' plans pasted together) share their rare words with thousands of labels; the cap keeps the search
 * linear in the labels whatever they say.
 */
const CANDIDATES_PER_WORD = 32;

export interface DuplicateSearch {
  /** Groups of copies, each by the activities' places in the plan, ascending; groups in plan order. */
  groups: number[][];
  /** How many pairs of labels were compared. */
  comparisons: number;
}

/**
 * Copies and near-copies among the labels. Exact copies (the same text, whatever its case) are grouped by their text
 * in one pass. Near-copies share nearly all their content words, the same numbers, and a verb that does not make them
 * different steps of one piece of work ("Develop ..." and "Monitor ..."). Candidates come from prefix filtering: two
 * sets that similar share one of the rarest few words of each; a label is compared with the nearest earlier labels
 * under each of its rare words only.
 */
export function findDuplicates(texts: readonly string[], { labels, vocabulary }: PlanWords): DuplicateSearch {
  const parent = texts.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const join = (i: number, j: number): void => {
    const [a, b] = [root(i), root(j)];
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  };

  const firstWithText = new Map<string, number>();
  // How many labels hold each word, by the word's number.
  const frequency = new Array<number>(vocabulary).fill(0);
  for (const { words } of labels) for (const w of words) frequency[w]!++;
  // The labels under each word so far, by the word's number.
  const under: (number[] | undefined)[] = new Array<number[] | undefined>(vocabulary).fill(undefined);
  const seenFor = new Array<number>(texts.length).fill(-1);
  let comparisons = 0;
  texts.forEach((text, j) => {
    const label = labels[j]!;
    const size = label.words.length;
    // A word alone ("Review", "Cancelled") says too little to call two activities one.
    if (size < 2) return;
    const key = text.trim().toLowerCase();
    const original = firstWithText.get(key);
    if (original !== undefined) return join(original, j);
    firstWithText.set(key, j);
    const prefix = rarest(label.words, size - Math.ceil(NEAR_DUPLICATE * size) + 1, frequency);
    // Each earlier label once, whatever the number of rare words it shares with this one.
    for (const w of prefix) {
      const list = under[w];
      if (!list) {
        under[w] = [j];
        continue;
      }
      for (let k = list.length - 1; k >= Math.max(0, list.length - CANDIDATES_PER_WORD); k--) {
        const i = list[k]!;
        if (seenFor[i] === j) continue;
        seenFor[i] = j;
        comparisons++;
        const other = labels[i]!;
        // Sets this similar are close in size too.
        if (Math.min(other.words.length, size) < NEAR_DUPLICATE * Math.max(other.words.length, size)) continue;
        if (other.numbers !== label.numbers) continue;
        if (other.verb !== label.verb && (STAGE_OF_VERB.has(other.verb) || STAGE_OF_VERB.has(label.verb))) continue;
        if (similarity(other.words, label.words) >= NEAR_DUPLICATE) join(i, j);
      }
      list.push(j);
    }
  });

  // Only the labels joined to an earlier one make groups; each group starts with its root, its first label.
  const byRoot = new Map<number, number[]>();
  texts.forEach((_, i) => {
    const r = root(i);
    if (r === i) return;
    const group = byRoot.get(r);
    if (group) group.push(i);
    else byRoot.set(r, [r, i]);
  });
  return { groups: [...byRoot.values()].sort((x, y) => x[0]! - y[0]!), comparisons };
}

/** The k rarest of a label's words, rarest first (ties by the word's number: any fixed order keeps prefix filtering exact). */
function rarest(words: readonly number[], k: number, frequency: readonly number[]): number[] {
  const rarer = (x: number, y: number): boolean => frequency[x]! < frequency[y]! || (frequency[x] === frequency[y] && x < y);
  // A label has a handful of words, and k is one or two: picked one at a time.
  const left = [...words];
  const picked: number[] = [];
  while (picked.length < k && left.length > 0) {
    let best = 0;
    for (let i = 1; i < left.length; i++) if (rarer(left[i]!, left[best]!)) best = i;
    picked.push(left.splice(best, 1)[0]!);
  }
  return picked;
}

/** How many cells a group's finding names before "and N more". */
const NAMED = 5;

/**
 * duplicate-activity: the same or nearly the same activity more than once. One finding for each group of copies, at
 * its second activity (the first copy), naming the others.
 */
export function duplicateActivities(plan: Plan, labels: PlanWords, out: Finding[]): void {
  const acts = plan.activities;
  const same = (a: Activity, b: Activity): boolean => a.text.trim().toLowerCase() === b.text.trim().toLowerCase();
  for (const group of findDuplicates(acts.map((a) => a.text), labels).groups) {
    const [a, b] = [acts[group[0]!]!, acts[group[1]!]!];
    let message: string;
    if (group.length === 2) {
      message = same(a, b)
        ? `"${excerpt(b.text)}" (${localCell(b.cell)}) is listed twice: also at ${localCell(a.cell)}. Remove one, or say in the text how they differ.`
        : `"${excerpt(b.text)}" (${localCell(b.cell)}) is nearly the same as "${excerpt(a.text)}" (${localCell(a.cell)}). If they are one activity, keep one; if not, say in the text how they differ.`;
    } else {
      const cells = group.map((i) => localCell(acts[i]!.cell));
      const named = cells.length > NAMED ? `${cells.slice(0, NAMED).join(", ")} and ${cells.length - NAMED} more` : `${cells.slice(0, -1).join(", ")} and ${cells[cells.length - 1]}`;
      const exact = group.every((i) => same(a, acts[i]!));
      message =
        `"${excerpt(a.text)}" is listed ${group.length} times${exact ? "" : ", the same or nearly so"}: at ${named}. ` +
        `If they are one activity, keep one; if not, say in the text how they differ.`;
    }
    out.push({ rule: "duplicate-activity", severity: "warning", message, cell: b.cell, activityId: b.id });
  }
}
