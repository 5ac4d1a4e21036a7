#!/usr/bin/env node
"use strict";
// The command line is bundled from src/cli into one file by `npm run build:cli` (run by `npm install` through
// "prepare"): zod is inside it (exceljs is not needed: src/cli reads and writes workbooks itself), so a run loads one
// file instead of several hundred modules, with the code cache made beside it (load-bundle.js).
const { join } = require("node:path");
const { loadBundle } = require("./load-bundle");

let bundle;
try {
  bundle = loadBundle(join(__dirname, "..", "dist", "cli", "main.js"));
} catch (e) {
  if (e && e.code === "ENOENT") {
    process.stderr.write("milestone-monitor: not built yet; run `npm run build:cli` (or `npm install`) first\n");
    process.exit(2);
  }
  throw e;
}
bundle.exports.main();
