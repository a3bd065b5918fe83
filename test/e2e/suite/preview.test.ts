// The glossary in VS Code's Markdown preview, rendered by VS Code's own Markdown extension with our
// markdown-it plugin (`markdown.api.render` renders as the preview does).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openInEditor, replaceText, revert, suite, suiteTeardown, test, waitFor, workspaceFile } from './harness';

const NOTE = 'notizen/Projekt-Auslagerung.md';
const TERM = 'glossar/Nearshoring.md';

/** The HTML the preview shows for a document, once the glossary's marks have arrived (the first render may come before). */
function rendered(document: vscode.TextDocument, what: string, accept: (html: string) => boolean): Promise<string> {
  return waitFor(what, () => vscode.commands.executeCommand<string>('markdown.api.render', document), accept);
}

suite('Markdown preview', () => {
  suiteTeardown(async () => {
    await revert(await vscode.workspace.openTextDocument(workspaceFile(NOTE)));
    await revert(await vscode.workspace.openTextDocument(workspaceFile(TERM)));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('shows a term link and a mention in a term with the definition on hover', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('glossar/Offshoring.md'));
    const html = await rendered(document, 'the glossary in the rendered Offshoring.md', (found) => found.includes('glossary-mention'));
    // "[Nearshoring](Nearshoring.md)": VS Code's link, with the term's definition as its title.
    assert.match(html, /<a href="Nearshoring\.md" data-href="Nearshoring\.md" class="glossary-link" title="Nearshoring\nNearshoring ist die Verlagerung von Aufgaben[^"]*">Nearshoring<\/a>/);
    assert.match(html, /<abbr class="glossary-mention" title="Kostensenkung\n[^"]+">Kostensenkung<\/abbr>/);
    // The term's own heading is no mention of it.
    assert.match(html, /<h1[^>]*>Offshoring<\/h1>/);
  });

  test('marks in every page what the editor highlights as a term', async () => {
    const files = await vscode.workspace.findFiles('**/*.md');
    assert.ok(files.length > 20, `${files.length} files`);
    const differences: string[] = [];
    let compared = 0;
    for (const uri of files) {
      const document = await vscode.workspace.openTextDocument(uri);
      const tokens = await waitFor(`the semantic tokens of ${uri.path}`, () => vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', uri), (found) => found !== undefined);
      const highlighted: string[] = [];
      for (let at = 0, line = 0, character = 0; at < tokens!.data.length; at += 5) {
        const [deltaLine, deltaCharacter, length] = tokens!.data.slice(at, at + 3);
        character = deltaLine === 0 ? character + deltaCharacter : deltaCharacter;
        line += deltaLine;
        highlighted.push(document.getText(new vscode.Range(line, character, line, character + length)));
      }
      // The preview shows a name broken across lines as one mention, the editor as a token per line.
      const markedText = (html: string) => [...html.matchAll(/<(abbr|a) [^>]*class="glossary-(?:mention|link)"[^>]*>([^<]*)<\/\1>/g)].flatMap((match) => match[2].split('\n'));
      const html = await rendered(document, `the glossary in ${uri.path}`, (found) => highlighted.length === 0 || found.includes('class="glossary-'));
      const marked = markedText(html);
      compared += marked.length;
      if (JSON.stringify(marked.sort()) !== JSON.stringify(highlighted.sort())) differences.push(`${uri.path}: preview ${JSON.stringify(marked)}, editor ${JSON.stringify(highlighted)}`);
    }
    assert.deepEqual(differences, []);
    assert.ok(compared > 100, `${compared} marks`);
  });

  test('renders [[wiki links]] as links to the term file, and one that names no term as unresolved', async () => {
    const editor = await openInEditor(workspaceFile(NOTE));
    await replaceText(editor.document, 'Offene Punkte:', 'Siehe [[Nearshoring]] und [[Farshoring]], aber nicht `[[Nearshoring]]`.\n\nOffene Punkte:');
    const html = await rendered(editor.document, 'the wiki link rendered as a link', (found) => found.includes('class="glossary-link" title="Nearshoring'));
    assert.match(html, /<a href="\.\.\/glossar\/Nearshoring\.md" data-href="\.\.\/glossar\/Nearshoring\.md" class="glossary-link" title="Nearshoring\nNearshoring ist die Verlagerung[^"]*">Nearshoring<\/a>/);
    assert.match(html, /<span class="glossary-unresolved" title="[^"]*Farshoring[^"]*">\[\[Farshoring\]\]<\/span>/);
    assert.match(html, /<code>\[\[Nearshoring\]\]<\/code>/);
  });

  test('follows a definition edited in the editor, though the page rendered is unchanged', async () => {
    const note = await vscode.workspace.openTextDocument(workspaceFile(NOTE));
    await rendered(note, 'the mention of Nearshoring', (found) => found.includes('title="Nearshoring\nNearshoring ist die Verlagerung'));
    const term = (await openInEditor(workspaceFile(TERM))).document;
    await replaceText(term, '**Nearshoring ist die Verlagerung', '**Nearshoring ist die neue Verlagerung');
    await rendered(note, 'the edited definition in the note', (found) => found.includes('title="Nearshoring\nNearshoring ist die neue Verlagerung'));
  });
});
