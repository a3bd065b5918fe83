/**
 * Protocol tests: the bundled server (dist/server.js) over stdio, asserting what an editor shows.
 * Build first: `node esbuild.mjs`.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity, FileChangeType, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-protocol/node';
import { createWorkspace, existingFolder, positionOf, type Workspace } from '../support/fixtures';
import { acceptedOn, completionItems, eventually, hoverText, LspClient, REPO_ROOT } from '../support/lspClient';
import { compileGlobs } from '../../server/src/common/glob';

/** The seed entry, as it ships in the demo glossary. */
const SEED = fs.readFileSync(path.join(REPO_ROOT, 'content/glossar/Outtasking.md'), 'utf8');
const SEED_DEFINITION = 'Das Outtasking ist eine besondere Form des Outsourcings.';
const NOTE = 'Wir prüfen das Outtasking der Dateneingabe.';
const TAGS_ONLY_BEGRIFFE = 'Begriffe:\n  label: Begriffe\n  description: Grundbegriffe\n';

const range = (startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range => ({
  start: { line: startLine, character: startCharacter },
  end: { line: endLine, character: endCharacter },
});

/** The range of the n-th occurrence of `needle` in `text`. */
function rangeOf(text: string, needle: string, occurrence = 0): Range {
  const start = positionOf(text, needle, 0, occurrence);
  const end = positionOf(text, needle, needle.length, occurrence);
  return { start, end };
}

/** The place of the undeclared `IM` in the seed's `tags:` line. */
function seedImRange(): Range {
  const lines = SEED.split('\n');
  const line = lines.findIndex((text) => text.startsWith('tags:'));
  const character = lines[line].indexOf('IM');
  return range(line, character, line, character + 2);
}

function seedWorkspace(): Workspace {
  return createWorkspace({
    'glossar/Outtasking.md': SEED,
    'glossar/tags.yml': TAGS_ONLY_BEGRIFFE,
    'notes/plan.md': NOTE + '\n',
  });
}

const unknownTags = (diagnostics: Diagnostic[] | undefined) => (diagnostics ?? []).filter((d) => d.code === 'unknown-tag');

describe('a workspace with the seed entry', () => {
  let ws: Workspace;
  let client: LspClient;

  before(async () => {
    ws = seedWorkspace();
    client = await LspClient.start({ workspaceFolders: [ws.root] });
    await client.waitForIndex();
    await client.open(ws.uri('notes/plan.md'), NOTE + '\n');
  });
  after(async () => {
    await client?.shutdown();
    ws?.dispose();
  });

  it('indexes every Markdown file in the workspace', async () => {
    assert.equal(await client.waitForIndex(), 2);
  });

  it('announces hover, and completion triggered by link and list punctuation', () => {
    const capabilities = client.initializeResult!.capabilities;
    assert.equal(capabilities.hoverProvider, true);
    assert.deepEqual(capabilities.completionProvider?.triggerCharacters, ['[', '(', '/', ',', '#']);
    // Every file's move comes to it, so that a page moved with its images keeps them.
    assert.deepEqual(capabilities.workspace?.fileOperations?.willRename?.filters, [{ pattern: { glob: '**/*' } }]);
  });

  it('hovering a mention in a note shows the definition and a link to the term file', async () => {
    const wordRange = rangeOf(NOTE, 'Outtasking');
    const hover = await client.hover(ws.uri('notes/plan.md'), { line: 0, character: wordRange.start.character + 3 });
    assert.notEqual(hover, null);
    const markdown = hoverText(hover);
    assert.ok(markdown.startsWith('**Outtasking**'), markdown);
    assert.ok(markdown.includes(SEED_DEFINITION), markdown);
    assert.ok(markdown.includes(`](${ws.uri('glossar/Outtasking.md')})`), markdown);
    assert.ok(markdown.includes('../glossar/Outtasking.md'), markdown);
    assert.equal(typeof hover!.contents === 'object' && 'kind' in hover!.contents ? hover!.contents.kind : undefined, 'markdown');
    assert.deepEqual(hover!.range, wordRange);
    assert.deepEqual(wordRange, range(0, 15, 0, 25));
  });

  it('hovering at either edge of the word still finds it', async () => {
    const wordRange = rangeOf(NOTE, 'Outtasking');
    for (const position of [wordRange.start, wordRange.end]) {
      const hover = await client.hover(ws.uri('notes/plan.md'), position);
      assert.deepEqual(hover?.range, wordRange, JSON.stringify(position));
    }
  });

  it('hovering a word that is no term shows nothing', async () => {
    const hover = await client.hover(ws.uri('notes/plan.md'), positionOf(NOTE, 'Dateneingabe', 4));
    assert.equal(hover, null);
  });

  it('completes "[Outt" to a link relative to the note', async () => {
    const uri = ws.uri('notes/completion.md');
    const text = 'Zuerst ein Satz.\n\nSiehe [Outt';
    await client.open(uri, text);
    const items = completionItems(await client.completion(uri, { line: 2, character: 11 }));
    const item = items.find((candidate) => candidate.label === 'Outtasking');
    assert.ok(item, JSON.stringify(items.map((candidate) => candidate.label)));
    const edit = item.textEdit as TextEdit;
    assert.equal(acceptedOn('Siehe [Outt', item), 'Siehe [Outtasking](../glossar/Outtasking.md)');
    // The edit starts after the "[", at the word typed, which editors filter the items by.
    assert.deepEqual(edit.range, range(2, 7, 2, 11));
  });

  it('replaces an auto-closed "]" after the cursor', async () => {
    const uri = ws.uri('notes/closed.md');
    await client.open(uri, 'Siehe [Outt]');
    const items = completionItems(await client.completion(uri, { line: 0, character: 11 }));
    const edit = items.find((candidate) => candidate.label === 'Outtasking')?.textEdit as TextEdit | undefined;
    assert.ok(edit, JSON.stringify(items));
    assert.deepEqual(edit.range, range(0, 7, 0, 12));
  });

  it('offers no link completion inside an image "![", and a wiki link after "[["', async () => {
    const uri = ws.uri('notes/image.md');
    await client.open(uri, '![Outt\n[[Outt');
    assert.deepEqual(completionItems(await client.completion(uri, { line: 0, character: 6 })), []);
    const wiki = completionItems(await client.completion(uri, { line: 1, character: 6 }));
    assert.deepEqual(wiki.map((item) => (item.textEdit as TextEdit).newText), ['Outtasking]]']);
  });

  it('offers nothing outside an open "["', async () => {
    const items = completionItems(await client.completion(ws.uri('notes/plan.md'), { line: 0, character: 20 }));
    assert.deepEqual(items, []);
  });

  it('warns about a tag that tags.yml does not declare, at the tag itself', async () => {
    const diagnostics = await client.waitForDiagnostics(ws.uri('glossar/Outtasking.md'), (current) => unknownTags(current).length > 0);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    const [diagnostic] = diagnostics;
    assert.equal(diagnostic.code, 'unknown-tag');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.equal(diagnostic.source, 'markdown-glossary');
    // The code is a link to the rule's section of docs/rules.md, on the project's repository.
    const repository = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).homepage.replace(/#readme$/, '');
    assert.equal(diagnostic.codeDescription?.href, `${repository}/blob/main/docs/rules.md#unknown-tag`);
    assert.equal(diagnostic.message, 'Tag "IM" is not declared in tags.yml.');
    assert.deepEqual(diagnostic.range, seedImRange());
    assert.equal(diagnostic.range.start.line, 3);
    assert.equal(diagnostic.range.start.character, 17);
  });

  it('publishes nothing for documents without problems', () => {
    assert.equal(client.diagnostics.get(ws.uri('notes/plan.md')), undefined);
  });
});

describe('editing open documents', () => {
  let ws: Workspace;
  let client: LspClient;
  const seedUri = () => ws.uri('glossar/Outtasking.md');
  const noteUri = () => ws.uri('notes/plan.md');
  let version = 1;

  before(async () => {
    ws = seedWorkspace();
    client = await LspClient.start({ workspaceFolders: [ws.root] });
    await client.waitForIndex();
    await client.waitForDiagnostics(seedUri(), (current) => unknownTags(current).length === 1);
    await client.open(seedUri(), SEED);
    await client.open(noteUri(), NOTE + '\n');
  });
  after(async () => {
    await client?.shutdown();
    ws?.dispose();
  });

  it('clears the warning once the undeclared tag is removed, and brings it back', async () => {
    await client.change(seedUri(), ++version, SEED.replace('tags: [Begriffe, IM]', 'tags: [Begriffe]'));
    // Published with the undeclared tag before; now the same URI must be published empty.
    const cleared = await client.waitForDiagnostics(seedUri(), (current) => current !== undefined && unknownTags(current).length === 0);
    assert.deepEqual(cleared, []);

    const withTypo = SEED.replace('tags: [Begriffe, IM]', 'tags: [Begriffe, Begrife]');
    await client.change(seedUri(), ++version, withTypo);
    const again = await client.waitForDiagnostics(seedUri(), (current) => (current ?? []).length > 0);
    assert.equal(again.length, 1, JSON.stringify(again));
    assert.equal(again[0].message, 'Tag "Begrife" is not declared in tags.yml. Did you mean "Begriffe"?');
    assert.deepEqual(again[0].range, { start: positionOf(withTypo, 'Begrife]'), end: positionOf(withTypo, 'Begrife]', 7) });
    assert.deepEqual(again[0].range, range(3, 17, 3, 24));
  });

  it('applies incremental changes as an editor sends them', async () => {
    // Back to the seed, then delete ", IM" from the tags line with a ranged edit.
    await client.change(seedUri(), ++version, SEED);
    await client.waitForDiagnostics(seedUri(), (current) => unknownTags(current).some((d) => d.message === 'Tag "IM" is not declared in tags.yml.'));
    const imRange = seedImRange();
    await client.changeRange(seedUri(), ++version, range(imRange.start.line, imRange.start.character - 2, imRange.end.line, imRange.end.character), '');
    assert.deepEqual(await client.waitForDiagnostics(seedUri(), (current) => unknownTags(current).length === 0), []);
    // Typing a new undeclared tag after "Begriffe" is reported where it was typed.
    await client.changeRange(seedUri(), ++version, range(imRange.start.line, imRange.start.character - 2, imRange.start.line, imRange.start.character - 2), ', XY');
    const [diagnostic] = await client.waitForDiagnostics(seedUri(), (current) => unknownTags(current).length === 1);
    assert.equal(diagnostic.message, 'Tag "XY" is not declared in tags.yml.');
    assert.deepEqual(diagnostic.range, imRange);
  });

  it('reports a YAML error typed into the front matter, at its place', async () => {
    const broken = SEED.replace('title: Outtasking', 'title: a: b');
    await client.change(seedUri(), ++version, broken);
    const diagnostics = await client.waitForDiagnostics(seedUri(), (current) => (current ?? []).some((d) => d.code === 'yaml-syntax'));
    const yaml = diagnostics.find((d) => d.code === 'yaml-syntax')!;
    assert.equal(yaml.severity, DiagnosticSeverity.Error);
    assert.deepEqual(yaml.range.start, positionOf(broken, 'a: b'));
  });

  it('shows a new definition in another open document without a write to disk', async () => {
    const edited = SEED.replace(SEED_DEFINITION, 'Outtasking vergibt einzelne Teilaufgaben an Dienstleister.');
    await client.change(seedUri(), ++version, edited);
    const hover = await client.hover(noteUri(), positionOf(NOTE, 'Outtasking', 2));
    const markdown = hoverText(hover);
    assert.ok(markdown.includes('Outtasking vergibt einzelne Teilaufgaben an Dienstleister.'), markdown);
    assert.ok(!markdown.includes(SEED_DEFINITION), markdown);
    assert.equal(fs.readFileSync(ws.path('glossar/Outtasking.md'), 'utf8'), SEED);
  });

  it('follows a renamed title: the new name is a mention, the old one no longer', async () => {
    // The id is a name too: rename both, so that the old name is no longer one.
    const renamed = SEED.replace('title: Outtasking', 'title: Aufgabenauslagerung').replace('id: Outtasking', 'id: Aufgabenauslagerung');
    await client.change(seedUri(), ++version, renamed);
    const note = 'Die Aufgabenauslagerung ersetzt das Outtasking.';
    await client.change(noteUri(), ++version, note);
    const hover = await client.hover(noteUri(), positionOf(note, 'Aufgabenauslagerung', 5));
    assert.ok(hoverText(hover).startsWith('**Aufgabenauslagerung**'), hoverText(hover));
    assert.deepEqual(hover!.range, rangeOf(note, 'Aufgabenauslagerung'));
    assert.equal(await client.hover(noteUri(), positionOf(note, 'Outtasking', 5)), null);
  });

  it('goes back to the file on disk when the term document is closed', async () => {
    await client.change(noteUri(), ++version, NOTE);
    await client.close(seedUri());
    const hover = await eventually(
      () => client.hover(noteUri(), positionOf(NOTE, 'Outtasking', 2)),
      (current) => hoverText(current).startsWith('**Outtasking**'),
    );
    assert.ok(hoverText(hover).startsWith('**Outtasking**'), hoverText(hover));
    assert.ok(hoverText(hover).includes(SEED_DEFINITION), hoverText(hover));
  });
});

describe('watched files', () => {
  let ws: Workspace;
  let client: LspClient;
  const NEW_TERM = [
    '---',
    'id: Backsourcing',
    'title: Backsourcing',
    'tags: [Begriffe, Neu]',
    '---',
    '',
    '# Backsourcing',
    '',
    '**Backsourcing holt ausgelagerte Aufgaben zurück ins Unternehmen.** Mehr dazu später.',
    '',
  ].join('\n');
  const note = 'Nach dem Outtasking kam das Backsourcing.';
  const noteUri = () => ws.uri('notes/plan.md');

  before(async () => {
    ws = seedWorkspace();
    client = await LspClient.start({ workspaceFolders: [ws.root] });
    await client.waitForIndex();
    await client.open(noteUri(), note);
  });
  after(async () => {
    await client?.shutdown();
    ws?.dispose();
  });

  it('finds a term file created on disk, and forgets it once deleted', async () => {
    const position = positionOf(note, 'Backsourcing', 3);
    assert.equal(await client.hover(noteUri(), position), null);

    ws.write('glossar/Backsourcing.md', NEW_TERM);
    await client.didChangeWatchedFiles([{ uri: ws.uri('glossar/Backsourcing.md'), type: FileChangeType.Created }]);
    const found = await eventually(() => client.hover(noteUri(), position), (hover) => hover !== null);
    assert.ok(hoverText(found).includes('Backsourcing holt ausgelagerte Aufgaben zurück ins Unternehmen.'), hoverText(found));
    assert.ok(hoverText(found).includes(`](${ws.uri('glossar/Backsourcing.md')})`), hoverText(found));
    assert.deepEqual(found!.range, rangeOf(note, 'Backsourcing'));
    // A file that is not open is checked too.
    const [warning] = await client.waitForDiagnostics(ws.uri('glossar/Backsourcing.md'), (current) => unknownTags(current).length === 1);
    assert.equal(warning.message, 'Tag "Neu" is not declared in tags.yml.');
    assert.deepEqual(warning.range, range(3, 17, 3, 20));

    ws.remove('glossar/Backsourcing.md');
    await client.didChangeWatchedFiles([{ uri: ws.uri('glossar/Backsourcing.md'), type: FileChangeType.Deleted }]);
    await eventually(() => client.hover(noteUri(), position), (hover) => hover === null);
    // The deleted file's warning is withdrawn.
    assert.deepEqual(await client.waitForDiagnostics(ws.uri('glossar/Backsourcing.md'), (current) => current?.length === 0), []);
    // Other terms are untouched.
    assert.ok(hoverText(await client.hover(noteUri(), positionOf(note, 'Outtasking', 1))).includes(SEED_DEFINITION));
  });

  it('re-checks every entry when tags.yml changes on disk', async () => {
    const seedUri = ws.uri('glossar/Outtasking.md');
    await client.waitForDiagnostics(seedUri, (current) => unknownTags(current).length === 1);
    ws.write('glossar/tags.yml', TAGS_ONLY_BEGRIFFE + 'IM:\n  label: Informationsmanagement\n');
    await client.didChangeWatchedFiles([{ uri: ws.uri('glossar/tags.yml'), type: FileChangeType.Changed }]);
    assert.deepEqual(await client.waitForDiagnostics(seedUri, (current) => current !== undefined && unknownTags(current).length === 0), []);
    // The hover now shows the label that tags.yml gives the tag.
    const hover = await client.hover(noteUri(), positionOf(note, 'Outtasking', 1));
    assert.ok(hoverText(hover).includes('Informationsmanagement (`IM`)'), hoverText(hover));
  });

  it('ignores watched-file events in folders the workspace scan skips (build/)', async () => {
    // Both events in one notification: once the second file is visible, the first was handled.
    const other = 'Ghost und Anker.';
    const otherUri = ws.uri('notes/ghost.md');
    await client.open(otherUri, other);
    ws.write('build/Ghost.md', '---\nid: Ghost\ntitle: Ghost\n---\n\n# Ghost\n\n**Generierte Kopie.**\n');
    ws.write('glossar/Anker.md', '---\nid: Anker\ntitle: Anker\n---\n\n# Anker\n\n**Ein Anker.**\n');
    await client.didChangeWatchedFiles([
      { uri: ws.uri('build/Ghost.md'), type: FileChangeType.Created },
      { uri: ws.uri('glossar/Anker.md'), type: FileChangeType.Created },
    ]);
    await eventually(() => client.hover(otherUri, positionOf(other, 'Anker', 1)), (hover) => hover !== null);
    // A fresh start would not index build/Ghost.md, so the running server must not either.
    const ghost = await client.hover(otherUri, positionOf(other, 'Ghost', 1));
    assert.equal(ghost, null, `build/Ghost.md was indexed: ${hoverText(ghost)}`);
  });

  it('drops a document from outside the workspace folders once it is closed', async () => {
    const outside = createWorkspace({ 'Fremd.md': '---\nid: Fremd\ntitle: Fremdbegriff\n---\n\n# Fremdbegriff\n\n**Ein Begriff von draußen.**\n' });
    try {
      const text = 'Der Fremdbegriff gehört nicht zum Glossar.';
      const uri = ws.uri('notes/fremd.md');
      await client.open(uri, text);
      await client.open(outside.uri('Fremd.md'), fs.readFileSync(outside.path('Fremd.md'), 'utf8'));
      await client.close(outside.uri('Fremd.md'));
      // A fresh start would not know the term: after closing, the running server must not either.
      await eventually(() => client.hover(uri, positionOf(text, 'Fremdbegriff', 2)), (hover) => hover === null, 1_500);
    } finally {
      outside.dispose();
    }
  });

  it('stops checking tags once tags.yml is deleted', async () => {
    const seedUri = ws.uri('glossar/Outtasking.md');
    ws.write('glossar/tags.yml', TAGS_ONLY_BEGRIFFE);
    await client.didChangeWatchedFiles([{ uri: ws.uri('glossar/tags.yml'), type: FileChangeType.Changed }]);
    await client.waitForDiagnostics(seedUri, (current) => unknownTags(current).length === 1);
    ws.remove('glossar/tags.yml');
    await client.didChangeWatchedFiles([{ uri: ws.uri('glossar/tags.yml'), type: FileChangeType.Deleted }]);
    assert.deepEqual(await client.waitForDiagnostics(seedUri, (current) => current !== undefined && current.length === 0), []);
  });
});

describe('images and files pages name, in a Docusaurus site', () => {
  let ws: Workspace;
  let client: LspClient;
  before(async () => {
    ws = createWorkspace({
      'docusaurus.config.js': "module.exports = { title: 'T', url: 'https://example.com', baseUrl: '/', presets: [['classic', { docs: {} }]] };\n",
      'docs/seite.md': '---\ntitle: Seite\n---\n# Seite\n\n![Logo](./img/logo.png) [Preise](/files/preise.pdf)\n',
      'static/files/preise.pdf': '%PDF',
    });
    client = await LspClient.start({ workspaceFolders: [ws.root] });
    await client.waitForIndex();
  });
  after(async () => {
    await client?.shutdown();
    ws?.dispose();
  });

  it('reports an image that is not there, at its target, and checks a closed page again when the file comes and goes', async () => {
    const page = ws.uri('docs/seite.md');
    const images = (current: Diagnostic[] | undefined) => (current ?? []).filter((diagnostic) => diagnostic.code === 'broken-image');
    const [missing] = await client.waitForDiagnostics(page, (current) => images(current).length === 1);
    assert.equal(missing.message, 'No image at "./img/logo.png": Docusaurus looks for it at "docs/img/logo.png".');
    assert.equal(missing.severity, DiagnosticSeverity.Error);
    assert.deepEqual(missing.range, range(5, 8, 5, 22));
    ws.write('docs/img/logo.png', 'PNG');
    await client.didChangeWatchedFiles([{ uri: ws.uri('docs/img/logo.png'), type: FileChangeType.Created }]);
    await client.waitForDiagnostics(page, (current) => current !== undefined && images(current).length === 0);
    ws.remove('static/files/preise.pdf');
    await client.didChangeWatchedFiles([{ uri: ws.uri('static/files/preise.pdf'), type: FileChangeType.Deleted }]);
    const [gone] = await client.waitForDiagnostics(page, (current) => (current ?? []).some((diagnostic) => diagnostic.code === 'broken-link'));
    assert.equal(gone.message, 'No file at "/files/preise.pdf": Docusaurus looks for it at "static/files/preise.pdf".');
  });
});

describe('a partial a page imports, which comes and goes', () => {
  it('reports the import webpack cannot resolve, withdraws it once the partial is written, and offers the extension webpack does not add', async () => {
    const ws = createWorkspace({
      'docusaurus.config.js': "module.exports = { title: 'T', url: 'https://example.com', baseUrl: '/', presets: [['classic', { docs: {} }]] };\n",
      'docs/seite.md': "---\ntitle: Seite\n---\nimport Hinweis from './_hinweis.md';\nimport Kurz from './_kurz';\n\n# Seite\n\n<Hinweis />\n",
      'docs/_kurz.md': 'Kurz.\n',
    });
    const client = await LspClient.start({ workspaceFolders: [ws.root] });
    try {
      await client.waitForIndex();
      const page = ws.uri('docs/seite.md');
      const imports = (current: Diagnostic[] | undefined) => (current ?? []).filter((diagnostic) => diagnostic.code === 'broken-import');
      const found = await client.waitForDiagnostics(page, (current) => imports(current).length === 2);
      assert.deepEqual(imports(found).map((diagnostic) => [diagnostic.range, diagnostic.severity]), [[range(3, 21, 3, 34), DiagnosticSeverity.Error], [range(4, 18, 4, 25), DiagnosticSeverity.Error]]);
      assert.equal(imports(found)[1].message, 'No module at "./_kurz": webpack adds no .md or .mdx to a path, so the Docusaurus build fails. Write "./_kurz.md".');
      ws.write('docs/_hinweis.md', 'Ein Hinweis.\n');
      await client.didChangeWatchedFiles([{ uri: ws.uri('docs/_hinweis.md'), type: FileChangeType.Created }]);
      await client.waitForDiagnostics(page, (current) => current !== undefined && imports(current).length === 1);
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });
});

describe('a React page of src/pages, which comes and goes', () => {
  it('reports a link to a top-level route no page has, and withdraws it once the page is written', async () => {
    const ws = createWorkspace({
      'docusaurus.config.js': "module.exports = { title: 'T', url: 'https://example.com', baseUrl: '/', presets: [['classic', { docs: {} }]] };\n",
      'docs/seite.md': '---\ntitle: Seite\n---\n# Seite\n\nSiehe [Hilfe](/help).\n',
    });
    const client = await LspClient.start({ workspaceFolders: [ws.root] });
    try {
      await client.waitForIndex();
      const page = ws.uri('docs/seite.md');
      const broken = (current: Diagnostic[] | undefined) => (current ?? []).filter((diagnostic) => diagnostic.code === 'broken-link');
      const [found] = await client.waitForDiagnostics(page, (current) => broken(current).length === 1);
      assert.deepEqual([found.message, found.range, found.severity], ['No glossary entry at "/help".', range(5, 14, 5, 19), DiagnosticSeverity.Error]);
      ws.write('src/pages/help.js', "export default function Help() { return 'Hilfe'; }\n");
      await client.didChangeWatchedFiles([{ uri: ws.uri('src/pages/help.js'), type: FileChangeType.Created }]);
      await client.waitForDiagnostics(page, (current) => current !== undefined && broken(current).length === 0);
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });
});

describe('Hugo shortcode templates that come and go', () => {
  it('reports a shortcode without a template, and withdraws it once its template is written', async () => {
    const ws = createWorkspace({
      'hugo.toml': 'baseURL = "https://example.com/"\ntitle = "T"\n',
      'content/glossar/begriff.md': '---\ntitle: Begriff\n---\n{{< hinweis >}}Text.{{< /hinweis >}}\n',
    });
    const client = await LspClient.start({ workspaceFolders: [ws.root] });
    try {
      await client.waitForIndex();
      const page = ws.uri('content/glossar/begriff.md');
      const unknown = (current: Diagnostic[] | undefined) => (current ?? []).filter((diagnostic) => diagnostic.code === 'unknown-shortcode');
      const [missing] = await client.waitForDiagnostics(page, (current) => unknown(current).length === 1);
      assert.equal(missing.message, 'Hugo has no shortcode "hinweis": no template layouts/shortcodes/hinweis.html in the site or its themes, so the build fails.');
      assert.deepEqual(missing.range, range(3, 4, 3, 11));
      ws.write('layouts/shortcodes/hinweis.html', '<aside>{{ .Inner }}</aside>\n');
      await client.didChangeWatchedFiles([{ uri: ws.uri('layouts/shortcodes/hinweis.html'), type: FileChangeType.Created }]);
      await client.waitForDiagnostics(page, (current) => current !== undefined && unknown(current).length === 0);
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });

  it('judges no shortcode once the site keeps a template in a `_shortcodes` folder (Hugo 0.146\'s), which a later Hugo builds', async () => {
    const ws = createWorkspace({
      'hugo.toml': 'baseURL = "https://example.com/"\ntitle = "T"\n',
      'content/glossar/begriff.md': '---\ntitle: Begriff\n---\n{{< notiz >}}Text.{{< /notiz >}}\n',
    });
    const client = await LspClient.start({ workspaceFolders: [ws.root] });
    try {
      await client.waitForIndex();
      const page = ws.uri('content/glossar/begriff.md');
      const unknown = (current: Diagnostic[] | undefined) => (current ?? []).filter((diagnostic) => diagnostic.code === 'unknown-shortcode');
      await client.waitForDiagnostics(page, (current) => unknown(current).length === 1);
      ws.write('layouts/_shortcodes/notiz.html', '<aside>{{ .Inner }}</aside>\n');
      await client.didChangeWatchedFiles([{ uri: ws.uri('layouts/_shortcodes/notiz.html'), type: FileChangeType.Created }]);
      await client.waitForDiagnostics(page, (current) => current !== undefined && unknown(current).length === 0);
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });
});

describe('watched files, as an editor that watches for the server offers them', () => {
  it('registers globs for the glossary, its sites\' configuration, the images and files pages name, and Hugo\'s shortcode templates', async () => {
    const ws = createWorkspace({ 'docs/a.md': '# A\n' });
    const client = await LspClient.start({ workspaceFolders: [ws.root], watchesFiles: true });
    try {
      await eventually(async () => client.watchedGlobs, (globs) => globs.length > 0);
      const watched = compileGlobs(client.watchedGlobs, undefined, { caseSensitive: true });
      for (const file of ['docs/a.md', 'docs/tags.yml', 'docusaurus.config.ts', 'hugo.toml', 'static/img/logo.png', 'docs/img/Ablauf.PNG', 'static/files/preise.pdf', 'api/openapi.yaml', 'layouts/shortcodes/hinweis.html', 'themes/t/layouts/shortcodes/box/innen.html', 'layouts/_shortcodes/notiz.html', 'layouts/docs/_shortcodes/toc.html']) {
        assert.ok(watched(file), `${file} is watched: ${client.watchedGlobs.join(' ')}`);
      }
      assert.ok(!watched('src/components/Button.tsx'), 'nor every file');
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });

  it('registers only globs Eglot reads: no brace group inside another, no wildcard inside a group (Eglot 1.9 refuses the whole registration)', async () => {
    const ws = createWorkspace({ 'docs/a.md': '# A\n' });
    const client = await LspClient.start({ workspaceFolders: [ws.root], watchesFiles: true });
    try {
      await eventually(async () => client.watchedGlobs, (globs) => globs.length > 0);
      for (const glob of client.watchedGlobs) {
        // Eglot 1.9's grammar for a group: `{[^][*{}]+}`.
        const groups = glob.match(/\{[^}]*\}?/g) ?? [];
        assert.ok(groups.every((group) => /^\{[^\][*{}]+\}$/.test(group)), `${glob}: a group Eglot cannot read`);
      }
      // Eglot's `*` stands for one character at least: a Docusaurus site's versions.json needs a glob of its own.
      assert.ok(client.watchedGlobs.includes('**/versions.json'), client.watchedGlobs.join(' '));
      const watched = compileGlobs(client.watchedGlobs, undefined, { caseSensitive: true });
      for (const file of ['docusaurus.config.js', 'hugo.yaml', 'config.toml', 'versions.json', 'community_versions.json', 'sidebars.ts', 'versioned_sidebars/version-1.0-sidebars.json', 'docs/intro/_category_.yml', 'blog/authors.yml']) {
        assert.ok(watched(file), `${file} is watched: ${client.watchedGlobs.join(' ')}`);
      }
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });
});

describe('the demo glossary in content/ (read-only)', () => {
  const content = existingFolder(path.join(REPO_ROOT, 'content'));
  const read = (rel: string) => fs.readFileSync(content.path(rel), 'utf8');
  let client: LspClient;

  before(async () => {
    client = await LspClient.start({ workspaceFolders: [content.root] });
    await client.waitForIndex();
  });
  after(async () => {
    await client?.shutdown();
  });

  it('indexes all 32 Markdown files and finds no problems', async () => {
    assert.equal(await client.waitForIndex(), 32);
    // Give late publications a moment; a clean glossary publishes nothing at all.
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual([...client.diagnostics.entries()].filter(([, diagnostics]) => diagnostics.length > 0), []);
  });

  it('hovering a link shows the term it points to, over the whole link', async () => {
    const rel = 'glossar/Dienstleister.md';
    const text = read(rel);
    await client.open(content.uri(rel), text);
    const link = '[Outsourcing](Outsourcing.md)';
    const hover = await client.hover(content.uri(rel), positionOf(text, link, 20));
    const markdown = hoverText(hover);
    assert.ok(markdown.startsWith('**Outsourcing**'), markdown);
    assert.ok(
      markdown.includes(
        'Outsourcing bezeichnet die dauerhafte Übertragung von Aufgaben, Funktionen oder ganzen Bereichen eines Unternehmens an einen externen oder rechtlich eigenständigen Partner.',
      ),
      markdown,
    );
    assert.ok(markdown.includes('Tags: `Begriffe` · `Strategie`'), markdown);
    assert.ok(markdown.includes(`](${content.uri('glossar/Outsourcing.md')})`), markdown);
    assert.deepEqual(hover!.range, rangeOf(text, link));
  });

  it('hovering an inflected mention ("Dienstleistern") shows the Dienstleister term', async () => {
    const rel = 'glossar/Outsourcing.md';
    const text = read(rel);
    await client.open(content.uri(rel), text);
    const hover = await client.hover(content.uri(rel), positionOf(text, 'Dienstleistern', 6));
    const markdown = hoverText(hover);
    assert.ok(markdown.startsWith('**Dienstleister**'), markdown);
    assert.ok(
      markdown.includes('Ein Dienstleister ist ein Unternehmen, das im Auftrag eines anderen Unternehmens vereinbarte Leistungen erbringt.'),
      markdown,
    );
    assert.deepEqual(hover!.range, rangeOf(text, 'Dienstleistern'));
  });

  it('hovering mentions in a note: inflected, plain, acronym, and a definition without bold lead', async () => {
    const rel = 'notizen/Projekt-Auslagerung.md';
    const text = read(rel);
    const uri = content.uri(rel);
    await client.open(uri, text);

    const inflected = await client.hover(uri, positionOf(text, 'Outsourcings', 3));
    assert.ok(hoverText(inflected).startsWith('**Outsourcing**'), hoverText(inflected));
    assert.deepEqual(inflected!.range, rangeOf(text, 'Outsourcings'));
    assert.ok(hoverText(inflected).includes(`](${content.uri('glossar/Outsourcing.md')})`));
    assert.ok(hoverText(inflected).includes('[Open ../glossar/Outsourcing.md]'), hoverText(inflected));

    const plain = await client.hover(uri, positionOf(text, 'Dienstleister gehen', 4));
    assert.ok(hoverText(plain).startsWith('**Dienstleister**'), hoverText(plain));
    assert.deepEqual(plain!.range, { start: positionOf(text, 'Dienstleister gehen'), end: positionOf(text, 'Dienstleister gehen', 13) });

    const acronym = await client.hover(uri, positionOf(text, 'SLA?', 1));
    assert.ok(hoverText(acronym).startsWith('**Service Level Agreement** (SLA)'), hoverText(acronym));
    assert.deepEqual(acronym!.range, { start: positionOf(text, 'SLA?'), end: positionOf(text, 'SLA?', 3) });

    const noBoldLead = await client.hover(uri, positionOf(text, 'Teilaufgabe', 2));
    assert.ok(
      hoverText(noBoldLead).includes(
        'Unter einer Teilaufgabe versteht man einen abgegrenzten Ausschnitt aus einer größeren Aufgabe, der sich getrennt bearbeiten lässt.',
      ),
      hoverText(noBoldLead),
    );
  });

  it('does not take the German preposition "im" for the acronym IM', async () => {
    const rel = 'notizen/Meeting-2026-03.md';
    const text = read(rel);
    const uri = content.uri(rel);
    await client.open(uri, text);
    assert.equal(await client.hover(uri, positionOf(text, 'im Februar', 1)), null);
    const sla = await client.hover(uri, positionOf(text, 'das SLA', 5));
    assert.ok(hoverText(sla).startsWith('**Service Level Agreement**'), hoverText(sla));
  });

  it('hovering the H1 of a term file shows the term itself', async () => {
    const rel = 'glossar/Outsourcing.md';
    const text = read(rel);
    await client.open(content.uri(rel), text);
    const heading = rangeOf(text, '# Outsourcing\n');
    const titleRange = { start: { line: heading.start.line, character: 2 }, end: { line: heading.start.line, character: 13 } };
    const hover = await client.hover(content.uri(rel), { line: heading.start.line, character: 5 });
    const markdown = hoverText(hover);
    assert.ok(markdown.startsWith('**Outsourcing**'), markdown);
    assert.ok(markdown.includes('Outsourcing bezeichnet die dauerhafte Übertragung'), markdown);
    assert.deepEqual(hover!.range, titleRange);
  });

  it('hovering the title in the front matter shows the term; other front matter is no prose', async () => {
    const rel = 'glossar/Outsourcing.md';
    const text = read(rel);
    await client.open(content.uri(rel), text);
    const title = { start: positionOf(text, 'title: Outsourcing', 7), end: positionOf(text, 'title: Outsourcing', 18) };
    const hover = await client.hover(content.uri(rel), { line: title.start.line, character: 10 });
    assert.ok(hoverText(hover).startsWith('**Outsourcing**'), hoverText(hover));
    assert.deepEqual(hover!.range, title);
    assert.equal(await client.hover(content.uri(rel), positionOf(text, 'Unternehmensaufgaben an externe', 3)), null);
  });

  it('completes links from a subfolder with ../ paths, and same-folder terms without', async () => {
    const rel = 'glossar/vertrag/Service-Level-Agreement.md';
    const disk = read(rel);
    const text = disk.replace(/\n*$/, '\n\nSiehe auch [Outs\n\nund [\n');
    const uri = content.uri(rel);
    await client.open(uri, text);

    const outsLine = text.split('\n').findIndex((line) => line === 'Siehe auch [Outs');
    const outs = completionItems(await client.completion(uri, { line: outsLine, character: 16 }));
    const byLabel = new Map(outs.map((item) => [item.label, acceptedOn('Siehe auch [Outs', item)]));
    assert.equal(byLabel.get('Outsourcing'), 'Siehe auch [Outsourcing](../Outsourcing.md)');
    assert.equal(byLabel.get('Selektives Outsourcing'), 'Siehe auch [Selektives Outsourcing](../Selektives-Outsourcing.md)');
    assert.equal(byLabel.get('Business Process Outsourcing'), 'Siehe auch [Business Process Outsourcing](../Business-Process-Outsourcing.md)');
    assert.ok(!byLabel.has('Outtasking'), 'filtered by what was typed');
    assert.deepEqual((outs[0].textEdit as TextEdit).range, range(outsLine, 12, outsLine, 16));

    const all = completionItems(await client.completion(uri, { line: outsLine + 2, character: 5 }));
    const allByLabel = new Map(all.map((item) => [item.label, acceptedOn('und [', item)]));
    assert.equal(allByLabel.get('Lieferantenmanagement'), 'und [Lieferantenmanagement](Lieferantenmanagement.md)');
    assert.equal(allByLabel.get('Wertschöpfungskette'), 'und [Wertschöpfungskette](../Wertschoepfungskette.md)');
    assert.equal(allByLabel.get('IM'), 'und [IM](../Informationsmanagement.md)');
    assert.ok(!allByLabel.has('Service Level Agreement'), 'no link to the document itself');
    assert.ok(!allByLabel.has('SLA'), 'no link to the document itself');
    assert.ok(!allByLabel.has('Meeting März 2026 – IT-Steuerkreis'), 'a note without front matter is no term');
    assert.equal(allByLabel.get('Lieferantenbewertung 2026'), 'und [Lieferantenbewertung 2026](../../notizen/Lieferantenbewertung.md)', 'a note with front matter is an entry');
    // 27 other terms, 2 notes with front matter, plus the aliases BPO, IM and SaaS.
    assert.equal(all.length, 32, JSON.stringify(all.map((item) => item.label)));
    assert.equal(fs.readFileSync(content.path(rel), 'utf8'), disk);
  });

  it('completes from a note to a term two folders away', async () => {
    const uri = content.uri('notizen/Entwurf-ohne-Datei.md');
    await client.open(uri, 'Vgl. [SL');
    const items = completionItems(await client.completion(uri, { line: 0, character: 8 }));
    const sla = items.find((item) => item.label === 'SLA');
    assert.equal(acceptedOn('Vgl. [SL', sla), 'Vgl. [SLA](../glossar/vertrag/Service-Level-Agreement.md)');
  });
});

describe('German locale', () => {
  let ws: Workspace;
  let client: LspClient;

  before(async () => {
    ws = seedWorkspace();
    client = await LspClient.start({ workspaceFolders: [ws.root], locale: 'de' });
    await client.waitForIndex();
  });
  after(async () => {
    await client?.shutdown();
    ws?.dispose();
  });

  it('reports the unknown tag in German', async () => {
    const diagnostics = await client.waitForDiagnostics(ws.uri('glossar/Outtasking.md'), (current) => unknownTags(current).length > 0);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].message, 'Das Tag "IM" ist in tags.yml nicht deklariert.');
    assert.deepEqual(diagnostics[0].range, seedImRange());
  });

  it('labels the hover link in German', async () => {
    await client.open(ws.uri('notes/plan.md'), NOTE);
    const markdown = hoverText(await client.hover(ws.uri('notes/plan.md'), positionOf(NOTE, 'Outtasking', 1)));
    assert.ok(markdown.includes(`[../glossar/Outtasking.md öffnen](${ws.uri('glossar/Outtasking.md')})`), markdown);
  });
});

describe('robustness', () => {
  let ws: Workspace;
  let client: LspClient;
  const noteUri = () => ws.uri('notes/plan.md');

  before(async () => {
    ws = seedWorkspace();
    client = await LspClient.start({ workspaceFolders: [ws.root] });
    await client.waitForIndex();
    await client.open(noteUri(), NOTE);
  });
  after(async () => {
    await client?.shutdown();
    ws?.dispose();
  });

  const stillAnswers = async () => {
    const hover = await client.hover(noteUri(), positionOf(NOTE, 'Outtasking', 1));
    assert.ok(hoverText(hover).includes(SEED_DEFINITION), `server stopped answering; stderr:\n${client.stderr}`);
    assert.equal(client.exitedAlready, false);
  };

  it('survives a document of random bytes', async () => {
    let seed = 20260301;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    const pieces = ['---', '\n', '\r\n', '\r', '[', ']', '(', ')', '`', '```', '<!--', '-->', '#', '**', 'Outtasking', 'tags: [', ':', '\t', '\u0000', '\ud800', '\ufeff'];
    for (let round = 0; round < 5; round++) {
      const bytes = Buffer.from(Uint8Array.from({ length: 4000 }, () => random() & 0xff));
      let text = (round % 2 === 0 ? '---\n' : '') + bytes.toString('latin1');
      for (let index = 0; index < 300; index++) text += pieces[random() % pieces.length];
      const uri = ws.uri(`garbage/random-${round}.md`);
      await client.open(uri, text);
      // Requests inside the garbage must not break the server either.
      await client.hover(uri, { line: 3, character: 5 });
      await client.completion(uri, { line: 2, character: 10 });
    }
    await stillAnswers();
  });

  it('reports unclosed front matter and keeps answering', async () => {
    const uri = ws.uri('garbage/unclosed.md');
    await client.open(uri, '---\nid: x\n');
    const diagnostics = await client.waitForDiagnostics(uri, (current) => (current ?? []).length > 0);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    assert.equal(diagnostics[0].code, 'unclosed-front-matter');
    assert.equal(diagnostics[0].severity, DiagnosticSeverity.Error);
    assert.deepEqual(diagnostics[0].range, range(0, 0, 0, 3));
    await stillAnswers();
  });

  it('clears the diagnostics of a document that exists only in the editor once it is closed', async () => {
    const uri = ws.uri('garbage/unsaved.md');
    await client.open(uri, '---\nid: y\ntitle: a: b\n---\n');
    await client.waitForDiagnostics(uri, (current) => (current ?? []).some((d) => d.code === 'yaml-syntax'));
    await client.close(uri);
    assert.deepEqual(await client.waitForDiagnostics(uri, (current) => current !== undefined && current.length === 0), []);
  });

  it('reads the front matter of an open document that starts with a byte order mark', async () => {
    const uri = ws.uri('glossar/Bom.md');
    const text = '\ufeff---\nid: Bomterm\ntitle: Bomterm\ntags: [Begriffe, Foo]\n---\n\n# Bomterm\n\n**Ein Begriff mit BOM.**\n';
    await client.open(uri, text);
    const note = 'Hier steht Bomterm.';
    await client.open(ws.uri('notes/bom.md'), note);
    const hover = await client.hover(ws.uri('notes/bom.md'), positionOf(note, 'Bomterm', 2));
    assert.ok(hoverText(hover).includes('Ein Begriff mit BOM.'), `term not found: ${JSON.stringify(hover)}`);
    const diagnostics = await client.waitForDiagnostics(uri, (current) => unknownTags(current).length > 0, 1_500);
    assert.deepEqual(diagnostics[0].range, range(3, 17, 3, 20));
  });

  it('answers requests at positions past the end of a document, and for unknown documents', async () => {
    assert.equal(await client.hover(noteUri(), { line: 999, character: 999 }), null);
    assert.deepEqual(completionItems(await client.completion(noteUri(), { line: 999, character: 0 })), []);
    assert.equal(await client.hover(ws.uri('notes/never-opened.md'), { line: 0, character: 0 }), null);
    await stillAnswers();
  });

  it('keeps ranges right in a document with CRLF line breaks', async () => {
    const uri = ws.uri('notes/crlf.md');
    const text = 'Erste Zeile.\r\nZweite Zeile mit Outtasking darin.\r\n';
    await client.open(uri, text);
    const hover = await client.hover(uri, { line: 1, character: 20 });
    assert.deepEqual(hover?.range, range(1, 17, 1, 27));
  });

  it('shuts down cleanly with exit code 0', async () => {
    const extra = await LspClient.start({ workspaceFolders: [ws.root] });
    assert.equal(await extra.shutdown(), 0);
  });
});

describe('file names with blanks and umlauts, in a folder with blanks', () => {
  let ws: Workspace;
  let client: LspClient;
  const TERM = '---\nid: make-or-buy\ntitle: Make or Buy\ntags: [Begriffe]\n---\n\n# Make or Buy\n\n**Die Wahl zwischen Eigenfertigung und Fremdbezug.**\n';
  const UMLAUT = '---\nid: wertschoepfung\ntags: [Begriffe]\n---\n\n# Wertschöpfung\n\n**Die Schaffung von Mehrwert.**\n';
  const note = 'Links: [Make or Buy](../glossar/Make%20or%20Buy.md) und [Wertschöpfung](../glossar/Wertsch%C3%B6pfung.md) und [W](../glossar/Wertschöpfung.md).\n\nNeu: [Make\n';

  before(async () => {
    ws = createWorkspace(
      {
        'glossar/Make or Buy.md': TERM,
        'glossar/Wertschöpfung.md': UMLAUT,
        'glossar/tags.yml': TAGS_ONLY_BEGRIFFE,
        'notes/links.md': note,
      },
      'md glossary ä ',
    );
    client = await LspClient.start({ workspaceFolders: [ws.root] });
    assert.equal(await client.waitForIndex(), 3);
    await client.open(ws.uri('notes/links.md'), note);
  });
  after(async () => {
    await client?.shutdown();
    ws?.dispose();
  });

  it('resolves links with %20 and encoded or plain umlauts', async () => {
    const uri = ws.uri('notes/links.md');
    const makeOrBuy = await client.hover(uri, positionOf(note, 'Make%20or', 2));
    assert.ok(hoverText(makeOrBuy).includes('Die Wahl zwischen Eigenfertigung und Fremdbezug.'), hoverText(makeOrBuy));
    for (const target of ['Wertsch%C3%B6pfung.md', 'Wertschöpfung.md)']) {
      const hover = await client.hover(uri, positionOf(note, target, 3));
      assert.ok(hoverText(hover).includes('Die Schaffung von Mehrwert.'), `${target}: ${hoverText(hover)}`);
    }
  });

  it('takes the title from the H1 when the front matter has none', async () => {
    const uri = ws.uri('notes/links.md');
    const hover = await client.hover(uri, positionOf(note, 'Wertsch%C3%B6pfung', 3));
    assert.ok(hoverText(hover).startsWith('**Wertschöpfung**'), hoverText(hover));
  });

  it('completes a link whose path has blanks, with the blanks encoded', async () => {
    const uri = ws.uri('notes/links.md');
    const items = completionItems(await client.completion(uri, { line: 2, character: 10 }));
    assert.equal(acceptedOn('Neu: [Make', items.find((item) => item.label === 'Make or Buy')), 'Neu: [Make or Buy](../glossar/Make%20or%20Buy.md)');
  });

  it('reports diagnostics under the URI the editor uses for the file', async () => {
    const uri = ws.uri('glossar/Wertschöpfung.md');
    assert.ok(uri.includes('Wertsch%C3%B6pfung.md'), uri);
    const text = UMLAUT.replace('tags: [Begriffe]', 'tags: [Begriffe, Wert]');
    await client.open(uri, text);
    const diagnostics = await client.waitForDiagnostics(uri, (current) => unknownTags(current).length === 1);
    assert.equal(diagnostics[0].message, 'Tag "Wert" is not declared in tags.yml.');
    assert.ok([...client.diagnostics.keys()].includes(uri), JSON.stringify([...client.diagnostics.keys()]));
  });
});

describe('the tagsFile setting', () => {
  let ws: Workspace;
  let client: LspClient;

  before(async () => {
    ws = createWorkspace({
      'glossar/Outtasking.md': SEED,
      'glossar/tags.yml': TAGS_ONLY_BEGRIFFE + 'IM:\n  label: Informationsmanagement\n',
      'config/tags.yml': 'IM:\n  label: Informationsmanagement\n',
    });
    client = await LspClient.start({ workspaceFolders: [ws.root], initializationOptions: { settings: { tagsFile: 'config/tags.yml' } } });
    await client.waitForIndex();
  });
  after(async () => {
    await client?.shutdown();
    ws?.dispose();
  });

  it('checks every entry against the configured tags file instead of the nearest one', async () => {
    const lines = SEED.split('\n');
    const line = lines.findIndex((text) => text.startsWith('tags:'));
    const character = lines[line].indexOf('Begriffe');
    const diagnostics = await client.waitForDiagnostics(ws.uri('glossar/Outtasking.md'), (current) => unknownTags(current).length > 0);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    assert.equal(diagnostics[0].message, 'Tag "Begriffe" is not declared in ../config/tags.yml.');
    assert.deepEqual(diagnostics[0].range, range(line, character, line, character + 'Begriffe'.length));
  });
});

describe('a tags file open in the editor', () => {
  it('counts its unsaved declarations at once, for every document it governs', async () => {
    const term = '---\nid: A\ntitle: A\ntags: [Begriffe, Erfunden]\n---\n# A\n';
    const ws = createWorkspace({ 'glossar/tags.yml': 'Begriffe:\n  label: Begriffe\n', 'glossar/A.md': term });
    const client = await LspClient.start({ workspaceFolders: [ws.root] });
    try {
      await client.waitForIndex();
      const termUri = ws.uri('glossar/A.md');
      const warned = await client.waitForDiagnostics(termUri, (current) => (current ?? []).some((diagnostic) => String(diagnostic.message).includes('"Erfunden"')));
      assert.equal(warned.length, 1);
      await client.open(ws.uri('glossar/tags.yml'), 'Begriffe:\n  label: Begriffe\nErfunden:\n  label: Erfunden\n', 'yaml');
      await client.waitForDiagnostics(termUri, (current) => current !== undefined && current.length === 0);
      assert.equal(fs.readFileSync(ws.path('glossar/tags.yml'), 'utf8'), 'Begriffe:\n  label: Begriffe\n', 'nothing was written');
      // Closed without saving: the file on disk counts again.
      await client.close(ws.uri('glossar/tags.yml'));
      await client.waitForDiagnostics(termUri, (current) => (current ?? []).some((diagnostic) => String(diagnostic.message).includes('"Erfunden"')));
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });
});
