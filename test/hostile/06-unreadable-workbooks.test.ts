/** @jest-environment node */
/**
 * Issue 17, item 6: a workbook the command line cannot read is one plain line and exit 2 for every command (before:
 * plan and status printed nothing and exited 0, validate exited 1 in silence). A workbook all in UTF-16, which
 * LibreOffice reads, is read.
 */
import { ZipPackage } from "../../src/cli/read-zip";
import { runCli, errorLines } from "../support/cli-process";
import { editPart, planWorkbook, saved } from "../support/hostile";
import { removeTempFiles } from "../support/workbook-builder";
import { withParts } from "../support/zip-parts";
import { writeZip } from "../../src/cli/write-zip";

afterAll(removeTempFiles);

const AS_OF = ["--as-of", "2024-01-15"];
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The plan workbook with only its first sheet listed. */
async function oneSheet(): Promise<Buffer> {
  return editPart(await planWorkbook(), "xl/workbook.xml", (xml) => xml.replace(/<sheet [^>]*name="Notes"[^>]*\/>/, ""));
}

const cases: [string, () => Buffer | Promise<Buffer>, RegExp][] = [
  [
    "a binary .xlsb renamed .xlsx",
    () =>
      Buffer.from(
        writeZip([
          { name: "[Content_Types].xml", data: Buffer.from(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`) },
          { name: "_rels/.rels", data: Buffer.from(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.bin"/></Relationships>`) },
          { name: "xl/workbook.bin", data: Buffer.from([0x83, 0x01, 0x00, 0x80, 0x01, 0x00]) },
        ]),
      ),
    /is a binary \.xlsb workbook under an \.xlsx name; save it as \.xlsx \(Excel Workbook\) in Excel first$/,
  ],
  [
    "a workbook whose only sheet's part is empty",
    async () => withParts(await oneSheet(), { "xl/worksheets/sheet1.xml": "" }),
    /not a readable \.xlsx workbook: its sheet "PL Plan" is damaged \(its part xl\/worksheets\/sheet1\.xml holds no worksheet\)$/,
  ],
  [
    "a workbook whose only sheet has no part in the file",
    async () => editPart(await oneSheet(), "xl/_rels/workbook.xml.rels", (xml) => xml.replace("worksheets/sheet1.xml", "worksheets/missing.xml")),
    /not a readable \.xlsx workbook: its sheet "PL Plan" has no part in the file \(xl\/worksheets\/missing\.xml\)$/,
  ],
  [
    "a workbook whose only sheet points outside the package",
    async () => editPart(await oneSheet(), "xl/_rels/workbook.xml.rels", (xml) => xml.replace("worksheets/sheet1.xml", "../../../../etc/passwd")),
    /not a readable \.xlsx workbook: its sheet "PL Plan" points outside the workbook$/,
  ],
  [
    "a workbook saved with a password (an encrypted package in a compound file)",
    () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500), Buffer.from("EncryptedPackage", "utf16le"), Buffer.alloc(500)]),
    /is protected by a password; open it in Excel, remove the password/,
  ],
];

describe.each(cases)("%s", (_, make, line) => {
  test.each(["plan", "status", "validate", "status --json"])("%s: one line, exit 2, nothing on stdout", async (command) => {
    const path = await saved(await make(), "unreadable.xlsx");
    const run = runCli([...command.split(" "), path, ...AS_OF]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    const lines = errorLines(run);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(`milestone-monitor: ${path}: `)).toBe(true);
    expect(lines[0]).toMatch(line);
    expect(run.peakMb).toBeLessThan(200);
  });
});

test("a workbook whose every part is UTF-16 (as LibreOffice reads it) reads as the UTF-8 one", async () => {
  const plain = await planWorkbook();
  const zip = ZipPackage.open(plain)!;
  const utf16: Record<string, Buffer> = {};
  for (const name of zip.names()) {
    const text = Buffer.from(zip.read(name)!).toString("utf8").replace(/encoding="UTF-8"/i, 'encoding="UTF-16"');
    utf16[name] = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  }
  const path = await saved(Buffer.from(writeZip(zip.names().map((name) => ({ name, data: utf16[name]! })))), "utf16.xlsx");
  const original = await saved(plain, "utf8.xlsx");
  const read = runCli(["status", path, "--json", ...AS_OF]);
  expect(read.status).toBe(0);
  const expected: unknown = JSON.parse(runCli(["status", original, "--json", ...AS_OF]).stdout);
  expect({ ...JSON.parse(read.stdout), file: original }).toEqual(expected);
});
