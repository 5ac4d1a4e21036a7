/**
 * Offline checks of the add-in manifest (`office-addin-manifest validate` posts the file to an online
 * service, which this project cannot rely on).
 *
 *   ts-node scripts/manifest/validate-manifest.ts [manifest.xml] [--assets <dir>]
 *
 * 1. validateManifest: XML Schema validation with xmllint-wasm against Microsoft's manifest schemas
 *    (test/manifest/schemas, OfficeAppManifestV1_1.xsd and the schemas it imports).
 * 2. checkManifestReferences: what the schemas cannot see: every resid is defined (in the right kind of
 *    resource) and every resource is used; ribbon icon lists have the mandatory sizes; every URL is https
 *    and on the add-in's origin; every icon under assets/ exists on disk as a PNG of the size the
 *    manifest declares; ExecuteFunction buttons have a FunctionFile; control ids are unique.
 * checkManifest runs both; the command line runs checkManifest and exits 1 on any error.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { validateXML } from "xmllint-wasm";
import { readPngSize } from "./png";
import { NS, attr, child, children, descendants, parseXml, xsiType, type XmlElement } from "./xml";

export interface ManifestCheck {
  valid: boolean;
  errors: string[];
}

export const SCHEMA_DIR = path.resolve(__dirname, "../../test/manifest/schemas");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";

/** Icon sizes of ribbon images: 16, 32 and 80 are mandatory, the others optional (OfficeAppBasicTypes). */
export const MANDATORY_ICON_SIZES = [16, 32, 80] as const;
export const RIBBON_ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80] as const;
/** Pixel sizes of the add-in's own icons (Excel: IconUrl 32x32, HighResolutionIconUrl 64x64). */
const APP_ICON_SIZES: Record<string, number> = { IconUrl: 32, HighResolutionIconUrl: 64 };

const SHORT_NAMES: Record<string, string> = { [NS.app]: "", [NS.ov]: "", [NS.bt]: "bt:", [NS.xsi]: "xsi:" };

/** `{http://...appforoffice/1.1}DisplayNme` -> `DisplayNme`, `{...basictypes/1.0}Image` -> `bt:Image`. */
function shortenNames(message: string): string {
  return message.replace(/\{([^}]+)\}(?=[\w.-])/g, (whole, uri: string) => SHORT_NAMES[uri] ?? whole);
}

function readableXmllintErrors(rawOutput: string, fileName: string): string[] {
  const errors: string[] = [];
  for (const line of rawOutput.split("\n")) {
    if (!line.startsWith(`${fileName}:`)) continue; // source excerpts and carets under parser errors
    const match = /^[^:]+:(\d+): (.*)$/.exec(line);
    if (!match) continue; // "manifest.xml validates" / "manifest.xml fails to validate"
    const message = match[2]!.replace(/^element [^:]+: /, "").replace(/^Schemas validity error : /, "");
    errors.push(`line ${match[1]}: ${shortenNames(message)}`);
  }
  return errors.length > 0 ? errors : [rawOutput.trim() || "xmllint rejected the manifest without a message"];
}

let schemaFiles: Array<{ fileName: string; contents: string }> | undefined;
function loadSchemas() {
  schemaFiles ??= readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith(".xsd"))
    .sort((a, b) => (a === MAIN_SCHEMA ? -1 : b === MAIN_SCHEMA ? 1 : a.localeCompare(b)))
    .map((fileName) => ({ fileName, contents: readFileSync(path.join(SCHEMA_DIR, fileName), "utf8") }));
  if (schemaFiles[0]?.fileName !== MAIN_SCHEMA) throw new Error(`${MAIN_SCHEMA} is missing from ${SCHEMA_DIR}`);
  return schemaFiles;
}

/** Validates the manifest text against the XML manifest schemas. Errors read "line N: ...". */
export async function validateManifest(xmlText: string): Promise<ManifestCheck> {
  const [main, ...imported] = loadSchemas();
  const fileName = "manifest.xml";
  const result = await validateXML({
    xml: [{ fileName, contents: xmlText }],
    schema: [main!],
    preload: imported,
  });
  return result.valid ? { valid: true, errors: [] } : { valid: false, errors: readableXmllintErrors(result.rawOutput, fileName) };
}

// ---------------------------------------------------------------------------------------------------------
// Resources and commands

export type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";
const RESOURCE_ELEMENT: Record<ResourceKind, string> = { Images: "Image", Urls: "Url", ShortStrings: "String", LongStrings: "String" };

export interface Resource {
  kind: ResourceKind;
  id: string;
  value: string;
  element: XmlElement;
}
export type Resources = Record<ResourceKind, Map<string, Resource>>;

function versionOverrides(root: XmlElement): XmlElement | undefined {
  return child(root, "VersionOverrides", NS.ov);
}

/** The resources of the manifest's VersionOverrides, by kind and id (the first definition of an id wins). */
export function readResources(root: XmlElement): Resources {
  const resources: Resources = { Images: new Map(), Urls: new Map(), ShortStrings: new Map(), LongStrings: new Map() };
  const vo = versionOverrides(root);
  const section = vo && child(vo, "Resources", NS.ov);
  if (!section) return resources;
  for (const kind of Object.keys(RESOURCE_ELEMENT) as ResourceKind[]) {
    for (const list of children(section, kind, NS.bt)) {
      for (const element of children(list, RESOURCE_ELEMENT[kind], NS.bt)) {
        const id = attr(element, "id") ?? "";
        if (!resources[kind].has(id)) resources[kind].set(id, { kind, id, value: attr(element, "DefaultValue") ?? "", element });
      }
    }
  }
  return resources;
}

/** Which kind of resource a `resid` on this element refers to, or undefined when the element is unknown. */
function referenceKind(element: XmlElement): ResourceKind | undefined {
  if (element.namespace === NS.bt && element.localName === "Image") return "Images";
  if (["Label", "Title", "Namespace"].includes(element.localName)) return "ShortStrings";
  if (element.localName === "Description") return "LongStrings";
  if (["SourceLocation", "FunctionFile", "LearnMoreUrl", "Runtime"].includes(element.localName)) return "Urls";
  return undefined;
}

export interface RibbonControl {
  id: string;
  label: string;
  tooltip: string;
  /** Icon URL by size. */
  icons: Record<number, string>;
  action:
    | { type: "ShowTaskpane"; taskpaneId: string | undefined; sourceLocation: string }
    | { type: "ExecuteFunction"; functionName: string; functionFile: string | undefined }
    | { type: string };
}
export interface RibbonGroup {
  host: string;
  tab: string;
  id: string;
  label: string;
  icons: Record<number, string>;
  controls: RibbonControl[];
}

/** The manifest's ribbon groups and buttons with their resource ids resolved (missing ids read as ""). */
export function describeRibbon(xmlText: string): RibbonGroup[] {
  const root = parseXml(xmlText);
  const res = readResources(root);
  const vo = versionOverrides(root);
  if (!vo) return [];
  const text = (e: XmlElement | undefined, kind: ResourceKind) => res[kind].get((e && attr(e, "resid")) ?? "")?.value ?? "";
  const icons = (e: XmlElement) => {
    const list = child(e, "Icon", NS.ov);
    return Object.fromEntries((list ? children(list, "Image", NS.bt) : []).map((img) => [Number(attr(img, "size")), text(img, "Images")]));
  };
  const groups: RibbonGroup[] = [];
  for (const host of descendants(vo, (e) => e.localName === "Host" && e.namespace === NS.ov)) {
    for (const formFactor of host.children.filter((e) => e.localName.endsWith("FormFactor"))) {
      const functionFile = child(formFactor, "FunctionFile", NS.ov);
      for (const tab of descendants(formFactor, (e) => e.localName === "OfficeTab" || e.localName === "CustomTab")) {
        for (const group of children(tab, "Group", NS.ov)) {
          groups.push({
            host: xsiType(host) ?? "",
            tab: attr(tab, "id") ?? "",
            id: attr(group, "id") ?? "",
            label: text(child(group, "Label", NS.ov), "ShortStrings"),
            icons: icons(group),
            controls: children(group, "Control", NS.ov).map((control) => {
              const action = child(control, "Action", NS.ov);
              const type = (action && xsiType(action)) ?? "";
              const supertip = child(control, "Supertip", NS.ov);
              return {
                id: attr(control, "id") ?? "",
                label: text(child(control, "Label", NS.ov), "ShortStrings"),
                tooltip: supertip ? text(child(supertip, "Description", NS.ov), "LongStrings") : "",
                icons: icons(control),
                action:
                  type === "ShowTaskpane"
                    ? { type, taskpaneId: child(action!, "TaskpaneId", NS.ov)?.text.trim(), sourceLocation: text(child(action!, "SourceLocation", NS.ov), "Urls") }
                    : type === "ExecuteFunction"
                      ? { type, functionName: child(action!, "FunctionName", NS.ov)?.text.trim() ?? "", functionFile: functionFile && text(functionFile, "Urls") }
                      : { type },
              };
            }),
          });
        }
      }
    }
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------------------
// What the schemas cannot check

export interface ReferenceCheckOptions {
  /** The directory that the manifest's .../assets/ URLs are served from. */
  assetsDir: string;
}

interface UrlUse {
  element: XmlElement;
  url: string;
  /** Pixel size the image must have, when the URL is an icon. */
  iconSize?: number;
  /** The URL is an image (IconUrl, HighResolutionIconUrl, bt:Image): it must be a PNG. */
  image?: boolean;
}

/** Checks references, icon sizes, URLs and asset files. Expects a schema-valid manifest. */
export function checkManifestReferences(xmlText: string, options: ReferenceCheckOptions): ManifestCheck {
  const errors: string[] = [];
  let root: XmlElement;
  try {
    root = parseXml(xmlText);
  } catch (error) {
    return { valid: false, errors: [(error as Error).message] };
  }
  const at = (e: XmlElement) => `line ${e.line}`;
  const resources = readResources(root);
  const vo = versionOverrides(root);

  // -- resource ids: unique, defined where they are used, used where they are defined
  if (vo) {
    const section = child(vo, "Resources", NS.ov);
    for (const kind of Object.keys(RESOURCE_ELEMENT) as ResourceKind[]) {
      const seen = new Set<string>();
      for (const list of section ? children(section, kind, NS.bt) : []) {
        for (const element of children(list, RESOURCE_ELEMENT[kind], NS.bt)) {
          const id = attr(element, "id") ?? "";
          if (seen.has(id)) errors.push(`${at(element)}: bt:${kind} defines "${id}" twice`);
          seen.add(id);
        }
      }
    }
    const used = new Set<string>();
    for (const element of descendants(vo, (e) => attr(e, "resid") !== undefined)) {
      const id = attr(element, "resid")!;
      const kind = referenceKind(element);
      if (!kind) {
        errors.push(`${at(element)}: <${element.name} resid="${id}">: unknown element, cannot tell which resources it refers to`);
        continue;
      }
      used.add(`${kind}:${id}`);
      if (!resources[kind].has(id)) {
        const elsewhere = (Object.keys(resources) as ResourceKind[]).filter((k) => resources[k].has(id));
        const hint = elsewhere.length > 0 ? ` (it is defined in bt:${elsewhere.join(", bt:")})` : "";
        errors.push(`${at(element)}: <${element.name} resid="${id}"> refers to "${id}", which bt:${kind} does not define${hint}`);
      }
    }
    for (const kind of Object.keys(resources) as ResourceKind[]) {
      for (const resource of resources[kind].values()) {
        if (!used.has(`${kind}:${resource.id}`)) errors.push(`${at(resource.element)}: bt:${kind} defines "${resource.id}" but nothing refers to it`);
      }
    }
  }

  // -- ribbon icon lists: sizes, and the size each image is used at
  const imageSizes = new Map<string, Set<number>>();
  for (const icon of vo ? descendants(vo, (e) => e.localName === "Icon" && e.namespace === NS.ov) : []) {
    const sizes = new Set<number>();
    for (const image of children(icon, "Image", NS.bt)) {
      const size = Number(attr(image, "size"));
      if (!(RIBBON_ICON_SIZES as readonly number[]).includes(size)) {
        errors.push(`${at(image)}: icon size ${attr(image, "size")} is not one Office uses (${RIBBON_ICON_SIZES.join(", ")})`);
      }
      if (sizes.has(size)) errors.push(`${at(image)}: this icon lists size ${size} twice`);
      sizes.add(size);
      const id = attr(image, "resid") ?? "";
      imageSizes.set(id, (imageSizes.get(id) ?? new Set()).add(size));
    }
    const missing = MANDATORY_ICON_SIZES.filter((s) => !sizes.has(s));
    if (missing.length > 0) errors.push(`${at(icon)}: icon lacks the mandatory size${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
  }
  for (const [id, sizes] of imageSizes) {
    if (sizes.size > 1) errors.push(`image "${id}" is used at several sizes (${[...sizes].join(", ")}): one image per size`);
  }

  // -- commands: ExecuteFunction needs a FunctionFile; ids unique within a form factor
  for (const formFactor of vo ? descendants(vo, (e) => e.namespace === NS.ov && e.localName.endsWith("FormFactor")) : []) {
    const executes = descendants(formFactor, (e) => e.localName === "Action" && xsiType(e) === "ExecuteFunction");
    if (executes.length > 0 && !child(formFactor, "FunctionFile", NS.ov)) {
      errors.push(`${at(executes[0]!)}: an ExecuteFunction button needs a <FunctionFile> in <${formFactor.localName}>`);
    }
    const ids = new Map<string, XmlElement>();
    for (const element of descendants(formFactor, (e) => ["Group", "Control", "Item"].includes(e.localName) && attr(e, "id") !== undefined)) {
      const id = attr(element, "id")!;
      if (ids.has(id)) errors.push(`${at(element)}: id "${id}" is already used on line ${ids.get(id)!.line}`);
      else ids.set(id, element);
    }
  }

  // -- URLs: https, one origin; icons under assets/ exist with the right size
  const uses: UrlUse[] = [];
  const localeAware = (element: XmlElement | undefined, extra: Omit<UrlUse, "element" | "url"> = {}) => {
    if (!element) return;
    const value = attr(element, "DefaultValue");
    if (value !== undefined) uses.push({ element, url: value, ...extra });
    for (const override of element.children.filter((c) => c.localName === "Override")) {
      const v = attr(override, "Value");
      if (v !== undefined) uses.push({ element: override, url: v, ...extra });
    }
  };
  for (const name of ["IconUrl", "HighResolutionIconUrl"]) localeAware(child(root, name, NS.app), { iconSize: APP_ICON_SIZES[name]!, image: true });
  localeAware(child(root, "SupportUrl", NS.app));
  const sourceLocation = child(child(root, "DefaultSettings", NS.app) ?? root, "SourceLocation", NS.app);
  localeAware(sourceLocation);
  for (const domains of children(root, "AppDomains", NS.app)) {
    for (const domain of children(domains, "AppDomain", NS.app)) uses.push({ element: domain, url: domain.text.trim() });
  }
  for (const image of resources.Images.values()) {
    const sizes = [...(imageSizes.get(image.id) ?? [])];
    localeAware(image.element, sizes.length === 1 ? { iconSize: sizes[0]!, image: true } : { image: true });
  }
  for (const url of resources.Urls.values()) localeAware(url.element);

  const start = sourceLocation && attr(sourceLocation, "DefaultValue");
  let base: URL | undefined;
  try {
    base = start ? new URL(".", start) : undefined;
  } catch {
    base = undefined;
  }
  if (!base) errors.push("DefaultSettings/SourceLocation has no absolute URL: cannot tell the add-in's origin");
  const assetsBase = base && new URL("assets/", base).href;

  for (const use of uses) {
    let url: URL;
    try {
      url = new URL(use.url);
    } catch {
      errors.push(`${at(use.element)}: "${use.url}" is not an absolute URL`);
      continue;
    }
    if (url.protocol !== "https:") errors.push(`${at(use.element)}: ${use.url} is not https (Office loads add-ins only over https)`);
    if (base && url.origin !== base.origin) errors.push(`${at(use.element)}: ${use.url} is not on the add-in's origin ${base.origin}`);
    if (!assetsBase || !url.href.startsWith(assetsBase)) continue;

    const relative = decodeURIComponent(url.pathname.slice(new URL(assetsBase).pathname.length));
    const file = path.resolve(options.assetsDir, relative);
    const shown = path.join(path.basename(options.assetsDir), relative);
    if (path.relative(path.resolve(options.assetsDir), file).startsWith("..")) {
      errors.push(`${at(use.element)}: ${use.url} points outside the assets directory`);
    } else if (!existsSync(file)) {
      errors.push(`${at(use.element)}: ${use.url}: ${shown} does not exist`);
    } else if (use.image) {
      const size = readPngSize(readFileSync(file));
      if (!size) errors.push(`${at(use.element)}: ${shown} is not a PNG file`);
      else if (use.iconSize !== undefined && (size.width !== use.iconSize || size.height !== use.iconSize)) {
        errors.push(`${at(use.element)}: ${shown} is ${size.width}x${size.height} px; the manifest uses it as ${use.iconSize}x${use.iconSize}`);
      }
    }
  }

  // in document order (errors without a line first)
  const lineOf = (error: string) => Number(/^line (\d+)/.exec(error)?.[1] ?? 0);
  errors.sort((a, b) => lineOf(a) - lineOf(b));
  return { valid: errors.length === 0, errors };
}

/** Schema validation, then (when the schemas pass) the reference, URL and asset checks. */
export async function checkManifest(xmlText: string, options: ReferenceCheckOptions): Promise<ManifestCheck> {
  const schema = await validateManifest(xmlText);
  if (!schema.valid) return schema;
  return checkManifestReferences(xmlText, options);
}

async function main(args: string[]): Promise<number> {
  const assetsIndex = args.indexOf("--assets");
  const assetsArg = assetsIndex >= 0 ? args[assetsIndex + 1] : undefined;
  const positional = assetsIndex < 0 ? args : [...args.slice(0, assetsIndex), ...args.slice(assetsIndex + 2)];
  const manifestArg = positional[0] ?? "manifest.xml";
  if (assetsIndex >= 0 && !assetsArg) {
    console.error("usage: validate-manifest [manifest.xml] [--assets <dir>]");
    return 2;
  }
  if (!existsSync(manifestArg)) {
    console.error(`${manifestArg}: no such file`);
    return 1;
  }
  const assetsDir = assetsArg ?? path.join(path.dirname(manifestArg), "assets");
  const result = await checkManifest(readFileSync(manifestArg, "utf8"), { assetsDir });
  if (result.valid) {
    console.log(`${manifestArg} is valid`);
    return 0;
  }
  console.error(`${manifestArg} is not valid:`);
  for (const error of result.errors) console.error(`  ${error}`);
  return 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
