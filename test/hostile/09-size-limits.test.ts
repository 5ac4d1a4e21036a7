/** @jest-environment node */
/**
 * Issue 17, item 9: reading stops at stated limits (README, "Limits"). Only regular files are read: a pipe waits for
 * nothing, /dev/zero is not read at all. A part that unpacks to a gigabyte stops at 128 MB, whatever the archive
 * says its size is. A file past 256 MB is refused before it is read. --json is written in pieces, never held whole.
 */
import { execFileSync } from "node:child_process";
import { symlinkSync, truncateSync, writeFileSync } from "node:fs";
import * as zlib from "node:zlib";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { ZipPackage, type PackedPart } from "../../src/cli/read-zip";
import { writeZip } from "../../src/cli/write-zip";
import { syntheticRows } from "../../scripts/bench/synthetic";
import { runCli, errorLines } from "../support/cli-process";
import { planWorkbook, saved } from "../support/hostile";
import { removeTempFiles, tempPath } from "../support/workbook-builder";

afterAll(removeTempFiles);

const AS_OF = ["--as-of", "2024-01-15"];
const posix = process.platform !== "win32";

(posix ? test : test.skip)("a pipe named as a CSV is refused at once, never waited on (before: a hang)", () => {
  const path = tempPath("plan.csv");
  execFileSync("mkfifo", [path]);
  const r = runCli(["status", path, ...AS_OF], 30_000);
  expect(r.status).toBe(2);
  expect(errorLines(r)).toEqual([`milestone-monitor: ${path}: is a pipe, not a file; the command line reads regular files only`]);
});

(posix ? test : test.skip)("/dev/zero named as a CSV is refused before a byte is read (before: read until 18 GB)", () => {
  const path = tempPath("zero.csv");
  symlinkSync("/dev/zero", path);
  const r = runCli(["validate", path, ...AS_OF], 30_000);
  expect(r.status).toBe(2);
  expect(errorLines(r)).toEqual([`milestone-monitor: ${path}: is a device, not a file; the command line reads regular files only`]);
  expect(r.peakMb).toBeLessThan(200);
});

/** A gigabyte of zeros, packed: about a megabyte. */
function packedGigabyte(claimedSize?: number): PackedPart {
  const chunk = Buffer.alloc(2 ** 20);
  const pieces: Buffer[] = [];
  let crc = 0;
  for (let i = 0; i < 1024; i++) {
    pieces.push(zlib.deflateRawSync(chunk, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
    crc = zlib.crc32(chunk, crc);
  }
  pieces.push(zlib.deflateRawSync(Buffer.alloc(0)));
  return { method: 8, crc, size: claimedSize ?? 2 ** 30, data: Buffer.concat(pieces) };
}

describe("a zip bomb: a 1 GB sheet part in a small workbook", () => {
  let bomb: PackedPart;
  let plan: ZipPackage;
  beforeAll(async () => {
    bomb = packedGigabyte();
    plan = ZipPackage.open(await planWorkbook())!;
  });
  const withBomb = (part: PackedPart): Buffer =>
    Buffer.from(writeZip(plan.names().map((name) => (name === "xl/worksheets/sheet2.xml" ? { name, packed: part } : { name, packed: plan.packed(name)! }))));

  test.each([
    ["says its size", () => bomb],
    ["claims to be 1 KB", () => ({ ...bomb, size: 1024 })],
  ])("that %s: stopped at 128 MB, one line, exit 2, memory bounded (before: inflated to 3.3 GB)", async (_, part) => {
    const xlsx = withBomb(part());
    expect(xlsx.length).toBeLessThan(3 * 2 ** 20);
    const path = await saved(xlsx, "bomb.xlsx");
    const r = runCli(["status", path, ...AS_OF]);
    expect(r.status).toBe(2);
    expect(errorLines(r)).toEqual([
      `milestone-monitor: ${path}: has a part (xl/worksheets/sheet2.xml) that unpacks to more than 128 MB, the most the command line reads of one part`,
    ]);
    expect(r.peakMb).toBeLessThan(500);
  });
});

test("a file past 256 MB is refused before it is read (a 300 MB CSV, sparse on disk)", () => {
  const path = tempPath("huge.csv");
  writeFileSync(path, "Action Step,Jul,Aug,Sep\n");
  truncateSync(path, 300 * 2 ** 20);
  const r = runCli(["status", path, ...AS_OF]);
  expect(r.status).toBe(2);
  expect(errorLines(r)).toEqual([`milestone-monitor: ${path}: 300 MB, larger than the 256 MB the command line reads`]);
  expect(r.peakMb).toBeLessThan(200);
});

test("--json is written in pieces of at most about a megabyte, together exactly the document", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Plan 2023-24");
  for (const row of syntheticRows(5_000, 12)) ws.addRow(row);
  const path = tempPath("plan-5000.xlsx");
  await wb.xlsx.writeFile(path);
  const pieces: string[] = [];
  const io = { stdout: (t: string) => void pieces.push(t), stderr: () => undefined, today: () => "2024-01-15" };
  expect(await run(["status", path, "--json", ...AS_OF], io)).toBe(0);
  const text = pieces.join("");
  expect(text.length).toBeGreaterThan(4 * 2 ** 20);
  expect(pieces.length).toBeGreaterThan(4);
  expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(1.1 * 2 ** 20);
  // Exactly the document JSON.stringify writes, compact here (not a terminal), indented on one.
  const document: unknown = JSON.parse(text);
  expect(text).toBe(`${JSON.stringify(document)}\n`);
  const indented: string[] = [];
  expect(await run(["status", path, "--json", ...AS_OF], { ...io, terminal: true, stdout: (t: string) => void indented.push(t) })).toBe(0);
  expect(indented.join("")).toBe(`${JSON.stringify(document, null, 2)}\n`);
});

test("an archive that claims more parts than the limit (a zip64 directory of 200,000) is one line", async () => {
  // Only the records that end a zip64 archive: its directory claims 200,000 parts.
  const end64 = Buffer.alloc(56);
  end64.writeUInt32LE(0x06064b50, 0);
  end64.writeBigUInt64LE(44n, 4);
  end64.writeBigUInt64LE(200_000n, 24);
  end64.writeBigUInt64LE(200_000n, 32);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22, 0xff);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt32LE(0, 4);
  end.writeUInt16LE(0, 20);
  const path = await saved(Buffer.concat([end64, locator, end]), "parts.xlsx");
  const r = runCli(["plan", path, ...AS_OF]);
  expect(r.status).toBe(2);
  expect(errorLines(r)).toEqual([`milestone-monitor: ${path}: holds more than 100,000 parts, the most the command line reads`]);
});
