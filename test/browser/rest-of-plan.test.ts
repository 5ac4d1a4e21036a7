/** @jest-environment node */
/**
 * The rest of a plan in the playground (Chromium): the action-plan sample with its Standard(s) column and the
 * district's theory of action on a sheet of its own. The Summary tab shows the standards coverage the engine counts;
 * the Plan tab shows each statement with the activities that carry it out, each a go-to that the keyboard reaches;
 * axe finds nothing.
 */
import { join } from "node:path";
import { loadFile } from "../../src/cli/read-workbook";
import { analyzeSheet, theoryOfSheets } from "../../src/core";
import { THEORY_ONLY } from "../../src/core/analyze";
import { axe, openSample, pane, ready, servePlayground, setAsOf, tab, type Served } from "./playground";

jest.setTimeout(180_000);

const SAMPLE = join(__dirname, "..", "..", "assets", "samples", "action-plan.xlsx");
const PLAN = "Action Plan 2025-26";
const AS_OF = "2026-01-15";
let served: Served;

beforeAll(async () => {
  served = await servePlayground();
});
afterAll(async () => {
  await served?.stop();
});

test("standards coverage on the Summary tab, the theory of action with its activities on the Plan tab, each a go-to the keyboard reaches", async () => {
  const file = await loadFile(SAMPLE);
  const report = analyzeSheet(file.grids.find((g) => g.sheet === PLAN)!, { asOf: AS_OF, theory: theoryOfSheets(file.grids, { asOf: AS_OF })! });
  const opened = await served.open();
  const { page } = opened;
  await openSample(page, "action-plan.xlsx", PLAN);
  await setAsOf(page, AS_OF);
  const p = pane(page);

  // Summary: a row per standard with the engine's count.
  const table = p.getByRole("table", { name: "Standards for Professional Learning (2011)" });
  await table.waitFor();
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(__dirname, "..", "..", "test-results", "screenshots", "summary-tab-standards.png"), animations: "disabled" });
  const rows = await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
  expect(rows).toEqual(report.summary.standards!.coverage.map((c) => [c.name, String(c.activities)]));
  const violations = await axe(page, "Summary, standards");

  // Plan: the statements under their themes, with the activities that carry them out.
  await tab(page, "Plan").click();
  await p.getByRole("heading", { name: "Theory of action (14 statements)" }).waitFor();
  for (const theme of ["General", "Continuous Improvement Cycle/Data", "Expectations", "Motivation", "Parents/Community"]) {
    await p.getByRole("heading", { name: theme, exact: true }).waitFor();
  }
  const expectations = report.plan.theory!.statements.find((s) => s.label === "Expectations 1")!;
  const name = `Expectations 1: ${expectations.text}. Go to A21`;
  const statement = p.getByRole("button", { name });
  await statement.waitFor();
  const item = p.locator("li", { has: page.getByRole("button", { name }) });
  const carried = await item.locator("ul li button").allTextContents();
  const text = new Map(report.plan.activities.map((a) => [a.id, a.text.split("\n")[0]]));
  expect(carried).toEqual(expectations.activities.slice(0, 5).map((r) => text.get(r.id)));
  await statement.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(__dirname, "..", "..", "test-results", "screenshots", "plan-tab-theory-of-action.png"), animations: "disabled" });
  violations.push(...(await axe(page, "Plan, theory of action")));
  expect(violations).toEqual([]);

  // The keyboard reaches the statement and its first activity, and Enter goes to each one's cell.
  await statement.focus();
  await page.keyboard.press("Enter");
  await page.locator('[data-testid="sheet-grid"][data-sheet="Theory of Action"]').waitFor();
  await page.locator('td[data-cell="A21"][data-selected="true"]').waitFor();
  await statement.focus();
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement?.textContent ?? "");
  expect(focused).toBe(carried[0]);
  await page.keyboard.press("Enter");
  await page.locator(`[data-testid="sheet-grid"][data-sheet="${PLAN}"]`).waitFor();
  const first = expectations.activities[0]!.cell;
  await page.locator(`td[data-cell="${first.slice(first.lastIndexOf("!") + 1)}"][data-selected="true"]`).waitFor();

  // The Settings tab's edition is a control the keyboard reaches.
  await tab(page, "Settings").click();
  const edition = p.getByRole("combobox", { name: "Standards for Professional Learning" });
  await edition.focus();
  expect(await edition.evaluate((e) => e === document.activeElement)).toBe(true);
  await served.close(opened);
});

test("the theory of action's own sheet, chosen as the plan sheet, shows its statements and why it is not monitored, never \"No plan found\"", async () => {
  const file = await loadFile(SAMPLE);
  const theory = theoryOfSheets(file.grids, { asOf: AS_OF })!;
  const opened = await served.open();
  const { page } = opened;
  await openSample(page, "action-plan.xlsx", PLAN);
  const p = pane(page);
  await p.getByRole("combobox", { name: "Plan sheet" }).selectOption("Theory of Action");
  await p.getByRole("heading", { name: '"Theory of Action" holds the theory of action' }).waitFor();
  await ready(page);
  await p.getByText(`"Theory of Action" ${THEORY_ONLY}.`).waitFor();
  expect(await p.getByText(/No plan found/).count()).toBe(0);
  expect(await p.getByRole("table", { name: "Example of a milestone grid" }).count()).toBe(0);
  // Every statement under its theme, each a go-to; the activities that carry them out are the plan sheets' to show.
  await p.getByRole("heading", { name: `Theory of action (${theory.statements.length} statements)` }).waitFor();
  const statements = await p.getByRole("button", { name: /\. Go to A\d+$/ }).allTextContents();
  expect(statements).toEqual(theory.statements.map((s) => s.text));
  expect(await p.getByText("No activity shares a key word with it.").count()).toBe(0);
  await page.screenshot({ path: join(__dirname, "..", "..", "test-results", "screenshots", "theory-of-action-sheet.png"), animations: "disabled" });
  const violations = await axe(page, "Theory of action's own sheet");
  // The keyboard reaches a statement, and Enter selects its cell.
  const last = theory.statements[theory.statements.length - 1]!;
  await p.getByRole("button", { name: `${last.label}: ${last.text}. Go to ${last.cell.slice(last.cell.lastIndexOf("!") + 1)}` }).focus();
  await page.keyboard.press("Enter");
  await page.locator(`td[data-cell="${last.cell.slice(last.cell.lastIndexOf("!") + 1)}"][data-selected="true"]`).waitFor();
  // Refresh status asked of it says why in the same words, and the statements stay in view.
  await p.getByRole("button", { name: "Refresh status" }).click();
  await p.getByRole("status").filter({ hasText: `"Theory of Action" ${THEORY_ONLY}. Choose a plan sheet to refresh.` }).waitFor();
  await p.getByRole("heading", { name: '"Theory of Action" holds the theory of action' }).waitFor();
  expect(await p.getByRole("button", { name: /\. Go to A\d+$/ }).count()).toBe(theory.statements.length);
  expect(violations).toEqual([]);
  await served.close(opened);
});

