// What a user of the extension sees in a real VS Code, asked through the same commands the
// editor's UI uses (hover, suggest, problems, light bulb). The workspace is a copy of content/.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  completionLabel,
  diagnosticCode,
  hoverText,
  inspect,
  openInEditor,
  positionOf,
  replaceText,
  revert,
  suite,
  suiteTeardown,
  test,
  waitFor,
  workspaceFile,
} from './harness';

const TERM = 'glossar/Outtasking.md';
const NOTE = 'notizen/Projekt-Auslagerung.md';
const TAGS_FILE = 'glossar/tags.yml';
const DEFINITION = 'Das Outtasking ist eine besondere Form des Outsourcings.';
const TAGS_LINE = 'tags: [Begriffe, IM]';

function unknownTags(uri: vscode.Uri, document: vscode.TextDocument, tag: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => diagnosticCode(diagnostic) === 'unknown-tag' && document.getText(diagnostic.range).replace(/^["']|["']$/g, '') === tag);
}

/** The text edits a code action makes to one file, whether it carries them itself or not. */
function editsTo(action: vscode.CodeAction, uri: vscode.Uri): vscode.TextEdit[] {
  return (action.edit?.entries() ?? []).filter(([target]) => target.toString() === uri.toString()).flatMap(([, edits]) => edits);
}

async function codeActionsAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range)) ?? [];
  return actions.filter((action): action is vscode.CodeAction => 'kind' in action || 'edit' in action || 'diagnostics' in action);
}

suite('Markdown Glossary in VS Code', () => {
  const touched: vscode.TextDocument[] = [];

  suiteTeardown(async () => {
    for (const document of touched) await revert(document);
  });

  test('activates when a glossary entry is opened', async () => {
    const editor = await openInEditor(workspaceFile(TERM));
    assert.equal(editor.document.languageId, 'markdown');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed: ${vscode.extensions.all.map((e) => e.id).join(', ')}`);
    await waitFor('the extension to activate', () => extension.isActive, (active) => active);
  });

  test('shows the definition when hovering "Outtasking" in a note', async () => {
    const editor = await openInEditor(workspaceFile(NOTE));
    const position = positionOf(editor.document, 'als Outtasking an', { offsetInNeedle: 'als Ou'.length });
    assert.equal(editor.document.getText(editor.document.getWordRangeAtPosition(position)), 'Outtasking');
    const hovers = await waitFor(
      'a hover with the definition of Outtasking',
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position),
      (result) => hoverText(result ?? []).includes(DEFINITION),
    );
    const text = hoverText(hovers);
    assert.match(text, /Outtasking/);
    assert.ok(text.includes(DEFINITION), text);
  });

  test('completes "[Outt" in a note to a link to the term', async () => {
    const uri = workspaceFile('notizen/E2E-Vervollstaendigung.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('# Vervollständigung\n\nSiehe \n'));
    const editor = await openInEditor(uri);
    touched.push(editor.document);
    const end = editor.document.lineAt(2).range.end;
    editor.selection = new vscode.Selection(end, end);
    // Typed as a user types it: the editor may close the bracket, the completion replaces that too.
    await vscode.commands.executeCommand('type', { text: '[Outt' });
    await waitFor('the typed text', () => editor.document.lineAt(2).text, (line) => line.startsWith('Siehe [Outt'));
    const cursor = editor.selection.active;

    const list = await waitFor(
      'a completion item "Outtasking"',
      () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, cursor),
      (result) => (result?.items ?? []).some((item) => completionLabel(item) === 'Outtasking'),
    );
    const item = list.items.find((candidate) => completionLabel(candidate) === 'Outtasking')!;
    const insertText = item.insertText instanceof vscode.SnippetString ? item.insertText.value : item.insertText ?? completionLabel(item);
    // After the "[" typed, which it keeps: its range starts at the word, as the suggest widget filters.
    assert.ok(insertText.startsWith('Outtasking](../glossar/Outtasking.md)'), `insert text: ${inspect(item.insertText)}`);

    // Accept it as the editor does: replace the item's range, then its additional edits.
    const range = item.range === undefined ? editor.document.getWordRangeAtPosition(cursor) ?? new vscode.Range(cursor, cursor) : 'replacing' in item.range ? item.range.replacing : item.range;
    if (item.insertText instanceof vscode.SnippetString) {
      assert.ok(await editor.insertSnippet(item.insertText, range), 'the snippet was not inserted');
    } else {
      assert.ok(await editor.edit((builder) => builder.replace(range, insertText)), 'the completion was not applied');
    }
    if (item.additionalTextEdits?.length) {
      const edit = new vscode.WorkspaceEdit();
      edit.set(uri, item.additionalTextEdits);
      assert.ok(await vscode.workspace.applyEdit(edit));
    }
    assert.equal(editor.document.lineAt(2).text, 'Siehe [Outtasking](../glossar/Outtasking.md)');
  });

  test('keeps "[produktivitae" in the suggest widget (its own filter) and accepts it as a link', async () => {
    const uri = workspaceFile('notizen/E2E-Umlaute.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('# Umlaute\n\nSiehe \n'));
    const editor = await openInEditor(uri);
    touched.push(editor.document);
    const end = editor.document.lineAt(2).range.end;
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('type', { text: '[produktivitae' });
    await waitFor('the typed text', () => editor.document.lineAt(2).text, (line) => line.startsWith('Siehe [produktivitae'));
    // The suggest widget filters the server's items by their filterText: an item whose filter text
    // lacks "ae" is dropped there, and accepting then inserts nothing.
    const expected = 'Siehe [Produktivität](../glossar/Produktivitaet.md)';
    await waitFor(
      'the suggestion accepted from the widget',
      async () => {
        await vscode.commands.executeCommand('editor.action.triggerSuggest');
        await new Promise((resolve) => setTimeout(resolve, 700));
        await vscode.commands.executeCommand('acceptSelectedSuggestion');
        return editor.document.lineAt(2).text;
      },
      (line) => line.replace(/\]$/, '') === expected,
    );
  });

  test('warns about an undeclared tag added to the front matter', async () => {
    const editor = await openInEditor(workspaceFile(TERM));
    touched.push(editor.document);
    await replaceText(editor.document, TAGS_LINE, 'tags: [Begriffe, IM, Stratgie]');
    const [diagnostic] = await waitFor(
      'an unknown-tag warning on "Stratgie"',
      () => unknownTags(editor.document.uri, editor.document, 'Stratgie'),
      (found) => found.length === 1,
    );
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(diagnostic.message, /Stratgie/);
    assert.match(diagnostic.message, /Strategie/, 'the message suggests the declared tag');
  });

  test('replaces the undeclared tag with the suggested one by a quick fix', async () => {
    const editor = await openInEditor(workspaceFile(TERM));
    const document = editor.document;
    const [diagnostic] = await waitFor('the unknown-tag warning', () => unknownTags(document.uri, document, 'Stratgie'), (found) => found.length === 1);
    const actions = await waitFor('quick fixes', () => codeActionsAt(document.uri, diagnostic.range), (found) => found.length > 0);
    const fix = actions.find((action) => editsTo(action, document.uri).some((edit) => edit.newText === 'Strategie'));
    assert.ok(fix, `no quick fix changes the tag to "Strategie": ${inspect(actions.map((action) => action.title))}`);
    assert.ok(fix.kind === undefined || vscode.CodeActionKind.QuickFix.contains(fix.kind), `kind: ${fix.kind?.value}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the quick fix was not applied');
    assert.equal(document.lineAt(positionOf(document, 'tags:').line).text, 'tags: [Begriffe, IM, Strategie]');
    await waitFor('the warning to go away', () => vscode.languages.getDiagnostics(document.uri).filter((d) => diagnosticCode(d) === 'unknown-tag'), (found) => found.length === 0);
  });

  test('declares a new tag in tags.yml by a quick fix', async () => {
    const editor = await openInEditor(workspaceFile(TERM));
    const document = editor.document;
    await replaceText(document, 'tags: [Begriffe, IM, Strategie]', 'tags: [Begriffe, IM, Strategie, Nachhaltigkeit]');
    const [diagnostic] = await waitFor('an unknown-tag warning on "Nachhaltigkeit"', () => unknownTags(document.uri, document, 'Nachhaltigkeit'), (found) => found.length === 1);
    const tagsUri = workspaceFile(TAGS_FILE);
    const actions = await waitFor('quick fixes', () => codeActionsAt(document.uri, diagnostic.range), (found) => found.length > 0);
    const declare = actions.find((action) => editsTo(action, tagsUri).length > 0);
    assert.ok(declare, `no quick fix edits ${TAGS_FILE}: ${inspect(actions.map((action) => action.title))}`);
    assert.ok(await vscode.workspace.applyEdit(declare.edit!), 'the quick fix was not applied');

    const tagsDocument = await vscode.workspace.openTextDocument(tagsUri);
    touched.push(tagsDocument);
    assert.match(tagsDocument.getText(), /^Nachhaltigkeit:/m);
    assert.ok(await tagsDocument.save(), 'tags.yml was not saved');
    await waitFor(
      'the warning to go away once tags.yml declares the tag',
      () => unknownTags(document.uri, document, 'Nachhaltigkeit'),
      (found) => found.length === 0,
    );
  });
});
