/**
 * What an .xlsx holds that exceljs drops when it reads and writes a workbook (charts, pivot tables, slicers,
 * macros), found from the names of the parts in the file's zip directory. The refreshed copy is written by
 * exceljs, so the command line says what the copy does not have, instead of leaving it out silently.
 */

/** The names of the parts (files) of a zip archive, from its central directory; [] when it cannot be read. */
export function zipEntryNames(zip: Uint8Array): string[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end-of-central-directory record: its signature, searched back from the end (a comment may follow it).
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return [];
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== 0x02014b50) return names;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    names.push(decoder.decode(zip.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const DROPPED: { pattern: RegExp; one: string; many: string }[] = [
  { pattern: /^xl\/charts\/chart\d+\.xml$/i, one: "chart", many: "charts" },
  { pattern: /^xl\/chartsheets\/sheet\d+\.xml$/i, one: "chart sheet", many: "chart sheets" },
  { pattern: /^xl\/pivotTables\/pivotTable\d+\.xml$/i, one: "pivot table", many: "pivot tables" },
  { pattern: /^xl\/slicers\/slicer\d+\.xml$/i, one: "slicer", many: "slicers" },
  { pattern: /^xl\/timelines\/timeline\d+\.xml$/i, one: "timeline filter", many: "timeline filters" },
  { pattern: /^xl\/vbaProject\.bin$/i, one: "macro project", many: "macro projects" },
];

/** What of the workbook's content a copy will not have, in words ("2 charts and a pivot table"), and whether that is one thing; null for nothing. */
export function droppedContent(zip: Uint8Array): { what: string; one: boolean } | null {
  const names = zipEntryNames(zip);
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
