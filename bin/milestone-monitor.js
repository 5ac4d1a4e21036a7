#!/usr/bin/env node
"use strict";
// The command line is bundled from src/cli into one file by `npm run build:cli` (run by `npm install` through
// "prepare"): zod is inside it (exceljs is not needed: src/cli reads and writes workbooks itself), so a run loads one
// file instead of several hundred modules.
try {
  require("../dist/cli/main.js").main();
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND") {
    process.stderr.write("milestone-monitor: not built yet; run `npm run build:cli` (or `npm install`) first\n");
    process.exit(2);
  }
  throw e;
}
