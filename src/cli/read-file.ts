/**
 * Files as the command line opens them: regular files only (a pipe, a device such as /dev/zero or a folder is
 * refused before a byte is read, so nothing waits on a writer or reads without end), and no larger than
 * LIMITS.fileBytes.
 */
import { constants } from "node:fs";
import { open, stat, type FileHandle } from "node:fs/promises";
import { LIMITS, megabytes } from "./limits";

/** A file the command line cannot read: its message is one plain line for the user. */
export class UnreadableFileError extends Error {}

/**
 * What is wrong inside a file, said without its path (the reader of the file puts the path before it): a part of a
 * workbook past a limit, a sheet too large, a damaged archive.
 */
export class FileProblem extends Error {}

function openError(path: string, e: unknown): UnreadableFileError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") return new UnreadableFileError(`${path}: no such file`);
  if (code === "EACCES" || code === "EPERM") return new UnreadableFileError(`${path}: permission denied`);
  if (code === "ELOOP") return new UnreadableFileError(`${path}: a symbolic link that leads round in a loop`);
  return new UnreadableFileError(`${path}: cannot be read (${code ?? "unknown error"})`);
}

function notRegular(path: string, what: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean }): UnreadableFileError {
  if (what.isDirectory()) return new UnreadableFileError(`${path}: is a folder, not a file`);
  const kind = what.isFIFO() ? "a pipe" : what.isSocket() ? "a socket" : "a device";
  return new UnreadableFileError(`${path}: is ${kind}, not a file; the command line reads regular files only`);
}

/** An open regular file and its size; the caller closes it. */
export async function openRegularFile(path: string): Promise<{ handle: FileHandle; size: number }> {
  // Looked at before opening: opening a pipe waits for a writer, and opening some devices does something.
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    throw openError(path, e);
  }
  if (!info.isFile()) throw notRegular(path, info);
  let handle: FileHandle;
  try {
    // Without waiting, should the path have become a pipe since.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw openError(path, e);
  }
  const opened = await handle.stat();
  if (!opened.isFile()) {
    await handle.close();
    throw notRegular(path, opened);
  }
  if (opened.size > LIMITS.fileBytes) {
    await handle.close();
    throw new UnreadableFileError(`${path}: ${megabytes(opened.size)}, larger than the ${megabytes(LIMITS.fileBytes)} the command line reads`);
  }
  return { handle, size: opened.size };
}

/** The whole of a regular file (at most LIMITS.fileBytes). */
export async function readRegularFile(path: string): Promise<Buffer> {
  const { handle, size } = await openRegularFile(path);
  try {
    const bytes = Buffer.alloc(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(bytes, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled === size ? bytes : bytes.subarray(0, filled);
  } catch (e) {
    throw openError(path, e);
  } finally {
    await handle.close();
  }
}
