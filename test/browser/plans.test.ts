/** @jest-environment node */
/**
 * Plans that are not grids, in the playground (Chromium): the action-plan table refreshed as of a fixed day flags
 * exactly the timing cells the engine says are overdue or current, and the Summary and Plan tabs show its goals and
 * strategies; on the outline pasted from a document, Add a timeline writes the month header and changes no other
 * cell. axe finds nothing on the pane for either.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { loadFile } from "../../src/cli/read-workbook";
import { analyzeSheet, describeFlags, schoolYearMonths } from "../../src/core";
import { axe, everyCell, openSample, pane, ready, refresh, servePlayground, setAsOf, tab, type Served } from "./playground";

jest.setTimeout(180_000);

const SAMPLES = join(__dirname, "..", "..", "assets", "samples");
const ARTIFACTS = join(__dirname, "..", "..", "test-results", "screenshots");
let served: Served;

beforeAll(async () => {
  served = await servePlayground();
});
afterAll(async () => {
  await served?.stop();
});

/** The grid's cells that hold text: address -> text, every row of the sheet (drawn or not). */
async function gridCells(page: Page): Promise<Map<string, string>> {
  return new Map([...(await everyCell(page))].filter(([, c]) => c.text !== "").map(([cell, c]) => [cell, c.text]));
}

test("the action-plan table, refreshed as of 2026-01-15: its timing cells flagged as the engine says, its goals and strategies on the Summary and Plan tabs", async () => {
  const opened = await served.open();
  const { page } = opened;
  await openSample(page, "action-plan.xlsx", "Action Plan 2025-26");
  await setAsOf(page, "2026-01-15");
  await refresh(page, "2026-01-15");

  const file = await loadFile(join(SAMPLES, "action-plan.xlsx"));
  const report = analyzeSheet(file.grids[0]!, { asOf: "2026-01-15" });
  const flags = describeFlags([report]);
  await page.locator('td[data-flag="overdue"]').first().waitFor();
  // Every row of the sheet, scrolled into view a screen at a time: the grid draws only those on screen.
  const cells = await everyCell(page);
  const shown = (kind: string): string[] => [...cells].filter(([, c]) => c.flag === kind).map(([cell]) => cell).sort();
  const cellOf = (cell: string): string => cell.slice(cell.lastIndexOf("!") + 1);
  expect(shown("overdue")).toEqual(flags.filter((f) => f.kind === "overdue").map((f) => cellOf(f.cell)).sort());
  expect(shown("current")).toEqual(flags.filter((f) => f.kind === "current").map((f) => cellOf(f.cell)).sort());
  // Every flag sits on a timing cell (column E, "Timeline").
  expect([...shown("overdue"), ...shown("current")].every((c) => c.startsWith("E"))).toBe(true);
  expect(flags.length).toBeGreaterThan(5);

  const p = pane(page);
  await p.getByRole("heading", { name: `As of 2026-01-15: ${report.summary.totals.scheduled} scheduled marks in 14 activities` }).waitFor();
  await p.getByText("Goal 1: Build a comprehensive, coherent system of professional learning", { exact: false }).first().waitFor();
  await p.getByText("Strategy 2: Monitor the plan with the committee", { exact: false }).first().waitFor();
  const violations = await axe(page, "Summary, action plan");
  await tab(page, "Plan").click();
  // Goals open, their strategies folded: open one as a planner would.
  await p.getByText("Strategy 3: Use building data to target growth", { exact: false }).first().waitFor();
  await p.getByText("Strategy 2: Monitor the plan with the committee").click();
  // In the plan's outline (the theory of action below it lists the activities that carry out each statement too).
  await p.getByRole("list", { name: "Structured plan" }).getByText("Hold monthly PLP team meetings to review progress").waitFor();
  await page.screenshot({ path: join(ARTIFACTS, "plan-tab-action-plan.png"), animations: "disabled" });
  violations.push(...(await axe(page, "Plan, action plan")));
  expect(violations).toEqual([]);
  await served.close(opened);
});

test("the outline pasted from a document: Add a timeline writes Jul 2025 .. Jun 2026 in row 1 and changes no other cell", async () => {
  const opened = await served.open();
  const { page } = opened;
  await page.getByRole("combobox", { name: "Sample workbook" }).selectOption("outline-pasted.xlsx");
  await page.locator('[data-testid="sheet-grid"][data-sheet="PL Goals 2025-26"]').waitFor();
  const p = pane(page);
  await p.getByRole("heading", { name: "This plan does not say when its steps happen" }).waitFor();
  await ready(page);
  const violations = await axe(page, "Summary, outline without timing");
  const before = await gridCells(page);
  expect(before.get("A1")).toBe("\u2022 Goal #1");

  await p.getByRole("button", { name: "Add a timeline" }).click();
  await p.getByRole("status").filter({ hasText: /Month columns Jul 2025 to Jun 2026 \(2025-26\) added in row 1, columns B to M/ }).waitFor();
  await ready(page);
  const after = await gridCells(page);
  const changed = [...after.keys()].filter((cell) => after.get(cell) !== before.get(cell));
  expect(changed).toEqual(schoolYearMonths(2025, 7).map((_, i) => `${String.fromCharCode(66 + i)}1`));
  expect(changed.map((cell) => after.get(cell))).toEqual(schoolYearMonths(2025, 7));
  expect([...before.keys()].every((cell) => after.get(cell) === before.get(cell))).toBe(true);
  // The offer is gone: the plan now has its timeline.
  await p.getByRole("heading", { name: "This plan does not say when its steps happen" }).waitFor({ state: "detached" });
  violations.push(...(await axe(page, "Summary, outline with its timeline")));
  expect(violations).toEqual([]);
  await served.close(opened);
});
