/**
 * A Docusaurus blog's lists of posts over LSP, from the bundled server: a post's excerpt is judged
 * from the list of each of its authors with a page, as the blog's authors map gives them, and again
 * when the map changes (test/sites/docusaurus-blog-tag-list-links holds the rule against the real build).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { createWorkspace } from '../support/fixtures';
import { LspClient } from '../support/lspClient';

const CONFIG = "module.exports = { baseUrl: '/', presets: [['classic', { docs: {}, blog: {} }]] };\n";
const POST = '---\nslug: von-jo\ntitle: Von Jo\nauthors: jo\n---\n\nZur [Einführung](../docs/intro).\n';

describe("a Docusaurus blog's lists of posts over LSP", () => {
  it("judges a post's excerpt from its author's list once the authors map gives the author a page", async () => {
    const ws = createWorkspace({ 'docusaurus.config.js': CONFIG, 'docs/intro.md': '# Einführung\n', 'blog/2024-01-01-von-jo.md': POST, 'blog/authors.yml': 'jo:\n  name: Jo\n' });
    const client = await LspClient.start({ workspaceFolders: [ws.root], watchesFiles: true });
    try {
      await client.waitForIndex();
      const post = ws.uri('blog/2024-01-01-von-jo.md');
      const broken = (diagnostics: Diagnostic[] | undefined) => (diagnostics ?? []).filter((diagnostic) => diagnostic.code === 'broken-link');
      // From the post and from /blog, "../docs/intro" leads to /docs/intro; Jo has no list of posts.
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(broken(client.diagnostics.get(post)), []);

      ws.write('blog/authors.yml', 'jo:\n  name: Jo\n  page: true\n');
      await client.didChangeWatchedFiles([{ uri: ws.uri('blog/authors.yml'), type: FileChangeType.Changed }]);
      const [finding] = broken(await client.waitForDiagnostics(post, (diagnostics) => broken(diagnostics).length > 0, 10_000));
      assert.match(String(finding.message), /^The list of posts by the author "jo" \(\/blog\/authors\/jo\) shows this part of the post too, and there "\.\.\/docs\/intro" leads to \/blog\/docs\/intro/);
      assert.deepEqual(finding.range, { start: { line: 6, character: 17 }, end: { line: 6, character: 30 } });
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });
});
