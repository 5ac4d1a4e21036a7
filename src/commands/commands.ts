import { describeError } from "../excel/errors";
import { localToday } from "../core/dates";
import { refreshStatus } from "../excel/workbook";

/**
 * The ribbon's "Refresh status" button (ExecuteFunction): the same adapter code as the task pane's button, as of
 * today. Success shows in the sheet itself (the flags and the rebuilt summary); a failure opens a small dialog with
 * the reason, because a ribbon command has no other place to speak. The event is completed in every case, after
 * the dialog closes when there is one (the command's runtime may end once it is completed).
 */
export async function refreshFromRibbon(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await refreshStatus({ asOf: localToday(new Date()) });
    event.completed();
  } catch (e) {
    showMessage(`Milestone Monitor could not refresh the status. ${describeError(e)}`, () => event.completed());
  }
}

function showMessage(message: string, done: () => void): void {
  const url = new URL("dialog.html", window.location.href);
  url.search = new URLSearchParams({ message }).toString();
  try {
    Office.context.ui.displayDialogAsync(url.toString(), { height: 25, width: 30, displayInIframe: true }, (result) => {
      if (result.status === Office.AsyncResultStatus.Failed) {
        console.error(message);
        done();
        return;
      }
      const dialog = result.value;
      const close = (): void => {
        dialog.close();
        done();
      };
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, close);
      dialog.addEventHandler(Office.EventType.DialogEventReceived, done);
    });
  } catch {
    console.error(message);
    done();
  }
}

void Office.onReady(() => {
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- refreshFromRibbon never rejects (it shows the error and completes the event); Office ignores the promise, the ribbon's test awaits it
  Office.actions.associate("refreshStatus", refreshFromRibbon);
});
