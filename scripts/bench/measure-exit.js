// Preloaded into a process the bench or a test starts (`node --require`: scripts/bench/processes.ts,
// test/support/cli-process.ts). When the process ends, it writes its peak memory (resident set, bytes) to file
// descriptor 3, which the one that started it reads.
"use strict";
process.on("exit", () => {
  try {
    require("node:fs").writeSync(3, JSON.stringify({ maxRss: process.resourceUsage().maxRSS * 1024 }));
  } catch {
    // No descriptor 3: not started by the bench or a test.
  }
});
