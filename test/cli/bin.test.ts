/** @jest-environment node */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, openSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The installed command (`npx milestone-monitor`), run as a user runs it: built output, a real process. */
const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "milestone-monitor.js");

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the milestone-monitor command", () => {
  it("prints the status of the bundled MPS sample", () => {
    const r = cli("status", "assets/samples/mps-milestones.xlsx", "--as-of", "2024-01-15");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("18 activities, 57 scheduled marks: 0 done, 25 overdue, 5 current, 27 upcoming");
  });

  it("says in one line, without a stack trace, that a file is missing, and exits 2", () => {
    const r = cli("plan", "no-such-plan.xlsx");
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual(["milestone-monitor: no-such-plan.xlsx: no such file"]);
    expect(r.stdout).toBe("");
  });

  it("shows its help", () => {
    const r = cli("--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: milestone-monitor <command> FILE\.\.\./);
    // It names every kind of plan it reads, and --sheet's default is any sheet with one of them.
    expect(r.stdout).toMatch(/milestone grids[\s\S]*action-plan tables with timing\s+in words[\s\S]*outlines of goals, strategies and steps/);
    expect(r.stdout).toContain("(default: every sheet with a plan)");
  });
});

describe("the milestone-monitor command's output", () => {
  /** A plan with many findings: its text is larger than a pipe holds, so the command is still writing when the reader stops. */
  function manyFindings(): string {
    const months = ["Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun"];
    const lines = ["Plan 2024-25", ["Action Step", "Owner", ...months].join(",")];
    for (let s = 1; s <= 4000; s++) {
      // "monthly" with marks four months apart: one frequency-mismatch warning a row.
      lines.push([`Conduct monthly walkthroughs at Lincoln ${s} Elementary`, `Principal ${s}`, ...months.map((_, m) => ((m + s) % 4 === 0 ? "X" : ""))].join(","));
    }
    const dir = mkdtempSync(join(tmpdir(), "mm-pipe-"));
    const file = join(dir, "plan.csv");
    writeFileSync(file, lines.join("\n"));
    return file;
  }

  it("stops quietly when its reader stops early (`validate plan.csv | head`), with validate's own exit status", async () => {
    const file = manyFindings();
    const full = cli("validate", file, "--as-of", "2024-01-15");
    expect(full.status).toBe(0);
    expect(full.stdout.length).toBeGreaterThan(1_000_000);
    const child = spawn(process.execPath, [BIN, "validate", file, "--as-of", "2024-01-15"], { cwd: ROOT });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    // Like head: read the first chunk, then close the pipe.
    child.stdout.once("data", () => child.stdout.destroy());
    const status = await new Promise<number | null>((done) => child.on("close", (code) => done(code)));
    expect(stderr).toBe("");
    expect(status).toBe(0);
  });

  const fullDevice = existsSync("/dev/full") ? it : it.skip;
  fullDevice("says in one line that it cannot write its output (a full disk), and exits 2", () => {
    const r = spawnSync(process.execPath, [BIN, "validate", manyFindings(), "--as-of", "2024-01-15"], {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", openSync("/dev/full", "w"), "pipe"],
    });
    expect(r.stderr.trim().split("\n")).toEqual(["milestone-monitor: cannot write the output: ENOSPC: no space left on device, write"]);
    expect(r.status).toBe(2);
  });
});
