// The thread that reads and parses a workspace's files while the main thread indexes them (see
// `parseFiles.ts`). What it parsed crosses over as the cache's encoding, in a buffer handed back
// and forth: cloned objects cost the main thread about what parsing them did.
import { parentPort, receiveMessageOnPort } from 'node:worker_threads';
import { readerOfCode, type Reader } from '../common/generator';
import { fileUri } from '../common/uris';
import { closedDocument, type ParsedDocument } from '../parsing/document';
import { DocumentCodecError, encodeClosedDocument } from '../parsing/documentCodec';
import { readStampedFileNow, textOf, type FileStamp } from './fileReading';
import type { ParseBatch, ParseRequest, ParsedFileData } from './parseFiles';
import { useBundle } from './translations';

/** The smallest buffer a batch is written to: most batches of glossary entries fit. */
const MIN_BUFFER_BYTES = 512 * 1024;
/** The buffers handed back that are kept, the largest: in the steady state one comes back for each batch written. */
const MAX_FREE_BUFFERS = 2;

/** What the main thread is sent of one file read: see `ParsedFileData`. */
function parsedFileData(filePath: string, bytes: Buffer, stamp: FileStamp, reader: Reader | undefined): ParsedFileData {
  let document: ParsedDocument;
  try {
    document = closedDocument(fileUri(filePath), textOf(bytes), reader);
  } catch (error) {
    // Parsing never throws by design; should it still, the main thread says so, as for its own.
    return error instanceof Error ? error.message : String(error);
  }
  try {
    return [stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino, encodeClosedDocument(document)];
  } catch (error) {
    if (error instanceof DocumentCodecError) return 1;
    throw error;
  }
}

parentPort?.once('message', ({ paths, readers, maxBytes, batchSize, maxBatchesAhead, consumed, returned, messages }: ParseRequest) => {
  // The parser's diagnostics are written in the main thread's language.
  useBundle(messages);
  const batchesConsumed = new Int32Array(consumed);
  // The buffers the main thread has read come back, to be written again: no new memory per batch.
  // Of those, the largest few are kept: batches that grow do not leave a trail of smaller buffers.
  const free: ArrayBuffer[] = [];
  const bufferOf = (byteLength: number): ArrayBuffer => {
    for (let message = receiveMessageOnPort(returned); message !== undefined; message = receiveMessageOnPort(returned)) free.push(message.message as ArrayBuffer);
    free.sort((a, b) => a.byteLength - b.byteLength).splice(0, Math.max(0, free.length - MAX_FREE_BUFFERS));
    const fitting = free.findIndex((buffer) => buffer.byteLength >= byteLength);
    return fitting >= 0 ? free.splice(fitting, 1)[0] : new ArrayBuffer(Math.max(byteLength, MIN_BUFFER_BYTES));
  };
  for (let start = 0, sent = 0; start < paths.length; start += batchSize, sent++) {
    // Wait while the main thread has this many batches to go: what is parsed ahead stays bounded.
    for (let done = Atomics.load(batchesConsumed, 0); sent - done >= maxBatchesAhead; done = Atomics.load(batchesConsumed, 0)) Atomics.wait(batchesConsumed, 0, done);
    const logs: ParseBatch['logs'] = [];
    const files: ParsedFileData[] = [];
    for (let at = start; at < Math.min(paths.length, start + batchSize); at++) {
      const read = readStampedFileNow(paths[at], (message) => logs.push([at - start, message]), maxBytes);
      files.push(read === undefined ? 0 : parsedFileData(paths[at], read.bytes, read.stamp, readerOfCode(readers[at])));
    }
    const json = JSON.stringify(files);
    const buffer = bufferOf(Buffer.byteLength(json));
    const byteLength = Buffer.from(buffer).write(json);
    parentPort!.postMessage({ logs, buffer, byteLength } satisfies ParseBatch, [buffer]);
  }
});
