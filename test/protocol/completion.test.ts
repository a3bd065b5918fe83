/**
 * Protocol tests for completion: every trigger ('[', '(', '/', ',', '#') and list style, asserting the
 * text edits as an editor would apply them. Build first: `node esbuild.mjs`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  DidChangeConfigurationNotification,
  InsertTextFormat,
  type CompletionItem,
  type CompletionList,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { createWorkspace, type Workspace } from '../support/fixtures';
import { completionItems, LspClient } from '../support/lspClient';

const range = (line: number, startCharacter: number, endLine: number, endCharacter: number): Range => ({
  start: { line, character: startCharacter },
  end: { line: endLine, character: endCharacter },
});

const edit = (item: CompletionItem | undefined) => item?.textEdit as TextEdit | undefined;
const labels = (items: CompletionItem[]) => items.map((item) => item.label);
const byLabel = (items: CompletionItem[], label: string) => items.find((item) => item.label === label);

/** Applies a completion's text edit to a one-line-per-entry text, as the editor would. */
function applyEdit(text: string, textEdit: TextEdit): string {
  const lines = text.split('\n');
  const { start, end } = textEdit.range;
  assert.equal(start.line, end.line, 'edits stay on one line');
  const line = lines[start.line];
  lines[start.line] = line.slice(0, start.character) + textEdit.newText + line.slice(end.character);
  return lines.join('\n');
}

/** Line `line` of `text` once the item is accepted. */
const acceptedLine = (text: string, item: CompletionItem | undefined, line = 0) => applyEdit(text, edit(item)!).split('\n')[line];

function term(fields: { id: string; title: string; aliases?: string[]; tags: string[] }, definition: string): string {
  return [
    '---',
    `id: ${fields.id}`,
    `title: ${fields.title}`,
    ...(fields.aliases ? [`aliases: [${fields.aliases.join(', ')}]`] : []),
    `tags: [${fields.tags.join(', ')}]`,
    '---',
    '',
    `# ${fields.title}`,
    '',
    `**${definition}**`,
    '',
  ].join('\n');
}

const TAGS_YML = [
  'Begriffe:',
  '  label: Grundbegriffe',
  '  description: Begriffe, die jeder kennen sollte',
  '  permalink: /begriffe',
  'Prozesse:',
  '  label: Prozessmanagement',
  'Strategie:',
  '  label: Strategie',
  'Vertrag:',
  '  label: Verträge & Recht',
  '"C#":',
  '  label: Programmiersprache C#',
  'Qualität:',
  '  label: Qualitätsmanagement',
  '',
].join('\n');

const G = 'docs/10-Glossar';
const FILES: Record<string, string> = {
  'docs/tags.yml': TAGS_YML,
  [`${G}/W-Glossar/Wertschoepfungskette.md`]: term(
    { id: 'Wertschoepfungskette', title: 'Wertschöpfungskette', aliases: ['Value Chain'], tags: ['Begriffe', 'Prozesse'] },
    'Die Wertschöpfungskette ordnet die Tätigkeiten eines Unternehmens, die Werte schaffen.',
  ),
  [`${G}/W-Glossar/Wertschoepfung.md`]: term(
    { id: 'Wertschoepfung', title: 'Wertschöpfung', tags: ['Begriffe'] },
    'Wertschöpfung ist der Mehrwert, den ein Unternehmen schafft.',
  ),
  // The id differs from the file name: routes use the id.
  [`${G}/S-Glossar/Service-Level-Agreement.md`]: term(
    { id: 'SLA', title: 'Service Level Agreement', aliases: ['SLA', 'Dienstgütevereinbarung'], tags: ['Vertrag'] },
    'Ein Service Level Agreement legt die Güte einer Dienstleistung fest.',
  ),
  [`${G}/O-Glossar/Outsourcing.md`]: term(
    { id: 'Outsourcing', title: 'Outsourcing', tags: ['Begriffe', 'Strategie'] },
    'Outsourcing überträgt Aufgaben an externe Partner.',
  ),
  [`${G}/G-Glossar/Geschaeftsprozess.md`]: term(
    { id: 'geschaeftsprozess', title: 'Geschäftsprozess', tags: ['Begriffe', 'Prozesse'] },
    'Ein Geschäftsprozess ist eine Folge von Tätigkeiten, die einen Wert für Kunden schafft.',
  ),
  'notes/plan.md': 'Ein Plan ohne Links.\n',
};

const WSK_FROM_NOTES = '../docs/10-Glossar/W-Glossar/Wertschoepfungskette.md';
const SLA_FROM_NOTES = '../docs/10-Glossar/S-Glossar/Service-Level-Agreement.md';
/** The route Docusaurus builds for the entry: no final slash. */
const WSK_ROUTE = '/docs/Glossar/W-Glossar/Wertschoepfungskette';
const SLA_ROUTE = '/docs/Glossar/S-Glossar/SLA';

describe('completion in a glossary with tags.yml, terms in docs/10-Glossar/, umlauts and aliases', () => {
  let ws: Workspace;
  let client: LspClient;
  let version = 1;

  /** Opens (or replaces) a document and asks for completion at the end of the given line. */
  async function completeAt(rel: string, text: string, line: number, character?: number): Promise<CompletionList> {
    const uri = ws.uri(rel);
    if (opened.has(rel)) await client.change(uri, ++version, text);
    else {
      await client.open(uri, text);
      opened.add(rel);
    }
    const position = { line, character: character ?? text.split('\n')[line].length };
    const result = await client.completion(uri, position);
    assert.ok(result !== null && !Array.isArray(result), `a CompletionList: ${JSON.stringify(result)}`);
    return result;
  }
  const opened = new Set<string>();

  before(async () => {
    ws = createWorkspace(FILES);
    client = await LspClient.start({ workspaceFolders: [ws.root], snippets: true });
    assert.equal(await client.waitForIndex(), 6);
  });
  after(async () => {
    await client?.shutdown();
    ws?.dispose();
  });

  describe("'[' link text", () => {
    it('from a note in a subfolder inserts a relative ../ path, replacing what follows "[" up to the cursor', async () => {
      const text = 'Ein Plan ohne Links.\n\nSiehe [Wertsch';
      const list = await completeAt('notes/plan.md', text, 2);
      assert.equal(list.isIncomplete, false);
      const item = byLabel(list.items, 'Wertschöpfungskette');
      assert.equal(edit(item)?.newText, `Wertschöpfungskette](${WSK_FROM_NOTES})`);
      // From the word typed, as editors that filter by the word before the cursor (Eglot) take it.
      assert.deepEqual(edit(item)?.range, range(2, 7, 2, 14));
      assert.equal(item!.insertTextFormat, InsertTextFormat.PlainText);
      assert.equal(acceptedLine(text, byLabel(list.items, 'Wertschöpfung'), 2), 'Siehe [Wertschöpfung](../docs/10-Glossar/W-Glossar/Wertschoepfung.md)');
      assert.deepEqual(labels(list.items).sort(), ['Wertschöpfung', 'Wertschöpfungskette']);
      assert.equal(applyEdit(text, edit(item)!), `Ein Plan ohne Links.\n\nSiehe [Wertschöpfungskette](${WSK_FROM_NOTES})`);
    });

    for (const query of ['wertschöpf', 'wertschoepf', 'wertschopf', 'WERTSCHÖPFUNGSK']) {
      it(`finds "Wertschöpfungskette" for "[${query}"`, async () => {
        const text = `Siehe [${query}`;
        const list = await completeAt('notes/plan.md', text, 0);
        const item = byLabel(list.items, 'Wertschöpfungskette');
        assert.ok(item, JSON.stringify(labels(list.items)));
        assert.equal(acceptedLine(text, item), `Siehe [Wertschöpfungskette](${WSK_FROM_NOTES})`);
        assert.deepEqual(edit(item)?.range, range(0, 7, 0, text.length));
        assert.equal(item.detail, 'Begriffe, Prozesse');
      });
    }

    it('from a term in a sibling folder of the glossary gives a ../ path to the other letter folder', async () => {
      const rel = `${G}/O-Glossar/Outsourcing.md`;
      const text = FILES[rel] + '\nSiehe [Wertschöpfungsk';
      const line = text.split('\n').length - 1;
      const list = await completeAt(rel, text, line);
      assert.equal(acceptedLine(text, byLabel(list.items, 'Wertschöpfungskette'), line), 'Siehe [Wertschöpfungskette](../W-Glossar/Wertschoepfungskette.md)');
      // A term never links to itself.
      const all = await completeAt(rel, FILES[rel] + '\nSiehe [', line);
      assert.ok(!labels(all.items).includes('Outsourcing'), JSON.stringify(labels(all.items)));
      // The other four terms, and the aliases Value Chain, SLA and Dienstgütevereinbarung.
      assert.equal(all.items.length, 7, JSON.stringify(labels(all.items)));
    });

    it("sends a term's definition when the editor resolves the item it shows, not with every item", async () => {
      const list = await completeAt('notes/plan.md', 'Vgl. [Wert', 0);
      const item = byLabel(list.items, 'Wertschöpfungskette')!;
      assert.equal(item.documentation, undefined);
      const resolved = (await client.connection.sendRequest('completionItem/resolve', item)) as CompletionItem;
      assert.deepEqual(resolved.documentation, {
        kind: 'markdown',
        value: 'Die Wertschöpfungskette ordnet die Tätigkeiten eines Unternehmens, die Werte schaffen.',
      });
      assert.equal(edit(resolved)?.newText, edit(item)?.newText);
      // An alias shows its term's definition.
      const alias = byLabel((await completeAt('notes/plan.md', 'Vgl. [Value', 0)).items, 'Value Chain')!;
      const aliasResolved = (await client.connection.sendRequest('completionItem/resolve', alias)) as CompletionItem;
      assert.match((aliasResolved.documentation as { value: string }).value, /^Die Wertschöpfungskette ordnet/);
    });

    it('selecting an alias inserts [Alias](path to the term)', async () => {
      const list = await completeAt('notes/plan.md', 'Vgl. [Dienstgüte', 0);
      const item = byLabel(list.items, 'Dienstgütevereinbarung');
      assert.equal(acceptedLine('Vgl. [Dienstgüte', item), `Vgl. [Dienstgütevereinbarung](${SLA_FROM_NOTES})`);
      assert.deepEqual(edit(item)?.range, range(0, 6, 0, 16));
      assert.equal(item!.detail, '→ Service Level Agreement · Vertrag');
      assert.deepEqual(labels(list.items), ['Dienstgütevereinbarung']);

      const chain = await completeAt('notes/plan.md', 'Vgl. [value ch', 0);
      assert.equal(acceptedLine('Vgl. [value ch', byLabel(chain.items, 'Value Chain')), `Vgl. [Value Chain](${WSK_FROM_NOTES})`);

      // An acronym alias: the exact match comes first.
      const sla = await completeAt('notes/plan.md', 'Vgl. [SLA', 0);
      assert.equal(sla.items[0].label, 'SLA', JSON.stringify(labels(sla.items)));
      assert.equal(acceptedLine('Vgl. [SLA', sla.items[0]), `Vgl. [SLA](${SLA_FROM_NOTES})`);
    });

    it('replaces an existing "](target)" after the cursor instead of doubling it', async () => {
      const text = 'Siehe [Wertsch](alt.md) dazu.';
      const list = await completeAt('notes/plan.md', text, 0, 'Siehe [Wertsch'.length);
      const textEdit = edit(byLabel(list.items, 'Wertschöpfungskette'))!;
      assert.deepEqual(textEdit.range, range(0, 7, 0, 'Siehe [Wertsch](alt.md)'.length));
      assert.equal(applyEdit(text, textEdit), `Siehe [Wertschöpfungskette](${WSK_FROM_NOTES}) dazu.`);
    });
  });

  describe('what VS Code sees', () => {
    it('"[wertschoe" gets items whose filter text holds what was typed, so the editor keeps them', async () => {
      const list = await completeAt('notes/plan.md', 'Siehe [wertschoe', 0);
      const item = byLabel(list.items, 'Wertschöpfungskette');
      assert.ok(item?.filterText?.includes('wertschoepfungskette'), JSON.stringify(item?.filterText));
    });

    it('"[des Outsourcings](" offers Outsourcing first', async () => {
      const list = await completeAt('notes/plan.md', 'Die Vorteile [des Outsourcings](', 0);
      const sorted = [...list.items].sort((a, b) => ((a.sortText ?? '') < (b.sortText ?? '') ? -1 : 1));
      assert.equal(sorted[0].label, 'Outsourcing');
    });

    it('Insert Link keeps the selected words as the link text', async () => {
      const uri = ws.uri('notes/plan.md');
      const link = await client.connection.sendRequest<string | null>('markdownGlossary/linkToTerm', {
        documentUri: uri,
        termUri: ws.uri(`${G}/O-Glossar/Outsourcing.md`),
        selectedText: 'des Outsourcings ',
      });
      assert.equal(link, '[des Outsourcings](../docs/10-Glossar/O-Glossar/Outsourcing.md) ');
    });
  });

  describe("'(' link target", () => {
    it('after "](" inserts the path and the closing parenthesis, one item per term', async () => {
      const text = 'Die [Kette](';
      const list = await completeAt('notes/plan.md', text, 0);
      const item = byLabel(list.items, 'Wertschöpfungskette');
      assert.equal(edit(item)?.newText, `${WSK_FROM_NOTES})`);
      assert.deepEqual(edit(item)?.range, range(0, 12, 0, 12));
      // One item per term, labelled with its title, even though aliases exist.
      assert.deepEqual(labels(list.items).sort(), ['Geschäftsprozess', 'Outsourcing', 'Service Level Agreement', 'Wertschöpfung', 'Wertschöpfungskette']);
      assert.equal(applyEdit(text, edit(item)!), `Die [Kette](${WSK_FROM_NOTES})`);
    });

    it('filters by what was typed after "](", by name or alias, and replaces an auto-closed ")"', async () => {
      const text = 'Die [Vereinbarung](dienstgüte)';
      const list = await completeAt('notes/plan.md', text, 0, text.length - 1);
      assert.deepEqual(labels(list.items), ['Service Level Agreement']);
      const textEdit = edit(list.items[0])!;
      assert.equal(textEdit.newText, `${SLA_FROM_NOTES})`);
      assert.deepEqual(textEdit.range, range(0, 19, 0, text.length));
      assert.equal(applyEdit(text, textEdit), `Die [Vereinbarung](${SLA_FROM_NOTES})`);
    });

    it('a partly typed path is replaced as a whole', async () => {
      const text = 'Die [Kette](../docs/10-Glossar/W-Glossar/Wertschoepfungsk';
      const list = await completeAt('notes/plan.md', text, 0);
      const textEdit = edit(byLabel(list.items, 'Wertschöpfungskette'))!;
      assert.deepEqual(textEdit.range, range(0, 12, 0, text.length));
      assert.equal(applyEdit(text, textEdit), `Die [Kette](${WSK_FROM_NOTES})`);
    });

    it('after "[](" with no text yet writes the whole link', async () => {
      const text = 'Die [](Wertsch';
      const list = await completeAt('notes/plan.md', text, 0);
      const textEdit = edit(byLabel(list.items, 'Wertschöpfungskette'))!;
      assert.equal(textEdit.newText, `[Wertschöpfungskette](${WSK_FROM_NOTES})`);
      assert.deepEqual(textEdit.range, range(0, 4, 0, text.length));
    });
  });

  describe("'[[' wiki links", () => {
    it('inserts "Title]]" after "[[", and "Title|Alias]]" for an alias', async () => {
      const text = 'Siehe [[wertschöpfungsk';
      const list = await completeAt('notes/plan.md', text, 0);
      const item = byLabel(list.items, 'Wertschöpfungskette');
      assert.equal(edit(item)?.newText, 'Wertschöpfungskette]]');
      assert.deepEqual(edit(item)?.range, range(0, 8, 0, text.length));
      assert.equal(applyEdit(text, edit(item)!), 'Siehe [[Wertschöpfungskette]]');

      const alias = await completeAt('notes/plan.md', 'Siehe [[Value', 0);
      assert.equal(edit(byLabel(alias.items, 'Value Chain'))?.newText, 'Wertschöpfungskette|Value Chain]]');
      const sla = await completeAt('notes/plan.md', 'Siehe [[Dienstg', 0);
      assert.equal(edit(byLabel(sla.items, 'Dienstgütevereinbarung'))?.newText, 'Service Level Agreement|Dienstgütevereinbarung]]');
    });

    it('replaces auto-closed "]]" after the cursor', async () => {
      const text = 'Siehe [[Outs]] hier.';
      const list = await completeAt('notes/plan.md', text, 0, 'Siehe [[Outs'.length);
      const textEdit = edit(byLabel(list.items, 'Outsourcing'))!;
      assert.deepEqual(textEdit.range, range(0, 8, 0, 'Siehe [[Outs]]'.length));
      assert.equal(applyEdit(text, textEdit), 'Siehe [[Outsourcing]] hier.');
    });
  });

  describe("'/' routes", () => {
    it('inside "](/docs/" inserts the Docusaurus route: number prefix dropped, id as last segment', async () => {
      const text = 'Die [Kette](/docs/';
      const list = await completeAt('notes/plan.md', text, 0);
      assert.equal(edit(byLabel(list.items, 'Wertschöpfungskette'))?.newText, `${WSK_ROUTE})`);
      assert.equal(edit(byLabel(list.items, 'Service Level Agreement'))?.newText, `${SLA_ROUTE})`);
      assert.equal(edit(byLabel(list.items, 'Geschäftsprozess'))?.newText, '/docs/Glossar/G-Glossar/geschaeftsprozess)');
      assert.deepEqual(edit(list.items[0])?.range, range(0, 12, 0, text.length));
      assert.equal(list.items.length, 5, JSON.stringify(labels(list.items)));
    });

    it('filters by the last route segment and replaces the typed route and an auto-closed ")"', async () => {
      const text = 'Die [Kette](/docs/Glossar/W-Glossar/Wertschöpfungsk)';
      const list = await completeAt('notes/plan.md', text, 0, text.length - 1);
      assert.deepEqual(labels(list.items), ['Wertschöpfungskette']);
      const textEdit = edit(list.items[0])!;
      assert.deepEqual(textEdit.range, range(0, 12, 0, text.length));
      assert.equal(applyEdit(text, textEdit), `Die [Kette](${WSK_ROUTE})`);
    });
  });

  describe('link style', () => {
    const wikiNote = 'Wir nutzen [[Outsourcing]] und [[Geschäftsprozess]].\n\nNeu: [Wertschöpfungsk';
    const routeNote = `Siehe [Outsourcing](/docs/Glossar/O-Glossar/Outsourcing/).\n\nNeu: [Wertschöpfungsk`;

    it('follows a document that already uses wiki links: "[" completes to [[Title]] and [[Title|Alias]]', async () => {
      const list = await completeAt('notes/wiki.md', wikiNote, 2);
      const item = byLabel(list.items, 'Wertschöpfungskette');
      assert.equal(acceptedLine(wikiNote, item, 2), 'Neu: [[Wertschöpfungskette]]');
      assert.deepEqual(edit(item)?.range, range(2, 6, 2, 21));
      const aliasNote = wikiNote.replace('[Wertschöpfungsk', '[Value');
      const alias = await completeAt('notes/wiki.md', aliasNote, 2);
      assert.equal(acceptedLine(aliasNote, byLabel(alias.items, 'Value Chain'), 2), 'Neu: [[Wertschöpfungskette|Value Chain]]');
    });

    it('follows a document that already uses routes', async () => {
      const list = await completeAt('notes/route.md', routeNote, 2);
      assert.equal(acceptedLine(routeNote, byLabel(list.items, 'Wertschöpfungskette'), 2), `Neu: [Wertschöpfungskette](${WSK_ROUTE})`);
    });

    it('the markdownGlossary.linkStyle setting overrides the document: route, then relative, then auto again', async () => {
      const configure = (linkStyle: string) =>
        client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { markdownGlossary: { linkStyle } } });
      try {
        await configure('route');
        const plain = await completeAt('notes/plan.md', 'Siehe [Wertschöpfungsk', 0);
        assert.equal(acceptedLine('Siehe [Wertschöpfungsk', byLabel(plain.items, 'Wertschöpfungskette')), `Siehe [Wertschöpfungskette](${WSK_ROUTE})`);
        const wiki = await completeAt('notes/wiki.md', wikiNote, 2);
        assert.equal(acceptedLine(wikiNote, byLabel(wiki.items, 'Wertschöpfungskette'), 2), `Neu: [Wertschöpfungskette](${WSK_ROUTE})`);

        await configure('relative');
        const relative = await completeAt('notes/route.md', routeNote, 2);
        assert.equal(acceptedLine(routeNote, byLabel(relative.items, 'Wertschöpfungskette'), 2), `Neu: [Wertschöpfungskette](${WSK_FROM_NOTES})`);

        await configure('wiki');
        const wikiSetting = await completeAt('notes/plan.md', 'Siehe [Value', 0);
        assert.equal(acceptedLine('Siehe [Value', byLabel(wikiSetting.items, 'Value Chain')), 'Siehe [[Wertschöpfungskette|Value Chain]]');
      } finally {
        await configure('auto');
      }
      const auto = await completeAt('notes/wiki.md', wikiNote, 2);
      assert.equal(acceptedLine(wikiNote, byLabel(auto.items, 'Wertschöpfungskette'), 2), 'Neu: [[Wertschöpfungskette]]');
    });
  });

  describe("tags in front matter (',' and list items)", () => {
    const rel = `${G}/N-Glossar/Neu.md`;

    it('in a flow list offers the tags of tags.yml except those present, with their labels as detail', async () => {
      const text = '---\nid: Neu\ntitle: Neu\ntags: [Begriffe, ]\n---\n\n# Neu\n';
      const list = await completeAt(rel, text, 3, 'tags: [Begriffe, '.length);
      assert.equal(list.isIncomplete, false);
      assert.deepEqual(labels(list.items), ['C#', 'Prozesse', 'Qualität', 'Strategie', 'Vertrag']);
      assert.deepEqual(
        list.items.map((item) => item.detail),
        ['Programmiersprache C#', 'Prozessmanagement', 'Qualitätsmanagement', undefined, 'Verträge & Recht'],
      );
      for (const item of list.items) assert.deepEqual(edit(item)?.range, range(3, 17, 3, 17), item.label as string);
      assert.equal(edit(byLabel(list.items, 'Prozesse'))?.newText, 'Prozesse');
      // "#" would start a YAML comment: the tag is quoted.
      assert.equal(edit(byLabel(list.items, 'C#'))?.newText, '"C#"');
      assert.equal(applyEdit(text, edit(byLabel(list.items, 'C#'))!).split('\n')[3], 'tags: [Begriffe, "C#"]');
    });

    it('in a flow list filters by the typed part (umlauts folded) and replaces it', async () => {
      const text = '---\nid: Neu\ntitle: Neu\ntags: [Begriffe, qualitae]\n---\n';
      const list = await completeAt(rel, text, 3, 'tags: [Begriffe, qualitae'.length);
      assert.deepEqual(labels(list.items), ['Qualität']);
      assert.deepEqual(edit(list.items[0])?.range, range(3, 17, 3, 25));
      assert.equal(applyEdit(text, edit(list.items[0])!).split('\n')[3], 'tags: [Begriffe, Qualität]');

      // The cursor inside a tag: the rest of it up to "," is replaced too; Vertrag is present.
      const inside = '---\nid: Neu\ntitle: Neu\ntags: [Begriffe, Pro, Vertrag]\n---\n';
      const middle = await completeAt(rel, inside, 3, 'tags: [Begriffe, P'.length);
      assert.deepEqual(labels(middle.items), ['Prozesse']);
      assert.deepEqual(edit(middle.items[0])?.range, range(3, 17, 3, 20));
      const offered = await completeAt(rel, inside.replace('Pro,', ','), 3, 'tags: [Begriffe, '.length);
      assert.ok(!labels(offered.items).includes('Vertrag'), JSON.stringify(labels(offered.items)));
      assert.ok(!labels(offered.items).includes('Begriffe'), JSON.stringify(labels(offered.items)));
    });

    it('in a block list under "tags:" offers the other tags, with the description and permalink as documentation', async () => {
      const text = '---\nid: Neu\ntitle: Neu\ntags:\n  - Strategie\n  - \n---\n';
      const list = await completeAt(rel, text, 5, 4);
      assert.deepEqual(labels(list.items), ['Begriffe', 'C#', 'Prozesse', 'Qualität', 'Vertrag']);
      for (const item of list.items) assert.deepEqual(edit(item)?.range, range(5, 4, 5, 4), item.label as string);
      const begriffe = byLabel(list.items, 'Begriffe')!;
      assert.equal(begriffe.detail, 'Grundbegriffe');
      assert.deepEqual(begriffe.documentation, { kind: 'markdown', value: 'Begriffe, die jeder kennen sollte\n\n`/begriffe`' });

      const typed = text.replace('  - \n', '  - ver\n');
      const filtered = await completeAt(rel, typed, 5, 7);
      assert.deepEqual(labels(filtered.items), ['Vertrag']);
      assert.deepEqual(edit(filtered.items[0])?.range, range(5, 4, 5, 7));
      assert.equal(applyEdit(typed, edit(filtered.items[0])!).split('\n')[5], '  - Vertrag');
    });

    it('a list item under another key is no tag list', async () => {
      const text = '---\nid: Neu\ntitle: Neu\naliases:\n  - \n---\n';
      const list = await completeAt(rel, text, 4, 4);
      assert.deepEqual(list.items, []);
    });
  });

  describe('front-matter keys and the new-term snippet', () => {
    it('at a line start in the front matter offers the missing keys as snippets ("ti" -> "title: $1")', async () => {
      const rel = `${G}/N-Glossar/Schluessel.md`;
      const text = '---\nid: Schluessel\nti\n---\n';
      const list = await completeAt(rel, text, 2);
      const title = byLabel(list.items, 'title');
      assert.equal(edit(title)?.newText, 'title: $1');
      assert.equal(title!.insertTextFormat, InsertTextFormat.Snippet);
      assert.deepEqual(edit(title)?.range, range(2, 0, 2, 2));
      assert.equal(edit(byLabel(list.items, 'aliases'))?.newText, 'aliases: [$1]');
      assert.equal(edit(byLabel(list.items, 'tags'))?.newText, 'tags: [$1]');
      assert.ok(!labels(list.items).includes('id'), 'id is already there');
      assert.ok(list.items.every((item) => item.insertTextFormat === InsertTextFormat.Snippet));
    });

    it('in an empty file offers the front matter of a new term, named after the file', async () => {
      const rel = `${G}/N-Glossar/Neuer-Begriff.md`;
      const list = await completeAt(rel, '', 0, 0);
      assert.equal(list.items.length, 1);
      const [snippet] = list.items;
      assert.equal(snippet.label, 'New glossary term');
      assert.equal(snippet.insertTextFormat, InsertTextFormat.Snippet);
      assert.deepEqual(edit(snippet)?.range, range(0, 0, 0, 0));
      assert.equal(
        edit(snippet)?.newText,
        '---\nid: ${1:Neuer-Begriff}\ntitle: ${2:Neuer Begriff}\ntags: [$3]\n---\n\n# ${2:Neuer Begriff}\n\n**${4:Definition in one sentence.}** $0\n',
      );
    });
  });
});

describe('completion in an editor without snippets', () => {
  it('inserts plain text: each tab stop\'s default, no "${1:1}" written into the file', async () => {
    const ws = createWorkspace({ 'glossar/Alpha.md': '---\nid: Alpha\ntitle: Alpha\n---\n\n# Alpha\n' });
    const client = await LspClient.start({ workspaceFolders: [ws.root] });
    try {
      await client.waitForIndex();
      const uri = ws.uri('glossar/Neu.md');
      const text = '---\nid: Neu\nsidebar_pos   # Reihenfolge im Glossar\n---\n';
      await client.open(uri, text);
      const list = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 11 } })) as CompletionList;
      const item = list.items.find((candidate) => candidate.label === 'sidebar_position')!;
      assert.equal(item.insertTextFormat, InsertTextFormat.PlainText);
      // The key alone is replaced: the comment after it stays.
      assert.deepEqual(edit(item), { range: range(2, 0, 2, 11), newText: 'sidebar_position: 1' });
      // A choice (`${1|true,false|}`) is its first value: front matter that still parses.
      await client.change(uri, 2, '---\nid: Neu\ndra\n---\n');
      const choices = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 3 } })) as CompletionList;
      assert.deepEqual(edit(choices.items.find((candidate) => candidate.label === 'draft')!), { range: range(2, 0, 2, 3), newText: 'draft: true' });
      const empty = ws.uri('glossar/Leer.md');
      await client.open(empty, '');
      const [snippet] = ((await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: empty }, position: { line: 0, character: 0 } })) as CompletionList).items;
      assert.equal(edit(snippet)?.newText, '---\nid: Leer\ntitle: Leer\ntags: []\n---\n\n# Leer\n\n**Definition in one sentence.** \n');
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });
});

describe('tag completion without a tags.yml', () => {
  let ws: Workspace;
  let client: LspClient;

  before(async () => {
    ws = createWorkspace({
      'glossar/Alpha.md': '---\nid: Alpha\ntitle: Alpha\ntags: [Begriffe, Strategie]\n---\n\n# Alpha\n',
      'glossar/Beta.md': '---\nid: Beta\ntitle: Beta\ntags: [Begriffe]\n---\n\n# Beta\n',
      'glossar/Gamma.md': '---\nid: Gamma\ntitle: Gamma\ntags:\n  - Begriffe\n  - Prozesse\n---\n\n# Gamma\n',
    });
    client = await LspClient.start({ workspaceFolders: [ws.root] });
    assert.equal(await client.waitForIndex(), 3);
  });
  after(async () => {
    await client?.shutdown();
    ws?.dispose();
  });

  it('offers the tags the glossary uses, most used first, with their counts', async () => {
    const uri = ws.uri('glossar/Delta.md');
    await client.open(uri, '---\nid: Delta\ntitle: Delta\ntags: []\n---\n');
    const items = completionItems(await client.completion(uri, { line: 3, character: 7 }));
    assert.deepEqual(labels(items), ['Begriffe', 'Prozesse', 'Strategie']);
    assert.deepEqual(
      items.map((item) => item.detail),
      ['Entries with this tag: 3', 'Entries with this tag: 1', 'Entries with this tag: 1'],
    );
    assert.deepEqual(edit(items[0])?.range, range(3, 7, 3, 7));
    assert.equal(edit(items[0])?.newText, 'Begriffe');
  });
});

describe('completion in a glossary of 10,000 terms', () => {
  const COUNT = 10_000;
  let ws: Workspace;
  let client: LspClient;
  const name = (n: number) => `Testbegriff ${String(n).padStart(5, '0')}`;

  before(async () => {
    ws = createWorkspace({ 'notes/gross.md': 'Notiz.\n' });
    for (let n = 0; n < COUNT; n++) {
      const title = name(n);
      const id = title.replace(' ', '-');
      ws.write(`glossar/${id}.md`, `---\nid: ${id}\ntitle: ${title}\ntags: [Generiert]\n---\n\n# ${title}\n\n**Der generierte Begriff Nummer ${n}.**\n`);
    }
    ws.write('glossar/Quellcodeverwaltung.md', term({ id: 'Quellcodeverwaltung', title: 'Quellcodeverwaltung', tags: ['Technik'] }, 'Versionen von Quellcode.'));
    const started = Date.now();
    client = await LspClient.start({ workspaceFolders: [ws.root] });
    assert.equal(await client.waitForIndex(30_000), COUNT + 2);
    console.log(`indexed ${COUNT + 2} files in ${Date.now() - started} ms (start included)`);
  });
  after(async () => {
    await client?.shutdown();
    ws?.dispose();
  });

  it('after "[" returns at most 200 items and says the list is incomplete', async () => {
    const uri = ws.uri('notes/gross.md');
    await client.open(uri, 'Siehe [');
    const started = performance.now();
    const result = await client.completion(uri, { line: 0, character: 7 });
    console.log(`completion "[" over ${COUNT + 1} terms: ${(performance.now() - started).toFixed(1)} ms round trip`);
    assert.ok(result !== null && !Array.isArray(result));
    assert.equal(result.isIncomplete, true);
    assert.equal(result.items.length, 200);
  });

  it('a specific query finds the exact term first', async () => {
    const uri = ws.uri('notes/gross.md');
    await client.change(uri, 2, 'Siehe [testbegriff 04711');
    let started = performance.now();
    const result = await client.completion(uri, { line: 0, character: 24 });
    console.log(`completion "[testbegriff 04711": ${(performance.now() - started).toFixed(1)} ms round trip`);
    const items = completionItems(result);
    assert.equal(items[0].label, 'Testbegriff 04711', JSON.stringify(labels(items).slice(0, 5)));
    assert.equal(acceptedLine('Siehe [testbegriff 04711', items[0]), 'Siehe [Testbegriff 04711](../glossar/Testbegriff-04711.md)');
    assert.deepEqual(edit(items[0])?.range, range(0, 7, 0, 24));
    assert.equal(items.length, 1, JSON.stringify(labels(items).slice(0, 5)));

    await client.change(uri, 3, 'Siehe [quellcode');
    started = performance.now();
    const word = completionItems(await client.completion(uri, { line: 0, character: 16 }));
    console.log(`completion "[quellcode": ${(performance.now() - started).toFixed(1)} ms round trip`);
    assert.deepEqual(labels(word), ['Quellcodeverwaltung']);
    assert.equal(acceptedLine('Siehe [quellcode', word[0]), 'Siehe [Quellcodeverwaltung](../glossar/Quellcodeverwaltung.md)');
  });
});

describe("'#' anchor of a link, in a Docusaurus site", () => {
  let ws: Workspace;
  let client: LspClient;

  before(async () => {
    ws = createWorkspace({
      'docusaurus.config.js': "module.exports = { title: 'G', url: 'https://example.com', baseUrl: '/', presets: [['classic', { docs: { sidebarPath: false }, blog: false }]] };\n",
      'docs/anleitung.md': '---\ntitle: Anleitung\n---\n# Anleitung\n\n## Erste Schritte\n\n## Optionen\n\n## Optionen\n',
      'docs/plan.md': '---\ntitle: Plan\n---\nEin Plan.\n',
    });
    client = await LspClient.start({ workspaceFolders: [ws.root] });
    assert.equal(await client.waitForIndex(), 2);
  });
  after(async () => {
    await client?.shutdown();
    ws?.dispose();
  });

  it("offers the target page's heading ids as Docusaurus numbers them, replacing what was typed of the anchor", async () => {
    const uri = ws.uri('docs/plan.md');
    const text = '---\ntitle: Plan\n---\nSiehe [Optionen](./anleitung.md#opt)';
    await client.open(uri, text);
    const items = completionItems(await client.completion(uri, { line: 3, character: 35 }));
    assert.deepEqual(labels(items), ['erste-schritte', 'optionen', 'optionen-1']);
    assert.equal(applyEdit(text, edit(byLabel(items, 'optionen-1'))!), '---\ntitle: Plan\n---\nSiehe [Optionen](./anleitung.md#optionen-1)');
  });
});
