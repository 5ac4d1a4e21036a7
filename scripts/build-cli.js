#!/usr/bin/env node
"use strict";
/**
 * Builds the command line (dist/cli/main.js) only when something it is built from changed since it was last built:
 * `npm install` ("prepare") builds it once, and then neither `npx milestone-monitor` (which installs the project into
 * npm's cache and runs "prepare" again) nor `npm run demo` rebuilds it for nothing. `npm run build:cli` always builds.
 * Plain JavaScript, so that the check itself costs no compiler.
 */
const { existsSync, readdirSync, statSync, utimesSync } = require("node:fs");
const { join } = require("node:path");
const { spawnSync } = require("node:child_process");

/**
 * What the bundle and its code cache are made of: the command line, the engine, their build settings, the packages'
 * versions, and the loader and the script that make the cache.
 */
const INPUTS = [
  "src/cli",
  "src/core",
  "webpack.config.js",
  "tsconfig.json",
  "tsconfig.cli.json",
  "package.json",
  "package-lock.json",
  "bin/load-bundle.js",
  "scripts/cli-code-cache.js",
];
const OUTPUT = join("dist", "cli", "main.js");
const CACHE = join("dist", "cli", "main.cache");

/** The newest modification time (ms) of a file, or of every file under a folder; 0 when it is missing. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

/** Whether the command line in `root` must be built: it or its code cache is missing, or older than what it is made of. */
function needsBuild(root) {
  const output = join(root, OUTPUT);
  if (!existsSync(output) || !existsSync(join(root, CACHE))) return true;
  const built = statSync(output).mtimeMs;
  return INPUTS.some((input) => newest(join(root, input)) > built);
}

if (require.main === module) {
  const root = join(__dirname, "..");
  if (!needsBuild(root)) {
    console.log(`milestone-monitor: ${OUTPUT} is up to date`);
  } else {
    const result = spawnSync(process.execPath, [require.resolve("webpack/bin/webpack.js"), "--env", "cli"], { cwd: root, stdio: "inherit" });
    process.exitCode = result.status ?? 1;
    // webpack leaves a bundle whose content did not change as it was (and its date with it): date it now.
    if (result.status === 0) utimesSync(join(root, OUTPUT), new Date(), new Date());
  }
}

module.exports = { needsBuild, INPUTS, OUTPUT };
