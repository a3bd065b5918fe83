import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { fileUri } from '../common/uris';
import { closedDocument, type ParsedDocument } from '../parsing/document';
import { decodeClosedDocument, type EncodedDocument } from '../parsing/documentCodec';
import { readStampedFileNow, textOf, type FileStamp, type Logger } from './fileReading';
import { bundleOfMessages } from './translations';

/** A file read and parsed as the index keeps it (`closedDocument`), with the stamp it had when it was opened. */
export interface ParsedFile {
  filePath: string;
  document: ParsedDocument;
  stamp: FileStamp;
}

/** What the main thread asks of the parsing thread (`parseWorker.ts`). */
export interface ParseRequest {
  paths: readonly string[];
  /** 1 where the file is read as MDX too (it lies in a Docusaurus site), else 0. */
  readsMdx: Uint8Array;
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
 * why); the message of an error parsing it threw.
 */
export type ParsedFileData = [size: number, mtimeMs: number, ctimeMs: number, ino: number, document: EncodedDocument] | 0 | string;

/** One batch of the parsing thread's: `ParsedFileData[]` as JSON in the first `byteLength` bytes of `buffer`, and why files were not read. */
export interface ParseBatch {
  logs: string[];
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

/**
 * Reads and parses files as the index keeps them, in batches, in order, logging why a file is
 * skipped or cannot be parsed. Where there are many, a thread of its own reads and parses them
 * while the caller indexes what was parsed: both cores work. Should that thread fail, the rest is
 * read and parsed here.
 */
export async function* parseFilesInBatches(paths: readonly string[], readsMdx: (filePath: string) => boolean, log: Logger, maxBytes: number, thread: ParsingThread = {}): AsyncGenerator<ParsedFile[]> {
  let next = 0;
  const { workerFile = path.join(__dirname, 'parseWorker.js'), minFiles = MIN_FILES_FOR_THREAD } = thread;
  const parser = paths.length >= minFiles ? startParser(paths, readsMdx, maxBytes, workerFile, log) : undefined;
  try {
    while (parser !== undefined && next < paths.length) {
      const batch = await parser.next();
      if (batch === undefined) break;
      for (const message of batch.logs) log(message);
      const data = JSON.parse(Buffer.from(batch.buffer, 0, batch.byteLength).toString('utf8')) as ParsedFileData[];
      parser.giveBack(batch.buffer);
      const files: ParsedFile[] = [];
      for (const fileData of data) {
        const filePath = paths[next++];
        const file = fileData === 0 ? undefined : typeof fileData === 'string' ? void log(cannotIndex(filePath, fileData)) : decodedFile(filePath, fileData, maxBytes, readsMdx, log);
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
      const file = parsedHere(filePath, maxBytes, readsMdx, log);
      if (file !== undefined) files.push(file);
    }
    yield files;
  }
}

/** Why a file is not indexed: what parsing or indexing it threw. */
export function cannotIndex(filePath: string, message: string): string {
  return `Cannot index ${filePath}: ${message}`;
}

function parsedHere(filePath: string, maxBytes: number, readsMdx: (filePath: string) => boolean, log: Logger): ParsedFile | undefined {
  const read = readStampedFileNow(filePath, log, maxBytes);
  if (read === undefined) return undefined;
  try {
    return { filePath, document: closedDocument(fileUri(filePath), textOf(read.bytes), readsMdx(filePath)), stamp: read.stamp };
  } catch (error) {
    // Parsing never throws by design; should it still, one file must not keep the rest from the index.
    log(cannotIndex(filePath, error instanceof Error ? error.message : String(error)));
    return undefined;
  }
}

/** A file the thread parsed; parsed here again should its data not decode (it always does: the cache's tests hold the encoding exact). */
function decodedFile(filePath: string, [size, mtimeMs, ctimeMs, ino, encoded]: Exclude<ParsedFileData, 0 | string>, maxBytes: number, readsMdx: (filePath: string) => boolean, log: Logger): ParsedFile | undefined {
  try {
    return { filePath, document: decodeClosedDocument(fileUri(filePath), encoded), stamp: { size, mtimeMs, ctimeMs, ino } };
  } catch (error) {
    log(`Parsing ${filePath} again: ${(error as Error).message}`);
    return parsedHere(filePath, maxBytes, readsMdx, log);
  }
}

interface Parser {
  /** The next batch, or undefined when the thread stopped before sending it. */
  next(): Promise<ParseBatch | undefined>;
  /** Hands a batch's buffer back to the thread, to write another batch to. */
  giveBack(buffer: ArrayBuffer): void;
  stop(): Promise<number>;
}

function startParser(paths: readonly string[], readsMdx: (filePath: string) => boolean, maxBytes: number, workerFile: string, log: Logger): Parser | undefined {
  if (!existsSync(workerFile)) return undefined;
  let worker: Worker;
  try {
    // Its output is not the server's (stdout carries the protocol): whatever a library prints there is dropped.
    worker = new Worker(workerFile, { stdout: true, stderr: true });
    worker.stdout.resume();
    worker.stderr.resume();
  } catch (error) {
    log(`Parsing files in this thread: ${(error as Error).message}`);
    return undefined;
  }
  const consumed = new SharedArrayBuffer(4);
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
    readsMdx: Uint8Array.from(paths, (filePath) => (readsMdx(filePath) ? 1 : 0)),
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
