/**
 * Reads a zip archive (an .xlsx package) by its central directory, unpacking a part only when asked and never past
 * the limits: a part that unpacks to more than LIMITS.partBytes, or a package whose parts together unpack to more
 * than LIMITS.unpackedBytes, stops there (zlib stops at the limit; the rest is never unpacked), so a small archive
 * that claims, or holds, gigabytes costs no more than the limit. A part's packed bytes can also be taken as they are,
 * for a copy of the package that leaves them untouched (write-zip.ts).
 */
import { inflateRawSync } from "node:zlib";
import { FileProblem } from "./read-file";
import { count, LIMITS, megabytes } from "./limits";
import { crc32 } from "./write-zip";

/** A part as the archive holds it: packed (method 8, deflate) or stored (method 0), with its CRC-32 and size. */
export interface PackedPart {
  method: number;
  crc: number;
  size: number;
  data: Uint8Array;
}

interface Entry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  packedSize: number;
  size: number;
  /** Where its local header starts. */
  offset: number;
}

const END = 0x06054b50;
const END64 = 0x06064b50;
const END64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

class Reader {
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  has(at: number, length: number): boolean {
    return at >= 0 && at + length <= this.bytes.length;
  }
  u16(at: number): number {
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    return this.view.getUint32(at, true);
  }
  u64(at: number): number {
    return Number(this.view.getBigUint64(at, true));
  }
}

/** Where the end-of-central-directory record starts: searched back from the end, over the longest comment. */
function findEnd(r: Reader, length: number): number {
  for (let at = length - 22; at >= Math.max(0, length - 22 - 0xffff); at--) if (r.u32(at) === END) return at;
  return -1;
}

/** The zip64 extra field's sizes and offset, for the fields the central record marks 0xFFFFFFFF. */
function zip64(r: Reader, extra: number, extraLength: number, entry: Entry): void {
  for (let at = extra; at + 4 <= extra + extraLength; ) {
    const id = r.u16(at);
    const size = r.u16(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const take = (): number => {
        const value = r.has(field, 8) ? r.u64(field) : 0;
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = take();
      if (entry.packedSize === 0xffffffff) entry.packedSize = take();
      if (entry.offset === 0xffffffff) entry.offset = take();
      return;
    }
    at += 4 + size;
  }
}

function entries(bytes: Uint8Array): Entry[] | null {
  const r = new Reader(bytes);
  const end = findEnd(r, bytes.length);
  if (end < 0) return null;
  let total = r.u16(end + 10);
  let start = r.u32(end + 16);
  // A zip64 archive: the record before the end names where its own end record is.
  if ((total === 0xffff || start === 0xffffffff) && r.has(end - 20, 20) && r.u32(end - 20) === END64_LOCATOR) {
    const end64 = r.u64(end - 12);
    if (!r.has(end64, 56) || r.u32(end64) !== END64) return null;
    total = r.u64(end64 + 32);
    start = r.u64(end64 + 48);
  }
  if (total > LIMITS.parts) throw new FileProblem(`holds more than ${count(LIMITS.parts)} parts, the most the command line reads`);
  const found: Entry[] = [];
  let at = start;
  for (let n = 0; n < total; n++) {
    if (!r.has(at, 46) || r.u32(at) !== CENTRAL) return null;
    const nameLength = r.u16(at + 28);
    const extraLength = r.u16(at + 30);
    const commentLength = r.u16(at + 32);
    if (!r.has(at + 46, nameLength + extraLength)) return null;
    const entry: Entry = {
      name: Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString("utf8"),
      flags: r.u16(at + 8),
      method: r.u16(at + 10),
      crc: r.u32(at + 16),
      packedSize: r.u32(at + 20),
      size: r.u32(at + 24),
      offset: r.u32(at + 42),
    };
    zip64(r, at + 46 + nameLength, extraLength, entry);
    found.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return found;
}

function damaged(part: string): FileProblem {
  return new FileProblem(`not a readable .xlsx workbook: its part ${part} is damaged`);
}

/** An archive's parts by name. Part names are compared as OPC compares them: without regard to case. */
export class ZipPackage {
  private readonly byName = new Map<string, Entry>();
  private readonly byFolded = new Map<string, Entry>();
  private unpacked = 0;

  private readonly bytes: Uint8Array;

  private constructor(bytes: Uint8Array, list: Entry[]) {
    this.bytes = bytes;
    for (const entry of list) {
      if (entry.name.endsWith("/") || this.byName.has(entry.name)) continue;
      this.byName.set(entry.name, entry);
      if (!this.byFolded.has(entry.name.toLowerCase())) this.byFolded.set(entry.name.toLowerCase(), entry);
    }
  }

  /** The archive, or null when the bytes are not a zip archive. */
  static open(bytes: Uint8Array): ZipPackage | null {
    const list = entries(bytes);
    return list === null ? null : new ZipPackage(bytes, list);
  }

  /** The names of the parts, in the archive's order (folders left out). */
  names(): string[] {
    return [...this.byName.keys()];
  }

  private entry(name: string): Entry | undefined {
    return this.byName.get(name) ?? this.byFolded.get(name.toLowerCase());
  }

  /** The part's own name in the archive (as cased there), or null. */
  nameOf(name: string): string | null {
    return this.entry(name)?.name ?? null;
  }

  has(name: string): boolean {
    return this.entry(name) !== undefined;
  }

  /** The part as the archive holds it, packed. */
  packed(name: string): PackedPart | null {
    const entry = this.entry(name);
    if (!entry) return null;
    return { method: entry.method, crc: entry.crc, size: entry.size, data: this.packedData(entry) };
  }

  private packedData(entry: Entry): Uint8Array {
    const r = new Reader(this.bytes);
    if (!r.has(entry.offset, 30) || r.u32(entry.offset) !== LOCAL) throw damaged(entry.name);
    const start = entry.offset + 30 + r.u16(entry.offset + 26) + r.u16(entry.offset + 28);
    if (!r.has(start, entry.packedSize)) throw damaged(entry.name);
    return this.bytes.subarray(start, start + entry.packedSize);
  }

  /** The part unpacked, or null when there is none; within the limits, or a FileProblem that names them. */
  read(name: string): Uint8Array | null {
    const entry = this.entry(name);
    if (!entry) return null;
    if (entry.flags & 1) throw new FileProblem(`is encrypted (its part ${entry.name} needs a password)`);
    const room = Math.min(LIMITS.partBytes, LIMITS.unpackedBytes - this.unpacked);
    const tooLarge = (): FileProblem =>
      room < LIMITS.partBytes
        ? new FileProblem(`unpacks to more than ${megabytes(LIMITS.unpackedBytes)}, the most the command line reads of a workbook`)
        : new FileProblem(`has a part (${entry.name}) that unpacks to more than ${megabytes(LIMITS.partBytes)}, the most the command line reads of one part`);
    if (entry.size > room) throw tooLarge();
    const data = this.packedData(entry);
    let out: Uint8Array;
    if (entry.method === 0) {
      if (data.length > room) throw tooLarge();
      out = data;
    } else if (entry.method === 8) {
      try {
        // zlib stops at maxOutputLength: what lies beyond is never unpacked, whatever the archive claims.
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, room) });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError) throw tooLarge();
        throw damaged(entry.name);
      }
    } else {
      throw new FileProblem(`packs its part ${entry.name} in a way the command line does not read (zip method ${entry.method})`);
    }
    if (crc32(out) !== entry.crc) throw damaged(entry.name);
    this.unpacked += out.length;
    return out;
  }
}
