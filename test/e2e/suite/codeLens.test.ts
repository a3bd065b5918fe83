// The opt-in code lens in the real VS Code: turned on in the settings, it stands over a term's title
// with its counts, and its command lists the references.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openInEditor, suite, suiteTeardown, test, waitFor, workspaceFile } from './harness';

suite('Code lens over a term', () => {
  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('markdownGlossary').update('codeLens', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('shows "N references · M unlinked mentions" over the title once turned on', async () => {
    const uri = workspaceFile('glossar/Outtasking.md');
    await openInEditor(uri);
    const lensesNow = async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10)) ?? [];
    assert.deepEqual((await lensesNow()).filter((lens) => lens.command?.command === 'markdownGlossary.showReferences'), [], 'off by default');
    await vscode.workspace.getConfiguration('markdownGlossary').update('codeLens', true, vscode.ConfigurationTarget.Workspace);
    const [lens] = await waitFor(
      'the code lens',
      async () => (await lensesNow()).filter((found) => found.command?.command === 'markdownGlossary.showReferences'),
      (found) => found.length === 1,
    );
    assert.match(lens.command!.title, /^\d+ references · \d+ unlinked mentions?$/);
    assert.equal(vscode.window.activeTextEditor?.document.lineAt(lens.range.start.line).text, '# Outtasking');
    await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
  });
});
