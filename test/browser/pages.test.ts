/** @jest-environment node */
import { readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { buildPages } from "./build";

/** The production build: what districts host. */
jest.setTimeout(180_000);

let out: string;
beforeAll(async () => {
  out = await buildPages("production");
});
afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

const html = (name: string): string => readFileSync(join(out, name), "utf8");
// The production HTML is minified: attribute quotes may be gone where a value has no space.
const csp = (page: string): string => /http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]*)"/.exec(page)?.[1] ?? "";
const scriptSources = (page: string): string[] => [...page.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]!);

describe("the production pages", () => {
  it("allow scripts only from their own origin and Microsoft's office.js CDN, and nothing else from anywhere", () => {
    for (const name of ["taskpane.html", "commands.html", "dialog.html", "report.html", "help.html"]) {
      const policy = csp(html(name));
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
      const origins = policy.match(/https?:\/\/[^\s;]+/g) ?? [];
      expect(origins).toEqual(["https://appsforoffice.microsoft.com"]);
    }
  });

  it("load office.js from the CDN, and the playground is not part of them", () => {
    expect(scriptSources(html("taskpane.html"))).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(readdirSync(out)).not.toContain("playground.html");
    expect(readdirSync(out)).not.toContain("office");
  });

  it("carry a manifest pointing at the production origin, with no localhost left", () => {
    const manifest = html("manifest.xml");
    expect(manifest).not.toMatch(/localhost/);
    expect(manifest).toContain("https://");
  });

  // The budget was 200 KB while the engine read month grids only. It is 220 KB since the engine in the pane also reads
  // action-plan tables, outlines and timing in words, the theory of action and the standards (about 20 KB gzip); the
  // committee report's code is loaded on its first click and is not counted. Raise it only with such an account.
  it("keep the task pane's JavaScript at most 220 KB gzip", () => {
    const gzip = (file: string): number => gzipSync(readFileSync(join(out, file))).length;
    const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
    console.log(
      readdirSync(out)
        .filter((f) => f.endsWith(".js"))
        .sort()
        .map((f) => `${f}: ${kb(gzip(f))} gzip`)
        .join("\n"),
    );
    // Everything taskpane.html loads but office.js, which comes from Microsoft's CDN.
    const scripts = scriptSources(html("taskpane.html")).filter((src) => !src.startsWith("http"));
    expect(scripts.length).toBeGreaterThan(0);
    const total = scripts.reduce((sum, src) => sum + gzip(src), 0);
    console.log(`task pane: ${kb(total)} gzip of 220 KB`);
    expect(total).toBeLessThanOrEqual(220 * 1024);
  });
});
