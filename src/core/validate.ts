import { localCell } from "./address";
import { dayNumberOfIso, monthIndexOfIso, schoolYearLabel, schoolYearOf, type IsoDate } from "./dates";
import type { Finding } from "./findings";
import { excerpt, firstWord, forEachWordSpan, isContentWordAt } from "./label-text";
import type { Period } from "./periods";
import type { Activity, Plan, ScheduledMark } from "./plan";
import { markStatus } from "./status";

/**
 * The checks that look at the plan as a whole, after reading: what a planner would catch on a careful read
 * (activities without dates or owners, duplicates, steps in the wrong order, frequencies the marks
 * contradict, statuses the marks contradict, goals that end before their work does). Label text a spreadsheet
 * would read as a formula is checked while reading (read-plan.ts), on the label cell itself.
 */
export function validatePlan(plan: Plan, asOf: IsoDate): Finding[] {
  const out: Finding[] = [];
  const labels = readLabels(plan);
  unscheduledActivities(plan, out);
  missingOwners(plan, out);
  duplicateActivities(plan, labels, out);
  sequenceChecks(plan, labels, out);
  frequencyChecks(plan, labels, out);
  statusContradictions(plan, asOf, out);
  goalTargets(plan, out);
  return out;
}

/** A list of integers in a typed array that grows: cleared and refilled without allocating again. */
class IntList {
  private items = new Int32Array(16);
  length = 0;

  get(i: number): number {
    return this.items[i]!;
  }

  set(i: number, n: number): void {
    this.items[i] = n;
  }

  push(n: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = n;
  }

  clear(): void {
    this.length = 0;
  }

  /** In ascending order. */
  sort(): void {
    this.items.subarray(0, this.length).sort();
  }
}

/** Marks a word in the vocabulary that carries no meaning ("the", "for"), so it is looked up once. */
const NOT_CONTENT = -1;

/** Whether two spans of text (from forEachWordSpan) hold the same word, whatever the case of its letters. */
function sameWord(x: string, xStart: number, y: string, yStart: number, length: number): boolean {
  // A word is letters and digits: `| 0x20` lower-cases a capital and leaves the rest as they are.
  for (let i = 0; i < length; i++) if ((x.charCodeAt(xStart + i) | 0x20) !== (y.charCodeAt(yStart + i) | 0x20)) return false;
  return true;
}

/**
 * Content-word ids by spelling, looked up from where a word lies in a text, so that no word costs a string of its
 * own: an entry's spelling is where the word was first seen, a text and a place in it. A hash table with open
 * addressing: each slot holds an entry's number, or -1 when free; it is kept at most half full.
 */
class Vocabulary {
  private slots = new Int32Array(1024).fill(-1);
  /** Each entry's text, and where its word starts in it and how long it is. */
  private readonly sources: string[] = [];
  private readonly starts = new IntList();
  private readonly lengths = new IntList();
  private readonly hashes = new IntList();
  /** Each entry's content-word id, or NOT_CONTENT. */
  private readonly ids = new IntList();
  private contentWords = 0;
  /** By content-word id: whether the word names a frequency ("monthly", "year"). */
  private readonly frequencyWords: boolean[] = [];

  /** Content-word ids run from 0 to this. */
  get size(): number {
    return this.contentWords;
  }

  /** The id of the word text[start .. end) (its hash from forEachWordSpan), or NOT_CONTENT. */
  idOf(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry < 0) return this.add(slot, text, start, end, hash);
      if (this.hashes.get(entry) === hash && this.lengths.get(entry) === length && sameWord(this.sources[entry]!, this.starts.get(entry), text, start, length)) {
        return this.ids.get(entry);
      }
    }
  }

  /** A new entry in a free slot: its content-word id, or NOT_CONTENT. */
  private add(slot: number, text: string, start: number, end: number, hash: number): number {
    this.slots[slot] = this.sources.length;
    this.sources.push(text);
    this.starts.push(start);
    this.lengths.push(end - start);
    this.hashes.push(hash);
    let id = NOT_CONTENT;
    if (isContentWordAt(text, start, end)) {
      id = this.contentWords++;
      // Only a word of four letters or more can name a frequency ("year", "week").
      this.frequencyWords.push(end - start >= 4 && FREQUENCY_WORD.test(text.slice(start, end)));
    }
    this.ids.push(id);
    if (this.sources.length * 2 > this.slots.length) this.grow();
    return id;
  }

  /** Whether the content word `id` names a frequency, or has one in it ("semiannual"): see frequencyOf. */
  namesFrequency(id: number): boolean {
    return this.frequencyWords[id]!;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let entry = 0; entry < this.sources.length; entry++) {
      let slot = this.hashes.get(entry) & mask;
      while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = entry;
    }
  }
}

/**
 * Sets of content words as small integers (word ids), ascending, all in one buffer: set s is
 * `ids[ends[s - 1] .. ends[s])`. Two sets are compared by merging, without hashing strings, and a plan's
 * thousands of labels need no array or Set apiece.
 */
class WordSets {
  private readonly vocabulary = new Vocabulary();
  private ids = new Int32Array(1024);
  private used = 0;
  private readonly ends = new IntList();
  /** The content words of the text added last, in order, with where each starts: for `addPart`. */
  private readonly lastWords = new IntList();
  private readonly lastStarts = new IntList();
  /** Whether the text added last was plain ASCII: its words' starts are places in the text (see `addPart`). */
  lastAscii = true;
  /** Whether a word of the text added last names a frequency. */
  lastNamesFrequency = false;

  /** Distinct content words seen so far: word ids run from 0 to this. */
  get vocabularySize(): number {
    return this.vocabulary.size;
  }

  /** The set of a text's content words; returns its number. */
  add(text: string): number {
    this.lastWords.clear();
    this.lastStarts.clear();
    this.lastNamesFrequency = false;
    this.lastAscii = forEachWordSpan(text, this.addWord);
    return this.addSet(0, this.lastWords.length);
  }

  /** One word of the text being added (one function for every text, not one apiece). */
  private readonly addWord = (source: string, start: number, end: number, hash: number): void => {
    const id = this.vocabulary.idOf(source, start, end, hash);
    if (id === NOT_CONTENT) return;
    if (this.vocabulary.namesFrequency(id)) this.lastNamesFrequency = true;
    this.lastWords.push(id);
    this.lastStarts.push(start);
  };

  /**
   * The set of the words of the text added last that start between `from` and `to` (a part of the text that
   * begins and ends between words): one reading of a label serves its parts too.
   */
  addPart(from: number, to: number): number {
    let first = 0;
    while (first < this.lastStarts.length && this.lastStarts.get(first) < from) first++;
    let end = first;
    while (end < this.lastStarts.length && this.lastStarts.get(end) < to) end++;
    return this.addSet(first, end);
  }

  /** A new set of lastWords[first .. end), in order, each word once: a label has a handful of words. */
  private addSet(first: number, end: number): number {
    if (this.ids.length - this.used < end - first) {
      const grown = new Int32Array(Math.max(this.ids.length * 2, this.used + end - first));
      grown.set(this.ids);
      this.ids = grown;
    }
    const start = this.used;
    for (let w = first; w < end; w++) {
      const id = this.lastWords.get(w);
      let i = this.used;
      while (i > start && this.ids[i - 1]! > id) i--;
      if (i > start && this.ids[i - 1] === id) continue;
      for (let j = this.used; j > i; j--) this.ids[j] = this.ids[j - 1]!;
      this.ids[i] = id;
      this.used++;
    }
    this.ends.push(this.used);
    return this.ends.length - 1;
  }

  start(set: number): number {
    return set === 0 ? 0 : this.ends.get(set - 1);
  }

  end(set: number): number {
    return this.ends.get(set);
  }

  size(set: number): number {
    return this.end(set) - this.start(set);
  }

  word(position: number): number {
    return this.ids[position]!;
  }

  /** Jaccard similarity of two sets, 0..1, by merging their sorted ids. */
  similarity(x: number, y: number): number {
    const xEnd = this.end(x);
    const yEnd = this.end(y);
    let i = this.start(x);
    let j = this.start(y);
    const sizes = xEnd - i + (yEnd - j);
    if (sizes === 0) return 1;
    let common = 0;
    while (i < xEnd && j < yEnd) {
      const a = this.ids[i]!;
      const b = this.ids[j]!;
      if (a === b) {
        common++;
        i++;
        j++;
      } else if (a < b) i++;
      else j++;
    }
    return common / (sizes - common);
  }
}

/** What the duplicate and sequence checks read from the labels, read once for both. */
interface Labels {
  /** Each label's first word, lower case: the verb of an action step. */
  verbs: string[];
  words: WordSets;
  /** Each label's content words, as a set of `words`. */
  sets: Int32Array;
  /** For a label whose verb is a stage of work: the content words of its object and of the object's head; -1 for others. */
  objects: Int32Array;
  heads: Int32Array;
  /** Whether a word of each label names a frequency: only those labels can say how often (frequencyOf). */
  namesFrequency: Uint8Array;
}

function readLabels(plan: Plan): Labels {
  const acts = plan.activities;
  const words = new WordSets();
  const labels: Labels = { verbs: [], words, sets: new Int32Array(acts.length), objects: new Int32Array(acts.length).fill(-1), heads: new Int32Array(acts.length).fill(-1), namesFrequency: new Uint8Array(acts.length) };
  for (let i = 0; i < acts.length; i++) {
    const text = acts[i]!.text;
    const verb = firstWord(text);
    labels.verbs.push(verb);
    labels.sets[i] = words.add(text);
    if (words.lastNamesFrequency) labels.namesFrequency[i] = 1;
    if (!STAGE.has(verb)) continue;
    const object = objectOf(text);
    const head = headOf(object);
    if (!words.lastAscii) {
      // Accents taken off can move the words: read the object and its head on their own.
      labels.objects[i] = words.add(object);
      labels.heads[i] = words.add(head);
    } else {
      // Plain ASCII: the words' places are places in the label. The object is the end of the first line (after
      // a space, before a newline) and its head begins it (ending at a comma or before a word), so each holds
      // whole words: those of the label that start within it.
      const newline = text.indexOf("\n");
      const objectStart = (newline < 0 ? text.length : newline) - object.length;
      labels.objects[i] = words.addPart(objectStart, objectStart + object.length);
      labels.heads[i] = words.addPart(objectStart, objectStart + head.length);
    }
  }
  return labels;
}

function where(a: Activity): string {
  return localCell(a.cell);
}

function unscheduledActivities(plan: Plan, out: Finding[]): void {
  for (const a of plan.activities) {
    if (a.schedule.length > 0) continue;
    out.push({
      rule: "unscheduled-activity",
      severity: "warning",
      message: `"${excerpt(a.text)}" (${where(a)}) has no mark in any period, so nobody can tell when it happens. Put an X under the months it is planned for.`,
      cell: a.cell,
      activityId: a.id,
    });
  }
}

function missingOwners(plan: Plan, out: Finding[]): void {
  const blocksWithOwner = new Set(plan.blocks.filter((b) => b.columns["owner"] !== undefined).map((b) => b.index));
  for (const a of plan.activities) {
    if (!blocksWithOwner.has(a.block) || a.owner !== null) continue;
    const column = plan.blocks[a.block]!.columns["owner"]!;
    const row = a.rows[0]!;
    out.push({
      rule: "missing-owner",
      severity: "warning",
      message: `"${excerpt(a.text)}" has no one in the owner column (${column}${row}). Name the person or team responsible.`,
      cell: a.cell.replace(/![A-Z]+\d+$/, `!${column}${row}`),
      activityId: a.id,
    });
  }
}

/** Leading verbs that make two similar lines different steps of one piece of work, not duplicates. */
const STEP_VERBS = new Map<string, number>([
  ["research", 0], ["study", 0], ["explore", 0], ["identify", 0], ["review", 0],
  ["develop", 1], ["design", 1], ["create", 1], ["draft", 1], ["build", 1], ["plan", 1],
  ["pilot", 2], ["implement", 2], ["launch", 2], ["provide", 2], ["train", 2], ["deliver", 2],
  ["monitor", 3], ["evaluate", 3], ["assess", 3], ["measure", 3],
]);

const NEAR_DUPLICATE = 0.85;

/** Rarer (or as rare, with a lower id): the fixed order prefixes are taken in. */
function rarer(x: number, y: number, frequency: Int32Array): boolean {
  return frequency[x]! < frequency[y]! || (frequency[x] === frequency[y] && x < y);
}

/**
 * Adds the k rarest words of a set (rarest first) to `prefixes`: a selection over a copy in `scratch`, since k is
 * one or two for a label's handful of words.
 */
function addRarest(words: WordSets, set: number, k: number, frequency: Int32Array, scratch: IntList, prefixes: IntList): void {
  scratch.clear();
  for (let p = words.start(set); p < words.end(set); p++) scratch.push(words.word(p));
  for (let n = 0; n < Math.min(k, scratch.length); n++) {
    let best = n;
    for (let i = n + 1; i < scratch.length; i++) if (rarer(scratch.get(i), scratch.get(best), frequency)) best = i;
    const w = scratch.get(best);
    scratch.set(best, scratch.get(n));
    scratch.set(n, w);
    prefixes.push(w);
  }
}

/**
 * Pairs of activities whose content words are the same or nearly so (Jaccard >= 0.85). Candidates come from
 * prefix filtering: two sets that similar must share one of the rarest few words of each (rarest first, ties by
 * word id: any fixed order works), so only activities sharing such a word are compared, and large plans stay fast.
 */
function duplicateActivities(plan: Plan, { verbs, words, sets }: Labels, out: Finding[]): void {
  const acts = plan.activities;
  const frequency = new Int32Array(words.vocabularySize);
  for (const set of sets) for (let p = words.start(set); p < words.end(set); p++) frequency[words.word(p)]!++;
  // Each label's rare words (its prefix), all in one list: label j's are prefixes[prefixEnds[j - 1] .. prefixEnds[j]).
  const prefixes = new IntList();
  const prefixEnds = new Int32Array(acts.length);
  const scratch = new IntList();
  for (let j = 0; j < acts.length; j++) {
    const size = words.size(sets[j]!);
    if (size >= 2) addRarest(words, sets[j]!, size - Math.ceil(NEAR_DUPLICATE * size) + 1, frequency, scratch, prefixes);
    prefixEnds[j] = prefixes.length;
  }
  const prefixStart = (j: number): number => (j === 0 ? 0 : prefixEnds[j - 1]!);
  // The labels under each rare word, in plan order: word w's are under[underStart[w] .. underStart[w + 1]).
  const underStart = new Int32Array(words.vocabularySize + 1);
  for (let p = 0; p < prefixes.length; p++) underStart[prefixes.get(p) + 1]!++;
  for (let w = 0; w < words.vocabularySize; w++) underStart[w + 1]! += underStart[w]!;
  const under = new Int32Array(prefixes.length);
  const filled = underStart.slice(0, words.vocabularySize);
  for (let j = 0; j < acts.length; j++) for (let p = prefixStart(j); p < prefixEnds[j]!; p++) under[filled[prefixes.get(p)]!++] = j;

  const seenFor = new Int32Array(acts.length).fill(-1);
  const candidates = new IntList();
  for (let j = 0; j < acts.length; j++) {
    // The earlier labels sharing one of this label's rare words.
    candidates.clear();
    for (let p = prefixStart(j); p < prefixEnds[j]!; p++) {
      const w = prefixes.get(p);
      for (let u = underStart[w]!; u < underStart[w + 1]! && under[u]! < j; u++) {
        const i = under[u]!;
        if (seenFor[i] === j) continue;
        seenFor[i] = j;
        candidates.push(i);
      }
    }
    // One rare word's list is in plan order already.
    if (prefixEnds[j]! - prefixStart(j) > 1) candidates.sort();
    const b = acts[j]!;
    const size = words.size(sets[j]!);
    for (let c = 0; c < candidates.length; c++) {
      const i = candidates.get(c);
      // Sets this similar are close in size too.
      const other = words.size(sets[i]!);
      if (Math.min(other, size) < NEAR_DUPLICATE * Math.max(other, size)) continue;
      const a = acts[i]!;
      const va = verbs[i]!;
      const vb = verbs[j]!;
      if (va !== vb && (STEP_VERBS.has(va) || STEP_VERBS.has(vb))) continue;
      const same = a.text.trim().toLowerCase() === b.text.trim().toLowerCase();
      if (!same && words.similarity(sets[i]!, sets[j]!) < NEAR_DUPLICATE) continue;
      out.push({
        rule: "duplicate-activity",
        severity: "warning",
        message: same
          ? `"${excerpt(b.text)}" (${where(b)}) is listed twice: also at ${where(a)}. Remove one, or say in the text how they differ.`
          : `"${excerpt(b.text)}" (${where(b)}) is nearly the same as "${excerpt(a.text)}" (${where(a)}). If they are one activity, keep one; if not, say in the text how they differ.`,
        cell: b.cell,
        activityId: b.id,
      });
      // Each activity is reported once, as a copy of the first it repeats.
      break;
    }
  }
}

/** The order of work: design before you implement, implement before you monitor. */
const STAGE = new Map<string, number>([
  ["develop", 0], ["design", 0], ["create", 0], ["build", 0], ["draft", 0],
  ["implement", 1], ["pilot", 1], ["launch", 1],
  ["monitor", 2], ["evaluate", 2],
]);

/** The step's verb and the spaces after it, read from the start of the line (sticky: it does not search on). */
const VERB_AND_SPACE = /\s*\S+\s+/y;

/** What the step works on: its first line without the verb. */
function objectOf(text: string): string {
  const newline = text.indexOf("\n");
  const line = newline < 0 ? text : text.slice(0, newline);
  VERB_AND_SPACE.lastIndex = 0;
  return VERB_AND_SPACE.test(line) ? line.slice(VERB_AND_SPACE.lastIndex) : line;
}

/** Where the object's head ends: a comma, or a word that starts a qualifier ("for CSI schools", "with ..."). */
const HEAD_END = /[,;:]|\b(?:for|with|in|to|on|at|by|from|into|of|that|which|who|and|as|using|through|across|within|during|around|based|so)\b/i;

/**
 * The thing a step works on, without its qualifiers: "the PLC model" in "Monitor the PLC model with the PLC
 * self-assessment" and in "Develop a PLC model for CSI schools, allowing time ...". Steps of one piece of work
 * name the same thing and qualify it differently, so the head is compared as well as the whole object.
 */
function headOf(object: string): string {
  const end = HEAD_END.exec(object);
  return end ? object.slice(0, end.index) : object;
}

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
  first: ScheduledMark;
  start: number;
  /** The object's content words and its head's, as word sets. */
  words: number;
  head: number;
}

function sequenceChecks(plan: Plan, { verbs, words, objects, heads }: Labels, out: Finding[]): void {
  // A step depends on a step of the same piece of work: the same block, under the same goal or strategy. Each
  // scope keeps its steps by stage, so a step is compared with the earlier stages' steps only.
  const scopes: Map<string, Staged[][]>[] = [];
  // The activities under the same levels share one path array: its key is joined once.
  const pathKeys = new Map<readonly string[], string>();
  for (let index = 0; index < plan.activities.length; index++) {
    const a = plan.activities[index]!;
    const stage = STAGE.get(verbs[index]!);
    if (stage === undefined) continue;
    const first = firstLive(a);
    if (first === null) continue;
    // By block, then by the path within it.
    const inBlock = (scopes[a.block] ??= new Map());
    let path = pathKeys.get(a.path);
    if (path === undefined) pathKeys.set(a.path, (path = a.path.join("\u0000")));
    let byStage = inBlock.get(path);
    if (!byStage) inBlock.set(path, (byStage = [[], [], []]));
    byStage[stage]!.push({ a, index, stage, first, start: dayNumberOfIso(first.start), words: objects[index]!, head: heads[index]! });
  }
  const found: { later: Staged; best: Staged }[] = [];
  for (const byStage of scopes.flatMap((inBlock) => [...inBlock.values()])) {
    for (let stage = 1; stage < byStage.length; stage++) {
      for (const later of byStage[stage]!) {
        // The most similar step of an earlier stage; on a tie, the latest stage (implement before monitor).
        let best: Staged | null = null;
        let bestScore = 0;
        const laterHasHead = words.size(later.head) > 0;
        for (let s = 0; s < stage; s++) {
          for (const earlier of byStage[s]!) {
            const headScore = laterHasHead && words.size(earlier.head) > 0 ? words.similarity(earlier.head, later.head) : 0;
            const score = Math.max(words.similarity(earlier.words, later.words), headScore);
            if (score > bestScore || (score === bestScore && best !== null && earlier.stage > best.stage)) {
              best = earlier;
              bestScore = score;
            }
          }
        }
        if (best && bestScore >= 0.4 && later.start < best.start) found.push({ later, best });
      }
    }
  }
  // In the order of the plan.
  found.sort((x, y) => x.later.index - y.later.index);
  for (const { later, best } of found) {
    const laterVerb = verbs[later.index]!;
    const earlierVerb = verbs[best.index]!;
    out.push({
      rule: "sequence",
      severity: "warning",
      message:
        `"${excerpt(later.a.text)}" (${where(later.a)}) starts in ${later.first.period}, before "${excerpt(best.a.text)}" ` +
        `(${where(best.a)}) starts in ${best.first.period}. You cannot ${laterVerb} what you have not begun to ${earlierVerb}: ` +
        `move one of them.`,
      cell: later.a.cell,
      activityId: later.a.id,
    });
  }
}

type Frequency = "weekly" | "monthly" | "quarterly" | "times-a-year" | "annually";

/** What the text says: how often, the words to quote back, and for "N times a year" the N. */
interface Said {
  frequency: Frequency;
  word: string;
  times: number;
}

const COUNTS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };

/**
 * "Per year" alone is not a frequency: "three coaching days per year", "20 hours of PD per year" count days or
 * hours, not occurrences. "N times a year" (or per year) is one, and so is "twice a year".
 */
const TIMES_A_YEAR = /\b(twice|one|two|three|four|five|six|\d{1,2})( times)? (a|per|each|every) (school )?year\b/i;

const FREQUENCIES: [Frequency, RegExp, string, number][] = [
  ["times-a-year", /\b(semi-?annual(ly)?|bi-?annual(ly)?)\b/gi, "twice a year", 2],
  ["times-a-year", /\b(each|every|per) semester\b/gi, "each semester", 2],
  ["times-a-year", /\b(each|every|per) trimester\b/gi, "each trimester", 3],
  ["quarterly", /\b(quarterly|(each|every|per) quarter)\b/gi, "quarterly", 4],
  ["monthly", /\b(monthly|(each|every|per) month)\b/gi, "monthly", 0],
  ["weekly", /\b(weekly|(each|every|per) week)\b/gi, "weekly", 0],
  ["annually", /\b(annual(ly)?|yearly|(each|every) (school )?year|once (a|per|each|every) (school )?year)\b/gi, "annually", 1],
];

/**
 * A frequency word that describes a thing the activity is about, not how often the activity happens:
 *  - the adjective "annual": "present the annual report", "complete annual evaluations" (often marked at mid-year
 *    and at year's end), "update the annual PD calendar". "Annually" says how often, and so does "semiannual".
 *  - a word after "for", "of", "on" or "about": "design a schedule for annual and weekly learning", "a calendar of
 *    monthly meetings" ("share data at monthly meetings" still says how often). Other such words of a list
 *    ("annual and weekly") are skipped back over.
 * "Hold monthly meetings", "meet monthly", "review the plan annually", and every "each quarter" or "twice a year"
 * say how often.
 */
const AFTER_PREPOSITION = /(?:^|\s)(?:for|of|on|about)\s+$/i;
const LISTED_FREQUENCY = /(?:semi-?|bi-?)?(?:annual|yearly|quarterly|monthly|weekly)(?:,|\s+(?:and|or|&))?\s+$/i;
const BARE_WORD = /^(?:semi-?|bi-?)?(?:annually|yearly|quarterly|monthly|weekly)$/i;
const ADJECTIVE = /^annual$/i;

function describesAThing(text: string, match: RegExpExecArray): boolean {
  const word = match[0];
  if (ADJECTIVE.test(word)) return true;
  if (!BARE_WORD.test(word)) return false;
  let before = text.slice(0, match.index);
  for (let m = LISTED_FREQUENCY.exec(before); m; m = LISTED_FREQUENCY.exec(before)) before = before.slice(0, m.index);
  return AFTER_PREPOSITION.test(before);
}

/** Whether the text uses the pattern to say how often the activity happens (a global pattern: every use is tried). */
function saysHowOften(text: string, pattern: RegExp): boolean {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) if (!describesAThing(text, m)) return true;
  return false;
}

/**
 * Every frequency phrase above names one of these: text without any says no frequency. Each is letters only, so
 * one that a text names lies within one of its words (readLabels marks the labels with such a word).
 */
export const FREQUENCY_WORD = /annual|year|semester|trimester|quarter|month|week/i;

function frequencyOf(text: string): Said | null {
  if (!FREQUENCY_WORD.test(text)) return null;
  const n = TIMES_A_YEAR.exec(text);
  if (n) {
    const count = n[1]!.toLowerCase();
    const times = count === "twice" ? 2 : (COUNTS[count] ?? Number(count));
    // "two times a year", but not "two days a year": a bare number needs "times"; "twice" does not. Marks
    // in consecutive months count as one occurrence, so only up to four times a year can be checked.
    if (count === "twice" || n[2] !== undefined) {
      if (times === 1) return { frequency: "annually", word: n[0].toLowerCase(), times: 1 };
      return times >= 2 && times <= 4 ? { frequency: "times-a-year", word: n[0].toLowerCase(), times } : null;
    }
  }
  for (const [frequency, re, word, times] of FREQUENCIES) if (saysHowOften(text, re)) return { frequency, word, times };
  return null;
}

/** The school year a month (year * 12 + month - 1) falls in. */
function schoolYearOfMonth(month: number, startMonth: number): number {
  return schoolYearOf({ year: Math.floor(month / 12), month: (month % 12) + 1, day: 1 }, startMonth);
}

function frequencyChecks(plan: Plan, { namesFrequency }: Labels, out: Finding[]): void {
  // Each block's timeline as month indexes, worked out for the first activity that needs it.
  const timelines: (number[] | undefined)[] = [];
  for (let i = 0; i < plan.activities.length; i++) {
    const a = plan.activities[i]!;
    // A label none of whose words names a frequency says none (its words were read once, by readLabels).
    if (a.schedule.length === 0 || namesFrequency[i] === 0) continue;
    const found = frequencyOf(a.text);
    if (!found) continue;
    const { word } = found;
    const block = plan.blocks[a.block]!;
    const timeline = (timelines[a.block] ??= block.periods.map((p) => monthIndexOfIso(p.start)));
    const problem =
      block.kind in PERIODS_PER_YEAR
        ? partOfYearProblem(found, a, block.periods, PERIODS_PER_YEAR[block.kind]!, plan.startMonth)
        : frequencyProblem(found, a, block.kind, plan.startMonth, timeline);
    if (!problem) continue;
    out.push({
      rule: "frequency-mismatch",
      severity: "warning",
      message: `"${excerpt(a.text)}" (${where(a)}) says ${word}, but ${problem}. Check the marks or the wording.`,
      cell: a.schedule[0]!.cell,
      activityId: a.id,
    });
  }
}

/** Runs of consecutive marked months: one occurrence each. */
function runs(months: number[]): number[][] {
  const out: number[][] = [];
  for (const m of months) {
    const last = out[out.length - 1];
    if (last && m === last[last.length - 1]! + 1) last.push(m);
    else out.push([m]);
  }
  return out;
}

function frequencyProblem(
  { frequency, times }: Said,
  a: Activity,
  kind: string,
  startMonth: number,
  timelineMonths: number[],
): string | null {
  const marks = a.schedule.filter((m) => m.state !== "cancelled");
  if (marks.length === 0) return null;
  if (kind === "school-year" || kind === "calendar-year") {
    if (frequency !== "annually") return null;
    const years = marks.map((m) => Number(m.start.slice(0, 4)));
    for (let i = 1; i < years.length; i++) {
      if (years[i]! - years[i - 1]! > 1) return `no year is marked between ${schoolYearLabel(years[i - 1]!)} and ${schoolYearLabel(years[i]!)}`;
    }
    return null;
  }
  if (kind !== "month") return null;
  const months = [...new Set(marks.map((m) => monthIndexOfIso(m.start)))].sort((x, y) => x - y);
  const occurrences = runs(months);
  const gaps = occurrences.slice(1).map((r, i) => r[0]! - occurrences[i]![occurrences[i]!.length - 1]!);
  const schoolYear = (m: number): number => schoolYearOfMonth(m, startMonth);
  /** School years the timeline covers in full, with the occurrences that start in each. */
  const covered = new Map<number, number>();
  const monthsPerYear = new Map<number, number>();
  for (const m of new Set(timelineMonths)) monthsPerYear.set(schoolYear(m), (monthsPerYear.get(schoolYear(m)) ?? 0) + 1);
  for (const [sy, n] of monthsPerYear) if (n === 12) covered.set(sy, 0);
  for (const r of occurrences) {
    const sy = schoolYear(r[0]!);
    if (covered.has(sy)) covered.set(sy, covered.get(sy)! + 1);
  }
  const count = (expected: string, test: (n: number) => boolean): string | null => {
    for (const [sy, n] of covered) {
      if (!test(n)) return timesShown(n, sy, expected);
    }
    return null;
  };
  switch (frequency) {
    case "weekly":
    case "monthly": {
      if (months.length === 1 && timelineMonths.length >= 3) return "only one month is marked";
      const gap = gaps.find((g) => g > 1);
      return gap === undefined ? null : `the marks skip ${gap - 1} month${gap - 1 === 1 ? "" : "s"} between occurrences`;
    }
    case "quarterly": {
      if (occurrences.some((r) => r.length > 3)) return "the marks run for more than a quarter without a break";
      const gap = gaps.find((g) => g > 5);
      if (gap !== undefined) return `the marks leave ${gap - 1} months without an occurrence`;
      if (gaps.length > 0 && gaps.every((g) => g <= 1)) return "the marks fall in every month";
      return count("about four", (n) => n >= 3 && n <= 5);
    }
    case "times-a-year":
      return count(NUMBER_WORDS[times] ?? String(times), (n) => n === times);
    case "annually":
      return count("one", (n) => n <= 1);
  }
}

/** Timelines of parts of a school year, and how many parts make one. */
const PERIODS_PER_YEAR: Partial<Record<string, number>> = { quarter: 4, trimester: 3, semester: 2 };

/** How many times a year each frequency means; weekly and monthly mean every part of the year. */
const TIMES_PER_YEAR: Record<Frequency, number> = { weekly: 52, monthly: 12, quarterly: 4, "times-a-year": 0, annually: 1 };

/**
 * A frequency against a timeline of quarters, trimesters or semesters. Said at most once a part (annually, twice
 * a year on quarters, each trimester on trimesters): the parts marked in each school year the timeline covers in
 * full are counted, consecutive parts as one occurrence for "annually" (an annual task can run over two quarters).
 * Said more often than once a part (monthly on quarters, quarterly on semesters): no part may go unmarked between
 * the first mark and the last, and one part alone is not enough.
 */
function partOfYearProblem({ frequency, times }: Said, a: Activity, periods: Period[], perYear: number, startMonth: number): string | null {
  const marks = a.schedule.filter((m) => m.state !== "cancelled");
  if (marks.length === 0) return null;
  const kind = periods[0]!.kind;
  // The timeline's parts in time order, each once.
  const parts = [...new Map(periods.map((p) => [p.start, p])).values()].sort((x, y) => (x.start < y.start ? -1 : 1));
  const marked = new Set(marks.map((m) => m.start));
  const isMarked = parts.map((p) => marked.has(p.start));
  const expected = frequency === "times-a-year" ? times : TIMES_PER_YEAR[frequency];
  if (expected > perYear) {
    const first = isMarked.indexOf(true);
    const last = isMarked.lastIndexOf(true);
    if (first < 0) return null;
    if (first === last) return parts.length >= 3 ? `only one ${kind} is marked` : null;
    const gap = isMarked.indexOf(false, first);
    return gap >= 0 && gap < last ? `the marks leave ${parts[gap]!.label} without an occurrence` : null;
  }
  const byYear = new Map<number, boolean[]>();
  parts.forEach((p, i) => {
    const sy = schoolYearOfMonth(monthIndexOfIso(p.start), startMonth);
    const inYear = byYear.get(sy);
    if (inYear) inYear.push(isMarked[i]!);
    else byYear.set(sy, [isMarked[i]!]);
  });
  for (const [sy, inYear] of byYear) {
    if (inYear.length !== perYear) continue;
    const n = frequency === "annually" ? inYear.filter((m, i) => m && !inYear[i - 1]).length : inYear.filter((m) => m).length;
    const ok = frequency === "quarterly" ? n >= 3 : frequency === "annually" ? n <= 1 : n === expected;
    if (!ok) {
      const wanted = frequency === "quarterly" ? "about four" : (NUMBER_WORDS[expected] ?? String(expected));
      return timesShown(n, sy, wanted);
    }
  }
  return null;
}

/** What the marks of a school year show against what the wording expects: "the marks show 2 times in 2023-24 (expected one)". */
function timesShown(n: number, schoolYear: number, expected: string): string {
  const shown = n === 0 ? "no occurrence" : n === 1 ? "one time" : `${n} times`;
  return `the marks show ${shown} in ${schoolYearLabel(schoolYear)} (expected ${expected})`;
}

const NUMBER_WORDS = ["none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

const ON_TRACK = /^(on[ -]?track|on schedule|green)$/i;
const NOT_STARTED = /^(not[ -]?started|not yet started|not begun|planned)$/i;

function statusContradictions(plan: Plan, asOf: IsoDate, out: Finding[]): void {
  const day = dayNumberOfIso(asOf);
  const statusColumn = (a: Activity): string => {
    const column = plan.blocks[a.block]!.columns["status"];
    return column ? a.cell.replace(/![A-Z]+\d+$/, `!${column}${a.rows[0]}`) : a.cell;
  };
  for (const a of plan.activities) {
    if (!a.status) continue;
    const status = a.status.trim();
    const statuses = a.schedule.map((m) => markStatus(m, day));
    if (ON_TRACK.test(status)) {
      const overdue = a.schedule.filter((_, i) => statuses[i] === "overdue");
      if (overdue.length > 0) {
        out.push({
          rule: "status-contradiction",
          severity: "warning",
          message: `"${excerpt(a.text)}" (${where(a)}) is reported "${status}", but ${overdue.length === 1 ? `its ${overdue[0]!.period} mark is` : `${overdue.length} of its marks (${overdue.map((m) => m.period).join(", ")}) are`} overdue as of ${asOf}. Update the status, or mark the work done.`,
          cell: statusColumn(a),
          activityId: a.id,
        });
      }
    } else if (NOT_STARTED.test(status)) {
      const started = a.schedule.filter((m) => m.state === "done" || m.state === "in-progress");
      if (started.length > 0) {
        out.push({
          rule: "status-contradiction",
          severity: "warning",
          message: `"${excerpt(a.text)}" (${where(a)}) is reported "${status}", but its ${started.map((m) => m.period).join(", ")} mark${started.length === 1 ? " says" : "s say"} ${started[0]!.state === "done" ? "done" : "in progress"}. Update the status or the marks.`,
          cell: statusColumn(a),
          activityId: a.id,
        });
      }
    }
  }
}

function lastEnd(acts: Activity[]): { end: IsoDate; period: string; cell: string } | null {
  let last: ScheduledMark | null = null;
  for (const a of acts) for (const m of a.schedule) if (m.state !== "cancelled" && (!last || m.end > last.end)) last = m;
  return last && { end: last.end, period: last.period, cell: last.cell };
}

const TARGET = /\bby\s+(?:(?:the\s+end\s+of|june|spring|fall|summer|december)\s+)?((?:19|20)\d{2})\b/i;

/**
 * A goal's target year ("By 2028, ...") before the end of its last scheduled period. A goal above the timeline
 * covers the sheet's work; a goal row (or a block title that names a goal) covers the activities below it, and
 * is reported at its own cell, once. A title above the first timeline is both: it is checked as a level.
 */
function goalTargets(plan: Plan, out: Finding[]): void {
  const check = (text: string, cell: string, year: number, acts: Activity[]): void => {
    const last = lastEnd(acts);
    if (!last || last.end <= `${year}-12-31`) return;
    out.push({
      rule: "goal-target-before-schedule",
      severity: "warning",
      message: `The goal "${excerpt(text)}" (${localCell(cell)}) is to be met by ${year}, but its work is scheduled until ${last.period} (${localCell(last.cell)}). Move the target year or the work.`,
      cell,
    });
  };
  const under = new Map<string, { text: string; year: number; acts: Activity[] }>();
  // Each level's target year (or none), read once for the level, not once for every activity under it.
  const targetYears = new Map<string, number | null>();
  for (const a of plan.activities) {
    for (let i = 0; i < a.path.length; i++) {
      const level = a.path[i]!;
      const cell = a.pathCells[i] ?? a.cell;
      const entry = under.get(cell);
      if (entry) {
        entry.acts.push(a);
        continue;
      }
      let year = targetYears.get(level);
      if (year === undefined) {
        const target = TARGET.exec(level);
        targetYears.set(level, (year = target ? Number(target[1]) : null));
      }
      if (year !== null) under.set(cell, { text: level, year, acts: [a] });
    }
  }
  for (const goal of plan.goals) {
    if (goal.targetYear !== null && !under.has(goal.cell)) check(goal.text, goal.cell, goal.targetYear, plan.activities);
  }
  // A block's title that gives a target year without naming a level ("By 2026, every school ..." above a second
  // timeline) covers that block's work. The first block's title is the sheet's goal, checked above.
  const goalCells = new Set(plan.goals.map((g) => g.cell));
  for (const block of plan.blocks) {
    if (block.title === null || block.titleCell === null || under.has(block.titleCell) || goalCells.has(block.titleCell)) continue;
    const target = TARGET.exec(block.title);
    if (target) check(block.title, block.titleCell, Number(target[1]), plan.activities.filter((a) => a.block === block.index));
  }
  for (const [cell, { text, year, acts }] of under) check(text, cell, year, acts);
}
