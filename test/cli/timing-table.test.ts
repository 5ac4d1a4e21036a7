/** @jest-environment node */
/**
 * docs/product.md, "Plans that are not grids" -> "Timing text", and "Status as of a date", through the command line
 * on a generated .xlsx: an action-plan table (Action Step | Person(s) Responsible | Timeline | Status) under a title
 * naming 2025-26, one row for each spelling of each row of the timing table, and a table with Start and End columns
 * on another sheet. `status --json` is run as of the days around every entry (31 and 30 days before it starts, the
 * day before, its first and last days, the day after) and each entry's start, end, period, cell, state, status and
 * due-soon are checked against what the specification says; the row's status gives each entry's state; TBD, "As
 * needed" and an empty cell leave the activity unscheduled (unscheduled-activity); timing that names no time is
 * unreadable-timing at its cell, quoting it, with a fix for a misspelt month.
 */
import { run } from "../../src/cli/main";
import type { FileDocument, SheetDocument } from "../../src/core/contract";
import type { MarkStatus } from "../../src/core/status";
import { captureIo } from "../support/read-back";
import { error, removeTempFiles, writeTempWorkbook, type CellInput } from "../support/workbook-builder";

afterAll(removeTempFiles);

const TABLE = "Action Plan";
const SPANS = "Coaching Start-End";
/** The cell as findings and schedule entries name it. */
const at = (sheet: string, a1: string): string => `'${sheet}'!${a1}`;

interface Entry {
  start: string;
  end: string;
  period: string;
  frequency?: string;
  deadline?: boolean;
}

const entry = (start: string, end: string, period: string, more: Partial<Entry> = {}): Entry => ({ start, end, period, ...more });
const YEAR_2025_26 = (frequency: string): Entry => entry("2025-07-01", "2026-06-30", "2025-26", { frequency });

/** A date cell, as Excel stores a date typed into a cell: a serial number shown with a date format. */
const dateCell = (iso: string): CellInput => ({ value: new Date(`${iso}T00:00:00Z`), numFmt: "m/d/yyyy" });

interface TimingRow {
  /** The row of the timing table it stands for. */
  kind: string;
  action: string;
  timing: CellInput;
  /** What the timing cell shows, as the entry's mark keeps it. */
  shown: string;
  entries: Entry[];
}

const row = (kind: string, action: string, timing: string, entries: Entry[]): TimingRow => ({ kind, action, timing, shown: timing, entries });

/** Every row of the "Timing text" table, in the spellings districts write, for a plan of 2025-26 starting in July. */
const SCHEDULED: TimingRow[] = [
  row("a month", "Host the PLC kickoff for new teachers", "Oct", [entry("2025-10-01", "2025-10-31", "Oct 2025")]),
  row("a month", "Present the literacy benchmark results to the board", "October 2025", [entry("2025-10-01", "2025-10-31", "Oct 2025")]),
  // A month before July falls in the school year's second calendar year.
  row("a month", "Review mid-year walkthrough data with principals", "Mar", [entry("2026-03-01", "2026-03-31", "Mar 2026")]),
  row("a range", "Coach new teachers through the induction cycle", "Aug-May", [entry("2025-08-01", "2026-05-31", "Aug 2025 \u2013 May 2026")]),
  row("a range", "Run PLC cycles in every CSI school", "Sept. through May", [entry("2025-09-01", "2026-05-31", "Sep 2025 \u2013 May 2026")]),
  row("a range", "Implement the MTSS referral process district-wide", "August 2025 - June 2026", [entry("2025-08-01", "2026-06-30", "Aug 2025 \u2013 Jun 2026")]),
  row("a range", "Pilot the new math curriculum in grade 6", "Q1-Q2", [entry("2025-07-01", "2025-12-31", "Q1 2025-26 \u2013 Q2 2025-26")]),
  row("a season", "Survey families on school climate", "Fall", [entry("2025-09-01", "2025-11-30", "Fall 2025")]),
  row("a season", "Hold data days with building leadership teams", "Winter", [entry("2025-12-01", "2026-02-28", "Winter 2025")]),
  row("a season", "Observe co-teaching classrooms", "Spring", [entry("2026-03-01", "2026-05-31", "Spring 2026")]),
  // The school year's own summer is the one before its fall, as a grid dates it.
  row("a season", "Train summer school staff on the reading framework", "Summer", [entry("2025-06-01", "2025-08-31", "Summer 2025")]),
  row("a season", "Update the professional learning calendar", "Fall 2025", [entry("2025-09-01", "2025-11-30", "Fall 2025")]),
  row("a quarter, semester, trimester", "Audit intervention groups for fidelity", "Q2", [entry("2025-10-01", "2025-12-31", "Q2 2025-26")]),
  row("a quarter, semester, trimester", "Launch the second cohort of instructional coaches", "2nd semester", [entry("2026-01-01", "2026-06-30", "S2 2025-26")]),
  row("a quarter, semester, trimester", "Review grade distributions with department heads", "Trimester 2", [entry("2025-11-01", "2026-02-28", "T2 2025-26")]),
  row("a school year or plan year", "Maintain a vetted list of professional learning providers", "2025-26", [entry("2025-07-01", "2026-06-30", "2025-26")]),
  row("a school year or plan year", "Expand the mentoring program to middle schools", "SY 2026-27", [entry("2026-07-01", "2027-06-30", "2026-27")]),
  row("a school year or plan year", "Evaluate the instructional coaching model", "Year 2", [entry("2026-07-01", "2027-06-30", "2026-27")]),
  row("a date", "Submit the Title II application", "10/15/2025", [entry("2025-10-15", "2025-10-15", "2025-10-15")]),
  row("a date", "Share the equity audit with staff", "2025-11-03", [entry("2025-11-03", "2025-11-03", "2025-11-03")]),
  row("a date", "Hold the spring family literacy night", "Apr 16, 2026", [entry("2026-04-16", "2026-04-16", "2026-04-16")]),
  { kind: "a date", action: "Present the Professional Learning Plan to the board", timing: dateCell("2026-03-10"), shown: "2026-03-10", entries: [entry("2026-03-10", "2026-03-10", "2026-03-10")] },
  row("a deadline", "Adopt the new literacy framework", "By June 2026", [entry("2026-06-01", "2026-06-30", "Jun 2026", { deadline: true })]),
  row("a deadline", "Complete the SIG self-assessment", "by 3/1/2026", [entry("2026-03-01", "2026-03-01", "2026-03-01", { deadline: true })]),
  row("a deadline", "Finish first-round classroom walkthroughs", "by end of Q2", [entry("2025-10-01", "2025-12-31", "Q2 2025-26", { deadline: true })]),
  row("a list", "Administer the universal reading screener", "Fall and Spring", [entry("2025-09-01", "2025-11-30", "Fall 2025"), entry("2026-03-01", "2026-05-31", "Spring 2026")]),
  row("a list", "Review attendance data with counselors", "Oct, Jan, Apr", [entry("2025-10-01", "2025-10-31", "Oct 2025"), entry("2026-01-01", "2026-01-31", "Jan 2026"), entry("2026-04-01", "2026-04-30", "Apr 2026")]),
  row("a list", "Send progress letters to families", "Sept/Feb", [entry("2025-09-01", "2025-09-30", "Sep 2025"), entry("2026-02-01", "2026-02-28", "Feb 2026")]),
  row("a frequency alone", "Hold PLP team meetings", "Monthly", [YEAR_2025_26("monthly")]),
  row("a frequency alone", "Report progress to the school board", "Quarterly", [YEAR_2025_26("quarterly")]),
  row("a frequency alone", "Survey staff on professional learning needs", "Twice a year", [YEAR_2025_26("twice a year")]),
  row("a frequency alone", "Revise the district improvement plan", "Annually", [YEAR_2025_26("annually")]),
  row("a frequency alone", "Meet with grade-level teams", "Weekly", [YEAR_2025_26("weekly")]),
  row("a frequency alone", "Pair each first-year teacher with a mentor", "Ongoing", [YEAR_2025_26("ongoing")]),
  row("a frequency alone", "Keep the shared resource library current", "Year round", [YEAR_2025_26("year round")]),
  row("a frequency alone", "Celebrate staff successes in the newsletter", "Throughout the year", [YEAR_2025_26("throughout the year")]),
];

/** `TBD`, `As needed`, empty: none (the activity is unscheduled). */
const UNSCHEDULED: { action: string; timing: string | null; says: string }[] = [
  { action: "Share practices across buildings to align instruction", timing: "TBD", says: 'is not scheduled yet (C{row} says "TBD")' },
  { action: "Bring in outside experts to facilitate PLCs", timing: "As needed", says: 'is not scheduled yet (C{row} says "As needed")' },
  { action: "Visit model schools in the region", timing: null, says: "has no timing (C{row} is empty)" },
];

/** Anything else: none, and a finding naming the cell and its text (with a fix for a misspelt month). */
const UNREADABLE: { action: string; timing: string; fix: string | null }[] = [
  { action: "Develop a clear set of data and metrics to guide decisions", timing: "Setp 2025", fix: "Sep 2025" },
  { action: "Align the plan with the board's new goals", timing: "When the board approves", fix: null },
];

/** The row's status gives each entry's state (all timed "Oct"), and stays the activity's reported status. */
const STATUSES: { action: string; status: CellInput; reported: string | null; state: "planned" | "done" | "in-progress" | "cancelled" }[] = [
  { action: "Walk classrooms at Adams Elementary", status: "Complete", reported: "Complete", state: "done" },
  { action: "Review reading plans at Brooks Middle", status: "Done", reported: "Done", state: "done" },
  { action: "Model guided reading at Carver Elementary", status: "100%", reported: "100%", state: "done" },
  { action: "Set up a data wall at Douglas High", status: "In Progress", reported: "In Progress", state: "in-progress" },
  { action: "Train paraprofessionals at Edison Elementary", status: "Started", reported: "Started", state: "in-progress" },
  { action: "Schedule coaching cycles at Franklin Middle", status: "50%", reported: "50%", state: "in-progress" },
  // A real percentage cell (0.5 shown as 50%), as a planner's % Complete column holds it.
  { action: "Order leveled libraries for Garfield Elementary", status: { value: 0.5, numFmt: "0%" }, reported: "50%", state: "in-progress" },
  { action: "Form a literacy team at Hamilton High", status: "Not Started", reported: "Not Started", state: "planned" },
  { action: "Map the science units at Irving Middle", status: "0%", reported: "0%", state: "planned" },
  { action: "Host a parent academy at Jefferson Elementary", status: "Cancelled", reported: "Cancelled", state: "cancelled" },
  { action: "Visit the STEM lab at Kennedy Middle", status: "Dropped", reported: "Dropped", state: "cancelled" },
  { action: "Calibrate writing rubrics at Lincoln High", status: "On Track", reported: "On Track", state: "planned" },
  { action: "Launch book clubs at Madison Elementary", status: null, reported: null, state: "planned" },
];

const HEADER_ROW = 3;
const FIRST_ROW = HEADER_ROW + 1;
const OWNERS = ["Director of PL", "Principals", "PLC Coaches", "Data Team", "Curriculum Office"];

/** Sheet rows of the action-plan table, in this order: the scheduled rows, the unscheduled, the unreadable, the statuses. */
function tableRows(): CellInput[][] {
  const rows: CellInput[][] = [["Professional Learning Action Plan 2025-26"], [], ["Action Step", "Person(s) Responsible", "Timeline", "Status"]];
  const owner = (i: number): string => OWNERS[i % OWNERS.length]!;
  SCHEDULED.forEach((r, i) => rows.push([r.action, owner(i), r.timing, null]));
  UNSCHEDULED.forEach((r, i) => rows.push([r.action, owner(i), r.timing, null]));
  UNREADABLE.forEach((r, i) => rows.push([r.action, owner(i), r.timing, null]));
  STATUSES.forEach((r, i) => rows.push([r.action, owner(i), "Oct", r.status]));
  rows.push([ERROR_ROW, owner(0), error("#N/A"), null]);
  return rows;
}
/** Last, a timing cell showing an error value. */
const ERROR_ROW = "Train new principals on the evaluation rubric";
const sheetRowOf = (section: number, index: number): number => FIRST_ROW + [0, SCHEDULED.length, SCHEDULED.length + UNSCHEDULED.length, SCHEDULED.length + UNSCHEDULED.length + UNREADABLE.length][section]! + index;
const scheduledRow = (i: number): number => sheetRowOf(0, i);
const unscheduledRow = (i: number): number => sheetRowOf(1, i);
const unreadableRow = (i: number): number => sheetRowOf(2, i);
const statusRow = (i: number): number => sheetRowOf(3, i);
const errorRow = statusRow(STATUSES.length);

/** With Start and End columns the entry is the span between them, at the End cell. */
const SPAN_ROWS: { action: string; start: CellInput; end: CellInput; status?: string; entry: Entry | null; endShown?: string }[] = [
  { action: "Run coaching cycles with new teachers", start: dateCell("2025-09-15"), end: dateCell("2025-11-20"), endShown: "2025-11-20", entry: entry("2025-09-15", "2025-11-20", "2025-09-15 \u2013 2025-11-20") },
  { action: "Model lessons in grade 3 classrooms", start: "Sept", end: "May", entry: entry("2025-09-01", "2026-05-31", "Sep 2025 \u2013 May 2026") },
  { action: "Lead a book study with the coaching team", start: "Oct 2025", end: "Jan 2026", entry: entry("2025-10-01", "2026-01-31", "Oct 2025 \u2013 Jan 2026") },
  { action: "Observe coaching conversations", start: "Oct 2025", end: "Dec 2025", status: "Complete", entry: entry("2025-10-01", "2025-12-31", "Oct 2025 \u2013 Dec 2025") },
  { action: "Develop the coaching menu", start: "Setp 2025", end: "Dec 2025", entry: null },
  { action: "Set coaching goals with principals", start: null, end: null, entry: null },
  { action: "Plan peer observations between coaches", start: "TBD", end: "TBD", entry: null },
  { action: "Visit coaching labs in the region", start: error("#N/A"), end: "Dec 2025", entry: null },
];

function spanSheetRows(): CellInput[][] {
  return [
    ["Instructional Coaching Plan 2025-26"],
    [],
    ["Activity", "Owner", "Start", "End", "Status"],
    ...SPAN_ROWS.map((r, i) => [r.action, OWNERS[i % OWNERS.length]!, r.start, r.end, r.status ?? null]),
  ];
}

let workbook: string;
const documents = new Map<string, SheetDocument[]>();

beforeAll(async () => {
  workbook = await writeTempWorkbook({ sheets: [{ name: TABLE, rows: tableRows() }, { name: SPANS, rows: spanSheetRows() }] }, "timing-table.xlsx");
});

/** `status --json --as-of DAY` on the workbook: one document per sheet. */
async function statusOn(day: string): Promise<SheetDocument[]> {
  const known = documents.get(day);
  if (known) return known;
  const io = captureIo(day);
  const code = await run(["status", workbook, "--json", "--as-of", day], io);
  expect({ code, err: io.err }).toEqual({ code: 0, err: "" });
  const doc = JSON.parse(io.out) as FileDocument;
  const sheets = "sheets" in doc ? doc.sheets : [doc];
  documents.set(day, sheets);
  return sheets;
}

async function sheetOn(day: string, name: string): Promise<SheetDocument> {
  const sheet = (await statusOn(day)).find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet "${name}" in the document as of ${day}`);
  return sheet;
}

async function activityOn(day: string, sheet: string, row: number): Promise<SheetDocument["plan"]["activities"][number]> {
  const found = (await sheetOn(day, sheet)).plan.activities.filter((a) => a.rows[0] === row);
  expect(found).toHaveLength(1);
  return found[0]!;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The days around an entry, and its status on each while its row is planned ("Status as of a date"). */
function aroundEntry(e: Entry): { day: string; status: MarkStatus; dueSoon: boolean }[] {
  return [
    { day: addDays(e.start, -31), status: "upcoming", dueSoon: false },
    { day: addDays(e.start, -30), status: "upcoming", dueSoon: true },
    { day: addDays(e.start, -1), status: "upcoming", dueSoon: true },
    { day: e.start, status: "current", dueSoon: false },
    { day: e.end, status: "current", dueSoon: false },
    { day: addDays(e.end, 1), status: "overdue", dueSoon: false },
  ];
}

/** Each entry's status and due-soon on each day around it, as the command line says. */
async function statusesAround(sheet: string, row: number, entries: Entry[]): Promise<{ entry: number; day: string; status: string; dueSoon: boolean }[]> {
  const seen: { entry: number; day: string; status: string; dueSoon: boolean }[] = [];
  for (const [k, e] of entries.entries()) {
    for (const { day } of aroundEntry(e)) {
      const mark = (await activityOn(day, sheet, row)).schedule[k]!;
      seen.push({ entry: k, day, status: mark.status, dueSoon: mark.dueSoon });
    }
  }
  return seen;
}

const expectedAround = (entries: Entry[]): { entry: number; day: string; status: string; dueSoon: boolean }[] =>
  entries.flatMap((e, k) => aroundEntry(e).map(({ day, status, dueSoon }) => ({ entry: k, day, status, dueSoon })));

const KINDS = [...new Set(SCHEDULED.map((r) => r.kind))];

describe("every row of the timing table, through status --json, as of the days around each entry", () => {
  test("the table reads as one action-plan block dated 2025-26 from its title", async () => {
    const doc = await sheetOn("2025-10-15", TABLE);
    expect(doc.plan.blocks).toHaveLength(1);
    expect(doc.plan.blocks[0]).toMatchObject({ shape: "table", schoolYear: 2025, schoolYearSource: "title", labelColumn: "A", columns: { owner: "B", timing: "C", status: "D" } });
    expect(doc.plan.activities).toHaveLength(SCHEDULED.length + UNSCHEDULED.length + UNREADABLE.length + STATUSES.length + 1);
  });

  test.each(KINDS)("%s: its entries, at the timing cell, planned, and upcoming / due soon / current / overdue around each", async (kind) => {
    for (const [i, r] of SCHEDULED.entries()) {
      if (r.kind !== kind) continue;
      const sheetRow = scheduledRow(i);
      const a = await activityOn("2025-10-15", TABLE, sheetRow);
      const cell = at(TABLE, `C${sheetRow}`);
      expect({ timing: r.shown, read: a.timing, entries: a.schedule.map(({ start, end, period, frequency, deadline }) => ({ start, end, period, ...(frequency === undefined ? {} : { frequency }), ...(deadline === undefined ? {} : { deadline }) })) }).toEqual({
        timing: r.shown,
        read: r.shown,
        entries: r.entries,
      });
      // The entry's mark is the timing cell as the sheet shows it: a date cell's date, not its serial number.
      for (const m of a.schedule) expect({ timing: r.shown, cell: m.cell, cells: m.cells, mark: m.mark, state: m.state }).toEqual({ timing: r.shown, cell, cells: [cell], mark: r.shown, state: "planned" });
      expect({ timing: r.shown, seen: await statusesAround(TABLE, sheetRow, r.entries) }).toEqual({ timing: r.shown, seen: expectedAround(r.entries) });
    }
  });

  test("the summary counts each entry once, under its status", async () => {
    const day = "2026-01-15";
    const doc = await sheetOn(day, TABLE);
    const expected = { scheduled: 0, upcoming: 0, current: 0, overdue: 0, done: 0, cancelled: 0 };
    const statusOf = (e: Entry): "upcoming" | "current" | "overdue" => (day < e.start ? "upcoming" : day > e.end ? "overdue" : "current");
    for (const r of SCHEDULED) for (const e of r.entries) {
      expected.scheduled++;
      expected[statusOf(e)]++;
    }
    // The status rows' Oct 2025 entries, by their state.
    for (const s of STATUSES) {
      expected.scheduled++;
      expected[s.state === "done" ? "done" : s.state === "cancelled" ? "cancelled" : "overdue"]++;
    }
    expect(doc.summary.totals).toMatchObject({ ...expected, activities: doc.plan.activities.length, unscheduled: UNSCHEDULED.length + UNREADABLE.length + 1 });
  });
});

describe("the row's status gives each entry's state", () => {
  test.each(STATUSES.map((s, i) => [s.status === null ? "(empty)" : typeof s.status === "object" ? "0.5 shown as 50%" : String(s.status), s.state, i] as const))(
    "%s: %s",
    async (_shown, state, i) => {
      const s = STATUSES[i]!;
      const sheetRow = statusRow(i);
      // Oct 2025: the day before it starts, inside it, the day after it ends.
      const days = ["2025-09-30", "2025-10-15", "2025-11-01"];
      const seen = [];
      for (const day of days) {
        const a = await activityOn(day, TABLE, sheetRow);
        expect(a.status).toBe(s.reported);
        expect(a.schedule).toHaveLength(1);
        const m = a.schedule[0]!;
        seen.push({ day, state: m.state, status: m.status, dueSoon: m.dueSoon, cell: m.cell });
      }
      const open = (status: MarkStatus): MarkStatus => (state === "done" ? "done" : state === "cancelled" ? "cancelled" : status);
      const cell = at(TABLE, `C${sheetRow}`);
      expect(seen).toEqual([
        { day: "2025-09-30", state, status: open("upcoming"), dueSoon: open("upcoming") === "upcoming", cell },
        { day: "2025-10-15", state, status: open("current"), dueSoon: false, cell },
        // In progress is still overdue once its period has ended; done and cancelled never are.
        { day: "2025-11-01", state, status: open("overdue"), dueSoon: false, cell },
      ]);
    },
  );

  test('"On Track" contradicts its entry once the entry is overdue (status-contradiction at the status cell)', async () => {
    const before = await sheetOn("2025-10-15", TABLE);
    const after = await sheetOn("2025-11-01", TABLE);
    const onTrack = at(TABLE, `D${statusRow(STATUSES.findIndex((s) => s.status === "On Track"))}`);
    const contradictions = (doc: SheetDocument) => doc.findings.filter((f) => f.rule === "status-contradiction").map((f) => f.cell);
    expect(contradictions(before)).toEqual([]);
    expect(contradictions(after)).toEqual([onTrack]);
  });
});

describe("TBD, As needed, empty: the activity is unscheduled", () => {
  test.each(UNSCHEDULED.map((u, i) => [u.timing ?? "(empty)", i] as const))("%s: no entries, and unscheduled-activity says so at the activity", async (_timing, i) => {
    const u = UNSCHEDULED[i]!;
    const sheetRow = unscheduledRow(i);
    const doc = await sheetOn("2025-10-15", TABLE);
    const a = await activityOn("2025-10-15", TABLE, sheetRow);
    expect(a.schedule).toEqual([]);
    const findings = doc.findings.filter((f) => f.activityId === a.id);
    expect(findings.map((f) => ({ rule: f.rule, severity: f.severity, cell: f.cell }))).toEqual([{ rule: "unscheduled-activity", severity: "warning", cell: at(TABLE, `A${sheetRow}`) }]);
    expect(findings[0]!.message).toContain(u.says.replace("{row}", String(sheetRow)));
    expect(findings[0]!.message).toContain(`"${u.action}"`);
  });
});

describe("anything else: unreadable-timing at the timing cell, quoting the text", () => {
  test.each(UNREADABLE.map((u, i) => [u.timing, u.fix, i] as const))("%s (fix: %s)", async (timing, fix, i) => {
    const sheetRow = unreadableRow(i);
    const doc = await sheetOn("2025-10-15", TABLE);
    const a = await activityOn("2025-10-15", TABLE, sheetRow);
    expect(a.schedule).toEqual([]);
    expect(a.timing).toBe(timing);
    const cell = at(TABLE, `C${sheetRow}`);
    // One finding, at the timing cell; not a second one saying the activity is unscheduled.
    const findings = doc.findings.filter((f) => f.activityId === a.id);
    expect(findings.map((f) => ({ rule: f.rule, severity: f.severity, cell: f.cell }))).toEqual([{ rule: "unreadable-timing", severity: "warning", cell }]);
    expect(findings[0]!.message).toContain(`"${timing}" (C${sheetRow})`);
    expect(findings[0]!.fix).toEqual(fix === null ? undefined : { description: `Change C${sheetRow} to "${fix}"`, edits: [{ cell, value: fix, before: timing }] });
  });

  test("an error value in the timing cell: the error and the unreadable timing at the cell, and not a third finding saying it is empty", async () => {
    const doc = await sheetOn("2025-10-15", TABLE);
    const a = await activityOn("2025-10-15", TABLE, errorRow);
    expect(a.schedule).toEqual([]);
    const cell = at(TABLE, `C${errorRow}`);
    expect(doc.findings.filter((f) => f.activityId === a.id).map((f) => ({ rule: f.rule, cell: f.cell }))).toEqual([
      { rule: "error-value", cell },
      { rule: "unreadable-timing", cell },
    ]);
  });

  test("validate lists it with its cell, and exits 1 for the #N/A alone (unreadable timing is a warning)", async () => {
    const io = captureIo("2025-10-15");
    expect(await run(["validate", workbook, "--sheet", TABLE, "--as-of", "2025-10-15"], io)).toBe(1);
    const lines = io.out.split("\n");
    expect(lines.some((l) => l.includes("unreadable-timing") && l.includes(`C${unreadableRow(0)}`) && l.includes('"Setp 2025"'))).toBe(true);
    const errors = (await sheetOn("2025-10-15", TABLE)).findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => ({ rule: f.rule, cell: f.cell }))).toEqual([{ rule: "error-value", cell: at(TABLE, `C${errorRow}`) }]);
  });
});

describe("Start and End columns: one span between them, at the End cell", () => {
  const spanRow = (i: number): number => FIRST_ROW + i;

  test.each(SPAN_ROWS.flatMap((r, i) => (r.entry ? [[`${r.action}`, i] as const] : [])))("%s", async (_action, i) => {
    const r = SPAN_ROWS[i]!;
    const e = r.entry!;
    const a = await activityOn("2025-10-15", SPANS, spanRow(i));
    const end = at(SPANS, `D${spanRow(i)}`);
    // Its mark is the End cell as the sheet shows it.
    expect(a.schedule.map(({ start, end: last, period, cell, cells, mark, state }) => ({ start, end: last, period, cell, cells, mark, state }))).toEqual([
      { ...e, cell: end, cells: [end], mark: r.endShown ?? r.end, state: r.status === "Complete" ? "done" : "planned" },
    ]);
    const seen = await statusesAround(SPANS, spanRow(i), [e]);
    expect(seen).toEqual(r.status === "Complete" ? expectedAround([e]).map((x) => ({ ...x, status: "done", dueSoon: false })) : expectedAround([e]));
  });

  test("the block names its Start and End columns and is dated from its title", async () => {
    const doc = await sheetOn("2025-10-15", SPANS);
    expect(doc.plan.blocks[0]).toMatchObject({ shape: "table", schoolYear: 2025, schoolYearSource: "title", labelColumn: "A", columns: { owner: "B", start: "C", end: "D", status: "E" } });
  });

  test("a misspelt or error Start is unreadable-timing at the Start cell (a misspelt month with its fix); empty or TBD Start and End leave the activity unscheduled", async () => {
    const doc = await sheetOn("2025-10-15", SPANS);
    const misspelt = spanRow(SPAN_ROWS.findIndex((r) => r.start === "Setp 2025"));
    const empty = spanRow(SPAN_ROWS.findIndex((r) => r.start === null && r.end === null));
    const tbd = spanRow(SPAN_ROWS.findIndex((r) => r.start === "TBD"));
    const failing = spanRow(SPAN_ROWS.findIndex((r) => typeof r.start === "object" && r.start !== null && "error" in r.start));
    const byRule = doc.findings.map((f) => ({ rule: f.rule, cell: f.cell })).filter((f) => f.rule === "unreadable-timing" || f.rule === "unscheduled-activity" || f.rule === "error-value");
    expect(byRule).toEqual([
      { rule: "error-value", cell: at(SPANS, `C${failing}`) },
      { rule: "unreadable-timing", cell: at(SPANS, `C${misspelt}`) },
      { rule: "unreadable-timing", cell: at(SPANS, `C${failing}`) },
      { rule: "unscheduled-activity", cell: at(SPANS, `A${empty}`) },
      { rule: "unscheduled-activity", cell: at(SPANS, `A${tbd}`) },
    ]);
    expect(doc.findings.find((f) => f.cell === at(SPANS, `A${tbd}`))!.message).toContain("is not scheduled yet");
    const unreadable = doc.findings.find((f) => f.rule === "unreadable-timing")!;
    expect(unreadable.message).toContain(`"Setp 2025" (C${misspelt})`);
    expect(unreadable.fix).toEqual({ description: `Change C${misspelt} to "Sep 2025"`, edits: [{ cell: at(SPANS, `C${misspelt}`), value: "Sep 2025", before: "Setp 2025" }] });
  });
});
