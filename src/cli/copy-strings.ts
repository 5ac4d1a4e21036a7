/**
 * The shared strings of a refreshed copy (`xl/sharedStrings.xml`): the workbook's own, in their places, then the
 * texts the add-in's sheets need that the workbook does not have yet. A text the workbook has as a plain item
 * (no runs of formatting) is used where it is; so a second refresh adds nothing, and the part is kept as it was.
 * Cells that point to shared strings are a third the size of cells that hold their text: a 200,000-row plan sheet
 * is 146 MB of XML with text in its cells.
 */
import { NS, textElement } from "./own-sheets";
import { sharedStringItems } from "./read-shared-strings";

export class CopyStrings {
  private readonly indexes = new Map<string, number>();
  private readonly added: string[] = [];
  private readonly items: number;
  private readonly prefix: string;

  constructor(private readonly xml: string | null) {
    const items = xml === null ? [] : sharedStringItems(xml);
    items.forEach((item, i) => {
      if (item.plain && !this.indexes.has(item.text)) this.indexes.set(item.text, i);
    });
    this.items = items.length;
    this.prefix = (xml === null ? null : /<([\w.-]+:)?sst\b/.exec(xml)?.[1]) ?? "";
  }

  /** The index of a text among the shared strings: the workbook's own item, or one added. */
  of(text: string): number {
    let index = this.indexes.get(text);
    if (index === undefined) {
      index = this.items + this.added.length;
      this.added.push(text);
      this.indexes.set(text, index);
    }
    return index;
  }

  /** The part with the texts added; null when none was (the part stays as it is). */
  text(): string | null {
    if (this.added.length === 0) return null;
    const p = this.prefix;
    const items = this.added.map((t) => `<${p}si>${textElement(t, p)}</${p}si>`).join("");
    const total = this.items + this.added.length;
    if (this.xml === null) {
      return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS.main}" count="${total}" uniqueCount="${total}">${items}</sst>`;
    }
    const root = new RegExp(`<${p.replace(".", "\\.")}sst\\b((?:[^>"']|"[^"]*"|'[^']*')*?)(/?)>`).exec(this.xml)!;
    const count = Number(/\scount="(\d+)"/.exec(root[1]!)?.[1] ?? this.items);
    const attributes = root[1]!.replace(/\s(count|uniqueCount)="[^"]*"/g, "") + ` count="${count + this.added.length}" uniqueCount="${total}"`;
    const start = `<${p}sst${attributes}>`;
    const after = root.index + root[0].length;
    if (root[2] === "/") return `${this.xml.slice(0, root.index)}${start}${items}</${p}sst>${this.xml.slice(after)}`;
    const end = this.xml.lastIndexOf(`</${p}sst>`);
    return `${this.xml.slice(0, root.index)}${start}${this.xml.slice(after, end)}${items}${this.xml.slice(end)}`;
  }
}
