import { useMemo, type ReactNode } from "react";
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
import { counted } from "../../core/counted";
import type { MonitorActions, MonitorState } from "../use-monitor";
import { localCell as cellLabel } from "../../core/address";
import { marksByActivity, periodList, runsBy, shortLabel, type ActivityMarks } from "../lists";
import { Pager, usePaging } from "./Pager";
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
  numeric: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  goal: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  goalName: { margin: 0, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  preview: { color: tokens.colorNeutralForeground2 },
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
  // Long lists, one item per activity: worked out once for each reading, not at every render.
  const overdue = useMemo(() => (report ? marksByActivity(report.summary.overdue, report.plan) : []), [report]);
  const dueSoon = useMemo(() => (report ? marksByActivity(report.summary.dueSoon, report.plan) : []), [report]);
  const groups = useMemo(() => (report ? report.summary.groups.filter((g, _, all) => g.kind !== "block" || !all.some((x) => x.kind === "goal")) : []), [report]);
  if (!report) return <Body1>{state.phase === "ready" ? "Open the sheet with your plan's timeline, then choose it above." : "Reading the plan\u2026"}</Body1>;
  const s = report.summary;
  const t = s.totals;
  const figures: [string, number, string | undefined][] = [
    ["Done", t.done, styles.done],
    ["Overdue", t.overdue, styles.overdue],
    ["Current", t.current, styles.current],
    ["Upcoming", t.upcoming, undefined],
    [`Due in ${counted(s.dueSoonDays, "day")}`, t.dueSoon, undefined],
  ];
  const bars: [string, number][] = [
    ["Done", t.done],
    ["Overdue", t.overdue],
    ["Current", t.current],
    ["Upcoming", t.upcoming],
    ["Cancelled", t.cancelled],
  ];
  const max = Math.max(1, ...bars.map(([, n]) => n));
  const preview = previewNote(state);
  const noTiming = report.findings.find((f) => f.offer === "add-timeline");
  return (
    <div className={styles.root}>
      {noTiming ? (
        <section className={styles.section} aria-labelledby="no-timing-title">
          <Subtitle2 as="h2" id="no-timing-title">
            This plan does not say when its steps happen
          </Subtitle2>
          <Body1>
            {counted(t.activities, "step")} read, none scheduled. Add month columns for the school year to the right of the plan and mark an X under each month a step is
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
          As of {s.asOf}: {counted(t.scheduled, "scheduled mark")} in {counted(t.activities, "activity", "activities")}
        </Subtitle2>
        {preview ? <Caption1 className={styles.preview}>{preview}</Caption1> : null}
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
        {t.unscheduled > 0 ? <Body1>{t.unscheduled === 1 ? "1 activity has" : `${t.unscheduled} activities have`} no period marked (see Findings).</Body1> : null}
      </section>

      <SinceSection state={state} actions={actions} />
      <TrendChart trend={state.monitoring.trend} />

      <ActivityList id="overdue" title="Overdue" marks={t.overdue} state="overdue" empty="Nothing is overdue." activities={overdue} actions={actions} />
      <ActivityList id="due-soon" title={`Due in the next ${counted(s.dueSoonDays, "day")}`} marks={t.dueSoon} state="due" empty="Nothing starts in that time." activities={dueSoon} actions={actions} />

      {groups.length > 0 ? (
        <FigureTable
          id="groups"
          title="By goal and strategy"
          noun="goals and strategies"
          headers={["Name", ...GROUP_COLUMNS.map(([h]) => h)]}
          rows={groups.map((g) => ({
            key: `${g.kind}:${g.name}`,
            cells: [<Text size={200}>{g.kind === "strategy" ? `\u2003${g.name}` : g.name}</Text>, ...GROUP_COLUMNS.map(([, k]) => g[k])],
          }))}
        />
      ) : null}

      {s.schoolYears.length > 0 ? (
        <FigureTable
          id="school-years"
          title="By school year: marks longer than a quarter"
          noun="school years"
          headers={["School year", "Due", ...GROUP_COLUMNS.map(([h]) => h)]}
          rows={s.schoolYears.map((y) => ({ key: y.label, cells: [y.label, y.scheduled, ...GROUP_COLUMNS.map(([, k]) => y[k])] }))}
        />
      ) : null}

      {s.standards ? (
        <FigureTable
          id="standards"
          title={`Standards for Professional Learning (${s.standards.edition})`}
          noun="standards"
          headers={["Standard", "Activities"]}
          rows={s.standards.coverage.map((c) => ({ key: c.name, cells: [c.name, c.activities] }))}
          note={standardsNote(s.standards.coverage)}
        />
      ) : null}

      {s.quarters.length > 0 ? (
        <FigureTable
          id="quarters"
          title="Quarterly review: what was due, and what became of it"
          noun="quarters"
          headers={["Quarter", "Due", ...GROUP_COLUMNS.map(([h]) => h)]}
          rows={s.quarters.map((q) => ({ key: q.label, cells: [q.label, q.scheduled, ...GROUP_COLUMNS.map(([, k]) => q[k])] }))}
        />
      ) : null}
    </div>
  );
}

/** The figures of a goal or quarter, under the words the summary sheet uses for them. */
const GROUP_COLUMNS: [string, "done" | "overdue" | "current" | "upcoming"][] = [
  ["Done", "done"],
  ["Overdue", "overdue"],
  ["Current", "current"],
  ["Upcoming", "upcoming"],
];

/**
 * What the figures are, when they are not what the last refresh wrote into the workbook: a preview as of the date,
 * before the first refresh, or for another date or sheet than the last one.
 */
function previewNote(state: MonitorState): string | null {
  const last = state.lastRefresh;
  if (!last) return `A preview as of ${state.asOf}: nothing is flagged in the sheet or written to the workbook until you click Refresh status.`;
  if (last.asOf === state.asOf && last.sheet === state.sheet) return null;
  return `A preview as of ${state.asOf}: the workbook's flags and summary sheet are as of ${last.asOf}${last.sheet === state.sheet ? "" : `, for "${last.sheet}"`}, until you click Refresh status.`;
}

/** A titled table of figures: a header row, then one row per goal or quarter, a page at a time, and a note under it. */
function FigureTable(props: { id: string; title: string; noun: string; headers: string[]; rows: { key: string; cells: ReactNode[] }[]; note?: string }) {
  const { id, title, noun, headers, rows, note } = props;
  const styles = useStyles();
  const paging = usePaging(rows.length);
  return (
    <section className={styles.section} aria-labelledby={`${id}-title`}>
      <Subtitle2 as="h2" id={`${id}-title`}>
        {title}
      </Subtitle2>
      <table className={styles.table} aria-labelledby={`${id}-title`}>
        <thead>
          <tr>
            {headers.map((h, i) => (
              <th key={h} scope="col" className={mergeClasses(styles.th, i > 0 && styles.numeric)}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.slice(paging.start, paging.end).map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, i) => (
                <td key={i} className={mergeClasses(styles.td, i > 0 && styles.numeric)}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <Pager paging={paging} noun={noun} />
      {note ? <Caption1>{note}</Caption1> : null}
    </section>
  );
}

/**
 * The overdue or due-soon marks, one item per activity with its periods ("Jul, Aug, Sep 2023"), under its goal, a
 * page of activities at a time.
 */
function ActivityList(props: { id: string; title: string; marks: number; state: "overdue" | "due"; empty: string; activities: ActivityMarks[]; actions: MonitorActions }) {
  const { id, title, marks, state, empty, activities, actions } = props;
  const styles = useStyles();
  const paging = usePaging(activities.length);
  const n = activities.length;
  return (
    <section className={styles.section} aria-labelledby={`${id}-title`}>
      <Subtitle2 as="h2" id={`${id}-title`}>
        {title} ({n === 0 ? "none" : `${n} ${n === 1 ? "activity" : "activities"}, ${marks} ${marks === 1 ? "mark" : "marks"}`})
      </Subtitle2>
      {n === 0 ? (
        <Body1>{empty}</Body1>
      ) : (
        <>
          <ul className={styles.list} aria-labelledby={`${id}-title`}>
            {runsBy(activities.slice(paging.start, paging.end), (a) => a.goal).map((goal, g) => (
              <li key={`${paging.page}:${g}`} className={styles.goal}>
                <Caption1 as="h3" className={styles.goalName}>
                  {goal.key}
                </Caption1>
                <ul className={styles.list}>
                  {goal.items.map((a) => (
                    <li key={a.activityId} className={styles.item}>
                      <Link as="button" onClick={() => void actions.goTo(a.cell)} aria-label={`${shortLabel(a.activity)}: ${state} ${periodList(a.periods)}. Go to ${cellLabel(a.cell)}`}>
                        {shortLabel(a.activity)}
                      </Link>
                      <Caption1>
                        {periodList(a.periods)} · {a.owner ?? "no owner named"} · {cellLabel(a.cell)}
                      </Caption1>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          <Pager paging={paging} noun={`${title.toLowerCase()} activities`} />
        </>
      )}
    </section>
  );
}

/** Which standards no activity addresses, or that every one is. */
function standardsNote(coverage: { name: string; activities: number }[]): string {
  const none = coverage.filter((c) => c.activities === 0).map((c) => c.name);
  return none.length === 0 ? "Every standard is addressed by at least one activity." : `No activity addresses ${none.join("; ")}.`;
}
