/** @jest-environment node */
/**
 * docs/product.md, "Validation: findings": findings are listed errors first, then warnings, then notes; by rule; by
 * cell in reading order. On a district plan with findings of several rules (written as .xlsx and read back by the
 * command line's reader), a shuffled copy sorts back into the report's order, and sorting starts no collator.
 */
import { compareFindings, type Finding } from "../../src/core";
import { analyzeRows } from "../support/read-back";
import { MONTHS_JUL_JUN as M, marked, timelineRow } from "../support/district";
import { error, removeTempFiles, type CellInput } from "../support/workbook-builder";

afterAll(removeTempFiles);

function step(text: CellInput, owner: CellInput, months: string[] | Record<string, CellInput>): CellInput[] {
  return timelineRow([text, owner], M, Array.isArray(months) ? marked(months) : months);
}

const ROWS: CellInput[][] = [
  ["Professional Learning Plan 2023-24"],
  [],
  ["Action Step", "Person(s) Responsible", ...M],
  ["Goal 1: Strengthen PLCs"],
  step("Review current templates for alignment with the strategic plan", "Principals", ["September"]),
  step("Train coaches on PLC protocols", null, { October: "TBD", December: "\u0425" }),
  step("Send teams to standards training", null, { November: error("#REF!"), February: "X" }),
  ["Goal 2: Align school plans"],
  step("Review current templates for alignment with the strategic plan.", "Principals", ["October"]),
  step("Walkthroughs", "Principals", { March: "maybe", April: "X" }),
  step("Present the plan to the board", null, []),
];

/** A fixed shuffle (a linear congruential sequence), so a failure repeats. */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  let seed = 7;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe("the order of findings", () => {
  let findings: Finding[] = [];
  beforeAll(async () => {
    findings = (await analyzeRows("PL Plan", ROWS, { asOf: "2024-01-15" })).findings;
  });

  it("holds findings of several rules and every severity", () => {
    expect(new Set(findings.map((f) => f.severity))).toEqual(new Set(["error", "warning", "info"]));
    expect(new Set(findings.map((f) => f.rule)).size).toBeGreaterThanOrEqual(5);
  });

  it("is by severity, then rule in alphabetical order, then cell in reading order", () => {
    const severities = findings.map((f) => ["error", "warning", "info"].indexOf(f.severity));
    expect(severities).toEqual([...severities].sort((a, b) => a - b));
    for (const severity of ["error", "warning", "info"]) {
      const rules = findings.filter((f) => f.severity === severity).map((f) => f.rule);
      expect(rules).toEqual([...rules].sort((a, b) => a.localeCompare(b, "en")));
    }
    const missingOwner = findings.filter((f) => f.rule === "missing-owner").map((f) => f.cell);
    expect(missingOwner).toEqual(["'PL Plan'!B6", "'PL Plan'!B7", "'PL Plan'!B11"]);
  });

  it("is what sorting a shuffled copy gives, without starting a collator", () => {
    const localeCompare = jest.spyOn(String.prototype, "localeCompare");
    try {
      expect(shuffled(findings).sort(compareFindings)).toEqual(findings);
      expect(localeCompare).not.toHaveBeenCalled();
    } finally {
      localeCompare.mockRestore();
    }
  });
});
