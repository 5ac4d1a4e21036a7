import { Body1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { TheoryOfAction } from "../../core/plan";
import type { MonitorActions } from "../use-monitor";
import { TheorySection } from "./PlanTab";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/**
 * The theory of action's own sheet: no activities to monitor, so why, where its statements are checked (each plan
 * sheet's Plan tab), and the statements themselves, each a way to its cell.
 */
export function TheoryOnly({ sheet, message, theory, actions }: { sheet: string | null; message: string; theory: TheoryOfAction; actions: MonitorActions }) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="theory-only-title">
      <Subtitle2 as="h2" id="theory-only-title">
        {sheet ? `"${sheet}"` : "This sheet"} holds the theory of action
      </Subtitle2>
      <Body1>{message}</Body1>
      <Body1>Choose a plan sheet above to monitor it: its Plan tab shows each statement with the activities that carry it out.</Body1>
      <TheorySection theory={theory} activities={null} actions={actions} />
    </section>
  );
}
