/** @jest-environment node */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { productionManifest } from "../../scripts/manifest/production-manifest";
import { editManifest, MANIFEST_PATH, PRODUCTION_ORIGIN, readManifest, ROOT } from "./helpers";

const run = promisify(execFile);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}
async function runCommand(file: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(file, args, { cwd: ROOT, env: { ...process.env, ...env }, timeout: 50_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

/** Runs one of scripts/manifest/*.ts the way the npm scripts do, without type-checking (tsc does that). */
function runScript(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Outcome> {
  return runCommand(process.execPath, ["-r", "ts-node/register/transpile-only", path.join("scripts/manifest", script), ...args], {
    // TypeScript 6 asks for an explicit rootDir when ts-node transpiles a single file
    TS_NODE_COMPILER_OPTIONS: JSON.stringify({ rootDir: "." }),
    ...env,
  });
}

const manifestId = /<Id>([^<]+)<\/Id>/.exec(readManifest())![1]!;

let work: string;
beforeAll(() => (work = mkdtempSync(path.join(tmpdir(), "milestone-monitor-cli-"))));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("office-addin-manifest info (Microsoft's CLI, offline)", () => {
  const cli = path.join(ROOT, "node_modules/.bin/office-addin-manifest");

  it("reads the add-in's name, id, type and host from manifest.xml", async () => {
    const { code, stdout } = await runCommand(cli, ["info", MANIFEST_PATH]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\s*Name: Milestone Monitor$/m);
    expect(stdout).toMatch(new RegExp(`^\\s*Id: ${manifestId}$`, "m"));
    expect(stdout).toMatch(/^\s*Provider: Milestone Monitor$/m);
    expect(stdout).toMatch(/^\s*Type: TaskPaneApp$/m);
    expect(stdout).toMatch(/^\s*Hosts: Workbook$/m);
    expect(stdout).toMatch(/^\s*Permissions: ReadWriteDocument$/m);
    expect(stdout).toMatch(/^\s*Source Location: https:\/\/localhost:3000\/taskpane\.html$/m);
  });

  it("reads the production manifest too", async () => {
    const file = path.join(work, "production.xml");
    writeFileSync(file, productionManifest(readManifest(), PRODUCTION_ORIGIN));
    const { code, stdout } = await runCommand(cli, ["info", file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^\\s*Id: ${manifestId}$`, "m"));
    expect(stdout).toMatch(/^\s*Source Location: https:\/\/addin\.example\.org\/milestone-monitor\/taskpane\.html$/m);
    expect(stdout).not.toContain("localhost");
  });
});

describe("scripts/manifest/validate-manifest.ts", () => {
  it("prints 'manifest.xml is valid' and exits 0", async () => {
    const { code, stdout } = await runScript("validate-manifest.ts", ["manifest.xml"]);
    expect(stdout.trim()).toBe("manifest.xml is valid");
    expect(code).toBe(0);
  });

  it("prints the errors and exits 1", async () => {
    const file = path.join(work, "broken.xml");
    writeFileSync(file, editManifest("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWrite</Permissions>"));
    const { code, stdout, stderr } = await runScript("validate-manifest.ts", [file, "--assets", path.join(ROOT, "assets")]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/ is not valid:\n {2}line \d+: Element 'Permissions': \[facet 'enumeration'\] The value 'ReadWrite' is not an element of the set/);
  });
});

describe("scripts/manifest/production-manifest.ts", () => {
  it("writes the production manifest for the origin in ADDIN_ORIGIN", async () => {
    const out = path.join(work, "dist", "manifest.xml");
    const { code, stdout } = await runScript("production-manifest.ts", ["--out", out], { ADDIN_ORIGIN: PRODUCTION_ORIGIN });
    expect(stdout.trim()).toBe(`wrote ${out} for ${PRODUCTION_ORIGIN}`);
    expect(code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(productionManifest(readManifest(), PRODUCTION_ORIGIN));
  });

  it("refuses an http origin given with --origin", async () => {
    const out = path.join(work, "http", "manifest.xml");
    const { code, stderr } = await runScript("production-manifest.ts", ["--origin", "http://addin.example.org", "--out", out], {
      ADDIN_ORIGIN: PRODUCTION_ORIGIN,
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/must use https/);
  });
});
