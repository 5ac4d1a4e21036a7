/**
 * The production manifest: manifest.xml with every development URL (https://localhost:3000/...) moved to
 * the origin the add-in is published at.
 *
 *   ts-node scripts/manifest/production-manifest.ts --origin https://addin.example.org/milestone-monitor
 *   ADDIN_ORIGIN=https://addin.example.org/milestone-monitor ts-node scripts/manifest/production-manifest.ts
 *   options: --in manifest.xml (default), --out dist/manifest.xml (default)
 *
 * The origin may carry a path (the add-in's base URL); AppDomain gets its scheme, host and port only.
 * Comments are dropped (they describe the development setup). The command line checks the result with
 * the schemas and the asset checks (against the project's assets/) before it writes it.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { checkManifest } from "./validate-manifest";

export const DEV_ORIGIN = "https://localhost:3000";
/** The development origin, not followed by more of a host name or port ("https://localhost:30001"). */
const DEV_ORIGIN_PATTERN = /https:\/\/localhost:3000(?![\w.:-])/g;

/** The production base URL without a trailing slash; throws unless it is an https URL without query or fragment. */
export function productionBase(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin.trim());
  } catch {
    throw new Error(`The production origin "${origin}" is not a URL (expected e.g. https://addin.example.org/milestone-monitor)`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`The production origin must use https (Office loads add-ins only over https): "${origin}"`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`The production origin must be a plain base URL, without credentials, query or fragment: "${origin}"`);
  }
  return url.origin + url.pathname.replace(/\/+$/, "");
}

/** Rewrites the development manifest for `origin` (see productionBase). */
export function productionManifest(xmlText: string, origin: string): string {
  const base = productionBase(origin);
  if (xmlText.search(DEV_ORIGIN_PATTERN) < 0) throw new Error(`The manifest has no ${DEV_ORIGIN} URL to rewrite`);

  const rewritten = xmlText
    .replace(/^[ \t]*<!--[\s\S]*?-->[ \t]*\r?\n/gm, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/(<AppDomain>\s*)https:\/\/localhost:3000\/?(\s*<\/AppDomain>)/g, `$1${new URL(base).origin}$2`)
    .replace(DEV_ORIGIN_PATTERN, base);
  const left = /localhost/i.exec(rewritten);
  if (left) {
    const line = rewritten.slice(0, left.index).split("\n").length;
    throw new Error(`line ${line} of the rewritten manifest still mentions localhost`);
  }
  const header = `<!-- Generated from manifest.xml for ${base}: edit manifest.xml, not this file. -->\n`;
  const declaration = /^<\?xml[^>]*\?>\r?\n?/.exec(rewritten);
  return declaration ? declaration[0] + header + rewritten.slice(declaration[0].length) : header + rewritten;
}

async function main(args: string[]): Promise<number> {
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const origin = option("--origin") ?? process.env.ADDIN_ORIGIN;
  const input = option("--in") ?? "manifest.xml";
  const output = option("--out") ?? path.join("dist", "manifest.xml");
  if (!origin) {
    console.error("usage: production-manifest --origin https://host/base-path [--in manifest.xml] [--out dist/manifest.xml]");
    console.error("       (or set ADDIN_ORIGIN instead of --origin)");
    return 2;
  }
  const xml = productionManifest(readFileSync(input, "utf8"), origin);
  const check = await checkManifest(xml, { assetsDir: path.join(path.dirname(input), "assets") });
  if (!check.valid) {
    console.error(`The production manifest for ${origin} is not valid:`);
    for (const error of check.errors) console.error(`  ${error}`);
    return 1;
  }
  mkdirSync(path.dirname(output), { recursive: true });
  writeFileSync(output, xml);
  console.log(`wrote ${output} for ${productionBase(origin)}`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
