import { z } from "zod/mini";
import type { Plan } from "./plan";

/**
 * Learning Forward's Standards for Professional Learning (docs/product.md, "The rest of a plan"): the 2011 seven and
 * the 2022 eleven, the ways districts write their names, and which standard a piece of a `Standard(s)` cell names.
 */

export const StandardsEditionSchema = z.enum(["2011", "2022"]);
export type StandardsEdition = z.infer<typeof StandardsEditionSchema>;

/** Each edition's standards, in the order Learning Forward lists them. */
export const STANDARDS: Record<StandardsEdition, readonly string[]> = {
  "2011": ["Learning Communities", "Leadership", "Resources", "Data", "Learning Designs", "Implementation", "Outcomes"],
  "2022": [
    "Equity Practices",
    "Curriculum, Assessment, and Instruction",
    "Professional Expertise",
    "Equity Drivers",
    "Evidence",
    "Learning Designs",
    "Implementation",
    "Equity Foundations",
    "Culture of Collaborative Inquiry",
    "Leadership",
    "Resources",
  ],
};

/**
 * Where a standard of one edition went in the other (Learning Forward's 2022 revision: Learning Communities became
 * Culture of Collaborative Inquiry, Data became Evidence, Outcomes' content went to Curriculum, Assessment, and
 * Instruction). The equity standards and Professional Expertise are new in 2022 and have no 2011 counterpart.
 */
const COUNTERPART: Record<string, string> = {
  "Learning Communities": "Culture of Collaborative Inquiry",
  Data: "Evidence",
  Outcomes: "Curriculum, Assessment, and Instruction",
  "Culture of Collaborative Inquiry": "Learning Communities",
  Evidence: "Data",
  "Curriculum, Assessment, and Instruction": "Outcomes",
};

/** Short forms districts write, beyond case, "&" for "and", singular or plural, and a "Standard" before or after. */
const SHORT_FORMS: Record<string, readonly string[]> = {
  "Learning Communities": ["LC"],
  "Learning Designs": ["LD"],
  Leadership: ["Lead"],
  Resources: ["Res"],
  Implementation: ["Impl", "Imp"],
  "Equity Practices": ["EP"],
  "Curriculum, Assessment, and Instruction": ["CAI", "Curriculum"],
  "Professional Expertise": ["PE", "Expertise"],
  "Equity Drivers": ["ED"],
  "Equity Foundations": ["EF"],
  "Culture of Collaborative Inquiry": ["CCI", "Collaborative Inquiry", "Culture of Inquiry"],
};

/** A name's key: lower case, "and"/"&", "the", "standard(s)" and punctuation left out, each word singular. */
export function standardKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .split(" ")
    .filter((w) => w !== "" && w !== "and" && w !== "the" && w !== "standard" && w !== "standards")
    .map((w) => (w.length > 3 && w.endsWith("ies") ? `${w.slice(0, -3)}y` : w.length > 2 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w))
    .join(" ");
}

/** Every key a standard is known by, to its name. */
const BY_KEY = new Map<string, string>();
for (const name of new Set([...STANDARDS["2011"], ...STANDARDS["2022"]])) {
  for (const form of [name, ...(SHORT_FORMS[name] ?? [])]) BY_KEY.set(standardKey(form), name);
}

/** The editions a standard belongs to. */
export function editionsOf(name: string): StandardsEdition[] {
  return StandardsEditionSchema.options.filter((e) => STANDARDS[e].includes(name));
}

/** The standard a name means, whatever the edition; null when it names none. */
export function standardNamed(text: string): string | null {
  return BY_KEY.get(standardKey(text)) ?? null;
}

/** One name in a cell: where it is in the text, and the standard it means (null when none). */
export interface NamedStandard {
  /** The piece of the cell's text as written. */
  text: string;
  start: number;
  end: number;
  standard: string | null;
}

/** The most pieces a name can take between separators ("Curriculum", "Assessment", "and Instruction"). */
const LONGEST = 4;

/**
 * The names in a `Standard(s)` cell, separated by commas, semicolons, slashes, line breaks or bullets. A name with
 * commas of its own ("Curriculum, Assessment, and Instruction") is found by joining neighbouring pieces, longest
 * first; "Leadership and Resources" is two names. A leading list number ("1.") is not part of a name.
 */
export function namedStandards(text: string): NamedStandard[] {
  const pieces: { text: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(/[^,;/|\n\r\u2022]+/g)) {
    const lead = /^[\s\-\u2013*]*(?:\d{1,2}[.)]\s*)?/.exec(m[0])![0].length;
    const piece = m[0].slice(lead).trimEnd();
    if (standardKey(piece) !== "") pieces.push({ text: piece, start: m.index + lead, end: m.index + lead + piece.length });
  }
  const out: NamedStandard[] = [];
  let i = 0;
  while (i < pieces.length) {
    let found: NamedStandard | null = null;
    for (let n = Math.min(LONGEST, pieces.length - i); n >= 1 && found === null; n--) {
      const first = pieces[i]!;
      const last = pieces[i + n - 1]!;
      const standard = standardNamed(pieces.slice(i, i + n).map((p) => p.text).join(" "));
      if (standard !== null && (n === 1 || !pieces.slice(i, i + n).every((p) => standardNamed(p.text) !== null))) {
        found = { text: text.slice(first.start, last.end), start: first.start, end: last.end, standard };
        i += n;
      }
    }
    if (found) {
      out.push(found);
      continue;
    }
    out.push(...splitOnAnd(pieces[i]!));
    i++;
  }
  return out;
}

/** A piece that names no standard as a whole: "Leadership and Resources", "Data & Evidence" are two names each. */
function splitOnAnd(piece: { text: string; start: number; end: number }): NamedStandard[] {
  const parts: NamedStandard[] = [];
  const separator = /\s+(?:and|&)\s+|\s*&\s*/gi;
  let from = 0;
  for (const m of piece.text.matchAll(separator)) {
    parts.push(part(piece, from, m.index));
    from = m.index + m[0].length;
  }
  parts.push(part(piece, from, piece.text.length));
  if (parts.length > 1 && parts.every((p) => p.standard !== null)) return parts;
  return [{ ...piece, standard: null }];
}

function part(piece: { text: string; start: number }, from: number, to: number): NamedStandard {
  const text = piece.text.slice(from, to);
  return { text, start: piece.start + from, end: piece.start + to, standard: standardNamed(text) };
}

/** What to suggest for a name that is not one of the edition's standards. */
export interface Suggestion {
  /** The standards it might mean: one when the suggestion is clear enough for a fix, a few when it is not. */
  names: string[];
  /** Why: a standard of the other edition and its counterpart, or a name written nearly like it. */
  reason: "other-edition" | "near";
  /** The other edition's standard a name is written nearly like, whose counterpart `names` holds ("Learning Comunities"). */
  nearOther?: string;
}

/**
 * The edition's standard nearest a name: the counterpart of a standard of the other edition (Data -> Evidence), a
 * name that contains or is contained in it as whole words ("Data Analysis" -> Data; "Equity" -> the three equity
 * standards), or one written nearly like it (a letter or two off: "Learning Comunities"). Null when none is near.
 */
export function suggestStandard(text: string, edition: StandardsEdition): Suggestion | null {
  const named = standardNamed(text);
  if (named !== null && !STANDARDS[edition].includes(named)) {
    const counterpart = COUNTERPART[named];
    return counterpart ? { names: [counterpart], reason: "other-edition" } : null;
  }
  const key = standardKey(text);
  if (key === "" || key.length > 60) return null;
  const names = STANDARDS[edition];
  const words = ` ${key} `;
  const containing = names.filter((n) => {
    const k = standardKey(n);
    return words.includes(` ${k} `) || ` ${k} `.includes(words);
  });
  if (containing.length > 0 && containing.length <= 3) return { names: containing, reason: "near" };
  const allowed = Math.max(1, Math.min(3, Math.floor(key.length / 4)));
  const near = nearestName(key, names, allowed);
  if (near !== null) return { names: [near], reason: "near" };
  // Written nearly like a standard of the other edition that this edition names otherwise (a 2011 name misspelt).
  const other = nearestName(key, STANDARDS[edition === "2011" ? "2022" : "2011"], allowed);
  const counterpart = other === null ? undefined : COUNTERPART[other];
  return other !== null && counterpart !== undefined ? { names: [counterpart], reason: "other-edition", nearOther: other } : null;
}

/** The one name (or its short form) within `allowed` edits of a key, nearest; null when none is or two are as near. */
function nearestName(key: string, names: readonly string[], allowed: number): string | null {
  let best: string[] = [];
  let bestDistance = Infinity;
  for (const name of names) {
    for (const form of [name, ...(SHORT_FORMS[name] ?? []).filter((f) => f.length > 3)]) {
      const d = editDistance(key, standardKey(form));
      if (d < bestDistance) {
        bestDistance = d;
        best = [name];
      } else if (d === bestDistance && !best.includes(name)) best.push(name);
    }
  }
  return bestDistance <= allowed && best.length === 1 ? best[0]! : null;
}

/** Levenshtein distance (both strings are at most about 60 characters here). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * The edition a plan's names match: the one more of its standards belong to alone (Learning Communities, Data,
 * Outcomes are 2011's; the equity standards, Curriculum, Assessment, and Instruction, Professional Expertise,
 * Evidence, Culture of Collaborative Inquiry 2022's). Names both editions share (Learning Designs, Implementation,
 * Leadership, Resources), no names, or as many of each: the current edition, 2022, and "default" says it was a guess.
 */
export function editionOfNames(names: Iterable<string>): { edition: StandardsEdition; source: "names" | "default" } {
  let only2011 = 0;
  let only2022 = 0;
  for (const name of names) {
    const editions = editionsOf(name);
    if (editions.length !== 1) continue;
    if (editions[0] === "2011") only2011++;
    else only2022++;
  }
  if (only2011 > only2022) return { edition: "2011", source: "names" };
  if (only2022 > only2011) return { edition: "2022", source: "names" };
  return { edition: "2022", source: "default" };
}

/** How many of a plan's activities address each standard of its edition, in the edition's order. */
export function coverageOf(plan: Plan): { name: string; activities: number }[] {
  const edition = plan.standards?.edition;
  if (!edition) return [];
  const counts = new Map(STANDARDS[edition].map((name) => [name, 0]));
  for (const a of plan.activities) for (const name of a.standards?.names ?? []) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, activities]) => ({ name, activities }));
}
