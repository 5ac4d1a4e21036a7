/** @jest-environment node */
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type Page } from "playwright-core";
import { buildPages, CHROMIUM, CHROMIUM_ARGS, webpackConfig } from "./build";
import { serve } from "./serve";

/**
 * The task pane in Debian's Chromium, on the playground: the MPS sample beside the real task pane, which runs on the
 * in-memory workbook through the same adapter as in Excel. Screenshots go to test-results/screenshots (artifacts)
 * and docs/screenshots (for the README).
 */
jest.setTimeout(180_000);

const ROOT = join(__dirname, "..", "..");
const ARTIFACTS = join(ROOT, "test-results", "screenshots");
const DOCS = join(ROOT, "docs", "screenshots");

let out: string;
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

beforeAll(async () => {
  out = await buildPages("development");
  server = await serve(out, webpackConfig.contentSecurityPolicy(false));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  mkdirSync(ARTIFACTS, { recursive: true });
  mkdirSync(DOCS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  requests: string[];
  errors: string[];
}

async function openPlayground(): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${server.url}/playground.html`);
  await ready(page);
  return { page, requests, errors };
}

const pane = (page: Page) => page.getByRole("complementary", { name: "Milestone Monitor task pane" });

/** Waits until the task pane has read the sheet (the refresh button is enabled again). */
async function ready(page: Page): Promise<void> {
  await pane(page).getByRole("button", { name: "Refresh status" }).waitFor();
  await page.waitForFunction(() => {
    const button = [...document.querySelectorAll("button")].find((b) => b.textContent?.includes("Refresh status"));
    return button !== undefined && !button.disabled;
  });
}

async function setAsOf(page: Page, date: string): Promise<void> {
  await pane(page).getByLabel("As of", { exact: true }).fill(date);
  // The pane reads the sheet again for the new date: wait for the summary of that date.
  await pane(page).getByRole("heading", { name: new RegExp(`^As of ${date}:`) }).waitFor();
  await ready(page);
}

async function refresh(page: Page, asOf: string): Promise<void> {
  await pane(page).getByRole("button", { name: "Refresh status" }).click();
  await pane(page).getByRole("status").filter({ hasText: `Refreshed as of ${asOf}` }).waitFor();
}

async function shoot(page: Page, name: string, docs: boolean): Promise<void> {
  const box = await pane(page).boundingBox();
  const clip = box ? { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 900) } : undefined;
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), clip });
  if (docs) await page.screenshot({ path: join(DOCS, `${name}.png`), clip });
}

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include("aside").exclude("[data-tabster-dummy]").analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

describe("the task pane in Chromium", () => {
  it("refreshes the MPS sample as of 2024-01-15: 25 overdue cells flagged, the seed's totals in the summary", async () => {
    const { page, errors } = await openPlayground();
    await setAsOf(page, "2024-01-15");
    await refresh(page, "2024-01-15");
    const grid = page.getByTestId("sheet-grid");
    await grid.locator('td[data-flag="overdue"]').first().waitFor();
    expect(await grid.locator('td[data-flag="overdue"]').count()).toBe(25);
    expect(await grid.locator('td[data-flag="current"]').count()).toBe(5);
    const p = pane(page);
    await p.getByRole("heading", { name: "As of 2024-01-15: 57 scheduled marks in 18 activities" }).waitFor();
    const figure = async (label: string): Promise<string> => (await p.locator(`dt:has-text("${label}") + dd`).first().textContent()) ?? "";
    expect(await figure("Overdue")).toBe("25");
    expect(await figure("Current")).toBe("5");
    expect(await figure("Upcoming")).toBe("27");
    expect(await figure("Done")).toBe("0");
    await page.screenshot({ path: join(ARTIFACTS, "playground.png") });
    await page.screenshot({ path: join(DOCS, "playground.png") });
    await shoot(page, "taskpane-summary", true);
    expect(errors).toEqual([]);
  });

  it("takes the grid's selection to an overdue item's cell, activated by keyboard", async () => {
    const { page } = await openPlayground();
    await setAsOf(page, "2024-01-15");
    const overdue = pane(page).getByRole("list", { name: /^Overdue/ }).getByRole("button");
    const label = (await overdue.nth(2).getAttribute("aria-label")) ?? "";
    const cell = /Go to ([A-Z]+\d+)$/.exec(label)?.[1];
    expect(cell).toBeDefined();
    await overdue.nth(2).focus();
    await page.keyboard.press("Enter");
    await page.locator(`td[data-cell="${cell}"][aria-selected="true"]`).waitFor();
  });

  it("applies a fix only when asked: a look-alike X becomes a Latin X in the grid", async () => {
    const { page } = await openPlayground();
    await page.getByRole("combobox", { name: "Sample workbook" }).selectOption("mps-pasted.xlsx");
    await page.getByTestId("sheet-grid").and(page.locator('[data-sheet="Pasted from PDF"]')).waitFor();
    await ready(page);
    await pane(page).getByRole("tab", { name: /Findings/ }).click();
    // Notes are folded by default: open them as a planner would.
    await pane(page).locator("summary").filter({ hasText: "Notes" }).click();
    const fixes = pane(page).getByRole("button", { name: /^Fix: Replace with a Latin X/ });
    await fixes.first().waitFor();
    const before = await fixes.count();
    const item = pane(page).locator("li").filter({ has: page.getByRole("button", { name: /^Fix: Replace with a Latin X/ }) }).first();
    const goTo = (await item.getByRole("button", { name: /^Go to / }).textContent()) ?? "";
    const cell = goTo.replace("Go to ", "").trim();
    expect(await page.locator(`td[data-cell="${cell}"]`).textContent()).not.toBe("X");
    await shoot(page, "taskpane-findings", true);
    await fixes.first().click();
    await pane(page).getByRole("status").filter({ hasText: "Fixed:" }).waitFor();
    expect((await page.locator(`td[data-cell="${cell}"]`).textContent())?.toUpperCase()).toBe("X");
    await page.waitForFunction((n) => [...document.querySelectorAll("aside button")].filter((b) => b.textContent?.startsWith("Fix: Replace with a Latin X")).length === n - 1, before);
  });

  it("switches tabs by keyboard alone, with no axe violations on any tab, light or dark", async () => {
    const { page, requests } = await openPlayground();
    await setAsOf(page, "2024-01-15");
    const p = pane(page);
    const names = ["Summary", "Findings", "Plan", "Settings"];
    await p.getByRole("tab", { name: "Summary" }).focus();
    const violations: string[] = [];
    for (const [i, name] of names.entries()) {
      if (i > 0) {
        await page.keyboard.press("ArrowRight");
        await page.keyboard.press("Enter");
      }
      await p.getByRole("tab", { name: new RegExp(`^${name}`) }).and(p.locator('[aria-selected="true"]')).waitFor();
      await p.getByRole("tabpanel").waitFor();
      expect(await p.getByRole("tabpanel").innerText()).not.toBe("");
      if (name === "Plan") await shoot(page, "taskpane-plan", true);
      if (name === "Settings") await shoot(page, "taskpane-settings", true);
      violations.push(...(await axe(page)).map((v) => `${name}: ${v}`));
    }
    await page.getByRole("switch", { name: "Dark theme" }).check();
    await ready(page);
    for (const name of names) {
      await p.getByRole("tab", { name: new RegExp(`^${name}`) }).click();
      violations.push(...(await axe(page)).map((v) => `${name} (dark): ${v}`));
    }
    await shoot(page, "taskpane-dark", false);
    expect(violations).toEqual([]);
    // Nothing left the page's own origin.
    expect(requests.filter((u) => !u.startsWith(server.url))).toEqual([]);
  });

  it("allows no other origin in its Content-Security-Policy", async () => {
    const { page } = await openPlayground();
    const meta = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")) ?? "";
    expect(meta).toContain("default-src 'self'");
    expect(meta).toContain("script-src 'self';");
    expect(meta).not.toMatch(/https?:|\*/);
  });
});
