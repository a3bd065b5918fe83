// Reading one file of the workspace, safely: the part of `files.ts` that the reading thread
// (`parseWorker.ts`) runs too, and nothing that thread need not load.
import { closeSync, constants as fsConstants, fstatSync, openSync, readFileSync, readlinkSync, type Stats } from 'node:fs';

export type Logger = (message: string) => void;

/** Files above this size are skipped: a glossary entry is never that large, a generated dump may be. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Whether a path lies where the glossary may read or write (see `GlossaryScope`), given the real path of the file opened. */
export interface Reachability {
  isReachable(filePath: string, realPath?: string): boolean;
}

/** The real path of an open file, where the system tells it (Linux, through /proc); else undefined. */
export function realPathOfDescriptor(descriptor: number): string | undefined {
  try {
    return readlinkSync(`/proc/self/fd/${descriptor}`);
  } catch {
    return undefined;
  }
}

export function isReadable(filePath: string, stat: Stats, log: Logger, maxBytes: number): boolean {
  if (!stat.isFile()) log(`Skipped ${filePath}: not a regular file.`);
  else if (stat.size > maxBytes) log(`Skipped ${filePath}: ${stat.size} bytes is more than the limit of ${maxBytes}.`);
  else return true;
  return false;
}

/** Reads a text file at once, or says why not; never throws. Bytes that are not UTF-8 become U+FFFD. */
export function readTextFileNow(filePath: string, log: Logger, maxBytes = MAX_FILE_BYTES, within?: Reachability): string | undefined {
  const bytes = readBytesNow(filePath, log, maxBytes, within);
  return bytes === undefined ? undefined : textOf(bytes);
}

/** A file's bytes as text, as `readTextFileNow` reads them: bytes that are not UTF-8 become U+FFFD, and no byte order mark. */
export function textOf(bytes: Buffer): string {
  return withoutByteOrderMark(bytes.toString('utf8'));
}

/**
 * A file's text without its byte order mark, as editors hand it over: positions in a closed file
 * must be those of the same file opened, or a rename's edits land one character off on line 1.
 */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A file's bytes at once, or says why not; never throws. */
export function readBytesNow(filePath: string, log: Logger, maxBytes = MAX_FILE_BYTES, within?: Reachability): Buffer | undefined {
  return readOpenedFile(filePath, log, maxBytes, within)?.bytes;
}

/** What identifies a file's content without reading it: see `ParseCache`. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export function stampOf(stats: Stats): FileStamp {
  return { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
}

/**
 * A file's bytes as `readBytesNow` reads them, with the stamp of the file opened, taken before it is
 * read: a change while it is read gives the file a later stamp than the one cached with its parse.
 */
export function readStampedFileNow(filePath: string, log: Logger, maxBytes = MAX_FILE_BYTES): { bytes: Buffer; stamp: FileStamp } | undefined {
  const read = readOpenedFile(filePath, log, maxBytes);
  return read === undefined ? undefined : { bytes: read.bytes, stamp: stampOf(read.stats) };
}

function readOpenedFile(filePath: string, log: Logger, maxBytes: number, within?: Reachability): { bytes: Buffer; stats: Stats } | undefined {
  try {
    // Non-blocking, so a named pipe called x.md cannot hang the open; the checks are of the file
    // opened, so a file swapped for a pipe after a check cannot hang the read; as fast as a stat and a read by path (10k files: 133 vs 135 ms). With a
    // scope, the file opened must lie in it (see writeTextFileNow): a folder swapped for a link
    // after the check takes the read nowhere else.
    const descriptor = openSync(filePath, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
    try {
      const opened = within === undefined ? undefined : realPathOfDescriptor(descriptor);
      if (opened !== undefined && !within!.isReachable(filePath, opened)) {
        log(`Skipped ${filePath}: a link took it outside the workspace while it was opened.`);
        return undefined;
      }
      const stats = fstatSync(descriptor);
      return isReadable(filePath, stats, log, maxBytes) ? { bytes: readFileSync(descriptor), stats } : undefined;
    } finally {
      closeSync(descriptor);
    }
  } catch (error) {
    log(`Cannot read ${filePath}: ${(error as Error).message}`);
    return undefined;
  }
}
