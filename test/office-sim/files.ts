/** Opening a workbook file from disk in the simulator: Node-only, for tests (the playground opens bytes). */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { Sim, type SimCreateOptions } from "../../src/office-sim";

/** The workbook in the file at `path`, named after the file as Excel names a workbook. */
export async function simFromFile(path: string, options?: SimCreateOptions): Promise<Sim> {
  const sim = await Sim.fromXlsx(await readFile(path), options);
  sim.model.name = basename(path);
  return sim;
}
