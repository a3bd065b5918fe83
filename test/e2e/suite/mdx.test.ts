// A page Docusaurus 3 cannot compile as MDX, as a user meets it in VS Code: an error in the
// Problems panel at the character MDX stops at, and the quick fix that escapes it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { diagnosticCode, openInEditor, suite, suiteTeardown, test, waitFor, workspaceFile } from './harness';

const TERM = 'glossar/E2E-Antwortzeit.md';
const TEXT = '---\nid: E2E-Antwortzeit\ntitle: Antwortzeit\ntags: [Begriffe]\n---\n\n# Antwortzeit\n\n**Die Antwortzeit** liegt unter <100ms.\n';

suite('MDX in VS Code', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(workspaceFile(TERM).fsPath, { force: true });
  });

  test('an error where MDX stops, and "Escape "<"" fixes it with one backslash', async () => {
    const uri = workspaceFile(TERM);
    fs.writeFileSync(uri.fsPath, TEXT);
    const document = (await openInEditor(uri)).document;
    const mdxProblems = () => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnosticCode(diagnostic) === 'invalid-mdx');
    const [error] = await waitFor('the invalid-mdx error', mdxProblems, (found) => found.length === 1, { timeout: 40_000 });
    assert.equal(error.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(document.getText(error.range), '1');
    assert.match(error.message, /Docusaurus build fails: Unexpected character `1`/);
    const actions = await waitFor(
      'the escape quick fix',
      async () => (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, error.range)) ?? [],
      (found) => found.some((action) => action.title === 'Escape "<" so that MDX reads it as text'),
    );
    assert.ok(await vscode.workspace.applyEdit(actions.find((action) => action.title === 'Escape "<" so that MDX reads it as text')!.edit!));
    assert.equal(document.getText(), TEXT.replace('<100ms', '\\<100ms'));
    await waitFor('the error to go', mdxProblems, (found) => found.length === 0);
    assert.ok(await document.save());
  });
});
