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

/** Makes the cache anew; throws with what the run printed when a command failed. */
function makeCodeCache() {
  rmSync(cachePath(BUNDLE), { force: true });
  const dir = mkdtempSync(join(tmpdir(), "milestone-monitor-cache-"));
  try {
    const run = spawnSync(process.execPath, [__filename, "--run", JSON.stringify(commands(dir))], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
    if (run.status !== 0) throw new Error(`the code cache of ${BUNDLE} was not made: ${run.stderr || `exit ${run.status}`}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--run") {
  // The process that runs the commands: each reads its arguments after the script's name, as the command line does.
  const queue = JSON.parse(process.argv[3]);
  const { exports, script, source } = loadBundle(BUNDLE);
  const next = () => {
    process.argv = [process.argv[0], process.argv[1], ...queue.shift()];
    exports.main();
  };
  // A command has ended when nothing is left to wait for: the next one starts, as long as the last one succeeded.
  process.on("beforeExit", () => {
    if (queue.length > 0 && !process.exitCode) next();
  });
  process.on("exit", (code) => {
    if (code === 0 && queue.length === 0) writeFileSync(cachePath(BUNDLE), Buffer.concat([cacheHeader(source), script.createCachedData()]));
  });
  next();
} else if (require.main === module) {
  makeCodeCache();
}

module.exports = { makeCodeCache };
