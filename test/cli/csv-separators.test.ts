/** @jest-environment node */
/**
 * README, "Command line": a CSV is read with the separator it was saved with, as Excel reads it. Excel saves CSV with
 * semicolons where the comma is the decimal mark, and may name the separator on a first line of its own (`sep=;`,
 * which it does not show). Each reads as the comma file of the same plan; a comma file whose labels hold semicolons
 * stays a comma file.
 */
import { writeFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { parseDelimitedText, type TextFile } from "../../src/cli/read-delimited";
import { runCli } from "../support/cli-process";
import { MONTHS_JUL_JUN } from "../support/district";
import { removeTempFiles, tempPath } from "../support/workbook-builder";

afterAll(removeTempFiles);

const AS_OF = ["--as-of", "2024-01-15"];

/** A district's plan, with labels that hold commas and semicolons, as rows of fields. */
const ROWS: string[][] = [
  ["PL Plan 2023-24"],
  [],
  ["Action Step", "Person(s) Responsible", ...MONTHS_JUL_JUN],
  ["Goal 1: Every student reads on grade level, by 2027"],
  ["Develop the PLC model, with coaches", "Director of PL", "X", "X", "X", ...new Array<string>(9).fill("")],
  ["Implement the PLC model; every school", "Principals", "", "", "", "X", "X", ...new Array<string>(7).fill("")],
  ["Survey staff on PL needs", "Data Team", ...new Array<string>(10).fill(""), "X", "X"],
  ["Share results with families \u2013 \u201cspring\u201d meeting", "Family Liaison", ...new Array<string>(9).fill(""), "X", "", ""],
];

/** The rows as a CSV with `separator`, a field quoted when it holds the separator or a quote. */
function csv(separator: string, rows: string[][] = ROWS): string {
  const field = (f: string): string => (f.includes(separator) || f.includes('"') ? `"${f.replace(/"/g, '""')}"` : f);
  return rows.map((r) => r.map(field).join(separator)).join("\r\n");
}

async function saved(text: string, name: string): Promise<string> {
  const path = tempPath(name);
  await writeFile(path, text);
  return path;
}

/** status --json of a file, its name left out (a text file's sheet is named after it), and what it said on stderr. */
function status(path: string): { document: unknown; stderr: string } {
  const r = runCli(["status", path, "--json", ...AS_OF]);
  expect(r.status).toBe(0);
  const name = basename(path, extname(path));
  const document: unknown = JSON.parse(r.stdout.split(JSON.stringify(path).slice(1, -1)).join("FILE").split(name).join("SHEET"));
  return { document, stderr: r.stderr.split(path).join("FILE") };
}

let commas: unknown;
beforeAll(async () => {
  const read = status(await saved(csv(","), "commas.csv"));
  expect(read.stderr).toBe("");
  commas = read.document;
  expect(JSON.stringify(commas)).toContain("Develop the PLC model, with coaches");
  expect(JSON.stringify(commas)).toContain("Implement the PLC model; every school");
});

test("a CSV saved with semicolons reads as the comma file, with a note that says so", async () => {
  const read = status(await saved(csv(";"), "semicolons.csv"));
  expect(read.document).toEqual(commas);
  expect(read.stderr).toBe("milestone-monitor: note: FILE: read as separated by semicolons, as Excel saves CSV where the comma is the decimal mark\n");
});

test("a first line naming the separator (sep=;) is followed and not read as a row: the cells are where Excel shows them", async () => {
  for (const separator of [";", ","]) {
    const read = status(await saved(`sep=${separator}\r\n${csv(separator)}`, `named-${separator === ";" ? "semicolon" : "comma"}.csv`));
    expect(read.document).toEqual(commas);
    expect(read.stderr).toBe("");
  }
});

test("a comma CSV whose labels hold semicolons stays a comma file", async () => {
  const rows = ROWS.map((r, i) => (i >= 4 ? [`${r[0]}; phase 1; phase 2`, ...r.slice(1)] : r));
  const path = await saved(csv(",", rows), "labels-with-semicolons.csv");
  const read = status(path);
  expect(read.stderr).toBe("");
  expect(JSON.stringify(read.document)).toContain("Survey staff on PL needs; phase 1; phase 2");
});

test("the separator is found from the first lines: a long semicolon file is read in full once, not with commas first", async () => {
  const rows = [ROWS[2]!, ...Array.from({ length: 2_000 }, (_, i) => [`Step ${i + 1}, with coaches`, "Principals", ...MONTHS_JUL_JUN.map((_, m) => (m === i % 12 ? "X" : ""))])];
  /** The text in pieces of 40 lines, as a file is read in pieces, counting the pieces read. */
  const inPieces = (text: string): TextFile & { piecesRead: number } => {
    const lines = text.split("\r\n");
    const file = {
      encoding: "utf-8",
      piecesRead: 0,
      async *read() {
        for (let i = 0; i < lines.length; i += 40) {
          file.piecesRead++;
          // Each piece comes from a read of the file.
          await Promise.resolve();
          yield lines.slice(i, i + 40).join("\r\n") + (i + 40 < lines.length ? "\r\n" : "");
        }
      },
    };
    return file;
  };
  const semicolons = inPieces(csv(";", rows));
  const read = await parseDelimitedText(semicolons, ",");
  expect(read.rows).toEqual((await parseDelimitedText(inPieces(csv(",", rows)), ",")).rows);
  expect(read.notes).toEqual(["read as separated by semicolons, as Excel saves CSV where the comma is the decimal mark"]);
  // The first piece to find the separator, then the whole file (51 pieces) once.
  expect(semicolons.piecesRead).toBe(1 + Math.ceil(rows.length / 40));
});

