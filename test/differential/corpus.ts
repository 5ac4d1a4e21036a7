/** The generated plans of the differential test: realistic grids at several sizes, non-ASCII labels, templated near-copies. */
import type { Grid } from "../../src/core";
import { nonAsciiGrid, syntheticGrid, templatedGrid } from "../../scripts/bench/synthetic";

export function corpusGrids(): [string, Grid][] {
  return [
    ["synthetic 200 x 12", syntheticGrid(200, 12)],
    ["synthetic 60 x 60", syntheticGrid(60, 60, 3)],
    ["synthetic 300 x 24", syntheticGrid(300, 24, 5)],
    ["non-ASCII 200 x 12", nonAsciiGrid(200, 12)],
    ["templated 40 schools", templatedGrid(40)],
  ];
}
