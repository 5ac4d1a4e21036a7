/** @jest-environment node */
/**
 * The command line on real .xlsx files, through `run(argv, io)`: --sheet, one JSON document per sheet with a
 * timeline (`sheets[]`), a sheet without a timeline reported and not fatal, the workbook's saved settings,
 * and exit status 2 with one line for a missing file, a corrupt workbook or bad arguments.
 */
import { readFile, writeFile } from "node:fs/promises";
import { FileDocumentSchema, STORE_SHEET } from "../../src/core";
import { run } from "../../src/cli/main";
import { captureIo } from "../support/read-back";
import { MONTHS_JUL_JUN, timelineRow } from "../support/district";
import { removeTempFiles, tempPath, writeTempWorkbook, type CellInput, type SheetSpec } from "../support/workbook-builder";

afterAll(removeTempFiles);

const M = MONTHS_JUL_JUN;
const AS_OF = ["--as-of", "2024-01-15"];

function goalSheet(name: string, title: string, lines: [string, string, Record<string, CellInput>][]): SheetSpec {
  return {
    name,
    rows: [
      [title],
      [],
      ["Action Step", "Person(s) Responsible", ...M],
      ...lines.map(([text, owner, marks]) => timelineRow([text, owner], M, marks)),
    ],
  };
}

const GOAL_1 = goalSheet("Goal 1 PLCs", "Goal 1: Implement PLCs with fidelity, 2023-2024", [
  ["Develop a professional learning community (PLC) model for CSI schools.", "Director of PL", { August: "X", September: "X" }],
  ["Implement the PLC model for CSI schools.", "Principals", { January: "X", February: "X" }],
]);
const GOAL_2 = goalSheet("Goal 2 MTSS", "Goal 2: Use MTSS data to target support, 2023-2024", [
  ["Capitalize on Data Days to review district common formative assessments.", "MTSS Coordinator", { October: "\u2713", March: "X" }],
]);
const NOTES: SheetSpec = {
  name: "Notes",
  rows: [["Meeting notes"], ["The committee met on 12 October and reviewed the walkthrough data."], ["Next meeting: January."]],
};

let workbook: string;

beforeAll(async () => {
  workbook = await writeTempWorkbook({ sheets: [GOAL_1, GOAL_2, NOTES] }, "district-plan.xlsx");
});

describe("--json layout", () => {
  test("indented on a terminal, compact into a pipe or file; the same document either way", async () => {
    const piped = captureIo();
    expect(await run(["status", workbook, "--json", ...AS_OF], piped)).toBe(0);
    const terminal = { ...captureIo(), terminal: true };
    let shown = "";
    terminal.stdout = (t: string) => {
      shown += t;
    };
    expect(await run(["status", workbook, "--json", ...AS_OF], terminal)).toBe(0);
    expect(piped.out.trimEnd()).not.toContain("\n");
    expect(shown).toContain('\n  "file": ');
    expect(JSON.parse(shown)).toEqual(JSON.parse(piped.out));
  });
});

describe("several files", () => {
  test("a progress line for each file on stderr, and a heading for each on stdout", async () => {
    const second = await writeTempWorkbook({ sheets: [GOAL_1] }, "second-plan.xlsx");
    const io = captureIo();
    expect(await run(["status", workbook, second, ...AS_OF], io)).toBe(0);
    expect(io.err.split("\n").filter((l) => l.startsWith("["))).toEqual([`[1/2] ${workbook}`, `[2/2] ${second}`]);
    expect(io.out).toContain(`== ${second}, sheet "${GOAL_1.name}" ==`);
    // One file: no progress line.
    const one = captureIo();
    await run(["status", second, ...AS_OF], one);
    expect(one.err).toBe("");
  });
});

describe("status as text", () => {
  test("lists overdue marks as the summary does: by date, oldest first, each date in reading order", async () => {
    // The bundled district plan as of mid-January: its overdue marks run July to December, over many activities.
    const sample = "assets/samples/district-plan.xlsx";
    const text = captureIo();
    expect(await run(["status", sample, "--as-of", "2026-01-15", "--sheet", "PL Plan 2025-26"], text)).toBe(0);
    const json = captureIo();
    expect(await run(["status", sample, "--as-of", "2026-01-15", "--sheet", "PL Plan 2025-26", "--json"], json)).toBe(0);
    const overdue = (JSON.parse(json.out) as { summary: { overdue: { period: string; cell: string }[] } }).summary.overdue;
    expect(overdue.length).toBeGreaterThan(20);
    // The text's overdue table: "  Period  Activity  Owner  Cell" rows between "Overdue (N)" and the next blank line.
    const lines = text.out.split("\n");
    const from = lines.findIndex((l) => l.startsWith("Overdue ("));
    const rows = lines.slice(from + 3, lines.indexOf("", from));
    expect(rows.map((r) => [r.slice(2, 10).trim(), r.trim().split(/\s+/).pop()])).toEqual(overdue.map((o) => [o.period, o.cell.split("!").pop()]));
    // Oldest first: July's marks before December's, whichever activity they belong to.
    const months = rows.map((r) => new Date(`1 ${r.slice(2, 10).trim()}`).getTime());
    expect(months).toEqual([...months].sort((a, b) => a - b));
    expect(new Set(months).size).toBeGreaterThan(3);
  });
});

describe("sheets", () => {
  test("several sheets with a timeline give sheets[] in --json; a sheet without one is reported, not fatal", async () => {
    const io = captureIo();
    const code = await run(["status", workbook, "--json", ...AS_OF], io);
    expect(code).toBe(0);
    const doc = FileDocumentSchema.parse(JSON.parse(io.out));
    if (!("sheets" in doc)) throw new Error("expected sheets[]");
    expect(doc.sheets.map((s) => s.name)).toEqual(["Goal 1 PLCs", "Goal 2 MTSS"]);
    expect(doc.sheets[0]!.summary.totals).toMatchObject({ activities: 2, scheduled: 4, overdue: 2, current: 1, upcoming: 1 });
    expect(doc.sheets[1]!.summary.totals).toMatchObject({ activities: 1, scheduled: 2, done: 1, upcoming: 1 });
    expect(doc.sheets[1]!.plan.activities[0]!.schedule[0]).toMatchObject({
      start: "2023-10-01",
      end: "2023-10-31",
      cell: "'Goal 2 MTSS'!F4",
      mark: "\u2713",
      state: "done",
      status: "done",
    });
    expect(doc.skipped.map((s) => s.name)).toEqual(["Notes"]);
    expect(doc.skipped[0]!.reason).toMatch(/no plan found/);
  });

  test("in text output the skipped sheet is named on stderr and the others are printed", async () => {
    const io = captureIo();
    const code = await run(["status", workbook, ...AS_OF], io);
    expect(code).toBe(0);
    expect(io.out).toContain('sheet "Goal 1 PLCs"');
    expect(io.out).toContain('sheet "Goal 2 MTSS"');
    expect(io.err).toMatch(/sheet "Notes" skipped/);
  });

  test("--sheet reads only the named sheet: one document at the top level", async () => {
    const io = captureIo();
    const code = await run(["plan", workbook, "--sheet", "Goal 2 MTSS", "--json", ...AS_OF], io);
    expect(code).toBe(0);
    const doc = FileDocumentSchema.parse(JSON.parse(io.out));
    if ("sheets" in doc) throw new Error("expected one sheet's document");
    expect(doc.name).toBe("Goal 2 MTSS");
    expect(doc.plan.activities.map((a) => a.text)).toEqual(["Capitalize on Data Days to review district common formative assessments."]);
  });

  test("--sheet naming a sheet without a timeline reports it and exits 1, as a file with no plan does", async () => {
    const io = captureIo();
    const code = await run(["status", workbook, "--sheet", "Notes", "--json", ...AS_OF], io);
    expect(code).toBe(1);
    const doc = FileDocumentSchema.parse(JSON.parse(io.out));
    if (!("sheets" in doc)) throw new Error("expected sheets[]");
    expect(doc.sheets).toEqual([]);
    expect(doc.skipped.map((skipped) => skipped.name)).toEqual(["Notes"]);
    expect(doc.skipped[0]?.reason).toMatch(/^no plan found/);
  });

  test("--sheet naming no sheet of the workbook exits 2 with one line that lists the sheets", async () => {
    const io = captureIo();
    const code = await run(["status", workbook, "--sheet", "Goal 3", ...AS_OF], io);
    expect(code).toBe(2);
    expect(io.out).toBe("");
    expect(io.err.trimEnd().split("\n")).toHaveLength(1);
    expect(io.err).toContain('"Goal 1 PLCs"');
  });

  test("validate exits 1 when a sheet has an error finding (an error value), 0 otherwise", async () => {
    const broken = await writeTempWorkbook({
      sheets: [goalSheet("Goal 1 PLCs", "PLC Plan 2023-24", [["Implement the PLC model for CSI schools.", "Principals", { January: { error: "#N/A" } }]])],
    });
    const io = captureIo();
    expect(await run(["validate", broken, ...AS_OF], io)).toBe(1);
    expect(io.out).toContain("#N/A");
    expect(await run(["validate", workbook, "--sheet", "Goal 2 MTSS", ...AS_OF], captureIo())).toBe(0);
  });
});

describe("the workbook's saved settings", () => {
  test("the school year, start month and mark words saved by the add-in are used", async () => {
    const settings = { schoolYear: 2024, startMonth: 8, markWords: { planned: ["PD"], done: [], inProgress: [], cancelled: [] }, dueSoonDays: 30 };
    const path = await writeTempWorkbook({
      sheets: [
        {
          name: "Action Plan",
          rows: [
            ["Action Step", "Lead", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan"],
            ["Provide all coaching roles with PD around coaching PLCs.", "Coaching Coordinator", null, "PD", null, null, null, "X"],
          ],
        },
        { name: STORE_SHEET, state: "hidden", rows: [["Milestone Monitor keeps its settings here.", ""], ["settings", JSON.stringify(settings)]] },
      ],
    });
    const io = captureIo();
    expect(await run(["plan", path, "--json", ...AS_OF], io)).toBe(0);
    const doc = FileDocumentSchema.parse(JSON.parse(io.out));
    if ("sheets" in doc) throw new Error("the store sheet is not a plan");
    expect(doc.plan.blocks[0]!.schoolYearSource).toBe("settings");
    expect(doc.plan.activities[0]!.schedule.map((m) => [m.start, m.mark])).toEqual([
      ["2024-09-01", "PD"],
      ["2025-01-01", "X"],
    ]);
  });
});

describe("exit status 2 with one line", () => {
  function expectOneLine(io: { out: string; err: string }, pattern: RegExp): void {
    expect(io.out).toBe("");
    const lines = io.err.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^milestone-monitor: /);
    expect(lines[0]).toMatch(pattern);
  }

  test("a missing file", async () => {
    const io = captureIo();
    expect(await run(["status", tempPath("no-such-plan.xlsx"), ...AS_OF], io)).toBe(2);
    expectOneLine(io, /no such file/);
  });

  test("a corrupt .xlsx (not a zip)", async () => {
    const path = tempPath("corrupt.xlsx");
    await writeFile(path, "Goal 1\tJuly\tAugust\nthis is not a workbook\n");
    const io = captureIo();
    expect(await run(["status", path, ...AS_OF], io)).toBe(2);
    expectOneLine(io, /not a readable \.xlsx workbook/);
  });

  test("a truncated .xlsx (a zip cut short)", async () => {
    const whole = await readFile(workbook);
    const path = tempPath("truncated.xlsx");
    await writeFile(path, whole.subarray(0, Math.floor(whole.length / 2)));
    const io = captureIo();
    expect(await run(["status", path, ...AS_OF], io)).toBe(2);
    expectOneLine(io, /\.xlsx/);
  });

  test("an .xlsx damaged inside (its directory whole, a part's compressed data overwritten)", async () => {
    const damaged = Buffer.from(await readFile(workbook));
    damaged.fill(0xff, Math.floor(damaged.length * 0.3), Math.floor(damaged.length * 0.3) + 400);
    const path = tempPath("damaged.xlsx");
    await writeFile(path, damaged);
    const io = captureIo();
    expect(await run(["status", path, ...AS_OF], io)).toBe(2);
    expectOneLine(io, /not a readable \.xlsx workbook/);
  });

  test.each([
    [["status", "plan.xlsx", "--bogus"], /unknown option "--bogus"/],
    [["status", "plan.xlsx", "--as-of", "2024-13-45"], /--as-of wants a date/],
    [["status", "plan.xlsx", "--as-of"], /--as-of needs a value/],
    [["status"], /needs at least one file/],
    [["summarize", "plan.xlsx"], /unknown command "summarize"/],
    [["status", "plan.xlsx", "--start-month", "13"], /--start-month/],
  ])("bad arguments %j", async (argv, pattern) => {
    const io = captureIo();
    expect(await run(argv, io)).toBe(2);
    expectOneLine(io, pattern);
  });
});
