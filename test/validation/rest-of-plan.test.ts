/** @jest-environment node */
/**
 * docs/product.md, "The rest of a plan": the theory of action (seed 003; expected JSON in test/fixtures/seeds,
 * transcribed from the seed), the Standards for Professional Learning (seed 002 names the 2011 seven), and what the
 * plan says about its goals and strategies, through the command line and the Excel adapter; the findings
 * statement-without-activity, unknown-standard and standard-not-addressed; coverage in the summary.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { parseDelimited } from "../../src/cli/read-delimited";
import { loadFile } from "../../src/cli/read-workbook";
import { SheetDocumentSchema, sheetDocument, type SheetDocument } from "../../src/core/contract";
import { analyzeSheet, planCsv, theoryOfSheets, type SheetReport, type TheoryStatement } from "../../src/core";
import { namedStandards, standardNamed, STANDARDS } from "../../src/core/standards";
import { describePlanSheet, describeSummarySheet, type WriteCell } from "../../src/core/writes";
import { cliDocument, excelReport } from "../support/documents";
import { analyzeRows, at, captureIo, findingsOf } from "../support/read-back";
import { removeTempFiles, type CellInput } from "../support/workbook-builder";

afterAll(removeTempFiles);

const ROOT = join(__dirname, "..", "..");
const SEEDS = join(ROOT, "test", "seeds");
const SAMPLE = join(ROOT, "assets", "samples", "action-plan.xlsx");
const PLAN_SHEET = "Action Plan 2025-26";
const THEORY_SHEET = "Theory of Action";
const AS_OF = "2026-01-15";

type StatementShape = Pick<TheoryStatement, "label" | "theme" | "condition" | "result" | "cell">;
const expected003 = JSON.parse(readFileSync(join(ROOT, "test", "fixtures", "seeds", "003.expected.json"), "utf8")) as { statements: StatementShape[]; notes: string[] };

const shapeOf = (statements: readonly TheoryStatement[]): StatementShape[] => statements.map(({ label, theme, condition, result, cell }) => ({ label, theme, condition, result, cell }));

/** The expected statements with their cells on another sheet (the seed pasted one line a row keeps its rows). */
const onSheet = (sheet: string): StatementShape[] => expected003.statements.map((s) => ({ ...s, cell: s.cell.replace(/^'[^']+'/, `'${sheet}'`) }));

const cli = (...args: string[]): Promise<SheetDocument> => cliDocument(AS_OF, ...args);
const inExcel = (file: string, sheet: string): Promise<SheetReport> => excelReport(file, sheet, AS_OF);

describe("seed 003: the theory of action", () => {
  test("through the command line (the seed as text): its 14 statements under their five themes, condition and result apart, and the two notes after them", async () => {
    const doc = await cli("plan", join(SEEDS, "003_562eddd90fc05d64.txt"));
    expect(shapeOf(doc.plan.theory!.statements)).toEqual(expected003.statements);
    expect(doc.plan.theory!.notes).toEqual(expected003.notes);
    expect(new Set(doc.plan.theory!.statements.map((s) => s.theme))).toEqual(new Set(["General", "Continuous Improvement Cycle/Data", "Expectations", "Motivation", "Parents/Community"]));
    // A sheet that holds a theory of action and no plan is not a sheet without a plan.
    expect(doc.plan.blocks).toEqual([]);
    expect(doc.findings).toEqual([]);
  });

  test("on a sheet of its own beside an action plan: the same statements through `status --json` and the Excel adapter, related to the plan's activities", async () => {
    const doc = await cli("status", SAMPLE, "--sheet", PLAN_SHEET);
    expect(shapeOf(doc.plan.theory!.statements)).toEqual(onSheet(THEORY_SHEET));
    const excel = await inExcel(SAMPLE, PLAN_SHEET);
    expect(JSON.parse(JSON.stringify(excel.plan.theory))).toEqual(doc.plan.theory);
    // Three statements nothing in the table carries out (read by a person: no step gives staff roles outside their
    // own, explains why the learning matters, or offers staff choices), each a note at its cell on the theory's sheet.
    const unrelated = doc.findings.filter((f) => f.rule === "statement-without-activity");
    expect(unrelated.map((f) => f.cell)).toEqual(["A11", "A24", "A26"].map((c) => at(THEORY_SHEET, c)));
    expect(excel.findings.filter((f) => f.rule === "statement-without-activity")).toEqual(unrelated);
    // Its own sheet read in Excel gives the statements alone.
    const own = await inExcel(SAMPLE, THEORY_SHEET);
    expect(shapeOf(own.plan.theory!.statements)).toEqual(onSheet(THEORY_SHEET));
    expect(own.plan.activities).toEqual([]);

    // The data-and-metrics step carries "Expectations 1" (transparent accountability metrics ... data).
    const byLabel = new Map(doc.plan.theory!.statements.map((s) => [s.label, s]));
    const metrics = doc.plan.activities.find((a) => a.text.startsWith("Develop a clear set of data and metrics"))!;
    expect(byLabel.get("Expectations 1")!.activities[0]).toEqual({ id: metrics.id, cell: metrics.cell, words: ["metrics", "data"] });
  });

  test("`validate` lists the statements' findings with the plan sheet, at cells that name the theory's sheet, and says what the theory's sheet is for", async () => {
    const io = captureIo(AS_OF);
    expect(await run(["validate", SAMPLE], io)).toBe(0);
    const [planPart, theoryPart] = io.out.split(`== ${SAMPLE}, sheet "${THEORY_SHEET}" ==\n`);
    const cells = [...planPart!.matchAll(/^info +(\S+(?: \S+)*?) +statement-without-activity/gm)].map((m) => m[1]);
    expect(cells).toEqual(["A11", "A24", "A26"].map((c) => `'${THEORY_SHEET}'!${c}`));
    // The plan's own findings keep their short cells.
    expect(planPart).toMatch(/^\w+ +[A-Z]+\d+ +[a-z-]+ /m);
    expect(theoryPart).toBe("No findings. This sheet holds the theory of action (14 statements) the plan sheets are checked against; what the check finds is listed with those sheets.\n");
  });
});

/** A theory of action on the plan's sheet, above its table: the statements and the activities that carry them out. */
test("a statement's related activities come most telling first: a key word few activities hold outranks two that every step under a goal holds", async () => {
  const report = await analyzeRows(
    "Plan",
    [
      ["Theory of Action"],
      ["IF we build partnerships with outside organizations, THEN our system of support will sustain growth."],
      [],
      ["Goal", "Action Step", "Timeline"],
      ["Goal 1: A coherent system for growth", "Map current coaching cycles", "Aug"],
      [null, "Schedule walkthroughs by building", "Oct"],
      [null, "Survey principals on coaching needs", "Jan"],
      ["Goal 2: Family engagement", "Invite partnerships with the county library", "Feb"],
    ],
    { asOf: AS_OF },
  );
  const related = report.plan.theory!.statements[0]!.activities;
  // Every step under Goal 1 shares "system" and "growth" with it; only the library step shares "partnerships".
  expect(related.map((r) => [r.cell, r.words])).toEqual([
    [at("Plan", "B8"), ["partnerships"]],
    [at("Plan", "B5"), ["system", "growth"]],
    [at("Plan", "B6"), ["system", "growth"]],
    [at("Plan", "B7"), ["system", "growth"]],
  ]);
});

describe("statement-without-activity", () => {
  const rows = (steps: string[]): CellInput[][] => [
    ["Theory of Action"],
    ["IF we build partnerships with outside organizations, THEN we can train our own trainers."],
    ["IF we give staff agency in choosing their learning, THEN their enthusiasm grows."],
    [],
    ["Action Step", "Person Responsible", "Timeline"],
    ...steps.map((s, i): CellInput[] => [s, "Director of PL", ["Aug", "Oct", "Jan"][i % 3]!]),
  ];

  test("silent when an activity shares a key word with each statement (different forms of a word are one key word)", async () => {
    const report = await analyzeRows("Plan", rows(["Partner with the county office on a trainer cohort", "Offer choice boards so staff have agency in sessions"]), { asOf: AS_OF });
    const [partners, agency] = report.plan.theory!.statements;
    expect(partners!.activities.map((r) => [r.cell, r.words])).toEqual([[at("Plan", "A6"), ["partnerships", "train"]]]);
    expect(agency!.activities.map((r) => [r.cell, r.words])).toEqual([[at("Plan", "A7"), ["agency"]]]);
    expect(findingsOf(report, "statement-without-activity")).toEqual([]);
    // The statements' rows are not activities.
    expect(report.plan.activities.map((a) => a.text)).toEqual(["Partner with the county office on a trainer cohort", "Offer choice boards so staff have agency in sessions"]);
  });

  test("fires, a note at its cell, for a statement no activity shares a key word with; words every plan uses (staff, learning, will) relate nothing", async () => {
    const report = await analyzeRows("Plan", rows(["Partner with the county office on a trainer cohort", "Staff learning will continue"]), { asOf: AS_OF });
    const found = findingsOf(report, "statement-without-activity");
    expect(found.map((f) => [f.severity, f.cell])).toEqual([["info", at("Plan", "A3")]]);
    expect(found[0]!.message).toMatch(/theory-of-action statement Statement 2 \("IF we give staff agency/);
  });
});

/** An action-plan table with a standards column under the given header. */
function standardsPlan(cells: (string | null)[], header = "Standard(s)"): CellInput[][] {
  return [["Action Step", "Timeline", header], ...cells.map((c, i): CellInput[] => [`Step ${i + 1}: coach PLC leads in cycle ${i + 1}`, "Oct", c])];
}

describe("Standards for Professional Learning", () => {
  test("seed 002's seven standards, every name as the seed writes it, read in the 2011 edition with each addressed once", async () => {
    const text = readFileSync(join(SEEDS, "002_e8ab543c03fc7118.txt"), "utf8").split("\n");
    const from = text.findIndex((l) => l.includes("Standards for Professional Learning outline"));
    // The seed's standard names: the short heading lines after its introduction.
    const names = text.slice(from + 1).map((l) => l.trim()).filter((l) => l !== "" && l.split(" ").length <= 3);
    expect(names).toEqual([...STANDARDS["2011"]]);
    for (const name of names) expect(standardNamed(name)).toBe(name);
    const report = await analyzeRows("Plan", standardsPlan(names), { asOf: AS_OF });
    expect(report.plan.standards).toMatchObject({ edition: "2011", source: "names", cell: at("Plan", "C1") });
    expect(report.plan.activities.map((a) => a.standards!.names)).toEqual(names.map((n) => [n]));
    expect(report.summary.standards!.coverage).toEqual(names.map((name) => ({ name, activities: 1 })));
    expect(report.findings.filter((f) => /standard/.test(f.rule))).toEqual([]);
  });

  test.each([
    ["learning communities", ["Learning Communities"]],
    ["LEARNING COMMUNITY", ["Learning Communities"]],
    ["LC", ["Learning Communities"]],
    ["Learning Communities Standard", ["Learning Communities"]],
    ["Leadership & Resources", ["Leadership", "Resources"]],
    ["Leadership and Resources", ["Leadership", "Resources"]],
    ["Data, Outcomes", ["Data", "Outcomes"]],
    ["Data; Learning Designs", ["Data", "Learning Designs"]],
    ["1. Implementation\n2. Learning Design", ["Implementation", "Learning Designs"]],
    ["Curriculum, Assessment & Instruction", ["Curriculum, Assessment, and Instruction"]],
    ["Curriculum, Assessment, and Instruction; Equity Practices", ["Curriculum, Assessment, and Instruction", "Equity Practices"]],
    ["CCI / Evidence", ["Culture of Collaborative Inquiry", "Evidence"]],
  ])("%j names %j", (cell, names) => {
    expect(namedStandards(cell).map((n) => n.standard)).toEqual(names);
  });

  test.each(["Standard(s)", "Standards", "LF Standard", "Learning Forward", "Standards for PL", "Standards for Professional Learning", "PL Standards"])(
    "a column headed %j is the standards column",
    async (header) => {
      const report = await analyzeRows("Plan", standardsPlan(["Data", "LC"], header), { asOf: AS_OF });
      expect(report.plan.blocks[0]!.columns["standards"]).toBe("C");
      expect(report.plan.activities.map((a) => a.standards?.names)).toEqual([["Data"], ["Learning Communities"]]);
    },
  );

});

describe("unknown-standard", () => {
  test("fires on a misspelt name, a warning that suggests the nearest standard, with a fix that rewrites only that name", async () => {
    const report = await analyzeRows("Plan", standardsPlan(["Data; Learning Comunities", "Leadership"]), { asOf: AS_OF });
    const [found] = findingsOf(report, "unknown-standard");
    expect(found).toMatchObject({ severity: "warning", cell: at("Plan", "C2") });
    expect(found!.message).toBe('"Learning Comunities" (C2) is not one of the 2011 Standards for Professional Learning. Did you mean Learning Communities?');
    expect(found!.fix!.edits).toEqual([{ cell: at("Plan", "C2"), value: "Data; Learning Communities", before: "Data; Learning Comunities" }]);
    expect(report.plan.activities[0]!.standards!.names).toEqual(["Data"]);
  });

  test("fires on a name of the other edition (suggesting its counterpart), a vague name (listing the candidates, no fix), a stranger (listing the edition)", async () => {
    const report = await analyzeRows("Plan", standardsPlan(["Data", "Equity", "Banana bread", "Learning Designs"]), { asOf: AS_OF, settings: { standardsEdition: "2022" } });
    expect(report.plan.standards).toMatchObject({ edition: "2022", source: "settings" });
    const [data, equity, banana] = findingsOf(report, "unknown-standard");
    expect(data!.message).toMatch(/^"Data" \(C2\) is one of the 2011 Standards for Professional Learning; this plan follows the 2022 edition \(set in Settings\), which names it Evidence\.$/);
    expect(data!.fix!.edits[0]!.value).toBe("Evidence");
    expect(equity!.message).toMatch(/Did you mean Equity Practices, Equity Drivers or Equity Foundations\?$/);
    expect(equity!.fix).toBeUndefined();
    expect(banana!.message).toMatch(/is not one of the 2022 Standards for Professional Learning: Equity Practices; .*; Resources\.$/);
    expect(banana!.fix).toBeUndefined();
  });

  test("a misspelt name of the other edition: says which standard it reads like and that edition's name for it, with a fix to that name", async () => {
    const report = await analyzeRows("Plan", standardsPlan(["Learning Comunities", "Learning Designs"]), { asOf: AS_OF, settings: { standardsEdition: "2022" } });
    const [found] = findingsOf(report, "unknown-standard");
    expect(found!.message).toBe(
      '"Learning Comunities" (C2) is not one of the 2022 Standards for Professional Learning; this plan follows the 2022 edition (set in Settings). ' +
        "It reads like the 2011 standard Learning Communities, which the 2022 edition names Culture of Collaborative Inquiry.",
    );
    expect(found!.fix!.edits).toEqual([{ cell: at("Plan", "C2"), value: "Culture of Collaborative Inquiry", before: "Learning Comunities" }]);
    // A name of this edition written nearly like it is still found first.
    const near = await analyzeRows("Plan", standardsPlan(["Learning Desings"]), { asOf: AS_OF, settings: { standardsEdition: "2022" } });
    expect(findingsOf(near, "unknown-standard")[0]!.message).toMatch(/Did you mean Learning Designs\?$/);
  });

  test("silent when the names are standards of the edition: without the setting the names decide (Data is 2011's alone)", async () => {
    const guessed = await analyzeRows("Plan", standardsPlan(["Data", "Learning Designs"]), { asOf: AS_OF });
    expect(guessed.plan.standards).toMatchObject({ edition: "2011", source: "names" });
    expect(findingsOf(guessed, "unknown-standard")).toEqual([]);
    const corrected = await analyzeRows("Plan", standardsPlan(["Evidence", "Equity Practices"]), { asOf: AS_OF, settings: { standardsEdition: "2022" } });
    expect(findingsOf(corrected, "unknown-standard")).toEqual([]);
  });
});

describe("standard-not-addressed", () => {
  test("fires once, a note on the column's header, naming the standards no activity addresses; the coverage in the summary and on the summary sheet", async () => {
    const report = await analyzeRows("Plan", standardsPlan(["Data; LC", "Data", "Leadership & Resources", null]), { asOf: AS_OF });
    expect(report.summary.standards).toEqual({
      edition: "2011",
      source: "names",
      coverage: [
        { name: "Learning Communities", activities: 1 },
        { name: "Leadership", activities: 1 },
        { name: "Resources", activities: 1 },
        { name: "Data", activities: 2 },
        { name: "Learning Designs", activities: 0 },
        { name: "Implementation", activities: 0 },
        { name: "Outcomes", activities: 0 },
      ],
    });
    const notes = findingsOf(report, "standard-not-addressed");
    expect(notes.map((f) => [f.severity, f.cell, f.message])).toEqual([
      ["info", at("Plan", "C1"), "No activity addresses 3 of the 2011 Standards for Professional Learning: Learning Designs; Implementation; Outcomes."],
    ]);
    const sheet = describeSummarySheet([report], []);
    const shown = (c: WriteCell | null): string | number | null => (c === null ? null : c.value.kind === "text" ? c.value.text : c.value.kind === "number" ? c.value.value : null);
    const texts = sheet.rows.map((r) => r.map(shown));
    const at0 = texts.findIndex((r) => typeof r[0] === "string" && r[0].startsWith("Standards for Professional Learning (2011 edition, as the plan's names match)"));
    expect(texts.slice(at0 + 2, at0 + 9)).toEqual(report.summary.standards!.coverage.map((c) => [c.name, c.activities]));
    expect(texts[at0 + 9]).toEqual(["No activity addresses Learning Designs; Implementation; Outcomes."]);
  });

  test("silent when every standard of the edition is addressed", async () => {
    const all = await analyzeRows("Plan", standardsPlan([STANDARDS["2011"].join("; ")]), { asOf: AS_OF });
    expect(all.summary.standards!.coverage.every((c) => c.activities === 1)).toBe(true);
    expect(findingsOf(all, "standard-not-addressed")).toEqual([]);
  });
});

describe("the rest of the plan in the JSON contract and the CSV export", () => {
  /** The CSV export read back: one object per line, by header. */
  const csvRows = (text: string): Record<string, string>[] => {
    const [header, ...rows] = parseDelimited(text, ",");
    return rows.filter((r) => r.length > 1).map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ""])));
  };

  test("theory of action, standards, outcomes, rationale and obstacles survive JSON (the zod contract) and come out in the CSV by their activity", async () => {
    const file = await loadFile(SAMPLE);
    const theory = theoryOfSheets(file.grids, { asOf: AS_OF });
    const report = analyzeSheet(file.grids.find((g) => g.sheet === PLAN_SHEET)!, { asOf: AS_OF, theory: theory! });
    const doc = sheetDocument(report);
    expect(SheetDocumentSchema.parse(JSON.parse(JSON.stringify(doc)))).toEqual(JSON.parse(JSON.stringify(doc)));
    expect(doc.plan.theory!.statements).toHaveLength(14);
    expect(doc.plan.standards).toEqual({ edition: "2011", source: "names", cell: at(PLAN_SHEET, "H3") });

    const rows = csvRows(planCsv([report]));
    const metrics = rows.filter((r) => r["Activity"]!.startsWith("Develop a clear set of data and metrics"));
    expect(metrics.map((r) => r["Standards"])).toEqual(["Data\nOutcomes"]);
    const carried = report.plan.theory!.statements.filter((s) => s.activities.some((r) => r.id === report.plan.activities[4]!.id));
    expect(metrics[0]!["Theory of action"]!.split("\n")).toEqual(carried.map((s) => `${s.label}: ${s.text}`));
    // Every line of an activity says the same of it, whichever of its marks the line is.
    const review = rows.filter((r) => r["Activity"]!.startsWith("Review calendars"));
    expect(review.length).toBe(3);
    expect(new Set(review.map((r) => r["Standards"]))).toEqual(new Set(["Resources"]));
  });

  test("seed 004's obstacles and the state template's outcomes and rationale: on their level in the JSON, beside each activity under it in the CSV", async () => {
    const seed = await cli("plan", join(SEEDS, "004_769b76f9574a1826.txt"));
    expect(seed.plan.levels.map((l) => [l.text, l.obstacles.length])).toEqual([["Strategy 1: Develop a CJUSD Comprehensive Professional Learning Plan", 10]]);
    const seedFile = await loadFile(join(SEEDS, "004_769b76f9574a1826.txt"));
    const seedRows = csvRows(planCsv([analyzeSheet(seedFile.grids[0]!, { asOf: AS_OF })]));
    expect(seedRows).toHaveLength(2);
    for (const r of seedRows) expect(r["Obstacles"]!.split("\n")).toEqual(seed.plan.levels[0]!.obstacles);

    const template = await loadFile(join(ROOT, "assets", "samples", "state-template.xlsx"));
    const report = analyzeSheet(template.grids[0]!, { asOf: AS_OF });
    const rows = csvRows(planCsv([report]));
    const goal1 = report.plan.levels[0]!;
    const under = rows.filter((r) => r["Goal / strategy"] === goal1.text);
    expect(under).toHaveLength(4); // a line per mark: the institute, and the data days in Oct, Jan and Apr
    for (const r of under) {
      expect(r["Rationale"]).toBe("Walkthrough data show formative assessment in 31% of classrooms.");
      expect(r["Expected outcomes"]!.split("\n")).toEqual([
        "Overarching Expected Outcome: Student growth on common formative assessments rises in every building.",
        "Year 1: PLCs in every building write common formative assessments.",
        "Year 2: PLCs use the results to plan reteaching.",
        "Year 3: Student growth is measured across buildings.",
      ]);
    }
    expect(rows.find((r) => r["Activity"]!.startsWith("New teacher academy"))!["Resources"]).toBe("Mentor stipends");
  });
});

describe("the plan sheet the add-in writes", () => {
  const shown = (c: WriteCell | null): string | number | null => (c === null ? null : c.value.kind === "text" ? c.value.text : c.value.kind === "number" ? c.value.value : null);

  test("each activity's standards and the statements it carries out in the table; under it the theory of action and what the plan says about its goals", async () => {
    const file = await loadFile(SAMPLE);
    const report = analyzeSheet(file.grids.find((g) => g.sheet === PLAN_SHEET)!, { asOf: AS_OF, theory: theoryOfSheets(file.grids, { asOf: AS_OF })! });
    const rows = describePlanSheet([report]).rows.map((r) => r.map(shown));
    const header = rows[0]!;
    // A column for what some activity has: standards and statements, not evidence or resources (none filled in here).
    expect(header.slice(-3)).toEqual(["Source cell", "Standards", "Theory of action"]);
    const metrics = rows.find((r) => typeof r[1] === "string" && r[1].startsWith("Develop a clear set of data and metrics"))!;
    expect(metrics[header.indexOf("Standards")]).toBe("Data, Outcomes");
    expect(String(metrics[header.indexOf("Theory of action")]).split(", ")).toContain("Expectations 1");

    const heading = rows.findIndex((r) => r[0] === "Theory of action");
    expect(rows[heading + 1]).toEqual(["Statement", "Theme", "If / condition", "Then / result", "Activities that carry it out", "Shared key words", "Cell"]);
    const statements = rows.slice(heading + 2, heading + 16);
    expect(statements.map((r) => [r[0], r[1], r[2], r[3]])).toEqual(expected003.statements.map((s) => [s.label, s.theme, s.condition, s.result]));
    expect(statements.filter((r) => r[4] === "None shares a key word with it").map((r) => r[0])).toEqual(["General 5", "Motivation 1", "Motivation 2"]);

    const template = await loadFile(join(ROOT, "assets", "samples", "state-template.xlsx"));
    const plan = describePlanSheet([analyzeSheet(template.grids[0]!, { asOf: AS_OF })]).rows.map((r) => r.map(shown));
    const goals = plan.findIndex((r) => r[0] === "Goals and strategies");
    expect(plan[goals + 2]!.slice(0, 3)).toEqual([
      "Goal 1: Every teacher uses common formative assessments in a PLC cycle by June 2027.",
      "",
      "Walkthrough data show formative assessment in 31% of classrooms.",
    ]);
    expect(String(plan[goals + 2]![3]).split("\n")[1]).toBe("Year 1: PLCs in every building write common formative assessments.");
  });
});
