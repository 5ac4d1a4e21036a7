/**
 * A copy of a workbook that the command line writes (`refresh`, `add-timeline`), made from the workbook's own
 * package: every part is kept byte for byte (its packed bytes copied, not unpacked and packed again), except what
 * the command changes:
 *  - the add-in's sheets, written afresh (own-sheets.ts): the summary and plan sheets and the very hidden data sheet
 *    with the settings and the monitoring history, in the place and part they had, or added after the planner's
 *    sheets; what the old ones had (chart, table) goes with them;
 *  - the flags: on each planner's sheet, the add-in's conditional-format rules replace its old ones (the planner's
 *    own rules stay, after them); nothing else of the sheet changes, not a byte of its cells;
 *  - Add a timeline's month labels, appended to the header row of the planner's sheet (add-cells.ts), or its sheet
 *    listing the steps under the months;
 *  - the styles and shared strings the add-in's sheets and flags use, appended after the workbook's own
 *    (copy-styles.ts, copy-strings.ts), which keep their places and bytes;
 *  - the workbook's list of sheets, its relationships and the package's content types, for the parts added.
 * So nothing the planner has is lost, whatever it is (charts, pivot tables, macros, comments, slicers), and a typed
 * character cannot change: the planner's cells are not written at all.
 */
import { isDeepStrictEqual } from "node:util";
import { inflateRawSync } from "node:zlib";
import { a1, parseCellAddress } from "../core/address";
import type { TimelineAddition } from "../core/add-timeline";
import type { Grid } from "../core/grid";
import type { Snapshot } from "../core/history/snapshot";
import { defaultStore, STORE_SHEET } from "../core/settings-store";
import { flagFormula, flagKindOfFormula, OWN_SHEETS, PLAN_SHEET, SUMMARY_SHEET, type FlagKind, type FlagWrite, type SheetWrite, type WorkbookWrites } from "../core/writes";
import { withTextCells } from "./add-cells";
import { CopyStrings } from "./copy-strings";
import { CopyStyles } from "./copy-styles";
import { attributeText, chartXml, drawingXml, NS, sheetXml, tableXml } from "./own-sheets";
import { FileProblem, UnreadableFileError } from "./read-file";
import { readStoreSheet, type LoadedFile } from "./read-workbook";
import { readWorkbook } from "./read-xlsx";
import { ZipPackage, type PackedPart } from "./read-zip";
import { elements, escapeXml, partText, relationshipsOf, relationshipsPart, workbookPart, workbookSheets, type Parts, type SheetPart } from "./workbook-parts";
import { writeZip, type Part } from "./write-zip";

const TYPES = "[Content_Types].xml";
const RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
const STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};

/** The package being copied: the source's parts, with some changed (as bytes, or packed already), removed and added. */
class PackageCopy implements Parts {
  private readonly changed = new Map<string, Uint8Array | PackedPart>();
  private readonly removed = new Set<string>();
  private readonly added: string[] = [];

  constructor(private readonly source: ZipPackage) {}

  /** A part's name as the source spells it (part names do not differ by case), or as given for a new one. */
  private named(name: string): string {
    return this.source.nameOf(name) ?? this.added.find((a) => a.toLowerCase() === name.toLowerCase()) ?? name;
  }

  read(name: string): Uint8Array | null {
    const n = this.named(name);
    if (this.removed.has(n)) return null;
    const changed = this.changed.get(n);
    if (changed === undefined) return this.source.read(n);
    return changed instanceof Uint8Array ? changed : inflateRawSync(changed.data);
  }

  has(name: string): boolean {
    const n = this.named(name);
    return !this.removed.has(n) && (this.changed.has(n) || this.source.has(n));
  }

  names(): string[] {
    return [...this.source.names().filter((n) => !this.removed.has(n)), ...this.added.filter((n) => !this.removed.has(n))];
  }

  put(name: string, content: string | Uint8Array | PackedPart): void {
    const n = this.named(name);
    if (!this.source.has(n) && !this.added.includes(n)) this.added.push(n);
    this.removed.delete(n);
    this.changed.set(n, typeof content === "string" ? Buffer.from(content, "utf8") : content);
  }

  remove(name: string): void {
    const n = this.named(name);
    this.changed.delete(n);
    this.removed.add(n);
  }

  /** The first free name `folder/stem{n}.xml`, n = 1, 2 ... */
  free(folder: string, stem: string): string {
    for (let n = 1; ; n++) if (!this.has(`${folder}/${stem}${n}.xml`)) return `${folder}/${stem}${n}.xml`;
  }

  /** The archive: each part kept packed as the source had it, unless changed or added (then packed anew). */
  zip(): Uint8Array {
    const parts: Part[] = this.names().map((name) => {
      const changed = this.changed.get(name);
      if (changed === undefined) return { name, packed: this.source.packed(name)! };
      return changed instanceof Uint8Array ? { name, data: changed } : { name, packed: changed };
    });
    return writeZip(parts);
  }
}

/** Text of a part written back: as UTF-8, its declaration saying so (a part read as UTF-16 is written as UTF-8). */
function asUtf8(xml: string): string {
  return xml.replace(/^(\ufeff?<\?xml[^>]*?\sencoding\s*=\s*["'])[^"']*(["'])/, "$1UTF-8$2").replace(/^\ufeff/, "");
}

/** A relationship's target written relative to its part's folder: `../charts/chart1.xml`. */
function relativeTarget(from: string, to: string): string {
  const base = from.split("/").slice(0, -1);
  const target = to.split("/");
  let common = 0;
  while (common < base.length && common < target.length - 1 && base[common] === target[common]) common++;
  return [...base.slice(common).map(() => ".."), ...target.slice(common)].join("/");
}

/** A part's relationships, as written anew: the ones it keeps, and the ones added, each with the first free id. */
class RelationshipsEdit {
  private xml: string;
  private readonly ids: Set<string>;
  private changed = false;
  constructor(
    private readonly copy: PackageCopy,
    private readonly part: string,
  ) {
    this.xml = partText(copy, relationshipsPart(part)) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELATIONSHIPS}"></Relationships>`;
    this.ids = new Set(relationshipsOf(copy, part).map((r) => r.id));
  }

  add(kind: string, target: string): string {
    let n = 1;
    while (this.ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    this.ids.add(id);
    const prefix = /<([\w.-]+:)?Relationships\b/.exec(this.xml)?.[1] ?? "";
    const element = `<${prefix}Relationship Id="${id}" Type="${NS.r}/${kind}" Target="${escapeXml(relativeTarget(this.part, target))}"/>`;
    this.xml = /<\/(?:[\w.-]+:)?Relationships>\s*$/.test(this.xml)
      ? this.xml.replace(/<\/((?:[\w.-]+:)?Relationships)>\s*$/, `${element}</$1>`)
      : this.xml.replace(/<((?:[\w.-]+:)?Relationships)\b([^>]*?)\/>\s*$/, `<$1$2>${element}</$1>`);
    this.changed = true;
    return id;
  }

  save(): void {
    if (this.changed) this.copy.put(relationshipsPart(this.part), asUtf8(this.xml));
  }
}

/**
 * The package's content types, with overrides for the parts added and without those for the parts removed. An
 * override removed and set again (a part of an earlier refresh, written afresh) stays where it was, so a second
 * refresh writes the same part as the first.
 */
class ContentTypes {
  private xml: string;
  constructor(private readonly copy: PackageCopy) {
    const xml = partText(copy, TYPES);
    if (xml === null) throw new FileProblem(`not a readable .xlsx workbook: it has no ${TYPES}`);
    this.xml = xml;
  }
  private override(part: string, type: string): string {
    return `<${/<([\w.-]+:)?Types\b/.exec(this.xml)?.[1] ?? ""}Override PartName="/${escapeXml(part)}" ContentType="${type}"/>`;
  }
  private place(part: string): string {
    return `<!--removed:/${part}-->`;
  }
  set(part: string, type: string): void {
    this.remove(part);
    const place = this.place(part);
    this.xml = this.xml.includes(place)
      ? this.xml.replace(place, this.override(part, type))
      : this.xml.replace(/<\/((?:[\w.-]+:)?Types)>\s*$/, `${this.override(part, type)}</$1>`);
  }
  remove(part: string): void {
    const escaped = escapeXml(part).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    this.xml = this.xml.replace(new RegExp(`<(?:[\\w.-]+:)?Override\\b[^>]*?PartName="/${escaped}"[^>]*?/>`, "i"), this.place(part));
  }
  save(): void {
    this.copy.put(TYPES, asUtf8(this.xml.replace(/<!--removed:[^>]*-->/g, "")));
  }
}

/**
 * Removes what an add-in's sheet of an earlier refresh brought with it (its drawing and chart, its table, and
 * anything else only it points to), keeping any part another part points to too.
 */
function removeDependents(copy: PackageCopy, types: ContentTypes, sheetPart: string): void {
  const owned = new Set<string>();
  const queue = [sheetPart];
  while (queue.length > 0) {
    const part = queue.pop()!;
    for (const r of relationshipsOf(copy, part)) {
      if (r.outside || owned.has(r.part) || r.part === sheetPart || !copy.has(r.part)) continue;
      owned.add(r.part);
      queue.push(r.part);
    }
  }
  const elsewhere = new Set<string>();
  for (const name of copy.names()) {
    if (!name.endsWith(".rels")) continue;
    const part = name.replace(/_rels\/([^/]*)\.rels$/, "$1");
    if (part === sheetPart || owned.has(part)) continue;
    for (const r of relationshipsOf(copy, part)) elsewhere.add(r.part);
  }
  for (const part of owned) {
    if (elsewhere.has(part)) continue;
    copy.remove(part);
    copy.remove(relationshipsPart(part));
    types.remove(part);
  }
  copy.remove(relationshipsPart(sheetPart));
}

/** Cells as Excel lists them in a range: runs of neighbours in a row joined (`C5:F5 H7`). */
function cellRanges(cells: { row: number; column: number }[]): string {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.column - b.column);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]!.row === sorted[i]!.row && sorted[j + 1]!.column === sorted[j]!.column + 1) j++;
    const start = a1(sorted[i]!.row, sorted[i]!.column);
    out.push(j > i ? `${start}:${a1(sorted[j]!.row, sorted[j]!.column)}` : start);
    i = j + 1;
  }
  return out.join(" ");
}

/** A worksheet's elements after `<sheetData>` that come after `<conditionalFormatting>` (CT_Worksheet's order). */
const AFTER_RULES = [
  "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
  "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF",
  "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
];

const RULES = /<((?:[\w.-]+:)?)conditionalFormatting\b(?:[^>"']|"[^"]*"|'[^']*')*?(?:\/>|>[\s\S]*?<\/\1conditionalFormatting>)/g;
const RULE_FORMULA = /<(?:[\w.-]+:)?formula>([\s\S]*?)<\/(?:[\w.-]+:)?formula>/g;
const PRIORITY = /(<(?:[\w.-]+:)?cfRule\b(?:[^>"']|"[^"]*"|'[^']*')*?\spriority=")(\d+)"/g;

/** Whether a conditional format is the add-in's own: each of its rules' formulas is a flag's. */
function isOwnRules(element: string): boolean {
  const formulas = [...element.matchAll(RULE_FORMULA)].map((m) => m[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, "&"));
  return formulas.length > 0 && formulas.every((f) => flagKindOfFormula(f) !== null);
}

/**
 * A planner's sheet with the add-in's flags: its old flag rules out, the new ones in, first in priority (as the
 * add-in puts them in Excel), the planner's own rules after them in the order they had. Only what follows the
 * sheet's cells is touched; null when the sheet stays as it is.
 */
function flaggedSheet(xml: string, flags: Map<FlagKind, { row: number; column: number }[]>, styles: CopyStyles): string | null {
  const prefix = /<([\w.-]+:)?worksheet\b/.exec(xml)?.[1] ?? "";
  // Where the cells end: found from the end of the sheet, never by a pattern run over all its cells.
  const close = `</${prefix}sheetData>`;
  const closed = xml.lastIndexOf(close);
  const empty = closed >= 0 ? null : new RegExp(`<${prefix.replace(".", "\\.")}sheetData\\b(?:[^>"']|"[^"]*"|'[^']*')*?/>`).exec(xml);
  if (closed < 0 && !empty) return null;
  const at = closed >= 0 ? closed + close.length : empty!.index + empty![0].length;
  const tail = xml.slice(at);
  if (flags.size === 0 && !tail.includes("milestone-monitor:")) return null;
  let kept = tail.replace(RULES, (element) => (isOwnRules(element) ? "" : element));
  // The planner's rules come after the flags: their priorities start at the first number after the flags'.
  let lowest = Infinity;
  for (const m of kept.matchAll(PRIORITY)) lowest = Math.min(lowest, Number(m[2]));
  const shift = lowest === Infinity ? 0 : Math.max(0, flags.size + 1 - lowest);
  if (shift > 0) kept = kept.replace(PRIORITY, (_, start: string, p: string) => `${start}${Number(p) + shift}"`);
  let priority = 0;
  const rules = [...flags].map(([kind, cells]) => {
    const formula = escapeXml(flagFormula(kind).slice(1));
    return `<${prefix}conditionalFormatting sqref="${cellRanges(cells)}"><${prefix}cfRule type="expression" dxfId="${styles.flag(kind)}" priority="${++priority}"><${prefix}formula>${formula}</${prefix}formula></${prefix}cfRule></${prefix}conditionalFormatting>`;
  });
  let insert = -1;
  for (const m of kept.matchAll(RULES)) insert = m.index + m[0].length;
  if (insert < 0) {
    for (const follower of AFTER_RULES) {
      const i = kept.search(new RegExp(`<(?:[\\w.-]+:)?${follower}[\\s/>]`));
      if (i >= 0 && (insert < 0 || i < insert)) insert = i;
    }
  }
  if (insert < 0) insert = kept.search(/<\/(?:[\w.-]+:)?worksheet>/);
  if (insert < 0) return null;
  const changed = kept.slice(0, insert) + rules.join("") + kept.slice(insert);
  return changed === tail ? null : xml.slice(0, at) + changed;
}

/** The name of a table not yet in the workbook: `wanted`, else `wanted_2` ... */
function freeTableName(names: Set<string>, wanted: string): string {
  if (!names.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) if (!names.has(`${wanted}_${n}`.toLowerCase())) return `${wanted}_${n}`;
}

/** How a sheet the add-in writes goes into the copy. */
interface SheetPlacement {
  /** A sheet of the same name is the add-in's from an earlier refresh: its part is written afresh. Otherwise such a sheet is the planner's, and the copy is refused. */
  replace: boolean;
  /** Added very hidden (the data sheet: Excel's menus cannot show it). */
  veryHidden?: boolean;
  /** Text in the cells themselves rather than among the shared strings. */
  inlineText?: boolean;
}

/**
 * A workbook's package being copied: its list of sheets, relationships, content types, styles and shared strings,
 * changed as the add-in's writes need, everything else kept. A FileProblem when the package is one a copy cannot be
 * written into (Strict Open XML, no content types).
 */
class WorkbookCopy {
  private readonly copy: PackageCopy;
  private readonly workbook: string;
  private workbookXml: string;
  /** The prefix the workbook declares for the relationships namespace ("r" in every file Excel writes), if any. */
  private readonly relationshipPrefix: string | undefined;
  private readonly types: ContentTypes;
  private readonly workbookRelations: RelationshipsEdit;
  private readonly sheets: SheetPart[];
  /** The parts of the add-in's own sheets as the workbook has them: never flagged. */
  private readonly ownParts: Set<string>;
  private readonly stylesPart: string | null;
  private readonly stringsPart: string | null;
  readonly styles: CopyStyles;
  private readonly strings: CopyStrings;
  /** The tables the workbook has besides the add-in's, found when a table is first added: ids and names are unique in a workbook. */
  private tables: { names: Set<string>; lastId: number } | null = null;

  constructor(
    source: ZipPackage,
    private readonly date1904: boolean,
  ) {
    this.copy = new PackageCopy(source);
    this.workbook = workbookPart(this.copy);
    const workbookXml = partText(this.copy, this.workbook);
    if (workbookXml === null) throw new FileProblem(`not a readable .xlsx workbook: it has no workbook part (${this.workbook})`);
    const root = /<([\w.-]+:)?workbook\b((?:[^>"']|"[^"]*"|'[^']*')*)>/.exec(workbookXml);
    if (!root) throw new FileProblem("not a readable .xlsx workbook: its workbook part is not a workbook");
    if (workbookXml.includes(STRICT)) {
      throw new FileProblem("is saved as Strict Open XML, which the command line does not write; save it as an Excel Workbook (.xlsx) in Excel, or refresh it there");
    }
    this.workbookXml = workbookXml;
    this.relationshipPrefix = [...root[2]!.matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g)].find((m) => m[2] === NS.r)?.[1];
    this.types = new ContentTypes(this.copy);
    this.workbookRelations = new RelationshipsEdit(this.copy, this.workbook);
    this.sheets = workbookSheets(this.copy);
    this.ownParts = new Set(this.sheets.filter((s) => OWN_SHEETS.some((own) => own.toLowerCase() === s.name.toLowerCase())).map((s) => s.part));
    const related = relationshipsOf(this.copy, this.workbook);
    this.stylesPart = related.find((r) => r.kind === "styles" && !r.outside)?.part ?? null;
    this.styles = new CopyStyles(this.stylesPart === null ? null : partText(this.copy, this.stylesPart));
    this.stringsPart = related.find((r) => r.kind === "sharedStrings" && !r.outside)?.part ?? null;
    this.strings = new CopyStrings(this.stringsPart === null ? null : partText(this.copy, this.stringsPart));
  }

  /** A new worksheet after the workbook's others: its part, listed in the workbook, its relationship and content type. */
  private addSheet(name: string, veryHidden: boolean): string {
    const part = this.copy.free("xl/worksheets", "sheet");
    const id = this.workbookRelations.add("worksheet", part);
    const sheetId = elements(this.workbookXml, "sheet").reduce((top, s) => Math.max(top, Number(s.get("sheetId") ?? 0) || 0), 0) + 1;
    const p = /<([\w.-]+:)?sheets\b/.exec(this.workbookXml)?.[1] ?? "";
    const declared = this.relationshipPrefix;
    const relationshipAttribute = declared ? `${declared}:id="${id}"` : `xmlns:r="${NS.r}" r:id="${id}"`;
    const element = `<${p}sheet name="${attributeText(name)}" sheetId="${sheetId}"${veryHidden ? ` state="veryHidden"` : ""} ${relationshipAttribute}/>`;
    this.workbookXml = this.workbookXml.replace(new RegExp(`</${p.replace(".", "\\.")}sheets>`), `${element}</${p}sheets>`);
    this.types.set(part, CONTENT_TYPE.worksheet);
    return part;
  }

  /** The sheet of a name (as Excel compares names: case aside), if the workbook has one. */
  private sheetNamed(name: string): SheetPart | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** A sheet the add-in writes, with its chart and table: in the place and part of the earlier one, or added. */
  writeSheet(write: SheetWrite, placement: SheetPlacement): void {
    const existing = this.sheetNamed(write.name);
    if (existing && !placement.replace) throw new FileProblem(`already has a sheet named "${existing.name}"; rename it, then run the command again`);
    if (existing && (existing.kind !== "worksheet" || existing.outside || !this.copy.has(existing.part))) {
      throw new FileProblem(`has a sheet named "${existing.name}" that is not a worksheet the add-in wrote; rename it, then refresh again`);
    }
    const part = existing?.part ?? this.addSheet(write.name, placement.veryHidden === true);
    if (existing) removeDependents(this.copy, this.types, part);
    const relations = new RelationshipsEdit(this.copy, part);
    let drawing: string | null = null;
    let table: string | null = null;
    if (write.chart) {
      const chartPart = this.copy.free("xl/charts", "chart");
      const drawingPart = this.copy.free("xl/drawings", "drawing");
      this.copy.put(chartPart, chartXml(write, write.chart));
      const drawingRelations = new RelationshipsEdit(this.copy, drawingPart);
      this.copy.put(drawingPart, drawingXml(write.chart, drawingRelations.add("chart", chartPart)));
      drawingRelations.save();
      this.types.set(chartPart, CONTENT_TYPE.chart);
      this.types.set(drawingPart, CONTENT_TYPE.drawing);
      drawing = relations.add("drawing", drawingPart);
    }
    if (write.table) {
      const tables = this.knownTables();
      const tablePart = this.copy.free("xl/tables", "table");
      const name = freeTableName(tables.names, write.table.name);
      tables.names.add(name.toLowerCase());
      this.copy.put(tablePart, tableXml(write, ++tables.lastId, name));
      this.types.set(tablePart, CONTENT_TYPE.table);
      table = relations.add("table", tablePart);
    }
    this.copy.put(part, sheetXml(write, this.styles, placement.inlineText === true ? null : this.strings, this.date1904, { drawing, table }));
    relations.save();
  }

  private knownTables(): { names: Set<string>; lastId: number } {
    if (this.tables) return this.tables;
    const tables = { names: new Set<string>(), lastId: 0 };
    for (const name of this.copy.names().filter((n) => /^xl\/tables\/[^/]+\.xml$/i.test(n))) {
      const t = elements(partText(this.copy, name) ?? "", "table")[0];
      if (!t) continue;
      tables.lastId = Math.max(tables.lastId, Number(t.get("id") ?? 0) || 0);
      for (const n of [t.get("name"), t.get("displayName")]) if (n) tables.names.add(n.toLowerCase());
    }
    this.tables = tables;
    return tables;
  }

  /** The flags, sheet by sheet (overdue first): on every planner's sheet, so that old flags go from a sheet with none now. */
  flag(writes: readonly FlagWrite[]): void {
    const flags = new Map<string, Map<FlagKind, { row: number; column: number }[]>>();
    for (const kind of ["overdue", "current"] as const) {
      for (const f of writes) {
        const p = parseCellAddress(f.cell);
        if (!p || f.kind !== kind) continue;
        const kinds = flags.get(p.sheet) ?? new Map<FlagKind, { row: number; column: number }[]>();
        const cells = kinds.get(kind) ?? [];
        cells.push({ row: p.row, column: p.column });
        kinds.set(kind, cells);
        flags.set(p.sheet, kinds);
      }
    }
    for (const sheet of this.sheets) {
      if (sheet.kind !== "worksheet" || sheet.outside || this.ownParts.has(sheet.part)) continue;
      const xml = partText(this.copy, sheet.part);
      if (xml === null) continue;
      const flagged = flaggedSheet(xml, flags.get(sheet.name) ?? new Map<FlagKind, { row: number; column: number }[]>(), this.styles);
      if (flagged !== null) this.copy.put(sheet.part, asUtf8(flagged));
    }
  }

  /** Text cells in the add-in's header look on a planner's sheet, at sheet row `row` (0-based), left to right. */
  headerCells(sheet: string, row: number, cells: { column: number; text: string }[]): void {
    const part = this.sheets.find((s) => s.name === sheet && s.kind === "worksheet" && !s.outside);
    const xml = part ? partText(this.copy, part.part) : null;
    if (!part || xml === null) throw new FileProblem(`has no worksheet named "${sheet}" to add a timeline to`);
    this.copy.put(part.part, asUtf8(withTextCells(xml, row, cells, this.styles.cell("text", "header"))));
  }

  /** The copy's archive: the workbook's styles and shared strings with what was added, its list of sheets, relationships and content types. */
  finish(): Uint8Array {
    for (const [kind, part, xml] of [["sharedStrings", this.stringsPart, this.strings.text()], ["styles", this.stylesPart, this.styles.text()]] as const) {
      if (xml === null) continue;
      const name = part ?? this.copy.free("xl", kind);
      if (part === null) this.workbookRelations.add(kind, name);
      this.copy.put(name, asUtf8(xml));
      this.types.set(name, CONTENT_TYPE[kind]);
    }
    this.copy.put(this.workbook, asUtf8(this.workbookXml));
    this.workbookRelations.save();
    this.types.save();
    return this.copy.zip();
  }
}

/**
 * The workbook's package with a refresh's writes: the add-in's summary and plan sheets afresh, its data sheet (`store`:
 * the settings and the monitoring history, very hidden, every cell text) afresh, and the flags; everything else kept.
 */
export function writeCopy(source: ZipPackage, writes: WorkbookWrites, date1904: boolean, store?: SheetWrite): Uint8Array {
  const book = new WorkbookCopy(source, date1904);
  book.writeSheet(writes.summary, { replace: true });
  book.writeSheet(writes.plan, { replace: true });
  if (store) book.writeSheet(store, { replace: true, veryHidden: true, inlineText: true });
  book.flag(writes.flags);
  return book.finish();
}

/**
 * The workbook's package with Add a timeline's addition: the month labels as text in the add-in's header look at the
 * end of the plan's header row (nothing else of the sheet changes), or the sheet that lists the steps under the
 * months, added as the add-in adds its own sheets.
 */
export function addTimelineCopy(source: ZipPackage, addition: Extract<TimelineAddition, { kind: "columns" | "sheet" }>, date1904: boolean): Uint8Array {
  const book = new WorkbookCopy(source, date1904);
  if (addition.kind === "sheet") book.writeSheet(addition.sheet, { replace: false });
  else book.headerCells(addition.sheet, addition.row, addition.labels.map((text, i) => ({ column: addition.column + i, text })));
  return book.finish();
}

/** What a copy is to hold besides what was read, for checkCopy to find. */
export interface CopyCheck {
  /** The command that makes the copy, for the line that refuses it. */
  command?: "refresh" | "add-timeline";
  /** Sheets the copy adds besides the add-in's own (Add a timeline's list of steps). */
  sheets?: string[];
  /** Text cells the copy writes into a planner's sheet (Add a timeline's months), 0-based. */
  cells?: { sheet: string; row: number; column: number; text: string }[];
  /** The monitoring history the copy keeps (a refresh's). */
  history?: Snapshot[];
}

interface Extent {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The cells a grid spans. */
function extentOf(grid: Grid): Extent {
  const width = grid.values.reduce((w, line) => Math.max(w, line.length), 0);
  return { top: grid.top, left: grid.left, bottom: grid.top + grid.values.length - 1, right: grid.left + width - 1 };
}

function isInside(area: Extent, row: number, column: number): boolean {
  return row >= area.top && row <= area.bottom && column >= area.left && column <= area.right;
}

/** A sheet's cells that hold anything (value, number format or fill), by `row,column`; within `area` when given. */
function cellsOf(grid: Grid, area?: Extent): Map<string, string> {
  const out = new Map<string, string>();
  grid.values.forEach((line, r) =>
    line.forEach((value, c) => {
      const row = grid.top + r;
      const column = grid.left + c;
      if (area && !isInside(area, row, column)) return;
      const format = grid.formats?.[r]?.[c] ?? null;
      const fill = grid.fills?.[r]?.[c] ?? null;
      if (value !== null || format !== null || fill !== null) out.set(`${row},${column}`, JSON.stringify([value, format, fill]));
    }),
  );
  return out;
}

/**
 * A sheet of the copy holds what the input's did and the text cells added: the same merged areas and hidden rows and
 * columns, every cell of the input's used range as it was, each added cell its text, and no other cell a value (the
 * wider used range may show row and column formats, which are not the copy's doing).
 */
function sameWithCells(copy: Grid, input: Grid, added: { row: number; column: number; text: string }[]): boolean {
  const sheet = ({ values: _v, formats: _f, fills: _l, top: _t, left: _e, ...rest }: Grid): Omit<Grid, "values" | "formats" | "fills" | "top" | "left"> => rest;
  if (!isDeepStrictEqual(sheet(copy), sheet(input))) return false;
  const texts = new Map(added.map((c) => [`${c.row},${c.column}`, c.text]));
  const area = extentOf(input);
  const kept = cellsOf(copy, area);
  const was = cellsOf(input);
  for (const key of texts.keys()) {
    kept.delete(key);
    was.delete(key);
  }
  if (!isDeepStrictEqual(kept, was)) return false;
  const valueAt = (row: number, column: number): unknown => copy.values[row - copy.top]?.[column - copy.left] ?? null;
  if (added.some((c) => valueAt(c.row, c.column) !== c.text)) return false;
  return copy.values.every((line, r) => line.every((value, c) => value === null || texts.has(`${copy.top + r},${copy.left + c}`) || isInside(area, copy.top + r, copy.left + c)));
}

/**
 * The copy proves it holds what was read: read back as the input was, it has the same sheets (the add-in's own and
 * those the copy adds aside), each with the same cells, formats, merged areas and hidden rows and columns (and the
 * cells the copy adds), the same settings as saved, and the monitoring history the refresh keeps. Otherwise nothing
 * is written, and one line says why.
 */
export function checkCopy(copy: Uint8Array, file: LoadedFile, check: CopyCheck = {}): void {
  const stop = (what: string): never => {
    throw new UnreadableFileError(`${file.path}: ${check.command ?? "refresh"} stopped, nothing was written: the copy would not hold ${what} as it was read`);
  };
  const zip = ZipPackage.open(copy);
  let read: ReturnType<typeof readWorkbook> | null = null;
  try {
    read = zip === null ? null : readWorkbook(zip, [SUMMARY_SHEET, PLAN_SHEET]);
  } catch (e) {
    if (!(e instanceof FileProblem)) throw e;
  }
  if (read === null) return stop("the workbook");
  if (read.unreadable[0]) return stop(`sheet "${read.unreadable[0].name}"`);
  const added = new Set(check.sheets ?? []);
  for (const name of added) if (!read.grids.some((g) => g.sheet === name)) stop(`the sheet "${name}" it adds`);
  const grids = read.grids.filter((g) => g.sheet !== STORE_SHEET && !added.has(g.sheet));
  const names = grids.map((g) => g.sheet);
  const expected = file.grids.map((g) => g.sheet);
  if (!isDeepStrictEqual(names, expected)) return stop(`its sheets (${expected.map((n) => `"${n}"`).join(", ")})`);
  grids.forEach((grid, i) => {
    const cells = (check.cells ?? []).filter((c) => c.sheet === grid.sheet);
    if (cells.length > 0 ? !sameWithCells(grid, file.grids[i]!, cells) : !isDeepStrictEqual(grid, file.grids[i])) stop(`sheet "${grid.sheet}"`);
  });
  const store = read.grids.find((g) => g.sheet === STORE_SHEET);
  const kept = store ? readStoreSheet(store) : null;
  // The settings as saved (a workbook without them has the defaults); what the refresh itself writes is its own.
  const defaults = defaultStore().settings;
  if (!isDeepStrictEqual(kept?.stored.settings ?? defaults, file.stored?.settings ?? defaults)) stop("the add-in's saved settings");
  if (file.stored?.planSheet != null && kept?.stored.planSheet !== file.stored.planSheet) stop("the add-in's saved settings");
  if (check.history && !isDeepStrictEqual(kept?.history.snapshots ?? [], check.history)) stop("the monitoring history");
}
