import { Body1, Link, Title2, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({ root: { padding: tokens.spacingHorizontalXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM } });

/** Shown when the page is opened in a browser rather than in Excel. */
export function OutsideExcel() {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title2 as="h1">Milestone Monitor runs inside Excel</Title2>
      <Body1>
        This page is the add-in&apos;s task pane: open it from Excel (Home tab, Milestone Monitor) after sideloading the manifest. To try it
        without Excel, open the <Link href="playground.html">playground</Link>, which runs the same task pane on a sample workbook.
      </Body1>
    </main>
  );
}
