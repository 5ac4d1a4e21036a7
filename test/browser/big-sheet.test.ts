/** @jest-environment node */
/**
 * The task pane at 2,000 activities x 12 months in the playground (Chromium), by counts, never times: the overdue
 * list holds one item per activity with its months, a page of them at a time, every one reachable from the keyboard;
 * the page holds a bounded number of elements whatever the sheet's size (the grid draws the rows on screen, the Plan
 * tab folds its goals, a rule's findings fold into one group paged like the lists); going to a cell in row 1,900
 * scrolls the grid to it. The times are `npm run bench`'s.
 */
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { localCell } from "../../src/core/address";
import { analyzeSheet } from "../../src/core/analyze";
import { loadFile } from "../../src/cli/read-workbook";
import { marksByActivity, periodList, shortLabel } from "../../src/taskpane/lists";
import { PAGE_SIZE } from "../../src/taskpane/components/Pager";
import { ruleName } from "../../src/taskpane/components/FindingsTab";
import { BIG_PLAN_SHEET, writeBigPlan } from "../support/big-plan";
import { removeTempFiles, tempPath } from "../support/workbook-builder";
import { pane, ready, servePlayground, setAsOf, tab, type Served } from "./playground";

jest.setTimeout(300_000);

const AS_OF = "2024-01-15";
/** Elements the whole page may hold, grid and pane: a sheet of 2,000 rows drawn in full would hold over 30,000. */
const MOST_ELEMENTS = 4000;

const ROOT = join(__dirname, "..", "..");
const ARTIFACTS = join(ROOT, "test-results", "screenshots");
/** The README's picture of the big sheet's Summary tab, refreshed on request (`UPDATE_SCREENSHOTS=1`). */
const DOCS = process.env["UPDATE_SCREENSHOTS"] === "1" ? join(ROOT, "docs", "screenshots") : null;

let served: Served;
let file: string;

beforeAll(async () => {
  file = tempPath("plan-2000x12.xlsx");
  await writeBigPlan(file);
  served = await servePlayground();
});
afterAll(async () => {
  await served?.stop();
  removeTempFiles();
});

/**
 * Reads a paged list page by page, turning pages with Enter on Next (focused first) until `total` items are read; the
 * keyboard must stay on Next as each page turns (the pane does not take it elsewhere).
 */
async function pageThrough(page: Page, next: Locator, range: Locator, total: number, read: () => Promise<string[]>): Promise<{ seen: string[]; most: number; pages: number; lastPage: string[] }> {
  const seen: string[] = [];
  let most = 0;
  let pages = 0;
  let lastPage: string[] = [];
  await next.focus();
  for (;;) {
    lastPage = await read();
    pages++;
    most = Math.max(most, lastPage.length);
    seen.push(...lastPage);
    if (seen.length >= total) break;
    const before = await range.textContent();
    await page.keyboard.press("Enter");
    await range.filter({ hasNotText: before ?? "" }).waitFor();
    expect(await next.evaluate((e) => e === document.activeElement)).toBe(true);
  }
  return { seen, most, pages, lastPage };
}

/** The engine's report on the big sheet on the day. */
async function bigReport(): Promise<ReturnType<typeof analyzeSheet>> {
  const grid = (await loadFile(file)).grids.find((g) => g.sheet === BIG_PLAN_SHEET)!;
  return analyzeSheet(grid, { asOf: AS_OF });
}

/** What the engine says is overdue on the day, as the pane's list items name it: one per activity. */
async function expectedOverdue(): Promise<string[]> {
  const report = await bigReport();
  return marksByActivity(report.summary.overdue, report.plan).map((a) => `${shortLabel(a.activity)}: overdue ${periodList(a.periods)}. Go to ${localCell(a.cell)}`);
}

/** A new page with the big sheet opened from a file, its first summary shown, as of the day. */
async function openBigSheet(): ReturnType<Served["open"]> {
  const opened = await served.open();
  const { page } = opened;
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.locator(`[data-testid="sheet-grid"][data-sheet="${BIG_PLAN_SHEET}"]`).waitFor();
  await pane(page).getByRole("heading", { name: /scheduled marks in 2000 activities/ }).waitFor({ timeout: 120_000 });
  await ready(page);
  await setAsOf(page, AS_OF);
  return opened;
}

const elements = (page: Page): Promise<number> => page.evaluate(() => document.getElementsByTagName("*").length);

test("2,000 x 12: one overdue item per activity a page at a time, each reachable by keyboard; bounded elements; go to row 1,900 scrolls the grid", async () => {
  const opened = await openBigSheet();
  const { page } = opened;
  mkdirSync(ARTIFACTS, { recursive: true });
  const paneBox = (await pane(page).boundingBox())!;
  await page.screenshot({ path: join(ARTIFACTS, "taskpane-2000.png"), clip: { ...paneBox, height: Math.min(paneBox.height, 900) }, animations: "disabled" });
  if (DOCS) copyFileSync(join(ARTIFACTS, "taskpane-2000.png"), join(DOCS, "taskpane-2000.png"));

  // The grid: every row of the sheet is there to scroll to, only those on screen drawn.
  const grid = page.getByTestId("sheet-grid");
  expect(Number(await grid.getAttribute("data-rows"))).toBeGreaterThan(2000);
  expect(await grid.locator("tbody tr[aria-rowindex]").count()).toBeLessThan(100);
  expect(await elements(page)).toBeLessThan(MOST_ELEMENTS);

  // The overdue list: a page of activities at a time, paged from the keyboard to its end.
  const expected = await expectedOverdue();
  expect(expected.length).toBeGreaterThan(30 * PAGE_SIZE);
  const list = pane(page).getByRole("list", { name: /^Overdue/ });
  const items = list.getByRole("button");
  const next = pane(page).getByRole("button", { name: "Next overdue activities" });
  const range = pane(page).getByRole("group", { name: "Pages of overdue activities" }).locator("[aria-live]");
  const { seen, most, lastPage } = await pageThrough(page, next, range, expected.length, () =>
    items.evaluateAll((buttons) => buttons.map((b) => b.getAttribute("aria-label") ?? "")),
  );
  expect(most).toBe(PAGE_SIZE);
  expect(seen).toEqual(expected);
  // An activity overdue in several months is one item naming them: "Oct, Nov, Dec 2023".
  expect(seen.some((l) => /: overdue [A-Z][a-z]{2}, [A-Z][a-z]{2}(, [A-Z][a-z]{2})* 2023\. Go to/.test(l))).toBe(true);
  expect(await elements(page)).toBeLessThan(MOST_ELEMENTS);

  // Going to an activity near the end of the sheet scrolls the grid to its cell.
  const far = lastPage.map((l) => /Go to ([A-Z]+)(\d+)$/.exec(l)!).find((m) => Number(m[2]) >= 1900)!;
  const cell = `${far[1]}${far[2]}`;
  await page.locator(`td[data-cell="${cell}"]`).waitFor({ state: "detached" });
  await list.locator(`button[aria-label$="Go to ${cell}"]`).focus();
  await page.keyboard.press("Enter");
  const target = page.locator(`td[data-cell="${cell}"][data-selected="true"]`);
  await target.waitFor();
  const box = (await target.boundingBox())!;
  const view = (await page.locator("#sheet-grid").boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(view.y);
  expect(box.y + box.height).toBeLessThanOrEqual(view.y + view.height);

  // The Plan tab folds its goals: the page stays bounded.
  await tab(page, "Plan").click();
  await pane(page).getByRole("tabpanel", { name: /^Plan/ }).waitFor();
  expect(await elements(page)).toBeLessThan(MOST_ELEMENTS);
  await served.close(opened);
});

test("2,000 x 12 findings: a rule's findings are one folded group with its count, opened from the keyboard a page at a time, every one reached", async () => {
  const report = await bigReport();
  const findings = report.findings.filter((f) => f.severity === "warning");
  // The generated sheet's steps out of order: one rule, many times (an error or note would be a group of its own).
  expect(report.findings.length).toBe(findings.length);
  expect([...new Set(findings.map((f) => f.rule))]).toEqual(["sequence"]);
  expect(findings.length).toBeGreaterThan(4 * PAGE_SIZE);

  const opened = await openBigSheet();
  const { page } = opened;
  await tab(page, "Findings").click();
  const panel = pane(page).getByRole("tabpanel", { name: /^Findings/ });
  await panel.waitFor();

  // Warnings (open) holds one line for the rule, with its count, and not one finding drawn until it is opened.
  const name = ruleName("sequence");
  const warningsHeader = panel.locator("summary", { hasText: /^Warnings/ });
  expect(await warningsHeader.innerText()).toContain(String(findings.length));
  const groups = panel.locator("details details > summary");
  expect(await groups.allInnerTexts()).toEqual([`${name}: ${findings.length} findings`]);
  expect(await panel.locator("[data-finding]").count()).toBe(0);
  expect(await elements(page)).toBeLessThan(MOST_ELEMENTS);

  // Opened from the keyboard: a page of its findings, then Next to the last page, each page of PAGE_SIZE at most.
  await groups.first().focus();
  await page.keyboard.press("Enter");
  const items = panel.locator("[data-finding]");
  await items.first().waitFor();
  const noun = `${name.toLowerCase()} findings`;
  const next = panel.getByRole("button", { name: `Next ${noun}` });
  const range = panel.getByRole("group", { name: `Pages of ${noun}` }).locator("[aria-live]");
  const { seen, most, pages } = await pageThrough(page, next, range, findings.length, () => items.allTextContents());
  expect(most).toBe(PAGE_SIZE);
  expect(pages).toBe(Math.ceil(findings.length / PAGE_SIZE));
  // Every finding, in the engine's order, each with its way to its cell.
  expect(seen.length).toBe(findings.length);
  expect(seen.filter((text, i) => !text.includes(findings[i]!.message) || !text.includes(`Go to ${localCell(findings[i]!.cell)}`))).toEqual([]);
  expect(await next.getAttribute("aria-disabled")).toBe("true");
  expect(await elements(page)).toBeLessThan(MOST_ELEMENTS);
  await served.close(opened);
});
