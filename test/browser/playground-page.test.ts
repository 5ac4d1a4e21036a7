/** @jest-environment node */
/**
 * Issue 19, items 3, 5 and 6, in the playground (Chromium): the page has a main landmark and axe finds nothing on
 * the whole of it; the sheet tabs are one tab stop moved by arrow keys; plain grid cells are not "selected"; the
 * page has an icon; no label ends in a doubled period. A file opened is named in the picker; an empty or broken
 * file gets one plain sentence. Before the first refresh the pane says its figures are a preview; a workbook with
 * no timeline shows the no-timeline state as soon as it is opened, never a summary of nothing.
 */
import { join } from "node:path";
import { buildWorkbook } from "../support/workbook-builder";
import { axe, pane, ready, refresh, servePlayground, setAsOf, type Served } from "./playground";

jest.setTimeout(180_000);

const SAMPLES = join(__dirname, "..", "..", "assets", "samples");
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
let served: Served;

beforeAll(async () => {
  served = await servePlayground();
});
afterAll(async () => {
  await served?.stop();
});

test("the page: one main landmark, axe clean on the whole page, sheet tabs one tab stop with arrow keys, no selected plain cells, an icon, no doubled period", async () => {
  const opened = await served.open();
  const { page } = opened;
  await refresh(page, (await pane(page).getByRole("textbox", { name: "As of", exact: true }).inputValue()) || "");
  expect(await page.getByRole("main").count()).toBe(1);
  expect(await axe(page, "Playground page", "page")).toEqual([]);

  // The refresh added the add-in's sheets: three tabs or more, one tab stop.
  const tabs = page.getByRole("tablist", { name: "Sheets" }).getByRole("tab");
  expect(await tabs.count()).toBeGreaterThanOrEqual(3);
  const names = await tabs.allTextContents();
  await tabs.first().focus();
  await page.keyboard.press("ArrowRight");
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(names[1]);
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).not.toBe("tab");

  expect(await page.locator("td[aria-selected]").count()).toBe(0);
  const icon = await page.locator('link[rel="icon"]').getAttribute("href");
  expect(icon).toBeTruthy();
  expect((await page.request.get(new URL(icon!, page.url()).href)).status()).toBe(200);
  const labels = await page.locator("[aria-label]").evaluateAll((es) => es.map((e) => e.getAttribute("aria-label") ?? ""));
  expect(labels.filter((l) => /\.\.(?!\.)|\.\s*\./.test(l))).toEqual([]);
  await served.close(opened);
});

test("a file opened is named in the picker; an empty or a broken file gets one plain sentence, no zip library's words", async () => {
  const opened = await served.open();
  const { page } = opened;
  const input = page.locator('input[type="file"]');
  await input.setInputFiles({ name: "empty.xlsx", mimeType: XLSX, buffer: Buffer.alloc(0) });
  await page.getByText('"empty.xlsx" is empty: there is no workbook in it.').waitFor();
  await input.setInputFiles({ name: "broken.xlsx", mimeType: XLSX, buffer: Buffer.from("these are minutes, not a workbook") });
  await page.getByText('"broken.xlsx" could not be opened: it is not an Excel workbook (.xlsx), or it is damaged.', { exact: false }).waitFor();
  expect(await page.locator("body").innerText()).not.toMatch(/zip|central directory|end of data|jszip/i);

  await input.setInputFiles(join(SAMPLES, "action-plan.xlsx"));
  await page.locator('[data-testid="sheet-grid"][data-sheet="Action Plan 2025-26"]').waitFor();
  const picker = page.getByRole("combobox", { name: "Sample workbook" });
  expect(await picker.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe("action-plan.xlsx (your file)");
  expect(await page.getByText("could not be opened").count()).toBe(0);
  await served.close(opened);
});

test("before the first refresh the figures are called a preview; a workbook with no timeline shows that state at once", async () => {
  const opened = await served.open();
  const { page } = opened;
  const p = pane(page);
  await p.getByText("Not refreshed yet in this workbook: the summary below is a preview.").waitFor();
  await p.getByRole("heading", { name: /scheduled marks in/ }).waitFor();

  const notes = buildWorkbook({ sheets: [{ name: "Notes", rows: [["Minutes of the planning committee"], ["Next meeting in March"]] }] });
  await page.locator('input[type="file"]').setInputFiles({ name: "notes.xlsx", mimeType: XLSX, buffer: Buffer.from(await notes.xlsx.writeBuffer()) });
  await page.locator('[data-testid="sheet-grid"][data-sheet="Notes"]').waitFor();
  await p.getByRole("heading", { name: 'No plan found on "Notes"' }).waitFor();
  // What it reads, shown by example: a grid of X's and an action-plan table with its timing in words.
  expect(await p.getByRole("table", { name: "Example of a milestone grid" }).count()).toBe(1);
  expect(await p.getByRole("table", { name: "Example of an action-plan table" }).getByRole("cell", { name: "Monthly, Oct-May" }).count()).toBe(1);
  await ready(page);
  expect(await p.getByRole("heading", { name: /scheduled marks/ }).count()).toBe(0);
  expect(await p.getByText("the summary below is a preview").count()).toBe(0);
  await served.close(opened);
});

test("a plan's first steps are counted in words a planner writes: 1 scheduled mark, 1 activity has no period marked, 1 finding, 1 cell flagged, 1 day ahead, 1 step read", async () => {
  const opened = await served.open();
  const { page } = opened;
  const p = pane(page);
  const start = buildWorkbook({
    sheets: [{ name: "New plan", rows: [["PL Plan 2023-24"], ["Action Step", "Owner", "Jul", "Aug", "Sep"], ["Develop the PLC model", "Director of PL", "X", null, null], ["Implement the PLC model", "Principals", null, null, null]] }],
  });
  await page.locator('input[type="file"]').setInputFiles({ name: "new-plan.xlsx", mimeType: XLSX, buffer: Buffer.from(await start.xlsx.writeBuffer()) });
  await page.locator('[data-testid="sheet-grid"][data-sheet="New plan"]').waitFor();
  await p.getByRole("heading", { name: /^As of \d{4}-\d{2}-\d{2}: 1 scheduled mark in 2 activities$/ }).waitFor();
  await p.getByText("1 activity has no period marked (see Findings).").waitFor();
  await ready(page);
  await p.getByRole("tab", { name: /^Plan/ }).click();
  await p.getByText("2 activities in 1 timeline. Choose an activity to go to its row.").waitFor();
  // Its one finding (the step with no period marked), on the Findings tab's badge.
  const findingsTab = p.getByRole("tab", { name: /^Findings/ });
  expect(await findingsTab.locator('[aria-label="1 finding"]').count()).toBeGreaterThan(0);
  expect(await findingsTab.locator('[aria-label="1 findings"]').count()).toBe(0);
  // Refreshed when the one mark (July 2023) is past: one cell flagged, said so.
  await p.getByRole("tab", { name: /^Summary/ }).click();
  await setAsOf(page, "2023-09-15");
  await refresh(page, "2023-09-15");
  // The last refresh is what the header says once its notice has gone (another date chosen to look at).
  await setAsOf(page, "2023-10-15");
  await p.getByText(/^Last refreshed as of 2023-09-15 \(.+\): 1 overdue, 1 cell flagged\.$/).waitFor();
  expect(await page.getByTestId("sheet-grid").locator('td[data-flag="overdue"]').count()).toBe(1);

  // One day ahead counted as due soon, saved in the workbook.
  await p.getByRole("tab", { name: /^Settings/ }).click();
  await p.getByRole("spinbutton", { name: "Days ahead that count as due soon" }).fill("1");
  await p.getByRole("button", { name: "Save settings in the workbook" }).click();
  await p.getByRole("status").filter({ hasText: "Settings saved in the workbook; the plan was read again with them." }).waitFor();
  await ready(page);
  await p.getByRole("tab", { name: /^Summary/ }).click();
  await p.locator("dt", { hasText: /^Due in 1 day$/ }).waitFor();
  await p.getByText(/^Due in the next 1 day/).first().waitFor();
  expect(await p.getByText(/1 days/).count()).toBe(0);

  // A plan of one step with no timing yet.
  const oneStep = buildWorkbook({ sheets: [{ name: "One step", rows: [["PL Plan 2023-24"], ["Action Step", "Owner"], ["Develop the PLC model", "Director of PL"]] }] });
  await page.locator('input[type="file"]').setInputFiles({ name: "one-step.xlsx", mimeType: XLSX, buffer: Buffer.from(await oneStep.xlsx.writeBuffer()) });
  await p.getByRole("heading", { name: "This plan does not say when its steps happen" }).waitFor();
  await p.getByText(/^1 step read, none scheduled\. /).waitFor();
  await served.close(opened);
});
