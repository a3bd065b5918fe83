/**
 * Protocol test of the translation status (issue 19) on a site whose history is made by real git
 * commits (test/support/translationRepo.ts): the hints the bundled server publishes, the quick fix
 * that opens the original's changes, the report, and the status following a new commit.
 * Build first: `node esbuild.mjs`.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { createWorkspace, type Workspace } from '../support/fixtures';
import { eventually, LspClient } from '../support/lspClient';
import { createTranslationRepo, type TranslationRepo } from '../support/translationRepo';

const codes = (diagnostics: Diagnostic[] | undefined) => (diagnostics ?? []).map((diagnostic) => diagnostic.code);

describe('translation status over LSP', () => {
  let repo: TranslationRepo;
  let client: LspClient;
  before(async () => {
    repo = createTranslationRepo();
    client = await LspClient.start({ workspaceFolders: [repo.root] });
    await client.waitForIndex(15_000);
  });
  after(async () => {
    await client?.shutdown();
    repo.dispose();
  });

  it('hints on an outdated translation and on an original the locales it lacks', async () => {
    const [outdated] = await client.waitForDiagnostics(repo.uri('content/de/changed-after.md'), (diagnostics) => codes(diagnostics).includes('outdated-translation'));
    assert.deepEqual([outdated.severity, outdated.message, outdated.range.start.line], [4, 'The original ../en/changed-after.md changed in 2 commits since this translation (2026-01-02).', 1]);
    assert.deepEqual(outdated.relatedInformation?.map((related) => related.location.uri), [repo.uri('content/en/changed-after.md')]);
    const missing = await client.waitForDiagnostics(repo.uri('content/en/missing.md'), (diagnostics) => codes(diagnostics).includes('missing-translation'));
    assert.deepEqual(missing.map((diagnostic) => diagnostic.message), ['Not translated into: de.']);
    assert.deepEqual(codes(client.diagnostics.get(repo.uri('content/de/changed-before.md'))), []);
  });

  it('offers the diff of the original since the translation as a quick fix, and gives the original as the translation knew it', async () => {
    const uri = repo.uri('content/de/neuer Name ä.md');
    const diagnostics = await client.waitForDiagnostics(uri, (found) => codes(found).includes('outdated-translation'));
    await client.open(uri, repo.git('show', 'HEAD:content/de/neuer Name ä.md'));
    const withOpen = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } })) as CodeAction[];
    assert.deepEqual(
      withOpen.map((action) => [action.title, action.command?.command, action.command?.arguments]),
      [['Show the changes of the original since this translation', 'markdownGlossary.showOriginalChanges', [uri]]],
    );
    const original = (await client.connection.sendRequest('markdownGlossary/originalAsTranslated', { translationUri: uri })) as { originalUri: string; text: string; version: string };
    assert.equal(original.originalUri, repo.uri('content/en/neuer Name ä.md'));
    assert.equal(original.version, repo.commits.originals.slice(0, 12));
    assert.match(original.text, /^---\ntitle: Old Name\n---\n\n\*\*Version one\.\*\*\n$/);
    await client.close(uri);
  });

  it('answers the report for the Translation Status command', async () => {
    const report = (await client.connection.sendRequest('markdownGlossary/translationStatus')) as { markdown: string; outdated: number; missing: number; orphans: number };
    assert.deepEqual([report.outdated, report.missing, report.orphans], [3, 1, 1]);
    assert.ok(report.markdown.includes(`| [content/en/changed-after.md](${repo.uri('content/en/changed-after.md')}) | [⚠️ outdated by 2 commits, translated 2026-01-02, original changed 2026-01-06](${repo.uri('content/de/changed-after.md')}) |`), report.markdown);
  });

  it('follows a commit that brings a translation up to date, and looks up a commit typed into translated_from', async () => {
    repo.write('content/de/changed-after.md', '---\ntitle: Danach geändert\n---\n\n**Fassung drei.**\n');
    repo.git('commit', '-q', '-a', '-m', 'translation updated');
    await client.didChangeWatchedFiles([
      { uri: repo.uri('content/de/changed-after.md'), type: FileChangeType.Changed },
      { uri: URI.file(`${repo.root}/.git/logs/HEAD`).toString(), type: FileChangeType.Changed },
    ]);
    await client.waitForDiagnostics(repo.uri('content/de/changed-after.md'), (diagnostics) => !codes(diagnostics).includes('outdated-translation'), 10_000);

    const uri = repo.uri('content/de/changed-before.md');
    const pinned = (commit: string) => `---\ntitle: Davor geändert\ntranslated_from: ${commit}\n---\n\n**Fassung zwei.**\n`;
    await client.open(uri, pinned('0123456789abcdef'));
    const [unknown] = await client.waitForDiagnostics(uri, (diagnostics) => codes(diagnostics).includes('invalid-translated-from'), 10_000);
    assert.equal(unknown.message, 'The repository has no commit 0123456789abcdef.');
    await client.change(uri, 2, pinned(repo.commits.originals.slice(0, 8)));
    const [outdated] = await client.waitForDiagnostics(uri, (diagnostics) => codes(diagnostics).includes('outdated-translation'), 10_000);
    assert.equal(outdated.message, 'The original ../en/changed-before.md changed in 1 commit since this translation (2026-01-01).');
    const completion = await eventually(
      () => client.completion(uri, { line: 2, character: 'translated_from: '.length }),
      (list) => list !== null && (Array.isArray(list) ? list : list.items).length === 1,
    );
    const [item] = Array.isArray(completion) ? completion : completion!.items;
    assert.equal(item.label, repo.commits['originals changed'].slice(0, 12));
  });
});

describe('translation status by file times over LSP', () => {
  const hugo = "baseURL = 'https://example.org/'\n[languages.en]\ncontentDir = 'content/en'\n[languages.de]\ncontentDir = 'content/de'\n";
  let workspace: Workspace;
  let client: LspClient;
  before(async () => {
    workspace = createWorkspace({
      'hugo.toml': hugo,
      'content/en/term.md': '---\ntitle: Term\n---\n\n**One.**\n',
      'content/de/term.md': '---\ntitle: Begriff\n---\n\n**Eins.**\n',
    });
    fs.utimesSync(workspace.path('content/en/term.md'), new Date('2026-01-01'), new Date('2026-01-01'));
    fs.utimesSync(workspace.path('content/de/term.md'), new Date('2026-01-02'), new Date('2026-01-02'));
    client = await LspClient.start({ workspaceFolders: [workspace.root] });
    await client.waitForIndex(15_000);
  });
  after(async () => {
    await client?.shutdown();
    workspace.dispose();
  });

  it('outside a repository, hints once the original is saved after its translation', async () => {
    const translation = workspace.uri('content/de/term.md');
    const report = (await client.connection.sendRequest('markdownGlossary/translationStatus')) as { markdown: string };
    assert.match(report.markdown, /^- Not in a Git repository: file times were used\.$/m);
    assert.deepEqual(codes(client.diagnostics.get(translation)), []);
    workspace.write('content/en/term.md', '---\ntitle: Term\n---\n\n**Two.**\n');
    fs.utimesSync(workspace.path('content/en/term.md'), new Date('2026-01-03'), new Date('2026-01-03'));
    await client.didChangeWatchedFiles([{ uri: workspace.uri('content/en/term.md'), type: FileChangeType.Changed }]);
    const [hint] = await client.waitForDiagnostics(translation, (diagnostics) => codes(diagnostics).includes('outdated-translation'));
    assert.equal(hint.message, 'The original ../en/term.md was changed on 2026-01-03, after this translation (2026-01-02); judged by file times.');
  });
});

describe('translation status in a workspace the editor does not trust', () => {
  let repo: TranslationRepo;
  let client: LspClient;
  before(async () => {
    repo = createTranslationRepo();
    client = await LspClient.start({ workspaceFolders: [repo.root], initializationOptions: { workspaceTrusted: false } });
    await client.waitForIndex(15_000);
  });
  after(async () => {
    await client?.shutdown();
    repo.dispose();
  });

  it('runs no git in Restricted Mode, judges by file times and says why', async () => {
    const report = (await client.connection.sendRequest('markdownGlossary/translationStatus')) as { markdown: string };
    assert.match(report.markdown, /^- Judged by: file times\.$/m);
    assert.match(report.markdown, /^- The workspace is not trusted \(Restricted Mode\): git is not run, file times were used\.$/m);
  });
});
