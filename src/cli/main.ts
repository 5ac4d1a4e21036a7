import { rename, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { analyzeSheet, checkSheet, hasTimeline, type AnalyzeOptions, type SheetCheck, type SheetReport } from "../core/analyze";
import { fileDocument, type FileDocument } from "../core/contract";
import { isoDate, parseIsoDate } from "../core/dates";
import type { Grid } from "../core/grid";
import { findSchoolYear } from "../core/period-label";
import { SettingsSchema, type Settings } from "../core/settings";
import { describeWrites } from "../core/writes";
import { findingsText, planText, printable, statusText } from "./format-text";
import { FileProblem, UnreadableFileError } from "./read-file";
import { loadFile, type LoadedFile } from "./read-workbook";
import { checkCopy, writeCopy } from "./write-copy";
import { writeJson } from "./write-json";

export const USAGE = `Usage: milestone-monitor <command> FILE... [options]

Reads district milestone grids (activities down the side, months or school years across the top, an X where
something is scheduled) from .xlsx, .csv, .tsv or .txt (tab-separated) files.

Commands:
  plan FILE...                 the structured plan: activities, their goals, owners and periods
  status FILE...               where every mark stands as of a date: overdue, current, due soon, by quarter
  validate FILE...             what is malformed, ambiguous or missing; exits 1 when any finding is an error
  refresh FILE --out OUT.xlsx  a copy of the workbook with overdue and current marks flagged and the
                               "Milestone Summary" and "Milestone Plan" sheets added (the input is never changed)

Options:
  --as-of YYYY-MM-DD   judge status on this day (default: today)
  --sheet NAME         read only this sheet (default: every sheet with a timeline)
  --json               print the JSON document (plan, findings, summary) instead of tables
  --school-year 2023-24  the school year of timelines that do not name one
  --start-month N      first month of the school year, 1-12 (default 7, July)
  --due-soon-days N    how many days ahead count as "due soon" (default 30)
  --out FILE           where refresh writes the copy (.xlsx; .xlsm for a workbook with macros)
  -h, --help           show this help

Exit status: 0 done; 1 validate found errors; 2 bad arguments or a file that cannot be read.`;

class UsageError extends Error {}

interface Options {
  command: "plan" | "status" | "validate" | "refresh";
  files: string[];
  asOf: string;
  sheet: string | null;
  json: boolean;
  out: string | null;
  settings: Partial<Settings>;
}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  today: () => string;
  /** Standard output is a terminal: JSON is indented for a person to read. Piped or redirected, it is compact. */
  terminal?: boolean;
}

const nodeIo: Io = {
  terminal: process.stdout.isTTY === true,
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  today: () => {
    const d = new Date();
    return isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
  },
};

function parseArgs(argv: string[], io: Io): Options | "help" {
  if (argv.length === 0 || argv.includes("-h") || argv.includes("--help")) return "help";
  const [command, ...rest] = argv;
  if (command !== "plan" && command !== "status" && command !== "validate" && command !== "refresh") {
    throw new UsageError(`unknown command "${command}"; use plan, status, validate or refresh`);
  }
  const options: Options = { command, files: [], asOf: io.today(), sheet: null, json: false, out: null, settings: {} };
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
      case "--school-year": {
        const v = take();
        const y = findSchoolYear(v.includes("-") || /^sy/i.test(v) ? v : `${v}-${Number(v) + 1}`);
        if (y === null) throw new UsageError(`--school-year wants a school year such as 2023-24, not "${v}"`);
        options.settings.schoolYear = y;
        break;
      }
      case "--start-month": {
        const v = Number(take());
        if (!Number.isInteger(v) || v < 1 || v > 12) throw new UsageError("--start-month wants a month number from 1 to 12");
        options.settings.startMonth = v;
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
  if (command === "refresh") {
    if (options.files.length !== 1) throw new UsageError("refresh takes exactly one workbook");
    if (!options.out) throw new UsageError("refresh needs --out OUT.xlsx: the input is never changed");
    // The copy keeps everything the workbook has, macros too: it is the same kind of file.
    const kind = extname(options.files[0]!).toLowerCase() === ".xlsm" ? ".xlsm" : ".xlsx";
    if (extname(options.out).toLowerCase() !== kind) throw new UsageError(`--out must be an ${kind} file${kind === ".xlsm" ? " (the copy keeps the workbook's macros)" : ""}`);
  }
  return options;
}

/**
 * Refuses an --out that is the input: the same device and inode, whatever the path text (a symbolic or hard link, or
 * another case of the name on a file system that ignores case). An --out that does not exist yet is not the input.
 */
async function refuseInputAsOut(input: string, out: string): Promise<void> {
  const [a, b] = await Promise.all([stat(input).catch(() => null), stat(out).catch(() => null)]);
  if (a !== null && b !== null && a.dev === b.dev && a.ino === b.ino) {
    throw new UsageError("--out is the input file (the same file by another name or link): refresh never changes the input");
  }
}

interface FileResult<R extends SheetCheck = SheetReport> {
  file: LoadedFile;
  reports: R[];
  skipped: { name: string; reason: string }[];
}

/** How a sheet is read: in full (status and summary as of the day) or only as far as the plan and its findings. */
type Analyze<R extends SheetCheck> = (grid: Grid, options: AnalyzeOptions) => R;

function analyzeFile<R extends SheetCheck>(file: LoadedFile, options: Options, analyze: Analyze<R>): FileResult<R> {
  const settings = SettingsSchema.parse({ ...(file.stored?.settings ?? {}), ...options.settings });
  let grids = file.grids;
  const skipped: { name: string; reason: string }[] = file.unreadable.map((s) => ({ name: s.name, reason: `cannot be read: it ${s.reason}` }));
  if (options.sheet !== null) {
    const unreadable = file.unreadable.find((s) => s.name === options.sheet);
    if (unreadable) throw new UnreadableFileError(`${file.path}: sheet "${unreadable.name}" cannot be read: it ${unreadable.reason}`);
    grids = grids.filter((g) => g.sheet === options.sheet);
    skipped.length = 0;
    if (grids.length === 0) {
      const names = file.grids.map((g) => `"${g.sheet}"`).join(", ");
      throw new UsageError(`${file.path} has no sheet named "${options.sheet}" (its sheets: ${names || "none"})`);
    }
  }
  const reports: R[] = [];
  for (const grid of grids) {
    const report = analyze(grid, { settings, asOf: options.asOf });
    if (hasTimeline(report) || options.sheet !== null || (grids.length === 1 && skipped.length === 0)) {
      if (hasTimeline(report)) reports.push(report);
      else skipped.push({ name: grid.sheet, reason: report.findings[0]?.message ?? "no timeline" });
    } else {
      skipped.push({ name: grid.sheet, reason: "no timeline (no row with three or more months, school years or quarters)" });
    }
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

/** Each sheet's text under its heading; skipped sheets named on stderr. */
function printText<R extends SheetCheck>(results: FileResult<R>[], body: (report: R) => string, io: Io): void {
  const several = results.length > 1;
  const parts: string[] = [];
  for (const result of results) {
    for (const report of result.reports) parts.push(heading(result, report, several) + body(report) + "\n");
    io.stderr(skippedText(result));
  }
  io.stdout(parts.join("\n"));
}

function heading(result: FileResult<SheetCheck>, report: SheetCheck, several: boolean): string {
  return several || result.reports.length > 1 ? `== ${result.file.path}, sheet "${report.sheet}" ==\n` : `== ${result.file.path}${result.file.kind === "xlsx" ? `, sheet "${report.sheet}"` : ""} ==\n`;
}

function skippedText(result: FileResult<SheetCheck>): string {
  return result.skipped.map((s) => `${result.file.path}: sheet "${s.name}" skipped: ${s.reason}\n`).join("");
}

/** Writes the copy beside `out`, then puts it in its place: `out` is a whole copy or what it was, never half of one. */
async function writeAtomically(out: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, out);
  } catch (e) {
    await unlink(temporary).catch(() => undefined);
    throw new UnreadableFileError(`${out}: cannot be written (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

async function runRefresh(result: FileResult, options: Options, io: Io): Promise<number> {
  const { file } = result;
  const zip = file.workbook;
  if (!zip) throw new UsageError(`refresh writes a workbook: ${file.path} is ${file.kind.toUpperCase()} text; open it in Excel and save it as .xlsx first`);
  const unread = file.unreadable[0];
  if (unread) throw new UnreadableFileError(`${file.path}: refresh writes only what it read, and sheet "${unread.name}" cannot be read (it ${unread.reason}); nothing was written`);
  if (result.reports.length === 0) throw new UsageError(`${file.path}: no sheet holds a timeline, so there is nothing to refresh`);
  const writes = describeWrites(result.reports);
  let copy: Uint8Array;
  try {
    copy = writeCopy(zip, writes, file.grids.some((g) => g.date1904 === true));
  } catch (e) {
    if (e instanceof FileProblem) throw new UnreadableFileError(`${file.path}: ${e.message}`);
    throw e;
  }
  checkCopy(copy, file);
  // Again, just before writing: --out may have become a link to the input while the workbook was read.
  await refuseInputAsOut(file.path, options.out!);
  await writeAtomically(options.out!, copy);
  const t = result.reports.reduce((n, r) => n + r.summary.totals.overdue, 0);
  const c = result.reports.reduce((n, r) => n + r.summary.totals.current, 0);
  io.stdout(`Wrote ${options.out}: ${t} overdue and ${c} current marks flagged as of ${options.asOf}; sheets "Milestone Summary" and "Milestone Plan" rebuilt.\n`);
  if (options.json) printJson(fileDocument(file.path, result.reports, result.skipped), io);
  return 0;
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
    if (options.command === "refresh") {
      await refuseInputAsOut(options.files[0]!, options.out!);
      return await runRefresh((await analyzeFiles(options, io, analyzeSheet))[0]!, options, io);
    }
    let results: FileResult<SheetCheck>[];
    if (options.json) {
      const full = await analyzeFiles(options, io, analyzeSheet);
      const docs: FileDocument[] = full.map((r) => fileDocument(r.file.path, r.reports, r.skipped));
      printJson(docs.length === 1 ? docs[0] : { files: docs }, io);
      results = full;
    } else if (options.command === "status") {
      const full = await analyzeFiles(options, io, analyzeSheet);
      printText(full, statusText, io);
      results = full;
    } else {
      // Printing a plan or its findings needs no status or summary: none is worked out for them.
      results = await analyzeFiles(options, io, checkSheet);
      printText(results, options.command === "plan" ? planText : (report) => findingsText(report.findings), io);
    }
    if (options.command === "validate") {
      // A file with no timeline at all fails validation: "no timeline found" is an error.
      const failed = results.some((r) => r.reports.length === 0 || r.reports.some((rep) => rep.findings.some((f) => f.severity === "error")));
      return failed ? 1 : 0;
    }
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
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`milestone-monitor: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
