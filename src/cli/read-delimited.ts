/**
 * Text files (CSV, tab-separated) as the engine's grid, read as a stream in bounded memory: a line of any length
 * holds at most LIMITS.columns fields of at most LIMITS.cellCharacters characters each (a longer field is cut, as
 * Excel cuts it, and the cut is said), and a file of more cells than a sheet may have stops there.
 *
 * Fields follow RFC 4180 (quoted fields, doubled quotes, line breaks inside quotes); \r\n, \n and \r end a line.
 * The encoding is found as Excel finds it: a byte-order mark (UTF-8, UTF-16 as Excel's "Unicode Text" is saved),
 * else UTF-8 when the bytes are UTF-8, else Windows-1252 (a CSV saved by Excel on Windows). A CSV's separator is the
 * comma, or what its first line names as Excel writes it (`sep=;`), or the semicolon when most of its first lines
 * hold more semicolons than commas (Excel saves CSV so where the comma is the decimal mark).
 */
import type { FileHandle } from "node:fs/promises";
import type { CellValue, Grid } from "../core/grid";
import { count, LIMITS } from "./limits";
import { FileProblem } from "./read-file";
import { textDecoder } from "./text-decoder";

export type Delimiter = "," | ";" | "\t";

/** What a text file gave: its rows of fields, and what the reader had to do that the user should know. */
export interface DelimitedText {
  rows: string[][];
  notes: string[];
}

/** A quoted field that never closes: where its quote is (a character offset, and the line for a person). */
interface OpenQuote {
  offset: number;
  line: number;
}

/**
 * The parser, fed the text in pieces. A quote at `literalQuotes` offsets is read as a quote mark, not the start of
 * a quoted field (a quote that never closes, found by an earlier pass).
 */
class DelimitedParser {
  readonly rows: string[][] = [];
  /** Blank lines not yet kept: kept only when a line with content follows (a file's trailing blank lines are not rows). */
  private blankLines = 0;
  private row: string[] = [];
  private field = "";
  private quoted = false;
  private atFieldStart = true;
  /** The piece ended on a quote inside a quoted field, or on a \r: the next piece's first character decides. */
  private pendingQuote = false;
  private pendingReturn = false;
  private offset = 0;
  private line = 1;
  private width = 0;
  cutFields = 0;
  firstCutLine = 0;
  openQuote: OpenQuote | null = null;
  private readonly special: RegExp;

  private readonly literalQuotes: ReadonlySet<number>;

  constructor(delimiter: Delimiter, literalQuotes: ReadonlySet<number>) {
    this.literalQuotes = literalQuotes;
    this.special = delimiter === "\t" ? /[\t"\r\n]/g : delimiter === ";" ? /[;"\r\n]/g : /[,"\r\n]/g;
  }

  /** Adds text to the field, up to the characters a cell holds; what is past that is counted as cut, not kept. */
  private take(text: string): void {
    if (text === "") return;
    const room = LIMITS.cellCharacters - this.field.length;
    if (text.length <= room) {
      this.field += text;
      return;
    }
    if (room > 0) this.field += text.slice(0, room);
    if (this.field.length === LIMITS.cellCharacters && !this.fieldCut) {
      this.fieldCut = true;
      this.cutFields++;
      if (this.firstCutLine === 0) this.firstCutLine = this.line;
    }
  }
  private fieldCut = false;

  private endField(): void {
    if (this.row.length >= LIMITS.columns) {
      throw new FileProblem(`line ${count(this.line)} has more than ${count(LIMITS.columns)} fields, the most a sheet has columns`);
    }
    this.row.push(this.field);
    this.field = "";
    this.fieldCut = false;
    this.atFieldStart = true;
  }

  private endRow(): void {
    this.endField();
    const row = this.row;
    this.row = [];
    if (row.every((f) => f.trim() === "")) {
      this.blankLines++;
      return;
    }
    for (; this.blankLines > 0; this.blankLines--) this.keep([""]);
    this.keep(row);
  }

  private keep(row: string[]): void {
    this.width = Math.max(this.width, row.length);
    this.rows.push(row);
    if (this.rows.length * this.width > LIMITS.sheetCells) {
      throw new FileProblem(`holds more than ${count(LIMITS.sheetCells)} cells (${count(this.rows.length)} lines of up to ${count(this.width)} fields), the most the command line reads of a sheet`);
    }
  }

  push(text: string): void {
    let i = 0;
    if (this.pendingReturn) {
      this.pendingReturn = false;
      if (text.charCodeAt(0) === 10) i = 1;
    }
    if (this.pendingQuote) {
      this.pendingQuote = false;
      if (text.charCodeAt(0) === 34) {
        this.take('"');
        i = 1;
      } else {
        this.quoted = false;
      }
    }
    while (i < text.length) {
      if (this.quoted) {
        const close = text.indexOf('"', i);
        if (close < 0) {
          this.countLines(text, i, text.length);
          this.take(text.slice(i));
          i = text.length;
          break;
        }
        this.countLines(text, i, close);
        this.take(text.slice(i, close));
        if (close + 1 === text.length) {
          this.pendingQuote = true;
          i = close + 1;
        } else if (text.charCodeAt(close + 1) === 34) {
          this.take('"');
          i = close + 2;
        } else {
          this.quoted = false;
          i = close + 1;
        }
        continue;
      }
      this.special.lastIndex = i;
      const found = this.special.exec(text);
      const at = found ? found.index : text.length;
      if (at > i) {
        this.take(text.slice(i, at));
        this.atFieldStart = false;
      }
      if (!found) break;
      const ch = text.charCodeAt(at);
      i = at + 1;
      if (ch === 34) {
        if (this.atFieldStart && !this.literalQuotes.has(this.offset + at)) {
          this.quoted = true;
          this.openQuote = { offset: this.offset + at, line: this.line };
        } else {
          this.take('"');
        }
        this.atFieldStart = false;
      } else if (ch === 10 || ch === 13) {
        this.endRow();
        this.line++;
        if (ch === 13) {
          if (i === text.length) this.pendingReturn = true;
          else if (text.charCodeAt(i) === 10) i++;
        }
      } else {
        this.endField();
      }
    }
    this.offset += text.length;
  }

  private countLines(text: string, from: number, to: number): void {
    for (let at = text.indexOf("\n", from); at >= 0 && at < to; at = text.indexOf("\n", at + 1)) this.line++;
  }

  /** Ends the text; false when a quoted field is still open (its quote is `openQuote`), and nothing is ended. */
  end(): boolean {
    if (this.quoted && !this.pendingQuote) return false;
    this.finish();
    return true;
  }

  /** Ends the text, an open quoted field and all. */
  finish(): void {
    if (this.field !== "" || this.row.length > 0) this.endRow();
  }
}

/** How many times a file is read again for a quote that never closes before the rest is left as one cell. */
const REREADS = 8;

/**
 * Parses a text file into rows of fields. A CSV's separator is found from its first lines, read with commas: the one
 * its first line names (`sep=;`, a line Excel does not show: it is dropped), or semicolons when its first lines are
 * separated by them (a note says so); then the file is read once with it.
 */
export async function parseDelimitedText(file: TextFile, delimiter: Delimiter): Promise<DelimitedText> {
  if (delimiter !== ",") return parseWith(file, delimiter);
  const first = await firstRows(file);
  const named = SEPARATOR_LINE.exec(first[0]?.join(",") ?? "")?.[1] as Delimiter | undefined;
  if (named !== undefined) {
    const read = await parseWith(file, named);
    read.rows.shift();
    return read;
  }
  if (!separatedBySemicolons(first)) return parseWith(file, ",");
  const read = await parseWith(file, ";");
  return { rows: read.rows, notes: ["read as separated by semicolons, as Excel saves CSV where the comma is the decimal mark", ...read.notes] };
}

/** A CSV's first lines read with commas (more than it samples), from as few of its pieces as hold them. */
async function firstRows(file: TextFile): Promise<string[][]> {
  for (const encoding of [file.encoding, "windows-1252"]) {
    const parser = new DelimitedParser(",", new Set());
    try {
      for await (const piece of file.read(encoding)) {
        parser.push(piece);
        if (parser.rows.length > SAMPLED_LINES) break;
      }
    } catch (e) {
      if (e instanceof NotInEncoding) continue;
      throw e;
    }
    parser.finish();
    return parser.rows;
  }
  return [];
}

/** Excel's first line naming a CSV's separator, as the comma reading leaves it. */
const SEPARATOR_LINE = /^sep=([,;\t])$/i;

/** How many of a CSV's first lines (read with commas) say what separates its fields. */
const SAMPLED_LINES = 20;

/** Whether most of the first lines with content hold more semicolons than the commas that separated them. */
function separatedBySemicolons(rows: readonly string[][]): boolean {
  let sampled = 0;
  let semicolons = 0;
  for (const row of rows) {
    if (sampled === SAMPLED_LINES) break;
    if (row.every((f) => f.trim() === "")) continue;
    sampled++;
    let n = 0;
    for (const field of row) for (let i = field.indexOf(";"); i >= 0; i = field.indexOf(";", i + 1)) n++;
    if (n > row.length - 1) semicolons++;
  }
  return semicolons * 2 > sampled;
}

/**
 * Parses a text file with one separator. A quote that opens a field and never closes would make the rest of the
 * file one cell: the file is read again with that quote read as a quote mark, and a note says so. A file that is
 * not UTF-8 after all is read again as Windows-1252.
 */
async function parseWith(file: TextFile, delimiter: Delimiter): Promise<DelimitedText> {
  const literal = new Set<number>();
  const notes: string[] = [];
  let encoding = file.encoding;
  for (let pass = 0; ; pass++) {
    const parser = new DelimitedParser(delimiter, literal);
    try {
      for await (const piece of file.read(encoding)) parser.push(piece);
    } catch (e) {
      if (!(e instanceof NotInEncoding)) throw e;
      encoding = "windows-1252";
      pass--;
      continue;
    }
    const closed = parser.end();
    if (!closed && pass < REREADS) {
      literal.add(parser.openQuote!.offset);
      notes.push(`line ${count(parser.openQuote!.line)}: a quote opens a field and never closes; it is read as a quote mark, so the lines after it stay rows of their own`);
      continue;
    }
    if (!closed) {
      notes.push(`line ${count(parser.openQuote!.line)}: a quote opens a field and never closes, so the rest of the file is one cell`);
      parser.finish();
    }
    if (parser.cutFields > 0) {
      notes.push(
        `${count(parser.cutFields)} field${parser.cutFields === 1 ? "" : "s"} longer than ${count(LIMITS.cellCharacters)} characters (a cell's limit in Excel) ` +
          `cut there, the first on line ${count(parser.firstCutLine)}`,
      );
    }
    return { rows: parser.rows, notes };
  }
}

/** Parses delimited text held in a string (a seed, a test's text). */
export function parseDelimited(text: string, delimiter: Delimiter): string[][] {
  const parser = new DelimitedParser(delimiter, new Set());
  parser.push(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  parser.finish();
  return parser.rows;
}

/** Every field stays text, as a text import keeps it: the engine reads dates, percentages and years from text. */
function cellOf(field: string): CellValue {
  if (field.trim() === "") return null;
  return field;
}

export function delimitedGrid(rows: string[][], sheet: string): Grid {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const values = rows.map((r) => {
    const line: CellValue[] = r.map(cellOf);
    while (line.length < width) line.push(null);
    return line;
  });
  return { sheet, top: 0, left: 0, values };
}

/** The encoding of a text file, from its first bytes: a byte-order mark, else UTF-16 by its zero bytes, else UTF-8. */
function sniffEncoding(head: Uint8Array): "utf-8" | "utf-16le" | "utf-16be" {
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  // UTF-16 without a mark: ASCII text has a zero byte in every other place.
  let even = 0;
  let odd = 0;
  const n = head.length & ~1;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  if (n >= 4 && odd > n / 4 && even === 0) return "utf-16le";
  if (n >= 4 && even > n / 4 && odd === 0) return "utf-16be";
  return "utf-8";
}

/** The bytes of a file are not in the encoding it is read in (UTF-8, read strictly). */
class NotInEncoding extends Error {}

/** A text file, read in pieces as often as needed, and its encoding as its first bytes tell. */
export interface TextFile {
  encoding: string;
  read(encoding: string): AsyncIterable<string>;
}

const CHUNK = 1 << 20;

/** A regular file, opened, as text. A NUL character means it is not text at all: a FileProblem. */
export async function openTextFile(handle: FileHandle, size: number): Promise<TextFile> {
  const headBytes = Buffer.alloc(Math.min(4096, size));
  await handle.read(headBytes, 0, headBytes.length, 0);
  const encoding = sniffEncoding(headBytes);
  const read = async function* (label: string): AsyncGenerator<string> {
    const strict = label === "utf-8";
    const decoder = textDecoder(label, strict);
    const buffer = Buffer.alloc(Math.min(CHUNK, Math.max(size, 1)));
    const decode = (bytes?: Uint8Array, stream = false): string => {
      try {
        const text = bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream });
        if (text.includes("\u0000")) throw new FileProblem("looks like a binary file, not text");
        return text;
      } catch (e) {
        if (e instanceof FileProblem) throw e;
        throw new NotInEncoding();
      }
    };
    for (let at = 0; at < size; ) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, size - at), at);
      if (bytesRead === 0) break;
      at += bytesRead;
      yield decode(buffer.subarray(0, bytesRead), true);
    }
    const rest = decode();
    if (rest !== "") yield rest;
  };
  return { encoding, read };
}
