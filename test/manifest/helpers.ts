import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");
export const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
export const ASSETS_DIR = path.join(ROOT, "assets");
export const PRODUCTION_ORIGIN = "https://addin.example.org/milestone-monitor";

export function readManifest(): string {
  return readFileSync(MANIFEST_PATH, "utf8");
}

/** The manifest with `search` replaced by `replacement`; fails loudly when `search` is not in it exactly once. */
export function editManifest(search: string | RegExp, replacement: string, xml = readManifest()): string {
  const count = typeof search === "string" ? xml.split(search).length - 1 : (xml.match(new RegExp(search.source, "g")) ?? []).length;
  if (count !== 1) throw new Error(`editManifest: expected one ${String(search)} in the manifest, found ${count}`);
  return xml.replace(search, replacement);
}

/** A temporary copy of assets/ (icons only) for tests that break files; call `remove` when done. */
export function copyOfAssets(): { dir: string; remove: () => void } {
  const parent = mkdtempSync(path.join(tmpdir(), "milestone-monitor-assets-"));
  const dir = path.join(parent, "assets");
  mkdirSync(dir);
  for (const name of readdirSync(ASSETS_DIR).filter((n) => n.endsWith(".png"))) {
    copyFileSync(path.join(ASSETS_DIR, name), path.join(dir, name));
  }
  return { dir, remove: () => rmSync(parent, { recursive: true, force: true }) };
}
