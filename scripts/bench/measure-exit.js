// Preloaded into a command-line process by test/support/cli-process.ts (`node --require`): when the process ends,
// it writes its peak memory (resident set, bytes) to file descriptor 3, which the test reads.
"use strict";
process.on("exit", () => {
  try {
    require("node:fs").writeSync(3, JSON.stringify({ maxRss: process.resourceUsage().maxRSS * 1024 }));
  } catch {
    // No descriptor 3: run outside a test.
  }
});
