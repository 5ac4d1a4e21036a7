/** Excel adapter figures: syncs and bytes of one refresh, on the in-memory workbook that counts them as Excel would. */
import { refreshStatus } from "../../src/excel/workbook";
import { Sim, installOfficeGlobals } from "../../src/office-sim";
import { largeSheet } from "../../test/support/large-sheet";

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

export async function benchAdapter(): Promise<void> {
  console.log("Excel adapter, one refresh (in-memory workbook keeping Excel on the web's 5 MB limit):");
  for (const activities of [960, 19_232]) {
    const rows = largeSheet(activities);
    const sim = Sim.fromSheets({ "PL Plan 2023-2026": rows });
    const uninstall = installOfficeGlobals(sim);
    try {
      sim.stats.reset();
      const start = performance.now();
      await refreshStatus({ sheet: "PL Plan 2023-2026", asOf: "2024-06-15" });
      const ms = performance.now() - start;
      const s = sim.stats;
      const requests = s.requestBytes.reduce((a, b) => a + b, 0);
      const responses = s.responseBytes.reduce((a, b) => a + b, 0);
      const bound = Math.ceil((requests + responses) / (4 * 1024 * 1024)) + 3;
      console.log(
        `  ${rows.length.toLocaleString("en-US")} rows x 40 columns: ${s.syncs} syncs (bound ${bound}), ` +
          `sent ${mb(requests)} (largest ${mb(Math.max(...s.requestBytes))}), received ${mb(responses)} (largest ${mb(Math.max(...s.responseBytes))}), ` +
          `${ms.toFixed(0)} ms in the simulator`,
      );
    } finally {
      uninstall();
    }
  }
}
