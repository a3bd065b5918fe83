/**
 * Docusaurus sidebars over LSP, from the bundled server: a sidebar naming a doc id no doc has is an
 * error in the sidebars file, and renaming a doc's id rewrites the sidebar with it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { createWorkspace } from '../support/fixtures';
import { LspClient } from '../support/lspClient';

const CONFIG = "module.exports = { baseUrl: '/', presets: [['classic', { docs: { sidebarPath: './sidebars.js' } }]] };\n";
const SIDEBARS = "module.exports = { glossar: ['glossar/Alt', 'glossar/Fehlt'] };\n";
const ENTRY = '---\nid: Alt\ntitle: Alt\n---\n\n# Alt\n';

describe('Docusaurus sidebars over LSP', () => {
  it('reports the id no doc has in the sidebars file, and a rename of a doc id edits the sidebar', async () => {
    const ws = createWorkspace({ 'docusaurus.config.js': CONFIG, 'sidebars.js': SIDEBARS, 'docs/glossar/Alt.md': ENTRY });
    const client = await LspClient.start({ workspaceFolders: [ws.root] });
    try {
      await client.waitForIndex();
      const sidebars = ws.uri('sidebars.js');
      const isSiteConfig = (diagnostic: Diagnostic) => diagnostic.code === 'site-config';
      const [missing] = (await client.waitForDiagnostics(sidebars, (current) => (current ?? []).some(isSiteConfig))).filter(isSiteConfig);
      assert.equal(missing.severity, 1);
      assert.deepEqual(missing.range, { start: { line: 0, character: 44 }, end: { line: 0, character: 59 } });
      assert.match(String(missing.message), /"glossar\/Fehlt"/);

      const uri = ws.uri('docs/glossar/Alt.md');
      await client.open(uri, ENTRY);
      const edit = (await client.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: { line: 1, character: 5 }, newName: 'Neu' })) as WorkspaceEdit;
      const sidebarEdits = (edit.documentChanges ?? []).flatMap((change) => ('textDocument' in change && change.textDocument.uri === sidebars ? change.edits : []));
      assert.deepEqual(sidebarEdits, [{ range: { start: { line: 0, character: 29 }, end: { line: 0, character: 42 } }, newText: "'glossar/Neu'" }]);
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });
});
