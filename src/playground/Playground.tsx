import { Body1, Button, Caption1, FluentProvider, Select, Switch, Title3, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { App } from "../taskpane/App";
import type { Sim } from "../office-sim";
import { sheetView, columnLetters, type SheetView } from "./sheet-view";

export const SAMPLES = [
  { file: "mps-milestones.xlsx", label: "MPS professional-learning plan (clean)" },
  { file: "mps-pasted.xlsx", label: "MPS plan as pasted from its PDF" },
  { file: "district-plan.xlsx", label: "District plan 2025-26 with owners and statuses" },
  { file: "district-history.xlsx", label: "District plan 2025-26 refreshed monthly for a year (history, trend, report)" },
  { file: "action-plan.xlsx", label: "Action-plan table with timing in words, standards, and a theory of action sheet" },
  { file: "outline-pasted.xlsx", label: "Goals, objectives and steps pasted from a document (no timing yet)" },
  { file: "state-template.xlsx", label: "State template filled in: goals, outcomes, professional-learning tables" },
];

const useStyles = makeStyles({
  // One screen high: the grid and the task pane each scroll on their own, as in Excel.
  root: { display: "grid", gridTemplateColumns: "1fr 380px", gridTemplateRows: "minmax(0, 1fr)", height: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  left: { display: "flex", flexDirection: "column", minWidth: 0, minHeight: 0, borderRight: `1px solid ${tokens.colorNeutralStroke1}` },
  bar: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "center", padding: tokens.spacingHorizontalM, flexWrap: "wrap", backgroundColor: tokens.colorNeutralBackground1 },
  tabs: { display: "flex", gap: "2px", padding: `0 ${tokens.spacingHorizontalM}`, backgroundColor: tokens.colorNeutralBackground1 },
  scroller: { overflow: "auto", flexGrow: 1, backgroundColor: "#ffffff" },
  table: { borderCollapse: "collapse", fontSize: "12px", color: "#242424", fontFamily: "Calibri, 'Segoe UI', sans-serif" },
  head: { position: "sticky", top: 0, backgroundColor: "#f3f3f3", color: "#424242", fontWeight: "normal", border: "1px solid #d6d6d6", padding: "0 4px", minWidth: "24px" },
  rowHead: { position: "sticky", left: 0, backgroundColor: "#f3f3f3", color: "#424242", border: "1px solid #d6d6d6", padding: "0 4px", textAlign: "right" },
  cell: { border: "1px solid #e1e1e1", padding: "1px 4px", maxWidth: "260px", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", height: "18px" },
  pane: { overflow: "auto", backgroundColor: tokens.colorNeutralBackground1 },
  fileButton: {
    position: "relative",
    padding: "5px 12px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
    ":focus-within": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
});

/**
 * A sample workbook shown as a grid beside the real task pane, which runs on the in-memory workbook through
 * the same adapter it uses in Excel. The grid follows every change the add-in makes (flags, selection, sheets).
 */
export function Playground({ initial, load }: { initial: Sim; load: (source: string | ArrayBuffer) => Promise<Sim> }) {
  const styles = useStyles();
  const [sim, setSim] = useState(initial);
  const [generation, setGeneration] = useState(0);
  const [view, setView] = useState<SheetView>(() => sheetView(initial));
  const [dark, setDark] = useState(false);
  const [sample, setSample] = useState(SAMPLES[0]!.file);
  const [error, setError] = useState<string | null>(null);

  // Redraw the grid whenever the task pane has synced with the workbook. A sync is counted when it starts and changes
  // the workbook a moment later: count the finished ones (each leaves its response size, in the same step as its changes).
  useEffect(() => {
    let seen = -1;
    let frame = 0;
    const tick = (): void => {
      const syncs = sim.stats.responseBytes.length + sim.model.sheets.length;
      if (syncs !== seen) {
        seen = syncs;
        setView(sheetView(sim));
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [sim]);

  const open = async (source: string | ArrayBuffer): Promise<void> => {
    try {
      setError(null);
      const next = await load(source);
      setSim(next);
      setView(sheetView(next));
      setGeneration((g) => g + 1);
    } catch (e) {
      setError(`That file could not be opened as a workbook: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const activate = (name: string): void => {
    const target = sim.model.sheets.find((s) => s.name === name);
    if (!target) return;
    // eslint-disable-next-line react-hooks/immutability -- the workbook is the page's Excel, changed in place as Excel is (the task pane reads it); state only says which workbook
    sim.model.activeSheetId = target.id;
    setView(sheetView(sim));
  };

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <div className={styles.root}>
        <section className={styles.left} aria-label="Sample workbook">
          <div className={styles.bar}>
            <Title3 as="h1">Milestone Monitor playground</Title3>
            <Select
              aria-label="Sample workbook"
              value={sample}
              onChange={(_, d) => {
                setSample(d.value);
                void open(`samples/${d.value}`);
              }}
            >
              {SAMPLES.map((s) => (
                <option key={s.file} value={s.file}>
                  {s.label}
                </option>
              ))}
            </Select>
            <label className={styles.fileButton}>
              Open a .xlsx file…
              <input
                type="file"
                accept=".xlsx"
                style={{ position: "absolute", width: 1, height: 1, opacity: 0 }}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) void file.arrayBuffer().then(open);
                }}
              />
            </label>
            <Switch label="Dark theme" checked={dark} onChange={(_, d) => setDark(d.checked)} />
            {error ? <Body1 role="alert">{error}</Body1> : <Caption1>Nothing leaves this page: the workbook lives in memory.</Caption1>}
          </div>
          <div className={styles.tabs} role="tablist" aria-label="Sheets">
            {sim.model.sheets
              .filter((s) => s.visibility === "Visible")
              .map((s) => (
                <Button key={s.id} role="tab" aria-selected={s.name === view.name} appearance={s.name === view.name ? "primary" : "subtle"} size="small" onClick={() => activate(s.name)}>
                  {s.name}
                </Button>
              ))}
          </div>
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- the grid scrolls: a keyboard reaches it to scroll it (axe: scrollable-region-focusable) */}
          <div className={styles.scroller} tabIndex={0} aria-label={`Sheet ${view.name}`}>
            <table className={styles.table} data-testid="sheet-grid" data-sheet={view.name}>
              <thead>
                <tr>
                  <th className={styles.head} scope="col">
                    <span className="visually-hidden" style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}>
                      Row
                    </span>
                  </th>
                  {Array.from({ length: view.columns }, (_, c) => (
                    <th key={c} className={styles.head} scope="col">
                      {columnLetters(c)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {view.text.map((line, r) => (
                  <tr key={r}>
                    <th className={styles.rowHead} scope="row">
                      {r + 1}
                    </th>
                    {line.map((t, c) => {
                      const address = `${columnLetters(c)}${r + 1}`;
                      const flag = view.flags.get(address);
                      const selected = view.selected === address;
                      const fill = flag === "overdue" ? "#F1BBBC" : flag === "current" ? "#FDE300" : (view.fills[r]?.[c] ?? undefined);
                      return (
                        <td
                          key={c}
                          className={styles.cell}
                          data-cell={address}
                          data-flag={flag}
                          aria-selected={selected || undefined}
                          title={t}
                          style={{
                            backgroundColor: fill ?? undefined,
                            fontWeight: view.bold[r]?.[c] || flag ? 600 : undefined,
                            outline: selected ? "2px solid #107C41" : undefined,
                            outlineOffset: "-2px",
                          }}
                        >
                          {t}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <aside className={styles.pane} aria-label="Milestone Monitor task pane">
          <App key={generation} inExcel theme={dark ? webDarkTheme : webLightTheme} />
        </aside>
      </div>
    </FluentProvider>
  );
}
