/**
 * Protocol tests for an editor like Vim's ALE (3.3, Debian 12): it asks for hovers and completion
 * documentation in plain text only (`contentFormat: ['plaintext']`). test/vim/ drives the real ALE.
 * Build first: `node esbuild.mjs`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type MarkupContent } from 'vscode-languageserver-protocol/node';
import { createWorkspace, positionOf, type Workspace } from '../support/fixtures';
import { completionItems, LspClient } from '../support/lspClient';

const TERM = ['---', 'id: Outtasking', 'title: Outtasking', 'aliases: [Teilvergabe]', 'tags: [Begriffe]', '---', '', '# Outtasking', '', '**Das Outtasking ist eine Form des [Outsourcings](Outsourcing.md), mit `Teilaufgaben`.**', ''].join('\n');
const OUTSOURCING = ['---', 'id: Outsourcing', 'title: Outsourcing', 'tags: [Begriffe]', '---', '', '# Outsourcing', '', '**Outsourcing ist die Auslagerung.**', ''].join('\n');
const TAGS = 'Begriffe:\n  label: Grundbegriffe\n  description: Begriffe, die **jeder** kennen sollte\n';
const NOTE = 'Wir prüfen das Outtasking. Siehe [neu](../glossar/Fehlt.md).\n';

describe('an editor that shows plain text (Vim with ALE)', () => {
  let ws: Workspace;
  let plain: LspClient;
  let full: LspClient;

  before(async () => {
    ws = createWorkspace({ 'glossar/Outtasking.md': TERM, 'glossar/Outsourcing.md': OUTSOURCING, 'glossar/tags.yml': TAGS, 'notes/plan.md': NOTE });
    // As ALE 3.3 starts a server: plain text only.
    plain = await LspClient.start({ workspaceFolders: [ws.root], markupFormats: ['plaintext'] });
    full = await LspClient.start({ workspaceFolders: [ws.root] });
    await Promise.all([plain.waitForIndex(), full.waitForIndex()]);
    for (const client of [plain, full]) await client.open(ws.uri('notes/plan.md'), NOTE);
  });
  after(async () => {
    await plain?.shutdown();
    await full?.shutdown();
    ws?.dispose();
  });

  it('gets hovers as plain text: no emphasis markers, backticks or link targets shown raw', async () => {
    const position = positionOf(NOTE, 'Outtasking', 3);
    const hover = await plain.hover(ws.uri('notes/plan.md'), position);
    const contents = hover?.contents as MarkupContent;
    assert.equal(contents.kind, 'plaintext');
    assert.equal(
      contents.value,
      ['Outtasking (Teilvergabe)', '', 'Das Outtasking ist eine Form des Outsourcings, mit Teilaufgaben.', '', 'Tags: Grundbegriffe (Begriffe)', '', 'Open ../glossar/Outtasking.md'].join('\n'),
    );
    // An editor that shows Markdown still gets it.
    const markdown = (await full.hover(ws.uri('notes/plan.md'), position))?.contents as MarkupContent;
    assert.equal(markdown.kind, 'markdown');
    assert.ok(markdown.value.startsWith('**Outtasking** (Teilvergabe)'), markdown.value);
  });

  it('gets completion documentation as plain text', async () => {
    const uri = ws.uri('glossar/Neu.md');
    const text = '---\ntitle: Neu\ntags: [Beg\n---\n';
    await plain.open(uri, text);
    const items = completionItems(await plain.completion(uri, { line: 2, character: 10 }));
    const tag = items.find((item) => item.label === 'Begriffe');
    assert.ok(tag, JSON.stringify(items.map((item) => item.label)));
    const documentation = tag.documentation as MarkupContent;
    assert.equal(documentation.kind, 'plaintext');
    assert.ok(!/\*\*|`|\]\(/.test(documentation.value), documentation.value);
    assert.ok(documentation.value.includes('jeder kennen'), documentation.value);
    await plain.close(uri);
  });

});
