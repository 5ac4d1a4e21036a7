/** @jest-environment node */
import fc from "fast-check";
import { refreshStatus } from "../../src/excel/workbook";
import { jsonTextBytes } from "../../src/excel/write-sheet";
import { syntheticRows } from "../../scripts/bench/synthetic";
import { largeSheet } from "../support/large-sheet";
import { FIVE_MB, Sim, installOfficeGlobals } from "../../src/office-sim";

/**
 * A sheet of 20,000 rows by 40 columns (label, owner, 36 months, status, notes) refreshes within Excel on the web's
 * 5 MB limit per request and response, in at most (payload / 4 MB, rounded up) + 3 syncs.
 */

/** Refresh status on one sheet of an in-memory workbook, as a coordinator clicks it; the simulator's counts are of the refresh alone. */
async function refreshIn(sheet: string, rows: unknown[][]): Promise<{ result: Awaited<ReturnType<typeof refreshStatus>>; stats: Sim["stats"] }> {
  const sim = Sim.fromSheets({ [sheet]: rows });
  const uninstall = installOfficeGlobals(sim);
  try {
    sim.stats.reset();
    return { result: await refreshStatus({ sheet, asOf: "2024-06-15" }), stats: sim.stats };
  } finally {
    uninstall();
  }
}

describe("a 20,000-row sheet", () => {
  it("refreshes with no request or response over 5 MB, in few syncs", async () => {
    const rows = largeSheet();
    expect(rows.length).toBeGreaterThanOrEqual(20_000);
    expect(Math.max(...rows.map((r) => r.length))).toBe(40);
    const { result, stats } = await refreshIn("PL Plan 2023-2026", rows);
    expect(result.report.plan.activities.length).toBe(19_232);
    const largest = Math.max(...stats.requestBytes, ...stats.responseBytes);
    expect(largest).toBeLessThanOrEqual(FIVE_MB);
    expect(stats.failedSyncs).toBe(0);
    const payload = [...stats.requestBytes, ...stats.responseBytes].reduce((a, b) => a + b, 0);
    const bound = Math.ceil(payload / (4 * 1024 * 1024)) + 3;
    expect(stats.syncs).toBeLessThanOrEqual(bound);
    expect(result.syncs).toBe(stats.syncs);
  });
});

describe("a sheet whose activities are written in Japanese", () => {
  it("refreshes with no request over 5 MB: the add-in's sheets are measured in UTF-8 bytes, three to a character here", async () => {
    // 6,000 steps of about 190 characters: the summary and plan sheets repeat the labels, some 7 MB in UTF-8 but
    // 2.4 million characters, which a count of characters would have sent in one request.
    const words = "教員の専門的な学習共同体を計画し実施して学区全体で振り返る";
    const rows = syntheticRows(6_000, 12).map((r, i) => (i > 2 && typeof r[0] === "string" && !r[0].startsWith("Goal") ? [`${words.repeat(6)} ${r[0]}`, ...r.slice(1)] : r));
    const { result, stats } = await refreshIn("PL Plan 2023-24", rows);
    expect(result.report.plan.activities.length).toBe(6_000);
    expect(stats.requestBytes.reduce((a, b) => a + b, 0)).toBeGreaterThan(FIVE_MB);
    expect(Math.max(...stats.requestBytes)).toBeLessThanOrEqual(FIVE_MB);
    expect(stats.failedSyncs).toBe(0);
  });
});

describe("a cell's text, measured for a request", () => {
  it("counts the bytes of its JSON in UTF-8: exactly, but for control characters, counted at their longest escape", () => {
    const utf8 = new TextEncoder();
    const json = (t: string): number => utf8.encode(JSON.stringify(t)).length;
    for (const t of ["", "Plan the PLC", 'a "quoted" word', "back\\slash", "\u007f", "caf\u00e9", "\u65e5\u672c", "\ud83d\ude00", "\ud83d"]) expect(jsonTextBytes(t)).toBe(json(t));
    expect(jsonTextBytes("a\nb")).toBeGreaterThanOrEqual(json("a\nb"));
    const unit = fc.oneof(fc.integer({ min: 0x20, max: 0x7f }), fc.integer({ min: 0x80, max: 0x7ff }), fc.integer({ min: 0x800, max: 0xffff }), fc.integer({ min: 0xd800, max: 0xdfff }));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 0x1f }), { maxLength: 3 }), (units, controls) => {
        const text = String.fromCharCode(...units);
        expect(jsonTextBytes(text)).toBe(json(text));
        const withControls = String.fromCharCode(...controls, ...units);
        expect(jsonTextBytes(withControls)).toBeGreaterThanOrEqual(json(withControls));
      }),
      { numRuns: 2000, seed: 19 },
    );
  });
});
