import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  ASSET_FILES_GLOB,
  GLOSSARY_CHANGED_NOTIFICATION,
  KNOWN_TAGS_REQUEST,
  LINK_TO_TERM_REQUEST,
  NEW_TERM_REQUEST,
  ORIGINAL_AS_TRANSLATED_REQUEST,
  SEARCH_TERMS_REQUEST,
  SHORTCODE_TEMPLATES_GLOB,
  PAGE_COMPONENTS_GLOB,
  SHOW_ORIGINAL_CHANGES_COMMAND,
  SHOW_REFERENCES_COMMAND,
  STATUS_NOTIFICATION,
  TRANSLATION_STATUS_REQUEST,
  type LinkToTermParams,
  type NewTermResult,
  type OriginalAsTranslatedResult,
  type StatusParams,
  type TermSummary,
  type TranslationStatusResult,
} from '../../server/src/lsp/protocol';
import { registerViews } from './views';
import { registerWalkthrough } from './walkthrough';
import { GlossaryPreview } from './preview';
import type { MarkdownIt } from './previewPlugin';

/** The server is restarted after a crash at most this many times within the window below. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

let client: LanguageClient | undefined;

/** Read-only documents the extension shows: the translation report, an original as a translation knew it. */
const GENERATED_SCHEME = 'markdown-glossary';
const generatedTexts = new Map<string, string>();
const generatedChanged = new vscode.EventEmitter<vscode.Uri>();

/** What the extension gives VS Code: its Markdown preview calls `extendMarkdownIt` once it has activated the extension. */
export interface GlossaryExtensionApi {
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

/**
 * Starts the glossary language server for Markdown files and adds what only VS Code has:
 * commands, a status bar item, a log channel, the glossary in the Markdown preview. The server
 * does all the glossary work.
 */
export async function activate(context: vscode.ExtensionContext): Promise<GlossaryExtensionApi> {
  const output = vscode.window.createOutputChannel(vscode.l10n.t('Markdown Glossary'), { log: true });
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'mdx' },
      { scheme: 'untitled', language: 'markdown' },
      // Edits of a tags file count before it is saved.
      { scheme: 'file', pattern: '**/tags.yml' },
    ],
    synchronize: {
      configurationSection: 'markdownGlossary',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/{*.md,*.mdx,tags.yml,docusaurus.config.*,hugo.*,config.*,*versions.json,sidebars.*,version-*-sidebars.json,_category_.*}'),
        vscode.workspace.createFileSystemWatcher('**/config/{_default,production}/**/*.{toml,yaml,yml,json}'),
        vscode.workspace.createFileSystemWatcher(ASSET_FILES_GLOB),
        vscode.workspace.createFileSystemWatcher(SHORTCODE_TEMPLATES_GLOB),
        vscode.workspace.createFileSystemWatcher(PAGE_COMPONENTS_GLOB),
        // Commits and checkouts change which translations are outdated.
        vscode.workspace.createFileSystemWatcher('**/.git/logs/HEAD'),
      ],
    },
    // In Restricted Mode the server runs no program, not even git; trusting the workspace restarts it.
    // VS Code's Markdown support lists headings in the Outline, breadcrumbs and Ctrl+T: the server
    // leaves those of terms to it, which showed each twice. The workspace storage holds the cache of
    // parsed files, so a restart reads only files that changed.
    initializationOptions: {
      l10nBundle: vscode.l10n.bundle,
      workspaceTrusted: vscode.workspace.isTrusted,
      editorListsHeadings: true,
      storageFolder: context.storageUri?.fsPath,
    },
    outputChannel: output,
    errorHandler: boundedRestarts(output),
    middleware: {
      // VS Code's Markdown support renames headings and links too: where ours finds no term, it is
      // its turn, and only its message says why (both refusing showed two).
      prepareRename: async (document, position, token, next) => {
        try {
          return await next(document, position, token);
        } catch {
          return undefined;
        }
      },
    },
  };
  client = new LanguageClient('markdownGlossary', vscode.l10n.t('Markdown Glossary'), serverOptions, clientOptions);

  const views = registerViews(context, client, { newTerm, linkToTerm });
  registerWalkthrough(context);
  let lastStatus: StatusParams | undefined;
  const preview = new GlossaryPreview(() => client);
  const status = vscode.window.createStatusBarItem('markdownGlossary.status', vscode.StatusBarAlignment.Right, 100);
  status.name = vscode.l10n.t('Markdown Glossary');
  status.command = 'markdownGlossary.searchGlossary';
  context.subscriptions.push(
    output,
    status,
    client.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => {
      // The views count problems and terms.
      if (lastStatus === undefined || params.problems !== lastStatus.problems || params.terms !== lastStatus.terms) views.refresh('counts');
      lastStatus = params;
      status.text = params.indexing
        ? `$(sync~spin) ${vscode.l10n.t('Glossary: indexing…')}`
        : `$(book) ${params.terms === 1 ? vscode.l10n.t('1 term') : vscode.l10n.t('{0} terms', params.terms)} · ${params.problems === 1 ? vscode.l10n.t('1 problem') : vscode.l10n.t('{0} problems', params.problems)}`;
      status.tooltip = vscode.l10n.t('Search the glossary');
      status.show();
    }),
    client.onNotification(GLOSSARY_CHANGED_NOTIFICATION, () => {
      preview.glossaryChanged();
      views.refresh('glossary');
    }),
    vscode.commands.registerCommand('markdownGlossary.searchGlossary', () => searchGlossary()),
    vscode.commands.registerCommand('markdownGlossary.insertLink', () => insertLink()),
    vscode.commands.registerCommand('markdownGlossary.newTerm', () => newTerm([])),
    vscode.commands.registerCommand('markdownGlossary.restartServer', () => client?.restart()),
    vscode.commands.registerCommand('markdownGlossary.showOutput', () => output.show()),
    vscode.commands.registerCommand('markdownGlossary.translationStatus', () => showTranslationStatus()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.restart()),
    vscode.commands.registerCommand(SHOW_ORIGINAL_CHANGES_COMMAND, (translationUri?: string) => showOriginalChanges(translationUri)),
    // A term's code lens: Find All References at its title (the server sends plain JSON, VS Code wants its own types).
    vscode.commands.registerCommand(SHOW_REFERENCES_COMMAND, (termUri: string, position: { line: number; character: number }) =>
      vscode.commands.executeCommand('editor.action.findReferences', vscode.Uri.parse(termUri), new vscode.Position(position.line, position.character)),
    ),
    vscode.workspace.registerTextDocumentContentProvider(GENERATED_SCHEME, {
      onDidChange: generatedChanged.event,
      provideTextDocumentContent: (uri) => generatedTexts.get(uri.toString()) ?? '',
    }),
  );
  await client.start();
  return { extendMarkdownIt: (md) => preview.extendMarkdownIt(md) };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** Restarts a crashed server a few times, says so, and gives up with a message if it keeps crashing. */
function boundedRestarts(output: vscode.LogOutputChannel): ErrorHandler {
  const restarts: number[] = [];
  return {
    error: () => ({ action: ErrorAction.Continue }),
    closed: (): CloseHandlerResult => {
      const now = Date.now();
      while (restarts.length > 0 && now - restarts[0] > RESTART_WINDOW_MS) restarts.shift();
      if (restarts.length >= MAX_RESTARTS) {
        const message = vscode.l10n.t('The glossary server stopped {0} times in 3 minutes and will not be restarted. Run "Markdown Glossary: Restart Server" to try again.', MAX_RESTARTS + 1);
        output.error(message);
        return { action: CloseAction.DoNotRestart, message };
      }
      restarts.push(now);
      output.warn(vscode.l10n.t('The glossary server stopped; restarting it ({0} of {1}).', restarts.length, MAX_RESTARTS));
      return { action: CloseAction.Restart, handled: true };
    },
  };
}

interface TermPick extends vscode.QuickPickItem {
  term: TermSummary;
}

/** A quick pick of terms that asks the server as the user types; resolves to the chosen term. */
async function pickTerm(placeholder: string): Promise<TermSummary | undefined> {
  if (client === undefined) return undefined;
  const languageClient = client;
  const picker = vscode.window.createQuickPick<TermPick>();
  picker.placeholder = placeholder;
  picker.matchOnDescription = true;
  picker.matchOnDetail = true;
  const update = async (query: string) => {
    picker.busy = true;
    const terms = await languageClient.sendRequest<TermSummary[]>(SEARCH_TERMS_REQUEST, { query });
    // The label is the name the term was found by (an alias where it matched better): VS Code
    // re-sorts the items by how well their labels match, so the label must be what matched.
    picker.items = terms.map((term) => ({
      label: term.name,
      description: [...(term.name === term.title ? [] : [term.title]), ...term.aliases.filter((alias) => alias !== term.name), ...term.tags.map((tag) => `#${tag}`)].join(' '),
      detail: term.definition,
      term,
      // The server has filtered already; the picker must not hide an alias match.
      alwaysShow: true,
    }));
    picker.busy = false;
  };
  picker.onDidChangeValue((value) => void update(value));
  void update('');
  picker.show();
  const chosen = await new Promise<TermPick | undefined>((resolve) => {
    picker.onDidAccept(() => resolve(picker.selectedItems[0]));
    picker.onDidHide(() => resolve(undefined));
  });
  picker.dispose();
  return chosen?.term;
}

async function searchGlossary(): Promise<void> {
  const term = await pickTerm(vscode.l10n.t('Search the glossary by title, alias or #tag'));
  if (term !== undefined) await vscode.window.showTextDocument(vscode.Uri.parse(term.uri));
}

async function insertLink(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined || client === undefined) return;
  const term = await pickTerm(vscode.l10n.t('Link to which term?'));
  if (term === undefined) return;
  const link = await linkToTerm(editor.document.uri.toString(), term.uri, editor.document.getText(editor.selection));
  if (link !== null) await editor.edit((edit) => edit.replace(editor.selection, link));
}

/** The text of a link from a document to a term, in the document's link style, showing the selected words or else the title. */
async function linkToTerm(documentUri: string, termUri: string, selectedText = ''): Promise<string | null> {
  return client === undefined ? null : client.sendRequest<string | null>(LINK_TO_TERM_REQUEST, { documentUri, termUri, selectedText } satisfies LinkToTermParams);
}

/** Asks for a title and tags (`presetTags` chosen already), and creates the term where the server says. */
async function newTerm(presetTags: string[]): Promise<void> {
  if (client === undefined) return;
  const title = await vscode.window.showInputBox({
    prompt: vscode.l10n.t('Title of the new term'),
    validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('The title must not be empty.') : undefined),
  });
  if (title === undefined) return;
  const known = await client.sendRequest<string[]>(KNOWN_TAGS_REQUEST);
  const choices = [...new Set([...presetTags, ...known])].map((tag) => ({ label: tag, picked: presetTags.includes(tag) }));
  const chosen = await vscode.window.showQuickPick(choices, { canPickMany: true, placeHolder: vscode.l10n.t('Tags of the new term') });
  if (chosen === undefined) return;
  const tags = chosen.map((choice) => choice.label);
  const created = await client.sendRequest<NewTermResult | null>(NEW_TERM_REQUEST, { title, tags }).catch((error: Error) => {
    void vscode.window.showErrorMessage(error.message);
    return null;
  });
  if (created === null) return;
  const uri = vscode.Uri.parse(created.uri);
  // The server places new terms inside the workspace; a file is never created anywhere else.
  if (vscode.workspace.getWorkspaceFolder(uri) === undefined) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} is not inside the workspace: no term was created.', uri.fsPath));
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(created.text) });
  if (!(await vscode.workspace.applyEdit(edit))) return;
  const editor = await vscode.window.showTextDocument(uri);
  // Put the cursor on the definition to write.
  const definitionLine = editor.document.lineCount - 2;
  editor.selection = new vscode.Selection(definitionLine, 2, definitionLine, editor.document.lineAt(Math.max(definitionLine, 0)).text.length - 2);
}

/** Shows a generated text as a read-only document of the extension's own scheme. */
function generatedDocument(path: string, text: string, query = ''): vscode.Uri {
  const uri = vscode.Uri.from({ scheme: GENERATED_SCHEME, path, query });
  generatedTexts.set(uri.toString(), text);
  generatedChanged.fire(uri);
  return uri;
}

/** The translation status of the whole glossary, as a Markdown report in the preview. */
async function showTranslationStatus(): Promise<void> {
  if (client === undefined) return;
  const status = await client.sendRequest<TranslationStatusResult>(TRANSLATION_STATUS_REQUEST);
  const uri = generatedDocument(`/${vscode.l10n.t('Translation Status')}.md`, status.markdown);
  await vscode.commands.executeCommand('markdown.showPreview', uri);
}

/** The original of a translation as the translation knew it, beside the original now. */
async function showOriginalChanges(translationUri = vscode.window.activeTextEditor?.document.uri.toString()): Promise<void> {
  if (client === undefined || translationUri === undefined) return;
  const original = await client.sendRequest<OriginalAsTranslatedResult | null>(ORIGINAL_AS_TRANSLATED_REQUEST, { translationUri });
  if (original === null) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No history says which version of the original this translation was made from.'));
    return;
  }
  const now = vscode.Uri.parse(original.originalUri);
  const before = generatedDocument(now.path, original.text, `version=${original.version}`);
  const name = now.path.slice(now.path.lastIndexOf('/') + 1);
  await vscode.commands.executeCommand('vscode.diff', before, now, vscode.l10n.t('{0}: {1} ↔ now', name, original.version));
}
