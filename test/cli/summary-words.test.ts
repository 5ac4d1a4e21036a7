/** @jest-environment node */
/**
 * Issue 19, item 4: the summary sheet speaks a planner's words. A timeline is named by its title, or "Timeline 2"
 * when it has none (never "block"); the sheet's title is the plan's name, not a goal; a mark that spans the whole
 * school year is due in "2024-25", not in its last month; numbers and their headers line up (right).
 */
import { join } from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { plainValue } from "../support/exceljs-grid";
import { describeSummarySheet, SUMMARY_SHEET } from "../../src/core/writes";
import { analyzeSheet } from "../../src/core/analyze";
import { loadFile } from "../../src/cli/read-workbook";
import { captureIo } from "../support/read-back";
import { buildWorkbook, removeTempFiles, tempPath } from "../support/workbook-builder";
import { MONTHS_JUL_JUN, timelineRow, marked } from "../support/district";

afterAll(removeTempFiles);

const TITLE = "North Valley USD Professional Learning Plan";
const YEARS = ["2023-24", "2024-25", "2025-26"];

const ROWS = [
  [TITLE],
  [],
  ["Action Step", "Person(s) Responsible", ...MONTHS_JUL_JUN],
  timelineRow(["Goal 1: All staff receive job-embedded professional learning", null], MONTHS_JUL_JUN),
  timelineRow(["Develop a PLC model for CSI schools", "Director of PL"], MONTHS_JUL_JUN, marked(["July", "August", "September"])),
  timelineRow(["Survey staff on PL needs", "Data Team"], MONTHS_JUL_JUN, marked(["May"])),
  [],
  [],
  ["Action Step", "Person(s) Responsible", ...YEARS],
  timelineRow(["Goal 2: Every school runs an MTSS team", null], YEARS),
  timelineRow(["Train every MTSS team in the problem-solving model", "MTSS Coordinator"], YEARS, marked(["2024-25"])),
  timelineRow(["Review the MTSS handbook with principals", "MTSS Coordinator"], YEARS, marked(["2023-24", "2024-25"])),
];

describe("the summary sheet's words", () => {
  let input: string;
  let summary: ExcelJS.Worksheet;
  /** Every row of the summary sheet as its cells' text. */
  let lines: string[][];

  beforeAll(async () => {
    input = tempPath("north-valley.xlsx");
    await buildWorkbook({ sheets: [{ name: "PL Plan", rows: ROWS }] }).xlsx.writeFile(input);
    const out = tempPath("north-valley-refreshed.xlsx");
    const io = captureIo();
    expect(await run(["refresh", input, "--out", out, "--as-of", "2024-01-15"], io)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    summary = wb.getWorksheet(SUMMARY_SHEET)!;
    lines = [];
    summary.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((c) => cells.push(String(plainValue(c.value, false))));
      lines.push(cells);
    });
  });

  it("names each timeline by its title, or by its place when it has none, and never says block", () => {
    expect(lines.flat().filter((t) => /\bblocks?\b/i.test(t))).toEqual([]);
    const groups = lines.filter((l) => l[0] === "Timeline").map((l) => l[1]);
    expect(groups).toEqual([TITLE, "Timeline 2"]);
    expect(lines.flat()).toContain("By goal, strategy and timeline");
  });

  it("does not take the sheet's title for a goal", async () => {
    expect(lines.filter((l) => l[0] === "Goal").map((l) => l[1])).not.toContain(TITLE);
    const io = captureIo();
    expect(await run(["plan", input], io)).toBe(0);
    expect(io.out).not.toContain(`Goal: ${TITLE}`);
    expect(io.out).toContain(`Timeline 1: ${TITLE} (12 month columns`);
    expect(io.out).toContain("Timeline 2 (3 school-year columns");
  });

  it("counts a mark of a whole school year in that school year, not in its last month", () => {
    const header = lines.findIndex((l) => l[0] === "School year");
    expect(header).toBeGreaterThan(0);
    const years = new Map(lines.slice(header + 1).filter((l) => /^\d{4}-\d{2}$/.test(l[0] ?? "")).map((l) => [l[0], l]));
    // Due, done, overdue, current, upcoming, cancelled: two marks in 2024-25, one in 2023-24 (current on 2024-01-15).
    expect(years.get("2024-25")?.slice(1)).toEqual(["2", "0", "0", "0", "2", "0"]);
    expect(years.get("2023-24")?.slice(1)).toEqual(["1", "0", "0", "1", "0", "0"]);
    expect(lines.map((l) => l[0])).not.toContain("Jun 2025");
    expect(lines.map((l) => l[0])).not.toContain("Jun 2024");
  });

  it("aligns the headers of numbers with the numbers", () => {
    const alignments: Record<string, string | undefined> = {};
    summary.eachRow((row) => {
      row.eachCell((c) => {
        const text = String(plainValue(c.value, false));
        if (["Count", "Due", "Activities", "Marks", "Kind", "Quarter"].includes(text)) alignments[text] = c.alignment?.horizontal;
      });
    });
    expect(alignments).toEqual({ Count: "right", Due: "right", Activities: "right", Marks: undefined, Kind: undefined, Quarter: undefined });
  });
});

describe("the command line's status speaks the summary sheet's words", () => {
  it("names each group's kind as the sheet does (the state template's tables titled \"GOAL 1\" are timelines, not goals) and prints a period in words whole", async () => {
    const io = captureIo();
    expect(await run(["status", join(__dirname, "..", "..", "assets", "samples", "state-template.xlsx"), "--as-of", "2025-11-15"], io)).toBe(0);
    const text = io.out;
    const groups = text.slice(text.indexOf("By goal, strategy and timeline")).split("\n").slice(3, 7);
    expect(groups.map((l) => l.trim().split(/\s{2,}/).slice(0, 2))).toEqual([
      ["Goal", "Goal 1: Every teacher uses common formative assessm\u2026"],
      ["Goal", "Goal 2: Every new teacher completes a two-year indu\u2026"],
      ["Timeline", "GOAL 1"],
      ["Timeline", "GOAL 2"],
    ]);
    expect(text).toMatch(/^ {2}Aug 2025 \u2013 May 2026 {2}Summer institute/m);
  });

  it("names a level as the plan names it: a first level of strategies is Strategy, goals' objectives are Objective (the seeds)", async () => {
    const kinds = async (seed: string): Promise<string[][]> => {
      const io = captureIo();
      await run(["status", join(__dirname, "..", "seeds", seed), "--as-of", "2026-12-07"], io);
      const table = io.out.slice(io.out.indexOf("By goal, strategy and timeline")).split("\n\n")[0]!.split("\n").slice(3);
      return table.map((l) => l.trim().split(/\s{2,}/).slice(0, 2));
    };
    expect(await kinds("004_769b76f9574a1826.txt")).toEqual([["Strategy", "Strategy 1: Develop a CJUSD Comprehensive Professio\u2026"]]);
    const seed001 = await kinds("001_c1858eda16892229.txt");
    expect(seed001.slice(0, 5)).toEqual([
      ["Goal", "Goal #1: Maintain our professional learning focus o\u2026"],
      ["Goal", "Goal #2: Continue to revise, revamp, and implement \u2026"],
      ["Goal", "Goal #3: Create and implement an ongoing districtwi\u2026"],
      ["Goal", "Goal #4: Ensure all professional learning connects \u2026"],
      ["Objective", "Objective 1: Identify and ensure assured experience\u2026"],
    ]);
    expect(seed001.slice(4).every(([kind]) => kind === "Objective")).toBe(true);
    // The summary sheet (both hosts write it from the same description) says the same: kind, then name.
    const [grid] = (await loadFile(join(__dirname, "..", "seeds", "004_769b76f9574a1826.txt"))).grids;
    const sheet = describeSummarySheet([analyzeSheet(grid!, { asOf: "2026-12-07" })]);
    const rows = sheet.rows.map((row) => row.slice(0, 2).map((c) => (c?.value.kind === "text" ? c.value.text : null)));
    expect(rows).toContainEqual(["Strategy", "Strategy 1: Develop a CJUSD Comprehensive Professional Learning Plan"]);
    expect(rows.filter(([kind]) => kind === "Goal")).toEqual([]);
  });
});
