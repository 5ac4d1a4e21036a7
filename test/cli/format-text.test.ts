/** @jest-environment node */
/** The command line's plain-text tables (and, for counts in words, the summary sheet both hosts write). */
import { findingsText, planText, statusText, table } from "../../src/cli/format-text";
import { analyzeSheet } from "../../src/core/analyze";
import { describeSummarySheet } from "../../src/core/writes";

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

  test("a cell of the sheet is named on its own, a cell of another sheet in full (a quote in a sheet's name included)", () => {
    const text = findingsText(
      [
        { rule: "missing-owner", severity: "warning", message: "No owner.", cell: "'Ann''s Plan'!B5" },
        { rule: "statement-without-activity", severity: "warning", message: "No activity.", cell: "'Theory of Action'!A7" },
        { rule: "missing-owner", severity: "warning", message: "No owner.", cell: "'Ann''s Plan 2'!B9" },
      ],
      "Ann's Plan",
    );
    const cells = text.split("\n").slice(2).map((line) => line.slice(10).split("  ")[0]);
    expect(cells).toEqual(["B5", "'Theory of Action'!A7", "'Ann''s Plan 2'!B9"]);
    expect(findingsText([{ rule: "missing-owner", severity: "warning", message: "No owner.", cell: "'Theory of Action'!A7" }])).toMatch(/^warning +A7 /m);
  });

  test("a long message wraps at word ends onto lines of at most 100 characters under the Message column", () => {
    const long = "x".repeat(120);
    const message = `The marks of "Develop the PLC model" run  over\ntwo lines ${"and more words ".repeat(12)}then ${long} ends it.`;
    const lines = findingsText([{ rule: "sequence", severity: "warning", message, cell: "'Plan'!A7" }], "Plan").split("\n");
    const column = lines[0]!.indexOf("Message");
    const wrapped = lines.slice(2).map((line, i) => (i === 0 ? line.slice(column) : line));
    // Continuation lines start under the column; every line holds whole words, at most 100 characters, but a longer word.
    for (const line of wrapped.slice(1)) expect(line.slice(0, column)).toBe(" ".repeat(column));
    const texts = wrapped.map((line, i) => (i === 0 ? line : line.slice(column)));
    for (const t of texts) expect(t.length <= 100 || t === long).toBe(true);
    expect(texts).toContain(long);
    // The words in order, spaces and the line break between them read as one space; each line as full as it can be.
    expect(texts.join(" ")).toBe(message.replace(/\s+/g, " "));
    texts.slice(0, -1).forEach((t, i) => expect(t.length + 1 + texts[i + 1]!.split(" ")[0]!.length).toBeGreaterThan(100));
    expect(lines[2]!.startsWith("warning   A7      sequence")).toBe(true);
  });
});


describe("counts in words", () => {
  // A plan of one activity with one mark, as a planner starting a plan writes it, and one of two.
  const plan = (rows: (string | null)[][]) => analyzeSheet({ sheet: "Plan", top: 0, left: 0, values: [["PL Plan 2023-24"], ["Action Step", "Owner", "Jul", "Aug", "Sep"], ...rows] }, { asOf: "2023-08-15" });

  test("one activity and one mark are said in the singular, in the plan's and the status's text", () => {
    const one = plan([["Develop the PLC model", "Director", "X", null, null]]);
    expect(planText(one)).toContain("\n1 activity, 1 scheduled mark.");
    expect(statusText(one)).toMatch(/^As of 2023-08-15: 1 activity, 1 scheduled mark: /);
    const two = plan([
      ["Develop the PLC model", "Director", "X", null, null],
      ["Implement the PLC model", "Principals", null, "X", "X"],
    ]);
    expect(planText(two)).toContain("\n2 activities, 3 scheduled marks.");
    expect(statusText(two)).toMatch(/^As of 2023-08-15: 2 activities, 3 scheduled marks: /);
  });

  test("one finding of a kind and a day of warning are said in the singular, in the status's text and on the summary sheet", () => {
    const rows = [
      ["Develop the PLC model", "Director", "X", null, null],
      ["Implement the PLC model", "Principals", null, null, null],
    ];
    const report = analyzeSheet({ sheet: "Plan", top: 0, left: 0, values: [["PL Plan 2023-24"], ["Action Step", "Owner", "Jul", "Aug", "Sep"], ...rows] }, { asOf: "2023-08-15", settings: { dueSoonDays: 1 } });
    expect(report.summary.findings).toEqual({ error: 0, warning: 1, info: 0 });
    const text = statusText(report);
    expect(text).toContain("\nFindings: 0 errors, 1 warning, 0 notes (run");
    expect(text).toContain("(0 due in the next 1 day)");
    expect(text).toContain("\nDue in the next 1 day (0)");
    expect(statusText(plan(rows))).toContain("(0 due in the next 30 days)");
    const labels = describeSummarySheet([report]).rows.flatMap((row) => row.map((c) => (c?.value.kind === "text" ? c.value.text : null)));
    expect(labels).toEqual(expect.arrayContaining(["Due in the next 1 day", "Due in the next 1 day (0)"]));
    expect(labels.filter((l) => l?.includes("1 days"))).toEqual([]);
  });

  test("a theory of action of one statement says \"1 statement\"", () => {
    const report = analyzeSheet(
      { sheet: "Plan", top: 0, left: 0, values: [["PL Plan 2023-24"], ["Action Step", "Owner", "Jul", "Aug", "Sep"], ["Develop the PLC model", "Director", "X", null, null], [], ["Theory of Action"], ["IF we build a PLC model, THEN teachers will plan lessons together."]] },
      { asOf: "2023-08-15" },
    );
    expect(report.plan.theory?.statements).toHaveLength(1);
    expect(planText(report)).toContain("Theory of action (1 statement)");
  });
});
