/** Leading verbs that make two similar lines different steps of one piece of work, not duplicates. */
export const STEP_VERBS = new Map<string, number>([
  ["research", 0], ["study", 0], ["explore", 0], ["identify", 0], ["review", 0],
  ["develop", 1], ["design", 1], ["create", 1], ["draft", 1], ["build", 1], ["plan", 1],
  ["pilot", 2], ["implement", 2], ["launch", 2], ["provide", 2], ["train", 2], ["deliver", 2],
  ["monitor", 3], ["evaluate", 3], ["assess", 3], ["measure", 3],
]);

/** The order of work: design before you implement, implement before you monitor. */
export const STAGE = new Map<string, number>([
  ["develop", 0], ["design", 0], ["create", 0], ["build", 0], ["draft", 0],
  ["implement", 1], ["pilot", 1], ["launch", 1],
  ["monitor", 2], ["evaluate", 2],
]);
