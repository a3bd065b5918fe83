// Beside VS Code's own Markdown support: where both could answer, the user sees one answer.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openInEditor, positionOf, suite, suiteTeardown, test, waitFor, workspaceFile } from './harness';

const NOTE = 'notizen/Projekt-Auslagerung.md';

suite('Beside VS Code\'s Markdown support', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('F2 on a word that is no term says once why it cannot be renamed', async () => {
    const document = (await openInEditor(workspaceFile(NOTE))).document;
    const word = document.getText().match(/\b(?:Wir|Die|Der|Das)\b/)![0];
    const position = positionOf(document, word, { offsetInNeedle: 1 });
    await vscode.extensions.getExtension('vscode.markdown-language-features')!.activate();
    const message = await waitFor(
      'a refusal to rename',
      async () => {
        try {
          await vscode.commands.executeCommand('vscode.prepareRename', document.uri, position);
          return '';
        } catch (error) {
          return (error as Error).message;
        }
      },
      (found) => found !== '',
    );
    assert.equal(message.split('\n').length, 1, message);
    assert.doesNotMatch(message, /glossary term/);
  });

  test('F2 on a term still renames it', async () => {
    const document = (await openInEditor(workspaceFile('glossar/Outtasking.md'))).document;
    const position = positionOf(document, 'title: Outtasking', { offsetInNeedle: 'title: '.length + 2 });
    const location = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>('vscode.prepareRename', document.uri, position);
    assert.equal(location.placeholder, 'Outtasking');
  });

  test('the Outline shows each heading of a term once', async () => {
    const uri = workspaceFile('glossar/Outtasking.md');
    await openInEditor(uri);
    // Both providers answer once VS Code's Markdown support runs.
    await vscode.extensions.getExtension('vscode.markdown-language-features')!.activate();
    const names = (symbols: vscode.DocumentSymbol[]): string[] => symbols.flatMap((symbol) => [symbol.name, ...names(symbol.children)]);
    const outline = await waitFor(
      'the Outline of Outtasking.md',
      async () => names((await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? []),
      (found) => found.length > 0,
    );
    const headings = outline.map((name) => name.replace(/^#+\s*/, ''));
    assert.deepEqual(headings, [...new Set(headings)], JSON.stringify(outline));
  });
});
