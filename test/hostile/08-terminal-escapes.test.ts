/** @jest-environment node */
/**
 * Issue 17, item 8: text from a sheet cannot drive the terminal. A label holding escape sequences (a colour, an OSC
 * title, a bell) is printed with its control characters as codes; sheet names in messages too. --json stays exact:
 * the document holds the label as typed.
 */
import { printable } from "../../src/cli/format-text";
import type { SheetDocument } from "../../src/core/contract";
import { runCli } from "../support/cli-process";
import { editPart, planWorkbook, saved, STRINGS_PART } from "../support/hostile";
import { removeTempFiles } from "../support/workbook-builder";

afterAll(removeTempFiles);

const AS_OF = ["--as-of", "2024-01-15"];
// eslint-disable-next-line no-control-regex -- it looks for the control characters a terminal would obey
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

test("control characters are shown as codes, line breaks kept", () => {
  expect(printable("a\u001b[31mred\u001b[0m\u0007\u009b2J\u202Eevil\nnext")).toBe("a\\x1B[31mred\\x1B[0m\\x07\\x9B2J\\u202Eevil\nnext");
});

test("a label with escape sequences: every command's text output shows them as codes; JSON holds them exactly", async () => {
  const label = "Review \u001b[31mwalkthrough\u001b[0m data \u001b]0;owned\u0007 with principals";
  const xlsx = editPart(
    editPart(await planWorkbook(), STRINGS_PART, (xml) => xml.replace("<t>Develop a PLC model for CSI schools</t>", "<t>Review _x001B_[31mwalkthrough_x001B_[0m data _x001B_]0;owned_x0007_ with principals</t>")),
    "xl/workbook.xml",
    (xml) => xml.replace('name="Notes"', 'name="Notes &#x1b;[2J"'),
  );
  const path = await saved(xlsx, "escapes.xlsx");
  for (const command of ["plan", "status", "validate"]) {
    const run = runCli([command, path, ...AS_OF]);
    expect([command, CONTROL.test(run.stdout), CONTROL.test(run.stderr)]).toEqual([command, false, false]);
  }
  const plan = runCli(["plan", path, ...AS_OF]);
  // Measured as printed: the label's column is cut to its width with the codes in it, and the columns line up.
  expect(plan.stdout).toContain("  Review \\x1B[31mwalkthrough\\x1B[0m data \\x1B]0;owned\\x07 w\u2026  Director of PL");
  expect(plan.stderr).toContain('sheet "Notes \\x1B[2J" skipped');
  const json = runCli(["status", path, "--json", ...AS_OF]);
  expect((JSON.parse(json.stdout) as SheetDocument).plan.activities[0]!.text).toBe(label);
  expect(json.stdout).toContain("\\u001b[31m");
});
