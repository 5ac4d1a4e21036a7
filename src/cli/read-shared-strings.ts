/**
 * The text of cells as an .xlsx stores it: the workbook's shared strings (`xl/sharedStrings.xml`), which text
 * cells point to by index, and the same markup inside a cell (an inline string).
 */
import { unescapeXml } from "./workbook-parts";

const TEXT = /<(?:\w+:)?t(?:\s[^>]*?)?(?:\/>|>([^<]*)<\/(?:\w+:)?t>)/g;
const PHONETIC = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g;
const ITEM = /<(?:\w+:)?si(?:\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;

/**
 * Text as a part holds it: line ends as XML reads them (a carriage return typed as such is a line feed), XML
 * entities, and `_xHHHH_`, Excel's escape for characters XML cannot hold (`_x000D_`).
 */
export function xmlText(raw: string): string {
  const lines = raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
  const text = lines.includes("&") ? unescapeXml(lines) : lines;
  return text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/**
 * The text a string item shows (`<t>`, or the runs of rich text joined), without its phonetic guide (`<rPh>`,
 * the reading Excel shows above Japanese text on request only).
 */
export function itemText(item: string): string {
  const body = item.includes("rPh") ? item.replace(PHONETIC, "") : item;
  let text = "";
  for (const t of body.matchAll(TEXT)) text += t[1] ?? "";
  return xmlText(text);
}

/** The shared strings in order; [] when the workbook has none. */
export function readSharedStrings(xml: string | null): string[] {
  if (xml === null) return [];
  const strings: string[] = [];
  for (const item of xml.matchAll(ITEM)) strings.push(itemText(item[1] ?? ""));
  return strings;
}
