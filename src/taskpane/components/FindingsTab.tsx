import {
  Body1,
  Button,
  Caption1,
  CounterBadge,
  Link,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef, type ReactNode } from "react";
import type { Finding, Severity } from "../../core/findings";
import type { MonitorActions, MonitorState } from "../use-monitor";
import { localCell as cellLabel } from "../../core/address";
import { groupsBy } from "../lists";
import { Disclosure } from "./Disclosure";
import { Pager, usePaging } from "./Pager";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, paddingBottom: tokens.spacingVerticalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  // A list item, not a flex box: the disclosure triangle shows whether the group is open.
  header: { cursor: "pointer", fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, paddingBlock: tokens.spacingVerticalS, ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  count: { marginInlineStart: tokens.spacingHorizontalS, verticalAlign: "middle" },
  group: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalS },
  ruleHeader: { cursor: "pointer", fontWeight: tokens.fontWeightSemibold, paddingBlock: tokens.spacingVerticalXS, ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  rule: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, paddingInlineStart: tokens.spacingHorizontalM, paddingTop: tokens.spacingVerticalS },
});

const GROUPS: { severity: Severity; title: string; color: "danger" | "important" | "informative" }[] = [
  { severity: "error", title: "Errors", color: "danger" },
  { severity: "warning", title: "Warnings", color: "important" },
  { severity: "info", title: "Notes", color: "informative" },
];

const RULE_NAMES: Record<string, string> = {
  "no-plan": "No plan found",
  "no-timing": "No timing",
  "unreadable-timing": "Timing not understood",
  "school-year-assumed": "School year assumed",
  "periods-out-of-order": "Periods out of order",
  "period-repeated": "Period repeated",
  "school-years-not-consecutive": "School years not consecutive",
  "unrecognized-mark": "Unrecognized mark",
  "lookalike-mark": "Look-alike X",
  "split-mark": "X split over two lines",
  "repeated-mark": "Repeated mark",
  "error-value": "Error value",
  "unscheduled-activity": "No period marked",
  "missing-owner": "No owner",
  "duplicate-activity": "Duplicate activity",
  "stray-line": "Stray line",
  "orphan-continuation": "Line without an activity",
  "mark-outside-timeline": "Mark outside the timeline",
  "marks-without-activity": "Marks without an activity",
  sequence: "Steps out of order",
  "frequency-mismatch": "Frequency and marks disagree",
  "status-contradiction": "Status and marks disagree",
  "goal-target-before-schedule": "Work after the goal's target year",
  "formula-like-label": "Text a spreadsheet reads as a formula",
  "statement-without-activity": "Theory-of-action statement without an activity",
  "unknown-standard": "Not a Standard for Professional Learning",
  "standard-not-addressed": "Standards no activity addresses",
};

/** A rule with this many findings or more shows them as one group, folded, a page at a time. */
const GROUP_FROM = 4;

/**
 * Findings grouped by severity, in plain words, each with a way to its cell and, where mechanical, a fix. Repeated
 * findings of one rule ("No owner", 400 times) fold into one group of their own.
 */
export function FindingsTab({ state, actions, openSettings }: { state: MonitorState; actions: MonitorActions; openSettings: () => void }) {
  const styles = useStyles();
  const root = useRef<HTMLDivElement>(null);
  // A fixed finding leaves the list: the keyboard goes on to the finding now in its place (or the last one shown),
  // or to the list itself when none is left; never to the page.
  const refocus = useRef<number | null>(null);
  useEffect(() => {
    const at = refocus.current;
    if (at === null || state.phase !== "ready") return;
    refocus.current = null;
    const items = root.current?.querySelectorAll<HTMLElement>("[data-finding]") ?? [];
    const item = items[Math.min(at, items.length - 1)];
    (item?.querySelector<HTMLElement>("button") ?? root.current)?.focus();
  }, [state.phase, state.report]);
  const findings = state.report?.findings;
  // A rule's findings are one group wherever they stand in the list (the engine sorts by rule, a host need not).
  const severities = useMemo(() => GROUPS.map((g) => ({ ...g, rules: groupsBy((findings ?? []).filter((f) => f.severity === g.severity), (f) => f.rule) })).filter((g) => g.rules.length > 0), [findings]);

  if (!findings) return <Body1>Reading the plan&hellip;</Body1>;
  const busy = state.phase !== "ready";
  const fix = (finding: Finding, button: HTMLElement): void => {
    // Only the findings shown are on the page (folded groups make none): the one fixed is counted among them.
    const items = [...(root.current?.querySelectorAll("[data-finding]") ?? [])];
    const item = button.closest("[data-finding]");
    refocus.current = item ? Math.max(0, items.indexOf(item)) : 0;
    void actions.applyFix(finding.fix!);
  };
  const item = (f: Finding, i: number) => <FindingItem key={`${f.rule}:${f.cell}:${i}`} finding={f} actions={actions} onFix={fix} openSettings={openSettings} busy={busy} />;
  return (
    <div ref={root} tabIndex={-1} role="group" aria-label="Findings">
      {findings.length === 0 ? <Body1>No findings: the plan reads cleanly.</Body1> : null}
      {severities.map((group) => {
        const count = group.rules.reduce((n, r) => n + r.items.length, 0);
        return (
          <Disclosure
            key={group.severity}
            className={styles.group}
            summaryClassName={styles.header}
            defaultOpen={group.severity !== "info"}
            summary={
              <>
                {group.title}
                <CounterBadge className={styles.count} count={count} overflowCount={99999} color={group.color} appearance="filled" size="small" aria-label={`${count}`} />
              </>
            }
          >
            {() => (
              <ul className={styles.list}>
                {group.rules.map((rule) =>
                  rule.items.length < GROUP_FROM ? (
                    rule.items.map(item)
                  ) : (
                    <li key={rule.key}>
                      <Disclosure
                        summaryClassName={styles.ruleHeader}
                        defaultOpen={false}
                        summary={`${ruleName(rule.key)}: ${rule.items.length} findings`}
                      >
                        {() => <RuleFindings findings={rule.items} item={item} />}
                      </Disclosure>
                    </li>
                  ),
                )}
              </ul>
            )}
          </Disclosure>
        );
      })}
    </div>
  );
}

export function ruleName(rule: string): string {
  return RULE_NAMES[rule] ?? rule;
}

/** The findings of one rule, a page at a time. */
function RuleFindings({ findings, item }: { findings: Finding[]; item: (f: Finding, i: number) => ReactNode }) {
  const styles = useStyles();
  const paging = usePaging(findings.length);
  return (
    <div className={styles.rule}>
      <ul className={styles.list}>{findings.slice(paging.start, paging.end).map((f, i) => item(f, paging.start + i))}</ul>
      <Pager paging={paging} noun={`${ruleName(findings[0]!.rule).toLowerCase()} findings`} />
    </div>
  );
}

/** Where the pane lets the user change the setting a finding names. */
const SETTING_LINKS: Record<NonNullable<Finding["setting"]>, string> = {
  schoolYear: "Set the school year in Settings",
  markWords: "Add mark words in Settings",
  standardsEdition: "Choose the standards' edition in Settings",
};

function FindingItem(props: { finding: Finding; actions: MonitorActions; onFix: (finding: Finding, button: HTMLElement) => void; openSettings: () => void; busy: boolean }) {
  const { finding, actions, onFix, openSettings, busy } = props;
  const styles = useStyles();
  return (
    <li className={styles.item} data-finding>
      <Caption1>
        <strong>{ruleName(finding.rule)}</strong>
      </Caption1>
      <Body1>{finding.message}</Body1>
      <div className={styles.actions}>
        <Link as="button" onClick={() => void actions.goTo(finding.cell)}>
          Go to {cellLabel(finding.cell)}
        </Link>
        {finding.setting ? (
          <Link as="button" onClick={openSettings}>
            {SETTING_LINKS[finding.setting]}
          </Link>
        ) : null}
        {finding.offer === "add-timeline" ? (
          <Button size="small" appearance="primary" disabledFocusable={busy} onClick={() => void actions.addTimeline()}>
            Add a timeline
          </Button>
        ) : null}
        {finding.fix ? (
          // Focusable while the fix is applied: the keyboard is then taken on to the next finding.
          <Button size="small" disabledFocusable={busy} onClick={(e) => onFix(finding, e.currentTarget)} aria-label={`Fix: ${finding.fix.description}`}>
            Fix: {finding.fix.description}
          </Button>
        ) : null}
      </div>
    </li>
  );
}
