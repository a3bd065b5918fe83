/** The settings file as an editor without settings of its own reads it: found as the CLI finds it, its mistakes shown on it. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { createWorkspace, type Workspace } from '../support/fixtures';
import { eventually, LspClient, serverOn } from '../support/lspClient';

const TAGS = 'Begriffe:\n  label: Begriffe\n';
const X_MD = '---\nid: x\ntags: [Begriffe, Foo]\n---\n\n# X\n\n**X ist ein Beispiel.**\n';

describe('a settings file with mistakes', () => {
  const server = serverOn({
    '.markdown-glossary.json': '{\n  "rules": { "unknown-tag": "warn" },\n  "linkstyle": "wiki"\n}\n',
    'tags.yml': TAGS,
    'x.md': X_MD,
  });

  it('shows each mistake as an error at its place, and the rest works with the defaults', async () => {
    const { ws, client } = server;
    await client.waitForIndex();
    const problems = await eventually(async () => client.diagnostics.get(ws.uri('.markdown-glossary.json')) ?? [], (found: Diagnostic[]) => found.length > 0);
    assert.deepEqual(
      problems.map(({ range, severity, message }) => [range.start.line, range.start.character, range.end.character, severity, message]),
      [
        [1, 28, 34, 1, 'Unknown severity "warn" for rule "unknown-tag": use error, warning, information, hint, off.'],
        [2, 2, 13, 1, 'Unknown setting "linkstyle". Did you mean "linkStyle"?'],
      ],
    );
    await client.open(ws.uri('x.md'), X_MD);
    const found = await eventually(async () => client.diagnostics.get(ws.uri('x.md')) ?? [], (list: Diagnostic[]) => list.length > 0);
    assert.deepEqual(found.map((diagnostic) => [diagnostic.code, diagnostic.severity]), [['unknown-tag', 2]], 'the rule keeps its default severity');
  });
});

describe('a settings file above the workspace folder, inside the repository', () => {
  let ws: Workspace;
  let client: LspClient;
  before(async () => {
    ws = createWorkspace({ '.git/HEAD': 'ref: refs/heads/main\n', '.markdown-glossary.yaml': 'rules:\n  unknown-tag: error\n', 'docs/tags.yml': TAGS, 'docs/x.md': X_MD });
    client = await LspClient.start({ workspaceFolders: [ws.path('docs')] });
  });
  after(async () => {
    await client?.shutdown();
    ws?.dispose();
  });

  it('applies, as it does for the CLI', async () => {
    await client.waitForIndex();
    await client.open(ws.uri('docs/x.md'), X_MD);
    const found = await eventually(async () => client.diagnostics.get(ws.uri('docs/x.md')) ?? [], (list: Diagnostic[]) => list.length > 0);
    assert.deepEqual(found.map((diagnostic) => [diagnostic.code, diagnostic.severity]), [['unknown-tag', 1]]);
  });
});
