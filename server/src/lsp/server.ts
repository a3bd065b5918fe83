import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  ResponseError,
  SemanticTokensBuilder,
  SymbolKind,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type DocumentSymbol,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, normalizeSettings, type GlossarySettings } from '../common/settings';
import { LineIndex } from '../common/text';
import { canonicalUri, fileUri, uriToFsPath } from '../common/uris';
import { codeActions, fixAllAction } from '../features/codeActions';
import { codeLensRange, codeLensTitle, NO_REFERENCES } from '../features/codeLens';
import type { WorkspaceChange } from '../features/workspaceChange';
import { complete } from '../features/completion';
import { hover } from '../features/hover';
import { definition, documentLinks, documentSymbols, searchGlossary, workspaceSymbols, type OutlineSymbol } from '../features/navigation';
import { linkEditsForRenamedFiles, prepareRename, rename, RenameError } from '../features/rename';
import { linkForSelection, styleOf, termDocumentation } from '../features/linkCompletion';
import { idFromTitle, newTermFolder, newTermText } from '../features/newTerm';
import { previewMarks, type PreviewMarks } from '../features/preview';
import { TERM_TOKEN_TYPE, termTokens } from '../features/semanticTokens';
import { termsAt } from '../features/termAt';
import { tagsFileChange, TagsFileError } from '../features/tagsFileGenerator';
import { translationReport, translationStateOf } from '../features/translationStatus';
import { translationCounts, translationReportAsMarkdown } from '../features/translationTable';
import { fileAtCommit } from '../workspace/gitHistory';
import { withFilesOfMovedFolders } from '../workspace/files';
import { parseDocument, readAs } from '../parsing/document';
import { TAGS_FILE_NAME } from '../parsing/tagsFile';
import { readConfig, type Config } from '../workspace/configFile';
import { bundledL10nFolder, useBundle, useLocale } from '../workspace/translations';
import {
  FIX_ALL_IN_WORKSPACE_COMMAND,
  GENERATE_TAGS_FILE_COMMAND,
  GLOSSARY_CHANGED_NOTIFICATION,
  KNOWN_TAGS_REQUEST,
  LINK_TO_TERM_REQUEST,
  NEW_TERM_REQUEST,
  ORIGINAL_AS_TRANSLATED_REQUEST,
  PREVIEW_MARKS_REQUEST,
  REINDEX_COMMAND,
  SEARCH_TERMS_REQUEST,
  SHOW_ORIGINAL_CHANGES_COMMAND,
  SHOW_REFERENCES_COMMAND,
  STATUS_NOTIFICATION,
  TRANSLATION_STATUS_REQUEST,
  type CodeLensData,
  type OriginalAsTranslatedParams,
  type OriginalAsTranslatedResult,
  type PreviewMarksParams,
  type TranslationStatusResult,
  type LinkToTermParams,
  type NewTermParams,
  type NewTermResult,
  type SearchTermsParams,
  type StatusParams,
  type TermSummary,
  GROUP_TERMS_REQUEST,
  TAG_SUMMARIES_REQUEST,
  TERM_GROUPS_REQUEST,
  TERM_REFERENCES_REQUEST,
  type GroupTermsParams,
  type TermGroupsParams,
  type TermGroupsResult,
  type TermReferencesParams,
  ASSET_FILES_GLOB,
  SHORTCODE_TEMPLATES_GLOB,
  NEW_SHORTCODE_TEMPLATES_GLOB,
  PAGE_COMPONENTS_GLOB,
} from './protocol';
import { tagSummaries, termGroups, termsOfGroup, type GroupTerms, type TagSummary, type TermReferences, type ViewContext } from '../features/glossaryView';
import { GlossarySession } from './session';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, showsMarkdown, toLspCodeAction, toLspCompletionList, toLspDiagnostic, toLspDocumentation, toLspWorkspaceEdit, type CompletionItemData } from './convert';

/** The document a preview of a bare text (no file) stands for: links from it are absolute. */
const UNNAMED_PREVIEW = 'untitled:preview.md';

interface InitializationOptions {
  /** VS Code's l10n bundle for the display language, passed by the extension. */
  l10nBundle?: Record<string, string>;
  /** Settings from clients without `workspace/configuration`. */
  settings?: unknown;
  /** False in VS Code's Restricted Mode: the server then runs no program, not even git. */
  workspaceTrusted?: boolean;
  /**
   * True where the editor lists Markdown headings itself (VS Code): the server then offers no
   * outline, and leaves the headings of terms out of workspace symbols, which would show each twice.
   */
  editorListsHeadings?: boolean;
  /** A folder the editor keeps for this workspace (VS Code's workspace storage), for the cache of parsed files. */
  storageFolder?: string;
}


/**
 * A bug in one answer must not take the editor's glossary away: unexpected errors outside request
 * handlers (those answer with an error themselves) are logged to stderr, and the server goes on.
 */
export function keepRunningOnUnexpectedErrors(): void {
  const report = (error: unknown) => process.stderr.write(`markdown-glossary: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
  process.on('uncaughtException', report);
  process.on('unhandledRejection', report);
}

/**
 * Wires the glossary service to the Language Server Protocol. Everything here is plumbing:
 * the answers come from the index and the feature modules.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const log = (message: string) => connection.console.log(message);
  const session = new GlossarySession({
    publishDiagnostics: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics: diagnostics.map(toLspDiagnostic) }),
    sendStatus: (status) => void connection.sendNotification(STATUS_NOTIFICATION, status satisfies StatusParams),
    glossaryChanged: () => void connection.sendNotification(GLOSSARY_CHANGED_NOTIFICATION),
    log,
  });
  const index = session.index;
  let initializationSettings: unknown;
  let canRegisterWatchers = false;
  let canPullConfiguration = false;
  let canShowProgress = false;
  /** Whether the editor expands snippets' tab stops (`${1:1}`); else completions insert plain text. */
  let canInsertSnippets = false;
  let editorListsHeadings = false;
  /** Whether the editor shows Markdown in hovers and in completion items' documentation (ALE asks for plain text). */
  let hoverMarkdown = true;
  let documentationMarkdown = true;
  /**
   * The files an edit may create and rename (`workspaceEdit.resourceOperations`): ALE and Eglot 1.9
   * declare neither, and read such an operation as a text edit of no file.
   */
  let canCreateFiles = false;
  let canRenameFiles = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    // The bundle VS Code chose for its display language covers the server's strings as well.
    if (options.l10nBundle !== undefined) useBundle(options.l10nBundle);
    else useLocale(params.locale, bundledL10nFolder());
    initializationSettings = options.settings;
    session.readsHistory = options.workspaceTrusted !== false;
    editorListsHeadings = options.editorListsHeadings === true;
    session.storageFolder = typeof options.storageFolder === 'string' && path.isAbsolute(options.storageFolder) ? options.storageFolder : undefined;
    session.setWorkspaceFolders(
      (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : [])).map((folder) => uriToFsPath(folder.uri)),
    );
    canRegisterWatchers = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canShowProgress = params.capabilities.window?.workDoneProgress === true;
    canInsertSnippets = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    hoverMarkdown = showsMarkdown(params.capabilities.textDocument?.hover?.contentFormat);
    documentationMarkdown = showsMarkdown(params.capabilities.textDocument?.completion?.completionItem?.documentationFormat);
    const resourceOperations = params.capabilities.workspace?.workspaceEdit?.resourceOperations ?? [];
    canCreateFiles = resourceOperations.includes('create');
    canRenameFiles = resourceOperations.includes('rename');
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['[', '(', '/', ',', '#'], resolveProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        executeCommandProvider: { commands: [GENERATE_TAGS_FILE_COMMAND, REINDEX_COMMAND, FIX_ALL_IN_WORKSPACE_COMMAND] },
        codeLensProvider: { resolveProvider: true },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        workspaceSymbolProvider: true,
        documentSymbolProvider: !editorListsHeadings,
        documentLinkProvider: { resolveProvider: false },
        semanticTokensProvider: { legend: { tokenTypes: [TERM_TOKEN_TYPE], tokenModifiers: [] }, full: true },
        workspace: {
          // Every file: a page moved with its images is one batch, and the images' new places count.
          fileOperations: { willRename: { filters: [{ pattern: { glob: '**/*' } }] } },
        },
      },
      serverInfo: { name: 'markdown-glossary' },
    };
  });

  connection.onInitialized(() => {
    if (canRegisterWatchers) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/*.{md,mdx}' },
          { globPattern: `**/${TAGS_FILE_NAME}` },
          // One glob a name, without a group in a group or a wildcard in a group: Eglot (1.9, Debian 12's)
          // refuses the whole registration for either, and its `*` matches no empty name (versions.json).
          { globPattern: '**/docusaurus.config.{js,ts,mjs,cjs,mts,cts}' },
          { globPattern: '**/hugo.{toml,yaml,yml,json}' },
          { globPattern: '**/config.{toml,yaml,yml,json}' },
          { globPattern: '**/versions.json' },
          { globPattern: '**/*versions.json' },
          { globPattern: '**/sidebars.{js,ts,mjs,cjs,mts,cts,json}' },
          { globPattern: '**/version-*-sidebars.json' },
          { globPattern: '**/_category_.{json,yml,yaml}' },
          { globPattern: '**/config/{_default,production}/**/*.{toml,yaml,yml,json}' },
          { globPattern: ASSET_FILES_GLOB },
          { globPattern: SHORTCODE_TEMPLATES_GLOB },
          { globPattern: NEW_SHORTCODE_TEMPLATES_GLOB },
          { globPattern: PAGE_COMPONENTS_GLOB },
          // Commits and checkouts: the translation status follows the history.
          { globPattern: '**/.git/logs/HEAD' },
        ],
      });
    }
    void indexWorkspace();
  });

  /** Reads the whole workspace into the index, with progress in the editor's window. */
  async function indexWorkspace(): Promise<void> {
    const progress = canShowProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin(l10n.t('Indexing the glossary'));
    try {
      await session.indexWorkspace(await loadSettings());
    } finally {
      progress?.done();
    }
  }

  /** Settings from, in this order: the client's configuration, initializationOptions, the workspace's settings file. */
  async function loadSettings(): Promise<GlossarySettings> {
    if (canPullConfiguration) {
      const pulled = await connection.workspace.getConfiguration('markdownGlossary').catch(() => undefined);
      if (pulled !== null && typeof pulled === 'object') return normalizeSettings(pulled);
    }
    if (initializationSettings !== undefined) return normalizeSettings(initializationSettings);
    const [root] = session.workspaceFolders;
    const config = root === undefined ? undefined : await readConfig(root, log).catch((error: Error) => void log(error.message));
    showConfigProblems(config);
    // Past a mistake, each setting it concerns keeps its default and the rest apply.
    return withoutWritePlaces(normalizeSettings(config?.settings), config?.file);
  }

  /**
   * A workspace's settings file comes with the files, so it may not choose where the server writes
   * outside them: its `cacheFolder` is ignored (as VS Code takes that setting only from the user).
   */
  function withoutWritePlaces(settings: GlossarySettings, file: string | undefined): GlossarySettings {
    if (settings.cacheFolder === DEFAULT_SETTINGS.cacheFolder) return settings;
    log(`Ignored cacheFolder in ${file}: a workspace's settings file cannot choose where the cache is written; set it in the editor's settings.`);
    return { ...settings, cacheFolder: DEFAULT_SETTINGS.cacheFolder };
  }

  /** The settings file's mistakes, as errors on it where they are (cleared from a file found before). */
  let configWithProblems: string | undefined;
  function showConfigProblems(config: Config | undefined): void {
    const uri = config?.file === undefined ? undefined : fileUri(config.file);
    if (configWithProblems !== undefined && configWithProblems !== uri) void connection.sendDiagnostics({ uri: configWithProblems, diagnostics: [] });
    configWithProblems = config?.problems.length ? uri : undefined;
    if (uri === undefined || config === undefined) return;
    const diagnostics = config.problems.map(({ range, message }) => ({ range, message, severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE }));
    void connection.sendDiagnostics({ uri, diagnostics });
  }

  documents.onDidChangeContent(({ document }) => session.documentChanged(document.uri, document));
  documents.onDidClose(({ document }) => void session.documentClosed(document.uri));
  connection.onDidChangeWatchedFiles(({ changes }) => session.filesChanged(changes.map((change) => ({ uri: change.uri, deleted: change.type === FileChangeType.Deleted }))));

  connection.onDidChangeConfiguration(async (change) => {
    const pushed = (change.settings as { markdownGlossary?: unknown } | undefined)?.markdownGlossary;
    await session.useSettings(pushed !== undefined && pushed !== null ? normalizeSettings(pushed) : await loadSettings());
  });

  const openDocument = (uri: string) => session.openDocument(uri);
  const refreshAll = () => session.refreshAll();

  connection.onHover(({ textDocument, position }) => {
    const open = openDocument(textDocument.uri);
    const result = open && hover(index, open.document, open.lines, position);
    return result ? { contents: toLspDocumentation(result.markdown, hoverMarkdown)!, range: result.range } : null;
  });

  connection.onCompletion(({ textDocument, position }) => {
    const open = openDocument(textDocument.uri);
    return open ? toLspCompletionList(complete(index, open.document, open.lines, position, { linkStyle: session.settings.linkStyle, ...(session.history === undefined ? {} : { history: session.history }) }), canInsertSnippets, documentationMarkdown) : null;
  });

  connection.onCompletionResolve((item) => {
    const termUri = (item.data as Partial<CompletionItemData> | undefined)?.termUri;
    const term = typeof termUri === 'string' ? index.termOf(termUri) : undefined;
    return term === undefined ? item : { ...item, documentation: toLspDocumentation(termDocumentation(term), documentationMarkdown) };
  });

  connection.onCodeAction(({ textDocument, range, context }) => {
    const open = openDocument(textDocument.uri);
    if (open === undefined) return [];
    // Source actions (fix all on save, "Source Action..."): the safe fixes of the whole document.
    if (context.only !== undefined && !context.only.includes(CodeActionKind.QuickFix)) {
      const wanted = context.only.some((kind) => FIX_ALL_KIND === kind || FIX_ALL_KIND.startsWith(`${kind}.`));
      const all = wanted ? fixAllAction(index, open.document, open.lines, session.settings) : undefined;
      return all === undefined ? [] : [toLspCodeAction(all)];
    }
    session.readMdxBeforeFixing(open.document.uri, range);
    if (!canRegisterWatchers && context.diagnostics.some((diagnostic) => diagnostic.code === 'unknown-tag')) session.readTagsFileBeforeFixing(open.document.uri);
    const fixes = codeActions(index, open.document, open.lines, range, session.settings)
      .filter((action) => session.staysInWorkspace(action.change) && session.overwritesNothing(action.change))
      // Where the editor creates no files, the new file is only written: it opens it, and it is created when saved.
      .map((action) => toLspCodeAction(canCreateFiles ? action : { ...action, change: { ...action.change, createFiles: [] } }));
    const outdated = context.diagnostics.filter((diagnostic) => diagnostic.code === 'outdated-translation');
    const state = outdated.length > 0 && session.history !== undefined ? translationStateOf(index, session.history, open.document.uri) : undefined;
    if (state?.since === undefined) return fixes;
    const title = l10n.t('Show the changes of the original since this translation');
    return [...fixes, { title, kind: CodeActionKind.QuickFix, diagnostics: outdated, command: { title, command: SHOW_ORIGINAL_CHANGES_COMMAND, arguments: [open.document.uri] } }];
  });

  // Opt-in: the counts cost a search for references, so they are computed when a lens is shown.
  connection.onCodeLens(({ textDocument }) => {
    const term = session.settings.codeLens ? openDocument(textDocument.uri)?.document.term : undefined;
    if (term === undefined) return [];
    const data: CodeLensData = { termUri: term.uri };
    return [{ range: codeLensRange(term), data }];
  });

  connection.onCodeLensResolve(async (lens) => {
    const term = index.termOf((lens.data as CodeLensData).termUri);
    const counts = term === undefined ? NO_REFERENCES : await session.referenceCounts(term);
    return { ...lens, command: { title: codeLensTitle(counts), command: SHOW_REFERENCES_COMMAND, arguments: [(lens.data as CodeLensData).termUri, lens.range.start] } };
  });

  connection.onDefinition(({ textDocument, position }) => {
    const open = openDocument(textDocument.uri);
    return open ? definition(index, open.document, open.lines, position) : [];
  });

  connection.onReferences(async ({ textDocument, position, context }) => {
    const open = openDocument(textDocument.uri);
    const term = open && termsAt(index, open.document, open.lines, position)?.terms[0];
    if (term === undefined) return [];
    return session.references(term, context.includeDeclaration);
  });

  connection.onPrepareRename(({ textDocument, position }) => {
    const open = openDocument(textDocument.uri);
    const target = open && prepareRename(index, open.document, open.lines, position);
    if (target === undefined) throw new ResponseError(0, l10n.t('Only a glossary term can be renamed here.'));
    return { range: target.range, placeholder: target.placeholder };
  });

  connection.onRenameRequest(({ textDocument, position, newName }) => {
    const open = openDocument(textDocument.uri);
    const target = open && prepareRename(index, open.document, open.lines, position);
    if (target === undefined) throw new ResponseError(0, l10n.t('Only a glossary term can be renamed here.'));
    try {
      const change = rename(index, target, newName);
      if (!session.staysInWorkspace(change)) throw new RenameError(l10n.t('The rename would change files outside the workspace.'));
      if (!session.overwritesNothing(change)) throw new RenameError(l10n.t('The rename would move a file onto one that exists.'));
      // Links to the new name of a file that stays where it is would all be broken.
      const [moved] = canRenameFiles ? [] : (change.renameFiles ?? []);
      if (moved !== undefined) {
        throw new RenameError(l10n.t('The rename would move {0} to {1}, and this editor cannot rename files.', path.basename(uriToFsPath(moved.oldUri)), path.basename(uriToFsPath(moved.newUri))));
      }
      return toLspWorkspaceEdit(change);
    } catch (error) {
      if (error instanceof RenameError) throw new ResponseError(0, error.message);
      throw error;
    }
  });

  connection.workspace.onWillRenameFiles(({ files }) => {
    refreshAll();
    // A folder's move moves the files below it.
    const renames = withFilesOfMovedFolders(files.map((file) => ({ oldUri: canonicalUri(file.oldUri), newUri: canonicalUri(file.newUri) })));
    // The links in workspace files follow the move, even when a document opened through a link has some too.
    const edits = linkEditsForRenamedFiles(index, renames).filter((file) => session.isWorkspaceFile(uriToFsPath(file.uri)));
    return toLspWorkspaceEdit({ createFiles: [], edits });
  });

  connection.onWorkspaceSymbol(({ query }) => {
    refreshAll();
    return workspaceSymbols(index, query, editorListsHeadings).map((symbol) => ({ name: symbol.name, kind: SymbolKind.Key, containerName: symbol.detail, location: symbol.location }));
  });

  connection.onDocumentSymbol(({ textDocument }) => {
    const open = openDocument(textDocument.uri);
    const toLsp = (symbol: OutlineSymbol): DocumentSymbol => ({
      name: symbol.name,
      detail: symbol.detail,
      kind: symbol.level === 1 && symbol.detail !== '' ? SymbolKind.Key : SymbolKind.String,
      range: symbol.range,
      selectionRange: symbol.selectionRange,
      children: symbol.children.map(toLsp),
    });
    return open ? documentSymbols(open.document, open.lines).map(toLsp) : [];
  });

  connection.onDocumentLinks(({ textDocument }) => {
    const open = openDocument(textDocument.uri);
    return open ? documentLinks(index, open.document) : [];
  });

  connection.languages.semanticTokens.on(({ textDocument }) => {
    const open = openDocument(textDocument.uri);
    const builder = new SemanticTokensBuilder();
    for (const span of open ? termTokens(index, open.document, open.lines) : []) builder.push(span.line, span.character, span.length, 0, 0);
    return builder.build();
  });

  connection.onRequest(SEARCH_TERMS_REQUEST, async ({ query }: SearchTermsParams): Promise<TermSummary[]> => {
    refreshAll();
    return searchGlossary(index, query).map(({ term, name }) => ({
      uri: term.uri,
      title: term.title,
      name,
      aliases: term.aliases,
      tags: term.tags.map((tag) => tag.value),
      definition: term.definition,
    }));
  });

  const viewContext = (): ViewContext => ({ roots: session.workspaceFolders.map(fileUri), problemsIn: (uri) => session.problemsIn(uri) });

  connection.onRequest(TERM_GROUPS_REQUEST, async ({ groupBy, filter }: TermGroupsParams): Promise<TermGroupsResult> => {
    await session.whenIndexed();
    refreshAll();
    return { ...termGroups(index, groupBy, filter, viewContext()), total: index.termCount };
  });

  connection.onRequest(GROUP_TERMS_REQUEST, async ({ groupBy, filter, group }: GroupTermsParams): Promise<GroupTerms> => {
    await session.whenIndexed();
    refreshAll();
    return termsOfGroup(index, groupBy, filter, group, viewContext());
  });

  connection.onRequest(TERM_REFERENCES_REQUEST, async ({ termUri }: TermReferencesParams): Promise<TermReferences | null> => {
    await session.whenIndexed();
    refreshAll();
    const term = index.termOf(termUri);
    return term === undefined ? null : session.termReferences(term);
  });

  connection.onRequest(TAG_SUMMARIES_REQUEST, async (): Promise<TagSummary[]> => {
    await session.whenIndexed();
    refreshAll();
    return tagSummaries(index);
  });

  connection.onRequest(LINK_TO_TERM_REQUEST, ({ documentUri, termUri, selectedText }: LinkToTermParams): string | null => {
    refreshAll();
    const document = index.getDocument(documentUri) ?? parseDocument(canonicalUri(documentUri), '');
    const term = index.termOf(termUri);
    if (term === undefined) return null;
    return linkForSelection(index, document, term, selectedText ?? '', session.settings.linkStyle === 'auto' ? styleOf(document) : session.settings.linkStyle);
  });

  connection.onRequest(PREVIEW_MARKS_REQUEST, ({ text, uri }: PreviewMarksParams): PreviewMarks => {
    refreshAll();
    // The text as the preview renders it, which may differ from the editor's (line breaks): parsed here, the index untouched.
    const lines = new LineIndex(text);
    return previewMarks(index, parseDocument(canonicalUri(uri ?? UNNAMED_PREVIEW), text, lines, { mdx: false, ...readAs(uri === undefined ? undefined : index.readerOf(canonicalUri(uri))) }), lines);
  });

  connection.onRequest(KNOWN_TAGS_REQUEST, (): string[] => {
    refreshAll();
    const tagsFile = session.workspaceFolders[0] === undefined ? undefined : index.tagsFileFor(`${fileUri(session.workspaceFolders[0])}/${TAGS_FILE_NAME}`);
    return tagsFile ? [...tagsFile.tags.keys()] : [...index.tagUsage()].sort((a, b) => b[1] - a[1]).map(([tag]) => tag);
  });

  connection.onRequest(NEW_TERM_REQUEST, ({ title, tags }: NewTermParams): NewTermResult | null => {
    refreshAll();
    const configured = session.settings.newTermFolder.trim() === '' || session.workspaceFolders[0] === undefined ? undefined : fileUri(path.resolve(session.workspaceFolders[0], session.settings.newTermFolder));
    const folder = newTermFolder(index, configured, session.workspaceFolders[0] && fileUri(session.workspaceFolders[0]));
    if (folder === undefined) return null;
    const id = idFromTitle(title);
    const filePath = path.join(uriToFsPath(folder), `${id}.md`);
    if (!session.isWorkspaceFile(filePath)) throw new ResponseError(0, l10n.t('The folder for new terms, {0}, is not inside the workspace.', uriToFsPath(folder)));
    return { uri: fileUri(filePath), text: newTermText(id, title.trim(), tags, index.siteFor(fileUri(filePath))?.generator) };
  });

  connection.onRequest(TRANSLATION_STATUS_REQUEST, async (): Promise<TranslationStatusResult> => {
    const history = await session.currentHistory();
    refreshAll();
    const report = translationReport(index, history);
    const [root] = session.workspaceFolders;
    const shown = (uri: string) => (root === undefined ? uriToFsPath(uri) : path.relative(root, uriToFsPath(uri)).split(path.sep).join('/'));
    const counts = translationCounts(report);
    const total = (key: 'outdated' | 'missing' | 'orphans') => counts.reduce((sum, count) => sum + count[key], 0);
    return { markdown: translationReportAsMarkdown(report, { shown, linked: (uri) => uri }), outdated: total('outdated'), missing: total('missing'), orphans: total('orphans') };
  });

  connection.onRequest(ORIGINAL_AS_TRANSLATED_REQUEST, async ({ translationUri }: OriginalAsTranslatedParams): Promise<OriginalAsTranslatedResult | null> => {
    const history = await session.currentHistory();
    refreshAll();
    const state = translationStateOf(index, history, canonicalUri(translationUri));
    const since = state?.since;
    if (state === undefined || since === undefined) return null;
    const text = since.path === undefined ? '' : await fileAtCommit(since.root, since.commit, since.path);
    return text === undefined ? null : { originalUri: state.originalUri, text, version: since.commit.slice(0, 12) };
  });

  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    if (command === REINDEX_COMMAND) {
      await indexWorkspace();
      return index.documentCount;
    }
    if (command === FIX_ALL_IN_WORKSPACE_COMMAND) {
      await session.whenIndexed();
      refreshAll();
      const change = await session.workspaceFixes();
      if (change.edits.length === 0) {
        void connection.window.showInformationMessage(l10n.t('No glossary problem has a safe fix.'));
        return 0;
      }
      if (!session.staysInWorkspace(change)) return null;
      // One edit of all files, undone as one; the editor shows it for confirmation first.
      const label = l10n.t('Fix all glossary problems in the workspace');
      const annotated = { documentChanges: change.edits.map(({ uri, edits, version }) => ({ textDocument: { uri, version: version ?? null }, edits: edits.map((edit) => ({ ...edit, annotationId: 'fixAll' })) })), changeAnnotations: { fixAll: { label, needsConfirmation: true } } };
      const { applied } = await connection.workspace.applyEdit({ label, edit: annotated });
      return applied ? change.edits.length : 0;
    }
    if (command !== GENERATE_TAGS_FILE_COMMAND) return null;
    await session.whenIndexed();
    refreshAll();
    // Into the tags file that governs each document, or a new tags.yml in the given folder, else the first workspace folder.
    const folder = typeof args?.[0] === 'string' ? args[0] : session.workspaceFolders[0] && fileUri(session.workspaceFolders[0]);
    if (folder === undefined) return null;
    let change: WorkspaceChange;
    try {
      change = tagsFileChange(index, folder);
    } catch (error) {
      if (error instanceof TagsFileError) throw new ResponseError(0, `${uriToFsPath(error.uri)}: ${error.message}`);
      throw error;
    }
    if (change.edits.length === 0) {
      void connection.window.showInformationMessage(l10n.t('Every tag is declared in the tags file that governs its document.'));
      return null;
    }
    if (!session.staysInWorkspace(change)) return null;
    await connection.workspace.applyEdit({ label: l10n.t('Generate tags.yml'), edit: toLspWorkspaceEdit(change) });
    return change.edits[0].uri;
  });

  documents.listen(connection);
  connection.listen();
}
