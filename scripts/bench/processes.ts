/**
 * A Node process started as a user starts one, timed, with its peak memory measured (measure-exit.js reports it as
 * the process ends). The bench's figures for new processes, and the tests' memory bounds, come from here.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const ROOT = join(__dirname, "..", "..");
const MEASURE = join(__dirname, "measure-exit.js");

export interface Measured {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time, start to exit. */
  ms: number;
  /** Peak resident memory, MB (0 when the process died before it could say). */
  peakMb: number;
}

/**
 * Runs `node args...` (from the project's folder, finding its packages), to its end or `timeoutMs`. What it prints is
 * kept; a bench that does not want it large passes `quiet`.
 */
export function runMeasured(args: string[], options: { timeoutMs?: number; quiet?: boolean } = {}): Measured {
  const start = performance.now();
  const r = spawnSync(process.execPath, ["--require", MEASURE, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NODE_PATH: join(ROOT, "node_modules") },
    stdio: ["ignore", options.quiet ? "ignore" : "pipe", "pipe", "pipe"],
    maxBuffer: 512 * 2 ** 20,
    timeout: options.timeoutMs ?? 600_000,
  });
  const ms = performance.now() - start;
  const report = (r.output?.[3] as string | null) ?? "";
  const peak = report === "" ? 0 : (JSON.parse(report) as { maxRss: number }).maxRss;
  return { status: r.status, signal: r.signal, stdout: r.stdout ?? "", stderr: r.stderr ?? "", ms, peakMb: peak / 2 ** 20 };
}

/** The command line as installed (`npx milestone-monitor`): its script's path, for `runMeasured([CLI, ...])`. */
export const CLI = join(ROOT, "bin", "milestone-monitor.js");
