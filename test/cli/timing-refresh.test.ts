/** @jest-environment node */
/**
 * `refresh --out` on action-plan tables (docs/product.md, "Plans that are not grids": "Flags for such rows go on the
 * timing cell"; "What the add-in may write"): the overdue and current entries flag their timing cell (with Start and
 * End, the End cell) as the add-in's own conditional formats, and nothing else of the planner's sheets changes.
 * Re-reading the refreshed copy gives the same plan as the input, and refreshing the copy again changes nothing:
 * on a realistic table, and (fast-check) on generated tables whose timing is drawn from what districts write and
 * from random text.
 */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { run } from "../../src/cli/main";
import type { FileDocument, SheetDocument } from "../../src/core/contract";
import { flagKindOfFormula } from "../../src/core/writes";
import { captureIo, cellsOf, loadWithExceljs } from "../support/read-back";
import { removeTempFiles, tempPath, writeTempWorkbook, type CellInput, type WorkbookSpec } from "../support/workbook-builder";

afterAll(removeTempFiles);

/** The conditional formats of a sheet: the add-in's flags by kind, anything else as "user". */
function rulesOf(ws: ExcelJS.Worksheet): { ref: string; kind: string }[] {
  const cfs = (ws as unknown as { conditionalFormattings?: { ref: string; rules: { type: string; formulae?: string[] }[] }[] }).conditionalFormattings ?? [];
  return cfs.flatMap((cf) => cf.rules.map((r) => ({ ref: cf.ref, kind: flagKindOfFormula(r.formulae?.[0]) ?? "user" })));
}

/** The cells the add-in flagged on a sheet, by kind, sorted. */
function flagged(ws: ExcelJS.Worksheet): { overdue: string[]; current: string[] } {
  const rules = rulesOf(ws);
  const cells = (kind: string): string[] => rules.filter((r) => r.kind === kind).flatMap((r) => r.ref.split(" ").flatMap(expandRange)).sort();
  return { overdue: cells("overdue"), current: cells("current") };
}

/** `E5:E7` -> E5, E6, E7 (a flag rule may cover a run of cells in one column or row). */
function expandRange(ref: string): string[] {
  const [a, b] = ref.split(":");
  if (b === undefined) return [a!];
  const [, ca, ra] = /^([A-Z]+)(\d+)$/.exec(a!)!;
  const [, cb, rb] = /^([A-Z]+)(\d+)$/.exec(b)!;
  const col = (s: string): number => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const name = (n: number): string => (n > 26 ? name(Math.floor((n - 1) / 26)) : "") + String.fromCharCode(65 + ((n - 1) % 26));
  const out: string[] = [];
  for (let c = col(ca!); c <= col(cb!); c++) for (let r = Number(ra); r <= Number(rb); r++) out.push(`${name(c)}${r}`);
  return out;
}

/**
 * The flags a sheet's status calls for: each cell of an overdue or current entry, overdue when any entry at the cell
 * is (a timing cell such as "Sept-May, by Dec 1" holds a current span and an overdue deadline), else current.
 */
function expectedFlags(doc: SheetDocument): { overdue: string[]; current: string[] } {
  const kinds = new Map<string, string>();
  for (const m of doc.plan.activities.flatMap((a) => a.schedule)) {
    const cell = m.cell.replace(/^'[^']*'!/, "");
    if (m.status === "overdue") kinds.set(cell, "overdue");
    else if (m.status === "current" && !kinds.has(cell)) kinds.set(cell, "current");
  }
  const of = (kind: string): string[] => [...kinds].filter(([, k]) => k === kind).map(([cell]) => cell).sort();
  return { overdue: of("overdue"), current: of("current") };
}

/** One clock for every refresh: the copy's data sheet records when each ran, so a second refresh can be the same. */
const clock = (day: string) => Object.assign(captureIo(day), { now: () => new Date(`${day}T09:00:00Z`) });

async function refresh(input: string, day: string): Promise<string> {
  const out = tempPath("refreshed.xlsx");
  const io = clock(day);
  const code = await run(["refresh", input, "--out", out, "--as-of", day], io);
  expect({ code, err: io.err }).toEqual({ code: 0, err: "" });
  return out;
}

/** The sheet documents of `status --json` on a file, by sheet name. */
async function documents(file: string, day: string): Promise<Map<string, SheetDocument>> {
  const io = captureIo(day);
  const code = await run(["status", file, "--json", "--as-of", day], io);
  expect({ code, err: io.err }).toEqual({ code: 0, err: "" });
  const doc = JSON.parse(io.out) as FileDocument;
  return new Map(("sheets" in doc ? doc.sheets : [doc]).map((s) => [s.name, s]));
}

/** What a sheet's document says apart from which file it came from: the plan, findings and status. */
function reading(doc: SheetDocument | undefined): unknown {
  if (!doc) return undefined;
  const { plan, findings, summary } = doc;
  return { plan, findings, summary };
}

/** The copy's sheets as the second refresh must leave them: names, states, every cell and every conditional format. */
async function workbookContents(path: string): Promise<unknown> {
  const wb = await loadWithExceljs(path);
  return wb.worksheets.map((ws) => ({ name: ws.name, state: ws.state, cells: [...cellsOf(ws)], rules: rulesOf(ws) }));
}

// ---------------------------------------------------------------- a realistic table

const TABLE = "Action Plan";
const SPANS = "Coaching";
const dateCell = (iso: string): CellInput => ({ value: new Date(`${iso}T00:00:00Z`), numFmt: "m/d/yyyy" });

/** Goal | Strategy | Action Step | Person(s) Responsible | Timeline | Status, rows from 4; the timing is column E. */
const PLAN: CellInput[][] = [
  ["District Professional Learning Action Plan 2025-26"],
  [],
  ["Goal", "Strategy", "Action Step", "Person(s) Responsible", "Timeline", "Status"],
  ["Goal 1: Build a coherent system of professional learning", "Strategy 1.1: Write a comprehensive PL plan", "Form a PLP team to study the improvement science model", "Assistant Superintendent", "Aug-Sept", "Complete"],
  [null, null, "Establish a process to identify the needs of each school site", "PLP Team", "Fall", null],
  [null, null, "Review calendars and contracts to design a PL schedule", "PLP Team", "Oct, Jan, Apr", "In Progress"],
  [null, null, "Look for nonstudent days for professional learning", "Director of PL", "By Dec 2025", "Not Started"],
  [null, null, "Develop a clear set of data and metrics", "Data Team", "Setp 2025", "On Track"],
  [null, "Strategy 1.2: Monitor the plan with the committee", "Maintain a vetted list of internal and external experts", "Director of PL", "Ongoing", "On Track"],
  [null, null, "Present the Professional Learning Plan to the board", "Superintendent", dateCell("2026-03-10"), "Not Started"],
  [null, null, "Hold PLP team meetings to review progress", "PLP Team", "Monthly", null],
  [null, null, "Survey staff on their professional learning needs", "Data Team", "Fall and Spring", null],
  ["Goal 2: Revise and implement walkthroughs", "Strategy 2.1: Use building data to target growth", "Develop PLC training that bridges coaching and PLCs", "PLC Coaches", "Sept. through May", "50%"],
  [null, null, "Buildings administer the SIG self-assessment", "Building Principals", "Q2", null],
  [null, null, "Revise the SIG as practices grow", "PLC Coaches", "2nd semester", null],
  [null, null, "Share practices across buildings", "Building Principals", "TBD", null],
  [null, null, "Host a parent academy on the new walkthroughs", "Family Engagement", "Feb", "Cancelled"],
  [null, null, "Pilot the walkthrough tool in every building", "Building Principals", "Sept-May, by Dec 1", null],
];

/** Activity | Owner | Start | End | Status: the flag goes on the End cell (column D). */
const COACHING: CellInput[][] = [
  ["Instructional Coaching Plan 2025-26"],
  [],
  ["Activity", "Owner", "Start", "End", "Status"],
  ["Run coaching cycles with new teachers", "Instructional Coaches", dateCell("2025-09-15"), dateCell("2025-11-20"), null],
  ["Lead a book study with the coaching team", "Coaching Lead", "Jan 2026", "Mar 2026", null],
  ["Observe coaching conversations", "Coaching Lead", "Oct 2025", "Dec 2025", "Complete"],
  ["Model lessons in grade 3 classrooms", "Instructional Coaches", "Mar 2026", "May 2026", null],
];

describe("refresh --out on an action-plan table, as of 2026-01-15", () => {
  const DAY = "2026-01-15";
  let input: string;
  let once: string;

  beforeAll(async () => {
    input = await writeTempWorkbook({ sheets: [{ name: TABLE, rows: PLAN }, { name: SPANS, rows: COACHING }, { name: "Notes", rows: [["Committee meets the second Tuesday of each month"]] }] }, "action-plan.xlsx");
    once = await refresh(input, DAY);
  });

  test("flags the timing cells of overdue and current entries, and no other cell", async () => {
    const copy = await loadWithExceljs(once);
    expect(flagged(copy.getWorksheet(TABLE)!)).toEqual({
      // Fall 2025; Oct 2025 (Jan is current: overdue wins); by Dec 2025; Fall 2025 of Fall and Spring; Q2; the
      // deadline Dec 1 inside Sept-May, which is current.
      overdue: ["E5", "E6", "E7", "E12", "E14", "E18"].sort(),
      // Ongoing and Monthly (the school year); Sept. through May; 2nd semester.
      current: ["E9", "E11", "E13", "E15"].sort(),
    });
    // The End cell of each span: Sep 15 - Nov 20 has ended, Jan - Mar 2026 is under way.
    expect(flagged(copy.getWorksheet(SPANS)!)).toEqual({ overdue: ["D4"], current: ["D5"] });
    expect(rulesOf(copy.getWorksheet("Notes")!)).toEqual([]);
  });

  test("the flags are the status the command line reports: a cell with an overdue entry overdue, else current", async () => {
    const docs = await documents(input, DAY);
    const copy = await loadWithExceljs(once);
    for (const sheet of [TABLE, SPANS]) expect(flagged(copy.getWorksheet(sheet)!)).toEqual(expectedFlags(docs.get(sheet)!));
  });

  test("leaves the input file and every cell of the planner's sheets as they were", async () => {
    const before = readFileSync(input);
    await refresh(input, DAY);
    expect(readFileSync(input).equals(before)).toBe(true);
    const original = await loadWithExceljs(input);
    const copy = await loadWithExceljs(once);
    for (const ws of original.worksheets) expect(cellsOf(copy.getWorksheet(ws.name)!)).toEqual(cellsOf(ws));
  });

  test("re-reading the copy gives the same plan, findings and status as the input", async () => {
    const fromInput = await documents(input, DAY);
    const fromCopy = await documents(once, DAY);
    for (const sheet of [TABLE, SPANS]) expect(reading(fromCopy.get(sheet))).toEqual(reading(fromInput.get(sheet)));
    expect(fromInput.get(TABLE)!.plan.activities).toHaveLength(PLAN.length - 3);
  });

  test("refreshing the copy again changes nothing", async () => {
    const twice = await refresh(once, DAY);
    expect(await workbookContents(twice)).toEqual(await workbookContents(once));
  });
});

// ---------------------------------------------------------------- generated tables

/** Timing as districts write it: every row of the Timing text table, and what is not timing. */
const REALISTIC_TIMING = [
  "Oct", "October 2025", "Mar", "Aug-May", "Sept. through May", "August 2025 - June 2026", "Q1-Q2", "Fall", "Winter", "Spring",
  "Summer", "Fall 2025", "Spring 2026", "Q2", "Q3", "2nd semester", "Trimester 2", "2025-26", "SY 2026-27", "Year 2", "10/15/2025",
  "2025-11-03", "Apr 16, 2026", "By June 2026", "by 3/1/2026", "by end of Q2", "Fall and Spring", "Oct, Jan, Apr", "Sept/Feb",
  "Monthly", "Quarterly", "Twice a year", "Annually", "Weekly", "Ongoing", "Year round", "Throughout the year", "Monthly, Sept-May",
  "Sept-May, by Dec 1", "TBD", "As needed", "Setp 2025", "When the board approves", "-", "Oct (tentative)",
];
const STATUS_WORDS = [null, "Complete", "Done", "100%", "In Progress", "Started", "50%", "Not Started", "0%", "Cancelled", "Dropped", "On Track", "At Risk"];
const ACTIONS = [
  "Develop the PLC model for CSI schools", "Train coaches on the walkthrough tool", "Review walkthrough data with principals",
  "Survey staff on professional learning needs", "Present the plan to the board", "Share results with families",
  "Monitor implementation of the literacy framework", "Revise the school improvement guide",
];
const OWNERS = [null, "Director of PL", "Principals", "PLC Coaches", "Data Team"];

const timingArb: fc.Arbitrary<CellInput> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...REALISTIC_TIMING) },
  { weight: 2, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  { weight: 1, arbitrary: fc.date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2027-12-31T00:00:00Z"), noInvalidDate: true }).map((d): CellInput => ({ value: new Date(`${d.toISOString().slice(0, 10)}T00:00:00Z`), numFmt: "m/d/yyyy" })) },
  { weight: 1, arbitrary: fc.constant(null) },
);

interface TableRow {
  action: number;
  owner: string | null;
  timing: CellInput;
  status: string | null;
}

interface Table {
  schoolYear: number;
  rows: TableRow[];
  /** Start and End columns instead of one timing column: each row's timing is its Start, this its End. */
  span: CellInput[] | null;
  asOf: string;
}

const rowArb: fc.Arbitrary<TableRow> = fc.record({
  action: fc.nat({ max: ACTIONS.length - 1 }),
  owner: fc.constantFrom(...OWNERS),
  timing: timingArb,
  status: fc.constantFrom(...STATUS_WORDS),
});

const tableArb: fc.Arbitrary<Table> = fc.record({
  schoolYear: fc.constantFrom(2024, 2025, 2026),
  rows: fc.array(rowArb, { minLength: 1, maxLength: 12 }),
  span: fc.option(fc.array(timingArb, { minLength: 12, maxLength: 12 }), { nil: null }),
  asOf: fc.date({ min: new Date("2024-06-01T00:00:00Z"), max: new Date("2027-09-30T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
});

function tableSpec(t: Table): WorkbookSpec {
  const year = `${t.schoolYear}-${String((t.schoolYear + 1) % 100).padStart(2, "0")}`;
  const header = t.span === null ? ["Action Step", "Person(s) Responsible", "Timeline", "Status"] : ["Action Step", "Person(s) Responsible", "Start", "End", "Status"];
  const rows: CellInput[][] = [[`Action Plan ${year}`], [], header];
  t.rows.forEach((r, i) => {
    // Each action once: a label repeated is another rule's business.
    const action = `${ACTIONS[r.action]!} (${i + 1})`;
    rows.push(t.span === null ? [action, r.owner, r.timing, r.status] : [action, r.owner, r.timing, t.span[i] ?? null, r.status]);
  });
  return { sheets: [{ name: "Plan", rows }] };
}

describe("fast-check: refresh --out on generated tables", () => {
  test("the copy reads as the same plan as the input, only timing cells are flagged, and a second refresh changes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(tableArb, async (t) => {
        const input = await writeTempWorkbook(tableSpec(t), "generated.xlsx");
        const once = await refresh(input, t.asOf);
        const twice = await refresh(once, t.asOf);
        const fromInput = await documents(input, t.asOf);
        const fromCopy = await documents(once, t.asOf);
        expect(reading(fromCopy.get("Plan"))).toEqual(reading(fromInput.get("Plan")));

        const copy = await loadWithExceljs(once);
        const original = await loadWithExceljs(input);
        const sheet = copy.getWorksheet("Plan")!;
        expect(cellsOf(sheet)).toEqual(cellsOf(original.getWorksheet("Plan")!));
        // Flags only on the timing column (or End), on the cells of overdue and current entries.
        const { overdue, current } = flagged(sheet);
        expect({ overdue, current }).toEqual(expectedFlags(fromInput.get("Plan")!));
        const timingColumn = t.span === null ? "C" : "D";
        for (const cell of [...overdue, ...current]) expect(cell.replace(/\d+$/, "")).toBe(timingColumn);

        expect(await workbookContents(twice)).toEqual(await workbookContents(once));
      }),
      { numRuns: 12 },
    );
  }, 180_000);
});
