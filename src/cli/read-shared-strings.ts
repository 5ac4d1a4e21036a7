/**
 * The text of cells as an .xlsx stores it: the workbook's shared strings (`xl/sharedStrings.xml`), which text
 * cells point to by index, and the same markup inside a cell (an inline string).
 */
import { unescapeXml } from "./workbook-parts";

/** An element's text: characters and CDATA sections (`<![CDATA[...]]>`, text taken as it is), as a pattern's source. */
export const XML_CONTENT = String.raw`[^<]*(?:<!\[CDATA\[[\s\S]*?\]\]>[^<]*)*`;
const TEXT = new RegExp(String.raw`<(?:[\w.-]+:)?t(?:\s[^>]*?)?(?:\/>|>(${XML_CONTENT})<\/(?:[\w.-]+:)?t>)`, "g");
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
const PHONETIC = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g;
const RUN = /<(?:[\w.-]+:)?(?:r|rPh)\b/;
const ITEM = /<(?:\w+:)?si(?:\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;

/**
 * Text as a part holds it: line ends as XML reads them (a carriage return typed as such is a line feed), XML
 * entities, CDATA sections (their text as it is), and `_xHHHH_`, Excel's escape for characters XML cannot hold
 * (`_x000D_`; a typed `_x0041_` is written `_x005F_x0041_`, its underscore escaped).
 */
export function xmlText(raw: string): string {
  const lines = raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
  const text = lines.includes("<![CDATA[") ? withCdata(lines) : lines.includes("&") ? unescapeXml(lines) : lines;
  return text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** Text with CDATA sections: entities undone outside them, their own text kept as it is. */
function withCdata(text: string): string {
  let out = "";
  let at = 0;
  for (const section of text.matchAll(CDATA)) {
    out += unescapeXml(text.slice(at, section.index)) + section[1]!;
    at = section.index + section[0].length;
  }
  return out + unescapeXml(text.slice(at));
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

/** Each shared string's text, in order, and whether it is plain (no runs of formatting, no phonetic guide). */
export function sharedStringItems(xml: string): { text: string; plain: boolean }[] {
  const items: { text: string; plain: boolean }[] = [];
  for (const item of xml.matchAll(ITEM)) {
    const body = item[1] ?? "";
    items.push({ text: itemText(body), plain: !RUN.test(body) });
  }
  return items;
}

/** The shared strings in order; [] when the workbook has none. */
export function readSharedStrings(xml: string | null): string[] {
  return xml === null ? [] : sharedStringItems(xml).map((item) => item.text);
}
