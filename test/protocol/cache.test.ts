/**
 * The cache of parsed files over the protocol: dist/server.js started again on the same workspace
 * takes its files from the cache and answers exactly as the first start did, and as a start
 * without the cache.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { WorkspaceSymbolRequest } from 'vscode-languageserver-protocol/node';
import { LineIndex } from '../../server/src/common/text';
import { parseDocument } from '../../server/src/parsing/document';
import { createWorkspace, type Workspace } from '../support/fixtures';
import { LspClient, REPO_ROOT } from '../support/lspClient';

describe('the cache of parsed files, across starts of the server', () => {
  let workspace: Workspace;
  let cacheFolder: string;
  let files: string[];

  before(() => {
    workspace = createWorkspace({
      // Problems of every kind the parser reports, so their diagnostics come from the cache too.
      'glossar/Kaputt.md': '---\ntitle: [offen\n---\n# Kaputt\n',
      'glossar/Doppelt.md': '---\ntitle: Doppelt\ntitle: Zweimal\ntags: [Begriffe, Unbekannt, Begriffe]\n---\n# Doppelt\n\nSiehe [Fehlt](./Fehlt.md) und [[Outsourcing]].\n',
      'notizen/Kommentar.md': '<!-- markdown-glossary-disable keine-regel -->\nOutsourcing und Outtasking, [Dienstleister](../glossar/Dienstleister.md).\n',
    });
    fs.cpSync(path.join(REPO_ROOT, 'content'), workspace.root, { recursive: true });
    files = (fs.readdirSync(workspace.root, { recursive: true, encoding: 'utf8' }) as string[]).filter((file) => file.endsWith('.md')).sort();
    // Untouched for an hour: files changed just now are read again (they may change within the same time stamp).
    const past = new Date(Date.now() - 3600_000);
    for (const file of files) fs.utimesSync(workspace.path(file), past, past);
    cacheFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'md-glossary-cache-'));
  });
  after(() => {
    workspace?.dispose();
    fs.rmSync(cacheFolder, { recursive: true, force: true });
  });

  /** Starts the server, waits until every file was checked, and collects what a user sees: problems, hovers at every link and heading, symbols. */
  async function answersOf(initializationOptions: unknown, waitForCache = false): Promise<{ log: string; answers: unknown }> {
    const client = await LspClient.start({ workspaceFolders: [workspace.root], initializationOptions });
    try {
      const indexed = await client.waitForLog(/^Indexed \d+ Markdown files/);
      await client.waitForLog(/^Checked \d+ files for problems/);
      if (waitForCache) await client.waitForLog(/^Wrote the cache of parsed files/);
      const hovers: unknown[] = [];
      for (const file of files) {
        const text = fs.readFileSync(workspace.path(file), 'utf8');
        const parsed = parseDocument(workspace.uri(file), text, new LineIndex(text));
        // What a hover shows of other files' terms comes from the index: from the cache when it is used.
        await client.open(workspace.uri(file), text);
        for (const place of [...parsed.body.links.map((link) => link.textRange), ...parsed.body.headings.map((heading) => heading.textRange)]) {
          hovers.push(await client.hover(workspace.uri(file), place.start));
        }
        await client.close(workspace.uri(file));
      }
      const symbols = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' });
      const problems = [...client.diagnostics].filter(([, diagnostics]) => diagnostics.length > 0).sort(([a], [b]) => (a < b ? -1 : 1));
      return { log: indexed, answers: { problems, hovers, symbols } };
    } finally {
      await client.shutdown();
    }
  }

  it('answers on the second start as on the first, from the cache, and as without it', async () => {
    const options = { settings: { cacheFolder } };
    const first = await answersOf(options, true);
    assert.match(first.log, new RegExp(`^Indexed ${files.length} Markdown files in \\d+ ms \\(0 from the cache of parsed files\\)\\.$`));
    const second = await answersOf(options);
    assert.match(second.log, new RegExp(`^Indexed ${files.length} Markdown files in \\d+ ms \\(${files.length} from the cache of parsed files\\)\\.$`));
    const cold = await answersOf({ settings: { cache: false } });
    assert.match(cold.log, /^Indexed \d+ Markdown files in \d+ ms\.$/);
    assert.deepStrictEqual(second.answers, first.answers);
    assert.deepStrictEqual(cold.answers, first.answers);
    const { problems, hovers } = first.answers as { problems: Array<[string, Array<{ code: string }>]>; hovers: unknown[] };
    assert.ok(hovers.filter((hover) => hover !== null).length > 30, `${hovers.filter((hover) => hover !== null).length} of ${hovers.length}`);
    assert.deepEqual(problems.flatMap(([, diagnostics]) => diagnostics.map((diagnostic) => diagnostic.code)).sort(), [
      'broken-link',
      'duplicate-key',
      'duplicate-tag',
      'invalid-disable-comment',
      'unknown-tag',
      'yaml-syntax',
    ]);
  });

  it("keeps the cache in the editor's storage folder when it gives one", async () => {
    const storage = path.join(cacheFolder, 'storage');
    await answersOf({ storageFolder: storage }, true);
    const [cache] = fs.readdirSync(storage);
    assert.match(cache, /^parsed-[0-9a-f]{16}\.cache$/);
    assert.equal(fs.statSync(path.join(storage, cache)).mode & 0o777, 0o600);
    const again = await answersOf({ storageFolder: storage });
    assert.match(again.log, new RegExp(`\\(${files.length} from the cache of parsed files\\)`));
  });

  it('is never written where a workspace\'s own settings file says: only the editor chooses its folder', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'md-glossary-outside-'));
    const storage = path.join(cacheFolder, 'editor-storage');
    const settingsFile = workspace.path('.markdown-glossary.json');
    fs.writeFileSync(settingsFile, JSON.stringify({ cacheFolder: outside }));
    try {
      const client = await LspClient.start({ workspaceFolders: [workspace.root], initializationOptions: { storageFolder: storage } });
      try {
        const ignored = await client.waitForLog(/^Ignored cacheFolder/);
        assert.match(ignored, /a workspace's settings file cannot choose where the cache is written/);
        await client.waitForLog(/^Wrote the cache of parsed files/);
      } finally {
        await client.shutdown();
      }
      assert.deepEqual(fs.readdirSync(outside), []);
      assert.equal(fs.readdirSync(storage).filter((name) => name.endsWith('.cache')).length, 1);
    } finally {
      fs.rmSync(settingsFile, { force: true });
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
