/** @jest-environment node */
/**
 * The label checks that run for every line of a plan read characters, not patterns, on plain ASCII text. Each is
 * held to the plain definition it stands for, on any text: ASCII, accents, other scripts, every kind of space.
 */
import fc from "fast-check";
import { isErrorValue } from "../../src/core/grid";
import { endsMidSentence, hasUntidySpace, looksLikeFormula, startsLowerCase, words } from "../../src/core/label-text";

const DANGLING = ["and", "the", "of", "for", "to", "with", "&", "their", "all"];
const FREQUENCY = ["monthly", "Quarter", "YEAR", "semi-annual", "bi\u0301weekly", "trimester", "se\u0301mester", "2year"];
const PIECES = [
  ...DANGLING, ...FREQUENCY, "Develop", "plan", "PLC", "x", "É", "é", "Ω", "Й", "日本", ",", ";", "/", "-", "\u2013", "=", "+", "@", "#", "(", ")", ".",
  " ", "  ", "\t", "\n", "\u00a0", "\u2003", "\u3000", "\ufeff", "#N/A", "#REF!", "\ud83d\ude00",
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((parts) => parts.join(""));
const anyText = fc.oneof(text, fc.string({ unit: "grapheme", maxLength: 12 }), fc.string({ unit: "binary", maxLength: 12 }));

/** The definitions, as patterns. */
const reference = {
  startsLowerCase(t: string): boolean {
    const first = t.trim().charAt(0);
    return first !== "" && first !== first.toUpperCase() && first === first.toLowerCase();
  },
  endsMidSentence(t: string): boolean {
    const s = t.trim();
    if (/[,;/\u2013-]$/.test(s)) return true;
    const word = /[A-Za-z&]*$/.exec(s)![0];
    return word !== "" && new Set(["a", "an", "the", "and", "or", "nor", "but", "of", "to", "for", "in", "on", "at", "by", "with", "from", "into", "as", "that", "which", "who", "whose", "including", "such", "than", "between", "among", "within", "through", "across", "per", "via", "their", "our", "its", "his", "her", "all", "each", "every", "both", "is", "are", "will", "be", "&"]).has(word.toLowerCase());
  },
  looksLikeFormula: (t: string): boolean => /^[=+\-@]/.test(t.trim()),
  hasUntidySpace: (t: string): boolean => /\s\s|[^\S ]/.test(t),
};

test.each(["startsLowerCase", "endsMidSentence", "looksLikeFormula", "hasUntidySpace"] as const)("%s agrees with its definition on any text", (name) => {
  const fast = { startsLowerCase, endsMidSentence, looksLikeFormula, hasUntidySpace }[name];
  fc.assert(
    fc.property(anyText, (t) => fast(t) === reference[name](t)),
    { numRuns: 5_000 },
  );
});

test("isErrorValue knows Excel's error values and nothing else", () => {
  fc.assert(fc.property(anyText, (t) => isErrorValue(t) === ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!"].includes(t)), { numRuns: 2_000 });
  expect(isErrorValue("#N/A")).toBe(true);
  expect(isErrorValue(42)).toBe(false);
});

test("words are the runs of letters and digits, lower case, accents off", () => {
  expect(words("Develop the PLC Model, 2024-25")).toEqual(["develop", "the", "plc", "model", "2024", "25"]);
  expect(words("Évaluer l'équipe")).toEqual(["evaluer", "l", "equipe"]);
  expect(words("\u{1d400}\u{1d401} plan")).toEqual(["ab", "plan"]);
  expect(words("Планировать 研修 plan")).toEqual(["plan"]);
});
