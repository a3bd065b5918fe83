/**
 * Protocol tests on real glossaries written by others (read-only): the bundled server
 * (dist/server.js) with a corpus as its workspace folder, hovering real text as a user would.
 * Build first: `node esbuild.mjs`. The corpora are in test/corpora.
 *
 * Facts about the corpora these tests rely on (checked with grep):
 * - platinus-glossar: 143 *.md below docs/10-Glossar/<Letter>-Glossar/, linked by routes
 *   /docs/Glossar/<Letter>-Glossar/<id>/. Ids that differ from the file name:
 *   Dokumentenlebenzyklus.md has id Dokumentenlebenszyklus, Documentation-as-Code.md has id
 *   "Doc-as-Code " (trailing blank). Duplicated ids: "Stakeholder" (Stakeholder.md and Standards.md,
 *   both titled Stakeholder) and "BPI" (BPI.md and Business-Analyse.md). Broken routes:
 *   /docs/Glossar/A-Glossar/Aufzeichnungen/ (no such id) and two /docs/References/BPM-OHB/... routes.
 * - cncf-glossary: content/en (90 files) and content/de (18 files), no id key: the file name is
 *   the id, so the 16 German translations share their ids with the English originals. en/cluster.md
 *   and de/cluster.md both declare tags, so both are entries with the id "cluster" whatever rule
 *   makes a file an entry. Two English files use CRLF line breaks.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Range } from 'vscode-languageserver-protocol/node';
import { existingFolder, positionOf } from '../support/fixtures';
import { hoverText, LspClient, REPO_ROOT } from '../support/lspClient';

const CORPORA = path.join(REPO_ROOT, 'test', 'corpora');
const PLATINUS_ROOT = path.join(CORPORA, 'platinus-glossar');
const CNCF_ROOT = path.join(CORPORA, 'cncf-glossary');

/** The range of the n-th occurrence of `needle` in `text`. */
function rangeOf(text: string, needle: string, occurrence = 0): Range {
  return { start: positionOf(text, needle, 0, occurrence), end: positionOf(text, needle, needle.length, occurrence) };
}

function requireCorpus(root: string): void {
  assert.ok(fs.existsSync(root), `corpus missing: ${root} (test/corpora, copied from ../shared/corpora)`);
}

/** The parts of a hover that describes several terms, one per term. */
const hoverParts = (markdown: string) => markdown.split('\n\n---\n\n');

/**
 * A server on a read-only corpus for one describe block: started before its tests, shut down
 * after; `open` sends a corpus file's real text to the server once and returns it.
 */
function corpusSession(root: string) {
  const corpus = existingFolder(root);
  const read = (rel: string) => fs.readFileSync(corpus.path(rel), 'utf8');
  const opened = new Set<string>();
  let client: LspClient | undefined;
  before(async () => {
    requireCorpus(root);
    client = await LspClient.start({ workspaceFolders: [corpus.root] });
    await client.waitForIndex(15_000);
  });
  after(async () => {
    await client?.shutdown();
  });
  return {
    corpus,
    read,
    client: () => client!,
    async open(rel: string): Promise<string> {
      const text = read(rel);
      if (!opened.has(rel)) {
        await client!.open(corpus.uri(rel), text);
        opened.add(rel);
      }
      return text;
    },
  };
}

describe('the platinus glossary (German, Docusaurus routes)', () => {
  const session = corpusSession(PLATINUS_ROOT);
  const { corpus, open } = session;
  const D = 'docs/10-Glossar/D-Glossar';
  const fileUri = (rel: string) => corpus.uri(rel);
  let client: LspClient;
  before(() => (client = session.client()));

  it('indexes all 143 Markdown files (the 17 files without extension are ignored)', async () => {
    assert.equal(await client.waitForIndex(), 143);
  });

  it('hovering a route link, on its text and on its target, shows the linked term over the whole link', async () => {
    const rel = `${D}/Dokumentenlebenzyklus.md`;
    const text = await open(rel);
    const link = '[Dokumentenlenkung](/docs/Glossar/D-Glossar/Dokumentenlenkung/)';
    const linkRange = rangeOf(text, link);
    assert.equal(linkRange.start.line, 12);
    for (const position of [positionOf(text, link, 5), positionOf(text, link, link.indexOf('D-Glossar')), positionOf(text, link, link.length - 2)]) {
      const hover = await client.hover(fileUri(rel), position);
      const markdown = hoverText(hover);
      assert.ok(
        markdown.startsWith(
          '**Dokumentenlenkung**\n\nHinter dem Begriff **Dokumentenlenkung** verbirgt sich die Festlegung, auf welche Art und Weise Dokumente innerhalb einer Organisation oder eines Unternehmens erstellt, bearbeitet, geprüft, freigegeben und verteilt werden.',
        ),
        `${JSON.stringify(position)}: ${markdown}`,
      );
      assert.ok(markdown.includes('Tags: `Begriffe` · `BPM` · `IM` · `PM`'), markdown);
      assert.ok(markdown.includes(`[Open Dokumentenlenkung.md](${fileUri(`${D}/Dokumentenlenkung.md`)})`), markdown);
      assert.deepEqual(hover!.range, linkRange, JSON.stringify(position));
    }
  });

  it('resolves a route by the front-matter id, not the file name (Dokumentenlebenszyklus -> Dokumentenlebenzyklus.md)', async () => {
    const rel = `${D}/Dokumentationsmanagement.md`;
    const text = await open(rel);
    const link = '[Dokumentenlebenszyklus](/docs/Glossar/D-Glossar/Dokumentenlebenszyklus/)';
    for (const offset of [3, link.indexOf('Dokumentenlebenszyklus/)') + 4]) {
      const hover = await client.hover(fileUri(rel), positionOf(text, link, offset));
      const markdown = hoverText(hover);
      // The title is written "Dokumentenlebenszyklus " with a trailing blank; YAML drops it.
      // Its definition is the first paragraph of words, not the English subtitle (`*Document Lifecycle*`) above it.
      assert.ok(markdown.startsWith('**Dokumentenlebenszyklus**\n\nDokumente durchlaufen einen Lebenzyklus. '), markdown);
      assert.ok(markdown.includes('Tags: `Begriffe` · `IM` · `IT-Dokumentation`'), markdown);
      assert.ok(markdown.includes(`[Open Dokumentenlebenzyklus.md](${fileUri(`${D}/Dokumentenlebenzyklus.md`)})`), markdown);
      assert.deepEqual(hover!.range, rangeOf(text, link));
    }
  });

  it('resolves a route to an id written with a trailing blank (Doc-as-Code -> Documentation-as-Code.md)', async () => {
    const rel = `${D}/Dokumentensteckbrief.md`;
    const text = await open(rel);
    const link = '[Doc-as-Code-Ansatz](/docs/Glossar/D-Glossar/Doc-as-Code/)';
    const hover = await client.hover(fileUri(rel), positionOf(text, link, link.indexOf('Doc-as-Code/')));
    const markdown = hoverText(hover);
    assert.ok(
      markdown.startsWith('**Documentation-as-Code**\n\n*Webbasierter Dokumentations-Methode für verteilte Teams für technische Informationen*.'),
      markdown,
    );
    assert.ok(markdown.includes(`[Open Documentation-as-Code.md](${fileUri(`${D}/Documentation-as-Code.md`)})`), markdown);
    assert.deepEqual(hover!.range, rangeOf(text, link));
    assert.equal(hover!.range!.start.line, 85);
  });

  it('a link whose text differs from the title shows the linked term (Dokumentenbereiches -> Dokumentenklasse)', async () => {
    const rel = `${D}/Dokumentenlebenzyklus.md`;
    const text = await open(rel);
    const link = '[Dokumentenbereiches](/docs/Glossar/D-Glossar/Dokumentenklasse/)';
    const hover = await client.hover(fileUri(rel), positionOf(text, link, 4));
    const markdown = hoverText(hover);
    assert.ok(markdown.startsWith('**Dokumentenklasse**\n\n'), markdown);
    assert.ok(markdown.includes(`[Open Dokumentenklasse.md](${fileUri(`${D}/Dokumentenklasse.md`)})`), markdown);
    assert.deepEqual(hover!.range, rangeOf(text, link));
  });

  it('the definition of a term that opens with a Docusaurus admonition is its text, not the ":::info" marker', async () => {
    // Dokumentenklasse.md: "# Dokumentenklasse - Dokumentenbereich", then ":::info", "<h3>Die Dokumentenklassen
    // dienen der Unterscheidung von Dokumenten nach organisatorischen Kriterien.</h3>", ":::", then the prose.
    const rel = `${D}/Dokumentenlebenzyklus.md`;
    const text = await open(rel);
    const link = '[Dokumentenbereiches](/docs/Glossar/D-Glossar/Dokumentenklasse/)';
    const markdown = hoverText(await client.hover(fileUri(rel), positionOf(text, link, 4)));
    const definition = markdown.split('\n\n')[1];
    assert.ok(!definition.startsWith(':::'), `the admonition marker is shown as the definition: ${JSON.stringify(definition)}`);
    assert.ok(definition.includes('dienen der Unterscheidung von Dokumenten'), markdown);
  });

  it('hovering a route with an #anchor and no trailing slash shows the term', async () => {
    const rel = `${D}/Dokumentationskonzept.md`;
    const text = await open(rel);
    const link = '[Dokumentenlenkungs-Stufen](/docs/Glossar/D-Glossar/Dokumentenlenkung#was-sind-die-klassischen-doumentenlenkungsstufen)';
    for (const offset of [5, link.indexOf('#was') + 4]) {
      const hover = await client.hover(fileUri(rel), positionOf(text, link, offset));
      const markdown = hoverText(hover);
      assert.ok(markdown.startsWith('**Dokumentenlenkung**\n\nHinter dem Begriff **Dokumentenlenkung**'), markdown);
      assert.deepEqual(hover!.range, rangeOf(text, link));
    }
  });

  it('hovering a broken route (no term with id Aufzeichnungen) shows nothing', async () => {
    const rel = `${D}/Dokumente.md`;
    const text = await open(rel);
    const link = '[Aufzeichnung](/docs/Glossar/A-Glossar/Aufzeichnungen/)';
    assert.equal(await client.hover(fileUri(rel), positionOf(text, link, 3)), null);
    assert.equal(await client.hover(fileUri(rel), positionOf(text, link, link.indexOf('Aufzeichnungen/'))), null);
  });

  it('hovering a plain mention in prose (Dokumente) shows that term, over the word', async () => {
    const rel = `${D}/Dokumentenlebenzyklus.md`;
    const text = await open(rel);
    const sentence = 'Dokumente durchlaufen einen Lebenzyklus.';
    const hover = await client.hover(fileUri(rel), positionOf(text, sentence, 4));
    const markdown = hoverText(hover);
    assert.ok(markdown.startsWith('**Dokumente**\n\nKlar denkt man sich zunächst – was für eine Frage – Dokumente natürlich!'), markdown);
    // The first paragraph is long: it is cut after a whole sentence.
    assert.ok(markdown.includes('die zunehmende Informationsfülle. …'), markdown);
    assert.ok(markdown.includes(`[Open Dokumente.md](${fileUri(`${D}/Dokumente.md`)})`), markdown);
    assert.deepEqual(hover!.range, { start: positionOf(text, sentence), end: positionOf(text, sentence, 'Dokumente'.length) });
    assert.deepEqual(hover!.range, { start: { line: 12, character: 0 }, end: { line: 12, character: 9 } });
    // The next word is no term.
    assert.equal(await client.hover(fileUri(rel), positionOf(text, sentence, 'Dokumente durch'.length)), null);
  });

  it('hovering inflected mentions ("eines bestimmtes Dokumentes", "für Geschäftsprozesse") shows the base terms', async () => {
    const lifecycle = `${D}/Dokumentenlebenzyklus.md`;
    const lifecycleText = await open(lifecycle);
    const genitive = 'eines bestimmtes Dokumentes.';
    const dokumentes = await client.hover(fileUri(lifecycle), positionOf(lifecycleText, genitive, 20));
    assert.ok(hoverText(dokumentes).startsWith('**Dokumente**\n\n'), hoverText(dokumentes));
    assert.deepEqual(dokumentes!.range, {
      start: positionOf(lifecycleText, genitive, 'eines bestimmtes '.length),
      end: positionOf(lifecycleText, genitive, genitive.length - 1),
    });

    const analysis = 'docs/10-Glossar/B-Glossar/Business-Analyse.md';
    const analysisText = await open(analysis);
    const plural = 'Business Analysten für Geschäftsprozesse';
    const process = await client.hover(fileUri(analysis), positionOf(analysisText, plural, plural.length - 3));
    const markdown = hoverText(process);
    // Title with an umlaut, id "geschaeftsprozess", file Geschaeftsprozess.md.
    assert.ok(markdown.startsWith('**Geschäftsprozess**\n\n*Business Process* = *Geschäftsprozess = Geschäft + Prozess*'), markdown);
    assert.ok(markdown.includes(`[Open ../G-Glossar/Geschaeftsprozess.md](${fileUri('docs/10-Glossar/G-Glossar/Geschaeftsprozess.md')})`), markdown);
    assert.deepEqual(process!.range, {
      start: positionOf(analysisText, plural, plural.length - 'Geschäftsprozesse'.length),
      end: positionOf(analysisText, plural, plural.length),
    });
  });

  it('a mention of a name two entries share (id and title "Stakeholder") shows both entries', async () => {
    const rel = 'docs/10-Glossar/B-Glossar/Business-Analyse.md';
    const text = await open(rel);
    const phrase = 'zwischen unterschiedlichen Stakeholdern zu vermitteln';
    const start = 'zwischen unterschiedlichen '.length;
    const hover = await client.hover(fileUri(rel), positionOf(text, phrase, start + 3));
    const parts = hoverParts(hoverText(hover));
    assert.equal(parts.length, 2, hoverText(hover));
    const stakeholder = parts.find((part) => part.includes(`(${fileUri('docs/10-Glossar/S-Glossar/Stakeholder.md')})`));
    const standards = parts.find((part) => part.includes(`(${fileUri('docs/10-Glossar/S-Glossar/Standards.md')})`));
    assert.ok(stakeholder !== undefined && standards !== undefined, hoverText(hover));
    assert.ok(stakeholder.startsWith('**Stakeholder**'), stakeholder);
    assert.ok(standards.startsWith('**Stakeholder**'), standards);
    assert.ok(stakeholder.includes('Tags: `Begriffe` · `BOM` · `IM` · `PM`'), stakeholder);
    assert.deepEqual(hover!.range, { start: positionOf(text, phrase, start), end: positionOf(text, phrase, start + 'Stakeholdern'.length) });
  });

  it('a definition below a thematic break ("------" after the H1) is the paragraph, not the break', async () => {
    // Standards.md: "# Standards", "", "------", "", "Wie bei allen Standards gibt es ... zwei Sichtweisen: ".
    const rel = 'docs/10-Glossar/B-Glossar/Business-Analyse.md';
    const text = await open(rel);
    const phrase = 'zwischen unterschiedlichen Stakeholdern zu vermitteln';
    const hover = await client.hover(fileUri(rel), positionOf(text, phrase, 'zwischen unterschiedlichen '.length + 3));
    const standards = hoverParts(hoverText(hover)).find((part) => part.includes(`(${fileUri('docs/10-Glossar/S-Glossar/Standards.md')})`));
    assert.ok(standards, hoverText(hover));
    assert.ok(!standards.includes('------'), `a thematic break is shown as the definition:\n${standards}`);
    assert.ok(
      standards.includes('**Stakeholder**\n\nWie bei allen Standards gibt es auch hinsichtlich der Standardisierung für PPM zwei Sichtweisen:'),
      standards,
    );
  });
});

describe('the CNCF glossary (English and German, site-root routes, CRLF files)', () => {
  const session = corpusSession(CNCF_ROOT);
  const { corpus, read, open } = session;
  let client: LspClient;
  before(() => (client = session.client()));

  it('indexes all 108 Markdown files (90 English including style-guide/_index.md, 18 German)', async () => {
    assert.equal(await client.waitForIndex(), 108);
  });

  it('hovering a site-root route link (/container/) shows the term named by the file, over the whole link', async () => {
    const rel = 'content/en/pod.md';
    const text = await open(rel);
    const link = '[containers](/container/)';
    for (const offset of [3, link.indexOf('/container/') + 3]) {
      const hover = await client.hover(corpus.uri(rel), positionOf(text, link, offset));
      const markdown = hoverText(hover);
      assert.ok(
        markdown.startsWith(
          "**Containers**\n\nA container is a running process with resource and capability constraints managed by a computer’s operating system. The files available to the container process are packaged as a container image.",
        ),
        markdown,
      );
      assert.ok(markdown.includes('Tags: `application` · `fundamental`'), markdown);
      assert.ok(markdown.includes(`[Open container.md](${corpus.uri('content/en/container.md')})`), markdown);
      assert.deepEqual(hover!.range, rangeOf(text, link));
    }
  });

  it('a German page links an English term by route (/service/ from de/service-mesh.md)', async () => {
    const rel = 'content/de/service-mesh.md';
    const text = await open(rel);
    const link = '[Services](/service/)';
    const hover = await client.hover(corpus.uri(rel), positionOf(text, link, 2));
    const markdown = hoverText(hover);
    // German has no Service: the hover says it shows the English entry.
    assert.ok(markdown.startsWith('**Service**\n\n*No translation in de; showing the en entry.*\n\nPlease note that in IT, service has multiple meanings.'), markdown);
    assert.ok(markdown.includes(`[Open ../en/service.md](${corpus.uri('content/en/service.md')})`), markdown);
    assert.deepEqual(hover!.range, rangeOf(text, link));
  });

  it('a route whose id two languages share (/cluster/) resolves, from an English page, to the English term', async () => {
    // en/cluster.md and de/cluster.md are both entries with the id "cluster" (file name).
    const rel = 'content/en/kubernetes.md';
    const text = await open(rel);
    const link = '[cluster](/cluster/)';
    const hover = await client.hover(corpus.uri(rel), positionOf(text, link, 3));
    const markdown = hoverText(hover);
    assert.deepEqual(hover?.range, rangeOf(text, link));
    assert.ok(markdown.startsWith('**Cluster**\n\nA cluster is a group of computers or applications called [nodes]('), markdown);
    assert.ok(markdown.includes(`[Open cluster.md](${corpus.uri('content/en/cluster.md')})`), markdown);
  });

  it('what a shared route id resolves to does not depend on which files happen to be open', async () => {
    const extra = await LspClient.start({ workspaceFolders: [corpus.root] });
    try {
      await extra.waitForIndex(15_000);
      const rel = 'content/en/kubernetes.md';
      const text = read(rel);
      await extra.open(corpus.uri(rel), text);
      const position = positionOf(text, '[cluster](/cluster/)', 3);
      const target = (markdown: string) => /\[Open [^\]]*\]\(([^)]*)\)$/.exec(markdown)?.[1];
      const first = target(hoverText(await extra.hover(corpus.uri(rel), position)));
      // Opening the German entry unchanged must not change where the English link goes.
      await extra.open(corpus.uri('content/de/cluster.md'), read('content/de/cluster.md'));
      const second = target(hoverText(await extra.hover(corpus.uri(rel), position)));
      assert.ok(first !== undefined);
      assert.equal(second, first);
    } finally {
      await extra.shutdown();
    }
  });

  it('hovering a plain mention in a CRLF file gives the range of the words on the right line', async () => {
    const rel = 'content/en/transport-layer-security.md';
    const text = await open(rel);
    assert.ok(text.includes('\r\n'), 'the file uses CRLF');
    const sentence = 'Transport Layer Security (TLS) is a protocol designed';
    const hover = await client.hover(corpus.uri(rel), positionOf(text, sentence, 'Transport Layer'.length - 2));
    const markdown = hoverText(hover);
    // The mention is the id (file name) transport-layer-security; the title adds "(TLS)".
    assert.ok(
      markdown.startsWith(
        '**Transport Layer Security (TLS)**\n\nTransport Layer Security (TLS) is a protocol designed to provide increased security to communication over a network. It ensures the secure delivery of data sent over the Internet, avoiding possible monitoring and/or alteration of the data. This protocol is widely used in applications such as messaging, e-mail, etc.\n\n',
      ),
      JSON.stringify(markdown),
    );
    assert.ok(!markdown.includes('\r'), JSON.stringify(markdown));
    const expected = { start: { line: 7, character: 0 }, end: { line: 7, character: 24 } };
    assert.deepEqual(positionOf(text, sentence), expected.start);
    assert.deepEqual(hover!.range, expected);
  });

  it('hovering a route link in a CRLF file gives the link range on the right line', async () => {
    const rel = 'content/en/mutual-transport-layer-security.md';
    const text = await open(rel);
    const link = '[Transport Layer Security](/transport-layer-security/)';
    const hover = await client.hover(corpus.uri(rel), positionOf(text, link, link.length - 5));
    assert.ok(hoverText(hover).startsWith('**Transport Layer Security (TLS)**\n\n'), hoverText(hover));
    assert.ok(hoverText(hover).includes(`[Open transport-layer-security.md](${corpus.uri('content/en/transport-layer-security.md')})`));
    assert.deepEqual(hover!.range, { start: { line: 8, character: 27 }, end: { line: 8, character: 81 } });
    assert.deepEqual(hover!.range, rangeOf(text, link));
    // Past the end of the line's text, on its "\r", there is no link.
    const lineLength = text.split('\n')[8].replace(/\r$/, '').length;
    assert.equal(await client.hover(corpus.uri(rel), { line: 8, character: lineLength }), null);
  });
});

describe('the demo glossary in content/: a link with an #anchor', () => {
  const content = existingFolder(path.join(REPO_ROOT, 'content'));
  let client: LspClient | undefined;

  after(async () => {
    await client?.shutdown();
  });

  it('hovering a relative link written with #anchor shows the linked term', async (t) => {
    const files = fs.readdirSync(content.root, { recursive: true, encoding: 'utf8' }).filter((rel) => rel.endsWith('.md')).sort();
    let found: { rel: string; text: string; link: string; target: string } | undefined;
    for (const rel of files) {
      const text = fs.readFileSync(content.path(rel.split(path.sep).join('/')), 'utf8');
      const match = /(?<!!)\[[^\]\n]+\]\(([^()\s#]+\.md)#[^()\s]+\)/.exec(text);
      if (match) {
        found = { rel: rel.split(path.sep).join('/'), text, link: match[0], target: path.posix.join(path.posix.dirname(rel.split(path.sep).join('/')), match[1]) };
        break;
      }
    }
    if (found === undefined) {
      t.skip('content/ has no link with an #anchor');
      return;
    }
    const targetText = fs.readFileSync(content.path(found.target), 'utf8');
    const title = /^title:\s*(.+?)\s*$/m.exec(targetText)?.[1] ?? /^# (.+?)\s*$/m.exec(targetText)![1];
    client = await LspClient.start({ workspaceFolders: [content.root] });
    await client.waitForIndex();
    await client.open(content.uri(found.rel), found.text);
    const hover = await client.hover(content.uri(found.rel), positionOf(found.text, found.link, found.link.indexOf('#') + 1));
    assert.ok(hoverText(hover).startsWith(`**${title}**`), hoverText(hover));
    assert.deepEqual(hover!.range, rangeOf(found.text, found.link));
  });
});
