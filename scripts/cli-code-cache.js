#!/usr/bin/env node
"use strict";
/**
 * Makes the command line's code cache, dist/cli/main.cache (bin/load-bundle.js reads it), after each build of the
 * bundle (webpack.config.js): a new process loads the bundle, refreshes a sample grid into a temporary folder (reading
 * the workbook, checking the plan, its status and summary, writing the copy) and shows the status of the samples of
 * the other shapes (an action-plan table with its theory of action, a pasted outline, the state template), and as it
 * ends writes the functions V8 compiled, headed by the bundle's SHA-256. Plain JavaScript, like the loader.
 */
const { spawnSync } = require("node:child_process");
const { mkdtempSync, rmSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { cacheHeader, cachePath, loadBundle } = require("../bin/load-bundle");

const ROOT = join(__dirname, "..");
const BUNDLE = join(ROOT, "dist", "cli", "main.js");
const SAMPLES = join(ROOT, "assets", "samples");

/** The commands the cache is made from, run one after the other in one process. */
function commands(dir) {
  const other = ["action-plan.xlsx", "outline-pasted.xlsx", "state-template.xlsx"].map((name) => join(SAMPLES, name));
  return [
    ["refresh", join(SAMPLES, "district-plan.xlsx"), "--out", join(dir, "copy.xlsx"), "--as-of", "2024-01-15"],
    ["status", ...other, "--as-of", "2024-01-15"],
  ];
}

/** Makes the cache of `bundle` anew; throws with the first line the run printed when a command failed. */
function makeCodeCache(bundle = BUNDLE) {
  rmSync(cachePath(bundle), { force: true });
  const dir = mkdtempSync(join(tmpdir(), "milestone-monitor-cache-"));
  try {
    const run = spawnSync(process.execPath, [__filename, "--run", bundle, JSON.stringify(commands(dir))], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
    if (run.status !== 0) {
      const said = (run.stderr ?? "").split("\n").find((line) => line.trim() !== "");
      throw new Error(said ?? `exit ${run.status ?? run.signal}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Makes the cache after a build; when that fails, one line that says so, and the build stands: the command line runs
 * without a cache, only starts more slowly (and the next build tries again, build-cli.js seeing no cache).
 */
function makeCodeCacheOrWarn(bundle = BUNDLE) {
  try {
    makeCodeCache(bundle);
    return null;
  } catch (e) {
    const warning = `milestone-monitor: no code cache was made for ${bundle} (the command line works without it, starting more slowly): ${e.message}`;
    console.warn(warning);
    return warning;
  }
}

if (process.argv[2] === "--run") {
  // The process that runs the commands: each reads its arguments after the script's name, as the command line does.
  const bundle = process.argv[3];
  const queue = JSON.parse(process.argv[4]);
  const { exports, script, source } = loadBundle(bundle);
  const next = () => {
    process.argv = [process.argv[0], process.argv[1], ...queue.shift()];
    exports.main();
  };
  // A command has ended when nothing is left to wait for: the next one starts, as long as the last one succeeded.
  process.on("beforeExit", () => {
    if (queue.length > 0 && !process.exitCode) next();
  });
  process.on("exit", (code) => {
    if (code === 0 && queue.length === 0) writeFileSync(cachePath(bundle), Buffer.concat([cacheHeader(source), script.createCachedData()]));
  });
  next();
} else if (require.main === module) {
  if (makeCodeCacheOrWarn()) process.exitCode = 1;
}

module.exports = { makeCodeCache, makeCodeCacheOrWarn };
