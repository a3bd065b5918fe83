import { createConnection, ProposedFeatures, StreamMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';
import { tuneGarbageCollection } from '../common/garbageCollection';
import { uriToFsPath } from '../common/uris';
import { readTextFileNow } from '../workspace/fileReading';
import { PositionTranslation } from './positionEncoding';
import { keepRunningOnUnexpectedErrors, startServer } from './server';

tuneGarbageCollection();
keepRunningOnUnexpectedErrors();
if (process.argv.includes('--stdio')) {
  // Over stdio (every editor but VS Code), positions are translated for a client that counts
  // columns otherwise (`initializationOptions.positionEncoding`).
  const translation = new PositionTranslation((uri) => (uri.startsWith('file:') ? readTextFileNow(uriToFsPath(uri), () => undefined) : undefined));
  const output: MessageWriter = translation.writer(new StreamMessageWriter(process.stdout));
  // Anything written to the console would corrupt stdout's messages.
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) console[method] = (...args: unknown[]) => void process.stderr.write(`${args.map(String).join(' ')}\n`);
  const options = { messageStrategy: { handleMessage: (message: Message, next: (message: Message) => void) => next(translation.incoming(message)) } };
  // stdin as a stream, not a reader, so that the library ends the server when it closes. Its types
  // take two streams or a reader and a writer; it takes one of each as well.
  startServer(createConnection(ProposedFeatures.all, process.stdin, output as unknown as NodeJS.WritableStream, options));
} else {
  // The transport (--node-ipc, --socket=N, --pipe) is chosen from the command line.
  startServer(createConnection(ProposedFeatures.all));
}
