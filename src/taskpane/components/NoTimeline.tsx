import { Body1, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  example: { maxWidth: "420px" },
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
      <Table size="small" className={styles.example} aria-label="Example of a milestone grid">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Activities and Milestones</TableHeaderCell>
            {MONTHS.map((m) => (
              <TableHeaderCell key={m}>{m}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          <TableRow>
            <TableCell>Develop a PLC model</TableCell>
            <TableCell>X</TableCell>
            <TableCell>X</TableCell>
            <TableCell />
            <TableCell />
          </TableRow>
          <TableRow>
            <TableCell>Implement the PLC model</TableCell>
            <TableCell />
            <TableCell />
            <TableCell>X</TableCell>
            <TableCell>X</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <Body1>Put the school year in a title above the months (for example &quot;PL Plan 2025-26&quot;) or set it in Settings.</Body1>
    </section>
  );
}
