/**
 * Install hygiene (issue 19, item 8): `npm install` on a fresh clone leaves package-lock.json as committed, and
 * prints no install-script warnings a newcomer must wonder about.
 *
 * - The lock: package.json and package-lock.json copied to a folder of their own, where npm works out the lock
 *   again (`--package-lock-only`: nothing is downloaded or installed, no script runs); it must be byte for byte the
 *   committed one, with no warning. npm uses its cache first and asks the registry only for what the cache lacks;
 *   where it can reach neither, the test is skipped and says why.
 * - Install scripts: npm 11 lists, at the end of every install, the packages whose install scripts package.json's
 *   `allowScripts` does not cover (a block that starts "npm warn allow-scripts"). `npm approve-scripts
 *   --allow-scripts-pending` is that list on its own, read-only, for the packages installed here: it must be empty.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

jest.setTimeout(120_000);

const ROOT = join(__dirname, "..");

function npm(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync("npm", [...args, "--no-audit", "--no-fund", "--no-update-notifier"], { cwd, encoding: "utf8", timeout: 100_000 });
  return { status: run.status, stdout: run.stdout ?? "", stderr: run.stderr ?? "" };
}

/** Lines npm prints as warnings or errors (it prefixes them "npm warn" and "npm error"). */
function warnings(output: string): string[] {
  return output.split("\n").filter((line) => /^npm (warn|error)/i.test(line));
}

/** Why npm could not work the lock out here, when the reason is the network or the cache rather than the project. */
function unreachable(stderr: string): string | null {
  const code = /npm error code (ENOTCACHED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNREFUSED|ECONNRESET|ENETUNREACH)/.exec(stderr);
  return code ? code[1]! : null;
}

/** Whether a file differs from the last commit; null outside a git checkout. */
function changedSinceCommit(file: string): boolean | null {
  const run = spawnSync("git", ["diff", "--quiet", "HEAD", "--", file], { cwd: ROOT });
  return run.status === 0 ? false : run.status === 1 ? true : null;
}

/** npm works the lock out again in a folder of its own; skipped, with the reason, where it can reach neither its cache nor the registry. */
function lockAgain(): { run: ReturnType<typeof npm>; lock: string } | { skipped: string } {
  const dir = mkdtempSync(join(tmpdir(), "mm-lock-"));
  try {
    for (const file of ["package.json", "package-lock.json"]) copyFileSync(join(ROOT, file), join(dir, file));
    const run = npm(["install", "--package-lock-only", "--prefer-offline", "--ignore-scripts", "--fetch-retries=0", "--fetch-timeout=20000"], dir);
    const reason = run.status === 0 ? null : unreachable(run.stderr);
    if (reason !== null) return { skipped: `npm needs packages that are neither in its cache nor reachable (${reason})` };
    return { run, lock: readFileSync(join(dir, "package-lock.json"), "utf8") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const again = lockAgain();
if ("skipped" in again) console.warn(`The lock file test is skipped: ${again.skipped}.`);

("skipped" in again ? test.skip : test)("npm works out package-lock.json again from package.json byte for byte, without a warning", () => {
  if ("skipped" in again) return;
  expect(warnings(again.run.stderr)).toEqual([]);
  expect(again.run.status).toBe(0);
  // The first lines that differ, rather than two 400 KB texts.
  const [a, b] = [readFileSync(join(ROOT, "package-lock.json"), "utf8").split("\n"), again.lock.split("\n")];
  const first = a.findIndex((line, i) => line !== b[i]);
  expect(first === -1 && a.length === b.length ? "same" : `differs from line ${first + 1}: ${a.slice(first, first + 3).join(" ")} / ${b.slice(first, first + 3).join(" ")}`).toBe("same");
});

// CI installs before it tests (.ci/run): an install that rewrote the lock would leave the test above comparing
// npm's lock with itself, so the lock must also be the committed one, unless package.json is being changed too.
const lockChanged = changedSinceCommit("package-lock.json");
const packageChanged = changedSinceCommit("package.json");
if (lockChanged === null) console.warn("The committed-lock test is skipped: this is not a git checkout.");
else if (packageChanged) console.warn("The committed-lock test is skipped: package.json differs from the last commit (a dependency change under way).");

(lockChanged === null || packageChanged === true ? test.skip : test)("the install before these tests left package-lock.json as committed", () => {
  expect(lockChanged).toBe(false);
});

const version = npm(["--version"], ROOT).stdout.trim();
const [major = 0, minor = 0] = version.split(".").map(Number);
/** npm 11.16 brought allowScripts and approve-scripts. */
const hasApproveScripts = major > 11 || (major === 11 && minor >= 16);
if (!hasApproveScripts) console.warn(`The install-script test is skipped: npm ${version} has no approve-scripts (npm 11.16 and later).`);

(hasApproveScripts ? test : test.skip)("every installed package with an install script is allowed or denied in package.json's allowScripts", () => {
  const run = npm(["approve-scripts", "--allow-scripts-pending"], ROOT);
  expect(warnings(run.stderr)).toEqual([]);
  expect(run.stdout.trim()).toBe("No packages with unreviewed install scripts.");
  expect(run.status).toBe(0);
});
