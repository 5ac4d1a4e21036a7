/** Task pane figures: each production entry's size (gzip), and the time from page load to the first rendered summary in Chromium. */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import webpack from "webpack";
import { chromium } from "playwright-core";
import { serve } from "../../test/browser/serve";

const ROOT = join(__dirname, "..", "..");

/** Builds the pages with the project's webpack config into `out`. */
export function buildPages(mode: "production" | "development", out: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(join(ROOT, "webpack.config.js")) as (env: Record<string, string>, argv: { mode: string }) => webpack.Configuration;
  const compiler = webpack({ ...config({ out }, { mode }), context: ROOT, infrastructureLogging: { level: "error" }, stats: "errors-only" });
  return new Promise((resolve, reject) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(stats.toString("errors-only")));
      else resolve();
    }),
  );
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export async function benchPages(): Promise<void> {
  if (!existsSync("/usr/bin/chromium")) {
    console.log("Task pane: skipped (no /usr/bin/chromium; `apt-get install chromium`).");
    return;
  }
  const prod = mkdtempSync(join(tmpdir(), "mm-prod-"));
  const dev = mkdtempSync(join(tmpdir(), "mm-dev-"));
  try {
    await buildPages("production", prod);
    console.log("Production entries (JavaScript, gzip; office.js comes from Microsoft's CDN):");
    for (const file of readdirSync(prod).filter((f) => f.endsWith(".js")).sort()) {
      const bytes = readFileSync(join(prod, file));
      console.log(`  ${file.replace(/\.[0-9a-f]{8}\.js$/, ".js").padEnd(14)} ${kb(gzipSync(bytes).length).padStart(9)} (${kb(bytes.length)} minified)`);
    }

    await buildPages("development", dev);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { contentSecurityPolicy } = require(join(ROOT, "webpack.config.js")) as { contentSecurityPolicy: (p: boolean) => string };
    const server = await serve(dev, contentSecurityPolicy(false));
    const browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
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
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(prod, { recursive: true, force: true });
    rmSync(dev, { recursive: true, force: true });
  }
}
