/**
 * An .xlsx workbook's sheets as the engine's grids, read from the file's parts: the workbook (sheet names, tab
 * order, the 1904 date system), the shared strings, the styles, and each worksheet (read-sheet.ts).
 */
import type { Grid } from "../core/grid";
import { readSharedStrings } from "./read-shared-strings";
import { readSheet, type SheetContext } from "./read-sheet";
import { readStyles } from "./read-styles";
import { elements, openParts, partText, relationshipsOf, workbookPart, workbookSheets } from "./workbook-parts";

/** Every worksheet of the workbook as a grid, in the order of the tabs (chart sheets left out); null when the file is not an .xlsx. */
export async function readXlsx(xlsx: Uint8Array): Promise<Grid[] | null> {
  const zip = await openParts(xlsx);
  if (!zip) return null;
  const workbook = await workbookPart(zip);
  const workbookXml = await partText(zip, workbook);
  if (workbookXml === null) return null;
  const related = await relationshipsOf(zip, workbook);
  const partOf = async (kind: string): Promise<string | null> => {
    const r = related.find((x) => x.kind === kind);
    return r ? await partText(zip, r.part) : null;
  };
  const properties = elements(workbookXml, "workbookPr")[0];
  const date1904 = properties?.get("date1904") === "1" || properties?.get("date1904") === "true";
  const context: SheetContext = { strings: readSharedStrings(await partOf("sharedStrings")), styles: readStyles(await partOf("styles")), date1904 };
  const grids: Grid[] = [];
  for (const sheet of await workbookSheets(zip)) {
    if (sheet.kind !== "worksheet") continue;
    const xml = await partText(zip, sheet.part);
    if (xml !== null) grids.push(readSheet(xml, sheet.name, context));
  }
  return grids;
}
