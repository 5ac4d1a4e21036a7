/** @jest-environment node */
/**
 * Issue 19, item 7: what a newcomer meets at the command line. `plan` and `status` on a workbook with no plan say so
 * on stdout (stderr names the sheet skipped, in the same words for every command) and exit 1, as `validate` does;
 * `--school-year 2023` is refused with the form expected (a year alone is 2022-23 or 2023-24); `--out` into a folder
 * that does not exist names the folder.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { captureIo } from "../support/read-back";
import { removeTempFiles, tempPath, writeTempWorkbook } from "../support/workbook-builder";

afterAll(removeTempFiles);

const NOTES = { sheets: [{ name: "Notes", rows: [["Minutes of the planning committee"], ["Next meeting in March"]] }] };
const SAMPLE = join(__dirname, "..", "..", "assets", "samples", "action-plan.xlsx");

describe("a workbook with no plan", () => {
  test.each(["plan", "status", "validate"])("%s says so on stdout, names the sheet on stderr, and exits 1", async (command) => {
    const path = await writeTempWorkbook(NOTES, `notes-${command}.xlsx`);
    const io = captureIo();
    expect(await run([command, path, "--as-of", "2024-01-15"], io)).toBe(1);
    expect(io.out).toContain(`== ${path} ==\nNo plan read: sheet "Notes": no plan found (no month grid, action-plan table or outline).\n`);
    expect(io.err).toBe(`${path}: sheet "Notes" skipped: no plan found (no month grid, action-plan table or outline)\n`);
  });
});

describe("a file whose sheets hold no plan for another reason", () => {
  const THEORY = "it holds the theory of action (no activities to monitor); its statements are related to the plan sheets' activities";
  // A district's theory of action on its own (test/seeds/003): its statements, no activities.
  const SEED = join(__dirname, "..", "seeds", "003_562eddd90fc05d64.txt");

  test("a theory of action alone: stdout gives the reason stderr gives, not \"no plan found\"", async () => {
    const io = captureIo();
    expect(await run(["status", SEED, "--as-of", "2024-01-15"], io)).toBe(1);
    expect(io.err).toBe(`${SEED}: sheet "003_562eddd90fc05d64" skipped: ${THEORY}\n`);
    expect(io.out).toBe(`== ${SEED} ==\nNo plan read: sheet "003_562eddd90fc05d64": ${THEORY}.\n`);
  });

  test("sheets skipped for different reasons are each named with their own", async () => {
    const theory = readFileSync(SEED, "utf8").split(/\r?\n/).map((line) => [line]);
    const path = await writeTempWorkbook({ sheets: [NOTES.sheets[0]!, { name: "Theory of Action", rows: theory }, { name: "Minutes", rows: [["Met in March"]] }] }, "notes-and-theory.xlsx");
    const io = captureIo();
    expect(await run(["status", path, "--as-of", "2024-01-15"], io)).toBe(1);
    expect(io.out).toBe(`== ${path} ==\nNo plan read: sheets "Notes", "Minutes": no plan found (no month grid, action-plan table or outline); sheet "Theory of Action": ${THEORY}.\n`);
  });
});

describe("arguments", () => {
  test("--school-year 2023 is refused with the form expected: a year alone says neither 2022-23 nor 2023-24", async () => {
    const io = captureIo();
    expect(await run(["status", SAMPLE, "--school-year", "2023"], io)).toBe(2);
    expect(io.out).toBe("");
    expect(io.err).toMatch(/^milestone-monitor: --school-year wants a school year such as 2023-24 \(or SY24\), not "2023"/);
    const ok = captureIo();
    expect(await run(["status", SAMPLE, "--school-year", "2023-24", "--as-of", "2024-01-15"], ok)).toBe(0);
  });

  test("--sheet finds a sheet as Excel names it, whatever the case typed; a name that is not there lists the sheets", async () => {
    const asNamed = captureIo();
    expect(await run(["status", SAMPLE, "--sheet", "Action Plan 2025-26", "--as-of", "2026-01-15"], asNamed)).toBe(0);
    const lowerCase = captureIo();
    expect(await run(["status", SAMPLE, "--sheet", "action plan 2025-26", "--as-of", "2026-01-15"], lowerCase)).toBe(0);
    expect(lowerCase.out).toBe(asNamed.out);
    expect(lowerCase.out.startsWith(`== ${SAMPLE}, sheet "Action Plan 2025-26" ==\n`)).toBe(true);
    const missing = captureIo();
    expect(await run(["status", SAMPLE, "--sheet", "action plan"], missing)).toBe(2);
    expect(missing.err).toBe(`milestone-monitor: ${SAMPLE} has no sheet named "action plan" (its sheets: "Action Plan 2025-26", "Theory of Action")\n`);
  });

  test("--out into a folder that does not exist names the folder, and nothing is written", async () => {
    const folder = join(tempPath("missing"), "copies");
    const io = captureIo();
    expect(await run(["refresh", SAMPLE, "--out", join(folder, "plan.xlsx")], io)).toBe(2);
    expect(io.err).toContain(`--out: the folder ${folder} does not exist; create it or write the file elsewhere`);
  });
});
