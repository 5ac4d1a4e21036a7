/** @jest-environment node */
/** The command line's plain-text tables. */
import { findingsText, table } from "../../src/cli/format-text";

describe("table", () => {
  test("pads columns to the widest cell, cut at the column's limit with an ellipsis", () => {
    const text = table(["Period", "Activity"], [["Jan 2024", "Develop the PLC model for CSI schools"], ["Feb 2024", "Train"]], [12, 20]);
    expect(text.split("\n")).toEqual([
      "Period    Activity",
      "--------  --------------------",
      "Jan 2024  Develop the PLC mod\u2026",
      "Feb 2024  Train",
    ]);
  });

  test("a list longer than a call takes arguments (250,000 overdue marks) still prints", () => {
    const rows = Array.from({ length: 250_000 }, (_, i) => [`Jan 2024`, `Activity ${i}`]);
    const text = table(["Period", "Activity"], rows, [12, 20]);
    expect(text.split("\n")).toHaveLength(250_002);
  });
});

describe("findingsText", () => {
  test("a finding a setting would resolve names the command line's flag; the JSON message stays as the engine wrote it", () => {
    const text = findingsText([
      { rule: "school-year-assumed", severity: "warning", message: "Nothing says which school year the timeline starting at C4 is.", cell: "'Plan'!C4", setting: "schoolYear" },
      { rule: "missing-owner", severity: "warning", message: "No owner.", cell: "'Plan'!B5" },
    ]);
    expect(text).toMatch(/Nothing says which school year[\s\S]*--school-year 2024-25/);
    expect(text.match(/--school-year/g)).toHaveLength(1);
  });
});
