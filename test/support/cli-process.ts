/**
 * The built command line (`bin/milestone-monitor.js`) run as a user runs it, in a process of its own, with its
 * peak memory measured (scripts/bench/processes.ts). Hostile-file tests assert the outcome and that memory stays
 * under a bound: counts and bytes, never times.
 */
import { CLI, runMeasured, type Measured } from "../../scripts/bench/processes";

export type CliRun = Measured;

/** Runs the command with `args`. A hang guard stops it after `guardMs` (a test that hits it fails on its status, not on a time). */
export function runCli(args: string[], guardMs = 120_000): CliRun {
  return runMeasured([CLI, ...args], { timeoutMs: guardMs });
}

/** The lines a run printed on stderr (without the final line break). */
export function errorLines(run: CliRun): string[] {
  return run.stderr.trimEnd() === "" ? [] : run.stderr.trimEnd().split("\n");
}
