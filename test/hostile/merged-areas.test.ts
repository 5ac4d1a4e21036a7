/**
 * Issue 17, item 7 (the engine's part): merged areas are indexed once, each cell marked once, however many areas lie
 * over one another. Hostile files list thousands of overlapping areas; Excel never writes two over one cell, and the
 * engine keeps its rule for them: a cell belongs to the last area listed that holds it.
 */
import fc from "fast-check";
import { SheetGrid, type Area, type CellValue, type Grid } from "../../src/core/grid";

/** The rule, cell by cell: the last area listed that holds the cell (within the grid, at most a million cells). */
function reference(grid: Grid, row: number, column: number): Area | undefined {
  const bottom = grid.top + grid.values.length - 1;
  const right = grid.left + grid.values.reduce((w, r) => Math.max(w, r.length), 0) - 1;
  let found: Area | undefined;
  for (const area of grid.merges ?? []) {
    const top = Math.max(area.top, grid.top);
    const left = Math.max(area.left, grid.left);
    const clippedBottom = Math.min(area.bottom, bottom);
    const clippedRight = Math.min(area.right, right);
    if (top > clippedBottom || left > clippedRight || (clippedBottom - top + 1) * (clippedRight - left + 1) > 1_000_000) continue;
    if (row >= top && row <= clippedBottom && column >= left && column <= clippedRight) found = area;
  }
  return found;
}

const area = fc
  .record({ top: fc.nat(12), left: fc.nat(8), rows: fc.nat(5), columns: fc.nat(5) })
  .map(({ top, left, rows, columns }): Area => ({ top, left, bottom: top + rows, right: left + columns }));

test("every cell belongs to the last area listed that holds it, as before the index", () => {
  fc.assert(
    fc.property(fc.nat(4), fc.nat(3), fc.integer({ min: 1, max: 14 }), fc.integer({ min: 1, max: 10 }), fc.array(area, { maxLength: 12 }), (top, left, rows, columns, merges) => {
      const values: CellValue[][] = Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => `${r},${c}`));
      const grid: Grid = { sheet: "S", top, left, values, merges };
      const sheet = new SheetGrid(grid);
      // Compared once per grid: an expect per cell would make this test about expect.
      const actual: unknown[] = [];
      const expected: unknown[] = [];
      let merged = 0;
      for (let r = top - 1; r <= top + rows; r++) {
        for (let c = left - 1; c <= left + columns; c++) {
          const holder = reference(grid, r, c);
          const anchor = holder ? sheet.own(Math.max(holder.top, top), Math.max(holder.left, left)) : sheet.own(r, c);
          if (holder) merged++;
          expected.push([r, c, holder, anchor]);
          actual.push([r, c, sheet.merge(r, c), sheet.value(r, c)]);
        }
      }
      expect(actual).toEqual(expected);
      expect(sheet.hasMerges()).toBe(merged > 0);
    }),
    { numRuns: 500 },
  );
});

test("5,000 areas of a million cells each over one another: indexed, not cell by cell (before: minutes)", () => {
  const values: CellValue[][] = Array.from({ length: 1_000 }, () => new Array<CellValue>(1_000).fill(null));
  values[0]![0] = "Goal 1";
  values[999]![999] = "X";
  // Each area one row and one column further than the one before: every one holds most cells of every other.
  const merges: Area[] = Array.from({ length: 5_000 }, (_, i) => ({ top: i % 7, left: i % 5, bottom: 999, right: 999 }));
  const sheet = new SheetGrid({ sheet: "S", top: 0, left: 0, values, merges });
  expect(sheet.merge(999, 999)).toBe(merges[4_999]);
  expect(sheet.value(999, 999)).toBe(sheet.own(merges[4_999]!.top, merges[4_999]!.left));
  // The corner cell is held by the areas starting at row 0, column 0 only; the last of them wins it.
  const last = merges.map((m, i) => [m, i] as const).filter(([m]) => m.top === 0 && m.left === 0).pop()![0];
  expect(sheet.merge(0, 0)).toBe(last);
  expect(sheet.value(0, 0)).toBe("Goal 1");
});
