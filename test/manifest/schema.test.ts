/** @jest-environment node */
import { readdirSync } from "node:fs";
import { SCHEMA_DIR, validateManifest } from "../../scripts/manifest/validate-manifest";
import { editManifest, readManifest } from "./helpers";

describe("manifest.xml against the XML manifest schemas (offline, xmllint-wasm)", () => {
  it("keeps its own copy of the schemas, with their README", () => {
    expect(readdirSync(SCHEMA_DIR).sort()).toEqual([
      "ContentAppVersionOverridesV1_0.xsd",
      "MailAppVersionOverridesV1_0.xsd",
      "MailAppVersionOverridesV1_1.xsd",
      "OfficeAppBasicTypesV1_0.xsd",
      "OfficeAppManifestV1_1.xsd",
      "README.md",
      "TaskPaneAppVersionOverridesV1_0.xsd",
    ]);
  });

  it("validates", async () => {
    await expect(validateManifest(readManifest())).resolves.toEqual({ valid: true, errors: [] });
  });

  // Each broken copy must fail with a message that names the line, the element and what was expected,
  // without libxml2's {namespace-uri} noise.
  const broken: Array<[what: string, xml: () => string, expected: RegExp]> = [
    [
      "a required element removed (Permissions)",
      () => editManifest(/\s*<Permissions>ReadWriteDocument<\/Permissions>/, ""),
      /^line \d+: Element 'VersionOverrides': This element is not expected\. Expected is \( Permissions \)\.$/,
    ],
    [
      "a required element removed (Id)",
      () => editManifest(/\s*<Id>[^<]*<\/Id>/, ""),
      /^line \d+: Element 'Version': This element is not expected\. Expected is \( Id \)\.$/,
    ],
    [
      "a misspelt element (DisplayNme)",
      () => editManifest('<DisplayName DefaultValue="Milestone Monitor"/>', '<DisplayNme DefaultValue="Milestone Monitor"/>'),
      /^line 16: Element 'DisplayNme': This element is not expected\. Expected is \( DisplayName \)\.$/,
    ],
    [
      "a misspelt element inside VersionOverrides (Supertips)",
      () =>
        editManifest(
          /<Supertip>(\s*<Title resid="RefreshButton.Label"\/>[\s\S]*?)<\/Supertip>/,
          "<Supertips>$1</Supertips>",
        ),
      /^line \d+: Element 'Supertips': This element is not expected\. Expected is \( Supertip \)\.$/,
    ],
    [
      "a wrong enumeration value (Permissions)",
      () => editManifest("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteEverything</Permissions>"),
      /^line \d+: Element 'Permissions': \[facet 'enumeration'\] The value 'ReadWriteEverything' is not an element of the set \{'Restricted', 'ReadDocument', 'ReadAllDocument', 'WriteDocument', 'ReadWriteDocument'\}\.$/,
    ],
    [
      "an unknown action type",
      () => editManifest('xsi:type="ExecuteFunction"', 'xsi:type="ExecuteFunktion"'),
      /^line \d+: Element 'Action', attribute 'xsi:type': The QName value 'ExecuteFunktion' of the xsi:type attribute does not resolve to a type definition\.$/,
    ],
    [
      "a malformed GUID",
      () => editManifest(/<Id>[^<]*<\/Id>/, "<Id>not-a-guid</Id>"),
      /^line \d+: Element 'Id': \[facet 'pattern'\] The value 'not-a-guid' is not accepted by the pattern/,
    ],
    [
      "XML that is not well-formed",
      () => editManifest("</Hosts>\n  <!-- Minimum", "</Host>\n  <!-- Minimum"),
      /^line \d+: parser error : Opening and ending tag mismatch: Hosts line \d+ and Host$/,
    ],
  ];

  it.each(broken)("rejects %s with a readable error", async (_what, xml, expected) => {
    const result = await validateManifest(xml());
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
    for (const error of result.errors) {
      expect(error).toMatch(/^line \d+: /);
      expect(error).not.toContain("{http");
    }
  });
});
