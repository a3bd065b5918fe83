// What a team adopting the CI check meets in the editor: settings files validated by the schema the
// extension contributes, and the quick fix that disables a rule for one line. (package.json's
// markdownGlossary key is validated by a fragment schema too, but VS Code combines it with
// schemastore's package.json schema, which it cannot load offline, and then validates nothing.)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { diagnosticCode, inspect, openInEditor, suite, suiteTeardown, test, waitFor, workspaceFile } from './harness';

const SETTINGS_FOLDER = 'e2e-settings';
const TERM = 'glossar/E2E-Abschaltung.md';

/** The problems VS Code's JSON support shows for a file, by the schemas associated with it. */
const jsonProblems = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source !== 'markdown-glossary');

suite('Settings files and disable comments in VS Code', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(workspaceFile(SETTINGS_FOLDER).fsPath, { recursive: true, force: true });
    fs.rmSync(workspaceFile(TERM).fsPath, { force: true });
  });

  test('a settings file is checked against the settings schema as it is written', async () => {
    fs.mkdirSync(workspaceFile(SETTINGS_FOLDER).fsPath, { recursive: true });
    const settings = workspaceFile(`${SETTINGS_FOLDER}/.markdown-glossary.jsonc`);
    fs.writeFileSync(settings.fsPath, '{\n  // comments are fine here\n  "rulez": { "unknown-tag": "off" },\n  "rules": { "unknown-tag": "loud" }\n}\n');
    await openInEditor(settings);
    const problems = await waitFor('schema problems in the settings file', () => jsonProblems(settings), (found) => found.length >= 2, { timeout: 40_000 });
    const lines = problems.map((problem) => problem.range.start.line).sort();
    assert.deepEqual(lines, [2, 3], inspect(problems.map((problem) => problem.message)));
  });

  test('"Disable … for this line" writes a YAML comment above the front-matter line, and the warning goes', async () => {
    const uri = workspaceFile(TERM);
    fs.writeFileSync(uri.fsPath, '---\nid: E2E-Abschaltung\ntitle: Abschaltung\ntags:\n  - Begriffe\n  - Stratgie\n---\n\n**Die Abschaltung ist ein Test.**\n');
    const document = (await openInEditor(uri)).document;
    const [warning] = await waitFor(
      'the unknown-tag warning',
      () => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnosticCode(diagnostic) === 'unknown-tag'),
      (found) => found.length === 1,
      { timeout: 40_000 },
    );
    // The Problems panel shows the rule's code as a link to its documentation.
    const code = warning.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'unknown-tag');
    assert.match(code.target.toString(true), /^https:\/\/github\.com\/.+\/blob\/main\/docs\/rules\.md#unknown-tag$/);
    const actions = await waitFor(
      'the disable quick fix',
      async () => (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, warning.range)) ?? [],
      (found) => found.some((action) => action.title === 'Disable unknown-tag for this line'),
    );
    const disable = actions.find((action) => action.title === 'Disable unknown-tag for this line')!;
    assert.ok(await vscode.workspace.applyEdit(disable.edit!), 'the quick fix was not applied');
    assert.equal(document.getText(), '---\nid: E2E-Abschaltung\ntitle: Abschaltung\ntags:\n  - Begriffe\n  # markdown-glossary-disable-next-line unknown-tag\n  - Stratgie\n---\n\n**Die Abschaltung ist ein Test.**\n');
    await waitFor('the warning to go', () => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnosticCode(diagnostic) === 'unknown-tag'), (found) => found.length === 0);
    assert.ok(await document.save());
  });
});
