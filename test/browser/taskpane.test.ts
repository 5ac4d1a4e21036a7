/** @jest-environment node */
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { loadFile } from "../../src/cli/read-workbook";
import { analyzeSheet } from "../../src/core/analyze";
import { marksByActivity, shortLabel } from "../../src/taskpane/lists";
import { axe, openSample, pane, ready, refresh, servePlayground, setAsOf, tab, type Served } from "./playground";
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

let served: Served;

beforeAll(async () => {
  served = await servePlayground();
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  if (DOCS) mkdirSync(DOCS, { recursive: true });
});

afterAll(async () => {
  await served?.stop();
});

/** The task pane (380 x 900) as an artifact, and for the README when `docs` names the file there. */
async function shoot(page: Page, name: string, docs?: string): Promise<void> {
  const box = await pane(page).boundingBox();
  if (!box) throw new Error("the task pane is not on the page");
  const clip = { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 900) };
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, clip, animations: "disabled" });
  if (docs && DOCS) copyFileSync(path, join(DOCS, docs));
}

/** The count on the Findings tab. */
async function findingCount(page: Page): Promise<number> {
  return Number(/\d+/.exec(await tab(page, "Findings").innerText())?.[0] ?? 0);
}

describe("the task pane in Chromium, on the playground", () => {
  it("refreshes the MPS sample as of 2024-01-15 typed into the date field: 25 overdue and 5 current cells flagged, the seed's totals in the summary", async () => {
    const opened = await served.open();
    const { page } = opened;
    await setAsOf(page, "2024-01-15");
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
    // One item per activity, naming its overdue months, as the engine lists them.
    const file = await loadFile(join(ROOT, "assets", "samples", "mps-milestones.xlsx"));
    const engine = analyzeSheet(file.grids[0]!, { asOf: "2024-01-15" });
    const activities = marksByActivity(engine.summary.overdue, engine.plan);
    expect(activities.length).toBeLessThan(25);
    await p.getByRole("heading", { name: `Overdue (${activities.length} activities, 25 marks)` }).waitFor();
    expect(await p.getByRole("list", { name: /^Overdue/ }).getByRole("button").evaluateAll((bs) => bs.map((b) => b.textContent))).toEqual(activities.map((a) => shortLabel(a.activity)));
    await page.screenshot({ path: join(ARTIFACTS, "playground.png"), fullPage: true, animations: "disabled" });
    if (DOCS) copyFileSync(join(ARTIFACTS, "playground.png"), join(DOCS, "playground.png"));
    await shoot(page, "taskpane-summary", "taskpane-summary.png");
    await served.close(opened);
  });

  it("takes the grid's selection to an overdue item's cell when the item is activated from the keyboard", async () => {
    const opened = await served.open();
    const { page } = opened;
    await setAsOf(page, "2024-01-15");
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
    await served.close(opened);
  });

  it("applies a fix when asked: a look-alike X becomes a Latin X in the grid, one finding fewer, the keyboard kept in the list", async () => {
    const opened = await served.open();
    const { page } = opened;
    await openSample(page, "mps-pasted.xlsx", "Pasted from PDF");
    await setAsOf(page, "2024-01-15"); // the same picture for the README whatever the day
    const p = pane(page);
    await tab(page, "Findings").click();
    // Notes are folded at first: open them as a planner would.
    await p.locator("summary").filter({ hasText: "Notes" }).click();
    // Four or more findings of one rule are folded into one group of their own: open those too.
    for (const group of await p.locator("details details > summary").all()) await group.click();
    const fixes = p.getByRole("button", { name: /^Fix: Replace with a Latin X/ });
    await fixes.first().waitFor();
    const fixesBefore = await fixes.count();
    const findingsBefore = await findingCount(page);
    const item = p.locator("li[data-finding]").filter({ has: page.getByRole("button", { name: /^Fix: Replace with a Latin X/ }) }).first();
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
    await served.close(opened);
  });

  it("switches tabs from the keyboard alone, every panel renders, and axe finds nothing on any tab, light or dark", async () => {
    const opened = await served.open();
    const { page } = opened;
    await setAsOf(page, "2024-01-15");
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
    await served.close(opened);
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

    const opened = await served.open();
    const { page } = opened;
    await setAsOf(page, "2024-01-15");
    await tab(page, "Plan").click();
    const panel = pane(page).getByRole("tabpanel", { name: /^Plan/ });
    const activities = panel.locator("li", { has: page.getByRole("button") }).filter({ hasNot: page.locator("details") });
    expect(await activities.count()).toBe(doc.plan.activities.length);
    const shown = new Map<string, number>();
    for (const label of await activities.locator(".fui-Badge").allInnerTexts()) shown.set(label.trim(), (shown.get(label.trim()) ?? 0) + 1);
    expect(shown).toEqual(expected);
    await served.close(opened);
  });

  it("is served and declared with a Content-Security-Policy that allows no other origin", async () => {
    const opened = await served.open({ wait: false });
    const meta = (await opened.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")) ?? "";
    for (const policy of [opened.policy, meta]) {
      expect(policy).toContain("default-src 'self'");
      expect(policy).toMatch(/script-src 'self'(;|$)/);
      expect(policy).toContain("connect-src 'self'");
      expect(policy).not.toMatch(/https?:|\*|wss?:/);
    }
    await served.close(opened);
  });
});
