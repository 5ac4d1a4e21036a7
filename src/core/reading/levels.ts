/**
 * Hierarchy rows (README, "How it reads your grid"): `Goal 1:`, `Goal #2`, `Objective 3:`, `Strategy 1.1`,
 * `Priority`, `Focus Area`, `Initiative` name a level of the plan and set the path of the activities below them;
 * `Action Step 1: ...` is an activity (a leaf).
 */

const LEVEL_WORDS =
  "strategic priority|priority area|priority|focus area|goal|objective|strategy|initiative|outcome|pillar|action step|action item";

const HIERARCHY = new RegExp(
  `^(${LEVEL_WORDS})\\b\\s*(#\\s*)?([0-9]+(?:\\.[0-9]+)*[a-z]?|[A-Z](?![a-z])|[IVX]+(?![a-z]))?\\s*([:.)\u2013\u2014-]\\s*|$)`,
  "i",
);

/**
 * A numbered level followed by its statement without a colon: `Goal #2 Continue to revise ...`,
 * `Strategy 1.1 Identify ...`. Only a number counts here (a letter could be the statement's first word).
 */
const NUMBERED_LEVEL = new RegExp(`^(${LEVEL_WORDS})\\s*(#\\s*)?([0-9]+(?:\\.[0-9]+)*)\\s+\\S`, "i");

/** A sub-heading row inside a block that only repeats what the label column holds. */
export const REPEATED_HEADER = /^(action steps?|activities( and milestones)?|milestones|tasks|steps|actions|activity)\s*:?$/i;

export interface Hierarchy {
  level: string;
  /** An action step is a leaf: the row is an activity, not a level of the path. */
  leaf: boolean;
  /** The row is only the heading (`Goal #2`, `Objective 3:`), its statement not on the same line. */
  bare: boolean;
}

/** The first word of each level name, as a whole word: a label starting with any other word names no level. */
const LEVEL_START = new RegExp(`^(?:${[...new Set(LEVEL_WORDS.split("|").map((w) => w.split(" ")[0]!))].join("|")})(?![a-z])`, "i");

function levelName(word: string): string {
  const lower = word.toLowerCase();
  return lower === "action item" ? "action step" : lower;
}

/** The level a label names, or null for a label that names none. */
export function hierarchyOf(text: string): Hierarchy | null {
  if (!LEVEL_START.test(text)) return null;
  const m = HIERARCHY.exec(text);
  if (m) {
    const hasId = m[3] !== undefined;
    const hasColon = /[:.)\u2013\u2014-]/.test(m[4] ?? "");
    const bare = text.trim().length === m[0].trim().length;
    if (hasId || hasColon || bare) return { level: levelName(m[1]!), leaf: levelName(m[1]!) === "action step", bare };
  }
  const n = NUMBERED_LEVEL.exec(text);
  if (n) return { level: levelName(n[1]!), leaf: levelName(n[1]!) === "action step", bare: false };
  return null;
}
