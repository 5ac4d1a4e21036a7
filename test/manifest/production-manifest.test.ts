/** @jest-environment node */
import { DEV_ORIGIN, productionBase, productionManifest } from "../../scripts/manifest/production-manifest";
import { checkManifest, describeRibbon } from "../../scripts/manifest/validate-manifest";
import { NS, attr, child, children, descendants, parseXml } from "../../scripts/manifest/xml";
import { ASSETS_DIR, PRODUCTION_ORIGIN, readManifest } from "./helpers";

describe("productionManifest", () => {
  const production = productionManifest(readManifest(), PRODUCTION_ORIGIN);

  it("leaves no localhost behind", () => {
    expect(readManifest()).toContain(DEV_ORIGIN);
    expect(production).not.toMatch(/localhost/i);
  });

  it("moves every URL under the production base, and AppDomain to its origin", () => {
    const root = parseXml(production);
    const urls = descendants(root, (e) => attr(e, "DefaultValue")?.startsWith("https://") ?? false).map((e) => attr(e, "DefaultValue")!);
    expect(urls.length).toBeGreaterThan(20);
    for (const url of urls) expect(url.startsWith(`${PRODUCTION_ORIGIN}/`)).toBe(true);
    expect(children(child(root, "AppDomains", NS.app)!, "AppDomain", NS.app).map((d) => d.text)).toEqual(["https://addin.example.org"]);
    expect(attr(child(child(root, "DefaultSettings", NS.app)!, "SourceLocation", NS.app)!, "DefaultValue")).toBe(
      `${PRODUCTION_ORIGIN}/taskpane.html`,
    );
    const [group] = describeRibbon(production);
    expect(group!.controls.map((c) => c.action)).toEqual([
      { type: "ShowTaskpane", taskpaneId: "ButtonId1", sourceLocation: `${PRODUCTION_ORIGIN}/taskpane.html` },
      { type: "ExecuteFunction", functionName: "refreshStatus", functionFile: `${PRODUCTION_ORIGIN}/commands.html` },
    ]);
  });

  it("still validates, schemas and references, with the same icons", async () => {
    await expect(checkManifest(production, { assetsDir: ASSETS_DIR })).resolves.toEqual({ valid: true, errors: [] });
  });

  it("changes nothing but the URLs (and the comments)", () => {
    const strip = (xml: string) =>
      xml
        .replace(/<!--[\s\S]*?-->/g, "")
        .replace(/https:\/\/[^"<]*/g, "URL")
        .replace(/\s+/g, " ");
    expect(strip(production)).toBe(strip(readManifest()));
    expect(production).toMatch(/^<\?xml [^>]*\?>\n<!-- Generated from manifest.xml for https:\/\/addin.example.org\/milestone-monitor/);
  });

  it("works with a bare origin and with a trailing slash", () => {
    expect(productionManifest(readManifest(), "https://addins.district.k12.us")).toContain(
      '<SourceLocation DefaultValue="https://addins.district.k12.us/taskpane.html"/>',
    );
    expect(productionManifest(readManifest(), `${PRODUCTION_ORIGIN}/`)).toBe(production);
    expect(productionBase("https://host.example:8443/a/b//")).toBe("https://host.example:8443/a/b");
  });

  it.each([
    ["http://addin.example.org/milestone-monitor", /must use https/],
    ["ftp://addin.example.org", /must use https/],
    ["addin.example.org", /is not a URL/],
    ["", /is not a URL/],
    ["https://addin.example.org/?v=2", /without credentials, query or fragment/],
    ["https://user:secret@addin.example.org", /without credentials, query or fragment/],
  ])("rejects the origin %j", (origin, message) => {
    expect(() => productionManifest(readManifest(), origin)).toThrow(message);
  });

  it("refuses a manifest that has no development URL (e.g. one already rewritten)", () => {
    expect(() => productionManifest(production, "https://other.example.org")).toThrow(/no https:\/\/localhost:3000 URL/);
  });

  it("does not take https://localhost:30001 for the development origin", () => {
    const xml = readManifest().replace("https://localhost:3000/help.html\"/>\n  <AppDomains>", "https://localhost:30001/help.html\"/>\n  <AppDomains>");
    expect(xml).toContain("localhost:30001");
    expect(() => productionManifest(xml, PRODUCTION_ORIGIN)).toThrow(/^line \d+ of the rewritten manifest still mentions localhost$/);
  });
});
