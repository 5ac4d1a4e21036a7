/** @jest-environment node */
import { describeRibbon } from "../../scripts/manifest/validate-manifest";
import { NS, attr, child, children, parseXml } from "../../scripts/manifest/xml";
import { readManifest } from "./helpers";

const DEV = "https://localhost:3000";
const sizes = [16, 20, 24, 32, 40, 48, 64, 80];

describe("the add-in's declaration", () => {
  const root = parseXml(readManifest());
  const value = (name: string) => attr(child(root, name, NS.app)!, "DefaultValue");

  it("is an Excel task pane add-in that may read and write the workbook", () => {
    expect(root.localName).toBe("OfficeApp");
    expect(attr(root, "type", NS.xsi)).toBe("TaskPaneApp");
    expect(child(root, "Id", NS.app)!.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(child(root, "Id", NS.app)!.text).not.toBe("05c2e1c9-3e1d-406e-9a91-e9ac64854143"); // the yo office template's
    expect(children(child(root, "Hosts", NS.app)!, "Host", NS.app).map((h) => attr(h, "Name"))).toEqual(["Workbook"]);
    expect(child(root, "Permissions", NS.app)!.text).toBe("ReadWriteDocument");
    expect(child(root, "ProviderName", NS.app)!.text).toBe("Milestone Monitor");
    expect(value("DisplayName")).toBe("Milestone Monitor");
    expect(value("Description")!.length).toBeLessThanOrEqual(250);
  });

  it("requires ExcelApi 1.7 and nothing newer (1.9 and 1.13 are feature-tested at run time)", () => {
    const sets = child(child(root, "Requirements", NS.app)!, "Sets", NS.app)!;
    expect(children(sets, "Set", NS.app).map((s) => [attr(s, "Name"), attr(s, "MinVersion")])).toEqual([["ExcelApi", "1.7"]]);
  });

  it("opens taskpane.html and is served from one dev origin", () => {
    expect(attr(child(child(root, "DefaultSettings", NS.app)!, "SourceLocation", NS.app)!, "DefaultValue")).toBe(`${DEV}/taskpane.html`);
    expect(value("SupportUrl")).toBe(`${DEV}/help.html`);
    expect(children(child(root, "AppDomains", NS.app)!, "AppDomain", NS.app).map((d) => d.text)).toEqual([DEV]);
    expect(value("IconUrl")).toBe(`${DEV}/assets/icon-32.png`);
    expect(value("HighResolutionIconUrl")).toBe(`${DEV}/assets/icon-64.png`);
  });
});

describe("the ribbon", () => {
  const ribbon = describeRibbon(readManifest());

  it("adds one group, Milestone Monitor, to Excel's Home tab", () => {
    expect(ribbon.map(({ host, tab, id, label }) => ({ host, tab, id, label }))).toEqual([
      { host: "Workbook", tab: "TabHome", id: "MilestoneMonitorGroup", label: "Milestone Monitor" },
    ]);
    expect(Object.keys(ribbon[0]!.icons).map(Number)).toEqual(sizes);
  });

  it("has a Milestone Monitor button that opens the task pane", () => {
    const button = ribbon[0]!.controls[0]!;
    expect(button).toMatchObject({
      id: "TaskpaneButton",
      label: "Milestone Monitor",
      action: { type: "ShowTaskpane", taskpaneId: "ButtonId1", sourceLocation: `${DEV}/taskpane.html` },
    });
    expect(button.icons).toEqual(Object.fromEntries(sizes.map((s) => [s, `${DEV}/assets/icon-${s}.png`])));
  });

  it("has a Refresh status button that runs refreshStatus from commands.html, without opening the pane", () => {
    const button = ribbon[0]!.controls[1]!;
    expect(button).toMatchObject({
      id: "RefreshButton",
      label: "Refresh status",
      action: { type: "ExecuteFunction", functionName: "refreshStatus", functionFile: `${DEV}/commands.html` },
    });
    expect(button.icons).toEqual(Object.fromEntries(sizes.map((s) => [s, `${DEV}/assets/refresh-${s}.png`])));
  });

  it("has no other buttons, and supertips a planner can read", () => {
    expect(ribbon[0]!.controls.map((c) => c.id)).toEqual(["TaskpaneButton", "RefreshButton"]);
    for (const control of ribbon[0]!.controls) {
      expect(control.tooltip.length).toBeGreaterThan(40);
      expect(control.tooltip.length).toBeLessThanOrEqual(250); // bt:LongString
      expect(control.tooltip).not.toMatch(/\b(API|JSON|function|runtime|taskpane|manifest)\b/i);
    }
    expect(ribbon[0]!.controls[1]!.tooltip).toMatch(/overdue/);
  });
});
