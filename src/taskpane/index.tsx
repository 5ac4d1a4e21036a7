import { createRoot } from "react-dom/client";
import { App } from "./App";

/** Office.js calls back once the host is ready; outside Office (a plain browser) it says so and the pane explains. */
void Office.onReady((info) => {
  const root = document.getElementById("root");
  if (!root) return;
  createRoot(root).render(<App inExcel={info.host === Office.HostType.Excel} />);
});
