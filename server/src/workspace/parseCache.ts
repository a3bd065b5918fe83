import { createHash, randomUUID } from 'node:crypto';
import { constants as fsConstants, mkdirSync, promises as fs, readFileSync, statSync, type Stats } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Reader } from '../common/generator';
import { readAsBy, type ParsedDocument } from '../parsing/document';
import { decodeClosedDocument, DocumentCodecError, DOCUMENT_CODEC_VERSION, encodeClosedDocument } from '../parsing/documentCodec';
import { stampOf, type FileStamp } from './fileReading';
import type { Logger } from './files';
import { messagesFingerprint } from './translations';

declare const PACKAGE_VERSION: string | undefined;

/**
 * The on-disk cache of parsed files, for a warm start: what was parsed of each Markdown file, keyed
 * by its size, modification and change times and inode, so that reopening a workspace reads and
 * parses only the files that changed. It is trusted for speed only: a file written by another user
 * or writable by others, from another build or language, that fails its checksum, or an entry that
 * does not decode is discarded (and logged), and the file is parsed as without a cache.
 *
 * The file: one header line of JSON (below), then one line per Markdown file:
 * `<path as a JSON string>\t[size, mtimeMs, ctimeMs, ino, <encodeClosedDocument>]`. An entry is
 * decoded when its file is looked up, so most of the work is spread over the batches of indexing.
 */
const MAGIC = 'markdown-glossary parsed documents';
const FORMAT = 1;
/** The header line is padded to this length, so that it can be written last, in place, once the checksum is known. */
const HEADER_BYTES = 1024;
/** A cache larger than this is not read, and entries past it are not written. */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;
/**
 * A file modified this close to when it was looked at may change again within its file system's
 * timestamp granularity (2 s on FAT) without its time changing: it is not cached (git's racy-clean rule).
 */
const RACY_MS = 3000;
/** Entries encoded, and written, between turns of the event loop while the cache is written. */
const WRITE_BATCH = 100;

interface Header {
  magic: string;
  format: number;
  parser: string;
  messages: string;
  /** A hash of the workspace folders. */
  roots: string;
  bytes: number;
  sha256: string;
}

/** Where an entry's line is in the cache's bytes: its start, its tab and its end. */
type EntryPlace = [number, number, number];

let bundleHash: string | undefined;

/**
 * What the parser is, to the byte: another build (the running bundle's hash: npm gives every file
 * it installs the same time) or another language of messages writes another cache.
 */
function parserIdentity(): { parser: string; messages: string } {
  bundleHash ??= createHash('sha256').update(readFileSync(__filename)).digest('hex');
  const version = typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : 'sources';
  return { parser: `${version}+${DOCUMENT_CODEC_VERSION}+${bundleHash}`, messages: messagesFingerprint() };
}

function rootsHash(roots: string[]): string {
  return createHash('sha256').update(JSON.stringify(roots)).digest('hex');
}

/**
 * Where the cache of a workspace lives: in `folder` (the editor's workspace storage or the
 * `cacheFolder` setting), else in the system's cache folder; one file per set of roots.
 */
export function parseCacheFile(roots: string[], folder: string | undefined): string {
  const name = `parsed-${rootsHash(roots).slice(0, 16)}.cache`;
  return path.join(folder !== undefined && folder !== '' ? folder : path.join(systemCacheFolder(), 'markdown-glossary'), name);
}

function systemCacheFolder(): string {
  if (process.platform === 'win32') return process.env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches');
  return process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
}

export class ParseCache {
  /** Counts for the log: files taken from the cache, and read and parsed. */
  reused = 0;
  parsed = 0;
  /** Whether a document parsed this run is to be cached: the cache is written only then, or when files are gone. */
  private changed = false;
  /** This run's entries for the next cache: where the line is in the previous one, or the document to encode. */
  private readonly current = new Map<string, { stamp: FileStamp; place: EntryPlace; notCacheable?: true } | { stamp: FileStamp; document: ParsedDocument; notCacheable?: undefined }>();
  private readonly notRacyBefore = Date.now() - RACY_MS;

  private constructor(
    private readonly file: string,
    private readonly roots: string[],
    private readonly log: Logger,
    /** The previous cache's bytes, and where each entry is in them, by path as a JSON string. */
    private readonly previous: { bytes: Buffer; places: Map<string, EntryPlace> },
  ) {}

  /**
   * The cache of `file` for these roots; empty when there is none or it is not to be trusted (logged
   * why). Read and checked off the main thread, so it can be read while the workspace is walked.
   */
  static async open(file: string, roots: string[], log: Logger): Promise<ParseCache> {
    let previous: ParseCache['previous'] = { bytes: Buffer.alloc(0), places: new Map() };
    try {
      previous = await readEntries(file, roots);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log(`Discarded the cache of parsed files ${file}: ${(error as Error).message}`);
    }
    return new ParseCache(file, roots, log, previous);
  }

  /**
   * The closed document of a file from the cache, when the file's size, times and inode are those
   * cached, and it was read as the generator of its site reads it (`readerOf`, see `readAsBy`);
   * else undefined, and the file is to be read and parsed, and the result `rememberRead`.
   */
  lookUp(filePath: string, uri: string, maxBytes: number, readerOf: (filePath: string) => Reader | undefined): ParsedDocument | undefined {
    const stats = statOf(filePath);
    if (!stats?.isFile() || stats.size > maxBytes) return undefined;
    const stamp = stampOf(stats);
    const key = JSON.stringify(filePath);
    const place = this.previous.places.get(key);
    if (place !== undefined) {
      this.previous.places.delete(key);
      const document = this.decode(place, uri, stamp, filePath);
      // The file as it was when the cache found its document beyond what the codec holds: parsed again, and kept so.
      if (document === NOT_CACHEABLE) {
        this.current.set(filePath, { stamp, place, notCacheable: true });
        return undefined;
      }
      // Cached before the file's site was what it is: it was not read as MDX, or its opening not as Hugo reads it.
      if (document !== undefined && readAsBy(document, readerOf(filePath))) {
        this.reused++;
        this.current.set(filePath, { stamp, place });
        return document;
      }
    }
    return undefined;
  }

  /** Whether the cache holds entries to look up: if not, every file is to be read and parsed (see `rememberRead`). */
  get hasEntries(): boolean {
    return this.previous.places.size > 0;
  }

  /**
   * What was parsed of a file, with the stamp the file had when it was opened to be read, for the
   * next cache: in place of its entry, unless that entry holds a document beyond what the codec
   * holds (the cache keeps the stamp alone, and is not written again for it).
   */
  rememberRead(filePath: string, stamp: FileStamp, document: ParsedDocument): void {
    this.parsed++;
    if (this.current.get(filePath)?.notCacheable) return;
    // Stamped before the file was read: a change while it was read makes the next start read it again.
    if (stamp.mtimeMs >= this.notRacyBefore) {
      this.current.delete(filePath);
      return;
    }
    this.current.set(filePath, { stamp, document });
    this.changed = true;
  }

  private decode(place: EntryPlace, uri: string, stamp: FileStamp, filePath: string): ParsedDocument | typeof NOT_CACHEABLE | undefined {
    try {
      const data: unknown = JSON.parse(this.previous.bytes.toString('utf8', place[1] + 1, place[2]));
      if (!Array.isArray(data) || data.length !== 5) throw new Error('not an entry');
      if (data[0] !== stamp.size || data[1] !== stamp.mtimeMs || data[2] !== stamp.ctimeMs || data[3] !== stamp.ino) return undefined;
      return data[4] === 0 ? NOT_CACHEABLE : decodeClosedDocument(uri, data[4]);
    } catch (error) {
      this.log(`Discarded the cached parse of ${filePath}: ${(error as Error).message}`);
      return undefined;
    }
  }

  /**
   * Writes this run's entries as the next cache, a batch between turns of the event loop, to a
   * temporary file renamed over the old one; not at all when nothing changed. Entries taken from
   * the cache are copied as they were. Never throws: a cache that cannot be written is logged.
   */
  async save(): Promise<void> {
    // Written also when only files are gone (entries left in `places`), with none left to cache: their documents go with them.
    if (!this.changed && this.previous.places.size === 0) return;
    // Unique, as two windows on one workspace may write at once; the last rename wins, whole.
    const temporary = `${this.file}.${process.pid}-${randomUUID().slice(0, 8)}.tmp`;
    let handle: fs.FileHandle | undefined;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
      // Only this user may read or write it: the cache says what the files hold.
      handle = await fs.open(temporary, 'wx', 0o600);
      const hash = createHash('sha256');
      let bytes = 0;
      let count = 0;
      let batch: Buffer[] = [];
      const flush = async () => {
        const chunk = Buffer.concat(batch);
        batch = [];
        hash.update(chunk);
        await handle!.write(chunk, 0, chunk.length, HEADER_BYTES + 1 + bytes - chunk.length);
      };
      for (const [filePath, entry] of this.current) {
        const line = 'place' in entry ? this.previous.bytes.subarray(entry.place[0], entry.place[2] + 1) : encodedEntry(filePath, entry.stamp, entry.document);
        // Past the cache's size: the file is parsed again at the next start, as are those of any entry not written.
        if (bytes + line.length > MAX_CACHE_BYTES) continue;
        bytes += line.length;
        batch.push(line);
        if (++count % WRITE_BATCH === 0) await flush();
      }
      await flush();
      const header: Header = { magic: MAGIC, format: FORMAT, ...parserIdentity(), roots: rootsHash(this.roots), bytes, sha256: hash.digest('hex') };
      const headerLine = Buffer.from(`${JSON.stringify(header).padEnd(HEADER_BYTES)}\n`);
      if (headerLine.length !== HEADER_BYTES + 1) throw new Error('its header is too long');
      await handle.write(headerLine, 0, headerLine.length, 0);
      await handle.close();
      handle = undefined;
      await fs.rename(temporary, this.file);
      this.log(`Wrote the cache of parsed files: ${count} files, ${bytes} bytes.`);
    } catch (error) {
      await handle?.close().catch(() => undefined);
      await fs.rm(temporary, { force: true }).catch(() => undefined);
      this.log(`Cannot write the cache of parsed files ${this.file}: ${(error as Error).message}`);
    } finally {
      this.current.clear();
      this.previous.places.clear();
    }
  }
}

/**
 * A cache line: the path, the stamp and the document; 0 in its place for a document beyond what the
 * codec holds, so that the next start parses the file without writing the cache again for it.
 */
function encodedEntry(filePath: string, stamp: FileStamp, document: ParsedDocument): Buffer {
  let encoded: unknown;
  try {
    encoded = encodeClosedDocument(document);
  } catch (error) {
    if (!(error instanceof DocumentCodecError)) throw error;
    encoded = 0;
  }
  return Buffer.from(`${JSON.stringify(filePath)}\t${JSON.stringify([stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino, encoded])}\n`);
}

/** An entry of a file whose document the codec does not hold: see `encodedEntry`. */
const NOT_CACHEABLE = Symbol('not cacheable');

/** A file's stat, or undefined for any reason: reading it says why. */
function statOf(filePath: string): Stats | undefined {
  try {
    return statSync(filePath, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** The bytes of a trusted cache file and where each entry is in them, by path; throws why it is not one. */
async function readEntries(file: string, roots: string[]): Promise<ParseCache['previous']> {
  // Not through a link, and not a file another user could have written.
  const handle = await fs.open(file, fsConstants.O_RDONLY | fsConstants.O_NOFOLLOW | fsConstants.O_NONBLOCK);
  let bytes: Buffer;
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new Error('not a regular file');
    if (process.getuid !== undefined && stats.uid !== process.getuid()) throw new Error(`written by another user (uid ${stats.uid})`);
    if (process.platform !== 'win32' && (stats.mode & 0o022) !== 0) throw new Error('other users may write to it');
    if (stats.size > MAX_CACHE_BYTES + HEADER_BYTES + 1) throw new Error('too large');
    bytes = await handle.readFile();
  } finally {
    await handle.close();
  }
  const headerEnd = bytes.indexOf(10);
  let header: Header;
  try {
    header = JSON.parse(bytes.toString('utf8', 0, headerEnd < 0 ? 0 : headerEnd)) as Header;
  } catch {
    throw new Error('no header');
  }
  if (header?.magic !== MAGIC || header.format !== FORMAT) throw new Error('not a cache of this format');
  const identity = parserIdentity();
  if (header.parser !== identity.parser) throw new Error('written by another version');
  if (header.messages !== identity.messages) throw new Error('written in another language');
  if (header.roots !== rootsHash(roots)) throw new Error('written for other workspace folders');
  const body = bytes.subarray(headerEnd + 1);
  // Hashed off the main thread: a 100 MB cache takes a few hundred milliseconds.
  const digest = Buffer.from(await crypto.subtle.digest('SHA-256', body)).toString('hex');
  if (body.length !== header.bytes || digest !== header.sha256) throw new Error('its checksum does not match');
  const places = new Map<string, EntryPlace>();
  for (let start = headerEnd + 1; start < bytes.length; ) {
    const end = bytes.indexOf(10, start);
    if (end < 0) break;
    const tab = bytes.indexOf(9, start);
    if (tab > start && tab < end) places.set(bytes.toString('utf8', start, tab), [start, tab, end]);
    start = end + 1;
  }
  return { bytes, places };
}
