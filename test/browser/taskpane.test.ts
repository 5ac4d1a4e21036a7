/** @jest-environment node */
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { buildPages, CHROMIUM, CHROMIUM_ARGS, webpackConfig } from "./build";
import { serve } from "./serve";
import { run } from "../../src/cli/main";
import type { MarkStatus } from "../../src/core/status";
import { activityStanding } from "../../src/core/writes";

/** The Plan tab's badge for an activity's standing. */
const STANDING_LABELS: Record<MarkStatus | "unscheduled", string> = {
  overdue: "Overdue",
  current: "Current",
  upcoming: "Upcoming",
  done: "Done",
  cancelled: "Cancelled",
  unscheduled: "No period",
};

/**
 * The task pane in Debian's Chromium, on the playground: the MPS sample beside the real task pane, which runs on the
 * in-memory workbook through the same adapter as in Excel. Every page opened is checked for requests off its own
 * origin, Content-Security-Policy violations and uncaught errors. Screenshots go to test-results/screenshots
 * (artifacts) and the README's ones to docs/screenshots.
 */
jest.setTimeout(180_000);

const ROOT = join(__dirname, "..", "..");
const ARTIFACTS = join(ROOT, "test-results", "screenshots");
/** The README's screenshots are refreshed only on request (`UPDATE_SCREENSHOTS=1 npx jest test/browser`), so a test run leaves the tree clean. */
const DOCS = process.env["UPDATE_SCREENSHOTS"] === "1" ? join(ROOT, "docs", "screenshots") : null;
const TABS = ["Summary", "Findings", "Plan", "Settings"] as const;

let out: string;
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

beforeAll(async () => {
  out = await buildPages("development");
  server = await serve(out, webpackConfig.contentSecurityPolicy(false));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  if (DOCS) mkdirSync(DOCS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

interface Opened {
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
  /** Uncaught errors and Content-Security-Policy violations. */
  problems: string[];
  /** The Content-Security-Policy header the page came with. */
  policy: string;
}

/** The playground in a fresh context (axe needs one of its own), English dates, a screen of 1400 x 900. */
async function openPlayground(wait = true): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: "en-US" });
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => problems.push(e.message));
  // A request the policy blocks never reaches the network (nor "request"): Chromium reports it on the console.
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  const response = await page.goto(`${server.url}/playground.html`);
  if (wait) await ready(page);
  return { context, page, requests, problems, policy: (await response?.allHeaders())?.["content-security-policy"] ?? "" };
}

/** Nothing left the page's origin, nothing was refused or thrown; then the context is closed. */
async function close({ context, requests, problems }: Opened): Promise<void> {
  await context.close();
  expect(requests.filter((url) => new URL(url).origin !== server.url)).toEqual([]);
  expect(problems).toEqual([]);
}

const pane = (page: Page): Locator => page.getByRole("complementary", { name: "Milestone Monitor task pane" });
const tab = (page: Page, name: string): Locator => pane(page).getByRole("tab", { name: new RegExp(`^${name}`) });

/** Waits until the task pane is idle: "Refresh status" can be used (while busy it stays focusable, marked aria-disabled). */
async function ready(page: Page): Promise<void> {
  await pane(page).locator('button:not([aria-disabled="true"]):not([disabled])', { hasText: "Refresh status" }).waitFor();
}

/** Types the as-of date into the date field, digit by digit, as someone at the keyboard would (month, day, year). */
async function typeAsOf(page: Page, iso: string): Promise<void> {
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

async function refresh(page: Page, asOf: string): Promise<void> {
  await pane(page).getByRole("button", { name: "Refresh status" }).click();
  await pane(page).getByRole("status").filter({ hasText: `Refreshed as of ${asOf}` }).waitFor();
}

/** The task pane (380 x 900) as an artifact, and for the README when `docs` names the file there. */
async function shoot(page: Page, name: string, docs?: string): Promise<void> {
  const box = await pane(page).boundingBox();
  if (!box) throw new Error("the task pane is not on the page");
  const clip = { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 900) };
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, clip, animations: "disabled" });
  if (docs && DOCS) copyFileSync(path, join(DOCS, docs));
}

/** axe on the task pane (Fluent's focus helpers, `[data-tabster-dummy]`, are left out: nothing else). */
async function axe(page: Page, label: string): Promise<string[]> {
  // Every rule runs; only violations are reported in full (passes and incomplete results cost most of the time).
  const result = await new AxeBuilder({ page }).include("aside").exclude("[data-tabster-dummy]").options({ resultTypes: ["violations"] }).analyze();
  return result.violations.map((v) => `${label}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

async function openSample(page: Page, file: string, sheet: string): Promise<void> {
  await page.getByRole("combobox", { name: "Sample workbook" }).selectOption(file);
  await page.locator(`[data-testid="sheet-grid"][data-sheet="${sheet}"]`).waitFor();
  await pane(page).getByRole("heading", { name: /scheduled marks/ }).waitFor();
  await ready(page);
}

/** The count on the Findings tab. */
async function findingCount(page: Page): Promise<number> {
  return Number(/\d+/.exec(await tab(page, "Findings").innerText())?.[0] ?? 0);
}

describe("the task pane in Chromium, on the playground", () => {
  it("refreshes the MPS sample as of 2024-01-15 typed into the date field: 25 overdue and 5 current cells flagged, the seed's totals in the summary", async () => {
    const opened = await openPlayground();
    const { page } = opened;
    await typeAsOf(page, "2024-01-15");
    await refresh(page, "2024-01-15");
    const grid = page.getByTestId("sheet-grid");
    await grid.locator('td[data-flag="overdue"]').first().waitFor();
    expect(await grid.locator('td[data-flag="overdue"]').count()).toBe(25);
    expect(await grid.locator('td[data-flag="current"]').count()).toBe(5);
    const p = pane(page);
    await p.getByRole("heading", { name: "As of 2024-01-15: 57 scheduled marks in 18 activities" }).waitFor();
    const figure = async (label: string): Promise<string> => (await p.locator("dl > div").filter({ has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) }).locator("dd").textContent()) ?? "";
    expect({ overdue: await figure("Overdue"), current: await figure("Current"), upcoming: await figure("Upcoming"), done: await figure("Done") }).toEqual({
      overdue: "25",
      current: "5",
      upcoming: "27",
      done: "0",
    });
    expect(await p.getByRole("list", { name: /^Overdue/ }).getByRole("listitem").count()).toBe(25);
    await page.screenshot({ path: join(ARTIFACTS, "playground.png"), fullPage: true, animations: "disabled" });
    if (DOCS) copyFileSync(join(ARTIFACTS, "playground.png"), join(DOCS, "playground.png"));
    await shoot(page, "taskpane-summary", "taskpane-summary.png");
    await close(opened);
  });

  it("takes the grid's selection to an overdue item's cell when the item is activated from the keyboard", async () => {
    const opened = await openPlayground();
    const { page } = opened;
    await typeAsOf(page, "2024-01-15");
    const before = await page.locator('td[data-selected="true"]').getAttribute("data-cell");
    const overdue = pane(page).getByRole("list", { name: /^Overdue/ }).getByRole("button");
    const item = overdue.nth(2);
    const cell = /Go to ([A-Z]+\d+)$/.exec((await item.getAttribute("aria-label")) ?? "")?.[1];
    expect(cell).toBeDefined();
    expect(cell).not.toBe(before);
    await item.focus();
    await page.keyboard.press("Enter");
    await page.locator(`td[data-cell="${cell}"][data-selected="true"]`).waitFor();
    expect(await page.locator('td[data-selected="true"]').count()).toBe(1);
    // The selected cell says so as the current cell; plain cells of a table are not selectable options.
    expect(await page.locator('td[data-selected="true"]').getAttribute("aria-current")).toBe("true");
    expect(await page.locator("td[aria-selected]").count()).toBe(0);
    // The keyboard stays on the item (the workbook, not the pane, is what moved).
    expect(await item.evaluate((e) => e === document.activeElement)).toBe(true);
    await close(opened);
  });

  it("applies a fix when asked: a look-alike X becomes a Latin X in the grid, one finding fewer, the keyboard kept in the list", async () => {
    const opened = await openPlayground();
    const { page } = opened;
    await openSample(page, "mps-pasted.xlsx", "Pasted from PDF");
    await typeAsOf(page, "2024-01-15"); // the same picture for the README whatever the day
    const p = pane(page);
    await tab(page, "Findings").click();
    // Notes are folded at first: open them as a planner would.
    await p.locator("summary").filter({ hasText: "Notes" }).click();
    const fixes = p.getByRole("button", { name: /^Fix: Replace with a Latin X/ });
    await fixes.first().waitFor();
    const fixesBefore = await fixes.count();
    const findingsBefore = await findingCount(page);
    const item = p.locator("li").filter({ has: page.getByRole("button", { name: /^Fix: Replace with a Latin X/ }) }).first();
    const cell = ((await item.getByRole("button", { name: /^Go to / }).textContent()) ?? "").replace("Go to ", "").trim();
    const grid = page.locator(`td[data-cell="${cell}"]`);
    expect(await grid.textContent()).toMatch(/^[\u0425\u03A7\u0445\u03C7]$/); // Cyrillic or Greek X
    await shoot(page, "taskpane-findings", "taskpane-findings.png");
    const violations = await axe(page, "Findings listed");

    await fixes.first().click();
    await p.getByRole("status").filter({ hasText: "Fixed: Replace with a Latin X" }).waitFor();
    await grid.filter({ hasText: /^X$/ }).waitFor();
    expect(await fixes.count()).toBe(fixesBefore - 1);
    expect(await findingCount(page)).toBe(findingsBefore - 1);
    // The fixed finding is gone; the keyboard went on to the one now in its place, not back to the page.
    await page.waitForFunction(() => document.activeElement?.closest("aside [data-finding]") != null, undefined, { timeout: 5000 });

    await page.getByRole("switch", { name: "Dark theme" }).check();
    await ready(page);
    violations.push(...(await axe(page, "Findings listed, dark")));
    expect(violations).toEqual([]);
    await close(opened);
  });

  it("switches tabs from the keyboard alone, every panel renders, and axe finds nothing on any tab, light or dark", async () => {
    const opened = await openPlayground();
    const { page } = opened;
    await typeAsOf(page, "2024-01-15");
    const p = pane(page);
    const violations: string[] = [];
    await tab(page, "Summary").focus();
    for (const [i, name] of TABS.entries()) {
      if (i > 0) {
        await page.keyboard.press("ArrowRight");
        await page.keyboard.press("Enter");
      }
      await tab(page, name).and(p.locator('[aria-selected="true"]')).waitFor();
      expect(await tab(page, name).evaluate((e) => e === document.activeElement)).toBe(true);
      const panel = p.getByRole("tabpanel", { name: new RegExp(`^${name}`) });
      await panel.waitFor();
      expect((await panel.innerText()).trim()).not.toBe("");
      violations.push(...(await axe(page, name)));
    }
    // Home goes back to the first tab.
    await page.keyboard.press("Home");
    await page.keyboard.press("Enter");
    await tab(page, "Summary").and(p.locator('[aria-selected="true"]')).waitFor();
    // Pictures for the README, chosen with the mouse (no keyboard focus ring on the tab).
    for (const name of ["Plan", "Settings"]) {
      await tab(page, name).click();
      await p.getByRole("tabpanel", { name: new RegExp(`^${name}`) }).waitFor();
      await shoot(page, `taskpane-${name.toLowerCase()}`, `taskpane-${name.toLowerCase()}.png`);
    }

    await page.getByRole("switch", { name: "Dark theme" }).check();
    await ready(page);
    for (const name of TABS) {
      await tab(page, name).click();
      await p.getByRole("tabpanel", { name: new RegExp(`^${name}`) }).waitFor();
      violations.push(...(await axe(page, `${name}, dark`)));
      if (name === "Summary") await shoot(page, "taskpane-summary-dark");
    }
    expect(violations).toEqual([]);
    await close(opened);
  });

  it("shows each activity on the Plan tab with where it stands as of the day, as the engine works it out", async () => {
    // What the command line says of the same workbook on the same day: each activity's most pressing mark.
    const io = { out: "", stdout: (s: string) => void (io.out += s), stderr: () => undefined, today: () => "2024-01-15" };
    expect(await run(["status", join(ROOT, "assets", "samples", "mps-milestones.xlsx"), "--json", "--as-of", "2024-01-15"], io)).toBe(0);
    const doc = JSON.parse(io.out) as { plan: { activities: { schedule: { status: MarkStatus }[] }[] } };
    const expected = new Map<string, number>();
    for (const a of doc.plan.activities) {
      const label = STANDING_LABELS[activityStanding(a.schedule.map((m) => m.status))];
      expected.set(label, (expected.get(label) ?? 0) + 1);
    }
    expect(expected.get("Overdue")).toBeGreaterThan(0);
    expect(expected.get("Current")).toBeGreaterThan(0);

    const opened = await openPlayground();
    const { page } = opened;
    await typeAsOf(page, "2024-01-15");
    await tab(page, "Plan").click();
    const panel = pane(page).getByRole("tabpanel", { name: /^Plan/ });
    const activities = panel.locator("li", { has: page.getByRole("button") }).filter({ hasNot: page.locator("details") });
    expect(await activities.count()).toBe(doc.plan.activities.length);
    const shown = new Map<string, number>();
    for (const label of await activities.locator(".fui-Badge").allInnerTexts()) shown.set(label.trim(), (shown.get(label.trim()) ?? 0) + 1);
    expect(shown).toEqual(expected);
    await close(opened);
  });

  it("is served and declared with a Content-Security-Policy that allows no other origin", async () => {
    const opened = await openPlayground(false);
    const meta = (await opened.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")) ?? "";
    for (const policy of [opened.policy, meta]) {
      expect(policy).toContain("default-src 'self'");
      expect(policy).toMatch(/script-src 'self'(;|$)/);
      expect(policy).toContain("connect-src 'self'");
      expect(policy).not.toMatch(/https?:|\*|wss?:/);
    }
    await close(opened);
  });
});
