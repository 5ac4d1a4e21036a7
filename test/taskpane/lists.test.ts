/**
 * The task pane's lists in a planner's words: an activity's months said with the year once for a run in the same
 * year, one item per activity in the plan's order, an activity's text inside a sentence without its full stop.
 */
import { analyzeSheet } from "../../src/core/analyze";
import { syntheticGrid } from "../../scripts/bench/synthetic";
import { groupsBy, marksByActivity, periodList, runsBy, shortLabel } from "../../src/taskpane/lists";

test.each([
  [["Jul 2023", "Aug 2023", "Sep 2023"], "Jul, Aug, Sep 2023"],
  [["Nov 2023", "Dec 2023", "Jan 2024"], "Nov, Dec 2023, Jan 2024"],
  [["Q1 2025-26", "Q2 2025-26"], "Q1, Q2 2025-26"],
  [["2023-24", "2024-25"], "2023-24, 2024-25"],
  [["Oct 2023"], "Oct 2023"],
])("periodList(%j) is %j", (periods, said) => {
  expect(periodList(periods)).toBe(said);
});

test("shortLabel keeps the first line, without its closing full stop", () => {
  expect(shortLabel("Hold monthly PLC meetings.\nAgendas on the shared drive")).toBe("Hold monthly PLC meetings");
  expect(shortLabel("Survey staff on PL needs ")).toBe("Survey staff on PL needs");
});

test("groupsBy gathers every item of a key wherever it stands, keys in the order they first appear (Findings: one group a rule)", () => {
  const findings = [
    { rule: "sequence", cell: "A9" },
    { rule: "missing-owner", cell: "B4" },
    { rule: "sequence", cell: "A3" },
  ];
  expect(groupsBy(findings, (f) => f.rule).map((g) => [g.key, g.items.map((f) => f.cell)])).toEqual([
    ["sequence", ["A9", "A3"]],
    ["missing-owner", ["B4"]],
  ]);
});

test("runsBy groups neighbours only, in order", () => {
  expect(runsBy(["a", "a", "b", "a"], (x) => x).map((r) => [r.key, r.items.length])).toEqual([["a", 2], ["b", 1], ["a", 1]]);
});

test("marksByActivity: one item per activity with every overdue month, in the plan's order, first month's cell", () => {
  const report = analyzeSheet(syntheticGrid(200, 12), { asOf: "2024-01-15" });
  const overdue = report.summary.overdue;
  const items = marksByActivity(overdue, report.plan);
  expect(new Set(items.map((i) => i.activityId)).size).toBe(items.length);
  expect(items.reduce((n, i) => n + i.periods.length, 0)).toBe(overdue.length);
  const order = items.map((i) => report.plan.activities.findIndex((a) => a.id === i.activityId));
  expect(order).toEqual([...order].sort((x, y) => x - y));
  const several = items.find((i) => i.periods.length >= 2)!;
  const marks = overdue.filter((m) => m.activityId === several.activityId).sort((x, y) => (x.start < y.start ? -1 : 1));
  expect(several.periods).toEqual(marks.map((m) => m.period));
  expect(several.cell).toBe(marks[0]!.cell);
  expect(several.goal).toMatch(/^Goal \d+: /);
});
