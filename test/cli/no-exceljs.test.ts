/** @jest-environment node */
/**
 * The command line never loads exceljs: it reads workbooks itself, and refresh writes its copy from the workbook's
 * own package (src/cli/write-copy.ts). Setting exceljs up took a quarter of a second before any work began. The
 * module is counted as it loads.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run, type Io } from "../../src/cli/main";

// Counted on globalThis: the factory may run while this file's imports load, before its own variables exist.
const counter = globalThis as { exceljsLoads?: number };
jest.mock("exceljs", () => {
  (globalThis as { exceljsLoads?: number }).exceljsLoads = ((globalThis as { exceljsLoads?: number }).exceljsLoads ?? 0) + 1;
  return jest.requireActual<typeof import("exceljs")>("exceljs");
});
const loads = (): number => counter.exceljsLoads ?? 0;

const SAMPLE = join(__dirname, "..", "..", "assets", "samples", "district-plan.xlsx");
const quiet: Io = { stdout: () => undefined, stderr: () => undefined, today: () => "2025-11-15" };

test("plan, status, validate and refresh never load exceljs", async () => {
  for (const args of [["plan"], ["status"], ["status", "--json"], ["validate"]]) {
    expect(await run([...args, SAMPLE, "--as-of", "2025-11-15"], quiet)).toBeLessThan(2);
  }
  expect(loads()).toBe(0);
  const dir = mkdtempSync(join(tmpdir(), "mm-lazy-"));
  try {
    expect(await run(["refresh", SAMPLE, "--out", join(dir, "copy.xlsx"), "--as-of", "2025-11-15"], quiet)).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  expect(loads()).toBe(0);
});
