import { syntheticRows } from "../../scripts/bench/synthetic";

/**
 * A district plan sheet of about 20,000 rows by 40 columns: action step, owner, 36 months (2023-2026), status
 * and notes, under a Goal row every 25 steps. For the adapter's size test and the bench.
 */
export function largeSheet(activities = 19_232): unknown[][] {
  const rows = syntheticRows(activities, 36).map((r) => [...r]);
  rows[2]!.push("Status", "Notes");
  for (let i = 3; i < rows.length; i++) {
    const row = rows[i]!;
    while (row.length < 38) row.push(null);
    row.push(i % 7 === 0 ? "At Risk" : "On Track", i % 11 === 0 ? "Waiting on the calendar from HR" : null);
  }
  return rows;
}
