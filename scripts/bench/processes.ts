/**
 * A Node process started as a user starts one, timed, with its peak memory, CPU time and garbage collection measured
 * (measure-exit.js reports them as the process ends). The bench's figures for new processes, and the tests' memory
 * bounds, come from here.
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
  /** CPU time, user and system, of every thread (0 when the process died before it could say). */
  cpuMs: number;
  /** How long garbage collection paused it (when `gc` was asked for, else 0): scavenges of the young generation, and the rest. */
  scavengeMs: number;
  otherGcMs: number;
}

/**
 * Runs `node args...` (from the project's folder, finding its packages), to its end or `timeoutMs`. What it prints is
 * kept; a bench that does not want it large passes `quiet`, and one that wants garbage collection's pauses `gc`.
 */
export function runMeasured(args: string[], options: { timeoutMs?: number; quiet?: boolean; gc?: boolean } = {}): Measured {
  const start = performance.now();
  const r = spawnSync(process.execPath, ["--require", MEASURE, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NODE_PATH: join(ROOT, "node_modules"), MEASURE_GC: options.gc ? "1" : "0" },
    stdio: ["ignore", options.quiet ? "ignore" : "pipe", "pipe", "pipe"],
    maxBuffer: 512 * 2 ** 20,
    timeout: options.timeoutMs ?? 600_000,
  });
  const ms = performance.now() - start;
  const text = (r.output?.[3] as string | null) ?? "";
  const report = text === "" ? { maxRss: 0, cpuMs: 0, scavengeMs: 0, otherGcMs: 0 } : (JSON.parse(text) as { maxRss: number; cpuMs: number; scavengeMs: number; otherGcMs: number });
  return {
    status: r.status,
    signal: r.signal,
    stdout: r.stdout ?? "",
    stderr: r.stderr ?? "",
    ms,
    peakMb: report.maxRss / 2 ** 20,
    cpuMs: report.cpuMs,
    scavengeMs: report.scavengeMs,
    otherGcMs: report.otherGcMs,
  };
}

/** The command line as installed (`npx milestone-monitor`): its script's path, for `runMeasured([CLI, ...])`. */
export const CLI = join(ROOT, "bin", "milestone-monitor.js");
