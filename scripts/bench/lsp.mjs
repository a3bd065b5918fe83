// A minimal Language Server Protocol client for the benchmark: JSON-RPC over the stdio of a
// spawned server, with nothing between the pipe and the clock. It answers the requests an editor
// answers (registerCapability, workDoneProgress/create, configuration; others through
// `requestHandlers`) and records log messages and published diagnostics with the time they arrived.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const HEADER_END = Buffer.from('\r\n\r\n');

export class LspClient {
  /** @param {import('node:child_process').ChildProcess} child */
  constructor(child, spawnedAt) {
    this.child = child;
    this.spawnedAt = spawnedAt;
    this.nextId = 1;
    this.pending = new Map();
    this.logs = [];
    this.logWaiters = [];
    /** uri (decoded) -> { diagnostics, at } */
    this.diagnostics = new Map();
    this.diagnosticsCount = 0;
    this.diagnosticsListeners = new Set();
    this.stderr = '';
    /** method -> (params) => result or a promise of it: the server's own requests a client must answer. */
    this.requestHandlers = new Map();
    this.buffer = Buffer.alloc(0);
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    this.hasExited = false;
    child.once('exit', () => {
      this.hasExited = true;
      for (const { reject } of this.pending.values()) reject(new Error(`server exited; stderr:\n${this.stderr}`));
      this.pending.clear();
    });
    child.stdin.on('error', () => undefined);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      if (this.stderr.length < 100_000) this.stderr += chunk;
    });
    child.stdout.on('data', (chunk) => this.onData(chunk));
  }

  /** Spawns `node <args>` and returns the client; `spawnedAt` is taken just before spawn(). */
  static spawn(args, { cwd, nodeArgs = [] } = {}) {
    const spawnedAt = performance.now();
    const child = spawn(process.execPath, [...nodeArgs, ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    return new LspClient(child, spawnedAt);
  }

  onData(chunk) {
    const now = performance.now();
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    let offset = 0;
    for (;;) {
      const headerEnd = this.buffer.indexOf(HEADER_END, offset);
      if (headerEnd < 0) break;
      const header = this.buffer.toString('ascii', offset, headerEnd);
      const match = /Content-Length:\s*(\d+)/i.exec(header);
      if (!match) throw new Error(`bad header from server: ${header}`);
      const start = headerEnd + HEADER_END.length;
      const end = start + Number(match[1]);
      if (end > this.buffer.length) break;
      const message = JSON.parse(this.buffer.toString('utf8', start, end));
      offset = end;
      this.dispatch(message, now);
    }
    this.buffer = offset === 0 ? this.buffer : this.buffer.subarray(offset);
  }

  dispatch(message, now) {
    if (message.id !== undefined && message.method === undefined) {
      const waiting = this.pending.get(message.id);
      if (waiting === undefined) return;
      this.pending.delete(message.id);
      if (message.error) waiting.reject(Object.assign(new Error(message.error.message), { code: message.error.code, at: now }));
      else waiting.resolve({ result: message.result, at: now });
      return;
    }
    if (message.id !== undefined) {
      this.answerServerRequest(message);
      return;
    }
    if (message.method === 'window/logMessage' || message.method === 'window/showMessage') {
      const entry = { message: message.params.message, at: now };
      this.logs.push(entry);
      for (const waiter of [...this.logWaiters]) waiter(entry);
    } else if (message.method === 'textDocument/publishDiagnostics') {
      const key = decodeURIComponent(message.params.uri);
      const entry = { diagnostics: message.params.diagnostics, at: now, version: message.params.version };
      this.diagnostics.set(key, entry);
      this.diagnosticsCount++;
      for (const listener of [...this.diagnosticsListeners]) listener(key, entry);
    }
  }

  /** Answers a request from the server as an editor would, or with its handler. */
  async answerServerRequest({ id, method, params }) {
    const handler = this.requestHandlers.get(method);
    if (handler === undefined) {
      const result = method === 'workspace/configuration' ? (params?.items ?? []).map(() => null) : null;
      this.write({ jsonrpc: '2.0', id, result });
      return;
    }
    try {
      this.write({ jsonrpc: '2.0', id, result: (await handler(params)) ?? null });
    } catch (error) {
      this.write({ jsonrpc: '2.0', id, error: { code: -32603, message: String(error?.message ?? error) } });
    }
  }

  write(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  /** Sends a request; resolves with { result, ms } where ms is send-to-answer wall time. */
  request(method, params, timeoutMs = 30_000) {
    const id = this.nextId++;
    const sent = performance.now();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: ({ result, at }) => {
          clearTimeout(timer);
          resolve({ result, ms: at - sent, sent, at });
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method, params) {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Waits for a log message matching the pattern (earlier ones count); resolves with { message, at }. */
  waitForLog(pattern, timeoutMs) {
    const found = this.logs.find((entry) => pattern.test(entry.message));
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = (entry) => {
        if (!pattern.test(entry.message)) return;
        cleanup();
        resolve(entry);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no log matching ${pattern} within ${timeoutMs} ms; log:\n${this.logs.map((e) => e.message).join('\n')}\nstderr:\n${this.stderr}`));
      }, timeoutMs);
      const onExit = () => {
        cleanup();
        reject(new Error(`server exited before ${pattern}; stderr:\n${this.stderr}`));
      };
      this.child.once('exit', onExit);
      const cleanup = () => {
        clearTimeout(timer);
        this.child.off('exit', onExit);
        this.logWaiters = this.logWaiters.filter((candidate) => candidate !== waiter);
      };
      this.logWaiters.push(waiter);
    });
  }

  /** Waits for the next publishDiagnostics for `uri` (decoded) whose diagnostics satisfy the predicate. */
  waitForDiagnostics(uri, predicate, timeoutMs = 10_000) {
    const key = decodeURIComponent(uri);
    return new Promise((resolve, reject) => {
      const listener = (published, entry) => {
        if (published !== key || !predicate(entry.diagnostics)) return;
        cleanup();
        resolve(entry);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(this.diagnostics.get(key)?.diagnostics)}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.diagnosticsListeners.delete(listener);
      };
      this.diagnosticsListeners.add(listener);
    });
  }

  initialize(rootUri, name, initializationOptions = {}) {
    return this.request(
      'initialize',
      {
        processId: process.pid,
        clientInfo: { name: 'markdown-glossary-bench', version: '1' },
        locale: 'en',
        rootPath: null,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name }],
        initializationOptions,
        trace: 'off',
        capabilities: VSCODE_LIKE_CAPABILITIES,
      },
      60_000,
    );
  }

  open(uri, text, version = 1) {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  changeRange(uri, version, range, text) {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  hover(uri, position, timeoutMs) {
    return this.request('textDocument/hover', { textDocument: { uri }, position }, timeoutMs);
  }

  completion(uri, position, triggerCharacter, timeoutMs) {
    const context = triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 };
    return this.request('textDocument/completion', { textDocument: { uri }, position, context }, timeoutMs);
  }

  /** Shutdown and exit; kills the process if it does not end in time. */
  async shutdown(timeoutMs = 10_000) {
    if (!this.hasExited) {
      try {
        await this.request('shutdown', null, timeoutMs);
        this.notify('exit', null);
      } catch {
        // killed below
      }
    }
    const timer = setTimeout(() => {
      if (!this.hasExited) this.child.kill('SIGKILL');
    }, timeoutMs);
    const result = await this.exited;
    clearTimeout(timer);
    return result;
  }

  /** VmHWM (peak RSS) and VmRSS of the server process, in bytes, from /proc. */
  memory() {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
      return { peakRss: kb('VmHWM'), rss: kb('VmRSS') };
    } catch {
      return { peakRss: NaN, rss: NaN };
    }
  }

  /** CPU seconds (user + system, all threads) the server has used so far, from /proc/<pid>/stat. */
  cpuSeconds() {
    try {
      const stat = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Fields after the command: state is index 0, utime 11, stime 12 (proc(5) fields 14 and 15).
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return NaN;
    }
  }
}

/** What VS Code 1.100 announces that matters to this server (configuration pull off, as allowed by the brief). */
export const VSCODE_LIKE_CAPABILITIES = {
  general: { positionEncodings: ['utf-16'], markdown: { parser: 'marked', version: '1.1.0' } },
  window: { workDoneProgress: true, showMessage: {}, showDocument: { support: true } },
  workspace: {
    applyEdit: true,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    symbol: { dynamicRegistration: true },
    executeCommand: { dynamicRegistration: true },
    configuration: false,
    workspaceFolders: true,
    semanticTokens: { refreshSupport: true },
    fileOperations: { dynamicRegistration: true, willRename: true, didRename: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: true, willSave: true, willSaveWaitUntil: true, didSave: true },
    completion: {
      dynamicRegistration: true,
      contextSupport: true,
      completionItem: {
        snippetSupport: true,
        commitCharactersSupport: true,
        documentationFormat: ['markdown', 'plaintext'],
        deprecatedSupport: true,
        preselectSupport: true,
        insertReplaceSupport: true,
        labelDetailsSupport: true,
        resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] },
      },
      completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] },
    },
    hover: { dynamicRegistration: true, contentFormat: ['markdown', 'plaintext'] },
    definition: { dynamicRegistration: true, linkSupport: true },
    references: { dynamicRegistration: true },
    documentSymbol: { dynamicRegistration: true, hierarchicalDocumentSymbolSupport: true },
    codeAction: { dynamicRegistration: true, isPreferredSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } } },
    documentLink: { dynamicRegistration: true, tooltipSupport: true },
    rename: { dynamicRegistration: true, prepareSupport: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: false, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
    semanticTokens: { dynamicRegistration: true, requests: { range: true, full: { delta: true } }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
  },
};

/** The text of a hover answer, with Markdown escapes removed. */
export function hoverText(result) {
  if (result == null) return '';
  const { contents } = result;
  const text = typeof contents === 'string' ? contents : Array.isArray(contents) ? contents.map((part) => (typeof part === 'string' ? part : part.value)).join('\n') : contents.value;
  return text.replace(/\\(.)/g, '$1');
}

/** The items of a completion answer. */
export function completionItems(result) {
  if (result == null) return [];
  return Array.isArray(result) ? result : result.items;
}
