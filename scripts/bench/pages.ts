/** Task pane figures: each production entry's size (gzip), and the time from page load to the first rendered summary in Chromium. */
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { buildPages, CHROMIUM, CHROMIUM_ARGS, webpackConfig } from "../../test/browser/build";
import { serve } from "../../test/browser/serve";

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
  try {
    console.log("Production entries (JavaScript, gzip; office.js comes from Microsoft's CDN):");
    for (const file of readdirSync(prod).filter((f) => f.endsWith(".js")).sort()) {
      const bytes = readFileSync(join(prod, file));
      console.log(`  ${file.replace(/\.[0-9a-f]{8}\.js$/, ".js").padEnd(14)} ${kb(gzipSync(bytes).length).padStart(9)} (${kb(bytes.length)} minified)`);
    }

    const server = await serve(dev, webpackConfig.contentSecurityPolicy(false));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
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
