import { Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { dayLabel } from "../../core/history/changes";
import type { TrendPoint } from "../../core/history/trend";
import { trendChart, TREND_SERIES } from "../../report/trend-chart";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  svg: { width: "100%", height: "auto", color: tokens.colorNeutralForeground2 },
  legend: { display: "flex", gap: tokens.spacingHorizontalM, listStyleType: "none", margin: 0, padding: 0 },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  cell: { textAlign: "right", padding: `2px ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  first: { textAlign: "left" },
});

/** Each line's colour in the pane's theme (light or dark); the dashes tell them apart without colour. */
const STROKES = { done: tokens.colorPaletteGreenForeground1, overdue: tokens.colorPaletteRedForeground1, current: tokens.colorPaletteMarigoldForeground1 };

/** The trend of done, overdue and current marks over the refreshes: a small line chart, and the same figures as a table. */
export function TrendChart({ trend }: { trend: TrendPoint[] }) {
  const styles = useStyles();
  if (trend.length === 0) return null;
  if (trend.length === 1) {
    return (
      <section className={styles.section} aria-labelledby="trend-title">
        <Subtitle2 as="h2" id="trend-title">
          Trend over the refreshes
        </Subtitle2>
        <Caption1>One refresh is kept so far (as of {dayLabel(trend[0]!.asOf)}): the trend is drawn from the second on.</Caption1>
      </section>
    );
  }
  const c = trendChart(trend, 340, 150, (asOf) => dayLabel(asOf).replace(/^\d+ /, ""));
  const first = trend[0]!;
  const last = trend[trend.length - 1]!;
  const words = `From ${dayLabel(first.asOf)} to ${dayLabel(last.asOf)}, over ${trend.length} refreshes: done ${first.done} to ${last.done}, overdue ${first.overdue} to ${last.overdue}, current ${first.current} to ${last.current}.`;
  return (
    <section className={styles.section} aria-labelledby="trend-title">
      <Subtitle2 as="h2" id="trend-title">
        Trend over the refreshes
      </Subtitle2>
      <svg className={styles.svg} viewBox={`0 0 ${c.width} ${c.height}`} role="img" aria-label={`Trend chart. ${words}`}>
        {c.yTicks.map((t) => (
          <g key={t.label}>
            <line x1={c.plot.left} x2={c.plot.right} y1={t.y} y2={t.y} stroke={tokens.colorNeutralStroke2} strokeWidth={0.6} />
            <text x={c.plot.left - 4} y={t.y + 3} fontSize={9} textAnchor="end" fill="currentColor">
              {t.label}
            </text>
          </g>
        ))}
        {c.xLabels.map((l) => (
          <text key={`${l.x}`} x={l.x} y={c.height - 6} fontSize={9} textAnchor={l.anchor} fill="currentColor">
            {l.label}
          </text>
        ))}
        {c.lines.map((l) => (
          <g key={l.key}>
            <polyline points={l.points} fill="none" stroke={STROKES[l.key]} strokeWidth={2} strokeDasharray={l.dash || undefined} />
            <circle cx={l.last.x} cy={l.last.y} r={2.6} fill={STROKES[l.key]} />
          </g>
        ))}
      </svg>
      <ul className={styles.legend} aria-hidden="true">
        {TREND_SERIES.map((s) => (
          <li key={s.key}>
            <svg width="22" height="8">
              <line x1="0" x2="22" y1="4" y2="4" stroke={STROKES[s.key]} strokeWidth={2} strokeDasharray={s.dash || undefined} />
            </svg>{" "}
            <Caption1>{s.name}</Caption1>
          </li>
        ))}
      </ul>
      <Caption1>{words}</Caption1>
      <details>
        <summary>
          <Caption1>The trend as a table</Caption1>
        </summary>
        <table className={styles.table}>
          <thead>
            <tr>
              {["As of", "Done", "Overdue", "Current", "Done of scheduled"].map((h, i) => (
                <th key={h} scope="col" className={i === 0 ? `${styles.cell} ${styles.first}` : styles.cell}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {trend.map((p) => (
              <tr key={p.asOf}>
                <th scope="row" className={`${styles.cell} ${styles.first}`}>
                  {dayLabel(p.asOf)}
                </th>
                <td className={styles.cell}>{p.done}</td>
                <td className={styles.cell}>{p.overdue}</td>
                <td className={styles.cell}>{p.current}</td>
                <td className={styles.cell}>{p.percentDone}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
