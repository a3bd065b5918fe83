import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hover, MAX_DEFINITION_LENGTH, shortened } from '../../server/src/features/hover';
import { resolveTermLink } from '../../server/src/features/termLinks';
import { entry, glossaryOf, openAtCursor, ROOT } from './glossary';

/** A Docusaurus site: number prefixes on folders, ids that differ from file names. */
function site() {
  return glossaryOf({
    'docs/10-Glossar/D-Glossar/Lenkung.md': entry('Dokumentenlenkung', 'Dokumentenlenkung', 'Lenkung von Dokumenten.'),
    'docs/10-Glossar/A-Glossar/Arbeit.md': entry('Arbeit', 'Arbeit', 'Arbeit im Glossar A.'),
    'docs/20-Archiv/A-Glossar/Arbeit.md': entry('Arbeit', 'Arbeit (alt)', 'Arbeit im Archiv.'),
    'docs/10-Glossar/S-Glossar/SLA.md': entry('SLA', 'Service Level Agreement', 'Vereinbarung über Leistungen, siehe [Lenkung](/docs/Glossar/D-Glossar/Dokumentenlenkung/) und ![Bild](../../img/sla.png).', '[B]', 'aliases: [Dienstgütevertrag]\n'),
  });
}

const from = `${ROOT}/notes/plan.md`;
const titleOf = (index: ReturnType<typeof site>, link: { kind: 'inline' | 'wiki'; target: string }) => resolveTermLink(index, from, link)?.title;

describe('links to terms', () => {
  it('resolves Docusaurus routes by the id in their last segment, with or without a trailing slash', () => {
    const index = site();
    assert.equal(titleOf(index, { kind: 'inline', target: '/docs/Glossar/D-Glossar/Dokumentenlenkung/' }), 'Dokumentenlenkung');
    assert.equal(titleOf(index, { kind: 'inline', target: '/docs/Glossar/D-Glossar/Dokumentenlenkung#abschnitt' }), 'Dokumentenlenkung');
    assert.equal(titleOf(index, { kind: 'inline', target: '/docs/Glossar/D-Glossar/Lenkung/' }), undefined, 'the file name is not the id');
    assert.equal(titleOf(index, { kind: 'inline', target: '/img/Dokumentenlenkung.png' }), undefined);
  });

  it('picks the term whose folders match the route when ids repeat, number prefixes dropped', () => {
    const index = site();
    assert.equal(titleOf(index, { kind: 'inline', target: '/docs/Glossar/A-Glossar/Arbeit/' }), 'Arbeit');
    assert.equal(titleOf(index, { kind: 'inline', target: '/docs/Archiv/A-Glossar/Arbeit/' }), 'Arbeit (alt)');
  });

  it('resolves relative paths to .md and .mdx files, with anchors and escapes', () => {
    const index = glossaryOf({ 'docs/Wert schöpfung.mdx': entry('W', 'Wertschöpfung', 'D.') });
    assert.equal(resolveTermLink(index, from, { kind: 'inline', target: '../docs/Wert%20sch%C3%B6pfung.mdx#teil' })?.title, 'Wertschöpfung');
    assert.equal(resolveTermLink(index, from, { kind: 'inline', target: 'https://example.com/docs/W' }), undefined);
  });

  it('resolves wiki links by title, alias or id, ignoring case and umlaut spelling', () => {
    const index = site();
    assert.equal(titleOf(index, { kind: 'wiki', target: 'service level agreement' }), 'Service Level Agreement');
    assert.equal(titleOf(index, { kind: 'wiki', target: 'Dienstguetevertrag' }), 'Service Level Agreement');
    assert.equal(titleOf(index, { kind: 'wiki', target: 'SLA#Ziele' }), 'Service Level Agreement');
    assert.equal(titleOf(index, { kind: 'wiki', target: 'Unbekannt' }), undefined);
  });

  it('hovers a wiki link with its own text', () => {
    const index = site();
    const { document, lines, position } = openAtCursor(index, 'notes/plan.md', 'Siehe [[SLA|den Ver|trag]].');
    assert.match(hover(index, document, lines, position)?.markdown ?? '', /^\*\*Service Level Agreement\*\* \(Dienstgütevertrag\)/);
  });
});

describe('the definition in a hover', () => {
  it('makes relative links and images absolute and routes point at the term file', () => {
    const index = site();
    const { document, lines, position } = openAtCursor(index, 'notes/plan.md', 'Das S|LA gilt.');
    const markdown = hover(index, document, lines, position)?.markdown ?? '';
    assert.match(markdown, /\[Lenkung\]\(file:\/\/\/ws\/docs\/10-Glossar\/D-Glossar\/Lenkung\.md\)/);
    assert.match(markdown, /!\[Bild\]\(file:\/\/\/ws\/docs\/img\/sla\.png\)/);
  });

  it('cuts a long definition after the last whole sentence, never inside a link', () => {
    const sentence = 'Ein Satz mit etwas Text, der sich wiederholt. ';
    const long = sentence.repeat(20);
    const cut = shortened(long);
    assert.ok(cut.length <= MAX_DEFINITION_LENGTH + 2);
    assert.match(cut, /wiederholt\. …$/);
    const linked = 'A'.repeat(MAX_DEFINITION_LENGTH - 20) + ' Kurz. Siehe [einen sehr langen Link. Mit Punkt](x.md) und mehr. ' + 'B '.repeat(100);
    assert.match(shortened(linked), /Kurz\. …$/);
    assert.equal(shortened('Kurz.'), 'Kurz.');
    // A list after the lead: cut after a whole item, never after a numbered item's marker.
    const list = `Ein Stakeholder ist eine Person oder Gruppe,\n\n${[1, 2, 3, 4, 5].map((n) => `${n}. die ${'sehr '.repeat(12)}beteiligt ist,`).join('\n')}`;
    assert.match(shortened(list), /\n4\. die (?:sehr )+beteiligt ist, …$/);
  });

  it('counts what a reader sees: links\' destinations and the marks of bold and code take no room', () => {
    // 300 characters a reader sees, with three links to files whose URIs are long, as the hover writes them.
    const target = `file:///home/someone/projects/glossary/docs/${'folder/'.repeat(10)}Begriff.md`;
    const linked = Array.from({ length: 3 }, (_, n) => `Ein **Satz** mit [Link ${n}](${target}) und \`Code\` und Text${'.'.padStart(50, ' x').replace(/ /g, 'y')} `).join('') + 'Ende.';
    assert.equal(shortened(linked), linked);
    const longer = `${linked} ${'Noch ein Satz mit etwas mehr Text. '.repeat(6)}`;
    assert.match(shortened(longer), /^Ein \*\*Satz\*\*.*Ende\. (?:Noch ein Satz mit etwas mehr Text\. )+…$/);
    assert.ok(shortened(longer).length < longer.length);
  });
});

describe('compound words', () => {
  it('finds a term at the end of a compound only when configured', () => {
    const index = glossaryOf({ 'Prozess.md': entry('Prozess', 'Prozess', 'Ein Ablauf.') });
    const { document, lines, position } = openAtCursor(index, 'notes/plan.md', 'Jeder Geschäftsproz|esse zählt.');
    assert.equal(hover(index, document, lines, position), undefined);
    index.matcher.matchCompoundTails = true;
    const result = hover(index, document, lines, position);
    assert.match(result?.markdown ?? '', /Ein Ablauf\./);
    assert.deepEqual(result?.range, { start: { line: 0, character: 15 }, end: { line: 0, character: 23 } });
  });
});
