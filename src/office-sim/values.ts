/**
 * Cell value rules: how Excel interprets what is written through `Range.values`,
 * how it displays values (`Range.text`) for common number formats, colors, and the
 * 1900 date system.
 */

export type Scalar = string | number | boolean;

export const ERROR_VALUES = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"] as const;

export function isErrorText(s: string): boolean {
  return (ERROR_VALUES as readonly string[]).includes(s.toUpperCase());
}

// ---- dates -------------------------------------------------------------------

const MS_PER_DAY = 86400000;
const EPOCH_1899_12_30 = Date.UTC(1899, 11, 30);

/** JS Date (read as UTC wall time) to an Excel 1900-system serial number. */
export function dateToSerial(d: Date): number {
  return (d.getTime() - EPOCH_1899_12_30) / MS_PER_DAY;
}
/** Excel serial to a Date whose UTC fields are the wall-clock date/time. */
export function serialToDate(serial: number): Date {
  return new Date(EPOCH_1899_12_30 + Math.round(serial * MS_PER_DAY));
}

// ---- what Excel does with a typed/assigned string -------------------------------

export interface ParsedInput {
  value: Scalar | null;
  isError: boolean;
  formula: string | null;
  /** number format Excel applies automatically (only when the cell is General) */
  autoFormat: string | null;
}

const numberText = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const thousands = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const percent = /^([+-]?(?:\d+\.?\d*|\.\d+))%$/;
const isoDate = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const usDate = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function validDate(y: number, m: number, d: number): number | null {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return dateToSerial(back);
}

/**
 * Interpret one entry of a `values` assignment the way Excel (en-US) does:
 * "=..." is a formula, numeric text becomes a number, "TRUE" a boolean, "#N/A" an
 * error, "50%" 0.5 with a percent format, "2024-01-15" a date serial, and a leading
 * apostrophe forces text. Cells formatted as Text ("@") keep the string as typed.
 */
export function parseInput(v: Scalar, cellFormat: string): ParsedInput {
  const plain: ParsedInput = { value: v, isError: false, formula: null, autoFormat: null };
  if (typeof v !== "string") return plain;
  if (cellFormat === "@") return plain;
  if (v.startsWith("=") && v.length > 1) return { value: null, isError: false, formula: v, autoFormat: null };
  if (v.startsWith("'")) return { ...plain, value: v.slice(1) };
  const t = v.trim();
  if (t === "") return plain;
  if (numberText.test(t)) return { ...plain, value: Number(t) };
  if (thousands.test(t)) return { ...plain, value: Number(t.replace(/,/g, "")), autoFormat: t.includes(".") ? "#,##0.00" : "#,##0" };
  const pm = percent.exec(t);
  if (pm !== null && pm[1] !== undefined) {
    return { ...plain, value: Number(pm[1]) / 100, autoFormat: pm[1].includes(".") ? "0.00%" : "0%" };
  }
  const upper = t.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { ...plain, value: upper === "TRUE" };
  if (isErrorText(t)) return { ...plain, value: upper, isError: true };
  const iso = isoDate.exec(t);
  if (iso !== null) {
    const serial = validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (serial !== null) return { ...plain, value: serial, autoFormat: "yyyy-mm-dd" };
  }
  const us = usDate.exec(t);
  if (us !== null) {
    const serial = validDate(Number(us[3]), Number(us[1]), Number(us[2]));
    if (serial !== null) return { ...plain, value: serial, autoFormat: "m/d/yyyy" };
  }
  return plain;
}

// ---- colors --------------------------------------------------------------------

const namedColors: Record<string, string> = {
  black: "#000000", white: "#FFFFFF", red: "#FF0000", green: "#008000", lime: "#00FF00", blue: "#0000FF",
  yellow: "#FFFF00", orange: "#FFA500", purple: "#800080", gray: "#808080", grey: "#808080", silver: "#C0C0C0",
  maroon: "#800000", navy: "#000080", teal: "#008080", olive: "#808000", aqua: "#00FFFF", cyan: "#00FFFF",
  fuchsia: "#FF00FF", magenta: "#FF00FF", pink: "#FFC0CB", brown: "#A52A2A", gold: "#FFD700",
  lightgray: "#D3D3D3", lightgrey: "#D3D3D3", darkgray: "#A9A9A9", lightgreen: "#90EE90", lightblue: "#ADD8E6",
  lightyellow: "#FFFFE0", darkred: "#8B0000", darkgreen: "#006400", darkblue: "#00008B", salmon: "#FA8072",
};

/** "#rgb", "#rrggbb", "rrggbb" or an HTML color name to "#RRGGBB"; null if not a color. */
export function normalizeColor(input: string): string | null {
  const s = input.trim();
  const named = namedColors[s.toLowerCase()];
  if (named !== undefined) return named;
  let m = /^#?([0-9a-fA-F]{6})$/.exec(s);
  if (m !== null && m[1] !== undefined) return `#${m[1].toUpperCase()}`;
  m = /^#([0-9a-fA-F]{3})$/.exec(s);
  if (m !== null && m[1] !== undefined) {
    return `#${m[1].split("").map((c) => c + c).join("").toUpperCase()}`;
  }
  return null;
}

export function argbToColor(argb: string | undefined): string | null {
  if (argb === undefined) return null;
  const hex = argb.length === 8 ? argb.slice(2) : argb;
  return /^[0-9a-fA-F]{6}$/.test(hex) ? `#${hex.toUpperCase()}` : null;
}
export function colorToArgb(color: string): string {
  return `FF${color.replace("#", "").toUpperCase()}`;
}

// ---- display text (Range.text) ---------------------------------------------------

const monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function formatGeneral(n: number): string {
  if (!Number.isFinite(n)) return "#NUM!";
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-9) {
    const s = n.toExponential(5).replace(/\.?0+e/, "E").replace(/E([+-])(\d)$/, "E$10$2");
    return s.replace("e", "E");
  }
  // Excel's General shows up to 11 characters of a number
  const intDigits = Math.max(1, Math.floor(Math.log10(abs)) + 1);
  const decimals = Math.max(0, 10 - intDigits - (n < 0 ? 1 : 0));
  let s = n.toFixed(Math.min(decimals, 20));
  if (s.includes(".")) s = s.replace(/0+$/, "").replace(/\.$/, "");
  return s === "-0" ? "0" : s;
}

/** Split "pos;neg;zero;text" on semicolons outside quotes. */
function sections(format: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] ?? "";
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && i + 1 < format.length) {
      cur += ch + (format[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === ";" && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Drop [Red], [$-409] and similar bracket codes except elapsed-time ones. */
function stripBrackets(section: string): string {
  return section.replace(/\[(?!h+\]|m+\]|s+\])[^\]]*\]/gi, "");
}

function isDateFormat(section: string): boolean {
  const bare = stripBrackets(section).replace(/"[^"]*"/g, "").replace(/\\./g, "");
  return /[dmyhs]/i.test(bare) && !/[0#?]/.test(bare.replace(/\.0+/g, ""));
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function formatDate(serial: number, section: string): string {
  const d = serialToDate(serial);
  const tokens = stripBrackets(section);
  const hasAmPm = /AM\/PM|A\/P/i.test(tokens);
  let out = "";
  let i = 0;
  // Track whether the previous date/time token was hours, so "mm" after "h" is minutes.
  let lastWasHour = false;
  const src = tokens;
  while (i < src.length) {
    const ch = src[i] ?? "";
    const lower = ch.toLowerCase();
    if (ch === '"') {
      const end = src.indexOf('"', i + 1);
      out += src.slice(i + 1, end < 0 ? src.length : end);
      i = end < 0 ? src.length : end + 1;
      continue;
    }
    if (ch === "\\") {
      out += src[i + 1] ?? "";
      i += 2;
      continue;
    }
    if (src.slice(i, i + 5).toUpperCase() === "AM/PM") {
      out += d.getUTCHours() < 12 ? "AM" : "PM";
      i += 5;
      continue;
    }
    if (src.slice(i, i + 3).toUpperCase() === "A/P") {
      out += d.getUTCHours() < 12 ? "A" : "P";
      i += 3;
      continue;
    }
    if ("ymdhs".includes(lower)) {
      let j = i;
      while (j < src.length && (src[j] ?? "").toLowerCase() === lower) j++;
      const n = j - i;
      const rest = src.slice(j).toLowerCase();
      switch (lower) {
        case "y":
          out += n <= 2 ? pad(d.getUTCFullYear() % 100, 2) : String(d.getUTCFullYear());
          lastWasHour = false;
          break;
        case "d":
          if (n === 1) out += String(d.getUTCDate());
          else if (n === 2) out += pad(d.getUTCDate(), 2);
          else if (n === 3) out += (dayNames[d.getUTCDay()] ?? "").slice(0, 3);
          else out += dayNames[d.getUTCDay()] ?? "";
          lastWasHour = false;
          break;
        case "m": {
          const nextToken = /[a-z]/.exec(rest.replace(/"[^"]*"/g, ""));
          const followedBySeconds = nextToken !== null && nextToken[0] === "s";
          const isMinute = n <= 2 && (lastWasHour || followedBySeconds);
          if (isMinute) out += n === 1 ? String(d.getUTCMinutes()) : pad(d.getUTCMinutes(), 2);
          else if (n === 1) out += String(d.getUTCMonth() + 1);
          else if (n === 2) out += pad(d.getUTCMonth() + 1, 2);
          else if (n === 3) out += (monthNames[d.getUTCMonth()] ?? "").slice(0, 3);
          else if (n === 5) out += (monthNames[d.getUTCMonth()] ?? "").slice(0, 1);
          else out += monthNames[d.getUTCMonth()] ?? "";
          lastWasHour = false;
          break;
        }
        case "h": {
          let h = d.getUTCHours();
          if (hasAmPm) h = h % 12 === 0 ? 12 : h % 12;
          out += n >= 2 ? pad(h, 2) : String(h);
          lastWasHour = true;
          break;
        }
        case "s":
          out += n >= 2 ? pad(d.getUTCSeconds(), 2) : String(d.getUTCSeconds());
          lastWasHour = false;
          break;
      }
      i = j;
      continue;
    }
    if (ch !== "_" && ch !== "*") out += ch;
    else i++; // skip the padding character's argument
    i++;
  }
  return out;
}

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function formatNumberSection(n: number, section: string): string {
  const raw = stripBrackets(section);
  let literalPrefix = "";
  let literalSuffix = "";
  // keep quoted text and escaped characters as literals around the numeric picture
  const pic = raw.replace(/"([^"]*)"|\\(.)/g, (_m, q: string | undefined, e: string | undefined) => `\u0001${q ?? e ?? ""}\u0001`);
  const firstDigit = pic.search(/[0#?]/);
  if (firstDigit < 0) return raw.replace(/"([^"]*)"/g, "$1").replace(/\\(.)/g, "$1");
  let lastDigit = -1;
  for (let i = pic.length - 1; i >= 0; i--) {
    if ("0#?".includes(pic[i] ?? "")) {
      lastDigit = i;
      break;
    }
  }
  literalPrefix = pic.slice(0, firstDigit);
  literalSuffix = pic.slice(lastDigit + 1);
  const core = pic.slice(firstDigit, lastDigit + 1);
  const isPercent = pic.includes("%");
  let value = isPercent ? n * 100 : n;
  const dot = core.indexOf(".");
  const decimals = dot < 0 ? 0 : core.slice(dot + 1).replace(/[^0#?]/g, "").length;
  const minDecimals = dot < 0 ? 0 : core.slice(dot + 1).replace(/[^0]/g, "").length;
  const intPicture = dot < 0 ? core : core.slice(0, dot);
  const minInt = intPicture.replace(/[^0]/g, "").length;
  const grouping = intPicture.includes(",");
  value = Math.abs(value);
  let fixed = value.toFixed(decimals);
  let [intPart = "0", frac = ""] = fixed.split(".");
  while (frac.length > minDecimals && frac.endsWith("0")) frac = frac.slice(0, -1);
  if (intPart === "0" && minInt === 0) intPart = "";
  intPart = intPart.padStart(minInt, "0");
  if (grouping) intPart = groupThousands(intPart);
  fixed = frac.length > 0 || (dot >= 0 && minDecimals > 0) ? `${intPart}.${frac}` : intPart;
  if (dot >= 0 && frac.length === 0 && minDecimals === 0 && core.endsWith(".")) fixed = `${intPart}.`;
  const clean = (s: string): string => s.replaceAll("\u0001", "").replace(/[_*]./g, " ");
  return clean(literalPrefix) + fixed + clean(literalSuffix);
}

/**
 * Display text of a value under a number format, as `Range.text` returns it.
 * Covers General, 0 / 0.00 / #,##0 / percent / literal text, "@", and date/time codes
 * (yyyy, yy, mmmm, mmm, mm, m, dddd, ddd, dd, d, h, hh, mm, ss, AM/PM).
 */
export function formatValue(value: Scalar | null, format: string, isError = false): string {
  if (value === null) return "";
  if (isError) return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const secs = sections(format);
  if (typeof value === "string") {
    const textSection = secs.length >= 4 ? secs[3] : secs.find((s) => s.includes("@"));
    if (textSection === undefined) return value;
    return stripBrackets(textSection).replace(/"([^"]*)"/g, "$1").replace(/\\(.)/g, "$1").replace("@", value);
  }
  if (format === "" || /^general$/i.test(format)) return formatGeneral(value);
  if (format === "@") return formatGeneral(value);
  let section = secs[0] ?? "General";
  let n = value;
  if (value < 0 && secs.length >= 2) {
    section = secs[1] ?? section;
    n = -value;
  } else if (value === 0 && secs.length >= 3) {
    section = secs[2] ?? section;
  }
  if (/^general$/i.test(stripBrackets(section).trim())) return formatGeneral(n);
  if (isDateFormat(section)) {
    if (value < 0) return "#".repeat(11);
    return formatDate(value, section);
  }
  const body = formatNumberSection(n, section);
  const needsMinus = n < 0 && secs.length < 2;
  return needsMinus && body !== "" ? `-${body}` : body;
}

/** True when a number format displays a date or time. */
export function isDateNumberFormat(format: string): boolean {
  const first = sections(format)[0] ?? "";
  return !/^general$/i.test(first) && isDateFormat(first);
}
