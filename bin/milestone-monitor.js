#!/usr/bin/env node
"use strict";
// The command line is compiled from src/cli by `npm run build:cli` (run by `npm install` through "prepare").
try {
  require("../dist/cli/main.js").main();
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND") {
    process.stderr.write("milestone-monitor: not built yet; run `npm run build:cli` (or `npm install`) first\n");
    process.exit(2);
  }
  throw e;
}
