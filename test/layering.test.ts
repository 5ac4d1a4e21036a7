/** @jest-environment node */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * The layers, lowest first: core (pure TypeScript) <- excel (Office.js) <- taskpane, commands, playground; core <- cli.
 * A lower layer never imports a higher one, and core imports no host library at all.
 */
const ROOT = join(__dirname, "..");
const FORBIDDEN: Record<string, RegExp[]> = {
  core: [/^\.\.\/(excel|taskpane|commands|cli|playground)\b/, /^(react|react-dom|@fluentui\/|exceljs|office-|@microsoft\/)/, /^(node:|fs$|path$|os$|crypto$)/],
  excel: [/^\.\.\/(taskpane|commands|cli|playground)\b/, /^(react|react-dom|@fluentui\/|exceljs)/, /^(node:|fs$|path$)/],
  cli: [/^\.\.\/(excel|taskpane|commands|playground)\b/, /^(react|react-dom|@fluentui\/)/],
  taskpane: [/^\.\.\/(cli|commands|playground)\b/, /^exceljs/],
  commands: [/^\.\.\/(cli|taskpane|playground)\b/, /^(react|react-dom|@fluentui\/|exceljs)/],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function imports(source: string): string[] {
  return [...source.matchAll(/(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

describe("layering", () => {
  for (const [layer, rules] of Object.entries(FORBIDDEN)) {
    it(`src/${layer} imports nothing from a layer above it`, () => {
      const offenders: string[] = [];
      for (const file of files(join(ROOT, "src", layer))) {
        for (const spec of imports(readFileSync(file, "utf8"))) {
          // Nested folders: normalize "../../excel" style paths to their layer.
          const normalized = spec.replace(/^(\.\.\/)+/, "../");
          if (rules.some((rule) => rule.test(normalized) || rule.test(spec))) offenders.push(`${relative(ROOT, file)} imports ${spec}`);
        }
      }
      expect(offenders).toEqual([]);
    });
  }

  it("core uses no Office, DOM or Node globals", () => {
    const code = (f: string): string => readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
    const offenders = files(join(ROOT, "src", "core")).filter((f) => /\b(Excel|Office|document|window|process|Buffer)\./.test(code(f)));
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
