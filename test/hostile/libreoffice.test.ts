/** @jest-environment node */
/**
 * A refreshed copy opens in a spreadsheet program that did not write it: LibreOffice Calc (Debian's
 * libreoffice-calc, headless) opens every `refresh --out` copy of the samples and saves it again, and what it saved
 * holds the planner's cells as they were and the add-in's two sheets with their figures. Excel itself is not
 * available on this machine; LibreOffice is the nearest independent reader. The test runs where LibreOffice is
 * installed (.ci/run installs it) and says so, skipped, where it is not.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { run } from "../../src/cli/main";
import { readXlsx } from "../../src/cli/read-xlsx";
import { ZipPackage } from "../../src/cli/read-zip";
import { partText, workbookSheets } from "../../src/cli/workbook-parts";
import type { CellValue, Grid } from "../../src/core/grid";
import { PLAN_SHEET, SUMMARY_SHEET } from "../../src/core/writes";
import { captureIo } from "../support/read-back";

const SAMPLES = join(__dirname, "..", "..", "assets", "samples");

function findLibreOffice(): string | null {
  for (const name of ["soffice", "libreoffice"]) {
    const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
    if (found.status === 0 && found.stdout.trim() !== "") return found.stdout.trim();
  }
  return null;
}

const soffice = findLibreOffice();
if (soffice === null) {
  console.warn("LibreOffice is not installed: the test that opens refreshed copies in it is skipped (apt-get install libreoffice-calc; .ci/run installs it).");
}

/** The cells with values of a grid, by their address in the sheet (an empty text is no value: LibreOffice keeps none). */
function cellsOf(grid: Grid): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  grid.values.forEach((row, r) => row.forEach((v, c) => v !== null && v !== "" && out.set(`${grid.top + r},${grid.left + c}`, typeof v === "number" ? Number(v.toPrecision(12)) : v)));
  return out;
}

(soffice ? test : test.skip)(
  "LibreOffice opens every refreshed copy of the samples and saves it again, the planner's cells and the add-in's sheets whole",
  async () => {
    const dir = mkdtempSync(join(tmpdir(), "mm-libreoffice-"));
    try {
      const copies: string[] = [];
      for (const name of readdirSync(SAMPLES).sort()) {
        const out = join(dir, `refreshed-${name}`);
        expect(await run(["refresh", join(SAMPLES, name), "--out", out, "--as-of", "2024-01-15"], captureIo())).toBe(0);
        copies.push(out);
      }
      // A profile of its own: another LibreOffice running on the machine does not take the files over.
      const saved = join(dir, "saved");
      execFileSync(soffice!, [`-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", saved, ...copies], {
        stdio: "ignore",
        timeout: 170_000,
      });
      for (const copy of copies) {
        const ours = readXlsx(readFileSync(copy))!;
        const theirs = readXlsx(readFileSync(join(saved, basename(copy))))!;
        expect(theirs.map((g) => g.sheet)).toEqual(ours.map((g) => g.sheet));
        expect(theirs.map((g) => g.sheet)).toEqual(expect.arrayContaining([SUMMARY_SHEET, PLAN_SHEET]));
        for (const [i, grid] of ours.entries()) expect([grid.sheet, cellsOf(theirs[i]!)]).toEqual([grid.sheet, cellsOf(grid)]);
        // It kept the flags: the add-in's conditional formats, by their formula, on the sheets that have them.
        const flagged = (xlsx: Buffer): string[] => {
          const zip = ZipPackage.open(xlsx)!;
          return workbookSheets(zip).filter((s) => (partText(zip, s.part) ?? "").includes("milestone-monitor:")).map((s) => s.name);
        };
        expect(flagged(readFileSync(join(saved, basename(copy))))).toEqual(flagged(readFileSync(copy)));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  180_000,
);
