import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DocumentSymbol, Location, Range, SemanticTokens, SymbolInformation, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { createWorkspace, positionOf, type Workspace } from '../support/fixtures';
import { LspClient } from '../support/lspClient';

/** A glossary in subfolders, linked in every style: relative paths, Docusaurus routes, wiki links. */
const FILES: Record<string, string> = {
  'docs/10-Glossar/O-Glossar/Outtasking.md':
    '---\nid: Outtasking\ntitle: Outtasking\ntags: [Begriffe]\n---\n\n# Outtasking\n\n**Outtasking vergibt Teilaufgaben.** Siehe [Outsourcing](../O-Glossar/Outsourcing.md).\n\n## Vorteile\n\nText.\n',
  'docs/10-Glossar/O-Glossar/Outsourcing.md':
    '---\nid: Outsourcing\ntitle: Outsourcing\ntags: [Begriffe]\n---\n\n# Outsourcing\n\n**Outsourcing vergibt ganze Aufgaben.** Eine Sonderform ist das Outtasking.\n',
  'docs/10-Glossar/S-Glossar/SLA.md':
    '---\nid: SLA\ntitle: Service Level Agreement\naliases: [SLA]\ntags: [Vertrag]\n---\n\n# Service Level Agreement\n\n**Regelt Leistungen.** Beim [Outtasking](/docs/Glossar/O-Glossar/Outtasking/) wichtig.\n',
  'notizen/plan.md':
    '# Plan\n\nWir prüfen das Outtasking.\nSiehe [Outtasking](../docs/10-Glossar/O-Glossar/Outtasking.md#vorteile) und [[Outtasking]].\nAuch [die Auslagerung](../docs/10-Glossar/O-Glossar/Outtasking.md) und das SLA.\n',
};

const NOTE = FILES['notizen/plan.md'];

/** Applies a WorkspaceEdit to texts in memory, as an editor would. */
function apply(edit: WorkspaceEdit, texts: Map<string, string>): { texts: Map<string, string>; renamed: Array<[string, string]> } {
  const result = new Map(texts);
  const renamed: Array<[string, string]> = [];
  const applyEdits = (uri: string, edits: TextEdit[]) => {
    const text = result.get(uri);
    assert.ok(text !== undefined, `edit of an unknown file ${uri}`);
    const offsetOf = ({ line, character }: { line: number; character: number }) =>
      text.split('\n').slice(0, line).reduce((sum, part) => sum + part.length + 1, 0) + character;
    const sorted = [...edits].sort((a, b) => offsetOf(b.range.start) - offsetOf(a.range.start));
    let updated = text;
    for (const change of sorted) updated = updated.slice(0, offsetOf(change.range.start)) + change.newText + updated.slice(offsetOf(change.range.end));
    result.set(uri, updated);
  };
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) applyEdits(uri, edits);
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change && change.kind === 'rename') {
      renamed.push([change.oldUri, change.newUri]);
      result.set(change.newUri, result.get(change.oldUri)!);
      result.delete(change.oldUri);
    } else if ('textDocument' in change) applyEdits(change.textDocument.uri, change.edits as TextEdit[]);
  }
  return { texts: result, renamed };
}

describe('navigation and refactoring over LSP', () => {
  let ws: Workspace;
  let client: LspClient;
  const texts = new Map<string, string>();
  const uri = (rel: string) => ws.uri(rel);
  const request = <T>(method: string, params: unknown) => client.connection.sendRequest(method, params) as Promise<T>;
  const rangeOfWord = (text: string, needle: string, occurrence = 0): Range => ({
    start: positionOf(text, needle, 0, occurrence),
    end: positionOf(text, needle, needle.length, occurrence),
  });
  const OUTTASKING = 'docs/10-Glossar/O-Glossar/Outtasking.md';
  const heading: Range = { start: { line: 6, character: 2 }, end: { line: 6, character: 12 } };

  before(async () => {
    ws = createWorkspace(FILES);
    for (const [rel, text] of Object.entries(FILES)) texts.set(ws.uri(rel), text);
    client = await LspClient.start({ workspaceFolders: [ws.root] });
    await client.waitForIndex();
    for (const [rel, text] of Object.entries(FILES)) await client.open(ws.uri(rel), text);
  });
  after(async () => {
    await client?.shutdown();
    ws?.dispose();
  });

  it('goes to the definition from a mention, a relative link, a route and a wiki link', async () => {
    const positions = [
      { rel: 'notizen/plan.md', at: positionOf(NOTE, 'Outtasking.', 3) },
      { rel: 'notizen/plan.md', at: positionOf(NOTE, '[Outtasking](', 3) },
      { rel: 'notizen/plan.md', at: positionOf(NOTE, '[[Outtasking]]', 4) },
      { rel: 'docs/10-Glossar/S-Glossar/SLA.md', at: positionOf(FILES['docs/10-Glossar/S-Glossar/SLA.md'], '/docs/Glossar', 3) },
    ];
    for (const { rel, at } of positions) {
      const locations = await request<Location[]>('textDocument/definition', { textDocument: { uri: uri(rel) }, position: at });
      assert.deepEqual(locations, [{ uri: uri(OUTTASKING), range: heading }], `${rel} ${JSON.stringify(at)}`);
    }
  });

  it('finds every link and plain mention of a term, from its heading or from a mention', async () => {
    const expected = [
      // Its own body mentions it too; only its heading is the definition, not a reference.
      { uri: uri(OUTTASKING), range: rangeOfWord(FILES[OUTTASKING], 'Outtasking', 3) },
      { uri: uri('docs/10-Glossar/O-Glossar/Outsourcing.md'), range: rangeOfWord(FILES['docs/10-Glossar/O-Glossar/Outsourcing.md'], 'Outtasking', 0) },
      { uri: uri('docs/10-Glossar/S-Glossar/SLA.md'), range: rangeOfWord(FILES['docs/10-Glossar/S-Glossar/SLA.md'], '[Outtasking](/docs/Glossar/O-Glossar/Outtasking/)') },
      { uri: uri('notizen/plan.md'), range: rangeOfWord(NOTE, 'Outtasking', 0) },
      { uri: uri('notizen/plan.md'), range: rangeOfWord(NOTE, '[Outtasking](../docs/10-Glossar/O-Glossar/Outtasking.md#vorteile)') },
      { uri: uri('notizen/plan.md'), range: rangeOfWord(NOTE, '[[Outtasking]]') },
      { uri: uri('notizen/plan.md'), range: rangeOfWord(NOTE, '[die Auslagerung](../docs/10-Glossar/O-Glossar/Outtasking.md)') },
    ];
    const sorted = (locations: Location[]) => [...locations].sort((a, b) => a.uri.localeCompare(b.uri) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    const fromHeading = await request<Location[]>('textDocument/references', {
      textDocument: { uri: uri(OUTTASKING) },
      position: { line: 6, character: 4 },
      context: { includeDeclaration: false },
    });
    assert.deepEqual(sorted(fromHeading), sorted(expected));
    const fromMention = await request<Location[]>('textDocument/references', {
      textDocument: { uri: uri('notizen/plan.md') },
      position: positionOf(NOTE, 'Outtasking.', 2),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(sorted(fromMention), sorted([...expected, { uri: uri(OUTTASKING), range: heading }]));
  });

  it('prepares a rename on a term and refuses other words', async () => {
    const onLink = await request<{ range: Range; placeholder: string }>('textDocument/prepareRename', {
      textDocument: { uri: uri('notizen/plan.md') },
      position: positionOf(NOTE, '[die Auslagerung]', 3),
    });
    assert.deepEqual(onLink, { range: rangeOfWord(NOTE, 'die Auslagerung'), placeholder: 'Outtasking' });
    const onId = await request<{ range: Range; placeholder: string }>('textDocument/prepareRename', {
      textDocument: { uri: uri(OUTTASKING) },
      position: { line: 1, character: 6 },
    });
    assert.deepEqual(onId, { range: { start: { line: 1, character: 4 }, end: { line: 1, character: 14 } }, placeholder: 'Outtasking' });
    await assert.rejects(
      request('textDocument/prepareRename', { textDocument: { uri: uri('notizen/plan.md') }, position: positionOf(NOTE, 'prüfen', 2) }),
      /Only a glossary term can be renamed here/,
    );
  });

  it('renames a title: the title, the H1, link texts that show it and wiki links; other link texts stay', async () => {
    const edit = await request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: uri(OUTTASKING) },
      position: { line: 6, character: 4 },
      newName: 'Aufgabenauslagerung',
    });
    const { texts: after } = apply(edit, texts);
    assert.equal(
      after.get(uri(OUTTASKING)),
      FILES[OUTTASKING].replace('title: Outtasking', 'title: Aufgabenauslagerung').replace('# Outtasking', '# Aufgabenauslagerung'),
    );
    assert.equal(
      after.get(uri('notizen/plan.md')),
      NOTE.replace('[Outtasking](../docs', '[Aufgabenauslagerung](../docs').replace('[[Outtasking]]', '[[Aufgabenauslagerung]]'),
    );
    assert.equal(after.get(uri('docs/10-Glossar/S-Glossar/SLA.md')), FILES['docs/10-Glossar/S-Glossar/SLA.md'].replace('[Outtasking]', '[Aufgabenauslagerung]'));
  });

  it('renames an id: routes follow, and the file named after it moves with its relative links', async () => {
    const edit = await request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: uri(OUTTASKING) },
      position: { line: 1, character: 6 },
      newName: 'Outtask',
    });
    const { texts: after, renamed } = apply(edit, texts);
    const moved = uri('docs/10-Glossar/O-Glossar/Outtask.md');
    assert.deepEqual(renamed, [[uri(OUTTASKING), moved]]);
    assert.match(after.get(moved)!, /^---\nid: Outtask\n/);
    assert.equal(after.get(uri('docs/10-Glossar/S-Glossar/SLA.md')), FILES['docs/10-Glossar/S-Glossar/SLA.md'].replace('/O-Glossar/Outtasking/', '/O-Glossar/Outtask/'));
    assert.equal(after.get(uri('notizen/plan.md')), NOTE.replaceAll('O-Glossar/Outtasking.md', 'O-Glossar/Outtask.md'));
  });

  it('updates links when the editor moves a term file to another folder', async () => {
    const edit = await request<WorkspaceEdit>('workspace/willRenameFiles', {
      files: [{ oldUri: uri(OUTTASKING), newUri: uri('docs/archiv/Outtasking.md') }],
    });
    const { texts: after } = apply(edit, texts);
    assert.equal(after.get(uri('notizen/plan.md')), NOTE.replaceAll('../docs/10-Glossar/O-Glossar/Outtasking.md', '../docs/archiv/Outtasking.md'));
    assert.equal(after.get(uri(OUTTASKING)), FILES[OUTTASKING].replace('(../O-Glossar/Outsourcing.md)', '(../10-Glossar/O-Glossar/Outsourcing.md)'));
  });

  it('finds terms by title and alias in workspace symbols, umlaut-insensitive', async () => {
    const names = async (query: string) => (await request<SymbolInformation[]>('workspace/symbol', { query })).map((symbol) => symbol.name);
    assert.deepEqual(await names('sla'), ['Service Level Agreement']);
    assert.deepEqual(await names('outt'), ['Outtasking']);
    const [symbol] = await request<SymbolInformation[]>('workspace/symbol', { query: 'Outsourcing' });
    assert.deepEqual(symbol.location, { uri: uri('docs/10-Glossar/O-Glossar/Outsourcing.md'), range: { start: { line: 6, character: 2 }, end: { line: 6, character: 13 } } });
  });

  it('outlines a term file: headings nested, the H1 with its tags', async () => {
    const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri(OUTTASKING) } });
    assert.deepEqual(
      symbols.map((symbol) => [symbol.name, symbol.detail, symbol.children?.map((child) => child.name)]),
      [['Outtasking', 'Begriffe', ['Vorteile']]],
    );
  });

  it('makes every link to a term clickable: relative, route and wiki', async () => {
    const links = await request<Array<{ range: Range; target: string }>>('textDocument/documentLink', { textDocument: { uri: uri('notizen/plan.md') } });
    assert.deepEqual(links.map((link) => link.target), [uri(OUTTASKING), uri(OUTTASKING), uri(OUTTASKING)]);
    const routes = await request<Array<{ range: Range; target: string }>>('textDocument/documentLink', { textDocument: { uri: uri('docs/10-Glossar/S-Glossar/SLA.md') } });
    assert.deepEqual(routes, [{ range: rangeOfWord(FILES['docs/10-Glossar/S-Glossar/SLA.md'], '/docs/Glossar/O-Glossar/Outtasking/'), target: uri(OUTTASKING) }]);
  });

  it('marks mentions and linked terms with semantic tokens', async () => {
    const { legend } = client.initializeResult!.capabilities.semanticTokensProvider as { legend: { tokenTypes: string[] } };
    assert.deepEqual(legend.tokenTypes, ['glossaryTerm']);
    const tokens = await request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: uri('notizen/plan.md') } });
    const decoded: Array<[number, number, number]> = [];
    let line = 0;
    let character = 0;
    for (let index = 0; index < tokens.data.length; index += 5) {
      const [deltaLine, deltaStart, length] = tokens.data.slice(index, index + 3);
      line += deltaLine;
      character = deltaLine === 0 ? character + deltaStart : deltaStart;
      decoded.push([line, character, length]);
    }
    const word = (needle: string, occurrence = 0): [number, number, number] => {
      const at = positionOf(NOTE, needle, 0, occurrence);
      return [at.line, at.character, needle.length];
    };
    const wiki = positionOf(NOTE, '[[Outtasking]]', 2);
    assert.deepEqual(decoded, [word('Outtasking', 0), word('Outtasking', 1), [wiki.line, wiki.character, 10], word('die Auslagerung'), word('SLA')]);
  });
});

describe('unlinked mentions over LSP', () => {
  it('reports plain mentions when turned on, never in the term\'s own file, and links them with a quick fix', async () => {
    const ws = createWorkspace(FILES);
    const client = await LspClient.start({ workspaceFolders: [ws.root], initializationOptions: { settings: { unlinkedMentions: true } } });
    try {
      await client.waitForIndex();
      const note = ws.uri('notizen/plan.md');
      await client.open(note, NOTE);
      const diagnostics = await client.waitForDiagnostics(note, (current) => (current ?? []).some((diagnostic) => diagnostic.code === 'unlinked-mention'));
      const mentions = diagnostics.filter((diagnostic) => diagnostic.code === 'unlinked-mention');
      assert.deepEqual(mentions.map((diagnostic) => NOTE.split('\n')[diagnostic.range.start.line].slice(diagnostic.range.start.character, diagnostic.range.end.character)), ['Outtasking', 'SLA']);
      const own = ws.uri('docs/10-Glossar/O-Glossar/Outsourcing.md');
      await client.open(own, FILES['docs/10-Glossar/O-Glossar/Outsourcing.md']);
      const ownDiagnostics = await client.waitForDiagnostics(own, (current) => current !== undefined);
      assert.deepEqual(ownDiagnostics.filter((diagnostic) => diagnostic.code === 'unlinked-mention').map((diagnostic) => diagnostic.range.start.line), [8], 'Outtasking in Outsourcing.md, not Outsourcing itself');
      const actions = (await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: note },
        range: mentions[0].range,
        context: { diagnostics: [mentions[0]] },
      })) as Array<{ title: string; edit: WorkspaceEdit }>;
      const link = actions.find((action) => action.title === 'Link to "Outtasking"');
      assert.ok(link, JSON.stringify(actions.map((action) => action.title)));
      const { texts } = apply(link.edit, new Map([[note, NOTE]]));
      assert.equal(texts.get(note), NOTE.replace('das Outtasking.', 'das [Outtasking](../docs/10-Glossar/O-Glossar/Outtasking.md).'));
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });
});
