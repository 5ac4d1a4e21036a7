/**
 * Generated plans for the differential test and the bench: realistic district grids at several sizes, the same
 * with non-ASCII labels (accents, Cyrillic, CJK, emoji), and templated near-copies (forty schools' copies of one
 * plan, the case a district pasting its schools' plans together makes).
 */
import type { CellValue, Grid } from "../../src/core";
import { syntheticGrid } from "../../scripts/bench/synthetic";

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

export function corpusGrids(): [string, Grid][] {
  return [
    ["synthetic 200 x 12", syntheticGrid(200, 12)],
    ["synthetic 60 x 60", syntheticGrid(60, 60, 3)],
    ["synthetic 300 x 24", syntheticGrid(300, 24, 5)],
    ["non-ASCII 200 x 12", nonAsciiGrid(200, 12)],
    ["templated 40 schools", templatedGrid(40)],
  ];
}
