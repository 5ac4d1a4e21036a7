/** @jest-environment node */
/**
 * docs/product.md, "Validation: findings": a "Monitor ..." or "Implement ..." step scheduled before the "Develop ..." or
 * "Design ..." step it depends on. A step depends on a step of the same piece of work: in the same block, under
 * the same goal, about the same thing ("the PLC model", "the MTSS data protocol"), however each qualifies it.
 */
import { removeTempFiles } from "../support/workbook-builder";
import {
  analyzePlan,
  BASE_LINES,
  cell,
  expectClean,
  expectSilent,
  insertAfter,
  level,
  months,
  only,
  replace,
  rowOf,
  step,
} from "./district-plan";

afterAll(removeTempFiles);

const DESIGN = "Design the MTSS data protocol for grade-level teams.";
const IMPLEMENT_MTSS = "Implement the MTSS data protocol with grade-level teams.";

describe("sequence", () => {
  test("fires on an Implement step that starts before the Design step it depends on", async () => {
    // Goal 2: the protocol is designed in November but its implementation starts in September.
    const lines = insertAfter(
      replace(BASE_LINES, "Design the MTSS", step(DESIGN, "MTSS Coordinator", ["November", "December"])),
      "Design the MTSS",
      step(IMPLEMENT_MTSS, "Principals", ["September", "October", "January"]),
    );
    const r = rowOf(lines, "Implement the MTSS");
    const report = await analyzePlan(lines);
    const f = only(report, "sequence");
    expect(f.severity).toBe("warning");
    expect(f.cell).toBe(cell(`A${r}`));
    expect(f.message).toBe(
      `"${IMPLEMENT_MTSS}" (A${r}) starts in Sep 2023, before "${DESIGN}" (A${r - 1}) starts in Nov 2023. ` +
        `You cannot implement what you have not begun to design: move one of them.`,
    );
  });

  test("fires on a Monitor step that starts before the Develop step it depends on", async () => {
    const lines = [
      ...BASE_LINES,
      level("Goal 4: Create a districtwide process for educators to observe one another's practice."),
      step("Monitor the peer observation toolkit with learning walks.", "Instructional Leadership Team", ["October", "March"]),
      step("Develop the peer observation toolkit for coaches.", "Instructional Coaches", ["January", "February"]),
    ];
    const r = rowOf(lines, "Monitor the peer");
    const report = await analyzePlan(lines);
    const f = only(report, "sequence");
    expect(f.cell).toBe(cell(`A${r}`));
    expect(f.message).toContain(`"Monitor the peer observation toolkit with learning walks." (A${r}) starts in Oct 2023`);
    expect(f.message).toContain(`before "Develop the peer observation toolkit for coaches." (A${r + 1}) starts in Jan 2024`);
    expect(f.message).toMatch(/You cannot monitor what you have not begun to develop: move one of them\.$/);
  });

  test("fires on Monitor before Implement in the Develop / Implement / Monitor chain of the PLC model", async () => {
    // The steps qualify the PLC model differently ("for CSI schools, allowing ...", "with the PLC self-assessment").
    let lines = replace(BASE_LINES, "Develop a PLC", step("Develop a PLC model for CSI schools, allowing time for adult learning.", "Director of PL", ["September", "October"], "Complete"));
    lines = replace(lines, "Implement the PLC", step("Implement the PLC model in CSI schools with protected collaboration time.", "Principals", months("November", "May"), "In Progress"));
    lines = replace(lines, "Monitor the PLC", step("Monitor the PLC model with the PLC self-assessment twice a year.", "Assistant Superintendent", ["August", "May"]));
    const report = await analyzePlan(lines);
    const f = only(report, "sequence");
    expect(f.cell).toBe(cell(`A${rowOf(lines, "Monitor the PLC")}`));
    expect(f.message).toMatch(/starts in Aug 2023, before "Implement the PLC model/);
    expect(f.message).toMatch(/You cannot monitor what you have not begun to implement/);
  });

  test("silent once the steps are in order (design, then implement, then monitor)", async () => {
    const lines = insertAfter(BASE_LINES, "Design the MTSS", step(IMPLEMENT_MTSS, "Principals", ["October", "November", "January"]));
    const report = await analyzePlan(lines);
    expectSilent(report, "sequence");
    expectClean(report);
    expectClean(await analyzePlan(BASE_LINES));
  });

  test("silent when the later step starts the same month as the step it depends on", async () => {
    const lines = insertAfter(BASE_LINES, "Design the MTSS", step(IMPLEMENT_MTSS, "Principals", ["August", "September", "October"]));
    expectSilent(await analyzePlan(lines), "sequence");
  });

  test("silent for the same kind of step under another goal", async () => {
    // Goal 1 develops the PLC model from September; Goal 2's MTSS teams monitor their own use of PLC time in August.
    let lines = replace(BASE_LINES, "Develop a PLC", step("Develop a PLC model for CSI schools, allowing time for adult learning.", "Director of PL", ["September", "October"], "Complete"));
    lines = replace(lines, "Implement the PLC", step("Implement the PLC model in CSI schools with protected collaboration time.", "Principals", months("November", "May"), "In Progress"));
    lines = insertAfter(lines, "Design the MTSS", step("Monitor the PLC model in MTSS team meetings.", "MTSS Coordinator", ["August", "December"]));
    const report = await analyzePlan(lines);
    expectSilent(report, "sequence");
    expectClean(report);
  });

  test("silent for an unrelated step under the same goal", async () => {
    let lines = replace(BASE_LINES, "Design the MTSS", step(DESIGN, "MTSS Coordinator", ["September", "October"], "Complete"));
    lines = insertAfter(lines, "Design the MTSS", step("Monitor attendance at Data Days by school.", "MTSS Coordinator", ["August", "January"]));
    const report = await analyzePlan(lines);
    expectSilent(report, "sequence");
    expectClean(report);
  });

  test("silent when the month that would be out of order is cancelled", async () => {
    // Monitoring planned for August, before the PLC model is developed, was cancelled; it now starts in May.
    let lines = replace(BASE_LINES, "Develop a PLC", step("Develop a PLC model for CSI schools, allowing time for adult learning.", "Director of PL", ["September", "October"], "Complete"));
    lines = replace(lines, "Implement the PLC", step("Implement the PLC model in CSI schools with protected collaboration time.", "Principals", months("November", "April"), "In Progress"));
    const monitor = (august: string): typeof lines =>
      replace(lines, "Monitor the PLC", step("Monitor the PLC model with the PLC self-assessment.", "Assistant Superintendent", { August: august, May: "X" }));
    expect(only(await analyzePlan(monitor("X")), "sequence").message).toMatch(/starts in Aug 2023/);
    expectSilent(await analyzePlan(monitor("cancelled")), "sequence");
  });
});
