// Preloaded into a process the bench or a test starts (`node --require`: scripts/bench/processes.ts,
// test/support/cli-process.ts). When the process ends, it writes its peak memory (resident set, bytes) to file
// descriptor 3, which the one that started it reads. On Linux the peak is the process's own (VmHWM): getrusage's
// maxrss also counts the process it was forked from (a test runner of 200 MB), before it became Node.
"use strict";
process.on("exit", () => {
  const fs = require("node:fs");
  let peak = 0;
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"));
    if (hwm) peak = Number(hwm[1]) * 1024;
  } catch {
    // Not Linux.
  }
  if (peak === 0) peak = process.resourceUsage().maxRSS * 1024;
  try {
    fs.writeSync(3, JSON.stringify({ maxRss: peak }));
  } catch {
    // No descriptor 3: not started by the bench or a test.
  }
});
