/** @jest-environment node */
/**
 * docs/product.md, "Validation: findings": every rule fires on a realistic district workbook (written as .xlsx and read
 * back through the command line's reader) and stays silent once the planner has corrected it.
 */
import type { Finding } from "../../src/core";
import { analyzeRows, findingsOf } from "../support/read-back";
import { MONTHS_JUL_JUN as M, marked, timelineRow } from "../support/district";
import { error, removeTempFiles, type CellInput } from "../support/workbook-builder";

afterAll(removeTempFiles);

const AS_OF = "2024-01-15";
const HEADER: CellInput[] = ["Action Step", "Person(s) Responsible", ...M, "Status"];

/** A plan sheet: title, blank line, header, then the given rows. */
function plan(rows: CellInput[][], title: CellInput = "Professional Learning Plan 2023-24"): CellInput[][] {
  return [[title], [], HEADER, ...rows];
}

/** An activity row: text, owner, the months marked X (or another mark), status. */
function step(text: CellInput, owner: CellInput, months: string[] | Record<string, CellInput>, status: CellInput = null): CellInput[] {
  const marks = Array.isArray(months) ? marked(months) : months;
  return [...timelineRow([text, owner], M, marks), status];
}

async function findings(rows: CellInput[][], rule: string, title?: CellInput, asOf = AS_OF): Promise<Finding[]> {
  const report = await analyzeRows("PL Plan", plan(rows, title), { asOf });
  return findingsOf(report, rule);
}

function expectPlain(f: Finding, ...words: RegExp[]): void {
  for (const w of words) expect(f.message).toMatch(w);
  expect(f.message).not.toMatch(/undefined|null|NaN|\[object/);
}

describe("reading rules", () => {
  it("no-plan: a sheet without three periods; silent once the months are there", async () => {
    const none = await analyzeRows("Notes", [["Committee notes"], ["Activity", "Owner", "July", "August"], ["Develop a PLC model", "Director", "X", null]], { asOf: AS_OF });
    const [f] = findingsOf(none, "no-plan");
    expect(f).toMatchObject({ severity: "error", cell: "'Notes'!A1" });
    expectPlain(f!, /No plan found/, /three or more periods/);
    expect(await findings([step("Develop a PLC model", "Director", ["July"])], "no-plan")).toEqual([]);
  });

  it("school-year-assumed: nothing names the year; silent with a title that does", async () => {
    const [f] = await findings([step("Develop a PLC model", "Director", ["July"])], "school-year-assumed", "Professional Learning Plan");
    expect(f).toMatchObject({ severity: "warning", cell: "'PL Plan'!C3" });
    expectPlain(f!, /2023-24/, /title above the timeline|settings/);
    expect(await findings([step("Develop a PLC model", "Director", ["July"])], "school-year-assumed")).toEqual([]);
  });

  it("periods-out-of-order and period-repeated: a header going back in time; silent in order", async () => {
    const rows = (header: CellInput[]): CellInput[][] => [["PL Plan 2023-24"], [], ["Action Step", ...header], ["Survey staff", "X", "X", "X", null]];
    const back = await analyzeRows("PL Plan", rows(["Jul-23", "Sep-23", "Aug-23", "Oct-23"]), { asOf: AS_OF });
    expect(findingsOf(back, "periods-out-of-order")[0]).toMatchObject({ severity: "warning", cell: "'PL Plan'!D3" });
    const twice = await analyzeRows("PL Plan", rows(["July", "August", "August", "September"]), { asOf: AS_OF });
    expect(findingsOf(twice, "period-repeated")[0]).toMatchObject({ severity: "warning", cell: "'PL Plan'!D3" });
    const ok = await analyzeRows("PL Plan", rows(["July", "August", "September", "October"]), { asOf: AS_OF });
    expect([...findingsOf(ok, "periods-out-of-order"), ...findingsOf(ok, "period-repeated")]).toEqual([]);
  });

  it("school-years-not-consecutive: a missing year; silent when every year is there", async () => {
    const rows = (years: string[]): CellInput[][] => [["Strategic Plan"], [], ["Activities and Milestones", ...years], ["Build the PLC model", "X", "X", "X"]];
    const gap = await analyzeRows("Plan", rows(["23-24", "24-25", "26-27"]), { asOf: AS_OF });
    const [f] = findingsOf(gap, "school-years-not-consecutive");
    expect(f).toMatchObject({ severity: "warning", cell: "'Plan'!D3" });
    expectPlain(f!, /2024-25/, /2026-27/, /missing/);
    expect(findingsOf(await analyzeRows("Plan", rows(["23-24", "24-25", "25-26"]), { asOf: AS_OF }), "school-years-not-consecutive")).toEqual([]);
  });

  it("unrecognized-mark: a word the vocabulary does not know; silent with X", async () => {
    const [f] = await findings([step("Train coaches on PLC protocols", "PLC Coaches", { October: "TBD" })], "unrecognized-mark");
    expect(f).toMatchObject({ severity: "warning", cell: "'PL Plan'!F4" });
    expectPlain(f!, /"TBD"/, /Oct 2023/, /Use X/);
    expect(await findings([step("Train coaches on PLC protocols", "PLC Coaches", ["October"])], "unrecognized-mark")).toEqual([]);
  });

  it("lookalike-mark: a Cyrillic X, with a fix to a Latin X; silent with Latin X", async () => {
    const [f] = await findings([step("Implement the PLC model", "Principals", { October: "\u0425", November: "X" })], "lookalike-mark");
    expect(f).toMatchObject({ severity: "info", cell: "'PL Plan'!F4", fix: { edits: [{ cell: "'PL Plan'!F4", value: "X", before: "\u0425" }] } });
    expectPlain(f!, /Cyrillic/, /COUNTIF/);
    expect(await findings([step("Implement the PLC model", "Principals", ["October", "November"])], "lookalike-mark")).toEqual([]);
  });

  it("split-mark: V over ^ read as one X, with a fix; silent with one X", async () => {
    const rows = [step("Present options to the board", "Superintendent", { March: "V" }), step(null, null, { March: "^" })];
    const [f] = await findings(rows, "split-mark");
    expect(f).toMatchObject({
      severity: "info",
      cell: "'PL Plan'!K4",
      fix: { edits: [{ cell: "'PL Plan'!K4", value: "X" }, { cell: "'PL Plan'!K5", value: null }] },
    });
    expect(await findings([step("Present options to the board", "Superintendent", ["March"])], "split-mark")).toEqual([]);
  });

  it("repeated-mark: one period marked twice by one activity; silent once", async () => {
    const rows = [step("Develop the survey", "Data Team", ["April"]), step("of staff learning needs", null, ["April"])];
    const [f] = await findings(rows, "repeated-mark");
    expect(f).toMatchObject({ severity: "info", cell: "'PL Plan'!L5" });
    expect(await findings([step("Develop the survey", "Data Team", ["April"]), step("of staff learning needs", null, [])], "repeated-mark")).toEqual([]);
  });

  it("error-value: #N/A in a mark cell and in the owner column; silent with values", async () => {
    const fs = await findings([step("Review walkthrough data", error("#N/A"), { November: error("#REF!") })], "error-value");
    expect(fs.map((f) => f.cell).sort()).toEqual(["'PL Plan'!B4", "'PL Plan'!G4"]);
    expect(fs.every((f) => f.severity === "error")).toBe(true);
    expect(await findings([step("Review walkthrough data", "Principals", ["November"])], "error-value")).toEqual([]);
  });

  it("orphan-continuation: a wrapped line with nothing above it; silent when joined", async () => {
    const [f] = await findings([step("with all new teachers, twice", "Mentors", ["September"])], "orphan-continuation");
    expect(f).toMatchObject({ severity: "warning", cell: "'PL Plan'!A4" });
    expect(await findings([step("Meet with all new teachers, twice", "Mentors", ["September"])], "orphan-continuation")).toEqual([]);
  });

  it("mark-outside-timeline: an X past the last month; silent inside the timeline", async () => {
    const row = step("Plan next year's calendar", "Director of PL", ["June"]);
    const outside: CellInput[] = [...row.slice(0, 14), null, "X"];
    const [f] = await findings([outside], "mark-outside-timeline");
    expect(f).toMatchObject({ severity: "warning", cell: "'PL Plan'!P4" });
    expect(await findings([row], "mark-outside-timeline")).toEqual([]);
  });

  it("marks-without-activity: marks far from any activity; silent on the activity's row", async () => {
    const rows = [step("Share PLC practices", "Coaches", ["October"]), [], [], step(null, null, ["December"])];
    const [f] = await findings(rows, "marks-without-activity");
    expect(f).toMatchObject({ severity: "warning", cell: "'PL Plan'!H7" });
    expect(await findings([step("Share PLC practices", "Coaches", ["October", "December"])], "marks-without-activity")).toEqual([]);
  });

  it("stray-line: a pasted line repeating the next one's start, not counted, with a fix; silent without it", async () => {
    const rows = [
      step("Develop professional learning for staff that includes also", null, []),
      step("Develop professional learning for staff that includes clear", "Director of PL", ["July", "August"]),
      step("expectations for application and measures of impact.", null, []),
    ];
    const report = await analyzeRows("PL Plan", plan(rows), { asOf: AS_OF });
    const [f] = findingsOf(report, "stray-line");
    expect(f).toMatchObject({ severity: "warning", cell: "'PL Plan'!A4", fix: { edits: [{ cell: "'PL Plan'!A4", value: null }] } });
    expect(report.plan.activities).toHaveLength(1);
    expect(await findings(rows.slice(1), "stray-line")).toEqual([]);
  });
});

describe("plan rules", () => {
  it("unscheduled-activity: an activity with no period marked; silent once marked", async () => {
    const [f] = await findings([step("Update the walkthrough tool", "Principals", [])], "unscheduled-activity");
    expect(f).toMatchObject({ severity: "warning", cell: "'PL Plan'!A4" });
    expectPlain(f!, /no mark in any period/, /Put an X/);
    expect(await findings([step("Update the walkthrough tool", "Principals", ["August"])], "unscheduled-activity")).toEqual([]);
  });

  it("missing-owner: an empty owner cell where the sheet has an owner column; silent when named", async () => {
    const [f] = await findings([step("Send teams to standards training", null, ["September"])], "missing-owner");
    expect(f).toMatchObject({ severity: "warning", cell: "'PL Plan'!B4" });
    expectPlain(f!, /owner column/, /Name the person/);
    expect(await findings([step("Send teams to standards training", "Curriculum Office", ["September"])], "missing-owner")).toEqual([]);
  });

  it("duplicate-activity: the same activity under two goals; silent for a Develop/Implement pair", async () => {
    const rows = [
      ["Goal 1: Strengthen PLCs"],
      step("Review current templates for alignment with the strategic plan", "Principals", ["September"]),
      ["Goal 2: Align school plans"],
      step("Review current templates for alignment with the strategic plan.", "Principals", ["October"]),
    ];
    const [f] = await findings(rows, "duplicate-activity");
    expect(f).toMatchObject({ severity: "warning", cell: "'PL Plan'!A7" });
    expectPlain(f!, /A5/, /keep one/);
    const pair = [step("Develop the PLC model for CSI schools", "Director", ["July"]), step("Implement the PLC model for CSI schools", "Principals", ["October"])];
    expect(await findings(pair, "duplicate-activity")).toEqual([]);
  });

  it("formula-like-label: text starting with = or +, with a fix that drops the sign; silent otherwise", async () => {
    const [f] = await findings([step("=Monitor PLC implementation", "Coaches", ["November"])], "formula-like-label");
    // Not a bullet: a bulleted line reads as a sub-item of the activity above it (see rows.test.ts).
    expect(f).toMatchObject({ severity: "info", cell: "'PL Plan'!A4", fix: { edits: [{ cell: "'PL Plan'!A4", value: "Monitor PLC implementation" }] } });
    expect(await findings([step("Monitor PLC implementation", "Coaches", ["November"])], "formula-like-label")).toEqual([]);
  });

  it("sequence: Monitor before the Develop step it depends on; silent in order and across goals", async () => {
    const early = [
      ["Goal 1: PLC model"],
      step("Develop the PLC model for CSI schools", "Director of PL", ["October", "November"]),
      step("Monitor the PLC model for CSI schools with walkthroughs", "Principals", ["August"]),
    ];
    const [f] = await findings(early, "sequence");
    expect(f).toMatchObject({ severity: "warning", cell: "'PL Plan'!A6" });
    expectPlain(f!, /Aug 2023/, /Oct 2023/, /move one of them/);
    const inOrder = [early[0]!, early[1]!, step("Monitor the PLC model for CSI schools with walkthroughs", "Principals", ["December"])];
    expect(await findings(inOrder, "sequence")).toEqual([]);
    const otherGoal = [early[0]!, early[1]!, ["Goal 2: Family engagement"], step("Monitor family survey responses", "Data Team", ["August"])];
    expect(await findings(otherGoal, "sequence")).toEqual([]);
  });

  it("frequency-mismatch: quarterly marked once or every month, twice a year marked once; silent when the marks agree", async () => {
    const cases: [string, string[], boolean][] = [
      ["Meet quarterly to review data", ["October"], true],
      ["Meet quarterly to review data", M.slice(), true],
      ["Meet quarterly to review data", ["October", "January", "March", "June"], false],
      ["Administer the SIG self-assessment twice a year", ["October"], true],
      ["Administer the SIG self-assessment twice a year", ["October", "March"], false],
      ["Hold monthly coaching cycles", ["September", "December"], true],
      ["Hold monthly coaching cycles", ["September", "October", "November", "December"], false],
      ["Identify required learning annually", ["July", "January"], true],
      ["Identify required learning annually", ["July", "August", "September"], false],
      ["Check in each trimester", ["October"], true],
      ["Check in each trimester", ["October", "February", "May"], false],
      ["Post weekly PLC notes", ["September", "November"], true],
    ];
    for (const [text, months, fires] of cases) {
      const fs = await findings([step(text, "Data Team", months)], "frequency-mismatch");
      expect({ text, months, fires: fs.length > 0 }).toEqual({ text, months, fires });
      if (fires) expect(fs[0]).toMatchObject({ severity: "warning" });
    }
  });

  it("status-contradiction: On Track with overdue marks, Not Started with done marks; silent when they agree", async () => {
    const [onTrack] = await findings([step("Implement the PLC model", "Principals", ["October", "November"], "On Track")], "status-contradiction");
    expect(onTrack).toMatchObject({ severity: "warning", cell: "'PL Plan'!O4" });
    expectPlain(onTrack!, /On Track/, /overdue as of 2024-01-15/);
    const [notStarted] = await findings([step("Develop the PLC model", "Director", { July: "\u2713" }, "Not Started")], "status-contradiction");
    expect(notStarted).toMatchObject({ severity: "warning", cell: "'PL Plan'!O4" });
    expect(await findings([step("Implement the PLC model", "Principals", ["October", "November"], "At Risk")], "status-contradiction")).toEqual([]);
    expect(await findings([step("Implement the PLC model", "Principals", ["February", "March"], "On Track")], "status-contradiction")).toEqual([]);
  });

  it("goal-target-before-schedule: a goal's year before its last period; silent when the work ends in time", async () => {
    const years = (goal: string, marks: string[]): CellInput[][] => [
      [goal],
      [],
      ["Activities and Milestones", "23-24", "24-25", "25-26", "26-27"],
      ["Structures will be developed for job-embedded learning", ...["23-24", "24-25", "25-26", "26-27"].map((y) => (marks.includes(y) ? "X" : null))],
    ];
    const late = await analyzeRows("Plan", years("By 2025, all staff will receive job-embedded professional learning.", ["23-24", "26-27"]), { asOf: AS_OF });
    const [f] = findingsOf(late, "goal-target-before-schedule");
    expect(f).toMatchObject({ severity: "warning", cell: "'Plan'!A1" });
    expectPlain(f!, /by 2025/, /2026-27/);
    const ok = await analyzeRows("Plan", years("By 2028, all staff will receive job-embedded professional learning.", ["23-24", "26-27"]), { asOf: AS_OF });
    expect(findingsOf(ok, "goal-target-before-schedule")).toEqual([]);
    const asPath = await findings([["Goal 1: By 2023, every school runs PLCs"], step("Launch PLC cycles", "Principals", ["March"])], "goal-target-before-schedule");
    expect(asPath).toHaveLength(1);
  });
});
