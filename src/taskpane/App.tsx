import { FluentProvider, type Theme } from "@fluentui/react-components";
import { useMemo } from "react";
import { Pane } from "./components/Pane";
import { OutsideExcel } from "./components/OutsideExcel";
import { officeTheme } from "./theme";

export function App({ inExcel, theme }: { inExcel: boolean; theme?: Theme }) {
  const chosen = useMemo(() => theme ?? officeTheme(), [theme]);
  return (
    <FluentProvider theme={chosen} style={{ minHeight: "100vh" }}>
      {inExcel ? <Pane /> : <OutsideExcel />}
    </FluentProvider>
  );
}
