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

