/** @jest-environment node */
/**
 * The engine's whole output, held still while its code moves: for every sample workbook, every district seed and a
 * few hundred generated grids (realistic plans, non-ASCII labels, templated near-copies, and grids made by
 * fast-check from a fixed seed), the JSON document, the sheets and flags the hosts write, and the CSV export, as of
 * three days, are identical to the output the engine gave when the fixture was recorded.
 *
 * A change that means to change the output records it again, and the fixture's diff is the change's to explain:
 *   UPDATE_DIFFERENTIAL=1 npx jest test/differential
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import fc from "fast-check";
import { analyzeSheet, describeWrites, planCsv, sheetDocument, type Grid, type SettingsInput } from "../../src/core";
import { loadFile } from "../../src/cli/read-workbook";
import { anyGridArb } from "../support/grid-arbitraries";
import { corpusGrids } from "./corpus";

const FIXTURE = join(__dirname, "..", "fixtures", "differential", "engine-output.json.gz");
const AS_OF = ["2023-10-01", "2024-01-15", "2026-12-07"] as const;
const UPDATE = process.env["UPDATE_DIFFERENTIAL"] === "1";

interface Case {
  name: string;
  grid: Grid;
  settings?: SettingsInput;
}

/** Everything the engine gives for one grid on one day, as plain JSON. */
function output(c: Case, asOf: string): unknown {
  const report = analyzeSheet(c.grid, { asOf, ...(c.settings ? { settings: c.settings } : {}) });
  return JSON.parse(JSON.stringify({ document: sheetDocument(report), writes: describeWrites([report]), csv: planCsv([report]) }));
}

async function cases(): Promise<Case[]> {
  const out: Case[] = [];
  const samples = join(__dirname, "..", "..", "assets", "samples");
  for (const file of readdirSync(samples).sort()) {
    for (const grid of (await loadFile(join(samples, file))).grids) {
      out.push({ name: `sample ${file} ${grid.sheet}`, grid });
      out.push({ name: `sample ${file} ${grid.sheet} (settings)`, grid, settings: { schoolYear: 2024, startMonth: 8, dueSoonDays: 45 } });
    }
  }
  const seeds = join(__dirname, "..", "seeds");
  for (const file of readdirSync(seeds).sort()) {
    for (const grid of (await loadFile(join(seeds, file))).grids) out.push({ name: `seed ${file}`, grid });
  }
  for (const [name, grid] of corpusGrids()) out.push({ name, grid });
  fc.sample(anyGridArb, { seed: 20261207, numRuns: 300 }).forEach((grid, i) => out.push({ name: `generated ${i}`, grid }));
  return out;
}

let all: Case[] = [];
let recorded: Record<string, unknown> = {};

beforeAll(async () => {
  all = await cases();
  if (UPDATE) {
    const fresh: Record<string, unknown> = {};
    for (const c of all) for (const day of AS_OF) fresh[`${c.name} @ ${day}`] = output(c, day);
    writeFileSync(FIXTURE, gzipSync(JSON.stringify(fresh), { level: 9 }));
  }
  if (!existsSync(FIXTURE)) throw new Error(`no recorded output: run UPDATE_DIFFERENTIAL=1 npx jest test/differential`);
  recorded = JSON.parse(gunzipSync(readFileSync(FIXTURE)).toString("utf8")) as Record<string, unknown>;
});

test("the corpus is the one the fixture was recorded from", () => {
  expect(all.length).toBeGreaterThan(300);
  expect(Object.keys(recorded).sort()).toEqual(all.flatMap((c) => AS_OF.map((day) => `${c.name} @ ${day}`)).sort());
});

test("every grid gives exactly the recorded output on every day", () => {
  const differing: string[] = [];
  for (const c of all) {
    for (const day of AS_OF) {
      const key = `${c.name} @ ${day}`;
      const now = output(c, day);
      try {
        expect(now).toEqual(recorded[key]);
      } catch (e) {
        differing.push(key);
        if (differing.length === 1) console.error(`${key}:\n${(e as Error).message.slice(0, 4000)}`);
        if (process.env["DIFF_SUMMARY"]) summary.push(...findingChanges(key, recorded[key], now));
      }
    }
  }
  if (summary.length > 0) writeFileSync(process.env["DIFF_SUMMARY"]!, summary.join("\n"));
  expect(differing).toEqual([]);
});

const summary: string[] = [];

/** The findings one output has and the other has not, a line each: for reading a deliberate change's effect. */
function findingChanges(key: string, before: unknown, after: unknown): string[] {
  const lines = (o: unknown): string[] =>
    ((o as { document: { findings: { rule: string; cell: string; message: string }[] } }).document.findings ?? []).map((f) => `${f.rule} ${f.cell} ${f.message}`);
  const [b, a] = [lines(before), lines(after)];
  return [...b.filter((l) => !a.includes(l)).map((l) => `${key} - ${l}`), ...a.filter((l) => !b.includes(l)).map((l) => `${key} + ${l}`)];
}
