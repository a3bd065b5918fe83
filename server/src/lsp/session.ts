import * as path from 'node:path';
import type { GlossaryDiagnostic } from '../common/diagnostic';
import { DEFAULT_SETTINGS, type GlossarySettings } from '../common/settings';
import { LineIndex, type Range } from '../common/text';
import { canonicalUri, fileUri, isMarkdownPath, uriPath, uriToFsPath } from '../common/uris';
import type { WorkspaceChange } from '../features/workspaceChange';
import { affectedDocuments } from '../features/diagnostics/dependencies';
import { documentDiagnostics, siteConfigDiagnostics, tagsFileDiagnostics } from '../features/diagnostics/documentDiagnostics';
import { definitionOf, referencesIn } from '../features/navigation';
import { GlossaryIndex } from '../index/glossaryIndex';
import { textSignature } from '../index/textSignature';
import { CollectionPacer, fullCollection } from '../common/garbageCollection';
import { closedDocument, mdxFactsOf, mdxProblemsFact, parseDocument, readAs, type GlossaryTerm, type MdxFacts, type ParsedDocument } from '../parsing/document';
import { parseTagsFile } from '../parsing/tagsFile';
import { isSiteConfigFile } from '../workspace/siteConfig';
import { readBytesNow, readTextFileNow } from '../workspace/fileReading';
import { exactUtf8, GlossaryScope, isTaken, pathKindOnDisk, readTextFile, type Reachability } from '../workspace/files';
import { MAX_GLOB_CHARACTERS } from '../common/glob';
import { loadGlossary } from '../workspace/loadGlossary';
import { ParseCache, parseCacheFile } from '../workspace/parseCache';
import type { StatusParams } from './protocol';
import { addCounts, NO_REFERENCES, referenceCountsIn, type ReferenceCounts } from '../features/codeLens';
import { referencePlacesIn, type ReferencePlace, type TermReferences } from '../features/glossaryView';
import { fixedTextEdit } from '../features/codeActions';
import { hasUnresolvedPin, type HistorySnapshot } from '../features/translationStatus';
import { loadHistorySnapshot, NO_HISTORY, withFreshFileTimes } from '../workspace/translationHistory';

/** Other documents' diagnostics wait this long, so a burst of keystrokes re-checks them once. */
const DEPENDENT_DIAGNOSTICS_DELAY_MS = 150;
/** An edited document is checked at most this often while edits keep coming. */
const EDIT_CHECK_INTERVAL_MS = 50;
/** What MDX makes of an edited document is read once edits pause this long: its parse costs ten times ours. */
export const MDX_CHECK_DELAY_MS = 300;
/**
 * How long background work (re-checking every document, building the completion table) runs before
 * requests get a turn of the event loop. A request needs several turns to be read, answered and
 * written, each behind one slice of each kind of work: 5 ms slices held a hover for ~40 ms.
 */
const BACKGROUND_SLICE_MS = 1;
/** The status is sent at most this often. */
const STATUS_DELAY_MS = 250;
/** Git writes this file at every commit, checkout and reset: the history is read again then. */
const GIT_HEAD_LOG = '/.git/logs/HEAD';
/** The history is read again this long after the last commit or checkout, so a rebase reads it once. */
const HISTORY_DELAY_MS = 500;
/** Files read at once when many change together: enough to keep the disk busy, few enough for any limit on open files. */
const READ_BATCH = 32;
/**
 * A pass that reads many files from disk (a search for references, fixing the workspace) may
 * collect the garbage after each this many files and at its end (see `CollectionPacer`).
 */
const COLLECT_EVERY_FILES = 1024;

/** What the session tells its editor; the LSP wiring turns these into notifications. */
export interface SessionOutput {
  publishDiagnostics(uri: string, diagnostics: GlossaryDiagnostic[]): void;
  sendStatus(status: StatusParams): void;
  /** A term was added, removed or changed (its names, definition, file), or the glossary was read again. */
  glossaryChanged(): void;
  log(message: string): void;
}

/** An open document's current text, read when the session gets to it (edits arrive faster than checks). */
export interface OpenText {
  getText(): string;
  /** The editor's version of the text (an LSP document's). */
  readonly version?: number;
}

export interface FileChange {
  uri: string;
  deleted: boolean;
}

/**
 * The language server's state and its scheduling, apart from the protocol: the index of the
 * workspace, the open documents, which diagnostics are published, and when work happens. Edits are
 * parsed lazily and checked at most every 50 ms; other documents a change affects a little later;
 * the whole glossary in 1 ms slices between requests; disk events one batch at a time, in order.
 */
export class GlossarySession {
  readonly index = new GlossaryIndex();
  private currentSettings: GlossarySettings = DEFAULT_SETTINGS;
  private roots: string[] = [];
  private currentScope = new GlossaryScope([]);
  private scopeSettings: GlossarySettings | undefined;

  /** Open documents, by canonical URI. */
  private readonly openTexts = new Map<string, OpenText>();
  /** Line indexes of open documents, kept with their parse so features never re-split the text. */
  private readonly openLines = new Map<string, LineIndex>();
  /** Open documents past the size limit, which are left out of the glossary like such files on disk. */
  private readonly tooLargeToOpen = new Set<string>();
  /** Open documents edited since their last parse. */
  private readonly staleDocuments = new Set<string>();
  private checkTimer: NodeJS.Timeout | undefined;
  private lastCheck = 0;
  /** Open documents parsed without their MDX problems since edits last paused. */
  private readonly mdxPending = new Set<string>();
  private mdxTimer: NodeJS.Timeout | undefined;

  private readonly published = new Set<string>();
  /** Problems per document, for the status. */
  private readonly problemCounts = new Map<string, number>();
  private readonly pendingDependents = new Set<string>();
  private dependentsTimer: NodeJS.Timeout | undefined;
  private readonly publishRounds = { all: 0, translations: 0 };
  private statusTimer: NodeJS.Timeout | undefined;
  private glossaryTimer: NodeJS.Timeout | undefined;
  /** The status the editor shows, to send only a change. */
  private sentStatus: StatusParams | undefined;

  /** The history the translation status is judged by; undefined until first read. */
  private historySnapshot: HistorySnapshot | undefined;
  private historyTimer: NodeJS.Timeout | undefined;
  private historyRead: Promise<HistorySnapshot> | undefined;

  /** Whether the history may be read with git: not in a workspace the editor does not trust. */
  readsHistory = true;

  /** The editor's storage for this workspace, where the cache of parsed files goes unless the settings say otherwise. */
  storageFolder: string | undefined;

  private indexing = false;
  private indexed: Promise<void> = Promise.resolve();
  private readonly collections = new CollectionPacer(fullCollection());
  private diskWork: Promise<void> = Promise.resolve();

  constructor(private readonly output: SessionOutput) {
    this.index.setPathProbe(pathKindOnDisk);
  }

  get settings(): GlossarySettings {
    return this.currentSettings;
  }

  get workspaceFolders(): readonly string[] {
    return this.roots;
  }

  setWorkspaceFolders(roots: string[]): void {
    this.roots = roots;
    this.scopeSettings = undefined;
  }

  /** The files of the glossary, by the workspace folders and the include and exclude settings. */
  scope(): GlossaryScope {
    if (this.scopeSettings !== this.currentSettings) {
      this.currentScope = new GlossaryScope(this.roots, this.currentSettings.include, this.currentSettings.exclude, this.currentSettings.maxFileSize);
      this.scopeSettings = this.currentSettings;
      for (const glob of this.currentScope.refusedGlobs) {
        this.output.log(`Ignored the glob ${JSON.stringify(glob.slice(0, 100))}: include and exclude may each hold at most ${MAX_GLOB_CHARACTERS} characters of globs, braces expanded.`);
      }
    }
    return this.currentScope;
  }

  /** Resolves once the workspace has been read. */
  whenIndexed(): Promise<void> {
    return this.indexed;
  }

  /**
   * Reads the whole workspace into the index with these settings (what was indexed before is
   * forgotten), then checks every document between requests. Open documents keep the editor's text.
   */
  indexWorkspace(settings: GlossarySettings): Promise<void> {
    this.indexed = this.indexed.then(() => this.readWorkspace(settings));
    return this.indexed;
  }

  private async readWorkspace(settings: GlossarySettings): Promise<void> {
    let cache: Promise<ParseCache> | undefined;
    this.indexing = true;
    this.sendStatus();
    try {
      this.index.clear();
      this.currentSettings = settings;
      const started = Date.now();
      cache = this.parseCache();
      await loadGlossary(this.index, this.scope(), this.output.log, { cache });
      await this.applySettings();
      for (const uri of this.openTexts.keys()) this.updateOpenDocument(uri);
      const opened = await cache;
      const fromCache = opened === undefined ? '' : ` (${opened.reused} from the cache of parsed files)`;
      this.output.log(`Indexed ${this.index.documentCount} Markdown files in ${Date.now() - started} ms${fromCache}.`);
    } catch (error) {
      this.output.log(`Indexing failed: ${(error as Error).stack ?? (error as Error).message}`);
    } finally {
      this.indexing = false;
      this.publishAll();
      this.prepareCompletion();
      this.historyChanged(0);
      void cache?.then((opened) => opened.save());
    }
  }

  /** The cache of parsed files the settings ask for, read; undefined when it is off or there is no workspace. */
  private parseCache(): Promise<ParseCache> | undefined {
    const { cache, cacheFolder } = this.currentSettings;
    if (!cache || this.roots.length === 0) return undefined;
    const folder = cacheFolder !== '' ? path.resolve(this.roots[0], cacheFolder) : this.storageFolder;
    try {
      return ParseCache.open(parseCacheFile(this.roots, folder), this.roots, this.output.log);
    } catch (error) {
      // No home folder to find the system's cache folder in: the workspace is read without.
      this.output.log(`No cache of parsed files: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** New settings: once the workspace is read, they apply, and every document is checked again. */
  async useSettings(settings: GlossarySettings): Promise<void> {
    this.currentSettings = settings;
    await this.indexed;
    await this.applySettings();
    this.publishAll();
  }

  private async applySettings(): Promise<void> {
    const { settings, index } = this;
    index.matcher.matchCompoundTails = settings.matchCompoundTails;
    const configured = settings.tagsFile.trim();
    if (configured === '' || this.roots.length === 0) {
      index.setTagsFileOverride(undefined);
      return;
    }
    const tagsFilePath = path.resolve(this.roots[0], configured);
    if (!this.scope().isReachable(tagsFilePath)) {
      this.output.log(`Ignored the tagsFile setting: ${tagsFilePath} is not inside the workspace.`);
      index.setTagsFileOverride(undefined);
      return;
    }
    const text = await readTextFile(tagsFilePath, this.output.log);
    if (text !== undefined) index.setTagsFile(fileUri(tagsFilePath), text);
    index.setTagsFileOverride(fileUri(tagsFilePath));
  }

  /**
   * Builds the completion table of word starts, initials and letter pairs in slices between
   * requests; until it is complete, completion scans every term.
   */
  private prepareCompletion(): void {
    if (!this.index.prepareCompletionTable(performance.now() + BACKGROUND_SLICE_MS)) setImmediate(() => this.prepareCompletion());
  }

  // ---- Open documents ----

  /**
   * An open document changed (or was opened). It is parsed lazily and checked at most once per
   * interval: the first edit after a pause at once, the rest of a burst of keystrokes together when
   * the interval is over. A request parses at once what it needs.
   */
  documentChanged(uri: string, text: OpenText): void {
    const key = canonicalUri(uri);
    this.openTexts.set(key, text);
    this.staleDocuments.add(key);
    if (this.checkTimer !== undefined) return;
    this.checkTimer = setTimeout(
      () => {
        this.checkTimer = undefined;
        this.lastCheck = Date.now();
        this.refreshAll();
      },
      Math.max(0, this.lastCheck + EDIT_CHECK_INTERVAL_MS - Date.now()),
    );
  }

  /** The editor let go of a document: the file on disk is the truth again. */
  documentClosed(uri: string): Promise<void> {
    const key = canonicalUri(uri);
    this.openTexts.delete(key);
    this.openLines.delete(key);
    this.tooLargeToOpen.delete(key);
    this.staleDocuments.delete(key);
    return this.serially(() => this.reloadFromDisk([key]));
  }

  /** The parsed document and line index of an open document, with every edit sent before applied. */
  openDocument(uri: string): { document: ParsedDocument; lines: LineIndex } | undefined {
    const key = canonicalUri(uri);
    this.refreshAll();
    const document = this.index.getDocument(key);
    const lines = this.openLines.get(key);
    return document === undefined || lines === undefined ? undefined : { document, lines };
  }

  /** Parses every open document edited since its last parse: a request sees all edits sent before it. */
  refreshAll(): void {
    for (const uri of [...this.staleDocuments]) {
      this.staleDocuments.delete(uri);
      this.updateOpenDocument(uri);
    }
  }

  private updateOpenDocument(uri: string): void {
    const source = this.openTexts.get(uri);
    if (source === undefined) return;
    const text = source.getText();
    if (this.index.isTagsFile(uri)) {
      // A tags file being edited: its declarations count at once, for every document it governs.
      this.index.setTagsFile(uri, text);
      this.publishAll();
      return;
    }
    if (isLargerThan(text, this.scope().maxFileBytes)) {
      // As on disk, so one huge file cannot take the server's memory: it is no part of the glossary.
      if (!this.tooLargeToOpen.has(uri)) this.output.log(`Skipped ${uriToFsPath(uri)}: it is larger than the limit of ${this.scope().maxFileBytes} bytes.`);
      this.tooLargeToOpen.add(uri);
      this.openLines.delete(uri);
      this.storeDocument(uri, undefined);
      return;
    }
    this.tooLargeToOpen.delete(uri);
    const lines = new LineIndex(text);
    const parsed = parseDocument(uri, lines.text, lines, { mdx: false, ...readAs(this.index.readerOf(uri)) });
    // Until edits pause, the last reading of its MDX stands (kept inside the text), so it does not flicker while typing.
    const earlier = this.index.getDocument(uri);
    const kept = <T extends { range: Range }>(facts: T[]): T[] => facts.map((fact) => ({ ...fact, range: { start: lines.clamp(fact.range.start), end: lines.clamp(fact.range.end) } }));
    const earlierFacts: MdxFacts = earlier === undefined ? {} : mdxFactsOf(earlier);
    if (earlierFacts.mdxProblems) parsed.mdxProblems = kept(earlierFacts.mdxProblems);
    if (earlierFacts.mdxStrictProblems) parsed.mdxStrictProblems = kept(earlierFacts.mdxStrictProblems);
    if (earlierFacts.commonMarkProblems) parsed.commonMarkProblems = kept(earlierFacts.commonMarkProblems);
    if (earlierFacts.mdxModules) parsed.mdxModules = kept(earlierFacts.mdxModules);
    if (earlierFacts.componentLinks) parsed.componentLinks = kept(earlierFacts.componentLinks);
    this.scheduleMdxCheck(uri);
    // The text first: checking the document needs it (unlinked mentions).
    this.openLines.set(uri, lines);
    this.storeDocument(uri, parsed);
    if (this.historySnapshot !== undefined && hasUnresolvedPin(this.historySnapshot, parsed)) this.historyChanged();
  }

  private scheduleMdxCheck(uri: string): void {
    this.mdxPending.add(uri);
    if (this.mdxTimer !== undefined) clearTimeout(this.mdxTimer);
    this.mdxTimer = setTimeout(() => {
      this.mdxTimer = undefined;
      this.refreshAll();
      for (const pending of [...this.mdxPending]) this.readMdxAgain(pending);
    }, MDX_CHECK_DELAY_MS);
  }

  private readMdxAgain(uri: string): void {
    this.mdxPending.delete(uri);
    const lines = this.openLines.get(uri);
    const document = this.index.getDocument(uri);
    // Outside a Docusaurus site no page is compiled as MDX (see `closedDocument`).
    if (lines === undefined || document === undefined || this.index.siteFor(uri)?.generator !== 'docusaurus') return;
    const before = JSON.stringify(mdxFactsOf(document));
    // As it was, for what depends on its imports (partials it renders, anchors they give it).
    const earlier = { ...document };
    // In place: the document is the index's, which keeps of its MDX only the modules it imports.
    this.index.readMdxInPlace(uri, (read) => {
      delete read.mdxProblems;
      delete read.mdxStrictProblems;
      delete read.commonMarkProblems;
      delete read.mdxModules;
      delete read.componentLinks;
      Object.assign(read, mdxProblemsFact(lines.text, lines));
    });
    if (JSON.stringify(mdxFactsOf(document)) === before) return;
    this.publish(uri);
    this.checkSoon(affectedDocuments(this.index, uri, earlier, document));
  }

  /**
   * Reads the tags file that governs a document again where the editor does not tell of changes on
   * disk and does not hold it open: "Declare in tags.yml" writes into the file as it is now, not as
   * it was when last read (a declaration made elsewhere would otherwise be overwritten or doubled).
   */
  readTagsFileBeforeFixing(documentUri: string): void {
    const tagsFile = this.index.tagsFileFor(documentUri);
    if (tagsFile === undefined || this.openTexts.has(tagsFile.uri)) return;
    // As a walk reads it: through no symbolic link.
    const scope = this.scope();
    const text = readTextFileNow(uriToFsPath(tagsFile.uri), this.output.log, scope.maxFileBytes, scope.reachabilityForBatch());
    const onDisk = text === undefined ? undefined : parseTagsFile(tagsFile.uri, text);
    const same = onDisk !== undefined && JSON.stringify(onDisk.additions) === JSON.stringify(tagsFile.additions) && [...onDisk.tags.keys()].join('\n') === [...tagsFile.tags.keys()].join('\n');
    if (!same) this.applyFromDisk([[tagsFile.uri, text]]);
  }

  /**
   * Before fixes are made on lines where the last reading of a page's MDX stands for an earlier
   * text (typing has not paused: see `scheduleMdxCheck`), its MDX is read again: a fix made from
   * the earlier reading would edit the earlier text's places (`invalid-mdx`, `broken-import`).
   */
  readMdxBeforeFixing(uri: string, range: Range): void {
    const document = this.mdxPending.has(uri) ? this.index.getDocument(uri) : undefined;
    if (document === undefined) return;
    const facts = Object.values(mdxFactsOf(document)).flat() as Array<{ range: Range }>;
    if (facts.some((fact) => fact.range.start.line <= range.end.line && fact.range.end.line >= range.start.line)) this.readMdxAgain(uri);
  }

  // ---- Diagnostics and status ----

  /** Puts a document (or its absence) into the index and re-checks it and what depends on it. */
  private storeDocument(uri: string, parsed: ParsedDocument | undefined): void {
    const before = this.index.getDocument(uri);
    if (parsed === undefined) this.index.removeDocument(uri);
    else this.index.setParsedDocument(parsed);
    // A term added or removed changes the count even when no file's problems change (New Term).
    this.sendStatus();
    if (!sameListedFacts(before?.term, parsed?.term)) this.termsChanged();
    this.publish(uri);
    this.checkSoon(affectedDocuments(this.index, uri, before, parsed));
  }

  /** Checks documents again shortly, together with others due: a change is often one of several. */
  private checkSoon(uris: Iterable<string>): void {
    for (const uri of uris) this.pendingDependents.add(uri);
    if (this.pendingDependents.size > 0 && this.dependentsTimer === undefined) {
      this.dependentsTimer = setTimeout(() => {
        this.dependentsTimer = undefined;
        const due = [...this.pendingDependents];
        this.pendingDependents.clear();
        for (const dependent of due) this.publish(dependent);
      }, DEPENDENT_DIAGNOSTICS_DELAY_MS);
    }
  }

  private publish(uri: string): void {
    const document = this.index.getDocument(uri);
    const tagsFile = document === undefined ? this.index.getTagsFile(uri) : undefined;
    const siteConfig = document === undefined && tagsFile === undefined ? this.index.siteConfigProblems().find((config) => config.uri === uri) : undefined;
    const diagnostics =
      document !== undefined
        ? documentDiagnostics(this.index, document, this.settings, this.openLines.get(uri), this.historySnapshot)
        : tagsFile !== undefined
          ? tagsFileDiagnostics(tagsFile, this.settings)
          : siteConfig !== undefined
            ? siteConfigDiagnostics(this.index, siteConfig, this.settings)
            : [];
    if (diagnostics.length === 0 && !this.published.has(uri)) return;
    if (diagnostics.length === 0) this.published.delete(uri);
    else this.published.add(uri);
    if (diagnostics.length === 0) this.problemCounts.delete(uri);
    else this.problemCounts.set(uri, diagnostics.filter((diagnostic) => diagnostic.severity !== 'hint').length);
    this.sendStatus();
    this.output.publishDiagnostics(uri, diagnostics);
  }

  /**
   * Re-checks every document, a slice at a time, so that requests and the log are answered in
   * between on large glossaries. A newer call supersedes one still running.
   */
  publishAll(): void {
    const { index } = this;
    // Tags files, settings or the whole index changed: what a view lists may have too.
    this.termsChanged();
    this.publishInSlices('all', [
      ...[...index.documents()].map((document) => document.uri),
      ...[...index.tagsFiles()].map((tagsFile) => tagsFile.uri),
      ...index.siteConfigProblems().map((config) => config.uri),
      ...[...this.published].filter((uri) => index.getDocument(uri) === undefined && index.getTagsFile(uri) === undefined),
    ]);
  }

  /** Checks documents a slice at a time; a newer round of the same kind supersedes one still running. */
  private publishInSlices(kind: 'all' | 'translations', uris: string[]): void {
    const round = (this.publishRounds[kind] += 1);
    const started = performance.now();
    const next = (start: number) => {
      if (round !== this.publishRounds[kind]) return;
      const sliceEnd = performance.now() + BACKGROUND_SLICE_MS;
      let position = start;
      while (position < uris.length && performance.now() < sliceEnd) this.publish(uris[position++]);
      if (position < uris.length) setImmediate(() => next(position));
      else if (kind === 'all') this.output.log(`Checked ${uris.length} files for problems in ${Math.round(performance.now() - started)} ms.`);
    };
    next(0);
  }


  /** Tells the editor how many terms and problems there are, at most every so often, and only when that changed. */
  sendStatus(): void {
    if (this.statusTimer !== undefined) return;
    this.statusTimer = setTimeout(() => {
      this.statusTimer = undefined;
      const problems = [...this.problemCounts.values()].reduce((sum, count) => sum + count, 0);
      const status = { terms: this.index.termCount, problems, indexing: this.indexing };
      const sent = this.sentStatus;
      if (sent !== undefined && sent.terms === status.terms && sent.problems === status.problems && sent.indexing === status.indexing) return;
      this.sentStatus = status;
      this.output.sendStatus(status);
    }, STATUS_DELAY_MS);
  }

  /** Tells the editor that terms changed, at most every so often (an edited term file is parsed every 50 ms). */
  private termsChanged(): void {
    if (this.glossaryTimer !== undefined) return;
    this.glossaryTimer = setTimeout(() => {
      this.glossaryTimer = undefined;
      this.output.glossaryChanged();
    }, STATUS_DELAY_MS);
  }

  // ---- The disk ----

  /** Files created, changed or deleted on disk; the last event for a file decides. */
  filesChanged(changes: FileChange[]): Promise<void> {
    return this.serially(async () => {
      await this.indexed;
      const latest = new Map<string, boolean>();
      for (const change of changes) latest.set(canonicalUri(change.uri), change.deleted);
      // A commit or checkout changes the history; a file changed on disk, only its time.
      if ([...latest.keys()].some((uri) => uri.endsWith(GIT_HEAD_LOG))) this.historyChanged();
      else this.fileTimesChanged([...latest.keys()]);
      // A site's configuration changes every route: the workspace is read again with it.
      // So does a tags file a plugin's `tags` option names coming or going: the build needs it there.
      const namedTagsFileCameOrWent = [...latest].some(([uri, deleted]) => this.index.namedTagsFiles().has(uri) && deleted === (this.index.getTagsFile(uri) !== undefined));
      if ([...latest.keys()].some(isSiteConfigFile) || namedTagsFileCameOrWent) {
        await this.indexWorkspace(this.settings);
        return;
      }
      // An image, a file or a module a page names that came or went: the pages naming a file of its name are checked again.
      const namingFiles = new Set([...latest.keys()].filter((uri) => !isMarkdownPath(uri)).flatMap((uri) => [...this.index.documentsNamingFile(uri)]));
      for (const uri of this.index.documentsImportingAny([...latest.keys()])) namingFiles.add(uri);
      // A page of another kind (a React page of `src/pages`, a static `index.html`) makes or takes a route: the pages linking to a route of its name are checked again.
      for (const uri of [...latest.keys()].filter((changed) => !isMarkdownPath(changed))) {
        for (const source of this.index.documentsLinkingTo({ uri, id: routeNameOf(uri), title: '', aliases: [] })) namingFiles.add(source);
      }
      this.checkSoon(namingFiles);
      const closed = [...latest].filter(([uri]) => this.isClosedGlossaryFile(uri));
      this.applyFromDisk(closed.filter(([, deleted]) => deleted).map(([uri]): [string, undefined] => [uri, undefined]));
      await this.reloadFromDisk(closed.filter(([, deleted]) => !deleted).map(([uri]) => uri));
    });
  }

  /**
   * Disk work runs one task at a time, in the order the events came: a branch switch arrives as
   * several batches, and a slow read from an earlier one must not land after a later delete.
   */
  private serially(task: () => Promise<void>): Promise<void> {
    this.diskWork = this.diskWork.then(task).catch((error: Error) => this.output.log(`Reading changed files failed: ${error.stack ?? error.message}`));
    return this.diskWork;
  }

  private isClosedGlossaryFile(uri: string): boolean {
    return !this.openTexts.has(uri) && (isMarkdownPath(uri) || this.index.isTagsFile(uri)) && this.scope().contains(uriToFsPath(uri));
  }

  /** Reads closed files again, a few dozen at a time; a file that is gone or out of scope is dropped. */
  private async reloadFromDisk(uris: string[]): Promise<void> {
    for await (const batch of this.textsFromDisk(uris)) this.applyFromDisk(batch);
  }

  /**
   * The texts of files on disk, a few dozen at a time (undefined: gone, unreadable or out of scope).
   * Small files read faster synchronously than through the thread pool (the first search for
   * references at 10k: 1.4 -> 0.6 s); requests are answered between batches.
   */
  private async *textsFromDisk(uris: string[]): AsyncGenerator<Array<[string, string | undefined]>> {
    for (let start = 0; start < uris.length; start += READ_BATCH) {
      const batch = uris.slice(start, start + READ_BATCH);
      const scope = this.scope();
      const reachability = scope.reachabilityForBatch();
      yield batch.map((uri): [string, string | undefined] => [uri, this.readGlossaryFile(uriToFsPath(uri), scope, reachability)]);
      const read = start + batch.length;
      if (Math.floor(read / COLLECT_EVERY_FILES) > Math.floor(start / COLLECT_EVERY_FILES)) this.collections.duringPass();
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (uris.length > COLLECT_EVERY_FILES) this.collections.afterPass();
  }

  /** A file of the glossary's scope as a walk would find it; a link is not followed, and said so. */
  private readGlossaryFile(filePath: string, scope: GlossaryScope, reachability: Reachability): string | undefined {
    if (!scope.contains(filePath)) return undefined;
    if (reachability.isReachable(filePath)) return readTextFileNow(filePath, this.output.log, scope.maxFileBytes, reachability);
    this.output.log(`Skipped ${filePath}: a symbolic link, which the glossary does not follow.`);
    return undefined;
  }

  /** Stores what disk holds (undefined: nothing) for each file; tags files re-check everything once. */
  private applyFromDisk(files: Array<[string, string | undefined]>): void {
    let tagsChanged = false;
    for (const [uri, text] of files) {
      // Opened again while its text was being read: the editor's text counts.
      if (this.openTexts.has(uri)) continue;
      if (this.index.isTagsFile(uri)) {
        tagsChanged = true;
        if (text === undefined) this.index.removeTagsFile(uri);
        else this.index.setTagsFile(uri, text);
      } else {
        this.storeDocument(uri, text === undefined ? undefined : closedDocument(uri, text, this.index.readerOf(uri)));
      }
    }
    if (tagsChanged) this.publishAll();
  }

  // ---- Translations ----

  /** The history as last read, for features that must answer at once (completion). */
  get history(): HistorySnapshot | undefined {
    return this.historySnapshot;
  }

  /** The history as it is now: read again if anything changed since (the translation status command). */
  async currentHistory(): Promise<HistorySnapshot> {
    await this.indexed;
    if (this.historyTimer !== undefined) {
      clearTimeout(this.historyTimer);
      this.historyTimer = undefined;
      return this.readHistory();
    }
    // A read under way is newer than the snapshot it will replace (a reindex, a commit).
    return this.historyRead ?? this.historySnapshot ?? this.readHistory();
  }

  /**
   * Files changed on disk: their times are taken afresh, and the pages they are a translation or
   * original of are checked again (the history stays: no commit was made).
   */
  private fileTimesChanged(uris: string[]): void {
    if (this.historySnapshot === undefined || this.historyTimer !== undefined || this.historyRead !== undefined) return;
    const related = uris.filter((uri) => this.index.multilingualLocaleOf(uri) !== undefined).flatMap((uri) => [uri, ...this.index.translationsOf(uri)]);
    if (related.length === 0) return;
    this.historySnapshot = withFreshFileTimes(this.historySnapshot);
    this.publishInSlices('translations', [...new Set(related)]);
  }

  /** Reads the history again soon; translations are checked again with it. */
  private historyChanged(delay = HISTORY_DELAY_MS): void {
    if (this.historyTimer !== undefined) clearTimeout(this.historyTimer);
    this.historyTimer = setTimeout(() => {
      this.historyTimer = undefined;
      void this.readHistory();
    }, delay);
  }

  /** Checks again the pages that have translation hints: those of sites with several locales. */
  private publishTranslations(): void {
    const translatable = [...this.index.documents()].map((document) => document.uri).filter((uri) => this.index.multilingualLocaleOf(uri) !== undefined);
    if (translatable.length > 0) this.publishInSlices('translations', translatable);
  }

  private readHistory(): Promise<HistorySnapshot> {
    const reading = loadHistorySnapshot(this.index, this.readsHistory).then(
      (snapshot) => {
        if (this.historyRead === reading) {
          this.historySnapshot = snapshot;
          this.historyRead = undefined;
          this.publishTranslations();
        }
        return snapshot;
      },
      (error: Error) => {
        this.output.log(`Reading the Git history failed: ${error.stack ?? error.message}`);
        return this.historySnapshot ?? NO_HISTORY;
      },
    );
    this.historyRead = reading;
    return reading;
  }

  // ---- Requests that read the workspace ----

  /**
   * Every link to a term and every mention of it. Mentions need the text: open documents have it;
   * closed files (kept without it) are read again, but for those whose signature, kept from an
   * earlier read, rules the term out, and only a text that links the term or contains the last word
   * of one of its names is parsed.
   */
  async references(term: GlossaryTerm, includeDeclaration: boolean): Promise<Array<{ uri: string; range: Range }>> {
    const locations = includeDeclaration ? [definitionOf(term)] : [];
    await this.forEachReferringDocument(term, (document, lines) => {
      for (const range of referencesIn(this.index, term, document, lines)) locations.push({ uri: document.uri, range });
    });
    return locations;
  }

  /** How many places refer to a term, and how many mention it without a link (the code lens). */
  async referenceCounts(term: GlossaryTerm): Promise<ReferenceCounts> {
    let counts = NO_REFERENCES;
    await this.forEachReferringDocument(term, (document, lines) => (counts = addCounts(counts, referenceCountsIn(this.index, term, document, lines))));
    return counts;
  }

  /** The links to a term and its unlinked mentions, each with its line, in file then document order. */
  async termReferences(term: GlossaryTerm): Promise<TermReferences> {
    const found: TermReferences = { links: [], mentions: [] };
    await this.forEachReferringDocument(term, (document, lines) => {
      const places = referencePlacesIn(this.index, term, document, lines);
      found.links.push(...places.links);
      found.mentions.push(...places.mentions);
    });
    const byPlace = (a: ReferencePlace, b: ReferencePlace) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return { links: found.links.sort(byPlace), mentions: found.mentions.sort(byPlace) };
  }

  /** Errors and warnings in a file, as last published. */
  problemsIn(uri: string): number {
    return this.problemCounts.get(uri) ?? 0;
  }

  /** The safe fixes of every document, open ones as edited and closed ones as on disk, as `check --fix` applies them. */
  async workspaceFixes(): Promise<WorkspaceChange> {
    const change: WorkspaceChange = { createFiles: [], edits: [] };
    const fix = (uri: string, text: string, version?: number) => {
      const edit = fixedTextEdit(this.index, uri, text, this.settings);
      if (edit !== undefined) change.edits.push({ uri, edits: [edit], ...(version === undefined ? {} : { version }) });
    };
    const closed: string[] = [];
    for (const document of [...this.index.documents()]) {
      const lines = this.openLines.get(document.uri);
      // An open document's edits are for the version they were made from: the editor refuses them once it is typed in.
      if (lines !== undefined) fix(document.uri, lines.text, this.openTexts.get(document.uri)?.version);
      else closed.push(document.uri);
    }
    for await (const batch of this.textsFromDisk(closed)) {
      for (const [uri, text] of batch) if (text !== undefined && this.isUtf8OnDisk(uri, text)) fix(uri, text);
    }
    return change;
  }

  /**
   * Whether a closed file's text is its bytes, UTF-8 throughout, as `check --fix` requires: bytes
   * of another encoding were read as U+FFFD, and an edit computed on that text would destroy them.
   */
  private isUtf8OnDisk(uri: string, text: string): boolean {
    if (!text.includes('\uFFFD')) return true;
    const bytes = readBytesNow(uriToFsPath(uri), this.output.log, this.scope().maxFileBytes);
    return bytes !== undefined && exactUtf8(bytes) !== undefined;
  }

  /** Visits every document that may refer to a term, open ones as edited, closed ones as on disk. */
  private async forEachReferringDocument(term: GlossaryTerm, visit: (document: ParsedDocument, lines: LineIndex) => void): Promise<void> {
    const { index } = this;
    const linking = index.documentsLinkingTo(term);
    const visitText = (uri: string, text: string, open?: { document: ParsedDocument; lines: LineIndex }) => {
      if (!linking.has(uri) && !index.matcher.mayMention(text, term.uri)) return;
      const lines = open?.lines ?? new LineIndex(text);
      visit(open?.document ?? parseDocument(uri, text, lines, { mdx: false, ...readAs(index.readerOf(uri)) }), lines);
    };
    const closed = new Map<string, ParsedDocument>();
    for (const document of [...index.documents()]) {
      const lines = this.openLines.get(document.uri);
      const signature = index.textSignatureOf(document.uri);
      if (lines !== undefined) visitText(document.uri, lines.text, { document, lines });
      else if (linking.has(document.uri) || signature === undefined || index.matcher.mayMentionIn(signature, term.uri)) closed.set(document.uri, document);
    }
    for await (const batch of this.textsFromDisk([...closed.keys()])) {
      for (const [uri, text] of batch) {
        if (text === undefined) continue;
        // A file read for the first time is signed, and its signature rules most files out before
        // the folded text is made (the first search at 10k files: 1.46 -> 1.06 s). Only a text the
        // index still holds, not one changed on disk while it was read, keeps its signature.
        if (index.textSignatureOf(uri) === undefined) {
          const signature = textSignature(text);
          if (index.getDocument(uri) === closed.get(uri)) index.rememberTextSignature(uri, signature);
          if (!linking.has(uri) && !index.matcher.mayMentionIn(signature, term.uri)) continue;
        }
        visitText(uri, text);
      }
    }
  }

  // ---- The workspace's boundary ----

  /**
   * Whether a change creates files and moves files only where nothing is yet: clients create with
   * `ignoreIfExists` (Neovim 0.7 empties a file it is told to create without it), and the edits
   * that fill a new file would then go into the old one. A move that changes only the case of a
   * name may find its own file there (a file system that ignores case).
   */
  overwritesNothing(change: WorkspaceChange): boolean {
    const movedOnto = (change.renameFiles ?? []).filter((file) => file.newUri.toLowerCase() !== file.oldUri.toLowerCase()).map((file) => file.newUri);
    return [...change.createFiles, ...movedOnto].every((uri) => !isTaken(uriToFsPath(uri)));
  }

  /** Quick fixes and renames never touch a file outside the workspace folders, directly or through a link. */
  staysInWorkspace(change: WorkspaceChange): boolean {
    const uris = [...change.createFiles, ...change.edits.map((file) => file.uri), ...(change.renameFiles ?? []).flatMap((file) => [file.oldUri, file.newUri])];
    return uris.every((uri) => this.isWorkspaceFile(uriToFsPath(uri)));
  }

  /** A file (existing or to create) inside a workspace folder, reached through no link. */
  isWorkspaceFile(filePath: string): boolean {
    return !this.roots.some((root) => path.resolve(root) === path.resolve(filePath)) && this.scope().isReachable(filePath);
  }
}

/** Whether two versions of a term agree in all that views and the preview show of it: names, tags, definition. */
function sameListedFacts(a: GlossaryTerm | undefined, b: GlossaryTerm | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    a.uri === b.uri &&
    a.id === b.id &&
    a.title === b.title &&
    a.notMentions.join('\u0000') === b.notMentions.join('\u0000') &&
    a.definition === b.definition &&
    a.aliases.join('\u0000') === b.aliases.join('\u0000') &&
    a.tags.map((tag) => tag.value).join('\u0000') === b.tags.map((tag) => tag.value).join('\u0000')
  );
}

/** Whether a text takes more than a number of bytes in UTF-8, counted only when it might. */
function isLargerThan(text: string, maxBytes: number): boolean {
  return text.length > maxBytes || (text.length * 3 > maxBytes && Buffer.byteLength(text, 'utf8') > maxBytes);
}

/** The last segment of the route a file may make a page at: its name without extension, its folder's for an `index` file. */
function routeNameOf(uri: string): string {
  const segments = uriPath(uri).split('/');
  const stem = segments[segments.length - 1].replace(/\.[^.]*$/, '');
  return stem === 'index' && segments.length > 1 ? segments[segments.length - 2] : stem;
}
