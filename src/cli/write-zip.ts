/**
 * Writes an .xlsx package (a zip archive) from its parts, each compressed by Node's zlib. jszip compresses in
 * JavaScript, four times slower on a large plan's copy (0.55 s against 0.14 s for 11 MB of parts), and writes a
 * folder entry for every folder, which Excel's own files do not have.
 */
import * as zlib from "node:zlib";
import type { PackedPart } from "./read-zip";

/** A part to write: its bytes (deflated here), or as another archive holds it, packed (copied as it is). */
export type Part = { name: string; data: Uint8Array } | { name: string; packed: PackedPart };

/**
 * How hard parts are deflated: level 3 of zlib's 9. A 200,000-row plan sheet (184 MB of XML) deflates in a third
 * of the time level 6 takes, to a file 15% larger (13.7 MB instead of 11.9), measured here.
 */
const LEVEL = 3;

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 of the bytes by table (continuing from `previous`), for a Node without zlib's (before 20.15). */
export function tableCrc32(data: Uint8Array, previous = 0): number {
  let c = ~previous;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, previous?: number) => number }).crc32;

/** CRC-32 of the bytes, continuing from `previous` (the CRC of the bytes before them). */
export function crc32(data: Uint8Array, previous = 0): number {
  return nativeCrc32 ? nativeCrc32(data, previous) >>> 0 : tableCrc32(data, previous);
}

/**
 * A part packed as it is written, piece by piece, so that the whole of a large part (a 200,000-row plan sheet is
 * 100 MB of XML) is never held unpacked: each piece is deflated on its own and flushed to a byte boundary, which
 * lets the pieces follow one another in one deflate stream (as pigz writes them), ended by an empty final block.
 */
export class PackingPart {
  private readonly pieces: Buffer[] = [];
  private crc = 0;
  private size = 0;

  add(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    this.pieces.push(zlib.deflateRawSync(bytes, { level: LEVEL, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
  }

  finish(): PackedPart {
    this.pieces.push(zlib.deflateRawSync(Buffer.alloc(0)));
    return { method: 8, crc: this.crc, size: this.size, data: Buffer.concat(this.pieces) };
  }
}

/** The date and time MS-DOS style, as zip headers keep them. */
function dosDateTime(date: Date): { time: number; day: number } {
  const year = Math.max(1980, date.getFullYear());
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    day: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/**
 * The archive of the parts, in order: each part given as bytes deflated (or stored when deflating would not make it
 * smaller), each part given packed copied as it is.
 */
export function writeZip(parts: readonly Part[], modified = new Date()): Uint8Array {
  const { time, day } = dosDateTime(modified);
  const chunks: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = part.name;
    const fileName = Buffer.from(name, "utf8");
    let method: number;
    let crc: number;
    let size: number;
    let body: Uint8Array;
    if ("packed" in part) {
      ({ method, crc, size, data: body } = part.packed);
    } else {
      const deflated = zlib.deflateRawSync(part.data, { level: LEVEL });
      const stored = deflated.length >= part.data.length;
      method = stored ? 0 : 8;
      body = stored ? part.data : deflated;
      crc = crc32(part.data);
      size = part.data.length;
    }
    // The fields local and central headers share, from "version needed" on (APPNOTE 4.3.7 and 4.3.12).
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0); // version needed to extract: 2.0 (deflate)
    common.writeUInt16LE(0x0800, 2); // general purpose flags: the name is UTF-8
    common.writeUInt16LE(method, 4);
    common.writeUInt16LE(time, 6);
    common.writeUInt16LE(day, 8);
    common.writeUInt32LE(crc, 10);
    common.writeUInt32LE(body.length, 14);
    common.writeUInt32LE(size, 18);
    common.writeUInt16LE(fileName.length, 22);
    common.writeUInt16LE(0, 24); // extra field length
    const local = Buffer.alloc(4);
    local.writeUInt32LE(0x04034b50, 0);
    chunks.push(local, common, fileName, body);
    const central = Buffer.alloc(6);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by: 2.0, MS-DOS attributes
    // Comment length, disk number, internal and external attributes: 0; then where the local header is.
    const tail = Buffer.alloc(14);
    tail.writeUInt32LE(offset, 10);
    directory.push(central, common, tail, fileName);
    offset += local.length + common.length + fileName.length + body.length;
  }
  const size = directory.reduce((n, c) => n + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...directory, end]);
}
