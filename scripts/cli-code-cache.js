#!/usr/bin/env node
"use strict";
/**
 * Makes the command line's code cache, dist/cli/main.cache (bin/load-bundle.js reads it), after each build of the
 * bundle (webpack.config.js): a new process loads the bundle and refreshes a sample plan into a temporary folder
 * (reading the workbook, checking the plan, its status and summary, writing the copy: what most commands run), and as
 * it ends writes the functions V8 compiled, headed by the bundle's SHA-256. Plain JavaScript, like the loader.
 */
const { spawnSync } = require("node:child_process");
const { mkdtempSync, rmSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { cacheHeader, cachePath, loadBundle } = require("../bin/load-bundle");

const ROOT = join(__dirname, "..");
const BUNDLE = join(ROOT, "dist", "cli", "main.js");
const SAMPLE = join(ROOT, "assets", "samples", "district-plan.xlsx");

/** Makes the cache anew; throws with what the run printed when the sample could not be refreshed. */
function makeCodeCache() {
  rmSync(cachePath(BUNDLE), { force: true });
  const dir = mkdtempSync(join(tmpdir(), "milestone-monitor-cache-"));
  try {
    const args = ["refresh", SAMPLE, "--out", join(dir, "copy.xlsx"), "--as-of", "2024-01-15"];
    const run = spawnSync(process.execPath, [__filename, "--run", ...args], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
    if (run.status !== 0) throw new Error(`the code cache of ${BUNDLE} was not made: ${run.stderr || `exit ${run.status}`}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--run") {
  // The process that runs the command: the command line reads its arguments after the script's name.
  process.argv.splice(2, 1);
  const { exports, script, source } = loadBundle(BUNDLE);
  process.on("exit", (code) => {
    if (code === 0) writeFileSync(cachePath(BUNDLE), Buffer.concat([cacheHeader(source), script.createCachedData()]));
  });
  exports.main();
} else if (require.main === module) {
  makeCodeCache();
}

module.exports = { makeCodeCache };
