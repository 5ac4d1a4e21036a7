import { isoDate, type IsoDate } from "../core/dates";

/** Today as Excel's TODAY() sees it: the date on the user's own clock. */
export function todayIso(now: Date = new Date()): IsoDate {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
