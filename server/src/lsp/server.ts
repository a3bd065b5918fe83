import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MarkupKind,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../common/text';
import { canonicalUri, fileUri, isMarkdownPath, uriToFsPath } from '../common/uris';
import { complete } from '../features/completion';
import type { LinkStyleSetting } from '../common/settings';
import { documentDiagnostics } from '../features/diagnostics/documentDiagnostics';
import { hover } from '../features/hover';
import { GlossaryIndex } from '../index/glossaryIndex';
import { parseDocument } from '../parsing/document';
import { TAGS_FILE_NAME } from '../parsing/tagsFile';
import { isGlossaryFile, readTextFile } from '../workspace/files';
import { loadGlossary } from '../workspace/loadGlossary';
import { bundledL10nFolder, useBundle, useLocale } from '../workspace/translations';
import { toLspCompletionList, toLspDiagnostic } from './convert';

interface Settings {
  /** Path of a tags file that applies to every document, relative to the first workspace folder. */
  tagsFile?: string;
  /** Find terms at the end of closed compounds: "Prozess" in "Geschäftsprozess". */
  matchCompoundTails?: boolean;
  /** How completed links are written; `auto` follows the document's links. */
  linkStyle?: LinkStyleSetting;
}

interface InitializationOptions {
  /** VS Code's l10n bundle for the display language, passed by the extension. */
  l10nBundle?: Record<string, string>;
  settings?: Settings;
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
  let workspaceRoots: string[] = [];
  let settings: Settings = {};
  let canRegisterWatchers = false;
  let canPullConfiguration = false;
  let indexed: Promise<void> = Promise.resolve();
  const log = (message: string) => connection.console.log(message);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    // The bundle VS Code chose for its display language covers the server's strings as well.
    if (options.l10nBundle !== undefined) useBundle(options.l10nBundle);
    else useLocale(params.locale, bundledL10nFolder());
    settings = options.settings ?? {};
    workspaceRoots = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []))
      .map((folder) => uriToFsPath(folder.uri));
    canRegisterWatchers = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['[', '(', '/', ','] },
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
    indexed = (async () => {
      await refreshSettings();
      const started = Date.now();
      await loadGlossary(index, workspaceRoots, log);
      await applySettings();
      // Open documents are newer than the disk: keep the editor's text.
      for (const document of documents.all()) updateOpenDocument(document);
      log(`Indexed ${index.documentCount} Markdown files in ${Date.now() - started} ms.`);
      publishAll();
    })().catch((error: Error) => log(`Indexing failed: ${error.stack ?? error.message}`));
  });

  async function refreshSettings(): Promise<void> {
    if (!canPullConfiguration) return;
    const pulled = (await connection.workspace.getConfiguration('markdownGlossary').catch(() => undefined)) as Settings | null | undefined;
    if (pulled) settings = pulled;
  }

  async function applySettings(): Promise<void> {
    index.matcher.matchCompoundTails = settings.matchCompoundTails === true;
    const configured = settings.tagsFile?.trim();
    if (!configured || workspaceRoots.length === 0) {
      index.setTagsFileOverride(undefined);
      return;
    }
    const tagsFilePath = path.resolve(workspaceRoots[0], configured);
    const text = await readTextFile(tagsFilePath, log);
    if (text !== undefined) index.setTagsFile(fileUri(tagsFilePath), text);
    index.setTagsFileOverride(fileUri(tagsFilePath));
  }

  function updateOpenDocument(document: TextDocument): void {
    const lines = new LineIndex(document.getText());
    const parsed = parseDocument(canonicalUri(document.uri), lines.text, lines);
    index.setParsedDocument(parsed);
    openLines.set(parsed.uri, lines);
  }

  function publish(uri: string): void {
    const document = index.getDocument(uri);
    const diagnostics = document === undefined ? [] : documentDiagnostics(index, document);
    if (diagnostics.length === 0 && !published.has(uri)) return;
    if (diagnostics.length === 0) published.delete(uri);
    else published.add(uri);
    void connection.sendDiagnostics({ uri, diagnostics: diagnostics.map(toLspDiagnostic) });
  }

  function publishAll(): void {
    for (const document of index.documents()) publish(document.uri);
  }

  documents.onDidChangeContent(({ document }) => {
    updateOpenDocument(document);
    publish(canonicalUri(document.uri));
  });

  documents.onDidClose(({ document }) => {
    const uri = canonicalUri(document.uri);
    openLines.delete(uri);
    // The file on disk is the truth again once the editor lets go of it.
    void reloadFromDisk(uri).then(() => publish(uri));
  });

  /** Reads a closed file again, or drops it when it is gone or not part of the glossary. */
  async function reloadFromDisk(uri: string): Promise<void> {
    const filePath = uriToFsPath(uri);
    const text = isGlossaryFile(filePath, workspaceRoots) ? await readTextFile(filePath, log) : undefined;
    if (text === undefined) index.removeDocument(uri);
    else index.setDocument(uri, text);
  }

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    await indexed;
    let tagsChanged = false;
    for (const change of changes) {
      const uri = canonicalUri(change.uri);
      if (!isGlossaryFile(uriToFsPath(uri), workspaceRoots) && !openLines.has(uri)) continue;
      if (uri.endsWith(`/${TAGS_FILE_NAME}`)) {
        tagsChanged = true;
        const text = change.type === FileChangeType.Deleted ? undefined : await readTextFile(uriToFsPath(uri), log);
        if (text === undefined) index.removeTagsFile(uri);
        else index.setTagsFile(uri, text);
      } else if (isMarkdownPath(uri) && !openLines.has(uri)) {
        if (change.type === FileChangeType.Deleted) index.removeDocument(uri);
        else await reloadFromDisk(uri);
        publish(uri);
      }
    }
    if (tagsChanged) publishAll();
  });

  connection.onDidChangeConfiguration(async (change) => {
    const pushed = (change.settings as { markdownGlossary?: Settings } | undefined)?.markdownGlossary;
    if (pushed) settings = pushed;
    else await refreshSettings();
    await indexed;
    await applySettings();
    publishAll();
  });

  connection.onHover(({ textDocument, position }) => {
    const uri = canonicalUri(textDocument.uri);
    const document = index.getDocument(uri);
    const lines = openLines.get(uri);
    if (document === undefined || lines === undefined) return null;
    const result = hover(index, document, lines, position);
    return result === undefined ? null : { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: result.range };
  });

  connection.onCompletion(({ textDocument, position }) => {
    const uri = canonicalUri(textDocument.uri);
    const document = index.getDocument(uri);
    const lines = openLines.get(uri);
    if (document === undefined || lines === undefined) return null;
    return toLspCompletionList(complete(index, document, lines, position, { linkStyle: settings.linkStyle ?? 'auto' }));
  });

  documents.listen(connection);
  connection.listen();
}
