/** @jest-environment node */
/**
 * docs/product.md, "Rows": hierarchy rows (Goal 1:, Goal #2, Objective 3:, Strategy 1.1, Priority, Focus Area,
 * Initiative, Action Step) set the path of the activities below; text on following rows that starts in lower
 * case or with a bullet continues an activity (bullets become sub-items); a row without text but with marks
 * belongs to the activity whose lines it touches; blank rows separate nothing by themselves.
 */
import { activity, analyzeRows, at, findingsOf, spans } from "../support/read-back";
import { MONTHS_JUL_JUN, timelineRow } from "../support/district";
import { removeTempFiles, type CellInput } from "../support/workbook-builder";

afterAll(removeTempFiles);

const AS_OF = "2024-01-15";
const M = MONTHS_JUL_JUN;

/** Title, header (label, owner, months) and the given rows. */
function plan(rows: CellInput[][], title = "District Professional Learning Plan 2023-2024"): CellInput[][] {
  return [[title], [], ["Goal / Strategy / Action Step", "Person(s) Responsible", ...M], ...rows];
}

const label = (text: string): CellInput[] => [text];
const act = (text: string, owner: string | null, marks: Record<string, CellInput>): CellInput[] => timelineRow([text, owner], M, marks);

describe("hierarchy rows", () => {
  test("Goal 1:, Strategy 1.1, Goal #2 and Objective 3: give the activities below them their path", async () => {
    const rows = plan([
      label("Goal 1: Maintain our professional learning focus on the Strategic Plan."),
      label("Strategy 1.1 Identify and ensure assured experiences and practices related to the strategic plan."),
      act("Identify and communicate assured practices around equitable and social-emotional learning.", "Asst. Superintendent", { August: "X" }),
      act("Create a model for the whole strategic plan and Profile of the Graduate.", "Cabinet", { September: "X" }),
      label("Strategy 1.2: Explore work around standards, proficiency scales and learning progressions."),
      act("Send teams to training around standards and proficiency scales.", "C&I Director", { October: "X" }),
      label("Goal #2"),
      label("Continue to revise, revamp, and implement with fidelity the PLC model and MTSS."),
      label("Objective 3: Use student data from MTSS to determine growth and support opportunities."),
      act("Capitalize on Data Days to review district common formative assessments.", "MTSS Coordinator", { January: "X" }),
    ]);
    const report = await analyzeRows("Goals", rows, { asOf: AS_OF });
    const goal1 = "Goal 1: Maintain our professional learning focus on the Strategic Plan.";
    const s11 = "Strategy 1.1 Identify and ensure assured experiences and practices related to the strategic plan.";
    const s12 = "Strategy 1.2: Explore work around standards, proficiency scales and learning progressions.";
    expect(activity(report, "Identify and communicate").path).toEqual([goal1, s11]);
    expect(activity(report, "Create a model").path).toEqual([goal1, s11]);
    expect(activity(report, "Send teams").path).toEqual([goal1, s12]);
    const goal2 = activity(report, "Capitalize on Data Days").path;
    expect(goal2).toHaveLength(2);
    // "Goal #2" alone on its row takes the line below it as its statement.
    expect(goal2[0]).toBe("Goal #2 Continue to revise, revamp, and implement with fidelity the PLC model and MTSS.");
    expect(goal2[1]).toBe("Objective 3: Use student data from MTSS to determine growth and support opportunities.");
    // Level rows are the path, not activities.
    expect(report.plan.activities.map((a) => a.text.slice(0, 12))).toEqual(["Identify and", "Create a mod", "Send teams t", "Capitalize o"]);
  });

  test("Goal #2 followed by its statement on the same line is a hierarchy row", async () => {
    const rows = plan([
      label("Goal #1 Maintain our professional learning focus on the Strategic Plan."),
      act("Design and implement PL specific to the honeycomb model.", "PL Coordinator", { August: "X" }),
      label("Goal #2 Continue to revise and implement the PLC model and MTSS."),
      act("Provide all coaching roles with PD around coaching PLCs.", "Coaching Coordinator", { October: "X" }),
    ]);
    const report = await analyzeRows("Goals", rows, { asOf: AS_OF });
    expect(report.plan.activities).toHaveLength(2);
    expect(activity(report, "Design and implement").path).toEqual(["Goal #1 Maintain our professional learning focus on the Strategic Plan."]);
    expect(activity(report, "Provide all coaching").path).toEqual(["Goal #2 Continue to revise and implement the PLC model and MTSS."]);
    expect(findingsOf(report, "unscheduled-activity")).toEqual([]);
  });

  test.each([
    ["Priority 1: Strengthen Tier 1 literacy instruction"],
    ["Focus Area: Science of Reading"],
    ["Initiative A: New Teacher Induction"],
  ])("%s is a level of the path", async (levelText) => {
    const rows = plan([
      label(levelText),
      act("Train K-3 teachers in structured literacy.", "Literacy Coach", { September: "X" }),
    ]);
    const report = await analyzeRows("Plan", rows, { asOf: AS_OF });
    expect(report.plan.activities).toHaveLength(1);
    expect(activity(report, "Train K-3").path).toEqual([levelText]);
  });

  test("an Action Step row is an activity, under the levels above it", async () => {
    const rows = plan([
      label("Goal 3: Create an ongoing districtwide process for educators to observe practice."),
      act("Action Step 1: Develop a toolkit of how to observe one another's practice.", "Instructional Coaches", { November: "X" }),
    ]);
    const report = await analyzeRows("Plan", rows, { asOf: AS_OF });
    const step = activity(report, "Action Step 1:");
    expect(step.path).toEqual(["Goal 3: Create an ongoing districtwide process for educators to observe practice."]);
    expect(spans(step)).toEqual([["2023-11-01", "2023-11-30"]]);
  });
});

describe("continuation lines", () => {
  test("lines that start in lower case continue the activity above (wrapped text pasted from a PDF)", async () => {
    const rows = plan([
      act("Develop a professional learning community (PLC) model for CSI", "Director of PL", {}),
      act("schools, allowing time for adult learning, collaboration,", null, { July: "X", August: "X", September: "X" }),
      act("reviewing student work samples, and progress toward meeting", null, {}),
      act("academic standards and improving student achievement.", null, {}),
      act("Implement the PLC model for CSI schools.", "Principals", { October: "X" }),
    ]);
    const report = await analyzeRows("Sheet1", rows, { asOf: AS_OF });
    expect(report.plan.activities).toHaveLength(2);
    const develop = activity(report, "Develop a professional");
    expect(develop.text).toBe(
      "Develop a professional learning community (PLC) model for CSI schools, allowing time for adult learning, collaboration, " +
        "reviewing student work samples, and progress toward meeting academic standards and improving student achievement.",
    );
    expect(develop.rows).toEqual([4, 5, 6, 7]);
    expect(develop.cell).toBe(at("Sheet1", "A4"));
    expect(spans(develop)).toEqual([
      ["2023-07-01", "2023-07-31"],
      ["2023-08-01", "2023-08-31"],
      ["2023-09-01", "2023-09-30"],
    ]);
  });

  test("bulleted lines (- and •) become sub-items of the activity, and their marks are its marks", async () => {
    const rows = plan([
      act("Identify required professional learning annually and create a", "PL Coordinator", {}),
      act("process for implementation and monitoring:", null, {}),
      act("- Professional learning required for 2023-24", null, {}),
      act("• CCAR", null, { July: "X", August: "X", September: "X" }),
      act("- Restorative Practices", null, {}),
      act("- Departmental required", null, {}),
      act("learning", null, {}),
      act("Meet quarterly to review data and adjust the plan based on progress.", "Cabinet", { October: "X", January: "X" }),
    ]);
    const report = await analyzeRows("Sheet1", rows, { asOf: AS_OF });
    expect(report.plan.activities).toHaveLength(2);
    const identify = activity(report, "Identify required professional learning");
    expect(identify.subItems).toEqual(["Professional learning required for 2023-24", "CCAR", "Restorative Practices", "Departmental required learning"]);
    expect(identify.text.split("\n")[0]).toBe("Identify required professional learning annually and create a process for implementation and monitoring:");
    expect(spans(identify).map(([start]) => start)).toEqual(["2023-07-01", "2023-08-01", "2023-09-01"]);
    expect(identify.schedule[0]!.cell).toBe(at("Sheet1", "C7"));
  });

  test("a bulleted line right under a goal line is an activity of its own, on its one row", async () => {
    const rows = plan([
      label("Goal 1: Every student reads on grade level by 2030."),
      act("- Train coaches on the literacy model", "Principals", { August: "X" }),
    ]);
    const report = await analyzeRows("Sheet1", rows, { asOf: AS_OF });
    const train = activity(report, "Train coaches");
    expect(train.path).toEqual(["Goal 1: Every student reads on grade level by 2030."]);
    expect(train.rows).toEqual([5]);
    expect(train.owner).toBe("Principals");
    expect(spans(train).map(([start]) => start)).toEqual(["2023-08-01"]);
    expect(findingsOf(report, "repeated-mark")).toEqual([]);
  });

  test("a lower-case line with nothing above it is reported as an orphan continuation", async () => {
    const rows = plan([act("learning needs for staff.", null, { April: "X" }), act("Develop a survey to check implementation.", "PL Coordinator", { May: "X" })]);
    const report = await analyzeRows("Sheet1", rows, { asOf: AS_OF });
    const [orphan] = findingsOf(report, "orphan-continuation");
    expect(orphan?.cell).toBe(at("Sheet1", "A4"));
  });
});

describe("rows with marks and no text", () => {
  test("a row of marks under an activity's last line belongs to that activity", async () => {
    const rows = plan([
      act("Create a document that presents three options based on data", "Strategic Planning Committee", {}),
      act("from districts similar to the demographics of MPS that have", null, { September: "X", October: "X" }),
      act("shown academic achievement.", null, {}),
      timelineRow([null, null], M, { November: "X" }),
      [],
      act("Study the collected feedback and make adjustments.", "Cabinet", { December: "X" }),
    ]);
    const report = await analyzeRows("Sheet1", rows, { asOf: AS_OF });
    expect(report.plan.activities).toHaveLength(2);
    const create = activity(report, "Create a document");
    expect(spans(create).map(([start]) => start)).toEqual(["2023-09-01", "2023-10-01", "2023-11-01"]);
    expect(create.rows).toEqual([4, 5, 6, 7]);
    expect(spans(activity(report, "Study the collected"))).toEqual([["2023-12-01", "2023-12-31"]]);
  });

  test("a row of marks right above the first activity belongs to it", async () => {
    const rows = plan([
      timelineRow([null, null], M, { July: "X" }),
      act("Research the allocation of professional learning time in neighboring districts.", "Research Office", { August: "X" }),
    ]);
    const report = await analyzeRows("Sheet1", rows, { asOf: AS_OF });
    expect(spans(activity(report, "Research the allocation")).map(([start]) => start)).toEqual(["2023-07-01", "2023-08-01"]);
  });

  test("an activity label merged down over several rows owns the marks on each of them", async () => {
    const rows = plan([
      act("Provide coaching cycles for first- and second-year teachers.", "Instructional Coaches", { August: "X" }),
      act("", null, { October: "X" }),
      act("", null, { January: "X" }),
      act("Evaluate the mentoring program with new teachers.", "HR", { May: "X" }),
    ]);
    const report = await analyzeRows("Sheet1", rows, { asOf: AS_OF, merges: ["A4:A6", "B4:B6"] });
    expect(report.plan.activities).toHaveLength(2);
    const coaching = activity(report, "Provide coaching cycles");
    expect(coaching.rows).toEqual([4, 5, 6]);
    expect(coaching.owner).toBe("Instructional Coaches");
    expect(coaching.schedule.map((m) => m.period)).toEqual(["Aug 2023", "Oct 2023", "Jan 2024"]);
  });

  test("a row of marks touching no activity is reported and its marks are not counted", async () => {
    const rows = plan([
      act("Research the allocation of professional learning time.", "Research Office", { August: "X" }),
      [],
      timelineRow([null, null], M, { March: "X" }),
      [],
      act("Present findings to the board.", "Superintendent", { April: "X" }),
    ]);
    const report = await analyzeRows("Sheet1", rows, { asOf: AS_OF });
    expect(report.summary.totals.scheduled).toBe(2);
    const [finding] = findingsOf(report, "marks-without-activity");
    expect(finding?.cell).toBe(at("Sheet1", "K6"));
  });
});
