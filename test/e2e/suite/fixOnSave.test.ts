// Fix all on save in the real VS Code: with `editor.codeActionsOnSave` naming our source action,
// saving a term applies the safe fixes (here a tag listed twice) and nothing else.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { openInEditor, suite, suiteTeardown, test, waitFor, workspaceFile } from './harness';

const TERM = 'glossar/E2E-Speichern.md';
const TEXT = '---\nid: E2E-Speichern\ntitle: Speichern\ntags: [Begriffe, IM, Begriffe]\n---\n\n**Speichern ist ein Test.** Siehe [Fehlt](Fehlt.md).\n';

suite('Fix all on save', () => {
  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global, true);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(workspaceFile(TERM).fsPath, { force: true });
  });

  test('saving applies the safe fixes: the tag listed twice goes, the broken link stays', async () => {
    await vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).update('codeActionsOnSave', { 'source.fixAll.markdownGlossary': 'explicit' }, vscode.ConfigurationTarget.Global, true);
    const uri = workspaceFile(TERM);
    fs.writeFileSync(uri.fsPath, '');
    const document = (await openInEditor(uri)).document;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), TEXT);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the duplicate-tag warning', () => vscode.languages.getDiagnostics(uri).map((diagnostic) => String((diagnostic.code as { value: string }).value)), (codes) => codes.includes('duplicate-tag'));
    assert.ok(await document.save());
    assert.equal(document.getText(), TEXT.replace('[Begriffe, IM, Begriffe]', '[Begriffe, IM]'));
    assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), document.getText());
  });
});
