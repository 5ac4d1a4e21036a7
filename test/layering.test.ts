/** @jest-environment node */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { isBuiltin } from "node:module";
import { join, posix, relative, sep } from "node:path";
import ts from "typescript";

/**
 * The layers of src/, one a folder, and what each may import. core is at the bottom and imports no host library;
 * excel (Office.js) is above it; taskpane and commands above excel; cli beside them on core; report (the committee
 * report's page and the trend drawing, plain strings) on core, for the task pane and the command line alike;
 * office-sim (the in-memory workbook) stands alone; playground hosts the task pane on office-sim. Nothing in src/
 * imports test code.
 */
interface Layer {
  /** the layers whose code it may import (its own folder always) */
  layers: string[];
  /** layers it may import types from (`import type`), and no code */
  typesFrom?: string[];
  /** packages it must not import */
  packages?: RegExp;
  /** Node's built-in modules it may import: "all", or these (none when absent) */
  node?: "all" | string[];
}

const UI = /^((react|react-dom)(\/|$)|@fluentui\/)/;
const OFFICE = /^(office-|@microsoft\/)/;

const LAYERS: Record<string, Layer> = {
  core: { layers: [], packages: new RegExp(`${UI.source}|${OFFICE.source}|^exceljs(\\/|$)`) },
  // The simulator stands in for Office.js, in a page too: it may name the engine's types, nothing else of the add-in.
  // node:crypto hashes sheet passwords, which only tests use (src/office-sim/README.md).
  "office-sim": { layers: [], typesFrom: ["core"], packages: new RegExp(`${UI.source}|${OFFICE.source}`), node: ["crypto"] },
  excel: { layers: ["core"], packages: new RegExp(`${UI.source}|^exceljs(\\/|$)`) },
  report: { layers: ["core"], packages: new RegExp(`${UI.source}|${OFFICE.source}|^exceljs(\\/|$)`) },
  taskpane: { layers: ["core", "excel", "report"], packages: /^exceljs(\/|$)/ },
  commands: { layers: ["core", "excel"], packages: new RegExp(`${UI.source}|^exceljs(\\/|$)`) },
  cli: { layers: ["core", "report"], packages: UI, node: "all" },
  playground: { layers: ["core", "excel", "taskpane", "commands", "office-sim", "report"] },
};

interface Source {
  /** path from the project's root, with forward slashes: "src/excel/workbook.ts" */
  path: string;
  text: string;
}

interface Import {
  spec: string;
  typeOnly: boolean;
}

/** Every module a source names: static and dynamic imports, re-exports, require() and import("...") types. */
function importsOf(source: Source): Import[] {
  const file = ts.createSourceFile(source.path, source.text, ts.ScriptTarget.Latest, false, source.path.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Import[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ spec: node.moduleSpecifier.text, typeOnly: node.importClause?.isTypeOnly ?? false });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ spec: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ spec: node.argument.literal.text, typeOnly: true });
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0]!)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === "require")) {
        found.push({ spec: node.arguments[0].text, typeOnly: false });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/**
 * What breaks the layering in these sources (paths from the project's root), given the folders under src/: a folder
 * with no rule, a file outside any folder, an import of a layer, package or Node module its layer may not use, and any
 * import of test code. One line for each.
 */
function layeringViolations(folders: string[], sources: Source[]): string[] {
  const problems = folders.filter((folder) => !(folder in LAYERS)).map((folder) => `src/${folder} has no rule in test/layering.test.ts`);
  for (const source of sources) {
    const layer = /^src\/([^/]+)\//.exec(source.path)?.[1];
    if (layer === undefined) {
      problems.push(`${source.path} is in no layer (put it in a folder of src/)`);
      continue;
    }
    const rule = LAYERS[layer];
    if (rule === undefined) continue; // its folder is reported above
    for (const { spec, typeOnly } of importsOf(source)) {
      const problem = importProblem(layer, rule, posix.dirname(source.path), spec, typeOnly);
      if (problem !== null) problems.push(`${source.path} imports ${spec}: ${problem}`);
    }
  }
  return problems;
}

function importProblem(layer: string, rule: Layer, dir: string, spec: string, typeOnly: boolean): string | null {
  if (spec.startsWith(".")) {
    const target = posix.normalize(posix.join(dir, spec));
    if (target === "test" || target.startsWith("test/")) return "test code";
    const other = /^src\/([^/]+)/.exec(target)?.[1];
    if (other === undefined || other === layer || rule.layers.includes(other)) return null;
    if (typeOnly && rule.typesFrom?.includes(other)) return null;
    return rule.typesFrom?.includes(other) ? `code from src/${other} (types only)` : `src/${layer} may not import src/${other}`;
  }
  if (isBuiltin(spec)) {
    const name = spec.replace(/^node:/, "").split("/")[0]!;
    return rule.node === "all" || rule.node?.includes(name) ? null : `Node's ${name} in src/${layer}`;
  }
  return rule.packages?.test(spec) ? `the package ${spec} in src/${layer}` : null;
}

const ROOT = join(__dirname, "..");
const SRC = join(ROOT, "src");

function sourceFiles(dir: string): Source[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [{ path: relative(ROOT, path).split(sep).join("/"), text: readFileSync(path, "utf8") }] : [];
  });
}

describe("layering", () => {
  const folders = readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isDirectory());

  it("gives every folder of src/ a rule, and every file of src/ keeps its layer's rule", () => {
    expect(layeringViolations(folders, sourceFiles(SRC))).toEqual([]);
  });

  it("reports a new folder without a rule, test code, a layer above, code where only types may come, Node and packages", () => {
    const planted: Source[] = [
      { path: "src/playground/index.tsx", text: 'import x from "../../test/office-sim";\nexport default x;' },
      { path: "src/office-sim/range.ts", text: 'import type { Grid } from "../core/grid";\nimport { a1 } from "../core/address";' },
      { path: "src/core/reading/levels.ts", text: 'export { refreshStatus } from "../../excel/workbook";\nconst fs = require("node:fs");' },
      { path: "src/taskpane/App.tsx", text: 'const cli = await import("../cli/main");\nimport ExcelJS from "exceljs";' },
      { path: "src/playground/sheet-view.ts", text: 'import { run } from "../cli/main";\nimport type { Sim } from "../office-sim";' },
      { path: "src/helpers.ts", text: "export const x = 1;" },
    ];
    expect(layeringViolations([...folders, "reports"], planted)).toEqual([
      "src/reports has no rule in test/layering.test.ts",
      "src/playground/index.tsx imports ../../test/office-sim: test code",
      "src/office-sim/range.ts imports ../core/address: code from src/core (types only)",
      "src/core/reading/levels.ts imports ../../excel/workbook: src/core may not import src/excel",
      "src/core/reading/levels.ts imports node:fs: Node's fs in src/core",
      "src/taskpane/App.tsx imports ../cli/main: src/taskpane may not import src/cli",
      "src/taskpane/App.tsx imports exceljs: the package exceljs in src/taskpane",
      "src/playground/sheet-view.ts imports ../cli/main: src/playground may not import src/cli",
      "src/helpers.ts is in no layer (put it in a folder of src/)",
    ]);
  });

  it("core and report use no Office, DOM or Node globals", () => {
    const offenders = ["core", "report"].flatMap((layer) => sourceFiles(join(SRC, layer))).filter((source) => /\b(Excel|Office|document|window|process|Buffer)\./.test(code(source)));
    expect(offenders.map((source) => source.path)).toEqual([]);
  });

  it("core writes no markup: pages, charts and their styles belong to a host or to src/report", () => {
    expect(sourceFiles(join(SRC, "core")).filter(holdsMarkup).map((source) => source.path)).toEqual([]);
    // The check fails where it should: a page built in the engine.
    expect(holdsMarkup({ path: "src/core/history/page.ts", text: 'const page = `<html><body><h1>${title}</h1></body></html>`;' })).toBe(true);
    expect(holdsMarkup({ path: "src/core/label-text.ts", text: "// a comparison: a < b, <= and a <b> in a comment\nconst less = a < b;" })).toBe(false);
  });
});

/** A source without its comments. */
function code(source: Source): string {
  return source.text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
}

/** Whether a source's code (not its comments) writes HTML or SVG elements or a style sheet. */
function holdsMarkup(source: Source): boolean {
  return /<\/?(html|head|body|style|svg|div|span|table|thead|tbody|tr|td|th|p|h[1-6]|ul|ol|li|section|header|dl|dt|dd|polyline|circle|line|text|title)\b[^<>]*>/.test(code(source));
}
