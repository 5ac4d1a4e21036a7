/** @jest-environment node */
/**
 * README, "Performance": the command line starts from the V8 code cache made when it was built
 * (scripts/cli-code-cache.js, read by bin/load-bundle.js), only when the cache was made from this very bundle, and
 * runs the same without it.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const BUNDLE = join(ROOT, "dist", "cli", "main.js");
const CACHE = join(ROOT, "dist", "cli", "main.cache");
/** A plan that reads cleanly: `validate` prints one line the test can change in the bundle. */
const CLEAN_PLAN = join(ROOT, "assets", "samples", "mps-milestones.xlsx");
const CLEAN = "No findings: the plan reads cleanly.";

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Whether a new process that loads `bundle` through the loader takes its compiled functions from the cache. */
function cacheUsed(bundle: string, loader = join(ROOT, "bin", "load-bundle.js")): boolean {
  const script = `process.stdout.write(String(require(${JSON.stringify(loader)}).loadBundle(${JSON.stringify(bundle)}).cacheUsed))`;
  const run = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  return run.stdout === "true";
}

/** The command line (its bin scripts, its bundle and the bundle's cache) copied to a folder of its own. */
function copyOfCommandLine(): { bin: string; bundle: string; cache: string } {
  const dir = mkdtempSync(join(tmpdir(), "milestone-monitor-cli-"));
  temporary.push(dir);
  mkdirSync(join(dir, "bin"));
  mkdirSync(join(dir, "dist", "cli"), { recursive: true });
  for (const name of ["milestone-monitor.js", "load-bundle.js"]) copyFileSync(join(ROOT, "bin", name), join(dir, "bin", name));
  const bundle = join(dir, "dist", "cli", "main.js");
  const cache = join(dir, "dist", "cli", "main.cache");
  copyFileSync(BUNDLE, bundle);
  copyFileSync(CACHE, cache);
  return { bin: join(dir, "bin", "milestone-monitor.js"), bundle, cache };
}

function validate(bin: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [bin, "validate", CLEAN_PLAN, "--as-of", "2024-01-15"], { encoding: "utf8" });
}

describe("the command line's code cache", () => {
  test("is made with the bundle, headed by the bundle's SHA-256, and a new process uses it", () => {
    const header = `${createHash("sha256").update(readFileSync(BUNDLE)).digest("hex")}\n`;
    expect(readFileSync(CACHE).subarray(0, header.length).toString()).toBe(header);
    expect(cacheUsed(BUNDLE)).toBe(true);
  });

  test("made from another bundle of the same length, it is not used: the command runs the bundle it has", () => {
    const cli = copyOfCommandLine();
    const source = readFileSync(cli.bundle, "utf8");
    expect(source).toContain(CLEAN);
    const changed = CLEAN.replace("cleanly", "CLEANLY");
    writeFileSync(cli.bundle, source.replace(CLEAN, changed));
    expect(readFileSync(cli.bundle).length).toBe(readFileSync(BUNDLE).length);
    expect(cacheUsed(cli.bundle, join(cli.bin, "..", "load-bundle.js"))).toBe(false);
    const run = validate(cli.bin);
    expect(run.stdout).toContain(changed);
    expect(run.stderr).toBe("");
  });

  test("a command line not built yet says so in one line and exits 2, with or without a cache left beside it", () => {
    const notBuilt = { status: 2, stdout: "", stderr: "milestone-monitor: not built yet; run `npm run build:cli` (or `npm install`) first\n" };
    const cli = copyOfCommandLine();
    rmSync(cli.bundle);
    expect(validate(cli.bin)).toMatchObject(notBuilt);
    rmSync(cli.cache);
    expect(validate(cli.bin)).toMatchObject(notBuilt);
  });

  test("a bundle that is there but cannot start is not called unbuilt: one line says what stopped it, exit 2", () => {
    const cli = copyOfCommandLine();
    rmSync(cli.cache);
    // A file the bundle reads as it starts, missing: the same error code as a missing bundle, another file.
    writeFileSync(cli.bundle, 'require("node:fs").readFileSync(require("node:path").join(__dirname, "gone.json"));\n');
    const missingFile = validate(cli.bin);
    expect(missingFile).toMatchObject({ status: 2, stdout: "" });
    expect(missingFile.stderr).toMatch(/^milestone-monitor: cannot start \(ENOENT: no such file or directory, open '.*gone\.json'\); run `npm run build:cli` \(or `npm install`\) again\n$/);
    // A bundle cut short as a build stopped halfway leaves it.
    writeFileSync(cli.bundle, readFileSync(BUNDLE, "utf8").slice(0, 5_000));
    const cutShort = validate(cli.bin);
    expect(cutShort).toMatchObject({ status: 2, stdout: "" });
    expect(cutShort.stderr).toMatch(/^milestone-monitor: cannot start \(.+\); run `npm run build:cli` \(or `npm install`\) again\n$/);
  });

  test("damaged or missing, it is not used, and the command prints what it prints with it", () => {
    const expected = validate(join(ROOT, "bin", "milestone-monitor.js"));
    expect(expected.stdout).toContain(CLEAN);
    const cli = copyOfCommandLine();
    const header = readFileSync(cli.cache).subarray(0, 65);
    writeFileSync(cli.cache, Buffer.concat([header, Buffer.alloc(50_000, 7)]));
    expect(cacheUsed(cli.bundle, join(cli.bin, "..", "load-bundle.js"))).toBe(false);
    expect(validate(cli.bin)).toMatchObject({ status: expected.status, stdout: expected.stdout, stderr: "" });
    rmSync(cli.cache);
    expect(cacheUsed(cli.bundle, join(cli.bin, "..", "load-bundle.js"))).toBe(false);
    expect(validate(cli.bin)).toMatchObject({ status: expected.status, stdout: expected.stdout, stderr: "" });
  });

  test("when it cannot be made, the build says so in one line and stands; made again, it is used", () => {
    // What webpack's hook runs after the build (webpack.config.js), in a process of its own.
    const makeCache = (bundle: string) =>
      spawnSync(process.execPath, ["-e", `require(${JSON.stringify(join(ROOT, "scripts", "cli-code-cache.js"))}).makeCodeCacheOrWarn(${JSON.stringify(bundle)})`], { encoding: "utf8" });
    const cli = copyOfCommandLine();
    const source = readFileSync(cli.bundle, "utf8");
    // A bundle whose commands fail as the command line fails: one line, a non-zero exit.
    writeFileSync(cli.bundle, 'exports.main = () => { process.stderr.write("milestone-monitor: cannot read district-plan.xlsx\\n"); process.exitCode = 2; };\n');
    const failed = makeCache(cli.bundle);
    expect(failed.status).toBe(0);
    expect(failed.stderr).toMatch(/^milestone-monitor: no code cache was made for .*: milestone-monitor: cannot read district-plan\.xlsx\n$/);
    expect(existsSync(cli.cache)).toBe(false);
    // The bundle as built: the cache is made, silently, and used.
    writeFileSync(cli.bundle, source);
    expect(makeCache(cli.bundle)).toMatchObject({ status: 0, stderr: "" });
    expect(cacheUsed(cli.bundle, join(cli.bin, "..", "load-bundle.js"))).toBe(true);
  });
});
