import { useState, type ReactNode } from "react";

/**
 * A native disclosure (keyboard and screen-reader behaviour come with the element) whose content is made only while
 * it is open: a closed goal or group of findings costs the page one line, however much it holds.
 */
export function Disclosure(props: { summary: ReactNode; defaultOpen: boolean; className?: string; summaryClassName?: string; children: () => ReactNode }) {
  const { summary, defaultOpen, className, summaryClassName, children } = props;
  const [open, setOpen] = useState(defaultOpen);
  return (
    <details className={className} open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className={summaryClassName}>{summary}</summary>
      {open ? children() : null}
    </details>
  );
}
