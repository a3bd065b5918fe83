/**
 * The opt-in code lens over a term's title: how many places refer to the term and how many mention
 * it without a link, counted as Find All References and the unlinked-mention rule count them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeLens } from 'vscode-languageserver-protocol/node';
import { createWorkspace } from '../support/fixtures';
import { LspClient } from '../support/lspClient';

const TERM = '---\nid: Outtasking\ntitle: Outtasking\n---\n\n# Outtasking\n\n**Das Outtasking ist eine Form des Outsourcings.**\n';
const FILES = {
  'glossar/Outtasking.md': TERM,
  'notizen/a.md': 'Wir prüfen das [Outtasking](../glossar/Outtasking.md) und das Outtasking der Buchhaltung.\n',
  'notizen/b.md': 'Outtasking lohnt sich. Siehe [[Outtasking]].\n',
  'notizen/c.md': 'Hier steht nichts dazu.\n',
};

async function lenses(settings: object): Promise<{ listed: CodeLens[]; resolved: CodeLens[] }> {
  const ws = createWorkspace(FILES);
  const client = await LspClient.start({ workspaceFolders: [ws.root], initializationOptions: { settings } });
  try {
    await client.waitForIndex();
    const uri = ws.uri('glossar/Outtasking.md');
    await client.open(uri, TERM);
    const listed = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
    const resolved = await Promise.all(listed.map((lens) => client.connection.sendRequest('codeLens/resolve', lens) as Promise<CodeLens>));
    const references = (await client.connection.sendRequest('textDocument/references', { textDocument: { uri }, position: { line: 5, character: 3 }, context: { includeDeclaration: false } })) as unknown[];
    if (resolved.length > 0) assert.match(resolved[0].command!.title, new RegExp(`^${references.length} references`), 'the lens counts what Find All References lists');
    return { listed, resolved };
  } finally {
    await client.shutdown();
    ws.dispose();
  }
}

describe('code lens over a term (setting codeLens)', () => {
  it('is off by default', async () => {
    assert.deepEqual((await lenses({})).listed, []);
  });

  it('counts the references and the unlinked mentions above the title, and a click finds the references', async () => {
    const { resolved } = await lenses({ codeLens: true });
    assert.equal(resolved.length, 1);
    const [lens] = resolved;
    assert.deepEqual(lens.range.start, { line: 5, character: 2 });
    // Two links ([Outtasking](…), [[Outtasking]]), two plain mentions in the notes, and its own
    // definition's; only those in other files are unlinked mentions, as the rule counts them.
    assert.equal(lens.command!.title, '5 references · 2 unlinked mentions');
    assert.equal(lens.command!.command, 'markdownGlossary.showReferences');
    assert.deepEqual(lens.command!.arguments, [lens.data.termUri, lens.range.start]);
  });
});
