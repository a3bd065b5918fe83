import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentDiagnostics } from '../../server/src/features/diagnostics/documentDiagnostics';
import { hover } from '../../server/src/features/hover';
import { GlossaryIndex } from '../../server/src/index/glossaryIndex';
import { defaultDocusaurusSite } from '../../server/src/site/site';
import { entry, glossaryOf, openAtCursor, ROOT } from './glossary';

const TAGS = 'Begriffe:\n  label: Begriffe\nIM:\n  label: Informationsmanagement\n  description: Alles zu IM\n';

function demo() {
  return glossaryOf({
    'docs/tags.yml': TAGS,
    'docs/Outtasking.md': entry('Outtasking', 'Outtasking', 'Das Outtasking ist eine besondere Form des Outsourcings.', '[Begriffe, IM]'),
    'docs/Outsourcing.md': entry('Outsourcing', 'Outsourcing', 'Outsourcing ist die Vergabe von Aufgaben an Dritte.'),
    'docs/vertrag/SLA.md': entry('SLA', 'Service Level Agreement', 'Ein SLA regelt die Qualität einer Leistung.', '[Begriffe]', 'aliases: [SLA]\n'),
  });
}

describe('hover', () => {
  it('shows the definition, tags with labels and the file of a mentioned term', () => {
    const index = demo();
    const { document, lines, position } = openAtCursor(index, 'notes/plan.md', 'Wir prüfen das Outta|sking der Dateneingabe.');
    const result = hover(index, document, lines, position);
    assert.ok(result);
    assert.match(result.markdown, /^\*\*Outtasking\*\*/);
    assert.match(result.markdown, /Das Outtasking ist eine besondere Form des Outsourcings\./);
    assert.match(result.markdown, /Tags: `Begriffe` · Informationsmanagement \(`IM`\)$/m, 'the label, then its key: one tag');
    assert.match(result.markdown, /\[Open \.\.\/docs\/Outtasking\.md\]\(file:\/\/\/ws\/docs\/Outtasking\.md\)/);
    assert.deepEqual(result.range, { start: { line: 0, character: 15 }, end: { line: 0, character: 25 } });
  });

  it('shows the term behind a relative link, on its text or its target', () => {
    const index = demo();
    const text = 'Siehe [den Vertrag](../docs/vertrag/SLA.md#ziele).';
    for (const cursor of ['den Ve', 'vertrag/S']) {
      const at = text.indexOf(cursor) + cursor.length;
      const { document, lines, position } = openAtCursor(index, 'notes/plan.md', text.slice(0, at) + '|' + text.slice(at));
      const result = hover(index, document, lines, position);
      assert.match(result?.markdown ?? '', /\*\*Service Level Agreement\*\* \(SLA\)/, cursor);
    }
  });

  it('shows the term behind a link by reference, on its text, and on the definition of its label', () => {
    const index = demo();
    const text = 'Siehe [den Vertrag][sla] und [Outtasking].\n\n[sla]: ../docs/vertrag/SLA.md\n[outtasking]: ../docs/Outtasking.md\n';
    for (const [cursor, term] of [['den Ve', 'Service Level Agreement'], ['[sl', 'Service Level Agreement'], ['Outta', 'Outtasking'], ['[sla]: ../do', 'Service Level Agreement']]) {
      const at = text.indexOf(cursor) + cursor.length;
      const { document, lines, position } = openAtCursor(index, 'notes/plan.md', text.slice(0, at) + '|' + text.slice(at));
      const result = hover(index, document, lines, position);
      assert.match(result?.markdown ?? '', new RegExp(`^\\*\\*${term}\\*\\*`), cursor);
      if (cursor === 'den Ve') assert.deepEqual(result?.range, { start: { line: 0, character: 6 }, end: { line: 0, character: 24 } }, 'the whole link');
    }
  });

  it('in a Docusaurus site, titles an entry that declares no title and opens with no H1 as the build does: by its file name without its number prefix (docusaurus-titles)', () => {
    const index = new GlossaryIndex();
    const site = defaultDocusaurusSite(ROOT);
    index.setSites([site]);
    index.setDocument(`${ROOT}/docs/04-Begriff.md`, '---\ntags: [Begriffe]\n---\n\n**Ein Begriff ohne Titel.**\n');
    const { document, lines, position } = openAtCursor(index, 'notes/plan.md', 'Der Begr|iff und der 04-Begriff.');
    assert.match(hover(index, document, lines, position)?.markdown ?? '', /^\*\*Begriff\*\*/);
    // The site's `numberPrefixParser: false` keeps the number: the term is named anew, its old name no longer a mention.
    site.docusaurus.instances = [{ ...site.docusaurus.instances[0], parsesNumberPrefixes: false }];
    index.setSites([site]);
    assert.equal(index.termOf(`${ROOT}/docs/04-Begriff.md`)?.title, '04-Begriff');
    assert.equal(hover(index, document, lines, position), undefined);
    const atNumbered = openAtCursor(index, 'notes/plan.md', 'Der Begriff und der 04-Begr|iff.');
    assert.match(hover(index, atNumbered.document, atNumbered.lines, atNumbered.position)?.markdown ?? '', /^\*\*04-Begriff\*\*/);
  });

  it('shows a term on its own heading but not as a mention there', () => {
    const index = demo();
    const text = entry('Outsourcing', 'Outsourcing', 'Outsourcing ist die Vergabe.').replace('# Outsourcing', '# Outs|ourcing');
    const { document, lines, position } = openAtCursor(index, 'docs/Outsourcing.md', text);
    const result = hover(index, document, lines, position);
    assert.match(result?.markdown ?? '', /Outsourcing ist die Vergabe\./);
    assert.deepEqual(result?.range, { start: { line: 6, character: 2 }, end: { line: 6, character: 13 } });
  });

  it('shows nothing on plain words, code or front matter', () => {
    const index = demo();
    for (const text of ['Ein ganz norm|aler Satz.', 'Code `Outt|asking` hier.', '---\ndescription: Outt|asking\n---\n']) {
      const { document, lines, position } = openAtCursor(index, 'notes/plan.md', text);
      assert.equal(hover(index, document, lines, position), undefined, text);
    }
  });

  it('follows edits: a changed definition shows at once', () => {
    const index = demo();
    index.setDocument(`${ROOT}/docs/Outsourcing.md`, entry('Outsourcing', 'Outsourcing', 'Neue Definition.'));
    const { document, lines, position } = openAtCursor(index, 'notes/plan.md', 'Das Outsour|cing.');
    assert.match(hover(index, document, lines, position)?.markdown ?? '', /Neue Definition\./);
  });
});

describe('diagnostics', () => {
  it('warns about a tag the nearest tags file does not declare, naming it', () => {
    const index = glossaryOf({
      'docs/tags.yml': TAGS,
      'docs/A.md': entry('A', 'A', 'D.', '[Begriffe, begriffe, Strategie]'),
    });
    const diagnostics = documentDiagnostics(index, index.getDocument(`${ROOT}/docs/A.md`)!);
    assert.deepEqual(
      diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.message, diagnostic.range.start.character]),
      [
        ['unknown-tag', 'warning', 'Tag "begriffe" is not declared in tags.yml. Did you mean "Begriffe"?', 17],
        ['unknown-tag', 'warning', 'Tag "Strategie" is not declared in tags.yml.', 27],
      ],
    );
  });

  it('uses the nearest tags file above the document, or the configured one', () => {
    const index = glossaryOf({
      'tags.yml': 'Wurzel: {}\n',
      'docs/tags.yml': TAGS,
      'docs/sub/A.md': entry('A', 'A', 'D.', '[Wurzel]'),
      'B.md': entry('B', 'B', 'D.', '[Wurzel]'),
    });
    const messages = (relative: string) => documentDiagnostics(index, index.getDocument(`${ROOT}/${relative}`)!).map((diagnostic) => diagnostic.message);
    assert.deepEqual(messages('docs/sub/A.md'), ['Tag "Wurzel" is not declared in ../tags.yml.']);
    assert.deepEqual(messages('B.md'), []);
    index.setTagsFileOverride(`${ROOT}/tags.yml`);
    assert.deepEqual(messages('docs/sub/A.md'), []);
  });

  it('checks no tags when no tags file governs the document', () => {
    const index = glossaryOf({ 'A.md': entry('A', 'A', 'D.', '[Irgendwas]') });
    assert.deepEqual(documentDiagnostics(index, index.getDocument(`${ROOT}/A.md`)!), []);
  });
});
