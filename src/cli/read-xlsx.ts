/**
 * An .xlsx workbook's sheets as the engine's grids, read from the file's parts: the workbook (sheet names, tab
 * order, the 1904 date system), the shared strings, the styles, and each worksheet (read-sheet.ts).
 */
import type { Grid } from "../core/grid";
import { FileProblem } from "./read-file";
import { readSharedStrings } from "./read-shared-strings";
import { readSheet, type SheetContext } from "./read-sheet";
import { readStyles } from "./read-styles";
import { ZipPackage } from "./read-zip";
import { elements, partText, relationshipsOf, workbookPart, workbookSheets } from "./workbook-parts";

/** A worksheet the workbook lists that cannot be read, and why, in words. */
export interface UnreadableSheet {
  name: string;
  reason: string;
}

export interface XlsxSheets {
  /** Every worksheet read, in the order of the tabs (chart sheets left out). */
  grids: Grid[];
  unreadable: UnreadableSheet[];
}

/** The start of a worksheet part's root element. */
const WORKSHEET = /<(?:[\w.-]+:)?worksheet\b/;

/** Some bytes of a file Microsoft's Compound File Binary format: an old .xls, or an .xlsx saved with a password. */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Why bytes that are not a zip package are not a workbook the command line reads, in words. */
function notAPackage(bytes: Uint8Array): string {
  if (COMPOUND_FILE.every((b, i) => bytes[i] === b)) {
    const encrypted = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes(Buffer.from("EncryptedPackage", "utf16le"));
    return encrypted
      ? "is protected by a password; open it in Excel, remove the password (File > Info > Protect Workbook), and save it"
      : "is an old .xls workbook under another name; save it as .xlsx in Excel first";
  }
  return "not a readable .xlsx workbook (damaged, or another format)";
}

/**
 * Every worksheet of the workbook (a package, or the bytes of a file) as a grid, but those named in `skip` (the
 * add-in's own sheets, which nothing reads back). A FileProblem says in words why the file is no workbook at all, or
 * is past a limit (limits.ts).
 */
export function readWorkbook(xlsx: Uint8Array | ZipPackage, skip: readonly string[] = []): XlsxSheets {
  const zip = xlsx instanceof ZipPackage ? xlsx : ZipPackage.open(xlsx);
  if (!zip) throw new FileProblem(notAPackage(xlsx as Uint8Array));
  const workbook = workbookPart(zip);
  if (/\.bin$/i.test(workbook)) throw new FileProblem("is a binary .xlsb workbook under an .xlsx name; save it as .xlsx (Excel Workbook) in Excel first");
  const workbookXml = partText(zip, workbook);
  if (workbookXml === null) throw new FileProblem(`not a readable .xlsx workbook: it has no workbook part (${workbook})`);
  const related = relationshipsOf(zip, workbook);
  const partOf = (kind: string): string | null => {
    const r = related.find((x) => x.kind === kind && !x.outside);
    return r ? partText(zip, r.part) : null;
  };
  const properties = elements(workbookXml, "workbookPr")[0];
  const date1904 = properties?.get("date1904") === "1" || properties?.get("date1904") === "true";
  const context: SheetContext = { strings: readSharedStrings(partOf("sharedStrings")), styles: readStyles(partOf("styles")), date1904 };
  const grids: Grid[] = [];
  const unreadable: UnreadableSheet[] = [];
  const sheets = workbookSheets(zip);
  for (const sheet of sheets) {
    if (sheet.kind !== "worksheet" || skip.includes(sheet.name)) continue;
    const xml = sheet.outside ? null : partText(zip, sheet.part);
    if (xml === null) {
      const reason = sheet.outside ? "points outside the workbook" : `has no part in the file (${sheet.part})`;
      unreadable.push({ name: sheet.name, reason });
    } else if (!WORKSHEET.test(xml)) {
      unreadable.push({ name: sheet.name, reason: `is damaged (its part ${sheet.part} holds no worksheet)` });
    } else {
      grids.push(readSheet(xml, sheet.name, context));
    }
  }
  if (grids.length === 0) {
    const first = unreadable[0];
    if (first) throw new FileProblem(`not a readable .xlsx workbook: its sheet "${first.name}" ${first.reason}`);
    if (!sheets.some((s) => s.kind === "worksheet")) throw new FileProblem("not a readable .xlsx workbook: it lists no worksheet");
  }
  return { grids, unreadable };
}

/** Every worksheet of an .xlsx's bytes as a grid, in the order of the tabs; null when they are not a workbook. */
export function readXlsx(xlsx: Uint8Array): Grid[] | null {
  try {
    return readWorkbook(xlsx).grids;
  } catch (e) {
    if (e instanceof FileProblem) return null;
    throw e;
  }
}
