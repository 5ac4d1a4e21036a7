/** @jest-environment node */
/** The label checks that run for every line of a plan, on realistic lines and on any text. */
import fc from "fast-check";
import { isErrorValue } from "../../src/core/grid";
import { eachAsciiWord, endsMidSentence, hasUntidySpace, looksLikeFormula, startsLowerCase, words } from "../../src/core/label-text";

const DANGLING = ["and", "the", "of", "for", "to", "with", "&", "their", "all"];
const FREQUENCY = ["monthly", "Quarter", "YEAR", "semi-annual", "bi\u0301weekly", "trimester", "se\u0301mester", "2year"];
const PIECES = [
  ...DANGLING, ...FREQUENCY, "Develop", "plan", "PLC", "x", "É", "é", "Ω", "Й", "日本", ",", ";", "/", "-", "\u2013", "=", "+", "@", "#", "(", ")", ".",
  " ", "  ", "\t", "\n", "\u00a0", "\u2003", "\u3000", "\ufeff", "#N/A", "#REF!", "\ud83d\ude00",
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((parts) => parts.join(""));
const anyText = fc.oneof(text, fc.string({ unit: "grapheme", maxLength: 12 }), fc.string({ unit: "binary", maxLength: 12 }));

test("the label checks on realistic lines", () => {
  expect(startsLowerCase("learning needs for staff.")).toBe(true);
  expect(startsLowerCase("  école ouverte")).toBe(true);
  expect(startsLowerCase("Develop a survey")).toBe(false);
  expect(startsLowerCase("2 coaches")).toBe(false);
  expect(endsMidSentence("Develop a survey to check implementation of professional")).toBe(false);
  expect(endsMidSentence("Provide coaching cycles for first- and")).toBe(true);
  expect(endsMidSentence("Share data with principals,")).toBe(true);
  expect(endsMidSentence("Train staff on the")).toBe(true);
  expect(endsMidSentence("Train staff on theory")).toBe(false);
  expect(looksLikeFormula(" =SUM(A1:A3)")).toBe(true);
  expect(looksLikeFormula("@district")).toBe(true);
  expect(looksLikeFormula("Plan = goals")).toBe(false);
  expect(hasUntidySpace("Develop  a survey")).toBe(true);
  expect(hasUntidySpace("Develop\ta survey")).toBe(true);
  expect(hasUntidySpace("Develop\u00a0a survey")).toBe(true);
  expect(hasUntidySpace("Develop a survey")).toBe(false);
});

test("startsLowerCase and endsMidSentence read codes as their definitions read characters, on any text", () => {
  // The definitions, character by character: a first letter that lower-casing keeps and upper-casing changes; a line
  // ending in , ; / \u2013 - or in a dangling word (letters and "&").
  const lowerFirst = (t: string): boolean => {
    const first = t.trim().charAt(0);
    return first !== "" && first !== first.toUpperCase() && first === first.toLowerCase();
  };
  const midSentence = (t: string): boolean => {
    const end = t.trim();
    if (/[,;/\u2013-]$/.test(end)) return true;
    const last = /[A-Za-z&]*$/.exec(end)![0];
    return last !== "" && ["a", "an", "the", "and", "or", "nor", "but", "of", "to", "for", "in", "on", "at", "by", "with", "from", "into", "as", "that", "which", "who", "whose", "including", "such", "than", "between", "among", "within", "through", "across", "per", "via", "their", "our", "its", "his", "her", "all", "each", "every", "both", "is", "are", "will", "be", "&"].includes(last.toLowerCase());
  };
  fc.assert(
    fc.property(anyText, (t) => {
      expect(startsLowerCase(t)).toBe(lowerFirst(t));
      expect(endsMidSentence(t)).toBe(midSentence(t));
    }),
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

test("eachAsciiWord visits an ASCII text's words as words reads them, each where it starts; other text is left to words", () => {
  const ascii = fc.oneof(text.filter((t) => [...t].every((c) => c.charCodeAt(0) < 128)), fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)), maxLength: 40 }));
  const visited = (t: string): { read: boolean; words: string[]; starts: number[] } => {
    const found = { read: false, words: [] as string[], starts: [] as number[] };
    found.read = eachAsciiWord(t, (w, start) => {
      found.words.push(w);
      found.starts.push(start);
    });
    return found;
  };
  fc.assert(
    fc.property(ascii, (t) => {
      const at = visited(t);
      expect(at.read).toBe(true);
      expect(at.words).toEqual(words(t));
      at.words.forEach((w, i) => expect(t.slice(at.starts[i], at.starts[i]! + w.length).toLowerCase()).toBe(w));
    }),
    { numRuns: 2_000 },
  );
  expect(visited("Develop the PLC model, 2024-25")).toEqual({ read: true, words: ["develop", "the", "plc", "model", "2024", "25"], starts: [0, 8, 12, 16, 23, 28] });
  expect(visited("Évaluer l'équipe")).toEqual({ read: false, words: [], starts: [] });
});
