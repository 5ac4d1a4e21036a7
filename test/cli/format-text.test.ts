/** @jest-environment node */
/** The command line's plain-text tables. */
import { table } from "../../src/cli/format-text";

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
