/**
 * What the glossary views ask the server (lsp/protocol.ts): groups of terms, a group's terms, a
 * term's links and unlinked mentions, and the tags; and the status that tells a view to refresh.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SymbolInformation } from 'vscode-languageserver-protocol/node';
import {
  GLOSSARY_CHANGED_NOTIFICATION,
  GROUP_TERMS_REQUEST,
  STATUS_NOTIFICATION,
  TAG_SUMMARIES_REQUEST,
  TERM_GROUPS_REQUEST,
  TERM_REFERENCES_REQUEST,
  type StatusParams,
  type TagSummary,
  type TermGroupsResult,
  type TermReferences,
  type GroupTerms,
} from '../../server/src/lsp/protocol';
import { createWorkspace, type Workspace } from '../support/fixtures';
import { eventually, LspClient } from '../support/lspClient';

const term = (id: string, title: string, tags: string, body: string) => `---\nid: ${id}\ntitle: ${title}\ntags: ${tags}\n---\n\n# ${title}\n\n**${body}**\n`;
const FILES = {
  'glossar/tags.yml': 'Begriffe:\n  label: Begriffe\nIM:\n  label: Informationsmanagement\n',
  'glossar/Outtasking.md': term('Outtasking', 'Outtasking', '[Begriffe, IM]', 'Eine Form des Outsourcings.'),
  'glossar/vertrag/SLA.md': term('SLA', 'Service Level Agreement', '[Begriffe, Vertrag]', 'Ein Vertrag.'),
  'notizen/a.md': 'Wir prüfen das [Outtasking](../glossar/Outtasking.md) und das Outtasking der Buchhaltung.\n',
  'notizen/b.md': 'Outtasking lohnt sich.\n',
};

describe('the glossary views\' requests', () => {
  let ws: Workspace;
  let client: LspClient;
  const statuses: StatusParams[] = [];
  let glossaryChanges = 0;
  before(async () => {
    ws = createWorkspace(FILES);
    client = await LspClient.start({ workspaceFolders: [ws.root], initializationOptions: { editorListsHeadings: true } });
    client.connection.onNotification(STATUS_NOTIFICATION, (status: StatusParams) => {
      statuses.push(status);
    });
    client.connection.onNotification(GLOSSARY_CHANGED_NOTIFICATION, () => {
      glossaryChanges += 1;
    });
    await client.waitForIndex();
  });
  after(async () => {
    await client.shutdown();
    ws.dispose();
  });
  const request = <T>(method: string, params?: object) => client.connection.sendRequest(method, params) as Promise<T>;

  it('groups the terms by tag with labels and counts, and by folder', async () => {
    const byTag = await request<TermGroupsResult>(TERM_GROUPS_REQUEST, { groupBy: 'tag', filter: '' });
    assert.deepEqual(byTag, {
      groups: [
        { kind: 'tag', key: 'Begriffe', label: 'Begriffe', count: 2 },
        { kind: 'tag', key: 'IM', label: 'Informationsmanagement', count: 1 },
        { kind: 'tag', key: 'Vertrag', label: 'Vertrag', count: 1 },
      ],
      shown: 2,
      total: 2,
    });
    const byFolder = await request<TermGroupsResult>(TERM_GROUPS_REQUEST, { groupBy: 'folder', filter: 'sla' });
    assert.deepEqual(byFolder, { groups: [{ kind: 'folder', key: 'glossar/vertrag', label: 'glossar/vertrag', count: 1 }], shown: 1, total: 2 });
  });

  it('lists a group\'s terms with what a tree item shows, and the problems of their files', async () => {
    const { terms, total } = await request<GroupTerms>(GROUP_TERMS_REQUEST, { groupBy: 'tag', filter: '', group: { kind: 'tag', key: 'Vertrag' } });
    assert.equal(total, 1);
    assert.deepEqual(terms, [
      {
        uri: ws.uri('glossar/vertrag/SLA.md'),
        range: { start: { line: 6, character: 2 }, end: { line: 6, character: 25 } },
        title: 'Service Level Agreement',
        aliases: [],
        tags: ['Begriffe', 'Vertrag'],
        definition: 'Ein Vertrag.',
        // "Vertrag" is not declared in glossar/tags.yml.
        problems: 1,
      },
    ]);
  });

  it('finds a term\'s links apart from its unlinked mentions, each with its line', async () => {
    const found = await request<TermReferences>(TERM_REFERENCES_REQUEST, { termUri: ws.uri('glossar/Outtasking.md') });
    const lineA = 'Wir prüfen das [Outtasking](../glossar/Outtasking.md) und das Outtasking der Buchhaltung.';
    assert.deepEqual(found, {
      links: [{ uri: ws.uri('notizen/a.md'), range: { start: { line: 0, character: 15 }, end: { line: 0, character: 53 } }, preview: lineA }],
      mentions: [
        { uri: ws.uri('notizen/a.md'), range: { start: { line: 0, character: 62 }, end: { line: 0, character: 72 } }, preview: lineA },
        { uri: ws.uri('notizen/b.md'), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } }, preview: 'Outtasking lohnt sich.' },
      ],
    });
    assert.equal(await request(TERM_REFERENCES_REQUEST, { termUri: ws.uri('notizen/a.md') }), null);
  });

  it('lists the tags with their use, and which are not declared', async () => {
    const tags = await request<TagSummary[]>(TAG_SUMMARIES_REQUEST);
    assert.deepEqual(
      tags.map(({ tag, label, count, undeclaredUses, declaration }) => [tag, label, count, undeclaredUses, declaration?.range.start.line]),
      [
        ['Begriffe', 'Begriffe', 2, 0, 0],
        ['IM', 'Informationsmanagement', 1, 0, 2],
        ['Vertrag', 'Vertrag', 1, 1, undefined],
      ],
    );
  });

  it('leaves the outline and the headings of terms in workspace symbols to an editor that lists headings', async () => {
    assert.equal(client.initializeResult!.capabilities.documentSymbolProvider, false);
    const symbols = await request<SymbolInformation[]>('workspace/symbol', { query: 'outt' });
    assert.deepEqual(symbols, []);
  });

  it('says the glossary changed when a term\'s title changes, though no count does', async () => {
    await eventually(async () => statuses.at(-1), (status) => status !== undefined && !status.indexing);
    const before = statuses.at(-1)!;
    const changesBefore = glossaryChanges;
    const uri = ws.uri('glossar/Outtasking.md');
    await client.open(uri, FILES['glossar/Outtasking.md']);
    await client.change(uri, 2, FILES['glossar/Outtasking.md'].replaceAll('Outtasking', 'Aufgabenauslagerung'));
    await eventually(async () => glossaryChanges, (count) => count > changesBefore);
    const after = statuses.at(-1)!;
    assert.deepEqual({ terms: after.terms, problems: after.problems }, { terms: before.terms, problems: before.problems });
    const [group] = (await request<TermGroupsResult>(TERM_GROUPS_REQUEST, { groupBy: 'tag', filter: 'aufgaben' })).groups;
    assert.equal(group.key, 'Begriffe');
    // An edit that changes nothing a view or the preview shows says nothing.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const settled = glossaryChanges;
    await client.change(uri, 3, `${FILES['glossar/Outtasking.md'].replaceAll('Outtasking', 'Aufgabenauslagerung')}\nNoch ein Absatz.\n`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(glossaryChanges, settled);
  });
});
