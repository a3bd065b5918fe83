// The thread that reads and parses a workspace's files while the main thread indexes them (see
// `parseFiles.ts`). What it parsed crosses over as the cache's encoding, in a buffer handed back
// and forth: cloned objects cost the main thread about what parsing them did.
import { parentPort, receiveMessageOnPort } from 'node:worker_threads';
import { fileUri } from '../common/uris';
import { closedDocument } from '../parsing/document';
import { encodeClosedDocument } from '../parsing/documentCodec';
import { readStampedFileNow, textOf } from './fileReading';
import type { ParseBatch, ParseRequest, ParsedFileData } from './parseFiles';
import { useBundle } from './translations';

/** The smallest buffer a batch is written to: most batches of glossary entries fit. */
const MIN_BUFFER_BYTES = 512 * 1024;

parentPort?.once('message', ({ paths, readsMdx, maxBytes, batchSize, maxBatchesAhead, consumed, returned, messages }: ParseRequest) => {
  // The parser's diagnostics are written in the main thread's language.
  useBundle(messages);
  const batchesConsumed = new Int32Array(consumed);
  // The buffers the main thread has read come back, to be written again: no new memory per batch.
  const free: ArrayBuffer[] = [];
  const bufferOf = (byteLength: number): ArrayBuffer => {
    for (let message = receiveMessageOnPort(returned); message !== undefined; message = receiveMessageOnPort(returned)) free.push(message.message as ArrayBuffer);
    const fitting = free.findIndex((buffer) => buffer.byteLength >= byteLength);
    return fitting >= 0 ? free.splice(fitting, 1)[0] : new ArrayBuffer(Math.max(byteLength, MIN_BUFFER_BYTES));
  };
  for (let start = 0, sent = 0; start < paths.length; start += batchSize, sent++) {
    // Wait while the main thread has this many batches to go: what is parsed ahead stays bounded.
    for (let done = Atomics.load(batchesConsumed, 0); sent - done >= maxBatchesAhead; done = Atomics.load(batchesConsumed, 0)) Atomics.wait(batchesConsumed, 0, done);
    const logs: string[] = [];
    const files: ParsedFileData[] = [];
    for (let at = start; at < Math.min(paths.length, start + batchSize); at++) {
      const read = readStampedFileNow(paths[at], (message) => logs.push(message), maxBytes);
      if (read === undefined) {
        files.push(0);
        continue;
      }
      try {
        const { size, mtimeMs, ctimeMs, ino } = read.stamp;
        files.push([size, mtimeMs, ctimeMs, ino, encodeClosedDocument(closedDocument(fileUri(paths[at]), textOf(read.bytes), readsMdx[at] === 1))]);
      } catch (error) {
        // Parsing never throws by design; should it still, the main thread says so, as for its own.
        files.push(error instanceof Error ? error.message : String(error));
      }
    }
    const json = JSON.stringify(files);
    const buffer = bufferOf(Buffer.byteLength(json));
    const byteLength = Buffer.from(buffer).write(json);
    parentPort!.postMessage({ logs, buffer, byteLength } satisfies ParseBatch, [buffer]);
  }
});
