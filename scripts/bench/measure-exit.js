// Preloaded into a process the bench or a test starts (`node --require`: scripts/bench/processes.ts,
// test/support/cli-process.ts). When the process ends, it writes to file descriptor 3, which the one that started it
// reads: its peak memory (resident set, bytes), its CPU time (user and system, every thread: the compilers and the
// garbage collector's helpers too) and, when asked, the time garbage collection paused it, scavenges (the young
// generation) and the rest apart. On Linux the peak is the process's own (VmHWM): getrusage's maxrss also counts the
// process it was forked from (a test runner of 200 MB), before it became Node.
"use strict";
// Every collection's cost, read when the process ends, when the one that started it asks (MEASURE_GC=1: the bench;
// the tests' memory bounds are measured without it, as its records take memory of their own).
const collections = process.env.MEASURE_GC === "1" ? new (require("node:v8").GCProfiler)() : null;
collections?.start();

process.on("exit", () => {
  const fs = require("node:fs");
  const gc = { scavengeMs: 0, otherMs: 0 };
  for (const c of collections?.stop()?.statistics ?? []) {
    if (c.gcType === "Scavenge") gc.scavengeMs += c.cost / 1000;
    else gc.otherMs += c.cost / 1000;
  }
  let peak = 0;
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"));
    if (hwm) peak = Number(hwm[1]) * 1024;
  } catch {
    // Not Linux.
  }
  if (peak === 0) peak = process.resourceUsage().maxRSS * 1024;
  const cpu = process.cpuUsage();
  try {
    fs.writeSync(3, JSON.stringify({ maxRss: peak, cpuMs: (cpu.user + cpu.system) / 1000, scavengeMs: gc.scavengeMs, otherGcMs: gc.otherMs }));
  } catch {
    // No descriptor 3: not started by the bench or a test.
  }
});
