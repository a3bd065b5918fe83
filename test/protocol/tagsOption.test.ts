/**
 * The tags file a Docusaurus plugin's `tags` option names, over LSP, from the bundled server: a
 * missing one fails the build until it is created; once there, it declares the tags of the docs,
 * and a change to it on disk counts at once (test/sites/docusaurus-tags-option-missing and
 * docusaurus-blog-lists-tags-option hold the rules against the real build).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { createWorkspace } from '../support/fixtures';
import { LspClient } from '../support/lspClient';

const CONFIG = "module.exports = { baseUrl: '/', presets: [['classic', { docs: { tags: 'themen.yml' }, blog: false }]] };\n";
const DOC = '---\ntitle: Einführung\ntags: [Alpha]\n---\n\n# Einführung\n';

describe("the tags file a Docusaurus plugin's tags option names, over LSP", () => {
  it('reports the missing file as a failed build until it is created, then judges tags by it as it changes', async () => {
    const ws = createWorkspace({ 'docusaurus.config.js': CONFIG, 'docs/intro.md': DOC, 'docs/tags.yml': 'Alpha:\n  label: Alpha\n' });
    const client = await LspClient.start({ workspaceFolders: [ws.root], watchesFiles: true });
    try {
      await client.waitForIndex();
      const config = ws.uri('docusaurus.config.js');
      const doc = ws.uri('docs/intro.md');
      const codes = (diagnostics: Diagnostic[] | undefined) => (diagnostics ?? []).map((diagnostic) => `${diagnostic.code}: ${diagnostic.message}`);
      const [missing] = codes(await client.waitForDiagnostics(config, (diagnostics) => (diagnostics ?? []).length > 0, 10_000));
      assert.equal(missing, 'site-config: Docusaurus refuses to build: no tags file "themen.yml" in docs.');
      // docs/tags.yml is not the plugin's file: it declares nothing for the doc.
      assert.deepEqual(codes(client.diagnostics.get(doc)), []);

      ws.write('docs/themen.yml', 'Beta:\n  label: Beta\n');
      await client.didChangeWatchedFiles([{ uri: ws.uri('docs/themen.yml'), type: FileChangeType.Created }]);
      await client.waitForDiagnostics(config, (diagnostics) => (diagnostics ?? []).length === 0, 10_000);
      const unknown = codes(await client.waitForDiagnostics(doc, (diagnostics) => (diagnostics ?? []).length > 0, 10_000));
      assert.deepEqual(unknown, ['unknown-tag: Tag "Alpha" is not declared in themen.yml.']);

      ws.write('docs/themen.yml', 'Alpha:\n  label: Alpha\n');
      await client.didChangeWatchedFiles([{ uri: ws.uri('docs/themen.yml'), type: FileChangeType.Changed }]);
      await client.waitForDiagnostics(doc, (diagnostics) => (diagnostics ?? []).length === 0, 10_000);
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });
});
