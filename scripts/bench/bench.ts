/**
 * npm run bench: figures, never assertions (machines are noisy and shared).
 *  - the engine alone (read + validate + status + summary) on synthetic grids: timeline cells per second, in a
 *    process of its own (engine.ts);
 *  - the command line end to end on a 10,000-row .xlsx beside exceljs reading the same file alone (and beside its
 *    own reader alone), warm in a process of its own (end-to-end.ts), and as new processes;
 *  - validate on a small plan as a new process, with and without the command line's code cache;
 *  - validate as a new process beside SheetJS reading the same file, at 10,000 and 200,000 rows (district grids and
 *    templated labels), and a 200,000-row refresh --out (versus-sheetjs.ts);
 *  - the hostile and huge files of issue 17 at full size, each a new process: time and peak memory (hostile.ts);
 *  - peak memory (resident set size).
 * Later sections (Excel adapter syncs and bytes, bundle sizes, time to first summary) are added by their modules.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { benchAdapter } from "./adapter";
import { benchHostile } from "./hostile";
import { benchPages } from "./pages";
import { benchVersusSheetjs } from "./versus-sheetjs";

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function best(times: number[]): number {
  return Math.min(...times);
}

/**
 * The engine alone (engine.ts) and the command line end to end (end-to-end.ts), each in a process of its own
 * running the code compiled to JavaScript, as the add-in and the command line run it: not in this process, where
 * ts-node keeps the TypeScript compiler in the heap (measured, it slows the engine by 10-40%).
 */
async function compiled(dir: string): Promise<void> {
  const out = join(dir, "compiled");
  const root = join(__dirname, "..", "..");
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  const flags = ["--ignoreConfig", "--outDir", out, "--rootDir", root, "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--skipLibCheck", "--types", "node", "--esModuleInterop"];
  await runProcess([tsc, ...flags, join(__dirname, "engine.ts"), join(__dirname, "end-to-end.ts")], "inherit", [0]);
  await runProcess([join(out, "scripts", "bench", "engine.js")], "inherit", [0]);
  await runProcess([join(out, "scripts", "bench", "end-to-end.js"), dir], "inherit", [0]);
  await asProcesses(join(dir, "plan-10000.xlsx"));
}

/**
 * Runs node with `args`, finding the project's packages from anywhere; resolves to its wall time in ms when it
 * exits with one of `ok`.
 */
function runProcess(args: string[], stdio: "ignore" | "inherit", ok: number[]): Promise<number> {
  const env = { ...process.env, NODE_PATH: join(__dirname, "..", "..", "node_modules") };
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { stdio, env });
    child.on("error", fail);
    child.on("exit", (code) => (ok.includes(code ?? -1) ? done(performance.now() - start) : fail(new Error(`${args.join(" ")} exited ${code}`))));
  });
}

/** Runs a command as a new process, its output thrown away; resolves to its wall time in ms (exit 1: it found errors). */
function timeProcess(args: string[]): Promise<number> {
  return runProcess(args, "ignore", [0, 1]);
}

/**
 * What a user waits for: the command line as a new process (Node starting, modules loading, code not yet
 * optimized), beside a process that only loads exceljs and reads the file.
 */
async function asProcesses(file: string): Promise<void> {
  const cli = join(__dirname, "..", "..", "bin", "milestone-monitor.js");
  const readOnly = `require("exceljs"); new (require("exceljs").Workbook)().xlsx.readFile(${JSON.stringify(file)}).catch(() => process.exit(2));`;
  const read: number[] = [];
  const validate: number[] = [];
  for (let i = 0; i < 5; i++) {
    read.push(await timeProcess(["-e", readOnly]));
    validate.push(await timeProcess([cli, "validate", file, "--as-of", "2024-01-15"]));
  }
  const r = best(read);
  const v = best(validate);
  console.log("The same, each run a new process (what a user waits for), best of 5; the command line reads the file without exceljs (it never loads it):");
  console.log(`  node loading exceljs and reading the file ${r.toFixed(0)} ms; milestone-monitor validate ${v.toFixed(0)} ms; ratio ${(v / r).toFixed(2)}x`);
}

/**
 * The code cache made with the bundle (bin/load-bundle.js): `validate` on the MPS sample (a plan of a few hundred
 * rows, where starting is most of the wait) through bin/, and the same bundle loaded by `require`, without the cache.
 */
async function codeCache(): Promise<void> {
  const root = join(__dirname, "..", "..");
  const sample = join(root, "assets", "samples", "mps-milestones.xlsx");
  // With -e, Node puts the arguments right after its own path: a name in front makes them the command line's.
  const withoutCache = `process.argv.splice(1, 0, "[eval]"); require(${JSON.stringify(join(root, "dist", "cli", "main.js"))}).main();`;
  const cached: number[] = [];
  const plain: number[] = [];
  for (let i = 0; i < 9; i++) {
    cached.push(await timeProcess([join(root, "bin", "milestone-monitor.js"), "validate", sample, "--as-of", "2024-01-15"]));
    plain.push(await timeProcess(["-e", withoutCache, "validate", sample, "--as-of", "2024-01-15"]));
  }
  const median = (times: number[]): number => [...times].sort((a, b) => a - b)[times.length >> 1]!;
  console.log(
    `\nmilestone-monitor validate on the MPS sample, new processes, medians of 9: with the code cache ${median(cached).toFixed(0)} ms, ` +
      `without it (the bundle loaded by require) ${median(plain).toFixed(0)} ms`,
  );
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "mm-bench-"));
  try {
    console.log(`Milestone Monitor bench on ${process.platform} ${process.arch}, Node ${process.version}\n`);
    await compiled(dir);
    await codeCache();
    await benchVersusSheetjs(dir);
    await benchHostile(dir);
    await benchAdapter();
    await benchPages();
  } finally {
    rmSync(dir, { recursive: true, force: true });
    clearInterval(sampler);
    console.log(`\nPeak memory (resident set): ${mb(peakRss)}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack ?? e.message : String(e));
  process.exitCode = 1;
});
