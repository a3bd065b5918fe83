// The translation status in a real VS Code: a Hugo site in English and German, with a history of
// real git commits (test/support/translationRepo.ts), is written into the workspace; the hint on
// an outdated translation, its quick fix opening the original's changes as a diff, and the
// Translation Status command's report in the Markdown preview.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { commitTranslationHistory } from '../../support/translationRepo';
import { diagnosticCode, inspect, openInEditor, suite, suiteSetup, suiteTeardown, test, waitFor, workspaceFile } from './harness';

const SITE = 'uebersetzungen';
const TRANSLATION = `${SITE}/content/de/changed-after.md`;
const ORIGINAL = `${SITE}/content/en/changed-after.md`;

suite('Translations in VS Code', () => {
  suiteSetup(async () => {
    commitTranslationHistory(workspaceFile(SITE).fsPath);
    // A folder written at once may reach the watcher as the folder alone, not its files: read the workspace again.
    await vscode.commands.executeCommand('markdownGlossary.reindex');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(workspaceFile(SITE).fsPath, { recursive: true, force: true });
  });

  test('hints that a translation is outdated, and its quick fix shows the original as translated beside the original now', async () => {
    const uri = workspaceFile(TRANSLATION);
    const [hint] = await waitFor(
      'the outdated-translation hint',
      () => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnosticCode(diagnostic) === 'outdated-translation'),
      // Until the history read after the reindex arrives, the hint may still be judged by the file
      // times of before the commits: the one judged by Git is the one that stays.
      (found) => found.length === 1 && !found[0].message.includes('file times'),
      { timeout: 40_000 },
    );
    assert.equal(hint.severity, vscode.DiagnosticSeverity.Hint);
    assert.equal(hint.message, 'The original ../en/changed-after.md changed in 2 commits since this translation (2026-01-02).');
    await openInEditor(uri);
    const actions = await waitFor(
      'the quick fix that shows the changes',
      async () => (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, hint.range)) ?? [],
      (found) => found.some((action) => action.command?.command === 'markdownGlossary.showOriginalChanges'),
    );
    const show = actions.find((action) => action.command?.command === 'markdownGlossary.showOriginalChanges')!;
    assert.equal(show.title, 'Show the changes of the original since this translation');
    await vscode.commands.executeCommand(show.command!.command, ...(show.command!.arguments ?? []));
    const diff = await waitFor(
      'a diff editor of the original',
      () => vscode.window.tabGroups.activeTabGroup.activeTab?.input,
      (input) => input instanceof vscode.TabInputTextDiff,
    );
    const { original, modified } = diff as vscode.TabInputTextDiff;
    assert.equal(modified.toString(), workspaceFile(ORIGINAL).toString());
    assert.equal(original.scheme, 'markdown-glossary');
    const before = await vscode.workspace.openTextDocument(original);
    assert.equal(before.getText(), '---\ntitle: Changed After\n---\n\n**Version one.**\n');
    assert.match((await vscode.workspace.openTextDocument(modified)).getText(), /\*\*Version three\.\*\*/);
  });

  test('Translation Status shows the report of the whole glossary in the Markdown preview', async () => {
    await vscode.commands.executeCommand('markdownGlossary.translationStatus');
    const report = await waitFor(
      'the report document',
      () => vscode.workspace.textDocuments.find((document) => document.uri.scheme === 'markdown-glossary' && document.uri.path.endsWith('Translation Status.md')),
      (document) => document !== undefined,
    );
    const text = report!.getText();
    assert.match(text, /^# Translation status$/m);
    assert.ok(text.includes(`| [${SITE}/content/en/changed-after.md](${workspaceFile(ORIGINAL).toString()}) | [⚠️ outdated by 2 commits`), text);
    assert.match(text, /^- de: up to date 1, outdated 3, missing 1, unknown 0, orphans 1$/m);
    const preview = await waitFor(
      'the Markdown preview',
      () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).map((tab) => tab.input),
      (inputs) => inputs.some((input) => input instanceof vscode.TabInputWebview && input.viewType.includes('markdown.preview')),
    );
    assert.ok(preview.length > 0, inspect(preview));
  });
});
