import { Badge, Body1, Button, Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { sheetDocument } from "../../core/contract";
import { planCsv } from "../../core/export";
import type { Activity } from "../../core/plan";
import { marksByActivity, type MarkStatus } from "../../core/status";
import { activityStanding } from "../../core/writes";
import type { MonitorActions, MonitorState } from "../use-monitor";
import { localCell as cellLabel } from "../../core/address";

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

const STANDING: Record<MarkStatus | "unscheduled", { label: string; color: "danger" | "warning" | "success" | "informative" | "subtle" }> = {
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

/** The structured plan as a tree (goal, strategy, activity), with export as JSON and CSV. */
export function PlanTab({ state, actions }: { state: MonitorState; actions: MonitorActions }) {
  const styles = useStyles();
  const report = state.report;
  if (!report) return <Body1>Reading the plan&hellip;</Body1>;
  const byActivity = marksByActivity(report.status, report.plan.activities.length);
  const standings = new Map(report.plan.activities.map((a, i) => [a.id, activityStanding((byActivity[i] ?? []).map((m) => m.status))]));
  const blockTitle = (a: Activity): string => report.plan.blocks[a.block]?.title ?? `Timeline ${a.block + 1}`;
  const tree = outline(report.plan.activities, blockTitle);
  const base = report.sheet.replace(/[^\w.-]+/g, "-");

  // The outline as nested disclosures: goal, then strategy, then its activities; Enter or a click opens a level.
  const renderBranch = (branch: Branch, depth: number): React.ReactNode[] => [
    ...[...branch.children.values()].map((child) => (
      <li key={`b:${depth}:${child.name}`}>
        <details open={depth === 0}>
          <summary className={styles.branch}>{child.name}</summary>
          <ul className={styles.list}>{renderBranch(child, depth + 1)}</ul>
        </details>
      </li>
    )),
    ...branch.activities.map((a) => {
      const standing = STANDING[standings.get(a.id) ?? "unscheduled"];
      return (
        <li key={a.id} className={styles.activity}>
          <span className={styles.line}>
            <Link as="button" onClick={() => void actions.goTo(a.cell)}>
              {a.text.split("\n")[0]}
            </Link>
            <Badge className={styles.badge} appearance="tint" color={standing.color} size="small">
              {standing.label}
            </Badge>
          </span>
          <Caption1>
            {a.schedule.length === 0 ? "No period marked" : a.schedule.map((m) => m.period).join(", ")} · {a.owner ?? "no owner named"} · {cellLabel(a.cell)}
          </Caption1>
        </li>
      );
    }),
  ];

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
      <ul className={styles.top} aria-label="Structured plan">
        {renderBranch(tree, 0)}
      </ul>
    </div>
  );
}
