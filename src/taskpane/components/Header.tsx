import { Button, Caption1, Field, Input, ProgressBar, Select, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ArrowSyncRegular, DocumentTextRegular, EraserRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { counted } from "../../core/counted";
import type { MonitorActions, MonitorState } from "../use-monitor";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, backgroundColor: tokens.colorNeutralBackground2 },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "120px" },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  status: { minHeight: "1.4em" },
  error: { color: tokens.colorPaletteRedForeground1 },
  success: { color: tokens.colorPaletteGreenForeground1 },
});

/** The sheet being read, the as-of date, and the primary "Refresh status" button with its progress and status line. */
export function Header({ state, actions }: { state: MonitorState; actions: MonitorActions }) {
  const styles = useStyles();
  const [asOf, setAsOf] = useState(state.asOf);
  // A new as-of date from the pane replaces what is typed, in the same render (react.dev: "adjusting some state when
  // a prop changes"), rather than in an effect that renders twice.
  const [paneAsOf, setPaneAsOf] = useState(state.asOf);
  if (state.asOf !== paneAsOf) {
    setPaneAsOf(state.asOf);
    setAsOf(state.asOf);
  }
  const busy = state.phase !== "ready";
  const status = state.activity ? `${state.activity}\u2026` : (state.notice?.text ?? lastRefreshText(state));
  const tone = state.activity ? undefined : state.notice?.intent === "error" ? styles.error : state.notice?.intent === "success" ? styles.success : undefined;
  return (
    <header className={styles.root}>
      <div className={styles.row}>
        <Field label="Plan sheet" className={styles.grow}>
          {/* Not disabled while busy: arrow keys change the sheet at once, and a disabled field would drop the keyboard. */}
          <Select value={state.sheet ?? ""} disabled={state.sheets.length === 0} onChange={(_, d) => actions.setSheet(d.value)}>
            {state.sheets.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="As of">
          {/* Typed a digit at a time, the date is empty or another complete date in between: keep what is typed as it is,
              and never disable the field while the plan is read again. */}
          <Input
            type="date"
            value={asOf}
            onChange={(_, d) => {
              setAsOf(d.value);
              if (d.value) actions.setAsOf(d.value);
            }}
            onBlur={() => {
              if (!asOf) setAsOf(state.asOf);
            }}
          />
        </Field>
      </div>
      <div className={styles.buttons}>
        {/* Focusable while busy, so the keyboard stays where it was once the work is done. */}
        <Button appearance="primary" icon={<ArrowSyncRegular />} disabledFocusable={busy || !state.sheet} onClick={() => void actions.refresh()}>
          Refresh status
        </Button>
        <Button appearance="subtle" icon={<EraserRegular />} disabledFocusable={busy || !state.sheet} onClick={() => void actions.clearFlags()}>
          Clear flags
        </Button>
        <Button appearance="subtle" icon={<DocumentTextRegular />} disabledFocusable={busy || !state.report} onClick={() => void actions.openReport()}>
          Report
        </Button>
      </div>
      {busy ? <ProgressBar aria-label="Working" thickness="medium" /> : null}
      <Text as="p" role="status" aria-live="polite" className={mergeClasses(styles.status, tone)}>
        <Caption1>{status}</Caption1>
      </Text>
    </header>
  );
}

function lastRefreshText(state: MonitorState): string {
  const last = state.lastRefresh;
  if (!last) return state.report ? "Not refreshed yet in this workbook: the summary below is a preview." : "Not refreshed yet in this workbook.";
  const when = new Date(last.at);
  return `Last refreshed as of ${last.asOf} (${isNaN(when.getTime()) ? last.at : when.toLocaleString()}): ${last.totals.overdue} overdue, ${counted(last.flagged, "cell")} flagged.`;
}
