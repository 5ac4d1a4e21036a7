import { Badge, Tab, TabList, makeStyles, tokens, type SelectTabData } from "@fluentui/react-components";
import { useState } from "react";
import { counted } from "../../core/counted";
import { useMonitor, type MonitorState } from "../use-monitor";
import { FindingsTab } from "./FindingsTab";
import { Header } from "./Header";
import { NoTimeline } from "./NoTimeline";
import { TheoryOnly } from "./TheoryOnly";
import { PlanTab } from "./PlanTab";
import { SettingsTab } from "./SettingsTab";
import { SummaryTab } from "./SummaryTab";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: "100vh" },
  tabs: { paddingInline: tokens.spacingHorizontalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  panel: { padding: tokens.spacingHorizontalM, flexGrow: 1 },
});

type TabName = "summary" | "findings" | "plan" | "settings";

/** The task pane: header with the refresh button, then the Summary, Findings, Plan and Settings tabs. */
export function Pane({ initial }: { initial?: MonitorState }) {
  const styles = useStyles();
  const [state, actions] = useMonitor(initial);
  const [tab, setTab] = useState<TabName>("summary");
  const findings = state.report?.findings ?? [];
  const errors = findings.filter((f) => f.severity === "error").length;
  const panelId = `panel-${tab}`;

  return (
    <section className={styles.root} aria-label="Milestone Monitor">
      <Header state={state} actions={actions} />
      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_, data: SelectTabData) => setTab(data.value as TabName)}
        aria-label="Milestone Monitor views"
      >
        <Tab value="summary" id="tab-summary" aria-controls="panel-summary">
          Summary
        </Tab>
        <Tab value="findings" id="tab-findings" aria-controls="panel-findings">
          Findings{" "}
          {findings.length > 0 && (
            <Badge size="small" appearance={errors > 0 ? "filled" : "tint"} color={errors > 0 ? "danger" : "informative"} aria-label={counted(findings.length, "finding")}>
              {findings.length}
            </Badge>
          )}
        </Tab>
        <Tab value="plan" id="tab-plan" aria-controls="panel-plan">
          Plan
        </Tab>
        <Tab value="settings" id="tab-settings" aria-controls="panel-settings">
          Settings
        </Tab>
      </TabList>
      <div className={styles.panel} role="tabpanel" id={panelId} aria-labelledby={`tab-${tab}`}>
        {tab === "settings" ? (
          <SettingsTab state={state} actions={actions} />
        ) : state.problem?.kind === "no-timeline" && state.problem.theory ? (
          <TheoryOnly sheet={state.sheet} message={state.problem.message} theory={state.problem.theory} actions={actions} />
        ) : state.problem?.kind === "no-timeline" ? (
          <NoTimeline sheet={state.sheet} message={state.problem.message} />
        ) : tab === "summary" ? (
          <SummaryTab state={state} actions={actions} />
        ) : tab === "findings" ? (
          <FindingsTab state={state} actions={actions} openSettings={() => setTab("settings")} />
        ) : (
          <PlanTab state={state} actions={actions} />
        )}
      </div>
    </section>
  );
}
