/** @jest-environment node */
import { ESLint, type Linter } from "eslint";
import { join } from "node:path";

/**
 * `npm run lint` fails on what it should: ESLint's Node API with the project's own config, on code planted in the
 * Excel adapter as the text of src/excel/flags.ts (the file on disk is not read, nor changed: the type-aware rules
 * need a file the TypeScript project holds).
 */
const ROOT = join(__dirname, "..");
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: jest.requireActual<Linter.Config[]>("../eslint.config.js") });

async function rulesBroken(code: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, "src", "excel", "flags.ts") });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe("lint", () => {
  it("reports a sync in a loop, a read without load, a promise left floating, and an any", async () => {
    const planted = `
export async function flagEach(context: Excel.RequestContext, addresses: string[]): Promise<void> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  for (const address of addresses) {
    sheet.getRange(address).format.fill.color = "#FFC7CE";
    await context.sync();
  }
}

export function firstValue(context: Excel.RequestContext): unknown {
  const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
  return range.values;
}

export function refreshLater(context: Excel.RequestContext): void {
  context.sync();
}

export const anything: any = 1;
`;
    expect(await rulesBroken(planted)).toEqual([
      "office-addins/no-context-sync-in-loop",
      "office-addins/call-sync-before-read",
      "office-addins/load-object-before-read",
      "@typescript-eslint/no-floating-promises",
      "@typescript-eslint/no-explicit-any",
    ]);
  }, 300_000);

  it("passes the same work done as the adapter does it: one sync, a load before the read, an await, a type", async () => {
    const fixed = `
export async function flagEach(context: Excel.RequestContext, addresses: string[]): Promise<void> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  for (const address of addresses) sheet.getRange(address).format.fill.color = "#FFC7CE";
  await context.sync();
}

export async function firstValue(context: Excel.RequestContext): Promise<unknown> {
  const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
  range.load("values");
  await context.sync();
  return range.values;
}

export async function refreshLater(context: Excel.RequestContext): Promise<void> {
  await context.sync();
}

export const anything: number = 1;
`;
    expect(await rulesBroken(fixed)).toEqual([]);
  }, 300_000);
});
