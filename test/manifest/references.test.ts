/** @jest-environment node */
import { copyFileSync, rmSync } from "node:fs";
import * as path from "node:path";
import { checkManifest, checkManifestReferences } from "../../scripts/manifest/validate-manifest";
import { ASSETS_DIR, copyOfAssets, editManifest, readManifest } from "./helpers";

/** What XML Schema validation cannot see: resource ids, icon files and sizes, URLs. */
describe("manifest references, URLs and icon files", () => {
  const check = (xml: string, assetsDir = ASSETS_DIR) => checkManifestReferences(xml, { assetsDir });

  it("manifest.xml passes: every resid defined, every icon on disk at its size, one https origin", async () => {
    expect(check(readManifest())).toEqual({ valid: true, errors: [] });
    await expect(checkManifest(readManifest(), { assetsDir: ASSETS_DIR })).resolves.toEqual({ valid: true, errors: [] });
  });

  describe("icon files", () => {
    let assets: ReturnType<typeof copyOfAssets>;
    beforeEach(() => (assets = copyOfAssets()));
    afterEach(() => assets.remove());

    it("catches a missing icon", () => {
      rmSync(path.join(assets.dir, "refresh-80.png"));
      const result = check(readManifest(), assets.dir);
      expect(result.valid).toBe(false);
      expect(result.errors).toEqual([
        expect.stringMatching(/^line \d+: https:\/\/localhost:3000\/assets\/refresh-80\.png: assets\/refresh-80\.png does not exist$/),
      ]);
    });

    it("catches an icon of the wrong pixel size", () => {
      copyFileSync(path.join(ASSETS_DIR, "icon-16.png"), path.join(assets.dir, "icon-32.png"));
      const result = check(readManifest(), assets.dir);
      expect(result.valid).toBe(false);
      // used twice: as IconUrl and as the ribbon's 32 px image
      expect(result.errors).toEqual([
        expect.stringMatching(/^line 18: assets\/icon-32\.png is 16x16 px; the manifest uses it as 32x32$/),
        expect.stringMatching(/^line \d+: assets\/icon-32\.png is 16x16 px; the manifest uses it as 32x32$/),
      ]);
    });

    it("catches a file that is not a PNG", () => {
      copyFileSync(path.join(__dirname, "schemas", "README.md"), path.join(assets.dir, "icon-64.png"));
      expect(check(readManifest(), assets.dir).errors).toContainEqual(expect.stringMatching(/assets\/icon-64\.png is not a PNG file$/));
    });
  });

  it("catches a ribbon image declared at one size but drawn at another", () => {
    const xml = editManifest(
      '<bt:Image id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"/>',
      '<bt:Image id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-64.png"/>',
    );
    expect(check(xml).errors).toEqual([expect.stringMatching(/^line \d+: assets\/icon-64\.png is 64x64 px; the manifest uses it as 80x80$/)]);
  });

  it("catches an icon list without a mandatory size", () => {
    const xml = editManifest(/\s*<bt:Image size="80" resid="Refresh.80x80"\/>/, "");
    expect(check(xml).errors).toEqual([
      expect.stringMatching(/^line \d+: icon lacks the mandatory size 80$/),
      expect.stringMatching(/^line \d+: bt:Images defines "Refresh.80x80" but nothing refers to it$/),
    ]);
  });

  it("catches a size that Office does not use", () => {
    const xml = editManifest('<bt:Image size="40" resid="Refresh.40x40"/>', '<bt:Image size="42" resid="Refresh.40x40"/>');
    expect(check(xml).errors).toContainEqual(expect.stringMatching(/icon size 42 is not one Office uses/));
  });

  it("catches a resource id that is not defined, and the definition it was meant for", () => {
    const xml = editManifest('<Description resid="RefreshButton.Tooltip"/>', '<Description resid="RefreshButton.ToolTip"/>');
    expect(check(xml).errors).toEqual([
      expect.stringMatching(/^line \d+: <Description resid="RefreshButton.ToolTip"> refers to "RefreshButton.ToolTip", which bt:LongStrings does not define$/),
      expect.stringMatching(/^line \d+: bt:LongStrings defines "RefreshButton.Tooltip" but nothing refers to it$/),
    ]);
  });

  it("catches a resource id of the wrong kind", () => {
    const xml = editManifest('<Label resid="RefreshButton.Label"/>', '<Label resid="RefreshButton.Tooltip"/>');
    expect(check(xml).errors).toContainEqual(
      expect.stringMatching(/refers to "RefreshButton.Tooltip", which bt:ShortStrings does not define \(it is defined in bt:LongStrings\)$/),
    );
  });

  it("catches a resource id defined twice", () => {
    const xml = editManifest(
      '<bt:Url id="Help.Url" DefaultValue="https://localhost:3000/help.html"/>',
      '<bt:Url id="Help.Url" DefaultValue="https://localhost:3000/help.html"/>\n        <bt:Url id="Help.Url" DefaultValue="https://localhost:3000/faq.html"/>',
    );
    expect(check(xml).errors).toEqual([expect.stringMatching(/^line \d+: bt:Urls defines "Help.Url" twice$/)]);
  });

  it("catches a URL that is not https", () => {
    const xml = editManifest('<SupportUrl DefaultValue="https://localhost:3000/help.html"/>', '<SupportUrl DefaultValue="http://localhost:3000/help.html"/>');
    const { errors } = check(xml);
    expect(errors).toContainEqual("line 20: http://localhost:3000/help.html is not https (Office loads add-ins only over https)");
    expect(errors).toContainEqual("line 20: http://localhost:3000/help.html is not on the add-in's origin https://localhost:3000");
  });

  it("catches a URL on another origin, AppDomain included", () => {
    let xml = editManifest('DefaultValue="https://localhost:3000/commands.html"', 'DefaultValue="https://localhost:3001/commands.html"');
    xml = editManifest("<AppDomain>https://localhost:3000</AppDomain>", "<AppDomain>https://www.contoso.com</AppDomain>", xml);
    expect(check(xml).errors).toEqual([
      "line 22: https://www.contoso.com is not on the add-in's origin https://localhost:3000",
      expect.stringMatching(/^line \d+: https:\/\/localhost:3001\/commands\.html is not on the add-in's origin https:\/\/localhost:3000$/),
    ]);
  });

  it("catches an ExecuteFunction button without a FunctionFile", () => {
    const xml = editManifest(/\s*<FunctionFile resid="Commands.Url"\/>/, "");
    expect(check(xml).errors).toEqual([
      expect.stringMatching(/^line \d+: an ExecuteFunction button needs a <FunctionFile> in <DesktopFormFactor>$/),
      expect.stringMatching(/^line \d+: bt:Urls defines "Commands.Url" but nothing refers to it$/),
    ]);
  });

  it("catches two controls with one id", () => {
    const xml = editManifest('<Control xsi:type="Button" id="RefreshButton">', '<Control xsi:type="Button" id="TaskpaneButton">');
    expect(check(xml).errors).toEqual([expect.stringMatching(/^line \d+: id "TaskpaneButton" is already used on line \d+$/)]);
  });
});
