/**
 * Writes the sample workbooks in assets/samples/ from the district seeds in test/seeds/:
 *  - mps-pasted.xlsx     seed 000 exactly as pasted from its PDF: one line a row, tabs as columns, lookalike X's, split marks;
 *  - mps-milestones.xlsx the same plan as a planner would keep it: one activity a row, Latin X's, merged titles;
 *  - district-plan.xlsx  seed 001's goals, objectives and action steps as a monthly grid for 2025-26 with owners,
 *                        evidence and status columns, a quarterly Gantt sheet with fills under merged school years,
 *                        and a notes sheet without a timeline;
 *  - district-history.xlsx the same plan kept over the 2025-26 school year: refreshed on the second Tuesday of each
 *                        month from August to June, marks ticked done and statuses updated between refreshes, a step
 *                        inserted, one reworded, one removed, one moved a month; the monitoring history (a snapshot per
 *                        refresh, made by the engine itself) in the add-in's hidden data sheet, so the trend and the
 *                        changes show on first open.
 *  - action-plan.xlsx    an action-plan table (Goal | Strategy | Action Step | Person(s) Responsible | Timeline | Status |
 *                        Evidence | Standard(s)), goals and strategies merged down, the timing in words, the Standards
 *                        for Professional Learning written as districts write them (2011 edition, one misspelt): seed
 *                        004's strategy and seed 001's goals; and seed 003's theory of action pasted on a sheet of its
 *                        own, which the table's activities carry out in part;
 *  - outline-pasted.xlsx seed 001 pasted from its document: one line a row, numbers alone on their lines, no timing;
 *  - state-template.xlsx seed 002, the state template, filled in: goals with outcomes, per goal its PL table.
 * Deterministic: the same seeds give byte-for-byte the same cell contents.
 *
 *   npm run samples
 */
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parseDelimited } from "../src/cli/read-delimited";
import { readPlan } from "../src/core/reading/read-plan";
import type { Grid } from "../src/core/grid";
import { analyzeSheet } from "../src/core/analyze";
import { currentSnapshot, EMPTY_HISTORY, recordRefresh, type History } from "../src/core/history/store";
import { defaultStore, type LastRefresh } from "../src/core/settings-store";
import { isoDate } from "../src/core/dates";
import { storeSheet } from "../src/cli/write-store";
import { worksheetGrid } from "../test/support/exceljs-grid";

const ROOT = join(__dirname, "..");
const SEEDS = join(ROOT, "test", "seeds");
const OUT = join(ROOT, "assets", "samples");

const MONTHS = ["July", "August", "September", "October", "November", "December", "January", "February", "March", "April", "May", "June"];
const BLUE = "FF0F6CBD";
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE9F7" } };

function seedText(prefix: string): string {
  const name = readdirSync(SEEDS).find((f: string) => f.startsWith(prefix));
  if (!name) throw new Error(`seed ${prefix} missing`);
  return readFileSync(join(SEEDS, name), "utf8");
}

function styleHeader(row: ExcelJS.Row, from: number, to: number): void {
  for (let c = from; c <= to; c++) {
    const cell = row.getCell(c);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { horizontal: c === from ? "left" : "center", vertical: "middle", wrapText: true };
  }
}

/** Seed 000 as pasted: every line a row, every tab a new column, nothing cleaned. */
function mpsPasted(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Pasted from PDF");
  for (const line of parseDelimited(seedText("000_"), "\t")) ws.addRow(line.map((c) => (c === "" ? null : c)));
  ws.getColumn(1).width = 62;
  return wb;
}

/** Seed 000 as a planner keeps it: the engine reads the pasted text, and each activity gets one clean row. */
function mpsClean(): ExcelJS.Workbook {
  const rows = parseDelimited(seedText("000_"), "\t");
  const grid: Grid = { sheet: "seed", top: 0, left: 0, values: rows.map((r) => r.map((c) => (c === "" ? null : c))) };
  const { plan } = readPlan(grid, { today: "2024-01-15" });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("MPS PL Plan");
  ws.getColumn(1).width = 70;
  for (let c = 2; c <= 13; c++) ws.getColumn(c).width = 10;
  const goal = ws.addRow([plan.goals[0]?.text ?? ""]);
  ws.mergeCells(goal.number, 1, goal.number, 13);
  goal.getCell(1).font = { bold: true, size: 13, color: { argb: BLUE } };
  goal.getCell(1).alignment = { wrapText: true, vertical: "top" };
  goal.height = 34;
  plan.blocks.forEach((block) => {
    if (block.index > 0) {
      ws.addRow([]);
      const title = ws.addRow([null, block.title]);
      ws.mergeCells(title.number, 2, title.number, 1 + block.periods.length);
      title.getCell(2).font = { bold: true, size: 12 };
      title.getCell(2).alignment = { horizontal: "center" };
    } else {
      ws.addRow([]);
    }
    const labels = block.kind === "month" ? MONTHS.slice(0, block.periods.length) : block.periods.map((p) => `${p.label.slice(2, 4)}-${p.label.slice(5, 7)}`);
    const header = ws.addRow(["Activities and Milestones", ...labels]);
    styleHeader(header, 1, 1 + labels.length);
    for (const a of plan.activities.filter((x) => x.block === block.index)) {
      const marks = block.periods.map((p) => (a.schedule.some((m) => m.start === p.start) ? "X" : null));
      const row = ws.addRow([a.text, ...marks]);
      row.getCell(1).alignment = { wrapText: true, vertical: "top" };
      for (let c = 2; c <= 1 + labels.length; c++) row.getCell(c).alignment = { horizontal: "center", vertical: "top" };
    }
  });
  return wb;
}

interface Step {
  text: string;
}
interface Objective {
  title: string;
  steps: Step[];
}
interface Goal {
  title: string;
  statement: string;
  objectives: Objective[];
}

/** Seed 001's outline: Goal #N, its statement, Objective N: ..., numbered action steps. */
function districtOutline(): Goal[] {
  const lines = seedText("001_")
    .split("\n")
    .map((l) => l.replace(/^[\s\u2022]+/, "").trim())
    .filter((l) => l !== "");
  const goals: Goal[] = [];
  let goal: Goal | null = null;
  let objective: Objective | null = null;
  let expectStatement = false;
  let expectStep = false;
  for (const line of lines) {
    if (/^Goal #\d+$/.test(line)) {
      goal = { title: line, statement: "", objectives: [] };
      goals.push(goal);
      expectStatement = true;
      objective = null;
      continue;
    }
    if (expectStatement && goal) {
      goal.statement = line;
      expectStatement = false;
      continue;
    }
    const obj = /^Objective (\d+):\s*(.+)$/.exec(line);
    if (obj && goal) {
      objective = { title: `Objective ${obj[1]}: ${obj[2]}`, steps: [] };
      goal.objectives.push(objective);
      continue;
    }
    if (/^\d{1,2}$/.test(line)) {
      expectStep = true;
      continue;
    }
    if (expectStep && objective) {
      objective.steps.push({ text: line });
      expectStep = false;
    }
  }
  return goals;
}

/** A small deterministic generator, so the samples are the same on every machine. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const OWNERS = ["Director of PL", "Building Principals", "PLC Coaches", "Curriculum Office", "Assistant Superintendent", "Instructional Coaches", "Data Team"];
const EVIDENCE = ["Agendas and sign-in sheets", "Blast Walkthrough data", "PLC self-assessment (SIG)", "KickUp survey results", "Toolkit draft", "Calendar of sessions"];

function districtPlan(): ExcelJS.Workbook {
  const goals = districtOutline();
  const rnd = random(2025);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("PL Plan 2025-26");
  const months = MONTHS.map((m) => m.slice(0, 3));
  const header = ["#", "Goal / Objective / Action Step", "Person(s) Responsible", "Evidence", ...months, "Status"];
  const title = ws.addRow(["Professional Learning Plan 2025-26: monitoring grid"]);
  title.getCell(1).font = { bold: true, size: 14, color: { argb: BLUE } };
  ws.addRow([]);
  const head = ws.addRow(header);
  styleHeader(head, 1, header.length);
  ws.getColumn(1).width = 5;
  ws.getColumn(2).width = 64;
  ws.getColumn(3).width = 24;
  ws.getColumn(4).width = 26;
  for (let c = 5; c <= 16; c++) ws.getColumn(c).width = 6;
  ws.getColumn(17).width = 14;
  ws.views = [{ state: "frozen", ySplit: 3, xSplit: 2 }];
  let owner = 0;
  goals.forEach((goal) => {
    const g = ws.addRow([null, `${goal.title}: ${goal.statement}`]);
    g.getCell(2).font = { bold: true, color: { argb: BLUE } };
    goal.objectives.forEach((objective) => {
      const o = ws.addRow([null, objective.title]);
      o.getCell(2).font = { bold: true };
      objective.steps.forEach((step, i) => {
        const text = step.text;
        let marks: number[];
        if (/twice a year/i.test(text)) marks = [3, 8];
        else if (/^(use|monitor)\b/i.test(text)) marks = [2, 5, 8, 11];
        else {
          const start = Math.floor(rnd() * 9);
          const length = 1 + Math.floor(rnd() * 4);
          marks = Array.from({ length }, (_, k) => start + k).filter((m) => m < 12);
        }
        // As of the demo date (mid-January 2026) the first half-year is mostly done.
        const cells = months.map((_, m) => (marks.includes(m) ? (m < 5 && rnd() < 0.7 ? "\u2713" : "X") : null));
        const allDone = marks.every((m) => cells[m] === "\u2713");
        const late = marks.some((m) => m < 6 && cells[m] !== "\u2713");
        const status = allDone ? "Complete" : late ? (rnd() < 0.85 ? "At Risk" : "On Track") : marks.some((m) => m < 6) ? "On Track" : "Not Started";
        const who = rnd() < 0.08 ? null : OWNERS[owner++ % OWNERS.length]!;
        const row = ws.addRow([i + 1, text, who, EVIDENCE[Math.floor(rnd() * EVIDENCE.length)], ...cells, status]);
        row.getCell(2).alignment = { wrapText: true, vertical: "top" };
        for (let c = 5; c <= 16; c++) row.getCell(c).alignment = { horizontal: "center" };
      });
    });
  });

  // A quarterly Gantt view: quarters under merged school-year cells, bars drawn with fill only.
  const gantt = wb.addWorksheet("Quarterly review");
  gantt.getColumn(1).width = 60;
  for (let c = 2; c <= 9; c++) gantt.getColumn(c).width = 8;
  gantt.addRow(["Multi-year goals: quarterly milestones"]).getCell(1).font = { bold: true, size: 14, color: { argb: BLUE } };
  const years = gantt.addRow(["Goal", "2025-26", null, null, null, "2026-27", null, null, null]);
  gantt.mergeCells(years.number, 2, years.number, 5);
  gantt.mergeCells(years.number, 6, years.number, 9);
  styleHeader(years, 1, 9);
  const quarters = gantt.addRow([null, "Q1", "Q2", "Q3", "Q4", "Q1", "Q2", "Q3", "Q4"]);
  styleHeader(quarters, 1, 9);
  const bar: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF5B9BD5" } };
  goals.forEach((goal, gi) => {
    const row = gantt.addRow([`${goal.title}: ${goal.statement}`]);
    const start = gi % 3;
    const length = 3 + (gi % 4);
    for (let q = start; q < Math.min(8, start + length); q++) row.getCell(2 + q).fill = bar;
  });

  const notes = wb.addWorksheet("Notes");
  notes.addRow(["Monitoring tools named in the plan"]);
  for (const tool of ["Blast Walkthroughs", "PLC Strategic Implementation Guide (SIG) self-assessment, twice a year", "KickUp surveys"]) notes.addRow([tool]);
  return wb;
}

/** The second Tuesday of a month: when the committee meets. */
function secondTuesday(year: number, month: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return isoDate(year, month, 1 + ((2 - first + 7) % 7) + 7);
}

const PLAN = "PL Plan 2025-26";
const MARK_COLUMNS = { first: 5, last: 16 };
const STATUS_COLUMN = 17;

/** The plan sheet's step rows (a number in column A), as sheet row numbers. */
function stepRows(ws: ExcelJS.Worksheet): number[] {
  const rows: number[] = [];
  ws.eachRow((row, r) => {
    if (typeof row.getCell(1).value === "number") rows.push(r);
  });
  return rows;
}

/** A step's reported status from its marks as of a month (0 = July): what a coordinator types before the meeting. */
function statusOf(row: ExcelJS.Row, month: number): string {
  const marks: { m: number; done: boolean }[] = [];
  for (let c = MARK_COLUMNS.first; c <= MARK_COLUMNS.last; c++) {
    const v = row.getCell(c).value;
    if (v === "X" || v === "\u2713") marks.push({ m: c - MARK_COLUMNS.first, done: v === "\u2713" });
  }
  if (marks.length > 0 && marks.every((x) => x.done)) return "Complete";
  if (marks.some((x) => x.m < month && !x.done)) return "At Risk";
  return marks.some((x) => x.m <= month) ? "On Track" : "Not Started";
}

/**
 * The district plan kept over its school year: each month the marks of the months gone by are ticked (most of them),
 * statuses follow, and the planner edits the plan; each refresh's snapshot goes into the history.
 */
function districtHistory(): ExcelJS.Workbook {
  const wb = districtPlan();
  const ws = wb.getWorksheet(PLAN)!;
  const rnd = random(2026);
  // July: nothing done yet.
  for (const r of stepRows(ws)) {
    const row = ws.getRow(r);
    for (let c = MARK_COLUMNS.first; c <= MARK_COLUMNS.last; c++) if (row.getCell(c).value === "\u2713") row.getCell(c).value = "X";
    row.getCell(STATUS_COLUMN).value = statusOf(row, 0);
  }
  let history: History = EMPTY_HISTORY;
  let last: LastRefresh | null = null;
  for (let k = 1; k <= 11; k++) {
    const calendar = k + 7 <= 12 ? { year: 2025, month: k + 7 } : { year: 2026, month: k - 5 };
    const asOf = secondTuesday(calendar.year, calendar.month);
    // What happened since the last meeting: most marks of the months gone by ticked done, statuses updated.
    for (const r of stepRows(ws)) {
      const row = ws.getRow(r);
      for (let c = MARK_COLUMNS.first; c < MARK_COLUMNS.first + k; c++) if (row.getCell(c).value === "X" && rnd() < 0.8) row.getCell(c).value = "\u2713";
      row.getCell(STATUS_COLUMN).value = statusOf(row, k);
    }
    const steps = stepRows(ws);
    if (k === 3) {
      // A step inserted above the others of the first objective.
      const at = steps[0]!;
      ws.insertRow(at, [1, "Share the PLC calendar with every building leadership team", "Director of PL", "Calendar of sessions"], "i");
      const row = ws.getRow(at);
      for (let c = MARK_COLUMNS.first; c <= MARK_COLUMNS.last; c++) row.getCell(c).value = c - MARK_COLUMNS.first === 3 || c - MARK_COLUMNS.first === 4 ? "X" : null;
      row.getCell(STATUS_COLUMN).value = statusOf(row, k);
    }
    if (k === 4) {
      const label = ws.getRow(steps[4]!).getCell(2);
      label.value = `${label.text.replace(/\.$/, "")} in every building`;
    }
    if (k === 5) ws.spliceRows(steps[7]!, 1);
    if (k === 6) {
      // A mark moved a month later: the first step with a mark still ahead.
      for (const r of stepRows(ws)) {
        const row = ws.getRow(r);
        const ahead = [...Array(MARK_COLUMNS.last - MARK_COLUMNS.first - k).keys()].map((i) => MARK_COLUMNS.first + k + 1 + i).find((c) => row.getCell(c).value === "X" && row.getCell(c + 1).value === null);
        if (ahead === undefined || ahead >= MARK_COLUMNS.last) continue;
        row.getCell(ahead).value = null;
        row.getCell(ahead + 1).value = "X";
        break;
      }
    }
    const report = analyzeSheet(worksheetGrid(ws, false), { asOf });
    const when = { at: `${asOf}T15:30:00.000Z`, day: asOf };
    history = { snapshots: recordRefresh(history, currentSnapshot(history, report, when)), findings: [] };
    last = { asOf, at: when.at, sheet: PLAN, totals: report.summary.totals, flagged: report.summary.totals.overdue + report.summary.totals.current };
  }
  // The add-in's data sheet as a refresh leaves it (the command line's description of it), every cell text.
  const store = storeSheet({ ...defaultStore(), planSheet: PLAN, lastRefresh: last }, history.snapshots);
  const data = wb.addWorksheet(store.name, { state: "veryHidden" });
  store.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell?.value.kind !== "text") return;
      const target = data.getCell(r + 1, c + 1);
      target.value = cell.value.text;
      target.numFmt = "@";
    }),
  );
  return wb;
}

/**
 * An action-plan table as districts keep one: Goal | Strategy | Action Step | Person(s) Responsible | Timeline |
 * Status | Evidence, the goal and strategy cells merged down over their steps, the timing written in words. Seed 004's
 * strategy with its action steps, and steps from seed 001's goals.
 */
function actionPlan(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Action Plan 2025-26");
  ws.addRow(["CJUSD Professional Learning Action Plan 2025-26"]).getCell(1).font = { bold: true, size: 14, color: { argb: BLUE } };
  ws.addRow([]);
  const header = ["Goal", "Strategy", "Action Step", "Person(s) Responsible", "Timeline", "Status", "Evidence of Implementation", "Standard(s)"];
  styleHeader(ws.addRow(header), 1, header.length);
  const widths = [34, 34, 60, 24, 22, 14, 30, 30];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: "frozen", ySplit: 3 }];
  const goal1 = "Goal 1: Build a comprehensive, coherent system of professional learning for every employee group.";
  const goal2 = "Goal 2: Continue to revise, revamp, and implement with fidelity the PLC model and MTSS.";
  const steps: [string | null, string | null, string, string, string | Date, string][] = [
    [goal1, "Strategy 1: Develop a CJUSD Comprehensive Professional Learning Plan", "Form a PLP team (certificated, classified, site admin, and district staff) to study the improvement science model", "Assistant Superintendent", "Aug-Sept", "Complete"],
    [null, null, "Establish a process to identify the needs of each school site, department, and education partner group", "PLP Team", "Fall", "Complete"],
    [null, null, "Review calendars and bargaining unit contracts to design a schedule for professional learning and collaboration", "PLP Team", "Oct, Jan, Apr", "In Progress"],
    [null, null, "Look for nonstudent days or time within the school day for professional learning", "Director of PL", "By Dec 2025", "Not Started"],
    [null, null, "Develop a clear set of data and metrics to guide decisions about professional learning", "Data Team", "Setp 2025", "On Track"],
    [null, null, "Maintain a vetted list of internal and external experts for professional learning", "Director of PL", "Ongoing", "On Track"],
    [null, "Strategy 2: Monitor the plan with the committee", "Present the Professional Learning Plan to the board", "Superintendent", new Date(Date.UTC(2026, 2, 10)), "Not Started"],
    [null, null, "Hold monthly PLP team meetings to review progress", "PLP Team", "Monthly", "On Track"],
    [null, null, "Survey staff on professional learning twice a year", "Data Team", "Fall and Spring", "50%"],
    [goal2, "Strategy 3: Use building data to target growth", "Develop and implement PLC training that bridges Cognitive Coaching to PLC work", "PLC Coaches", "Sept. through May", "In Progress"],
    [null, null, "Buildings administer the SIG self-assessment", "Building Principals", "Q2 and Q4", "Not Started"],
    [null, null, "Revise the SIG as practices grow and improve", "PLC Coaches", "2nd semester", "Not Started"],
    [null, null, "Share practices across buildings to align practices and language", "Instructional Coaches", "TBD", ""],
    [null, null, "Explore ways to collect student input on teacher implementation of new learning", "Data Team", "10/15/2025", "Cancelled"],
  ];
  // The 2011 standards each step serves, as districts write them: abbreviations, "&", lists; one name misspelt.
  const standards = [
    "Learning Communities; Leadership",
    "Data",
    "Resources",
    "resources",
    "Data, Outcomes",
    "Resources & Learning Designs",
    "Leadership",
    "LC",
    "Data",
    "Learning Designs, Implementation",
    "Data; Learning Comunities",
    "Implementation",
    "learning communities",
    null,
  ];
  const first = ws.rowCount + 1;
  for (const [i, [goal, strategy, step, who, when, status]] of steps.entries()) {
    const row = ws.addRow([goal, strategy, step, who, when, status, null, standards[i] ?? null]);
    if (when instanceof Date) row.getCell(5).numFmt = "mmm d, yyyy";
    for (let c = 1; c <= header.length; c++) row.getCell(c).alignment = { wrapText: true, vertical: "top" };
  }
  // Goals and strategies merged down over their steps, as a planner lays them out.
  const mergeDown = (column: number): void => {
    let top = first;
    for (let r = first + 1; r <= ws.rowCount + 1; r++) {
      if (r <= ws.rowCount && ws.getRow(r).getCell(column).value === null) continue;
      if (r - 1 > top) ws.mergeCells(top, column, r - 1, column);
      top = r;
    }
  };
  mergeDown(1);
  mergeDown(2);

  // Seed 003, the district's theory of action, pasted from its document: one line a row.
  const theory = wb.addWorksheet("Theory of Action");
  theory.getColumn(1).width = 120;
  for (const line of seedText("003_").split("\n")) {
    const text = line.trim();
    const row = theory.addRow([text === "" ? null : text]);
    row.getCell(1).alignment = { wrapText: true, vertical: "top" };
  }
  return wb;
}

/** Seed 001 as a planner pastes it from the document: every line a row in column A, numbers alone on their lines. */
function outlinePasted(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("PL Goals 2025-26");
  for (const line of seedText("001_").split("\n")) {
    const text = line.trim();
    ws.addRow([text === "" ? null : /^\d+$/.test(text) ? Number(text) : text]);
  }
  ws.getColumn(1).width = 110;
  return wb;
}

/**
 * Seed 002, the state template, filled in: the district profile, mission and vision, each goal with its overarching
 * expected outcome and Year 1-3 outcomes, then per goal the professional-learning table (Initial Activity | Follow-up |
 * Duration | Resources, the template's hint row under its header).
 */
function stateTemplate(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("PL Plan 2025-26");
  ws.getColumn(1).width = 40;
  for (let c = 2; c <= 4; c++) ws.getColumn(c).width = 40;
  const heading = (text: string): void => {
    ws.addRow([text]).getCell(1).font = { bold: true, size: 13, color: { argb: BLUE } };
  };
  heading("Who We Are");
  ws.addRow(["District Profile:", "12 schools; 6,400 students; 48% free or reduced lunch; 510 certificated staff"]);
  heading("What We Believe");
  ws.addRow(["Mission", "Every student learns at high levels, every day."]);
  ws.addRow(["Vision", "A district where every adult keeps learning so that every student can."]);
  heading("What We Want to Accomplish");
  const goals: { statement: string; outcome: string; years: string[]; rationale: string; table: [string, string, string, string][] }[] = [
    {
      statement: "Every teacher uses common formative assessments in a PLC cycle by June 2027.",
      outcome: "Student growth on common formative assessments rises in every building.",
      years: ["PLCs in every building write common formative assessments.", "PLCs use the results to plan reteaching.", "Student growth is measured across buildings."],
      rationale: "Walkthrough data show formative assessment in 31% of classrooms.",
      table: [
        ["Summer institute on common formative assessments for PLC leads", "Monthly coaching in PLC meetings", "Aug 2025 - May 2026", "Coaches, substitute days, institute materials"],
        ["Data days on assessment results for building teams", "Follow-up walkthroughs in each building", "Oct, Jan, Apr", "Data team time"],
      ],
    },
    {
      statement: "Every new teacher completes a two-year induction program.",
      outcome: "New-teacher retention reaches 90%.",
      years: ["Induction program launched with mentors for every new teacher.", "Second-year teachers complete the program.", "Retention measured and program revised."],
      rationale: "Retention of new teachers fell to 78% in 2024-25.",
      table: [["New teacher academy", "Mentor meetings twice a month", "August", "Mentor stipends"]],
    },
  ];
  goals.forEach((g, i) => {
    ws.addRow([`Goal ${i + 1}`, g.statement]).getCell(1).font = { bold: true };
    ws.addRow(["Rationale/Evidence", g.rationale]);
    ws.addRow(["Overarching Expected Outcome", g.outcome]);
    g.years.forEach((y, k) => ws.addRow([`Year ${k + 1}:`, y]));
  });
  goals.forEach((g, i) => {
    ws.addRow([]);
    ws.addRow([`GOAL ${i + 1}`]).getCell(1).font = { bold: true, size: 13, color: { argb: BLUE } };
    styleHeader(ws.addRow(["Professional Learning Initial Activity", "Professional Learning Follow-up", "Duration", "Resources"]), 1, 4);
    ws.addRow(["Who, What, How?", "Who, What, How?", "When?", "What is needed?"]).font = { italic: true };
    for (const row of g.table) ws.addRow(row).alignment = { wrapText: true, vertical: "top" };
  });
  return wb;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const outputs: [string, ExcelJS.Workbook][] = [
    ["mps-pasted.xlsx", mpsPasted()],
    ["mps-milestones.xlsx", mpsClean()],
    ["district-plan.xlsx", districtPlan()],
    ["district-history.xlsx", districtHistory()],
    ["action-plan.xlsx", actionPlan()],
    ["outline-pasted.xlsx", outlinePasted()],
    ["state-template.xlsx", stateTemplate()],
  ];
  for (const [name, wb] of outputs) {
    wb.creator = "Milestone Monitor sample generator";
    wb.created = new Date(Date.UTC(2025, 0, 1));
    wb.modified = new Date(Date.UTC(2025, 0, 1));
    await wb.xlsx.writeFile(join(OUT, name));
    console.log(`wrote assets/samples/${name}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
