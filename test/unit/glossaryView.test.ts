import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/common/text';
import { referencePlacesIn, tagSummaries, termGroups, termsOfGroup, type ViewContext } from '../../server/src/features/glossaryView';
import { workspaceSymbols } from '../../server/src/features/navigation';
import { entry, glossaryOf, ROOT } from './glossary';

const TAGS = 'Begriffe:\n  label: Begriffe\nIM:\n  label: Informationsmanagement\n  description: Wie Wissen verwaltet wird.\nUngenutzt:\n  label: Nie verwendet\n';

function glossary() {
  return glossaryOf({
    'docs/tags.yml': TAGS,
    'docs/Outtasking.md': entry('Outtasking', 'Outtasking', 'Eine Form des Outsourcings.', '[Begriffe, IM]'),
    'docs/vertrag/SLA.md': entry('SLA', 'Service Level Agreement', 'Ein Vertrag über Leistungen.', '[Begriffe, Vertrag]', 'aliases: [SLA]\n'),
    'docs/Zeitplan.md': entry('Zeitplan', 'Zeitplan', 'Ein Plan.', '[]'),
    // A second site with its own tags file, which does not declare "IM".
    'blog/tags.yml': 'Notiz:\n  label: Notiz\n',
    'blog/Eintrag.md': entry('Eintrag', 'Äpfel', 'Obst.', '[IM, Notiz]'),
    'notizen/Projekt.md': 'Wir planen Outtasking, siehe [SLA](../docs/vertrag/SLA.md). Outtasking spart.\n',
  });
}

const context: ViewContext = { roots: [ROOT], problemsIn: (uri) => (uri.endsWith('/SLA.md') ? 2 : 0) };

describe('Glossary view', () => {
  it('groups terms by tag under the labels of their tags files, untagged ones last, with counts', () => {
    const groups = termGroups(glossary(), 'tag', '', context).groups.map((group) => `${group.kind}:${group.key}=${group.label} (${group.count})`);
    assert.deepEqual(groups, [
      'tag:Begriffe=Begriffe (2)',
      // One group per tag, labelled by the tags file that declares it, also for the entry under blog/tags.yml.
      'tag:IM=Informationsmanagement (2)',
      'tag:Notiz=Notiz (1)',
      'tag:Vertrag=Vertrag (1)',
      'untagged:= (1)',
    ]);
  });

  it('groups terms by their folder, named from the workspace folder', () => {
    const groups = termGroups(glossary(), 'folder', '', context).groups.map((group) => `${group.key} (${group.count})`);
    assert.deepEqual(groups, ['blog (1)', 'docs (2)', 'docs/vertrag (1)']);
    const twoRoots = termGroups(glossary(), 'folder', '', { ...context, roots: [`${ROOT}/docs`, `${ROOT}/blog`] }).groups.map((group) => group.key);
    assert.deepEqual(twoRoots, ['blog', 'docs', 'docs/vertrag']);
  });

  it('lists a group\'s terms by title with their problems, definition and place', () => {
    const index = glossary();
    const terms = termsOfGroup(index, 'tag', '', { kind: 'tag', key: 'Begriffe' }, context).terms;
    assert.deepEqual(
      terms.map((term) => [term.title, term.aliases, term.tags, term.problems, term.definition]),
      [
        ['Outtasking', [], ['Begriffe', 'IM'], 0, 'Eine Form des Outsourcings.'],
        ['Service Level Agreement', ['SLA'], ['Begriffe', 'Vertrag'], 2, 'Ein Vertrag über Leistungen.'],
      ],
    );
    // Opened at its H1.
    assert.deepEqual(terms[0].range.start, { line: 6, character: 2 });
    assert.deepEqual(termsOfGroup(index, 'tag', '', { kind: 'untagged', key: '' }, context).terms.map((term) => term.title), ['Zeitplan']);
  });

  it('lists the first terms of a large group by title, and says how many there are', () => {
    const files: Record<string, string> = {};
    for (let number = 1; number <= 30; number++) files[`Begriff${number}.md`] = entry(`B${number}`, `Begriff ${number}`, 'Text.');
    const { terms, total } = termsOfGroup(glossaryOf(files), 'tag', '', { kind: 'tag', key: 'Begriffe' }, context, 10);
    assert.equal(total, 30);
    // Numbers in titles sort as numbers.
    assert.deepEqual(terms.map((term) => term.title), ['Begriff 1', 'Begriff 2', 'Begriff 3', 'Begriff 4', 'Begriff 5', 'Begriff 6', 'Begriff 7', 'Begriff 8', 'Begriff 9', 'Begriff 10']);
  });

  it('keeps the terms a filter matches, by name, alias or #tag, as Search Glossary finds them', () => {
    const index = glossary();
    const groupsFor = (filter: string) => termGroups(index, 'tag', filter, context).groups.map((group) => `${group.key} (${group.count})`);
    assert.deepEqual(groupsFor('sla'), ['Begriffe (1)', 'Vertrag (1)']);
    assert.deepEqual(groupsFor('#notiz'), ['IM (1)', 'Notiz (1)']);
    assert.deepEqual(groupsFor('keinbegriffxyz'), []);
    // How many terms match, each once though it stands in two groups.
    assert.equal(termGroups(index, 'tag', 'sla', context).shown, 1);
    assert.equal(termGroups(index, 'tag', '', context).shown, 4);
    assert.deepEqual(termsOfGroup(index, 'tag', 'out', { kind: 'tag', key: 'Begriffe' }, context).terms.map((term) => term.title), ['Outtasking']);
  });

  it('lists every tag used or declared: label, use, and the entries whose tags file lacks it', () => {
    const summaries = tagSummaries(glossary()).map(({ tag, label, count, undeclaredUses, declaration, description }) => ({
      tag,
      label,
      count,
      undeclaredUses,
      declaredIn: declaration?.uri.slice(ROOT.length + 1),
      ...(description === undefined ? {} : { description }),
    }));
    assert.deepEqual(summaries, [
      { tag: 'Begriffe', label: 'Begriffe', count: 2, undeclaredUses: 0, declaredIn: 'docs/tags.yml' },
      { tag: 'IM', label: 'Informationsmanagement', count: 2, undeclaredUses: 1, declaredIn: 'docs/tags.yml', description: 'Wie Wissen verwaltet wird.' },
      { tag: 'Ungenutzt', label: 'Nie verwendet', count: 0, undeclaredUses: 0, declaredIn: 'docs/tags.yml' },
      { tag: 'Notiz', label: 'Notiz', count: 1, undeclaredUses: 0, declaredIn: 'blog/tags.yml' },
      { tag: 'Vertrag', label: 'Vertrag', count: 1, undeclaredUses: 1, declaredIn: undefined },
    ]);
  });

  it('gives each reference its line, links apart from unlinked mentions', () => {
    const index = glossary();
    const text = 'Wir planen Outtasking, siehe [SLA](../docs/vertrag/SLA.md). Outtasking spart.\n\n```\nOuttasking im Code\n```\n';
    const lines = new LineIndex(text);
    const document = index.setDocument(`${ROOT}/notizen/Projekt.md`, text);
    const outtasking = index.termOf(`${ROOT}/docs/Outtasking.md`)!;
    const sla = index.termOf(`${ROOT}/docs/vertrag/SLA.md`)!;
    const mentions = referencePlacesIn(index, outtasking, document, lines);
    assert.deepEqual(mentions.links, []);
    assert.deepEqual(
      mentions.mentions.map((place) => [place.range.start.character, place.preview]),
      [
        [11, 'Wir planen Outtasking, siehe [SLA](../docs/vertrag/SLA.md). Outtasking spart.'],
        [60, 'Wir planen Outtasking, siehe [SLA](../docs/vertrag/SLA.md). Outtasking spart.'],
      ],
    );
    assert.deepEqual(referencePlacesIn(index, sla, document, lines).links.map((place) => place.range.start.character), [29]);
  });

  it('shows the part of a long line around the reference, cut at whole characters', () => {
    const index = glossary();
    const outtasking = index.termOf(`${ROOT}/docs/Outtasking.md`)!;
    const previews = (text: string) => referencePlacesIn(index, outtasking, index.setDocument(`${ROOT}/notizen/Lang.md`, text), new LineIndex(text)).mentions.map((place) => place.preview);
    const [atEnd] = previews(`${'😀'.repeat(200)} Outtasking ${'x'.repeat(10)}\n`);
    // Near the end of the line: cut before it only.
    assert.ok(atEnd.startsWith('…😀') && atEnd.endsWith('Outtasking xxxxxxxxxx'), atEnd);
    assert.ok([...atEnd].length <= 160, String([...atEnd].length));
    assert.doesNotMatch(atEnd, /[\uD800-\uDFFF](?![\uDC00-\uDFFF])(?<![\uD800-\uDBFF][\uDC00-\uDFFF])/u);
    const [atStart] = previews(`Das Outtasking ist ${'eine lange Erklärung, '.repeat(20)}die endet.\n`);
    assert.ok(atStart.startsWith('Das Outtasking ist eine') && atStart.endsWith('…'), atStart);
  });
});

describe('workspace symbols beside an editor that lists headings', () => {
  it('leaves a term found by its H1 to the editor and names one found by an alias by it', () => {
    const index = glossary();
    const names = (query: string, editorListsHeadings: boolean) => workspaceSymbols(index, query, editorListsHeadings).map((symbol) => `${symbol.name} | ${symbol.detail}`);
    assert.deepEqual(names('outt', true), []);
    assert.deepEqual(names('outt', false), ['Outtasking | #Begriffe #IM']);
    assert.deepEqual(names('sla', true), ['SLA | Service Level Agreement #Begriffe #Vertrag']);
    assert.deepEqual(names('sla', false), ['Service Level Agreement | SLA #Begriffe #Vertrag']);
  });

  it('keeps a term whose H1 differs from its title: the editor lists another name', () => {
    const index = glossaryOf({ 'Kurz.md': '---\nid: Kurz\ntitle: Kurzarbeit\ntags: []\n---\n\n# Kurzarbeit (KuG)\n\n**Weniger Arbeit.**\n' });
    assert.deepEqual(workspaceSymbols(index, 'kurz', true).map((symbol) => symbol.name), ['Kurzarbeit']);
  });
});
