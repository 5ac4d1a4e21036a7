import { Body1, Caption1, Field, Link, Select, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { localCell } from "../../core/address";
import { changesHeadline, dayLabel, type ActivityChange, type Changes } from "../../core/history/changes";
import type { MonitorActions, MonitorState } from "../use-monitor";
import { shortLabel } from "../lists";
import { Pager, usePaging } from "./Pager";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "flex", flexDirection: "column", borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, paddingBottom: tokens.spacingVerticalXXS },
  group: { margin: `${tokens.spacingVerticalXS} 0 0`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

const firstLine = (text: string): string => text.split("\n")[0] ?? text;

interface Item {
  key: string;
  label: string;
  detail: string;
  /** The cell it goes to; null for an activity no longer in the plan. */
  cell: string | null;
}

/** Each kind of change as a titled list of items. */
function groups(c: Changes): [string, Item[]][] {
  const activity = (a: ActivityChange, detail: string, cell: string | null = a.cell): Item => ({ key: `${a.cell}:${detail}`, label: firstLine(a.activity), detail, cell });
  return [
    ["Newly overdue", c.newlyOverdue.map((m) => activity(m, `${m.period} \u00b7 ${m.owner ?? "no owner named"}`))],
    ["Newly done", c.newlyDone.map((m) => activity(m, `${m.period} \u00b7 ${m.owner ?? "no owner named"}`))],
    ["Added", c.added.map((a) => activity(a, a.owner ?? "no owner named"))],
    ["Removed", c.removed.map((a) => activity(a, `was at ${localCell(a.cell)}`, null))],
    ["Rescheduled", c.rescheduled.map((r) => activity(r, `no longer ${r.from.join(", ") || "\u2013"}; now also ${r.to.join(", ") || "\u2013"}`))],
    ["Reported status changed", c.statusChanged.map((s) => activity(s, `${s.from ?? "\u2013"} \u2192 ${s.to ?? "\u2013"}`))],
    ["Findings fixed", c.findingsFixed.map((f) => ({ key: `${f.rule}:${f.cell}`, label: f.message, detail: f.severity, cell: null }))],
    ["New findings", c.findingsNew.map((f) => ({ key: `${f.rule}:${f.cell}`, label: f.message, detail: f.severity, cell: f.cell }))],
  ];
}

/** What changed since the last review (or one picked by date), each activity going to its cell. */
export function SinceSection({ state, actions }: { state: MonitorState; actions: MonitorActions }) {
  const styles = useStyles();
  const { changes, reviews } = state.monitoring;
  if (reviews.length === 0) {
    return (
      <section className={styles.section} aria-labelledby="since-title">
        <Subtitle2 as="h2" id="since-title">
          Since the last review
        </Subtitle2>
        <Body1>The workbook keeps no refresh judged before this as-of day. After each Refresh status, this says what changed since the one before.</Body1>
      </section>
    );
  }
  return (
    <section className={styles.section} aria-labelledby="since-title">
      <Subtitle2 as="h2" id="since-title">
        {changes ? changesHeadline(changes) : "Since the last review"}
      </Subtitle2>
      <Field label="Compare with the refresh as of">
        <Select value={state.since ?? ""} onChange={(_, d) => actions.setSince(d.value === "" ? null : d.value)}>
          <option value="">the last review ({dayLabel(reviews[0]!)})</option>
          {reviews.map((day) => (
            <option key={day} value={day}>
              {dayLabel(day)}
            </option>
          ))}
        </Select>
      </Field>
      {changes && !changes.complete ? <Body1>The workbook kept only the totals of that refresh: the figures compare, the activities cannot.</Body1> : null}
      {changes
        ? groups(changes)
            .filter(([, items]) => items.length > 0)
            .map(([title, items]) => <ChangeList key={title} title={title} items={items} actions={actions} />)
        : null}
    </section>
  );
}

/** One kind of change, a page at a time. */
function ChangeList({ title, items, actions }: { title: string; items: Item[]; actions: MonitorActions }) {
  const styles = useStyles();
  const paging = usePaging(items.length);
  const id = `since-${title.replace(/\W+/g, "-")}`;
  return (
    <div>
      <h3 className={styles.group} id={id}>
        {title} ({items.length})
      </h3>
      <ul className={styles.list} aria-labelledby={id}>
        {items.slice(paging.start, paging.end).map((item) => (
          <li key={item.key} className={styles.item}>
            {item.cell ? (
              <Link as="button" onClick={() => void actions.goTo(item.cell!)} aria-label={`${shortLabel(item.label)}. Go to ${localCell(item.cell)}`}>
                {item.label}
              </Link>
            ) : (
              <Body1>{item.label}</Body1>
            )}
            <Caption1>{item.detail}</Caption1>
          </li>
        ))}
      </ul>
      <Pager paging={paging} noun={title.toLowerCase()} />
    </div>
  );
}
