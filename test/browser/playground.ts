/**
 * The playground in Debian's Chromium, for browser tests: the pages built and served once per test file, each page
 * opened in a context of its own and checked for requests off its origin, Content-Security-Policy violations and
 * uncaught errors (of every page of the context: windows the pane opens too).
 */
import { rmSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { buildPages, CHROMIUM, CHROMIUM_ARGS, webpackConfig } from "./build";
import { serve } from "./serve";
import { ROW_HEIGHT } from "../../src/playground/sheet-view";

export interface Playground {
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
  /** Uncaught errors and Content-Security-Policy violations. */
  problems: string[];
  /** The Content-Security-Policy header the page came with. */
  policy: string;
}

export interface Served {
  url: string;
  browser: Browser;
  /**
   * The playground in a fresh context (axe needs one of its own), English dates, a screen of 1400 x 900; unless
   * `wait` is false, once the pane is idle.
   */
  open(options?: { wait?: boolean }): Promise<Playground>;
  /** Nothing left the page's origin, nothing was refused or thrown; then the context is closed. */
  close(opened: Playground): Promise<void>;
  stop(): Promise<void>;
}

export async function servePlayground(): Promise<Served> {
  const out = await buildPages("development");
  const server = await serve(out, webpackConfig.contentSecurityPolicy(false));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    url: server.url,
    browser,
    async open({ wait = true } = {}) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: "en-US" });
      const requests: string[] = [];
      const problems: string[] = [];
      context.on("request", (r) => requests.push(r.url()));
      context.on("page", (p) => {
        p.on("pageerror", (e) => problems.push(e.message));
        // A request the policy blocks never reaches the network (nor "request"): Chromium reports it on the console.
        p.on("console", (m) => {
          if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
        });
      });
      const page = await context.newPage();
      const response = await page.goto(`${server.url}/playground.html`);
      if (wait) await ready(page);
      return { context, page, requests, problems, policy: (await response?.allHeaders())?.["content-security-policy"] ?? "" };
    },
    async close({ context, requests, problems }) {
      await context.close();
      expect(requests.filter((url) => new URL(url).origin !== server.url)).toEqual([]);
      expect(problems).toEqual([]);
    },
    async stop() {
      await browser.close();
      await server.close();
      rmSync(out, { recursive: true, force: true });
    },
  };
}

export const pane = (page: Page): Locator => page.getByRole("complementary", { name: "Milestone Monitor task pane" });
export const tab = (page: Page, name: string): Locator => pane(page).getByRole("tab", { name: new RegExp(`^${name}`) });

/** Waits until the task pane is idle: "Refresh status" can be used (while busy it stays focusable, marked aria-disabled). */
export async function ready(page: Page): Promise<void> {
  await pane(page).locator('button:not([aria-disabled="true"]):not([disabled])', { hasText: "Refresh status" }).waitFor();
}

/** Opens a sample workbook from the picker and waits for its first summary. */
export async function openSample(page: Page, file: string, sheet: string): Promise<void> {
  await page.getByRole("combobox", { name: "Sample workbook" }).selectOption(file);
  await page.locator(`[data-testid="sheet-grid"][data-sheet="${sheet}"]`).waitFor();
  await pane(page).getByRole("heading", { name: /scheduled marks/ }).waitFor();
  await ready(page);
}

/**
 * Types the as-of date into the pane's date field, digit by digit, as someone at the keyboard would (month, day,
 * year), and waits for the summary as of that day.
 */
export async function setAsOf(page: Page, iso: string): Promise<void> {
  const [year, month, day] = iso.split("-");
  const field = pane(page).getByRole("textbox", { name: "As of", exact: true });
  await field.focus();
  await page.keyboard.type(`${month}${day}${year}`, { delay: 60 });
  // The field kept the keyboard and every digit while the plan was read again for the dates typed on the way.
  expect(await field.evaluate((e) => e === document.activeElement)).toBe(true);
  expect(await field.inputValue()).toBe(iso);
  await pane(page).getByRole("heading", { name: new RegExp(`^As of ${iso}:`) }).waitFor();
  await ready(page);
}

/** Clicks Refresh status and waits for its outcome. */
export async function refresh(page: Page, asOf: string): Promise<void> {
  await pane(page).getByRole("button", { name: "Refresh status" }).click();
  await pane(page).getByRole("status").filter({ hasText: `Refreshed as of ${asOf}` }).waitFor();
}

/** axe on the task pane, or on the whole page (Fluent's focus helpers, `[data-tabster-dummy]`, are left out: nothing else). */
export async function axe(page: Page, label: string, scope: "pane" | "page" = "pane"): Promise<string[]> {
  // Every rule runs; only violations are reported in full (passes and incomplete results cost most of the time).
  const result = await new AxeBuilder({ page }).include(scope === "pane" ? "aside" : "body").exclude("[data-tabster-dummy]").options({ resultTypes: ["violations"] }).analyze();
  return result.violations.map((v) => `${label}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** A cell of the playground's grid as the page draws it. */
export interface ShownCell {
  text: string;
  /** "overdue" or "current" where the pane flagged the cell. */
  flag: string | null;
}

/**
 * Every cell of the sheet shown in the grid, by address. The grid draws only the rows on screen: it is scrolled from
 * top to bottom a screen at a time, each screen read once its rows are drawn, then scrolled back to the top.
 */
export async function everyCell(page: Page): Promise<Map<string, ShownCell>> {
  const cells = await page.evaluate(async (rowHeight) => {
    const el = document.getElementById("sheet-grid")!;
    const out: [string, string, string | null][] = [];
    const drawn = async (top: number): Promise<void> => {
      const row = Math.floor(top / rowHeight) + 2; // aria-rowindex: the header is row 1
      for (let frames = 0; frames < 600 && !el.querySelector(`tr[aria-rowindex="${row}"]`); frames++) await new Promise(requestAnimationFrame);
    };
    for (let top = 0; ; top += el.clientHeight) {
      el.scrollTop = top;
      await drawn(el.scrollTop);
      for (const td of el.querySelectorAll("td[data-cell]")) out.push([td.getAttribute("data-cell")!, td.textContent ?? "", td.getAttribute("data-flag")]);
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) break;
    }
    el.scrollTop = 0;
    await drawn(0);
    return out;
  }, ROW_HEIGHT);
  return new Map(cells.map(([cell, text, flag]) => [cell, { text, flag }]));
}
