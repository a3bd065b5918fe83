// The Glossary and Tags views' commands, the Get Started walkthrough's steps and Ctrl+T, in the real
// VS Code. What the trees show is read in the UI tests (scripts/e2e/ui.mjs); here the commands a tree
// item runs are given the item as VS Code would give it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { completionLabel, hoverText, openInEditor, positionOf, revert, suite, suiteTeardown, test, waitFor, workspaceFile } from './harness';

const NOTE = 'notizen/Projekt-Auslagerung.md';

/** The tree item of a term, as the Glossary view hands it to its context menu's commands. */
async function termNode(relative: string) {
  const document = await vscode.workspace.openTextDocument(workspaceFile(relative));
  const title = /^title: (.*)$/m.exec(document.getText())![1];
  const heading = positionOf(document, `# ${title}`, { offsetInNeedle: 2 });
  const range = { start: { line: heading.line, character: heading.character }, end: { line: heading.line, character: heading.character + title.length } };
  return { kind: 'term', parentId: 'test', term: { uri: document.uri.toString(), range, title, aliases: [], tags: [], definition: '', problems: 0 } };
}

suite('Glossary views and the walkthrough', () => {
  suiteTeardown(async () => {
    for (const document of vscode.workspace.textDocuments) await revert(document);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the Glossary container shows its Terms and Tags views', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.markdownGlossary');
    await vscode.commands.executeCommand('markdownGlossary.terms.focus');
    await vscode.commands.executeCommand('markdownGlossary.tags.focus');
    // Grouping and filtering run without a user at the keyboard.
    await vscode.commands.executeCommand('markdownGlossary.view.groupByFolder');
    await vscode.commands.executeCommand('markdownGlossary.view.filter', 'near');
    await vscode.commands.executeCommand('markdownGlossary.view.clearFilter');
    await vscode.commands.executeCommand('markdownGlossary.view.groupByTag');
  });

  test('Copy Link to Term copies a link in the style of the note being edited', async () => {
    await openInEditor(workspaceFile(NOTE));
    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand('markdownGlossary.view.copyLink', await termNode('glossar/Nearshoring.md'));
    assert.equal(await vscode.env.clipboard.readText(), '[Nearshoring](../glossar/Nearshoring.md)');
  });

  test('Rename Term renames its title everywhere as F2 on the title would, and back', async () => {
    const files = ['glossar/Teilaufgabe.md', 'glossar/Arbeitsprozess.md'];
    const before = new Map(await Promise.all(files.map(async (file) => [file, new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(file)))] as const)));
    const teilaufgabe = await termNode('glossar/Teilaufgabe.md');
    await vscode.commands.executeCommand('markdownGlossary.view.renameTerm', teilaufgabe, 'Arbeitspaket');
    const renamed = await vscode.workspace.openTextDocument(workspaceFile('glossar/Teilaufgabe.md'));
    assert.match(renamed.getText(), /^title: Arbeitspaket$/m);
    assert.match(renamed.getText(), /^# Arbeitspaket$/m);
    const referring = await vscode.workspace.openTextDocument(workspaceFile('glossar/Arbeitsprozess.md'));
    assert.notEqual(referring.getText(), before.get('glossar/Arbeitsprozess.md'));
    await vscode.commands.executeCommand('markdownGlossary.view.renameTerm', { ...teilaufgabe, term: { ...teilaufgabe.term, title: 'Arbeitspaket' } }, 'Teilaufgabe');
    for (const [file, text] of before) assert.equal((await vscode.workspace.openTextDocument(workspaceFile(file))).getText(), text, file);
  });

  test('Go to Declaration opens tags.yml at the tag', async () => {
    const tagsFile = await vscode.workspace.openTextDocument(workspaceFile('glossar/tags.yml'));
    const at = positionOf(tagsFile, '\nIM:', { offsetInNeedle: 1 });
    const range = { start: { line: at.line, character: 0 }, end: { line: at.line, character: 2 } };
    await vscode.commands.executeCommand('markdownGlossary.view.goToDeclaration', {
      kind: 'tag',
      tag: { tag: 'IM', label: 'Informationsmanagement', count: 1, undeclaredUses: 0, declaration: { uri: tagsFile.uri.toString(), range } },
    });
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), tagsFile.uri.toString());
    assert.equal(editor.selection.start.line, at.line);
  });

  test('Ctrl+T lists each term once beside VS Code\'s own Markdown headings', async () => {
    await vscode.extensions.getExtension('vscode.markdown-language-features')!.activate();
    const outtasking = workspaceFile('glossar/Outtasking.md').toString();
    const symbols = await waitFor(
      'workspace symbols for "Outtasking" from VS Code\'s Markdown support',
      async () => (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Outtasking')) ?? [],
      (found) => found.some((symbol) => symbol.location.uri.toString() === outtasking),
    );
    const atTitle = symbols.filter((symbol) => symbol.location.uri.toString() === outtasking && symbol.location.range.start.line === 6);
    assert.equal(atTitle.length, 1, JSON.stringify(atTitle.map((symbol) => symbol.name)));
  });

  test('the walkthrough\'s hover step points at a mention whose hover is the definition', async () => {
    await vscode.commands.executeCommand('markdownGlossary.walkthrough.hover');
    const editor = vscode.window.activeTextEditor!;
    assert.ok(editor.document.uri.path.endsWith(NOTE));
    assert.equal(editor.document.getText(editor.document.getWordRangeAtPosition(editor.selection.active)), 'Outtasking');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.selection.active);
    assert.match(hoverText(hovers), /Das Outtasking ist eine besondere Form des Outsourcings/);
  });

  test('the walkthrough\'s completion step types "[[Near" where Nearshoring is suggested', async () => {
    await vscode.commands.executeCommand('markdownGlossary.walkthrough.completion');
    const editor = vscode.window.activeTextEditor!;
    assert.ok(editor.document.getText().endsWith('[[Near'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, editor.selection.active);
    assert.ok(list.items.some((item) => completionLabel(item) === 'Nearshoring'), JSON.stringify(list.items.map(completionLabel)));
    await revert(editor.document);
  });

  test('the walkthrough\'s quick fix step misspells a tag, and its quick fix is offered', async () => {
    await vscode.commands.executeCommand('markdownGlossary.walkthrough.quickFix');
    const editor = vscode.window.activeTextEditor!;
    assert.match(editor.document.getText(), /^tags: \[Begrife, IM\]$/m);
    const actions = await waitFor(
      'the quick fix of "Begrife"',
      async () => (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, editor.selection)) ?? [],
      (found) => found.some((action) => action.title.includes('Begriffe')),
    );
    assert.ok(actions.length > 0);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await revert(editor.document);
  });
});
