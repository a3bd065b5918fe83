import type { Message, MessageWriter, NotificationMessage, RequestMessage, ResponseMessage } from 'vscode-languageserver';
import { LineIndex, type Position } from '../common/text';
import { canonicalUri } from '../common/uris';

/**
 * How a client counts the `character` of a position: LSP's UTF-16 code units, or, where a client
 * asks for it (`initializationOptions.positionEncoding`), UTF-8 bytes (Vim with ALE counts columns
 * in bytes) or code points (Emacs' lsp-mode counts characters).
 */
export type PositionEncoding = 'utf-8' | 'utf-16' | 'utf-32';

const ENCODINGS: readonly PositionEncoding[] = ['utf-8', 'utf-16', 'utf-32'];

/** What one code point counts in an encoding. */
function unitsOf(codePoint: number, encoding: PositionEncoding): number {
  if (encoding === 'utf-32') return 1;
  if (encoding === 'utf-16') return codePoint > 0xffff ? 2 : 1;
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * `character`, counted in `from`'s units on `line`, counted in `to`'s. A count inside a character
 * (the second byte of "ä") means the character's start; past the line's end, the surplus is kept
 * as it is (a client may point just past the end).
 */
export function recount(line: string, character: number, from: PositionEncoding, to: PositionEncoding): number {
  return new LineRecount(line, from, to).count(character);
}

/**
 * `recount` of many positions on one line: a count resumes where the one before it stopped when
 * it lies further on, as the positions of an answer mostly do, so that a line with thousands of
 * links is walked once, not once a link.
 */
class LineRecount {
  private at = 0;
  private fromUnits = 0;
  private toUnits = 0;

  constructor(
    private readonly line: string,
    private readonly from: PositionEncoding,
    private readonly to: PositionEncoding,
  ) {}

  count(character: number): number {
    const { line, from, to } = this;
    if (from === to) return character;
    if (character < this.fromUnits) {
      this.at = 0;
      this.fromUnits = 0;
      this.toUnits = 0;
    }
    while (this.at < line.length) {
      const codePoint = line.codePointAt(this.at)!;
      const next = this.fromUnits + unitsOf(codePoint, from);
      if (next > character) return this.toUnits;
      this.fromUnits = next;
      this.toUnits += unitsOf(codePoint, to);
      this.at += codePoint > 0xffff ? 2 : 1;
    }
    return this.toUnits + (character - this.fromUnits);
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPosition = (value: JsonObject): boolean => typeof value.line === 'number' && typeof value.character === 'number';
const uriOf = (value: JsonObject | undefined): string | undefined =>
  value === undefined ? undefined : typeof value.uri === 'string' ? value.uri : isObject(value.textDocument) && typeof value.textDocument.uri === 'string' ? value.textDocument.uri : undefined;

/**
 * Every position in `value` (parsed JSON, changed in place), converted by `convert` with the URI
 * of the document it lies in: the nearest `uri` or `textDocument.uri` around it, a key of a
 * workspace edit's `changes`, a location link's `targetUri` for its target ranges, else `uri`.
 */
function convertPositions(value: Json | undefined, uri: string | undefined, convert: (uri: string | undefined, position: JsonObject) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) convertPositions(item, uri, convert);
    return;
  }
  if (!isObject(value)) return;
  if (isPosition(value)) {
    convert(uri, value);
    return;
  }
  const own = uriOf(value) ?? uri;
  for (const [key, child] of Object.entries(value)) {
    if (key === 'changes' && isObject(child)) {
      for (const [changed, edits] of Object.entries(child)) convertPositions(edits, changed, convert);
    } else if ((key === 'targetRange' || key === 'targetSelectionRange') && typeof value.targetUri === 'string') {
      convertPositions(child, value.targetUri, convert);
    } else {
      convertPositions(child, own, convert);
    }
  }
}

/**
 * What an open document's text is kept under: the client's URI and the server's may spell one file
 * differently (ALE writes `Gr%c3%b6%c3%9fe.md`, the server answers with `%C3%B6%C3%9F`; `C:` and
 * `c%3A`), and an answer about the document is counted against its open text all the same.
 */
function documentKey(uri: string): string {
  try {
    return canonicalUri(uri);
  } catch {
    return uri;
  }
}

/** Requests whose positions are the client's own, handed back as they came (an item or lens the client resolves). */
const ECHOED = new Set(['completionItem/resolve', 'codeLens/resolve']);

/**
 * Translates the positions of every message between a client that counts in another encoding and
 * the server, which counts in UTF-16 as LSP does by default. It keeps the text of each open document
 * as the client sent it (a change's range is counted against the text before the change) and reads
 * any other file from disk, once a message. Until the client asks for another encoding in
 * `initialize`, and for UTF-16, messages pass unchanged.
 */
export class PositionTranslation {
  private encoding: PositionEncoding = 'utf-16';
  private readonly openTexts = new Map<string, LineIndex>();
  /** The requests not yet answered: what their answer's positions are relative to. */
  private readonly pending = new Map<string | number, { method: string; uri: string | undefined }>();

  /** `readText` gives a file's text as the server reads it (no byte order mark), or undefined. */
  constructor(private readonly readText: (uri: string) => string | undefined) {}

  /** A message from the client, with its positions in UTF-16. */
  incoming(message: Message): Message {
    const { method, params, id } = message as Partial<RequestMessage & NotificationMessage>;
    if (method === 'initialize') {
      const asked = isObject(params as Json) ? (params as { initializationOptions?: { positionEncoding?: unknown } }).initializationOptions?.positionEncoding : undefined;
      this.encoding = ENCODINGS.includes(asked as PositionEncoding) ? (asked as PositionEncoding) : 'utf-16';
      if (id !== undefined && id !== null) this.pending.set(id, { method, uri: undefined });
      return message;
    }
    if (this.encoding === 'utf-16' || method === undefined) return message;
    const body = params as Json | undefined;
    const uri = isObject(body) ? uriOf(body) : undefined;
    if (id !== undefined && id !== null) this.pending.set(id, { method, uri });
    if (method === 'textDocument/didOpen' && uri !== undefined && isObject(body) && isObject(body.textDocument)) {
      this.openTexts.set(documentKey(uri), new LineIndex(String(body.textDocument.text)));
    } else if (method === 'textDocument/didClose' && uri !== undefined) {
      this.openTexts.delete(documentKey(uri));
    } else if (method === 'textDocument/didChange' && uri !== undefined && isObject(body) && Array.isArray(body.contentChanges)) {
      for (const change of body.contentChanges) if (isObject(change)) this.applyChange(uri, change);
    } else if (!ECHOED.has(method)) {
      this.convertAll(body, uri, this.encoding, 'utf-16');
    }
    return message;
  }

  /** A message from the server, with its positions in the client's encoding. */
  outgoing(message: Message): Message {
    const response = message as Partial<ResponseMessage>;
    const request = response.id !== undefined && response.id !== null && !('method' in message) ? this.pending.get(response.id) : undefined;
    if (request !== undefined) this.pending.delete(response.id!);
    if (this.encoding === 'utf-16') return message;
    if (request?.method === 'initialize' && isObject(response.result as Json)) {
      const result = response.result as { capabilities?: Record<string, unknown> };
      return { ...response, result: { ...result, capabilities: { ...result.capabilities, positionEncoding: this.encoding } } } as Message;
    }
    if (request !== undefined) {
      if (ECHOED.has(request.method) || response.result === undefined) return message;
      // A copy, as JSON: answers may share objects with the index (and its ranges serialise through `toJSON`).
      const result = JSON.parse(JSON.stringify(response.result)) as Json;
      if (request.method === 'textDocument/semanticTokens/full' && isObject(result) && Array.isArray(result.data)) {
        result.data = this.semanticTokensData(result.data as number[], request.uri);
      } else {
        this.convertAll(result, request.uri, 'utf-16', this.encoding);
      }
      return { ...response, result } as Message;
    }
    const { params } = message as Partial<RequestMessage>;
    if (params === undefined) return message;
    const copy = JSON.parse(JSON.stringify(params)) as Json;
    this.convertAll(copy, isObject(copy) ? uriOf(copy) : undefined, 'utf-16', this.encoding);
    return { ...message, params: copy } as Message;
  }

  /** A writer that sends each message with its positions translated. */
  writer(inner: MessageWriter): MessageWriter {
    return {
      onError: inner.onError,
      onClose: inner.onClose,
      write: (message) => inner.write(this.outgoing(message)),
      end: () => inner.end(),
      dispose: () => inner.dispose(),
    };
  }

  /** The lines of a document as the client has them: its open text, else the file's (read once a message, into `read`). */
  private linesOf(uri: string, read: Map<string, LineIndex | undefined>): LineIndex | undefined {
    const open = this.openTexts.get(documentKey(uri));
    if (open !== undefined) return open;
    if (!read.has(uri)) {
      const text = this.readText(uri);
      read.set(uri, text === undefined ? undefined : new LineIndex(text));
    }
    return read.get(uri);
  }

  private convertAll(value: Json | undefined, uri: string | undefined, from: PositionEncoding, to: PositionEncoding): void {
    const read = new Map<string, LineIndex | undefined>();
    const counts = new Map<LineIndex, Map<number, LineRecount>>();
    convertPositions(value, uri, (documentUri, position) => {
      const lines = documentUri === undefined ? undefined : this.linesOf(documentUri, read);
      const line = position.line as number;
      if (lines === undefined || line < 0 || line >= lines.lineCount) return;
      let ofLines = counts.get(lines);
      if (ofLines === undefined) counts.set(lines, (ofLines = new Map()));
      let ofLine = ofLines.get(line);
      if (ofLine === undefined) ofLines.set(line, (ofLine = new LineRecount(lines.lineText(line), from, to)));
      position.character = ofLine.count(position.character as number);
    });
  }

  /** A change of an open document: its range counted against the text before it, then applied to that text. */
  private applyChange(uri: string, change: JsonObject): void {
    const key = documentKey(uri);
    const lines = this.openTexts.get(key);
    const text = typeof change.text === 'string' ? change.text : '';
    if (!isObject(change.range) || lines === undefined) {
      this.openTexts.set(key, new LineIndex(text));
      return;
    }
    const { start, end } = change.range as unknown as { start: Position; end: Position };
    for (const position of [start, end]) {
      if (position.line >= 0 && position.line < lines.lineCount) position.character = recount(lines.lineText(position.line), position.character, this.encoding, 'utf-16');
    }
    delete change.rangeLength;
    const before = lines.text;
    this.openTexts.set(key, new LineIndex(before.slice(0, lines.offsetAt(start)) + text + before.slice(lines.offsetAt(end))));
  }

  /** Semantic tokens (relative lines and starts, lengths) with their starts and lengths recounted. */
  private semanticTokensData(data: number[], uri: string | undefined): number[] {
    const lines = uri === undefined ? undefined : this.linesOf(uri, new Map());
    if (lines === undefined) return data;
    const recounted = [...data];
    let line = 0;
    let start = 0;
    let previousLine = -1;
    let previousStart = 0;
    let counter: LineRecount | undefined;
    for (let at = 0; at + 4 < data.length; at += 5) {
      line += data[at];
      start = data[at] === 0 ? start + data[at + 1] : data[at + 1];
      if (counter === undefined || line !== previousLine) counter = new LineRecount(lines.lineText(line), 'utf-16', this.encoding);
      const newStart = counter.count(start);
      const newEnd = counter.count(start + data[at + 2]);
      recounted[at + 1] = line === previousLine ? newStart - previousStart : newStart;
      recounted[at + 2] = newEnd - newStart;
      previousLine = line;
      previousStart = newStart;
    }
    return recounted;
  }
}
