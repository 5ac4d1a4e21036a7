/** @jest-environment node */
/** The command line's zip writer: an archive jszip (checking every CRC) and Node's zlib read back part for part. */
import { randomBytes } from "node:crypto";
import * as zlib from "node:zlib";
import JSZip from "jszip";
import { tableCrc32, writeZip } from "../../src/cli/write-zip";
import { partNames, partStorage } from "../support/zip-parts";

const sheet = Buffer.from(`<worksheet><sheetData>${'<row><c t="s"><v>0</v></c></row>'.repeat(2000)}</sheetData></worksheet>`);
const PARTS = [
  { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
  { name: "xl/worksheets/sheet1.xml", data: sheet },
  { name: "xl/media/Données é.png", data: randomBytes(300) },
  { name: "xl/empty.xml", data: Buffer.alloc(0) },
];

test("every part comes back whole, in order, its name in UTF-8, with no folder entries", async () => {
  const zip = writeZip(PARTS, new Date(2024, 0, 15, 9, 30, 12));
  const read = await JSZip.loadAsync(zip, { checkCRC32: true });
  expect(Object.keys(read.files)).toEqual(PARTS.map((p) => p.name));
  for (const { name, data } of PARTS) expect(Buffer.from(await read.file(name)!.async("uint8array")).equals(data)).toBe(true);
  expect(read.file("xl/worksheets/sheet1.xml")!.date.getMinutes()).toBe(30);
  expect(partNames(Buffer.from(zip))).toEqual(PARTS.map((p) => p.name));
});

test("text is deflated; what deflating would not make smaller (random bytes, nothing) is stored", () => {
  const zip = Buffer.from(writeZip(PARTS));
  expect(partStorage(zip)).toEqual({
    "[Content_Types].xml": "stored",
    "xl/worksheets/sheet1.xml": "deflated",
    "xl/media/Données é.png": "stored",
    "xl/empty.xml": "stored",
  });
  expect(zip.length).toBeLessThan(sheet.length / 10);
});

test("the CRC-32 by table (for a Node without zlib's) is the standard one", () => {
  expect(tableCrc32(Buffer.from("123456789"))).toBe(0xcbf43926);
  const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  const data = randomBytes(5000);
  if (native) expect(tableCrc32(data)).toBe(native(data) >>> 0);
  expect(tableCrc32(new Uint8Array(0))).toBe(0);
});
