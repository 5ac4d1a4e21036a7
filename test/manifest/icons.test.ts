/** @jest-environment node */
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { inflateSync } from "node:zlib";
import { OFFICE_BLUE, iconFiles, renderIcon } from "../../scripts/manifest/make-icons";
import { crc32, encodePng, readPngSize } from "../../scripts/manifest/png";
import { ASSETS_DIR } from "./helpers";

/** A strict little PNG reader for what encodePng writes: checks every chunk's CRC, returns RGBA pixels. */
function decodePng(bytes: Buffer): { width: number; height: number; rgba: Uint8Array } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let pos = 8;
  const types: string[] = [];
  const idat: Buffer[] = [];
  let header: Buffer | undefined;
  while (pos < bytes.length) {
    const length = bytes.readUInt32BE(pos);
    const typeAndData = bytes.subarray(pos + 4, pos + 8 + length);
    expect(bytes.readUInt32BE(pos + 8 + length)).toBe(crc32(typeAndData));
    const type = typeAndData.toString("latin1", 0, 4);
    types.push(type);
    if (type === "IHDR") header = typeAndData.subarray(4);
    if (type === "IDAT") idat.push(typeAndData.subarray(4));
    pos += 12 + length;
  }
  expect(types[0]).toBe("IHDR");
  expect(types[types.length - 1]).toBe("IEND");
  const width = header!.readUInt32BE(0);
  const height = header!.readUInt32BE(4);
  expect([...header!.subarray(8)]).toEqual([8, 6, 0, 0, 0]); // 8-bit RGBA, not interlaced
  const raw = inflateSync(Buffer.concat(idat));
  expect(raw.length).toBe(height * (width * 4 + 1));
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0); // filter type "none"
    rgba.set(raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)), y * width * 4);
  }
  return { width, height, rgba };
}

describe("PNG encoding", () => {
  it("round-trips pixels and reports the size from the header", () => {
    const rgba = new Uint8Array(3 * 2 * 4).map((_, i) => (i * 37) % 256);
    const png = encodePng(3, 2, rgba);
    expect(readPngSize(png)).toEqual({ width: 3, height: 2 });
    expect(decodePng(png).rgba).toEqual(rgba);
  });

  it("knows what is not a PNG", () => {
    expect(readPngSize(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(readPngSize(Buffer.alloc(10))).toBeNull();
    expect(() => encodePng(2, 2, new Uint8Array(3))).toThrow(/expected 16 bytes/);
  });
});

describe("assets/ icons", () => {
  it("are exactly the files make-icons.ts writes (run it after changing a glyph)", () => {
    const expected = iconFiles().map((f) => f.name);
    expect(expected).toEqual(expect.arrayContaining(["icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png", "icon-128.png", "refresh-16.png", "refresh-32.png", "refresh-80.png"]));
    const onDisk = readdirSync(ASSETS_DIR).filter((n) => n.endsWith(".png"));
    expect(onDisk.sort()).toEqual([...expected].sort());
    for (const { name, kind, size } of iconFiles()) {
      expect({ name, same: renderIcon(kind, size).equals(readFileSync(path.join(ASSETS_DIR, name))) }).toEqual({ name, same: true });
    }
  });

  it.each(iconFiles())("$name is a $size px square, Office blue on transparent", ({ name, size }) => {
    const { width, height, rgba } = decodePng(readFileSync(path.join(ASSETS_DIR, name)));
    expect([width, height]).toEqual([size, size]);
    let opaque = 0;
    let transparent = 0;
    const offColour: string[] = [];
    for (let i = 0; i < rgba.length; i += 4) {
      const [r, g, b, a] = [rgba[i]!, rgba[i + 1]!, rgba[i + 2]!, rgba[i + 3]!];
      if (a === 0) transparent++;
      if (a === 255) {
        opaque++;
        // fully covered pixels are the brand blue, or the white of the check mark, or an anti-aliased mix of both
        const t = (r - OFFICE_BLUE[0]) / (255 - OFFICE_BLUE[0]);
        const near = (v: number, from: number) => Math.abs(v - (from + t * (255 - from))) <= 2;
        if (!near(g, OFFICE_BLUE[1]) || !near(b, OFFICE_BLUE[2])) offColour.push(`(${(i / 4) % size}, ${Math.floor(i / 4 / size)}): ${r},${g},${b}`);
      }
    }
    expect(offColour).toEqual([]);
    // the corners are background; the glyph covers a fair part of the square, and its edges are anti-aliased
    for (const [x, y] of [[0, 0], [size - 1, 0], [0, size - 1]]) expect(rgba[(y! * size + x!) * 4 + 3]).toBe(0);
    expect(opaque / (size * size)).toBeGreaterThan(0.05);
    expect(transparent / (size * size)).toBeGreaterThan(0.2);
    expect(size * size - opaque - transparent).toBeGreaterThan(0);
  });
});
