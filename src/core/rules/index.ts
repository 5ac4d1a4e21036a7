import type { IsoDate } from "../dates";
import type { Finding } from "../findings";
import type { Plan } from "../plan";
import { duplicateActivities } from "./duplicate-activity";
import { frequencyChecks } from "./frequency-mismatch";
import { goalTargets } from "./goal-target";
import { readLabelWords } from "./label-words";
import { missingOwners } from "./missing-owner";
import { sequenceChecks } from "./sequence";
import { standardsCoverage } from "./standards-coverage";
import { statementsWithoutActivity } from "./statement-without-activity";
import { statusContradictions } from "./status-contradiction";
import { unscheduledActivities } from "./unscheduled-activity";

/**
 * The checks that look at the plan as a whole, after reading: what a planner would catch on a careful read. One
 * file per rule (README, "Where each convention lives"); the rules found while reading are in ../reading, and
 * `readFindings` are theirs (an activity whose timing could not be read is not reported unscheduled as well).
 */
export function validatePlan(plan: Plan, asOf: IsoDate, readFindings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  const labels = readLabelWords(plan);
  const unreadable = new Set(readFindings.flatMap((f) => (f.rule === "unreadable-timing" && f.activityId !== undefined ? [f.activityId] : [])));
  unscheduledActivities(plan, out, unreadable);
  missingOwners(plan, out);
  duplicateActivities(plan, labels, out);
  sequenceChecks(plan, labels, out);
  frequencyChecks(plan, out);
  statusContradictions(plan, asOf, out);
  goalTargets(plan, out);
  statementsWithoutActivity(plan, out);
  standardsCoverage(plan, out);
  return out;
}
