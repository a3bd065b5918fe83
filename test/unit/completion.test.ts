import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { complete } from '../../server/src/features/completion';
import { MAX_COMPLETION_ITEMS } from '../../server/src/features/completionList';
import { linkForSelection } from '../../server/src/features/linkCompletion';
import type { LinkStyleSetting } from '../../server/src/common/settings';
import { smallest } from '../../server/src/common/smallest';
import { acceptedLine, entry, glossaryOf, openAtCursor, ROOT } from './glossary';
import { defaultDocusaurusSite } from '../../server/src/site/site';

const TAGS = 'Begriffe:\n  label: Begriffe\n  description: Grundbegriffe\nIM:\n  label: Informationsmanagement\nStrategie:\n  label: Strategie\n';

function demo() {
  return glossaryOf({
    'docs/tags.yml': TAGS,
    'docs/Outtasking.md': entry('Outtasking', 'Outtasking', 'Das Outtasking ist eine besondere Form des Outsourcings.', '[Begriffe, IM]'),
    'docs/Outsourcing.md': entry('Outsourcing', 'Outsourcing', 'Vergabe von Aufgaben an Dritte.', '[Strategie]'),
    'docs/Wertschoepfungskette.md': entry('Wertschoepfungskette', 'Wertschöpfungskette', 'Die Kette der Schritte.'),
    'docs/10-Glossar/vertrag/SLA.md': entry('SLA', 'Service Level Agreement', 'Ein SLA regelt Leistungen.', '[Begriffe]', 'aliases: [SLA, Dienstgütevertrag]\n'),
    'notes/a.md': 'Siehe [Outsourcing](../docs/Outsourcing.md) und [noch mal](../docs/Outsourcing.md).',
  });
}

function completeAt(relative: string, text: string, linkStyle: LinkStyleSetting = 'auto', index = demo()) {
  const { document, lines, position } = openAtCursor(index, relative, text);
  return complete(index, document, lines, position, { linkStyle });
}

const labels = (text: string, relative = 'notes/plan.md') => completeAt(relative, text).items.map((item) => item.label);
const newTexts = (text: string, relative = 'notes/plan.md', linkStyle: LinkStyleSetting = 'auto') =>
  completeAt(relative, text, linkStyle).items.map((item) => item.newText);
/** The line as accepting each item leaves it (of a one-line text with a cursor). */
const acceptedLines = (text: string, relative = 'notes/plan.md', linkStyle: LinkStyleSetting = 'auto', index = demo()) =>
  completeAt(relative, text, linkStyle, index).items.map((item) => acceptedLine(text.replace('|', ''), item));

describe('link completion', () => {
  it('after [ inserts a whole link relative to the current file, replacing what was typed', () => {
    const { items, isIncomplete } = completeAt('notes/deep/plan.md', 'Siehe [Outt|');
    assert.equal(isIncomplete, false);
    assert.deepEqual(acceptedLines('Siehe [Outt|', 'notes/deep/plan.md'), ['Siehe [Outtasking](../../docs/Outtasking.md)']);
    // The edit and its filter text start after the "[", as the word does that editors filter by (Eglot: "Outt").
    assert.deepEqual(items[0].range, { start: { line: 0, character: 7 }, end: { line: 0, character: 11 } });
    assert.equal(items[0].filterText, 'Outtasking');
    assert.equal(items[0].detail, 'Begriffe, IM');
    assert.equal(items[0].documentation, 'Das Outtasking ist eine besondere Form des Outsourcings.');
  });

  it('replaces an auto-closed bracket or an existing link instead of doubling it', () => {
    assert.deepEqual(completeAt('notes/plan.md', 'Mit [Outt|]').items[0].range.end.character, 10);
    assert.deepEqual(completeAt('notes/plan.md', 'Mit [Outt|](alt.md) danach').items[0].range.end.character, 18);
  });

  it('matches by prefix, word start, initials and umlaut spelling, best first', () => {
    assert.deepEqual(labels('[level|'), ['Service Level Agreement']);
    assert.deepEqual(labels('[sla|'), ['SLA', 'Service Level Agreement']);
    assert.deepEqual(labels('[wertschöpf|'), ['Wertschöpfungskette']);
    assert.deepEqual(labels('[wertschoepf|'), ['Wertschöpfungskette']);
    assert.deepEqual(labels('[wertschopf|'), ['Wertschöpfungskette']);
    assert.deepEqual(labels('[dienstgüte|'), ['Dienstgütevertrag']);
    assert.deepEqual(labels('[xyz|'), []);
  });

  it('gives each item a filter text in which the editor finds what was typed, umlauts typed as "oe" or "o" too', () => {
    // VS Code filters the list again on the client: every typed character must appear in order in
    // the item's filterText, or the item is dropped (what a user saw for "[wertschoe").
    const isSubsequence = (typed: string, text: string) => {
      let at = 0;
      for (const character of text.toLowerCase()) if (character === typed[at]) at++;
      return at === typed.length;
    };
    for (const typed of ['wertschoe', 'wertschö', 'wertscho', 'Wertschoepfungskette']) {
      const items = completeAt('notes/plan.md', `[${typed}|`).items;
      assert.deepEqual(items.map((item) => item.label), ['Wertschöpfungskette'], typed);
      assert.ok(isSubsequence(typed.toLowerCase(), items[0].filterText ?? ''), `${typed} in ${items[0].filterText}`);
    }
  });

  it('after ]( offers first the term the link text names, in any form', () => {
    assert.equal(labels('Siehe [des Outtaskings](|')[0], 'Outtasking');
    assert.equal(labels('Siehe [Dienstgütevertrags](|')[0], 'Service Level Agreement');
    assert.equal(labels('Siehe [Outsourcing](|)')[0], 'Outsourcing');
    assert.deepEqual(labels('Siehe [irgendwas](|'), labels('Siehe [anderes](|'), 'a text that names no term keeps the most linked first');
  });

  it('Insert Link keeps the selected wording as the link text, and the blanks around it outside', () => {
    const index = demo();
    const { document } = openAtCursor(index, 'notes/plan.md', 'Die Vorteile des Outsourcings sind |bekannt.');
    const term = index.termOf(`${ROOT}/docs/Outsourcing.md`)!;
    assert.equal(linkForSelection(index, document, term, ' des Outsourcings ', 'relative'), ' [des Outsourcings](../docs/Outsourcing.md) ');
    assert.equal(linkForSelection(index, document, term, '', 'relative'), '[Outsourcing](../docs/Outsourcing.md)', 'without a selection, the title');
    assert.equal(linkForSelection(index, document, term, 'Outsourcings', 'wiki'), '[[Outsourcing|Outsourcings]]');
  });

  it('ranks equally good matches by how often the glossary links them', () => {
    assert.deepEqual(labels('[Out|'), ['Outsourcing', 'Outtasking']);
    assert.deepEqual(labels('[Outt|'), ['Outtasking'], 'a better match still wins');
  });

  it('inserts an alias as the text of a link to its term', () => {
    const items = completeAt('notes/plan.md', 'Mit [Dienstg|').items;
    assert.deepEqual(items.map((item) => [item.label, item.kind]), [['Dienstgütevertrag', 'alias']]);
    assert.deepEqual(acceptedLines('Mit [Dienstg|'), ['Mit [Dienstgütevertrag](../docs/10-Glossar/vertrag/SLA.md)']);
    assert.match(items[0].detail ?? '', /^→ Service Level Agreement/);
  });

  it('after ]( completes the target and its closing parenthesis', () => {
    const items = completeAt('notes/plan.md', 'Siehe [den Text](../docs/Outt|');
    assert.deepEqual(items.items.map((item) => item.newText), ['../docs/Outtasking.md)']);
    assert.deepEqual(items.items[0].range, { start: { line: 0, character: 17 }, end: { line: 0, character: 29 } });
    assert.deepEqual(newTexts('[](Outt|'), ['[Outtasking](../docs/Outtasking.md)'], 'an empty text is filled in');
  });

  it('after ]( keeps an anchor or a query after the cursor, and the closing parenthesis after it', () => {
    const [item] = completeAt('notes/plan.md', 'Siehe [den Abschnitt](./Outt|#abschnitt) dort.').items;
    assert.equal(item.newText, '../docs/Outtasking.md');
    assert.deepEqual(item.range, { start: { line: 0, character: 22 }, end: { line: 0, character: 28 } });
    assert.deepEqual(newTexts('[](Outt|?x=1)'), ['[Outtasking](../docs/Outtasking.md'], 'a whole link, its parenthesis after the query');
  });

  it('inside a Docusaurus route completes the route, folder number prefixes dropped', () => {
    assert.deepEqual(newTexts('Siehe [Vertrag](/docs/Ser|)'), ['/docs/Glossar/vertrag/SLA)'], 'the route Docusaurus builds, without a final slash');
  });

  it('after [[ completes a wiki link, an alias as its text', () => {
    assert.deepEqual(newTexts('Siehe [[Outt|'), ['Outtasking]]']);
    assert.deepEqual(newTexts('Siehe [[Outt|]]'), ['Outtasking]]']);
    assert.equal(completeAt('notes/plan.md', 'Siehe [[Outt|]]').items[0].range.end.character, 14);
    assert.deepEqual(newTexts('Siehe [[Dienstg|'), ['Service Level Agreement|Dienstgütevertrag]]']);
  });

  it('after [[ writes a Markdown link over the [[ for a name a wiki link cannot hold, and escapes what MDX reads as JSX', () => {
    const index = glossaryOf({
      'docs/cs.md': entry('cs', 'C# Compiler', 'Übersetzt C#.', '[]'),
      'docs/list.md': entry('list', 'List<T>', 'Eine Liste.', '[]'),
    });
    const compiler = completeAt('notes/plan.md', 'Siehe [[C# Co|]]', 'auto', index).items;
    // `[[C# Compiler]]` would name the term "C" and its part " Compiler".
    assert.deepEqual(compiler.map((item) => [item.newText, item.range.start.character, item.range.end.character, item.filterText]), [['[C# Compiler](../docs/cs.md)', 6, 15, '[[C# Compiler']]);
    // After `!` or `\`, a Markdown link would be an image or text: only what a wiki link holds.
    assert.deepEqual(completeAt('notes/plan.md', 'Siehe ![[C# Co|]]', 'auto', index).items, []);
    assert.deepEqual(completeAt('notes/plan.md', 'Siehe \\[[C# Co|]]', 'auto', index).items, []);
    assert.deepEqual(completeAt('notes/plan.mdx', 'Siehe [[Li|', 'auto', index).items.map((item) => item.newText), ['List\\<T>]]']);
    assert.deepEqual(completeAt('notes/plan.md', 'Siehe [[Li|', 'auto', index).items.map((item) => item.newText), ['List<T>]]']);
    // A whole wiki link, as "Link to" writes it too.
    assert.deepEqual(acceptedLines('Siehe [Li|', 'notes/plan.mdx', 'wiki', index), ['Siehe [[List\\<T>]]']);
  });

  it('writes links in the style the document already uses, unless a setting says otherwise', () => {
    assert.deepEqual(acceptedLines('Wie [[Outsourcing]] und [[SLA]]. Dann [Outt|'), ['Wie [[Outsourcing]] und [[SLA]]. Dann [[Outtasking]]']);
    assert.deepEqual(acceptedLines('Wie [a](/docs/x/) und [b](/docs/y/). Dann [Outt|'), ['Wie [a](/docs/x/) und [b](/docs/y/). Dann [Outtasking](/docs/Outtasking)']);
    assert.deepEqual(acceptedLines('Dann [Outt|', 'notes/plan.md', 'wiki'), ['Dann [[Outtasking]]']);
    assert.deepEqual(acceptedLines('Wie [[SLA]]. Dann [Outt|', 'notes/plan.md', 'relative'), ['Wie [[SLA]]. Dann [Outtasking](../docs/Outtasking.md)']);
  });

  it('answers a request past the end of the line, as an editor sends during fast typing, with a range inside the line', () => {
    const index = demo();
    const { document, lines } = openAtCursor(index, 'notes/plan.md', 'Siehe [Out|');
    const list = complete(index, document, lines, { line: 0, character: 40 }, { linkStyle: 'auto' });
    assert.ok(list.items.length > 0);
    for (const item of list.items) assert.deepEqual(item.range, { start: { line: 0, character: 7 }, end: { line: 0, character: 10 } });
  });

  it('offers nothing outside links, in images, and never the current term itself', () => {
    for (const text of ['Outt|', '![Outt|', 'Ein `code` und Text|']) assert.deepEqual(labels(text), [], text);
    assert.deepEqual(labels('[Outt|', 'docs/Outtasking.md'), []);
  });

  it('gives the list a scan of every term gives, though it looks only at terms with a word starting as typed', () => {
    const words = ['Wert', 'Wärme', 'Wasser', 'Öko', 'Oeko', 'Ober', 'Mess', 'Maß', 'Masse', 'Ab', 'An'];
    const files: Record<string, string> = {};
    for (let number = 0; number < 2_000; number++) {
      const [a, b, c] = [words[number % 11], words[(number * 7) % 11].toLowerCase(), words[(number * 3) % 11]];
      const title = [`${a}${b} ${number}`, `${c}-${a} ${number}`, `(${a}) ${c}${b} ${number}`, `"${b}" ${number}`][number % 4];
      files[`t/B${number}.md`] = entry(`B${number}`, title, 'D.', '[Begriffe]', number % 9 === 0 ? `aliases: [${c}${a}${number}]\n` : '');
    }
    files['t/notiz.md'] = Array.from({ length: 300 }, (_, n) => `[x](B${(n * 13) % 2_000}.md)`).join(' ');
    const index = glossaryOf(files);
    // The table built partly between requests, while files change, as the server does.
    for (let slice = 0; slice < 300; slice++) index.prepareCompletionTable(0);
    index.setDocument(`${ROOT}/t/B1.md`, entry('B1', 'Wertewandel', 'D.'));
    index.setDocument(`${ROOT}/t/B1999.md`, entry('B1999', 'Wasserwerk', 'D.'));
    index.removeDocument(`${ROOT}/t/B2.md`);
    index.setDocument(`${ROOT}/t/Neu.md`, entry('Neu', 'Wertstoff', 'D.'));
    const longName = Array.from({ length: 14 }, (_, n) => `Wort${n}`).join(' ');
    index.setDocument(`${ROOT}/t/Lang.md`, entry('Lang', longName, 'D.', '[Begriffe]', 'aliases: [Sehr langer Name mit vielen Woertern]\n'));
    while (!index.prepareCompletionTable(0));
    const scanningAll = Object.assign(Object.create(index) as typeof index, { termsWithWordStart: () => [...index.completionEntries()], termsMaybeMatching: () => undefined });
    const typedQueries = ['[[We', '[wer', '[Wä', '[wae', '[oek', '[Öko', '[ök', '[mas', '[maß', '[ab', '[(', '[wasserw', '[ma', '[ob', '[an ', '](me', '[[ek'];
    // Initials, substrings and the long names, which the table keeps apart.
    typedQueries.push('[mw5', '[ao3', '[wm1', '[sse', '[erw', '[ärm', '[aerm', '](ass', '[wmo', '[mwa', '[oem', '[w0w', '[slm', '[ort1', '[rt13', '[sser 1', '[r 19');
    for (const typed of typedQueries) {
      const ours = completeAt('plan.md', `${typed}|`, 'auto', index);
      const everyTerm = completeAt('plan.md', `${typed}|`, 'auto', scanningAll);
      assert.deepEqual(ours, everyTerm, typed);
    }
  });

  it('offers the most linked names before anything is typed, as a fresh index would after every kind of edit', () => {
    const files: Record<string, string> = {};
    for (let number = 0; number < 300; number++) {
      files[`t/B${number}.md`] = entry(`B${number}`, `Begriff ${number}`, `Erklärung ${number}.`, '[Begriffe]', number % 7 === 0 ? `aliases: [Alias ${number}]\n` : '');
    }
    const note = (targets: number[]) => targets.map((target) => `[x](B${target}.md)`).join(' ');
    files['t/notiz.md'] = note([5, 5, 9, 250]);
    const index = glossaryOf(files);
    while (!index.prepareCompletionTable(0));
    const edits: Array<[string, string | undefined]> = [
      ['t/B9.md', entry('B9', 'Begriff 9', 'Neue Erklärung.', '[Begriffe]')],
      ['t/notiz.md', note([5, 5, 9, 250, 17, 17, 17])],
      ['t/B17.md', entry('B17', 'Anfang', 'Umbenannt.', '[Begriffe]', 'aliases: [Zweitname]\n')],
      ['t/B5.md', undefined],
      ['t/Neu.md', entry('Neu', 'Neuer Begriff', 'Neu.', '[Begriffe]')],
      ['t/andere.md', `[y](B250.md) ${note([299])}`],
    ];
    for (const [file, text] of [['', undefined] as [string, undefined], ...edits]) {
      if (file !== '') {
        if (text === undefined) {
          delete files[file];
          index.removeDocument(`${ROOT}/${file}`);
        } else {
          files[file] = text;
          index.setDocument(`${ROOT}/${file}`, text);
        }
      }
      const fresh = glossaryOf(files);
      for (const typed of ['[|', '[x](|', '[[|']) {
        const ours = completeAt('plan.md', typed, 'auto', index);
        assert.deepEqual(ours, completeAt('plan.md', typed, 'auto', fresh), `${typed} after editing ${file}`);
        assert.equal(ours.items.length, MAX_COMPLETION_ITEMS);
      }
      // Typed queries rank by links too, with counts kept between requests.
      for (const typed of ['[Begriff 2|', '[x](begr|', '[[Alias|']) {
        assert.deepEqual(completeAt('plan.md', typed, 'auto', index), completeAt('plan.md', typed, 'auto', fresh), `${typed} after editing ${file}`);
      }
    }
    const first = completeAt('plan.md', '[x](|', 'auto', index).items.slice(0, 3).map((item) => item.label);
    // Counted once per linking document: B250 from two, the others from one each, then by name.
    assert.deepEqual(first, ['Begriff 250', 'Anfang', 'Begriff 299']);
  });

  it('filters 10,000 terms on the server, caps the list and marks it incomplete', () => {
    const files: Record<string, string> = {};
    for (let number = 0; number < 10_000; number++) files[`t/Begriff-${number}.md`] = entry(`B${number}`, `Begriff ${number}`, 'D.');
    const index = glossaryOf(files);
    const all = completeAt('plan.md', '[|', 'auto', index);
    assert.equal(all.items.length, MAX_COMPLETION_ITEMS);
    assert.equal(all.isIncomplete, true);
    const narrow = completeAt('plan.md', '[Begriff 9999|', 'auto', index);
    assert.deepEqual(narrow.items.map((item) => item.label), ['Begriff 9999']);
    assert.equal(narrow.isIncomplete, false);
  });
});

describe('front-matter completion', () => {
  it('offers declared tags in a flow list with label and description, without those present', () => {
    const { items } = completeAt('docs/Neu.md', '---\nid: Neu\ntags: [Begriffe, |]\n---\n');
    assert.deepEqual(items.map((item) => [item.label, item.detail]), [
      ['IM', 'Informationsmanagement'],
      ['Strategie', undefined],
    ]);
    assert.deepEqual(items[0].range, { start: { line: 2, character: 17 }, end: { line: 2, character: 17 } });
  });

  it('replaces the partly typed tag', () => {
    const { items } = completeAt('docs/Neu.md', '---\nid: Neu\ntags: [Begriffe, Str|at]\n---\n');
    assert.deepEqual(items.map((item) => item.newText), ['Strategie']);
    assert.deepEqual(items[0].range, { start: { line: 2, character: 17 }, end: { line: 2, character: 22 } });
  });

  it('offers tags in a block list', () => {
    const { items } = completeAt('docs/Neu.md', '---\nid: Neu\ntags:\n  - IM\n  - |\ntitle: Neu\n---\n');
    assert.deepEqual(items.map((item) => item.label), ['Begriffe', 'Strategie']);
    // Right after a bare `-`, the item's blank comes with the tag: `-Begriffe` would be no item.
    const bare = completeAt('docs/Neu.md', '---\nid: Neu\ntags:\n  - IM\n  -|\n---\n').items;
    assert.deepEqual(bare.map((item) => [item.newText, item.range.start.character]), [[' Begriffe', 3], [' Strategie', 3]]);
  });

  it('replaces a tag or a key as far as it runs, not a comment after it', () => {
    const tag = completeAt('docs/Neu.md', '---\nid: Neu\ntags:\n  - IM\n  - Beg|riff   # Hauptkategorie\n---\n').items;
    assert.deepEqual(tag.map((item) => [item.newText, item.range.start.character, item.range.end.character]), [['Begriffe', 4, 11]]);
    const key = completeAt('docs/Neu.md', '---\nid: Neu\nsidebar_pos|   # Reihenfolge im Glossar\n---\n').items.find((item) => item.label === 'sidebar_position')!;
    assert.deepEqual(key.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 11 } });
  });

  it('without a tags file offers the tags the glossary uses, most used first, with counts', () => {
    const index = glossaryOf({
      'A.md': entry('A', 'A', 'D.', '[Prozesse, Kosten]'),
      'B.md': entry('B', 'B', 'D.', '[Kosten]'),
    });
    const { items } = completeAt('C.md', '---\nid: C\ntags: [|]\n---\n', 'auto', index);
    assert.deepEqual(items.map((item) => [item.label, item.detail]), [
      ['Kosten', 'Entries with this tag: 2'],
      ['Prozesse', 'Entries with this tag: 1'],
    ]);
  });

  it('offers the keys not yet written, as snippets with documentation', () => {
    const { items } = completeAt('docs/Neu.md', '---\nid: Neu\nti|\n---\n');
    const title = items.find((item) => item.label === 'title');
    assert.ok(title);
    assert.equal(items.some((item) => item.label === 'id'), false);
    assert.equal(title.newText, 'title: $1');
    assert.equal(title.isSnippet, true);
    assert.match(title.documentation ?? '', /first heading/);
    assert.deepEqual(title.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 2 } });
    const notMentions = completeAt('docs/Neu.md', '---\nid: Neu\nnot|\n---\n').items.find((item) => item.label === 'not_mentions');
    assert.equal(notMentions?.newText, 'not_mentions: [$1]');
    assert.match(notMentions?.documentation ?? '', /bei Bedarf/);
  });

  it('offers no links inside front matter', () => {
    assert.deepEqual(completeAt('docs/Neu.md', '---\ntitle: [Outt|\n---\n').items, []);
  });

  it('offers the front matter of a new term in an empty file', () => {
    const { items } = completeAt('docs/Make-or-Buy.md', '|');
    assert.equal(items.length, 1);
    assert.equal(items[0].kind, 'snippet');
    assert.match(items[0].newText, /^---\nid: \$\{1:Make-or-Buy\}\ntitle: \$\{2:Make or Buy\}\ntags: \[\$3\]\n---\n\n# \$\{2:Make or Buy\}/);
  });
});

describe('smallest', () => {
  it('gives the same first k items as a full sort, ties included', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const compare = (a: [number, string], b: [number, string]) => b[0] - a[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
    for (const [length, k] of [[0, 5], [3, 5], [1000, 200], [5000, 1], [300, 300], [10, 0]]) {
      const items = Array.from({ length }, (_, i): [number, string] => [Math.floor(random() * 8), `name${Math.floor(random() * length)}-${i}`]);
      assert.deepEqual(smallest(items, k, compare), [...items].sort(compare).slice(0, k));
    }
  });
});

describe('anchor completion', () => {
  const site = () => {
    const index = glossaryOf({
      'docs/other.md': '---\ntitle: Other\n---\n# Other\n\n## Getting Started\n\n## Options\n\n## Options\n\n### Explicit {#custom}\n\n<details id="mehr"><summary>Mehr</summary></details>\n',
      'docs/html.md': '---\ntitle: HTML\n---\n## <span title={titel}>Whatever</span>\n',
    });
    index.setSites([defaultDocusaurusSite(ROOT)]);
    return index;
  };
  const anchorsAt = (text: string, index = site()) => completeAt('docs/intro.md', text, 'auto', index);

  it('offers the anchors Docusaurus gives the page a link leads to, by file, by route or on the page itself, each with its heading', () => {
    const byFile = anchorsAt('Siehe [Teil](./other.md#opt|).\n');
    assert.deepEqual(byFile.items.map((item) => [item.label, item.detail]), [
      ['getting-started', '## Getting Started'],
      ['options', '## Options'],
      ['options-1', '## Options'],
      ['custom', '### Explicit'],
      ['mehr', '<details>'],
    ]);
    // What was typed of the anchor is replaced, up to the closing parenthesis.
    assert.deepEqual(byFile.items[0].range, { start: { line: 0, character: 24 }, end: { line: 0, character: 27 } });
    assert.deepEqual(anchorsAt('[x](/docs/other#|)').items.map((item) => item.label)[0], 'getting-started');
    assert.deepEqual(anchorsAt('## Hier\n\n[x](#|)').items.map((item) => item.newText), ['hier']);
  });

  it('offers nothing, not terms, in the anchor of a page whose anchors are not known, or of no page', () => {
    assert.deepEqual(anchorsAt('[x](./html.md#|)').items, []);
    assert.deepEqual(anchorsAt('[x](./fehlt.md#|)').items, []);
    assert.deepEqual(completeAt('notes/plan.md', '[x](../docs/Outsourcing.md#|)').items, []);
  });
});
