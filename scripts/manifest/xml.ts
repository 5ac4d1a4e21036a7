/**
 * A small, namespace-aware XML reader for the add-in manifest: elements, attributes, text, line numbers.
 * It expects well-formed XML (the schema validation runs first and reports syntax errors with lines); it
 * skips the XML declaration, comments and processing instructions, and rejects DOCTYPEs.
 */

export interface XmlAttribute {
  /** As written, with its prefix (`xsi:type`). */
  readonly name: string;
  readonly localName: string;
  /** Namespace URI, "" for an unprefixed attribute. */
  readonly namespace: string;
  readonly value: string;
}

export interface XmlElement {
  readonly name: string;
  readonly localName: string;
  readonly namespace: string;
  readonly attributes: XmlAttribute[];
  readonly children: XmlElement[];
  readonly parent: XmlElement | null;
  /** Line of the start tag, 1-based. */
  readonly line: number;
  /** The element's own text (not its descendants'), entities decoded. */
  text: string;
}

export const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
} as const;

const XML_NS = "http://www.w3.org/XML/1998/namespace";
const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith("#x")) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? whole;
  });
}

function split(qname: string): [prefix: string, local: string] {
  const colon = qname.indexOf(":");
  return colon < 0 ? ["", qname] : [qname.slice(0, colon), qname.slice(colon + 1)];
}

export function parseXml(source: string): XmlElement {
  let pos = 0;
  let line = 1;
  const advanceTo = (next: number) => {
    for (let i = pos; i < next; i++) if (source.charCodeAt(i) === 10) line++;
    pos = next;
  };
  const fail = (message: string): never => {
    throw new Error(`line ${line}: ${message}`);
  };

  const stack: Array<{ element: XmlElement; scope: Map<string, string> }> = [];
  let root: XmlElement | null = null;

  while (pos < source.length) {
    const lt = source.indexOf("<", pos);
    if (lt < 0) {
      if (source.slice(pos).trim()) fail("text after the root element");
      break;
    }
    const text = source.slice(pos, lt);
    if (stack.length > 0) stack[stack.length - 1]!.element.text += decode(text);
    else if (text.trim()) fail("text outside the root element");
    advanceTo(lt);

    if (source.startsWith("<?", pos)) {
      const end = source.indexOf("?>", pos);
      if (end < 0) fail("unterminated processing instruction");
      advanceTo(end + 2);
    } else if (source.startsWith("<!--", pos)) {
      const end = source.indexOf("-->", pos);
      if (end < 0) fail("unterminated comment");
      advanceTo(end + 3);
    } else if (source.startsWith("<![CDATA[", pos)) {
      const end = source.indexOf("]]>", pos);
      if (end < 0) fail("unterminated CDATA section");
      if (stack.length === 0) fail("CDATA outside the root element");
      stack[stack.length - 1]!.element.text += source.slice(pos + 9, end);
      advanceTo(end + 3);
    } else if (source.startsWith("<!", pos)) {
      fail("DOCTYPE and other declarations are not supported");
    } else if (source.startsWith("</", pos)) {
      const end = source.indexOf(">", pos);
      if (end < 0) fail("unterminated end tag");
      const name = source.slice(pos + 2, end).trim();
      const open = stack.pop();
      if (!open || open.element.name !== name) fail(`</${name}> does not close <${open?.element.name ?? ""}>`);
      advanceTo(end + 1);
    } else {
      const match = /^<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(source.slice(pos));
      if (!match) fail("malformed start tag");
      const [whole, name, attributeText, selfClosing] = match!;
      const startLine = line;
      const parent = stack.length > 0 ? stack[stack.length - 1]! : null;
      if (!parent && root) fail("more than one root element");

      const raw: Array<[string, string]> = [];
      for (const a of attributeText!.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        raw.push([a[1]!, decode(a[2] ?? a[3] ?? "")]);
      }
      const scope = new Map(parent?.scope ?? [["xml", XML_NS]]);
      for (const [attrName, value] of raw) {
        if (attrName === "xmlns") scope.set("", value);
        else if (attrName.startsWith("xmlns:")) scope.set(attrName.slice(6), value);
      }
      const resolve = (prefix: string, what: string) => {
        const uri = scope.get(prefix);
        if (uri === undefined) fail(`undeclared namespace prefix "${prefix}" in ${what}`);
        return uri!;
      };
      const [prefix, localName] = split(name!);
      const attributes: XmlAttribute[] = raw
        .filter(([attrName]) => attrName !== "xmlns" && !attrName.startsWith("xmlns:"))
        .map(([attrName, value]) => {
          const [p, local] = split(attrName);
          return { name: attrName, localName: local, namespace: p ? resolve(p, attrName) : "", value };
        });
      const element: XmlElement = {
        name: name!,
        localName,
        namespace: resolve(prefix, `<${name}>`),
        attributes,
        children: [],
        parent: parent?.element ?? null,
        line: startLine,
        text: "",
      };
      if (parent) parent.element.children.push(element);
      else root = element;
      if (!selfClosing) stack.push({ element, scope });
      advanceTo(pos + whole.length);
    }
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1]!.element.name}> is not closed`);
  if (!root) fail("no root element");
  return root!;
}

/** The value of an attribute by local name and namespace ("" = unprefixed). */
export function attr(element: XmlElement, localName: string, namespace = ""): string | undefined {
  return element.attributes.find((a) => a.localName === localName && a.namespace === namespace)?.value;
}

/** The local part of the element's xsi:type (`ShowTaskpane` for `xsi:type="ShowTaskpane"`). */
export function xsiType(element: XmlElement): string | undefined {
  const value = attr(element, "type", NS.xsi);
  return value === undefined ? undefined : value.slice(value.indexOf(":") + 1);
}

/** Every element below `element` (depth first, document order) that passes `test`. */
export function descendants(element: XmlElement, test: (e: XmlElement) => boolean = () => true): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const child of e.children) {
      if (test(child)) found.push(child);
      walk(child);
    }
  };
  walk(element);
  return found;
}

/** Children of `element` with this local name (in `namespace`, when given). */
export function children(element: XmlElement, localName: string, namespace?: string): XmlElement[] {
  return element.children.filter((c) => c.localName === localName && (namespace === undefined || c.namespace === namespace));
}

export function child(element: XmlElement, localName: string, namespace?: string): XmlElement | undefined {
  return children(element, localName, namespace)[0];
}
