import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { analyzeSheet, checkSheet, hasTimeline, type AnalyzeOptions, type SheetCheck, type SheetReport } from "../core/analyze";
import { fileDocument, type FileDocument } from "../core/contract";
import { localToday, parseIsoDate } from "../core/dates";
import type { Grid } from "../core/grid";
import { findSchoolYear } from "../core/period-label";
import { SettingsSchema, type Settings } from "../core/settings";
import { describeWrites } from "../core/writes";
import { applyWrites } from "./apply-xlsx";
import { finishCopy } from "./finish-copy";
import { findingsText, planText, statusText } from "./format-text";
import { loadFile, UnreadableFileError, type LoadedFile } from "./read-workbook";

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
  --out FILE           where refresh writes the copy
  -h, --help           show this help

Exit status: 0 done; 1 validate found errors, or a file has no sheet with a timeline; 2 bad arguments or a file
that cannot be read.`;

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
  today: () => localToday(new Date()),
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
    if (resolve(options.out) === resolve(options.files[0]!)) throw new UsageError("--out must not be the input file: refresh never changes the input");
    if (!/\.xlsx$/i.test(options.out)) throw new UsageError("--out must be an .xlsx file");
    const folder = dirname(resolve(options.out));
    if (!existsSync(folder)) throw new UsageError(`--out: the folder ${folder} does not exist; create it or write the copy elsewhere`);
  }
  return options;
}

/** Why a sheet is skipped, in one wording whatever the command or the number of sheets. */
const NO_TIMELINE = "no timeline (no row with three or more months, school years or quarters)";

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
  if (options.sheet !== null) {
    grids = grids.filter((g) => g.sheet === options.sheet);
    if (grids.length === 0) {
      const names = file.grids.map((g) => `"${g.sheet}"`).join(", ");
      throw new UsageError(`${file.path} has no sheet named "${options.sheet}" (its sheets: ${names || "none"})`);
    }
  }
  const reports: R[] = [];
  const skipped: { name: string; reason: string }[] = [];
  for (const grid of grids) {
    const report = analyze(grid, { settings, asOf: options.asOf });
    if (hasTimeline(report)) reports.push(report);
    else skipped.push({ name: grid.sheet, reason: NO_TIMELINE });
  }
  return { file, reports, skipped };
}

/** Each file read in turn, with a progress line on stderr when there are several. */
async function analyzeFiles<R extends SheetCheck>(options: Options, io: Io, analyze: Analyze<R>): Promise<FileResult<R>[]> {
  const results: FileResult<R>[] = [];
  const several = options.files.length > 1;
  for (const [i, path] of options.files.entries()) {
    if (several) io.stderr(`[${i + 1}/${options.files.length}] ${path}\n`);
    results.push(analyzeFile(await loadFile(path, { keepWorkbook: options.command === "refresh" }), options, analyze));
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

function noPlanText(result: FileResult<SheetCheck>): string {
  const names = result.skipped.map((s) => `"${s.name}"`);
  if (names.length === 0) return "No plan read: the file has no sheets.";
  return `No plan read: ${names.length === 1 ? `sheet ${names[0]} has` : `sheets ${names.join(", ")} have`} ${NO_TIMELINE}.`;
}

function heading(result: FileResult<SheetCheck>, report: SheetCheck, several: boolean): string {
  return several || result.reports.length > 1 ? `== ${result.file.path}, sheet "${report.sheet}" ==\n` : `== ${result.file.path}${result.file.kind === "xlsx" ? `, sheet "${report.sheet}"` : ""} ==\n`;
}

function skippedText(result: FileResult<SheetCheck>): string {
  return result.skipped.map((s) => `${result.file.path}: sheet "${s.name}" skipped: ${s.reason}\n`).join("");
}

async function runRefresh(result: FileResult, options: Options, io: Io): Promise<number> {
  const wb = result.file.workbook;
  if (!wb) throw new UsageError(`refresh writes a workbook: ${result.file.path} is ${result.file.kind.toUpperCase()} text; open it in Excel and save it as .xlsx first`);
  if (result.reports.length === 0) throw new UsageError(`${result.file.path}: no sheet holds a timeline, so there is nothing to refresh`);
  const writes = describeWrites(result.reports);
  applyWrites(wb, writes);
  // What exceljs cannot write (the summary's chart, links to cells) is done to what it wrote, and the copy is
  // compressed then: exceljs leaves its parts uncompressed, so none is compressed twice.
  const written = await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } });
  const copy = await finishCopy(new Uint8Array(written), [writes.summary, writes.plan], result.file.original);
  try {
    await writeFile(options.out!, copy);
  } catch (e) {
    throw new UnreadableFileError(`${options.out}: cannot be written (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
  const t = result.reports.reduce((n, r) => n + r.summary.totals.overdue, 0);
  const c = result.reports.reduce((n, r) => n + r.summary.totals.current, 0);
  io.stdout(`Wrote ${options.out}: ${t} overdue and ${c} current marks flagged as of ${options.asOf}; sheets "Milestone Summary" and "Milestone Plan" rebuilt.\n`);
  const dropped = result.file.dropped;
  if (dropped) {
    io.stderr(
      `milestone-monitor: note: ${result.file.path} holds ${dropped.what}, which the command line cannot copy: ${options.out} does not have ${dropped.one ? "it" : "them"}. ` +
        `Refresh status in Excel (the add-in) keeps everything.\n`,
    );
  }
  if (options.json) io.stdout(`${json(fileDocument(result.file.path, result.reports, result.skipped), io)}\n`);
  return 0;
}

/** The --json document: indented on a terminal; compact into a pipe or a file (40% fewer bytes for a large plan), as `gh` does. */
function json(document: unknown, io: Io): string {
  return io.terminal ? JSON.stringify(document, null, 2) : JSON.stringify(document);
}

/** Runs the command line; returns the exit status. Never throws for bad input: it says what is wrong in one line. */
export async function run(argv: string[], io: Io = nodeIo): Promise<number> {
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
    if (options.command === "refresh") return await runRefresh((await analyzeFiles(options, io, analyzeSheet))[0]!, options, io);
    let results: FileResult<SheetCheck>[];
    if (options.json) {
      const full = await analyzeFiles(options, io, analyzeSheet);
      const docs: FileDocument[] = full.map((r) => fileDocument(r.file.path, r.reports, r.skipped));
      io.stdout(`${json(docs.length === 1 ? docs[0] : { files: docs }, io)}\n`);
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
    // A file with no timeline at all has no plan to show: every command says so and fails, as "no timeline" is an error.
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
