/** @jest-environment node */
/**
 * docs/product.md, "Row status": a status column overrides the marks of its row (Complete, Completed, Done,
 * Achieved, 100% -> done; Cancelled, Not Achieved, Dropped -> cancelled); other values (On Track, At Risk,
 * Off Track, Not Started, In Progress) are kept as the activity's reported status and checked against the marks.
 */
import type { SheetReport } from "../../src/core";
import { activity, analyzeRows, at, findingsOf, statuses } from "../support/read-back";
import { MONTHS_JUL_JUN, timelineRow } from "../support/district";
import { PL_ACTIVITIES } from "../support/activities";
import { removeTempFiles, styled, type CellInput } from "../support/workbook-builder";

afterAll(removeTempFiles);

const SHEET = "Action Plan";
const M = MONTHS_JUL_JUN;
/** September and October 2023 are past on 15 January 2024, March 2024 is ahead. */
const AS_OF = "2024-01-15";

const STATUSES: [CellInput, string, "done" | "cancelled" | null][] = [
  ["Complete", "Complete", "done"],
  ["Completed", "Completed", "done"],
  ["Done", "Done", "done"],
  ["Achieved", "Achieved", "done"],
  ["100%", "100%", "done"],
  [styled(1, { numFmt: "0%" }), "100%", "done"],
  ["Cancelled", "Cancelled", "cancelled"],
  ["Not Achieved", "Not Achieved", "cancelled"],
  ["Dropped", "Dropped", "cancelled"],
  ["On Track", "On Track", null],
  ["At Risk", "At Risk", null],
  ["Off Track", "Off Track", null],
  ["Not Started", "Not Started", null],
  ["In Progress", "In Progress", null],
];

let report: SheetReport;

beforeAll(async () => {
  const rows: CellInput[][] = [
    ["PL Action Plan 2023-24"],
    [],
    ["Action Step", "Person(s) Responsible", "Status", ...M],
    ...STATUSES.map(([status], i) =>
      timelineRow([PL_ACTIVITIES[i]!, "Director of PL", status], M, {
        September: i === 12 ? "\u2713" : "X",
        October: "X",
        March: "X",
      }),
    ),
  ];
  report = await analyzeRows(SHEET, rows, { asOf: AS_OF });
});

/** Each status's row, with a name for the test title. */
const CASES = STATUSES.map(([typed, text, override], i) => ({
  name: typeof typed === "string" ? text : `${text} (the number 1 formatted 0%)`,
  text,
  override,
  i,
}));

describe("a status column overrides the marks of its row", () => {
  test.each(CASES.filter((c) => c.override === "done"))("$name makes every mark done", ({ text, i }) => {
    const a = activity(report, PL_ACTIVITIES[i]!);
    expect(a.status).toBe(text);
    expect(a.schedule.map((m) => m.state)).toEqual(["done", "done", "done"]);
    expect(statuses(report, a).map((s) => s.status)).toEqual(["done", "done", "done"]);
  });

  test.each(CASES.filter((c) => c.override === "cancelled"))("$name makes every mark cancelled, never overdue", ({ text, i }) => {
    const a = activity(report, PL_ACTIVITIES[i]!);
    expect(a.status).toBe(text);
    expect(a.schedule.map((m) => m.state)).toEqual(["cancelled", "cancelled", "cancelled"]);
    expect(statuses(report, a).map((s) => s.status)).toEqual(["cancelled", "cancelled", "cancelled"]);
  });
});

describe("other statuses are kept as the reported status and checked against the marks", () => {
  test.each(CASES.filter((c) => c.override === null))("$name is kept; the marks keep their own meaning", ({ text, i }) => {
    const a = activity(report, PL_ACTIVITIES[i]!);
    expect(a.status).toBe(text);
    // Row 16 ("Not Started") has a done mark in September; the others are plain X's.
    const first = text === "Not Started" ? "done" : "planned";
    expect(a.schedule.map((m) => m.state)).toEqual([first, "planned", "planned"]);
    expect(statuses(report, a).map((s) => s.status)).toEqual([first === "done" ? "done" : "overdue", "overdue", "upcoming"]);
  });

  test('"On Track" with overdue marks is a contradiction, reported on the status cell', () => {
    const onTrack = findingsOf(report, "status-contradiction").filter((f) => f.message.includes('"On Track"'));
    expect(onTrack).toHaveLength(1);
    expect(onTrack[0]!.cell).toBe(at(SHEET, `C${4 + 9}`));
    expect(onTrack[0]!.message).toMatch(/overdue/);
  });

  test('"Not Started" with a done mark is a contradiction', () => {
    const notStarted = findingsOf(report, "status-contradiction").filter((f) => f.message.includes('"Not Started"'));
    expect(notStarted).toHaveLength(1);
    expect(notStarted[0]!.cell).toBe(at(SHEET, `C${4 + 12}`));
  });

  test("statuses that agree with the marks raise nothing", () => {
    const cells = findingsOf(report, "status-contradiction").map((f) => f.cell);
    expect(cells).toEqual([at(SHEET, "C13"), at(SHEET, "C16")]);
  });
});
