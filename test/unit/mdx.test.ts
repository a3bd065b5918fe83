/**
 * Where MDX stops compiling a page, as Docusaurus 3 compiles it (`parsing/mdx.ts`). The real build
 * holds the same answers in test/parity (test/sites/docusaurus-mdx); these hold the places exact,
 * through what Docusaurus rewrites before it compiles.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/common/text';
import { parseDocument, withoutOpenDocumentDetail } from '../../server/src/parsing/document';
import { decodeClosedDocument, encodeClosedDocument } from '../../server/src/parsing/documentCodec';
import { commonMarkProblemsOf, MAX_MDX_BLOCK_CHARACTERS, MAX_MDX_CHARACTERS, mdxProblemsOf, preprocessAsDocusaurus, type MdxProblem } from '../../server/src/parsing/mdx';
import { growthOf, superLinear } from './linearTime';

const problemsOf = (text: string) => mdxProblemsOf(text, new LineIndex(text));
const problemOf = (text: string): MdxProblem | undefined => problemsOf(text)[0];
const messageOf = (text: string) => {
  const problem = problemOf(text);
  return problem?.kind === 'syntax' ? problem.message : undefined;
};
/** The problem's range as `line:column-line:column`, 1-based like the build's messages. */
const placeOf = (text: string) => {
  const problem = problemOf(text);
  if (problem === undefined) return undefined;
  const { start, end } = problem.range;
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
};
const entry = (body: string) => `---\nid: Begriff\ntitle: Begriff\n---\n\n# Begriff\n\n${body}\n`;

describe('MDX problems', () => {
  it('are none in Markdown without tags, expressions or imports, and in what MDX reads as text', () => {
    for (const body of [
      'Ein schlichter Absatz mit **Fettem** und [einem Link](./Anderes.md).',
      'a < b und a > b, und in einer Tabelle:\n\n| Klasse | Ausfall |\n|---|---|\n| 2 | < 3 Tage |',
      'Erste Zeile<br />zweite Zeile, <u>unterstrichen</u>.',
      '<!-- Ein Kommentar -->',
      'Eins und eins: {1 + 1}.',
      'Im Code: `<100ms` und `{x}`.\n\n```\nif (a <100) { run(); }\n```',
      '## Teil {#teil}\n\n## Teil \\{#zwei}',
      'import x from "./x.js"\n\nText.',
      'Ein } allein.',
    ]) {
      assert.equal(problemOf(entry(body)), undefined, body);
    }
  });

  it('are where the build reports them, with MDX\'s reason', () => {
    const text = entry('Die Antwort kommt in <100ms zurück.');
    assert.match(messageOf(text)!, /^Unexpected character `1` \(U\+0031\) before name/);
    // The build: "line": 8, "column": 23, at the character after the `<`.
    assert.equal(placeOf(text), '8:23-8:24');
    assert.equal(placeOf(entry('Siehe <https://example.com>.')), '8:14-8:15');
    assert.equal(placeOf(entry('Wenn a <= b gilt.')), '8:9-8:10');
    assert.equal(placeOf(entry('Der Server {DNS SERVER} antwortet.')), '8:16-8:17');
    assert.equal(placeOf(entry('import the data first.')), '8:12-8:13');
  });

  it('of a tag left open are at the tag, not at the end of its paragraph', () => {
    const text = entry('Erste Zeile<br>zweite Zeile.');
    assert.match(messageOf(text)!, /^Expected a closing tag for `<br>` \(8:12-8:16\) before the end of `paragraph`/);
    assert.equal(placeOf(text), '8:12-8:16');
    assert.equal(placeOf(entry('<h3>Ein Steckbrief.\n</h3>')), '8:1-8:5');
  });

  it('are read after Docusaurus escapes heading ids, only in headings, and keep their columns in the file', () => {
    assert.equal(problemOf(entry('Im Absatz {#kein-anker}.')) !== undefined, true);
    // The escape adds a backslash before `{#`: a problem after it on the line is still placed in the file as written.
    assert.equal(placeOf(entry('## Teil {#teil} mit <1')), '8:22-8:23');
    // Seven hashes are no heading: nothing is escaped.
    assert.notEqual(problemOf(entry('####### Teil {#teil}')), undefined);
  });

  it('are read after Docusaurus unwraps mdx-code-block fences, and placed in the file as written', () => {
    const text = entry('```mdx-code-block\n<Details>\n<summary>Mehr</summary>\n\nInhalt.\n</Details>\n```\n\nUnd <100ms.');
    // The build says 14:6: it counts the lines after it removed the fences.
    assert.equal(placeOf(text), '16:6-16:7');
    // Unwrapped, the fence's content is MDX: the tag is read as a component (which the theme provides, see the site's rule).
    assert.deepEqual(problemsOf(entry('```mdx-code-block\n<Details>\nInhalt.\n</Details>\n```')).map((problem) => problem.kind), ['undefined-component']);
  });

  it('are read after Docusaurus turns admonition titles into labels', () => {
    const prepared = preprocessAsDocusaurus(':::note Mein Titel\n\nText.\n\n:::\n> :::tip  Zitat\n:::unbekannt Titel\n');
    assert.equal(prepared.text, ':::note[Mein Titel]\n\nText.\n\n:::\n> :::tip[Zitat]\n:::unbekannt Titel\n');
    assert.equal(prepared.sourceOffset(prepared.text.indexOf('Text')), ':::note Mein Titel\n\n'.length);
    assert.equal(problemOf(entry(':::note Mein Titel\n\nText.\n\n:::')), undefined);
  });

  it('are read without MDX 1\'s syntax too (future.v4), and kept apart only where that reading differs', () => {
    const strict = (body: string) => mdxProblemsOf(entry(body), new LineIndex(entry(body)), false).map((problem) => (problem.kind === 'syntax' ? problem.message : problem.kind));
    assert.deepEqual(strict('## Teil {#teil}'), ['Could not parse expression with acorn']);
    assert.match(strict('Text <!-- Kommentar --> weiter.')[0], /^Unexpected character `!`/);
    // Its fix writes the comment as MDX reads one.
    const text = entry('Text <!-- Kommentar --> weiter.');
    const [comment] = mdxProblemsOf(text, new LineIndex(text), false);
    assert.deepEqual(comment.fix && { kind: comment.fix.kind, newText: comment.fix.newText, at: comment.fix.range.start.character, to: comment.fix.range.end.character }, { kind: 'comment', newText: '{/* Kommentar */}', at: 5, to: 23 });
    assert.deepEqual(strict(':::note Mein Titel\n\nText.\n\n:::'), []);
    const parsed = (body: string) => parseDocument('file:///site/docs/Begriff.md', entry(body));
    assert.deepEqual(parsed('## Teil {#teil}').mdxStrictProblems?.map((problem) => problem.range.start.line), [7]);
    assert.equal(parsed('## Teil {#teil}').mdxProblems, undefined);
    // Read once where it cannot differ; the same answer is not kept twice.
    assert.equal(parsed('In <100ms.').mdxStrictProblems, undefined);
    assert.equal(parsed(':::note Mein Titel\n\nIn <100ms.\n\n:::').mdxStrictProblems, undefined);
  });

  it('keep their places in files with CRLF line ends', () => {
    const text = entry('Erste Zeile.\n\nDie Antwort kommt in <100ms zurück.').replaceAll('\n', '\r\n');
    assert.equal(placeOf(text), '10:23-10:24');
  });

  it('are kept by the index and the cache of parsed files', () => {
    const text = entry('Die Antwort kommt in <100ms zurück.');
    const closed = withoutOpenDocumentDetail(parseDocument('file:///site/docs/Begriff.md', text));
    assert.equal(closed.mdxProblems?.[0].range.start.line, 7);
    const decoded = decodeClosedDocument(closed.uri, JSON.parse(JSON.stringify(encodeClosedDocument(closed))));
    assert.deepEqual(JSON.parse(JSON.stringify(decoded.mdxProblems)), JSON.parse(JSON.stringify(closed.mdxProblems)));
    const rendered = withoutOpenDocumentDetail(parseDocument('file:///site/docs/Begriff.md', entry('Setzen Sie {platzhalter} und <Glossar /> ein.\n\nexport const name = 1;')));
    const decodedRendered = decodeClosedDocument(rendered.uri, JSON.parse(JSON.stringify(encodeClosedDocument(rendered))));
    assert.deepEqual(JSON.parse(JSON.stringify(decodedRendered.mdxProblems)), JSON.parse(JSON.stringify(rendered.mdxProblems)));
    assert.deepEqual(decodedRendered.mdxProblems?.map((problem) => problem.kind), ['undefined-name', 'undefined-component', 'read-only-export']);
    assert.equal(parseDocument('file:///site/docs/Begriff.md', entry('Text.')).mdxProblems, undefined);
  });

  it('of a page that parses are the names it reads and the components it names that nothing defines, where they are written', () => {
    const render = (body: string) => problemsOf(entry(body)).map((problem) => `${problem.kind === 'syntax' ? problem.message : `${problem.kind} ${problem.name}`} @${problem.range.start.line + 1}:${problem.range.start.character + 1}-${problem.range.end.character + 1}`);
    assert.deepEqual(render('Setzen Sie {platzhalter} ein.'), ['undefined-name platzhalter @8:13-24']);
    assert.deepEqual(render('Hier steht <Glossar /> und <Glossar.Teil />.'), ['undefined-component Glossar @8:13-20', 'undefined-component Glossar @8:29-36']);
    assert.deepEqual(render('<span title={unbekannt}>Text</span>'), ['undefined-name unbekannt @8:14-23']);
    assert.deepEqual(render('Breite: {window.innerWidth}.'), ['undefined-name window @8:10-16']);
    // Docusaurus re-exports a doc's metadata, which defines no name in the page.
    assert.deepEqual(render('{metadata.title}'), ['undefined-name metadata @8:2-10']);
    // `?.` guards what comes after it, not a name that is defined nowhere.
    assert.deepEqual(render('{fehlt?.x} {props?.[fehlt2]}'), ['undefined-name fehlt @8:2-7']);
    assert.deepEqual(render('Text {`Vorlage ${fehlt}`} und {a.b.c} und {f(x)}.'), ['undefined-name fehlt @8:18-23', 'undefined-name a @8:32-33', 'undefined-name f @8:44-45', 'undefined-name x @8:46-47']);
    assert.deepEqual(render('export const name = "Welt";\n\nexport const length = 3, caller = 4;'), ['read-only-export name @8:14-18', 'read-only-export length @10:14-20', 'read-only-export caller @10:26-32']);
    // Defined by the page, by MDX, by Docusaurus or by JavaScript; or not surely read when it renders.
    for (const body of [
      'export const Hinweis = () => "Hinweis";\nexport const { a, b: [c] } = { a: 1, b: [2] };\n\n<Hinweis /> {a} {c}',
      'import Bild from "./bild.png";\n\n<img src={Bild} />',
      '{props.x} {frontMatter.title} {contentTitle} {toc.length} {toc} {assets.image} {MDXContent} {arguments.length} {[1, 2]}',
      '{Math.max(1, 2)} {new Date(0).getFullYear()} {JSON.stringify([])} {undefined} {NaN} {globalThis.Math.PI} {process.version}',
      '{typeof window !== "undefined" && window.innerWidth} {false ? fehlt : 1} {props?.x.y}',
      '{[1, 2].map((x) => <b key={x}>{x}</b>)} {() => fehlt} {function () { return fehlt; }}',
      '{/* Ein Kommentar */} <div>HTML</div> <my-element /> <svg:rect /> <Details><summary>x</summary></Details> <Head />',
      '<span style={{ color: "red", fontSize: 1 }}>x</span>',
    ]) {
      assert.deepEqual(render(body).filter((problem) => !problem.startsWith('undefined-component Details') && !problem.startsWith('undefined-component Head')), [], body);
    }
    // Assigned or counted up: a name defined nowhere throws in a strict module.
    assert.deepEqual(render('{x = 1} {i++}'), ['undefined-name x @8:2-3', 'undefined-name i @8:10-11']);
    // Read when the page loads, by an export.
    assert.deepEqual(render('export const breite = window.innerWidth;'), ['undefined-name window @8:23-29']);
    // Members and `_` name components too.
    assert.deepEqual(render('<foo.bar /> <_Foo />'), ['undefined-component foo @8:2-5', 'undefined-component _Foo @8:14-18']);
    // A component the theme provides is left to the site's rule: the page itself does not define it.
    assert.deepEqual(render('<Details />'), ['undefined-component Details @8:2-9']);
  });

  it('are not read past MAX_MDX_CHARACTERS, nor with a paragraph past MAX_MDX_BLOCK_CHARACTERS', () => {
    const paragraphs = (count: number, length: number) => Array.from({ length: count }, () => 'a'.repeat(length - 1)).join('\n\n');
    assert.notEqual(problemOf(`In <100ms.\n\n${paragraphs(4, MAX_MDX_BLOCK_CHARACTERS)}`.slice(0, MAX_MDX_CHARACTERS)), undefined);
    assert.equal(problemOf(`In <100ms.\n\n${paragraphs(5, MAX_MDX_BLOCK_CHARACTERS)}`), undefined);
    assert.notEqual(problemOf(`In <100ms.\n\n${'a'.repeat(MAX_MDX_BLOCK_CHARACTERS - 1)}`), undefined);
    assert.equal(problemOf(`In <100ms.\n\n${'a'.repeat(MAX_MDX_BLOCK_CHARACTERS + 1)}`), undefined);
    // Lines end in CR too; a line of blanks is a blank line.
    assert.notEqual(problemOf(`In <100ms.\r \r${'a\r'.repeat(MAX_MDX_BLOCK_CHARACTERS / 4)}\r\t\r${'a\r'.repeat(MAX_MDX_BLOCK_CHARACTERS / 4)}`), undefined);
    assert.equal(problemOf(`In <100ms.\r${'a\r'.repeat(MAX_MDX_BLOCK_CHARACTERS)}`), undefined);
  });

  it("of a page that parses are also what the theme's Tabs refuses where it surely renders", () => {
    const render = (body: string) => problemsOf(entry(`import Tabs from '@theme/Tabs';\nimport TabItem from '@theme/TabItem';\n\n${body}`)).map((problem) => `${problem.kind === 'syntax' ? problem.message : `${problem.kind} ${problem.name}`} @${problem.range.start.line + 1}:${problem.range.start.character + 1}-${problem.range.end.character + 1}`);
    const tab = (value: string) => `<TabItem value="${value}">\n\n${value}.\n\n</TabItem>`;
    // A block of its own among the tabs, and a tab without a value (docusaurus-tabs c.mdx, f.mdx).
    assert.deepEqual(render(`<Tabs>\n\nText.\n\n## Kopf\n\n${tab('a')}\n<TabItem label="B">\n\nB.\n\n</TabItem>\n</Tabs>`), ['tabs-child p @13:1-6', 'tabs-child h2 @15:1-8', 'tabs-child TabItem @22:2-9']);
    // Two tabs of one value, no tab, a default no tab has, a query string without a group (d, i, e, h).
    assert.deepEqual(render(`<Tabs>\n${tab('a')}\n${tab('a')}\n</Tabs>`), ['tabs-duplicate-value a @17:2-9']);
    assert.deepEqual(render('<Tabs>\n</Tabs>'), ['tabs-empty Tabs @11:2-6']);
    assert.deepEqual(render(`<Tabs defaultValue="c">\n${tab('a')}\n</Tabs>`), ['tabs-default-value c @11:2-6']);
    assert.deepEqual(render(`<Tabs queryString groupId="">\n${tab('a')}\n</Tabs>`), ['tabs-query-string Tabs @11:2-6']);
    // What renders (j.mdx): tabs on one line, a comment among them, no default or one they have,
    // a group for the query string, values of the Tabs' own; a lazy Tabs' tabs, a component's
    // children and what an expression gives are not judged.
    for (const body of [
      '<Tabs><TabItem value="a">A.</TabItem> <TabItem value="b">B.</TabItem></Tabs>',
      `<Tabs defaultValue={null}>\n{/* c */}\n${tab('a')}\n${tab('b')}\n</Tabs>`,
      `<Tabs defaultValue="b" groupId="pm" queryString>\n  ${tab('a')}\n  ${tab('b')}\n</Tabs>`,
      `<Tabs values={[{label: 'A', value: 'a'}]} defaultValue="z">\n\nText.\n\n</Tabs>`,
      `<Tabs lazy>\n${tab('a')}\n<TabItem value="b">\n\n<Tabs>\nText.\n</Tabs>\n\n</TabItem>\n</Tabs>`,
      'export const Box = (p) => p.children;\n\n<Box>\n<Tabs>\nText.\n</Tabs>\n</Box>',
      `<Tabs>\n{['a', 'b'].map((v) => <TabItem value={v}>{v}</TabItem>)}\n${tab('a')}\n</Tabs>`,
      `<Tabs>\n<TabItem value={x}>X</TabItem>\n${tab('a')}\n</Tabs>\n\nexport const x = 'a';`,
      'Inline <Tabs><TabItem value="a">A.</TabItem></Tabs> in a sentence.',
    ]) {
      assert.deepEqual(render(body), [], body);
    }
    // Nested where it surely renders: in a tab of a Tabs that is not lazy, in HTML.
    assert.deepEqual(render(`<Tabs>\n<TabItem value="a">\n\n<div>\n<Tabs>\n</Tabs>\n</div>\n\n</TabItem>\n</Tabs>`), ['tabs-empty Tabs @15:2-6']);
  });

  it('of a page that parses are also what React refuses', () => {
    const render = (body: string) => problemsOf(entry(body)).map((problem) => `${problem.kind === 'syntax' ? problem.message : `${problem.kind} ${problem.name}`} @${problem.range.start.line + 1}:${problem.range.start.character + 1}-${problem.range.end.character + 1}`);
    assert.deepEqual(render('{props} {{a: 1}} {new Date(0)} {Math} {frontMatter}'), [
      'object-child props @8:2-7',
      'object-child {…} @8:10-16',
      'object-child new Date @8:19-30',
      'object-child Math @8:33-37',
      'object-child frontMatter @8:40-51',
    ]);
    assert.deepEqual(render('{globalThis}'), ['object-child globalThis @8:2-12']);
    // The table of contents where the page has entries, the page's own object exports, webpack's module objects.
    assert.deepEqual(render('## Eins\n\nInhalt: {toc}'), ['object-child toc @10:10-13']);
    assert.deepEqual(render('export const meta = { version: "1.0" };\n\nVersion {meta}'), ['object-child meta @10:10-14']);
    assert.deepEqual(render('Modul {module}, Ordner {__dirname}'), ['object-child module @8:8-14', 'undefined-name __dirname @8:25-34']);
    // What React can show: iterables, and a child of nothing.
    assert.deepEqual(render('{new Set([1, 2])} {new Array(2)} {new String("ab")} {toc}'), []);
    assert.deepEqual(render('a <br>{/* c */}</br> b <br>{null}</br> <hr>{false}</hr>'), []);
    assert.deepEqual(render('a <param>x</param> b <br> </br>'), ['void-children param @8:4-9', 'void-children br @8:23-25']);
    // style as a string expression, and on a custom element.
    assert.deepEqual(render('<div style={"color: red"}>x</div> <my-el style="color:red">y</my-el>'), ['style-text div @8:2-5', 'style-text my-el @8:36-41']);
    // A default export is evaluated when the page loads.
    assert.deepEqual(render('export default window.x;'), ['undefined-name window @8:16-22']);
    assert.deepEqual(render('Text <span style="color:red">rot</span> und <span style="">x</span>.'), ['style-text span @8:7-11', 'style-text span @8:46-50']);
    assert.deepEqual(render('Zeile<br>zwei</br> drei'), ['void-children br @8:7-9']);
    // The theme's TabItem needs a Tabs around it; in another component it may have one (docusaurus-tabs).
    const tabs = "import Tabs from '@theme/Tabs';\nimport Reiter from '@theme/TabItem';\n\n";
    assert.deepEqual(render(`${tabs}<Reiter value="a">x</Reiter>`), ['tab-outside-tabs Reiter @11:2-8']);
    assert.deepEqual(render(`${tabs}<div>\n<Reiter value="a">x</Reiter>\n</div>`), ['tab-outside-tabs Reiter @12:2-8']);
    assert.deepEqual(render(`${tabs}<Tabs><Reiter value="a">x</Reiter></Tabs> <Box><Reiter value="b">y</Reiter></Box>\n\nexport const Box = (p) => <Tabs>{p.children}</Tabs>;`), []);
    assert.deepEqual(render('export const arguments2 = 1;\nexport { arguments2 as arguments };'), ['read-only-export arguments @9:24-33']);
    // Not these: a component's own props, a string export name (MDX compiles it to nothing), a style object.
    for (const body of [
      'export const Box = (props) => props.children;\n\n<Box style="x">y</Box>',
      'export const a = 1;\nexport { a as "name" };',
      '<span style={{ color: "red" }}>rot</span> <br /> <img src="x.png" />',
    ]) {
      assert.deepEqual(render(body), [], body);
    }
  });

  it('are addresses Docusaurus cannot read as a URL, in links, images, link definitions and GFM autolinks, also in a page with no tag or expression', () => {
    const urls = (body: string) => problemsOf(entry(body)).map((problem) => (problem.kind === 'syntax' ? problem.message : problem.kind));
    assert.deepEqual(urls('[x](http://) und ![y](http://)'), ["Can't parse URL http:// with base unspecified://", "Can't parse URL http:// with base unspecified://"]);
    assert.deepEqual(urls('Siehe https://example.com> hier'), ["Can't parse URL https://example.com> with base unspecified://"]);
    assert.deepEqual(urls('Siehe www.exa^mple.com hier'), ["Can't parse URL http://www.exa^mple.com with base unspecified://"]);
    assert.deepEqual(urls('Siehe [x][ref].\n\n[ref]: http://'), ["Can't parse URL http:// with base unspecified://"]);
    for (const body of ['Siehe https://example.com/a?b=c#d hier.', 'Siehe https://münchen.de/x.', 'Siehe www.example.com.', '[x](https://example.com/a_(b))', 'http://localhost:3000/x', 'https://[::1]:80/', 'https://user:pw@host.de/']) {
      assert.deepEqual(urls(body), [], body);
    }
  });

  it('of a page compiled as CommonMark are the addresses Docusaurus cannot read, in its links, autolinks and definitions', () => {
    const commonMark = (body: string) => commonMarkProblemsOf(entry(body), new LineIndex(entry(body))).map((problem) => `${problem.kind === 'syntax' ? problem.message : problem.kind} @${problem.range.start.line + 1}:${problem.range.start.character + 1}`);
    assert.deepEqual(commonMark('Siehe <http://localhost:PORT> und [x](http://).'), ["Can't parse URL http://localhost:PORT with base unspecified:// @8:7", "Can't parse URL http:// with base unspecified:// @8:35"]);
    assert.deepEqual(commonMark('In <100ms, mit {platzhalter} und <br>.'), []);
  });

  it('of a tag left open at the level of blocks are at the tag too', () => {
    assert.deepEqual(problemsOf(entry('Text\n\n<br>\n\nMehr')).map((problem) => `${problem.range.start.line + 1}:${problem.range.start.character + 1}`), ['10:1']);
    assert.match(messageOf(entry('<details>\n<summary>Mehr</summary>\n\nText'))!, /^Expected a closing tag for `<details>`/);
  });

  it('never throw, and take time linear in the text, on hostile input', () => {
    for (const text of ['{'.repeat(20_000), '<a>'.repeat(20_000), `${'<a>'.repeat(5_000)}${'</b>'.repeat(5_000)}`, '{('.repeat(10_000), 'export '.repeat(10_000), `<${'a'.repeat(100_000)}`]) {
      assert.doesNotThrow(() => problemOf(text));
    }
    for (const [what, unit] of [
      ['expressions', 'Text {1 + 1} und {a.b} mehr. '],
      ['tags', 'Text <b>fett</b> und <i>schräg</i>. '],
      ['open tags', '<b><i>'],
      ['paragraphs', 'Absatz mit <b>Tag</b>.\n\n'],
    ] as const) {
      // Below the lengths MDX is read up to, past which it takes no time at all.
      const growth = growthOf((size) => problemOf(entry(unit.repeat(Math.floor((MAX_MDX_BLOCK_CHARACTERS / 4 / unit.length) * size)))), 1);
      assert.equal(superLinear(what, 1, growth), undefined);
    }
  });
});
