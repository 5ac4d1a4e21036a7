/**
 * The stages of one piece of work, in order, by the verb a step starts with: explore, then design, then implement,
 * then monitor. Two similar lines whose verbs name different stages are different steps, not duplicates
 * (duplicate-activity); a step of a later stage that starts before the design step it depends on is out of order
 * (sequence, which leaves exploring out: one can review what is not designed yet).
 */
const STAGES: Record<string, readonly string[]> = {
  explore: ["research", "study", "explore", "identify", "review"],
  design: ["develop", "design", "create", "draft", "build", "plan"],
  implement: ["pilot", "implement", "launch", "provide", "train", "deliver"],
  monitor: ["monitor", "evaluate", "assess", "measure"],
};

/** Each stage verb's stage, numbered in order from 0 (explore). */
export const STAGE_OF_VERB = new Map(Object.values(STAGES).flatMap((verbs, stage) => verbs.map((verb) => [verb, stage] as const)));

/** The stages the sequence rule orders: design (1), implement (2), monitor (3). */
export const FIRST_ORDERED_STAGE = 1;
