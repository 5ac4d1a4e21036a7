/** @jest-environment node */
/**
 * docs/product.md, "Plans that are not grids": the district seeds that are not grids read into the plan a person
 * would write down (expected JSON in test/fixtures/seeds, transcribed from the seeds by hand), through the command
 * line and through the Excel adapter; action-plan tables with their level columns; the no-timing and
 * unreadable-timing rules; sheets that hold no plan.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SheetDocument } from "../../src/core/contract";
import type { PlanLevel, SheetReport } from "../../src/core";
import { cliDocument, excelReport } from "../support/documents";
import { activity, analyzeRows, at, findingsOf } from "../support/read-back";
import { removeTempFiles, writeTempWorkbook, type CellInput } from "../support/workbook-builder";

afterAll(removeTempFiles);

const ROOT = join(__dirname, "..", "..");
const SEEDS = join(ROOT, "test", "seeds");
const SAMPLES = join(ROOT, "assets", "samples");
const AS_OF = "2026-01-15";

interface Expected {
  levels: Pick<PlanLevel, "level" | "text" | "path" | "notes" | "description" | "obstacles">[];
  activities: { step: string | null; text: string; path: string[]; subItems: string[] }[];
}

const expected = (name: string): Expected => JSON.parse(readFileSync(join(ROOT, "test", "fixtures", "seeds", `${name}.expected.json`), "utf8")) as Expected;

/** The parts of a plan the fixtures hold. */
function shapeOf(plan: { levels: PlanLevel[]; activities: Expected["activities"] }): Expected {
  return {
    levels: plan.levels.map(({ level, text, path, notes, description, obstacles }) => ({ level, text, path, notes, description, obstacles })),
    activities: plan.activities.map(({ step, text, path, subItems }) => ({ step, text, path, subItems })),
  };
}

const cliPlan = (file: string): Promise<SheetDocument> => cliDocument(AS_OF, "plan", file);
const inExcel = (file: string, sheet: string): Promise<SheetReport> => excelReport(file, sheet, AS_OF);

describe("seed 001: goals, objectives and numbered action steps pasted from a document", () => {
  test("through the command line (the seed as text): the four goals with their notes, sixteen objectives, 46 steps", async () => {
    const doc = await cliPlan(join(SEEDS, "001_c1858eda16892229.txt"));
    expect(shapeOf(doc.plan)).toEqual(expected("001"));
    expect(doc.plan.blocks.map((b) => b.shape)).toEqual(["outline"]);
    // Every step unscheduled, said once for the sheet.
    expect(doc.findings.map((f) => f.rule)).toEqual(["no-timing"]);
    expect(doc.summary.totals.unscheduled).toBe(46);
  });

  test("through the Excel adapter (the seed pasted into a workbook, one line a row)", async () => {
    const report = await inExcel(join(SAMPLES, "outline-pasted.xlsx"), "PL Goals 2025-26");
    const plan = shapeOf(report.plan);
    expect(plan).toEqual(expected("001"));
    // The step's cell is its text's, its rows those of its number and text.
    const first = activity(report, "Identify and communicate assured practices");
    expect(first.cell).toBe(at("PL Goals 2025-26", "A21"));
    expect(first.rows).toEqual([19, 21]);
  });
});

describe("seed 004: a strategy with its description, action steps and obstacles", () => {
  test("through the command line: two steps, the second with the PLP team's five tasks; the obstacles kept on the strategy", async () => {
    const doc = await cliPlan(join(SEEDS, "004_769b76f9574a1826.txt"));
    expect(shapeOf(doc.plan)).toEqual(expected("004"));
    expect(doc.plan.activities.some((a) => /need to be funding/.test(a.text))).toBe(false);
  });

  test("the same plan as an action-plan table (Strategy | Action Step | Timeline | Person Responsible), through the CLI and the adapter", async () => {
    const want = expected("004");
    const strategy = want.levels[0]!.text;
    const rows: CellInput[][] = [
      ["CJUSD Professional Learning Plan 2025-26"],
      [],
      ["Strategy", "Action Step", "Timeline", "Person Responsible"],
      [strategy, want.activities[0]!.text, "Aug-Sept", "Assistant Superintendent"],
      ...want.activities[1]!.subItems.map((task, i): CellInput[] => [null, task, ["Fall", "Oct, Jan, Apr", "By Dec 2025", "Spring", "Ongoing"][i]!, "PLP Team"]),
    ];
    const file = await writeTempWorkbook({ sheets: [{ name: "Strategy 1", rows, merges: ["A4:A9"] }] }, "strategy-table.xlsx");
    for (const plan of [(await cliPlan(file)).plan, (await inExcel(file, "Strategy 1")).plan]) {
      expect(plan.blocks.map((b) => [b.shape, b.columns])).toEqual([["table", { timing: "C", owner: "D", strategy: "A" }]]);
      expect(plan.activities.map((a) => a.text)).toEqual([want.activities[0]!.text, ...want.activities[1]!.subItems]);
      expect(new Set(plan.activities.map((a) => a.path.join(" > ")))).toEqual(new Set([strategy]));
      expect(plan.activities.map((a) => a.schedule.map((m) => m.period))).toEqual([
        ["Aug 2025 \u2013 Sep 2025"],
        ["Fall 2025"],
        ["Oct 2025", "Jan 2026", "Apr 2026"],
        ["Dec 2025"],
        ["Spring 2026"],
        ["2025-26"],
      ]);
      expect(plan.activities[3]!.schedule[0]).toMatchObject({ deadline: true, cell: at("Strategy 1", "C7"), mark: "By Dec 2025" });
      expect(plan.activities[5]!.schedule[0]).toMatchObject({ frequency: "ongoing", start: "2025-07-01", end: "2026-06-30" });
    }
  });
});

describe("seed 002: the state template, filled in", () => {
  test("goals with their rationale and Year 1-3 outcomes; per goal its table of initial activities, each with its follow-up, duration and resources", async () => {
    const file = join(SAMPLES, "state-template.xlsx");
    for (const plan of [(await cliPlan(file)).plan, (await inExcel(file, "PL Plan 2025-26")).plan]) {
      const goal1 = "Goal 1: Every teacher uses common formative assessments in a PLC cycle by June 2027.";
      expect(plan.levels.map((l) => [l.text, l.rationale, l.outcomes.map((o) => o.label)])).toEqual([
        [goal1, "Walkthrough data show formative assessment in 31% of classrooms.", ["Overarching Expected Outcome", "Year 1", "Year 2", "Year 3"]],
        ["Goal 2: Every new teacher completes a two-year induction program.", "Retention of new teachers fell to 78% in 2024-25.", ["Overarching Expected Outcome", "Year 1", "Year 2", "Year 3"]],
      ]);
      expect(plan.levels[0]!.outcomes[1]!.text).toBe("PLCs in every building write common formative assessments.");
      // The template's hint row (Who, What, How? / When?) is not an activity; a follow-up stays with its activity.
      expect(plan.activities.map((a) => [a.path, a.text, a.resources])).toEqual([
        [[goal1], "Summer institute on common formative assessments for PLC leads\n- Follow-up: Monthly coaching in PLC meetings", "Coaches, substitute days, institute materials"],
        [[goal1], "Data days on assessment results for building teams\n- Follow-up: Follow-up walkthroughs in each building", "Data team time"],
        [["Goal 2: Every new teacher completes a two-year induction program."], "New teacher academy\n- Follow-up: Mentor meetings twice a month", "Mentor stipends"],
      ]);
      expect(plan.activities.map((a) => a.timing)).toEqual(["Aug 2025 - May 2026", "Oct, Jan, Apr", "August"]);
      expect(plan.goals).toEqual([]);
    }
  });
});

/** An action-plan table with a Timeline column, as districts keep one. */
function actionPlan(timing: CellInput[], status: CellInput[] = []): CellInput[][] {
  return [
    ["Professional Learning Action Plan 2025-26"],
    [],
    ["Action Step", "Person(s) Responsible", "Timeline", "Status"],
    ...timing.map((t, i): CellInput[] => [`Step ${i + 1}: train PLC leads in cycle ${i + 1}`, "Director of PL", t, status[i] ?? null]),
  ];
}

describe("no-timing", () => {
  test("fires once for a plan with no timing at all, at its first line, offering a timeline", async () => {
    const report = await analyzeRows("Strategy 1", [["Strategy 1: Develop a plan"], ["Action Steps:"], ["-"], ["Form a team"], ["-"], ["Study the model"]], { asOf: AS_OF });
    const found = findingsOf(report, "no-timing");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "warning", cell: at("Strategy 1", "A1"), offer: "add-timeline" });
    expect(found[0]!.message).toMatch(/None of the plan's 2 steps has a date/);
    expect(findingsOf(report, "unscheduled-activity")).toEqual([]);
    // A table of steps without a timing column is the same case.
    const list = await analyzeRows("Steps", [["Action Step", "Person Responsible", "Status"], ["Form a team", "Director", "Done"], ["Study the model", "Team", null]], { asOf: AS_OF });
    expect(findingsOf(list, "no-timing")).toHaveLength(1);
  });

  test("silent once the table says when each step happens (a step without timing is then unscheduled-activity)", async () => {
    const report = await analyzeRows("Plan", actionPlan(["Oct", null, "TBD"]), { asOf: AS_OF });
    expect(findingsOf(report, "no-timing")).toEqual([]);
    expect(findingsOf(report, "unscheduled-activity").map((f) => [f.cell, /is empty/.test(f.message), /not scheduled yet/.test(f.message)])).toEqual([
      [at("Plan", "A5"), true, false],
      [at("Plan", "A6"), false, true],
    ]);
  });
});

describe("unreadable-timing", () => {
  test("fires at the timing cell, quoting it, with a fix for a misspelt month", async () => {
    const report = await analyzeRows("Plan", actionPlan(["Setp 2025", "after the board meets"]), { asOf: AS_OF });
    const [misspelt, words] = findingsOf(report, "unreadable-timing");
    expect(misspelt).toMatchObject({ severity: "warning", cell: at("Plan", "C4") });
    expect(misspelt!.message).toMatch(/^"Setp 2025" \(C4\) does not say when "Step 1: train PLC leads in cycle 1" happens/);
    expect(misspelt!.fix).toEqual({ description: 'Change C4 to "Sep 2025"', edits: [{ cell: at("Plan", "C4"), value: "Sep 2025", before: "Setp 2025" }] });
    expect(words!.fix).toBeUndefined();
    // Said once: the rule about activities without timing stays silent on them.
    expect(findingsOf(report, "unscheduled-activity")).toEqual([]);
  });

  test("silent once the timing reads", async () => {
    const report = await analyzeRows("Plan", actionPlan(["Sep 2025", "By June 2026"]), { asOf: AS_OF });
    expect(findingsOf(report, "unreadable-timing")).toEqual([]);
    expect(report.findings).toEqual([]);
  });
});

describe("tables", () => {
  test("level columns give the path; a level cell left blank repeats the one above; a new goal starts its strategies afresh", async () => {
    const report = await analyzeRows(
      "Plan 2025-26",
      [
        ["Goal", "Strategy", "Action Step", "When"],
        ["Goal 1: Literacy", "Strategy 1.1: Coaching", "Train coaches", "Aug"],
        [null, null, "Coach every new teacher", "Sept-May"],
        [null, "Strategy 1.2: Data", "Hold data days", "Oct, Feb"],
        ["Goal 2: Attendance", null, "Call families of absent students", "Monthly"],
      ],
      { asOf: AS_OF },
    );
    expect(report.plan.activities.map((a) => a.path)).toEqual([
      ["Goal 1: Literacy", "Strategy 1.1: Coaching"],
      ["Goal 1: Literacy", "Strategy 1.1: Coaching"],
      ["Goal 1: Literacy", "Strategy 1.2: Data"],
      ["Goal 2: Attendance"],
    ]);
    expect(report.plan.levels.map((l) => [l.level, l.text, l.path])).toEqual([
      ["goal", "Goal 1: Literacy", []],
      ["strategy", "Strategy 1.1: Coaching", ["Goal 1: Literacy"]],
      ["strategy", "Strategy 1.2: Data", ["Goal 1: Literacy"]],
      ["goal", "Goal 2: Attendance", []],
    ]);
  });

  test("a grid whose Goal | Strategy | Action Step sit in columns reads the action step as the activity (no longer the leftmost column)", async () => {
    const report = await analyzeRows(
      "Plan 2025-26",
      [
        ["Goal", "Strategy", "Action Step", "Jul", "Aug", "Sep"],
        ["Goal 1: Literacy", "Strategy 1.1: Coaching", "Train coaches", "X", null, null],
        [null, null, "Coach every new teacher", null, "X", "X"],
      ],
      { asOf: AS_OF },
    );
    expect(report.plan.blocks.map((b) => [b.shape, b.labelColumn])).toEqual([["grid", "C"]]);
    expect(report.plan.activities.map((a) => [a.text, a.path.join(" > "), a.schedule.length])).toEqual([
      ["Train coaches", "Goal 1: Literacy > Strategy 1.1: Coaching", 1],
      ["Coach every new teacher", "Goal 1: Literacy > Strategy 1.1: Coaching", 2],
    ]);
  });

  test("a sheet with a grid block and a table block reads both", async () => {
    const report = await analyzeRows(
      "Plan 2025-26",
      [
        ["Monthly grid"],
        ["Action Step", "Jul", "Aug", "Sep"],
        ["Train coaches", "X", null, null],
        [],
        ["Action plan"],
        ["Action Step", "Person Responsible", "Timeline"],
        ["Survey staff", "Data Team", "Fall and Spring"],
      ],
      { asOf: AS_OF },
    );
    expect(report.plan.blocks.map((b) => [b.shape, b.title])).toEqual([
      ["grid", "Monthly grid"],
      ["table", "Action plan"],
    ]);
    expect(report.plan.activities.map((a) => [a.text, a.schedule.map((m) => m.period)])).toEqual([
      ["Train coaches", ["Jul 2025"]],
      ["Survey staff", ["Fall 2025", "Spring 2026"]],
    ]);
  });

  test("entries take their state from the row's status, read with the mark words", async () => {
    const report = await analyzeRows("Plan", actionPlan(["Oct", "Oct", "Oct", "Oct", "Oct", "Oct"], ["Complete", "Cancelled", "In Progress", "50%", "Not Started", "On Track"]), {
      asOf: AS_OF,
    });
    expect(report.plan.activities.map((a) => a.schedule[0]!.state)).toEqual(["done", "cancelled", "in-progress", "in-progress", "planned", "planned"]);
    expect(report.status.marks.map((m) => m.status)).toEqual(["done", "cancelled", "overdue", "overdue", "overdue", "overdue"]);
  });
});

describe("sheets that hold no plan", () => {
  test.each([
    ["a letter", [["Dear families,"], [], ["Our teachers will keep learning together this year."], ["Thank you,"], ["The Superintendent"]]],
    ["a list of names", [["Name", "Building"], ["Ana Ruiz", "Lincoln"], ["Ben Cole", "Adams"], ["1"], ["Chris Day"], ["2"], ["Dana Li"]]],
    ["a budget", [["Item", "Cost", "Fund"], ["Substitutes", 12000, "Title II"], ["Coaching stipends", 8000, "Title I"], ["Total", 20000, null]]],
  ])("%s: no plan found, one line", async (_name, rows) => {
    const report = await analyzeRows("Sheet1", rows, { asOf: AS_OF });
    expect(report.plan.blocks).toEqual([]);
    expect(report.findings.map((f) => f.rule)).toEqual(["no-plan"]);
  });
});
