/**
 * The command line end to end on a 10,000-row .xlsx, warm, beside exceljs reading the same file alone (the
 * target's measure) and beside the command line's own reader alone. Run by bench.ts in a process of its own,
 * compiled to JavaScript, like engine.ts: `node end-to-end.js DIR` writes DIR/plan-10000.xlsx and measures there.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { readXlsx } from "../../src/cli/read-xlsx";
import { syntheticRows } from "./synthetic";

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
  const refresh: number[] = [];
  for (let i = 0; i < 3; i++) refresh.push(await timeAsync(async () => run(["refresh", file, "--out", join(dir, "refreshed.xlsx"), "--as-of", "2024-01-15"], quiet)));
  console.log(`  refresh --out   end to end ${best(refresh).toFixed(0)} ms, best of 3 (the copy written from the workbook's own package)`);
}

endToEnd(process.argv[2]!).catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exitCode = 1;
});
