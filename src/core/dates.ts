/**
 * Calendar dates as plain `YYYY-MM-DD` strings and as day numbers (days since 1970-01-01), free of
 * time zones: a plan speaks in days, and the host decides which day "today" is.
 */

export type IsoDate = string;

const DAY_MS = 86_400_000;

export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

export interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

export function fromDayNumber(days: number): YearMonthDay {
  const d = new Date(days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Today as the user's own clock shows it (Excel's TODAY()): each host passes its clock, the engine never reads one. */
export function localToday(now: Date): IsoDate {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

export function isoFromDayNumber(days: number): IsoDate {
  const { year, month, day } = fromDayNumber(days);
  return isoDate(year, month, day);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD`; null when it is not a real calendar date. */
export function parseIsoDate(text: string): YearMonthDay | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

const dayNumbers = new Map<string, number>();

/** The day number of a `YYYY-MM-DD` date; remembered, since a plan names the same few hundred dates again and again. */
export function dayNumberOfIso(text: IsoDate): number {
  const known = dayNumbers.get(text);
  if (known !== undefined) return known;
  const d = parseIsoDate(text);
  if (!d) throw new RangeError(`not a date: ${text}`);
  const n = dayNumber(d.year, d.month, d.day);
  if (dayNumbers.size > 50_000) dayNumbers.clear();
  dayNumbers.set(text, n);
  return n;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Months since year 0 of a `YYYY-MM-DD` date (year * 12 + month - 1), read from its digits: summaries and checks read tens of thousands. */
export function monthIndexOfIso(iso: IsoDate): number {
  const digit = (i: number): number => iso.charCodeAt(i) - 48;
  const year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  return year * 12 + digit(5) * 10 + digit(6) - 1;
}

/** Adds whole months to a (year, month) pair. */
export function addMonths(year: number, month: number, count: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + count;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function monthStart(year: number, month: number): IsoDate {
  return isoDate(year, month, 1);
}

export function monthEnd(year: number, month: number): IsoDate {
  return isoDate(year, month, daysInMonth(year, month));
}

/** Excel's serial day 1 is 1900-01-01; serial 60 is the 29 February 1900 that never was. */
const EXCEL_EPOCH_1900 = dayNumber(1899, 12, 31);
const EXCEL_EPOCH_1904 = dayNumber(1904, 1, 1);

export function dateFromExcelSerial(serial: number, date1904 = false): YearMonthDay | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null;
  const whole = Math.floor(serial);
  if (date1904) return fromDayNumber(EXCEL_EPOCH_1904 + whole);
  if (whole === 60) return { year: 1900, month: 2, day: 29 };
  return fromDayNumber(EXCEL_EPOCH_1900 + (whole > 60 ? whole - 1 : whole));
}

export function excelSerialFromDate(year: number, month: number, day: number, date1904 = false): number {
  const days = dayNumber(year, month, day);
  if (date1904) return days - EXCEL_EPOCH_1904;
  const serial = days - EXCEL_EPOCH_1900;
  return serial >= 60 ? serial + 1 : serial;
}

/** A school year is named by the calendar year it starts in: 2023 is 2023-24. */
export function schoolYearOf(date: YearMonthDay, startMonth: number): number {
  return date.month >= startMonth ? date.year : date.year - 1;
}

export function schoolYearLabel(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, "0")}`;
}

const MONTH_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function monthShortName(month: number): string {
  return MONTH_SHORT[month - 1] ?? "?";
}
