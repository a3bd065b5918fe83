/**
 * A small Language Server Protocol client for tests: starts the bundled server (dist/server.js, or
 * any other entry such as `dist/cli.js server`) over stdio and speaks JSON-RPC with it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { after, before } from 'node:test';
import * as path from 'node:path';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  DidCloseTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  CompletionRequest,
  HoverRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type FileEvent,
  type Hover,
  type InitializeResult,
  type Position,
  type Range,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { createWorkspace, type Workspace } from './fixtures';

/** The repository root: test/support/ is two levels below it. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SERVER_JS = path.join(REPO_ROOT, 'dist', 'server.js');
export const CLI_JS = path.join(REPO_ROOT, 'dist', 'cli.js');

export interface StartOptions {
  /** Workspace folders, as file system paths. */
  workspaceFolders: string[];
  /** The `locale` sent in `initialize`, e.g. "de". */
  locale?: string;
  initializationOptions?: unknown;
  /** Arguments after `node`; default: `dist/server.js --stdio`. */
  args?: string[];
  /** Timeout for `initialize` to answer. */
  initializeTimeoutMs?: number;
  /** The `processId` of the editor the server is to watch; default: this test process. */
  processId?: number;
  /** Offer to watch files for the server, as Neovim and VS Code do: it registers its globs (see `LspClient.watchedGlobs`). */
  watchesFiles?: boolean;
  /** Say that completions may be snippets with tab stops, as VS Code does; default: plain text only. */
  snippets?: boolean;
  /** The formats hovers and completion documentation are shown in; default: Markdown or plain text. ALE: plain text only. */
  markupFormats?: Array<'markdown' | 'plaintext'>;
  /** The files a workspace edit may create, rename or delete; default: all, as VS Code and Neovim say. ALE and Eglot 1.9: none. */
  resourceOperations?: Array<'create' | 'rename' | 'delete'>;
}

type DiagnosticsListener = () => void;

let cacheHome: string | undefined;

/** A cache folder for the servers of this test process, removed when it exits. */
function testCacheHome(): string {
  if (cacheHome === undefined) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'md-glossary-cache-home-'));
    process.on('exit', () => fs.rmSync(folder, { recursive: true, force: true }));
    cacheHome = folder;
  }
  return cacheHome;
}

export class LspClient {
  readonly logMessages: string[] = [];
  /** The globs the server registered for watched files (with `StartOptions.watchesFiles`). */
  readonly watchedGlobs: string[] = [];
  /** The latest published diagnostics per URI (as the server spelled it). */
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** How many times diagnostics were published per URI. */
  readonly publications = new Map<string, number>();
  /** Everything the server wrote to stderr, for failure messages. */
  stderr = '';
  initializeResult: InitializeResult | undefined;

  private readonly listeners = new Set<DiagnosticsListener>();
  private readonly logListeners = new Set<() => void>();
  private readonly exited: Promise<number | null>;
  private hasExited = false;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {
    this.exited = new Promise((resolve) => {
      process.once('exit', (code) => {
        this.hasExited = true;
        resolve(code);
      });
    });
    // A server that dies mid-test must fail the test, not crash the runner with EPIPE.
    process.stdin?.on('error', () => undefined);
    process.stderr?.setEncoding('utf8');
    process.stderr?.on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, diagnostics }) => {
      this.diagnostics.set(canonical(uri), diagnostics);
      this.publications.set(canonical(uri), (this.publications.get(canonical(uri)) ?? 0) + 1);
      for (const listener of [...this.listeners]) listener();
    });
    connection.onNotification(LogMessageNotification.type, ({ message }) => {
      this.logMessages.push(message);
      for (const listener of [...this.logListeners]) listener();
    });
    // The server may ask for things a real client offers; answer harmlessly.
    connection.onRequest('client/registerCapability', (params: { registrations: Array<{ method: string; registerOptions?: { watchers?: Array<{ globPattern: string }> } }> }) => {
      for (const registration of params.registrations) {
        if (registration.method === 'workspace/didChangeWatchedFiles') this.watchedGlobs.push(...(registration.registerOptions?.watchers ?? []).map((watcher) => watcher.globPattern));
      }
      for (const listener of [...this.logListeners]) listener();
      return null;
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.onRequest('window/workDoneProgress/create', () => null);
  }

  /** Spawns the server, sends `initialize` and `initialized`. */
  static async start(options: StartOptions): Promise<LspClient> {
    const child = spawn(process.execPath, options.args ?? [SERVER_JS, '--stdio'], {
      cwd: REPO_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
      // The cache of parsed files goes to the system's cache folder by default: not the user's for tests.
      env: { ...process.env, XDG_CACHE_HOME: testCacheHome() },
    });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection);
    connection.listen();
    try {
      const workspaceFolders = options.workspaceFolders.map((folder) => ({
        uri: URI.file(folder).toString(),
        name: path.basename(folder),
      }));
      client.initializeResult = await withTimeout(
        connection.sendRequest(InitializeRequest.type, {
          processId: options.processId ?? process.pid,
          rootUri: workspaceFolders[0]?.uri ?? null,
          workspaceFolders,
          locale: options.locale,
          initializationOptions: options.initializationOptions,
          capabilities: {
            workspace: {
              configuration: false,
              workspaceFolders: true,
              didChangeWatchedFiles: { dynamicRegistration: options.watchesFiles === true },
              workspaceEdit: { documentChanges: true, resourceOperations: options.resourceOperations ?? ['create', 'rename', 'delete'] },
            },
            textDocument: {
              synchronization: { dynamicRegistration: false, didSave: false },
              hover: { contentFormat: options.markupFormats ?? ['markdown', 'plaintext'] },
              completion: { completionItem: { snippetSupport: options.snippets === true, documentationFormat: options.markupFormats ?? ['markdown', 'plaintext'] } },
              publishDiagnostics: { relatedInformation: true },
            },
          },
        }),
        options.initializeTimeoutMs ?? 10_000,
        () => `initialize did not answer. stderr:\n${client.stderr}`,
      );
      await connection.sendNotification(InitializedNotification.type, {});
    } catch (error) {
      await client.shutdown().catch(() => undefined);
      throw error;
    }
    return client;
  }

  /** Waits for the server's "Indexed N Markdown files" log line; returns N. */
  async waitForIndex(timeoutMs = 10_000): Promise<number> {
    const message = await this.waitForLog(/Indexed \d+ Markdown files/, timeoutMs);
    return Number(/Indexed (\d+)/.exec(message)![1]);
  }

  /** Waits for a log message (window/logMessage) matching a pattern; earlier messages count too. */
  waitForLog(pattern: RegExp, timeoutMs = 10_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.logMessages.find((message) => pattern.test(message));
        if (found === undefined) return false;
        cleanup();
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`No log message matching ${pattern} within ${timeoutMs} ms. Log:\n${this.logMessages.join('\n')}\nstderr:\n${this.stderr}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.logListeners.delete(check);
      };
      if (!check()) this.logListeners.add(check);
    });
  }

  /**
   * Waits until the diagnostics published for a URI satisfy a predicate. Diagnostics published
   * before the call count; a URI with no publication yet is seen as `undefined`.
   */
  waitForDiagnostics(
    uri: string,
    predicate: (diagnostics: Diagnostic[] | undefined) => boolean,
    timeoutMs = 5_000,
  ): Promise<Diagnostic[]> {
    const key = canonical(uri);
    return new Promise((resolve, reject) => {
      const check = () => {
        const current = this.diagnostics.get(key);
        if (!predicate(current)) return false;
        cleanup();
        resolve(current ?? []);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(
            `Diagnostics for ${uri} did not satisfy the predicate within ${timeoutMs} ms; last: ${JSON.stringify(this.diagnostics.get(key))}`,
          ),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      if (!check()) this.listeners.add(check);
    });
  }

  async open(uri: string, text: string, languageId = 'markdown', version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version, text },
    });
  }

  /** Replaces the whole text of an open document. */
  async change(uri: string, version: number, text: string): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  /** Applies one incremental change (a range replaced by text), as VS Code sends them. */
  async changeRange(uri: string, version: number, range: Range, text: string): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async didChangeWatchedFiles(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  hover(uri: string, position: Position, timeoutMs = 5_000): Promise<Hover | null> {
    return withTimeout(
      this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }),
      timeoutMs,
      () => `hover did not answer. stderr:\n${this.stderr}`,
    );
  }

  completion(uri: string, position: Position, timeoutMs = 5_000): Promise<CompletionList | CompletionItem[] | null> {
    return withTimeout(
      this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }),
      timeoutMs,
      () => `completion did not answer. stderr:\n${this.stderr}`,
    );
  }

  /** Sends shutdown and exit, and waits for the process to end; kills it after the timeout. Returns the exit code. */
  async shutdown(timeoutMs = 3_000): Promise<number | null> {
    if (!this.hasExited) {
      try {
        await withTimeout(this.connection.sendRequest(ShutdownRequest.type), timeoutMs, () => 'shutdown did not answer');
        await this.connection.sendNotification(ExitNotification.type);
      } catch {
        // The process is killed below if it does not end.
      }
    }
    const timer = setTimeout(() => {
      if (!this.hasExited) this.process.kill('SIGKILL');
    }, timeoutMs);
    const code = await this.exited;
    clearTimeout(timer);
    this.connection.dispose();
    return code;
  }

  /** Resolves with the exit code once the process has ended by itself; rejects after the timeout. */
  waitForExit(timeoutMs: number): Promise<number | null> {
    return withTimeout(this.exited, timeoutMs, () => `the server still runs after ${timeoutMs} ms`);
  }

  get exitedAlready(): boolean {
    return this.hasExited;
  }
}

/** The items of a completion answer, whichever shape it has. */
export function completionItems(result: CompletionList | CompletionItem[] | null): CompletionItem[] {
  if (result === null) return [];
  return Array.isArray(result) ? result : result.items;
}

/** A line as accepting a completion item (its text edit, on that line) leaves it. */
export function acceptedOn(line: string, item: CompletionItem | undefined): string | undefined {
  const edit = item?.textEdit;
  if (edit === undefined || !('range' in edit)) return undefined;
  return line.slice(0, edit.range.start.character) + edit.newText + line.slice(edit.range.end.character);
}

/** The Markdown text of a hover answer. */
export function hoverText(hover: Hover | null): string {
  if (hover === null) return '';
  const { contents } = hover;
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map((part) => (typeof part === 'string' ? part : part.value)).join('\n');
  return contents.value;
}

/** Polls an async function until its result satisfies a predicate. */
export async function eventually<T>(
  produce: () => Promise<T>,
  predicate: (value: T) => boolean,
  timeoutMs = 5_000,
  intervalMs = 25,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await produce();
  while (!predicate(last)) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    last = await produce();
  }
  return last;
}

function canonical(uri: string): string {
  return URI.parse(uri).toString();
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message())), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A workspace of the given files and a server started on it, for the tests of one `describe`
 * block: made before them, shut down and deleted after them. `prepare` may add to the folder
 * (links, pipes) before the server starts.
 */
export function serverOn(
  files: Record<string, string>,
  options: Omit<StartOptions, 'workspaceFolders'> & { prepare?: (workspace: Workspace) => void } = {},
): { readonly ws: Workspace; readonly client: LspClient } {
  const started = {} as { ws: Workspace; client: LspClient };
  before(async () => {
    started.ws = createWorkspace(files);
    options.prepare?.(started.ws);
    started.client = await LspClient.start({ ...options, workspaceFolders: [started.ws.root] });
  });
  after(async () => {
    await started.client?.shutdown();
    started.ws?.dispose();
  });
  return started;
}
