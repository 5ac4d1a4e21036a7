import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";

/** How many entries a long list shows at once: the pane holds a bounded number of elements whatever the sheet's size. */
export const PAGE_SIZE = 25;

const useStyles = makeStyles({
  pager: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface Paging {
  count: number;
  /** The entries shown: from `start` up to (not including) `end`. */
  start: number;
  end: number;
  page: number;
  last: number;
  setPage: (page: number) => void;
}

/** Which page of a list of `count` entries is shown. A list grown shorter (a new reading) keeps the page, within it. */
export function usePaging(count: number, size = PAGE_SIZE): Paging {
  const [page, setPage] = useState(0);
  const last = Math.max(0, Math.ceil(count / size) - 1);
  const current = Math.min(page, last);
  return { count, start: current * size, end: Math.min(count, (current + 1) * size), page: current, last, setPage };
}

/**
 * Previous and Next under a long list, and which entries are shown. Both buttons stay focusable at the ends, so
 * the keyboard stays where it is; the range is announced as it changes.
 */
export function Pager({ paging, noun }: { paging: Paging; noun: string }) {
  const styles = useStyles();
  const { count, start, end, page, last, setPage } = paging;
  if (last === 0) return null;
  return (
    <div className={styles.pager} role="group" aria-label={`Pages of ${noun}`}>
      <Button size="small" disabledFocusable={page === 0} onClick={() => setPage(page - 1)} aria-label={`Previous ${noun}`}>
        Previous
      </Button>
      <Caption1 aria-live="polite">
        {start + 1}&ndash;{end} of {count.toLocaleString("en-US")} {noun}
      </Caption1>
      <Button size="small" disabledFocusable={page === last} onClick={() => setPage(page + 1)} aria-label={`Next ${noun}`}>
        Next
      </Button>
    </div>
  );
}
