/**
 * The inline disable comments over LSP: the quick fix "Disable … for this line", applied as an
 * editor would, makes the server publish the document's diagnostics without that problem.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol/node';
import { createWorkspace } from '../support/fixtures';
import { LspClient } from '../support/lspClient';

const NOTE = '---\ntitle: Notiz\ntitel: Alt\n---\n\nSiehe [Fehlt](Fehlt.md).\n';

/** One insertion applied to a text (the quick fix only inserts). */
function inserted(text: string, edit: TextEdit): string {
  const lines = text.split('\n');
  const line = lines[edit.range.start.line];
  lines[edit.range.start.line] = line.slice(0, edit.range.start.character) + edit.newText + line.slice(edit.range.start.character);
  return lines.join('\n');
}

describe('disable comments over LSP', () => {
  it('offers "Disable … for this line" for a front-matter and a body problem; applied, the problem is gone', async () => {
    const ws = createWorkspace({ 'notiz.md': NOTE });
    const client = await LspClient.start({ workspaceFolders: [ws.root] });
    try {
      await client.waitForIndex();
      const uri = ws.uri('notiz.md');
      await client.open(uri, NOTE);
      const codes = (found: Diagnostic[] | undefined) => (found ?? []).map((diagnostic) => diagnostic.code).sort();
      const diagnostics = await client.waitForDiagnostics(uri, (current) => codes(current).join() === 'broken-link,unknown-key');
      let text = NOTE;
      let version = 1;
      // Bottom up, so that each fix's line is where the server saw it.
      for (const code of ['broken-link', 'unknown-key']) {
        const diagnostic = diagnostics.find((candidate) => candidate.code === code)!;
        const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
        const disable = actions.find((action) => action.title === `Disable ${code} for this line`);
        assert.ok(disable?.edit?.changes?.[uri], JSON.stringify(actions.map((action) => action.title)));
        assert.equal(disable.kind, 'quickfix');
        text = inserted(text, disable.edit.changes[uri][0]);
      }
      assert.equal(text, '---\ntitle: Notiz\n# markdown-glossary-disable-next-line unknown-key\ntitel: Alt\n---\n\n<!-- markdown-glossary-disable-next-line broken-link -->\nSiehe [Fehlt](Fehlt.md).\n');
      await client.change(uri, ++version, text);
      await client.waitForDiagnostics(uri, (current) => current !== undefined && current.length === 0);
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });
});
