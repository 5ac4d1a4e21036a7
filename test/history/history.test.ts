/** @jest-environment node */
import {
  analyzeSheet,
  assignKeys,
  BUDGET,
  CHUNK,
  changesBetween,
  changesSince,
  currentSnapshot,
  EMPTY_HISTORY,
  HISTORY_FIRST_ROW,
  HISTORY_NOTICE_ROW,
  historyRows,
  MONTHLY,
  readHistory,
  RECENT,
  recordRefresh,
  reviewSnapshot,
  trendOf,
  type History,
  type Snapshot,
  type SheetReport,
} from "../../src/core";
import { changesInOracleTerms, expectedChanges, planGrid, REFRESHES, SHEET, yearOfPlans, type PlanModel } from "../support/school-year";

const at = (asOf: string): { at: string; day: string } => ({ at: `${asOf}T16:00:00.000Z`, day: asOf });

function analyze(plan: PlanModel, asOf: string): SheetReport {
  return analyzeSheet({ sheet: SHEET, top: 0, left: 0, values: planGrid(plan) }, { asOf });
}

/** The year refreshed month by month: the history after each refresh, and each refresh's snapshot. */
function refreshYear(): { plans: PlanModel[]; snapshots: Snapshot[]; histories: History[] } {
  const plans = yearOfPlans();
  let history: History = EMPTY_HISTORY;
  const snapshots: Snapshot[] = [];
  const histories: History[] = [];
  REFRESHES.forEach((r, i) => {
    const snapshot = currentSnapshot(history, analyze(plans[i]!, r.asOf), at(r.asOf));
    history = { snapshots: recordRefresh(history, snapshot), findings: [] };
    snapshots.push(snapshot);
    histories.push(history);
  });
  return { plans, snapshots, histories };
}

describe("a plan refreshed monthly over a school year, edited between refreshes", () => {
  const year = refreshYear();

  it("reports every change since the last review exactly, at every refresh", () => {
    for (let i = 1; i < REFRESHES.length; i++) {
      const changes = changesBetween(year.snapshots[i - 1]!, year.snapshots[i]!);
      const expected = expectedChanges(year.plans[i - 1]!, REFRESHES[i - 1]!.asOf, year.plans[i]!, REFRESHES[i]!.asOf);
      expect({ refresh: REFRESHES[i]!.asOf, ...changesInOracleTerms(changes) }).toEqual({ refresh: REFRESHES[i]!.asOf, ...expected });
    }
  });

  it("reports every change since a review picked by date exactly (since the October meeting)", () => {
    const october = REFRESHES.findIndex((r) => r.asOf.startsWith("2025-10"));
    for (let i = october + 1; i < REFRESHES.length; i++) {
      const history = year.histories[i - 1]!;
      const report = analyze(year.plans[i]!, REFRESHES[i]!.asOf);
      const changes = changesSince(history, report, at(REFRESHES[i]!.asOf), "2025-10-20")!;
      expect(changes.since.asOf).toBe(REFRESHES[october]!.asOf);
      const expected = expectedChanges(year.plans[october]!, REFRESHES[october]!.asOf, year.plans[i]!, REFRESHES[i]!.asOf);
      expect(changesInOracleTerms(changes)).toEqual(expected);
    }
  });

  it("says nothing was added or removed when a row is inserted above, a row is moved or an activity reworded slightly", () => {
    const changes = (asOf: string) => {
      const i = REFRESHES.findIndex((r) => r.asOf === asOf);
      return changesBetween(year.snapshots[i - 1]!, year.snapshots[i]!);
    };
    const inserted = changes("2025-10-14");
    expect(inserted.added.map((a) => a.activity)).toEqual(["Assign an instructional coach to each CSI school"]);
    expect(inserted.removed).toEqual([]);
    // Every other row moved down one: the same activities, at their new cells.
    expect(inserted.rescheduled).toEqual([]);
    const reworded = changes("2025-11-11");
    expect([reworded.added, reworded.removed]).toEqual([[], []]);
    const moved = changes("2026-02-10");
    expect([moved.added, moved.removed, moved.rescheduled, moved.statusChanged]).toEqual([[], [], [], []]);
    // Each item goes to its cell as it is now.
    const report = analyze(year.plans[2]!, "2025-10-14");
    const coach = report.plan.activities.find((a) => a.text.startsWith("Assign"))!;
    expect(inserted.added[0]!.cell).toBe(coach.cell);
  });

  it("draws the trend over the refreshes: one point each, done rising as marks are ticked", () => {
    const trend = trendOf(year.histories[year.histories.length - 1]!.snapshots, SHEET);
    expect(trend.map((p) => p.asOf)).toEqual(REFRESHES.map((r) => r.asOf));
    for (let i = 1; i < trend.length; i++) expect(trend[i]!.done).toBeGreaterThanOrEqual(trend[i - 1]!.done);
    expect(trend[trend.length - 1]!.percentDone).toBe(Math.round((100 * trend[trend.length - 1]!.done) / trend[trend.length - 1]!.scheduled));
  });
});

describe("the history in the store sheet", () => {
  const plan = yearOfPlans()[3]!;

  it("keeps one snapshot when refreshed twice on the same day as of the same day, the same one", () => {
    const report = analyze(plan, "2025-11-11");
    const once = recordRefresh(EMPTY_HISTORY, currentSnapshot(EMPTY_HISTORY, report, at("2025-11-11")));
    const history = { snapshots: once, findings: [] };
    const twice = recordRefresh(history, currentSnapshot(history, report, at("2025-11-11")));
    expect(twice).toEqual(once);
    // Another day, or another as-of day, is another refresh.
    expect(recordRefresh(history, currentSnapshot(history, report, { at: "2025-11-12T08:00:00.000Z", day: "2025-11-12" }))).toHaveLength(2);
  });

  it("stays under its bound after 200 refreshes: the 24 latest, one a month before them, the characters within the budget", () => {
    let history: History = EMPTY_HISTORY;
    const start = Date.UTC(2025, 7, 1);
    const days: string[] = [];
    for (let n = 0; n < 200; n++) {
      const day = new Date(start + n * 3 * 86_400_000).toISOString().slice(0, 10);
      days.push(day);
      const snapshot = currentSnapshot(history, analyze(plan, day), at(day));
      const kept = recordRefresh(history, snapshot);
      expect(kept.length).toBeLessThanOrEqual(RECENT + MONTHLY);
      if (n % 10 === 9 || n === 199) {
        // What a host does: write the rows, read them back at the next refresh.
        const rows = historyRows(kept);
        expect(rows.reduce((sum, r) => sum + r[1]!.length, 0)).toBeLessThanOrEqual(BUDGET);
        history = readHistory(rows, HISTORY_NOTICE_ROW);
        expect(history.findings).toEqual([]);
      } else {
        history = { snapshots: kept, findings: [] };
      }
    }
    const kept = history.snapshots.map((s) => s.asOf);
    const older = days.slice(0, -RECENT);
    const months = [...new Set(older.map((d) => d.slice(0, 7)))];
    expect(kept.length).toBeLessThanOrEqual(RECENT + MONTHLY);
    expect(kept).toEqual([...months.map((m) => older.filter((d) => d.startsWith(m)).pop()!), ...days.slice(-RECENT)]);
    // The latest has its activities (what "changes" needs) whatever else had to give way.
    expect(history.snapshots[history.snapshots.length - 1]!.detail).toBeDefined();
  });

  it("keeps only totals for the oldest snapshots of a plan too large to keep them all, and says so in its changes", () => {
    // A plan of 600 activities: each snapshot is about 150,000 characters.
    const big: PlanModel = { goals: plan.goals, activities: [] };
    for (let n = 0; n < 60; n++) for (const a of plan.activities) big.activities.push({ ...a, id: `${a.id}${n}`, text: `${a.text} (school ${n + 1})`, marks: new Map(a.marks) });
    let history: History = EMPTY_HISTORY;
    for (const day of ["2025-09-09", "2025-10-14", "2025-11-11", "2025-12-09", "2026-01-13", "2026-02-10", "2026-03-10", "2026-04-14"]) {
      const snapshot = currentSnapshot(history, analyze(big, day), at(day));
      history = readHistory(historyRows(recordRefresh(history, snapshot)), HISTORY_NOTICE_ROW);
    }
    const detailed = history.snapshots.filter((s) => s.detail).length;
    expect(detailed).toBeGreaterThan(0);
    expect(detailed).toBeLessThan(history.snapshots.length);
    expect(history.snapshots).toHaveLength(8);
    const changes = changesSince(history, analyze(big, "2026-05-12"), at("2026-05-12"), "2025-09-30")!;
    expect(changes.complete).toBe(false);
    expect(changes.newlyOverdue).toEqual([]);
  });

  it("skips a snapshot someone edited or broke by hand, with a finding that names its row, and reads the others", () => {
    let history: History = EMPTY_HISTORY;
    for (const day of ["2025-10-14", "2025-11-11", "2025-12-09"]) {
      history = { snapshots: recordRefresh(history, currentSnapshot(history, analyze(plan, day), at(day))), findings: [] };
    }
    const rows = historyRows(history.snapshots);
    const broken = rows.map((r) => [...r]);
    // The second snapshot: a figure typed over with a word; the third: its JSON cut short.
    broken[2]![1] = broken[2]![1]!.replace(/"overdue":\d+/, '"overdue":"seven"');
    broken[3]![1] = broken[3]![1]!.slice(0, 200);
    const read = readHistory(broken, HISTORY_NOTICE_ROW);
    expect(read.snapshots.map((s) => s.asOf)).toEqual(["2025-10-14"]);
    expect(read.findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([
      ["history-unreadable", "warning", "'Milestone Monitor Data'!B23"],
      ["history-unreadable", "warning", "'Milestone Monitor Data'!B24"],
    ]);
    expect(read.findings[0]!.message).toMatch(/row 23 .*cannot be read.*next refresh removes it/);
    // Anything at all in the cells: never an exception.
    for (const junk of [[[null, null]], [["snapshot", 42]], [["snapshot (continued)", "x"]], [["snapshot", "{}"]], [["snapshot", '{"version":9}']]] as unknown[][][]) {
      expect(() => readHistory(junk, HISTORY_FIRST_ROW)).not.toThrow();
    }
    expect(readHistory([["snapshot", '{"version":9}']], HISTORY_FIRST_ROW).findings[0]!.message).toMatch(/newer version/);
  });

  it("starts the rows with a notice below the settings, one snapshot a row unless it is longer than a cell holds", () => {
    const report = analyze(plan, "2025-11-11");
    const snapshot = currentSnapshot(EMPTY_HISTORY, report, at("2025-11-11"));
    const rows = historyRows([snapshot]);
    expect(rows[0]![0]).toMatch(/^Monitoring history/);
    expect(rows.slice(1).map((r) => r[0])).toEqual(["snapshot"]);
    const long = { ...snapshot, sheet: "\u{1F4C5}".repeat(CHUNK) };
    const split = historyRows([long]);
    expect(split.length).toBeGreaterThan(2);
    // Never between the halves of a character outside the Basic Multilingual Plane.
    for (const [, text] of split) expect(/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(text!)).toBe(false);
    expect(readHistory(split, HISTORY_NOTICE_ROW).snapshots[0]).toEqual(long);
  });

  it("compares with the last review before the day by default, and with none when the history holds none", () => {
    const history: History = { snapshots: [], findings: [] };
    for (const day of ["2025-10-14", "2025-11-11"]) history.snapshots = recordRefresh(history, currentSnapshot(history, analyze(plan, day), at(day)));
    expect(reviewSnapshot(history, SHEET, "2025-11-11")!.asOf).toBe("2025-10-14");
    expect(reviewSnapshot(history, SHEET, "2025-11-12")!.asOf).toBe("2025-11-11");
    expect(reviewSnapshot(history, SHEET, "2025-10-14")).toBeNull();
    expect(reviewSnapshot(history, SHEET, "2026-01-01", "2025-10-31")!.asOf).toBe("2025-10-14");
    expect(reviewSnapshot(history, "Another sheet", "2026-01-01")).toBeNull();
  });
});

describe("recognising activities", () => {
  const texts = yearOfPlans()[0]!.activities.map((a) => a.text);
  const previous = texts.map((text, i) => ({ text, path: "Goal 1", key: `k${i}` }));

  it("keeps every key when the rows are shuffled and one word of each is changed, added or mistyped", () => {
    const edits = [
      (t: string) => t.replace(/\bthe\b/, "our"),
      (t: string) => `${t} this year`,
      (t: string) => t.replace(/([a-z])([a-z])([a-z]*)$/, "$2$1$3"),
      (t: string) => t.toUpperCase(),
    ];
    for (const edit of edits) {
      const order = texts.map((_, i) => i).reverse();
      const keys = assignKeys(order.map((i) => ({ text: edit(texts[i]!), path: "Goal 1" })), previous);
      expect(keys).toEqual(order.map((i) => `k${i}`));
    }
  });

  it("does not take one step of a piece of work for another (Develop / Implement), nor a different activity for a reworded one", () => {
    const before = [
      { text: "Develop a professional learning community (PLC) model for CSI schools", path: "", key: "develop" },
      { text: "Survey staff on professional learning needs", path: "", key: "survey" },
    ];
    const keys = assignKeys(
      [
        { text: "Implement a professional learning community (PLC) model for CSI schools", path: "" },
        { text: "Present the budget to the board", path: "" },
      ],
      before,
    );
    expect(keys).not.toContain("develop");
    expect(keys).not.toContain("survey");
    expect(new Set(keys).size).toBe(2);
  });

  it("gives an activity removed and later put back with the same words its key again, and never a removed one's key to another", () => {
    const first = assignKeys([{ text: "Host a family night", path: "" }], []);
    const later = assignKeys([{ text: "Host a family night", path: "" }], [{ text: "Publish the newsletter", path: "", key: "news" }]);
    expect(later).toEqual(first);
    const clash = assignKeys([{ text: "Publish the newsletter", path: "" }], [{ text: "Translate the newsletter into Spanish and Somali", path: "", key: first[0]! }]);
    expect(clash[0]).not.toBe(first[0]);
  });

  it("compares each unmatched activity with a bounded number of others, whatever the text (10,000 rows all alike)", () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ text: `Review the plan with the committee, step ${i}`, path: "" }));
    const prior = many.map((a, i) => ({ text: `${a.text} (old)`.replace("Review", "Revise"), path: "", key: `p${i}` }));
    const keys = assignKeys(many, prior);
    expect(new Set(keys).size).toBe(10_000);
  });
});
