/** @jest-environment node */
/**
 * `milestone-monitor validate FILE` through `run(argv, io)`: the findings table (severity, cell, rule, message
 * and the fix), exit status 1 when any finding is an error and 0 otherwise; `--json` gives the findings array of
 * the JSON contract, the same findings the engine reports for the sheet.
 */
import { FileDocumentSchema, FindingSchema, analyzeSheet } from "../../src/core";
import { run } from "../../src/cli/main";
import { loadFile } from "../../src/cli/read-workbook";
import { captureIo } from "../support/read-back";
import { formula, removeTempFiles, writeTempWorkbook } from "../support/workbook-builder";
import { AS_OF, BASE_LINES, cell, insertAfter, line, planSheet, replace, rowOf, step } from "./district-plan";

afterAll(removeTempFiles);

const ARGS = ["--as-of", AS_OF];
const CAPITALIZE = "Capitalize on Data Days to review district common formative assessments.";

/** Goal 2's Data Days row with a #REF! in March (an error) and no owner (a warning); a stray line in Goal 1. */
const BROKEN = insertAfter(
  replace(BASE_LINES, "Capitalize", step(CAPITALIZE, null, { October: "X", January: "X", March: formula('IF(Calendar!B7,"X","")', { error: "#REF!" }) })),
  "Goal 1:",
  line("Develop a PLC model for CSI schools, also"),
);
const R = rowOf(BROKEN, "Capitalize");

/** Only warnings: the owner is missing. */
const WARNINGS = replace(BASE_LINES, "Capitalize", step(CAPITALIZE, null, ["October", "January", "March"]));

let broken: string;
let warnings: string;
let clean: string;

beforeAll(async () => {
  broken = await writeTempWorkbook({ sheets: [planSheet(BROKEN)] }, "broken-plan.xlsx");
  warnings = await writeTempWorkbook({ sheets: [planSheet(WARNINGS)] }, "warnings-plan.xlsx");
  clean = await writeTempWorkbook({ sheets: [planSheet(BASE_LINES)] }, "clean-plan.xlsx");
});

describe("validate FILE", () => {
  test("prints the findings table and exits 1 when a finding is an error", async () => {
    const io = captureIo(AS_OF);
    expect(await run(["validate", broken, ...ARGS], io)).toBe(1);
    expect(io.err).toBe("");
    const lines = io.out.split("\n");
    expect(lines[0]).toBe(`== ${broken}, sheet "PL Plan" ==`);
    expect(lines[1]).toMatch(/^Severity\s+Cell\s+Rule\s+Message$/);
    expect(lines[2]).toMatch(/^-{8} {2}-{6} {2}-{28} {2}-+$/);
    // Errors first, then warnings, each with its cell, rule and message; a fix is shown after its message.
    expect(lines[3]).toMatch(new RegExp(`^error\\s+K${R}\\s+error-value\\s+K${R} \\(Mar 2024\\) shows the error #REF!`));
    const body = io.out.replace(/\n {48}/g, " ");
    expect(body).toMatch(new RegExp(`\\nwarning\\s+B${R}\\s+missing-owner\\s+"Capitalize on Data Days`));
    expect(body).toMatch(/\nwarning\s+A6\s+stray-line\s+Row 6 \("Develop a PLC model for CSI schools, also"\) repeats the start of row 7.*\[Fix: Clear A6\]/);
    const severities = lines.slice(3).map((l) => /^(error|warning|info)\b/.exec(l)?.[1]).filter((s) => s !== undefined);
    expect(severities).toEqual(["error", "warning", "warning"]);
  });

  test("exits 0 when the findings are only warnings, and still prints them", async () => {
    const io = captureIo(AS_OF);
    expect(await run(["validate", warnings, ...ARGS], io)).toBe(0);
    expect(io.out).toMatch(new RegExp(`\\nwarning\\s+B${rowOf(WARNINGS, "Capitalize")}\\s+missing-owner\\s+`));
    expect(io.out).not.toMatch(/\nerror\s/);
  });

  test("exits 0 and says so when the plan reads cleanly", async () => {
    const io = captureIo(AS_OF);
    expect(await run(["validate", clean, ...ARGS], io)).toBe(0);
    expect(io.out).toBe(`== ${clean}, sheet "PL Plan" ==\nNo findings: the plan reads cleanly.\n`);
  });
});

describe("validate --json", () => {
  test("gives the findings array of the JSON contract: the engine's findings for the sheet, exit 1 on an error", async () => {
    const io = captureIo(AS_OF);
    expect(await run(["validate", broken, "--json", ...ARGS], io)).toBe(1);
    const doc = FileDocumentSchema.parse(JSON.parse(io.out));
    if ("sheets" in doc) throw new Error("expected one sheet's document");
    const expected = analyzeSheet((await loadFile(broken)).grids[0]!, { asOf: AS_OF }).findings;
    expect(doc.findings).toEqual(expected);
    expect(doc.findings.map((f) => [f.severity, f.rule, f.cell])).toEqual([
      ["error", "error-value", cell(`K${R}`)],
      ["warning", "missing-owner", cell(`B${R}`)],
      ["warning", "stray-line", cell("A6")],
    ]);
    for (const f of doc.findings) expect(FindingSchema.safeParse(f).success).toBe(true);
    expect(doc.findings[2]!.fix).toEqual({ description: "Clear A6", edits: [{ cell: cell("A6"), value: null, before: "Develop a PLC model for CSI schools, also" }] });
  });

  test("an empty findings array and exit 0 for the clean plan", async () => {
    const io = captureIo(AS_OF);
    expect(await run(["validate", clean, "--json", ...ARGS], io)).toBe(0);
    const doc = FileDocumentSchema.parse(JSON.parse(io.out));
    if ("sheets" in doc) throw new Error("expected one sheet's document");
    expect(doc.findings).toEqual([]);
    expect(doc.summary.asOf).toBe(AS_OF);
  });
});

describe("validate on a workbook with no timeline at all", () => {
  it("says so and exits 1", async () => {
    const path = await writeTempWorkbook({ sheets: [{ name: "Notes", rows: [["Minutes of the planning committee"], ["Next meeting in March"]] }] }, "notes.xlsx");
    const io = captureIo();
    expect(await run(["validate", path], io)).toBe(1);
    expect(io.err).toMatch(/sheet "Notes" skipped: no plan found/);
  });
});
