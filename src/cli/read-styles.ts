/**
 * A workbook's cell styles (`xl/styles.xml`) as the engine needs them: each style's number format and solid fill.
 * A cell names its style by index (`<c s="3">`); so do rows and columns.
 */
import { elements } from "./workbook-parts";

/** What each style index shows: its number format ("General" left out) and solid fill (`#RRGGBB`, `theme:N:tint`). */
export interface CellStyles {
  formats: readonly (string | null)[];
  fills: readonly (string | null)[];
}

/** The number formats Excel knows by id without writing them down (ECMA-376 Part 1, 18.8.30), in en-US. */
const BUILT_IN_FORMATS: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** A tag's attributes, a `>` inside a quoted value included (XML allows it: `formatCode="[>=100]0"`). */
const ATTRIBUTES = `(?:[^>"']|"[^"]*"|'[^']*')*?`;

/** The XML of each element `name` (open tag to close tag, or the empty tag) inside the first `section`. */
function blocks(xml: string, section: string, name: string): string[] {
  const open = new RegExp(`<(?:\\w+:)?${section}\\b${ATTRIBUTES}(/?)>`).exec(xml);
  if (!open || open[1] === "/") return [];
  const start = open.index + open[0].length;
  const close = new RegExp(`</(?:\\w+:)?${section}>`, "g");
  close.lastIndex = start;
  const end = close.exec(xml)?.index ?? xml.length;
  return [...xml.slice(start, end).matchAll(new RegExp(`<(?:\\w+:)?${name}\\b${ATTRIBUTES}(?:/>|>[\\s\\S]*?</(?:\\w+:)?${name}>)`, "g"))].map((m) => m[0]);
}

/** A fill's colour if it is a solid pattern, as the engine compares fills. */
function solidColor(fill: string): string | null {
  const pattern = elements(fill, "patternFill")[0];
  if (!pattern || pattern.get("patternType") !== "solid") return null;
  const color = elements(fill, "fgColor")[0];
  if (!color) return null;
  const rgb = color.get("rgb");
  if (rgb) return `#${rgb.slice(-6).toUpperCase()}`;
  const theme = color.get("theme");
  if (theme) return `theme:${parseInt(theme, 10)}:${color.has("tint") ? parseFloat(color.get("tint")!) : 0}`;
  const indexed = color.get("indexed");
  // Indexed colour 64 is the system foreground: what a cell shows without a fill.
  if (indexed) return indexed === "64" ? null : `indexed:${parseInt(indexed, 10)}`;
  return null;
}

const NO_STYLES: CellStyles = { formats: [], fills: [] };

/** Reads `xl/styles.xml`; a workbook without one has no formats or fills. */
export function readStyles(xml: string | null): CellStyles {
  if (xml === null) return NO_STYLES;
  const custom = new Map<number, string>();
  // The workbook's own formats (conditional formats keep theirs apart, under <dxfs>).
  for (const block of blocks(xml, "numFmts", "numFmt")) {
    const f = elements(block, "numFmt")[0]!;
    custom.set(Number(f.get("numFmtId")), f.get("formatCode") ?? "");
  }
  const fills = blocks(xml, "fills", "fill").map(solidColor);
  const formats: (string | null)[] = [];
  const solid: (string | null)[] = [];
  for (const xf of blocks(xml, "cellXfs", "xf")) {
    const attributes = elements(xf, "xf")[0] ?? new Map<string, string>();
    const id = Number(attributes.get("numFmtId") ?? 0);
    const format = custom.get(id) ?? BUILT_IN_FORMATS[id] ?? null;
    formats.push(format && format !== "General" ? format : null);
    solid.push(fills[Number(attributes.get("fillId") ?? 0)] ?? null);
  }
  return { formats, fills: solid };
}
