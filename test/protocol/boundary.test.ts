/**
 * The workspace's boundary, over stdio: what the server reads and writes stays inside the
 * workspace folders, whatever links, names and settings a repository brings.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { FileChangeType, type Diagnostic, type SymbolInformation } from 'vscode-languageserver-protocol/node';
import { createWorkspace, positionOf, type Workspace } from '../support/fixtures';
import { eventually, hoverText, LspClient, serverOn } from '../support/lspClient';

const TAGS = 'Begriffe:\n  label: Begriffe\n';
const term = (id: string, title: string, body: string) => `---\nid: ${id}\ntitle: ${title}\ntags: [Begriffe]\n---\n\n# ${title}\n\n**${body}**\n`;
const ONE_TERM = { 'glossar/tags.yml': TAGS, 'glossar/Outtasking.md': term('Outtasking', 'Outtasking', 'Eine Form des Outsourcings.') };

async function symbols(client: LspClient, query: string): Promise<string[]> {
  const found = (await client.connection.sendRequest('workspace/symbol', { query })) as SymbolInformation[];
  return found.map((symbol) => symbol.name).sort();
}

describe('files the watcher reports through a symbolic link', () => {
  let ws: Workspace;
  let outside: Workspace;
  let client: LspClient;
  before(async () => {
    outside = createWorkspace({ 'Geheim.md': term('Geheim', 'Geheimnis', 'Ein Text außerhalb des Arbeitsbereichs.'), 'sub/Tief.md': term('Tief', 'Tiefgang', 'Auch außerhalb.') });
    ws = createWorkspace({ 'glossar/tags.yml': TAGS, 'glossar/Outtasking.md': term('Outtasking', 'Outtasking', 'Eine Form des Outsourcings.') });
    fs.symlinkSync(outside.path('Geheim.md'), ws.path('glossar/Geheim.md'));
    fs.symlinkSync(outside.path('sub'), ws.path('glossar/sub'));
    client = await LspClient.start({ workspaceFolders: [ws.root] });
    assert.equal(await client.waitForIndex(), 1, 'the walk follows no link');
  });
  after(async () => {
    await client?.shutdown();
    ws?.dispose();
    outside?.dispose();
  });

  it('a dangling link is no place to create a file: no "Create" fix for a link to it', async () => {
    fs.symlinkSync(outside.path('Neu.md'), ws.path('glossar/Fehlt.md'));
    const note = 'Siehe [fehlt](../glossar/Fehlt.md) und [auch](../glossar/Anders.md).';
    const uri = ws.uri('notes/dangling.md');
    await client.open(uri, note);
    const diagnostics = await eventually(async () => client.diagnostics.get(uri) ?? [], (found: Diagnostic[]) => found.filter((d) => d.code === 'broken-link').length === 2);
    const titles: string[] = [];
    for (const diagnostic of diagnostics) {
      const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as Array<{ title: string }>;
      titles.push(...actions.map((action) => action.title));
    }
    assert.ok(titles.some((title) => title.includes('Anders.md')), JSON.stringify(titles));
    assert.ok(!titles.some((title) => title.includes('Fehlt.md')), JSON.stringify(titles));
  });

  it('a file the glossary leaves out is still a file: no "Create" fix that would write into it', async () => {
    // In a folder the walk skips: the index does not know the file, the disk does.
    fs.mkdirSync(ws.path('glossar/build'), { recursive: true });
    fs.writeFileSync(ws.path('glossar/build/Alt.md'), 'Erzeugt.\n');
    const uri = ws.uri('glossar/Notiz.md');
    await client.open(uri, 'Siehe [alt](build/Alt.md) und [neu](build/Neu.md).');
    const diagnostics = await eventually(async () => client.diagnostics.get(uri) ?? [], (found: Diagnostic[]) => found.some((d) => d.code === 'broken-link'));
    // The file is there, and the site would build its page: the link to it is no broken link.
    assert.deepEqual(diagnostics.filter((d) => d.code === 'broken-link').map((d) => d.message), ['No glossary entry at "build/Neu.md".']);
    const titles: string[] = [];
    for (const diagnostic of diagnostics) {
      const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as Array<{ title: string }>;
      titles.push(...actions.map((action) => action.title));
    }
    assert.ok(titles.includes('Create build/Neu.md from the template'), JSON.stringify(titles));
    assert.ok(!titles.some((title) => title.includes('Alt.md')), JSON.stringify(titles));
  });

  it('are not read: their text shows in no answer, and the index stays what a fresh start gives', async () => {
    await client.didChangeWatchedFiles([
      { uri: ws.uri('glossar/Geheim.md'), type: FileChangeType.Created },
      { uri: ws.uri('glossar/sub/Tief.md'), type: FileChangeType.Created },
    ]);
    const note = 'Ein Geheimnis und Tiefgang, dazu Outtasking.';
    await client.open(ws.uri('notes/n.md'), note);
    // The note's hover answers after the events were handled (disk work runs in order).
    assert.ok(hoverText(await client.hover(ws.uri('notes/n.md'), positionOf(note, 'Outtasking', 2))).includes('Eine Form des Outsourcings.'));
    assert.equal(await client.hover(ws.uri('notes/n.md'), positionOf(note, 'Geheimnis', 2)), null);
    assert.equal(await client.hover(ws.uri('notes/n.md'), positionOf(note, 'Tiefgang', 2)), null);
    assert.deepEqual(await symbols(client, 'Geheim'), []);
    assert.deepEqual(await symbols(client, 'Tief'), []);
  });
});

describe('a workspace folder that is itself a symbolic link', () => {
  let ws: Workspace;
  let linkParent: string;
  let client: LspClient;
  before(async () => {
    ws = createWorkspace({ 'glossar/tags.yml': TAGS, 'glossar/Outtasking.md': term('Outtasking', 'Outtasking', 'Eine Form des Outsourcings.') });
    linkParent = fs.mkdtempSync(path.join(os.tmpdir(), 'md-glossary-link-'));
    fs.symlinkSync(ws.root, path.join(linkParent, 'code'));
    client = await LspClient.start({ workspaceFolders: [path.join(linkParent, 'code')] });
  });
  after(async () => {
    await client?.shutdown();
    ws?.dispose();
    fs.rmSync(linkParent, { recursive: true, force: true });
  });

  it('is indexed where the link leads, and its files are reloaded when they change', async () => {
    assert.equal(await client.waitForIndex(), 1);
    const linked = (rel: string) => URI.file(path.join(linkParent, 'code', rel)).toString();
    fs.writeFileSync(path.join(ws.root, 'glossar', 'Neu.md'), term('Neu', 'Neuigkeit', 'Frisch geschrieben.'));
    await client.didChangeWatchedFiles([{ uri: linked('glossar/Neu.md'), type: FileChangeType.Created }]);
    await eventually(() => symbols(client, 'Neuigkeit'), (names) => names.includes('Neuigkeit'));
  });
});

describe('names that begin with two dots', () => {
  const server = serverOn({ 'glossar/tags.yml': TAGS, '..Punkte.md': term('Punkte', 'Punktereihe', 'Ein Eintrag, dessen Name mit zwei Punkten beginnt.') });

  it('are inside the workspace: a deletion is seen, and a rename of the term is offered', async () => {
    const { ws, client } = server;
    assert.equal(await client.waitForIndex(), 1);
    const uri = ws.uri('..Punkte.md');
    const text = fs.readFileSync(ws.path('..Punkte.md'), 'utf8');
    await client.open(uri, text);
    const edit = (await client.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: positionOf(text, 'Punktereihe', 2, 1), newName: 'Punktfolge' })) as {
      changes?: Record<string, unknown[]>;
      documentChanges?: Array<{ textDocument: { uri: string } }>;
    };
    const renamed = Object.keys(edit.changes ?? {}).concat((edit.documentChanges ?? []).map((change) => change.textDocument.uri));
    assert.ok(renamed.some((changed) => changed.includes('..Punkte.md')), JSON.stringify(edit));
    await client.close(uri);
    ws.remove('..Punkte.md');
    await client.didChangeWatchedFiles([{ uri, type: FileChangeType.Deleted }]);
    await eventually(() => symbols(client, 'Punktereihe'), (names) => names.length === 0);
  });
});

describe('settings that point out of the workspace', () => {
  let ws: Workspace;
  let outside: Workspace;
  let client: LspClient;
  before(async () => {
    outside = createWorkspace({ 'tags.yml': 'Fremd:\n  label: Fremd\n' });
    ws = createWorkspace({ 'glossar/tags.yml': TAGS, 'glossar/Outtasking.md': term('Outtasking', 'Outtasking', 'Eine Form des Outsourcings.').replace('[Begriffe]', '[Fremd]') });
    client = await LspClient.start({
      workspaceFolders: [ws.root],
      initializationOptions: { settings: { newTermFolder: '../..', tagsFile: path.relative(ws.root, outside.path('tags.yml')) } },
    });
    await client.waitForIndex();
  });
  after(async () => {
    await client?.shutdown();
    ws?.dispose();
    outside?.dispose();
  });

  it('a tags file outside is not read: the tags are checked against the workspace\'s own', async () => {
    await client.waitForLog(/Ignored the tagsFile setting: .* is not inside the workspace/);
    const uri = ws.uri('glossar/Outtasking.md');
    const diagnostics = await eventually(
      async () => client.diagnostics.get(uri) ?? [],
      (found: Diagnostic[]) => found.some((diagnostic) => diagnostic.code === 'unknown-tag'),
    );
    assert.match(String(diagnostics.find((diagnostic) => diagnostic.code === 'unknown-tag')!.message), /"Fremd" is not declared in tags\.yml/);
  });

  it('a new term is not placed outside: the request fails with the reason', async () => {
    await assert.rejects(
      client.connection.sendRequest('markdownGlossary/newTerm', { title: 'Draußen', tags: [] }),
      (error: Error) => /is not inside the workspace/.test(error.message),
    );
  });
});

describe('an open document larger than the size limit', () => {
  const server = serverOn(ONE_TERM, { initializationOptions: { settings: { maxFileSize: 2_000 } } });

  it('is left out of the glossary as it would be on disk, and counts again once it is small', async () => {
    const { ws, client } = server;
    await client.waitForIndex();
    const uri = ws.uri('notes/gross.md');
    const small = 'Outtasking [kaputt](Fehlt.md)\n';
    const large = small + 'Füllung '.repeat(400);
    await client.open(uri, large);
    await client.waitForLog(/Skipped .*gross\.md: it is larger than the limit of 2000 bytes/);
    assert.equal(await client.hover(uri, positionOf(large, 'Outtasking', 2)), null);
    assert.deepEqual(client.diagnostics.get(uri) ?? [], []);
    await client.change(uri, 2, small);
    assert.ok(hoverText(await client.hover(uri, positionOf(small, 'Outtasking', 2))).includes('Eine Form des Outsourcings.'));
    await eventually(
      async () => client.diagnostics.get(uri) ?? [],
      (found: Diagnostic[]) => found.some((diagnostic) => diagnostic.code === 'broken-link'),
    );
  });
});

describe('a settings file that is a named pipe', () => {
  const server = serverOn(ONE_TERM, { prepare: (ws) => execFileSync('mkfifo', [ws.path('.markdown-glossary.json')]) });

  it('is skipped with a reason, and the glossary is indexed', async () => {
    const { client } = server;
    assert.equal(await client.waitForIndex(), 1);
    await client.waitForLog(/Skipped .*\.markdown-glossary\.json: not a regular file/);
  });
});

describe('a tags file that does not parse', () => {
  const server = serverOn({ ...ONE_TERM, 'glossar/tags.yml': 'Begriffe:\n  label: Begriffe\n IM: [\n' });

  it('shows its syntax error at its place, and the error goes once the file is fixed', async () => {
    const { ws, client } = server;
    await client.waitForIndex();
    const uri = ws.uri('glossar/tags.yml');
    const diagnostics = await eventually(async () => client.diagnostics.get(uri) ?? [], (found: Diagnostic[]) => found.length > 0);
    assert.ok(diagnostics.every((diagnostic) => diagnostic.code === 'yaml-syntax' && diagnostic.range.start.line >= 1), JSON.stringify(diagnostics));
    await assert.rejects(
      client.connection.sendRequest('workspace/executeCommand', { command: 'markdownGlossary.generateTagsFile', arguments: [ws.uri('glossar')] }),
      (error: Error) => /tags\.yml: The tags file has YAML errors/.test(error.message),
      'Generate tags.yml appends nothing to a tags file that does not parse, and says why',
    );
    ws.write('glossar/tags.yml', TAGS);
    await client.didChangeWatchedFiles([{ uri, type: FileChangeType.Changed }]);
    await eventually(async () => client.diagnostics.get(uri) ?? [], (found: Diagnostic[]) => found.length === 0);

    // Fixed, it declares every tag: Generate tags.yml says so and edits nothing (it created an empty tags.yml in the folder).
    const messages: string[] = [];
    client.connection.onRequest('window/showMessageRequest', ({ message }: { message: string }) => {
      messages.push(message);
      return null;
    });
    client.connection.onRequest('workspace/applyEdit', () => assert.fail('no edit when every tag is declared'));
    const result = await client.connection.sendRequest('workspace/executeCommand', { command: 'markdownGlossary.generateTagsFile', arguments: [ws.uri('')] });
    assert.equal(result, null);
    await eventually(async () => messages, (found: string[]) => found.length > 0);
    assert.deepEqual(messages, ['Every tag is declared in the tags file that governs its document.']);
  });
});

describe('a closed file with a byte order mark', () => {
  const A = '---\nid: A\ntitle: Alpha\n---\n# Alpha\n';
  const N = '[Alpha](A.md) und Alpha\n';
  const server = serverOn({ 'g/A.md': A, 'g/N.md': '\ufeff' + N });

  it('gets the edits its editor copy would get, which has no byte order mark', async () => {
    const { ws, client } = server;
    await client.waitForIndex();
    await client.open(ws.uri('g/A.md'), A);
    const edit = (await client.connection.sendRequest('textDocument/rename', { textDocument: { uri: ws.uri('g/A.md') }, position: positionOf(A, 'Alpha', 2, 1), newName: 'Omega' })) as {
      changes: Record<string, Array<{ range: { start: { line: number; character: number } }; newText: string }>>;
    };
    const inNote = edit.changes[ws.uri('g/N.md')].map((change) => `${change.range.start.line}:${change.range.start.character} ${change.newText}`);
    assert.deepEqual(inNote, [`0:1 Omega`]);
  });
});

describe('a file the glossary leaves out, where a rename would move a file', () => {
  const A = '---\nid: A\ntitle: Alpha\n---\n# Alpha\n';
  const server = serverOn({ 'g/A.md': A, 'g/B.md': 'Left out, and still a file.\n', '.markdown-glossary.json': '{ "exclude": ["g/B.md"] }\n' });

  it('is not overwritten: renaming the id to its name is refused, and the file keeps its text', async () => {
    const { ws, client } = server;
    assert.equal(await client.waitForIndex(), 1);
    await client.open(ws.uri('g/A.md'), A);
    const rename = (newName: string) => client.connection.sendRequest('textDocument/rename', { textDocument: { uri: ws.uri('g/A.md') }, position: positionOf(A, 'id: A', 4), newName });
    await assert.rejects(rename('B'), (error: Error) => /onto one that exists/.test(error.message));
    assert.equal(fs.readFileSync(ws.path('g/B.md'), 'utf8'), 'Left out, and still a file.\n');
    const moved = (await rename('C')) as { documentChanges: Array<{ kind?: string; newUri?: string }> };
    assert.deepEqual(moved.documentChanges.filter((change) => change.kind === 'rename').map((change) => change.newUri), [ws.uri('g/C.md')]);
  });
});

describe('a document opened through a link', () => {
  const A = '---\nid: A\ntitle: Alpha\n---\n# Alpha\n';
  const N = 'Siehe [Alpha](A.md).\n';
  const server = serverOn({ 'g/A.md': A, 'g/N.md': N }, { prepare: (ws) => fs.symlinkSync('N.md', ws.path('g/L.md')) });

  it('does not keep the links of the workspace files from following a move', async () => {
    const { ws, client } = server;
    await client.waitForIndex();
    await client.open(ws.uri('g/L.md'), N);
    const edit = (await client.connection.sendRequest('workspace/willRenameFiles', { files: [{ oldUri: ws.uri('g/A.md'), newUri: ws.uri('g/B.md') }] })) as {
      changes?: Record<string, Array<{ newText: string }>>;
    } | null;
    assert.deepEqual(Object.keys(edit?.changes ?? {}), [ws.uri('g/N.md')], JSON.stringify(edit));
    assert.deepEqual(edit!.changes![ws.uri('g/N.md')].map((change) => change.newText), ['B.md']);
  });
});
