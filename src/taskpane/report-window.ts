/**
 * Opens the committee report on the add-in's own page, report.html (same origin, same Content-Security-Policy):
 *  - in Excel, in an Office dialog (DialogApi 1.2: the page is sent to the dialog with messageChild, in parts);
 *  - outside Excel (the playground), in a new window, the page sent with postMessage;
 *  - where neither can be opened, as a file to download.
 * The page says "ready" when it can receive; it closes on "close".
 */
export const REPORT_READY = "milestone-monitor:report-ready";
export const REPORT_CLOSE = "milestone-monitor:report-close";
/** Characters per message to the dialog. */
const PART = 60_000;

export interface ReportPart {
  report: string;
  part: number;
  parts: number;
}

export function reportParts(html: string): ReportPart[] {
  const parts = Math.max(1, Math.ceil(html.length / PART));
  return Array.from({ length: parts }, (_, i) => ({ report: html.slice(i * PART, (i + 1) * PART), part: i, parts }));
}

function pageUrl(): string {
  return new URL("report.html", window.location.href).toString();
}

function inDialog(html: string): Promise<"dialog"> {
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(pageUrl(), { height: 85, width: 70, displayInIframe: true }, (result) => {
      if (result.status === Office.AsyncResultStatus.Failed) {
        reject(new Error(`Excel could not open the report's dialog (${result.error.message}).`));
        return;
      }
      const dialog = result.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        const message = "message" in arg ? arg.message : "";
        if (message === REPORT_READY) for (const part of reportParts(html)) dialog.messageChild(JSON.stringify(part));
        if (message === REPORT_CLOSE) dialog.close();
      });
      resolve("dialog");
    });
  });
}

function inWindow(html: string): "window" | null {
  const opened = window.open(pageUrl(), "_blank");
  if (!opened) return null;
  const origin = window.location.origin;
  const listen = (e: MessageEvent): void => {
    if (e.source !== opened || e.origin !== origin || e.data !== REPORT_READY) return;
    for (const part of reportParts(html)) opened.postMessage(part, origin);
    window.removeEventListener("message", listen);
  };
  window.addEventListener("message", listen);
  return "window";
}

function download(html: string): "download" {
  const url = URL.createObjectURL(new Blob([html], { type: "text/html" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = "committee-report.html";
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return "download";
}

/** Opens the report where the host allows; says how. */
export async function openReport(html: string): Promise<"dialog" | "window" | "download"> {
  const office = typeof Office === "undefined" ? undefined : Office;
  if (office?.context?.ui?.displayDialogAsync && office.context.requirements?.isSetSupported("DialogApi", "1.2")) return inDialog(html);
  return inWindow(html) ?? download(html);
}
