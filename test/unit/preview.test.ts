/**
 * The glossary in VS Code's Markdown preview: markdown-it (as VS Code passes it) with the plugin,
 * fed the marks the server's feature gives for the text rendered.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { carriedOver, glossaryPreview, type MarkdownIt, type MarksFor, type Token } from '../../client/src/previewPlugin';
import { LineIndex } from '../../server/src/common/text';
import { fileUri } from '../../server/src/common/uris';
import { previewMarks, type PreviewMarks } from '../../server/src/features/preview';
import { termTokens } from '../../server/src/features/semanticTokens';
import { GlossaryIndex } from '../../server/src/index/glossaryIndex';
import { parseDocument } from '../../server/src/parsing/document';
import { entry, glossaryOf, ROOT } from './glossary';

// markdown-it has no type definitions; the plugin's own description of it is enough here.
const markdownIt = require('markdown-it') as (options?: object) => MarkdownIt & { render(text: string, env?: object): string; parse(text: string, env: object): Token[] };

const index = glossaryOf({
  'glossar/Nearshoring.md': entry('Nearshoring', 'Nearshoring', 'Verlagerung in nahe Länder.'),
  'glossar/Offshoring.md': entry('Offshoring', 'Offshoring', 'Verlagerung in ferne Länder.', '[Begriffe]', 'aliases: [Offshore-Outsourcing]\n'),
  'glossar/Risiko.md': entry('Risiko', 'Risiko', 'Gefahr, dass "A" < B & C > D.'),
  'glossar/Service-Level-Agreement.md': entry('Service-Level-Agreement', 'Service Level Agreement', 'Vereinbarung über Leistungen.'),
  'glossar/Backsourcing.md': entry('Backsourcing', 'Backsourcing', 'Die Umkehr des [Offshorings](Offshoring.md) oder des `[[Nearshoring]]`, *schnell*.'),
});

/** The server's answer for a text, as the client gets it (through JSON). */
const fromServer: MarksFor = (text, uri) => {
  const lines = new LineIndex(text);
  return JSON.parse(JSON.stringify(previewMarks(index, parseDocument(uri ?? 'untitled:preview.md', text, lines), lines))) as PreviewMarks;
};

function render(text: string, marksFor: MarksFor = fromServer, uri = `${ROOT}/notizen/a.md`): string {
  return glossaryPreview(markdownIt(), marksFor).render(text, { currentDocument: { toString: () => uri } });
}

describe('the Markdown preview plugin', () => {
  it('renders wiki links as links to the term file, relative to the document, with the definition as title', () => {
    const html = render('Siehe [[Nearshoring]] und [[Offshore-Outsourcing|die Ferne]].\n');
    assert.match(html, /<a href="\.\.\/glossar\/Nearshoring\.md" data-href="\.\.\/glossar\/Nearshoring\.md" class="glossary-link" title="Nearshoring\nVerlagerung in nahe Länder\.">Nearshoring<\/a>/);
    assert.match(html, /<a href="\.\.\/glossar\/Offshoring\.md" [^>]*title="Offshoring \(Offshore-Outsourcing\)\nVerlagerung in ferne Länder\.">die Ferne<\/a>/);
    assert.doesNotMatch(html, /\[\[/);
  });

  it('shows a wiki link that names no term as unresolved, with the reason', () => {
    const html = render('Siehe [[Farshoring]].\n');
    assert.match(html, /<span class="glossary-unresolved" title="No glossary entry at &quot;Farshoring&quot;\.">\[\[Farshoring\]\]<\/span>/);
  });

  it('marks mentions in prose, emphasis, lists and quotes with the definition, and links to terms', () => {
    const html = render('Wir prüfen Nearshoring.\n\n- *Offshoring* ist teurer\n\n> Das Nearshoring\n> bleibt.\n\nMehr zum [Thema](../glossar/Offshoring.md).\n');
    assert.equal(html.match(/<abbr class="glossary-mention" title="Nearshoring\nVerlagerung in nahe Länder\.">Nearshoring<\/abbr>/g)?.length, 2);
    assert.match(html, /<em><abbr class="glossary-mention" title="Offshoring[^"]*">Offshoring<\/abbr><\/em>/);
    assert.match(html, /<a href="\.\.\/glossar\/Offshoring\.md" class="glossary-link" title="Offshoring \(Offshore-Outsourcing\)\nVerlagerung in ferne Länder\.">Thema<\/a>/);
  });

  it('marks a name broken across lines as one mention', () => {
    const html = render('Im Service Level\nAgreement steht *das* Service\nLevel Agreement.\n');
    assert.equal(html.match(/<abbr class="glossary-mention" title="Service Level Agreement\nVereinbarung über Leistungen\.">Service Level\nAgreement<\/abbr>/g)?.length, 1, html);
    assert.match(html, /<abbr class="glossary-mention" title="Service Level Agreement[^"]*">Service\nLevel Agreement<\/abbr>/);
  });

  it('marks table cells, each in its own place', () => {
    const html = render('| Begriff | Siehe |\n|---|---|\n| Offshoring | Nearshoring, [[Offshoring]] |\n');
    assert.match(html, /<td><abbr class="glossary-mention" title="Offshoring[^"]*">Offshoring<\/abbr><\/td>/);
    assert.match(html, /<td><abbr class="glossary-mention" title="Nearshoring[^"]*">Nearshoring<\/abbr>, <a href="\.\.\/glossar\/Offshoring\.md"[^>]*>Offshoring<\/a><\/td>/);
  });

  it('marks the text of a link by reference to a term, not the definition of its label', () => {
    const html = render('Mehr zum [Thema][o] und [Nearshoring].\n\n[o]: ../glossar/Offshoring.md\n[nearshoring]: ../glossar/Nearshoring.md\n');
    assert.match(html, /<a href="\.\.\/glossar\/Offshoring\.md" class="glossary-link" title="Offshoring[^"]*">Thema<\/a>/);
    assert.match(html, /<a href="\.\.\/glossar\/Nearshoring\.md" class="glossary-link" title="Nearshoring[^"]*">Nearshoring<\/a>/);
    const text = 'Mehr zum [Thema][o].\n\n[o]: ../glossar/Offshoring.md\n';
    const lines = new LineIndex(text);
    const tokens = termTokens(index, parseDocument(`${ROOT}/notizen/a.md`, text, lines), lines);
    assert.deepEqual(tokens, [{ line: 0, character: 10, length: 5 }], 'highlighted as the text of an inline link is');
    const quoted = '> Mehr zum [Off-\n> shoring][o].\n\n[o]: ../glossar/Offshoring.md\n';
    const quotedLines = new LineIndex(quoted);
    assert.deepEqual(termTokens(index, parseDocument(`${ROOT}/notizen/a.md`, quoted, quotedLines), quotedLines), [{ line: 0, character: 12, length: 4 }, { line: 1, character: 2, length: 7 }], 'not the quote\'s marker');
  });

  it('leaves code, code blocks and link texts alone, as the editor does', () => {
    const html = render('`Nearshoring` und `[[Nearshoring]]`\n\n```\nNearshoring [[Nearshoring]]\n```\n\n    Nearshoring\n\n[Nearshoring](https://example.com)\n');
    assert.doesNotMatch(html, /glossary-/);
    assert.match(html, /<code>\[\[Nearshoring\]\]<\/code>/);
  });

  it('leaves a term file\'s own heading alone and shows only what the editor recognises', () => {
    const text = '---\nid: Nearshoring\ntitle: Nearshoring\n---\n\n# Nearshoring\n\n**Nearshoring ist nah.**\n';
    const html = render(text, fromServer, `${ROOT}/glossar/Nearshoring.md`);
    assert.match(html, /<h1>Nearshoring<\/h1>/);
  });

  it('shows a definition as plain text: link texts without their targets, no code marks', () => {
    assert.match(render('Das Backsourcing.\n'), /title="Backsourcing\nDie Umkehr des Offshorings oder des Nearshoring, \*schnell\*\.">Backsourcing<\/abbr>/);
  });

  it('escapes titles and definitions from the workspace in attributes', () => {
    const html = render('Das Risiko.\n');
    assert.match(html, /title="Risiko\nGefahr, dass &quot;A&quot; &lt; B &amp; C &gt; D\.">Risiko<\/abbr>/);
    const hostile: PreviewMarks = {
      terms: [{ href: '"><script>x</script>', tooltip: '"><img src=x onerror=alert(1)>' }],
      marks: [{ kind: 'wikiLink', start: 0, end: 5, terms: [0], text: '<b>' }],
    };
    const escaped = render('[[x]]\n', () => hostile);
    assert.doesNotMatch(escaped, /<script|<img|<b>/);
    assert.match(escaped, /title="&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;">&lt;b&gt;<\/a>/);
  });

  it('renders plainly while the server has not answered, and never a link the preview may not follow', () => {
    assert.equal(render('Siehe [[Nearshoring]].\n', () => undefined), '<p>Siehe [[Nearshoring]].</p>\n');
    const script: PreviewMarks = { terms: [{ href: 'javascript:alert(1)', tooltip: 't' }], marks: [{ kind: 'wikiLink', start: 0, end: 5, terms: [0], text: 'x' }] };
    assert.equal(render('[[x]]\n', () => script), '<p><abbr class="glossary-mention" title="t">x</abbr></p>\n');
  });

  it('marks on the real corpora what the editor highlights, except where markdown-it shows raw HTML or code', () => {
    let compared = 0;
    for (const folder of ['content', 'test/corpora/platinus-glossar', 'test/corpora/cncf-glossary', 'test/corpora/mlg-glossary']) {
      const root = path.join(__dirname, '..', '..', folder);
      const texts = new Map(
        readdirSync(root, { recursive: true, encoding: 'utf8' })
          .filter((file) => file.endsWith('.md'))
          .map((file) => [fileUri(path.join(root, file)), readFileSync(path.join(root, file), 'utf8').replace(/\r\n/g, '\n')]),
      );
      const corpus = new GlossaryIndex();
      for (const [uri, text] of texts) corpus.setDocument(uri, text);
      const differences: string[] = [];
      for (const [uri, text] of texts) {
        const lines = new LineIndex(text);
        const document = parseDocument(uri, text, lines);
        const marks = previewMarks(corpus, document, lines);
        // VS Code hides the front matter; blanked here, the offsets stay.
        const shown = text.replace(/^---\n[\s\S]*?\n---\n/, (frontMatter) => frontMatter.replace(/[^\n]/g, ' '));
        const verbatim = new Set<number>();
        for (const block of markdownIt({ html: true }).parse(shown, {})) {
          if (['html_block', 'code_block', 'fence'].includes(block.type) && block.map !== null) for (let line = block.map[0]; line < block.map[1]; line++) verbatim.add(line);
        }
        const highlighted = termTokens(corpus, document, lines)
          .filter((token) => !verbatim.has(token.line))
          .map((token) => lines.lineText(token.line).slice(token.character, token.character + token.length));
        const html = glossaryPreview(markdownIt({ html: true }), () => marks).render(shown, { currentDocument: { toString: () => uri } });
        const marked = [...html.matchAll(/<(abbr|a) [^>]*class="glossary-(?:mention|link)"[^>]*>([^<]*)<\/\1>/g)].flatMap((match) => match[2].split('\n'));
        compared += marked.length;
        if (JSON.stringify(marked.sort()) !== JSON.stringify(highlighted.sort())) differences.push(`${uri}: preview ${JSON.stringify(marked)}, editor ${JSON.stringify(highlighted)}`);
      }
      assert.deepEqual(differences, [], folder);
    }
    assert.ok(compared > 2500, `${compared} marks`);
  });

  it('carries the marks of the previous text over an edit until the server answers', () => {
    const before = 'Nearshoring und Offshoring.\n';
    const after = 'Nearshoring, also Offshoring.\n';
    const carried = carriedOver(fromServer(before, `${ROOT}/notizen/a.md`)!, before, after);
    assert.deepEqual(carried.marks.map((mark) => after.slice(mark.start, mark.end)), ['Nearshoring', 'Offshoring']);
    const html = render(after, () => carried);
    assert.equal(html.match(/glossary-mention/g)?.length, 2);
  });
});
