/** @jest-environment node */
/**
 * docs/product.md, "Validation: findings": a row status that contradicts its marks: "On Track" with overdue marks,
 * "Not Started" with done marks. Reported at the status cell, as of 15 January 2024 (October is past, January is
 * current, March is ahead). "At Risk" with overdue marks, and "On Track" with nothing overdue, are consistent.
 */
import type { CellInput } from "../support/workbook-builder";
import { removeTempFiles } from "../support/workbook-builder";
import { analyzePlan, BASE_LINES, cell, expectClean, expectSilent, only, replace, rowOf, STATUS, step, type Month } from "./district-plan";

afterAll(removeTempFiles);

const CAPITALIZE = "Capitalize on Data Days to review district common formative assessments.";

function withStatus(marks: Partial<Record<Month, CellInput>>, status: CellInput) {
  const lines = replace(BASE_LINES, "Capitalize", step(CAPITALIZE, "MTSS Coordinator", marks, status));
  return { lines, row: rowOf(lines, "Capitalize") };
}

describe("status-contradiction", () => {
  test("fires on On Track with an overdue October mark, at the status cell", async () => {
    const { lines, row } = withStatus({ October: "X", January: "X", March: "X" }, "On Track");
    const report = await analyzePlan(lines);
    const f = only(report, "status-contradiction");
    expect(f.severity).toBe("warning");
    expect(f.cell).toBe(cell(`${STATUS}${row}`));
    expect(f.message).toContain(`(A${row}) is reported "On Track", but its Oct 2023 mark is overdue as of 2024-01-15`);
    expect(f.message).toMatch(/Update the status, or mark the work done/);
  });

  test("fires on On Track with two overdue marks, naming both periods", async () => {
    const { lines } = withStatus({ September: "X", November: "X", March: "X" }, "On Track");
    const f = only(await analyzePlan(lines), "status-contradiction");
    expect(f.message).toContain("2 of its marks (Sep 2023, Nov 2023) are overdue");
  });

  test("fires on Not Started with a done (\u2713) October mark", async () => {
    const { lines, row } = withStatus({ October: "\u2713", January: "X", March: "X" }, "Not Started");
    const report = await analyzePlan(lines);
    const f = only(report, "status-contradiction");
    expect(f.cell).toBe(cell(`${STATUS}${row}`));
    expect(f.message).toContain(`(A${row}) is reported "Not Started", but its Oct 2023 mark says done`);
    expect(f.message).toMatch(/Update the status or the marks/);
  });

  test("fires on Not Started with an in-progress mark", async () => {
    const { lines } = withStatus({ October: "X", January: "in progress", March: "X" }, "Not Started");
    const f = only(await analyzePlan(lines), "status-contradiction");
    expect(f.message).toContain("its Jan 2024 mark says in progress");
  });

  test.each([
    ["At Risk with an overdue mark", { October: "X", January: "X", March: "X" }, "At Risk"],
    ["Off Track with an overdue mark", { October: "X", January: "X", March: "X" }, "Off Track"],
    ["On Track once the overdue October mark is ticked done", { October: "\u2713", January: "X", March: "X" }, "On Track"],
    ["On Track with only current and upcoming marks", { January: "X", March: "X" }, "On Track"],
    ["Not Started with only planned marks ahead", { March: "X", May: "X" }, "Not Started"],
    ["In Progress with a done mark", { October: "\u2713", January: "X", March: "X" }, "In Progress"],
    ["Complete, which makes every mark done", { October: "X", January: "X", March: "X" }, "Complete"],
  ] as [string, Partial<Record<Month, CellInput>>, string][])("silent for %s", async (_name, marks, status) => {
    const { lines } = withStatus(marks, status);
    const report = await analyzePlan(lines);
    expectSilent(report, "status-contradiction");
    expectClean(report);
  });
});
