import { Badge, Body1, Button, Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { useMemo } from "react";
import { sheetDocument } from "../../core/contract";
import { planCsv } from "../../core/export";
import type { Activity } from "../../core/plan";
import { marksByActivity, type MarkStatus } from "../../core/status";
import { activityStanding } from "../../core/writes";
import type { MonitorActions, MonitorState } from "../use-monitor";
import { localCell as cellLabel } from "../../core/address";
import { blockName } from "../../core/summary";
import { periodList, shortLabel } from "../lists";
import { Disclosure } from "./Disclosure";
import { Pager, usePaging } from "./Pager";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  exports: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  activity: { display: "flex", flexDirection: "column", gap: "2px", paddingBlock: tokens.spacingVerticalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  list: { listStyleType: "none", margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  top: { listStyleType: "none", margin: 0, padding: 0 },
  branch: { cursor: "pointer", fontWeight: tokens.fontWeightSemibold, paddingBlock: tokens.spacingVerticalXS, ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  line: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS, alignItems: "start" },
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
});

type Standing = MarkStatus | "unscheduled";

const STANDING: Record<Standing, { label: string; color: "danger" | "warning" | "success" | "informative" | "subtle" }> = {
  overdue: { label: "Overdue", color: "danger" },
  current: { label: "Current", color: "warning" },
  upcoming: { label: "Upcoming", color: "informative" },
  done: { label: "Done", color: "success" },
  cancelled: { label: "Cancelled", color: "subtle" },
  unscheduled: { label: "No period", color: "subtle" },
};

interface Branch {
  name: string;
  children: Map<string, Branch>;
  activities: Activity[];
}

function outline(activities: Activity[], blockTitle: (a: Activity) => string): Branch {
  const root: Branch = { name: "", children: new Map(), activities: [] };
  for (const a of activities) {
    const path = a.path.length > 0 ? a.path : [blockTitle(a)];
    let node = root;
    for (const level of path) {
      let child = node.children.get(level);
      if (!child) {
        child = { name: level, children: new Map(), activities: [] };
        node.children.set(level, child);
      }
      node = child;
    }
    node.activities.push(a);
  }
  return root;
}

function download(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Goals open by themselves only in a plan this small; in a larger one the planner opens the goal they want. */
const OPEN_UP_TO = 50;

/** The structured plan as a tree (goal, strategy, activity), with export as JSON and CSV. */
export function PlanTab({ state, actions }: { state: MonitorState; actions: MonitorActions }) {
  const styles = useStyles();
  const report = state.report;
  // Worked out once for each reading of the plan, not at every render.
  const tree = useMemo(() => {
    if (!report) return null;
    const byActivity = marksByActivity(report.status, report.plan.activities.length);
    const standings = new Map(report.plan.activities.map((a, i) => [a.id, activityStanding((byActivity[i] ?? []).map((m) => m.status))]));
    return { root: outline(report.plan.activities, (a) => blockName(report.plan, a.block)), standings };
  }, [report]);
  if (!report || !tree) return <Body1>Reading the plan&hellip;</Body1>;
  const base = report.sheet.replace(/[^\w.-]+/g, "-");
  const small = report.plan.activities.length <= OPEN_UP_TO;

  return (
    <div className={styles.root}>
      <div className={styles.exports}>
        <Button icon={<ArrowDownloadRegular />} onClick={() => download(`${base}-plan.json`, "application/json", JSON.stringify(sheetDocument(report), null, 2))}>
          Export JSON
        </Button>
        <Button icon={<ArrowDownloadRegular />} onClick={() => download(`${base}-plan.csv`, "text/csv", planCsv([report]))}>
          Export CSV
        </Button>
      </div>
      <Caption1>
        {report.plan.activities.length} activities in {report.plan.blocks.length} timeline{report.plan.blocks.length === 1 ? "" : "s"}. Choose an activity to go to its row.
      </Caption1>
      <BranchList branch={tree.root} depth={0} openFirst={small} standings={tree.standings} actions={actions} label="Structured plan" />
    </div>
  );
}

/**
 * The outline as nested disclosures: goal, then strategy, then its activities, a page of entries at a time. Enter or
 * a click opens a level; a closed level's content is not made until then.
 */
function BranchList(props: { branch: Branch; depth: number; openFirst: boolean; standings: Map<string, Standing>; actions: MonitorActions; label?: string }) {
  const { branch, depth, openFirst, standings, actions, label } = props;
  const styles = useStyles();
  const children = [...branch.children.values()];
  const paging = usePaging(children.length + branch.activities.length);
  const entries = [...children, ...branch.activities].slice(paging.start, paging.end);
  return (
    <>
      <ul className={depth === 0 ? styles.top : styles.list} aria-label={label}>
        {entries.map((entry) =>
          isBranch(entry) ? (
            <li key={`b:${entry.name}`}>
              <Disclosure summaryClassName={styles.branch} summary={entry.name} defaultOpen={openFirst && depth === 0}>
                {() => <BranchList branch={entry} depth={depth + 1} openFirst={openFirst} standings={standings} actions={actions} />}
              </Disclosure>
            </li>
          ) : (
            <ActivityEntry key={entry.id} activity={entry} standing={STANDING[standings.get(entry.id) ?? "unscheduled"]} actions={actions} />
          ),
        )}
      </ul>
      <Pager paging={paging} noun={depth === 0 ? "goals" : `entries under ${shortLabel(branch.name)}`} />
    </>
  );
}

function isBranch(entry: Branch | Activity): entry is Branch {
  return "children" in entry;
}

function ActivityEntry({ activity: a, standing, actions }: { activity: Activity; standing: (typeof STANDING)[Standing]; actions: MonitorActions }) {
  const styles = useStyles();
  return (
    <li className={styles.activity}>
      <span className={styles.line}>
        <Link as="button" onClick={() => void actions.goTo(a.cell)}>
          {a.text.split("\n")[0]}
        </Link>
        <Badge className={styles.badge} appearance="tint" color={standing.color} size="small">
          {standing.label}
        </Badge>
      </span>
      <Caption1>
        {a.schedule.length === 0 ? "No period marked" : periodList(a.schedule.map((m) => m.period))} · {a.owner ?? "no owner named"} · {cellLabel(a.cell)}
      </Caption1>
    </li>
  );
}
