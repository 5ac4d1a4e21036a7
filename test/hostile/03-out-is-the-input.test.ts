/** @jest-environment node */
/**
 * Issue 17, item 3: refresh never changes its input. --out is compared to the input by file identity (device and
 * inode), not by path text: a symbolic link, a hard link or another spelling of the input's path is refused in one
 * line, and the input keeps every byte. (A file system that ignores case names the same file in another case: the
 * same inode, refused the same way; this machine's file system does not ignore case.)
 */
import { linkSync, mkdirSync, readdirSync, symlinkSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { runCli, errorLines } from "../support/cli-process";
import { bytesOf, planWorkbook, saved } from "../support/hostile";
import { removeTempFiles, tempPath } from "../support/workbook-builder";

afterAll(removeTempFiles);

test.each([
  ["a symbolic link to the input", (input: string, dir: string) => (symlinkSync(input, join(dir, "link.xlsx")), join(dir, "link.xlsx"))],
  ["a hard link to the input", (input: string, dir: string) => (linkSync(input, join(dir, "hard.xlsx")), join(dir, "hard.xlsx"))],
  ["the input's path spelled another way", (input: string, dir: string) => join(dir, "sub", "..", basename(input))],
])("--out as %s: one line, exit 2, the input unchanged", async (_, make) => {
  const input = await saved(await planWorkbook(), "plan.xlsx");
  const dir = dirname(input);
  mkdirSync(join(dir, "sub"), { recursive: true });
  const before = bytesOf(input);
  const files = readdirSync(dir).sort();
  const out = make(input, dir);
  const run = runCli(["refresh", input, "--out", out, "--as-of", "2024-01-15"]);
  expect(run.status).toBe(2);
  expect(errorLines(run)).toEqual(["milestone-monitor: --out is the input file (the same file by another name or link): refresh never changes the input"]);
  expect(bytesOf(input).equals(before)).toBe(true);
  // Nothing left behind: no copy, no temporary file.
  expect(readdirSync(dir).filter((f) => !files.includes(f) && f !== basename(out)).sort()).toEqual([]);
  expect(run.peakMb).toBeLessThan(200);
});

test("--out a new file beside the input is written; the input unchanged", async () => {
  const input = await saved(await planWorkbook(), "plan.xlsx");
  const before = bytesOf(input);
  const out = tempPath("copy.xlsx");
  const run = runCli(["refresh", input, "--out", out, "--as-of", "2024-01-15"]);
  expect(run.status).toBe(0);
  expect(bytesOf(input).equals(before)).toBe(true);
  expect(bytesOf(out).length).toBeGreaterThan(0);
});
