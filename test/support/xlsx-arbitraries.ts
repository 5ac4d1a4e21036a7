/**
 * fast-check arbitraries for whole .xlsx workbooks, written by exceljs through test/support/workbook-builder.ts:
 * text a planner may type (text that looks like a formula or needs escaping), numbers, dates, formulas with results,
 * errors, formats, fills, a merged area, hidden rows and columns, hidden sheets, the 1904 date system.
 */
import fc from "fast-check";
import type { CellInput, SheetSpec, WorkbookSpec } from "./workbook-builder";

// Text a planner may type; exceljs cannot write control characters or lone surrogates, Excel escapes them.
const text = fc.oneof(
  fc.constantFrom("X", "x", "\u2713", "=SUM(A1:A3)", "+1", "@home", "  padded  ", "A & B <C> \"D\" 'E'", "line\nbreak", "Ünïcödé", "Jul-24", "2023-24", "TRUE", "#N/A"),
  // eslint-disable-next-line no-control-regex -- it matches the control characters to drop them
  fc.string({ maxLength: 12 }).map((s) => s.replace(/[\u0000-\u0008\u000b-\u001f\ud800-\udfff]/g, "")),
);
const date = fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }).map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000));
const scalar = fc.oneof(
  text,
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
  fc.integer({ min: -1000, max: 100_000 }),
  fc.boolean(),
  date,
);
// A number shown as a date: a day after 28 February 1900 (where Excel's day numbers and calendar dates agree), to
// the second (exceljs turns it into a JavaScript date, and the reference conversion keeps whole seconds).
const formatted = fc.oneof(text, fc.integer({ min: 61, max: 100_000 }), fc.boolean(), date);
const cell: fc.Arbitrary<CellInput> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 4 },
  { arbitrary: scalar, weight: 6 },
  // Not a result of 0, FALSE or "": exceljs reads those as no result at all (test/cli/read-xlsx.test.ts tests them apart).
  {
    arbitrary: fc.record({
      formula: fc.constant('IF(1,"X","")'),
      result: fc.oneof(text.filter((t) => t !== ""), fc.integer().filter((n) => n !== 0), fc.constant(true), fc.constant({ error: "#DIV/0!" as const })),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ error: fc.constantFrom("#N/A" as const, "#REF!" as const, "#VALUE!" as const) }), weight: 1 },
  {
    arbitrary: fc.record(
      { value: fc.option(formatted, { nil: undefined }), numFmt: fc.constantFrom("mmm-yy", "0%", "0.00", "yyyy-mm-dd", "@", '"Q"0'), fill: fc.constantFrom("#FFC000", "#D9E1F2", "#FFFFFF", "#92D050") },
      { requiredKeys: [] },
    ),
    weight: 2,
  },
);
export const sheetSpecArb = (name: string): fc.Arbitrary<SheetSpec> =>
  fc
    .record({
      rows: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 8 }),
      origin: fc.constantFrom("A1", "B3", "D2"),
      merge: fc.option(fc.constantFrom("B2:D2", "A5:A7", "C3:E4", "F1:H1"), { nil: undefined }),
      hiddenRows: fc.uniqueArray(fc.integer({ min: 1, max: 10 }), { maxLength: 2 }),
      hiddenColumns: fc.uniqueArray(fc.integer({ min: 1, max: 10 }), { maxLength: 2 }),
      state: fc.constantFrom("visible" as const, "hidden" as const),
    })
    .map(({ merge, ...spec }) => ({ name, ...spec, ...(merge ? { merges: [merge] } : {}) }));
export const workbookSpecArb: fc.Arbitrary<WorkbookSpec> = fc.record({
  date1904: fc.boolean(),
  sheets: fc.uniqueArray(fc.constantFrom("PL Plan 2025-26", "O'Brien's notes", "A & B", "Sheet1", "Données"), { minLength: 1, maxLength: 3 }).chain((names) => fc.tuple(...names.map(sheetSpecArb))),
});
