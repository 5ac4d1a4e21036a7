/**
 * An .xlsx file as the package of parts it is (ECMA-376 Part 2, Open Packaging Conventions): the text of a part,
 * which part holds which sheet, and the parts a part relates to. The command line reads workbooks through these
 * (read-xlsx.ts), and writes refreshed copies through them too (write-copy.ts): a copy is the package with a few
 * parts changed and added, every other part kept byte for byte.
 */

import { textDecoder } from "./text-decoder";

/** Parts by name: a package as read (read-zip.ts), or a copy being made of one. */
export interface Parts {
  /** The part's bytes, unpacked; null when there is no such part. */
  read(name: string): Uint8Array | null;
  has(name: string): boolean;
  names(): string[];
}

/** A relationship of a part to another: its id, kind (the end of its type URI) and the part it points to. */
export interface Relationship {
  id: string;
  kind: string;
  /** The part's path in the package (no leading "/"), or the target as written for an external one. */
  part: string;
  /** The target points outside the package: an external link, or a path that climbs out of it. */
  outside: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * A part's text in the encoding XML says it is in (XML 1.0, appendix F): UTF-8, UTF-16 (by its byte-order mark,
 * or by the `<` of its first tag), or an 8-bit encoding named by its declaration (`encoding="windows-1252"`).
 * Excel writes UTF-8; other programs write the others, and LibreOffice reads them all.
 */
export function decodePart(bytes: Uint8Array): string {
  const [a, b, c] = [bytes[0], bytes[1], bytes[2]];
  if (a === UTF8_BOM[0] && b === UTF8_BOM[1] && c === UTF8_BOM[2]) return Buffer.from(bytes.buffer, bytes.byteOffset + 3, bytes.length - 3).toString("utf8");
  if ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0x00)) return new TextDecoder("utf-16le").decode(bytes);
  if ((a === 0xfe && b === 0xff) || (a === 0x00 && b === 0x3c)) return new TextDecoder("utf-16be").decode(bytes);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const declared = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(text.toString("latin1", 0, Math.min(200, text.length)))?.[1];
  if (declared && !/^utf-?8$/i.test(declared)) {
    try {
      return textDecoder(declared).decode(bytes);
    } catch {
      // An encoding Node does not know: read as UTF-8, as most such files are.
    }
  }
  return text.toString("utf8");
}

/** A part's text; null when there is no such part. */
export function partText(parts: Parts, part: string): string | null {
  const bytes = parts.read(part);
  return bytes === null ? null : decodePart(bytes);
}

/**
 * The pattern of an element's start tag: its name (any namespace prefix), then its attributes up to the `>` that
 * ends it. A `>` inside a quoted attribute value (which XML allows) does not end it.
 */
function tagPattern(name: string, flags = "g"): RegExp {
  return new RegExp(`<(?:[\\w.-]+:)?${name}\\b((?:[^>"']|"[^"]*"|'[^']*')*)>`, flags);
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** The attributes of each element named `name` in a part's XML, in order. */
export function elements(xml: string, name: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  for (const tag of xml.matchAll(tagPattern(name))) {
    const attributes = new Map<string, string>();
    for (const a of tag[1]!.matchAll(ATTRIBUTE)) attributes.set(a[1]!, unescapeXml(a[3] ?? a[4] ?? ""));
    out.push(attributes);
  }
  return out;
}

export function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-f]+));/gi, (whole, name: string, dec?: string, hex?: string) => {
    const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : -1;
    if (code >= 0) return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    return { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" }[name.toLowerCase()] ?? whole;
  });
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export function escapeXml(text: string): string {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!) : text;
}

/** Where a part's relationships are kept: `xl/worksheets/sheet1.xml` -> `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relationshipsPart(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target as a part path (relative to the part's folder, or from the root), or null when it climbs out. */
function resolvePart(from: string, target: string): string | null {
  const segments = target.startsWith("/") ? [] : from.split("/").slice(0, -1);
  for (const s of target.split("/")) {
    if (s === "..") {
      if (segments.length === 0) return null;
      segments.pop();
    } else if (s !== "." && s !== "") {
      segments.push(s);
    }
  }
  return segments.join("/");
}

/** A part's relationships ([] when it has none). */
export function relationshipsOf(parts: Parts, part: string): Relationship[] {
  const xml = partText(parts, relationshipsPart(part));
  if (xml === null) return [];
  return elements(xml, "Relationship").map((r) => {
    const target = r.get("Target") ?? "";
    const external = r.get("TargetMode") === "External";
    const resolved = external ? null : resolvePart(part, decodeURIComponentSafe(target));
    return { id: r.get("Id") ?? "", kind: (r.get("Type") ?? "").split("/").pop() ?? "", part: resolved ?? target, outside: resolved === null };
  });
}

/** A target's %-escapes undone (`sheet%201.xml`), as OPC part names are written; as it is when they are not valid. */
function decodeURIComponentSafe(text: string): string {
  if (!text.includes("%")) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The workbook part (`xl/workbook.xml`), as the package's root relationships name it. */
export function workbookPart(parts: Parts): string {
  const document = relationshipsOf(parts, "").find((r) => r.kind === "officeDocument" && !r.outside);
  return document?.part ?? "xl/workbook.xml";
}

/** A sheet of the workbook: its name, its part, its kind (`worksheet`, `chartsheet` ...) and its relationship's id. */
export interface SheetPart {
  name: string;
  part: string;
  kind: string;
  id: string;
  /** Its part lies outside the package (or its relationship is missing): it cannot be read. */
  outside: boolean;
}

/** The relationship-id attribute of a `<sheet>`: `r:id` in every workbook Excel writes, another prefix in some. */
function sheetRelationshipId(sheet: Map<string, string>): string {
  return sheet.get("r:id") ?? [...sheet].find(([attribute]) => attribute.endsWith(":id"))?.[1] ?? "";
}

/** The workbook's sheets in the order of their tabs. */
export function workbookSheets(parts: Parts): SheetPart[] {
  const workbook = workbookPart(parts);
  const xml = partText(parts, workbook) ?? "";
  const targets = new Map(relationshipsOf(parts, workbook).map((r) => [r.id, r]));
  const sheets: SheetPart[] = [];
  for (const sheet of elements(xml, "sheet")) {
    const id = sheetRelationshipId(sheet);
    const target = targets.get(id);
    const name = sheet.get("name");
    if (name === undefined) continue;
    sheets.push({ name, id, part: target?.part ?? "", kind: target?.kind ?? "worksheet", outside: target === undefined || target.outside });
  }
  return sheets;
}

/** Each sheet's part by the sheet's name: worksheets and chart sheets. */
export function sheetParts(parts: Parts): Map<string, string> {
  return new Map(workbookSheets(parts).map((s) => [s.name, s.part]));
}

/** The chart parts a sheet shows, through its drawing. */
export function chartsOfSheet(parts: Parts, sheetPart: string): string[] {
  const charts: string[] = [];
  for (const drawing of relationshipsOf(parts, sheetPart).filter((r) => r.kind === "drawing")) {
    for (const r of relationshipsOf(parts, drawing.part)) if (r.kind === "chart") charts.push(r.part);
  }
  return charts;
}
