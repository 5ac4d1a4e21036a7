import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import webpack from "webpack";

const ROOT = join(__dirname, "..", "..");

interface WebpackConfigModule {
  (env: Record<string, string>, argv: { mode: string }): webpack.Configuration;
  contentSecurityPolicy: (production: boolean) => string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the config is CommonJS JavaScript outside the TypeScript project
export const webpackConfig = require(join(ROOT, "webpack.config.js")) as WebpackConfigModule;

/**
 * Builds the add-in's pages with the project's own webpack config into a fresh temporary folder (`env` as on
 * webpack's command line: `{ playground: "true" }` adds the playground to a production build).
 */
export function buildPages(mode: "production" | "development", env: Record<string, string> = {}): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), `mm-${mode}-`));
  const compiler = webpack({ ...webpackConfig({ ...env, out }, { mode }), context: ROOT, infrastructureLogging: { level: "error" }, stats: "errors-only" });
  return new Promise((resolve, reject) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(stats.toString("errors-only")));
      else resolve(out);
    }),
  );
}

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
