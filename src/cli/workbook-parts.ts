/**
 * An .xlsx file as the zip of parts it is: the text of a part, which part holds which sheet, and the charts a sheet
 * shows. The command line reads workbooks through these (read-xlsx.ts). exceljs, which writes refreshed copies,
 * drops charts, pivot tables, slicers, macros and more, and writes no chart of its own, so the command line finds
 * those here (to say what a refreshed copy does not have) and adds the summary sheet's chart to the copy itself
 * (finish-copy.ts).
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

/** What a copy written by exceljs does not have: each kind of thing, and how many of it a workbook holds. */
interface Dropped {
  /** The words for one; for a thing not counted (`many` null), the words for any number of it. */
  one: string;
  many: string | null;
  count: (zip: JSZip, parts: string[]) => Promise<number>;
}

/** Counts the parts whose names match. */
function partsNamed(pattern: RegExp): Dropped["count"] {
  return (_zip, parts) => Promise.resolve(parts.filter((name) => pattern.test(name)).length);
}

/** Counts the elements `element` inside the parts whose names match. */
function elementsIn(pattern: RegExp, element: string): Dropped["count"] {
  return async (zip, parts) => {
    let n = 0;
    for (const part of parts.filter((name) => pattern.test(name))) n += elements((await partText(zip, part)) ?? "", element).length;
    return n;
  };
}

const DROPPED: Dropped[] = [
  { one: "a chart", many: "charts", count: partsNamed(/^xl\/charts\/chart\d+\.xml$/i) },
  { one: "a chart sheet", many: "chart sheets", count: partsNamed(/^xl\/chartsheets\/sheet\d+\.xml$/i) },
  { one: "a pivot table", many: "pivot tables", count: partsNamed(/^xl\/pivotTables\/pivotTable\d+\.xml$/i) },
  { one: "a slicer", many: "slicers", count: partsNamed(/^xl\/slicers\/slicer\d+\.xml$/i) },
  { one: "a timeline filter", many: "timeline filters", count: partsNamed(/^xl\/timelines\/timeline\d+\.xml$/i) },
  { one: "a macro project", many: "macro projects", count: partsNamed(/^xl\/vbaProject\.bin$/i) },
  // A committee's discussion in comments: exceljs keeps only the plain note Excel writes beside each thread.
  { one: "a threaded comment", many: "threaded comments", count: elementsIn(/^xl\/threadedComments\/threadedComment\d+\.xml$/i, "threadedComment") },
  // Check boxes and drop-downs drawn over cells (Developer > Insert), one part each.
  { one: "a form control", many: "form controls", count: partsNamed(/^xl\/ctrlProps\/ctrlProp\d+\.xml$/i) },
  // Check boxes in cells (Insert > Checkbox): the cells keep their TRUE and FALSE, the boxes go.
  {
    one: "check boxes in cells (the copy shows their TRUE and FALSE)",
    many: null,
    count: async (zip, parts) => {
      const bag = parts.find((name) => /^xl\/featurePropertyBag\/featurePropertyBag\.xml$/i.test(name));
      return bag !== undefined && elements((await partText(zip, bag)) ?? "", "bag").some((b) => b.get("type") === "Checkbox") ? 1 : 0;
    },
  },
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
  // Whether any kind comes more than once (a kind not counted, such as check boxes, counts as several).
  let several = false;
  for (const { one, many, count } of DROPPED) {
    const n = await count(zip, names);
    if (n === 0) continue;
    parts.push(many === null || n === 1 ? one : `${n} ${many}`);
    if (many === null || n > 1) several = true;
  }
  if (parts.length === 0) return null;
  const what = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
  return { what, one: parts.length === 1 && !several };
}
