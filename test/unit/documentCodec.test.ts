import assert from 'node:assert/strict';
import { ParseErrorCode } from 'jsonc-parser';
import { describe, it } from 'node:test';
import { PackedRange } from '../../server/src/common/text';
import { decodeClosedDocument, DocumentCodecError, encodeClosedDocument } from '../../server/src/parsing/documentCodec';
import { closedDocument, parseDocument, withoutOpenDocumentDetail, type ParsedDocument } from '../../server/src/parsing/document';
import { loadCorpus, Random } from '../support/seeded';

const closed = (uri: string, text: string) => withoutOpenDocumentDetail(parseDocument(uri, text));
/** Through JSON text, as the cache stores it. */
const roundTrip = (document: ParsedDocument) => decodeClosedDocument(document.uri, JSON.parse(JSON.stringify(encodeClosedDocument(document))));

/** Texts for what the corpora seldom hold: YAML values JSON has no notation for, pins, directives, broken front matter. */
const EDGE_CASES = [
  '---\nid: Zahlen\nnan: .nan\ninf: .inf\nneg: -.inf\nzero: -0\nnothing: ~\nempty:\n__proto__: kein Prototyp\nnested: {a: [1, {b: [x, y]}], "__proto__": {c: 1}}\ntags: [a, {label: B}, "", 3, true]\n---\n# Titel\n',
  '---\nid: &anker Anker\naliases: [*anker, !!str 12]\ntranslated_from: 0123456\nnot_mentions: bei Bedarf\n---\n**Fett.** Rest mit [Link](../a%20b.md#x) und [[Wiki|Text]] und [leer]().\n',
  '---\ntitle: [kaputt\n---\n<!-- markdown-glossary-disable broken-link, keine-regel -->\n# H\n<!-- markdown-glossary-frobnicate -->\n',
  '\ufeff---\r\nid: CRLF\r\ntags:\r\n  - eins\r\n  - eins\r\n---\r\nSetext\r\n===\r\n\r\nText [x](<a b.md> "t")\r\n',
  '---\nid: A\ntags: [a, b]]\n---\n',
  '---\nfoo: bar\n',
  '+++\ntitle = "TOML"\n+++\n# T\n',
  '---\nid: Zeiten\nexpirydate: !!timestamp 2001-01-01\nbytes: !!binary aGVsbG8=\ncascade: {expiryDate: !!timestamp 2001-12-14t21:59:43.10-05:00, list: [!!binary aGk=, !!timestamp 2002-02-02]}\n---\n# Zeiten\n',
  '# Nur eine Überschrift\n\nKein Eintrag, aber [ein Link](./x.md).\n',
  '---\ntitle: Verweise\n---\nSiehe {{< ref "a.md#teil" >}}, {{% relref path="/g/b" lang="de" %}} <!-- {{< ref "e.md" >}} --> und {{< ref `c d.md` >}}.\n',
  '---\ntitle: Kurzcodes\n---\n{{< highlight toml >}}\n[[module.mounts]]\n{{< /highlight >}} {{< box >}} {{% notiz %}}x{{% /notiz %}} {{< button relref="/g/b" class=`x y` >}}Los{{< /button >}} {{< figure src="a.png" />}} {{< marke >}}x{{% /marke %}}\n',
  '# Bilder\n\n![Logo](./img/logo.png "Titel") [![Im Link](<a b.png>)](https://example.com) ![leer]()\n\n[Verweis][d]\n\n[d]: ./preise.pdf\n\n<details>\n![In HTML](x.png) {/* ![In beidem](y.png) */}\n</details>\n',
  "import Teil from './_teil.md';\nexport {default as Zwei} from '@site/src/Zwei';\n\n# Importe\n\n<img src={require('./img/x.png').default} />\n",
  // What anchors are made of: a heading's explicit id and its text as written, elements' ids, a link in MDX's comment, a heading in a quote.
  '# Anker\n\n## a\\_b {#eigen}\n\n<details id="mehr">x</details>\n\n{/* [weg](./weg.md) */}\n\n> ## Zitiert\n',
  // Definitions an image refers to, one also a link's.
  '# Bilder per Verweis\n\n![Ablauf][a] ![b] [b]\n\n[a]: /img/a.png\n[b]: ./b.png\n',
  '',
];

describe('the cache codec of closed documents', () => {
  it('gives back exactly the closed document of every corpus file and edge case, packed ranges and all', () => {
    const texts = [...loadCorpus(), ...EDGE_CASES];
    assert.ok(texts.length > 250);
    for (const [n, text] of texts.entries()) {
      for (const uri of [`file:///g/ordner/Eintrag-${n}.md`, `file:///g/Eintrag%20${n}.mdx`]) {
        const document = closed(uri, text);
        const decoded = roundTrip(document);
        assert.deepStrictEqual(decoded, document, `${uri}: ${text.slice(0, 80)}`);
        // What the index reads as ranges: packed, as withoutOpenDocumentDetail leaves them.
        for (const link of decoded.body.links) assert.ok(link.range instanceof PackedRange && link.targetRange instanceof PackedRange);
        for (const image of decoded.body.images ?? []) assert.ok(image.targetRange instanceof PackedRange);
        if (text.startsWith('import Teil')) assert.deepEqual(decoded.mdxModules?.map((module) => module.request), ['./_teil.md', '@site/src/Zwei', './img/x.png']);
        // The term's heading is one of the body's, as parsed.
        if (decoded.term?.heading !== undefined) assert.ok(decoded.body.headings.includes(decoded.term.heading));
      }
    }
  });

  it("keeps how a page's opening was read, and what Hugo cannot read of it, as the parser read it in a Hugo site or elsewhere", () => {
    const openings = ['\n\n---\ntitle: Nach Leerzeilen\n---\nText.\n', '{"title": "Json"} Text.\n', '\n- eins\n', '+ Punkt\n', '{{< hinweis >}}x{{< /hinweis >}}\n', '{offen\n', '---\ntitle: T\n---\n', '--- # Kommentar\ntitle: T\n---\n', '----\ntitle: T\n---\n', '+++ x = 1\ntitle = "T"\n+++\n', '---\nTitle: Gross\n---\n', '{\n  "title": "Komma",\n}\n', '{\n  "title": "A"\n  "b": 1\n}\n', '<div>Kasten</div>\n', '<!-- c -->\nText.\n'];
    const kinds = new Set<string | undefined>();
    for (const text of openings) {
      for (const generator of ['hugo', 'docusaurus', undefined] as const) {
        const document = closedDocument('file:///g/content/Anfang.md', text, generator);
        assert.deepStrictEqual(roundTrip(document), document, `${generator}: ${JSON.stringify(text)}`);
        kinds.add(document.hugoOpeningProblem?.kind);
      }
    }
    assert.deepEqual([...kinds].sort(), ['html-comment-unclosed', 'json-invalid', 'json-unclosed', 'plain-html', 'toml-delimiter', 'yaml-delimiter', undefined]);
    assert.deepEqual(openings.map((text) => closedDocument('file:///g/content/Anfang.md', text, 'hugo').hugoOpeningProblem?.mistake).filter((mistake) => mistake !== undefined), [ParseErrorCode.PropertyNameExpected, 'trailing-comma', ParseErrorCode.CommaExpected]);
  });

  it('keeps ranges exact however far into a file they lie: past line 32,767 and past character 65,535', () => {
    const text = `---\nid: Weit\n---\n# Weit\n${'Zeile\n'.repeat(40_000)}Ein [Link](./a.md) weit unten.\n${'x'.repeat(70_000)} und [noch einer](./b.md) weit rechts.\n`;
    const open = parseDocument('file:///g/Weit.md', text);
    const linkRanges = (document: ParsedDocument) => document.body.links.map((link) => JSON.parse(JSON.stringify([link.range, link.textRange, link.targetRange])));
    const expected = linkRanges(open);
    assert.deepEqual(expected.map(([range]) => range.start), [{ line: 40_004, character: 4 }, { line: 40_005, character: 70_005 }]);
    const document = closed('file:///g/Weit.md', text);
    assert.deepEqual(linkRanges(document), expected);
    assert.deepEqual(linkRanges(roundTrip(document)), expected);
    assert.deepStrictEqual(roundTrip(document), document);
  });

  it('gives back exactly the closed document of 1,000 mangled corpus files', () => {
    const random = new Random(4122026);
    const corpus = loadCorpus();
    const pieces = ['---\n', '\n---\n', '[', ']', '](', ')', '[[', '|', ']]', '\r', '\r\n', '\u0000', '\ud800', '"', "'", ': ', '\n- ', '{', '}', '&a', '*a', '!!str ', '<!--', '-->', ' markdown-glossary-disable ', '`', '```\n', '# ', '**', 'ä', '😀', '\t'];
    for (let n = 0; n < 1000; n++) {
      let text = random.pick(corpus);
      for (let edits = 1 + random.int(6); edits > 0; edits--) {
        const at = random.int(Math.min(text.length + 1, 400));
        text = text.slice(0, at) + random.pick(pieces) + text.slice(at + (random.chance(0.3) ? random.int(5) : 0));
      }
      const document = closed(`file:///g/m/E${n}.md${random.chance(0.2) ? 'x' : ''}`, text);
      assert.deepStrictEqual(roundTrip(document), document, JSON.stringify(text.slice(0, 200)));
    }
  });

  it('keeps what JSON has no notation for in front-matter values', () => {
    const document = roundTrip(closed('file:///g/Zahlen.md', EDGE_CASES[0]));
    const values = new Map(document.frontMatter!.fields.map((field) => [field.key, field.value]));
    assert.ok(Number.isNaN(values.get('nan')));
    assert.equal(values.get('inf'), Infinity);
    assert.equal(values.get('neg'), -Infinity);
    assert.ok(Object.is(values.get('zero'), -0));
    assert.equal(values.get('nothing'), null);
    assert.ok(values.has('empty') && values.get('empty') === null);
    assert.equal(values.get('__proto__'), 'kein Prototyp');
    const nested = values.get('nested') as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(nested), Object.prototype);
    assert.deepStrictEqual(Object.getOwnPropertyDescriptor(nested, '__proto__')?.value, { c: 1 });
  });

  it("keeps YAML's dates and bytes, at any depth", () => {
    const text = EDGE_CASES.find((candidate) => candidate.includes('Zeiten'))!;
    const document = roundTrip(closed('file:///g/Zeiten.md', text));
    const values = new Map(document.frontMatter!.fields.map((field) => [field.key, field.value]));
    assert.deepStrictEqual(values.get('expirydate'), new Date('2001-01-01T00:00:00Z'));
    assert.deepStrictEqual(values.get('bytes'), Buffer.from('hello'));
    assert.deepStrictEqual(values.get('cascade'), { expiryDate: new Date('2001-12-15T02:59:43.100Z'), list: [Buffer.from('hi'), new Date('2002-02-02T00:00:00Z')] });
  });

  it('holds every value the parser reads, JSON and TOML front matter past the bounds of YAML left unread as in YAML', () => {
    const deep = closed('file:///g/Tief.md', `{\n"title": "Tief",\n"x": ${'['.repeat(20_000)}${']'.repeat(20_000)},\n"y": [[1]]\n}\n# Tief\n`);
    const wide = closed('file:///g/Breit.md', `+++\ntitle = "Breit"\nx = [${Array(10_001).fill(1).join(',')}]\n+++\n`);
    for (const document of [deep, wide]) {
      const values = new Map(document.frontMatter!.fields.map((field) => [field.key, field.value]));
      assert.ok(values.has('x') && values.get('x') === undefined, document.uri);
      assert.deepStrictEqual(roundTrip(document), document);
    }
    assert.equal(deep.term?.title, 'Tief');
    assert.deepStrictEqual(deep.frontMatter!.fields.find((field) => field.key === 'y')?.value, [[1]]);
  });

  it("does not encode a value YAML's aliases write out to megabytes: such a file is parsed again rather than cached", () => {
    // One string of 20,000 characters, repeated a thousand times and more through aliases: 20 million characters written out.
    let text = `---\ntitle: Bombe\nx: &a "${'ä'.repeat(20_000)}"\n`;
    for (const [name, inner] of [['b', 'a'], ['c', 'b'], ['d', 'c']]) text += `${name}: &${name} [${Array(10).fill(`*${inner}`).join(',')}]\n`;
    const bomb = closed('file:///g/Bombe.md', `${text}e: [${Array(7).fill('*d').join(',')}]\n---\n# Bombe\n`);
    assert.equal((bomb.frontMatter!.fields.find((field) => field.key === 'd')?.value as unknown[]).length, 10);
    assert.throws(() => encodeClosedDocument(bomb), DocumentCodecError);
    // Or in many fields, each under a million characters: the document's values count together.
    const fields = Array.from({ length: 40 }, (_, n) => `f${n}: *b`).join('\n');
    const wide = closed('file:///g/Breit.md', `---\ntitle: Breit\nx: &a "${'ä'.repeat(40_000)}"\nb: &b [${Array(24).fill('*a').join(',')}]\n${fields}\n---\n# Breit\n`);
    assert.equal(wide.frontMatter!.fields.length, 43);
    assert.throws(() => encodeClosedDocument(wide), DocumentCodecError);
  });

  it('refuses data it does not make, whatever it is, with its own error', () => {
    const good = encodeClosedDocument(closed('file:///g/A.md', EDGE_CASES[1]));
    const refused = (data: unknown, why: string) => assert.throws(() => decodeClosedDocument('file:///g/A.md', data), DocumentCodecError, why);
    refused(undefined, 'nothing');
    refused({}, 'an object');
    refused(good.slice(0, 5), 'truncated');
    refused([...good, 0], 'longer');
    const withTerm = (change: (term: unknown[]) => void) => {
      const copy = structuredClone(good);
      change(copy[3] as unknown[]);
      return copy;
    };
    refused(withTerm((term) => (term[7] = 99)), 'a heading that is not there');
    refused(withTerm((term) => (term[2] = 42)), 'a title that is not a string');
    refused(withTerm((term) => (term[8] = [0, 0, -1, 0])), 'a range ending before it starts');
    refused(withTerm((term) => (term[8] = [0, 0.5, 1, 0])), 'a character that is not a count');
    const withDiagnostic = structuredClone(good);
    withDiagnostic[4] = [[0, 0, 0, 1, 'error', 'no-such-rule', 'm', 0, 0, 0, 0]];
    refused(withDiagnostic, 'an unknown rule');
    const deep = structuredClone(good);
    let value: unknown = 'x';
    for (let depth = 0; depth < 100; depth++) value = [0, value];
    ((deep[0] as unknown[])[4] as unknown[][])[0][5] = value;
    refused(deep, 'a value nested deeper than YAML is read');
    const wide = structuredClone(good);
    ((wide[0] as unknown[])[4] as unknown[][])[0][5] = [0, ...Array.from({ length: 20_000 }, () => 1)];
    refused(wide, 'a value larger than YAML is read');
  });

  it('never fails otherwise on random changes to the data', () => {
    const random = new Random(20261204);
    const samples = [...loadCorpus().slice(0, 40), ...EDGE_CASES].map((text, n) => encodeClosedDocument(closed(`file:///g/E${n}.md`, text)));
    const junk = () => random.pick<unknown>([null, 0, -1, 1.5, 7, '', 'x', true, [], {}, [0], [1, 'k'], [2], [9], 'error', 'broken-link']);
    for (let round = 0; round < 3000; round++) {
      const data = structuredClone(random.pick(samples));
      // Walk to a random array inside and replace, drop or add one element.
      let place: unknown[] = data;
      while (random.chance(0.6)) {
        const inner = place.filter(Array.isArray) as unknown[][];
        if (inner.length === 0) break;
        place = random.pick(inner);
      }
      const at = random.int(place.length + 1);
      const change = random.int(3);
      if (change === 0) place[at] = junk();
      else if (change === 1) place.splice(at, 1);
      else place.splice(at, 0, junk());
      try {
        decodeClosedDocument('file:///g/E.md', data);
      } catch (error) {
        assert.ok(error instanceof DocumentCodecError, `round ${round}: ${(error as Error).stack}`);
      }
    }
  });
});
