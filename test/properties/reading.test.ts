/** @jest-environment node */
/**
 * Properties of reading any grid, plan-like or not: it never throws; every cell the output names lies inside
 * the grid; the output is deterministic and leaves the input alone; the JSON document always matches the
 * contract; a later as-of date never turns an overdue mark into anything else; the totals add up.
 */
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import {
  analyzeSheet,
  cellAddress,
  checkSheet,
  compareCells,
  describePlanSheet,
  planCsv,
  parseCellAddress,
  readPlan,
  SheetDocumentSchema,
  sheetDocument,
  statusAsOf,
  type Grid,
  type MarkItem,
  type SheetReport,
} from "../../src/core";
import { anyGridArb } from "../support/grid-arbitraries";

/** Days from 1990 to 2040, as YYYY-MM-DD. */
const isoDay = fc.integer({ min: Date.UTC(1990, 0, 1) / 86_400_000, max: Date.UTC(2040, 11, 31) / 86_400_000 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));

const settingsArb = fc.record(
  {
    schoolYear: fc.option(fc.integer({ min: 2015, max: 2035 }), { nil: null }),
    startMonth: fc.integer({ min: 1, max: 12 }),
    dueSoonDays: fc.integer({ min: 1, max: 366 }),
  },
  { requiredKeys: [] },
);

const RUNS = { numRuns: 150 };

// ------------------------------------------------------------------ helpers

/** Every cell address a report names, with where it was found. */
function namedCells(report: SheetReport): [string, string][] {
  const out: [string, string][] = [];
  const { plan, findings, summary } = report;
  for (const b of plan.blocks) {
    out.push(["block.headerCell", b.headerCell]);
    if (b.titleCell) out.push(["block.titleCell", b.titleCell]);
    for (const p of b.periods) out.push(["period.cell", p.cell]);
  }
  for (const g of plan.goals) out.push(["goal.cell", g.cell]);
  for (const a of plan.activities) {
    out.push(["activity.cell", a.cell]);
    for (const m of a.schedule) {
      out.push(["mark.cell", m.cell]);
      for (const c of m.cells) out.push(["mark.cells", c]);
    }
  }
  for (const f of findings) {
    out.push([`finding ${f.rule}`, f.cell]);
    for (const e of f.fix?.edits ?? []) out.push([`fix of ${f.rule}`, e.cell]);
  }
  for (const m of [...summary.overdue, ...summary.dueSoon]) out.push(["summary item", m.cell]);
  return out;
}

function inside(grid: Grid, address: string): boolean {
  const p = parseCellAddress(address);
  if (!p || p.sheet !== grid.sheet) return false;
  const width = grid.values.reduce((w, r) => Math.max(w, r.length), 0);
  const height = grid.values.length;
  // An empty grid has no cells: its findings (no timeline) point at its top-left corner.
  if (width === 0 || height === 0) return p.row === grid.top && p.column === grid.left;
  return p.row >= grid.top && p.row < grid.top + height && p.column >= grid.left && p.column < grid.left + width;
}

// ------------------------------------------------------------------ properties

describe("reading any grid", () => {
  test("never throws, on plain, partly valid and degenerate grids, with any settings and day", () => {
    fc.assert(
      fc.property(anyGridArb, settingsArb, isoDay, (grid, settings, asOf) => {
        analyzeSheet(grid, { asOf, settings });
      }),
      RUNS,
    );
  });

  test("never throws on edge shapes: empty, ragged, all-merged, huge or inverted merges", () => {
    const edges: Grid[] = [
      { sheet: "Empty", top: 0, left: 0, values: [] },
      { sheet: "Empty rows", top: 3, left: 2, values: [[], [], []] },
      { sheet: "Ragged", top: 0, left: 0, values: [["Activities", "Jul", "Aug", "Sep"], ["Plan PD", "X"], [], [null, null, null, null, null, "X"]] },
      {
        sheet: "Merged",
        top: 0,
        left: 0,
        values: [["Activities", "Jul", "Aug", "Sep", "Oct"], ["Plan PD", "X", null, null, null]],
        merges: [
          { top: 0, left: 0, bottom: 1, right: 4 },
          { top: 1, left: 1, bottom: 1, right: 3 },
          { top: 5, left: 5, bottom: 2, right: 1 },
          { top: 0, left: 0, bottom: 100_000, right: 16_000 },
        ],
      },
    ];
    for (const grid of edges) expect(() => analyzeSheet(grid, { asOf: "2024-01-15" })).not.toThrow();
  });

  test("every cell the output names lies inside the grid", () => {
    fc.assert(
      fc.property(anyGridArb, isoDay, (grid, asOf) => {
        const report = analyzeSheet(grid, { asOf });
        for (const [what, address] of namedCells(report)) {
          if (!inside(grid, address)) throw new Error(`${what} names ${address}, outside the grid`);
        }
      }),
      RUNS,
    );
  });

  test("the same input gives the same JSON, and the input is left as it was", () => {
    fc.assert(
      fc.property(anyGridArb, settingsArb, isoDay, (grid, settings, asOf) => {
        // structuredClone keeps what JSON would lose (NaN, -Infinity, -0, holes).
        const copy = structuredClone(grid);
        const untouched = structuredClone(grid);
        const first = JSON.stringify(sheetDocument(analyzeSheet(grid, { asOf, settings })));
        const second = JSON.stringify(sheetDocument(analyzeSheet(copy, { asOf, settings })));
        expect(second).toBe(first);
        expect(isDeepStrictEqual(structuredClone(grid), untouched)).toBe(true);
      }),
      RUNS,
    );
  });

  test("checkSheet reads the same plan and findings as analyzeSheet, without the status and summary", () => {
    fc.assert(
      fc.property(anyGridArb, settingsArb, isoDay, (grid, settings, asOf) => {
        const check = checkSheet(grid, { asOf, settings });
        const report = analyzeSheet(grid, { asOf, settings });
        expect(Object.keys(check)).toEqual(["sheet", "plan", "findings"]);
        expect(check).toEqual({ sheet: report.sheet, plan: report.plan, findings: report.findings });
      }),
      RUNS,
    );
  });

  test("the JSON document always matches the contract's schema", () => {
    fc.assert(
      fc.property(anyGridArb, isoDay, (grid, asOf) => {
        const result = SheetDocumentSchema.safeParse(JSON.parse(JSON.stringify(sheetDocument(analyzeSheet(grid, { asOf })))));
        if (!result.success) throw new Error(result.error.message);
      }),
      RUNS,
    );
  });
});

describe("status over time", () => {
  test("for one plan, a later as-of date never turns an overdue mark into anything but overdue", () => {
    fc.assert(
      fc.property(anyGridArb, isoDay, isoDay, isoDay, (grid, today, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const { plan } = readPlan(grid, { today });
        const before = statusAsOf(plan, early).marks;
        const after = statusAsOf(plan, late).marks;
        before.forEach((m, i) => {
          if (m.status === "overdue") expect(after[i]!.status).toBe("overdue");
        });
      }),
      RUNS,
    );
  });

  test("through analyzeSheet: a mark (its cell and period) overdue on one day is overdue on every later day", () => {
    fc.assert(
      fc.property(anyGridArb, isoDay, isoDay, (grid, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const key = (m: { cell: string; start: string; end: string }): string => `${m.cell} ${m.start} ${m.end}`;
        const later = new Map(analyzeSheet(grid, { asOf: late }).status.marks.map((m) => [key(m.mark), m.status]));
        for (const m of analyzeSheet(grid, { asOf: early }).status.marks) {
          if (m.status !== "overdue") continue;
          const status = later.get(key(m.mark));
          // The same mark on the later day (an assumed school year can date the cell differently: another mark).
          if (status !== undefined) expect(status).toBe("overdue");
        }
      }),
      RUNS,
    );
  });

  test("totals add up: done + overdue + current + upcoming + cancelled = scheduled; per month (marks of one month), quarter or school year, and block too", () => {
    fc.assert(
      fc.property(anyGridArb, settingsArb, isoDay, (grid, settings, asOf) => {
        const report = analyzeSheet(grid, { asOf, settings });
        const t = report.summary.totals;
        expect(t.done + t.overdue + t.current + t.upcoming + t.cancelled).toBe(t.scheduled);
        expect(t.scheduled).toBe(report.plan.activities.reduce((n, a) => n + a.schedule.length, 0));
        expect(t.activities).toBe(report.plan.activities.length);
        expect(t.unscheduled).toBe(report.plan.activities.filter((a) => a.schedule.length === 0).length);
        expect(t.dueSoon).toBeLessThanOrEqual(t.upcoming);
        const sum = (xs: { scheduled: number }[]): number => xs.reduce((n, x) => n + x.scheduled, 0);
        // Each mark is due in one place: its quarter, or its school year when it is longer than a quarter; a mark of
        // one month is in its month as well.
        const marks = report.plan.activities.flatMap((a) => a.schedule);
        const months = (m: { start: string; end: string }): number => 12 * (Number(m.end.slice(0, 4)) - Number(m.start.slice(0, 4))) + Number(m.end.slice(5, 7)) - Number(m.start.slice(5, 7));
        expect(sum(report.summary.months)).toBe(marks.filter((m) => months(m) === 0).length);
        expect(sum(report.summary.schoolYears)).toBe(marks.filter((m) => months(m) >= 3).length);
        expect(sum(report.summary.quarters) + sum(report.summary.schoolYears)).toBe(t.scheduled);
        expect(sum(report.summary.groups.filter((g) => g.kind === "block"))).toBe(t.scheduled);
        expect(report.summary.overdue).toHaveLength(t.overdue);
        expect(report.summary.dueSoon).toHaveLength(t.dueSoon);
      }),
      RUNS,
    );
  });
});

describe("the summary's lists", () => {
  test("overdue marks by period end and due-soon marks by period start, each day in reading order (row, then column)", () => {
    const ordered = (items: MarkItem[], dateOf: (i: MarkItem) => string): boolean =>
      items.every((item, i) => {
        if (i === 0) return true;
        const before = items[i - 1]!;
        const a = dateOf(before);
        const b = dateOf(item);
        return a < b || (a === b && compareCells(before.cell, item.cell) <= 0);
      });
    fc.assert(
      fc.property(anyGridArb, isoDay, (grid, asOf) => {
        const { summary } = analyzeSheet(grid, { asOf });
        expect(ordered(summary.overdue, (i) => i.end)).toBe(true);
        expect(ordered(summary.dueSoon, (i) => i.start)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe("each mark's status, beside the plan", () => {
  /** RFC 4180 records: quoted fields may hold commas, quotes and line breaks. */
  function csvRecords(text: string): string[][] {
    const records: string[][] = [];
    let record: string[] = [];
    let field = "";
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') {
          field += '"';
          i++;
        } else if (c === '"') quoted = false;
        else field += c;
      } else if (c === '"') quoted = true;
      else if (c === ",") {
        record.push(field);
        field = "";
      } else if (c === "\r" && text[i + 1] === "\n") {
        record.push(field);
        records.push(record);
        record = [];
        field = "";
        i++;
      } else field += c;
    }
    return records;
  }

  test("the CSV export gives each scheduled mark its own status as of the day; the plan sheet counts each activity's overdue marks", () => {
    fc.assert(
      fc.property(anyGridArb, isoDay, (grid, asOf) => {
        const report = analyzeSheet(grid, { asOf });
        const marksOf = (position: number) => report.status.marks.filter((m) => m.activity === position).sort((x, y) => x.index - y.index);
        // CSV: a header, then per activity one line per mark (or one "unscheduled" line), in plan order.
        const expected = report.plan.activities.flatMap((a, position) =>
          a.schedule.length === 0 ? [[a.cell, "unscheduled"]] : marksOf(position).map((m) => [m.mark.cell, m.status]),
        );
        const records = csvRecords(planCsv([report])).slice(1);
        expect(records.map((r) => [r[12], r[10]])).toEqual(expected);
        // Plan sheet: one row per activity after the header.
        const [header, ...rows] = describePlanSheet([report]).rows;
        const overdueColumn = header!.findIndex((c) => c?.value.kind === "text" && c.value.text === "Overdue marks");
        expect(rows.map((r) => r[overdueColumn]?.value)).toEqual(
          report.plan.activities.map((_, position) => ({ kind: "number", value: marksOf(position).filter((m) => m.status === "overdue").length })),
        );
      }),
      RUNS,
    );
  });
});

describe("the generator exercises the real paths", () => {
  test("a good share of generated grids hold a timeline with scheduled marks", () => {
    const sample = fc.sample(anyGridArb, { numRuns: 300, seed: 42 });
    const reports = sample.map((grid) => analyzeSheet(grid, { asOf: "2024-01-15" }));
    const withTimeline = reports.filter((r) => r.plan.blocks.length > 0).length;
    const withMarks = reports.filter((r) => r.summary.totals.scheduled > 0).length;
    const rules = new Set(reports.flatMap((r) => r.findings.map((f) => f.rule)));
    expect(withTimeline).toBeGreaterThan(150);
    expect(withMarks).toBeGreaterThan(80);
    for (const rule of ["unrecognized-mark", "lookalike-mark", "split-mark", "error-value", "school-year-assumed", "orphan-continuation"]) {
      expect(rules).toContain(rule);
    }
  });
});

describe("ordering cells", () => {
  const sheetName = fc.stringMatching(/^[A-Za-z0-9 !'_-]{1,12}$/);
  const cell = fc.record({ sheet: sheetName, row: fc.integer({ min: 0, max: 1_048_575 }), column: fc.integer({ min: 0, max: 16_383 }) });

  test("compareCells orders addresses by row, then column, whatever the sheet is called", () => {
    fc.assert(
      fc.property(cell, cell, (a, b) => {
        const x = cellAddress(a.sheet, a.row, a.column);
        const y = cellAddress(b.sheet, b.row, b.column);
        const expected = a.row - b.row || a.column - b.column;
        const got = compareCells(x, y);
        if (x === y) return got === 0;
        return expected === 0 ? got === 0 : Math.sign(got) === Math.sign(expected);
      }),
      { numRuns: 2_000 },
    );
  });

  test("compareCells falls back to text order for text that is not a cell address", () => {
    expect(compareCells("Plan!notacell", "Plan!A1")).toBe("Plan!notacell".localeCompare("Plan!A1"));
    expect(compareCells("'Plan'!Z9", "'Plan'!AA9")).toBeLessThan(0);
    expect(compareCells("'Plan'!B10", "'Plan'!C9")).toBeGreaterThan(0);
  });
});
