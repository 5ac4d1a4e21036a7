import { Body1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  example: { maxWidth: "420px", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: `2px ${tokens.spacingHorizontalXS}`, textAlign: "left" },
});

const MONTHS = ["July", "August", "September", "October"];

const STEPS = [
  ["Develop a PLC model", "PLC Coaches", "Aug-Sep 2025"],
  ["Implement the PLC model", "Principals", "Monthly, Oct-May"],
];

/** What to do when the sheet holds no plan the add-in reads: what it looks for, with an example of a grid and of a table. */
export function NoTimeline({ sheet, message }: { sheet: string | null; message: string }) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="no-timeline-title">
      <Subtitle2 as="h2" id="no-timeline-title">
        No plan found{sheet ? ` on "${sheet}"` : ""}
      </Subtitle2>
      <Body1>{message}</Body1>
      <Body1>For example, a grid like this one is read as two activities, each scheduled for the months marked X:</Body1>
      <table className={styles.example} aria-label="Example of a milestone grid">
        <thead>
          <tr>
            <th scope="col" className={styles.cell}>Activities and Milestones</th>
            {MONTHS.map((m) => (
              <th scope="col" key={m} className={styles.cell}>{m}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <td className={styles.cell}>Develop a PLC model</td>
            <td className={styles.cell}>X</td>
            <td className={styles.cell}>X</td>
            <td className={styles.cell} />
            <td className={styles.cell} />
          </tr>
          <tr>
            <td className={styles.cell}>Implement the PLC model</td>
            <td className={styles.cell} />
            <td className={styles.cell} />
            <td className={styles.cell}>X</td>
            <td className={styles.cell}>X</td>
          </tr>
        </tbody>
      </table>
      <Body1>So is an action-plan table that says when in words:</Body1>
      <table className={styles.example} aria-label="Example of an action-plan table">
        <thead>
          <tr>
            {["Action Step", "Person Responsible", "Timeline"].map((h) => (
              <th scope="col" key={h} className={styles.cell}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {STEPS.map((row) => (
            <tr key={row[0]}>
              {row.map((text) => (
                <td key={text} className={styles.cell}>{text}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <Body1>Put the school year in a title above the plan (for example &quot;PL Plan 2025-26&quot;) or set it in Settings.</Body1>
    </section>
  );
}
