/**
 * An .xlsx file as the zip of parts it is: which part holds which sheet, and the charts a sheet shows. exceljs
 * drops charts, pivot tables, slicers and macros when it reads and writes a workbook, and writes no chart of its
 * own, so the command line finds the first here (to say what a refreshed copy does not have) and adds the summary
 * sheet's chart to the copy itself (finish-copy.ts).
 */
import JSZip from "jszip";

/** A relationship of a part to another: its id, kind (the end of its type URI) and the part it points to. */
export interface Relationship {
  id: string;
  kind: string;
  /** The part's path in the zip (no leading "/"), or the target as written for an external one. */
  part: string;
}

/** Opens an .xlsx as its parts; null when it is not a zip. */
export async function openParts(xlsx: Uint8Array): Promise<JSZip | null> {
  try {
    return await JSZip.loadAsync(xlsx);
  } catch {
    return null;
  }
}

export async function partText(zip: JSZip, part: string): Promise<string | null> {
  const file = zip.file(part);
  return file ? await file.async("string") : null;
}

/** Writes a part, without the folder entries a zip does not need (Excel writes none). */
export function putPart(zip: JSZip, part: string, text: string): void {
  zip.file(part, text, { createFolders: false });
}

/** The attributes of each element named `name` in a part's XML, in order. */
export function elements(xml: string, name: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  for (const tag of xml.matchAll(new RegExp(`<(?:\\w+:)?${name}\\b([^>]*)>`, "g"))) {
    const attributes = new Map<string, string>();
    for (const a of tag[1]!.matchAll(/([\w:]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) attributes.set(a[1]!, unescapeXml(a[3] ?? a[4] ?? ""));
    out.push(attributes);
  }
  return out;
}

export function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-f]+));/gi, (whole, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" }[name.toLowerCase()] ?? whole;
  });
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** Where a part's relationships are kept: `xl/worksheets/sheet1.xml` -> `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relationshipsPart(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target as a part path: relative to the part's folder, or from the package root ("/xl/..."). */
function resolvePart(from: string, target: string): string {
  const segments = target.startsWith("/") ? [] : from.split("/").slice(0, -1);
  for (const s of target.split("/")) {
    if (s === "..") segments.pop();
    else if (s !== "." && s !== "") segments.push(s);
  }
  return segments.join("/");
}

/** A part's relationships ([] when it has none). */
export async function relationshipsOf(zip: JSZip, part: string): Promise<Relationship[]> {
  const xml = await partText(zip, relationshipsPart(part));
  if (xml === null) return [];
  return elements(xml, "Relationship").map((r) => {
    const target = r.get("Target") ?? "";
    return {
      id: r.get("Id") ?? "",
      kind: (r.get("Type") ?? "").split("/").pop() ?? "",
      part: r.get("TargetMode") === "External" ? target : resolvePart(part, target),
    };
  });
}

/** The workbook part (`xl/workbook.xml`), as the package's root relationships name it. */
export async function workbookPart(zip: JSZip): Promise<string> {
  const root = await relationshipsOf(zip, "");
  return root.find((r) => r.kind === "officeDocument")?.part ?? "xl/workbook.xml";
}

/** A sheet of the workbook: its name, its part, and its kind (`worksheet`, `chartsheet` ...). */
export interface SheetPart {
  name: string;
  part: string;
  kind: string;
}

/** The workbook's sheets in the order of their tabs. */
export async function workbookSheets(zip: JSZip): Promise<SheetPart[]> {
  const workbook = await workbookPart(zip);
  const xml = (await partText(zip, workbook)) ?? "";
  const targets = new Map((await relationshipsOf(zip, workbook)).map((r) => [r.id, r]));
  const sheets: SheetPart[] = [];
  for (const sheet of elements(xml, "sheet")) {
    // The relationships namespace is "r:" in every workbook Excel or exceljs writes; another prefix is read too.
    const id = sheet.get("r:id") ?? [...sheet].find(([attribute]) => attribute.endsWith(":id"))?.[1] ?? "";
    const target = targets.get(id);
    const name = sheet.get("name");
    if (target !== undefined && name !== undefined) sheets.push({ name, part: target.part, kind: target.kind });
  }
  return sheets;
}

/** Each sheet's part by the sheet's name: worksheets and chart sheets. */
export async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  return new Map((await workbookSheets(zip)).map((s) => [s.name, s.part]));
}

/** The chart parts a sheet shows, through its drawing. */
export async function chartsOfSheet(zip: JSZip, sheetPart: string): Promise<string[]> {
  const charts: string[] = [];
  for (const drawing of (await relationshipsOf(zip, sheetPart)).filter((r) => r.kind === "drawing")) {
    for (const r of await relationshipsOf(zip, drawing.part)) if (r.kind === "chart") charts.push(r.part);
  }
  return charts;
}

const DROPPED: { pattern: RegExp; one: string; many: string }[] = [
  { pattern: /^xl\/charts\/chart\d+\.xml$/i, one: "chart", many: "charts" },
  { pattern: /^xl\/chartsheets\/sheet\d+\.xml$/i, one: "chart sheet", many: "chart sheets" },
  { pattern: /^xl\/pivotTables\/pivotTable\d+\.xml$/i, one: "pivot table", many: "pivot tables" },
  { pattern: /^xl\/slicers\/slicer\d+\.xml$/i, one: "slicer", many: "slicers" },
  { pattern: /^xl\/timelines\/timeline\d+\.xml$/i, one: "timeline filter", many: "timeline filters" },
  { pattern: /^xl\/vbaProject\.bin$/i, one: "macro project", many: "macro projects" },
];

/**
 * What of the workbook's content a copy will not have, in words ("2 charts and a pivot table"), and whether that
 * is one thing; null for nothing. The charts of `rebuiltSheets` (the add-in's own sheets, which the copy gets
 * afresh, chart and all) do not count.
 */
export async function droppedContent(xlsx: Uint8Array, rebuiltSheets: readonly string[]): Promise<{ what: string; one: boolean } | null> {
  const zip = await openParts(xlsx);
  if (!zip) return null;
  const rebuilt = new Set<string>();
  const sheets = await sheetParts(zip);
  for (const name of rebuiltSheets) {
    const part = sheets.get(name);
    if (part !== undefined) for (const chart of await chartsOfSheet(zip, part)) rebuilt.add(chart);
  }
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir && !rebuilt.has(name));
  const parts: string[] = [];
  let total = 0;
  for (const { pattern, one, many } of DROPPED) {
    const n = names.filter((name) => pattern.test(name)).length;
    if (n > 0) parts.push(n === 1 ? `a ${one}` : `${n} ${many}`);
    total += n;
  }
  if (parts.length === 0) return null;
  const what = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
  return { what, one: total === 1 };
}
