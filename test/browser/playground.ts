/**
 * The playground in Debian's Chromium, for browser tests: the pages built and served once per test file, each page
 * opened in a context of its own and checked for requests off its origin, Content-Security-Policy violations and
 * uncaught errors.
 */
import { rmSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { buildPages, CHROMIUM, CHROMIUM_ARGS, webpackConfig } from "./build";
import { serve } from "./serve";

export interface Playground {
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
  /** Uncaught errors and Content-Security-Policy violations. */
  problems: string[];
}

export interface Served {
  url: string;
  browser: Browser;
  /** The playground in a fresh context (axe needs one of its own), English dates, a screen of 1400 x 900. */
  open(): Promise<Playground>;
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
    async open() {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: "en-US" });
      const page = await context.newPage();
      const requests: string[] = [];
      const problems: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      page.on("pageerror", (e) => problems.push(e.message));
      page.on("console", (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
      });
      await page.goto(`${server.url}/playground.html`);
      await ready(page);
      return { context, page, requests, problems };
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

/** Sets the as-of date in the pane's date field and waits for the summary as of that day. */
export async function setAsOf(page: Page, iso: string): Promise<void> {
  const [year, month, day] = iso.split("-");
  await pane(page).getByRole("textbox", { name: "As of", exact: true }).focus();
  await page.keyboard.type(`${month}${day}${year}`, { delay: 40 });
  await pane(page).getByRole("heading", { name: new RegExp(`^As of ${iso}:`) }).waitFor();
  await ready(page);
}

/** axe on the task pane (Fluent's focus helpers, `[data-tabster-dummy]`, are left out: nothing else). */
export async function axe(page: Page, label: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include("aside").exclude("[data-tabster-dummy]").options({ resultTypes: ["violations"] }).analyze();
  return result.violations.map((v) => `${label}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}
