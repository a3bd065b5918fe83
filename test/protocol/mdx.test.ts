/**
 * `invalid-mdx` over LSP, from the bundled server and the MDX parser bundled apart (dist/mdx.js):
 * a page of a Docusaurus site that MDX cannot compile, its fix applied as an editor would, and the
 * reading of an edited page's MDX once typing pauses.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol/node';
import { createWorkspace } from '../support/fixtures';
import { LspClient } from '../support/lspClient';

const PAGE = '---\nid: Antwortzeit\ntitle: Antwortzeit\n---\n\n# Antwortzeit\n\nDie Antwort kommt in <100ms zurück.\n';

function applied(text: string, edit: TextEdit): string {
  const lines = text.split('\n');
  const line = lines[edit.range.start.line];
  lines[edit.range.start.line] = line.slice(0, edit.range.start.character) + edit.newText + line.slice(edit.range.end.character);
  return lines.join('\n');
}

describe('invalid-mdx over LSP', () => {
  it('reports where MDX stops on a page of the site, fixes it with one backslash, and reads an edited page again once typing pauses', async () => {
    const ws = createWorkspace({ 'docs/Antwortzeit.md': PAGE });
    const client = await LspClient.start({ workspaceFolders: [ws.root] });
    try {
      await client.waitForIndex();
      const uri = ws.uri('docs/Antwortzeit.md');
      await client.open(uri, PAGE);
      const isMdx = (diagnostic: Diagnostic) => diagnostic.code === 'invalid-mdx';
      const [diagnostic] = (await client.waitForDiagnostics(uri, (current) => (current ?? []).some(isMdx))).filter(isMdx);
      assert.equal(diagnostic.severity, 1);
      assert.deepEqual(diagnostic.range, { start: { line: 7, character: 22 }, end: { line: 7, character: 23 } });
      assert.match(String(diagnostic.message), /^MDX cannot compile this page, so the Docusaurus build fails: Unexpected character `1` \(U\+0031\) before name/);
      const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
      const escape = actions.find((action) => action.title === 'Escape "<" so that MDX reads it as text');
      assert.ok(escape?.edit?.changes?.[uri], JSON.stringify(actions.map((action) => action.title)));
      assert.equal(escape.isPreferred, true);
      const fixed = applied(PAGE, escape.edit.changes[uri][0]);
      assert.equal(fixed, PAGE.replace('<100ms', '\\<100ms'));
      await client.change(uri, 2, fixed);
      await client.waitForDiagnostics(uri, (current) => current !== undefined && !current.some(isMdx));
      // Typed again: the new problem shows once the edits pause.
      await client.change(uri, 3, fixed.replace('zurück.', 'zurück, {platzhalter}.'));
      const [undefinedName] = (await client.waitForDiagnostics(uri, (current) => (current ?? []).some(isMdx))).filter(isMdx);
      assert.match(String(undefinedName.message), /"platzhalter" is not defined/);
      // Typed before the problem, and fixed at once, before typing pauses: the page's MDX is read again for the fix, which edits the text as it is.
      const moved = PAGE.replace('Die Antwort', 'Bitte: Die Antwort');
      await client.change(uri, 4, moved);
      const actionsNow = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 7, character: 0 }, end: { line: 7, character: 40 } }, context: { diagnostics: [] } })) as CodeAction[];
      const escapeNow = actionsNow.find((action) => action.title === 'Escape "<" so that MDX reads it as text');
      assert.equal(applied(moved, escapeNow!.edit!.changes![uri][0]), moved.replace('<100ms', '\\<100ms'));
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });
});
