import { Badge, Body1, Button, Caption1, Link, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { useMemo } from "react";
import { counted } from "../../core/counted";
import { sheetDocument } from "../../core/contract";
import { planCsv } from "../../core/export";
import type { Activity, PlanLevel, TheoryOfAction } from "../../core/plan";
import { outcomeLines } from "../../core/plan-context";
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
  said: { display: "flex", flexDirection: "column", gap: "2px", paddingBlock: tokens.spacingVerticalXS },
  theme: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
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
  const levels = new Map(report.plan.levels.map((l) => [l.text, l]));

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
        {counted(report.plan.activities.length, "activity", "activities")} in {counted(report.plan.blocks.length, "timeline")}. Choose an activity to go to its row.
      </Caption1>
      <BranchList branch={tree.root} depth={0} openFirst={small} standings={tree.standings} levels={levels} actions={actions} label="Structured plan" />
      {report.plan.theory ? <TheorySection theory={report.plan.theory} activities={report.plan.activities} actions={actions} /> : null}
    </div>
  );
}

/**
 * The outline as nested disclosures: goal, then strategy, then its activities, a page of entries at a time. Enter or
 * a click opens a level; a closed level's content is not made until then.
 */
function BranchList(props: {
  branch: Branch;
  depth: number;
  openFirst: boolean;
  standings: Map<string, Standing>;
  levels: Map<string, PlanLevel>;
  actions: MonitorActions;
  label?: string;
}) {
  const { branch, depth, openFirst, standings, levels, actions, label } = props;
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
                {() => (
                  <>
                    <LevelSaid level={levels.get(entry.name)} />
                    <BranchList branch={entry} depth={depth + 1} openFirst={openFirst} standings={standings} levels={levels} actions={actions} />
                  </>
                )}
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
      {a.standards && a.standards.names.length > 0 ? <Caption1>Standards: {a.standards.names.join(", ")}</Caption1> : null}
      {a.evidence ? <Caption1>Evidence: {a.evidence}</Caption1> : null}
      {a.resources ? <Caption1>Resources: {a.resources}</Caption1> : null}
    </li>
  );
}

/** What the plan says about a goal or strategy: its description, rationale, expected outcomes and obstacles. */
function LevelSaid({ level }: { level: PlanLevel | undefined }) {
  const styles = useStyles();
  if (!level) return null;
  const lines: [string, string[]][] = [
    ["Description", level.description === null ? [] : [level.description]],
    ["Rationale / evidence", level.rationale === null ? [] : [level.rationale]],
    ["Expected outcomes", outcomeLines(level)],
    ["Obstacles", level.obstacles],
  ];
  const said = lines.filter(([, l]) => l.length > 0);
  if (said.length === 0) return null;
  return (
    <div className={styles.said}>
      {said.map(([label, l]) => (
        <Caption1 key={label}>
          {label}: {l.join("; ")}
        </Caption1>
      ))}
    </div>
  );
}

/**
 * The theory of action: each statement under its theme, a way to its cell, and the activities that carry it out (on
 * a plan sheet; on the theory's own sheet, `activities` is null: the statements are related to the plan sheets').
 */
export function TheorySection({ theory, activities, actions }: { theory: TheoryOfAction; activities: Activity[] | null; actions: MonitorActions }) {
  const styles = useStyles();
  const byId = new Map((activities ?? []).map((a) => [a.id, a]));
  const themes = [...new Set(theory.statements.map((s) => s.theme))];
  return (
    <section aria-labelledby="theory-title" className={styles.root}>
      <Subtitle2 as="h2" id="theory-title">
        Theory of action ({counted(theory.statements.length, "statement")})
      </Subtitle2>
      {themes.map((theme) => (
        <div key={theme ?? ""}>
          {theme === null ? null : <h3 className={styles.theme}>{theme}</h3>}
          <ul className={styles.top}>
            {theory.statements
              .filter((s) => s.theme === theme)
              .map((s) => (
                <li key={s.cell} className={styles.activity}>
                  <Link as="button" onClick={() => void actions.goTo(s.cell)} aria-label={`${s.label}: ${s.text}. Go to ${cellLabel(s.cell)}`}>
                    {s.text}
                  </Link>
                  {activities === null ? null : s.activities.length === 0 ? (
                    <Caption1>No activity shares a key word with it.</Caption1>
                  ) : (
                    <>
                      <Caption1>Carried out by {s.activities.length === 1 ? "1 activity" : `${s.activities.length} activities`}:</Caption1>
                      <ul className={styles.list}>
                        {s.activities.slice(0, 5).map((r) => (
                          <li key={r.id}>
                            <Link as="button" onClick={() => void actions.goTo(r.cell)}>
                              {(byId.get(r.id)?.text ?? r.id).split("\n")[0]}
                            </Link>{" "}
                            <Caption1>(shares {r.words.join(", ")})</Caption1>
                          </li>
                        ))}
                        {s.activities.length > 5 ? (
                          <li>
                            <Caption1>and {s.activities.length - 5} more</Caption1>
                          </li>
                        ) : null}
                      </ul>
                    </>
                  )}
                </li>
              ))}
          </ul>
        </div>
      ))}
      {theory.notes.length > 0 ? <Caption1>Notes: {theory.notes.join("; ")}</Caption1> : null}
    </section>
  );
}
