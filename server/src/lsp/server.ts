import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  ResponseError,
  SemanticTokensBuilder,
  SymbolKind,
  FileChangeType,
  MarkupKind,
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
import { canonicalUri, fileUri, isMarkdownPath, uriToFsPath } from '../common/uris';
import { codeActions, type WorkspaceChange } from '../features/codeActions';
import { complete } from '../features/completion';
import { affectedDocuments } from '../features/diagnostics/dependencies';
import { textSignature } from '../index/textSignature';
import { documentDiagnostics, tagsFileDiagnostics } from '../features/diagnostics/documentDiagnostics';
import { hover } from '../features/hover';
import { definition, definitionOf, documentLinks, documentSymbols, referencesIn, searchTerms, workspaceSymbols, type OutlineSymbol } from '../features/navigation';
import { linkEditsForRenamedFiles, prepareRename, rename, RenameError } from '../features/rename';
import { formatLink, styleOf, termDocumentation } from '../features/linkCompletion';
import { idFromTitle, newTermFolder, newTermText } from '../features/newTerm';
import { TERM_TOKEN_TYPE, termTokens } from '../features/semanticTokens';
import { termsAt } from '../features/termAt';
import { tagsFileChange } from '../features/tagsFileGenerator';
import { GlossaryIndex } from '../index/glossaryIndex';
import { parseDocument, withoutOpenDocumentDetail, type ParsedDocument } from '../parsing/document';
import { TAGS_FILE_NAME } from '../parsing/tagsFile';
import { readConfigFile } from '../workspace/configFile';
import { GlossaryScope, readTextFile, readTextFileNow } from '../workspace/files';
import { loadGlossary } from '../workspace/loadGlossary';
import { bundledL10nFolder, useBundle, useLocale } from '../workspace/translations';
import {
  GENERATE_TAGS_FILE_COMMAND,
  KNOWN_TAGS_REQUEST,
  LINK_TO_TERM_REQUEST,
  NEW_TERM_REQUEST,
  REINDEX_COMMAND,
  SEARCH_TERMS_REQUEST,
  STATUS_NOTIFICATION,
  type LinkToTermParams,
  type NewTermParams,
  type NewTermResult,
  type SearchTermsParams,
  type StatusParams,
  type TermSummary,
} from './protocol';
import { toLspCodeAction, toLspCompletionList, toLspDiagnostic, toLspDocumentation, toLspWorkspaceEdit, type CompletionItemData } from './convert';

interface InitializationOptions {
  /** VS Code's l10n bundle for the display language, passed by the extension. */
  l10nBundle?: Record<string, string>;
  /** Settings from clients without `workspace/configuration`. */
  settings?: unknown;
}


/** Other documents' diagnostics wait this long, so a burst of keystrokes re-checks them once. */
const DEPENDENT_DIAGNOSTICS_DELAY_MS = 150;
/** An edited document is checked at most this often while edits keep coming. */
const EDIT_CHECK_INTERVAL_MS = 50;
/**
 * How long background work (re-checking every document, building the completion table) runs before
 * requests get a turn of the event loop. A request needs several turns to be read, answered and
 * written, each behind one slice of each kind of work: 5 ms slices held a hover for ~40 ms.
 */
const PUBLISH_SLICE_MS = 1;
/** The status notification is sent at most this often. */
const STATUS_DELAY_MS = 250;
/** Files read at once when many change together: enough to keep the disk busy, few enough for any limit on open files. */
const READ_BATCH = 32;

/** Whether a text takes more than a number of bytes in UTF-8, counted only when it might. */
function isLargerThan(text: string, maxBytes: number): boolean {
  return text.length > maxBytes || (text.length * 3 > maxBytes && Buffer.byteLength(text, 'utf8') > maxBytes);
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
  const index = new GlossaryIndex();
  const documents = new TextDocuments(TextDocument);
  /** Line indexes of open documents, kept with their parse so features never re-split the text. */
  const openLines = new Map<string, LineIndex>();
  const published = new Set<string>();
  /** Open documents past the size limit, which are left out of the glossary like such files on disk. */
  const tooLargeToOpen = new Set<string>();
  const pendingDependents = new Set<string>();
  let dependentsTimer: NodeJS.Timeout | undefined;
  let workspaceRoots: string[] = [];
  let settings: GlossarySettings = DEFAULT_SETTINGS;
  let currentScope = new GlossaryScope([]);
  let scopeSettings: GlossarySettings | undefined;
  let initializationSettings: unknown;
  let canRegisterWatchers = false;
  let canPullConfiguration = false;
  let canShowProgress = false;
  let indexing = false;
  let statusTimer: NodeJS.Timeout | undefined;
  /** Problems per document, for the status. */
  const problemCounts = new Map<string, number>();
  let indexed: Promise<void> = Promise.resolve();
  const log = (message: string) => connection.console.log(message);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    // The bundle VS Code chose for its display language covers the server's strings as well.
    if (options.l10nBundle !== undefined) useBundle(options.l10nBundle);
    else useLocale(params.locale, bundledL10nFolder());
    initializationSettings = options.settings;
    workspaceRoots = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : [])).map((folder) =>
      uriToFsPath(folder.uri),
    );
    canRegisterWatchers = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canShowProgress = params.capabilities.window?.workDoneProgress === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['[', '(', '/', ','], resolveProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        executeCommandProvider: { commands: [GENERATE_TAGS_FILE_COMMAND, REINDEX_COMMAND] },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        workspaceSymbolProvider: true,
        documentSymbolProvider: true,
        documentLinkProvider: { resolveProvider: false },
        semanticTokensProvider: { legend: { tokenTypes: [TERM_TOKEN_TYPE], tokenModifiers: [] }, full: true },
        workspace: {
          fileOperations: { willRename: { filters: [{ pattern: { glob: '**/*.{md,mdx}', matches: 'file' } }] } },
        },
      },
      serverInfo: { name: 'markdown-glossary' },
    };
  });

  connection.onInitialized(() => {
    if (canRegisterWatchers) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{md,mdx}' }, { globPattern: `**/${TAGS_FILE_NAME}` }],
      });
    }
    indexed = indexWorkspace();
  });

  /** Reads the whole workspace into the index, with progress in the editor's window. */
  async function indexWorkspace(): Promise<void> {
    indexing = true;
    sendStatus();
    const progress = canShowProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin(l10n.t('Indexing the glossary'));
    try {
      await loadSettings();
      const started = Date.now();
      await loadGlossary(index, scope(), log);
      await applySettings();
      // Open documents are newer than the disk: keep the editor's text.
      for (const document of documents.all()) updateOpenDocument(document);
      log(`Indexed ${index.documentCount} Markdown files in ${Date.now() - started} ms.`);
    } catch (error) {
      log(`Indexing failed: ${(error as Error).stack ?? (error as Error).message}`);
    } finally {
      progress?.done();
      indexing = false;
      publishAll();
      prepareCompletion();
    }
  }

  /**
   * Builds the completion table of word starts, initials and letter pairs in slices between
   * requests; until it is complete, completion scans every term.
   */
  function prepareCompletion(): void {
    if (!index.prepareCompletionTable(performance.now() + PUBLISH_SLICE_MS)) setImmediate(prepareCompletion);
  }

  /** Tells the client how many terms and problems there are, at most every so often. */
  function sendStatus(): void {
    if (statusTimer !== undefined) return;
    statusTimer = setTimeout(() => {
      statusTimer = undefined;
      const terms = index.termCount;
      const problems = [...problemCounts.values()].reduce((sum, count) => sum + count, 0);
      void connection.sendNotification(STATUS_NOTIFICATION, { terms, problems, indexing } satisfies StatusParams);
    }, STATUS_DELAY_MS);
  }

  /** The files of the glossary, by the workspace folders and the include and exclude settings. */
  function scope(): GlossaryScope {
    if (scopeSettings !== settings) {
      currentScope = new GlossaryScope(workspaceRoots, settings.include, settings.exclude, settings.maxFileSize);
      scopeSettings = settings;
    }
    return currentScope;
  }

  /** Settings from, in this order: the client's configuration, initializationOptions, the workspace's settings file. */
  async function loadSettings(): Promise<void> {
    if (canPullConfiguration) {
      const pulled = await connection.workspace.getConfiguration('markdownGlossary').catch(() => undefined);
      if (pulled !== null && typeof pulled === 'object') {
        settings = normalizeSettings(pulled);
        return;
      }
    }
    if (initializationSettings !== undefined) {
      settings = normalizeSettings(initializationSettings);
      return;
    }
    settings = normalizeSettings(workspaceRoots.length > 0 ? await readConfigFile(workspaceRoots[0], log) : undefined);
  }

  async function applySettings(): Promise<void> {
    index.matcher.matchCompoundTails = settings.matchCompoundTails;
    const configured = settings.tagsFile.trim();
    if (configured === '' || workspaceRoots.length === 0) {
      index.setTagsFileOverride(undefined);
      return;
    }
    const tagsFilePath = path.resolve(workspaceRoots[0], configured);
    if (!scope().isReachable(tagsFilePath)) {
      log(`Ignored the tagsFile setting: ${tagsFilePath} is not inside the workspace.`);
      index.setTagsFileOverride(undefined);
      return;
    }
    const text = await readTextFile(tagsFilePath, log);
    if (text !== undefined) index.setTagsFile(fileUri(tagsFilePath), text);
    index.setTagsFileOverride(fileUri(tagsFilePath));
  }

  function updateOpenDocument(document: TextDocument): void {
    const uri = canonicalUri(document.uri);
    if (uri.endsWith(`/${TAGS_FILE_NAME}`)) {
      // A tags file being edited: its declarations count at once, for every document it governs.
      index.setTagsFile(uri, document.getText());
      publishAll();
      return;
    }
    const text = document.getText();
    if (isLargerThan(text, scope().maxFileBytes)) {
      // As on disk, so one huge file cannot take the server's memory: it is no part of the glossary.
      if (!tooLargeToOpen.has(uri)) log(`Skipped ${uriToFsPath(uri)}: it is larger than the limit of ${scope().maxFileBytes} bytes.`);
      tooLargeToOpen.add(uri);
      openLines.delete(uri);
      storeDocument(uri, undefined);
      return;
    }
    tooLargeToOpen.delete(uri);
    const lines = new LineIndex(text);
    const parsed = parseDocument(uri, lines.text, lines);
    // The text first: checking the document needs it (unlinked mentions).
    openLines.set(parsed.uri, lines);
    storeDocument(parsed.uri, parsed);
  }

  /** Puts a document (or its absence) into the index and re-checks it and what depends on it. */
  function storeDocument(uri: string, parsed: ParsedDocument | undefined): void {
    const before = index.getDocument(uri);
    if (parsed === undefined) index.removeDocument(uri);
    else index.setParsedDocument(parsed);
    publish(uri);
    for (const dependent of affectedDocuments(index, uri, before, parsed)) pendingDependents.add(dependent);
    if (pendingDependents.size > 0 && dependentsTimer === undefined) {
      dependentsTimer = setTimeout(() => {
        dependentsTimer = undefined;
        const due = [...pendingDependents];
        pendingDependents.clear();
        for (const dependent of due) publish(dependent);
      }, DEPENDENT_DIAGNOSTICS_DELAY_MS);
    }
  }

  function publish(uri: string): void {
    const document = index.getDocument(uri);
    const tagsFile = document === undefined ? index.getTagsFile(uri) : undefined;
    const diagnostics =
      document !== undefined ? documentDiagnostics(index, document, settings, openLines.get(uri)) : tagsFile !== undefined ? tagsFileDiagnostics(tagsFile, settings) : [];
    if (diagnostics.length === 0 && !published.has(uri)) return;
    if (diagnostics.length === 0) published.delete(uri);
    else published.add(uri);
    if (diagnostics.length === 0) problemCounts.delete(uri);
    else problemCounts.set(uri, diagnostics.filter((diagnostic) => diagnostic.severity !== 'hint').length);
    sendStatus();
    void connection.sendDiagnostics({ uri, diagnostics: diagnostics.map(toLspDiagnostic) });
  }

  /**
   * Re-checks every document, a batch at a time, so that requests and the log are answered in
   * between on large glossaries. A newer call supersedes one still running.
   */
  let publishRound = 0;
  function publishAll(): void {
    const round = ++publishRound;
    const uris = [
      ...[...index.documents()].map((document) => document.uri),
      ...[...index.tagsFiles()].map((tagsFile) => tagsFile.uri),
      ...[...published].filter((uri) => index.getDocument(uri) === undefined && index.getTagsFile(uri) === undefined),
    ];
    const started = performance.now();
    const next = (start: number) => {
      if (round !== publishRound) return;
      const sliceEnd = performance.now() + PUBLISH_SLICE_MS;
      let position = start;
      while (position < uris.length && performance.now() < sliceEnd) publish(uris[position++]);
      if (position < uris.length) setImmediate(() => next(position));
      else log(`Checked ${uris.length} files for problems in ${Math.round(performance.now() - started)} ms.`);
    };
    next(0);
  }

  /**
   * Edits are parsed lazily and checked at most once per interval: the first edit after a pause at
   * once, the rest of a burst of keystrokes together when the interval is over. A request parses
   * at once what it needs.
   */
  const staleDocuments = new Set<string>();
  let checkTimer: NodeJS.Timeout | undefined;
  let lastCheck = 0;
  documents.onDidChangeContent(({ document }) => {
    staleDocuments.add(canonicalUri(document.uri));
    if (checkTimer !== undefined) return;
    checkTimer = setTimeout(
      () => {
        checkTimer = undefined;
        lastCheck = Date.now();
        refreshAll();
      },
      Math.max(0, lastCheck + EDIT_CHECK_INTERVAL_MS - Date.now()),
    );
  });

  /** Parses every open document edited since its last parse: a request sees all edits sent before it. */
  function refreshAll(): void {
    for (const uri of [...staleDocuments]) refresh(uri);
  }

  /** Parses an open document if edits arrived since its last parse. */
  function refresh(uri: string): void {
    if (!staleDocuments.delete(uri)) return;
    const document = documents.get(uri) ?? documents.all().find((candidate) => canonicalUri(candidate.uri) === uri);
    if (document !== undefined) updateOpenDocument(document);
  }

  documents.onDidClose(({ document }) => {
    const uri = canonicalUri(document.uri);
    openLines.delete(uri);
    tooLargeToOpen.delete(uri);
    staleDocuments.delete(uri);
    // The file on disk is the truth again once the editor lets go of it.
    void serially(() => reloadFromDisk([uri]));
  });

  connection.onDidChangeWatchedFiles(({ changes }) =>
    serially(async () => {
      await indexed;
      // The last event for a file decides; a deleted file is not read.
      const latest = new Map<string, FileChangeType>();
      for (const change of changes) latest.set(canonicalUri(change.uri), change.type);
      const deleted = [...latest].filter(([, type]) => type === FileChangeType.Deleted).map(([uri]) => uri);
      const changed = [...latest].filter(([, type]) => type !== FileChangeType.Deleted).map(([uri]) => uri);
      applyFromDisk(deleted.filter(isClosedGlossaryFile).map((uri): [string, undefined] => [uri, undefined]));
      await reloadFromDisk(changed.filter(isClosedGlossaryFile));
    }),
  );

  /**
   * Disk work runs one task at a time, in the order the events came: a branch switch arrives as
   * several batches, and a slow read from an earlier one must not land after a later delete.
   */
  let diskWork: Promise<void> = Promise.resolve();
  function serially(task: () => Promise<void>): Promise<void> {
    diskWork = diskWork.then(task).catch((error: Error) => log(`Reading changed files failed: ${error.stack ?? error.message}`));
    return diskWork;
  }

  function isClosedGlossaryFile(uri: string): boolean {
    return !openLines.has(uri) && (isMarkdownPath(uri) || uri.endsWith(`/${TAGS_FILE_NAME}`)) && scope().contains(uriToFsPath(uri));
  }

  /** Reads closed files again, a few dozen at a time; a file that is gone or out of scope is dropped. */
  async function reloadFromDisk(uris: string[]): Promise<void> {
    for await (const batch of textsFromDisk(uris)) applyFromDisk(batch);
  }

  /**
   * The texts of files on disk, a few dozen at a time (undefined: gone, unreadable or out of scope).
   * Small files read faster synchronously than through the thread pool (the first search for
   * references at 10k: 1.4 -> 0.6 s); requests are answered between batches.
   */
  async function* textsFromDisk(uris: string[]): AsyncGenerator<Array<[string, string | undefined]>> {
    for (let start = 0; start < uris.length; start += READ_BATCH) {
      const batch = uris.slice(start, start + READ_BATCH);
      yield batch.map((uri): [string, string | undefined] => [uri, readGlossaryFile(uriToFsPath(uri))]);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** A file of the glossary's scope as a walk would find it; a link is not followed, and said so. */
  function readGlossaryFile(filePath: string): string | undefined {
    if (!scope().contains(filePath)) return undefined;
    if (scope().isReachable(filePath)) return readTextFileNow(filePath, log, scope().maxFileBytes);
    log(`Skipped ${filePath}: a symbolic link, which the glossary does not follow.`);
    return undefined;
  }

  /** Stores what disk holds (undefined: nothing) for each file; tags files re-check everything once. */
  function applyFromDisk(files: Array<[string, string | undefined]>): void {
    let tagsChanged = false;
    for (const [uri, text] of files) {
      // Opened again while its text was being read: the editor's text counts.
      if (openLines.has(uri)) continue;
      if (uri.endsWith(`/${TAGS_FILE_NAME}`)) {
        tagsChanged = true;
        if (text === undefined) index.removeTagsFile(uri);
        else index.setTagsFile(uri, text);
      } else {
        storeDocument(uri, text === undefined ? undefined : withoutOpenDocumentDetail(parseDocument(uri, text)));
      }
    }
    if (tagsChanged) publishAll();
  }

  connection.onDidChangeConfiguration(async (change) => {
    const pushed = (change.settings as { markdownGlossary?: unknown } | undefined)?.markdownGlossary;
    if (pushed !== undefined && pushed !== null) settings = normalizeSettings(pushed);
    else await loadSettings();
    await indexed;
    await applySettings();
    publishAll();
  });

  /** The parsed document and line index of an open document, for requests about it. */
  function openDocument(uri: string): { document: ParsedDocument; lines: LineIndex } | undefined {
    const key = canonicalUri(uri);
    refreshAll();
    const document = index.getDocument(key);
    const lines = openLines.get(key);
    return document === undefined || lines === undefined ? undefined : { document, lines };
  }

  connection.onHover(({ textDocument, position }) => {
    const open = openDocument(textDocument.uri);
    const result = open && hover(index, open.document, open.lines, position);
    return result ? { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: result.range } : null;
  });

  connection.onCompletion(({ textDocument, position }) => {
    const open = openDocument(textDocument.uri);
    return open ? toLspCompletionList(complete(index, open.document, open.lines, position, settings)) : null;
  });

  connection.onCompletionResolve((item) => {
    const termUri = (item.data as Partial<CompletionItemData> | undefined)?.termUri;
    const term = typeof termUri === 'string' ? index.termOf(termUri) : undefined;
    return term === undefined ? item : { ...item, documentation: toLspDocumentation(termDocumentation(term)) };
  });

  /** Quick fixes and renames never touch a file outside the workspace folders, directly or through a link. */
  function staysInWorkspace(change: WorkspaceChange): boolean {
    const uris = [...change.createFiles, ...change.edits.map((file) => file.uri), ...(change.renameFiles ?? []).flatMap((file) => [file.oldUri, file.newUri])];
    return uris.every((uri) => isWorkspaceFile(uriToFsPath(uri)));
  }

  function isWorkspaceFile(filePath: string): boolean {
    return !workspaceRoots.some((root) => path.resolve(root) === path.resolve(filePath)) && scope().isReachable(filePath);
  }

  connection.onCodeAction(({ textDocument, range }) => {
    const open = openDocument(textDocument.uri);
    if (open === undefined) return [];
    return codeActions(index, open.document, open.lines, range, settings)
      .filter((action) => staysInWorkspace(action.change))
      .map(toLspCodeAction);
  });

  connection.onDefinition(({ textDocument, position }) => {
    const open = openDocument(textDocument.uri);
    return open ? definition(index, open.document, open.lines, position) : [];
  });

  connection.onReferences(async ({ textDocument, position, context }) => {
    const open = openDocument(textDocument.uri);
    const term = open && termsAt(index, open.document, open.lines, position)?.terms[0];
    if (term === undefined) return [];
    const locations = context.includeDeclaration ? [definitionOf(term)] : [];
    const linking = index.documentsLinkingTo(term);
    const referencesInText = (uri: string, text: string, open?: { document: ParsedDocument; lines: LineIndex }) => {
      // Only a text that links the term or contains the last word of one of its names is parsed.
      if (!linking.has(uri) && !index.matcher.mayMention(text, term.uri)) return;
      const lines = open?.lines ?? new LineIndex(text);
      const document = open?.document ?? parseDocument(uri, text, lines);
      for (const range of referencesIn(index, term, document, lines)) locations.push({ uri, range });
    };
    // Mentions need the text: open documents have it; closed files (kept without it) are read
    // again, but for those whose signature, kept from an earlier read, rules the term out.
    const closed = new Map<string, ParsedDocument>();
    for (const document of [...index.documents()]) {
      const lines = openLines.get(document.uri);
      const signature = index.textSignatureOf(document.uri);
      if (lines !== undefined) referencesInText(document.uri, lines.text, { document, lines });
      else if (linking.has(document.uri) || signature === undefined || index.matcher.mayMentionIn(signature, term.uri)) closed.set(document.uri, document);
    }
    for await (const batch of textsFromDisk([...closed.keys()])) {
      for (const [uri, text] of batch) {
        if (text === undefined) continue;
        // Only a text the index still holds, not one changed on disk while it was read.
        if (index.getDocument(uri) === closed.get(uri) && index.textSignatureOf(uri) === undefined) index.rememberTextSignature(uri, textSignature(text));
        referencesInText(uri, text);
      }
    }
    return locations;
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
      if (!staysInWorkspace(change)) throw new RenameError(l10n.t('The rename would change files outside the workspace.'));
      return toLspWorkspaceEdit(change);
    } catch (error) {
      if (error instanceof RenameError) throw new ResponseError(0, error.message);
      throw error;
    }
  });

  connection.workspace.onWillRenameFiles(({ files }) => {
    refreshAll();
    const renames = files.map((file) => ({ oldUri: canonicalUri(file.oldUri), newUri: canonicalUri(file.newUri) }));
    const change = { createFiles: [], edits: linkEditsForRenamedFiles(index, renames) };
    return staysInWorkspace(change) ? toLspWorkspaceEdit(change) : null;
  });

  connection.onWorkspaceSymbol(({ query }) => {
    refreshAll();
    return workspaceSymbols(index, query).map((symbol) => ({ name: symbol.name, kind: SymbolKind.Key, containerName: symbol.detail, location: symbol.location }));
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
    return searchTerms(index, query).map((term) => ({
      uri: term.uri,
      title: term.title,
      aliases: term.aliases,
      tags: term.tags.map((tag) => tag.value),
      definition: term.definition,
    }));
  });

  connection.onRequest(LINK_TO_TERM_REQUEST, ({ documentUri, termUri }: LinkToTermParams): string | null => {
    refreshAll();
    const document = index.getDocument(documentUri) ?? parseDocument(canonicalUri(documentUri), '');
    const term = index.termOf(termUri);
    if (term === undefined) return null;
    return formatLink(document, term, term.title, settings.linkStyle === 'auto' ? styleOf(document) : settings.linkStyle);
  });

  connection.onRequest(KNOWN_TAGS_REQUEST, (): string[] => {
    refreshAll();
    const tagsFile = workspaceRoots[0] === undefined ? undefined : index.tagsFileFor(`${fileUri(workspaceRoots[0])}/${TAGS_FILE_NAME}`);
    return tagsFile ? [...tagsFile.tags.keys()] : [...index.tagUsage()].sort((a, b) => b[1] - a[1]).map(([tag]) => tag);
  });

  connection.onRequest(NEW_TERM_REQUEST, ({ title, tags }: NewTermParams): NewTermResult | null => {
    refreshAll();
    const configured = settings.newTermFolder.trim() === '' || workspaceRoots[0] === undefined ? undefined : fileUri(path.resolve(workspaceRoots[0], settings.newTermFolder));
    const folder = newTermFolder(index, configured, workspaceRoots[0] && fileUri(workspaceRoots[0]));
    if (folder === undefined) return null;
    const id = idFromTitle(title);
    const filePath = path.join(uriToFsPath(folder), `${id}.md`);
    if (!isWorkspaceFile(filePath)) throw new ResponseError(0, l10n.t('The folder for new terms, {0}, is not inside the workspace.', uriToFsPath(folder)));
    return { uri: fileUri(filePath), text: newTermText(id, title.trim(), tags) };
  });

  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    if (command === REINDEX_COMMAND) {
      await indexed;
      index.clear();
      indexed = indexWorkspace();
      await indexed;
      return index.documentCount;
    }
    if (command !== GENERATE_TAGS_FILE_COMMAND) return null;
    await indexed;
    refreshAll();
    // Into the tags file in use, or a new tags.yml in the given folder, else the first workspace folder.
    const folder = typeof args?.[0] === 'string' ? args[0] : workspaceRoots[0] && fileUri(workspaceRoots[0]);
    if (folder === undefined) return null;
    const change = tagsFileChange(index, folder);
    if (!staysInWorkspace(change)) return null;
    await connection.workspace.applyEdit({ label: l10n.t('Generate tags.yml'), edit: toLspWorkspaceEdit(change) });
    return change.edits[0].uri;
  });

  documents.listen(connection);
  connection.listen();
}
