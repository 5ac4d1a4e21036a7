/** @jest-environment node */
import { Sim, installOfficeGlobals } from "../../src/office-sim";
import { SUMMARY_SHEET } from "../../src/core/writes";
import { analyzeWorkbook } from "../../src/excel/workbook";
import { localToday } from "../../src/core/dates";
import { MONTHS_JUL_JUN, marked, timelineRow } from "../support/district";

/**
 * The ribbon's "Refresh status" (ExecuteFunction) on the in-memory workbook. Excel's dialog cannot run here, so the
 * test stands in for Office.context.ui.displayDialogAsync and records what the user would be shown.
 */
type Handler = (event: { completed: () => void }) => Promise<void>;

function setUp(rows: unknown[][], sheet: string) {
  const sim = Sim.fromSheets({ [sheet]: rows });
  const uninstall = installOfficeGlobals(sim);
  const office = Reflect.get(globalThis, "Office") as unknown as Record<string, unknown> & { context: Record<string, unknown> };
  const handlers = new Map<string, Handler>();
  const dialogs: string[] = [];
  const dialogEvents: { message?: () => void; closed?: () => void } = {};
  office["actions"] = { associate: (name: string, fn: Handler) => handlers.set(name, fn) };
  office["AsyncResultStatus"] = { Succeeded: "succeeded", Failed: "failed" };
  office["EventType"] = { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" };
  office.context["ui"] = {
    displayDialogAsync: (url: string, _options: unknown, callback: (r: unknown) => void) => {
      dialogs.push(decodeURIComponent(url.replace(/\+/g, " ")));
      callback({
        status: "succeeded",
        value: {
          close: () => undefined,
          addEventHandler: (type: string, fn: () => void) => {
            if (type === "dialogMessageReceived") dialogEvents.message = fn;
            else dialogEvents.closed = fn;
          },
        },
      });
    },
  };
  Reflect.set(globalThis, "window", { location: { href: "https://localhost:3000/commands.html" } });
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads the page's script afresh in the isolated registry; import() would be native, outside jest's registry
    require("../../src/commands/commands");
  });
  return {
    sim,
    handler: handlers.get("refreshStatus")!,
    dialogs,
    dialogEvents,
    done: () => {
      uninstall();
      Reflect.deleteProperty(globalThis, "window");
    },
  };
}

const PLAN = [
  ["PL Plan 2023-24"],
  [],
  ["Action Step", "Owner", ...MONTHS_JUL_JUN],
  timelineRow(["Develop a PLC model", "Director of PL"], MONTHS_JUL_JUN, marked(["July", "August"])),
];

describe("the Refresh status ribbon button", () => {
  it("refreshes the active sheet and completes the event", async () => {
    const t = setUp(PLAN, "PL Plan 2023-24");
    try {
      expect(t.handler).toBeDefined();
      const completed = jest.fn();
      await t.handler({ completed });
      expect(completed).toHaveBeenCalledTimes(1);
      expect(t.sim.model.sheets.map((s) => s.name)).toContain(SUMMARY_SHEET);
      expect(t.dialogs).toEqual([]);
      // Like every refresh, it keeps its snapshot in the monitoring history.
      const { history } = await analyzeWorkbook({ asOf: localToday(new Date()) });
      expect(history.snapshots.map((s) => [s.sheet, s.asOf])).toEqual([["PL Plan 2023-24", localToday(new Date())]]);
    } finally {
      t.done();
    }
  });

  it("shows why it failed in a dialog, and completes the event once the dialog closes", async () => {
    const t = setUp([["Minutes of the planning committee"]], "Notes");
    try {
      const completed = jest.fn();
      await t.handler({ completed });
      expect(t.dialogs).toHaveLength(1);
      expect(t.dialogs[0]).toMatch(/dialog\.html\?message=Milestone Monitor could not refresh the status\. No plan found on "Notes"/);
      expect(completed).not.toHaveBeenCalled();
      t.dialogEvents.message!();
      expect(completed).toHaveBeenCalledTimes(1);
      expect(t.sim.model.sheets.map((s) => s.name)).toEqual(["Notes"]);
    } finally {
      t.done();
    }
  });
});
