/** @jest-environment node */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { buildPages, CHROMIUM, CHROMIUM_ARGS, webpackConfig } from "./build";
import { serve } from "./serve";
import { run } from "../../src/cli/main";
import { loadFile } from "../../src/cli/read-workbook";
import { analyzeSheet } from "../../src/core/analyze";
import { changesHeadline, dayLabel, type Changes } from "../../src/core/history/changes";
import { changesSince, withHistoryFindings } from "../../src/core/history/store";
import { trendOf, type TrendPoint } from "../../src/core/history/trend";
import type { SheetReport } from "../../src/core/analyze";
import { removeTempFiles, tempPath } from "../support/workbook-builder";
import { PAGE_SIZE } from "../../src/taskpane/components/Pager";

/**
 * Monitoring over time in Debian's Chromium: the playground's sample refreshed monthly over 2025-26, the Summary's
 * "since" section and trend chart (axe), the committee report opened from the task pane and printed to PDF, and the
 * command line's report file opened and printed. PDFs are read with poppler's pdfinfo and pdftotext.
 */
jest.setTimeout(240_000);

const ROOT = join(__dirname, "..", "..");
const SAMPLE = join(ROOT, "assets", "samples", "district-history.xlsx");
const SHEET = "PL Plan 2025-26";
const AS_OF = "2026-07-15";
const ARTIFACTS = join(ROOT, "test-results", "screenshots");
const DOCS = process.env["UPDATE_SCREENSHOTS"] === "1" ? join(ROOT, "docs", "screenshots") : null;
/** Pages of the sample's report as of AS_OF: three of overview (figures, trend, changes, overdue, findings), then one per goal. */
const PAGES = { A4: 7, Letter: 7 };

let out: string;
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
/** What the engine says of the sample on the day: the report and the changes since the last review. */
let engine: { report: SheetReport; changes: Changes; october: Changes; trend: TrendPoint[] };

beforeAll(async () => {
  out = await buildPages("development");
  server = await serve(out, webpackConfig.contentSecurityPolicy(false));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = await loadFile(SAMPLE);
  const report = withHistoryFindings(analyzeSheet(file.grids.find((g) => g.sheet === SHEET)!, { asOf: AS_OF }), file.history);
  const when = { at: `${AS_OF}T09:00:00.000Z`, day: AS_OF };
  engine = { report, changes: changesSince(file.history, report, when)!, october: changesSince(file.history, report, when, "2025-10-14")!, trend: trendOf(file.history.snapshots, SHEET) };
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
  removeTempFiles();
});

interface Opened {
  context: BrowserContext;
  page: Page;
  requests: string[];
  problems: string[];
}

/** A context that records every request and every error or refused load of each of its pages. */
async function newContext(): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: "en-US" });
  const requests: string[] = [];
  const problems: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  context.on("page", (page) => {
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("console", (m) => {
      // The playground has no icon: the browser's request for /favicon.ico is not the page's.
      if (/Content Security Policy|Refused to/i.test(m.text()) || (m.type() === "error" && !m.location().url.endsWith("/favicon.ico"))) problems.push(m.text());
    });
  });
  const page = await context.newPage();
  return { context, page, requests, problems };
}

const pane = (page: Page) => page.getByRole("complementary", { name: "Milestone Monitor task pane" });

/** The playground on the history sample, as of AS_OF typed into the date field. */
async function openHistorySample(page: Page): Promise<void> {
  await page.goto(`${server.url}/playground.html`);
  const idle = pane(page).locator('button:not([aria-disabled="true"]):not([disabled])', { hasText: "Refresh status" });
  await idle.waitFor();
  await page.getByRole("combobox", { name: "Sample workbook" }).selectOption("district-history.xlsx");
  await page.locator(`[data-testid="sheet-grid"][data-sheet="${SHEET}"]`).waitFor();
  await idle.waitFor();
  const [year, month, day] = AS_OF.split("-");
  await pane(page).getByRole("textbox", { name: "As of", exact: true }).focus();
  await page.keyboard.type(`${month}${day}${year}`, { delay: 40 });
  await pane(page).getByRole("heading", { name: new RegExp(`^As of ${AS_OF}:`) }).waitFor();
  await idle.waitFor();
}

async function axe(page: Page, label: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include("aside").exclude("[data-tabster-dummy]").options({ resultTypes: ["violations"] }).analyze();
  return result.violations.map((v) => `${label}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

function pdfPages(path: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [path], { encoding: "utf8" }))![1]);
}

function pdfText(path: string): string {
  return execFileSync("pdftotext", ["-layout", path, "-"], { encoding: "utf8" }).replace(/[ \t]+/g, " ");
}

/** Every figure of the report in the printed text: the totals, each refresh of the trend, the changes' headline, each goal. */
function expectEveryFigure(text: string): void {
  const t = engine.report.summary.totals;
  const figures: [string, string][] = [
    ["Activities", String(t.activities)],
    ["Scheduled marks", String(t.scheduled)],
    ["Done", String(t.done)],
    ["Done of scheduled", `${Math.round((100 * t.done) / t.scheduled)}%`],
    ["Overdue", String(t.overdue)],
    ["Current (due now)", String(t.current)],
    ["Upcoming", String(t.upcoming)],
    ["Cancelled", String(t.cancelled)],
  ];
  const missing: string[] = [];
  // Figures are laid out four to a row: a row of labels, then a row of numbers in the same order.
  const labels = figures.map(([l]) => l);
  for (let row = 0; row < labels.length; row += 4) {
    const slice = figures.slice(row, row + 4);
    const pattern = new RegExp(`${slice.map(([l]) => l.replace(/[()]/g, "\\$&")).join(" ")}\\s+${slice.map(([, n]) => n).join(" ")}`);
    if (!pattern.test(text)) missing.push(slice.map(([l, n]) => `${l} ${n}`).join(", "));
  }
  for (const p of engine.trend) {
    const line = `${dayLabel(p.asOf)} ${p.done} ${p.overdue} ${p.current} ${p.scheduled} ${p.percentDone}%`;
    if (!text.includes(line)) missing.push(line);
  }
  if (!text.includes(changesHeadline(engine.changes))) missing.push(changesHeadline(engine.changes));
  for (const goal of new Set(engine.report.plan.activities.map((a) => a.path[0]!))) {
    if (!text.replace(/\s+/g, " ").includes(goal)) missing.push(goal);
  }
  expect(missing).toEqual([]);
}

describe("monitoring over time, in Chromium", () => {
  it("shows on first open what changed since the last review and the trend, each item going to its cell, axe clean light and dark", async () => {
    const opened = await newContext();
    const { page } = opened;
    await openHistorySample(page);
    const p = pane(page);
    await p.getByRole("heading", { name: changesHeadline(engine.changes) }).waitFor();
    const overdue = p.getByRole("list", { name: /^Newly overdue/ }).getByRole("listitem");
    expect(await overdue.count()).toBe(engine.changes.newlyOverdue.length);
    expect(engine.changes.newlyOverdue.length).toBeGreaterThan(0);

    // The trend: a picture with its words, and the same figures as a table.
    const chart = p.getByRole("img", { name: /^Trend chart\. From 12 Aug 2025 to 9 Jun 2026, over 11 refreshes/ });
    await chart.waitFor();
    await p.getByText("The trend as a table").click();
    expect(await p.locator("details table tbody tr").count()).toBe(11);
    // The picture for the README: the pane scrolled to what changed and the trend.
    await p.getByRole("heading", { name: changesHeadline(engine.changes) }).evaluate((e) => e.scrollIntoView({ block: "start" }));
    const box = await p.boundingBox();
    await page.screenshot({ path: join(ARTIFACTS, "history-summary.png"), clip: { x: box!.x, y: box!.y, width: box!.width, height: 900 } });
    if (DOCS) copyFileSync(join(ARTIFACTS, "history-summary.png"), join(DOCS, "taskpane-history.png"));
    const violations = await axe(page, "Summary with history");

    // From the keyboard, an item takes the grid to its cell.
    const first = p.getByRole("list", { name: /^Newly overdue/ }).getByRole("button").first();
    const cell = /Go to ([A-Z]+\d+)$/.exec((await first.getAttribute("aria-label")) ?? "")![1];
    expect(`'${SHEET}'!${cell}`).toBe(engine.changes.newlyOverdue[0]!.cell);
    await first.focus();
    await page.keyboard.press("Enter");
    await page.locator(`td[data-cell="${cell}"][data-selected="true"]`).waitFor();

    // A review picked by date: since the October meeting.
    await p.getByRole("combobox", { name: "Compare with the refresh as of" }).selectOption("2025-10-14");
    await p.getByRole("heading", { name: changesHeadline(engine.october) }).waitFor();
    // Each kind of change a page at a time: the first page shown, the pager saying how many there are.
    for (const [title, items] of [["Newly done", engine.october.newlyDone], ["Removed", engine.october.removed]] as const) {
      expect(await p.getByRole("list", { name: new RegExp(`^${title}`) }).getByRole("listitem").count()).toBe(Math.min(PAGE_SIZE, items.length));
      if (items.length > PAGE_SIZE) {
        await p.getByRole("group", { name: `Pages of ${title.toLowerCase()}` }).getByText(`1\u2013${PAGE_SIZE} of ${items.length} ${title.toLowerCase()}`).waitFor();
      }
    }
    expect(engine.october.newlyDone.length).toBeGreaterThan(PAGE_SIZE);

    await page.getByRole("switch", { name: "Dark theme" }).check();
    await p.getByRole("heading", { name: changesHeadline(engine.october) }).waitFor();
    violations.push(...(await axe(page, "Summary with history, dark")));
    expect(violations).toEqual([]);
    await opened.context.close();
    expect(opened.requests.filter((u) => new URL(u).origin !== server.url)).toEqual([]);
    expect(opened.problems).toEqual([]);
  });

  it("opens the committee report from the task pane in a window of its own origin, printed to PDF with every figure on the expected pages", async () => {
    const opened = await newContext();
    const { page, context } = opened;
    await openHistorySample(page);
    await pane(page).getByRole("heading", { name: changesHeadline(engine.changes) }).waitFor();
    const [report] = await Promise.all([context.waitForEvent("page"), pane(page).getByRole("button", { name: "Report", exact: true }).click()]);
    await report.locator("#report h1").waitFor();
    expect(await report.locator("#report h1").textContent()).toBe(`Committee report: ${SHEET}`);
    // The toolbar is for the screen: the printed page has none of it.
    await report.getByRole("button", { name: "Print" }).waitFor();
    for (const format of ["A4", "Letter"] as const) {
      const pdf = tempPath(`report-${format}.pdf`);
      await report.pdf({ path: pdf, format });
      expect({ format, pages: pdfPages(pdf) }).toEqual({ format, pages: PAGES[format] });
      const text = pdfText(pdf);
      expect(text).not.toMatch(/Save as HTML file/);
      expectEveryFigure(text);
    }
    await report.screenshot({ path: join(ARTIFACTS, "report-window.png") });
    await context.close();
    expect(opened.requests.filter((u) => new URL(u).origin !== server.url)).toEqual([]);
    expect(opened.problems).toEqual([]);
  });

  it("adds a refresh to the history from the task pane: the trend gets its point, the summary sheet its sections", async () => {
    const opened = await newContext();
    const { page } = opened;
    await openHistorySample(page);
    await pane(page).getByRole("button", { name: "Refresh status" }).click();
    await pane(page).getByRole("status").filter({ hasText: `Refreshed as of ${AS_OF}` }).waitFor();
    await pane(page).getByRole("img", { name: /over 12 refreshes/ }).waitFor();
    await page.getByRole("tab", { name: "Milestone Summary" }).click();
    const grid = page.locator('[data-testid="sheet-grid"][data-sheet="Milestone Summary"]');
    await grid.getByText("Changes since the last review", { exact: true }).waitFor();
    await grid.getByText(changesHeadline(engine.changes), { exact: true }).waitFor();
    await grid.getByText("Trend over the refreshes", { exact: true }).waitFor();
    await opened.context.close();
    expect(opened.problems).toEqual([]);
  });

  it("writes from the command line a report that opens in Chromium with no error and no request, and prints the same pages", async () => {
    const path = tempPath("report.html");
    const io = { out: "", err: "", stdout: (s: string) => void (io.out += s), stderr: (s: string) => void (io.err += s), today: () => AS_OF, now: () => new Date(2026, 6, 15, 9, 30) };
    expect(await run(["report", SAMPLE, "--out", path, "--as-of", AS_OF], io)).toBe(0);
    const opened = await newContext();
    const { page } = opened;
    const console: string[] = [];
    page.on("console", (m) => console.push(`${m.type()}: ${m.text()}`));
    await page.goto(`file://${path}`);
    await page.locator("h1").waitFor();
    const pdf = tempPath("cli-report.pdf");
    await page.pdf({ path: pdf, format: "A4" });
    expect(pdfPages(pdf)).toBe(PAGES.A4);
    expectEveryFigure(pdfText(pdf));
    if (DOCS) {
      execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, join(DOCS, "report-printed")]);
    }
    await opened.context.close();
    expect(opened.requests).toEqual([`file://${path}`]);
    expect(console).toEqual([]);
    expect(opened.problems).toEqual([]);
  });
});
