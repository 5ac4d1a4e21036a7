import { localCell } from "../address";
import { dayNumberOfIso } from "../dates";
import type { Finding } from "../findings";
import { excerpt } from "../label-text";
import type { Activity, Plan, ScheduledMark } from "../plan";
import { similarity, type PlanWords } from "./label-words";
import { FIRST_ORDERED_STAGE, STAGE_OF_VERB } from "./stages";

/** Steps this similar (the object or its head, Jaccard) work on the same thing. */
const SAME_WORK = 0.4;

/** How many earlier-stage steps under one word of its object a step is compared with: the nearest ones (see duplicate-activity.ts). */
const CANDIDATES_PER_WORD = 32;

/** The first mark that is not cancelled: when the step starts. */
function firstLive(a: Activity): ScheduledMark | null {
  for (const m of a.schedule) if (m.state !== "cancelled") return m;
  return null;
}

interface Staged {
  a: Activity;
  /** The activity's place in the plan. */
  index: number;
  stage: number;
  /** The step's place among its scope's steps of its stage. */
  order: number;
  first: ScheduledMark;
  start: number;
  object: readonly number[];
  head: readonly number[];
  /** The words it is indexed and looked up by: those of its object and head. */
  keys: readonly number[];
  /** The later step it was last compared with (its place in the plan): each pair is compared once. */
  comparedWith: number;
}

/** An index key for a step with no words in its object: such steps are all alike (their similarity is 1). */
const NO_WORDS = -1;

/** The words of a step's object and head, each once (both lists ascending, merged). */
function keysOf(object: readonly number[], head: readonly number[]): number[] {
  const keys: number[] = [];
  let i = 0;
  let j = 0;
  while (i < object.length || j < head.length) {
    const next = j >= head.length || (i < object.length && object[i]! <= head[j]!) ? object[i++]! : head[j++]!;
    if (keys.length === 0 || keys[keys.length - 1] !== next) keys.push(next);
  }
  return keys.length === 0 ? [NO_WORDS] : keys;
}

/**
 * sequence: a "Monitor ..." or "Implement ..." step scheduled before the "Develop ..."/"Design ..." step it depends
 * on. A step depends on a step of an earlier stage of the same piece of work: in the same block, under the same goal
 * or strategy, working on the same thing (its object, or the object's head, similar enough). Steps are compared
 * only with earlier-stage steps that share a word of the object or head.
 */
export function sequenceChecks(plan: Plan, { labels }: PlanWords, out: Finding[]): void {
  // Each scope (block, then path) keeps its steps by stage. Activities under the same levels share one path array,
  // so a path's text is made once.
  const scopes = new Map<number, Map<string, Staged[][]>>();
  const pathTexts = new Map<readonly string[], string>();
  plan.activities.forEach((a, index) => {
    const { verb, object, head } = labels[index]!;
    const stage = (STAGE_OF_VERB.get(verb) ?? -1) - FIRST_ORDERED_STAGE;
    const first = firstLive(a);
    if (stage < 0 || first === null || object === null || head === null) return;
    let path = pathTexts.get(a.path);
    if (path === undefined) pathTexts.set(a.path, (path = a.path.join("\u0000")));
    let inBlock = scopes.get(a.block);
    if (!inBlock) scopes.set(a.block, (inBlock = new Map<string, Staged[][]>()));
    let byStage = inBlock.get(path);
    if (!byStage) inBlock.set(path, (byStage = [[], [], []]));
    const steps = byStage[stage]!;
    steps.push({ a, index, stage, order: steps.length, first, start: dayNumberOfIso(first.start), object, head, keys: keysOf(object, head), comparedWith: -1 });
  });
  const found: { later: Staged; best: Staged }[] = [];
  for (const byStage of [...scopes.values()].flatMap((inBlock) => [...inBlock.values()])) {
    // The earlier stages' steps by the words of their objects and heads, stage by stage.
    const byWord = new Map<number, Staged[]>();
    for (let stage = 1; stage < byStage.length; stage++) {
      for (const step of byStage[stage - 1]!) {
        for (const key of step.keys) {
          const list = byWord.get(key);
          if (list) list.push(step);
          else byWord.set(key, [step]);
        }
      }
      for (const later of byStage[stage]!) {
        // The most similar step of an earlier stage; on a tie, the latest stage (implement before monitor), then the first listed.
        let best: Staged | null = null;
        let bestScore = 0;
        for (const key of later.keys) {
          const list = byWord.get(key) ?? [];
          for (let k = list.length - 1; k >= Math.max(0, list.length - CANDIDATES_PER_WORD); k--) {
            const earlier = list[k]!;
            if (earlier.comparedWith === later.index) continue;
            earlier.comparedWith = later.index;
            const headScore = later.head.length > 0 && earlier.head.length > 0 ? similarity(earlier.head, later.head) : 0;
            const score = Math.max(similarity(earlier.object, later.object), headScore);
            if (score === 0 || score < bestScore) continue;
            if (score > bestScore || earlier.stage > best!.stage || (earlier.stage === best!.stage && earlier.order < best!.order)) {
              best = earlier;
              bestScore = score;
            }
          }
        }
        if (best && bestScore >= SAME_WORK && later.start < best.start) found.push({ later, best });
      }
    }
  }
  // In the order of the plan.
  found.sort((x, y) => x.later.index - y.later.index);
  for (const { later, best } of found) {
    const laterVerb = labels[later.index]!.verb;
    const earlierVerb = labels[best.index]!.verb;
    out.push({
      rule: "sequence",
      severity: "warning",
      message:
        `"${excerpt(later.a.text)}" (${localCell(later.a.cell)}) starts in ${later.first.period}, before "${excerpt(best.a.text)}" ` +
        `(${localCell(best.a.cell)}) starts in ${best.first.period}. You cannot ${laterVerb} what you have not begun to ${earlierVerb}: ` +
        `move one of them.`,
      cell: later.a.cell,
      activityId: later.a.id,
    });
  }
}
