/**
 * Links the server writes (rename, moved files, completion, quick fixes) must lead where they say,
 * whatever the names hold: `#`, `?`, `%`, blanks, brackets, `$&`, names in NFD. Each test applies
 * the change to the files, indexes the result afresh and asks our own resolver where the links go.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/common/text';
import { encodePathSegment, uriPath } from '../../server/src/common/uris';
import { complete } from '../../server/src/features/completion';
import { codeActions } from '../../server/src/features/codeActions';
import type { WorkspaceChange } from '../../server/src/features/workspaceChange';
import { DEFAULT_SETTINGS } from '../../server/src/common/settings';
import { documentDiagnostics, siteConfigDiagnostics } from '../../server/src/features/diagnostics/documentDiagnostics';
import { linkEditsForRenamedFiles, prepareRename, rename, RenameError } from '../../server/src/features/rename';
import { resolveTermLink } from '../../server/src/features/termLinks';
import { GlossaryIndex } from '../../server/src/index/glossaryIndex';
import { parseDocument } from '../../server/src/parsing/document';
import { readDocusaurusSidebars } from '../../server/src/site/docusaurusConfig';
import { hugoSiteOf } from '../../server/src/site/hugo';
import { defaultDocusaurusSite } from '../../server/src/site/site';
import { acceptedLine } from './glossary';

type Files = Record<string, string>;

const ROOT = 'file:///ws';
const uriOf = (relative: string) => `${ROOT}/${relative.split('/').map(encodePathSegment).join('/')}`;
const relativeOf = (uri: string) => uriPath(uri).slice('/ws/'.length);

function indexOf(files: Files): GlossaryIndex {
  const index = new GlossaryIndex();
  for (const [relative, text] of Object.entries(files)) index.setDocument(uriOf(relative), text);
  return index;
}

/** The files after a change, as an editor applies it: the edits first, then the moves. */
function applied(files: Files, change: Pick<WorkspaceChange, 'edits' | 'renameFiles'>): Files {
  const result = { ...files };
  for (const { uri, edits } of change.edits) {
    const relative = relativeOf(uri);
    const lines = new LineIndex(result[relative]);
    const sorted = [...edits].sort((a, b) => lines.offsetAt(b.range.start) - lines.offsetAt(a.range.start));
    let text = result[relative];
    for (const edit of sorted) text = text.slice(0, lines.offsetAt(edit.range.start)) + edit.newText + text.slice(lines.offsetAt(edit.range.end));
    result[relative] = text;
  }
  for (const { oldUri, newUri } of change.renameFiles ?? []) {
    const text = result[relativeOf(oldUri)];
    delete result[relativeOf(oldUri)];
    result[relativeOf(newUri)] = text;
  }
  return result;
}

/** Where each link of a file leads, by our own resolver: `text -> file of the term`, or `nowhere`. */
function linksOf(files: Files, relative: string): string[] {
  const index = indexOf(files);
  const document = index.getDocument(uriOf(relative))!;
  return document.body.links.map((link) => `${link.text} -> ${relativeOf(resolveTermLink(index, document.uri, link)?.uri ?? 'file:///ws/nowhere')}`);
}

/** Renames at the position right after the first `before` in a file. */
function renameAt(files: Files, relative: string, before: string, newName: string): Files {
  const index = indexOf(files);
  const document = index.getDocument(uriOf(relative))!;
  const lines = new LineIndex(files[relative]);
  const target = prepareRename(index, document, lines, lines.positionAt(files[relative].indexOf(before) + before.length));
  assert.ok(target, `a term to rename after ${before}`);
  return applied(files, rename(index, target, newName));
}

const term = (id: string, title: string, body = '') => `---\nid: ${id}\ntitle: ${title}\n---\n\n# ${title}\n\nDefinition.${body}\n`;

describe('rename writes names into links that still lead to the renamed term', () => {
  const files: Files = {
    'docs/Glossar/Out.md': term('Out', 'Outsourcing'),
    'docs/Glossar/Plan.md': term('Plan', 'Plan', '\n\nSee [Outsourcing](/docs/Glossar/Out/), [Outsourcing](Out.md#teil), [it](/docs/Glossar/Out#teil) and [[Outsourcing]].'),
  };

  it('an id with "$&", "#", "?", "%", blanks and "<": route and path links are encoded, never read as replace patterns', () => {
    const id = 'Out$&X #1?%<a>';
    const renamed = renameAt(files, 'docs/Glossar/Out.md', 'id: O', id);
    assert.ok(renamed[`docs/Glossar/${id}.md`] !== undefined, 'the file is named after the new id');
    assert.match(renamed['docs/Glossar/Plan.md'], /\(\/docs\/Glossar\/Out\$&X%20%231%3F%25%3Ca%3E\/\), \[Outsourcing\]\(Out\$&X%20%231%3F%25%3Ca%3E\.md#teil\), \[it\]\(\/docs\/Glossar\/Out\$&X%20%231%3F%25%3Ca%3E#teil\)/);
    assert.deepEqual(linksOf(renamed, 'docs/Glossar/Plan.md'), Array(4).fill(`Outsourcing -> docs/Glossar/${id}.md`).map((line, at) => (at === 2 ? line.replace('Outsourcing', 'it') : line)));
  });

  it('refuses a new name with a line break or a control character', () => {
    for (const name of ['Out\nsourcing', 'Out\rX', 'Out\u0000X', 'Out\u2028X']) {
      assert.throws(() => renameAt(files, 'docs/Glossar/Out.md', 'id: O', name), (error: unknown) => error instanceof RenameError && /line break/.test(error.message));
      assert.throws(() => renameAt(files, 'docs/Glossar/Plan.md', '[Out', name), RenameError);
    }
  });

  it('a title with brackets, backslash, backticks, "<" and a final "#" is escaped in link texts and the H1, and reads back as itself', () => {
    const withoutWikiLink = { ...files, 'docs/Glossar/Plan.md': files['docs/Glossar/Plan.md'].replace(' and [[Outsourcing]]', '') };
    const title = 'Out] [x] a\\b `c` <d> C#';
    const renamed = renameAt(withoutWikiLink, 'docs/Glossar/Plan.md', '[Out', title);
    assert.match(renamed['docs/Glossar/Out.md'], /\n# Out\\\] \\\[x\\\] a\\\\b \\`c\\` \\<d> C\\#\n/);
    assert.deepEqual(linksOf(renamed, 'docs/Glossar/Plan.md'), [`${title} -> docs/Glossar/Out.md`, `${title} -> docs/Glossar/Out.md`, 'it -> docs/Glossar/Out.md']);
    const index = indexOf(renamed);
    const renamedTerm = index.termOf(uriOf('docs/Glossar/Out.md'))!;
    assert.equal(renamedTerm.title, title);
    assert.equal(renamedTerm.heading?.text, title, 'the H1 reads as the title, its final "#" kept');
    // And the title can be renamed again from the link, as the link text still names it.
    const again = renameAt(renamed, 'docs/Glossar/Plan.md', '[Out', 'Auslagerung');
    assert.deepEqual(linksOf(again, 'docs/Glossar/Plan.md'), ['Auslagerung -> docs/Glossar/Out.md', 'Auslagerung -> docs/Glossar/Out.md', 'it -> docs/Glossar/Out.md']);
  });

  it('a title from the H1 alone (no title field) keeps a final "#" after a rename', () => {
    const own = { 'C.md': '---\ntags: [Sprache]\n---\n# C\n\nA language.\n', 'Plan.md': 'Uses [C](C.md).\n' };
    const renamed = renameAt(own, 'Plan.md', '[C', 'C #');
    assert.equal(renamed['C.md'], '---\ntags: [Sprache]\n---\n# C \\#\n\nA language.\n');
    assert.equal(indexOf(renamed).termOf(uriOf('C.md'))?.title, 'C #');
    assert.deepEqual(linksOf(renamed, 'Plan.md'), ['C # -> C.md']);
  });

  it('refuses a title that the wiki links to the term cannot hold, and allows it without them', () => {
    for (const [name, character] of [['Out|X', '|'], ['Out]]X', ']'], ['Out[[X', '['], ['Out#X', '#']]) {
      assert.throws(
        () => renameAt(files, 'docs/Glossar/Plan.md', '[Out', name),
        (error: unknown) => error instanceof RenameError && error.message.includes(`"${character}"`),
      );
    }
    const withoutWikiLink = { ...files, 'docs/Glossar/Plan.md': files['docs/Glossar/Plan.md'].replace(' and [[Outsourcing]]', '') };
    const renamed = renameAt(withoutWikiLink, 'docs/Glossar/Plan.md', '[Out', 'Out|X');
    assert.deepEqual(linksOf(renamed, 'docs/Glossar/Plan.md'), ['Out|X -> docs/Glossar/Out.md', 'Out|X -> docs/Glossar/Out.md', 'it -> docs/Glossar/Out.md']);
  });
});

describe('rename keeps what is around the name as written', () => {
  const foo = '---\nid: Foo\ntitle: Foo\n---\n\n# Foo\n\nDef.\n';

  it('a wiki link in a table keeps the backslash of its escaped pipe, and the cell stays one cell', () => {
    const files = { 'Foo.md': foo, 'Note.md': '| a | b |\n|---|---|\n| [[Foo\\|alias]] | x |\n' };
    assert.deepEqual(linksOf(files, 'Note.md'), ['alias -> Foo.md']);
    const renamed = renameAt(files, 'Foo.md', 'title: F', 'Bar Baz');
    assert.equal(renamed['Note.md'], '| a | b |\n|---|---|\n| [[Bar Baz\\|alias]] | x |\n');
  });

  it('a wiki link with two "#" keeps everything after the first', () => {
    const renamed = renameAt({ 'Foo.md': foo, 'Note.md': 'See [[Foo#a#b]].\n' }, 'Foo.md', 'title: F', 'Bar Baz');
    assert.equal(renamed['Note.md'], 'See [[Bar Baz#a#b]].\n');
  });

  it('a title with "|" is escaped in link texts, so a table keeps its cells', () => {
    const files = { 'Foo.md': foo, 'Note.md': '| a | b |\n|---|---|\n| [Foo](./Foo.md) | x |\n' };
    const renamed = renameAt(files, 'Foo.md', 'title: F', 'Ein- | Ausgabe');
    assert.equal(renamed['Note.md'], '| a | b |\n|---|---|\n| [Ein- \\| Ausgabe](./Foo.md) | x |\n');
    assert.deepEqual(linksOf(renamed, 'Note.md'), ['Ein- | Ausgabe -> Foo.md']);
  });

  it('an H1 with inline code that titles the entry is renamed with its links (Docusaurus titles it with the code unwrapped)', () => {
    const files = { 'docs/Ls.md': '---\nid: Ls\n---\n\n# The `ls` command\n\nDef.\n', 'docs/Note.md': 'See [The `ls` command](./Ls.md).\n' };
    assert.equal(indexOf(files).termOf(uriOf('docs/Ls.md'))?.title, 'The ls command');
    const renamed = renameAt(files, 'docs/Ls.md', '# T', 'Neu');
    assert.equal(renamed['docs/Ls.md'], '---\nid: Ls\n---\n\n# Neu\n\nDef.\n', 'the heading, which is the title, is renamed');
    assert.equal(renamed['docs/Note.md'], 'See [Neu](./Ls.md).\n');
    assert.equal(indexOf(renamed).termOf(uriOf('docs/Ls.md'))?.title, 'Neu');
  });

  it('an explicit heading id is no part of the title, and stays where it is', () => {
    const files = { 'Foo.md': '---\nid: Foo\n---\n# Foo {#foo}\n\nDef.\n', 'Note.md': 'See [Foo](./Foo.md).\n' };
    assert.equal(indexOf(files).termOf(uriOf('Foo.md'))?.title, 'Foo');
    const renamed = renameAt(files, 'Note.md', '[F', 'Bar');
    assert.equal(renamed['Foo.md'], '---\nid: Foo\n---\n# Bar {#foo}\n\nDef.\n');
    // A title that ends in an id of its own would be the heading's id, however escaped: refused.
    assert.throws(() => renameAt(files, 'Note.md', '[F', 'Neu {#x}'), RenameError);
    const mdx = { ...files, 'Foo.mdx': '---\nid: Foo\n---\n# Foo \\{#foo}\n\nDef.\n', 'Note.md': 'See [Foo](./Foo.mdx).\n' };
    delete (mdx as Record<string, string>)['Foo.md'];
    assert.equal(indexOf(mdx).termOf(uriOf('Foo.mdx'))?.title, 'Foo', 'the MDX form, its brace escaped');
    const setext = renameAt({ ...files, 'Foo.md': '---\nid: Foo\n---\nFoo {#foo}\n===\n\nDef.\n' }, 'Note.md', '[F', 'Bar');
    assert.equal(setext['Foo.md'], '---\nid: Foo\n---\nBar {#foo}\n===\n\nDef.\n');
  });

  it('a reference definition follows the file it names; its label and the references stay', () => {
    const files = { 'Foo.md': foo, 'Note.md': 'See [Foo][foo] and [Foo].\n\n[foo]: ./Foo.md "Foo"\n[Foo]: <./Foo.md>\n' };
    assert.deepEqual(linksOf(files, 'Note.md'), [' -> Foo.md', ' -> Foo.md']);
    const moved = renameAt(files, 'Foo.md', 'id: F', 'Neu Name');
    assert.equal(moved['Note.md'], 'See [Foo][foo] and [Foo].\n\n[foo]: ./Neu%20Name.md "Foo"\n[Foo]: <./Neu%20Name.md>\n');
    assert.deepEqual(linksOf(moved, 'Note.md'), [' -> Neu Name.md', ' -> Neu Name.md']);
    const retitled = renameAt(files, 'Foo.md', 'title: F', 'Bar');
    assert.equal(retitled['Note.md'], files['Note.md'], 'a title rename leaves the labels alone');
  });

  it("a title in Hugo's TOML or JSON front matter is written as a JSON string, and one written over lines is refused", () => {
    const note = 'See [Foo](./Foo.md).\n';
    const toml = renameAt({ 'Foo.md': "+++\ntitle = 'Foo' # the title\n+++\n\n# Foo\n", 'Note.md': note }, 'Note.md', '[F', 'Bar "B"');
    assert.equal(toml['Foo.md'], '+++\ntitle = "Bar \\"B\\"" # the title\n+++\n\n# Bar "B"\n');
    const json = renameAt({ 'Foo.md': '{\n  "title": "Foo",\n  "draft": false\n}\n\n# Foo\n', 'Note.md': note }, 'Note.md', '[F', 'Bar');
    assert.equal(json['Foo.md'], '{\n  "title": "Bar",\n  "draft": false\n}\n\n# Bar\n');
    assert.throws(() => renameAt({ 'Foo.md': '+++\ntitle = """Foo"""\n+++\n\n# Foo\n', 'Note.md': note }, 'Note.md', '[F', 'Bar'), RenameError);
    // The top-level key, not a nested object's nor a line inside a multi-line string.
    const nested = renameAt({ 'Foo.md': '{\n  "menu": {\n    "title": "Foo"\n  },\n  "title": "Foo"\n}\n', 'Note.md': note }, 'Note.md', '[F', 'Bar');
    assert.equal(nested['Foo.md'], '{\n  "menu": {\n    "title": "Foo"\n  },\n  "title": "Bar"\n}\n');
    const multiline = renameAt({ 'Foo.md': '+++\ndescription = """\ntitle = "Foo"\n"""\ntitle = "Foo" # it\n+++\n', 'Note.md': note }, 'Note.md', '[F', 'Bar');
    assert.equal(multiline['Foo.md'], '+++\ndescription = """\ntitle = "Foo"\n"""\ntitle = "Bar" # it\n+++\n');
    const inArray = renameAt({ 'Foo.md': '+++\ncolumns = [\n  ["title"], "ab"\n]\ntitle = "Foo"\n+++\n', 'Note.md': note }, 'Note.md', '[F', 'Bar');
    assert.equal(inArray['Foo.md'], '+++\ncolumns = [\n  ["title"], "ab"\n]\ntitle = "Bar"\n+++\n');
    // A key written twice: Hugo's JSON reader keeps the last, and so does the rename.
    const twice = renameAt({ 'Foo.md': '{\n  "title": "Foo",\n  "title": "Foo"\n}\n', 'Note.md': note }, 'Note.md', '[F', 'Bar');
    assert.equal(twice['Foo.md'], '{\n  "title": "Foo",\n  "title": "Bar"\n}\n');
    const literal = renameAt({ 'Foo.md': "+++\nnote = '''\ntitle = 'Foo'\n'''\ntitle = 'Foo'\n+++\n", 'Note.md': note }, 'Note.md', '[F', 'Bar');
    assert.equal(literal['Foo.md'], "+++\nnote = '''\ntitle = 'Foo'\n'''\ntitle = \"Bar\"\n+++\n");
  });

  it('in a Hugo site, writes the title where Hugo reads it: a key in another case wins over "title"', () => {
    const files: Files = { 'content/alpha.md': '---\nTitle: Alpha\ntitle: Alt\n---\n\nText.\n', 'content/beta.md': 'See [Alpha](alpha.md).\n' };
    const index = new GlossaryIndex();
    index.setSites([{ generator: 'hugo', rootUri: ROOT, hugo: hugoSiteOf({ languages: [], problems: [] }), now: new Date() }]);
    for (const [relative, text] of Object.entries(files)) index.setDocument(uriOf(relative), text);
    assert.equal(index.termOf(uriOf('content/alpha.md'))?.title, 'Alpha');
    const lines = new LineIndex(files['content/beta.md']);
    const target = prepareRename(index, index.getDocument(uriOf('content/beta.md'))!, lines, lines.positionAt(6))!;
    const renamed = applied(files, rename(index, target, 'Gamma'));
    assert.deepEqual(renamed, { 'content/alpha.md': '---\nTitle: Gamma\ntitle: Alt\n---\n\nText.\n', 'content/beta.md': 'See [Gamma](alpha.md).\n' });
  });

  it('refuses an id or title an alias reads elsewhere (slug: *id), rather than change that too', () => {
    const files = { 'Kennzahl.md': '---\nid: &id Kennzahl\nslug: *id\ntitle: &t Kennzahl\nsidebar_label: *t\n---\n\n# Kennzahl\n', 'Note.md': 'See [Kennzahl](./Kennzahl.md).\n' };
    const refused = (error: unknown) => error instanceof RenameError && error.message.includes('through an alias elsewhere');
    assert.throws(() => renameAt(files, 'Kennzahl.md', 'id: &id K', 'KPI'), refused);
    assert.throws(() => renameAt(files, 'Note.md', '[K', 'KPI'), refused);
  });

  it('refuses an id whose file exists already, rather than move the entry onto it', () => {
    const files = { 'Foo.md': foo, 'Bar.md': '---\ntitle: Bar\n---\n\n# Bar\n\nOther.\n', 'Note.md': 'See [Foo](./Foo.md).\n' };
    assert.throws(() => renameAt(files, 'Foo.md', 'id: F', 'Bar'), (error: unknown) => error instanceof RenameError && error.message.includes('Bar.md exists already'));
    assert.equal(renameAt(files, 'Foo.md', 'id: F', 'Baz')['Note.md'], 'See [Foo](./Baz.md).\n');
  });

  it('a title with MDX braces, emphasis, an entity or "<" is written escaped: the heading, link texts and wiki links read back as the title, and MDX still compiles', () => {
    const files = { 'Foo.md': foo, 'Note.mdx': 'See [Foo](./Foo.md) and [[Foo]].\n' };
    for (const title of ['Kosten {netto}', '*R&amp;D* _x_', 'List<T>', 'a\\<b>']) {
      const renamed = renameAt(files, 'Foo.md', 'title: F', title);
      const index = indexOf(renamed);
      assert.equal(index.termOf(uriOf('Foo.md'))?.heading?.text, title);
      assert.deepEqual(linksOf(renamed, 'Note.mdx'), [`${title} -> Foo.md`, `${index.getDocument(uriOf('Note.mdx'))!.body.links[1].text} -> Foo.md`]);
      for (const file of ['Foo.md', 'Note.mdx']) assert.deepEqual(parseDocument(uriOf(file), renamed[file], undefined, { mdx: true }).mdxProblems ?? [], [], `${file}: ${renamed[file]}`);
    }
  });

  it('a link text in emphasis, strikethrough or a code span keeps it; escaped stars stay text, partly marked text is written plain', () => {
    const files = {
      'Foo.md': '---\ntitle: Foo Bar\n---\n\n# Foo Bar\n\nDef.\n',
      'Note.md': 'A [*Foo Bar*](Foo.md), [**Foo Bar**](Foo.md), [_Foo Bar_](Foo.md), [~~Foo Bar~~](Foo.md), [`Foo Bar`](Foo.md), [\\*Foo Bar\\*](Foo.md), [*Foo* Bar](Foo.md).\n',
    };
    assert.equal(
      renameAt(files, 'Foo.md', 'title: F', 'Neu `x` *y*')['Note.md'],
      'A [*Neu \\`x\\` \\*y\\**](Foo.md), [**Neu \\`x\\` \\*y\\***](Foo.md), [_Neu \\`x\\` \\*y\\*_](Foo.md), [~~Neu \\`x\\` \\*y\\*~~](Foo.md), [``Neu `x` *y*``](Foo.md), [Neu \\`x\\` \\*y\\*](Foo.md), [Neu \\`x\\` \\*y\\*](Foo.md).\n',
    );
    const renamed = renameAt(files, 'Foo.md', 'title: F', 'Neu');
    assert.equal(renamed['Note.md'], 'A [*Neu*](Foo.md), [**Neu**](Foo.md), [_Neu_](Foo.md), [~~Neu~~](Foo.md), [`Neu`](Foo.md), [Neu](Foo.md), [Neu](Foo.md).\n');
    // Every link still shows the new title, and still leads to the term.
    assert.deepEqual(linksOf(renamed, 'Note.md').map((link) => link.replace(/[*_~`]/g, '')), Array(7).fill('Neu -> Foo.md'));
    // A `|` in a code span would end a table's cell: the title is written plain, its `|` escaped.
    const table = { 'Foo.md': files['Foo.md'], 'Note.md': '| a | b |\n|---|---|\n| [`Foo Bar`](Foo.md) | x |\n' };
    assert.equal(renameAt(table, 'Foo.md', 'title: F', 'A|B')['Note.md'], '| a | b |\n|---|---|\n| [A\\|B](Foo.md) | x |\n');
  });

  it('a setext heading renamed to a name that starts like a list or a quote stays a heading', () => {
    const files = { 'Foo.md': '---\ntitle: Foo\n---\n\nFoo\n===\n\nDef.\n', 'Note.md': 'See [Foo](./Foo.md).\n' };
    for (const [title, written] of [['1. FC Köln', '1\\. FC Köln'], ['- Minus', '\\- Minus'], ['> Zitat', '\\> Zitat'], ['# Raute', '\\# Raute']]) {
      const renamed = renameAt(files, 'Note.md', '[F', title);
      assert.match(renamed['Foo.md'], new RegExp(`\n\n${written.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}\n===\n`));
      const heading = indexOf(renamed).termOf(uriOf('Foo.md'))?.heading;
      assert.deepEqual([heading?.level, heading?.text], [1, title]);
    }
  });
});

describe('reading back what was written', () => {
  it('link texts and headings are read with their backslash escapes resolved, escaped brackets are text (CommonMark)', () => {
    const files = { 'X.md': '---\ntags: [T]\n---\n# C\\+\\+ \\#\n\nSee [a \\] b](X.md), \\[no link](X.md), \\\\[c](X.md) and [d](X.md "\\(t\\)").\n' };
    const document = indexOf(files).getDocument(uriOf('X.md'))!;
    assert.equal(document.term?.title, 'C++ #');
    assert.deepEqual(linksOf(files, 'X.md'), ['a ] b -> X.md', 'c -> X.md', 'd -> X.md']);
    const lines = new LineIndex(files['X.md']);
    assert.deepEqual(document.body.links.map((link) => lines.text.slice(lines.offsetAt(link.textRange.start), lines.offsetAt(link.textRange.end))), ['a \\] b', 'c', 'd']);
  });
});

describe('moving files: a batch of moves is one move of each file to where it ends up', () => {
  const files: Files = {
    'g/A.md': term('A', 'Alpha', '\n\nSee [Beta](B.md) and [Gamma](sub/C.md).'),
    'g/B.md': term('B', 'Beta', '\n\nSee [Alpha](A.md).'),
    'g/sub/C.md': term('C', 'Gamma'),
    'g/Plan.md': term('Plan', 'Plan', '\n\n[Alpha](A.md), [Beta](B.md#teil), [Gamma](sub/C.md).'),
  };
  const move = (renames: Array<[string, string]>) => {
    const pairs = renames.map(([from, to]) => ({ oldUri: uriOf(from), newUri: uriOf(to) }));
    return applied(files, { edits: linkEditsForRenamedFiles(indexOf(files), pairs), renameFiles: pairs });
  };

  it('a swap through a temporary name: links follow each file to its final place, not the temporary one', () => {
    const swapped = move([['g/A.md', 'g/B2.md'], ['g/B.md', 'g/A.md'], ['g/B2.md', 'g/B.md']]);
    assert.deepEqual(linksOf(swapped, 'g/Plan.md'), ['Alpha -> g/B.md', 'Beta -> g/A.md', 'Gamma -> g/sub/C.md']);
    assert.deepEqual(linksOf(swapped, 'g/B.md'), ['Beta -> g/A.md', 'Gamma -> g/sub/C.md'], 'Alpha, now at B.md, still links Beta and Gamma');
    assert.deepEqual(linksOf(swapped, 'g/A.md'), ['Alpha -> g/B.md']);
  });

  it('a destination written with a backslash escape or a character reference names the file Markdown reads: it resolves, and follows a move', () => {
    const escaped: Files = { 'g/O_ut.md': term('O_ut', 'Out'), 'g/Note.md': term('Note', 'Note', '\n\n[a](O\\_ut.md) [b](O&#95;ut.md#x) [c](O&lowbar;ut.md)') };
    assert.deepEqual(linksOf(escaped, 'g/Note.md'), ['a -> g/O_ut.md', 'b -> g/O_ut.md', 'c -> nowhere']);
    const index = indexOf(escaped);
    assert.deepEqual(documentDiagnostics(index, index.getDocument(uriOf('g/Note.md'))!).filter((diagnostic) => diagnostic.code === 'broken-link').length, 1, 'only the reference whose character is not known here');
    const pairs = [{ oldUri: uriOf('g/O_ut.md'), newUri: uriOf('g/x/O_ut.md') }];
    assert.match(applied(escaped, { edits: linkEditsForRenamedFiles(index, pairs), renameFiles: pairs })['g/Note.md'], /\[a\]\(x\/O_ut\.md\) \[b\]\(x\/O_ut\.md#x\)/);
  });

  it('a chain of moves of one file, and a move back, which changes nothing', () => {
    const chained = move([['g/A.md', 'g/x/A.md'], ['g/x/A.md', 'g/y/Z.md']]);
    assert.deepEqual(linksOf(chained, 'g/Plan.md'), ['Alpha -> g/y/Z.md', 'Beta -> g/B.md', 'Gamma -> g/sub/C.md']);
    assert.deepEqual(linksOf(chained, 'g/y/Z.md'), ['Beta -> g/B.md', 'Gamma -> g/sub/C.md']);
    assert.deepEqual(move([['g/A.md', 'g/T.md'], ['g/T.md', 'g/A.md']]), files);
  });

  /** A Docusaurus site of these files, and what moving one of them makes of the files. */
  const docusaurusSiteToMoveIn = (site: Files) => {
    const index = new GlossaryIndex();
    index.setSites([defaultDocusaurusSite(ROOT)]);
    for (const [relative, text] of Object.entries(site)) index.setDocument(uriOf(relative), text);
    const moveIn = (from: string, to: string) => {
      const pairs = [{ oldUri: uriOf(from), newUri: uriOf(to) }];
      return applied(site, { edits: linkEditsForRenamedFiles(index, pairs), renameFiles: pairs });
    };
    return { index, moveIn };
  };

  it('images and imported modules follow too: those of the moved file, and imports of a moved file', () => {
    const site: Files = {
      'docs/a/x.md': '---\nid: x\n---\nimport Teil from "./_teil.md";\nimport Ohne from \'./_teil\';\nimport Tabs from \'@theme/Tabs\';\n\n# X\n\n![Bild](./bild.png) ![Logo](/img/logo.png) ![Site](@site/static/a.png) [Y](./y.md) ![E](./a\\(1\\).png)\n',
      'docs/a/y.md': '---\nid: y\n---\nimport Teil from "./_teil.md";\nimport Site from \'@site/docs/a/_teil.md\';\n\n# Y\n',
      'docs/a/_teil.md': 'Teil.\n',
    };
    const { index, moveIn } = docusaurusSiteToMoveIn(site);
    const x = moveIn('docs/a/x.md', 'docs/b/x.md')['docs/b/x.md'];
    assert.equal(x, site['docs/a/x.md'].replace('"./_teil.md"', '"../a/_teil.md"').replace("'./_teil'", "'../a/_teil'").replace('(./bild.png)', '(../a/bild.png)').replace('(./y.md)', '(../a/y.md)').replace('(./a\\(1\\).png)', '(../a/a%281%29.png)'));
    // Moved together with its image: the image is where it was beside it.
    const pairs = [{ oldUri: uriOf('docs/a/x.md'), newUri: uriOf('docs/b/x.md') }, { oldUri: uriOf('docs/a/bild.png'), newUri: uriOf('docs/b/bild.png') }];
    assert.match(applied(site, { edits: linkEditsForRenamedFiles(index, pairs), renameFiles: pairs })['docs/b/x.md'], /!\[Bild\]\(\.\/bild\.png\)/);
    const teil = moveIn('docs/a/_teil.md', 'docs/teile/_teil.md');
    assert.equal(teil['docs/a/y.md'], site['docs/a/y.md'].replace('"./_teil.md"', '"../teile/_teil.md"').replace('@site/docs/a/_teil.md', '@site/docs/teile/_teil.md'));
    // A file named from the site's folder stays named so when the page that names it moves.
    assert.match(moveIn('docs/a/y.md', 'docs/y.md')['docs/y.md'], /import Site from '@site\/docs\/a\/_teil\.md';/);
    assert.match(teil['docs/a/x.md'], /import Teil from "\.\.\/teile\/_teil\.md";\nimport Ohne from '\.\.\/teile\/_teil';/);
  });

  it("links and images in MDX's comment are text where the page is compiled as MDX: a move or a rename leaves them; in CommonMark they are links and follow", () => {
    const site: Files = {
      'docs/out.md': '---\nid: out\ntitle: Outsourcing\n---\n# Outsourcing\n',
      'docs/seite.mdx': '# Seite\n\n{/* [Outsourcing](out.md) ![b](img/a.png) */}\n\n[Outsourcing](out.md)\n',
      'docs/klar.md': '---\nmdx:\n  format: md\n---\n# Klar\n\n{/* [Outsourcing](out.md) */}\n',
    };
    const { index, moveIn } = docusaurusSiteToMoveIn(site);
    const targetMoved = moveIn('docs/out.md', 'docs/x/out.md');
    assert.equal(targetMoved['docs/seite.mdx'], '# Seite\n\n{/* [Outsourcing](out.md) ![b](img/a.png) */}\n\n[Outsourcing](x/out.md)\n');
    assert.equal(targetMoved['docs/klar.md'], '---\nmdx:\n  format: md\n---\n# Klar\n\n{/* [Outsourcing](x/out.md) */}\n');
    assert.equal(moveIn('docs/seite.mdx', 'docs/sub/seite.mdx')['docs/sub/seite.mdx'], '# Seite\n\n{/* [Outsourcing](out.md) ![b](img/a.png) */}\n\n[Outsourcing](../out.md)\n');
    const target = prepareRename(index, index.getDocument(uriOf('docs/out.md'))!, new LineIndex(site['docs/out.md']), { line: 2, character: 9 })!;
    const renamed = applied(site, rename(index, target, 'Neu'));
    assert.equal(renamed['docs/seite.mdx'], '# Seite\n\n{/* [Outsourcing](out.md) ![b](img/a.png) */}\n\n[Neu](out.md)\n');
  });

  it("Hugo's ref and relref follow a moved file, written as they were: from the page's folder, from the content folder, by name", () => {
    const hugoFiles: Files = {
      'content/glossar/alpha.md': '---\ntitle: Alpha\n---\nAlpha.\n',
      'content/glossar/beta.md':
        '---\ntitle: Beta\n---\n[1]({{< ref "alpha.md" >}}) [2]({{< relref "/glossar/alpha" >}}) [3]({{< ref "alpha" >}}) [4]({{< ref "glossar/alpha.md#teil" >}}) [5]({{< ref path="alpha.md" lang="de" >}}) [6]({{< ref "beta.md" >}})\n',
    };
    const index = new GlossaryIndex();
    index.setSites([{ generator: 'hugo', rootUri: ROOT, hugo: hugoSiteOf({ languages: [], problems: [] }), now: new Date() }]);
    for (const [relative, text] of Object.entries(hugoFiles)) index.setDocument(uriOf(relative), text);
    const moveTo = (to: string) => {
      const pairs = [{ oldUri: uriOf('content/glossar/alpha.md'), newUri: uriOf(to) }];
      return applied(hugoFiles, { edits: linkEditsForRenamedFiles(index, pairs), renameFiles: pairs })['content/glossar/beta.md'].split('\n')[3];
    };
    assert.equal(moveTo('content/glossar/alpha-begriff.md'), '[1]({{< ref "alpha-begriff.md" >}}) [2]({{< relref "/glossar/alpha-begriff" >}}) [3]({{< ref "alpha-begriff" >}}) [4]({{< ref "glossar/alpha-begriff.md#teil" >}}) [5]({{< ref path="alpha.md" lang="de" >}}) [6]({{< ref "beta.md" >}})');
    // Out of the linking page's folder: from the content folder.
    assert.equal(moveTo('content/archiv/alpha.md'), '[1]({{< ref "/archiv/alpha.md" >}}) [2]({{< relref "/archiv/alpha" >}}) [3]({{< ref "/archiv/alpha" >}}) [4]({{< ref "archiv/alpha.md#teil" >}}) [5]({{< ref path="alpha.md" lang="de" >}}) [6]({{< ref "beta.md" >}})');
  });

  it("Hugo's refs follow only where Hugo leads them: not to another language's page, not to a sibling of the same name; the moved page's own refs too", () => {
    const hugoFiles: Files = {
      'content/glossar/alpha.md': '---\ntitle: Alpha\n---\n',
      'content/glossar/alpha.de.md': '---\ntitle: Alpha\n---\n',
      'content/glossar/beta.de.md': '---\ntitle: Beta\n---\n[a]({{< ref "alpha.md" >}}) [b]({{< relref "alpha" >}}) [c]({{< ref "/glossar/alpha.md" >}})\n',
      'content/other/alpha.md': '---\ntitle: Anderes Alpha\n---\n',
      'content/other/o.md': '---\ntitle: O\n---\n[a]({{< ref "alpha.md" >}})\n',
      'content/glossar/gamma.md': '---\ntitle: Gamma\n---\n[s]({{< ref "sub/x.md" >}}) [a]({{< ref "alpha" >}})\n',
      'content/glossar/sub/x.md': '---\ntitle: X\n---\n',
    };
    const index = new GlossaryIndex();
    index.setSites([{ generator: 'hugo', rootUri: ROOT, hugo: hugoSiteOf({ defaultContentLanguage: 'en', languages: [{ code: 'en', weight: 1 }, { code: 'de', weight: 2 }], problems: [] }), now: new Date() }]);
    for (const [relative, text] of Object.entries(hugoFiles)) index.setDocument(uriOf(relative), text);
    const move = (from: string, to: string) => {
      const pairs = [{ oldUri: uriOf(from), newUri: uriOf(to) }];
      return applied(hugoFiles, { edits: linkEditsForRenamedFiles(index, pairs), renameFiles: pairs });
    };
    const renamed = move('content/glossar/alpha.md', 'content/glossar/alpha2.md');
    assert.equal(renamed['content/glossar/beta.de.md'], hugoFiles['content/glossar/beta.de.md'], 'the German page\'s refs lead to alpha.de.md');
    assert.equal(renamed['content/other/o.md'], hugoFiles['content/other/o.md'], 'o.md\'s ref leads to its sibling');
    assert.equal(renamed['content/glossar/gamma.md'], '---\ntitle: Gamma\n---\n[s]({{< ref "sub/x.md" >}}) [a]({{< ref "alpha2" >}})\n');
    // The moved page's own refs, from its new folder.
    assert.equal(move('content/glossar/gamma.md', 'content/gamma.md')['content/gamma.md'], '---\ntitle: Gamma\n---\n[s]({{< ref "glossar/sub/x.md" >}}) [a]({{< ref "glossar/alpha" >}})\n');
  });

  it('a file moved into a folder, then its sibling moved onto its old name', () => {
    const moved = move([['g/A.md', 'g/sub/A.md'], ['g/B.md', 'g/A.md']]);
    assert.deepEqual(linksOf(moved, 'g/Plan.md'), ['Alpha -> g/sub/A.md', 'Beta -> g/A.md', 'Gamma -> g/sub/C.md']);
    assert.deepEqual(linksOf(moved, 'g/sub/A.md'), ['Beta -> g/A.md', 'Gamma -> g/sub/C.md']);
    assert.deepEqual(linksOf(moved, 'g/A.md'), ['Alpha -> g/sub/A.md']);
  });
});

describe('completion and quick fixes write targets that lead to the term', () => {
  const files: Files = {
    'docs/g/C#.md': term('C#', 'C Sharp'),
    'docs/g/Was ist das?.md': term('Was ist das?', 'Fragezeichen'),
    'docs/g/100%.md': term('100%', 'Hundert Prozent'),
    'docs/g/(a) [b].md': term('(a) [b]', 'Klammern'),
    'docs/g/Schritt 1).md': term('Schritt 1)', 'Schritt Eins'),
  };

  for (const style of ['relative', 'route'] as const) {
    it(`completion writes ${style} links to files named with "#", "?", "%", brackets, an unbalanced parenthesis`, () => {
      for (const title of ['C Sharp', 'Fragezeichen', 'Hundert Prozent', 'Klammern', 'Schritt Eins']) {
        const typed = `Plan: [${title.slice(0, 5)}`;
        const index = indexOf({ ...files, 'docs/g/Plan.md': typed });
        const document = index.getDocument(uriOf('docs/g/Plan.md'))!;
        const list = complete(index, document, new LineIndex(typed), { line: 0, character: typed.length }, { linkStyle: style });
        const item = list.items.find((candidate) => candidate.label === title);
        assert.ok(item, `${title} is offered`);
        const written = { ...files, 'docs/g/Plan.md': acceptedLine(typed, item) };
        const target = [...Object.entries(files)].find(([, text]) => text.includes(`title: ${title}`))![0];
        assert.deepEqual(linksOf(written, 'docs/g/Plan.md'), [`${title} -> ${target}`], written['docs/g/Plan.md']);
      }
    });
  }

  it('completion in wiki style writes a Markdown link for a title a wiki link cannot hold', () => {
    for (const [title, typed] of [['F#', '[F'], ['A|B', '[A'], ['[x] y', '[x']]) {
      const withTitle = { 'docs/g/T.md': term('T', title) };
      const index = indexOf({ ...withTitle, 'docs/g/Plan.md': typed });
      const document = index.getDocument(uriOf('docs/g/Plan.md'))!;
      const item = complete(index, document, new LineIndex(typed), { line: 0, character: typed.length }, { linkStyle: 'wiki' }).items.find((candidate) => candidate.label === title);
      assert.ok(item, `${title} is offered`);
      const written = acceptedLine(typed, item);
      assert.deepEqual(linksOf({ ...withTitle, 'docs/g/Plan.md': written }, 'docs/g/Plan.md'), [`${title} -> docs/g/T.md`], written);
    }
  });

  it('broken-link reports a "#" or "?" in a path as the anchor or query it is, and suggests the encoded path', () => {
    const written = {
      ...files,
      'docs/g/Plan.md': 'See [x](C%23.md), [y](C#.md), [z](Was%20ist%20das?.md) and [w](Was%20ist%20das%3F.md).\n',
    };
    const index = indexOf(written);
    const problems = documentDiagnostics(index, index.getDocument(uriOf('docs/g/Plan.md'))!).filter((problem) => problem.code === 'broken-link');
    assert.deepEqual(
      problems.map((problem) => problem.message),
      ['No glossary entry at "C#.md". Did you mean "C%23.md"?', 'No glossary entry at "Was%20ist%20das?.md". Did you mean "Was%20ist%20das%3F.md"?'],
    );
    assert.deepEqual(linksOf(written, 'docs/g/Plan.md'), ['x -> docs/g/C#.md', 'y -> nowhere', 'z -> nowhere', 'w -> docs/g/Was ist das?.md']);
  });

  it('the quick fixes of such a link: the encoded path, and no entry created at the path cut short', () => {
    const titles = (written: Files) => {
      const index = indexOf(written);
      const lines = new LineIndex(written['docs/g/Plan.md']);
      const document = index.getDocument(uriOf('docs/g/Plan.md'))!;
      return codeActions(index, document, lines, lines.rangeAt(0, lines.text.length), DEFAULT_SETTINGS).map((action) => action.title);
    };
    assert.deepEqual(titles({ ...files, 'docs/g/Plan.md': 'See [y](C#.md).\n' }), ['Change to "C%23.md"', 'Disable broken-link for this line']);
    assert.deepEqual(titles({ 'docs/g/Plan.md': 'See [y](F#.md).\n' }), ['Disable broken-link for this line']);
  });
});

describe('names and paths in NFD (macOS archives, rsync) are reached by links typed in NFC', () => {
  const nfd = (text: string) => text.normalize('NFD');
  const files: Files = {
    [nfd('docs/Geschäft/Wertschöpfung.md')]: `---\ntags: [B]\n---\n\n# ${nfd('Wertschöpfung')}\n\nDefinition.\n`,
    'docs/Geschäft/Plan.md': '# Plan\n\n[a](Wertschöpfung.md), [b](/docs/Geschäft/Wertschöpfung/), [[Wertschöpfung]].\n',
  };

  it('relative paths, routes and wiki links resolve, and broken-link stays silent', () => {
    assert.deepEqual(linksOf(files, 'docs/Geschäft/Plan.md'), Array.from(['a', 'b', 'Wertschöpfung'], (text) => `${text} -> ${nfd('docs/Geschäft/Wertschöpfung.md')}`));
    const index = indexOf(files);
    assert.deepEqual(documentDiagnostics(index, index.getDocument(uriOf('docs/Geschäft/Plan.md'))!).filter((problem) => problem.code === 'broken-link'), []);
  });

  it('renaming the NFD term rewrites the NFC links to it', () => {
    const renamed = renameAt(files, nfd('docs/Geschäft/Wertschöpfung.md'), '# W', 'Mehrwert');
    assert.equal(renamed['docs/Geschäft/Plan.md'], '# Plan\n\n[a](Wertschöpfung.md), [b](/docs/Geschäft/Wertschöpfung/), [[Mehrwert]].\n');
    assert.deepEqual(linksOf(renamed, 'docs/Geschäft/Plan.md'), Array.from(['a', 'b', 'Mehrwert'], (text) => `${text} -> ${nfd('docs/Geschäft/Wertschöpfung.md')}`));
  });

  it('the index finds the linking documents as a fresh index does, after the NFD file is removed and added again', () => {
    const index = indexOf(files);
    const termUri = uriOf(nfd('docs/Geschäft/Wertschöpfung.md'));
    const linking = () => [...index.documentsLinkingTo(index.termOf(termUri)!)].map(relativeOf);
    assert.deepEqual(linking(), ['docs/Geschäft/Plan.md']);
    index.removeDocument(termUri);
    assert.equal(index.documentAtLink(uriOf('docs/Geschäft/Wertschöpfung.md')), undefined);
    index.setDocument(termUri, files[nfd('docs/Geschäft/Wertschöpfung.md')]);
    assert.deepEqual(linking(), ['docs/Geschäft/Plan.md']);
  });
});

describe('a doc that takes another Docusaurus doc id takes the sidebars and paginations naming it along', () => {
  const SIDEBARS = "module.exports = { s: ['Intro', \"glossar/Alt\", { type: 'doc', id: `glossar/Alt` }, kurz], t: ['glossar/Alt'] };\nconst kurz = 'glossar/Alt';\n";
  const files: Files = {
    'sidebars.js': SIDEBARS,
    'docs/Intro.md': '---\ntitle: Intro\npagination_next: glossar/Alt\n---\n\n# Intro\n',
    'docs/glossar/Alt.md': term('Alt', 'Alt'),
  };

  /** The site of the files: Docusaurus, docs in docs/, the sidebars of sidebars.js. */
  function siteIndex(current: Files): GlossaryIndex {
    const index = new GlossaryIndex();
    const { references } = readDocusaurusSidebars(current['sidebars.js'], 'sidebars.js');
    index.setSites([defaultDocusaurusSite(ROOT)], [{ uri: uriOf('sidebars.js'), problems: [], sidebars: { instance: 'default', version: 'current', references } }]);
    for (const [relative, text] of Object.entries(current)) if (relative.endsWith('.md')) index.setDocument(uriOf(relative), text);
    return index;
  }

  /** What Docusaurus would refuse: the sidebar's ids no doc has, and paginations naming none. */
  function refused(current: Files): string[] {
    const index = siteIndex(current);
    const [config] = index.siteConfigProblems();
    const paginations = documentDiagnostics(index, index.getDocument(uriOf('docs/Intro.md'))!).filter((diagnostic) => diagnostic.code === 'invalid-front-matter');
    return [...siteConfigDiagnostics(index, config), ...paginations].map((diagnostic) => diagnostic.message);
  }

  it('renaming the id writes the new one in each quote style, where a constant does not hold it', () => {
    assert.deepEqual(refused(files), []);
    const index = siteIndex(files);
    const document = index.getDocument(uriOf('docs/glossar/Alt.md'))!;
    const lines = new LineIndex(files['docs/glossar/Alt.md']);
    const target = prepareRename(index, document, lines, lines.positionAt(files['docs/glossar/Alt.md'].indexOf('id: Alt') + 5))!;
    const renamed = applied(files, rename(index, target, "Neu'`${x}\"\\"));
    assert.equal(renamed['sidebars.js'].split('\n')[1], "const kurz = 'glossar/Alt';", 'a constant may be used elsewhere: it is not rewritten');
    assert.deepEqual(readDocusaurusSidebars(renamed['sidebars.js'], 'sidebars.js').references.map((reference) => reference.id), ['Intro', "glossar/Neu'`${x}\"\\", "glossar/Neu'`${x}\"\\", 'glossar/Alt', "glossar/Neu'`${x}\"\\"]);
    assert.deepEqual(refused(renamed), ['Docusaurus refuses to build: this sidebar names the doc id "glossar/Alt", which no document of this version has.']);
  });

  it('moving the file to another folder writes the id with its new folder', () => {
    const withoutConstant = { ...files, 'sidebars.js': SIDEBARS.replace(', kurz]', ']').replace("const kurz = 'glossar/Alt';\n", '') };
    const pairs = [{ oldUri: uriOf('docs/glossar/Alt.md'), newUri: uriOf('docs/begriffe/Alt.md') }];
    const moved = applied(withoutConstant, { edits: linkEditsForRenamedFiles(siteIndex(withoutConstant), pairs), renameFiles: pairs });
    assert.match(moved['docs/Intro.md'], /pagination_next: begriffe\/Alt\n/);
    assert.equal(moved['sidebars.js'], withoutConstant['sidebars.js'].replaceAll('glossar/Alt', 'begriffe/Alt'));
    assert.deepEqual(refused(moved), []);
  });
});
