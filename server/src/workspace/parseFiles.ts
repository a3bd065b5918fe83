import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { readerCode, type Reader } from '../common/generator';
import { fileUri } from '../common/uris';
import { closedDocument, type ParsedDocument } from '../parsing/document';
import { decodeClosedDocument, type EncodedDocument } from '../parsing/documentCodec';
import { readStampedFileNow, textOf, type FileStamp, type Logger } from './fileReading';
import type { ParseCache } from './parseCache';
import { bundleOfMessages } from './translations';

/**
 * A file parsed as the index keeps it (`closedDocument`), with the stamp it had when it was opened
 * to be read; no stamp when its document was taken from the cache of parsed files.
 */
export interface ParsedFile {
  filePath: string;
  document: ParsedDocument;
  stamp: FileStamp | undefined;
}

/** What the main thread asks of the parsing thread (`parseWorker.ts`). */
export interface ParseRequest {
  paths: readonly string[];
  /** How each file is read, as its site's generator reads it (see `readerCode`). */
  readers: Uint8Array;
  maxBytes: number;
  batchSize: number;
  maxBatchesAhead: number;
  /** One Int32: how many batches the main thread has taken. */
  consumed: SharedArrayBuffer;
  /** Where the main thread sends back each batch's buffer once it has read it. */
  returned: MessagePort;
  messages: Record<string, string>;
}

/**
 * One file of a batch: its stamp and encoded document; 0 when it was not read (the batch's logs say
 * why); 1 when its document is beyond what the encoding holds (`encodeClosedDocument`), to be
 * parsed by the main thread; the message of an error parsing it threw.
 */
export type ParsedFileData = [size: number, mtimeMs: number, ctimeMs: number, ino: number, document: EncodedDocument] | 0 | 1 | string;

/** One batch of the parsing thread's: `ParsedFileData[]` as JSON in the first `byteLength` bytes of `buffer`, and why files were not read (by their place in the batch). */
export interface ParseBatch {
  logs: Array<[file: number, message: string]>;
  buffer: ArrayBuffer;
  byteLength: number;
}

/**
 * Files parsed between two turns of the main thread's event loop: short enough for requests to be
 * answered between batches.
 */
const BATCH_SIZE = 32;
/** How far the parsing thread may work ahead of the main thread: 512 files. */
const MAX_BATCHES_AHEAD = 16;
/**
 * Below this many files, the thread costs more than it saves: it takes a while to start, and the
 * main thread waits for its first batch. Ready, in this thread / with the thread, on the bench's
 * glossaries (medians of 6-8 alternating start-ups): 1k files 424 / 536 ms, 3k 692 / 804 ms, 6k
 * 1032 / 1064 ms, 10k 1562 / 1341 ms, 100k 11.4-13.8 / 7.3-7.4 s (docs/performance.md).
 */
const MIN_FILES_FOR_THREAD = 8000;

/** Where the parsing thread's bundle is, and from how many files on it is started. */
export interface ParsingThread {
  /** By default beside the running bundle (dist/); absent when running from the sources, where files are parsed in this thread. */
  workerFile?: string;
  minFiles?: number;
}

/** How files are read: as the index keeps them, from the cache of parsed files where it holds them. */
interface Reading {
  readerOf: (filePath: string) => Reader | undefined;
  log: Logger;
  maxBytes: number;
  cache: ParseCache | undefined;
}

/**
 * Reads and parses files as the index keeps them, in batches, in order, logging why a file is
 * skipped or cannot be parsed; a file the cache of parsed files holds as it is now is taken from
 * it. Where there are many and no cache to look them up in, a thread of its own reads and parses
 * them while the caller indexes what was parsed: both cores work. Should that thread fail, the
 * rest is read and parsed here.
 */
export async function* parseFilesInBatches(paths: readonly string[], readerOf: (filePath: string) => Reader | undefined, log: Logger, maxBytes: number, thread: ParsingThread = {}, cache?: ParseCache): AsyncGenerator<ParsedFile[]> {
  let next = 0;
  const reading: Reading = { readerOf, log, maxBytes, cache };
  const { workerFile = path.join(__dirname, 'parseWorker.js'), minFiles = MIN_FILES_FOR_THREAD } = thread;
  // Not where the cache has entries: with the stamps taken and compared in the thread, a warm start at
  // 10k files was ready in 1054 ms against 959 here, and at 100k in 6.8 s against 6.7 (medians of 6 and 2).
  const parser = paths.length >= minFiles && !cache?.hasEntries ? startParser(paths, reading, workerFile) : undefined;
  try {
    while (parser !== undefined && next < paths.length) {
      const batch = await parser.next();
      if (batch === undefined) break;
      const batchPaths = paths.slice(next, next + BATCH_SIZE);
      next += batchPaths.length;
      const data = batchData(batch, parser);
      const files: ParsedFile[] = [];
      for (const [offset, filePath] of batchPaths.entries()) {
        // What this thread would have logged for the file, in the same order: why it was not read, else why it is not indexed.
        if (data !== undefined) for (const [file, message] of batch.logs) if (file === offset) log(message);
        const fileData = data === undefined ? 1 : data[offset];
        const file =
          fileData === 0 ? undefined
          : fileData === 1 ? parsedFile(filePath, reading)
          : typeof fileData === 'string' ? void log(cannotIndex(filePath, fileData))
          : decodedFile(filePath, fileData, reading);
        if (file !== undefined) files.push(file);
      }
      yield files;
    }
  } finally {
    void parser?.stop();
  }
  for (; next < paths.length; next += BATCH_SIZE) {
    const files: ParsedFile[] = [];
    for (const filePath of paths.slice(next, next + BATCH_SIZE)) {
      const file = reading.cache?.hasEntries ? cachedFile(filePath, reading) : parsedFile(filePath, reading);
      if (file !== undefined) files.push(file);
    }
    yield files;
  }
}

/** What a batch holds, its buffer handed back; undefined should it not read (it always does), and its files are parsed here. */
function batchData(batch: ParseBatch, parser: Parser): ParsedFileData[] | undefined {
  try {
    return JSON.parse(Buffer.from(batch.buffer, 0, batch.byteLength).toString('utf8')) as ParsedFileData[];
  } catch {
    return undefined;
  } finally {
    parser.giveBack(batch.buffer);
  }
}

/**
 * The size of a thread's stack for V8 to allow this thread's depth of calls: V8's limit here
 * (`--stack-size`, 984 KB unless set), and the 192 KB Node keeps below a worker's limit.
 */
function mainStackMb(): number {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  const set = flags.map((flag) => /^--stack[-_]size=(\d+)$/.exec(flag)?.[1]).filter((size) => size !== undefined);
  return (Number(set.at(-1) ?? 984) + 192) / 1024;
}

/** Why a file is not indexed: what parsing or indexing it threw. */
export function cannotIndex(filePath: string, message: string): string {
  return `Cannot index ${filePath}: ${message}`;
}

function parsedFile(filePath: string, { readerOf, log, maxBytes }: Reading): ParsedFile | undefined {
  const read = readStampedFileNow(filePath, log, maxBytes);
  if (read === undefined) return undefined;
  try {
    return { filePath, document: closedDocument(fileUri(filePath), textOf(read.bytes), readerOf(filePath)), stamp: read.stamp };
  } catch (error) {
    // Parsing never throws by design; should it still, one file must not keep the rest from the index.
    log(cannotIndex(filePath, error instanceof Error ? error.message : String(error)));
    return undefined;
  }
}

/** A file from the cache of parsed files, when it holds the file as it is; else read and parsed here. */
function cachedFile(filePath: string, reading: Reading): ParsedFile | undefined {
  let document: ParsedDocument | undefined;
  try {
    document = reading.cache?.lookUp(filePath, fileUri(filePath), reading.maxBytes, reading.readerOf);
  } catch (error) {
    // Looking up never throws by design; should it still, the file is read as without a cache.
    reading.log(`Parsing ${filePath} again: ${error instanceof Error ? error.message : String(error)}`);
  }
  return document !== undefined ? { filePath, document, stamp: undefined } : parsedFile(filePath, reading);
}

/** A file the thread parsed; parsed here again should its data not decode (it always does: the cache's tests hold the encoding exact). */
function decodedFile(filePath: string, [size, mtimeMs, ctimeMs, ino, encoded]: Exclude<ParsedFileData, 0 | 1 | string>, reading: Reading): ParsedFile | undefined {
  try {
    return { filePath, document: decodeClosedDocument(fileUri(filePath), encoded), stamp: { size, mtimeMs, ctimeMs, ino } };
  } catch (error) {
    reading.log(`Parsing ${filePath} again: ${(error as Error).message}`);
    return parsedFile(filePath, reading);
  }
}

interface Parser {
  /** The next batch, or undefined when the thread stopped before sending it. */
  next(): Promise<ParseBatch | undefined>;
  /** Hands a batch's buffer back to the thread, to write another batch to. */
  giveBack(buffer: ArrayBuffer): void;
  stop(): Promise<number>;
}

function startParser(paths: readonly string[], { readerOf, log, maxBytes }: Reading, workerFile: string): Parser | undefined {
  if (!existsSync(workerFile)) return undefined;
  let consumed: SharedArrayBuffer;
  let worker: Worker;
  try {
    // Absent where the runtime is told to leave it out (--no-harmony-sharedarraybuffer): no thread then.
    consumed = new SharedArrayBuffer(4);
    worker = new Worker(workerFile, {
      // Its output is not the server's (stdout carries the protocol): whatever a library prints there is dropped.
      stdout: true,
      stderr: true,
      // The stack of this thread, so that a page nested deep enough to exhaust it (MDX's parser recurses) is read alike;
      // a heap that holds a batch, should a hostile file make its parse grow without end; and a young generation
      // of 8 MB: at 10k files, peak RSS 194 -> 187 MiB, ready 1394 / 1388 ms (medians of 8 alternating start-ups).
      resourceLimits: { stackSizeMb: mainStackMb(), maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 8 },
    });
    worker.stdout.resume();
    worker.stderr.resume();
  } catch (error) {
    log(`Parsing files in this thread: ${(error as Error).message}`);
    return undefined;
  }
  const batchesConsumed = new Int32Array(consumed);
  const expected = Math.ceil(paths.length / BATCH_SIZE);
  const arrived: ParseBatch[] = [];
  let received = 0;
  let waiting: ((batch: ParseBatch | undefined) => void) | undefined;
  let stopped = false;
  const end = (reason: string) => {
    if (stopped) return;
    stopped = true;
    if (received < expected) log(`Parsing the rest of the files in this thread: the parsing thread stopped (${reason}).`);
    waiting?.(undefined);
    waiting = undefined;
  };
  worker.on('message', (batch: ParseBatch) => {
    received++;
    if (waiting !== undefined) {
      waiting(batch);
      waiting = undefined;
    } else arrived.push(batch);
  });
  worker.on('error', (error) => end(error.message));
  worker.on('exit', (code) => end(`exit code ${code}`));
  const returns = new MessageChannel();
  const request: ParseRequest = {
    paths,
    readers: Uint8Array.from(paths, (filePath) => readerCode(readerOf(filePath))),
    maxBytes,
    batchSize: BATCH_SIZE,
    maxBatchesAhead: MAX_BATCHES_AHEAD,
    consumed,
    returned: returns.port2,
    messages: bundleOfMessages(),
  };
  worker.postMessage(request, [returns.port2]);
  return {
    async next() {
      const batch = arrived.shift() ?? (stopped ? undefined : await new Promise<ParseBatch | undefined>((resolve) => (waiting = resolve)));
      if (batch !== undefined) {
        // The thread may parse one more batch ahead.
        Atomics.add(batchesConsumed, 0, 1);
        Atomics.notify(batchesConsumed, 0);
      }
      return batch;
    },
    giveBack(buffer) {
      if (!stopped) returns.port1.postMessage(buffer, [buffer]);
    },
    stop() {
      stopped = true;
      returns.port1.close();
      return worker.terminate();
    },
  };
}
