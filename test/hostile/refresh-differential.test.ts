/** @jest-environment node */
/**
 * Issue 17: refresh changes nothing of the planner's. For the samples and for workbooks fast-check makes up (a plan
 * sheet from the engine's grid generator beside sheets of every kind of cell: formulas, errors, dates, formats,
 * fills, merged areas, hidden rows and sheets, the 1904 date system), every cell of every planner's sheet in the
 * `refresh --out` copy equals the input's, read by exceljs (value, formula, number format, style) and by the command
 * line's own reader; and refreshing the copy (at the same time, as of the same day) writes every part as the first
 * refresh wrote it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { run } from "../../src/cli/main";
import { readXlsx } from "../../src/cli/read-xlsx";
import { ZipPackage } from "../../src/cli/read-zip";
import { a1 } from "../../src/core/address";
import type { Area, Grid } from "../../src/core/grid";
import { OWN_SHEETS } from "../../src/core/writes";
import { planGridArb } from "../support/grid-arbitraries";
import { captureIo } from "../support/read-back";
import { removeTempFiles, tempPath, workbookBuffer, type SheetSpec, type WorkbookSpec } from "../support/workbook-builder";
import { sheetSpecArb } from "../support/xlsx-arbitraries";
import { writeFile } from "node:fs/promises";

afterAll(removeTempFiles);

const OWN = OWN_SHEETS;
const AS_OF = ["--as-of", "2024-01-15"];
/** One clock for every refresh: the copy's data sheet records when each refresh ran. */
const clock = (): ReturnType<typeof captureIo> => Object.assign(captureIo(), { now: () => new Date("2024-01-15T09:00:00Z") });

/** Every cell of every sheet but the add-in's, as exceljs reads it: value, formula, number format, style. */
async function exceljsCells(xlsx: Buffer): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const out = new Map<string, string>();
  wb.eachSheet((ws) => {
    if (OWN.includes(ws.name)) return;
    out.set(`${ws.name} (sheet)`, JSON.stringify({ state: ws.state, merges: (ws.model as { merges?: string[] }).merges ?? [] }));
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => out.set(`${ws.name}!${cell.address}`, JSON.stringify({ v: cell.value, f: cell.numFmt, s: cell.style }))),
    );
  });
  return out;
}

/** Each part of a package, unpacked, by name. */
function parts(xlsx: Buffer): Map<string, string> {
  const zip = ZipPackage.open(xlsx)!;
  return new Map(zip.names().map((n) => [n, Buffer.from(zip.read(n)!).toString("base64")]));
}

/** Refreshes `input` twice; checks the copy against the input, and the second copy against the first. False when there is no timeline to refresh. */
async function expectRefreshKeepsEverything(input: Buffer, name: string): Promise<boolean> {
  const path = tempPath(name);
  await writeFile(path, input);
  const once = tempPath(`once-${name}`);
  const twice = tempPath(`twice-${name}`);
  const io = clock();
  const code = await run(["refresh", path, "--out", once, ...AS_OF], io);
  if (code === 2 && /nothing to refresh/.test(io.err)) return false;
  expect([code, io.err]).toEqual([0, ""]);
  const copy = readFileSync(once);
  const userGrids = (b: Buffer): Grid[] => readXlsx(b)!.filter((g) => !OWN.includes(g.sheet));
  expect(userGrids(copy)).toEqual(userGrids(input));
  expect(await exceljsCells(copy)).toEqual(await exceljsCells(input));
  expect(await run(["refresh", once, "--out", twice, ...AS_OF], clock())).toBe(0);
  expect(parts(readFileSync(twice))).toEqual(parts(copy));
  return true;
}

test.each(readdirSync(join(__dirname, "..", "..", "assets", "samples")).sort())("the sample %s", async (name) => {
  expect(await expectRefreshKeepsEverything(readFileSync(join(__dirname, "..", "..", "assets", "samples", name)), name)).toBe(true);
});

/** A plan grid as a sheet of a workbook: its values where the grid sits, its merged areas that do not overlap (exceljs refuses those). */
function planSheet(grid: Grid): SheetSpec {
  const merges: Area[] = [];
  for (const area of grid.merges ?? []) {
    const m = { top: Math.min(area.top, area.bottom), left: Math.min(area.left, area.right), bottom: Math.max(area.top, area.bottom), right: Math.max(area.left, area.right) };
    if (m.top === m.bottom && m.left === m.right) continue;
    if (!merges.some((k) => m.top <= k.bottom && k.top <= m.bottom && m.left <= k.right && k.left <= m.right)) merges.push(m);
  }
  return {
    name: "PL Plan 2023-24",
    origin: a1(grid.top, grid.left),
    rows: grid.values,
    merges: merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`),
    hiddenRows: (grid.hiddenRows ?? []).map((r) => r + 1),
    hiddenColumns: (grid.hiddenColumns ?? []).map((c) => c + 1),
  };
}

const workbookArb: fc.Arbitrary<WorkbookSpec> = fc.record({
  date1904: fc.boolean(),
  sheets: fc
    .tuple(planGridArb.map(planSheet), fc.subarray(["Notes", "O'Brien's notes", "Données"], { maxLength: 2 }))
    .chain(([plan, others]) => fc.tuple(fc.constant(plan), ...others.map(sheetSpecArb)))
    .map((sheets) => sheets as SheetSpec[]),
});

test("workbooks fast-check makes up: every planner's cell in the copy as in the input, and a second refresh writes the same parts", async () => {
  let refreshed = 0;
  let n = 0;
  await fc.assert(
    fc.asyncProperty(workbookArb, async (spec) => {
      if (await expectRefreshKeepsEverything(await workbookBuffer(spec), `generated-${n++}.xlsx`)) refreshed++;
    }),
    { numRuns: 40, seed: 20261207 },
  );
  // Most made-up plans have a timeline to refresh; the others are refused in one line, nothing written.
  expect(refreshed).toBeGreaterThan(20);
});
