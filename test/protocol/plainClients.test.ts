/**
 * Protocol tests for an editor like Vim's ALE (3.3, Debian 12): it asks for hovers and completion
 * documentation in plain text only (`contentFormat: ['plaintext']`) and applies workspace edits
 * that change text, with no `workspaceEdit.resourceOperations` (it stops with an error at a file to
 * create or rename, and applies nothing). test/vim/ drives the real ALE. Build first: `node esbuild.mjs`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ResponseError, type CodeAction, type Diagnostic, type MarkupContent, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { createWorkspace, positionOf, type Workspace } from '../support/fixtures';
import { completionItems, eventually, LspClient } from '../support/lspClient';

const TERM = ['---', 'id: Outtasking', 'title: Outtasking', 'aliases: [Teilvergabe]', 'tags: [Begriffe]', '---', '', '# Outtasking', '', '**Das Outtasking ist eine Form des [Outsourcings](Outsourcing.md), mit `Teilaufgaben`.**', ''].join('\n');
const OUTSOURCING = ['---', 'id: Outsourcing', 'title: Outsourcing', 'tags: [Begriffe]', '---', '', '# Outsourcing', '', '**Outsourcing ist die Auslagerung.**', ''].join('\n');
const TAGS = 'Begriffe:\n  label: Grundbegriffe\n  description: Begriffe, die **jeder** kennen sollte\n';
const NOTE = 'Wir prüfen das Outtasking. Siehe [neu](../glossar/Fehlt.md).\n';

describe('an editor that shows plain text and cannot create or rename files (Vim with ALE)', () => {
  let ws: Workspace;
  let plain: LspClient;
  let full: LspClient;

  before(async () => {
    ws = createWorkspace({ 'glossar/Outtasking.md': TERM, 'glossar/Outsourcing.md': OUTSOURCING, 'glossar/tags.yml': TAGS, 'notes/plan.md': NOTE });
    // As ALE 3.3 starts a server: plain text only, no resource operations.
    plain = await LspClient.start({ workspaceFolders: [ws.root], markupFormats: ['plaintext'], resourceOperations: [] });
    full = await LspClient.start({ workspaceFolders: [ws.root] });
    await Promise.all([plain.waitForIndex(), full.waitForIndex()]);
    for (const client of [plain, full]) await client.open(ws.uri('notes/plan.md'), NOTE);
  });
  after(async () => {
    await plain?.shutdown();
    await full?.shutdown();
    ws?.dispose();
  });

  it('gets hovers as plain text: no emphasis markers, backticks or link targets shown raw', async () => {
    const position = positionOf(NOTE, 'Outtasking', 3);
    const hover = await plain.hover(ws.uri('notes/plan.md'), position);
    const contents = hover?.contents as MarkupContent;
    assert.equal(contents.kind, 'plaintext');
    assert.equal(
      contents.value,
      ['Outtasking (Teilvergabe)', '', 'Das Outtasking ist eine Form des Outsourcings, mit Teilaufgaben.', '', 'Tags: Grundbegriffe (Begriffe)', '', 'Open ../glossar/Outtasking.md'].join('\n'),
    );
    // An editor that shows Markdown still gets it.
    const markdown = (await full.hover(ws.uri('notes/plan.md'), position))?.contents as MarkupContent;
    assert.equal(markdown.kind, 'markdown');
    assert.ok(markdown.value.startsWith('**Outtasking** (Teilvergabe)'), markdown.value);
  });

  it('gets completion documentation as plain text', async () => {
    const uri = ws.uri('glossar/Neu.md');
    const text = '---\ntitle: Neu\ntags: [Beg\n---\n';
    await plain.open(uri, text);
    const items = completionItems(await plain.completion(uri, { line: 2, character: 10 }));
    const tag = items.find((item) => item.label === 'Begriffe');
    assert.ok(tag, JSON.stringify(items.map((item) => item.label)));
    const documentation = tag.documentation as MarkupContent;
    assert.equal(documentation.kind, 'plaintext');
    assert.ok(!/\*\*|`|\]\(/.test(documentation.value), documentation.value);
    assert.ok(documentation.value.includes('jeder kennen'), documentation.value);
    await plain.close(uri);
  });

  it('gets the fix "Create … from the template" as a plain edit of the new file, which it opens, and which saving creates', async () => {
    const uri = ws.uri('notes/plan.md');
    const actions = async (client: LspClient) => {
      const diagnostics = await eventually(async () => client.diagnostics.get(uri) ?? [], (found: Diagnostic[]) => found.some((d) => d.code === 'broken-link'));
      const broken = diagnostics.filter((d) => d.code === 'broken-link');
      return (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: broken[0].range, context: { diagnostics: broken } })) as CodeAction[];
    };
    const create = (found: CodeAction[]) => found.find((action) => action.title === 'Create ../glossar/Fehlt.md from the template');
    const plainCreate = create(await actions(plain));
    const newUri = ws.uri('glossar/Fehlt.md');
    assert.ok(plainCreate?.edit?.changes?.[newUri] !== undefined && plainCreate.edit.documentChanges === undefined, JSON.stringify(plainCreate));
    assert.ok(plainCreate.edit.changes[newUri].some((edit) => edit.newText.includes('Fehlt')), JSON.stringify(plainCreate.edit));
    // An editor that creates files gets the file's creation.
    const fullCreate = create(await actions(full));
    assert.ok(fullCreate?.edit?.documentChanges?.some((change) => 'kind' in change && change.kind === 'create'), JSON.stringify(fullCreate));
  });

  it('renaming an id that names its file answers an error instead of an edit that renames the file', async () => {
    const uri = ws.uri('glossar/Outtasking.md');
    const params = { textDocument: { uri }, position: positionOf(TERM, 'id: Outtasking', 6), newName: 'Teilvergabe' };
    for (const client of [plain, full]) await client.open(uri, TERM);
    await assert.rejects(
      plain.connection.sendRequest('textDocument/rename', params),
      (error: unknown) => error instanceof ResponseError && error.message === 'The rename would move Outtasking.md to Teilvergabe.md, and this editor cannot rename files.',
    );
    // Its title renames as text.
    const title = (await plain.connection.sendRequest('textDocument/rename', { ...params, position: positionOf(TERM, '# Outtasking', 4) })) as WorkspaceEdit;
    assert.ok(title.changes !== undefined && title.documentChanges === undefined, JSON.stringify(title));
    // An editor that renames files gets the file's rename.
    const edit = (await full.connection.sendRequest('textDocument/rename', params)) as WorkspaceEdit;
    assert.ok(edit.documentChanges?.some((change) => 'kind' in change && change.kind === 'rename'), JSON.stringify(edit));
  });
});

/** A position whose `character` counts UTF-8 bytes, as Vim and ALE count columns. */
function bytePositionOf(text: string, needle: string, offsetInNeedle = 0): { line: number; character: number } {
  const { line, character } = positionOf(text, needle, offsetInNeedle);
  return { line, character: Buffer.byteLength(text.split('\n')[line].slice(0, character)) };
}

/** Text edits applied as a client that counts columns in UTF-8 bytes applies them. */
function appliedInBytes(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n').map((line) => Buffer.from(line));
  const offsetOf = ({ line, character }: { line: number; character: number }) => lines.slice(0, line).reduce((sum, each) => sum + each.length + 1, 0) + character;
  let bytes = Buffer.from(text);
  for (const edit of [...edits].sort((a, b) => offsetOf(b.range.start) - offsetOf(a.range.start))) {
    bytes = Buffer.concat([bytes.subarray(0, offsetOf(edit.range.start)), Buffer.from(edit.newText), bytes.subarray(offsetOf(edit.range.end))]);
  }
  return bytes.toString();
}

describe('a client that counts columns in UTF-8 bytes and asks for it (ALE with initializationOptions.positionEncoding)', () => {
  const LINE = 'Größere Übergänge 😀: das Outtasking, [Outtasking](../glossar/Outtasking.md), dann [Plan](../glossar/Fehlt.md).';
  const BYTES_NOTE = `${LINE}\n`;
  let ws: Workspace;
  let client: LspClient;

  before(async () => {
    ws = createWorkspace({ 'glossar/Outtasking.md': TERM, 'glossar/Outsourcing.md': OUTSOURCING, 'glossar/tags.yml': TAGS, 'notes/plan.md': BYTES_NOTE });
    client = await LspClient.start({ workspaceFolders: [ws.root], markupFormats: ['plaintext'], resourceOperations: [], initializationOptions: { positionEncoding: 'utf-8' } });
    await client.waitForIndex();
    await client.open(ws.uri('notes/plan.md'), BYTES_NOTE);
  });
  after(async () => {
    await client?.shutdown();
    ws?.dispose();
  });

  it('says so in its capabilities, and marks problems at the bytes they lie on', async () => {
    assert.equal((client.initializeResult?.capabilities as { positionEncoding?: string }).positionEncoding, 'utf-8');
    const diagnostics = await client.waitForDiagnostics(ws.uri('notes/plan.md'), (found) => (found ?? []).some((d) => d.code === 'broken-link'));
    const broken = diagnostics.find((d) => d.code === 'broken-link')!;
    const target = '../glossar/Fehlt.md';
    assert.deepEqual(broken.range, { start: bytePositionOf(BYTES_NOTE, target), end: bytePositionOf(BYTES_NOTE, target, target.length) });
  });

  it('marks problems of a buffer not yet saved at its bytes when its URI is spelled as ALE spells it (Gr%c3%b6%c3%9fe)', async () => {
    ws.write('notes/Größe.md', 'Gespeichert.\n');
    // ALE escapes with lowercase hex; the server answers under its own spelling (%C3%B6).
    const aleUri = ws.uri('notes/Größe.md').replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
    assert.notEqual(aleUri, ws.uri('notes/Größe.md'));
    const unsaved = 'Äöü äöü [x](../glossar/Fehlt.md)\n';
    await client.open(aleUri, unsaved);
    const diagnostics = await client.waitForDiagnostics(ws.uri('notes/Größe.md'), (found) => (found ?? []).some((d) => d.code === 'broken-link'));
    const target = '../glossar/Fehlt.md';
    assert.deepEqual(diagnostics.find((d) => d.code === 'broken-link')!.range, { start: bytePositionOf(unsaved, target), end: bytePositionOf(unsaved, target, target.length) });
  });

  it('hovers the term at the byte column asked', async () => {
    const hover = await client.hover(ws.uri('notes/plan.md'), bytePositionOf(BYTES_NOTE, 'Outtasking', 3));
    assert.ok((hover?.contents as MarkupContent).value.startsWith('Outtasking (Teilvergabe)'), JSON.stringify(hover));
    assert.deepEqual(hover?.range, { start: bytePositionOf(BYTES_NOTE, 'Outtasking'), end: bytePositionOf(BYTES_NOTE, 'Outtasking', 'Outtasking'.length) });
  });

  it('renames with edits that, applied byte by byte, change exactly the title, heading and link text', async () => {
    const edit = (await client.connection.sendRequest('textDocument/rename', { textDocument: { uri: ws.uri('notes/plan.md') }, position: bytePositionOf(BYTES_NOTE, 'Outtasking', 2), newName: 'Teilauslagerung' })) as WorkspaceEdit;
    const noteEdits = edit.changes?.[ws.uri('notes/plan.md')] ?? [];
    assert.equal(appliedInBytes(BYTES_NOTE, noteEdits), BYTES_NOTE.replace('[Outtasking]', '[Teilauslagerung]'));
    const termEdits = edit.changes?.[ws.uri('glossar/Outtasking.md')] ?? [];
    assert.equal(appliedInBytes(TERM, termEdits), TERM.replace('title: Outtasking', 'title: Teilauslagerung').replace('# Outtasking', '# Teilauslagerung'));
  });
});
