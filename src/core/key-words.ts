import { words } from "./label-text";

/**
 * Key words (docs/product.md, "The rest of a plan"; README, "Theory of action"): the content words a theory-of-action
 * statement shares with the activities that carry it out. A key word is a word of three letters or more that is not
 * one of the words every sentence or every professional-learning plan uses ("we", "will", "the", "staff",
 * "professional", "learning", "develop", "plan" ...), compared by its stem, so that "collaborative" and
 * "collaboration", "trainer" and "training", "departments" and "department" are the same key word. The list is short
 * on purpose: a statement is said to have no related activity only when no activity shares any key word with it.
 */

/** Words any sentence uses. */
const FUNCTION_WORDS = [
  "a", "about", "above", "across", "after", "again", "against", "all", "also", "am", "among", "an", "and", "any", "are",
  "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
  "did", "do", "does", "doing", "down", "during", "each", "either", "etc", "every", "few", "for", "from", "further",
  "had", "has", "have", "having", "he", "her", "here", "his", "how", "if", "in", "into", "is", "it", "its", "itself",
  "just", "may", "me", "might", "more", "most", "much", "must", "my", "no", "nor", "not", "now", "of", "off", "on",
  "once", "only", "or", "other", "others", "our", "ours", "ourselves", "out", "over", "own", "same", "shall", "she",
  "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there",
  "these", "they", "this", "those", "through", "throughout", "to", "too", "toward", "towards", "under", "until", "up",
  "upon", "us", "very", "via", "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who",
  "whom", "whose", "why", "will", "with", "within", "without", "would", "you", "your", "able", "well", "per", "like",
  "including", "include", "includes", "many", "various", "less", "greater", "better", "consequent", "thus",
];

/**
 * Words a professional-learning plan uses on nearly every line, which say nothing about what a line is about: the
 * people every step involves, the plan itself and its levels, and the verbs of any step.
 */
const PLAN_WORDS = [
  "staff", "student", "students", "teacher", "teachers", "educator", "educators", "employee", "employees", "adult", "adults",
  "district", "districts", "school", "schools", "site", "sites", "building", "buildings", "campus", "professional", "learning", "development", "pd", "pl",
  "plan", "plans", "planning", "develop", "developed", "developing", "implement", "implemented", "implementing",
  "provide", "provided", "providing", "ensure", "ensuring", "create", "created", "creating", "establish", "make", "making",
  "take", "give", "help", "allow", "continue", "continually", "increase", "increased", "improve", "improved", "improving",
  "opportunity", "opportunities", "will", "new", "use", "used", "using", "need", "needs", "based",
  "goal", "goals", "objective", "objectives", "strategy", "strategies", "action", "actions", "step", "steps", "activity", "activities",
  "effective", "specific", "clear", "clearly", "high", "quality", "overall", "relevant", "planned",
];

const NO_CONTENT = new Set([...FUNCTION_WORDS, ...PLAN_WORDS]);

/** Endings taken off a word to find its stem, the first that fits; the stem keeps at least four letters. */
const ENDINGS: [string, string][] = [
  ["ations", ""], ["ation", ""], ["atives", ""], ["ative", ""], ["ating", ""], ["ated", ""], ["ates", ""],
  ["ments", ""], ["ment", ""], ["ities", ""], ["ity", ""], ["ings", ""], ["ing", ""], ["ies", "y"], ["ied", "y"],
  ["ers", ""], ["er", ""], ["ed", ""], ["es", ""], ["ly", ""], ["ate", ""], ["ships", ""], ["ship", ""], ["s", ""],
];

/** Endings after which the word may have another ("partnerships" -> "partnership" -> "partner" -> "partn"). */
const ANOTHER_AFTER = new Set(["ly", "s", "es", "ships", "ship"]);

/**
 * A word's stem: a common ending taken off ("collaboration" -> "collabor"; after "-ly", "-ship" or a plural, one more:
 * "partnerships" and "partner" are one stem), then a final "e".
 */
export function stem(word: string): string {
  let w = word;
  for (let pass = 0; pass < 3; pass++) {
    const ending = ENDINGS.find(([e]) => w.endsWith(e) && w.length - e.length >= (e === "ly" ? 5 : 4) && !(e === "s" && /(ss|us|is)$/.test(w)));
    if (!ending) break;
    w = w.slice(0, -ending[0].length) + ending[1];
    if (!ANOTHER_AFTER.has(ending[0])) break;
  }
  if (w.length === 4 && w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  return w.length > 4 && w.endsWith("e") ? w.slice(0, -1) : w;
}

/** The plan words' stems: "improves", "implementation" and "teachers" say no more than "improve", "implement", "teacher". */
const PLAN_STEMS = new Set(PLAN_WORDS.map(stem));

/** A district's own abbreviation (CJUSD, MPS ISD, RUSD): as common in its plan as "district". */
const DISTRICT_ABBREVIATION = /^[A-Z]{1,6}[UIC]?SD$/;

/** A text's key words: each key word's stem, with the word as the text first writes it (lower case). */
export function keyWords(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const districts = new Set((text.match(/\b[A-Z]{2,8}\b/g) ?? []).filter((w) => DISTRICT_ABBREVIATION.test(w)).map((w) => w.toLowerCase()));
  for (const word of words(text)) {
    if (word.length < 3 || NO_CONTENT.has(word) || districts.has(word) || !/[a-z]/.test(word)) continue;
    const s = stem(word);
    if (!PLAN_STEMS.has(s) && !out.has(s)) out.set(s, word);
  }
  return out;
}
