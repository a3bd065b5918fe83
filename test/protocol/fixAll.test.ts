/**
 * "Fix all" as a source action, which VS Code runs on save with `editor.codeActionsOnSave`: the safe
 * fixes of the whole document, those `check --fix` applies, and nothing else.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-protocol/node';
import { createWorkspace } from '../support/fixtures';
import { LspClient } from '../support/lspClient';

const TAGS = 'Begriffe:\n  label: Begriffe\nIM:\n  label: IM\n';
const ENTRY = '---\nid: A\ntitel: A\ntags: [Begriffe, IM, Begriffe, " IM "]\n---\n\n# A\n\nSiehe [Fehlt](Fehlt.md).\n';

describe('fix all on save (source.fixAll)', () => {
  it('offers the safe fixes of the whole document as one source action, for source.fixAll and for source, not for refactor', async () => {
    const ws = createWorkspace({ 'glossar/tags.yml': TAGS, 'glossar/A.md': ENTRY });
    const client = await LspClient.start({ workspaceFolders: [ws.root] });
    try {
      await client.waitForIndex();
      const uri = ws.uri('glossar/A.md');
      await client.open(uri, ENTRY);
      await client.waitForDiagnostics(uri, (current) => (current ?? []).length > 0);
      const asked = async (only: string[]) =>
        (await client.connection.sendRequest('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          context: { diagnostics: [], only, triggerKind: 2 },
        })) as CodeAction[];
      const [fixAll, ...more] = await asked(['source.fixAll']);
      assert.equal(more.length, 0);
      assert.equal(fixAll.kind, 'source.fixAll.markdownGlossary');
      assert.equal(fixAll.title, 'Fix all safe glossary problems');
      const edits = fixAll.edit!.changes![uri];
      const lines = ENTRY.split('\n');
      const applied = [...edits]
        .sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)
        .reduce((text, edit) => {
          const all = text.split('\n');
          const line = all[edit.range.start.line];
          assert.equal(edit.range.start.line, edit.range.end.line, 'each fix stays on its line here');
          all[edit.range.start.line] = line.slice(0, edit.range.start.character) + edit.newText + line.slice(edit.range.end.character);
          return all.join('\n');
        }, lines.join('\n'));
      // The misspelt key, the duplicate and the padded tag are fixed; the broken link is no safe fix.
      assert.equal(applied, '---\nid: A\ntitle: A\ntags: [Begriffe, IM]\n---\n\n# A\n\nSiehe [Fehlt](Fehlt.md).\n');
      assert.deepEqual((await asked(['source'])).map((action) => action.kind), ['source.fixAll.markdownGlossary']);
      assert.deepEqual(await asked(['refactor']), []);
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });
});
