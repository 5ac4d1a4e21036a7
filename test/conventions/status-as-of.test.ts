/** @jest-environment node */
/**
 * docs/product.md, "Status as of a date": each scheduled mark is done / cancelled by its mark or row status;
 * overdue when its period ended before the as-of date (a month ends on its last day, a school year the day
 * before the next one starts, a quarter on its last month's last day); current when its period contains the
 * date; upcoming when it starts after it, "due soon" within the next 30 days.
 */
import { analyzeSheet, type Grid, type MarkStatus, type SheetReport } from "../../src/core";
import { activity, gridOf, roundTrip, statuses } from "../support/read-back";
import { MONTHS_JUL_JUN, timelineRow } from "../support/district";
import { removeTempFiles, type CellInput } from "../support/workbook-builder";

afterAll(removeTempFiles);

const SHEET = "Monitoring";
const M = MONTHS_JUL_JUN;
const YEARS = ["2023-24", "2024-25", "2025-26"];
const Q = ["Q1", "Q2", "Q3", "Q4"];

/** A monitoring workbook: a month block, a school-year block and a quarter block under a merged year row. */
function monitoringRows(): CellInput[][] {
  return [
    ["By 2026, every school will run PLCs with fidelity."],
    [],
    ["Strategic Planning 2023-2024"],
    ["Activities and Milestones", "Person(s) Responsible", "Status", ...M],
    timelineRow(["Implement the PLC model for CSI schools.", "Principals", null], M, { January: "X" }),
    timelineRow(["Train PLC leads on the data protocol.", "PLC Coaches", null], M, { February: "X" }),
    timelineRow(["Host spring data days with grade-level teams.", "Data Coach", null], M, { March: "X" }),
    timelineRow(["Launch the culturally responsive teaching book study.", "Equity Coordinator", null], M, { September: "\u2713", October: "X" }),
    timelineRow(["Pilot the structured literacy modules with K-3 teachers.", "Literacy Coach", null], M, { November: "cancelled", December: "X" }),
    timelineRow(["Research the allocation of professional learning time.", "Research Office", "Complete"], M, { August: "X", September: "X" }),
    timelineRow(["Convene the professional learning advisory council.", "Superintendent", "Dropped"], M, { May: "X" }),
    timelineRow(["Refresh the onboarding course for substitute teachers.", "HR", null], M, { April: "in progress" }),
    [],
    ["Multi-Year Milestones"],
    ["Activities and Milestones", "Person(s) Responsible", "Status", ...YEARS],
    timelineRow(["Structures will be developed to provide professional learning within the workday.", "Cabinet", null], YEARS, { "2023-24": "X", "2024-25": "X" }),
    [],
    [null, null, null, "2023-24"],
    ["Activities and Milestones", "Person(s) Responsible", "Status", ...Q],
    timelineRow(["Review PLC self-assessments with building leaders.", "Asst. Superintendent", null], Q, { Q2: "X", Q4: "X" }),
  ];
}

let grid: Grid;

beforeAll(async () => {
  grid = gridOf(await roundTrip({ sheets: [{ name: SHEET, rows: monitoringRows(), merges: ["D18:G18"] }] }));
});

function on(asOf: string, settings?: { startMonth?: number; dueSoonDays?: number }): SheetReport {
  return analyzeSheet(grid, { asOf, ...(settings ? { settings } : {}) });
}

function statusOf(report: SheetReport, text: string, period: string): { status: MarkStatus; dueSoon: boolean } {
  const found = statuses(report, activity(report, text)).find((s) => s.period === period);
  if (!found) throw new Error(`no ${period} mark on "${text}": ${JSON.stringify(statuses(report, activity(report, text)))}`);
  return found;
}

describe("done and cancelled come from the mark or the row status, whatever the date", () => {
  test.each(["2023-07-01", "2024-01-15", "2027-01-01"])("as of %s", (asOf) => {
    const report = on(asOf);
    expect(statusOf(report, "Launch the culturally", "Sep 2023").status).toBe("done");
    expect(statusOf(report, "Pilot the structured", "Nov 2023").status).toBe("cancelled");
    expect(statusOf(report, "Research the allocation", "Aug 2023").status).toBe("done");
    expect(statusOf(report, "Convene the professional", "May 2024").status).toBe("cancelled");
  });
});

describe("a month ends on its last day", () => {
  test.each([
    ["2024-01-31", "current"],
    ["2024-02-01", "overdue"],
  ])("a January 2024 mark as of %s is %s", (asOf, expected) => {
    expect(statusOf(on(asOf), "Implement the PLC", "Jan 2024").status).toBe(expected);
  });

  test.each([
    ["2024-02-29", "current"],
    ["2024-03-01", "overdue"],
  ])("a February 2024 mark (a leap year) as of %s is %s", (asOf, expected) => {
    expect(statusOf(on(asOf), "Train PLC leads", "Feb 2024").status).toBe(expected);
  });

  test("an in-progress mark whose month has ended is overdue", () => {
    expect(statusOf(on("2024-05-01"), "Refresh the onboarding", "Apr 2024").status).toBe("overdue");
    expect(statusOf(on("2024-04-30"), "Refresh the onboarding", "Apr 2024").status).toBe("current");
  });
});

describe("a school year ends the day before the next one starts", () => {
  test.each([
    ["2024-06-30", "current"],
    ["2024-07-01", "overdue"],
  ])("a 2023-24 mark as of %s is %s (school year from July)", (asOf, expected) => {
    expect(statusOf(on(asOf), "Structures will be developed", "2023-24").status).toBe(expected);
  });

  test.each([
    ["2024-07-31", "current"],
    ["2024-08-01", "overdue"],
  ])("a 2023-24 mark as of %s is %s when the school year starts in August", (asOf, expected) => {
    expect(statusOf(on(asOf, { startMonth: 8 }), "Structures will be developed", "2023-24").status).toBe(expected);
  });
});

describe("a quarter ends on its last month's last day", () => {
  test.each([
    ["2023-10-01", "current"],
    ["2023-12-31", "current"],
    ["2024-01-01", "overdue"],
  ])("a Q2 2023-24 mark (October-December) as of %s is %s", (asOf, expected) => {
    expect(statusOf(on(asOf), "Review PLC self-assessments", "Q2 2023-24").status).toBe(expected);
  });

  test("Q4 2023-24 runs April to June", () => {
    expect(statusOf(on("2024-03-31"), "Review PLC self-assessments", "Q4 2023-24").status).toBe("upcoming");
    expect(statusOf(on("2024-06-30"), "Review PLC self-assessments", "Q4 2023-24").status).toBe("current");
    expect(statusOf(on("2024-07-01"), "Review PLC self-assessments", "Q4 2023-24").status).toBe("overdue");
  });
});

describe("current, upcoming and due soon", () => {
  test("a mark whose period contains the date is current; one that starts later is upcoming", () => {
    const report = on("2024-01-15");
    expect(statusOf(report, "Implement the PLC", "Jan 2024").status).toBe("current");
    expect(statusOf(report, "Structures will be developed", "2023-24").status).toBe("current");
    expect(statusOf(report, "Structures will be developed", "2024-25").status).toBe("upcoming");
    expect(statusOf(report, "Host spring data days", "Mar 2024").status).toBe("upcoming");
  });

  test("an upcoming mark starting within 30 days is due soon; later ones are not", () => {
    const report = on("2024-01-15");
    expect(statusOf(report, "Train PLC leads", "Feb 2024")).toMatchObject({ status: "upcoming", dueSoon: true });
    expect(statusOf(report, "Host spring data days", "Mar 2024")).toMatchObject({ status: "upcoming", dueSoon: false });
    expect(report.summary.dueSoon.map((m) => [m.activity, m.period, m.owner, m.cell])).toEqual([
      ["Train PLC leads on the data protocol.", "Feb 2024", "PLC Coaches", `'${SHEET}'!K6`],
    ]);
  });

  test("30 days is the edge: 1 March is due soon on 31 January, not on 30 January", () => {
    expect(statusOf(on("2024-01-31"), "Host spring data days", "Mar 2024").dueSoon).toBe(true);
    expect(statusOf(on("2024-01-30"), "Host spring data days", "Mar 2024").dueSoon).toBe(false);
  });

  test("the settings can widen the window", () => {
    expect(statusOf(on("2024-01-15", { dueSoonDays: 60 }), "Host spring data days", "Mar 2024").dueSoon).toBe(true);
  });

  test("the summary lists overdue marks with activity, period, owner and cell, by due date then in reading order", () => {
    const report = on("2024-01-15");
    expect(report.summary.overdue.map((m) => [m.activity.slice(0, 20), m.period, m.owner, m.cell])).toEqual([
      ["Launch the culturall", "Oct 2023", "Equity Coordinator", `'${SHEET}'!G8`],
      ["Pilot the structured", "Dec 2023", "Literacy Coach", `'${SHEET}'!I9`],
      ["Review PLC self-asse", "Q2 2023-24", "Asst. Superintendent", `'${SHEET}'!E20`],
    ]);
  });
});

describe("over time", () => {
  /** Days from 1 July 2023 to 31 August 2026, ten days apart, plus every period's last day and the day after. */
  const days = new Set<string>();
  for (let t = Date.UTC(2023, 6, 1); t <= Date.UTC(2026, 7, 31); t += 10 * 86_400_000) days.add(new Date(t).toISOString().slice(0, 10));
  let reports: SheetReport[] = [];
  beforeAll(() => {
    for (const m of on("2023-07-01").status.marks) {
      days.add(m.mark.end);
      days.add(new Date(Date.parse(m.mark.end) + 86_400_000).toISOString().slice(0, 10));
    }
    reports = [...days].sort().map((day) => on(day));
  });

  test("a later as-of date never turns an overdue mark into anything else", () => {
    const overdueSince = new Map<string, string>();
    for (const report of reports) {
      const day = report.summary.asOf;
      for (const m of report.status.marks) {
        const key = m.mark.cell;
        if (overdueSince.has(key)) expect({ key, day, status: m.status }).toEqual({ key, day, status: "overdue" });
        if (m.status === "overdue") overdueSince.set(key, overdueSince.get(key) ?? day);
      }
    }
    // Every planned mark became overdue once its period had ended.
    const planned = reports[0]!.status.marks.filter((m) => m.mark.state === "planned" || m.mark.state === "in-progress");
    expect(planned.every((m) => overdueSince.has(m.mark.cell))).toBe(true);
  });

  test("totals add up on every day: done + overdue + current + upcoming + cancelled = scheduled", () => {
    for (const report of reports) {
      const t = report.summary.totals;
      const day = report.summary.asOf;
      expect({ day, sum: t.done + t.overdue + t.current + t.upcoming + t.cancelled }).toEqual({ day, sum: t.scheduled });
    }
    expect(on("2024-01-15").summary.totals).toMatchObject({ activities: 10, scheduled: 15, done: 3, cancelled: 2 });
  });
});
