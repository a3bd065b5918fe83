/**
 * Navigation and refactoring over the Language Server Protocol, as an editor sees them: the bundled
 * server (dist/server.js) over stdio, on the demo content (read-only: edits stay in memory, through
 * didOpen and didChange) and on a temporary glossary in subfolders linked in every style.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type {
  CodeAction,
  Diagnostic,
  DocumentSymbol,
  Location,
  Position,
  Range,
  SemanticTokens,
  SymbolInformation,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import { createWorkspace, existingFolder, positionOf, type Workspace } from '../support/fixtures';
import { eventually, LspClient, REPO_ROOT } from '../support/lspClient';

// ---------------------------------------------------------------------------------------------
// Helpers

type Texts = Map<string, string>;

/** The range of the n-th `context` in a text, narrowed to `part` of it (the whole context by default). */
function span(text: string, context: string, part = context, occurrence = 0): Range {
  const offset = context.indexOf(part);
  assert.ok(offset >= 0, `"${part}" is not part of "${context}"`);
  return { start: positionOf(text, context, offset, occurrence), end: positionOf(text, context, offset + part.length, occurrence) };
}

/** A position inside the n-th `context`, `into` characters after the start of `part`. */
function inside(text: string, context: string, part = context, into = 1, occurrence = 0): Position {
  return positionOf(text, context, context.indexOf(part) + into, occurrence);
}

/** The range of a term file's H1 text: where definitions go. */
function h1(text: string, title: string): Range {
  return span(text, `\n# ${title}\n`, title);
}

function offsetAt(text: string, { line, character }: Position): number {
  let offset = 0;
  for (let current = 0; current < line; current++) {
    const next = text.indexOf('\n', offset);
    assert.ok(next !== -1, `line ${line} is past the end`);
    offset = next + 1;
  }
  return offset + character;
}

function textAt(text: string, range: Range): string {
  return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
}

/**
 * Applies a WorkspaceEdit to texts in memory, as an editor would: the text edits of a file against
 * its text before them (they must not overlap), resource operations in order.
 */
function applyEdit(edit: WorkspaceEdit, texts: Texts): { texts: Texts; renamed: Array<[string, string]>; created: string[] } {
  const result = new Map(texts);
  const renamed: Array<[string, string]> = [];
  const created: string[] = [];
  const applyTextEdits = (uri: string, edits: TextEdit[]) => {
    const text = result.get(uri);
    assert.ok(text !== undefined, `an edit of a file the workspace does not have: ${uri}`);
    const located = edits.map((edit) => ({ start: offsetAt(text, edit.range.start), end: offsetAt(text, edit.range.end), newText: edit.newText }));
    located.sort((a, b) => a.start - b.start || a.end - b.end);
    for (let index = 1; index < located.length; index++) {
      assert.ok(located[index - 1].end <= located[index].start, `overlapping edits in ${uri}: ${JSON.stringify(edits)}`);
    }
    let updated = text;
    for (const edit of located.reverse()) updated = updated.slice(0, edit.start) + edit.newText + updated.slice(edit.end);
    result.set(uri, updated);
  };
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) applyTextEdits(uri, edits);
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind === 'rename') {
        assert.ok(result.has(change.oldUri), `renames a file the workspace does not have: ${change.oldUri}`);
        assert.ok(!result.has(change.newUri), `renames onto an existing file: ${change.newUri}`);
        renamed.push([change.oldUri, change.newUri]);
        result.set(change.newUri, result.get(change.oldUri)!);
        result.delete(change.oldUri);
      } else if (change.kind === 'create') {
        created.push(change.uri);
        if (!result.has(change.uri)) result.set(change.uri, '');
      } else {
        result.delete(change.uri);
      }
    } else {
      applyTextEdits(change.textDocument.uri, change.edits as TextEdit[]);
    }
  }
  return { texts: result, renamed, created };
}

/** Decodes the relative encoding of semantic tokens into [line, character, length, type]. */
function decodeTokens(tokens: SemanticTokens): Array<[number, number, number, number]> {
  const decoded: Array<[number, number, number, number]> = [];
  let line = 0;
  let character = 0;
  assert.equal(tokens.data.length % 5, 0);
  for (let index = 0; index < tokens.data.length; index += 5) {
    const [deltaLine, deltaStart, length, type] = tokens.data.slice(index, index + 4);
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    decoded.push([line, character, length, type]);
  }
  return decoded;
}

function byPlace<T extends { uri: string; range: Range }>(locations: T[]): T[] {
  return [...locations].sort(
    (a, b) =>
      a.uri.localeCompare(b.uri) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character,
  );
}

/** Reads every Markdown file below a folder: relative path -> text. */
function readMarkdownFiles(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.mdx?$/.test(entry.name)) files[path.relative(root, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return files;
}

function requester(client: LspClient) {
  return <T>(method: string, params: unknown): Promise<T> => client.connection.sendRequest(method, params) as Promise<T>;
}

const KIND_KEY = 20; // SymbolKind.Key
const KIND_STRING = 15; // SymbolKind.String
const INFORMATION = 3; // DiagnosticSeverity.Information

// ---------------------------------------------------------------------------------------------
// (a) The demo content, read-only

describe('navigation on the demo content (read-only)', () => {
  const CONTENT = path.join(REPO_ROOT, 'content');
  const folder = existingFolder(CONTENT);
  const files = readMarkdownFiles(CONTENT);
  const texts: Texts = new Map(Object.entries(files).map(([rel, text]) => [folder.uri(rel), text]));
  const uri = (rel: string) => folder.uri(rel);
  const SLA = 'glossar/vertrag/Service-Level-Agreement.md';
  const OUTTASKING = 'glossar/Outtasking.md';
  const MEETING = 'notizen/Meeting-2026-03.md';
  const BEWERTUNG = 'notizen/Lieferantenbewertung.md';
  const PROJEKT = 'notizen/Projekt-Auslagerung.md';
  let client: LspClient;
  let request: ReturnType<typeof requester>;

  before(async () => {
    client = await LspClient.start({ workspaceFolders: [CONTENT] });
    request = requester(client);
    await client.waitForIndex();
    for (const rel of [SLA, OUTTASKING, MEETING, BEWERTUNG, PROJEKT]) await client.open(uri(rel), files[rel]);
  });
  after(async () => {
    await client?.shutdown();
  });

  const definitionAt = (rel: string, position: Position) =>
    request<Location[]>('textDocument/definition', { textDocument: { uri: uri(rel) }, position });

  it('goes to the definition from a plain mention, an alias and a relative link', async () => {
    const slaHeading = { uri: uri(SLA), range: h1(files[SLA], 'Service Level Agreement') };
    const outtaskingHeading = { uri: uri(OUTTASKING), range: h1(files[OUTTASKING], 'Outtasking') };
    assert.deepEqual(slaHeading.range, { start: { line: 8, character: 2 }, end: { line: 8, character: 25 } });
    // "das SLA verfehlt": the alias.
    assert.deepEqual(await definitionAt(MEETING, inside(files[MEETING], 'das SLA verfehlt', 'SLA')), [slaHeading]);
    // "des Outsourcings": an inflected mention.
    assert.deepEqual(await definitionAt(MEETING, inside(files[MEETING], 'des Outsourcings', 'Outsourcings', 3)), [
      { uri: uri('glossar/Outsourcing.md'), range: h1(files['glossar/Outsourcing.md'], 'Outsourcing') },
    ]);
    // On the text and on the target of a relative link.
    const link = '[Outtasking](../glossar/Outtasking.md)';
    assert.deepEqual(await definitionAt(BEWERTUNG, inside(files[BEWERTUNG], link, 'Outtasking', 2)), [outtaskingHeading]);
    assert.deepEqual(await definitionAt(BEWERTUNG, inside(files[BEWERTUNG], link, '../glossar', 5)), [outtaskingHeading]);
    // A link from a subfolder up: vertrag/ -> ../Outsourcing.md.
    assert.deepEqual(await definitionAt(SLA, inside(files[SLA], '[Outsourcing](../Outsourcing.md)', 'Outsourcing', 1)), [
      { uri: uri('glossar/Outsourcing.md'), range: h1(files['glossar/Outsourcing.md'], 'Outsourcing') },
    ]);
    // From the term's own heading to itself; from a word that is no term to nowhere.
    assert.deepEqual(await definitionAt(OUTTASKING, { line: 6, character: 5 }), [outtaskingHeading]);
    assert.deepEqual(await definitionAt(MEETING, inside(files[MEETING], 'Teilnehmende')), []);
  });

  it('goes to the definition from wiki links typed into an open note (in memory)', async () => {
    const note = 'notizen/Neu.md';
    const text = '# Neu\n\nSiehe [[Wertschöpfungskette]] und [[Service Level Agreement|das SLA]].\n';
    await client.open(uri(note), '# Neu\n');
    await client.change(uri(note), 2, text);
    assert.deepEqual(await definitionAt(note, inside(text, '[[Wertschöpfungskette]]', 'Wertschöpfung', 3)), [
      { uri: uri('glossar/Wertschoepfungskette.md'), range: h1(files['glossar/Wertschoepfungskette.md'], 'Wertschöpfungskette') },
    ]);
    assert.deepEqual(await definitionAt(note, inside(text, '|das SLA]]', 'das SLA', 2)), [
      { uri: uri(SLA), range: h1(files[SLA], 'Service Level Agreement') },
    ]);
    // The unsaved note counts for references, with its text in the editor.
    const references = await request<Location[]>('textDocument/references', {
      textDocument: { uri: uri(note) },
      position: inside(text, '[[Wertschöpfungskette]]', 'Wertschöpfung', 3),
      context: { includeDeclaration: false },
    });
    assert.deepEqual(
      references.filter((location) => location.uri === uri(note)),
      [{ uri: uri(note), range: span(text, '[[Wertschöpfungskette]]') }],
    );
    await client.close(uri(note));
  });

  it('finds every link and plain mention of the Service Level Agreement across the folder', async () => {
    const at = (rel: string, context: string, part = context, occurrence = 0) => ({ uri: uri(rel), range: span(files[rel], context, part, occurrence) });
    const expected = [
      at('glossar/Auftraggeber.md', '[Service Level Agreement](vertrag/Service-Level-Agreement.md)'),
      at('glossar/Dienstleister.md', 'Service Level Agreement'),
      at('glossar/Informationsmanagement.md', 'Service Level Agreements'),
      at('glossar/Managed-Service.md', '[Service Level Agreement](vertrag/Service-Level-Agreement.md)'),
      at('glossar/Outsourcing.md', '[Service Level Agreement](vertrag/Service-Level-Agreement.md)'),
      at('glossar/Prozesskontrolle.md', '[Service Level Agreement](vertrag/Service-Level-Agreement.md)'),
      at('glossar/vertrag/Lieferantenmanagement.md', '[Service Level Agreements](Service-Level-Agreement.md)'),
      at('glossar/vertrag/Provider-Wechsel.md', '[Service Level Agreement](Service-Level-Agreement.md)'),
      // Its own body: the name and the alias; not its front matter or its heading.
      at(SLA, 'Service Level Agreement (SLA)', 'Service Level Agreement'),
      at(SLA, 'Service Level Agreement (SLA)', 'SLA'),
      at(SLA, 'bildet das SLA', 'SLA'),
      at(BEWERTUNG, 'zu jedem SLA', 'SLA'),
      at(MEETING, 'das SLA verfehlt', 'SLA'),
      at(MEETING, '[Service Level Agreement](../glossar/vertrag/Service-Level-Agreement.md)'),
      at(PROJEKT, 'in das SLA', 'SLA'),
    ];
    const declaration = { uri: uri(SLA), range: h1(files[SLA], 'Service Level Agreement') };
    const fromHeading = await request<Location[]>('textDocument/references', {
      textDocument: { uri: uri(SLA) },
      position: { line: 8, character: 10 },
      context: { includeDeclaration: false },
    });
    assert.deepEqual(byPlace(fromHeading), byPlace(expected));
    const fromMention = await request<Location[]>('textDocument/references', {
      textDocument: { uri: uri(PROJEKT) },
      position: inside(files[PROJEKT], 'in das SLA', 'SLA'),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(byPlace(fromMention), byPlace([...expected, declaration]));
    const fromLink = await request<Location[]>('textDocument/references', {
      textDocument: { uri: uri(MEETING) },
      position: inside(files[MEETING], '[Service Level Agreement](../glossar', 'glossar'),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(byPlace(fromLink), byPlace([...expected, declaration]));
  });

  it('prepares renames on the heading, the title, a link, a mention and the id; refuses other words', async () => {
    const prepare = (rel: string, position: Position) => request<{ range: Range; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: uri(rel) }, position });
    const sla = files[SLA];
    assert.deepEqual(await prepare(SLA, { line: 8, character: 4 }), { range: h1(sla, 'Service Level Agreement'), placeholder: 'Service Level Agreement' });
    assert.deepEqual(await prepare(SLA, inside(sla, 'title: Service Level Agreement', 'Service', 3)), {
      range: span(sla, 'title: Service Level Agreement', 'Service Level Agreement'),
      placeholder: 'Service Level Agreement',
    });
    assert.deepEqual(await prepare(SLA, inside(sla, 'id: Service-Level-Agreement', 'Service', 2)), {
      range: span(sla, 'id: Service-Level-Agreement', 'Service-Level-Agreement'),
      placeholder: 'Service-Level-Agreement',
    });
    const meeting = files[MEETING];
    assert.deepEqual(await prepare(MEETING, inside(meeting, '[Service Level Agreement](', 'Level')), {
      range: span(meeting, '[Service Level Agreement](', 'Service Level Agreement'),
      placeholder: 'Service Level Agreement',
    });
    // A mention of the alias renames the term's title.
    assert.deepEqual(await prepare(MEETING, inside(meeting, 'das SLA verfehlt', 'SLA')), {
      range: span(meeting, 'das SLA verfehlt', 'SLA'),
      placeholder: 'Service Level Agreement',
    });
    await assert.rejects(prepare(MEETING, inside(meeting, 'Teilnehmende', 'Teilnehmende', 3)), /Only a glossary term can be renamed here/);
  });

  it('renames a title across the folder without writing to it: title, heading and the link texts that show it', async () => {
    const edit = await request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: uri(MEETING) },
      position: inside(files[MEETING], '[Service Level Agreement](', 'Level'),
      newName: 'Dienstgütevereinbarung',
    });
    const { texts: renamed } = applyEdit(edit, texts);
    const expected = new Map(texts);
    const replace = (rel: string, from: string, to: string) => {
      const before = expected.get(uri(rel))!;
      assert.ok(before.includes(from), `${rel} has "${from}"`);
      expected.set(uri(rel), before.replace(from, to));
    };
    replace(SLA, 'title: Service Level Agreement', 'title: Dienstgütevereinbarung');
    replace(SLA, '# Service Level Agreement', '# Dienstgütevereinbarung');
    for (const rel of ['glossar/Auftraggeber.md', 'glossar/Managed-Service.md', 'glossar/Outsourcing.md', 'glossar/Prozesskontrolle.md']) {
      replace(rel, '[Service Level Agreement](vertrag/', '[Dienstgütevereinbarung](vertrag/');
    }
    replace('glossar/vertrag/Provider-Wechsel.md', '[Service Level Agreement](Service', '[Dienstgütevereinbarung](Service');
    replace(MEETING, '[Service Level Agreement](../', '[Dienstgütevereinbarung](../');
    // "[Service Level Agreements](…)" in Lieferantenmanagement shows another text: it stays, as do mentions.
    assert.deepEqual([...renamed].filter(([key, text]) => text !== expected.get(key)).map(([key]) => key), []);
    assert.deepEqual(renamed, expected);
    // Nothing was written.
    assert.equal(fs.readFileSync(path.join(CONTENT, SLA), 'utf8'), files[SLA]);
  });

  it('finds terms by fuzzy workspace symbol queries, umlauts written or not', async () => {
    const names = async (query: string) => (await request<SymbolInformation[]>('workspace/symbol', { query })).map((symbol) => symbol.name);
    assert.deepEqual((await names('sla'))[0], 'Service Level Agreement');
    for (const query of ['wertschöpf', 'wertschopf', 'Wertschoepf', 'WERTSCHÖPFUNGSKETTE']) {
      assert.deepEqual(await names(query), ['Wertschöpfungskette'], query);
    }
    const [sla] = await request<SymbolInformation[]>('workspace/symbol', { query: 'Service Level' });
    assert.deepEqual(sla, {
      name: 'Service Level Agreement',
      kind: KIND_KEY,
      containerName: 'SLA #Vertrag #IT-Betrieb',
      location: { uri: uri(SLA), range: h1(files[SLA], 'Service Level Agreement') },
    });
    assert.deepEqual(await names('keinbegriffxyz'), []);
  });

  it('outlines a term and a note', async () => {
    const [term] = await request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri(SLA) } });
    assert.equal(term.name, 'Service Level Agreement');
    assert.equal(term.detail, 'Vertrag, IT-Betrieb');
    assert.equal(term.kind, KIND_KEY);
    assert.deepEqual(term.selectionRange, h1(files[SLA], 'Service Level Agreement'));
    const note = await request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri(MEETING) } });
    assert.deepEqual(
      note.map((symbol) => [symbol.name, symbol.detail, symbol.kind, symbol.children]),
      [['Meeting März 2026 – IT-Steuerkreis', '', KIND_STRING, []]],
    );
  });

  it('makes the links of a note clickable, to the term files', async () => {
    const links = await request<Array<{ range: Range; target: string }>>('textDocument/documentLink', { textDocument: { uri: uri(MEETING) } });
    const meeting = files[MEETING];
    assert.deepEqual(links, [
      { range: span(meeting, '(../glossar/vertrag/Service-Level-Agreement.md)', '../glossar/vertrag/Service-Level-Agreement.md'), target: uri(SLA) },
      { range: span(meeting, '(../glossar/Outtasking.md)', '../glossar/Outtasking.md'), target: uri(OUTTASKING) },
    ]);
  });

  it('marks mentions and link texts with semantic tokens', async () => {
    const tokens = decodeTokens(await request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: uri(MEETING) } }));
    const meeting = files[MEETING];
    const token = (context: string, part: string): [number, number, number, number] => {
      const range = span(meeting, context, part);
      return [range.start.line, range.start.character, part.length, 0];
    };
    for (const expected of [
      token('das SLA verfehlt', 'SLA'),
      token('[Service Level Agreement](', 'Service Level Agreement'),
      token('des Outsourcings', 'Outsourcings'),
      token('[Outtasking](', 'Outtasking'),
    ]) {
      assert.ok(tokens.some((candidate) => JSON.stringify(candidate) === JSON.stringify(expected)), `${JSON.stringify(expected)} in ${JSON.stringify(tokens)}`);
    }
    // Never on words that are no term: the heading, the first list line's start.
    for (const [line, character, length] of tokens) {
      const text = meeting.split('\n')[line].slice(character, character + length);
      assert.doesNotMatch(text, /^(Meeting|Teilnehmende|Einkauf|Nächster)/, text);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// (b) A glossary in subfolders, linked in every style

const OUTTASKING = 'glossar/Outtasking.md';
const OUTSOURCING = 'glossar/Outsourcing.md';
const SLA = 'glossar/vertrag/Service-Level-Agreement.md';
const WERTSCHOEPFUNG = 'glossar/Wertschoepfungskette.md';
const AUFTRAGGEBER = 'docs/10-Glossar/A-Glossar/Auftraggeber.md';
const ANBIETER = 'docs/10-Glossar/A-Glossar/Anbieter.md';
const PLAN = 'notizen/plan.md';
const NOTIZ = 'notizen/vertrag/sla-notiz.md';

const FILES: Record<string, string> = {
  [OUTTASKING]: [
    '---',
    'id: Outtasking',
    'title: Outtasking',
    'tags: [Begriffe, IM]',
    '---',
    '',
    '# Outtasking',
    '',
    '**Outtasking vergibt einzelne Aufgaben.** Eine Form des [Outsourcings](Outsourcing.md), geregelt im [SLA](vertrag/Service-Level-Agreement.md#inhalt).',
    '',
    '## Vorteile',
    '',
    'Mehr Kontrolle als beim Outsourcing, siehe [[Service Level Agreement]].',
    '',
    '### Risiken',
    '',
    'Sie trägt der [Auftraggeber](/docs/Glossar/A-Glossar/Auftraggeber/).',
    '',
  ].join('\n'),
  [OUTSOURCING]: [
    '---',
    'id: Outsourcing',
    'title: Outsourcing',
    'tags: [Begriffe]',
    '---',
    '',
    '# Outsourcing',
    '',
    '**Outsourcing vergibt ganze Bereiche.** Feiner ist das [Outtasking](Outtasking.md), vgl. [[Outtasking#Vorteile]].',
    '',
  ].join('\n'),
  [SLA]: [
    '---',
    'id: Service-Level-Agreement',
    'title: Service Level Agreement',
    'aliases: [SLA]',
    'tags: [Vertrag]',
    '---',
    '',
    '# Service Level Agreement',
    '',
    '**Ein SLA regelt messbare Leistungen.** Wichtig beim [Outtasking](../Outtasking.md#vorteile) und beim Outsourcing.',
    '',
    '## Inhalt',
    '',
    'Kennzahlen und Zielwerte.',
    '',
  ].join('\n'),
  [WERTSCHOEPFUNG]: [
    '---',
    'id: Wertschoepfungskette',
    'title: Wertschöpfungskette',
    'tags: [Prozesse]',
    '---',
    '',
    '# Wertschöpfungskette',
    '',
    '**Die Abfolge der wertschaffenden Tätigkeiten.**',
    '',
  ].join('\n'),
  [AUFTRAGGEBER]: [
    '---',
    'id: Auftraggeber',
    'title: Auftraggeber',
    'tags: [Rollen]',
    '---',
    '',
    '# Auftraggeber',
    '',
    '**Wer Aufgaben vergibt.** Etwa beim [Outtasking](../../../glossar/Outtasking.md) an einen [Anbieter](/docs/Glossar/A-Glossar/anbieter/).',
    '',
  ].join('\n'),
  // The id differs from the file name: renaming it keeps the file.
  [ANBIETER]: ['---', 'id: anbieter', 'title: Anbieter', 'tags: [Rollen]', '---', '', '# Anbieter', '', '**Wer Aufgaben übernimmt.**', ''].join('\n'),
  [PLAN]: [
    '# Plan',
    '',
    'Wir prüfen das Outtasking mit dem Auftraggeber.',
    'Siehe [Outtasking](../glossar/Outtasking.md#vorteile), [[Outtasking]] und [[Outtasking|die Vergabe]].',
    'Auch [die Auslagerung](../glossar/Outtasking.md) und das SLA, vgl. [Service Level Agreement](../glossar/vertrag/Service-Level-Agreement.md).',
    'Zuständig: [Auftraggeber](/docs/Glossar/A-Glossar/Auftraggeber/) und [der Auftraggeber](/docs/Glossar/A-Glossar/Auftraggeber#rolle).',
    '',
    '## Offene Punkte',
    '',
    '### Kosten',
    '',
    'Noch offen.',
    '',
  ].join('\n'),
  [NOTIZ]: ['# Notiz', '', 'Das SLA für das Outtasking ist fertig. Jedes SLA wird jährlich geprüft.', 'Der Auftraggeber prüft das Service Level Agreement.', ''].join('\n'),
};

describe('navigation in a glossary with subfolders, routes and wiki links', () => {
  let ws: Workspace;
  let client: LspClient;
  let request: ReturnType<typeof requester>;
  const texts: Texts = new Map();
  const uri = (rel: string) => ws.uri(rel);
  const at = (rel: string, context: string, part = context, occurrence = 0) => ({ uri: uri(rel), range: span(FILES[rel], context, part, occurrence) });
  const heading = (rel: string) => {
    const title = /^title: (.*)$/m.exec(FILES[rel])![1];
    return { uri: uri(rel), range: h1(FILES[rel], title) };
  };
  /** The texts after an edit, checked whole: every file not named is unchanged. */
  const expectTexts = (actual: Texts, changed: Record<string, string | undefined>) => {
    const expected = new Map(texts);
    for (const [key, text] of Object.entries(changed)) {
      if (text === undefined) expected.delete(key.startsWith('file:') ? key : uri(key));
      else expected.set(key.startsWith('file:') ? key : uri(key), text);
    }
    for (const key of new Set([...actual.keys(), ...expected.keys()])) assert.equal(actual.get(key), expected.get(key), key);
  };
  const replaced = (rel: string, ...pairs: Array<[string, string]>) =>
    pairs.reduce((text, [from, to]) => {
      assert.ok(text.includes(from), `${rel} has "${from}"`);
      return text.replaceAll(from, to);
    }, FILES[rel]);

  before(async () => {
    ws = createWorkspace(FILES);
    for (const [rel, text] of Object.entries(FILES)) texts.set(ws.uri(rel), text);
    client = await LspClient.start({ workspaceFolders: [ws.root] });
    request = requester(client);
    assert.equal(await client.waitForIndex(), Object.keys(FILES).length);
    for (const rel of [OUTTASKING, OUTSOURCING, SLA, AUFTRAGGEBER, PLAN, NOTIZ]) await client.open(uri(rel), FILES[rel]);
  });
  after(async () => {
    await client?.shutdown();
    ws?.dispose();
  });

  const definitionAt = (rel: string, position: Position) =>
    request<Location[]>('textDocument/definition', { textDocument: { uri: uri(rel) }, position });

  it('goes to the definition from a plain mention', async () => {
    assert.deepEqual(await definitionAt(PLAN, inside(FILES[PLAN], 'das Outtasking', 'Outtasking', 4)), [heading(OUTTASKING)]);
    assert.deepEqual(await definitionAt(NOTIZ, inside(FILES[NOTIZ], 'das Service Level Agreement', 'Level')), [heading(SLA)]);
    assert.deepEqual(await definitionAt(NOTIZ, inside(FILES[NOTIZ], 'Jedes SLA', 'SLA', 0)), [heading(SLA)]);
    assert.deepEqual(await definitionAt(PLAN, inside(FILES[PLAN], 'Noch offen')), []);
  });

  it('goes to the definition from relative links, also with ../ and #anchors', async () => {
    const plan = FILES[PLAN];
    assert.deepEqual(await definitionAt(PLAN, inside(plan, '[Outtasking](../glossar/Outtasking.md#vorteile)', 'Outtasking')), [heading(OUTTASKING)]);
    assert.deepEqual(await definitionAt(PLAN, inside(plan, '[Outtasking](../glossar/Outtasking.md#vorteile)', '#vorteile')), [heading(OUTTASKING)]);
    assert.deepEqual(await definitionAt(PLAN, inside(plan, '[die Auslagerung]', 'Auslagerung')), [heading(OUTTASKING)]);
    assert.deepEqual(await definitionAt(PLAN, inside(plan, '[Service Level Agreement](../glossar/vertrag/')), [heading(SLA)]);
    assert.deepEqual(await definitionAt(AUFTRAGGEBER, inside(FILES[AUFTRAGGEBER], '(../../../glossar/Outtasking.md)', 'glossar')), [heading(OUTTASKING)]);
    assert.deepEqual(await definitionAt(OUTTASKING, inside(FILES[OUTTASKING], '[SLA](vertrag/Service-Level-Agreement.md#inhalt)', 'SLA')), [heading(SLA)]);
  });

  it('goes to the definition from route links, with or without the trailing slash', async () => {
    const plan = FILES[PLAN];
    assert.deepEqual(await definitionAt(PLAN, inside(plan, '[Auftraggeber](/docs/', 'Auftraggeber')), [heading(AUFTRAGGEBER)]);
    assert.deepEqual(await definitionAt(PLAN, inside(plan, '(/docs/Glossar/A-Glossar/Auftraggeber#rolle)', 'Glossar')), [heading(AUFTRAGGEBER)]);
    assert.deepEqual(await definitionAt(AUFTRAGGEBER, inside(FILES[AUFTRAGGEBER], '[Anbieter](/docs/Glossar/A-Glossar/anbieter/)', 'anbieter')), [heading(ANBIETER)]);
    assert.deepEqual(await definitionAt(OUTTASKING, inside(FILES[OUTTASKING], '[Auftraggeber](/docs/', 'Auftraggeber')), [heading(AUFTRAGGEBER)]);
  });

  it('goes to the definition from wiki links: plain, with shown text, with an anchor', async () => {
    assert.deepEqual(await definitionAt(PLAN, inside(FILES[PLAN], '[[Outtasking]]', 'Outtasking', 3)), [heading(OUTTASKING)]);
    assert.deepEqual(await definitionAt(PLAN, inside(FILES[PLAN], '[[Outtasking|die Vergabe]]', 'Vergabe')), [heading(OUTTASKING)]);
    assert.deepEqual(await definitionAt(OUTSOURCING, inside(FILES[OUTSOURCING], '[[Outtasking#Vorteile]]', 'Vorteile')), [heading(OUTTASKING)]);
    assert.deepEqual(await definitionAt(OUTTASKING, inside(FILES[OUTTASKING], '[[Service Level Agreement]]', 'Level')), [heading(SLA)]);
  });

  /** Every link to Outtasking and every plain mention of it in the fixture. */
  const outtaskingReferences = () => [
    at(OUTTASKING, '**Outtasking vergibt', 'Outtasking'),
    at(OUTSOURCING, '[Outtasking](Outtasking.md)'),
    at(OUTSOURCING, '[[Outtasking#Vorteile]]'),
    at(SLA, '[Outtasking](../Outtasking.md#vorteile)'),
    at(AUFTRAGGEBER, '[Outtasking](../../../glossar/Outtasking.md)'),
    at(PLAN, 'das Outtasking', 'Outtasking'),
    at(PLAN, '[Outtasking](../glossar/Outtasking.md#vorteile)'),
    at(PLAN, '[[Outtasking]]'),
    at(PLAN, '[[Outtasking|die Vergabe]]'),
    at(PLAN, '[die Auslagerung](../glossar/Outtasking.md)'),
    at(NOTIZ, 'das Outtasking', 'Outtasking'),
  ];

  it('finds references from the heading: every link in every style and every plain mention', async () => {
    const fromHeading = await request<Location[]>('textDocument/references', {
      textDocument: { uri: uri(OUTTASKING) },
      position: { line: 6, character: 4 },
      context: { includeDeclaration: false },
    });
    assert.deepEqual(byPlace(fromHeading), byPlace(outtaskingReferences()));
    const withDeclaration = await request<Location[]>('textDocument/references', {
      textDocument: { uri: uri(OUTTASKING) },
      position: { line: 6, character: 4 },
      context: { includeDeclaration: true },
    });
    assert.deepEqual(byPlace(withDeclaration), byPlace([...outtaskingReferences(), heading(OUTTASKING)]));
  });

  it('finds the same references from a link and from a mention in another folder', async () => {
    const fromLink = await request<Location[]>('textDocument/references', {
      textDocument: { uri: uri(PLAN) },
      position: inside(FILES[PLAN], '[die Auslagerung]', 'Auslagerung'),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(byPlace(fromLink), byPlace([...outtaskingReferences(), heading(OUTTASKING)]));
    const fromMention = await request<Location[]>('textDocument/references', {
      textDocument: { uri: uri(NOTIZ) },
      position: inside(FILES[NOTIZ], 'das Outtasking', 'Outtasking', 2),
      context: { includeDeclaration: false },
    });
    assert.deepEqual(byPlace(fromMention), byPlace(outtaskingReferences()));
  });

  it('finds references of a term reached by routes', async () => {
    const references = await request<Location[]>('textDocument/references', {
      textDocument: { uri: uri(PLAN) },
      position: inside(FILES[PLAN], '[der Auftraggeber]', 'Auftraggeber'),
      context: { includeDeclaration: false },
    });
    assert.deepEqual(
      byPlace(references),
      byPlace([
        at(OUTTASKING, '[Auftraggeber](/docs/Glossar/A-Glossar/Auftraggeber/)'),
        at(PLAN, 'dem Auftraggeber', 'Auftraggeber'),
        at(PLAN, '[Auftraggeber](/docs/Glossar/A-Glossar/Auftraggeber/)'),
        at(PLAN, '[der Auftraggeber](/docs/Glossar/A-Glossar/Auftraggeber#rolle)'),
        at(NOTIZ, 'Der Auftraggeber', 'Auftraggeber'),
      ]),
    );
  });

  it('prepares a rename on the heading, the title, links, a mention and the id; refuses other words', async () => {
    const prepare = (rel: string, position: Position) => request<{ range: Range; placeholder: string } | null>('textDocument/prepareRename', { textDocument: { uri: uri(rel) }, position });
    const own = FILES[OUTTASKING];
    const plan = FILES[PLAN];
    assert.deepEqual(await prepare(OUTTASKING, { line: 6, character: 12 }), { range: heading(OUTTASKING).range, placeholder: 'Outtasking' });
    assert.deepEqual(await prepare(OUTTASKING, inside(own, 'title: Outtasking', 'Outtasking')), { range: span(own, 'title: Outtasking', 'Outtasking'), placeholder: 'Outtasking' });
    assert.deepEqual(await prepare(OUTTASKING, inside(own, 'id: Outtasking', 'Outtasking', 4)), {
      range: { start: { line: 1, character: 4 }, end: { line: 1, character: 14 } },
      placeholder: 'Outtasking',
    });
    // A link renames the title; the range is the link's text, or a wiki link's target.
    assert.deepEqual(await prepare(PLAN, inside(plan, '[die Auslagerung]', 'Auslagerung')), { range: span(plan, '[die Auslagerung]', 'die Auslagerung'), placeholder: 'Outtasking' });
    assert.deepEqual(await prepare(PLAN, inside(plan, '[[Outtasking|die Vergabe]]', 'Vergabe')), {
      range: span(plan, '[[Outtasking|die Vergabe]]', 'Outtasking'),
      placeholder: 'Outtasking',
    });
    assert.deepEqual(await prepare(PLAN, inside(plan, '[Auftraggeber](/docs/', 'Auftraggeber')), {
      range: span(plan, '[Auftraggeber](/docs/', 'Auftraggeber'),
      placeholder: 'Auftraggeber',
    });
    // A mention of an alias renames the title it stands for.
    assert.deepEqual(await prepare(PLAN, inside(plan, 'das SLA,', 'SLA')), { range: span(plan, 'das SLA,', 'SLA'), placeholder: 'Service Level Agreement' });
    await assert.rejects(prepare(PLAN, inside(plan, 'Noch offen', 'offen')), /Only a glossary term can be renamed here/);
    await assert.rejects(prepare(PLAN, inside(plan, 'Wir prüfen', 'prüfen')), /Only a glossary term can be renamed here/);
  });

  it('renames a title: title, heading, link texts that showed it and wiki links; other link texts stay', async () => {
    const edit = await request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: uri(OUTTASKING) },
      position: { line: 6, character: 4 },
      newName: 'Aufgabenvergabe',
    });
    const { texts: renamed, renamed: files } = applyEdit(edit, texts);
    assert.deepEqual(files, []);
    expectTexts(renamed, {
      [OUTTASKING]: replaced(OUTTASKING, ['title: Outtasking', 'title: Aufgabenvergabe'], ['# Outtasking', '# Aufgabenvergabe']),
      [OUTSOURCING]: replaced(OUTSOURCING, ['[Outtasking](', '[Aufgabenvergabe]('], ['[[Outtasking#Vorteile]]', '[[Aufgabenvergabe#Vorteile]]']),
      [SLA]: replaced(SLA, ['[Outtasking](', '[Aufgabenvergabe](']),
      [AUFTRAGGEBER]: replaced(AUFTRAGGEBER, ['[Outtasking](', '[Aufgabenvergabe](']),
      // The mention "das Outtasking" and "[die Auslagerung](…)" stay as they are.
      [PLAN]: replaced(
        PLAN,
        ['[Outtasking](', '[Aufgabenvergabe]('],
        ['[[Outtasking]]', '[[Aufgabenvergabe]]'],
        ['[[Outtasking|die Vergabe]]', '[[Aufgabenvergabe|die Vergabe]]'],
      ),
    });
  });

  it('renames a title from a mention of its alias; a link showing the alias stays', async () => {
    const edit = await request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: uri(NOTIZ) },
      position: inside(FILES[NOTIZ], 'Das SLA', 'SLA'),
      newName: 'Dienstgütevereinbarung',
    });
    const { texts: renamed } = applyEdit(edit, texts);
    expectTexts(renamed, {
      [SLA]: replaced(SLA, ['title: Service Level Agreement', 'title: Dienstgütevereinbarung'], ['# Service Level Agreement', '# Dienstgütevereinbarung']),
      [OUTTASKING]: replaced(OUTTASKING, ['[[Service Level Agreement]]', '[[Dienstgütevereinbarung]]']),
      [PLAN]: replaced(PLAN, ['[Service Level Agreement](', '[Dienstgütevereinbarung](']),
    });
  });

  it('quotes a new title that YAML would misread', async () => {
    const edit = await request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: uri(OUTTASKING) },
      position: { line: 6, character: 4 },
      newName: 'Outtasking: Teilvergabe',
    });
    const { texts: renamed } = applyEdit(edit, texts);
    assert.match(renamed.get(uri(OUTTASKING))!, /^---\nid: Outtasking\ntitle: "Outtasking: Teilvergabe"\n/);
    assert.match(renamed.get(uri(OUTTASKING))!, /\n# Outtasking: Teilvergabe\n/);
  });

  it('renames an id the file is named after: the file moves, relative paths (../, #anchors) and routes follow', async () => {
    const edit = await request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: uri(OUTTASKING) },
      position: { line: 1, character: 6 },
      newName: 'Aufgabenvergabe',
    });
    const { texts: renamed, renamed: files } = applyEdit(edit, texts);
    const moved = uri('glossar/Aufgabenvergabe.md');
    assert.deepEqual(files, [[uri(OUTTASKING), moved]]);
    expectTexts(renamed, {
      [OUTTASKING]: undefined,
      [moved]: replaced(OUTTASKING, ['id: Outtasking', 'id: Aufgabenvergabe']),
      [OUTSOURCING]: replaced(OUTSOURCING, ['(Outtasking.md)', '(Aufgabenvergabe.md)']),
      [SLA]: replaced(SLA, ['(../Outtasking.md#vorteile)', '(../Aufgabenvergabe.md#vorteile)']),
      [AUFTRAGGEBER]: replaced(AUFTRAGGEBER, ['(../../../glossar/Outtasking.md)', '(../../../glossar/Aufgabenvergabe.md)']),
      // Wiki links name the title, which stays.
      [PLAN]: replaced(PLAN, ['../glossar/Outtasking.md', '../glossar/Aufgabenvergabe.md']),
    });
  });

  it('renames the id of a term reached by routes: every route follows, with its anchor', async () => {
    const edit = await request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: uri(AUFTRAGGEBER) },
      position: { line: 1, character: 6 },
      newName: 'Kunde',
    });
    const { texts: renamed, renamed: files } = applyEdit(edit, texts);
    const moved = uri('docs/10-Glossar/A-Glossar/Kunde.md');
    assert.deepEqual(files, [[uri(AUFTRAGGEBER), moved]]);
    expectTexts(renamed, {
      [AUFTRAGGEBER]: undefined,
      [moved]: replaced(AUFTRAGGEBER, ['id: Auftraggeber', 'id: Kunde']),
      [OUTTASKING]: replaced(OUTTASKING, ['/A-Glossar/Auftraggeber/', '/A-Glossar/Kunde/']),
      [PLAN]: replaced(PLAN, ['/A-Glossar/Auftraggeber/)', '/A-Glossar/Kunde/)'], ['/A-Glossar/Auftraggeber#rolle)', '/A-Glossar/Kunde#rolle)']),
    });
  });

  it('renames an id that differs from the file name: routes follow, the file stays', async () => {
    const anbieter = FILES[ANBIETER];
    await client.open(uri(ANBIETER), anbieter);
    const edit = await request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: uri(ANBIETER) },
      position: inside(anbieter, 'id: anbieter', 'anbieter', 2),
      newName: 'lieferant',
    });
    const { texts: renamed, renamed: files } = applyEdit(edit, texts);
    assert.deepEqual(files, []);
    expectTexts(renamed, {
      [ANBIETER]: replaced(ANBIETER, ['id: anbieter', 'id: lieferant']),
      [AUFTRAGGEBER]: replaced(AUFTRAGGEBER, ['/A-Glossar/anbieter/', '/A-Glossar/lieferant/']),
    });
    await assert.rejects(
      request('textDocument/rename', { textDocument: { uri: uri(ANBIETER) }, position: inside(anbieter, 'id: anbieter', 'anbieter', 2), newName: 'a/b' }),
      /must not be empty or contain "\/"/,
    );
  });

  it('updates links when a term file moves to another folder, and the moved file\'s own relative links', async () => {
    const edit = await request<WorkspaceEdit | null>('workspace/willRenameFiles', {
      files: [{ oldUri: uri(OUTTASKING), newUri: uri('glossar/vertrag/Outtasking.md') }],
    });
    assert.ok(edit);
    const { texts: updated } = applyEdit(edit, texts);
    expectTexts(updated, {
      [OUTSOURCING]: replaced(OUTSOURCING, ['(Outtasking.md)', '(vertrag/Outtasking.md)']),
      [SLA]: replaced(SLA, ['(../Outtasking.md#vorteile)', '(Outtasking.md#vorteile)']),
      [AUFTRAGGEBER]: replaced(AUFTRAGGEBER, ['(../../../glossar/Outtasking.md)', '(../../../glossar/vertrag/Outtasking.md)']),
      [PLAN]: replaced(PLAN, ['../glossar/Outtasking.md', '../glossar/vertrag/Outtasking.md']),
      // The file itself, by its old name (the editor moves it after the edit): its relative links
      // now start one folder deeper; its route and wiki links stay.
      [OUTTASKING]: replaced(OUTTASKING, ['(Outsourcing.md)', '(../Outsourcing.md)'], ['(vertrag/Service-Level-Agreement.md#inhalt)', '(Service-Level-Agreement.md#inhalt)']),
    });
  });

  it('updates links when a term file is renamed in its folder; its own links stay', async () => {
    const edit = await request<WorkspaceEdit | null>('workspace/willRenameFiles', {
      files: [{ oldUri: uri(OUTSOURCING), newUri: uri('glossar/Auslagerung.md') }],
    });
    assert.ok(edit);
    const { texts: updated } = applyEdit(edit, texts);
    expectTexts(updated, {
      [OUTTASKING]: replaced(OUTTASKING, ['(Outsourcing.md)', '(Auslagerung.md)']),
    });
  });

  it('updates links for a batch of moves as a whole: two files swapped through a temporary name', async () => {
    const temporary = uri('glossar/Zwischenname.md');
    const edit = await request<WorkspaceEdit | null>('workspace/willRenameFiles', {
      files: [
        { oldUri: uri(OUTTASKING), newUri: temporary },
        { oldUri: uri(OUTSOURCING), newUri: uri(OUTTASKING) },
        { oldUri: temporary, newUri: uri(OUTSOURCING) },
      ],
    });
    assert.ok(edit);
    const { texts: updated } = applyEdit(edit, texts);
    // Each link follows its term to the file it ends up in; none names the temporary file.
    expectTexts(updated, {
      [OUTTASKING]: replaced(OUTTASKING, ['(Outsourcing.md)', '(Outtasking.md)']),
      [OUTSOURCING]: replaced(OUTSOURCING, ['(Outtasking.md)', '(Outsourcing.md)']),
      [SLA]: replaced(SLA, ['(../Outtasking.md#vorteile)', '(../Outsourcing.md#vorteile)']),
      [AUFTRAGGEBER]: replaced(AUFTRAGGEBER, ['(../../../glossar/Outtasking.md)', '(../../../glossar/Outsourcing.md)']),
      [PLAN]: replaced(PLAN, ['../glossar/Outtasking.md', '../glossar/Outsourcing.md']),
    });
  });

  it('updates links when a folder moves: the editor names the folder, every file in it moves', async () => {
    const edit = await request<WorkspaceEdit | null>('workspace/willRenameFiles', {
      files: [{ oldUri: uri('glossar/vertrag'), newUri: uri('archiv/alt/vertrag') }],
    });
    assert.ok(edit);
    const { texts: updated } = applyEdit(edit, texts);
    expectTexts(updated, {
      [OUTTASKING]: replaced(OUTTASKING, ['(vertrag/Service-Level-Agreement.md#inhalt)', '(../archiv/alt/vertrag/Service-Level-Agreement.md#inhalt)']),
      [PLAN]: replaced(PLAN, ['../glossar/vertrag/Service-Level-Agreement.md', '../archiv/alt/vertrag/Service-Level-Agreement.md']),
      // The moved file's own links, from two folders deeper.
      [SLA]: replaced(SLA, ['(../Outtasking.md#vorteile)', '(../../../glossar/Outtasking.md#vorteile)']),
    });
  });

  it('updates route links when a term file moves to another docs folder (its route changes)', async () => {
    // docs/10-Glossar/A-Glossar/Auftraggeber.md is published at /docs/Glossar/A-Glossar/Auftraggeber/;
    // in K-Glossar it is at /docs/Glossar/K-Glossar/Auftraggeber/, and the old routes are broken.
    const edit = await request<WorkspaceEdit | null>('workspace/willRenameFiles', {
      files: [{ oldUri: uri(AUFTRAGGEBER), newUri: uri('docs/10-Glossar/K-Glossar/Auftraggeber.md') }],
    });
    assert.ok(edit);
    const { texts: updated } = applyEdit(edit, texts);
    expectTexts(updated, {
      [OUTTASKING]: replaced(OUTTASKING, ['/A-Glossar/Auftraggeber/', '/K-Glossar/Auftraggeber/']),
      [PLAN]: replaced(PLAN, ['/A-Glossar/Auftraggeber', '/K-Glossar/Auftraggeber']),
    });
  });

  it('finds terms with fuzzy workspace symbol queries: initials, aliases, umlauts written or not', async () => {
    const search = (query: string) => request<SymbolInformation[]>('workspace/symbol', { query });
    assert.deepEqual(await search('sla'), [
      { name: 'Service Level Agreement', kind: KIND_KEY, containerName: 'SLA #Vertrag', location: heading(SLA) },
    ]);
    for (const query of ['wertschöpf', 'wertschopf', 'wertschoepf', 'Wertschöpfungskette']) {
      assert.deepEqual(await search(query), [
        { name: 'Wertschöpfungskette', kind: KIND_KEY, containerName: '#Prozesse', location: heading(WERTSCHOEPFUNG) },
      ], query);
    }
    // Prefixes rank before substrings.
    assert.deepEqual((await search('out')).map((symbol) => symbol.name), ['Outsourcing', 'Outtasking']);
    assert.deepEqual((await search('anb')).map((symbol) => symbol.location), [heading(ANBIETER)]);
  });

  it('outlines documents: headings nested by level, the H1 of a term with its tags', async () => {
    const outline = (symbols: DocumentSymbol[]): unknown =>
      symbols.map((symbol) => ({ name: symbol.name, detail: symbol.detail, kind: symbol.kind, range: symbol.range, selectionRange: symbol.selectionRange, children: outline(symbol.children ?? []) }));
    const end = (rel: string) => {
      const lines = FILES[rel].split('\n');
      return { line: lines.length - 1, character: lines[lines.length - 1].length };
    };
    const term = await request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri(OUTTASKING) } });
    assert.deepEqual(outline(term), [
      {
        name: 'Outtasking',
        detail: 'Begriffe, IM',
        kind: KIND_KEY,
        range: { start: { line: 6, character: 0 }, end: end(OUTTASKING) },
        selectionRange: { start: { line: 6, character: 2 }, end: { line: 6, character: 12 } },
        children: [
          {
            name: 'Vorteile',
            detail: '',
            kind: KIND_STRING,
            range: { start: { line: 10, character: 0 }, end: end(OUTTASKING) },
            selectionRange: { start: { line: 10, character: 3 }, end: { line: 10, character: 11 } },
            children: [
              {
                name: 'Risiken',
                detail: '',
                kind: KIND_STRING,
                range: { start: { line: 14, character: 0 }, end: end(OUTTASKING) },
                selectionRange: { start: { line: 14, character: 4 }, end: { line: 14, character: 11 } },
                children: [],
              },
            ],
          },
        ],
      },
    ]);
    const note = await request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri(PLAN) } });
    assert.deepEqual(outline(note), [
      {
        name: 'Plan',
        detail: '',
        kind: KIND_STRING,
        range: { start: { line: 0, character: 0 }, end: end(PLAN) },
        selectionRange: { start: { line: 0, character: 2 }, end: { line: 0, character: 6 } },
        children: [
          {
            name: 'Offene Punkte',
            detail: '',
            kind: KIND_STRING,
            range: { start: { line: 7, character: 0 }, end: end(PLAN) },
            selectionRange: { start: { line: 7, character: 3 }, end: { line: 7, character: 16 } },
            children: [
              {
                name: 'Kosten',
                detail: '',
                kind: KIND_STRING,
                range: { start: { line: 9, character: 0 }, end: end(PLAN) },
                selectionRange: { start: { line: 9, character: 4 }, end: { line: 9, character: 10 } },
                children: [],
              },
            ],
          },
        ],
      },
    ]);
    // The SLA's sections end where the next one of the same level starts.
    const [sla] = await request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri(SLA) } });
    assert.deepEqual([sla.name, sla.detail, sla.children?.map((child) => [child.name, child.range.start.line])], ['Service Level Agreement', 'Vertrag', [['Inhalt', 11]]]);
  });

  it('makes relative, route and wiki links clickable, to the term files', async () => {
    const links = await request<Array<{ range: Range; target: string }>>('textDocument/documentLink', { textDocument: { uri: uri(PLAN) } });
    const plan = FILES[PLAN];
    const target = (context: string, part: string, rel: string) => ({ range: span(plan, context, part), target: uri(rel) });
    assert.deepEqual(
      byPlace(links.map((link) => ({ uri: '', ...link }))).map(({ range, target }) => ({ range, target })),
      [
        target('(../glossar/Outtasking.md#vorteile)', '../glossar/Outtasking.md#vorteile', OUTTASKING),
        target('[[Outtasking]]', '[[Outtasking]]', OUTTASKING),
        target('[[Outtasking|die Vergabe]]', '[[Outtasking|die Vergabe]]', OUTTASKING),
        target('(../glossar/Outtasking.md)', '../glossar/Outtasking.md', OUTTASKING),
        target('(../glossar/vertrag/Service-Level-Agreement.md)', '../glossar/vertrag/Service-Level-Agreement.md', SLA),
        target('(/docs/Glossar/A-Glossar/Auftraggeber/)', '/docs/Glossar/A-Glossar/Auftraggeber/', AUFTRAGGEBER),
        target('(/docs/Glossar/A-Glossar/Auftraggeber#rolle)', '/docs/Glossar/A-Glossar/Auftraggeber#rolle', AUFTRAGGEBER),
      ],
    );
    const fromTerm = await request<Array<{ range: Range; target: string }>>('textDocument/documentLink', { textDocument: { uri: uri(OUTTASKING) } });
    assert.deepEqual(
      fromTerm.map((link) => [textAt(FILES[OUTTASKING], link.range), link.target]),
      [
        ['Outsourcing.md', uri(OUTSOURCING)],
        ['vertrag/Service-Level-Agreement.md#inhalt', uri(SLA)],
        ['[[Service Level Agreement]]', uri(SLA)],
        ['/docs/Glossar/A-Glossar/Auftraggeber/', uri(AUFTRAGGEBER)],
      ],
    );
  });

  it('marks mentions and the texts of term links with semantic tokens', async () => {
    const { legend, full } = client.initializeResult!.capabilities.semanticTokensProvider as { legend: { tokenTypes: string[]; tokenModifiers: string[] }; full: boolean };
    assert.ok(legend.tokenTypes.includes('glossaryTerm'));
    assert.equal(full, true);
    const type = legend.tokenTypes.indexOf('glossaryTerm');
    const plan = FILES[PLAN];
    const token = (context: string, part: string): [number, number, number, number] => {
      const range = span(plan, context, part);
      return [range.start.line, range.start.character, part.length, type];
    };
    const tokens = decodeTokens(await request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: uri(PLAN) } }));
    assert.deepEqual(tokens, [
      token('das Outtasking', 'Outtasking'),
      token('dem Auftraggeber', 'Auftraggeber'),
      token('[Outtasking](', 'Outtasking'),
      token('[[Outtasking]]', 'Outtasking'),
      token('[[Outtasking|die Vergabe]]', 'die Vergabe'),
      token('[die Auslagerung]', 'die Auslagerung'),
      token('das SLA,', 'SLA'),
      token('[Service Level Agreement]', 'Service Level Agreement'),
      token('[Auftraggeber]', 'Auftraggeber'),
      token('[der Auftraggeber]', 'der Auftraggeber'),
    ]);
    // In a term's own file its name in the prose is marked, its heading and front matter are not.
    const own = decodeTokens(await request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: uri(OUTTASKING) } }));
    assert.deepEqual(
      own.map(([line, character, length]) => FILES[OUTTASKING].split('\n')[line].slice(character, character + length)),
      ['Outtasking', 'Outsourcings', 'SLA', 'Outsourcing', 'Service Level Agreement', 'Auftraggeber'],
    );
    assert.ok(own.every(([line]) => line > 6));
  });

  it('splits a name broken across lines into one token per line, also with CRLF line breaks', async () => {
    const note = uri('notizen/umbruch.md');
    const text = '# Umbruch\r\n\r\nDas Service Level\r\nAgreement gilt, ebenso das Outtasking.\r\n';
    await client.open(note, text);
    try {
      const tokens = decodeTokens(await request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: note } }));
      assert.deepEqual(tokens, [
        [2, 4, 'Service Level'.length, 0],
        [3, 0, 'Agreement'.length, 0],
        [3, 'Agreement gilt, ebenso das '.length, 'Outtasking'.length, 0],
      ]);
      assert.deepEqual(await definitionAt('notizen/umbruch.md', { line: 3, character: 3 }), [heading(SLA)]);
      const edit = await request<WorkspaceEdit>('textDocument/rename', {
        textDocument: { uri: note },
        position: { line: 3, character: 30 },
        newName: 'Aufgabenvergabe',
      });
      // A mention is no link: the rename leaves the note alone.
      assert.deepEqual(Object.keys(edit.changes ?? {}).includes(note), false);
    } finally {
      await client.close(note);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Unlinked mentions

describe('unlinked mentions over LSP', () => {
  const isMention = (diagnostic: Diagnostic) => diagnostic.code === 'unlinked-mention';

  it('reports plain mentions in a note when turned on, and links one or all of them with quick fixes', async () => {
    const ws = createWorkspace(FILES);
    // No workspace/configuration capability: the settings come from initializationOptions.
    const client = await LspClient.start({ workspaceFolders: [ws.root], initializationOptions: { settings: { unlinkedMentions: true } } });
    try {
      await client.waitForIndex();
      const note = ws.uri(NOTIZ);
      const text = FILES[NOTIZ];
      await client.open(note, text);
      const diagnostics = (await client.waitForDiagnostics(note, (current) => (current ?? []).some(isMention))).filter(isMention);
      const sla = 'Service Level Agreement';
      assert.deepEqual(
        diagnostics.map((diagnostic) => [textAt(text, diagnostic.range), diagnostic.severity, diagnostic.source, diagnostic.relatedInformation?.[0].location.uri]),
        [
          ['SLA', INFORMATION, 'markdown-glossary', ws.uri(SLA)],
          ['Outtasking', INFORMATION, 'markdown-glossary', ws.uri(OUTTASKING)],
          ['SLA', INFORMATION, 'markdown-glossary', ws.uri(SLA)],
          ['Auftraggeber', INFORMATION, 'markdown-glossary', ws.uri(AUFTRAGGEBER)],
          [sla, INFORMATION, 'markdown-glossary', ws.uri(SLA)],
        ],
      );
      assert.equal(diagnostics[0].message, `"${sla}" is a glossary term and could be a link.`);

      const actionsAt = async (diagnostic: Diagnostic) =>
        (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: note }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
      const target = '../../glossar/vertrag/Service-Level-Agreement.md';
      const actions = await actionsAt(diagnostics[0]);
      const one = actions.find((action) => action.title === `Link to "${sla}"`);
      assert.ok(one?.edit, JSON.stringify(actions.map((action) => action.title)));
      assert.equal(one.isPreferred, true);
      assert.equal(applyEdit(one.edit, new Map([[note, text]])).texts.get(note), text.replace('Das SLA', `Das [SLA](${target})`));
      const all = actions.find((action) => action.title === `Link all mentions of "${sla}" in this file`);
      assert.ok(all?.edit, JSON.stringify(actions.map((action) => action.title)));
      assert.equal(
        applyEdit(all.edit, new Map([[note, text]])).texts.get(note),
        text
          .replace('Das SLA', `Das [SLA](${target})`)
          .replace('Jedes SLA', `Jedes [SLA](${target})`)
          .replace(`das ${sla}`, `das [${sla}](${target})`),
      );
      // A term mentioned once: one link, no "all".
      const single = await actionsAt(diagnostics[3]);
      const link = single.find((action) => action.title === 'Link to "Auftraggeber"');
      assert.ok(link?.edit);
      assert.equal(
        applyEdit(link.edit, new Map([[note, text]])).texts.get(note),
        text.replace('Der Auftraggeber', 'Der [Auftraggeber](../../docs/10-Glossar/A-Glossar/Auftraggeber.md)'),
      );
      assert.ok(!single.some((action) => action.title.startsWith('Link all mentions')));

      // The plan links relative paths more than routes or wiki links: its new link is a relative path.
      const plan = ws.uri(PLAN);
      await client.open(plan, FILES[PLAN]);
      const planMentions = (await client.waitForDiagnostics(plan, (current) => (current ?? []).some(isMention))).filter(isMention);
      assert.deepEqual(planMentions.map((diagnostic) => textAt(FILES[PLAN], diagnostic.range)), ['Outtasking', 'Auftraggeber', 'SLA']);
      const planActions = (await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: plan },
        range: planMentions[0].range,
        context: { diagnostics: [planMentions[0]] },
      })) as CodeAction[];
      const planLink = planActions.find((action) => action.title === 'Link to "Outtasking"');
      assert.ok(planLink?.edit);
      assert.equal(applyEdit(planLink.edit, new Map([[plan, FILES[PLAN]]])).texts.get(plan), FILES[PLAN].replace('das Outtasking mit', 'das [Outtasking](../glossar/Outtasking.md) mit'));
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });

  it('never reports a term in its own file, by name or alias', async () => {
    const ws = createWorkspace(FILES);
    const client = await LspClient.start({ workspaceFolders: [ws.root], initializationOptions: { settings: { unlinkedMentions: true } } });
    try {
      await client.waitForIndex();
      // Diagnostics go out in order: once the second file's arrive, the first's would have, had it any.
      // Outtasking links Outsourcing before it mentions it again: that mention needs no link.
      await client.open(ws.uri(OUTTASKING), FILES[OUTTASKING]);
      await client.open(ws.uri(SLA), FILES[SLA]);
      const diagnostics = (await client.waitForDiagnostics(ws.uri(SLA), (current) => (current ?? []).some(isMention))).filter(isMention);
      assert.deepEqual(diagnostics.map((diagnostic) => textAt(FILES[SLA], diagnostic.range)), ['Outsourcing']);
      assert.deepEqual((client.diagnostics.get(ws.uri(OUTTASKING)) ?? []).filter(isMention), []);
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });

  it('reports none and offers no link when the setting is off', async () => {
    const ws = createWorkspace(FILES);
    const client = await LspClient.start({ workspaceFolders: [ws.root] });
    try {
      await client.waitForIndex();
      const note = ws.uri(NOTIZ);
      await client.open(note, FILES[NOTIZ]);
      // Diagnostics go out in order: once those of a later document with a problem arrive, the
      // note's would have, had it any.
      const broken = ws.uri('notizen/kaputt.md');
      await client.open(broken, '# Kaputt\n\nSiehe [Fehlt](../glossar/Fehlt.md).\n');
      await client.waitForDiagnostics(broken, (current) => (current ?? []).some((diagnostic) => diagnostic.code === 'broken-link'));
      assert.deepEqual((client.diagnostics.get(note) ?? []).filter(isMention), []);
      const range = span(FILES[NOTIZ], 'Das SLA', 'SLA');
      const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: note }, range, context: { diagnostics: [] } })) as CodeAction[];
      assert.deepEqual(actions, []);
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });

  it('reports mentions in a note of the demo content (read-only) and links them', async () => {
    const CONTENT = path.join(REPO_ROOT, 'content');
    const folder = existingFolder(CONTENT);
    const client = await LspClient.start({ workspaceFolders: [CONTENT], initializationOptions: { settings: { unlinkedMentions: true } } });
    try {
      await client.waitForIndex();
      const rel = 'notizen/Projekt-Auslagerung.md';
      const note = folder.uri(rel);
      const text = fs.readFileSync(path.join(CONTENT, rel), 'utf8');
      await client.open(note, text);
      const mentions = (await client.waitForDiagnostics(note, (current) => (current ?? []).some(isMention))).filter(isMention);
      const words = mentions.map((diagnostic) => textAt(text, diagnostic.range));
      assert.deepEqual(words, ['Outtasking', 'Dienstleister', 'Outsourcing', 'SLA', 'Nearshoring', 'Dienstleister', 'Make-or-Buy-Entscheidung', 'Outsourcings', 'Teilaufgabe']);
      assert.ok(mentions.every((diagnostic) => diagnostic.severity === INFORMATION));
      // Link texts are not mentions: "grobe Make-or-Buy-Entscheidung" is, "[Make-or-Buy-Entscheidung](…)" is not.
      const linkText = span(text, '[Make-or-Buy-Entscheidung](', 'Make-or-Buy-Entscheidung');
      const plain = span(text, 'grobe Make-or-Buy-Entscheidung', 'Make-or-Buy-Entscheidung');
      assert.ok(mentions.some((diagnostic) => JSON.stringify(diagnostic.range) === JSON.stringify(plain)));
      assert.ok(!mentions.some((diagnostic) => diagnostic.range.start.line === linkText.start.line && diagnostic.range.start.character >= linkText.start.character - 1));
      const outtaskingLink = span(text, '[Outtasking](../glossar/Outtasking.md)');
      assert.ok(!mentions.some((diagnostic) => diagnostic.range.start.line === outtaskingLink.start.line && diagnostic.range.start.character >= outtaskingLink.start.character));
      const sla = mentions.find((diagnostic) => textAt(text, diagnostic.range) === 'SLA')!;
      const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: note }, range: sla.range, context: { diagnostics: [sla] } })) as CodeAction[];
      const link = actions.find((action) => action.title === 'Link to "Service Level Agreement"');
      assert.ok(link?.edit, JSON.stringify(actions.map((action) => action.title)));
      assert.equal(
        applyEdit(link.edit, new Map([[note, text]])).texts.get(note),
        text.replace('in das SLA?', 'in das [SLA](../glossar/vertrag/Service-Level-Agreement.md)?'),
      );
    } finally {
      await client.shutdown();
    }
  });
});

describe('references as closed files change on disk', () => {
  it('finds a mention written to a closed file after an earlier search, and drops one removed', async () => {
    const TERM = 'glossar/Kostenstelle.md';
    const ws = createWorkspace({
      [TERM]: '---\nid: Kostenstelle\ntitle: Kostenstelle\n---\n# Kostenstelle\n\nDer Ort, an dem Kosten entstehen.\n',
      'notizen/a.md': 'Die Kostenstelle zahlt.\n',
      'notizen/b.md': 'Hier steht nichts dazu.\n',
      'notizen/c.md': 'Auch hier nicht.\n',
    });
    const client = await LspClient.start({ workspaceFolders: [ws.root] });
    try {
      await client.waitForIndex();
      await client.open(ws.uri(TERM), fs.readFileSync(ws.path(TERM), 'utf8'));
      const referencingFiles = async () => {
        const locations = (await client.connection.sendRequest('textDocument/references', {
          textDocument: { uri: ws.uri(TERM) },
          position: { line: 4, character: 4 },
          context: { includeDeclaration: false },
        })) as Location[];
        return [...new Set(locations.map((location) => path.basename(location.uri)))].sort();
      };
      assert.deepEqual(await referencingFiles(), ['a.md']);
      // The first search kept a signature of b.md that rules the term out; the file changes.
      ws.write('notizen/b.md', 'Jetzt mit den Kostenstellen im Werk.\n');
      ws.write('notizen/a.md', 'Die Abteilung zahlt.\n');
      await client.didChangeWatchedFiles(['notizen/a.md', 'notizen/b.md'].map((rel) => ({ uri: ws.uri(rel), type: FileChangeType.Changed })));
      await eventually(referencingFiles, (files) => files.join() === 'b.md');
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });
});

describe('an editor that declares no file operations (Eglot 1.9: documentChanges, no resourceOperations)', () => {
  it('refuses to rename an id the file is named after, naming the file; a title still renames', async () => {
    const TERM = 'glossar/Kostenstelle.md';
    const files = {
      [TERM]: '---\nid: Kostenstelle\ntitle: Kostenstelle\n---\n# Kostenstelle\n\nDer Ort, an dem Kosten entstehen.\n',
      'notizen/a.md': 'Siehe [Kostenstelle](../glossar/Kostenstelle.md).\n',
    };
    const ws = createWorkspace(files);
    const client = await LspClient.start({ workspaceFolders: [ws.root], resourceOperations: [] });
    try {
      await client.waitForIndex();
      await client.open(ws.uri(TERM), files[TERM]);
      // Eglot 1.9 would apply the link edits and read the file's move as a text edit of no file:
      // every link would then lead to glossar/Kostenort.md, which does not exist.
      await assert.rejects(
        client.connection.sendRequest('textDocument/rename', { textDocument: { uri: ws.uri(TERM) }, position: { line: 1, character: 6 }, newName: 'Kostenort' }),
        /The rename would move Kostenstelle\.md to Kostenort\.md, and this editor cannot rename files\./,
      );
      const edit = (await client.connection.sendRequest('textDocument/rename', {
        textDocument: { uri: ws.uri(TERM) },
        position: { line: 2, character: 9 },
        newName: 'Kostenort',
      })) as WorkspaceEdit;
      assert.deepEqual(Object.keys(edit.changes ?? {}).sort(), [ws.uri(TERM), ws.uri('notizen/a.md')].sort());
      assert.equal(edit.documentChanges, undefined);
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });

  it('gets "Create ... from the template" as a plain edit of the new file, with no create operation (Eglot 1.9 would open a Dired buffer for it)', async () => {
    const NOTE = 'notizen/a.md';
    const text = 'Siehe [Neuer Begriff](../glossar/Neuer-Begriff.md).\n';
    const ws = createWorkspace({ 'glossar/Kostenstelle.md': '---\nid: Kostenstelle\ntitle: Kostenstelle\n---\n# Kostenstelle\n\nDer Ort, an dem Kosten entstehen.\n', [NOTE]: text });
    const client = await LspClient.start({ workspaceFolders: [ws.root], resourceOperations: [] });
    try {
      await client.waitForIndex();
      await client.open(ws.uri(NOTE), text);
      const [diagnostic] = await client.waitForDiagnostics(ws.uri(NOTE), (current) => (current ?? []).some((d) => d.code === 'broken-link'));
      const actions = (await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: ws.uri(NOTE) },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
      })) as Array<{ title: string; edit?: WorkspaceEdit }>;
      const create = actions.find((action) => action.title === 'Create ../glossar/Neuer-Begriff.md from the template');
      assert.ok(create?.edit, JSON.stringify(actions.map((action) => action.title)));
      assert.equal(create.edit.documentChanges, undefined, JSON.stringify(create.edit));
      const edits = create.edit.changes?.[ws.uri('glossar/Neuer-Begriff.md')] ?? [];
      assert.equal(edits.length, 1, JSON.stringify(create.edit));
      assert.deepEqual(edits[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      assert.match(edits[0].newText, /^---\nid: Neuer-Begriff\n[^]*\n# Neuer Begriff\n/);
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });
});
