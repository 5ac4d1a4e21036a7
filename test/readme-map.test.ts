/** @jest-environment node */
/**
 * The README's "Where each convention lives" is true: every file it names exists in src/core, every rule the engine
 * emits is in its table, and each rule's named files are the ones that emit it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..");
const CORE = join(ROOT, "src", "core");
const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const section = readme.slice(readme.indexOf("## Where each convention lives"), readme.indexOf("\n## ", readme.indexOf("## Where each convention lives") + 5));
const rows = section.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| ---") && !/^\| (Convention|Rule) /.test(l));
const filesOf = (cell: string): string[] => [...cell.matchAll(/`([a-z/-]+\.ts)`/g)].map((m) => m[1]!);

test("every file the map names exists", () => {
  expect(rows.length).toBeGreaterThan(30);
  const missing = rows.flatMap((row) => filesOf(row.split("|")[2]!)).filter((f) => !existsSync(join(CORE, f)));
  expect(missing).toEqual([]);
});

test("every rule is mapped to exactly the files that emit it", () => {
  const emitters = new Map<string, Set<string>>();
  for (const file of readdirSync(CORE, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"))) {
    for (const m of readFileSync(join(CORE, file), "utf8").matchAll(/\brule: "([a-z-]+)"/g)) {
      if (!emitters.has(m[1]!)) emitters.set(m[1]!, new Set());
      emitters.get(m[1]!)!.add(file.replace(/\\/g, "/"));
    }
  }
  const mapped = new Map<string, string[]>();
  for (const row of rows) {
    const [, rules = "", files = ""] = row.split("|");
    for (const m of rules.matchAll(/`([a-z-]+)`/g)) mapped.set(m[1]!, filesOf(files).sort());
  }
  expect([...mapped.keys()].sort()).toEqual([...emitters.keys()].sort());
  for (const [rule, files] of emitters) expect([rule, [...files].sort()]).toEqual([rule, mapped.get(rule)]);
});
