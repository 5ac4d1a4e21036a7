import { REPORT_CLOSE, REPORT_READY, type ReportPart } from "./report-window";

/**
 * report.html: shows the committee report the task pane sends (in parts) in this page, with Print, Save and Close.
 * In Excel the page is an Office dialog and hears from the task pane through Office; in the playground it is a
 * window opened by the page and hears through postMessage. The report is the core's HTML: its style and body are
 * put into this page as they are (it holds no script).
 */
let received: string[] = [];
let html = "";

function show(report: string): void {
  html = report;
  const doc = new DOMParser().parseFromString(report, "text/html");
  document.title = doc.title;
  const style = document.createElement("style");
  style.textContent = doc.querySelector("style")?.textContent ?? "";
  document.head.append(style);
  document.getElementById("report")?.replaceChildren(...Array.from(doc.body.childNodes, (node) => document.importNode(node, true)));
  for (const id of ["print", "save"]) (document.getElementById(id) as HTMLButtonElement).disabled = false;
  const status = document.getElementById("status");
  if (status) status.textContent = "";
  document.getElementById("print")?.focus();
}

/** One part of the report; the whole is shown once every part is in. */
function receive(part: ReportPart): void {
  if (typeof part?.report !== "string" || !Number.isInteger(part.part) || !Number.isInteger(part.parts)) return;
  if (part.part === 0) received = [];
  received[part.part] = part.report;
  if (received.filter((p) => p !== undefined).length === part.parts) show(received.join(""));
}

function save(): void {
  const url = URL.createObjectURL(new Blob([html], { type: "text/html" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = `${document.title.replace(/[^\w -]+/g, "").trim() || "committee-report"}.html`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

document.getElementById("print")?.addEventListener("click", () => window.print());
document.getElementById("save")?.addEventListener("click", save);

const opener = window.opener as Window | null;
let sameOriginOpener = false;
try {
  sameOriginOpener = opener !== null && opener.location.origin === window.location.origin;
} catch {
  // An opener of another origin (Office on the web): this page is a dialog.
}

if (sameOriginOpener) {
  window.addEventListener("message", (e: MessageEvent) => {
    if (e.source === opener && e.origin === window.location.origin) receive(e.data as ReportPart);
  });
  document.getElementById("close")?.addEventListener("click", () => window.close());
  opener!.postMessage(REPORT_READY, window.location.origin);
} else {
  void Office.onReady(() => {
    Office.context.ui.addHandlerAsync(Office.EventType.DialogParentMessageReceived, (arg) => {
      try {
        receive(JSON.parse((arg as { message: string }).message) as ReportPart);
      } catch {
        // Not a part of the report: nothing to show.
      }
    });
    document.getElementById("close")?.addEventListener("click", () => Office.context.ui.messageParent(REPORT_CLOSE));
    Office.context.ui.messageParent(REPORT_READY);
  });
}
