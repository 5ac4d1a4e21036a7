import { datePeriods, type Period } from "../periods";
import type { ReadContext } from "./context";
import type { TimelineHeader } from "./timeline-header";

/**
 * A block's timeline: the period of each of its columns (a header cell merged over several columns names each), and
 * which span of time it is (two columns that name the same period share a span).
 */
export type Timeline = Map<number, { period: Period; span: number }>;

/**
 * A timeline header's periods, dated in a school year, and the timeline by column: a header cell merged across
 * several columns (a month over its weeks) names the period of each of them; columns that name the same span of
 * time (a repeated header) share it.
 */
export function datedTimeline(ctx: ReadContext, header: TimelineHeader, schoolYear: number): { periods: Period[]; timeline: Timeline } {
  const g = ctx.grid;
  const dated = datePeriods(header.labels, header.groupYears, { schoolYear, startMonth: ctx.settings.startMonth }, schoolYear);
  const periods: Period[] = dated.map((s, i) => {
    const column = header.columns[i]!;
    const p: Period = { label: s.label, kind: s.kind, start: s.start, end: s.end, cell: ctx.cell(header.row, column), column };
    if (g.isColumnHidden(column)) p.hidden = true;
    return p;
  });
  const spans = new Map<string, number>();
  const timeline: Timeline = new Map();
  header.columns.forEach((column, i) => {
    const period = periods[i]!;
    const key = `${period.start}/${period.end}`;
    const span = spans.get(key) ?? spans.size;
    spans.set(key, span);
    const area = g.merge(header.row, column);
    const next = header.columns[i + 1] ?? g.right + 1;
    const last = area ? Math.min(area.right, g.right, next - 1) : column;
    for (let c = column; c <= last; c++) timeline.set(c, { period, span });
  });
  return { periods, timeline };
}

