/**
 * The styles a refreshed copy adds to the workbook's own (`xl/styles.xml`): the looks of the add-in's sheets (a
 * title, headings, the overdue and current colours, text kept as text, dates as dates) and of its flags (the
 * formats its conditional-format rules apply). They are appended after the workbook's styles, so every style a cell
 * of the planner's already names keeps its number; a style the workbook has already (from an earlier refresh) is
 * used again, not added twice.
 */
import { CELL_LOOKS, FLAG_STYLES, LINK_LOOK, type CellLook, type CellStyle, type FlagKind, type WriteValue } from "../core/writes";
import { NS } from "./own-sheets";
import { escapeXml } from "./workbook-parts";

/** A stylesheet for a workbook that has none, as Excel's own minimal one. */
const EMPTY_STYLESHEET =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS.main}">` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `<dxfs count="0"/><tableStyles count="0"/></styleSheet>`;

/** The sections of a stylesheet, in the order CT_Stylesheet puts them. */
const SECTIONS = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

/** What each section holds. */
const CHILD: Record<string, string> = { numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellStyleXfs: "xf", cellXfs: "xf", dxfs: "dxf" };

/**
 * What a section must start with, for the numbers Excel reserves and cells name without saying (font 0, fills 0 and
 * 1, border 0, cell format 0): a stylesheet that lacks them gets Excel's defaults before the add-in's styles.
 */
const FIRST_CHILDREN: Record<string, string[]> = {
  fonts: [`<font><sz val="11"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`],
  fills: [`<fill><patternFill patternType="none"/></fill>`, `<fill><patternFill patternType="gray125"/></fill>`],
  borders: [`<border><left/><right/><top/><bottom/><diagonal/></border>`],
  cellStyleXfs: [`<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`],
  cellXfs: [`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`],
};

const DATE_FORMAT = "yyyy-mm-dd";
/** Excel's built-in text format, "@": what is typed into the cell stays text. */
const TEXT_FORMAT_ID = 49;

function argb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}

/** The workbook's stylesheet with the add-in's styles added: numbers to write in cells (`s`) and rules (`dxfId`). */
export class CopyStyles {
  private readonly prefix: string;
  /** Each section's children, the workbook's first, then the add-in's; and how many were the workbook's. */
  private readonly sections = new Map<string, string[]>();
  private readonly original = new Map<string, number>();
  private readonly xml: string;
  /** The workbook's own font, for the add-in's fonts to differ from in bold, size and colour only. */
  private readonly base: { size: string; name: string; rest: string };
  private readonly cellStyles = new Map<string, number>();
  private changed = false;

  constructor(xml: string | null) {
    this.xml = xml ?? EMPTY_STYLESHEET;
    this.changed = xml === null;
    this.prefix = /<([\w.-]+:)?styleSheet\b/.exec(this.xml)?.[1] ?? "";
    for (const name of SECTIONS) {
      const child = CHILD[name];
      const body = this.body(name);
      const children = body === null || child === undefined ? [] : [...body.matchAll(this.childPattern(child))].map((m) => m[0]);
      this.sections.set(name, children);
      this.original.set(name, body === null ? -1 : children.length);
    }
    const font = this.sections.get("fonts")![0] ?? "";
    const value = (element: string): string | null => new RegExp(`<(?:[\\w.-]+:)?${element}\\b[^>]*?\\bval="([^"]*)"`).exec(font)?.[1] ?? null;
    const family = value("family");
    const scheme = value("scheme");
    this.base = {
      size: value("sz") ?? "11",
      name: value("name") ?? "Calibri",
      rest: `${family !== null ? this.tag("family", { val: family }) : ""}${scheme !== null ? this.tag("scheme", { val: scheme }) : ""}`,
    };
    for (const [name, first] of Object.entries(FIRST_CHILDREN)) {
      const children = this.sections.get(name)!;
      if (children.length < first.length) {
        children.push(...first.slice(children.length).map((c) => this.prefixed(c)));
        this.changed = true;
      }
    }
  }

  private childPattern(child: string): RegExp {
    const p = this.prefix.replace(".", "\\.");
    return new RegExp(`<${p}${child}\\b(?:[^>"']|"[^"]*"|'[^']*')*?(?:/>|>[\\s\\S]*?</${p}${child}>)`, "g");
  }

  /** The text between a section's tags; "" for an empty one, null when the stylesheet has none. */
  private body(name: string): string | null {
    const p = this.prefix.replace(".", "\\.");
    const open = new RegExp(`<${p}${name}\\b(?:[^>"']|"[^"]*"|'[^']*')*?(/?)>`).exec(this.xml);
    if (!open) return null;
    if (open[1] === "/") return "";
    const start = open.index + open[0].length;
    const end = this.xml.indexOf(`</${this.prefix}${name}>`, start);
    return end < 0 ? null : this.xml.slice(start, end);
  }

  /** Markup written with the stylesheet's own prefix. */
  private prefixed(markup: string): string {
    return this.prefix === "" ? markup : markup.replace(/<(\/?)([A-Za-z])/g, `<$1${this.prefix}$2`);
  }

  private tag(name: string, attributes: Record<string, string | number>, body?: string): string {
    const a = Object.entries(attributes).map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`).join("");
    return `<${this.prefix}${name}${a}${body === undefined ? "/>" : `>${body}</${this.prefix}${name}>`}`;
  }

  /** The index of a child in its section: the one there if the section has it already, else a new one at its end. */
  private index(section: string, child: string): number {
    const children = this.sections.get(section)!;
    const at = children.indexOf(child);
    if (at >= 0) return at;
    children.push(child);
    this.changed = true;
    return children.length - 1;
  }

  /** A look's font: the workbook's own font (its size and name) in the look's weight, slant, size and colour. */
  private font(font: CellLook): number {
    const body =
      (font.bold ? this.tag("b", {}) : "") +
      (font.italic ? this.tag("i", {}) : "") +
      (font.underline ? this.tag("u", {}) : "") +
      this.tag("sz", { val: font.size ?? this.base.size }) +
      (font.color ? this.tag("color", { rgb: argb(font.color) }) : "") +
      this.tag("name", { val: this.base.name }) +
      this.base.rest;
    return this.index("fonts", this.tag("font", {}, body));
  }

  private fill(color: string): number {
    return this.index("fills", this.tag("fill", {}, this.tag("patternFill", { patternType: "solid" }, this.tag("fgColor", { rgb: argb(color) }) + this.tag("bgColor", { indexed: 64 }))));
  }

  private numberFormat(code: string): number {
    const formats = this.sections.get("numFmts")!;
    for (const f of formats) {
      const m = /numFmtId="(\d+)"[^>]*formatCode="([^"]*)"|formatCode="([^"]*)"[^>]*numFmtId="(\d+)"/.exec(f);
      if (m && (m[2] ?? m[3]) === code) return Number(m[1] ?? m[4]);
    }
    const id = formats.reduce((top, f) => Math.max(top, Number(/numFmtId="(\d+)"/.exec(f)?.[1] ?? 0)), 163) + 1;
    this.index("numFmts", this.tag("numFmt", { numFmtId: id, formatCode: code }));
    return id;
  }

  /** The style (`s`) of a cell the add-in writes: its look, and text as text, dates as dates. */
  cell(kind: WriteValue["kind"], style: CellStyle | undefined): number {
    const key = `${kind} ${style ?? ""}`;
    const known = this.cellStyles.get(key);
    if (known !== undefined) return known;
    const fontId = this.font(kind === "link" ? LINK_LOOK : style ? CELL_LOOKS[style] : {});
    const fill = style ? CELL_LOOKS[style].fill : undefined;
    const fillId = fill ? this.fill(fill) : 0;
    const numFmtId = kind === "text" ? TEXT_FORMAT_ID : kind === "date" ? this.numberFormat(DATE_FORMAT) : 0;
    const attributes: Record<string, string | number> = { numFmtId, fontId, fillId, borderId: 0, xfId: 0 };
    if (numFmtId !== 0) attributes["applyNumberFormat"] = 1;
    attributes["applyFont"] = 1;
    if (fillId !== 0) attributes["applyFill"] = 1;
    const id = this.index("cellXfs", this.tag("xf", attributes));
    this.cellStyles.set(key, id);
    return id;
  }

  /** The format (`dxfId`) of a flag rule: the fill and bold font of its kind. */
  flag(kind: FlagKind): number {
    const { fill, font } = FLAG_STYLES[kind];
    const dxf = this.tag(
      "dxf",
      {},
      this.tag("font", {}, this.tag("b", {}) + this.tag("color", { rgb: argb(font) })) +
        this.tag("fill", {}, this.tag("patternFill", { patternType: "solid" }, this.tag("bgColor", { rgb: argb(fill) }))),
    );
    return this.index("dxfs", dxf);
  }

  /** The stylesheet with what was added; null when nothing was (the workbook's part stays as it is). */
  text(): string | null {
    if (!this.changed) return null;
    let xml = this.xml;
    for (const [name, children] of this.sections) {
      if (CHILD[name] === undefined || children.length === this.original.get(name)) continue;
      xml = replaceSection(xml, this.prefix, name, this.tag(name, { count: children.length }, children.join("")));
    }
    return xml;
  }
}

/** The stylesheet with a section replaced, or put where CT_Stylesheet wants it when there was none. */
function replaceSection(xml: string, prefix: string, name: string, element: string): string {
  const p = prefix.replace(".", "\\.");
  const whole = new RegExp(`<${p}${name}\\b(?:[^>"']|"[^"]*"|'[^']*')*?(?:/>|>[\\s\\S]*?</${p}${name}>)`).exec(xml);
  if (whole) return xml.slice(0, whole.index) + element + xml.slice(whole.index + whole[0].length);
  for (const follower of SECTIONS.slice(SECTIONS.indexOf(name) + 1)) {
    const at = xml.search(new RegExp(`<${p}${follower}\\b`));
    if (at >= 0) return xml.slice(0, at) + element + xml.slice(at);
  }
  const end = xml.lastIndexOf(`</${prefix}styleSheet>`);
  return xml.slice(0, end) + element + xml.slice(end);
}
