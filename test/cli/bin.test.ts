/** @jest-environment node */
import { spawnSync } from "node:child_process";
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
