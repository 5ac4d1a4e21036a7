import { existsSync } from "node:fs";
import { rename, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { analyzeSheet, checkSheet, hasPlan, holdsTheoryOnly, THEORY_ONLY, theoryOfSheets, type AnalyzeOptions, type SheetCheck, type SheetReport } from "../core/analyze";
import { fileDocument, type FileDocument } from "../core/contract";
import { localToday, parseIsoDate } from "../core/dates";
import type { Grid } from "../core/grid";
import { findSchoolYear } from "../core/period-label";
import { SettingsSchema, type Settings } from "../core/settings";
import { describeWrites } from "../core/writes";
import type { StoredState } from "../core/settings-store";
import { changesSince, currentSnapshot, recordRefresh, reviewSnapshot, withHistoryFindings, type History } from "../core/history/store";
import { trendOf } from "../core/history/trend";
import { changesBetween, type Changes } from "../core/history/changes";
import { reportHtml } from "../report/committee-report";
import type { Monitoring } from "../core/history/sheet-section";
import { emptyTotals, type Totals } from "../core/status";
import { describeAddTimeline } from "../core/add-timeline";
import { changesText } from "./format-changes";
import { planText, printable, statusText, validateText } from "./format-text";
import { FileProblem, UnreadableFileError } from "./read-file";
import { loadFile, type LoadedFile } from "./read-workbook";
import type { ZipPackage } from "./read-zip";
import { addTimelineCopy, checkCopy, writeCopy, type CopyCheck } from "./write-copy";
import { writeJson } from "./write-json";
import { storeSheet } from "./write-store";

export const USAGE = `Usage: milestone-monitor <command> FILE... [options]

Reads district plans from .xlsx, .csv, .tsv or .txt (tab-separated) files: milestone grids (activities down the
side, months or school years across the top, an X where something is scheduled), action-plan tables with timing
in words ("Fall 2025", "Monthly, Sept-May"), and outlines of goals, strategies and steps.

Commands:
  plan FILE...                 the structured plan: activities, their goals, owners and periods
  status FILE...               where every mark stands as of a date: overdue, current, due soon, by quarter
  validate FILE...             what is malformed, ambiguous or missing; exits 1 when any finding is an error
  refresh FILE --out OUT.xlsx  a copy of the workbook with overdue and current marks flagged and the
                               "Milestone Summary" and "Milestone Plan" sheets added (the input is never changed);
                               the copy keeps this refresh in the workbook's monitoring history
  report FILE --out REPORT.html  the committee report: one self-contained page to open and print
  add-timeline FILE --out OUT.xlsx  a copy with month columns for the school year added to the right of a plan
                               that says nothing about when its steps happen (an outline, a list of steps), to
                               mark with X's; nothing the workbook holds moves or changes

Options:
  --as-of YYYY-MM-DD   judge status on this day (default: today)
  --sheet NAME         read only this sheet (default: every sheet with a plan)
  --json               print the JSON document (plan, findings, summary) instead of tables
  --since YYYY-MM-DD   status and report: what changed since the workbook's last refresh as of that
                       day or before ("--since last": the last refresh before --as-of)
  --school-year 2023-24  the school year of timelines that do not name one
  --start-month N      first month of the school year, 1-12 (default 7, July)
  --due-soon-days N    how many days ahead count as "due soon" (default 30)
  --standards 2011|2022  the edition of the Standards for Professional Learning the district uses
                       (default: whichever the names in the plan's Standard(s) column match)
  --out FILE           where refresh and add-timeline write the copy (.xlsx; .xlsm for a workbook with
                       macros), and report the page (.html)
  -h, --help           show this help

Exit status: 0 done; 1 validate found errors, or a file holds no plan; 2 bad arguments or a file that cannot be
read.`;

class UsageError extends Error {}

interface Options {
  command: "plan" | "status" | "validate" | "refresh" | "report" | "add-timeline";
  files: string[];
  asOf: string;
  sheet: string | null;
  json: boolean;
  out: string | null;
  /** `--since`: a day, or "last" for the last refresh before the as-of day. */
  since: string | null;
  settings: Partial<Settings>;
}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  today: () => string;
  /** The time now (a refresh's snapshot and a report say when they were made); default the clock. */
  now?: () => Date;
  /** Standard output is a terminal: JSON is indented for a person to read. Piped or redirected, it is compact. */
  terminal?: boolean;
}

const nodeIo: Io = {
  terminal: process.stdout.isTTY === true,
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  today: () => localToday(new Date()),
};

function parseArgs(argv: string[], io: Io): Options | "help" {
  if (argv.length === 0 || argv.includes("-h") || argv.includes("--help")) return "help";
  const [command, ...rest] = argv;
  if (command !== "plan" && command !== "status" && command !== "validate" && command !== "refresh" && command !== "report" && command !== "add-timeline") {
    throw new UsageError(`unknown command "${command}"; use plan, status, validate, refresh, report or add-timeline`);
  }
  const options: Options = { command, files: [], asOf: io.today(), sheet: null, json: false, out: null, since: null, settings: {} };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const value = (): string => {
      const v = rest[i + 1];
      if (v === undefined || v.startsWith("--")) throw new UsageError(`${arg} needs a value`);
      i++;
      return v;
    };
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, null];
    const take = (): string => inline ?? value();
    switch (flag) {
      case "--as-of": {
        const v = take();
        if (!parseIsoDate(v)) throw new UsageError(`--as-of wants a date as YYYY-MM-DD, not "${v}"`);
        options.asOf = v;
        break;
      }
      case "--sheet":
        options.sheet = take();
        break;
      case "--json":
        options.json = true;
        break;
      case "--out":
        options.out = take();
        break;
      case "--since": {
        const v = take();
        if (v !== "last" && !parseIsoDate(v)) throw new UsageError(`--since wants a date as YYYY-MM-DD (or "last"), not "${v}"`);
        options.since = v;
        break;
      }
      case "--school-year": {
        const v = take();
        // A year alone is refused: "2023" may mean 2022-23 or 2023-24.
        const y = findSchoolYear(v);
        if (y === null) throw new UsageError(`--school-year wants a school year such as 2023-24 (or SY24), not "${v}"`);
        options.settings.schoolYear = y;
        break;
      }
      case "--start-month": {
        const v = Number(take());
        if (!Number.isInteger(v) || v < 1 || v > 12) throw new UsageError("--start-month wants a month number from 1 to 12");
        options.settings.startMonth = v;
        break;
      }
      case "--standards": {
        const v = take();
        if (v !== "2011" && v !== "2022") throw new UsageError(`--standards wants 2011 or 2022, the edition of the Standards for Professional Learning, not "${v}"`);
        options.settings.standardsEdition = v;
        break;
      }
      case "--due-soon-days": {
        const v = Number(take());
        if (!Number.isInteger(v) || v < 1 || v > 366) throw new UsageError("--due-soon-days wants a whole number of days from 1 to 366");
        options.settings.dueSoonDays = v;
        break;
      }
      default:
        if (arg.startsWith("-")) throw new UsageError(`unknown option "${arg}"`);
        options.files.push(arg);
    }
  }
  if (options.files.length === 0) throw new UsageError(`${command} needs at least one file`);
  if (command === "refresh" || command === "add-timeline") {
    if (options.files.length !== 1) throw new UsageError(`${command} takes exactly one workbook`);
    if (!options.out) throw new UsageError(`${command} needs --out OUT.xlsx: the input is never changed`);
    // The copy keeps everything the workbook has, macros too: it is the same kind of file.
    const kind = extname(options.files[0]!).toLowerCase() === ".xlsm" ? ".xlsm" : ".xlsx";
    if (extname(options.out).toLowerCase() !== kind) throw new UsageError(`--out must be an ${kind} file${kind === ".xlsm" ? " (the copy keeps the workbook's macros)" : ""}`);
  }
  if (command === "report") {
    if (options.files.length !== 1) throw new UsageError("report takes exactly one workbook");
    if (!options.out) throw new UsageError("report needs --out REPORT.html");
    if (!/\.html?$/i.test(options.out)) throw new UsageError("--out must be an .html file");
  }
  if (options.since !== null && command !== "status" && command !== "report") throw new UsageError("--since is for status and report");
  if (options.out !== null && !existsSync(dirname(resolve(options.out)))) {
    throw new UsageError(`--out: the folder ${dirname(resolve(options.out))} does not exist; create it or write the file elsewhere`);
  }
  return options;
}

/**
 * Refuses an --out that is the input: the same device and inode, whatever the path text (a symbolic or hard link, or
 * another case of the name on a file system that ignores case). An --out that does not exist yet is not the input.
 */
async function refuseInputAsOut(options: Options): Promise<void> {
  const [a, b] = await Promise.all([stat(options.files[0]!).catch(() => null), stat(options.out!).catch(() => null)]);
  if (a !== null && b !== null && a.dev === b.dev && a.ino === b.ino) {
    throw new UsageError(`--out is the input file (the same file by another name or link): ${options.command} never changes the input`);
  }
}

/** Why a sheet is skipped, in one wording whatever the command or the number of sheets. */
const NO_PLAN = "no plan found (no month grid, action-plan table or outline)";

interface FileResult<R extends SheetCheck = SheetReport> {
  file: LoadedFile;
  reports: R[];
  skipped: { name: string; reason: string }[];
}

/** How a sheet is read: in full (status and summary as of the day) or only as far as the plan and its findings. */
type Analyze<R extends SheetCheck> = (grid: Grid, options: AnalyzeOptions) => R;

/**
 * The sheet `--sheet` names: the name as typed, else the one name equal to it but for case, as Excel compares sheet
 * names ("theory of action" is the sheet "Theory of Action"; Excel lets no workbook hold both).
 */
function sheetNamed(wanted: string, names: readonly string[]): string | null {
  if (names.includes(wanted)) return wanted;
  const folded = wanted.toUpperCase();
  const alike = names.filter((name) => name.toUpperCase() === folded);
  return alike.length === 1 ? alike[0]! : null;
}

function analyzeFile<R extends SheetCheck>(file: LoadedFile, options: Options, analyze: Analyze<R>): FileResult<R> {
  const settings = SettingsSchema.parse({ ...(file.stored?.settings ?? {}), ...options.settings });
  let grids = file.grids;
  const skipped: { name: string; reason: string }[] = file.unreadable.map((s) => ({ name: s.name, reason: `cannot be read: it ${s.reason}` }));
  if (options.sheet !== null) {
    const named = sheetNamed(options.sheet, [...file.grids.map((g) => g.sheet), ...file.unreadable.map((s) => s.name)]);
    const unreadable = file.unreadable.find((s) => s.name === named);
    if (unreadable) throw new UnreadableFileError(`${file.path}: sheet "${unreadable.name}" cannot be read: it ${unreadable.reason}`);
    grids = grids.filter((g) => g.sheet === named);
    skipped.length = 0;
    if (grids.length === 0) {
      const names = file.grids.map((g) => `"${g.sheet}"`).join(", ");
      throw new UsageError(`${file.path} has no sheet named "${options.sheet}" (its sheets: ${names || "none"})`);
    }
  }
  const reports: R[] = [];
  // A theory of action on a sheet of its own serves every plan sheet of the workbook.
  const theory = theoryOfSheets(file.grids, { settings, asOf: options.asOf });
  // Its own sheet is listed by plan and validate (its statements, any finding); the other commands monitor plans.
  const listsTheory = options.command === "plan" || options.command === "validate";
  for (const grid of grids) {
    const report = analyze(grid, { settings, asOf: options.asOf, ...(theory ? { theory } : {}) });
    if (holdsTheoryOnly(report)) {
      if (listsTheory) reports.push(report);
      else skipped.push({ name: grid.sheet, reason: `it ${THEORY_ONLY}` });
    } else if (hasPlan(report)) reports.push(report);
    else skipped.push({ name: grid.sheet, reason: NO_PLAN });
  }
  return { file, reports, skipped };
}

/** Each file read in turn, with a progress line on stderr when there are several. */
async function analyzeFiles<R extends SheetCheck>(options: Options, io: Io, analyze: Analyze<R>): Promise<FileResult<R>[]> {
  const results: FileResult<R>[] = [];
  const several = options.files.length > 1;
  for (const [i, path] of options.files.entries()) {
    if (several) io.stderr(`[${i + 1}/${options.files.length}] ${path}\n`);
    const file = await loadFile(path);
    for (const note of file.notes) io.stderr(`milestone-monitor: note: ${path}: ${note}\n`);
    results.push(analyzeFile(file, options, analyze));
  }
  return results;
}

/** Each sheet's text under its heading; skipped sheets named on stderr; a file with no plan says so on stdout too. */
function printText<R extends SheetCheck>(results: FileResult<R>[], body: (report: R) => string, io: Io): void {
  const several = results.length > 1;
  const parts: string[] = [];
  for (const result of results) {
    for (const report of result.reports) parts.push(heading(result, report, several) + body(report) + "\n");
    if (result.reports.length === 0) parts.push(`== ${result.file.path} ==\n${noPlanText(result)}\n`);
    io.stderr(skippedText(result));
  }
  io.stdout(parts.join("\n"));
}

/** Why no plan was read: the sheets skipped, by the reason stderr gives for each (a theory of action, no plan, unreadable). */
function noPlanText(result: FileResult<SheetCheck>): string {
  if (result.skipped.length === 0) return "No plan read: the file has no sheets.";
  const byReason = new Map<string, string[]>();
  for (const { name, reason } of result.skipped) {
    const names = byReason.get(reason);
    if (names) names.push(`"${name}"`);
    else byReason.set(reason, [`"${name}"`]);
  }
  const parts = [...byReason].map(([reason, names]) => `${names.length === 1 ? `sheet ${names[0]}` : `sheets ${names.join(", ")}`}: ${reason}`);
  return `No plan read: ${parts.join("; ")}.`;
}

function heading(result: FileResult<SheetCheck>, report: SheetCheck, several: boolean): string {
  return several || result.reports.length > 1 ? `== ${result.file.path}, sheet "${report.sheet}" ==\n` : `== ${result.file.path}${result.file.kind === "xlsx" ? `, sheet "${report.sheet}"` : ""} ==\n`;
}

function skippedText(result: FileResult<SheetCheck>): string {
  return result.skipped.map((s) => `${result.file.path}: sheet "${s.name}" skipped: ${s.reason}\n`).join("");
}

/** When a command runs: the time (ISO) and the day on this computer's clock, as a refresh's snapshot records them. */
function runTime(io: Io): { at: string; day: string } {
  return { at: (io.now ?? (() => new Date()))().toISOString(), day: io.today() };
}

/** The day given to `--since`, or null for the last refresh before the as-of day. */
function sinceDay(options: Options): string | null {
  return options.since === "last" ? null : options.since;
}

/**
 * Each sheet's refresh kept in the history (replacing one of the same refresh, the retention rule applied), and what
 * the summary sheet says of it: the changes since the last review and the trend.
 */
function keepRefresh(history: History, reports: SheetReport[], when: { at: string; day: string }): { kept: History; monitoring: Monitoring[] } {
  let kept: History = { snapshots: history.snapshots, findings: [] };
  const snapshots = reports.map((report) => {
    const snapshot = currentSnapshot(history, report, when);
    kept = { snapshots: recordRefresh(kept, snapshot), findings: [] };
    return snapshot;
  });
  const monitoring = reports.map((report, i): Monitoring => {
    const review = reviewSnapshot(history, report.sheet, report.summary.asOf);
    return { changes: review ? changesBetween(review, snapshots[i]!) : null, trend: trendOf(kept.snapshots, report.sheet) };
  });
  return { kept, monitoring };
}

function sumTotals(reports: SheetReport[]): Totals {
  const sum = emptyTotals();
  for (const r of reports) for (const key of Object.keys(sum) as (keyof Totals)[]) sum[key] += r.summary.totals[key];
  return sum;
}

/** Writes the file beside `out`, then puts it in its place: `out` is a whole file or what it was, never half of one. */
async function writeAtomically(out: string, content: Uint8Array | string): Promise<void> {
  const temporary = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, content);
    await rename(temporary, out);
  } catch (e) {
    await unlink(temporary).catch(() => undefined);
    throw new UnreadableFileError(`${out}: cannot be written (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

/** The package of a workbook a command writes a copy of, every sheet of it read: only what was read can be proven kept. */
function workbookToCopy(file: LoadedFile, command: string): ZipPackage {
  if (!file.workbook) throw new UsageError(`${command} writes a workbook: ${file.path} is ${file.kind.toUpperCase()} text; open it in Excel and save it as .xlsx first`);
  const unread = file.unreadable[0];
  if (unread) throw new UnreadableFileError(`${file.path}: ${command} writes only what it read, and sheet "${unread.name}" cannot be read (it ${unread.reason}); nothing was written`);
  return file.workbook;
}

/**
 * Makes the copy, proves it holds what was read and what it adds (checkCopy), and puts it in place of --out, once more
 * making sure --out is not the input (it may have become a link to the input while the workbook was read).
 */
async function writeCheckedCopy(file: LoadedFile, options: Options, make: () => Uint8Array, check: CopyCheck): Promise<void> {
  let copy: Uint8Array;
  try {
    copy = make();
  } catch (e) {
    if (e instanceof FileProblem) throw new UnreadableFileError(`${file.path}: ${e.message}`);
    throw e;
  }
  checkCopy(copy, file, check);
  await refuseInputAsOut(options);
  await writeAtomically(options.out!, copy);
}

/** The workbook counts its dates from 1904. */
function dates1904(file: LoadedFile): boolean {
  return file.grids.some((g) => g.date1904 === true);
}

async function runRefresh(result: FileResult, options: Options, io: Io): Promise<number> {
  const { file } = result;
  const zip = workbookToCopy(file, "refresh");
  if (result.reports.length === 0) throw new UsageError(`${file.path}: no sheet holds a timeline, so there is nothing to refresh`);
  const when = runTime(io);
  const { kept, monitoring } = keepRefresh(file.history, result.reports, when);
  const shown = result.reports.map((r) => withHistoryFindings(r, file.history));
  const writes = describeWrites(shown, monitoring);
  // The add-in's data sheet, as the add-in leaves it after a refresh: its settings as saved, this refresh, the history.
  const saved = file.stored;
  const state: StoredState = {
    settings: SettingsSchema.parse(saved?.settings ?? {}),
    planSheet: saved?.planSheet ?? (result.reports.length === 1 ? result.reports[0]!.sheet : null),
    lastRefresh: { asOf: options.asOf, at: when.at, sheet: result.reports.map((r) => r.sheet).join(", "), totals: sumTotals(result.reports), flagged: writes.flags.length },
  };
  const store = storeSheet(state, kept.snapshots);
  await writeCheckedCopy(file, options, () => writeCopy(zip, writes, dates1904(file), store), { command: "refresh", history: kept.snapshots });
  const t = result.reports.reduce((n, r) => n + r.summary.totals.overdue, 0);
  const c = result.reports.reduce((n, r) => n + r.summary.totals.current, 0);
  io.stdout(`Wrote ${options.out}: ${t} overdue and ${c} current marks flagged as of ${options.asOf}; sheets "Milestone Summary" and "Milestone Plan" rebuilt, this refresh kept in the monitoring history.\n`);
  if (options.json) printJson(fileDocument(file.path, result.reports, result.skipped), io);
  return 0;
}

/**
 * add-timeline: month columns right of the first plan without timing (or the sheet named), written as text into a
 * copy; a plan that already says when its steps happen is left as it is, and said so.
 */
async function runAddTimeline(result: FileResult<SheetCheck>, options: Options, io: Io): Promise<number> {
  const { file } = result;
  const zip = workbookToCopy(file, "add-timeline");
  if (result.reports.length === 0) throw new UsageError(`${file.path}: no sheet holds a plan to add a timeline to`);
  const additions = result.reports.map((report) => {
    const grid = file.grids.find((g) => g.sheet === report.sheet)!;
    const right = grid.left + grid.values.reduce((w, row) => Math.max(w, row.length), 0) - 1;
    return describeAddTimeline(report, right);
  });
  const chosen = additions.find((a) => a.kind === "columns" || a.kind === "sheet");
  if (!chosen) {
    for (const a of additions) io.stdout(`${a.message}\n`);
    return 0;
  }
  const check: CopyCheck =
    chosen.kind === "sheet"
      ? { command: "add-timeline", sheets: [chosen.sheet.name] }
      : { command: "add-timeline", cells: chosen.labels.map((text, i) => ({ sheet: chosen.sheet, row: chosen.row, column: chosen.column + i, text })) };
  await writeCheckedCopy(file, options, () => addTimelineCopy(zip, chosen, dates1904(file)), check);
  io.stdout(`Wrote ${options.out}: ${chosen.message}\n`);
  return 0;
}

/** The sheet a report is about: the one named, else the only one with a timeline, else the one the add-in last refreshed. */
function reportSheet(result: FileResult): SheetReport {
  const reports = result.reports;
  if (reports.length === 0) throw new UsageError(`${result.file.path}: no sheet holds a timeline, so there is nothing to report`);
  if (reports.length === 1) return reports[0]!;
  const saved = reports.find((r) => r.sheet === result.file.stored?.planSheet);
  if (saved) return saved;
  throw new UsageError(`${result.file.path} has ${reports.length} sheets with a timeline (${reports.map((r) => `"${r.sheet}"`).join(", ")}); choose one with --sheet`);
}

/** `report`: the committee report as one self-contained HTML file. */
async function runReport(result: FileResult, options: Options, io: Io): Promise<number> {
  const report = reportSheet(result);
  const history = result.file.history;
  const when = runTime(io);
  const changes = changesSince(history, report, when, sinceDay(options));
  const now = (io.now ?? (() => new Date()))();
  const made = `${io.today()} ${String(now.getHours()).padStart(2, "0")}:${String(now.getMinutes()).padStart(2, "0")}`;
  const html = reportHtml({ report: withHistoryFindings(report, history), changes, trend: trendOf(history.snapshots, report.sheet), made });
  await writeAtomically(options.out!, html);
  const since = changes ? `changes since the refresh as of ${changes.since.asOf}` : "no earlier refresh kept to compare with";
  io.stdout(`Wrote ${options.out}: committee report for sheet "${report.sheet}" as of ${options.asOf}; ${since}. Open it in a browser and print it.\n`);
  if (options.since !== null && !changes) io.stderr(noReviewText(result, report.sheet, options));
  return 0;
}

function noReviewText(result: FileResult, sheet: string, options: Options): string {
  const day = sinceDay(options);
  return `${result.file.path}: sheet "${sheet}": the workbook keeps no refresh ${day ? `as of ${day} or before` : `before ${options.asOf}`} to compare with (Refresh status keeps one each time)\n`;
}

/** Each sheet's report with a finding for each snapshot of the workbook's history that cannot be read. */
function withHistory(results: FileResult[]): FileResult[] {
  return results.map((r) => (r.file.history.findings.length === 0 ? r : { ...r, reports: r.reports.map((report) => withHistoryFindings(report, r.file.history)) }));
}

/** `--since`: each sheet's changes since the review, by the report's place (null where the history has none). */
function sinceChanges(result: FileResult, options: Options, io: Io): (Changes | null)[] {
  if (options.since === null) return [];
  const when = runTime(io);
  return result.reports.map((report) => {
    const changes = changesSince(result.file.history, report, when, sinceDay(options));
    if (!changes) io.stderr(noReviewText(result, report.sheet, options));
    return changes;
  });
}

/** The --json document: indented on a terminal; compact into a pipe or a file (40% fewer bytes for a large plan), as `gh` does. */
function printJson(document: unknown, io: Io): void {
  writeJson(document, io.terminal ? 2 : 0, io.stdout);
  io.stdout("\n");
}

/** Runs the command line; returns the exit status. Never throws for bad input: it says what is wrong in one line. */
export async function run(argv: string[], raw: Io = nodeIo): Promise<number> {
  // What reaches a terminal as text has its control characters shown as codes; a JSON document is printed as it is.
  const io: Io = { ...raw, stderr: (t) => raw.stderr(printable(t)) };
  if (!argv.includes("--json")) io.stdout = (t) => raw.stdout(printable(t));
  let options: Options;
  try {
    const parsed = parseArgs(argv, io);
    if (parsed === "help") {
      io.stdout(`${USAGE}\n`);
      return argv.length === 0 ? 2 : 0;
    }
    options = parsed;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`milestone-monitor: ${e.message} (see --help)\n`);
      return 2;
    }
    throw e;
  }
  try {
    // A command that writes a file refuses an --out that is its input before reading anything.
    if (options.out !== null) await refuseInputAsOut(options);
    if (options.command === "refresh") return await runRefresh((await analyzeFiles(options, io, analyzeSheet))[0]!, options, io);
    if (options.command === "report") return await runReport((await analyzeFiles(options, io, analyzeSheet))[0]!, options, io);
    if (options.command === "add-timeline") return await runAddTimeline((await analyzeFiles(options, io, checkSheet))[0]!, options, io);
    let results: FileResult<SheetCheck>[];
    if (options.json) {
      const full = withHistory(await analyzeFiles(options, io, analyzeSheet));
      const docs: FileDocument[] = full.map((r) => {
        const doc = fileDocument(r.file.path, r.reports, r.skipped);
        const changes = sinceChanges(r, options, io);
        const sheets = "sheets" in doc ? doc.sheets : [doc];
        sheets.forEach((sheet, i) => {
          if (changes[i]) sheet.changes = changes[i];
        });
        return doc;
      });
      printJson(docs.length === 1 ? docs[0] : { files: docs }, io);
      results = full;
    } else if (options.command === "status") {
      const full = withHistory(await analyzeFiles(options, io, analyzeSheet));
      const changes = new Map(full.flatMap((r) => sinceChanges(r, options, io).map((c, i) => [r.reports[i]!, c] as const)));
      printText(full, (report) => statusText(report) + (changes.get(report) ? `\n${changesText(changes.get(report)!)}` : ""), io);
      results = full;
    } else {
      // Printing a plan or its findings needs no status or summary: none is worked out for them.
      results = await analyzeFiles(options, io, checkSheet);
      printText(results, options.command === "plan" ? planText : validateText, io);
    }
    // A file with no plan at all has nothing to show: every command says so and fails, as validate's "no timeline" error does.
    if (results.some((r) => r.reports.length === 0)) return 1;
    if (options.command === "validate") return results.some((r) => r.reports.some((rep) => rep.findings.some((f) => f.severity === "error"))) ? 1 : 0;
    return 0;
  } catch (e) {
    if (e instanceof UnreadableFileError || e instanceof UsageError) {
      io.stderr(`milestone-monitor: ${e.message}\n`);
      return 2;
    }
    io.stderr(`milestone-monitor: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

export function main(): void {
  // A reader that stops early (`validate plan.xlsx | head`) closes the pipe: the rest of the text has nowhere to go,
  // which is what the user asked for, not an error to print with a stack trace. Another write error is one line.
  let writeFailed = false;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") return;
      if (stream !== process.stderr) process.stderr.write(`milestone-monitor: cannot write the output: ${e.message}\n`);
      writeFailed = true;
      process.exitCode = 2;
    });
  }
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = writeFailed ? 2 : code;
    },
    (e: unknown) => {
      process.stderr.write(`milestone-monitor: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
