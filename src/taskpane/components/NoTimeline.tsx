import { Body1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  example: { maxWidth: "420px", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: `2px ${tokens.spacingHorizontalXS}`, textAlign: "left" },
});

const MONTHS = ["July", "August", "September", "October"];

/** What to do when the sheet holds no timeline: what the add-in looks for, with an example. */
export function NoTimeline({ sheet, message }: { sheet: string | null; message: string }) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="no-timeline-title">
      <Subtitle2 as="h2" id="no-timeline-title">
        No timeline found{sheet ? ` on "${sheet}"` : ""}
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
      <Body1>Put the school year in a title above the months (for example &quot;PL Plan 2025-26&quot;) or set it in Settings.</Body1>
    </section>
  );
}
