/**
 * Task pane figures: each production entry's size (gzip), the time from page load to the first rendered summary,
 * and the task pane on a 2,000-activity sheet in the playground (Chromium): first summary, Refresh status, a tab
 * switch.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type Page } from "playwright-core";
import { buildPages, CHROMIUM, CHROMIUM_ARGS, webpackConfig } from "../../test/browser/build";
import { serve } from "../../test/browser/serve";
import { BIG_PLAN_SHEET, writeBigPlan } from "../../test/support/big-plan";
import { WORKBOOK_OPENED } from "../../src/playground/timing";
import { analyzeSheet } from "../../src/core/analyze";
import { dayNumberOfIso, isoFromDayNumber, localToday } from "../../src/core/dates";
import { analyzeWorkbook, refreshStatus } from "../../src/excel/workbook";
import { Sim, installOfficeGlobals } from "../../src/office-sim";
import { syntheticGrid } from "./synthetic";

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export async function benchPages(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log("Task pane: skipped (no /usr/bin/chromium; `apt-get install chromium`).");
    return;
  }
  const prod = await buildPages("production");
  const dev = await buildPages("development");
  // The playground built as the task pane ships (production React), beside `npm start`'s development build.
  const prodPlayground = await buildPages("production", { playground: "true" });
  const dir = mkdtempSync(join(tmpdir(), "mm-bench-pane-"));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    console.log("Production entries (JavaScript, gzip; office.js comes from Microsoft's CDN):");
    for (const file of readdirSync(prod).filter((f) => f.endsWith(".js")).sort()) {
      const bytes = readFileSync(join(prod, file));
      console.log(`  ${file.replace(/\.[0-9a-f]{8}\.js$/, ".js").padEnd(14)} ${kb(gzipSync(bytes).length).padStart(9)} (${kb(bytes.length)} minified)`);
    }

    const server = await serve(dev, webpackConfig.contentSecurityPolicy(false));
    try {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const page = await (await browser.newContext()).newPage();
        await page.goto(`${server.url}/playground.html`);
        await page.getByRole("heading", { name: /scheduled marks in/ }).waitFor({ timeout: 30_000 });
        times.push(await page.evaluate(() => performance.now()));
        await page.close();
      }
      console.log(`Playground (development build), page load to first rendered summary: best ${Math.min(...times).toFixed(0)} ms of 3`);
    } finally {
      await server.close();
    }

    const file = join(dir, "plan-2000x12.xlsx");
    await writeBigPlan(file);
    console.log("The task pane on a 2,000-activity x 12-month sheet in the playground (everything overdue: the sheet is 2023-24), best of 3:");
    console.log(`  where the time goes, in Node (best of 5): ${await withoutRendering(file)}`);
    for (const [label, out] of [["production build (the task pane's bundle)", prodPlayground], ["development build (npm start)", dev]] as const) {
      console.log(`  ${label}: ${describe(await bigSheet(browser, out, file, 3))}`);
    }
  } finally {
    await browser.close();
    for (const d of [prod, dev, prodPlayground, dir]) rmSync(d, { recursive: true, force: true });
  }
}

/**
 * The engine alone, then the adapter on the in-memory workbook (engine included): what the pane waits for besides
 * rendering. Each read is a day later than the one before, so that the engine runs every time (the adapter reuses its
 * report for the very same sheet, settings and day); Refresh status is timed right after the pane's read of the same
 * sheet on the same day, as a user clicks it, so it reuses the report.
 */
async function withoutRendering(file: string): Promise<string> {
  const best = async (work: (run: number) => unknown, before?: (run: number) => Promise<unknown>): Promise<string> => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      await before?.(i);
      const start = performance.now();
      await work(i);
      times.push(performance.now() - start);
    }
    return `${Math.min(...times).toFixed(0)} ms`;
  };
  const sim = await Sim.fromXlsx(readFileSync(file));
  const grid = syntheticGrid(2000, 12);
  const uninstall = installOfficeGlobals(sim);
  try {
    // As the pane has it (everything is overdue), a day apart for each read.
    const today = dayNumberOfIso(localToday(new Date()));
    const day = (run: number): string => isoFromDayNumber(today - run);
    return (
      `engine ${await best((run) => analyzeSheet(grid, { asOf: day(run) }))}; read through the simulator + engine ${await best((run) => analyzeWorkbook({ asOf: day(10 + run) }))}; ` +
      `Refresh status in the simulator right after that read ${await best((run) => refreshStatus({ asOf: day(20 + run) }), (run) => analyzeWorkbook({ asOf: day(20 + run) }))} (writes included; the read's report reused)`
    );
  } finally {
    uninstall();
  }
}

interface PaneTimes {
  /** From the workbook read into memory to the first summary painted. */
  firstSummary: number;
  /** From the click on Refresh status to its outcome painted. */
  refresh: number;
  /** The slowest of Summary -> Plan -> Findings -> Summary, each from the click to the panel painted. */
  tabSwitch: number;
  /** Elements on the whole page once the summary is shown. */
  elements: number;
}

function describe(runs: PaneTimes[]): string {
  const best = (key: keyof PaneTimes): string => Math.min(...runs.map((r) => r[key])).toFixed(0);
  return `first summary ${best("firstSummary")} ms after the sheet is read, refresh ${best("refresh")} ms from click to status, tab switch ${best("tabSwitch")} ms (slowest of three); ${best("elements")} elements on the page`;
}

/** Opens the big sheet in the playground `runs` times, each in a new page, timing in the page itself. */
async function bigSheet(browser: Browser, out: string, file: string, runs: number): Promise<PaneTimes[]> {
  const server = await serve(out, webpackConfig.contentSecurityPolicy(false));
  const results: PaneTimes[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: "en-US" });
      const page = await context.newPage();
      await page.goto(`${server.url}/playground.html`);
      await idle(page);
      await page.evaluate(() => performance.clearMarks());
      await page.locator('input[type="file"]').setInputFiles(file);
      const summaryAt = await painted(page, "#totals-title", "2000 activities");
      const opened = await page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? NaN, WORKBOOK_OPENED);
      await page.locator(`[data-sheet="${BIG_PLAN_SHEET}"]`).waitFor();
      await idle(page);
      const elements = await page.evaluate(() => document.getElementsByTagName("*").length);
      const refresh = await clickUntil(page, ["aside button", "Refresh status"], ["aside [role=status]", "Refreshed as of"]);
      await idle(page);
      let tabSwitch = 0;
      for (const [tab, shows] of [["#tab-plan", "#panel-plan"], ["#tab-findings", "#panel-findings"], ["#tab-summary", "#panel-summary"]]) {
        tabSwitch = Math.max(tabSwitch, await clickUntil(page, [tab!, ""], [shows!, ""]));
      }
      results.push({ firstSummary: summaryAt - opened, refresh, tabSwitch, elements });
      await context.close();
    }
  } finally {
    await server.close();
  }
  return results;
}

/** The pane is idle: Refresh status can be used (while busy it stays focusable, marked aria-disabled). */
async function idle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => [...document.querySelectorAll("aside button")].some((b) => b.textContent?.includes("Refresh status") && b.getAttribute("aria-disabled") !== "true"),
    undefined,
    { timeout: 120_000, polling: 100 },
  );
}

/**
 * The page's clock when `selector` (holding `text`) has been painted: checked before every frame, then the frame
 * that shows it is let through. Timed in the page: the test tool's own queries would slow a page of many elements.
 */
function painted(page: Page, selector: string, text = ""): Promise<number> {
  return page.evaluate(
    ([sel, txt]) =>
      new Promise<number>((resolve) => {
        const check = (): void => {
          if (document.querySelector(sel)?.textContent?.includes(txt)) requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
          else requestAnimationFrame(check);
        };
        check();
      }),
    [selector, text] as const,
  );
}

/** Clicks the first element matching `target` that holds its text, and times until `shown` (with its text) is painted. */
async function clickUntil(page: Page, target: [string, string], shown: [string, string]): Promise<number> {
  const start = await page.evaluate(([sel, txt]) => {
    const t = performance.now();
    [...document.querySelectorAll<HTMLElement>(sel)].find((e) => e.textContent?.includes(txt))?.click();
    return t;
  }, target);
  return (await painted(page, ...shown)) - start;
}
