/**
 * The hostile and huge files of issue 17 at the sizes the issue tried them, each given to the command line as a new
 * process: its exit status, the first line it printed, its time and its peak memory, beside the target (any hostile
 * file under 10 s and 500 MB). The tests (test/hostile) hold the outcomes at sizes small enough for CI; this prints
 * the figures at full size. Figures, never assertions.
 */
import { symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as zlib from "node:zlib";
import { ZipPackage, type PackedPart } from "../../src/cli/read-zip";
import { writeZip } from "../../src/cli/write-zip";
import { editPart, planWorkbook, PLAN_SHEET_PART, STRINGS_PART } from "../../test/support/hostile";
import { CLI, runMeasured } from "./processes";

const NOTES_PART = "xl/worksheets/sheet2.xml";

/**
 * Gigabytes of zeros as a packed part (a megabyte or so a gigabyte), said to be `claimed` bytes. Its CRC is left
 * out: reading stops at the part's limit, long before a CRC is checked.
 */
function zeros(gigabytes: number, claimed: number): PackedPart {
  const megabyte = zlib.deflateRawSync(Buffer.alloc(2 ** 20), { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const pieces: Buffer[] = new Array<Buffer>(gigabytes * 1024).fill(megabyte);
  pieces.push(zlib.deflateRawSync(Buffer.alloc(0)));
  return { method: 8, crc: 0, size: claimed, data: Buffer.concat(pieces) };
}

export async function benchHostile(dir: string): Promise<void> {
  const plan = await planWorkbook();
  const file = (name: string, bytes: Buffer | string): string => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const far = `<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>far away</t></is></c></row>`;
  const merges = (n: number): string => `<mergeCells count="${n}">${Array.from({ length: n }, (_, i) => `<mergeCell ref="A${20 + (i % 40)}:${["Z", "AZ", "CV"][i % 3]}${1000 + i}"/>`).join("")}</mergeCells>`;
  const source = ZipPackage.open(plan)!;
  const bomb = (part: PackedPart): Buffer => Buffer.from(writeZip(source.names().map((name) => (name === NOTES_PART ? { name, packed: part } : { name, packed: source.packed(name)! }))));
  const out = join(dir, "hostile-out.xlsx");
  const planPath = file("hostile-plan.xlsx", plan);
  symlinkSync(planPath, join(dir, "hostile-link.xlsx"));
  symlinkSync("/dev/zero", join(dir, "zero.csv"));
  const huge = file("huge.csv", "Action Step,Jul,Aug,Sep\n");
  truncateSync(huge, 600 * 2 ** 20);
  const csvRows = Array.from({ length: 1_000_000 }, (_, i) => `Step ${i + 1},Principals,X,,,,,,,,,,,`);

  const cases: [string, () => string[]][] = [
    ["1.9 KB workbook: one cell at XFD1048576", () => ["status", file("far.xlsx", editPart(plan, NOTES_PART, (x) => x.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${far}</sheetData>`)))]],
    ["cells at A1 and XFD1048576 (past the limit)", () => ["status", file("far-near.xlsx", editPart(plan, NOTES_PART, (x) => x.replace("</sheetData>", `${far}</sheetData>`)))]],
    ["refresh, <mergeCell ref=A1:XFD1048576/>", () => ["refresh", file("merged.xlsx", editPart(plan, NOTES_PART, (x) => x.replace("</sheetData>", `</sheetData>${merges(0).replace(/count="0">/, 'count="1"><mergeCell ref="A1:XFD1048576"/>')}`))), "--out", out]],
    ["CSV line of 25 million commas", () => ["validate", file("commas.csv", `Action Step,Jul,Aug,Sep\n${",".repeat(25_000_000)}\n`)]],
    ["refresh, relationships prefixed rel:", () => ["refresh", file("rel.xlsx", editPart(plan, "xl/workbook.xml", (x) => x.replace(/xmlns:r=/g, "xmlns:rel=").replace(/ r:id=/g, " rel:id="))), "--out", out]],
    ["refresh, --out a symbolic link to the input", () => ["refresh", planPath, "--out", join(dir, "hostile-link.xlsx")]],
    ["refresh, _xHHHH_ escapes", () => ["refresh", file("escapes.xlsx", editPart(plan, STRINGS_PART, (x) => x.replace("<t>Implement the PLC model</t>", "<t>Bell_x0007_char _x005F_x0041_ and _x000D_</t>"))), "--out", out]],
    ["CDATA text", () => ["status", file("cdata.xlsx", editPart(plan, STRINGS_PART, (x) => x.replace("<t>September</t>", "<t><![CDATA[September]]></t>")))]],
    ["a renamed .xlsb", () => ["status", file("renamed.xlsx", editPart(plan, "_rels/.rels", (x) => x.replace("xl/workbook.xml", "xl/workbook.bin")))]],
    ["validate, 20,000 overlapping merges", () => ["validate", file("merges.xlsx", editPart(plan, PLAN_SHEET_PART, (x) => x.replace("</sheetData>", `</sheetData>${merges(20_000)}`)))]],
    ["refresh, 20,000 overlapping merges", () => ["refresh", join(dir, "merges.xlsx"), "--out", out]],
    ["a label with terminal escapes", () => ["status", file("terminal.xlsx", editPart(plan, STRINGS_PART, (x) => x.replace("<t>Implement the PLC model</t>", "<t>_x001B_]0;owned_x0007__x001B_[31mred</t>")))]],
    ["/dev/zero named as a CSV", () => ["status", join(dir, "zero.csv")]],
    ["3 MB zip bomb (a 3 GB part, its size said)", () => ["status", file("bomb.xlsx", bomb(zeros(3, 3 * 2 ** 30)))]],
    ["3 MB zip bomb (a 3 GB part said to be 1 KB)", () => ["status", file("bomb-lying.xlsx", bomb(zeros(3, 1024)))]],
    ["600 MB CSV", () => ["status", huge]],
    ["1,000,000-row CSV, status --json", () => ["status", file("million.csv", `Action Step,Owner,Jul,Aug,Sep,Oct,Nov,Dec,Jan,Feb,Mar,Apr,May,Jun\n${csvRows.join("\n")}\n`), "--json"]],
  ];
  console.log("\nHostile and huge files (issue 17), each a new process (target: under 10 s and 500 MB):");
  for (const [name, make] of cases) {
    const args = make();
    const r = runMeasured([CLI, ...args, "--as-of", "2024-01-15"], { timeoutMs: 120_000 });
    // What it said first: its one line on stderr, else the first of its output.
    const said = r.stderr.trim() !== "" ? r.stderr : r.stdout;
    const line = (said.trim().split("\n")[0] ?? "").split(`${dir}/`).join("").replace(/^milestone-monitor: /, "");
    const met = r.ms < 10_000 && r.peakMb < 500 ? "within" : "OUTSIDE";
    console.log(`  ${name.padEnd(44)} exit ${r.status ?? r.signal}  ${(r.ms / 1000).toFixed(1).padStart(5)} s  ${r.peakMb.toFixed(0).padStart(4)} MB  ${met}  ${line.slice(0, 110)}`);
  }
}
