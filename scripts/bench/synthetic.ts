import type { CellValue, Grid } from "../../src/core/grid";

const MONTHS = ["Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun"];
const VERBS = ["Develop", "Implement", "Monitor", "Review", "Train", "Survey", "Present", "Revise", "Collect", "Share"];
const OBJECTS = [
  "the PLC model for CSI schools",
  "coaching cycles with new teachers",
  "walkthrough data with principals",
  "the professional learning calendar",
  "family engagement sessions",
  "the MTSS referral process",
  "literacy benchmarks by grade band",
  "equity audit findings with staff",
];
const OWNERS = ["Director of PL", "Principals", "PLC Coaches", "Data Team", "Curriculum Office"];

/** A deterministic pseudo-random sequence. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * A district-style grid: a title, a header of `months` month columns (with years, from July 2023), then
 * `activities` activity rows under a Goal row every 25 activities, with an owner column and X marks in runs.
 */
export function syntheticRows(activities: number, months: number, seed = 7): CellValue[][] {
  const rnd = random(seed);
  const header: CellValue[] = ["Action Step", "Person(s) Responsible"];
  for (let m = 0; m < months; m++) header.push(`${MONTHS[m % 12]}-${String(23 + Math.floor((m + 6) / 12)).padStart(2, "0")}`);
  const rows: CellValue[][] = [[`Professional Learning Plan ${months > 12 ? "2023-2028" : "2023-24"}`], [], header];
  for (let i = 0; i < activities; i++) {
    if (i % 25 === 0) rows.push([`Goal ${i / 25 + 1}: Every student reads on grade level by 2030`]);
    const row: CellValue[] = [`${VERBS[i % VERBS.length]} ${OBJECTS[Math.floor(rnd() * OBJECTS.length)]} (${i + 1})`, OWNERS[i % OWNERS.length]!];
    const start = Math.floor(rnd() * months);
    const length = 1 + Math.floor(rnd() * 4);
    for (let m = 0; m < months; m++) row.push(m >= start && m < start + length ? (rnd() < 0.1 ? "\u2713" : "X") : null);
    rows.push(row);
  }
  return rows;
}

export function syntheticGrid(activities: number, months: number, seed = 7): Grid {
  const values = syntheticRows(activities, months, seed);
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  return { sheet: "Plan", top: 0, left: 0, values: values.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]) };
}

const ACCENTED = ["Évaluer", "Développer", "Планировать", "Επανεξέταση", "研修を実施", "Revisión", "Überprüfen", "✓ Réunion 📅"];

/** The synthetic grid with each label given a non-ASCII word or two. */
export function nonAsciiGrid(activities: number, months: number, seed = 11): Grid {
  const grid = syntheticGrid(activities, months, seed);
  grid.values = grid.values.map((row, r) =>
    row.map((v, c) => (c === 0 && typeof v === "string" && r > 3 && !v.startsWith("Goal") ? `${ACCENTED[r % ACCENTED.length]} ${v} – ${ACCENTED[(r * 3) % ACCENTED.length]}` : v)),
  );
  return grid;
}

const TEMPLATE = [
  "Develop a walkthrough tool for literacy blocks",
  "Train coaches on the walkthrough tool",
  "Conduct monthly walkthroughs in every classroom",
  "Review walkthrough data with the PLC",
  "Monitor implementation of the literacy framework",
  "Survey staff on professional learning needs",
  "Share results with families at the spring meeting",
  "Evaluate the coaching cycle twice a year",
];

/** `schools` copies of one school's plan, one block of rows each, the school's name in every label. */
export function templatedGrid(schools: number): Grid {
  const months = ["Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun"];
  const values: CellValue[][] = [["School Improvement Plans 2024-25"], [], ["Action Step", "Owner", ...months]];
  for (let s = 0; s < schools; s++) {
    values.push([`Goal ${s + 1}: Lincoln ${s + 1} Elementary reads on grade level by 2027`]);
    TEMPLATE.forEach((label, i) => {
      const row: CellValue[] = [`${label} at Lincoln ${s + 1} Elementary`, `Principal ${s + 1}`];
      for (let m = 0; m < 12; m++) row.push((m + i + s) % 4 === 0 ? "X" : null);
      values.push(row);
    });
  }
  return { sheet: "Schools", top: 0, left: 0, values };
}


const MONTH_NAMES = ["Jul", "Aug", "Sept", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "June"];
const FULL_MONTHS = ["July", "August", "September", "October", "November", "December", "January", "February", "March", "April", "May", "June"];
/** Timing as districts write it, most of a table's cells: a few dozen texts repeated down the column. */
const COMMON_TIMING = [
  "Aug-May", "Sept. through May", "Fall", "Spring", "Winter", "Summer", "Fall and Spring", "Q1", "Q2", "Q3", "Q4", "Q1-Q2",
  "2nd semester", "Semester 1", "Trimester 2", "2023-24", "Year 1", "Year 2", "Monthly", "Quarterly", "Twice a year", "Annually",
  "Weekly", "Ongoing", "Year round", "Throughout the year", "Monthly, Sept-May", "By June 2024", "by end of Q2", "TBD", "As needed",
];
const STATUS_WORDS = [null, null, "Complete", "Done", "In Progress", "Started", "50%", "Not Started", "On Track", "At Risk", "Cancelled"];

/** The school year 2023-24's month `m` (0 = July) as a calendar year and month. */
function monthOf(m: number): { year: number; month: number } {
  return { year: 2023 + Math.floor((m + 6) / 12), month: ((m + 6) % 12) + 1 };
}

/**
 * One timing cell of a realistic table: about half the common texts above, the rest made for the row (a month, a
 * month with its year, a range, a list of months, a deadline, a date written out, a date cell), so that a 10,000-row
 * table holds a few thousand different texts, as a district's plan typed by many hands does.
 */
function timingCell(rnd: () => number): { value: CellValue; format: string | null } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const m = Math.floor(rnd() * 12);
  const { year, month } = monthOf(m);
  const day = 1 + Math.floor(rnd() * 28);
  const kind = rnd();
  if (kind < 0.5) return { value: pick(COMMON_TIMING), format: null };
  if (kind < 0.58) return { value: pick([MONTH_NAMES[m]!, FULL_MONTHS[m]!]), format: null };
  if (kind < 0.64) return { value: `${FULL_MONTHS[m]} ${year}`, format: null };
  if (kind < 0.72) {
    const end = m + 1 + Math.floor(rnd() * (11 - Math.min(m, 10)));
    return { value: `${MONTH_NAMES[m]}-${MONTH_NAMES[Math.min(end, 11)]}`, format: null };
  }
  if (kind < 0.8) {
    const second = (m + 3 + Math.floor(rnd() * 3)) % 12;
    const third = (second + 3) % 12;
    return { value: rnd() < 0.5 ? `${MONTH_NAMES[m]}, ${MONTH_NAMES[second]}, ${MONTH_NAMES[third]}` : `${MONTH_NAMES[m]} and ${MONTH_NAMES[second]}`, format: null };
  }
  if (kind < 0.87) return { value: rnd() < 0.5 ? `By ${FULL_MONTHS[m]} ${year}` : `by ${month}/${day}/${year}`, format: null };
  if (kind < 0.94) return { value: rnd() < 0.5 ? `${month}/${day}/${year}` : `${MONTH_NAMES[m]} ${day}, ${year}`, format: null };
  // A date typed into a date cell: its serial number, shown as a date.
  return { value: Math.round(Date.UTC(year, month - 1, day) / 86_400_000) + 25_569, format: "m/d/yyyy" };
}

/**
 * A district-style action-plan table (docs/product.md, "Plans that are not grids"): a title naming the school year,
 * a header Goal | Action Step | Person(s) Responsible | Timeline | Status, then `activities` rows, a new goal in the
 * Goal column every 25 rows (blank below it, as a filled-down column), the timing in words (timingCell), owners and
 * statuses. Values and number formats (the date cells').
 */
export function syntheticTable(activities: number, seed = 7): { values: CellValue[][]; formats: (string | null)[][] } {
  const rnd = random(seed);
  const values: CellValue[][] = [["Professional Learning Action Plan 2023-24"], [], ["Goal", "Action Step", "Person(s) Responsible", "Timeline", "Status"]];
  const formats: (string | null)[][] = values.map((r) => r.map(() => null));
  for (let i = 0; i < activities; i++) {
    const goal = i % 25 === 0 ? `Goal ${i / 25 + 1}: Every student reads on grade level by 2030` : null;
    const timing = timingCell(rnd);
    values.push([goal, `${VERBS[i % VERBS.length]} ${OBJECTS[Math.floor(rnd() * OBJECTS.length)]} (${i + 1})`, OWNERS[i % OWNERS.length]!, timing.value, STATUS_WORDS[Math.floor(rnd() * STATUS_WORDS.length)]!]);
    formats.push([null, null, null, timing.format, null]);
  }
  return { values, formats };
}

/** The synthetic table as the engine's grid. */
export function syntheticTableGrid(activities: number, seed = 7): Grid {
  const { values, formats } = syntheticTable(activities, seed);
  const pad = <T>(row: T[], fill: T): T[] => [...row, ...new Array<T>(5 - row.length).fill(fill)];
  return { sheet: "Action Plan", top: 0, left: 0, values: values.map((r) => pad(r, null)), formats: formats.map((r) => pad(r, null)) };
}
