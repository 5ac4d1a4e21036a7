/** @jest-environment node */
/**
 * Issue 17, items 4 and 5: a refreshed copy never changes a typed character, and a second refresh changes nothing.
 * Excel writes characters XML cannot hold as `_xHHHH_` (a bell `_x0007_`, a carriage return `_x000D_`) and a
 * typed `_x0041_` as `_x005F_x0041_`; other programs write text as CDATA. The planner's sheets and strings are
 * copied as they are, and the add-in's plan sheet holds the same text as typed.
 */
import { runCli, errorLines } from "../support/cli-process";
import { loadFile } from "../../src/cli/read-workbook";
import { readXlsx } from "../../src/cli/read-xlsx";
import { ZipPackage } from "../../src/cli/read-zip";
import { sheetParts } from "../../src/cli/workbook-parts";
import type { SheetDocument } from "../../src/core/contract";
import { STORE_SHEET } from "../../src/core/settings-store";
import { bytesOf, editPart, planWorkbook, saved, STRINGS_PART } from "../support/hostile";
import { removeTempFiles, tempPath } from "../support/workbook-builder";

afterAll(removeTempFiles);

const AS_OF = ["--as-of", "2024-01-15"];

/** Every part of a package, name and unpacked bytes. */
function parts(xlsx: Buffer): Map<string, string> {
  const zip = ZipPackage.open(xlsx)!;
  return new Map(zip.names().map((n) => [n, Buffer.from(zip.read(n)!).toString("base64")]));
}

/** The Activity column of the copy's plan sheet. */
function plannedActivities(xlsx: Buffer): unknown[] {
  const plan = readXlsx(xlsx)!.find((g) => g.sheet === "Milestone Plan");
  return plan ? plan.values.slice(1).map((row) => row[1]) : [];
}

test("Excel's escapes: a bell, a carriage return and a typed _x0041_ stay as typed, in the planner's sheet and the add-in's, through two refreshes", async () => {
  const typed = ["Bell\u0007char reminder for principals", "Literal code _x0041_ in the PLC model", "Two\r\nlines of one step", "Survey staff on PL needs"];
  const xlsx = editPart(await planWorkbook(), STRINGS_PART, (xml) =>
    xml
      .replace("<t>Develop a PLC model for CSI schools</t>", "<t>Bell_x0007_char reminder for principals</t>")
      .replace("<t>Implement the PLC model</t>", "<t>Literal code _x005F_x0041_ in the PLC model</t>")
      .replace("<t>Monitor PLC implementation</t>", `<t xml:space="preserve">Two_x000D_\nlines of one step</t>`),
  );
  const input = await saved(xlsx, "escapes.xlsx");
  const labels = (b: Buffer) => readXlsx(b)!.find((g) => g.sheet === "PL Plan")!.values.slice(4).map((row) => row[0]);
  expect(labels(xlsx)).toEqual(typed);
  // The engine's activity is the label on one line (its line break a space); every other character as typed.
  const status = runCli(["status", input, "--json", ...AS_OF]);
  const activities = (JSON.parse(status.stdout) as SheetDocument).plan.activities.map((a) => a.text);
  expect(activities).toEqual(["Bell\u0007char reminder for principals", "Literal code _x0041_ in the PLC model", "Two lines of one step", "Survey staff on PL needs"]);

  const once = tempPath("escapes-once.xlsx");
  const twice = tempPath("escapes-twice.xlsx");
  for (const [from, to] of [[input, once], [once, twice]] as const) {
    const r = runCli(["refresh", from, "--out", to, ...AS_OF]);
    expect(errorLines(r)).toEqual([]);
    expect(r.status).toBe(0);
    expect(r.peakMb).toBeLessThan(200);
  }
  const first = bytesOf(once);
  // The planner's sheets read as in the input; the add-in's plan lists each activity as the engine read it.
  const userSheets = (b: Buffer) => readXlsx(b)!.filter((g) => g.sheet === "PL Plan" || g.sheet === "Notes");
  expect(userSheets(first)).toEqual(userSheets(xlsx));
  expect(labels(first)).toEqual(typed);
  expect(plannedActivities(first)).toEqual(activities);
  // The shared strings keep the planner's items byte for byte, in their places; the second refresh writes every
  // part as the first wrote it, but the data sheet, which records when each refresh ran (each run is a process of its
  // own, on the clock): its history keeps one snapshot, the same but for that time, each activity as typed.
  const strings = (b: Buffer) => Buffer.from(ZipPackage.open(b)!.read(STRINGS_PART)!).toString("utf8");
  const items = (xml: string) => xml.slice(xml.indexOf("<si>"), xml.lastIndexOf("</sst>"));
  expect(items(strings(first)).startsWith(items(strings(xlsx)))).toBe(true);
  const store = sheetParts(ZipPackage.open(first)!).get(STORE_SHEET)!;
  const withoutStore = (b: Buffer): Map<string, string> => {
    const all = parts(b);
    all.delete(store);
    return all;
  };
  expect(withoutStore(bytesOf(twice))).toEqual(withoutStore(first));
  const kept = async (path: string) => (await loadFile(path)).history.snapshots.map(({ at: _at, ...rest }) => rest);
  expect(await kept(twice)).toEqual(await kept(once));
  expect((await kept(twice)).flatMap((s) => s.detail?.activities.map((a) => a.text) ?? [])).toEqual(activities);
});

test("CDATA text is read: an activity and a month header written as CDATA are there (before: both vanished)", async () => {
  const xlsx = editPart(await planWorkbook(), STRINGS_PART, (xml) =>
    xml.replace("<t>Develop a PLC model for CSI schools</t>", "<t><![CDATA[Develop a PLC model for CSI schools & <teams>]]></t>").replace("<t>September</t>", "<t><![CDATA[September]]></t>"),
  );
  const input = await saved(xlsx, "cdata.xlsx");
  const status = runCli(["status", input, "--json", ...AS_OF]);
  expect(status.status).toBe(0);
  const first = (JSON.parse(status.stdout) as SheetDocument).plan.activities[0]!;
  expect(first.text).toBe("Develop a PLC model for CSI schools & <teams>");
  expect(first.schedule.map((m) => m.period)).toEqual(["Jul 2023", "Aug 2023", "Sep 2023"]);
  const out = tempPath("cdata-out.xlsx");
  expect(runCli(["refresh", input, "--out", out, ...AS_OF]).status).toBe(0);
  expect(plannedActivities(bytesOf(out))[0]).toBe("Develop a PLC model for CSI schools & <teams>");
});
