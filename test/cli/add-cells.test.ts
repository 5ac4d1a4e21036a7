/** @jest-environment node */
/**
 * Add a timeline's cells in a planner's sheet part (src/cli/add-cells.ts): the planner's cells stay byte for byte, and
 * the part's extent hints (the sheet's `<dimension>`, the row's `spans`) take the new cells in.
 */
import { withTextCells } from "../../src/cli/add-cells";

const MONTHS = [
  { column: 1, text: "Jul 2025" },
  { column: 2, text: "Aug 2025" },
];

function sheet(dimension: string, data: string): string {
  return `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${dimension}<sheetData>${data}</sheetData></worksheet>`;
}

const cell = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

test("a row with cells: the months after them, the row's spans and the dimension widened, the planner's cell as it was", () => {
  const a1 = cell("A1", "Goal 1: Literacy");
  const out = withTextCells(sheet('<dimension ref="A1:A3"/>', `<row r="1" spans="1:1" ht="20">${a1}</row><row r="3" spans="1:1">${cell("A3", "Form a team")}</row>`), 0, MONTHS, 4);
  expect(out).toContain(`<dimension ref="A1:C3"/>`);
  expect(out).toContain(`<row r="1" spans="1:3" ht="20">${a1}<c r="B1" s="4" t="inlineStr">`);
  expect(out).toContain(`<row r="3" spans="1:1">`);
});

test("an empty row element, several span ranges, and a dimension of one cell", () => {
  const out = withTextCells(sheet('<dimension ref="A1"/>', `<row r="2" spans="1:1 5:6"/>`), 1, MONTHS, 4);
  expect(out).toContain(`<dimension ref="A1:C2"/>`);
  expect(out).toMatch(/<row r="2" spans="1:6"><c r="B2" s="4" t="inlineStr"><is><t>Jul 2025<\/t><\/is><\/c><c r="C2" [^>]*><is><t>Aug 2025<\/t><\/is><\/c><\/row>/);
});

test("a row of its own where the sheet has none; a part without a dimension or spans keeps none", () => {
  const out = withTextCells(sheet("", `<row r="3">${cell("A3", "Form a team")}</row>`), 0, MONTHS, 4);
  expect(out).not.toContain("dimension");
  expect(out).not.toContain("spans");
  expect(out.indexOf('<row r="1">')).toBeLessThan(out.indexOf('<row r="3">'));
  expect(withTextCells(sheet('<dimension ref="B2:D4"/>', ""), 0, MONTHS, 4)).toContain(`<dimension ref="B1:D4"/>`);
});

test("a row whose spans list more ranges than a call takes arguments (a hostile part) is widened all the same", () => {
  const ranges = Array.from({ length: 300_000 }, (_, i) => `${i + 4}:${i + 4}`).join(" ");
  const out = withTextCells(sheet('<dimension ref="A1"/>', `<row r="1" spans="${ranges}">${cell("A1", "Goal 1")}</row>`), 0, MONTHS, 4);
  expect(out).toContain('<row r="1" spans="2:300003">');
});
