import * as vscode from 'vscode';

/**
 * The commands of the Get Started walkthrough: open a copy of the demo glossary the extension
 * ships (content/), then show a hover, a completion and a quick fix in it. They only move the
 * cursor and run VS Code's own commands; the server answers as it would when the user does it.
 */

/** Files of the demo glossary the steps use, from its root. */
const DEMO_NOTE = 'notizen/Projekt-Auslagerung.md';
const DEMO_MEETING = 'notizen/Meeting-2026-03.md';
const DEMO_ENTRY = 'glossar/Outtasking.md';

export function registerWalkthrough(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('markdownGlossary.openDemo', () => openDemo(context)),
    vscode.commands.registerCommand('markdownGlossary.walkthrough.hover', () => showHover()),
    vscode.commands.registerCommand('markdownGlossary.walkthrough.completion', () => showCompletion()),
    vscode.commands.registerCommand('markdownGlossary.walkthrough.quickFix', () => showQuickFix()),
  );
}

/** Copies the demo glossary into the extension's storage (once: the user's edits stay) and opens it. */
async function openDemo(context: vscode.ExtensionContext): Promise<void> {
  const target = vscode.Uri.joinPath(context.globalStorageUri, 'demo-glossary');
  if (!(await exists(target))) {
    const copying = vscode.Uri.joinPath(context.globalStorageUri, `demo-glossary.${Date.now()}.partial`);
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(context.extensionUri, 'content'), copying, { overwrite: true });
    await vscode.workspace.fs.rename(copying, target, { overwrite: false });
  }
  if ((await demoRoot()) !== undefined) return;
  // A window with a folder keeps it: the demo opens beside it.
  await vscode.commands.executeCommand('vscode.openFolder', target, { forceNewWindow: (vscode.workspace.workspaceFolders?.length ?? 0) > 0 });
}

/** The open workspace folder that holds the demo glossary (a copy, or content/ of this repository), if one does. */
async function demoRoot(): Promise<vscode.Uri | undefined> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const files = await Promise.all([DEMO_NOTE, DEMO_MEETING, DEMO_ENTRY].map((relative) => exists(vscode.Uri.joinPath(folder.uri, relative))));
    if (files.every(Boolean)) return folder.uri;
  }
  return undefined;
}

/** Opens a file of the demo glossary, or offers to open the demo when no workspace folder holds it. */
async function openDemoFile(relative: string): Promise<vscode.TextEditor | undefined> {
  const root = await demoRoot();
  if (root === undefined) {
    const open = vscode.l10n.t('Open Demo Glossary');
    if ((await vscode.window.showInformationMessage(vscode.l10n.t('This step uses the demo glossary. Open it first.'), open)) === open) {
      await vscode.commands.executeCommand('markdownGlossary.openDemo');
    }
    return undefined;
  }
  return vscode.window.showTextDocument(vscode.Uri.joinPath(root, relative));
}

function placeCursor(editor: vscode.TextEditor, offset: number): void {
  const position = editor.document.positionAt(offset);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
}

/** The hover of "Outtasking" where a note mentions it without a link. */
async function showHover(): Promise<void> {
  const editor = await openDemoFile(DEMO_NOTE);
  if (editor === undefined) return;
  const offset = editor.document.getText().indexOf('Outtasking');
  if (offset < 0) return;
  placeCursor(editor, offset + 2);
  await vscode.commands.executeCommand('editor.action.showHover');
}

/** Glossary links completed after "[[", in a line added to the end of a note. */
async function showCompletion(): Promise<void> {
  const editor = await openDemoFile(DEMO_MEETING);
  if (editor === undefined) return;
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  const typed = `${editor.document.lineAt(end.line).isEmptyOrWhitespace ? '' : '\n'}\n${vscode.l10n.t('See')} [[Near`;
  await editor.edit((edit) => edit.insert(end, typed));
  placeCursor(editor, editor.document.getText().length);
  await vscode.commands.executeCommand('editor.action.triggerSuggest');
}

/** The quick fix of a tag misspelt on purpose in an entry's front matter. */
async function showQuickFix(): Promise<void> {
  const editor = await openDemoFile(DEMO_ENTRY);
  if (editor === undefined) return;
  const tagsLine = /^tags: \[(Begriffe)/m.exec(editor.document.getText());
  if (tagsLine === null) return;
  const start = tagsLine.index + tagsLine[0].length - 'Begriffe'.length;
  const range = new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(start + 'Begriffe'.length));
  await editor.edit((edit) => edit.replace(range, 'Begrife'));
  placeCursor(editor, start + 2);
  // The warning arrives once the server has checked the edit.
  await new Promise<void>((resolve) => {
    const done = () => {
      listener.dispose();
      clearTimeout(timer);
      resolve();
    };
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((uri) => uri.toString() === editor.document.uri.toString()) && vscode.languages.getDiagnostics(editor.document.uri).length > 0) done();
    });
    const timer = setTimeout(done, 5000);
  });
  await vscode.commands.executeCommand('editor.action.quickFix');
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
