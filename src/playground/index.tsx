import { createRoot } from "react-dom/client";
import { Sim, installOfficeGlobals } from "../office-sim";
import { Playground, SAMPLES } from "./Playground";
import { WORKBOOK_OPENED } from "./timing";

let uninstall: (() => void) | null = null;

/** Opens a workbook (a sample's URL or a file's bytes) in memory and points Excel and Office at it. */
async function load(source: string | ArrayBuffer): Promise<Sim> {
  const bytes = typeof source === "string" ? await (await fetch(source)).arrayBuffer() : source;
  const sim = await Sim.fromXlsx(new Uint8Array(bytes));
  uninstall?.();
  uninstall = installOfficeGlobals(sim);
  // The bench measures the task pane from here: the workbook is read, the pane has yet to open it.
  performance.mark(WORKBOOK_OPENED);
  return sim;
}

void (async () => {
  const root = document.getElementById("root");
  if (!root) return;
  const sim = await load(`samples/${SAMPLES[0]!.file}`);
  createRoot(root).render(<Playground initial={sim} load={load} />);
})();
