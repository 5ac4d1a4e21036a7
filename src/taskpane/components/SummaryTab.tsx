import type { ReactNode } from "react";
import {
  Button,
  Body1,
  Caption1,
  Link,
  Subtitle2,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { MarkItem } from "../../core/summary";
import type { MonitorActions, MonitorState } from "../use-monitor";
import { localCell as cellLabel } from "../../core/address";
import { SinceSection } from "./SinceSection";
import { TrendChart } from "./TrendChart";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  figures: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(88px, 1fr))", gap: tokens.spacingHorizontalS, margin: 0, padding: 0 },
  figure: {
    display: "flex",
    flexDirection: "column",
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    margin: 0,
  },
  number: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  overdue: { color: tokens.colorPaletteRedForeground1 },
  current: { color: tokens.colorPaletteMarigoldForeground1 },
  done: { color: tokens.colorPaletteGreenForeground1 },
  chart: { display: "flex", flexDirection: "column", gap: "4px" },
  bar: { display: "grid", gridTemplateColumns: "84px 1fr 40px", alignItems: "center", gap: tokens.spacingHorizontalS },
  track: { height: "12px", backgroundColor: tokens.colorNeutralBackground3, borderRadius: "6px", overflow: "hidden" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { display: "flex", flexDirection: "column", borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, paddingBottom: tokens.spacingVerticalXS },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  th: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke1}` },
  td: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

const BAR_COLORS: Record<string, string> = {
  Done: tokens.colorPaletteGreenBackground3,
  Overdue: tokens.colorPaletteRedBackground3,
  Current: tokens.colorPaletteMarigoldBackground3,
  Upcoming: tokens.colorPaletteBlueBackground2,
  Cancelled: tokens.colorNeutralBackground5,
};

/** Where the plan stands, readable in a minute: figures, a chart, per goal and quarter, and what is overdue or due soon. */
export function SummaryTab({ state, actions }: { state: MonitorState; actions: MonitorActions }) {
  const styles = useStyles();
  const report = state.report;
  if (!report) return <Body1>{state.phase === "ready" ? "Open the sheet with your plan's timeline, then choose it above." : "Reading the plan\u2026"}</Body1>;
  const s = report.summary;
  const t = s.totals;
  const figures: [string, number, string | undefined][] = [
    ["Done", t.done, styles.done],
    ["Overdue", t.overdue, styles.overdue],
    ["Current", t.current, styles.current],
    ["Upcoming", t.upcoming, undefined],
    [`Due in ${s.dueSoonDays} days`, t.dueSoon, undefined],
  ];
  const bars: [string, number][] = [
    ["Done", t.done],
    ["Overdue", t.overdue],
    ["Current", t.current],
    ["Upcoming", t.upcoming],
    ["Cancelled", t.cancelled],
  ];
  const max = Math.max(1, ...bars.map(([, n]) => n));
  const groups = s.groups.filter((g) => g.kind !== "block" || !s.groups.some((x) => x.kind === "goal"));
  const noTiming = report.findings.find((f) => f.offer === "add-timeline");
  return (
    <div className={styles.root}>
      {noTiming ? (
        <section className={styles.section} aria-labelledby="no-timing-title">
          <Subtitle2 as="h2" id="no-timing-title">
            This plan does not say when its steps happen
          </Subtitle2>
          <Body1>
            {t.activities} steps read, none scheduled. Add month columns for the school year to the right of the plan and mark an X under each month a step is
            planned for; nothing you typed moves or changes.
          </Body1>
          <div>
            <Button appearance="primary" disabledFocusable={state.phase !== "ready"} onClick={() => void actions.addTimeline()}>
              Add a timeline
            </Button>
          </div>
        </section>
      ) : null}
      <section className={styles.section} aria-labelledby="totals-title">
        <Subtitle2 as="h2" id="totals-title">
          As of {s.asOf}: {t.scheduled} scheduled marks in {t.activities} activities
        </Subtitle2>
        <dl className={styles.figures}>
          {figures.map(([label, n, tone]) => (
            <div key={label} className={styles.figure}>
              <dt>
                <Caption1>{label}</Caption1>
              </dt>
              <dd className={mergeClasses(styles.number, tone)} style={{ margin: 0 }}>
                {n}
              </dd>
            </div>
          ))}
        </dl>
        <div className={styles.chart} role="img" aria-label={bars.map(([l, n]) => `${l} ${n}`).join(", ")}>
          {bars.map(([label, n]) => (
            <div key={label} className={styles.bar} aria-hidden="true">
              <Caption1>{label}</Caption1>
              <div className={styles.track}>
                <div style={{ width: `${(n / max) * 100}%`, height: "100%", backgroundColor: BAR_COLORS[label] }} />
              </div>
              <Caption1>{n}</Caption1>
            </div>
          ))}
        </div>
        {t.unscheduled > 0 ? <Body1>{t.unscheduled} activities have no period marked (see Findings).</Body1> : null}
      </section>

      <SinceSection state={state} actions={actions} />
      <TrendChart trend={state.monitoring.trend} />

      <MarkList title={`Overdue (${s.overdue.length})`} empty="Nothing is overdue." items={s.overdue} actions={actions} id="overdue" />
      <MarkList title={`Due in the next ${s.dueSoonDays} days (${s.dueSoon.length})`} empty="Nothing starts in that time." items={s.dueSoon} actions={actions} id="due-soon" />

      {groups.length > 0 ? (
        <FigureTable
          id="groups"
          title="By goal and strategy"
          headers={["Name", "Done", "Overdue", "Upcoming"]}
          rows={groups.map((g) => ({
            key: `${g.kind}:${g.name}`,
            cells: [<Text size={200}>{g.kind === "strategy" ? `\u2003${g.name}` : g.name}</Text>, g.done, g.overdue, g.upcoming + g.current],
          }))}
        />
      ) : null}

      {s.standards ? (
        <FigureTable
          id="standards"
          title={`Standards for Professional Learning (${s.standards.edition})`}
          headers={["Standard", "Activities"]}
          rows={s.standards.coverage.map((c) => ({ key: c.name, cells: [c.name, c.activities] }))}
          note={standardsNote(s.standards.coverage)}
        />
      ) : null}

      {s.quarters.length > 0 ? (
        <FigureTable
          id="quarters"
          title="Quarterly review: what was due, and what became of it"
          headers={["Quarter", "Due", "Done", "Overdue", "Open"]}
          rows={s.quarters.map((q) => ({ key: q.label, cells: [q.label, q.scheduled, q.done, q.overdue, q.current + q.upcoming] }))}
        />
      ) : null}
    </div>
  );
}

/** A titled table of figures: a header row, then one row per goal or quarter. */
function FigureTable({ id, title, headers, rows, note }: { id: string; title: string; headers: string[]; rows: { key: string; cells: ReactNode[] }[]; note?: string }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby={`${id}-title`}>
      <Subtitle2 as="h2" id={`${id}-title`}>
        {title}
      </Subtitle2>
      <table className={styles.table} aria-labelledby={`${id}-title`}>
        <thead>
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col" className={styles.th}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, i) => (
                <td key={i} className={styles.td}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {note ? <Caption1>{note}</Caption1> : null}
    </section>
  );
}

function MarkList({ title, empty, items, actions, id }: { title: string; empty: string; items: MarkItem[]; actions: MonitorActions; id: string }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby={`${id}-title`}>
      <Subtitle2 as="h2" id={`${id}-title`}>
        {title}
      </Subtitle2>
      {items.length === 0 ? (
        <Body1>{empty}</Body1>
      ) : (
        <ul className={styles.list} aria-labelledby={`${id}-title`}>
          {items.map((item) => (
            <li key={`${item.activityId}:${item.cell}`} className={styles.item}>
              <Link as="button" onClick={() => void actions.goTo(item.cell)} aria-label={`${item.period}: ${firstLine(item.activity)}. Go to ${cellLabel(item.cell)}`}>
                {firstLine(item.activity)}
              </Link>
              <Caption1>
                {item.period} · {item.owner ?? "no owner named"} · {cellLabel(item.cell)}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Which standards no activity addresses, or that every one is. */
function standardsNote(coverage: { name: string; activities: number }[]): string {
  const none = coverage.filter((c) => c.activities === 0).map((c) => c.name);
  return none.length === 0 ? "Every standard is addressed by at least one activity." : `No activity addresses ${none.join("; ")}.`;
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}
