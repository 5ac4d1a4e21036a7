#!/usr/bin/env node
"use strict";
// The command line is bundled from src/cli into one file by `npm run build:cli` (run by `npm install` through
// "prepare"): zod is inside it (exceljs is not needed: src/cli reads and writes workbooks itself), so a run loads one
// file instead of several hundred modules, with the code cache made beside it (load-bundle.js).
const { join } = require("node:path");
const { loadBundle } = require("./load-bundle");

const BUNDLE = join(__dirname, "..", "dist", "cli", "main.js");
let bundle;
try {
  bundle = loadBundle(BUNDLE);
} catch (e) {
  // The bundle itself missing is a command line not built yet; anything else that stops it loading (a file the
  // bundle reads as it starts, a bundle cut short) is said as it is, in one line too.
  const notBuilt = e && e.code === "ENOENT" && e.path === BUNDLE;
  const why = notBuilt ? "not built yet" : `cannot start (${String((e && e.message) || e).split("\n")[0]})`;
  process.stderr.write(`milestone-monitor: ${why}; run \`npm run build:cli\` (or \`npm install\`) ${notBuilt ? "first" : "again"}\n`);
  process.exit(2);
}
bundle.exports.main();
