import { Body1, Caption1, FluentProvider, Select, Switch, Tab, TabList, Title3, makeStyles, mergeClasses, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import { App } from "../taskpane/App";
import type { Sim } from "../office-sim";
import { columnLetters, ROW_HEADER_WIDTH, ROW_HEIGHT, sheetLayout, sheetWindow, type SheetLayout } from "./sheet-view";

export const SAMPLES = [
  { file: "mps-milestones.xlsx", label: "MPS professional-learning plan (clean)" },
  { file: "mps-pasted.xlsx", label: "MPS plan as pasted from its PDF" },
  { file: "district-plan.xlsx", label: "District plan 2025-26 with owners and statuses" },
  { file: "district-history.xlsx", label: "District plan 2025-26 refreshed monthly for a year (history, trend, report)" },
  { file: "action-plan.xlsx", label: "Action-plan table with timing in words, standards, and a theory of action sheet" },
  { file: "outline-pasted.xlsx", label: "Goals, objectives and steps pasted from a document (no timing yet)" },
  { file: "state-template.xlsx", label: "State template filled in: goals, outcomes, professional-learning tables" },
];

/** Column letters and row numbers, as Excel draws them: they stay in place as the grid scrolls. */
const HEADING_LOOK = {
  position: "sticky",
  height: `${ROW_HEIGHT}px`,
  boxSizing: "border-box",
  backgroundColor: "#f3f3f3",
  color: "#424242",
  fontWeight: "normal",
  borderRight: "1px solid #d6d6d6",
  borderBottom: "1px solid #d6d6d6",
  padding: "0 4px",
} as const;

const useStyles = makeStyles({
  // One screen high: the grid and the task pane each scroll on their own, as in Excel.
  root: { display: "grid", gridTemplateColumns: "1fr 380px", gridTemplateRows: "minmax(0, 1fr)", height: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  left: { display: "flex", flexDirection: "column", minWidth: 0, minHeight: 0, borderRight: `1px solid ${tokens.colorNeutralStroke1}` },
  bar: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "center", padding: tokens.spacingHorizontalM, flexWrap: "wrap", backgroundColor: tokens.colorNeutralBackground1 },
  tabs: { paddingInline: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground1 },
  scroller: { overflow: "auto", flexGrow: 1, backgroundColor: "#ffffff" },
  // Fixed layout and one row height: the rows drawn change as the grid scrolls, the columns and row places do not.
  table: { tableLayout: "fixed", borderCollapse: "separate", borderSpacing: 0, fontSize: "12px", color: "#242424", fontFamily: "Calibri, 'Segoe UI', sans-serif" },
  head: { ...HEADING_LOOK, top: 0, zIndex: 1 },
  corner: { left: 0, zIndex: 2 },
  rowHead: { ...HEADING_LOOK, left: 0, textAlign: "right" },
  cell: {
    height: `${ROW_HEIGHT}px`,
    boxSizing: "border-box",
    borderRight: "1px solid #e1e1e1",
    borderBottom: "1px solid #e1e1e1",
    padding: "0 4px",
    lineHeight: `${ROW_HEIGHT - 2}px`,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
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

/** Rows drawn above and below the ones on screen, so that scrolling a little shows no gap. */
const OVERSCAN = 12;

/** What the picker shows for a file the user opened. */
const OPENED = "opened:";

/**
 * A sample workbook shown as a grid beside the real task pane, which runs on the in-memory workbook through
 * the same adapter it uses in Excel. The grid follows every change the add-in makes (flags, selection, sheets).
 * It shows every row of the sheet, drawing only those on screen: rows have one height, so a row's place is its
 * number times that height, and going to a cell anywhere scrolls the grid to it.
 */
export function Playground({ initial, load }: { initial: Sim; load: (source: string | ArrayBuffer) => Promise<Sim> }) {
  const styles = useStyles();
  const [sim, setSim] = useState(initial);
  const [generation, setGeneration] = useState(0);
  const [layout, setLayout] = useState<SheetLayout>(() => sheetLayout(initial));
  const [dark, setDark] = useState(false);
  const [sample, setSample] = useState(SAMPLES[0]!.file);
  const [opened, setOpened] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, height: 800 });

  // Redraw the grid whenever the task pane has synced with the workbook. A sync is counted when it starts and changes
  // the workbook a moment later: count the finished ones (each leaves its response size, in the same step as its changes).
  useEffect(() => {
    let seen = -1;
    let frame = 0;
    const tick = (): void => {
      const syncs = sim.stats.responseBytes.length + sim.model.sheets.length;
      if (syncs !== seen) {
        seen = syncs;
        setLayout(sheetLayout(sim));
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [sim]);

  // The grid's height, for how many rows it shows.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setScroll({ top: el.scrollTop, height: el.clientHeight }));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Another sheet starts at its top; a cell selected anywhere (the pane's "go to") is scrolled into view.
  const shown = useRef<{ sheet: string; selected: string | null }>({ sheet: layout.name, selected: null });
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const sel = layout.selected;
    const key = sel ? `${sel.row}:${sel.column}` : null;
    if (shown.current.sheet !== layout.name) el.scrollTo({ top: 0, left: 0 });
    if (sel && (key !== shown.current.selected || shown.current.sheet !== layout.name)) {
      const top = ROW_HEIGHT * (sel.row + 1);
      if (top < el.scrollTop + ROW_HEIGHT || top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = Math.max(0, top - Math.floor(el.clientHeight / 3));
      const left = ROW_HEADER_WIDTH + layout.widths.slice(0, sel.column).reduce((a, w) => a + w, 0);
      const width = layout.widths[sel.column] ?? 0;
      if (left < el.scrollLeft + ROW_HEADER_WIDTH || left + width > el.scrollLeft + el.clientWidth) el.scrollLeft = Math.max(0, left - ROW_HEADER_WIDTH - 24);
    }
    shown.current = { sheet: layout.name, selected: key };
  }, [layout]);

  const first = Math.max(0, Math.floor(scroll.top / ROW_HEIGHT) - OVERSCAN);
  const count = Math.ceil(scroll.height / ROW_HEIGHT) + 2 * OVERSCAN;
  const rows = useMemo(() => sheetWindow(sim, layout, first, count), [sim, layout, first, count]);
  const last = rows.top + rows.text.length;

  // The same element while the workbook and theme stay: the grid redrawing at every sync or scroll leaves the pane be.
  const pane = useMemo(() => <App key={generation} inExcel theme={dark ? webDarkTheme : webLightTheme} />, [generation, dark]);

  const open = async (source: string | ArrayBuffer, name: string): Promise<boolean> => {
    setError(null);
    if (typeof source !== "string" && source.byteLength === 0) {
      setError(`"${name}" is empty: there is no workbook in it.`);
      return false;
    }
    try {
      const next = await load(source);
      setSim(next);
      setLayout(sheetLayout(next));
      setGeneration((g) => g + 1);
      return true;
    } catch {
      // What the zip or workbook library says would mean nothing to a planner.
      setError(`"${name}" could not be opened: it is not an Excel workbook (.xlsx), or it is damaged. Save it from Excel as an Excel Workbook (.xlsx) and open that.`);
      return false;
    }
  };

  const activate = (name: string): void => {
    const target = sim.model.sheets.find((s) => s.name === name);
    if (!target) return;
    // eslint-disable-next-line react-hooks/immutability -- the workbook is the page's Excel, changed in place as Excel is (the task pane reads it); state only says which workbook
    sim.model.activeSheetId = target.id;
    setLayout(sheetLayout(sim));
  };

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <div className={styles.root}>
        <main className={styles.left} aria-label="Sample workbook">
          <div className={styles.bar}>
            <Title3 as="h1">Milestone Monitor playground</Title3>
            <Select
              aria-label="Sample workbook"
              value={sample}
              onChange={(_, d) => {
                const previous = sample;
                setSample(d.value);
                if (d.value.startsWith(OPENED)) return;
                void open(`samples/${d.value}`, d.value).then((ok) => {
                  if (!ok) setSample(previous);
                });
              }}
            >
              {SAMPLES.map((s) => (
                <option key={s.file} value={s.file}>
                  {s.label}
                </option>
              ))}
              {opened ? <option value={`${OPENED}${opened}`}>{opened} (your file)</option> : null}
            </Select>
            <label className={styles.fileButton}>
              Open a .xlsx file…
              <input
                type="file"
                accept=".xlsx"
                style={{ position: "absolute", width: 1, height: 1, opacity: 0 }}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = "";
                  if (!file) return;
                  void file.arrayBuffer().then(async (bytes) => {
                    if (await open(bytes, file.name)) {
                      setOpened(file.name);
                      setSample(`${OPENED}${file.name}`);
                    }
                  });
                }}
              />
            </label>
            <Switch label="Dark theme" checked={dark} onChange={(_, d) => setDark(d.checked)} />
            {error ? <Body1 role="alert">{error}</Body1> : <Caption1>Nothing leaves this page: the workbook lives in memory.</Caption1>}
          </div>
          <TabList className={styles.tabs} size="small" aria-label="Sheets" selectedValue={layout.name} onTabSelect={(_, d) => activate(String(d.value))}>
            {sim.model.sheets
              .filter((s) => s.visibility === "Visible")
              .map((s) => (
                <Tab key={s.id} value={s.name} aria-controls="sheet-grid">
                  {s.name}
                </Tab>
              ))}
          </TabList>
          <div
            ref={scroller}
            id="sheet-grid"
            className={styles.scroller}
            // The grid scrolls: a keyboard reaches it to scroll it (axe: scrollable-region-focusable).
            tabIndex={0}
            role="tabpanel"
            aria-label={`Sheet ${layout.name}`}
            onScroll={(e) => setScroll({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
          >
            <table
              className={styles.table}
              data-testid="sheet-grid"
              data-sheet={layout.name}
              data-rows={layout.rows}
              aria-rowcount={layout.rows + 1}
              style={{ width: ROW_HEADER_WIDTH + layout.widths.reduce((a, w) => a + w, 0) }}
            >
              <colgroup>
                <col style={{ width: ROW_HEADER_WIDTH }} />
                {layout.widths.map((w, c) => (
                  <col key={c} style={{ width: w }} />
                ))}
              </colgroup>
              <thead>
                <tr aria-rowindex={1}>
                  <th className={mergeClasses(styles.head, styles.corner)} scope="col">
                    <span style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}>Row</span>
                  </th>
                  {layout.widths.map((_, c) => (
                    <th key={c} className={styles.head} scope="col">
                      {columnLetters(c)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.top > 0 ? <tr aria-hidden="true" style={{ height: rows.top * ROW_HEIGHT }} /> : null}
                {rows.text.map((line, i) => {
                  const r = rows.top + i;
                  return (
                    <tr key={r} aria-rowindex={r + 2}>
                      <th className={styles.rowHead} scope="row">
                        {r + 1}
                      </th>
                      {line.map((t, c) => {
                        const address = `${columnLetters(c)}${r + 1}`;
                        const flag = rows.flags[i]?.[c] ?? null;
                        const selected = layout.selected?.row === r && layout.selected.column === c;
                        const fill = flag === "overdue" ? "#F1BBBC" : flag === "current" ? "#FDE300" : (rows.fills[i]?.[c] ?? undefined);
                        return (
                          <td
                            key={c}
                            className={styles.cell}
                            data-cell={address}
                            data-flag={flag ?? undefined}
                            data-selected={selected || undefined}
                            aria-current={selected || undefined}
                            title={t}
                            style={{
                              backgroundColor: fill ?? undefined,
                              fontWeight: rows.bold[i]?.[c] || flag ? 600 : undefined,
                              outline: selected ? "2px solid #107C41" : undefined,
                              outlineOffset: "-2px",
                            }}
                          >
                            {t}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
                {last < layout.rows ? <tr aria-hidden="true" style={{ height: (layout.rows - last) * ROW_HEIGHT }} /> : null}
              </tbody>
            </table>
          </div>
        </main>
        <aside className={styles.pane} aria-label="Milestone Monitor task pane">
          {pane}
        </aside>
      </div>
    </FluentProvider>
  );
}
