/**
 * The command line end to end on a 10,000-row .xlsx, warm, beside exceljs reading the same file alone (the
 * target's measure) and beside the command line's own reader alone; then a 10,000-row action-plan table with its
 * timing in words beside the grid, per row. Run by bench.ts in a process of its own,
 * compiled to JavaScript, like engine.ts: `node end-to-end.js DIR` writes DIR/plan-10000.xlsx and measures there.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { run, type Io } from "../../src/cli/main";
import { readXlsx } from "../../src/cli/read-xlsx";
import { syntheticRows, syntheticTable } from "./synthetic";

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const best = (times: number[]): number => Math.min(...times);

async function endToEnd(dir: string): Promise<void> {
  const file = join(dir, "plan-10000.xlsx");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Plan 2023-24");
  for (const row of syntheticRows(10_000, 12)) ws.addRow(row);
  await wb.xlsx.writeFile(file);

  // Output goes nowhere, as into a file: --json is compact there (it is indented only on a terminal).
  const quiet = { stdout: () => undefined, stderr: () => undefined, today: () => "2024-01-15" };
  const commands = [["status"], ["validate"], ["status", "--json"]];
  const readAlone: number[] = [];
  const ownRead: number[] = [];
  const cli: number[][] = commands.map(() => []);
  for (let i = 0; i < 5; i++) {
    readAlone.push(await timeAsync(async () => new ExcelJS.Workbook().xlsx.readFile(file)));
    ownRead.push(await timeAsync(() => Promise.resolve(readXlsx(readFileSync(file)))));
    for (const [k, args] of commands.entries()) cli[k]!.push(await timeAsync(async () => run([...args, file, "--as-of", "2024-01-15"], quiet)));
  }
  const r = best(readAlone);
  const own = best(ownRead);
  console.log("Command line on a 10,000-row .xlsx, best of 5, beside exceljs reading the file alone (the target's measure) and beside the command line's own reader alone:");
  console.log(`  exceljs read alone ${r.toFixed(0)} ms; the command line's own .xlsx reader alone ${own.toFixed(0)} ms`);
  for (const [k, args] of commands.entries()) {
    const c = best(cli[k]!);
    console.log(`  ${args.join(" ").padEnd(14)} end to end ${c.toFixed(0)} ms; ratio ${(c / r).toFixed(2)}x the exceljs read, ${(c / own).toFixed(2)}x its own read`);
  }
  await tableBesideGrid(dir, file, quiet);
  const refresh: number[] = [];
  for (let i = 0; i < 3; i++) refresh.push(await timeAsync(async () => run(["refresh", file, "--out", join(dir, "refreshed.xlsx"), "--as-of", "2024-01-15"], quiet)));
  console.log(`  refresh --out   end to end ${best(refresh).toFixed(0)} ms, best of 3 (the copy written from the workbook's own package)`);
}

/** The synthetic action-plan table (synthetic.ts) as a .xlsx, its date cells as dates. */
async function writeTable(file: string): Promise<void> {
  const { values, formats } = syntheticTable(10_000);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Action Plan 2023-24");
  values.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v === null) return;
      const cell = ws.getCell(r + 1, c + 1);
      const format = formats[r]![c];
      if (typeof v === "number" && format) {
        cell.value = new Date(Date.UTC(1899, 11, 30) + v * 86_400_000);
        cell.numFmt = format;
      } else cell.value = v;
    });
  });
  await wb.xlsx.writeFile(file);
}

/**
 * The command line on a 10,000-row action-plan table with its timing in words beside the 10,000 x 12 grid file, warm,
 * best of 5 each, the two runs interleaved: the cost per row of each shape.
 */
async function tableBesideGrid(dir: string, gridFile: string, quiet: Io): Promise<void> {
  const tableFile = join(dir, "table-10000.xlsx");
  await writeTable(tableFile);
  const files: [string, string][] = [
    ["grid 10,000 x 12", gridFile],
    ["action-plan table", tableFile],
  ];
  const ownRead = files.map((): number[] => []);
  const commands = [["validate"], ["status", "--json"]];
  const cli = files.map(() => commands.map((): number[] => []));
  for (let i = 0; i < 5; i++) {
    for (const [f, [, file]] of files.entries()) {
      ownRead[f]!.push(await timeAsync(() => Promise.resolve(readXlsx(readFileSync(file)))));
      for (const [k, args] of commands.entries()) cli[f]![k]!.push(await timeAsync(async () => run([...args, file, "--as-of", "2024-01-15"], quiet)));
    }
  }
  console.log("Command line per row, 10,000 rows: the grid file beside an action-plan table with its timing in words, warm, best of 5:");
  const perRow = (ms: number): string => `${ms.toFixed(0)} ms (${((ms * 1000) / 10_000).toFixed(1)} \u00b5s a row)`;
  for (const [f, [name]] of files.entries()) {
    const parts = commands.map((args, k) => `${args.join(" ")} ${perRow(best(cli[f]![k]!))}`);
    console.log(`  ${name.padEnd(18)} own read alone ${perRow(best(ownRead[f]!))}; ${parts.join("; ")}`);
  }
  const ratios = commands.map((args, k) => `${args.join(" ")} ${(best(cli[1]![k]!) / best(cli[0]![k]!)).toFixed(2)}x`);
  console.log(`  the table beside the grid: own read ${(best(ownRead[1]!) / best(ownRead[0]!)).toFixed(2)}x; ${ratios.join("; ")}`);
}

endToEnd(process.argv[2]!).catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exitCode = 1;
});
