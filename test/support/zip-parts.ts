/**
 * Adds parts to an .xlsx (a zip): for workbooks holding what exceljs cannot write (charts, pivot tables, macros).
 * Reads every entry of the archive (stored or deflated) with a reader of its own, and writes them all back, with the
 * new ones, through the command line's zip writer.
 */
import { inflateRawSync } from "node:zlib";
import { writeZip } from "../../src/cli/write-zip";

interface Entry {
  name: string;
  data: Buffer;
  /** How the part is stored in the archive: 0 stored, 8 deflated. */
  method?: number;
}

function readEntries(zip: Buffer): Entry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error("not a zip archive");
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressed);
    entries.push({ name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw), method });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The workbook with the given parts added (or replaced), by name. */
export function withParts(xlsx: Buffer, parts: Record<string, string | Buffer>): Buffer {
  const entries = readEntries(xlsx).filter((e) => !(e.name in parts));
  for (const [name, content] of Object.entries(parts)) entries.push({ name, data: typeof content === "string" ? Buffer.from(content, "utf8") : content });
  return Buffer.from(writeZip(entries));
}

/** The names of the archive's parts. */
export function partNames(xlsx: Buffer): string[] {
  return readEntries(xlsx).map((e) => e.name);
}

/** Each part's name and how it is stored: "deflated" or "stored". */
export function partStorage(xlsx: Buffer): Record<string, "deflated" | "stored"> {
  return Object.fromEntries(readEntries(xlsx).map((e) => [e.name, e.method === 8 ? "deflated" : "stored"]));
}
