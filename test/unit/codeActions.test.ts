/**
 * Quick fixes as a user applies them: each action's edits applied to the document (or to the
 * tags file, or to a new file), and the resulting text compared exactly.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, type GlossarySettings } from '../../server/src/common/settings';
import { applyEdits, LineIndex } from '../../server/src/common/text';
import { codeActions, fixAll, fixAllAction, fixedText, type CodeAction } from '../../server/src/features/codeActions';
import type { WorkspaceChange } from '../../server/src/features/workspaceChange';
import { documentDiagnostics } from '../../server/src/features/diagnostics/documentDiagnostics';
import { generateTagsFile, TagsFileError, tagsFileChange } from '../../server/src/features/tagsFileGenerator';
import { parseTagsFile } from '../../server/src/parsing/tagsFile';
import { parseDocument } from '../../server/src/parsing/document';
import { newTermText } from '../../server/src/features/newTerm';
import { hugoSiteOf } from '../../server/src/site/hugo';
import { defaultDocusaurusSite } from '../../server/src/site/site';
import type { GlossaryIndex } from '../../server/src/index/glossaryIndex';
import { entry, glossaryOf, openAtCursor, ROOT } from './glossary';
import { mentionsIn as termMentionsIn } from '../../server/src/features/termAt';

const uri = (relative: string) => `${ROOT}/${relative}`;

const TAGS_YML = 'Begriffe:\n  label: Begriffe\nStrategie:\n  label: Strategie\nIM:\n  label: Informationsmanagement\n';

/** An entry with the given front-matter lines and body. */
const doc = (frontMatter: string[], body = '') => `---\n${frontMatter.join('\n')}\n---\n${body}`;

/** The text a change leaves in one file, starting from `before` ('' for a file it creates). */
function applied(change: WorkspaceChange, fileUri: string, before: string): string {
  const edits = change.edits.filter((fileEdits) => fileEdits.uri === fileUri).flatMap((fileEdits) => fileEdits.edits);
  assert.ok(edits.length > 0, `the change edits ${fileUri}`);
  return applyEdits(new LineIndex(before), edits);
}

/** Opens a document with the cursor at its last `|` and returns the code actions there. */
function actionsAt(index: GlossaryIndex, relative: string, textWithCursor: string, settings: GlossarySettings = DEFAULT_SETTINGS) {
  const { document, lines, position } = openAtCursor(index, relative, textWithCursor);
  const actions = codeActions(index, document, lines, { start: position, end: position }, settings);
  return { actions, text: lines.text, titles: actions.map((action) => action.title) };
}

function action(actions: CodeAction[], title: string): CodeAction {
  const found = actions.find((candidate) => candidate.title === title);
  assert.ok(found, `action "${title}" among ${JSON.stringify(actions.map((candidate) => candidate.title))}`);
  return found;
}

/** Applies the action with this title to the document it was asked for. */
function applyAction(relative: string, textWithCursor: string, title: string, files: Record<string, string>, settings?: GlossarySettings): string {
  const index = glossaryOf(files);
  const { actions, text } = actionsAt(index, relative, textWithCursor, settings);
  return applied(action(actions, title).change, uri(relative), text);
}

describe('quick fix: change to the suggestion', () => {
  it('replaces an undeclared tag with the declared one it resembles', () => {
    const index = glossaryOf({ 'docs/tags.yml': TAGS_YML });
    const { actions, text, titles } = actionsAt(index, 'docs/A.md', entry('A', 'A', 'D.', '[Begr|iff, IM]'));
    assert.deepEqual(titles, ['Change to "Begriffe"', 'Declare "Begriff" in tags.yml', 'Disable unknown-tag for this line']);
    assert.equal(action(actions, 'Change to "Begriffe"').isPreferred, true);
    assert.equal(applied(action(actions, 'Change to "Begriffe"').change, uri('docs/A.md'), text), entry('A', 'A', 'D.', '[Begriffe, IM]'));
  });

  it('replaces a tag variant with the common spelling (no tags file)', () => {
    const files = {
      'docs/B1.md': entry('B1', 'B1', 'D.', '[Begriffe]'),
      'docs/B2.md': entry('B2', 'B2', 'D.', '[Begriffe]'),
    };
    assert.equal(applyAction('docs/A.md', entry('A', 'A', 'D.', '[IM, Begri|ff]'), 'Change to "Begriffe"', files), entry('A', 'A', 'D.', '[IM, Begriffe]'));
  });

  it('removes a misspelt tag whose right spelling is listed already, rather than listing it twice', () => {
    const declared = { 'docs/tags.yml': TAGS_YML };
    const { titles } = actionsAt(glossaryOf(declared), 'docs/A.md', entry('A', 'A', 'D.', '[Begr|iff, IM, Begriffe]'));
    assert.deepEqual(titles, ['Remove "Begriff": the tag it stands for is listed', 'Declare "Begriff" in tags.yml', 'Disable unknown-tag for this line']);
    const removed = applyAction('docs/A.md', entry('A', 'A', 'D.', '[Begr|iff, IM, Begriffe]'), 'Remove "Begriff": the tag it stands for is listed', declared);
    assert.equal(removed, entry('A', 'A', 'D.', '[IM, Begriffe]'));
    const common = {
      'docs/B1.md': entry('B1', 'B1', 'D.', '[Begriffe]'),
      'docs/B2.md': entry('B2', 'B2', 'D.', '[Begriffe]'),
    };
    const block = entry('A', 'A', 'D.', '\n  - Begriffe\n  - Begri|ff\n  - IM');
    assert.equal(applyAction('docs/A.md', block, 'Remove "Begriff": the tag it stands for is listed', common), entry('A', 'A', 'D.', '\n  - Begriffe\n  - IM'));
  });

  it('replaces a misspelt key with the known key', () => {
    const text = doc(['id: Outtasking', 'titel: Outtasking', 'tags: [Begriffe]'], '\n# Outtasking\n');
    assert.equal(
      applyAction('docs/Outtasking.md', text.replace('titel', 'ti|tel'), 'Change to "title"', {}),
      doc(['id: Outtasking', 'title: Outtasking', 'tags: [Begriffe]'], '\n# Outtasking\n'),
    );
    const hugo = doc(['Title: Serverless', 'tags: [architecture]'], '\n# Serverless\n');
    assert.equal(applyAction('en/serverless.md', hugo.replace('Title', 'Ti|tle'), 'Change to "title"', {}), hugo.replace('Title:', 'title:'));
  });

  it('trims a padded tag and wraps a single tag in a list', () => {
    const files = { 'docs/tags.yml': TAGS_YML };
    assert.equal(applyAction('docs/A.md', entry('A', 'A', 'D.', '[" Begri|ffe", IM]'), 'Change to "Begriffe"', files), entry('A', 'A', 'D.', '["Begriffe", IM]'));
    assert.equal(applyAction('docs/A.md', entry('A', 'A', 'D.', 'Begri|ffe'), 'Change to "[Begriffe]"', files), entry('A', 'A', 'D.', '[Begriffe]'));
  });

  const site = () => ({
    'docs/10-Glossar/D-Glossar/Dokumentenlenkung.md': entry('Dokumentenlenkung', 'Dokumentenlenkung', 'Lenkung von Dokumenten.'),
    'docs/10-Glossar/S-Glossar/Service-Level-Agreement.md': entry('Service-Level-Agreement', 'Service Level Agreement', 'Ein Vertrag.', '[Begriffe]', 'aliases: [SLA]\n'),
  });
  const NOTE = 'docs/10-Glossar/D-Glossar/Notiz.md';

  it('replaces a broken relative link with the nearest file, keeping the anchor', () => {
    assert.equal(
      applyAction(NOTE, 'Siehe [SLA](../S-Glossar/Service-Level-Agre|ment.md#ziele).\n', 'Change to "../S-Glossar/Service-Level-Agreement.md#ziele"', site()),
      'Siehe [SLA](../S-Glossar/Service-Level-Agreement.md#ziele).\n',
    );
    assert.equal(
      applyAction(NOTE, 'Siehe [SLA](../S-Glossar/Service-Level-Agre|ment.md?v=1#ziele).\n', 'Change to "../S-Glossar/Service-Level-Agreement.md?v=1#ziele"', site()),
      'Siehe [SLA](../S-Glossar/Service-Level-Agreement.md?v=1#ziele).\n',
      'and the query',
    );
  });

  it('replaces a broken relative link that starts with "./" with a path that does too', () => {
    const files = { ...site(), 'docs/10-Glossar/D-Glossar/Dokumentenlenkung.md': entry('Dokumentenlenkung', 'Dokumentenlenkung', 'D.') };
    assert.equal(applyAction(NOTE, 'Siehe [L](./Dokumenten|lenkug.md#a).\r\n', 'Change to "./Dokumentenlenkung.md#a"', files), 'Siehe [L](./Dokumentenlenkung.md#a).\r\n');
    assert.equal(applyAction(NOTE, 'Siehe [L](Dokumenten|lenkug.md).\n', 'Change to "Dokumentenlenkung.md"', files), 'Siehe [L](Dokumentenlenkung.md).\n');
    assert.equal(applyAction(NOTE, 'Siehe [SLA](./../S-Glossar/Service-Level-Agre|ment.md).\n', 'Change to "../S-Glossar/Service-Level-Agreement.md"', files), 'Siehe [SLA](../S-Glossar/Service-Level-Agreement.md).\n');
  });

  it('replaces a broken route with the nearest route', () => {
    assert.equal(
      applyAction(NOTE, 'Siehe [L](/docs/Glossar/D-Glossar/Dokumenten|lenkug/).\n', 'Change to "/docs/Glossar/D-Glossar/Dokumentenlenkung/"', site()),
      'Siehe [L](/docs/Glossar/D-Glossar/Dokumentenlenkung/).\n',
    );
  });

  it('replaces a broken wiki link with the nearest name', () => {
    assert.equal(applyAction(NOTE, 'Siehe [[Dokumenten|lenkug]].\n', 'Change to "Dokumentenlenkung"', site()), 'Siehe [[Dokumentenlenkung]].\n');
  });

  it('suggests for a broken wiki link only a name the wiki link can hold, escaped as MDX reads it', () => {
    const files = { 'docs/cs.md': entry('cs', 'C# Compiler', 'Übersetzt C#.'), 'docs/list.md': entry('list', 'List<T>', 'Eine Liste.') };
    // `[[C# Compiler]]` would name the term "C" and its part " Compiler".
    const { titles } = actionsAt(glossaryOf(files), 'notes/a.md', 'Siehe [[Cs Com|piler]].\n');
    assert.ok(!titles.some((title) => title.startsWith('Change to')), JSON.stringify(titles));
    assert.equal(applyAction('notes/a.mdx', 'Siehe [[Lis|s<T>]].\n', 'Change to "List\\<T>"', files), 'Siehe [[List\\<T>]].\n');
  });

  it('keeps the anchor of a wiki link it corrects', () => {
    const index = glossaryOf(site());
    const { actions, text } = actionsAt(index, NOTE, 'Siehe [[Dokumenten|lenkug#Ziele]].\n');
    const change = actions.find((candidate) => candidate.title.startsWith('Change to'));
    assert.ok(change, JSON.stringify(actions.map((candidate) => candidate.title)));
    assert.equal(applied(change.change, uri(NOTE), text), 'Siehe [[Dokumentenlenkung#Ziele]].\n');
  });
});

describe('quick fix: remove a tag', () => {
  const files = { 'docs/tags.yml': TAGS_YML };
  const remove = (textWithCursor: string) => applyAction('docs/A.md', textWithCursor, 'Remove the tag', files);

  it('removes a duplicate in the middle of a flow list with its comma', () => {
    assert.equal(remove(entry('A', 'A', 'D.', '[IM, Begriffe, I|M, Strategie]')), entry('A', 'A', 'D.', '[IM, Begriffe, Strategie]'));
  });

  it('reads the blanks of a flow list as YAML does: a no-break or ideographic space is part of the tag', () => {
    // YAML reads "\u00a0Begriffe" and "\u3000IM": padded tags, trimmed to the ones listed before them.
    const fixed = (tags: string) => {
      const text = entry('A', 'A', 'D.', tags);
      return fixedText(glossaryOf({ ...files, 'docs/A.md': text }), `${ROOT}/docs/A.md`, text, DEFAULT_SETTINGS);
    };
    assert.equal(fixed('[Begriffe,\u00a0Begriffe]'), entry('A', 'A', 'D.', '[Begriffe]'));
    assert.equal(fixed('[IM, \u3000IM]'), entry('A', 'A', 'D.', '[IM]'));
    assert.equal(fixed('[IM, IM\u3000]'), entry('A', 'A', 'D.', '[IM]'));
  });

  it('removes a duplicate at the end of a flow list with the comma before it', () => {
    assert.equal(remove(entry('A', 'A', 'D.', '[IM, Begriffe, I|M]')), entry('A', 'A', 'D.', '[IM, Begriffe]'));
  });

  it('removes the whole line of a duplicate in a block list', () => {
    const before = doc(['id: A', 'title: A', 'tags:', '  - IM', '  - Begriffe', '  - I|M', '  - Strategie'], '\n# A\n');
    assert.equal(remove(before), doc(['id: A', 'title: A', 'tags:', '  - IM', '  - Begriffe', '  - Strategie'], '\n# A\n'));
    const last = doc(['id: A', 'title: A', 'tags:', '  - IM', '  - I|M'], '\n# A\n');
    assert.equal(remove(last), doc(['id: A', 'title: A', 'tags:', '  - IM'], '\n# A\n'));
    const blankAfter = doc(['id: A', 'title: A', 'tags:', '  - IM', '  - I|M', '', '  # keep'], '\n# A\n');
    assert.equal(remove(blankAfter), doc(['id: A', 'title: A', 'tags:', '  - IM', '', '  # keep'], '\n# A\n'), 'the blank line after it stays');
  });

  it('removes an empty tag wherever it is', () => {
    assert.equal(remove(entry('A', 'A', 'D.', '[Begriffe, "|", IM]')), entry('A', 'A', 'D.', '[Begriffe, IM]'));
    assert.equal(remove(entry('A', 'A', 'D.', '["|", Begriffe]')), entry('A', 'A', 'D.', '[Begriffe]'));
    assert.equal(remove(entry('A', 'A', 'D.', '[Begriffe, "|"]')), entry('A', 'A', 'D.', '[Begriffe]'));
    assert.equal(remove(entry('A', 'A', 'D.', '["|"]')), entry('A', 'A', 'D.', '[]'));
  });

  it('keeps the anchor and tag of a block list it empties before the empty list', () => {
    const before = doc(['title: X', 'tags: &t', '  - "|"'], '\n# X\n');
    const after = remove(before);
    assert.equal(after, doc(['title: X', 'tags: &t []'], '\n# X\n'));
    assert.deepEqual(parseDocument(uri('docs/A.md'), after).diagnostics.filter((problem) => problem.code === 'yaml-syntax'), []);
    assert.equal(remove(doc(['title: X', 'tags: &t # the tags', '  - "|"'], '\n# X\n')), doc(['title: X', 'tags: &t [] # the tags'], '\n# X\n'));
  });
});

describe('quick fix: declare a tag in the tags file', () => {
  it('appends the declaration to tags.yml', () => {
    const index = glossaryOf({ 'docs/tags.yml': TAGS_YML });
    const { actions } = actionsAt(index, 'docs/sub/A.md', entry('A', 'A', 'D.', '[Begriffe, "Neue Ro|lle"]'));
    const declare = action(actions, 'Declare "Neue Rolle" in ../tags.yml');
    assert.deepEqual(declare.change.createFiles, []);
    assert.equal(
      applied(declare.change, uri('docs/tags.yml'), TAGS_YML),
      TAGS_YML + 'Neue Rolle:\n  label: Neue Rolle\n  permalink: /neue-rolle\n',
    );
  });

  it('starts a new line in a tags file without a final line break, and folds umlauts in the permalink', () => {
    const tagsYml = 'Begriffe:\n  label: Begriffe';
    const index = glossaryOf({ 'docs/tags.yml': tagsYml });
    const { actions } = actionsAt(index, 'docs/A.md', entry('A', 'A', 'D.', '[Qualit|ät]'));
    assert.equal(
      applied(action(actions, 'Declare "Qualität" in tags.yml').change, uri('docs/tags.yml'), tagsYml),
      'Begriffe:\n  label: Begriffe\nQualität:\n  label: Qualität\n  permalink: /qualitaet\n',
    );
  });

  it('declares the tag the warning names, so that the warning goes away (padded tag)', () => {
    const index = glossaryOf({ 'docs/tags.yml': TAGS_YML });
    const { actions, document } = (() => {
      const opened = openAtCursor(index, 'docs/A.md', entry('A', 'A', 'D.', '[" Qualit|ät "]'));
      return { actions: codeActions(index, opened.document, opened.lines, { start: opened.position, end: opened.position }, DEFAULT_SETTINGS), document: opened.document };
    })();
    const declare = actions.find((candidate) => candidate.title.startsWith('Declare'));
    assert.ok(declare, JSON.stringify(actions.map((candidate) => candidate.title)));
    assert.equal(declare.title, 'Declare "Qualität" in tags.yml');
    index.setTagsFile(uri('docs/tags.yml'), applied(declare.change, uri('docs/tags.yml'), TAGS_YML));
    assert.deepEqual(
      documentDiagnostics(index, document).map((diagnostic) => diagnostic.code),
      ['padded-tag'],
    );
  });
});

describe('quick fix: create the missing entry', () => {
  const site = () =>
    glossaryOf({
      'docs/10-Glossar/D-Glossar/Dokumentenlenkung.md': entry('Dokumentenlenkung', 'Dokumentenlenkung', 'Lenkung von Dokumenten.'),
      'docs/10-Glossar/S-Glossar/SLA.md': entry('SLA', 'Service Level Agreement', 'Ein Vertrag.'),
    });
  const template = (id: string, title: string) => `---\nid: ${id}\ntitle: ${title}\ntags: []\n---\n\n# ${title}\n\n**Definition in one sentence.**\n`;

  function created(relative: string, textWithCursor: string, title: string) {
    const { actions } = actionsAt(site(), relative, textWithCursor);
    const create = action(actions, title);
    assert.equal(create.change.createFiles.length, 1);
    const [newUri] = create.change.createFiles;
    return { uri: newUri, text: applied(create.change, newUri, '') };
  }

  it('for a broken relative link: the file the link names', () => {
    assert.deepEqual(created('docs/10-Glossar/D-Glossar/Notiz.md', 'Siehe [Neu](../S-Glossar/Service-Level-Objec|tive.md).\n', 'Create ../S-Glossar/Service-Level-Objective.md from the template'), {
      uri: uri('docs/10-Glossar/S-Glossar/Service-Level-Objective.md'),
      text: template('Service-Level-Objective', 'Service Level Objective'),
    });
  });

  it('for a broken route: a file named by the id beside the entries of the route folder', () => {
    assert.deepEqual(created('notes/plan.md', 'Siehe [Ablage](/docs/Glossar/D-Glossar/Dokumenten|ablage/).\n', 'Create ../docs/10-Glossar/D-Glossar/Dokumentenablage.md from the template'), {
      uri: uri('docs/10-Glossar/D-Glossar/Dokumentenablage.md'),
      text: template('Dokumentenablage', 'Dokumentenablage'),
    });
  });

  it('for a broken wiki link: a file beside the document, named after the link without its anchor', () => {
    assert.deepEqual(created('notes/plan.md', 'Siehe [[Neuer Be|griff#Teil]].\n', 'Create Neuer-Begriff.md from the template'), {
      uri: uri('notes/Neuer-Begriff.md'),
      text: template('Neuer-Begriff', 'Neuer Begriff'),
    });
    assert.deepEqual(created('notes/plan.md', 'Siehe [[Wertschö|pfung]].\n', 'Create Wertschöpfung.md from the template'), {
      uri: uri('notes/Wertsch%C3%B6pfung.md'),
      text: template('Wertschöpfung', 'Wertschöpfung'),
    });
  });

  it('offers no new entry where a file the site does not build already is (a draft, a "_" file)', () => {
    const index = glossaryOf({
      'docs/10-Glossar/D-Glossar/_Entwurf.md': '---\ntitle: Entwurf\n---\n\nText.\n',
      'docs/10-Glossar/D-Glossar/Skizze.md': '---\ntitle: Skizze\ndraft: true\n---\n\nText.\n',
    });
    for (const link of ['[x](./_Entw|urf.md)', '[y](./Skiz|ze.md)']) {
      const { titles } = actionsAt(index, 'docs/10-Glossar/D-Glossar/Notiz.md', `Siehe ${link}.\n`);
      assert.ok(titles.includes('Disable broken-link for this line'), JSON.stringify(titles));
      assert.deepEqual(titles.filter((title) => title.startsWith('Create')), [], link);
    }
  });

  it('offers no new entry whose file name would hold a line break or a control character', () => {
    for (const link of ['[x](./a%0A|b.md)', '[y](./a%00|b.md)', '[z](./a%E2%80%A8|b.md)']) {
      const { titles } = actionsAt(glossaryOf({}), 'docs/Notiz.md', `Siehe ${link}.\n`);
      assert.ok(titles.includes('Disable broken-link for this line'), JSON.stringify(titles));
      assert.deepEqual(titles.filter((title) => title.startsWith('Create')), [], link);
    }
  });

  it('writes the id and title of the new entry as YAML strings', () => {
    assert.deepEqual(created('notes/plan.md', 'Siehe [[tr|ue]] und [[007]].\n', 'Create true.md from the template'), {
      uri: uri('notes/true.md'),
      text: '---\nid: "true"\ntitle: "true"\ntags: []\n---\n\n# true\n\n**Definition in one sentence.**\n',
    });
  });

  it('in a Hugo site, writes front matter as Hugo reads it: no id (Hugo names a page by its file), no H1 (the theme shows the title)', () => {
    const index = glossaryOf({ 'content/glossar/a.md': '---\ntitle: A\n---\n\nText.\n' });
    index.setSites([{ generator: 'hugo', rootUri: ROOT, hugo: hugoSiteOf({ languages: [], problems: [] }), now: new Date('2025-06-01T00:00:00Z') }]);
    const { actions } = actionsAt(index, 'content/glossar/notiz.md', 'Siehe [Neu](./neuer-be|griff.md).\n');
    const create = action(actions, 'Create neuer-begriff.md from the template');
    assert.equal(applied(create.change, create.change.createFiles[0], ''), '---\ntitle: neuer begriff\ntags: []\n---\n\n**Definition in one sentence.**\n');
    // A bundle's index is named after its folder.
    const bundle = actionsAt(index, 'content/glossar/notiz.md', 'Siehe [Neu](./buen|del/index.md).\n');
    const createBundle = action(bundle.actions, 'Create buendel/index.md from the template');
    assert.match(applied(createBundle.change, createBundle.change.createFiles[0], ''), /^---\ntitle: buendel\n/);
    // Without a link render hook Hugo writes the link as it is: a new file would not make it lead to a page.
    index.setSites([{ generator: 'hugo', rootUri: ROOT, hugo: { ...hugoSiteOf({ languages: [], problems: [] }), linkRenderHook: 'none' }, now: new Date('2025-06-01T00:00:00Z') }]);
    assert.deepEqual(actionsAt(index, 'content/glossar/notiz.md', 'Siehe [Neu](./neuer-be|griff.md).\n').titles.filter((title) => title.startsWith('Create')), []);
  });

  it('writes a title the heading would read otherwise escaped there, so the new entry reads back as that title', () => {
    for (const title of ['Ende #', 'C#', 'Pfad a\\[b', 'Wert [intern]']) {
      const document = parseDocument(uri('glossar/Neu.md'), newTermText('Neu', title, []));
      assert.equal(document.term?.heading?.text, title);
      assert.equal(document.term?.title, title);
    }
  });

  it('offers one action for many links to the same missing file, and fixes for at most 50 problems in a selection', () => {
    const index = site();
    const text = 'Siehe [[Neu]]. '.repeat(400) + '\n' + Array.from({ length: 100 }, (_, n) => `[[Fehlt${n}]]`).join(' ') + '\n';
    index.setDocument(uri('notes/plan.md'), text);
    const lines = new LineIndex(text);
    const document = index.getDocument(uri('notes/plan.md'))!;
    const whole = { start: { line: 0, character: 0 }, end: lines.positionAt(text.length) };
    const onFirstLine = codeActions(index, document, lines, { start: whole.start, end: { line: 0, character: 10_000 } }, DEFAULT_SETTINGS);
    const creates = onFirstLine.filter((candidate) => candidate.title === 'Create Neu.md from the template');
    assert.equal(creates.length, 1, 'one action, not one per link');
    const everywhere = codeActions(index, document, lines, whole, DEFAULT_SETTINGS);
    assert.deepEqual(
      everywhere.map((candidate) => candidate.title),
      ['Create Neu.md from the template', 'Disable broken-link for this line'],
      'the first 50 problems are all links to Neu.md',
    );
    const disable = everywhere.find((candidate) => candidate.title === 'Disable broken-link for this line')!;
    assert.equal(disable.diagnostics.length, 400, 'the comment turns off every problem of its line, also those past the first 50');
  });

  it('and the new entry ends the warning', () => {
    const index = site();
    const { actions, document } = (() => {
      const opened = openAtCursor(index, 'notes/plan.md', 'Siehe [[Neuer Be|griff]].\n');
      return { actions: codeActions(index, opened.document, opened.lines, { start: opened.position, end: opened.position }, DEFAULT_SETTINGS), document: opened.document };
    })();
    const create = action(actions, 'Create Neuer-Begriff.md from the template');
    index.setDocument(create.change.createFiles[0], applied(create.change, create.change.createFiles[0], ''));
    assert.deepEqual(documentDiagnostics(index, document), []);
  });
});

describe('quick fix: add a missing key', () => {
  it('adds the title, from the file name, before the closing ---', () => {
    const before = doc(['id: Service-Level-Agreement', 'tags: [Begriffe]'], '\nEin Vertrag über die Dienstgüte.\n');
    const { actions, text } = actionsAt(glossaryOf({}), 'docs/Service-Level-Agreement.md', '|' + before);
    const add = actions.find((candidate) => candidate.title.startsWith('Add'));
    assert.ok(add, JSON.stringify(actions.map((candidate) => candidate.title)));
    assert.equal(
      applied(add.change, uri('docs/Service-Level-Agreement.md'), text),
      doc(['id: Service-Level-Agreement', 'tags: [Begriffe]', 'title: Service Level Agreement'], '\nEin Vertrag über die Dienstgüte.\n'),
    );
    assert.equal(add.title, 'Add "title"');
  });

  it('adds another required key with an empty value', () => {
    const settings = { ...DEFAULT_SETTINGS, requiredKeys: ['title', 'description'] };
    const before = doc(['id: Outtasking', 'title: Outtasking', 'tags: [Begriffe]'], '\n# Outtasking\n');
    assert.equal(
      applyAction('docs/Outtasking.md', '|' + before, 'Add "description"', {}, settings),
      doc(['id: Outtasking', 'title: Outtasking', 'tags: [Begriffe]', 'description: '], '\n# Outtasking\n'),
    );
  });
});

describe('quick fix: fix all of one kind in this file', () => {
  it('combines the edits of every problem of the kind under the cursor', () => {
    const before = doc(['id: Outtasking', 'ti|tel: Outtasking', 'tag: [Begriffe]', 'Sidebar_Position: 2'], '\n# Outtasking\n');
    const { actions, text } = actionsAt(glossaryOf({}), 'docs/Outtasking.md', before);
    const all = action(actions, 'Fix all "unknown-key" problems in this file');
    assert.equal(all.diagnostics.length, 3);
    assert.equal(
      applied(all.change, uri('docs/Outtasking.md'), text),
      doc(['id: Outtasking', 'title: Outtasking', 'tags: [Begriffe]', 'sidebar_position: 2'], '\n# Outtasking\n'),
    );
  });

  it('removes every duplicate tag at once', () => {
    const { actions, text } = actionsAt(glossaryOf({ 'docs/tags.yml': TAGS_YML }), 'docs/A.md', entry('A', 'A', 'D.', '[IM, Begriffe, I|M, Strategie, Begriffe]'));
    assert.equal(
      applied(action(actions, 'Fix all "duplicate-tag" problems in this file').change, uri('docs/A.md'), text),
      entry('A', 'A', 'D.', '[IM, Begriffe, Strategie]'),
    );
  });

  it('removes, not replaces, an unknown tag whose fix another fix or a listed tag already gives, so that no tag is listed twice', () => {
    const { actions, text } = actionsAt(glossaryOf({ 'docs/tags.yml': TAGS_YML }), 'docs/A.md', entry('A', 'A', 'D.', '[Strat|gie, IM, Strategi, Begrife, Begriffe]'));
    assert.equal(
      applied(action(actions, 'Fix all "unknown-tag" problems in this file').change, uri('docs/A.md'), text),
      entry('A', 'A', 'D.', '[Strategie, IM, Begriffe]'),
    );
  });

  it('is not offered for a single problem', () => {
    const { titles } = actionsAt(glossaryOf({}), 'docs/A.md', doc(['id: A', 'ti|tel: A'], '\n# A\n'));
    assert.deepEqual(titles, ['Change to "title"', 'Disable unknown-key for this line']);
  });
});

describe('fixAll (fix on save, check --fix)', () => {
  const fixed = (index: GlossaryIndex, relative: string, text: string) => {
    const document = index.setDocument(uri(relative), text);
    const lines = new LineIndex(text);
    return applyEdits(lines, fixAll(index, document, lines, DEFAULT_SETTINGS));
  };

  it('applies nothing while the YAML does not parse: what is read of it may be partial', () => {
    const index = glossaryOf({ 'docs/tags.yml': TAGS_YML });
    const broken = doc(['title: A', 'tags: [IM,', '  IM, Ausgabe: " x", ""', 'id: A'], '\n# A\n');
    assert.equal(fixed(index, 'docs/A.md', broken), broken);
  });

  it('on save, fixes round by round as check --fix does', () => {
    const index = glossaryOf({});
    const text = doc(['title: A', 'Tags: IM, Begriffe'], '\n# A\n');
    const document = index.setDocument(uri('docs/A.md'), text);
    const lines = new LineIndex(text);
    const action = fixAllAction(index, document, lines, DEFAULT_SETTINGS)!;
    const onSave = applyEdits(lines, action.change.edits[0].edits);
    assert.equal(onSave, doc(['title: A', 'tags: [IM, Begriffe]'], '\n# A\n'));
    assert.equal(onSave, fixedText(index, uri('docs/A.md'), text, DEFAULT_SETTINGS));
  });

  it("leaves Hugo's TOML and JSON front matter as it is, whatever its problems, and offers no fix in it", () => {
    const index = glossaryOf({ 'docs/tags.yml': TAGS_YML });
    for (const text of ['+++\ntitel = "X"\ntags = ["IM", "IM", " Strategie", ""]\n+++\n\n# X\n', '{\n  "titel": "X",\n  "tags": ["IM", "IM", " Strategie"]\n}\n\n# X\n']) {
      assert.equal(fixed(index, 'docs/X.md', text), text);
      const { titles } = actionsAt(index, 'docs/X.md', text.replace('titel', 'tit|el'));
      assert.deepEqual(titles.filter((title) => !title.startsWith('Disable')), [], text);
    }
  });

  it('applies only the safe fixes: keys, padded, duplicate and empty tags, tags not a list', () => {
    const index = glossaryOf({ 'docs/tags.yml': TAGS_YML, 'docs/10-Glossar/D-Glossar/Dokumentenlenkung.md': entry('Dokumentenlenkung', 'Dokumentenlenkung', 'D.') });
    const before = doc(
      ['id: SLA', 'titel: Service Level Agreement', 'tags: [Begriff, " Strategie", IM, "", Begriffe, IM]'],
      '\n# Service Level Agreement\n\nSiehe [Lenkung](10-Glossar/D-Glossar/Dokumentenlenkug.md) und [[Dokumentenlenkug]].\n',
    );
    const after = fixed(index, 'docs/Service-Level-Agreement.md', before);
    assert.equal(
      after,
      doc(
        ['id: SLA', 'title: Service Level Agreement', 'tags: [Begriff, "Strategie", IM, Begriffe]'],
        '\n# Service Level Agreement\n\nSiehe [Lenkung](10-Glossar/D-Glossar/Dokumentenlenkug.md) und [[Dokumentenlenkug]].\n',
      ),
    );
    // What is left (unknown-tag, broken links, the id hint) needs a person; a second run changes nothing.
    assert.equal(fixed(index, 'docs/Service-Level-Agreement.md', after), after);
  });

  it('wraps a single tag in a list', () => {
    assert.equal(fixed(glossaryOf({}), 'docs/A.md', entry('A', 'A', 'D.', 'Begriffe')), entry('A', 'A', 'D.', '[Begriffe]'));
  });

  it('changes nothing in a clean entry', () => {
    const text = entry('A', 'A', 'D.', '[Begriffe, IM]');
    assert.equal(fixed(glossaryOf({ 'docs/tags.yml': TAGS_YML }), 'docs/A.md', text), text);
  });

  it('removes every empty tag of a template list in one run (tags: ["architecture", "", ""])', () => {
    const before = doc(['title: Serverless', 'tags: ["architecture", "", ""]'], '\n# Serverless\n');
    assert.equal(fixed(glossaryOf({}), 'en/serverless.md', before), doc(['title: Serverless', 'tags: ["architecture"]'], '\n# Serverless\n'));
  });
});

describe('the tags file generator', () => {
  const glossary = () =>
    glossaryOf({
      'docs/A.md': entry('A', 'A', 'D.', '[Begriffe, IM]'),
      'docs/B.md': entry('B', 'B', 'D.', '[Begriffe, IM, Qualität]'),
      'docs/C.md': entry('C', 'C', 'D.', '[Begriffe, "Neue Rolle", "C++", ""]'),
    });
  const ALL =
    'Begriffe:\n  label: Begriffe\n  permalink: /begriffe\n' +
    'IM:\n  label: IM\n  permalink: /im\n' +
    'C++:\n  label: C++\n  permalink: /c\n' +
    'Neue Rolle:\n  label: Neue Rolle\n  permalink: /neue-rolle\n' +
    'Qualität:\n  label: Qualität\n  permalink: /qualitaet\n';

  it('declares every tag, most used first, quoting keys YAML would misread', () => {
    assert.equal(generateTagsFile(glossary()), ALL);
  });

  it('gives no two tags one permalink, nor a tag the permalink of one the file declares (the build fails on it)', () => {
    const index = glossaryOf({ 'docs/A.md': entry('A', 'A', 'D.', '["C#", "C++", 中文, 日本語, Cloud, "Im"]') });
    index.setTagsFile(uri('docs/tags.yml'), 'cloud:\n  label: Wolke\nIM:\n  label: IM\n  permalink: /im\n');
    const permalinks = [...generateTagsFile(index, index.tagsFileFor(uri('docs/A.md'))).matchAll(/permalink: (.*)/g)].map((match) => match[1]);
    assert.deepEqual(permalinks, ['/c', '/c-2', '/cloud-2', '/im-2', '/中文', '/日本語']);
  });

  it('writes permalinks that keep every letter: German letters spelt out, other accents dropped, other scripts as they are', () => {
    const index = glossaryOf({ 'docs/A.md': entry('A', 'A', 'D.', '[Qualität, Café, Señor, Ærø, Łódź, naïve, Straße, "!?"]') });
    const permalinks = [...generateTagsFile(index, undefined).matchAll(/permalink: (.*)/g)].map((match) => match[1]);
    assert.deepEqual(permalinks, ['/tag', '/aero', '/cafe', '/lodz', '/naive', '/qualitaet', '/senor', '/strasse']);
  });

  it('creates tags.yml in the folder when none governs it', () => {
    const change = tagsFileChange(glossary(), uri('docs'));
    assert.deepEqual(change.createFiles, [uri('docs/tags.yml')]);
    assert.equal(applied(change, uri('docs/tags.yml'), ''), ALL);
  });

  it('appends only the missing tags to an existing tags file, on a new line', () => {
    const existing = 'Begriffe:\n  label: Begriffe\n  description: Grundbegriffe';
    const index = glossary();
    index.setTagsFile(uri('docs/tags.yml'), existing);
    const change = tagsFileChange(index, uri('docs'));
    assert.deepEqual(change.createFiles, []);
    assert.equal(
      applied(change, uri('docs/tags.yml'), existing),
      existing +
        '\nIM:\n  label: IM\n  permalink: /im\n' +
        'C++:\n  label: C++\n  permalink: /c\n' +
        'Neue Rolle:\n  label: Neue Rolle\n  permalink: /neue-rolle\n' +
        'Qualität:\n  label: Qualität\n  permalink: /qualitaet\n',
    );
  });

  it('creates a Docusaurus doc\'s tags file where the docs plugin reads it: in the docs folder, whatever folder is asked', () => {
    const index = glossaryOf({ 'docs/glossar/A.md': entry('A', 'A', 'D.', '[IM]') });
    index.setSites([defaultDocusaurusSite(ROOT)]);
    const change = tagsFileChange(index, ROOT);
    assert.deepEqual(change.createFiles, [uri('docs/tags.yml')]);
  });

  it('declares a padded tag as its padded-tag fix writes it, trimmed, once', () => {
    const index = glossaryOf({ 'docs/A.md': entry('A', 'A', 'D.', '[" IM", "Begriffe ", Begriffe]') });
    index.setTagsFile(uri('docs/tags.yml'), 'Begriffe:\n  label: Begriffe\n');
    const change = tagsFileChange(index, uri('docs'));
    assert.equal(applied(change, uri('docs/tags.yml'), 'Begriffe:\n  label: Begriffe\n'), 'Begriffe:\n  label: Begriffe\nIM:\n  label: IM\n  permalink: /im\n');
  });

  it('writes to the tags file of a parent folder that governs the folder', () => {
    const index = glossary();
    index.setTagsFile(uri('docs/tags.yml'), TAGS_YML);
    const change = tagsFileChange(index, uri('docs/sub/'));
    assert.deepEqual(change.createFiles, []);
    assert.equal(
      applied(change, uri('docs/tags.yml'), TAGS_YML),
      TAGS_YML + 'C++:\n  label: C++\n  permalink: /c\n' + 'Neue Rolle:\n  label: Neue Rolle\n  permalink: /neue-rolle\n' + 'Qualität:\n  label: Qualität\n  permalink: /qualitaet\n',
    );
  });

  it('indents the fields of new tags as the file indents its own (four blanks, CRLF), two blanks where it shows none', () => {
    const added = (existing: string) => {
      const index = glossaryOf({ 'docs/A.md': entry('A', 'A', 'D.', '[Begriffe, Neu]') });
      index.setTagsFile(uri('docs/tags.yml'), existing);
      return applied(tagsFileChange(index, uri('docs')), uri('docs/tags.yml'), existing);
    };
    assert.equal(added('Begriffe:   # Grundbegriffe\r\n    label: B\r\n'), 'Begriffe:   # Grundbegriffe\r\n    label: B\r\nNeu:\r\n    label: Neu\r\n    permalink: /neu\r\n');
    assert.equal(added('Begriffe: {label: B}\nIM:\n   label: I\n'), 'Begriffe: {label: B}\nIM:\n   label: I\nNeu:\n   label: Neu\n   permalink: /neu\n');
    assert.equal(added('Begriffe: {label: B}\n'), 'Begriffe: {label: B}\nNeu:\n  label: Neu\n  permalink: /neu\n');
  });

  it('adds to a tags file that ends its document with "...", is indented after a byte order mark, or ends with a lone CR, so that it reads as one map', () => {
    const added = (existing: string) => {
      const index = glossaryOf({ 'docs/A.md': entry('A', 'A', 'D.', '[Begriffe, Neu]') });
      index.setTagsFile(uri('docs/tags.yml'), existing);
      const after = applied(tagsFileChange(index, uri('docs')), uri('docs/tags.yml'), existing);
      const parsed = parseTagsFile(uri('docs/tags.yml'), after);
      assert.deepEqual(parsed.diagnostics, [], JSON.stringify(after));
      assert.deepEqual([...parsed.tags.values()].map((tag) => tag.label), ['B', 'Neu'], JSON.stringify(after));
      return after;
    };
    assert.equal(added('Begriffe:\n  label: B\n...\n'), 'Begriffe:\n  label: B\nNeu:\n  label: Neu\n  permalink: /neu\n...\n');
    assert.equal(added('\uFEFF  Begriffe:\n    label: B\n'), '\uFEFF  Begriffe:\n    label: B\n  Neu:\n    label: Neu\n    permalink: /neu\n');
    assert.equal(added('Begriffe:\n  label: B\r'), 'Begriffe:\n  label: B\r\nNeu:\n  label: Neu\n  permalink: /neu\n');
  });

  it('reads a tags file indented after a byte order mark, and its last line ended by a lone CR', () => {
    const parsed = parseTagsFile(uri('docs/tags.yml'), '\uFEFF  Begriffe:\n    label: B\r\n  IM:\n    label: I\r');
    assert.deepEqual(parsed.diagnostics, []);
    assert.deepEqual([...parsed.tags.values()].map((tag) => [tag.key, tag.label, tag.keyRange.start]), [['Begriffe', 'B', { line: 0, character: 3 }], ['IM', 'I', { line: 2, character: 2 }]]);
  });

  it('generates nothing when every tag is declared', () => {
    const index = glossaryOf({ 'docs/tags.yml': TAGS_YML, 'docs/A.md': entry('A', 'A', 'D.', '[Begriffe, IM]') });
    assert.equal(generateTagsFile(index, index.tagsFileFor(uri('docs/A.md'))), '');
  });
});

describe('fixes keep the text of the file (issue 16)', () => {
  const fixedAll = (text: string, relative = 'docs/A.md', files: Record<string, string> = {}) => {
    const index = glossaryOf(files);
    const document = index.setDocument(uri(relative), text);
    const lines = new LineIndex(text);
    return applyEdits(lines, fixAll(index, document, lines, DEFAULT_SETTINGS));
  };
  /** The front matter a text parses to, and whether YAML found anything wrong with it. */
  const frontMatterOf = (text: string) => {
    const document = glossaryOf({}).setDocument(uri('docs/Check.md'), text);
    return {
      values: Object.fromEntries((document.frontMatter?.fields ?? []).map((field) => [field.key, field.value])),
      yamlProblems: document.diagnostics.filter((diagnostic) => diagnostic.code === 'yaml-syntax' || diagnostic.code === 'duplicate-key').map((diagnostic) => diagnostic.message),
    };
  };

  it('tags-not-a-list: wraps a block scalar without gluing the next key to it, and quotes what YAML would misread', () => {
    assert.equal(fixedAll(doc(['title: A', 'tags: >-', '  Begriffe', 'id: A'], '\n# A\n')), doc(['title: A', 'tags: [Begriffe]', 'id: A'], '\n# A\n'));
    assert.equal(fixedAll(doc(['title: A', 'tags: "#Begriffe"'])), doc(['title: A', 'tags: ["#Begriffe"]']));
    assert.equal(fixedAll(doc(['title: A', 'tags: a]b'])), doc(['title: A', 'tags: ["a]b"]']));
    assert.equal(fixedAll(doc(['title: A', "tags: 'Foo: bar'"])), doc(['title: A', 'tags: ["Foo: bar"]']));
    assert.deepEqual(frontMatterOf(fixedAll(doc(['title: A', "tags: 'Foo: bar'"]))), { values: { title: 'A', tags: ['Foo: bar'] }, yamlProblems: [] });
    // Commas part tags written plainly; a string in quotes is one tag, commas and all.
    assert.equal(fixedAll(doc(['title: A', 'tags: Begriffe, IM'])), doc(['title: A', 'tags: [Begriffe, IM]']));
    assert.equal(fixedAll(doc(['title: A', 'tags: "Forschung, Entwicklung"'])), doc(['title: A', 'tags: ["Forschung, Entwicklung"]']));
    assert.equal(fixedAll(doc(['title: A', "tags: 'Foo, Inc.'"])), doc(['title: A', 'tags: ["Foo, Inc."]']));
    // Over several lines, quotes or not, YAML joined the lines into one string: it stays one tag.
    assert.equal(fixedAll(doc(['title: A', 'tags: "Forschung,', '  Entwicklung"'])), doc(['title: A', 'tags: ["Forschung, Entwicklung"]']));
    assert.equal(fixedAll(doc(['title: A', 'tags: Forschung,', '  Entwicklung'])), doc(['title: A', 'tags: ["Forschung, Entwicklung"]']));
  });

  it('tags-not-a-list in a Hugo site: the string stays the one tag Hugo reads it as', () => {
    const text = doc(['title: A', 'tags: Cloud Native, Security']);
    const index = glossaryOf({});
    index.setSites([{ generator: 'hugo', rootUri: ROOT, hugo: hugoSiteOf({ languages: [], problems: [] }), now: new Date() }]);
    const document = index.setDocument(uri('content/a.md'), text);
    const lines = new LineIndex(text);
    assert.equal(applyEdits(lines, fixAll(index, document, lines, DEFAULT_SETTINGS)), doc(['title: A', 'tags: ["Cloud Native, Security"]']));
    const [problem] = documentDiagnostics(index, document, DEFAULT_SETTINGS).filter((diagnostic) => diagnostic.code === 'tags-not-a-list');
    assert.equal(problem.message, 'Hugo reads this string as one tag, "Cloud Native, Security": write tags as a list, such as "tags: [A, B]".');
  });

  it('Add "title" in a Docusaurus site, where an H1 below other content does not title the page: the H1\'s text', () => {
    const index = glossaryOf({});
    index.setSites([defaultDocusaurusSite(ROOT)]);
    const { actions, text } = actionsAt(index, 'docs/spaet.md', '-|--\nid: spaet\n---\n:::note\n\nHinweis.\n\n:::\n\n# Später\n');
    assert.equal(applied(action(actions, 'Add "title"').change, uri('docs/spaet.md'), text), '---\nid: spaet\ntitle: Später\n---\n:::note\n\nHinweis.\n\n:::\n\n# Später\n');
    // As the page shows the heading: without a comment, its inline code unwrapped.
    const shown = actionsAt(index, 'docs/code.md', '-|--\nid: code\n---\nText.\n\n# C# mit `Code` <!-- Notiz -->\n');
    assert.equal(applied(action(shown.actions, 'Add "title"').change, uri('docs/code.md'), shown.text), '---\nid: code\ntitle: "C# mit Code"\n---\nText.\n\n# C# mit `Code` <!-- Notiz -->\n');
  });

  it('Add "title" writes the H1 as the page shows it: escapes and character references resolved, not in code', () => {
    const index = glossaryOf({});
    index.setSites([defaultDocusaurusSite(ROOT)]);
    const { actions, text } = actionsAt(index, 'docs/qa.md', '-|--\nid: qa\n---\nText.\n\n# Q&amp;A zu \\*Sternen\\* und `&amp;`\n');
    assert.equal(applied(action(actions, 'Add "title"').change, uri('docs/qa.md'), text), '---\nid: qa\ntitle: Q&A zu *Sternen* und &amp;\n---\nText.\n\n# Q&amp;A zu \\*Sternen\\* und `&amp;`\n');
    const title = (heading: string) => {
      const asked = actionsAt(index, 'docs/t.md', `-|--\nid: t\n---\nText.\n\n# ${heading}\n`);
      return applied(action(asked.actions, 'Add "title"').change, uri('docs/t.md'), asked.text).split('\n')[2];
    };
    assert.equal(title('F&uuml;r &copy; &amp; \\&amp;'), 'title: Für © & &amp;');
    assert.equal(title('Use \\`foo\\` literally'), 'title: Use `foo` literally');
    assert.equal(title('Code ``a`b`` here'), 'title: Code a`b here');
    assert.equal(title('Use `<!-- -->` syntax <!-- Notiz -->'), 'title: Use <!-- --> syntax');
  });

  it('Add "title" before a last value that keeps its final line breaks (|+), whose blank lines would become its own', () => {
    const index = glossaryOf({});
    // Not `actionsAt`: its cursor is the text's last `|`.
    const added = (frontMatter: string) => {
      const text = `---\n${frontMatter}---\n\nText ohne Überschrift.\n`;
      const document = index.setDocument(uri('docs/Outtasking.md'), text);
      const at = { line: 0, character: 1 };
      return applied(action(codeActions(index, document, new LineIndex(text), { start: at, end: at }, DEFAULT_SETTINGS), 'Add "title"').change, uri('docs/Outtasking.md'), text);
    };
    const keep = 'id: Outtasking\ndescription: |+\n  Auslagerung einzelner Aufgaben.\n\n';
    assert.equal(added(keep), `---\nid: Outtasking\ntitle: Outtasking\ndescription: |+\n  Auslagerung einzelner Aufgaben.\n\n---\n\nText ohne Überschrift.\n`);
    const nested = 'meta:\n  notes:\n    - >2+\n        eingerückt\n\n';
    assert.equal(added(`id: Outtasking\n${nested}`), `---\nid: Outtasking\ntitle: Outtasking\n${nested}---\n\nText ohne Überschrift.\n`);
    // Clipped (|) or stripped (|-): after it, as always.
    assert.equal(added('id: Outtasking\ndescription: |\n  Auslagerung.\n\n'), '---\nid: Outtasking\ndescription: |\n  Auslagerung.\n\ntitle: Outtasking\n---\n\nText ohne Überschrift.\n');
  });

  it('Add "title" in a Hugo site: into front matter after blank lines, which Hugo reads', () => {
    const index = glossaryOf({});
    index.setSites([{ generator: 'hugo', rootUri: ROOT, hugo: hugoSiteOf({ languages: [], problems: [] }), now: new Date() }]);
    const { actions, text } = actionsAt(index, 'content/b.md', '\n\n-|--\ntags: [x]\n---\nText.\n');
    assert.equal(applied(action(actions, 'Add "title"').change, uri('content/b.md'), text), '\n\n---\ntags: [x]\ntitle: b\n---\nText.\n');
  });

  it('misplaced-front-matter: removes the blank lines before the front matter, and nothing else', () => {
    const { actions, text } = actionsAt(glossaryOf({}), 'docs/c.md', '\r\n \t\r\n-|--\r\ntitle: C\r\n---\r\nText.\r\n');
    assert.equal(applied(action(actions, 'Remove the blank lines before the front matter').change, uri('docs/c.md'), text), '---\r\ntitle: C\r\n---\r\nText.\r\n');
    assert.equal(fixedAll('\n---\ntitle: C\n---\n'), '\n---\ntitle: C\n---\n');
  });

  it('a fix keeps the quotes of the tag or key it changes: double stay double, single stay single where they can hold the text', () => {
    const files = { 'docs/tags.yml': TAGS_YML };
    assert.equal(fixedAll(doc(['"titel": A', "tags: [' IM ', \" Begriffe \", 'it''s ']"])), doc(['"title": A', "tags: ['IM', \"Begriffe\", 'it''s']"]));
    assert.equal(fixedAll(doc(["'titel': A", 'tags:', "  - ' IM '", '  - " true "'])), doc(["'title': A", 'tags:', "  - 'IM'", '  - "true"']));
    // A plain or block scalar is written as before: plain where every reader reads it back as itself.
    assert.equal(fixedAll(doc(['title: A', 'tags: [IM, Begriffe, " x"]'])), doc(['title: A', 'tags: [IM, Begriffe, "x"]']));
    assert.equal(applyAction('docs/A.md', entry('A', 'A', 'D.', "['Begr|iff', IM]"), 'Change to "Begriffe"', files), entry('A', 'A', 'D.', "['Begriffe', IM]"));
    assert.equal(applyAction('docs/A.md', entry('A', 'A', 'D.', '["Begr|iff", IM]'), 'Change to "Begriffe"', files), entry('A', 'A', 'D.', '["Begriffe", IM]'));
    assert.equal(applyAction('docs/A.md', entry('A', 'A', 'D.', '[Begr|iff, IM]'), 'Change to "Begriffe"', files), entry('A', 'A', 'D.', '[Begriffe, IM]'));
  });

  it('padded-tag: the trimmed tag stays a string, one tag, and the rest of the list stays', () => {
    const after = fixedAll(doc(['title: A', 'tags: [" true ", " 123 ", " null ", " #x ", " a,b ", IM]']));
    assert.equal(after, doc(['title: A', 'tags: ["true", "123", "null", "#x", "a,b", IM]']));
    assert.deepEqual(frontMatterOf(after).values.tags, ['true', '123', 'null', '#x', 'a,b', 'IM']);
  });

  it('unknown-key: offers no rename to a key the front matter has, nor two renames to one key', () => {
    const both = doc(['title: A', 'Ti|tle: B', 'tags: [IM]', 'tag: [Begriffe]'], '\n# A\n');
    assert.deepEqual(actionsAt(glossaryOf({}), 'docs/A.md', both).titles, ['Disable unknown-key for this line']);
    assert.equal(fixedAll(both.replace('|', '')), both.replace('|', ''));
    const twice = fixedAll(doc(['Title: A', 'titel: B'], '\n# A\n'));
    assert.equal(twice, doc(['title: A', 'titel: B'], '\n# A\n'));
    assert.deepEqual(frontMatterOf(twice).yamlProblems, []);
  });

  it('fixes two problems in one multi-line flow list item by item, keeping its comments', () => {
    const before = doc(['title: A', 'tags: [', '  IM, # Informationsmanagement', '  " Begriffe", # gepolstert', '  IM, # doppelt', '  "" # leer', ']'], '\n# A\n');
    const after = fixedAll(before);
    assert.equal(after, doc(['title: A', 'tags: [', '  IM, # Informationsmanagement', '  "Begriffe" # gepolstert', '   # doppelt', '   # leer', ']'], '\n# A\n'));
    assert.deepEqual(frontMatterOf(after), { values: { title: 'A', tags: ['IM', 'Begriffe'] }, yamlProblems: [] });
  });

  it('removes a duplicate block-list item written as a block scalar with all its lines', () => {
    const before = doc(['title: A', 'tags:', '  - IM', '  - |-', '    IM', '  - Begriffe'], '\n# A\n');
    assert.equal(fixedAll(before), doc(['title: A', 'tags:', '  - IM', '  - Begriffe'], '\n# A\n'));
  });

  it('leaves a node an alias reads, so that no alias loses its anchor or changes its value', () => {
    // A duplicate tag with an anchor: removing it would leave `*y` unresolved.
    const block = doc(['title: A', 'tags:', '  - IM', '  - &y IM', 'keywords: [*y]'], '\n# A\n');
    assert.equal(fixedAll(block), block);
    const flow = doc(['title: A', 'tags: [IM, &x IM, Begriffe]', 'sidebar_label: *x'], '\n# A\n');
    assert.equal(fixedAll(flow), flow);
    // A list aliased as a whole: removing its duplicate would change the alias too.
    const wholeList = doc(['title: A', 'tags: &t [IM, IM]', 'keywords: *t'], '\n# A\n');
    assert.equal(fixedAll(wholeList), wholeList);
    // tags-not-a-list and unknown-key: the alias would become a list, or read the new key.
    const value = doc(['title: A', 'tags: &t Begriffe', 'sidebar_label: *t'], '\n# A\n');
    assert.equal(fixedAll(value), value);
    const key = doc(['&k titel: A', 'sidebar_label: *k'], '\n# A\n');
    assert.equal(fixedAll(key), key);
    assert.deepEqual(actionsAt(glossaryOf({}), 'docs/A.md', doc(['title: A', 'tags: [IM, &x I|M, Begriffe]', 'sidebar_label: *x'])).titles, ['Disable duplicate-tag for this line']);
    // Keys a merge key brings in are read where the merged map is: no fix writes there.
    const merged = doc(['base: &b {tags: Begriffe, titel: A}', '<<: *b', 'id: A'], '\nText.\n');
    assert.equal(fixedAll(merged), merged);
    // An anchor no alias uses does not hold a fix back.
    assert.equal(fixedAll(doc(['title: A', 'tags: [IM, &x IM, Begriffe]'], '\n# A\n')), doc(['title: A', 'tags: [IM, Begriffe]'], '\n# A\n'));
    assert.equal(fixedAll(doc(['title: A', 'tags: &t Begriffe'], '\n# A\n')), doc(['title: A', 'tags: &t [Begriffe]'], '\n# A\n'));
  });

  it('tags-not-a-list: no fix for a value with an explicit tag, which the list would keep', () => {
    const tagged = doc(['title: A', 'tags: !!str Begriffe # c'], '\n# A\n');
    assert.equal(fixedAll(tagged), tagged);
  });

  it('Add "title": in the style of the front matter, a flow map or indented keys', () => {
    const added = (relative: string, text: string) => {
      const { actions, text: opened } = actionsAt(glossaryOf({}), relative, '|' + text);
      return applied(action(actions, 'Add "title"').change, uri(relative), opened);
    };
    const flow = added('docs/F1.md', '---\n{id: F1}\n---\nbody\n');
    assert.equal(flow, '---\n{id: F1, title: F1}\n---\nbody\n');
    assert.deepEqual(frontMatterOf(flow), { values: { id: 'F1', title: 'F1' }, yamlProblems: [] });
    assert.equal(added('docs/F1.md', '---\n{id: F1,}\n---\nbody\n'), '---\n{id: F1, title: F1}\n---\nbody\n');
    const indented = added('docs/F2.md', '---\n  id: F2\n  slug: /f2\n---\nbody\n');
    assert.equal(indented, '---\n  id: F2\n  slug: /f2\n  title: F2\n---\nbody\n');
    assert.deepEqual(frontMatterOf(indented), { values: { id: 'F2', slug: '/f2', title: 'F2' }, yamlProblems: [] });
  });

  it('Add "title": the file name as a YAML string, on a line ending like the others', () => {
    const title = (fileName: string, text = doc(['id: X', 'tags: [IM]'], '\nText.\n')) => {
      const relative = `docs/${encodeURIComponent(fileName)}`;
      const { actions, text: opened } = actionsAt(glossaryOf({}), relative, '|' + text);
      return applied(action(actions, 'Add "title"').change, uri(relative), opened);
    };
    assert.equal(title('Kosten: Nutzen.md'), doc(['id: X', 'tags: [IM]', 'title: "Kosten: Nutzen"'], '\nText.\n'));
    assert.equal(title('#1 Begriff.md'), doc(['id: X', 'tags: [IM]', 'title: "#1 Begriff"'], '\nText.\n'));
    assert.equal(title('true.md'), doc(['id: X', 'tags: [IM]', 'title: "true"'], '\nText.\n'));
    assert.equal(title('[Entwurf] Plan.md'), doc(['id: X', 'tags: [IM]', 'title: "[Entwurf] Plan"'], '\nText.\n'));
    assert.equal(title('Plan.md', '---\r\nid: X\r\n---\r\nText.\r\n'), '---\r\nid: X\r\ntitle: Plan\r\n---\r\nText.\r\n');
  });
});

describe('the tags file keeps parsing and declares what it was given (issue 16)', () => {
  const numeric = () => glossaryOf({ 'docs/A.md': entry('A', 'A', 'D.', '["1.0", "007", "0x10", "1e3"]') });
  const declared = (text: string) => [...parseTagsFile(uri('docs/tags.yml'), text).tags.keys()];

  it('quotes tags YAML would read as numbers, so they are declared as written', () => {
    const written = generateTagsFile(numeric());
    assert.equal(written, ['"007"', '"0x10"', '"1.0"', '"1e3"'].map((key) => `${key}:\n  label: ${key}\n  permalink: /${JSON.parse(key).replace('.', '-')}\n`).join(''));
    assert.deepEqual(declared(written), ['007', '0x10', '1.0', '1e3']);
  });

  it('adds to a flow-style tags file inside its braces', () => {
    const existing = '{Begriffe: {label: Begriffe}}\n';
    const index = numeric();
    index.setTagsFile(uri('docs/tags.yml'), existing);
    const after = applied(tagsFileChange(index, uri('docs')), uri('docs/tags.yml'), existing);
    assert.equal(after, '{Begriffe: {label: Begriffe}, "007": {label: "007", permalink: /007}, "0x10": {label: "0x10", permalink: /0x10}, "1.0": {label: "1.0", permalink: /1-0}, "1e3": {label: "1e3", permalink: /1e3}}\n');
    assert.deepEqual(declared(after), ['Begriffe', '007', '0x10', '1.0', '1e3']);
    assert.deepEqual(parseTagsFile(uri('docs/tags.yml'), after).diagnostics, []);
  });

  it('adds 60 tags to a one-line flow tags file, which still parses', () => {
    const existing = '{a: {label: A}}\n';
    const index = glossaryOf(Object.fromEntries(Array.from({ length: 60 }, (_, n) => [`docs/T${n}.md`, entry(`T${n}`, `T${n}`, 'D.', `[a, t${n}]`)])));
    index.setTagsFile(uri('docs/tags.yml'), existing);
    const after = applied(tagsFileChange(index, uri('docs')), uri('docs/tags.yml'), existing);
    assert.deepEqual(parseTagsFile(uri('docs/tags.yml'), after).diagnostics, []);
    assert.equal(declared(after).length, 61);
  });

  it('adds lines that end like the lines of the file', () => {
    const existing = 'Begriffe:\r\n  label: Begriffe\r\n';
    const index = glossaryOf({ 'docs/A.md': entry('A', 'A', 'D.', '[Begriffe, IM]') });
    index.setTagsFile(uri('docs/tags.yml'), existing);
    assert.equal(applied(tagsFileChange(index, uri('docs')), uri('docs/tags.yml'), existing), existing + 'IM:\r\n  label: IM\r\n  permalink: /im\r\n');
  });

  it('extends the tags file that governs each document, and adds nothing when every tag is declared there', () => {
    const declaredAll = glossaryOf({
      'glossar/tags.yml': TAGS_YML,
      'glossar/A.md': entry('A', 'A', 'D.', '[Begriffe, IM]'),
      'notizen/Plan.md': 'Wir planen das A.\n',
    });
    assert.deepEqual(tagsFileChange(declaredAll, ROOT), { createFiles: [], edits: [] });

    const mixed = glossaryOf({
      'glossar/tags.yml': TAGS_YML,
      'glossar/A.md': entry('A', 'A', 'D.', '[Begriffe, Neu]'),
      'glossar/B.md': entry('B', 'B', 'D.', '[Neu, Strategie]'),
      'wissen/C.md': entry('C', 'C', 'D.', '[Wissen]'),
    });
    const change = tagsFileChange(mixed, ROOT);
    assert.deepEqual(change.createFiles, [uri('tags.yml')]);
    assert.equal(applied(change, uri('glossar/tags.yml'), TAGS_YML), TAGS_YML + 'Neu:\n  label: Neu\n  permalink: /neu\n');
    assert.equal(applied(change, uri('tags.yml'), ''), 'Wissen:\n  label: Wissen\n  permalink: /wissen\n');
  });

  it('adds nothing to a tags file that does not parse or is not a map, and says why', () => {
    for (const [broken, reason] of [
      ['Begriffe: [\n', 'The tags file has YAML errors: fix them before tags are added to it.'],
      ['- Begriffe\n', 'The tags file is not a map of tags: no tags are added to it.'],
    ]) {
      const index = glossaryOf({ 'docs/tags.yml': broken });
      assert.throws(() => tagsFileChange(index, uri('docs')), (error) => error instanceof TagsFileError && error.message === reason && error.uri === uri('docs/tags.yml'));
      const { titles } = actionsAt(index, 'docs/A.md', entry('A', 'A', 'D.', '[Begri|ff]'));
      assert.deepEqual(titles.filter((title) => title.startsWith('Declare')), []);
    }
  });
});

describe('quick fix: what MDX reads as a tag or an expression', () => {
  const page = (body: string) => `---\nid: Seite\ntitle: Seite\n---\n\n# Seite\n\n${body}\n`;
  const mdxProblems = (text: string) => {
    const index = glossaryOf({ 'docs/Seite.md': text });
    return documentDiagnostics(index, index.getDocument(uri('docs/Seite.md'))!, DEFAULT_SETTINGS).filter((problem) => problem.code === 'invalid-mdx');
  };
  const cases: Array<[string, string, string, string]> = [
    ['In <1|00ms.', 'Escape "<" so that MDX reads it as text', 'In \\<100ms.', 'a < before a digit'],
    ['Siehe <https:|//example.com>.', 'Write the link as "[https://example.com](https://example.com)": MDX reads <…> as a tag', 'Siehe [https://example.com](https://example.com).', 'an autolink'],
    ['Schreiben Sie an <glossar|@example.com>.', 'Write the link as "[glossar@example.com](mailto:glossar@example.com)": MDX reads <…> as a tag', 'Schreiben Sie an [glossar@example.com](mailto:glossar@example.com).', 'an email autolink'],
    ['Der Server {DNS |SERVER} antwortet.', 'Escape "{" so that MDX reads it as text', 'Der Server \\{DNS SERVER} antwortet.', 'an expression that is no JavaScript'],
    ['Setzen Sie {platz|halter} ein.', 'Escape "{" so that MDX reads it as text', 'Setzen Sie \\{platzhalter} ein.', 'a name nothing defines'],
    ['Hier steht <Glos|sar />.', 'Escape "<" so that MDX reads it as text', 'Hier steht \\<Glossar />.', 'a component nothing defines'],
    ['Der <Glos|sar>Begriff</Glossar> hier.', 'Escape "<" so that MDX reads it as text', 'Der \\<Glossar>Begriff\\</Glossar> hier.', 'a component nothing defines, and its closing tag'],
    ['<Hin|weis>\n\nText\n\n</Hinweis>', 'Escape "<" so that MDX reads it as text', '\\<Hinweis>\n\nText\n\n\\</Hinweis>', 'a component over paragraphs, and its closing tag'],
    ['Verschieben: a <|< 2.', 'Escape "<" so that MDX reads it as text', 'Verschieben: a \\<< 2.', 'the first of two <'],
    ['Erste Zeile<b|r>zweite Zeile.', 'Write "<br />": MDX closes every tag', 'Erste Zeile<br />zweite Zeile.', 'an element of HTML with no content'],
    ['Bild: <img src="a.png"|>', 'Write "<img src="a.png" />": MDX closes every tag', 'Bild: <img src="a.png" />', 'an element of HTML with no content and attributes'],
  ];
  it('finds the problems these fixes end (the check below is not vacuous)', () => {
    assert.equal(mdxProblems(page('In <100ms.')).length, 1);
  });

  for (const [body, title, fixed, what] of cases) {
    it(`fixes ${what} with one character or two, after which MDX reads the page`, () => {
      const result = applyAction('docs/Seite.md', page(body), title, {});
      assert.equal(result, page(fixed));
      assert.deepEqual(mdxProblems(result), []);
    });
  }

  it('reads again the first five fixes of a selection, and offers those: each costs a reading of the page as MDX', () => {
    const index = glossaryOf({});
    const text = page(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((name) => `{${name}}`).join(' '));
    const { document, lines } = openAtCursor(index, 'docs/Seite.md', `${text}|`);
    const whole = { start: { line: 0, character: 0 }, end: lines.positionAt(text.length) };
    const escapes = codeActions(index, document, lines, whole, DEFAULT_SETTINGS).filter((action) => action.title === 'Escape "{" so that MDX reads it as text');
    assert.equal(escapes.length, 5);
  });

    it('offers no fix where none keeps what the author meant: a tag closed on a later line, prose that starts with "import", an autolink a link would read otherwise, that is no URL or in a link\'s text, an attribute, a tag closed later', () => {
    for (const body of [
      // Written as a link, it would end the link around it.
      'Siehe [Text <https:|//example.com>](B.md).',
      '<h|3>Ein Steckbrief.\n</h3>',
      'import the |data first.',
      'Siehe <https:|//example.com/a_(b)>.',
      'Siehe <https:|//example.com/~user~>.',
      // A link's text and address would decode the character reference the autolink keeps.
      'Siehe <https:|//x.de/?a=1&amp;b=2>.',
      '<span title={a |b}>x</span>',
      '<div width=1|00>x</div>',
      'Siehe <http:|//localhost:PORT>.',
      // Escaped, the attribute's "</b" would be read as a closing tag: the fix is read again, and left out.
      'Der <Glos|sar title="a</b">x</Glossar> hier.',
    ]) {
      const { titles } = actionsAt(glossaryOf({}), 'docs/Seite.md', page(body));
      assert.deepEqual(titles, ['Disable invalid-mdx for this line'], body);
    }
  });
});

describe('unlinked mentions: only where a link can be written', () => {
  const settings = { ...DEFAULT_SETTINGS, unlinkedMentions: true };
  const fixed = (text: string, at: { line: number; character: number }, linkStyle: typeof DEFAULT_SETTINGS.linkStyle = 'relative') => {
    const index = glossaryOf({ 'SLA.md': entry('Service Level Agreement', 'Service Level Agreement', 'Eine Vereinbarung.') });
    const lines = new LineIndex(text);
    const document = index.setDocument(uri('Notiz.md'), text);
    const link = action(codeActions(index, document, lines, { start: at, end: at }, { ...settings, linkStyle }), 'Link to "Service Level Agreement"');
    return applied(link.change, uri('Notiz.md'), text);
  };

  it("in a table's row, a wiki link's pipe is escaped, so the cell stays one (GFM); elsewhere it is not", () => {
    const table = '| a | b |\n|---|---|\n| Service Level Agreements | x |\n';
    assert.equal(fixed(table, { line: 2, character: 3 }, 'wiki'), '| a | b |\n|---|---|\n| [[Service Level Agreement\\|Service Level Agreements]] | x |\n');
    assert.equal(fixed('| Service Level Agreements | b |\n|---|---|\n', { line: 0, character: 3 }, 'wiki'), '| [[Service Level Agreement\\|Service Level Agreements]] | b |\n|---|---|\n');
    assert.equal(fixed('Wir haben Service Level Agreements | mehr.\n', { line: 0, character: 11 }, 'wiki'), 'Wir haben [[Service Level Agreement|Service Level Agreements]] | mehr.\n');
  });

  it('a hard line break in the mention stays one in the link text', () => {
    assert.equal(fixed('Wir nutzen Service Level  \nAgreement.\n', { line: 0, character: 12 }), 'Wir nutzen [Service Level  \nAgreement](SLA.md).\n');
    assert.equal(fixed('Wir nutzen Service Level\nAgreement.\n', { line: 0, character: 12 }), 'Wir nutzen [Service Level Agreement](SLA.md).\n');
  });

  const mentionsIn = (index: GlossaryIndex, relative: string, text: string) => {
    const lines = new LineIndex(text);
    const document = index.setDocument(uri(relative), text);
    return documentDiagnostics(index, document, settings, lines).filter((diagnostic) => diagnostic.code === 'unlinked-mention').map((diagnostic) => lines.text.slice(lines.offsetAt(diagnostic.range.start), lines.offsetAt(diagnostic.range.end)) + '@' + diagnostic.range.start.line);
  };

  it('not in a Hugo shortcode\'s call or the text it hands its template as it is; in a Hugo site without a link render hook, the fix links the page\'s URL', () => {
    const index = glossaryOf({});
    index.setSites([{ generator: 'hugo', rootUri: ROOT, hugo: { ...hugoSiteOf({ languages: [], problems: [] }), linkRenderHook: 'none' }, now: new Date() }]);
    index.setDocument(uri('content/service.md'), '---\ntitle: Service\n---\nA service.\n');
    const text = '---\ntitle: Shortcodes\n---\n{{< note title="Service" >}}\nA Service inside.\n{{< /note >}}\n\nPlain Service text.\n';
    assert.deepEqual(mentionsIn(index, 'content/sc.md', text), ['Service@7']);
    // A call's name and parameters are no prose for the hover either (Kubernetes' {{< glossary_tooltip term_id="service" >}}); the text it hands on may show.
    const calls = new LineIndex(text);
    assert.deepEqual(termMentionsIn(index, index.getDocument(uri('content/sc.md'))!, calls).map((mention) => mention.range.start.line), [4, 7]);
    const lines = new LineIndex(text);
    const document = index.getDocument(uri('content/sc.md'))!;
    const at = { line: 7, character: 7 };
    const link = action(codeActions(index, document, lines, { start: at, end: at }, settings), 'Link to "Service"');
    assert.equal(applied(link.change, uri('content/sc.md'), text), text.replace('Plain Service', 'Plain [Service](/service/)'));
  });

  it('not in raw HTML where the page is read as CommonMark (an HTML block, a tag); in MDX, Markdown in JSX is read', () => {
    const index = glossaryOf({});
    index.setSites([{ generator: 'hugo', rootUri: ROOT, hugo: { ...hugoSiteOf({ languages: [], problems: [] }), linkRenderHook: 'none' }, now: new Date() }]);
    index.setDocument(uri('content/service.md'), '---\ntitle: Service\n---\nA service.\n');
    const text = '---\ntitle: Html\n---\n<details>\n<summary>Service explained</summary>\nWe use Service here.\n</details>\n\nPlain Service text.\n';
    assert.deepEqual(mentionsIn(index, 'content/html.md', text), ['Service@8']);
    // In a list item or a quote, right after a paragraph's line, and in a <pre> or <script> over blank lines.
    const more = '---\ntitle: Mehr\n---\n- <div>Service a</div>\n\n> <div>Service b</div>\n\nText\n<div>Service c</div>\n\n<pre>\nService d\n\nService e\n</pre>\nService f\n\n<script>\n\nvar s = "Service g";\n</script>\n';
    assert.deepEqual(mentionsIn(index, 'content/mehr.md', more), ['Service@15']);
    const mdx = glossaryOf({ 'docs/Service.md': entry('Service', 'Service', 'Ein Dienst.') });
    mdx.setSites([defaultDocusaurusSite(ROOT)]);
    assert.deepEqual(mentionsIn(mdx, 'docs/html.mdx', text), ['Service@4', 'Service@5', 'Service@8']);
  });

  it('not in an HTML link\'s text, nor in an MDX expression of a Docusaurus page', () => {
    const index = glossaryOf({ 'docs/Benchmarking.md': entry('Benchmarking', 'Benchmarking', 'Vergleich mit anderen.') });
    index.setSites([defaultDocusaurusSite(ROOT)]);
    const text = '---\ntitle: Vergleich\n---\n\nSiehe <Hinweis>{"Benchmarking"}</Hinweis> und <a href="https://example.com">Benchmarking bei Example</a>, dann Benchmarking.\n';
    assert.deepEqual(mentionsIn(index, 'docs/vergleich.mdx', text), ['Benchmarking@4']);
    assert.equal(mentionsIn(index, 'docs/vergleich.mdx', text.replace(', dann Benchmarking', '')).length, 0);
  });

  it('not where the link would read as something else: an image after "!", text after "\\", a reference link after "]", an admonition\'s title', () => {
    const index = glossaryOf({ 'docs/Outtasking.md': entry('Outtasking', 'Outtasking', 'Eine Form des Outsourcings.') });
    index.setSites([defaultDocusaurusSite(ROOT)]);
    const body = [
      'Wichtig!Outtasking hilft.',
      'Und \\Outtasking hier.',
      'Siehe [x]Outtasking.',
      ':::note Outtasking',
      'Text',
      ':::',
      '',
      ':::tip[Outtasking]',
      'x',
      ':::',
      '',
      'Aber! Outtasking und (Outtasking) schon.',
      '',
      '[Outtasking]: https://example.org',
    ].join('\n');
    const text = `---\ntitle: M\n---\n\n# M\n\n${body}\n`;
    assert.deepEqual(mentionsIn(index, 'docs/m.md', text), ['Outtasking@17', 'Outtasking@17']);
    const lines = new LineIndex(text);
    const document = index.getDocument(uri('docs/m.md'))!;
    const link = action(codeActions(index, document, lines, { start: { line: 17, character: 7 }, end: { line: 17, character: 7 } }, settings), 'Link to "Outtasking"');
    assert.equal(applied(link.change, uri('docs/m.md'), text), text.replace('Aber! Outtasking', 'Aber! [Outtasking](Outtasking.md)'));
  });

  it('not in a heading, nor in its explicit id or a code span over lines, which no hover reads either (Kubernetes\' docs)', () => {
    const index = glossaryOf({ 'docs/cgroup.md': entry('cgroup', 'cgroup', 'A group of processes.') });
    index.setSites([defaultDocusaurusSite(ROOT)]);
    const text = '---\ntitle: Nodes\n---\n## Using cgroup v2 {#cgroup-v2}\n\nSetext cgroup {#cgroup-setext}\n---\n\nRun `kubectl\napply cgroup` or `x\n\ncgroup` now, with cgroup.\n';
    assert.deepEqual(mentionsIn(index, 'docs/nodes.md', text), ['cgroup@11', 'cgroup@11']);
    const lines = new LineIndex(text);
    const hovered = termMentionsIn(index, index.getDocument(uri('docs/nodes.md'))!, lines).map((mention) => `${lines.text.slice(lines.offsetAt(mention.range.start), lines.offsetAt(mention.range.end))}@${mention.range.start.line}:${mention.range.start.character}`);
    assert.deepEqual(hovered, ['cgroup@3:9', 'cgroup@5:7', 'cgroup@11:0', 'cgroup@11:18']);
  });
});
