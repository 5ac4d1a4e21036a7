/**
 * The built command line (`bin/milestone-monitor.js`) run as a user runs it, in a process of its own, with its
 * peak memory measured (test/support/measure-exit.js reports it as the process ends). Hostile-file tests assert
 * the outcome and that memory stays under a bound: counts and bytes, never times.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "milestone-monitor.js");
const MEASURE = join(__dirname, "measure-exit.js");

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the process, in MB (0 when it died before it could say). */
  peakMb: number;
}

/**
 * Runs the command with `args`. A hang guard stops it after `guardMs` (a test that hits it fails on its status, not
 * on a time).
 */
export function runCli(args: string[], guardMs = 120_000): CliRun {
  const r = spawnSync(process.execPath, ["--require", MEASURE, BIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe", "pipe"],
    maxBuffer: 512 * 2 ** 20,
    timeout: guardMs,
  });
  const report = (r.output?.[3] as string | null) ?? "";
  const peak = report === "" ? 0 : (JSON.parse(report) as { maxRss: number }).maxRss;
  return { status: r.status, signal: r.signal, stdout: r.stdout ?? "", stderr: r.stderr ?? "", peakMb: peak / 2 ** 20 };
}

/** The lines a run printed on stderr (without the final line break). */
export function errorLines(run: CliRun): string[] {
  return run.stderr.trimEnd() === "" ? [] : run.stderr.trimEnd().split("\n");
}
