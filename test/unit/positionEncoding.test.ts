import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Message } from 'vscode-languageserver';
import { PositionTranslation, recount } from '../../server/src/lsp/positionEncoding';

// "ä" is 2 bytes and 1 UTF-16 unit; "😀" is 4 bytes, 2 units and 1 code point.
const LINE = 'Größe 😀 [Outtasking](x.md)';
const OPEN = 'file:///w/a.md';
const CLOSED = 'file:///w/b.md';
const CLOSED_TEXT = '\uFEFFnothing\r\nÄra Outtasking\n';

function started(encoding: string | undefined, files: Record<string, string> = {}): PositionTranslation {
  const translation = new PositionTranslation((uri) => files[uri]?.replace(/^\uFEFF/, ''));
  translation.incoming({ jsonrpc: '2.0', id: 0, method: 'initialize', params: { capabilities: {}, initializationOptions: { positionEncoding: encoding } } } as Message);
  return translation;
}

const request = (id: number, method: string, params: object) => ({ jsonrpc: '2.0', id, method, params }) as Message;
/** A translated message, to look into. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Sent = { params: any; result: any };
const fromClient = (translation: PositionTranslation, message: object) => translation.incoming(message as Message) as unknown as Sent;
const toClient = (translation: PositionTranslation, message: object) => translation.outgoing(message as Message) as unknown as Sent;
const response = (id: number, result: unknown) => ({ jsonrpc: '2.0', id, result }) as Message;
const open = (translation: PositionTranslation, text: string) =>
  fromClient(translation, { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: OPEN, languageId: 'markdown', version: 1, text } } });

describe('position encodings other than UTF-16 (ALE counts bytes, lsp-mode code points)', () => {
  it('recounts a column between UTF-8 bytes, UTF-16 units and code points', () => {
    const bracket = LINE.indexOf('[');
    assert.equal(recount(LINE, bracket, 'utf-16', 'utf-8'), Buffer.byteLength(LINE.slice(0, bracket)));
    assert.equal(recount(LINE, Buffer.byteLength(LINE.slice(0, bracket)), 'utf-8', 'utf-16'), bracket);
    assert.equal(recount(LINE, bracket, 'utf-16', 'utf-32'), [...LINE.slice(0, bracket)].length);
    assert.equal(recount(LINE, [...LINE.slice(0, bracket)].length, 'utf-32', 'utf-16'), bracket);
    // Inside a character: its start. Past the line's end: the surplus as it is.
    assert.equal(recount('Größe', 3, 'utf-8', 'utf-16'), 2);
    assert.equal(recount('Größe', 3, 'utf-16', 'utf-8'), 4);
    assert.equal(recount('ä', 3, 'utf-16', 'utf-8'), 4);
  });

  it('answers in the client\'s units and announces the encoding', () => {
    const translation = started('utf-8');
    const answer = toClient(translation, response(0, { capabilities: { hoverProvider: true } }));
    assert.deepEqual(answer.result.capabilities, { hoverProvider: true, positionEncoding: 'utf-8' });
    open(translation, `---\ntitle: X\n---\n${LINE}\n`);
    const hover = fromClient(translation, request(1, 'textDocument/hover', { textDocument: { uri: OPEN }, position: { line: 3, character: Buffer.byteLength('Größe 😀 [Out') } }));
    assert.deepEqual(hover.params.position, { line: 3, character: 'Größe 😀 [Out'.length });
    const start = LINE.indexOf('[');
    const answered = toClient(translation, response(1, { contents: 'x', range: { start: { line: 3, character: start }, end: { line: 3, character: LINE.length } } }));
    assert.deepEqual(answered.result.range, { start: { line: 3, character: Buffer.byteLength(LINE.slice(0, start)) }, end: { line: 3, character: Buffer.byteLength(LINE) } });
  });

  it('counts a change against the text before it, and later positions against the text after', () => {
    const translation = started('utf-8');
    open(translation, 'ä b\n');
    const change = fromClient(translation, {
      jsonrpc: '2.0',
      method: 'textDocument/didChange',
      params: { textDocument: { uri: OPEN, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 4 } }, text: 'ö' }, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '😀' }] },
    });
    assert.deepEqual(change.params.contentChanges.map((each: { range: object }) => each.range), [
      { start: { line: 0, character: 2 }, end: { line: 0, character: 3 } },
      { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    ]);
    // The text is now "😀ä ö": "ö" starts at byte 7 and UTF-16 unit 4.
    const asked = fromClient(translation, request(2, 'textDocument/hover', { textDocument: { uri: OPEN }, position: { line: 0, character: 7 } }));
    assert.deepEqual(asked.params.position, { line: 0, character: 4 });
  });

  it('translates edits of closed files by their text on disk, and diagnostics sent unasked', () => {
    const translation = started('utf-32', { [CLOSED]: CLOSED_TEXT });
    open(translation, '😀 x\n');
    fromClient(translation, request(3, 'textDocument/rename', { textDocument: { uri: OPEN }, position: { line: 0, character: 2 }, newName: 'Y' }));
    const edit = { range: { start: { line: 1, character: 4 }, end: { line: 1, character: 14 } }, newText: 'Y' };
    const renamed = toClient(translation, response(3, { changes: { [CLOSED]: [edit], [OPEN]: [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 4 } }, newText: 'Y' }] } }));
    // "Ära " has no character beyond the BMP: the same count; after the emoji, one fewer.
    assert.deepEqual(renamed.result.changes[CLOSED][0].range.start, { line: 1, character: 4 });
    assert.deepEqual(renamed.result.changes[OPEN][0].range.start, { line: 0, character: 2 });
    const published = toClient(translation, { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: OPEN, diagnostics: [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 4 } }, message: 'm', relatedInformation: [{ location: { uri: CLOSED, range: { start: { line: 1, character: 4 }, end: { line: 1, character: 5 } } }, message: 'r' }] }] } });
    assert.deepEqual(published.params.diagnostics[0].range.start, { line: 0, character: 2 });
    assert.deepEqual(published.params.diagnostics[0].relatedInformation[0].location.range.start, { line: 1, character: 4 });
  });

  it('counts an answer about an open document against its text when the server spells its URI otherwise (ALE: %c3%b6)', () => {
    const asOpened = 'file:///w/Gr%c3%b6%c3%9fe.md';
    const asAnswered = 'file:///w/Gr%C3%B6%C3%9Fe.md';
    // On disk the file is still as it was saved: the line is empty there.
    const translation = started('utf-8', { [asAnswered]: 'x\n\n' });
    fromClient(translation, { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: asOpened, languageId: 'markdown', version: 1, text: 'x\nÄöü [x](y.md)\n' } } });
    const published = toClient(translation, { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: asAnswered, diagnostics: [{ range: { start: { line: 1, character: 9 }, end: { line: 1, character: 13 } }, message: 'm' }] } });
    assert.deepEqual(published.params.diagnostics[0].range, { start: { line: 1, character: 12 }, end: { line: 1, character: 16 } });
    fromClient(translation, { jsonrpc: '2.0', method: 'textDocument/didClose', params: { textDocument: { uri: asOpened } } });
    const afterClose = toClient(translation, { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: asAnswered, diagnostics: [{ range: { start: { line: 1, character: 9 }, end: { line: 1, character: 13 } }, message: 'm' }] } });
    assert.deepEqual(afterClose.params.diagnostics[0].range.start, { line: 1, character: 9 });
  });

  it('walks a long line once for all the positions on it, not once a position (a paragraph of 8,000 links on one line)', () => {
    const piece = 'ä [Outtasking](x.md) ';
    const count = 8000;
    const translation = started('utf-8');
    open(translation, piece.repeat(count));
    const diagnostics = Array.from({ length: count }, (_, i) => ({ range: { start: { line: 0, character: i * piece.length + 2 }, end: { line: 0, character: i * piece.length + 14 } }, message: 'm' }));
    const startedAt = performance.now();
    const published = toClient(translation, { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: OPEN, diagnostics } });
    const tokens = { data: Array.from({ length: count }, (_, i) => [0, i === 0 ? 2 : piece.length, 12, 0, 0]).flat() };
    fromClient(translation, request(7, 'textDocument/semanticTokens/full', { textDocument: { uri: OPEN } }));
    const answered = toClient(translation, response(7, tokens));
    const elapsed = performance.now() - startedAt;
    const bytes = Buffer.byteLength(piece);
    assert.deepEqual(published.params.diagnostics[count - 1].range, { start: { line: 0, character: (count - 1) * bytes + 3 }, end: { line: 0, character: (count - 1) * bytes + 15 } });
    assert.deepEqual(answered.result.data.slice(-5), [0, bytes, 12, 0, 0]);
    // Once a position, the line's 170,000 characters are walked 24,000 times: seconds, not milliseconds.
    assert.ok(elapsed < 1500, `${Math.round(elapsed)} ms`);
  });

  it('recounts semantic tokens, relative to the token before on the same line', () => {
    const translation = started('utf-8');
    open(translation, 'ä Term Term\nTerm\n');
    fromClient(translation, request(4, 'textDocument/semanticTokens/full', { textDocument: { uri: OPEN } }));
    const tokens = toClient(translation, response(4, { data: [0, 2, 4, 0, 0, 0, 5, 4, 0, 0, 1, 0, 4, 0, 0] }));
    assert.deepEqual(tokens.result.data, [0, 3, 4, 0, 0, 0, 5, 4, 0, 0, 1, 0, 4, 0, 0]);
  });

  it('hands back what the client resolves as it came, and changes nothing for UTF-16 or an unknown encoding', () => {
    const translation = started('utf-8');
    open(translation, 'ä x\n');
    const item = { label: 'x', textEdit: { range: { start: { line: 0, character: 3 }, end: { line: 0, character: 4 } }, newText: 'x' }, data: { termUri: OPEN } };
    const resolve = request(5, 'completionItem/resolve', structuredClone(item));
    assert.deepEqual(fromClient(translation, resolve).params, item);
    assert.deepEqual(toClient(translation, response(5, { ...item, documentation: 'd' })).result, { ...item, documentation: 'd' });
    for (const encoding of ['utf-16', 'latin-1', undefined]) {
      const plain = started(encoding);
      const message = request(6, 'textDocument/hover', { textDocument: { uri: OPEN }, position: { line: 0, character: 3 } });
      assert.equal(plain.incoming(message), message);
      const answer = response(0, { capabilities: {} });
      assert.equal(plain.outgoing(answer), answer);
    }
  });
});
