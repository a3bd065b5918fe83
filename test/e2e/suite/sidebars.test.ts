// A Docusaurus sidebar naming a doc id no doc has, as a user meets it in VS Code: an error in the
// Problems panel on the sidebars file, and renaming the doc's id (F2) rewrites the sidebar with it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { diagnosticCode, openInEditor, suite, suiteTeardown, test, waitFor, workspaceFile } from './harness';

// A site of its own in a folder below the workspace, as `website/` is in many repositories.
const SITE = 'e2e-website';
const SIDEBARS = "module.exports = { glossar: ['glossar/Alt', 'glossar/Fehlt'] };\n";
const ENTRY = '---\nid: Alt\ntitle: Alt\n---\n\n# Alt\n';

suite('Docusaurus sidebars in VS Code', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(workspaceFile(SITE).fsPath, { recursive: true, force: true });
  });

  test('an error on the sidebar\'s missing id, and F2 on a doc\'s id renames it in the sidebar too', async () => {
    fs.mkdirSync(workspaceFile(`${SITE}/docs/glossar`).fsPath, { recursive: true });
    fs.writeFileSync(workspaceFile(`${SITE}/docs/glossar/Alt.md`).fsPath, ENTRY);
    fs.writeFileSync(workspaceFile(`${SITE}/sidebars.js`).fsPath, SIDEBARS);
    const sidebars = workspaceFile(`${SITE}/sidebars.js`);
    const sidebarProblems = () => vscode.languages.getDiagnostics(sidebars).filter((diagnostic) => diagnosticCode(diagnostic) === 'site-config');
    // The configuration comes last, as a user adds it. VS Code's watcher may miss a file created in a
    // folder it has only just seen: the file is written again until the server has read it.
    let missing: vscode.Diagnostic | undefined;
    for (let attempt = 0; attempt < 5 && missing === undefined; attempt++) {
      fs.writeFileSync(workspaceFile(`${SITE}/docusaurus.config.js`).fsPath, `module.exports = { baseUrl: '/', presets: [['classic', { docs: { sidebarPath: './sidebars.js' } }]] }; // ${attempt}\n`);
      missing = (await waitFor('the sidebar\'s missing id', sidebarProblems, (found) => found.length === 1, { timeout: 10_000 }).catch(() => []))[0];
    }
    assert.ok(missing, 'the sidebar\'s missing id is reported');
    assert.equal(missing.severity, vscode.DiagnosticSeverity.Error);
    assert.match(missing.message, /"glossar\/Fehlt"/);

    const entry = workspaceFile(`${SITE}/docs/glossar/Alt.md`);
    await openInEditor(entry);
    const edit = await waitFor(
      'the rename of the id',
      () => vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', entry, new vscode.Position(1, 5), 'Neu'),
      (found) => found !== undefined && found.get(sidebars).length > 0,
    );
    assert.deepEqual(edit.get(sidebars).map((change) => change.newText), ["'glossar/Neu'"]);
  });
});
