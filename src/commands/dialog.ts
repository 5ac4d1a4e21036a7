/** The message dialog a ribbon command opens when it fails: the message, and a button that closes it. */
function show(): void {
  const message = new URLSearchParams(window.location.search).get("message") ?? "Something went wrong.";
  const text = document.getElementById("message");
  if (text) text.textContent = message;
  const close = document.getElementById("close");
  close?.addEventListener("click", () => Office.context.ui.messageParent("close"));
  close?.focus();
}

void Office.onReady(show);
