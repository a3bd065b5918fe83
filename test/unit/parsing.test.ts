import assert from 'node:assert/strict';
import { ParseErrorCode } from 'jsonc-parser';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import matter from 'gray-matter';
import { parseDocument as parseYamlDocument } from 'yaml';
import { LineIndex, type Range } from '../../server/src/common/text';
import { parseDocument, withoutOpenDocumentDetail, type ParsedDocument } from '../../server/src/parsing/document';
import { splitFrontMatter } from '../../server/src/parsing/frontMatter';
import { parseTagsFile } from '../../server/src/parsing/tagsFile';
import { growthOf, superLinear } from './linearTime';

const uri = 'file:///glossary/docs/Outtasking.md';
const parse = (text: string) => parseDocument(uri, text);
const textAt = (text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
};

const SEED = `---
id: Outtasking
title: Outtasking
aliases: [Out-Tasking]
tags: [Begriffe, IM]
---

# Outtasking

**Das Outtasking ist eine besondere Form des Outsourcings.** Beim klassischen Outsourcing geben Unternehmen Aufgaben ab.

Zweiter Absatz.
`;

describe('term facts', () => {
  it('reads id, title, aliases, tags and the bold lead sentence', () => {
    const term = parse(SEED).term!;
    assert.equal(term.id, 'Outtasking');
    assert.equal(term.title, 'Outtasking');
    assert.deepEqual(term.aliases, ['Out-Tasking']);
    assert.deepEqual(term.tags.map((tag) => tag.value), ['Begriffe', 'IM']);
    assert.equal(term.definition, 'Das Outtasking ist eine besondere Form des Outsourcings.');
  });

  it('places each tag exactly, for diagnostics that point at it', () => {
    const term = parse(SEED).term!;
    assert.deepEqual(term.tags[1].range, { start: { line: 4, character: 17 }, end: { line: 4, character: 19 } });
    assert.equal(textAt(SEED, term.tags[1].range), 'IM');
  });

  it('places block-list tags and quoted tags exactly', () => {
    const text = '---\nid: A\ntags:\n  - Begriffe\n  - "Informations management"\n---\n# A\n';
    const tags = parse(text).term!.tags;
    assert.deepEqual(tags.map((tag) => tag.value), ['Begriffe', 'Informations management']);
    assert.equal(textAt(text, tags[0].range), 'Begriffe');
    assert.equal(textAt(text, tags[1].range), '"Informations management"');
  });

  it('takes the H1 that titles the page only as its first heading: one after ## sections is a part\'s', () => {
    const after = parseDocument('file:///g/Teile.md', '---\ntags: [X]\n---\n\n## Einleitung\n\nText.\n\n# Parameter\n').term!;
    assert.deepEqual([after.heading, after.title], [undefined, 'Teile']);
    const first = parseDocument('file:///g/Teile.md', '---\ntags: [X]\n---\n\nText.\n\n# Teile\n\n## Mehr\n').term!;
    assert.equal(first.title, 'Teile');
    assert.equal(first.heading?.text, 'Teile');
  });

  it('falls back to the file name for the id and to the H1 for the title', () => {
    const term = parseDocument('file:///g/Wertsch%C3%B6pfungskette.md', '---\ntags: [X]\n---\n\n# Wertschöpfungskette\n\nDie Kette der Schritte.\n').term!;
    assert.equal(term.id, 'Wertschöpfungskette');
    assert.equal(term.title, 'Wertschöpfungskette');
    assert.equal(term.definition, 'Die Kette der Schritte.');
  });

  it('titles a page Docusaurus reads as Docusaurus does: by an H1 only where it opens the content (docusaurus-titles)', () => {
    const titled = (text: string, name = 'Seite.md') => {
      const document = parseDocument(`file:///g/docs/${name}`, text, undefined, { docusaurus: true });
      const range = document.term?.titleRange;
      return [document.term?.title, range === undefined ? undefined : textAt(text, range)];
    };
    assert.deepEqual(titled('---\nid: a\n---\n# Erste Überschrift\n\nText.\n'), ['Erste Überschrift', 'Erste Überschrift']);
    assert.deepEqual(titled('---\nid: a\n---\n\n\n   # Eingerückt\n'), ['Eingerückt', 'Eingerückt']);
    assert.deepEqual(titled('---\r\nid: a\r\n---\r\n\r\n# Windows\r\n\r\nText.\r\n'), ['Windows', 'Windows']);
    assert.deepEqual(titled('---\nid: a\n---\nSetext Titel\n============\n'), ['Setext Titel', 'Setext Titel']);
    // Imports, each block ended by an empty line, come before it; without the empty line the import is content.
    assert.deepEqual(titled('---\nid: a\n---\nimport X from "x";\nimport Y from "y";\n\nimport Z from "z";\n\n\n# Nach Import\n', 'Seite.mdx'), ['Nach Import', 'Nach Import']);
    assert.deepEqual(titled('---\nid: a\n---\nimport X from "x";\n# Nach Import\n', 'Seite.mdx'), ['a', undefined]);
    // Anything else first: the page is titled by its id, whatever H1 follows (it still heads the page).
    for (const opening of ['Ein Absatz.\n\n', '<!-- Notiz -->\n', ':::note\n\nHinweis.\n\n:::\n\n', 'Text.\n\n---\n\n', '## Zwei\n\n']) {
      const text = `---\nid: a\n---\n${opening}# Später\n`;
      assert.deepEqual(titled(text), ['a', undefined], opening);
      assert.equal(parseDocument('file:///g/docs/Seite.md', text).term?.title, opening.startsWith('##') ? 'a' : 'Später', 'outside Docusaurus: its first heading');
    }
    assert.deepEqual(titled('---\ntags: [x]\n---\nText.\n\n# Später\n'), ['Seite', undefined]);
    // The line as written: without a closing {#id} or #s, inline code unwrapped, other Markdown and HTML kept.
    assert.deepEqual(titled('---\nid: a\n---\n# Titel mit `Code` und **fett** {#anker}\n'), ['Titel mit Code und **fett**', 'Titel mit `Code` und **fett**']);
    assert.deepEqual(titled('---\nid: a\n---\n# Schluss ##\n'), ['Schluss', 'Schluss']);
    assert.deepEqual(titled('---\nid: a\n---\n# Mit Kommentar <!-- Notiz -->\n')[0], 'Mit Kommentar <!-- Notiz -->');
    // A declared title wins.
    assert.deepEqual(titled('---\ntitle: Deklariert\n---\nText.\n\n# Andere\n'), ['Deklariert', 'Deklariert']);
  });

  it('takes the whole first paragraph, joined, when the body does not open with bold text', () => {
    const term = parse('---\nid: A\n---\n# A\n\nEine Zeile\nund noch eine **fett**.\n\nZweiter.\n').term!;
    assert.equal(term.definition, 'Eine Zeile und noch eine **fett**.');
  });

  it('takes the paragraph a bold name leads into, not the name; skips an image, a banner, an italic subtitle or a GitHub alert before the first words; takes the list a colon introduces', () => {
    const definition = (body: string) => parse(`---\nid: A\n---\n# A\n\n${body}`).term!.definition;
    assert.equal(definition('**Product Backlog** ist die Liste aller Anforderungen.\n'), '**Product Backlog** ist die Liste aller Anforderungen.');
    assert.equal(definition('**Das A ist ein B.** Mehr dazu.\n'), 'Das A ist ein B.');
    assert.equal(definition('**Das A ist ein B**\n\nMehr.\n'), 'Das A ist ein B');
    assert.equal(definition('![SW](/img/software.png)\n\nAls A bezeichnet man alles.\n'), 'Als A bezeichnet man alles.');
    assert.equal(definition('[![Logo](logo.png)](https://x.org) <img src="b.png" />\n\nText.\n'), 'Text.');
    assert.equal(definition('*Business Model*\n\n------\n\nEin Modell.\n'), 'Ein Modell.');
    assert.equal(definition('*Ein A ist ein kursiver Satz.*\n'), '*Ein A ist ein kursiver Satz.*');
    assert.equal(definition('Ein A ist eine Person oder Gruppe,\n\n1. die aktiv ist,\n2. die passiv ist.\n\nMehr.\n'), 'Ein A ist eine Person oder Gruppe,\n\n1. die aktiv ist,\n2. die passiv ist.');
    assert.equal(definition('Ein A ist:\n\nNoch ein Absatz.\n'), 'Ein A ist:');
    // Only a list right after it: not one after a heading, code or an admonition.
    assert.equal(definition('X bezeichnet Folgendes:\n\n## Andere Sektion\n\n- fremde Liste\n'), 'X bezeichnet Folgendes:');
    assert.equal(definition('Beispiel:\n\n```\ncode\n```\n\n- a\n- b\n'), 'Beispiel:');
    // A longer italic line is the definition, not a subtitle.
    assert.equal(definition('*Eine Methode zur Planung von Projekten*\n\nMehr.\n'), '*Eine Methode zur Planung von Projekten*');
    // A GitHub alert before the text is a notice (MDN's entity_header); a quote of a definition is one.
    assert.equal(definition('> [!WARNING]\n> Veraltet.\n\nEin A ist ein Header.\n'), 'Ein A ist ein Header.');
    assert.equal(definition('> Ein A ist, was Meyer ein A nennt.\n'), '> Ein A ist, was Meyer ein A nennt.');
  });

  it('skips notices before the first words: an admonition, an alert in the form before GitHub\'s, MDX comments, the page\'s <head>; a notice is the definition where nothing else is', () => {
    const definition = (body: string, file = 'a.mdx') => parseDocument(`file:///ws/docs/${file}`, `---\nid: A\n---\n# A\n\n${body}`, undefined, { markdownFormat: 'detect' }).term!.definition;
    assert.equal(definition(':::caution Veraltet\n\nDiese Seite ist veraltet.\n\n:::\n\nEin A ist ein B.\n'), 'Ein A ist ein B.');
    assert.equal(definition('::::info\nÄußeres.\n:::tip\nInneres.\n:::\nNoch außen.\n::::\n\nEin A ist ein B.\n'), 'Ein A ist ein B.');
    assert.equal(definition('> **Note**\n> A note.\n\nAn A is a B.\n'), 'An A is a B.');
    assert.equal(definition('> **Warning:** Deprecated.\n\nAn A is a B.\n'), 'An A is a B.');
    assert.equal(definition('{/* Entwurf: bitte prüfen */}\n\nEin A ist ein B.\n'), 'Ein A ist ein B.');
    assert.equal(definition('<head>\n  <title>A</title>\n</head>\n\nEin A ist ein B.\n'), 'Ein A ist ein B.');
    // Nothing but a notice: it is what the page says.
    assert.equal(definition(':::info\n\nEin A ist ein B.\n\n:::\n'), 'Ein A ist ein B.');
    assert.equal(definition('> [!NOTE]\n> Ein A ist ein B.\n'), '> [!NOTE] > Ein A ist ein B.');
    // In CommonMark (a `.md` file where Docusaurus detects the format), `{/* */}` is text.
    assert.equal(definition('{/* kein Kommentar */}\n\nEin A ist ein B.\n', 'a.md'), '{/* kein Kommentar */}');
  });

  it('reads a setext title', () => {
    const document = parse('---\nid: A\n---\nMein Titel\n==========\n\nText.\n');
    assert.equal(document.term!.title, 'Mein Titel');
    assert.equal(document.term!.definition, 'Text.');
  });

  it('treats a file without front matter as a note, not a term', () => {
    assert.equal(parse('---\ntitle: Besprechung\n---\n# Besprechung\n').term?.title, 'Besprechung');
    assert.equal(parse('# Nur ein Text\n\nMit Outtasking.').term, undefined);
    assert.equal(parse('---\n---\n# Leer\n').term, undefined);
  });

  it('ignores a byte order mark and reads CRLF files', () => {
    const document = parse('\uFEFF---\r\nid: A\r\ntags: ["a", "b", ""]\r\n---\r\n# A\r\n\r\n**Def.** Mehr.\r\n');
    assert.deepEqual(document.diagnostics, []);
    assert.deepEqual(document.term!.tags.map((tag) => tag.value), ['a', 'b']);
    assert.equal(document.term!.definition, 'Def.');
  });
});


  it('starts the body right after the closing line, with any line ending, however long the body', () => {
    const long = `${'Ein langer Absatz. '.repeat(400)}\n\n`;
    const cases: [string, number | undefined][] = [
      ['---\nid: A\n---\n# A\n', 3],
      ['---\r\nid: A\r\n---\r\n# A\r\n', 3],
      ['---\nid: A\n---\n\n\n# A', 5],
      [`---\nid: A\n---\n${long}# A\n`, 5],
      ['---\nid: A\n---', undefined],
      ['---\nid: A\n---\n', undefined],
    ];
    for (const [text, headingLine] of cases) {
      const document = parse(text);
      assert.equal(document.term?.id, 'A', JSON.stringify(text.slice(0, 40)));
      assert.equal(document.body.headings[0]?.range.start.line, headingLine, JSON.stringify(text.slice(0, 40)));
    }
  });
describe('front matter problems', () => {
  it('reports a YAML syntax error at its line and column', () => {
    const document = parse('---\nid: A\ntags: [a, b]]\n---\n# A\n');
    const error = document.diagnostics.find((diagnostic) => diagnostic.code === 'yaml-syntax');
    assert.ok(error, 'a yaml-syntax diagnostic');
    assert.equal(error.severity, 'error');
    assert.deepEqual(error.range, { start: { line: 2, character: 12 }, end: { line: 2, character: 13 } });
    assert.match(error.message, /YAML syntax error: .*"\]"/);
  });

  it('says that a YAML error fails the build, but where js-yaml, with which Docusaurus reads front matter, reads it all the same', () => {
    const broken = parse('---\nid: A\ntags: [a, b]]\n---\n# A\n').diagnostics.filter((diagnostic) => diagnostic.code === 'yaml-syntax');
    assert.deepEqual(broken.map((diagnostic) => diagnostic.breaksBuild), [true]);
    // A continuation line indented with a no-break space: no indentation to YAML 1.2, indentation enough to js-yaml.
    const lenient = parse('---\ndescription:\n    "first line of a quoted\n\u00a0 second line"\n---\n# A\n').diagnostics.filter((diagnostic) => diagnostic.code === 'yaml-syntax');
    assert.ok(lenient.length > 0);
    for (const diagnostic of lenient) {
      assert.equal(diagnostic.breaksBuild, undefined);
      assert.equal(diagnostic.severity, 'warning');
      assert.match(diagnostic.message, /\(Docusaurus's YAML reader, js-yaml, reads it all the same\.\)$/);
    }
    // Read as Hugo reads it, the warning names Hugo's reader, which builds such a page (a quoted text continued at the margin: cloudwego).
    const inHugo = parseDocument('file:///site/content/a.md', '---\ntitle: "A"\ndescription: "Eine lange\nBeschreibung"\n---\nText.\n', undefined, { hugo: true }).diagnostics;
    assert.ok(inHugo.length > 0 && inHugo.every((diagnostic) => diagnostic.severity === 'warning' && diagnostic.message.endsWith("(Hugo's YAML reader, like js-yaml, reads it all the same.)")));
  });

  it('reads the values of such front matter as js-yaml reads them, where the YAML library found each key, for the rules to judge', () => {
    const document = parse('---\ntitle: "Ein\n\u00a0 Titel"\ntags: [a, b]#Kommentar\nsidebar_position: abc\n---\n# Ein Titel\n');
    const fields = document.frontMatter!.fields;
    assert.deepEqual(fields.map((field) => [field.key, field.value, field.keyPinned, field.valuePinned]), [
      // Folded as js-yaml folds it: the line break a blank, the no-break space kept.
      ['title', 'Ein \u00a0 Titel', true, true],
      ['tags', ['a', 'b'], true, true],
      ['sidebar_position', 'abc', true, true],
    ]);
    assert.equal(document.term?.title, 'Ein \u00a0 Titel');
    assert.deepEqual(fields[2].keyRange.start, { line: 4, character: 0 });
  });

  it('reports tabs used as indentation where they are', () => {
    const document = parse('---\nid: A\n\ttags: x\n---\n');
    assert.deepEqual(document.diagnostics[0].range.start, { line: 2, character: 0 });
  });

  it('reports a duplicate key on the second key', () => {
    const document = parse('---\nid: A\ntitle: x\ntitle: y\n---\n');
    const duplicate = document.diagnostics.find((diagnostic) => diagnostic.code === 'duplicate-key');
    assert.ok(duplicate);
    assert.equal(duplicate.range.start.line, 3);
  });

  it('reports duplicate keys where the YAML library itself places them, in maps of any kind', () => {
    const sources = [
      'id: A\ntitle: x\ntitle: y\n', 'tags:\ntags:\n  - a\n', '"a": 1\na: 2\n', "1: x\n'1': y\n1: z\n", '~: a\nnull: b\n: c\n', '&x a: 1\n!!str a: 2\n',
      '? a\n: 1\n? a\n: 2\n', 'm: {a: 1, a: 2 , a: 3}\n', 'm: {a: 1, # c\n a: 2}\n', 'l: [a: 1, a: 2]\n', 'x:\n  a: 1\n  a: 2\n', '.nan: 1\n.nan: 2\n', 'a:    1   \n  \na:\na: 1\n',
    ];
    for (const source of sources) {
      const text = `---\n${source}---\n`;
      const lines = new LineIndex(text);
      const expected = parseYamlDocument(source, { uniqueKeys: true, prettyErrors: false })
        .errors.filter((error) => error.code === 'DUPLICATE_KEY')
        .map((error) => ({ range: lines.rangeAt(4 + error.pos[0], 4 + error.pos[1]), message: 'Duplicate key.' }));
      const reported = parse(text).diagnostics.filter((diagnostic) => diagnostic.code === 'duplicate-key').map(({ range, message }) => ({ range, message }));
      assert.deepEqual(reported, expected, source);
    }
  });

  it('reads front matter of many distinct keys in time linear in their number', () => {
    // Within the 64 KB of YAML the library is given: 12 KB and 48 KB of keys.
    const keys = (size: number) => Array.from({ length: size / 8 }, (_, n) => `k${n}: 1`).join('\n');
    const growth = growthOf((size) => assert.equal(parse(`---\n${keys(size)}\n---\n`).frontMatter?.fields.length, size / 8), 12_000);
    assert.equal(superLinear('distinct keys', 12_000, growth), undefined);
  });

  it('reads a tags file of thousands of tags, and gives the YAML library at most 256 KB of one', () => {
    const declarations = (count: number) => Array.from({ length: count }, (_, n) => `Tag${n}:\n  label: Tag ${n}\n  permalink: /tag-${n}\n`).join('');
    const many = parseTagsFile('file:///ws/tags.yml', declarations(4_000));
    assert.equal(many.tags.size, 4_000);
    assert.deepEqual(many.diagnostics, []);
    const started = performance.now();
    const broken = parseTagsFile('file:///ws/tags.yml', ': : :\n'.repeat(170_000));
    assert.ok(performance.now() - started < 1_000, `${Math.round(performance.now() - started)} ms`);
    assert.deepEqual(broken.diagnostics.map((diagnostic) => diagnostic.message), ['More than 262144 characters of YAML: it is not read.']);
  });

  it('gives the YAML library at most 64 KB of front matter, and says so at the place', () => {
    const started = performance.now();
    const document = parse(`---\n${'}'.repeat(900_000)}\n---\n# A\n`);
    assert.ok(performance.now() - started < 1_000, `${Math.round(performance.now() - started)} ms`);
    assert.deepEqual(document.diagnostics, [
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, severity: 'error', code: 'yaml-syntax', message: 'More than 65536 characters of YAML: it is not read.', breaksBuild: true },
    ]);
    assert.equal(document.body.headings[0]?.text, 'A', 'the body is still read');
  });

  it('reports the first hundred YAML problems and how many more there are', () => {
    const document = parse(`---\n${'}'.repeat(1_000)}\n---\n# A\n`);
    const problems = document.diagnostics.filter((diagnostic) => diagnostic.code === 'yaml-syntax');
    assert.equal(problems.length, 101);
    assert.deepEqual(problems.at(-1), {
      range: { start: { line: 1, character: 100 }, end: { line: 1, character: 101 } },
      severity: 'error',
      code: 'yaml-syntax',
      message: '900 more YAML problems from here on are not reported.',
      breaksBuild: true,
    });
  });

  it('reports front matter that is never closed, and still reads the body', () => {
    const document = parse('---\nid: A\n\n# A\n\nText.\n');
    assert.deepEqual(document.diagnostics.map((diagnostic) => diagnostic.code), ['unclosed-front-matter']);
    assert.deepEqual(document.diagnostics[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
    assert.equal(document.body.headings[0].text, 'A');
  });

  it('reports front matter that is not a map', () => {
    const document = parse('---\n- a\n- b\n---\n');
    assert.deepEqual(document.diagnostics.map((diagnostic) => diagnostic.code), ['front-matter-not-a-map']);
  });

  it('never runs JavaScript front matter', () => {
    const marker = `__glossary_executed_${process.pid}`;
    for (const language of ['js', 'javascript', 'coffee', ' js']) {
      const document = parse(`---${language}\n{ id: (globalThis.${marker} = 1, "x"), tags: ["a"] }\n---\n# T\n`);
      assert.equal((globalThis as Record<string, unknown>)[marker], undefined, `---${language} was executed`);
      assert.deepEqual(document.diagnostics.map((diagnostic) => diagnostic.code), ['front-matter-language']);
      assert.equal(document.term, undefined);
    }
  });

  it('treats YAML tags such as !!js/function as data, not code', () => {
    const document = parse('---\nid: !!js/function "function () { return 1 }"\ntags: [a]\n---\n');
    assert.equal(typeof document.term?.id === 'function', false);
    assert.ok(document.diagnostics.length > 0, 'the unknown tag is reported');
  });

  it('bounds alias expansion ("billion laughs")', () => {
    const laughs = ['---', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    const names = 'abcdefghi';
    for (let level = 1; level < names.length; level++) {
      const previous = names[level - 1];
      laughs.push(`${names[level]}: &${names[level]} [${Array(9).fill('*' + previous).join(',')}]`);
    }
    laughs.push('tags: *i', 'id: x', '---', '');
    const started = Date.now();
    const document = parse(laughs.join('\n'));
    assert.ok(Date.now() - started < 2000, 'parsing stays fast');
    assert.deepEqual(document.term?.tags ?? [], []);
  });

  it('refuses brackets nested more than 100 deep, with an error where the 101st opens, and reads the body', () => {
    const document = parse(`---\ntitle: Tief\ntags: ${'['.repeat(200)}\n---\n# Tief\n`);
    const refused = document.diagnostics.find((diagnostic) => diagnostic.message.startsWith('Brackets nested'));
    assert.deepEqual(refused, {
      range: { start: { line: 2, character: 106 }, end: { line: 2, character: 107 } },
      severity: 'error',
      code: 'yaml-syntax',
      message: 'Brackets nested more than 100 levels deep: this YAML is not read.',
      breaksBuild: true,
    });
    assert.equal(document.body.headings[0].text, 'Tief');
  });

  it('refuses lists and maps nested more than 100 deep by block indicators or indentation, and reads nesting short of that', () => {
    const refusal = (yaml: string) => parse(`---\n${yaml}\n---\n# A\n`).diagnostics.filter((diagnostic) => diagnostic.message.startsWith('Lists and maps nested'));
    const expected = (line: number, character: number) => [{
      range: { start: { line, character }, end: { line, character: character + 1 } },
      severity: 'error',
      code: 'yaml-syntax',
      message: 'Lists and maps nested more than 100 levels deep: this YAML is not read.',
      breaksBuild: true,
    }];
    assert.deepEqual(refusal(`x: ${'- ? '.repeat(100_000)}y`), expected(1, 3 + 2 * 99));
    assert.deepEqual(refusal(`${'- '.repeat(10_000)}y`), expected(1, 2 * 100));
    assert.deepEqual(refusal(Array.from({ length: 1_000 }, (_, depth) => `${' '.repeat(depth)}- a:`).join('\n')), expected(51, 50));
    const nested = parse(`---\ntitle: T\nx:\n${Array.from({ length: 40 }, (_, depth) => `${' '.repeat(2 * depth + 1)}- a:`).join('\n')}\ny:\n  ${'- '.repeat(20)}z\n---\n`);
    assert.deepEqual(nested.diagnostics, []);
    assert.equal(nested.term?.title, 'T');
    // A ": " before a value opens no level: a flat flow map or a quoted title of 150 of them nests nothing.
    const pairs = Array.from({ length: 150 }, (_, n) => `k${n}: v`).join(', ');
    assert.deepEqual(refusal(`m: {${pairs}}`), []);
    assert.deepEqual(refusal(`title: "${pairs}"`), []);
    assert.deepEqual(refusal(`description: |\n  ${pairs}`), []);
    const growth = growthOf((size) => assert.equal(refusal(`x: ${'- ? '.repeat(size / 4)}y`).length, 1), 100_000);
    assert.equal(superLinear('block indicators on one line', 100_000, growth), undefined);
  });

  it('refuses more than 1,000 aliases, which the YAML parser resolves in more than linear time', () => {
    const aliases = Array.from({ length: 1_001 }, (_, n) => `k${n}: *a`).join('\n');
    const document = parse(`---\nbase: &a x\n${aliases}\n---\n`);
    assert.deepEqual(
      document.diagnostics.map((diagnostic) => [diagnostic.message, diagnostic.range.start]),
      // Docusaurus's js-yaml reads them: our limit is no failure of its build.
      [["More than 1000 aliases: this YAML is not read. (Docusaurus's YAML reader, js-yaml, reads it all the same.)", { line: 1002, character: 7 }]],
    );
  });

  it('reports an alias with no anchor before it as a YAML error at the alias', () => {
    const problems = (text: string) => parse(text).diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.message, diagnostic.range]);
    const at = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });
    assert.deepEqual(problems('---\ntitle: *nope\n---\n'), [['yaml-syntax', 'error', 'The alias "*nope" names no anchor before it.', at(1, 7, 12)]]);
    // An anchor after the alias does not count.
    assert.deepEqual(problems('---\ntitle: T\nkeywords: [*a]\nx: &a A\n---\n'), [['yaml-syntax', 'error', 'The alias "*a" names no anchor before it.', at(2, 11, 13)]]);
    assert.deepEqual(problems('---\ntitle: &a T\nkeywords: [*a]\n---\n'), []);
  });

  it('reads values with aliases, a key named __proto__ as a key, and leaves out collection keys', () => {
    const document = parse('---\nbase: &b [IM, Begriffe]\ntags: *b\nextra:\n  __proto__: polluted\n  ? [a, b]\n  : c\n---\n');
    const value = (key: string) => document.frontMatter!.fields.find((field) => field.key === key)!.value;
    assert.deepEqual(value('tags'), ['IM', 'Begriffe']);
    const extra = value('extra') as Record<string, unknown>;
    assert.deepEqual(Object.keys(extra), ['__proto__']);
    assert.equal(Object.getPrototypeOf(extra), Object.prototype);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('reads front-matter values with a long run of blanks inside in time linear in the value', () => {
    const blanks = (size: number) => ' '.repeat(size);
    const shapes: Array<[string, (size: number) => string, (document: ReturnType<typeof parse>, size: number) => void]> = [
      ['a title', (size) => `---\ntitle: a${blanks(size)}b  \n---\n`, (document, size) => assert.equal(document.term?.title, `a${blanks(size)}b`)],
      ['a flow list', (size) => `---\ntags: [a${blanks(size)}b]\n---\n`, (document, size) => assert.deepEqual(document.term?.tags.map((tag) => tag.value), [`a${blanks(size)}b`])],
      ['a block list', (size) => `---\ntags:\n  - a${blanks(size)}b\n---\n`, (document, size) => assert.deepEqual(document.term?.tags.map((tag) => tag.value), [`a${blanks(size)}b`])],
    ];
    for (const [what, text, check] of shapes) {
      const growth = growthOf((size) => check(parse(text(size)), size), 10_000);
      assert.equal(superLinear(what, 10_000, growth), undefined);
    }
  });

  it('splits the body off where gray-matter, the parser of Docusaurus, does', () => {
    const inert = { parse: () => ({}) };
    const engines = Object.fromEntries(['yaml', 'yml', 'json', 'javascript', 'js', 'coffee', 'toml'].map((name) => [name, inert]));
    const closings = ['---', '----', '--- x', '---\r', '---\r\r', '---  '];
    const afters = ['', '\n', '\r\n', '\n\n', '\r\n\r\n', '\r', 'x', '\n# Titel\n', '\r\nText'];
    let compared = 0;
    for (const open of ['---', '---yaml', '---js']) {
      for (const lineBreak of ['\n', '\r\n']) {
        for (const matterText of ['', 'id: A', 'id: A\r\ntags: [a]', '# Kommentar\ntitle: "---"']) {
          for (const closing of closings) {
            for (const after of afters) {
              const text = `${open}${lineBreak}${matterText}${matterText === '' ? '' : lineBreak}${closing}${after}`;
              const split = splitFrontMatter(text, new LineIndex(text));
              // gray-matter is given the text without the language line, as this parser reads it.
              const expected = matter(text.replace(/^---[^\r\n]*/, '---'), { engines, excerpt: false }).content;
              assert.equal(text.slice(split.bodyOffset), expected, JSON.stringify(text));
              compared++;
            }
          }
        }
      }
    }
    assert.equal(compared, 3 * 2 * 4 * closings.length * afters.length);
  });
});

describe('markdown body', () => {
  const body = [
    '---', 'id: A', 'tags: [a]', '---', '# A', '',
    'Siehe [Outsourcing](../Outsourcing.md "Titel") und [[Dienstleister|den Anbieter]].',
    'Code `Outtasking` und https://example.com/Outtasking sowie ![Bild](bild.png).',
    '<!-- Outtasking',
    'noch Kommentar -->',
    '```md',
    'Outtasking',
    '```',
  ].join('\n');
  const document = parse(body);
  const lines = new LineIndex(body);
  const isNonProse = (needle: string, occurrence = 0) => {
    let offset = -1;
    for (let count = 0; count <= occurrence; count++) offset = body.indexOf(needle, offset + 1);
    return document.body.nonProse.some(([start, end]) => start <= offset && offset < end);
  };

  it('finds inline and wiki links with the places of their text and target', () => {
    const [inline, wiki] = document.body.links;
    assert.equal(inline.kind, 'inline');
    assert.equal(inline.target, '../Outsourcing.md');
    assert.equal(textAt(body, inline.textRange), 'Outsourcing');
    assert.equal(textAt(body, inline.targetRange), '../Outsourcing.md');
    assert.equal(wiki.kind, 'wiki');
    assert.equal(wiki.target, 'Dienstleister');
    assert.equal(textAt(body, wiki.textRange), 'den Anbieter');
    assert.equal(document.body.links.length, 2, 'images are not links to terms');
  });

  it('takes `[[text]](url)` for a Markdown link whose text is in brackets, not for a wiki link', () => {
    const parsed = parse('# A\n\nSiehe [[Quelle]](https://example.com) und [[Dienstleister]].\n');
    assert.deepEqual(parsed.body.links.map((link) => [link.kind, link.text, link.target]), [
      ['inline', '[Quelle]', 'https://example.com'],
      ['wiki', 'Dienstleister', 'Dienstleister'],
    ]);
  });

  it('finds inline images with the places of their targets: alone, as a link\'s text, in angle brackets, not in code or comments, not by reference', () => {
    const text = '# A\n\n![Bild](bild.png) [![Logo](<mein logo.png> "T")](https://example.com) `![Code](x.png)` <!-- ![K](k.png) --> ![R][r] [\\![Kein](k.png)](a.md)\n\n[r]: ./r.png\n';
    const parsed = parse(text);
    assert.deepEqual(
      (parsed.body.images ?? []).map((image) => [image.target, textAt(text, image.targetRange)]),
      [
        ['bild.png', 'bild.png'],
        ['mein logo.png', 'mein logo.png'],
      ],
    );
    assert.equal(document.body.images?.length, 1);
    assert.equal(parse('# A\n\nKein Bild.\n').body.images, undefined, 'only a page with images has the list');
    // A reference definition's link is marked: Docusaurus does not make a file of it; here only an image refers to it.
    assert.deepEqual(parsed.body.links.map((link) => [link.target, link.defined ?? false, link.referenced ?? false]), [
      ['https://example.com', false, false],
      ['a.md', false, false],
      ['./r.png', true, false],
    ]);
    const references = parse('# A\n\n[Voll][EINS] [zwei][] [Drei] `[vier]` ![Bild][fuenf] [Sechs](x.md)\n\n[eins]: a.pdf\n[zwei]: b.pdf\n[drei]: c.pdf\n[vier]: d.pdf\n[fuenf]: e.png\n[sechs]: f.pdf\n');
    assert.deepEqual(references.body.links.filter((link) => link.defined).map((link) => [link.target, link.referenced ?? false, link.imageReferenced ?? false]), [
      ['a.pdf', true, false],
      ['b.pdf', true, false],
      ['c.pdf', true, false],
      ['d.pdf', false, false],
      ['e.png', false, true],
      ['f.pdf', false, false],
    ]);
    // An image by reference, full, collapsed or shortcut, marks its definition (Hugo shows its target); not in code, nor with an escaped `!`.
    const images = parse('# A\n\n![x][eins] ![zwei][] ![Drei] [Drei] `![vier]` \\![fuenf]\n\n[eins]: a.png\n[zwei]: b.png\n[drei]: c.png\n[vier]: d.png\n[fuenf]: e.png\n');
    assert.deepEqual(images.body.links.filter((link) => link.defined).map((link) => [link.target, link.referenced ?? false, link.imageReferenced ?? false]), [
      ['a.png', false, true],
      ['b.png', false, true],
      ['c.png', true, true],
      ['d.png', false, false],
      ['e.png', true, false],
    ]);
  });

  it('reads code spans by the CommonMark rule: a run of backticks closes only with a run of the same length', () => {
    const spans = (line: string) => {
      const parsed = parse(`# A\n\n${line}\n`);
      const start = parsed.body.nonProse.length === 0 ? 0 : `# A\n\n`.length;
      return parsed.body.nonProse.map(([from, to]) => line.slice(from - start, to - start));
    };
    assert.deepEqual(spans('a `b` c ``d`e`` f'), ['`b`', '``d`e``']);
    assert.deepEqual(spans('``a` b'), [], 'an opening run without a closer is text');
    assert.deepEqual(spans('`a`` b ``c` d`'), ['`a`` b ``c`']);
    // A backslash escapes a run's first backtick (the rest of the run opens); within a span it is code, so the run after it closes.
    assert.deepEqual(spans('\\`Outtasking` is `x`'), ['` is `'], 'an escaped backtick opens nothing');
    assert.deepEqual(spans('\\``a` b'), ['`a`'], 'the rest of an escaped run opens');
    assert.deepEqual(spans('\\\\`a` b'), ['`a`'], 'an escaped backslash escapes nothing');
    assert.deepEqual(spans('`a\\` b`'), ['`a\\`']);
  });

  it('finds links with one level of brackets in their text, and none in a line of unpaired brackets', () => {
    const parsed = parse('# A\n\nSiehe [das [neue] Outsourcing](Outsourcing.md) und ' + '['.repeat(5_000) + '[[x]] ' + '[['.repeat(5_000) + '\n');
    assert.deepEqual(parsed.body.links.map((link) => [link.kind, link.text, link.target]), [
      ['inline', 'das [neue] Outsourcing', 'Outsourcing.md'],
      ['wiki', 'x', 'x'],
    ]);
  });

  it('finds links and images whose title, or the blanks before it, run over lines (flink\'s posts), as micromark does; not into a list item', () => {
    const text = '# A\n\n![alt](/img/fehlt.png "Über zwei\nZeilen")\n\n[a](/docs/a/ "Titel über\nzwei Zeilen") und [b](/b/\n"Titel auf der nächsten") Ende\n\n> [q](/q/ "zitierter\n> Titel")\n\n[nicht](/n/ "offen\n- Punkt")\n\n[auch nicht](/o/ "offen\n\nzu")\n';
    const parsed = parse(text);
    assert.deepEqual(parsed.body.links.map((link) => [link.target, textAt(text, link.targetRange), link.range.start.line, link.range.end.line]), [
      ['/docs/a/', '/docs/a/', 5, 6],
      ['/b/', '/b/', 6, 7],
      ['/q/', '/q/', 9, 10],
    ]);
    assert.deepEqual(parsed.body.images?.map((image) => image.target), ['/img/fehlt.png']);
  });

  it('finds links and images with a line ending before or after the destination (pipecd\'s posts), as CommonMark reads them; not over a blank line nor two line endings', () => {
    const text = '# A\n\n[a](/a/\n) und [b](\n/b/) und [c](/c/ "T"\n) und ![d](/d.png\n) und [e](\n/e/\n)\n\n> [q](/q/\n> ) x\n\n[nicht](/n/\n\n)\n\n[auch nicht](/o/\n"T"\nx)\n';
    const parsed = parse(text);
    assert.deepEqual(parsed.body.links.map((link) => [link.target, textAt(text, link.targetRange), link.range.start.line, link.range.end.line]), [
      ['/a/', '/a/', 2, 3],
      ['/b/', '/b/', 3, 4],
      ['/c/', '/c/', 4, 5],
      ['/e/', '/e/', 6, 8],
      ['/q/', '/q/', 10, 11],
    ]);
    assert.deepEqual(parsed.body.images?.map((image) => image.target), ['/d.png']);
  });

  it('finds links whose text runs over the lines of a paragraph, in a quote and a list item too, but not across items, paragraphs or code', () => {
    const text = '# A\n\nVor [upcoming dev\n   meetings](/community/#meetings) und [eins](a.md).\n\n> Ein [zitierter\n> Link](b.md)\n\n- Ein [Punkt\n  mit Link](c.md)\n- [kein\n- Link](d.md)\n\nEin [offener\n\nAbsatz](e.md) und `[Code\nüber](f.md)` und ![ein\nBild](g.png)\n';
    const parsed = parse(text);
    assert.deepEqual(parsed.body.links.map((link) => [link.text, link.target, textAt(text, link.targetRange), link.range.start.line, link.range.end.line]), [
      ['upcoming dev meetings', '/community/#meetings', '/community/#meetings', 2, 3],
      ['eins', 'a.md', 'a.md', 3, 3],
      ['zitierter Link', 'b.md', 'b.md', 5, 6],
      ['Punkt mit Link', 'c.md', 'c.md', 8, 9],
    ]);
    assert.deepEqual(parsed.body.images?.map((image) => image.target), ['g.png']);
    // The link's text is prose (a mention in it is one), its destination not.
    const inTarget = text.indexOf('/community/');
    assert.ok(parsed.body.nonProse.some(([start, end]) => start <= inTarget && inTarget < end));
    const inText = text.indexOf('meetings]');
    assert.ok(!parsed.body.nonProse.some(([start, end]) => start <= inText && inText < end));
    // Where CommonMark (micromark, goldmark) reads none: a quote, an HTML block, a table, a shortcode or a tag in between, a code span around it or its `](`.
    const none = [
      'A [foo\n> bar](/x)\n',
      'A [foo\n<div>\nbar](/x)\n</div>\n',
      '| a | [b |\n|---|----|\n| c](/x) | d |\n',
      'x [b\n| a | c](/x) |\n|---|---|\n',
      'Write `a\n[link\ntext](/x)` to link.\n',
      '[foo `a\nb](/x)` c\n',
      '<Card title="[x"\n  href="](/z)" />\n',
      '[foo\n{{< note >}}\nbar](/x)\n{{< /note >}}\n',
    ];
    for (const body of none) assert.deepEqual(parse(`# A\n\n${body}`).body.links.map((link) => link.target), [], JSON.stringify(body));
    // A line that opens brackets never closed, over many lines, and many links over lines, in one paragraph or many: read in time linear in the text.
    const cases: Array<[string, (n: number) => string, number]> = [
      ['open brackets over lines', (n) => `${'[a\n'.repeat(n)}b\n`, 20_000],
      ['links over lines, a paragraph each', (n) => '[a\nb](/x)\n\n'.repeat(n), 4_000],
      ['links over lines in one list', (n) => Array.from({ length: n }, (_, i) => `- Punkt [der Parser\n  Modul ${i}](https://example.org/${i}) \`x\``).join('\n'), 4_000],
    ];
    for (const [what, body, size] of cases) {
      const growth = growthOf((n) => parse(`# A\n\n${body(n)}`), size);
      assert.equal(superLinear(what, size, growth), undefined);
    }
  });

  it('reads inline links in time linear in the line, whatever blanks, "<" or "(" it holds', () => {
    const parsed = parse('# A\n\n[a](  <b c.md>  "t" ) [d](e.md (t)) [f](\tg.md\t) [h](i(j).md)\n');
    assert.deepEqual(parsed.body.links.map((link) => [link.text, link.target]), [['a', 'b c.md'], ['d', 'e.md'], ['f', 'g.md'], ['h', 'i(j).md']]);
    const lines: Array<[string, (size: number) => string, number]> = [
      ['blanks after "("', (size) => `[a](${' '.repeat(size)}x`, 5_000],
      ['"<" never closed', (size) => '[a](<'.repeat(size / 5), 20_000],
      ['a title "(" never closed', (size) => '[a](x ('.repeat(size / 7), 20_000],
    ];
    for (const [what, line, size] of lines) {
      const growth = growthOf((n) => assert.deepEqual(parse(`# A\n\n${line(n)}\n`).body.links, []), size);
      assert.equal(superLinear(what, size, growth), undefined);
    }
  });

  it('reads a line of 200,000 code spans', () => {
    const line = '`Outtasking` '.repeat(200_000);
    const parsed = parse(`# A\n\n${line}\n`);
    assert.equal(parsed.body.nonProse.length, 200_000);
  });

  it('marks code, URLs, comments and fenced blocks as non-prose, but not link text', () => {
    assert.equal(isNonProse('Outsourcing'), false, 'link text is prose');
    assert.equal(isNonProse('Outtasking', 0), true, 'code span');
    assert.equal(isNonProse('Outtasking', 1), true, 'URL');
    assert.equal(isNonProse('Outtasking', 2), true, 'HTML comment');
    assert.equal(isNonProse('Outtasking', 3), true, 'fenced code');
    assert.ok(lines.lineCount > 10);
  });
});

describe('code fenced inside a quote or a list item', () => {
  const linksOf = (body: string) => parseDocument('file:///w/n.md', `# Note\n\n${body}`).body.links.map((link) => link.target);

  it('is code, as CommonMark reads it: no link in it is one', () => {
    assert.deepEqual(linksOf('> ```md\n> [Foo](./Foo.md)\n> ```\n\nAfter [Bar](./Bar.md).\n'), ['./Bar.md']);
    assert.deepEqual(linksOf('- Step\n    ```md\n    [Foo](./Foo.md) and [[Foo]]\n    ```\n\nAfter [Bar](./Bar.md).\n'), ['./Bar.md']);
    assert.deepEqual(linksOf('- ```md\n  [Foo](./Foo.md)\n  ```\n- [Bar](./Bar.md)\n'), ['./Bar.md']);
    assert.deepEqual(linksOf('1. One\n\n   ```js\n   [Foo](./Foo.md)\n   ```\n\nText [Bar](./Bar.md)\n'), ['./Bar.md']);
  });

  it('a heading holds inline Markdown: its code spans are code, its links are links', () => {
    const document = parseDocument('file:///w/n.md', '# Note\n\n## Using `Widget` with [Foo](./Foo.md)\n');
    assert.deepEqual(document.body.links.map((link) => link.target), ['./Foo.md']);
    const text = document.body.headings[1].text;
    assert.equal(text, 'Using `Widget` with [Foo](./Foo.md)');
    const at = '# Note\n\n## Using `'.length;
    assert.ok(document.body.nonProse.some(([start, end]) => start < at && at < end), 'the code span');
  });

  it('a setext underline is no lazy line: at the margin after an item or a quote it is a rule (yunikorn\'s docs)', () => {
    const headingsOf = (body: string) => parseDocument('file:///w/n.md', `# Note\n\n${body}`).body.headings.map((heading) => heading.text);
    assert.deepEqual(headingsOf('- [Step 1](#Kubernetes): x\n- [Step 2](#deploy): y\n---\n\n## Z\n'), ['Note', 'Z']);
    assert.deepEqual(headingsOf('> Zitat\n---\n'), ['Note']);
    assert.deepEqual(headingsOf('- Punkt\nweiter\n---\n'), ['Note']);
    // After a paragraph of the page, it is one.
    assert.deepEqual(headingsOf('- Punkt\n\nAbsatz\n---\n'), ['Note', 'Absatz']);
    // Within the item it is one, of the text after the item's marker (test/sites/docusaurus-anchors-setext-lines).
    assert.deepEqual(headingsOf('- Punkt\n  ---\n'), ['Note', 'Punkt']);
  });

  it('no wiki link in an HTML or JSX tag is one: a JavaScript array in an attribute (typescript-eslint\'s team page)', () => {
    const text = "# A\n\n<Bios bios={[{ links: [['bluesky', 'https://bsky.app/profile/x']], name: 'S' }]} /> und [[Begriff]] <b>[[Fett]]</b>\n";
    assert.deepEqual(parse(text).body.links.map((link) => [link.kind, link.target]), [['wiki', 'Begriff'], ['wiki', 'Fett']]);
    // The attribute over lines: its line is no tag, but a name in quotes is JavaScript's.
    const over = parse('# A\n\n<TeamBioList\n  bios={[\n    { links: [[\'bluesky\', \'https://bsky.app/x\']], name: "R" },\n    { links: [["github", "https://github.com/x"]] },\n  ]}\n/>\n');
    assert.deepEqual(over.body.links, []);
  });

  it('no link in an HTML comment is one, on one line or open past it', () => {
    assert.deepEqual(linksOf('Text <!-- [Foo](./Foo.md) --> [Bar](./Bar.md)\n'), ['./Bar.md']);
    // A line that starts with a comment opens an HTML block as CommonMark reads it: the rest of the line is HTML too.
    assert.deepEqual(linksOf('<!-- [Foo](./Foo.md) --> [Bar](./Bar.md)\n'), []);
    assert.deepEqual(linksOf('[Bar](./Bar.md) <!-- [[Foo]] and\n[Foo](./Foo.md) -->\n'), ['./Bar.md']);
    assert.deepEqual(linksOf('`<!--` [Bar](./Bar.md) <!-- [Foo](./Foo.md) -->\n'), ['./Bar.md']);
  });

  it("a YAML tag the reader does not know is no problem on a Hugo page, whose reader takes it for none; elsewhere it is one", () => {
    const text = '---\ntitle: !foo Bar\nparams:\n  home: !env HOME\n---\nText.\n';
    const hugo = parseDocument('file:///s/content/a.md', text, undefined, { hugo: true });
    assert.deepEqual(hugo.diagnostics, []);
    assert.equal(hugo.frontMatter?.fields.find((field) => field.key === 'title')?.value, 'Bar');
    assert.deepEqual(parseDocument('file:///s/docs/a.md', text).diagnostics.map((diagnostic) => diagnostic.code), ['yaml-syntax', 'yaml-syntax']);
  });

  it('the label of a full or collapsed reference link is no inline link, where it is defined: "(traces)" after it is text', () => {
    const definitions = '\n\n[signals]: ../b/\n[foo]: ../c/\n';
    assert.deepEqual(linksOf(`[Sig][signals](traces) and [Foo][](CNCF)${definitions}`), ['../b/', '../c/']);
    // Not defined, `[Sig]` is text and the inline link is one; so after an escaped bracket.
    assert.deepEqual(linksOf(`[Sig][nope](traces) and x\\][signals](traces)${definitions}`), ['traces', 'traces', '../b/', '../c/']);
  });

  it('no link in an HTML block as CommonMark reads it; in MDX, Markdown between tags is read', () => {
    // A script or pre over blank lines, to its closing tag; a block-level element to a blank line.
    assert.deepEqual(linksOf('<script>\nconst s = "[Foo](./Foo.md)";\n\n</script>\n[Bar](./Bar.md)\n'), ['./Bar.md']);
    assert.deepEqual(linksOf('<div>\n[Foo](./Foo.md)\n</div>\n\n[Bar](./Bar.md)\n'), ['./Bar.md']);
    assert.deepEqual(linksOf('<details>\n<summary>Mehr</summary>\n\n[Bar](./Bar.md)\n\n</details>\n'), ['./Bar.md']);
    // A tag of another element opens one alone on its line, and not within a paragraph.
    assert.deepEqual(linksOf('<span>\n[Foo](./Foo.md)\n'), []);
    assert.deepEqual(linksOf('Text\n<span>\n[Bar](./Bar.md)\n'), ['./Bar.md']);
    assert.deepEqual(linksOf('<span>x</span> [Bar](./Bar.md)\n'), ['./Bar.md']);
    // In a list item and a quote too (flink's posts), to a blank line or a line that leaves the container, as micromark reads them.
    assert.deepEqual(linksOf('- <div>\n  [Foo](./Foo.md)\n- [Bar](./Bar.md)\n'), ['./Bar.md']);
    assert.deepEqual(linksOf('* Item, here\n\t<p></p>\n\t* The [Foo](./Foo.md) page\n\n[Bar](./Bar.md)\n'), ['./Bar.md']);
    assert.deepEqual(linksOf('> Quote\n> <div>\n> [Foo](./Foo.md)\n\n> [Bar](./Bar.md)\n'), ['./Bar.md']);
    assert.deepEqual(linksOf('> <div>\n[Bar](./Bar.md)\n'), ['./Bar.md']);
    // A deeper quote's markers are the top-level block's text, and a `>` line no blank one.
    assert.deepEqual(linksOf('<div>\n> [Foo](./Foo.md)\n'), []);
    assert.deepEqual(linksOf('<div>\n>\n[Foo](./Foo.md)\n'), []);
    // MDX reads tags as JSX, and the Markdown in them.
    assert.deepEqual(parseDocument('file:///w/n.mdx', '<div>\n[Bar](./Bar.md)\n</div>\n').body.links.map((link) => link.target), ['./Bar.md']);
  });

  it('ends only at a closing fence of its own quote: a quoted fence inside code is code', () => {
    assert.deepEqual(linksOf('```md\n> ```\n[Foo](./Foo.md)\n```\n\n[Bar](./Bar.md)\n'), ['./Bar.md']);
  });

  it('ends where its quote or list item ends, closed or not, and only at a closing fence outside a list marker', () => {
    const prose = (body: string, word: string) => !inNonProse(body, word, 'last');
    const cases: Array<[string, string, boolean]> = [
      ['> ```\n> code Widget\n\nA Widget here.\n', 'Widget here', true],
      ['> ```\n> code Widget\n\nA Widget here.\n', 'code Widget', false],
      ['- ```\n  Term code\n\nTerm prose after\n', 'Term prose', true],
      ['-\t```\n\tcode\n\t```\n\nA Widget here.\n', 'Widget here', true],
      ['- a\n\n        ```\n        x Widget\n\nTerm prose\n', 'x Widget', false],
      ['- a\n\n        ```\n        x Widget\n\nTerm prose\n', 'Term prose', true],
      ['> ```\nTerm lazy\n> ```\nTerm prose\n', 'Term lazy', true],
      ['```text\n- ```\nWidget in code\n```\n\nA Widget here.\n', 'Widget in code', false],
      ['```text\n- ```\nWidget in code\n```\n\nA Widget here.\n', 'Widget here', true],
      ['1. ```js\n   x Widget\n   ```\n2. After Widget\n', 'After Widget', true],
      ['> > ```\n> > a Widget\n> > ```\n> b Widget\n', 'a Widget', false],
      ['> > ```\n> > a Widget\n> > ```\n> b Widget\n', 'b Widget', true],
      ['- a\n\n    b Widget, a paragraph of the item\n', 'b Widget', true],
      ['- a\n\nPara.\n\n    code Widget\n', 'code Widget', false],
      // Found by a differential fuzz against markdown-it:
      ['```npm i``` installs the Widget.\n', 'Widget', true],
      ['> a\n>\n>     code Widget\n', 'code Widget', false],
      ['>\n    code Widget\n', 'code Widget', false],
      ['- ```\n  >Widget\n  ```\n\nA Widget.\n', '>Widget', false],
      ['1.\n   ```\nWidget after\n', 'Widget after', true],
      ['1.\n    ~~~\n   Widget in code\n', 'Widget in code', false],
    ];
    for (const [body, word, expected] of cases) assert.equal(prose(body, word), expected, `${JSON.stringify(body)}: "${word}"`);
  });

  it('a line left of the item after its fence ends the item: a fence after it opens outside the item (test/sites/docusaurus-fence-list-end)', () => {
    const prose = (body: string, word: string) => !inNonProse(body, word, 'last');
    const cases: Array<[string, string, boolean]> = [
      // adguard-dns' translated filtering syntax: `# top` is a heading, the fence after it runs to the end of the page.
      ['- item\n\n  ```none\n  # comment\n# top\n  0.0.0.0 example.org\n  ```\n\n- next\n\nWidget after\n', 'Widget after', false],
      ['- item\n\n  ```none\n  # comment\n# top\n  0.0.0.0 example.org\n  ```\n\n- next\n\nWidget after\n', 'top', true],
      // After a fence the item closed, a paragraph left of it ends the item; a fence after it holds a line at its left.
      ['1. step\n\n   ```bash\n   one\n   ```\nLeft of the item.\n\n   ```bash\n   two\nWidget in code\n   ```\n\nWidget after\n', 'Widget in code', false],
      ['1. step\n\n   ```bash\n   one\n   ```\nLeft of the item.\n\n   ```bash\n   two\nWidget in code\n   ```\n\nWidget after\n', 'Widget after', true],
      // A paragraph's lazy line stays in the item, as does a fence after it indented as the item's content.
      ['- item\n  text\nlazy line\n  ```\n  code\nWidget after\n', 'Widget after', true],
    ];
    for (const [body, word, expected] of cases) assert.equal(prose(body, word), expected, `${JSON.stringify(body)}: "${word}"`);
    const headings = parse('# A\n\n- item\n\n  ```none\n  # comment\n# top\n  0.0.0.0 example.org\n  ```\n\n## Target\n').body.headings.map((heading) => heading.text);
    assert.deepEqual(headings, ['A', 'top']);
  });

  it('is not opened by a fence in an indented code block outside lists', () => {
    assert.deepEqual(linksOf('    ```\n    code [Foo](./Foo.md)\n\n[Bar](./Bar.md)\n'), ['./Bar.md']);
  });

  it('after a nested list, a line less indented than its items is the outer item\'s, not code (test/sites/hugo-links-nested-lists)', () => {
    // A tab at the line's start reaches the fourth column: one past the outer item's content, so a paragraph.
    assert.deepEqual(linksOf('1. Outer.\n\n   1. Inner.\n\n\t[A](/a/) and ![i](/i.png)\n'), ['/a/']);
    assert.deepEqual(linksOf('1. Outer.\n\n   1. Inner:\n\n\t  1. Deep.\n\n     [B](/b/)\n'), ['/b/']);
    // Four columns past the nested item's content is code in it, and four past the outer item's, where no item is nested, too.
    assert.deepEqual(linksOf('1. Outer.\n\n   1. Inner.\n\n          [C](/c/)\n'), []);
    assert.deepEqual(linksOf('1. Outer.\n\n       [D](/d/)\n'), []);
  });

  it('where the page is compiled as MDX: no link, image or heading in JSX tags (over lines too) or expressions, template literals among them (test/sites/docusaurus-mdx-code)', () => {
    const body = [
      '# T',
      '',
      '<Tabs',
      "    values={[{ label: 'Siehe [Doku](/a)', value: 'a' }]}>",
      '<TabItem value="a">',
      '',
      'Im Tab [echt](/b).',
      '',
      '</TabItem>',
      '</Tabs>',
      '',
      '{`',
      '    [x](/c) ![i](d.png)',
      '    ## Keine',
      '`}',
      '',
      '{ String("[y](/e)") /* } */ }',
      '',
      '<div title="[z](/f)" data-x={`${"}"}`}>Hallo [g](/g)</div>',
      '',
      '    ## Eingerückt',
      '',
      'Danach [h](/h) mit `{code}` und [i](/i{x}).',
    ].join('\n');
    const document = parseDocument('file:///s/docs/x.mdx', body, undefined, { docusaurus: true, markdownFormat: 'mdx' });
    assert.deepEqual(document.body.links.map((link) => link.target), ['/b', '/g', '/h', '/i{x}']);
    assert.deepEqual(document.body.images ?? [], []);
    assert.deepEqual(document.body.headings.map((heading) => heading.text), ['T', 'Eingerückt']);
    // JSX in an expression holds text, not JavaScript: its quotes, backticks and slashes open nothing
    // (the regression review's pages); a tag right after a link or a code span is a tag.
    const linksOf = (markdown: string) => parseDocument('file:///s/docs/z.mdx', `# T\n\n${markdown}\n`, undefined, { docusaurus: true, markdownFormat: 'mdx', mdx: false }).body.links.map((link) => link.target);
    assert.deepEqual(linksOf("{true && <span>don't</span>} see [one](/a) and {true && <span>won't</span>}"), ['/a']);
    assert.deepEqual(linksOf('{true && <span>say "hi</span>} [b](/b) {x && <i>use ` here, a/*b</i>} [c](/c) {y && <>c*/d</>}'), ['/b', '/c']);
    assert.deepEqual(linksOf("<Foo a={<b>it's</b>} /> [d](/d)"), ['/d']);
    assert.deepEqual(linksOf('{true && <a href="https://example.com">https://example.com</a>}\n\nSee [e](/e).\n\nText }'), ['/e']);
    assert.deepEqual(linksOf('[f](/f)<span title="[fake](/x)">y</span> `g`<span title="[fake](/y)">z</span> [h](/h)'), ['/f', '/h']);
    // A tag or expression that does not end stops MDX: none after it is looked for, in linear time on a hostile page; any number of them.
    const started = performance.now();
    for (const hostile of ['{'.repeat(500_000), '<a '.repeat(200_000), `${'<a title="x\n'.repeat(30_000)}[k](/k)`, '{a/*'.repeat(100_000), '<a b={'.repeat(100_000), '{x} '.repeat(130_000)]) {
      parseDocument('file:///s/docs/y.mdx', hostile, undefined, { docusaurus: true, markdownFormat: 'mdx', mdx: false });
    }
    assert.ok(performance.now() - started < 5_000, 'hostile MDX is scanned in linear time');
    // Read as CommonMark, the same text has its links (raw HTML and text), and the indented lines are code.
    const commonMark = parseDocument('file:///s/docs/x.md', body, undefined, { docusaurus: true, markdownFormat: 'md' });
    assert.ok(commonMark.body.links.some((link) => link.target === '/e'));
  });

  it('where the page is compiled as MDX, which reads no indented code: indented lines are text, an indented fence is a fence, closed by one indented further (test/sites/docusaurus-mdx-indented)', () => {
    const body = '# T\n\n<details>\n\n    Siehe [A](./a.md).\n\n    ![Bild](./b.png)\n\n        ```md\n        [im Code](./code.md)\n          ```\n\n    Nach dem Code [C](./c.md).\n\n</details>\n';
    const read = (uri: string, markdownFormat: 'mdx' | 'md' | 'detect' | undefined, frontMatter = '') => {
      const document = parseDocument(uri, `${frontMatter}${body}`, undefined, { docusaurus: markdownFormat !== undefined, ...(markdownFormat === undefined ? {} : { markdownFormat }) });
      return { links: document.body.links.map((link) => link.target), images: (document.body.images ?? []).map((image) => image.target), asMdx: document.bodyReadAsMdx === true };
    };
    const asMdx = { links: ['./a.md', './c.md'], images: ['./b.png'], asMdx: true };
    const asCommonMark = { links: [], images: [], asMdx: false };
    assert.deepEqual(read('file:///s/docs/x.md', 'mdx'), asMdx);
    assert.deepEqual(read('file:///s/docs/x.mdx', 'detect'), asMdx);
    assert.deepEqual(read('file:///s/docs/x.md', 'detect'), asCommonMark);
    assert.deepEqual(read('file:///s/docs/x.mdx', 'md'), asCommonMark);
    assert.deepEqual(read('file:///s/docs/x.md', 'md', '---\nmdx:\n  format: mdx\n---\n'), asMdx);
    assert.deepEqual(read('file:///s/docs/x.md', 'mdx', '---\nmdx:\n  format: md\n---\n'), asCommonMark);
    // Outside Docusaurus: an `.mdx` file is MDX's, a `.md` file CommonMark's.
    assert.deepEqual(read('file:///s/x.mdx', undefined), asMdx);
    assert.deepEqual(read('file:///s/x.md', undefined), asCommonMark);
  });
});

/** Whether the first (or last) place of a word in a body, after a heading, starts in text that is no prose. */
function inNonProse(body: string, word: string, which: 'first' | 'last' = 'first', uri = 'file:///w/n.md'): boolean {
  const text = `# Note\n\n${body}`;
  const at = which === 'first' ? text.indexOf(word) : text.lastIndexOf(word);
  return parseDocument(uri, text).body.nonProse.some(([start, end]) => start <= at && at < end);
}

describe('text that is no prose on the page', () => {
  const covered = (body: string, word: string) => inNonProse(body, word, 'first', 'file:///w/n.mdx');

  it('MDX statements, tags and their attributes, footnote labels and reference definitions', () => {
    assert.equal(covered('import SLA from "./SLA";\n\nText.\n', 'SLA'), true, 'import');
    assert.equal(covered('export const x = "Service Level Agreement";\n', 'Service'), true, 'export');
    assert.equal(covered('<TabItem label="Service Level Agreement">\n\nText.\n', 'Service'), true, 'JSX attribute');
    assert.equal(covered('See <span title="Service Level Agreement">the SLA</span>.\n', 'Service'), true, 'HTML attribute');
    assert.equal(covered('Text[^SLA] here.\n\n[^SLA]: The note.\n', 'SLA'), true, 'footnote label');
    assert.equal(covered('See [x][1].\n\n[1]: https://x.y "Service Level Agreement"\n', 'Service'), true, 'reference definition');
  });

  it("the content of <style> and <script> elements, read as MDX or as CommonMark, to their closing tag or the text's end; not a tag in code", () => {
    const page = '<style>\n.state { color: red }\n</style>\n\nA state.\n\n<script type="x">\nvar Kunde = 1;\n</script>\nKunde\n';
    for (const uri of ['file:///w/n.mdx', 'file:///w/n.md']) {
      assert.equal(inNonProse(page, 'state', 'first', uri), true, `${uri}: CSS`);
      assert.equal(inNonProse(page, 'state', 'last', uri), false, `${uri}: prose after it`);
      assert.equal(inNonProse(page, 'Kunde', 'first', uri), true, `${uri}: JavaScript`);
      assert.equal(inNonProse(page, 'Kunde', 'last', uri), false, `${uri}: prose after the closing tag`);
    }
    assert.equal(inNonProse('<SCRIPT>\nvar Kunde;\n', 'Kunde'), true, 'never closed: to the end');
    assert.equal(inNonProse('Write `<style>` here: Kunde.\n', 'Kunde'), false, 'a tag in code opens nothing');
    assert.equal(inNonProse('```html\n<div><style>\n```\n\nKunde\n', 'Kunde'), false, 'nor one in a fence');
    assert.equal(inNonProse('Escaped \\<script> here.\n\nKunde\n', 'Kunde'), false, 'nor an escaped one');
    // A code span over lines goes on into any line that does not interrupt the paragraph (micromark with GFM).
    for (const line of ['| Kunde`', '2. Kunde`', '<span>Kunde`']) assert.equal(inNonProse(`Run \`kubectl get\n${line} here.\n`, 'Kunde'), true, line);
    assert.equal(inNonProse('Run `kubectl get\n- Kunde` here.\n', 'Kunde'), false, 'a list item interrupts it');
    assert.equal(inNonProse('<Script src="x">\nKunde\n</Script>\n', 'Kunde', 'first', 'file:///w/n.mdx'), false, "MDX's <Script> is a component");
  });

  it('the text of a link or image by reference to a defined label, and not a bracket without a definition', () => {
    const references = '[Service Level Agreement][1], [SLA][], [Outtasking] and ![Outsourcing][1]; [Dienstleister] and [x][Vertrag] have no definition.\n\n[1]: ./a.md\n[sla]: ./b.md\n[outtasking]: ./c.md\n';
    for (const word of ['Service', 'SLA', 'Outtasking', 'Outsourcing']) assert.equal(covered(references, word), true, word);
    for (const word of ['Dienstleister', 'Vertrag']) assert.equal(covered(references, word), false, word);
    assert.equal(covered('`[Outtasking]` is code.\n\n[outtasking]: ./c.md\n', 'Outtasking'), true);
    // As CommonMark (markdown-it) reads them.
    const definitions = '\n\n[outtasking]: ./c.md\n[x]: ./x.md\n[1]: ./a.md\n[straße]: ./s.md\n';
    assert.equal(covered(`An escaped \\[Outtasking] is text.${definitions}`, 'Outtasking'), false, 'escaped');
    assert.equal(parseDocument('file:///w/n.md', `# A\n\n- [x] Outtasking planen\n1. [ ] nicht${definitions}`).body.references, undefined, 'a task\'s checkbox');
    assert.equal(parseDocument('file:///w/n.md', `# A\n\nSiehe [x] hier.${definitions}`).body.references?.length, 1, 'the same label elsewhere');
    assert.equal(covered(`Der [Service\nLevel Agreement][1] gilt.${definitions}`, 'Level'), true, 'text over a line break');
    assert.equal(covered(`Der [Service\n\nLevel Agreement][1] gilt.${definitions}`, 'Level'), false, 'not over a blank line');
    assert.equal(covered(`Ein [Widget [b] Outsourcing][1] hier.${definitions}`, 'Outsourcing'), true, 'one level of brackets inside');
    assert.equal(covered(`Die [STRASSE] hier.${definitions}`, 'STRASSE'), true, 'labels folded as CommonMark folds them');
    const referenced = (body: string) => (parseDocument('file:///w/n.md', `# A\n\n${body}${definitions}`).body.references ?? []).map((reference) => reference.definition.target);
    assert.deepEqual(referenced('Ein [Hinweis\r\n\r\nzum Outsourcing][1] hier.'), ['./a.md'], 'not over a blank line in CRLF: [1] alone is a link');
    assert.deepEqual(referenced('[Thema [Outtasking]][1]'), ['./c.md', './a.md'], 'the inner link first, the outer brackets a shortcut of their own');
    assert.deepEqual(referenced('[nope [Outtasking]]'), ['./c.md'], 'inside brackets that are none');
    assert.deepEqual(referenced('Ein \\\\[Outtasking] hier.'), ['./c.md'], 'after an escaped backslash');
    assert.deepEqual(referenced('- [x]done\n- [x]'), ['./x.md', './x.md'], 'no checkbox without a blank and text after it');
    assert.deepEqual(referenced('[out\u00a0tasking]'), [], 'a no-break space is no blank of a label');
    const overlapping = parseDocument('file:///w/n.md', '# A\n\nFetch `curl example.com/api/v1 [Outtasking]` first.\n\n[outtasking]: ./c.md\n');
    assert.equal(overlapping.body.references, undefined, 'a reference in a code span is none, whatever lies in the span before it');
    assert.ok(overlapping.body.nonProse.every((span, at, spans) => at === 0 || spans[at - 1][1] < span[0]), 'no span overlaps another');
  });

  it('web addresses without a scheme, and not a name with a dot', () => {
    assert.equal(covered('Quelle: de.wikipedia.org/wiki/Fußband, abgerufen.\n', 'Fußband'), true);
    assert.equal(covered('Siehe baunetzwissen.de/glossar/k/kopfband-6629384 (Kopfband).\n', 'kopfband'), true);
    assert.equal(covered('Siehe baunetzwissen.de/glossar/k/kopfband-6629384 (Kopfband).\n', 'Kopfband'), false, 'the address ends at the blank');
    assert.equal(covered('ASP.NET/Core and Node.js/Deno are runtimes.\n', 'Core'), false);
    assert.equal(covered('Write to info@example.com/ or example.com.\n', 'info'), false, 'no host after an @, none without a path');
    assert.equal(covered('Quelle: münchen.de/rathaus/Kopfband und _de.wikipedia.org/wiki/Fußband_.\n', 'Kopfband'), true, 'a host with other letters');
    assert.equal(covered('Quelle: münchen.de/rathaus/Kopfband und _de.wikipedia.org/wiki/Fußband_.\n', 'Fußband'), true, 'in emphasis');
    for (const [text, word] of [['Socket.io/WebSockets and Render.com/Heroku', 'WebSockets'], ['Render.com/Heroku/Vercel', 'Heroku'], ['1 Mitarbeiter.in/Monat', 'Monat']]) {
      assert.equal(covered(`${text}.\n`, word), false, `${text}: a capitalised name with a dot is no host`);
    }
  });

  it('an MDX statement over several lines, to the blank line that ends it', () => {
    assert.equal(covered('import {\n  Widget,\n} from "@site/src/Widget";\n\nText.\n', 'Widget'), true);
    assert.equal(covered('export const meta = {\n  title: "Widget",\n};\n\nText.\n', 'Widget'), true);
  });

  it('reference definitions in a list or quote, or with the target on the next line, are links', () => {
    const text = 'Use [g] and [h] and [i] and [k].\n\n[g]: ./Missing1.md\n\n- [h]: ./Missing2.md\n\n> [i]: ./Missing3.md\n\n[k]:\n  ./Missing4.md\n';
    assert.deepEqual(parseDocument('file:///w/n.md', text).body.links.map((link) => [link.target, link.targetRange.start.line, link.targetRange.start.character]), [
      ['./Missing1.md', 2, 5],
      ['./Missing2.md', 4, 7],
      ['./Missing3.md', 6, 7],
      ['./Missing4.md', 9, 2],
    ]);
  });

  it('but the text between tags, the text of a footnote and prose that starts like a statement are prose', () => {
    assert.equal(covered('See <span title="x">the Service Level Agreement</span>.\n', 'Service'), false);
    assert.equal(covered('Text[^1] here.\n\n[^1]: The Service Level Agreement.\n', 'Service'), false);
    assert.equal(covered('Import the Service Level Agreement first.\n', 'Service'), false);
    assert.equal(covered('import the Service Level Agreement first.\n', 'Service'), false);
    assert.equal(covered('[SLA]: A Service Level Agreement is a contract.\n', 'Service'), false, 'no definition: no target before the text');
    assert.equal(covered('Costs < Service Level Agreement > nothing.\n', 'Service'), false);
  });
});

describe("Hugo's TOML and JSON front matter", () => {
  it('is read into fields, for the term and the site, each of them pinned, and is no prose', () => {
    const toml = '+++\ntitle = "Outtasking"\ntags = ["Begriffe", "IM"]\ndraft = true\npublishDate = 2099-01-01\n[_build]\nrender = "never"\n+++\n\n# Outtasking\n\nText.\n';
    const document = parseDocument('file:///w/content/a.md', toml);
    assert.equal(document.frontMatter?.format, 'toml');
    assert.deepEqual(document.frontMatter?.fields.map((field) => [field.key, field.value, field.keyPinned, field.valuePinned]), [
      ['title', 'Outtasking', true, true],
      ['tags', ['Begriffe', 'IM'], true, true],
      ['draft', true, true, true],
      ['publishDate', '2099-01-01', true, true],
      ['_build', { render: 'never' }, true, true],
    ]);
    assert.deepEqual([document.term?.title, document.term?.tags.map((tag) => tag.value)], ['Outtasking', ['Begriffe', 'IM']]);
    assert.deepEqual(document.diagnostics, []);
    const json = parseDocument('file:///w/content/b.md', '{\n  "title": "Json Term",\n  "draft": true\n}\n\nText.\n');
    assert.deepEqual([json.frontMatter?.format, json.term?.title, json.frontMatter?.fields.map((field) => field.key)], ['json', 'Json Term', ['title', 'draft']]);
  });

  it('says where TOML does not parse or is not closed; a text that only starts with "{" is Markdown', () => {
    assert.deepEqual(parseDocument('file:///w/a.md', '+++\ntitle = = x\n+++\nBody\n').diagnostics.map((problem) => problem.code), ['front-matter-language']);
    // At the line and column the TOML reader names, in a Hugo page (after "+++" on its line) and elsewhere.
    for (const hugo of [true, false]) {
      const [problem] = parseDocument('file:///w/a.md', '+++\ntitle = "A"\nbad key = 1\n+++\n', undefined, { hugo }).diagnostics;
      assert.deepEqual([problem.code, problem.range], ['front-matter-language', { start: { line: 2, character: 4 }, end: { line: 2, character: 5 } }]);
    }
    assert.deepEqual(parseDocument('file:///w/a.md', '+++\ntitle = "x"\nBody\n').diagnostics.map((problem) => problem.code), ['unclosed-front-matter']);
    const shortcode = parseDocument('file:///w/a.md', '{{< note >}}\nText\n');
    assert.deepEqual([shortcode.frontMatter, shortcode.diagnostics], [undefined, []]);
  });
});

describe("a page's opening as Hugo reads it (test/sites/hugo-front-matter-openings)", () => {
  const asHugo = (text: string) => parseDocument('file:///w/content/a.md', text, undefined, { mdx: false, hugo: true });
  const plain = (text: string) => parseDocument('file:///w/content/a.md', text, undefined, { mdx: false });
  const titleOf = (document: ParsedDocument) => document.frontMatter?.fields.find((field) => field.key === 'title')?.value;

  it('finds front matter after blank lines, blanks, tabs and a byte order mark, where elsewhere it is Markdown', () => {
    for (const text of ['\n\n---\ntitle: T\n---\nText.\n', ' \t\n\t---\ntitle: T\n---\nText.\n', '\ufeff\r\n---\r\ntitle: T\r\n---\r\nText.\r\n', '\n+++\ntitle = "T"\n+++\nText.\n', '\n\n{\n  "title": "T"\n}\nText.\n']) {
      const document = asHugo(text);
      assert.equal(titleOf(document), 'T', JSON.stringify(text));
      assert.equal(document.body.leadParagraph?.markdown, 'Text.');
      assert.equal(document.hugoReading, 'read');
      assert.equal(plain(text).frontMatter, undefined, JSON.stringify(text));
      assert.equal(plain(text).hugoReading, 'unread');
    }
    // The opening line's key is found where it is written, after the blank lines.
    const yaml = asHugo('\n\n---\ntitle: T\n---\n');
    assert.deepEqual(yaml.frontMatter?.fields[0].keyRange.start, { line: 3, character: 0 });
  });

  it('elsewhere warns of front matter after blank lines, which Docusaurus reads as Markdown, where it reads as keys', () => {
    const [warning] = plain('\n \n---\ntitle: T\n---\nText.\n').diagnostics;
    assert.deepEqual([warning.code, warning.severity, warning.suggestion], ['misplaced-front-matter', 'warning', '---']);
    assert.deepEqual(warning.range, { start: { line: 0, character: 0 }, end: { line: 2, character: 3 } });
    // A rule and a setext heading, a rule alone, YAML that does not parse, or text before it: no front matter anywhere.
    for (const text of ['\n---\nEin Satz\n---\n', '\n---\nHinweis: neu seit 2.0\n---\n', '\n---\nSummary: Das Wichtigste\n---\n', '\n---\nTitle: Neu seit 2.0\n---\n', '\n---\n', '\n---\n[kaputt\n---\n', 'Text\n---\ntitle: T\n---\n', '\n+++\ntitle = "T"\n+++\n', '\n--- # c\ntitle: T\n---\n']) {
      assert.deepEqual(plain(text).diagnostics, [], JSON.stringify(text));
    }
    assert.deepEqual(asHugo('\n---\ntitle: T\n---\n').diagnostics, []);
  });

  it("reads the term's keys in any case, as Hugo does; elsewhere as written", () => {
    const text = '---\nTitle: Gross\nTAGS: [a]\ntitle: klein\nALIASES: [g]\n---\n# Kopf\n';
    const hugo = asHugo(text).term!;
    assert.deepEqual([hugo.title, hugo.tags.map((tag) => tag.value), hugo.aliases], ['Gross', ['a'], ['g']]);
    assert.equal(asHugo('---\nTitle: Gross\n---\n').term?.title, 'Gross');
    const elsewhere = plain(text).term!;
    assert.deepEqual([elsewhere.title, elsewhere.tags, elsewhere.aliases], ['klein', [], []]);
    assert.deepEqual([asHugo(text).hugoReading, plain(text).hugoReading, plain('---\ntitle: t\nDraft: true\n---\n').hugoReading], ['read', 'unread', undefined]);
  });

  it('takes a key in another case over the one in lower case, whatever their order, as Hugo lower-cases keys', () => {
    assert.equal(asHugo('---\nTitle: Erst\ntitle: Zweit\n---\n').term?.title, 'Erst');
    assert.equal(asHugo('---\ntitle: Erst\nTitle: Zweit\n---\n').term?.title, 'Zweit');
    assert.equal(asHugo('---\ntitle: Erst\ntitle: Zweit\n---\n').term?.title, 'Zweit');
    assert.equal(plain('---\ntitle: Erst\ntitle: Zweit\n---\n').term?.title, 'Erst');
    // Each reads differently elsewhere: the file records how it was read.
    for (const text of ['---\ntitle: Erst\ntitle: Zweit\n---\n', '+++\ntitle = "T"\n+++ danach\n']) assert.equal(plain(text).hugoReading, 'unread', text);
  });

  it('reads the rest of the opening line as front matter, where gray-matter reads it as a language', () => {
    assert.equal(titleOf(asHugo('--- # Kommentar\ntitle: T\n---\n')), 'T');
    assert.deepEqual(plain('--- # Kommentar\ntitle: T\n---\n').diagnostics.map((problem) => problem.code), ['front-matter-language']);
    assert.equal(titleOf(asHugo('+++ x = 1\ntitle = "T"\n+++ danach\n')), 'T');
    assert.equal(plain('+++ x = 1\ntitle = "T"\n+++\n').frontMatter, undefined);
    // What fails Hugo's build: its YAML or TOML does not parse.
    for (const text of ['--- yaml\ntitle: T\n---\n', '----\ntitle: T\n---\n']) assert.ok(asHugo(text).diagnostics.some((problem) => problem.code === 'yaml-syntax'), text);
    assert.deepEqual(asHugo('+++ toml\ntitle = "T"\n+++\n').diagnostics.map((problem) => problem.code), ['front-matter-language']);
  });

  it('ends a JSON object at its closing brace, quotes and escapes counted, where elsewhere a line "}" ends it', () => {
    const oneLine = asHugo('{"title": "Json", "slug": "j"} Text.\n');
    assert.deepEqual(oneLine.frontMatter?.fields.map((field) => [field.key, field.value]), [['title', 'Json'], ['slug', 'j']]);
    assert.equal(plain('{"title": "Json"} Text.\n').frontMatter, undefined);
    const braces = asHugo('{\n  "title": "a } b \\"{\\""\n}\nText.\n');
    assert.equal(titleOf(braces), 'a } b "{"');
    assert.equal(braces.hugoOpeningProblem, undefined);
  });

  it('tells an opening Hugo takes for front matter and cannot read, where and why; elsewhere it is Markdown', () => {
    const cases: Array<[string, string, number]> = [
      ['\n- eins\n- zwei\n', 'yaml-delimiter', 1],
      ['+ Punkt\n', 'toml-delimiter', 0],
      ['{{< hinweis >}}Achtung.{{< /hinweis >}}\n', 'json-invalid', 0],
      ['  {Begriff ist offen\n', 'json-unclosed', 0], ['{Begriff} ist zu\n', 'json-invalid', 0],
      // An HTML element first, past blanks and lines opening a comment: a plain HTML document (Hugo 0.111.3: "plain HTML documents not supported").
      ['<p align="center">Logo</p>\n\nText.\n', 'plain-html', 0], ['\n<!-- Kommentar -->\n  <div>\n', 'plain-html', 2],
      // A first line opening a comment, and no "-->" after the body's first character or the front matter after it ("starting HTML comment with no end").
      ['<!-- markdownlint-disable -->\nText.\n', 'html-comment-unclosed', 0], ['\uFEFF<!-- c -->\n# Titel\n', 'html-comment-unclosed', 0],
      ['<!-- Lizenz -->\n---\ntitle: T\n---\nText.\n', 'html-comment-unclosed', 0], ['<!-- c -->\n#+TITLE: T\nText\n', 'html-comment-unclosed', 0],
      // A "-" after the comment's line opens front matter Hugo cannot read ("invalid YAML delimiter").
      ['<!-- c\n-->\nText.\n', 'yaml-delimiter', 1],
    ];
    for (const [text, kind, line] of cases) {
      const document = asHugo(text);
      assert.equal(document.hugoOpeningProblem?.kind, kind, JSON.stringify(text));
      assert.equal(document.hugoOpeningProblem?.range.start.line, line);
      assert.equal(document.frontMatter, undefined);
      assert.equal(plain(text).hugoOpeningProblem, undefined);
    }
    // JSON that does not parse: at its first mistake, as Hugo's own message places it.
    const comma = asHugo('{\n  "title": "Komma",\n  "tags": ["a"],\n}\nText.\n').hugoOpeningProblem;
    assert.deepEqual([comma?.mistake, comma?.range], ['trailing-comma', { start: { line: 2, character: 15 }, end: { line: 2, character: 16 } }]);
    const missing = asHugo('{\n  "title": "A"\n  "tags": ["a"]\n}\n').hugoOpeningProblem;
    assert.deepEqual([missing?.mistake, missing?.range.start], [ParseErrorCode.CommaExpected, { line: 2, character: 2 }]);
    // Form feeds and vertical tabs are no blanks to Hugo 0.111; blanks before no front matter stay the body's (an indented first line is code).
    assert.equal(asHugo('\f- Seitenvorschub\n').hugoOpeningProblem, undefined);
    assert.deepEqual(asHugo('    [kein Link](fehlt.md)\n\nText.\n').body.links, plain('    [kein Link](fehlt.md)\n\nText.\n').body.links);
    assert.deepEqual(asHugo('    [kein Link](fehlt.md)\n').body.links, []);
    // A comment Hugo finds closed after the front matter or the body's first character, or a page of a comment alone, builds (checked with Hugo 0.111.3).
    for (const text of ['<!-- c -->\nText <!-- d -->\n', '<!--\n---\ntitle: T\n---\n-->\nText\n', '<!-- c -->\n---\ntitle: T\n---\n', '<!-- c -->\n', '<!-- c -->\nT', 'Text <p>x</p>\n']) {
      assert.equal(asHugo(text).hugoOpeningProblem, undefined, JSON.stringify(text));
    }
    // Hugo reads the content past the front matter only of a page it builds: a draft, a page whose date has not come, or one expiring, builds (Hugo 0.111.3);
    // one dated in a past year, or no draft, fails.
    for (const matter of ['draft: true', 'publishDate: 2999-01-01', 'date: "2999-01-01"', 'expiryDate: 2001-01-01', 'title: T\ndraft: yes']) {
      assert.equal(asHugo(`<!-- c -->\n---\n${matter}\n---\nText.\n`).hugoOpeningProblem, undefined, matter);
    }
    assert.equal(asHugo('<!-- c -->\n+++\ndraft = true\n+++\nText.\n').hugoOpeningProblem, undefined, 'TOML');
    for (const matter of ['draft: false', 'date: 2020-01-01', 'title: draft: true']) assert.equal(asHugo(`<!-- c -->\n---\n${matter}\n---\nText.\n`).hugoOpeningProblem?.kind, 'html-comment-unclosed', matter);
    // A page that opens with front matter, or with anything else, reads alike either way, and records nothing.
    for (const text of ['---\ntitle: T\n---\n- eins\n', '# Titel\n', 'Text {x}\n', '']) {
      assert.deepEqual(asHugo(text), plain(text), JSON.stringify(text));
      assert.equal(asHugo(text).hugoReading, undefined);
    }
  });
});

describe('what the index keeps of a closed file', () => {
  it('places everything where the open document does, read or sent as JSON', () => {
    const text = `${SEED}\nSiehe [Outsourcing](./Outsourcing.md) und [[Outsourcing|ausgelagert]].\n`;
    const open = parse(text);
    const closed = withoutOpenDocumentDetail(parse(text));
    // Each range as the features read it, position by position, or as the protocol sends it.
    const places = (document: ReturnType<typeof parse>, as: (range: Range | undefined) => unknown) => ({
      links: document.body.links.map((link) => [link.range, link.textRange, link.targetRange].map(as)),
      headings: document.body.headings.map((heading) => [heading.range, heading.textRange].map(as)),
      tags: document.term?.tags.map((tag) => as(tag.range)),
      title: as(document.term?.titleRange),
      frontMatter: as(document.frontMatter?.range),
      fields: document.frontMatter?.fields.map((field) => [as(field.keyRange), as(field.valueRange), field.items?.map((item) => as(item.range))]),
    });
    const read = (range: Range | undefined) => range && [range.start.line, range.start.character, range.end.line, range.end.character];
    const sent = (range: Range | undefined) => JSON.stringify(range);
    assert.deepEqual(places(closed, read), places(open, read));
    assert.deepEqual(places(closed, sent), places(open, sent));
    assert.equal(places(open, read).links.length, 2);
    const broken = withoutOpenDocumentDetail(parse('---\nid: A\ntags: [a, b]]\n---\n'));
    assert.deepEqual(JSON.parse(JSON.stringify(broken.diagnostics[0].range)), { start: { line: 2, character: 12 }, end: { line: 2, character: 13 } });
  });

  it('keeps none of its text, however many of its strings it keeps', () => {
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    // Every kind of string a document keeps, each long enough to be a view of the text if not copied.
    const entry = (n: number) => `---
id: Eintrag-mit-langem-Namen-${n}
title: Ein langer Titel Nummer ${n}
aliases: [Ein langer Aliasname ${n}]
tags: [Ein langes Schlagwort ${n}, {label: Ein Schlagwort als Objekt ${n}}]
extra: {verschachtelt: [Ein langer verschachtelter Wert ${n}]}
titel: ein Tippfehler im Schlüssel ${n}
---
# Eine lange Überschrift Nummer ${n}

**Eine lange fette Definition Nummer ${n}.** Mehr über [einen langen Linktext ${n}](./ein-langes-Linkziel-${n}.md) und [[Ein langes Wikiziel ${n}|ein langer Wikitext]].

## Eine zweite lange Überschrift ${n}

${'Füllender Text mit Umlauten: äöü. '.repeat(6000)}
`;
    const count = 50;
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    const kept = Array.from({ length: count }, (_, n) => withoutOpenDocumentDetail(parseDocument(`file:///g/Eintrag-${n}.md`, entry(n))));
    collectGarbage();
    const grown = process.memoryUsage().heapUsed - before;
    const textBytes = entry(0).length * count;
    assert.equal(kept[count - 1].term?.title, `Ein langer Titel Nummer ${count - 1}`);
    assert.ok(grown < textBytes / 5, `kept ${(grown / 2 ** 20).toFixed(1)} MiB for ${(textBytes / 2 ** 20).toFixed(1)} MiB of text`);
  });
});
