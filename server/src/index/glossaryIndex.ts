import { ancestorFolders, canonicalUri, composedUri, parentUri, routeSegments, safeDecode, uriPath, uriToFsPath, withPath } from '../common/uris';
import { composed } from '../common/text';
import { parseDocument, readAs, type GlossaryTerm, type ParsedDocument } from '../parsing/document';
import { parseTagsFile, TAGS_FILE_NAME, type TagsFile } from '../parsing/tagsFile';
import { completionKeys, completionKeysFor, LONG_NAME_KEY, matchableNamesOf, type MatchableName } from './nameForms';
import { assumedSiteFor, defaultLocaleOf, docsSectionOf, inKnownTopLevel, inUnbuiltVersion, isBuiltOn, localesOf, pathInSite, permalinkKey, reachablePermalinks, readerOn, siteOf, sitePageOn, docsSectionFolderOf, type HugoFilesAround, type Site } from '../site/site';
import { blogOfPostPath, blogTagsFiles, docsTagPagePlace, docsTagsFiles, isDocsTranslation, namedTagsFiles, versionFolderOf } from '../site/docusaurus';
import type { SiteConfigProblems, SitePage } from '../site/siteTypes';
import { hugoContentPath, hugoFoldersAt, mayHeadHugoBundle } from '../site/hugo';
import { assetFileName } from '../site/docusaurusAssets';
import type { FrontMatterField } from '../parsing/frontMatterFields';
import { SignatureStore, type TextSignature } from './textSignature';
import { smallest } from '../common/smallest';
import type { PathKind, PathProbe } from '../common/paths';
import type { Reader } from '../common/generator';
import { nameKey, TermMatcher } from './termMatcher';
import { mentionNameSetsOf, namesFromDefinition } from './mentionNames';

/**
 * Sets of URIs under string keys, for lookups by id, name, link target and tag. Most keys have
 * one URI: it is kept as a string, and becomes a set only when a second arrives.
 */
class UrisByKey {
  private readonly entries = new Map<string, string | Set<string>>();

  add(key: string, uri: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) this.entries.set(key, uri);
    else if (typeof entry === 'string') {
      if (entry !== uri) this.entries.set(key, new Set([entry, uri]));
    } else entry.add(uri);
  }

  delete(key: string, uri: string): void {
    const entry = this.entries.get(key);
    if (entry === uri) this.entries.delete(key);
    else if (typeof entry === 'object' && entry.delete(uri) && entry.size === 1) this.entries.set(key, [...entry][0]);
  }

  get(key: string): ReadonlySet<string> {
    const entry = this.entries.get(key);
    return entry === undefined ? EMPTY : typeof entry === 'string' ? new Set([entry]) : entry;
  }

  count(key: string): number {
    const entry = this.entries.get(key);
    return entry === undefined ? 0 : typeof entry === 'string' ? 1 : entry.size;
  }

  keys(): IterableIterator<string> {
    return this.entries.keys();
  }
}

const EMPTY: ReadonlySet<string> = new Set();

/** A term as completion ranks it: its URI and its names, folded once for matching. */
export interface CompletionEntry {
  uri: string;
  names: MatchableName[];
  /** How many links point at the term, as of `linksCountedAt` (see `linkCountOf`). */
  links?: number;
  linksCountedAt?: number;
}

/**
 * Completion entries by key, in arrays: a third of the memory of sets for the table's millions of
 * entries, and one object per term, so ranking a candidate touches one object, not the term.
 */
class EntryLists {
  private readonly entries = new Map<string, CompletionEntry[]>();

  add(key: string, entry: CompletionEntry): void {
    const list = this.entries.get(key);
    if (list === undefined) this.entries.set(key, [entry]);
    else list.push(entry);
  }

  delete(key: string, uri: string): void {
    const list = this.entries.get(key);
    if (list === undefined) return;
    let at = list.length - 1;
    while (at >= 0 && list[at].uri !== uri) at--;
    if (at < 0) return;
    list[at] = list[list.length - 1];
    list.pop();
    if (list.length === 0) this.entries.delete(key);
  }

  get(key: string): readonly CompletionEntry[] {
    return this.entries.get(key) ?? [];
  }

  count(key: string): number {
    return this.entries.get(key)?.length ?? 0;
  }
}

const MAX_REMEMBERED = 1000;

/** One name of a term with what completion ranks it by. */
export interface RankedEntry {
  uri: string;
  /** Which of the term's names: 0 for its title, then its aliases. */
  position: number;
  links: number;
  /** The name, folded. */
  name: string;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Completion's order: the term most linked to first, then by name; URI and position break ties. */
export function byLinksThenName(a: RankedEntry, b: RankedEntry): number {
  return b.links - a.links || compareText(a.name, b.name) || compareText(a.uri, b.uri) || a.position - b.position;
}

export interface NameRanking {
  titles: readonly RankedEntry[];
  names: readonly RankedEntry[];
  titleCount: number;
  nameCount: number;
}

/**
 * What a link points at, without depending on whether the target exists yet; in composed form
 * (NFC), as is every key links are looked up by, so a file or folder named in NFD is reached too.
 */
interface LinkTargets {
  /** File URIs of relative paths. */
  uris: string[];
  /** Ids: the last segments of site routes. */
  ids: string[];
  /** Name keys of wiki links. */
  names: string[];
}

function linkTargetsOf(document: ParsedDocument): LinkTargets {
  const targets: LinkTargets = { uris: [], ids: [], names: [] };
  for (const link of document.body.links) {
    if (link.kind === 'wiki') {
      targets.names.push(nameKey(link.target.replace(/#.*$/, '')));
      continue;
    }
    const route = routeSegments(link.target);
    if (route !== undefined) {
      if (route.length > 0) targets.ids.push(routeKey(route[route.length - 1]));
      continue;
    }
    if (link.targetUri !== undefined) {
      targets.uris.push(composedUri(link.targetUri));
      // A relative link without `.md` is a route relative to the page (`../Vertrag/`).
      const last = lastPathSegment(link.target);
      if (last !== undefined && !/\.mdx?$/i.test(last)) targets.ids.push(routeKey(safeDecode(last)));
    }
  }
  return targets;
}

/** The last segment of a relative path that names something (not `.`, `..` or empty), without query and fragment: `../Vertrag/?x` → `Vertrag`. */
function lastPathSegment(target: string): string | undefined {
  const path = target.replace(/[?#].*$/, '');
  let end = path.length;
  while (end > 0) {
    const start = path.lastIndexOf('/', end - 1) + 1;
    const segment = path.slice(start, end);
    if (segment !== '' && segment !== '.' && segment !== '..') return segment;
    end = start - 1;
  }
  return undefined;
}

/** The front-matter keys that name another doc of the version by its id. */
export const PAGINATION_KEYS: ReadonlySet<string> = new Set(['pagination_next', 'pagination_prev']);

/** Where a doc id must be unique: Docusaurus compares them per docs instance, version and locale. */
function docIdKey(page: Pick<SitePage, 'instance' | 'version' | 'locale' | 'docId'>): string {
  return `${page.instance}\u0000${page.version}\u0000${page.locale}\u0000${page.docId}`;
}

/** The key of a route's last segment, under which links are found by the page they reach. */
/**
 * The title of an entry that declares none and has no heading to title it: its id, and in
 * Docusaurus its doc id's last segment, the file name without its number prefix where the site
 * parses them (`04-Begriff.md`: `Begriff`).
 */
function untitledEntryTitle(term: GlossaryTerm, page: SitePage | undefined): string {
  return page?.generator === 'docusaurus' && page.docId !== '' ? page.docId.slice(page.docId.lastIndexOf('/') + 1) : term.id;
}

function routeKey(segment: string): string {
  return composed(segment).toLowerCase();
}


/** The names of the files a document's images and links to files name, once each. */
function fileNamesOf(document: ParsedDocument): Set<string> {
  const names = new Set<string>();
  for (const image of document.body.images ?? []) {
    const name = assetFileName(image.target, true);
    if (name !== undefined) names.add(name);
  }
  for (const link of document.body.links) {
    const name = link.kind === 'inline' ? assetFileName(link.target, false) : undefined;
    if (name !== undefined) names.add(name);
  }
  return names;
}

/** The last segment of a module's path, in lower case: `./teil/_zwei.mdx?raw` → `_zwei.mdx`. */
function lastSegmentOf(request: string): string {
  const segments = request.replace(/(?!^)[?#].*$/s, '').replace(/\/+$/, '').toLowerCase().split('/');
  return segments[segments.length - 1];
}

const tagsOf = (document: ParsedDocument | undefined) => new Set(document?.term?.tags.map((tag) => tag.value));

/**
 * The glossary: every parsed Markdown document, the terms they define and the tags files that
 * declare tags. Updated one file at a time; it never reads files itself.
 */
export class GlossaryIndex {
  private readonly documentsByUri = new Map<string, ParsedDocument>();
  private readonly tagsFilesByUri = new Map<string, TagsFile>();
  /** The files named `tags.yml`, by folder: the nearest one governs a file no plugin's option places. */
  private readonly tagsFilesByFolder = new Map<string, TagsFile>();
  private tagsFileOverrideUri: string | undefined;
  private readonly urisById = new UrisByKey();
  /**
   * Documents whose URI is not composed (NFC), by its composed form, and that form by the URI:
   * macOS archives and rsync name files in NFD, links are typed in NFC. Empty in most glossaries.
   */
  private readonly urisByComposedUri = new UrisByKey();
  private readonly composedUris = new Map<string, string>();
  private readonly urisByName = new UrisByKey();
  /** Documents by the tags they use. */
  private readonly tagUsers = new UrisByKey();
  /** Documents by what they link to: file URIs, ids of routes, names of wiki links. */
  private readonly linksByUri = new UrisByKey();
  private readonly linksById = new UrisByKey();
  private readonly linksByName = new UrisByKey();
  /** Documents by the names, in lower case, of the files their images and links to files name (`assetFileName`). */
  private readonly filesNamed = new UrisByKey();
  /** Documents by the last segment, in lower case, of each module their MDX imports (see `documentsImportingAny`). */
  private readonly importers = new UrisByKey();
  /** What is on disk at a URI, for the files images and links name; undefined until the workspace says how to look. */
  private pathProbe: PathProbe | undefined;
  /** Whether a Markdown file at a path would be one of the glossary's (its scope's); undefined: none would. */
  private scopeContains: ((filePath: string) => boolean) | undefined;
  /** Terms by the route folder they live in (`/docs/glossar/`, lower case), for new entries beside them. */
  private readonly termsByRouteFolder = new UrisByKey();
  /** The sites the glossary's files belong to; see `site/site.ts`. */
  private sites: Site[] = [];
  private namedTagsFilesMemo: Set<string> | undefined;
  /** The problems of the sites' configuration files, as read. */
  private configProblems: SiteConfigProblems[] = [];
  /** Without configured sites: the sites assumed for files below a `docs` folder, by their folder. */
  private readonly assumedSites = new Map<string, Site>();
  /** `siteFor` by the folder URI of the files asked about: every file of a folder is in the same site (10k files, 50 folders). */
  private readonly sitesByFolder = new Map<string, { site: Site | undefined }>();
  /** What the site makes of each document that lies in one, and the URL paths it is reached at. */
  private readonly pagesByUri = new Map<string, { page: SitePage; permalinkKeys: string[]; sections: string[] }>();
  /** Documents by every URL path (as `permalinkKey`) their page is built at. */
  private readonly urisByPermalink = new UrisByKey();
  /** Pages by their translation key: a page and its translations in other locales. */
  private readonly urisByTranslationKey = new UrisByKey();
  /** Built pages by their doc id within its instance, version and locale, which must be unique there. */
  private readonly urisByDocId = new UrisByKey();
  /** Drafts by their doc id, keyed as `urisByDocId`: a sidebar may name them. */
  private readonly draftsByDocId = new UrisByKey();
  /** See `documentsNamingDocIds`. */
  private readonly namingDocIds = new Set<string>();
  /** See `documentsWithHugoRefs`. */
  private readonly hugoRefHolders = new Set<string>();
  /** How many built pages each section of the site holds (`docsSectionOf`). */
  private readonly pagesBySection = new Map<string, number>();
  /** Entries that are no terms to link to: their page is not built, or they lie outside the site's content. */
  private readonly unpublishedEntries = new Set<string>();
  /** By folder (its decoded path): the names of the documents there that may head a Hugo bundle (see `hugoBundleRoleOf`). */
  private readonly bundleHeadersByFolder = new Map<string, Set<string>>();
  /** In Hugo sites, by folder URI: how many documents lie in it or below it, so that a bundle's header coming or going updates the pages below only when there are any. */
  private readonly hugoDocumentsBelow = new Map<string, number>();
  readonly matcher = new TermMatcher();
  /** Terms by the keys of `completionKeys` (word starts, initials, pairs of letters); built after indexing. */
  private completionTable: EntryLists | undefined;
  /** The documents `prepareCompletionTable` has still to add to that table. */
  private completionTableToAdd: IterableIterator<ParsedDocument> | undefined;
  /** Terms the table got while it was being built, which its walk must not add again. */
  private readonly addedWhileBuilding = new Set<string>();
  private termTotal = 0;
  /** Signatures of the texts of closed files, kept once references has read them; see `textSignature.ts`. */
  private readonly signatures = new SignatureStore();
  /** See `rememberedByPages`. */
  private readonly answersByPages = new Map<string, unknown>();
  /** See `rememberedByNames`. */
  private readonly answersByNames = new Map<string, unknown>();
  /** See `hugoPagesAt`; undefined until asked for and after a file came or went or the sites changed. */
  private hugoPageTable: { urisByKey: Map<string, string[]>; topSections: Map<string, string[]> } | undefined;
  /** Counts up whenever a link target or a name changes, which may change any count of links. */
  private linksVersion = 0;
  /** See `namesRankedByLinks`; undefined until used and after a change that can reorder it. */
  private namesByLinks: (NameRanking & { limit: number }) | undefined;

  /** Parses a document's text and stores the result in place of any earlier version. */
  setDocument(uri: string, text: string): ParsedDocument {
    const canonical = canonicalUri(uri);
    const parsed = parseDocument(canonical, text, undefined, readAs(this.readerOf(canonical)));
    this.setParsedDocument(parsed);
    return parsed;
  }

  /** How the file at `uri` is read, as its site's generator reads it (see `readerOn`): the parser reads it so. */
  readerOf(uri: string): Reader | undefined {
    const site = this.siteFor(uri);
    return site === undefined ? undefined : readerOn(site, uri);
  }

  /** Stores a document that was already parsed, so a caller holding the text parses only once. */
  setParsedDocument(parsed: ParsedDocument): void {
    const previousDocument = this.documentsByUri.get(parsed.uri);
    const previous = this.publishedTermOf(previousDocument);
    const previousTargets = previousDocument && linkTargetsOf(previousDocument);
    this.signatures.delete(parsed.uri);
    const targets = linkTargetsOf(parsed);
    this.forgetUses(previousDocument, previousTargets);
    this.documentsByUri.set(parsed.uri, parsed);
    // A page changes with its file's front matter, or comes with the file; typing in prose changes none.
    if (previousDocument === undefined || !sameFrontMatterValues(previousDocument, parsed)) this.answersByPages.clear();
    if (previousDocument === undefined) {
      this.learnComposedUri(parsed.uri);
      this.learnFolders(parsed.uri, 1);
    }
    this.learnUses(parsed, targets);
    if (previous !== undefined) this.forgetTerm(previous);
    // By its own URI: a miss of `pageOf` works out the canonical form of the URI, for every new file.
    const previousPage = this.pagesByUri.get(parsed.uri)?.page;
    this.forgetPage(parsed.uri);
    this.learnPage(parsed);
    const next = this.publishedTermOf(parsed);
    // Typing in prose changes neither: the ranking and the answers remembered by names survive most edits.
    const namesChanged = previousDocument === undefined || !sameTermNames(previous, next);
    if (namesChanged) this.answersByNames.clear();
    if (namesChanged || !sameTargets(previousTargets!, targets)) this.linksChanged();
    if (next !== undefined) this.learnTerm(next);
    // Most edits leave the names alone: the table and the trie are only touched when they change.
    this.updateCompletionTable(previous, next);
    if (next === undefined) {
      if (previous !== undefined) this.matcher.removeTerm(parsed.uri);
    } else if (previous === undefined || !sameNames(previous, next)) {
      const { own, parts } = mentionNameSetsOf(next);
      this.matcher.setTerm(parsed.uri, own, parts);
    }
    this.updateTranslationsOf(parsed.uri, previousPage, this.pagesByUri.get(parsed.uri)?.page);
    const shapesBelow = this.isHugoSectionFile(parsed.uri) && (this.shapesSectionBelow(previousDocument, previousPage) || this.shapesSectionBelow(parsed, this.pageOf(parsed.uri))) && !sameFrontMatterValues(previousDocument, parsed);
    if (shapesBelow || (previousDocument === undefined && this.headsHugoBundleAbove(parsed.uri, 1))) this.updatePagesBelow(parsed.uri);
    if (previousDocument === undefined) this.updateLanguageTwinOf(parsed.uri);
  }

  /**
   * The `_index` files of the Hugo sections above a file (its own folder's first, unless it is one),
   * up to the content folder's, in a language: what they cascade, and whether they are built, shape
   * its page. A section file the index has not read yet counts once it is (see `updatePagesBelow`).
   */
  private readonly hugoSectionsAbove = (uri: string, language: string): Array<{ uri: string; fields: readonly FrontMatterField[] }> => {
    const site = this.siteFor(uri);
    if (site?.generator !== 'hugo') return [];
    const sections: Array<{ uri: string; fields: readonly FrontMatterField[] }> = [];
    const sectionIn = (folder: string) => {
      for (const name of [`_index.${language}.md`, '_index.md']) {
        const candidate = this.documentsByUri.get(`${folder}/${name}`);
        if (candidate !== undefined && this.pagesByUri.get(candidate.uri)?.page.locale === language) return { uri: candidate.uri, fields: candidate.frontMatter?.fields ?? [] };
      }
      return undefined;
    };
    const relativePath = pathInSite(site, uri);
    if (site.hugo.contentSubmounts.length > 0 && !relativePath.startsWith('../')) {
      // With folders mounted below the content: the sections above the file's place there, in every folder Hugo reads at each.
      const contentPath = hugoContentPath(site.hugo, relativePath);
      const rootUri = site.rootUri.replace(/\/$/, '');
      let folder = parentPath(contentPath);
      if (this.isHugoSectionFile(uri)) folder = parentPath(folder);
      for (; folder !== ''; folder = parentPath(folder)) {
        const section = hugoFoldersAt(site.hugo, folder).map((physical) => sectionIn(`${rootUri}/${physical}`)).find((found) => found !== undefined);
        if (section !== undefined) sections.push(section);
      }
      return sections;
    }
    const root = topFolderOf(site, uri);
    let folder = parentUri(uri);
    if (this.isHugoSectionFile(uri)) folder = parentUri(folder);
    while (folder.length > root.length && folder.startsWith(root)) {
      const section = sectionIn(folder);
      if (section !== undefined) sections.push(section);
      folder = parentUri(folder);
    }
    return sections;
  };

  private readonly hugoFilesAround: HugoFilesAround = {
    sectionsAbove: this.hugoSectionsAbove,
    bundleHeadersIn: (folderPath) => this.bundleHeadersByFolder.get(folderPath) ?? [],
    holds: (uri) => this.documentsByUri.has(uri),
  };

  /** After a Hugo file with a language's suffix (`term.en.md`) came or went: the same file without it (`term.md`), which it replaces in that language, is set again. */
  private updateLanguageTwinOf(uri: string): void {
    const site = this.siteFor(uri);
    if (site?.generator !== 'hugo') return;
    const match = /^(.*)\.([^./]+)(\.[^./]+)$/.exec(uri);
    if (match === null || !site.hugo.languages.some((language) => language.code === match[2])) return;
    const twin = this.documentsByUri.get(`${match[1]}${match[3]}`);
    if (twin !== undefined) this.setParsedDocument(twin);
  }

  /** Counts a document coming (1) or going (-1) in what its folders know: the names of bundles' headers, and in a Hugo site the documents below each folder. */
  private learnFolders(uri: string, change: 1 | -1): void {
    this.hugoPageTable = undefined;
    const name = uri.slice(uri.lastIndexOf('/') + 1);
    if (mayHeadHugoBundle(name)) {
      const folderPath = uriPath(parentUri(uri));
      const names = this.bundleHeadersByFolder.get(folderPath) ?? new Set<string>();
      if (change === 1) this.bundleHeadersByFolder.set(folderPath, names.add(name));
      else if (names.delete(name) && names.size === 0) this.bundleHeadersByFolder.delete(folderPath);
    }
    this.countHugoDocument(uri, change);
  }

  private countHugoDocument(uri: string, change: 1 | -1): void {
    const site = this.siteFor(uri);
    if (site?.generator !== 'hugo') return;
    const root = topFolderOf(site, uri);
    for (let folder = uri.slice(0, uri.lastIndexOf('/')); folder.length >= root.length; folder = folder.slice(0, folder.lastIndexOf('/'))) {
      const count = (this.hugoDocumentsBelow.get(folder) ?? 0) + change;
      if (count === 0) this.hugoDocumentsBelow.delete(folder);
      else this.hugoDocumentsBelow.set(folder, count);
    }
  }

  /** Whether a file that came (1) or went (-1) may head a Hugo bundle with other documents in its folder or below: their pages change with it. */
  private headsHugoBundleAbove(uri: string, change: 1 | -1): boolean {
    if (!this.mayHeadHugoBundle(uri)) return false;
    return (this.hugoDocumentsBelow.get(uri.slice(0, uri.lastIndexOf('/'))) ?? 0) > (change === 1 ? 1 : 0);
  }

  /** Whether a file may head a Hugo bundle (`index.md`, `_index.de.md`, ...): the pages below it depend on it. */
  mayHeadHugoBundle(uri: string): boolean {
    return mayHeadHugoBundle(uri.slice(uri.lastIndexOf('/') + 1)) && this.siteFor(uri)?.generator === 'hugo';
  }

  /** Whether a file is a Hugo section's (or the home page's) `_index` file. */
  isHugoSectionFile(uri: string): boolean {
    return /\/_index(?:\.[^./]+)?\.md$/.test(uri) && this.siteFor(uri)?.generator === 'hugo';
  }

  /** Whether a Hugo section file may change the pages below it: it cascades front matter, or it is not built (and takes them out). */
  private shapesSectionBelow(document: ParsedDocument | undefined, page: SitePage | undefined): boolean {
    if (document === undefined) return false;
    return (document.frontMatter?.fields ?? []).some((field) => field.key.toLowerCase() === 'cascade') || (page !== undefined && !page.published);
  }

  /** Works out again the pages of the documents below a Hugo section file's folder. */
  private updatePagesBelow(sectionUri: string): void {
    for (const document of this.documentsBelow(sectionUri)) this.setParsedDocument(document);
  }

  /** The documents in a section file's folder and below it, but for itself. */
  documentsBelow(sectionUri: string): ParsedDocument[] {
    const site = this.siteFor(sectionUri);
    if (site?.generator === 'hugo' && site.hugo.contentSubmounts.length > 0) {
      // Where Hugo reads them: below the section's place in the content, mounted or not.
      const below = `${parentPath(hugoContentPath(site.hugo, pathInSite(site, sectionUri)))}/`;
      return [...this.documentsByUri.values()].filter((document) => document.uri !== sectionUri && this.siteFor(document.uri) === site && hugoContentPath(site.hugo, pathInSite(site, document.uri)).startsWith(below));
    }
    const folder = `${parentUri(sectionUri)}/`;
    return [...this.documentsByUri.values()].filter((document) => document.uri !== sectionUri && document.uri.startsWith(folder));
  }

  /**
   * After a doc of the default locale came, went or moved (its translation key `before` and
   * `after`): translations are built only while their original exists (Docusaurus reads the docs
   * folder and looks for a translation of each file), and an original is not built in the default
   * locale while its translation there (`i18n/<defaultLocale>/…`) exists; the files of the key whose
   * state differs are set again.
   */
  private updateTranslationsOf(uri: string, before: SitePage | undefined, after: SitePage | undefined): void {
    if (before === undefined && after === undefined) return;
    const site = this.siteFor(uri);
    if (site?.generator !== 'docusaurus') return;
    const { defaultLocale } = site.docusaurus;
    for (const key of new Set([before, after].filter((page) => page?.locale === defaultLocale).map((page) => page!.translationKey))) {
      for (const other of this.ofSite(site, this.urisByTranslationKey.get(key))) {
        const page = this.pageOf(other);
        const document = this.documentsByUri.get(other);
        if (page === undefined || document === undefined || other === uri) continue;
        // Learnt again where what the files beside it say of it changed (see `docusaurusTranslationState`).
        const state = this.docusaurusTranslationState(site, other, page);
        if ((page.unpublishedReason === 'no-original') !== (state === 'no-original') || (page.unpublishedReason === 'replaced') !== (state === 'replaced')) this.setParsedDocument(document);
      }
    }
  }

  /** Whether the docs folder has the file a translation translates (a file of the default locale that is no translation itself). */
  private hasOriginal(site: Site, translationKey: string, defaultLocale: string): boolean {
    return this.ofSite(site, this.urisByTranslationKey.get(translationKey)).some((uri) => this.pageOf(uri)?.locale === defaultLocale && !isDocsTranslation(pathInSite(site, uri)));
  }

  /**
   * What the other files of its translation key make of a Docusaurus doc: a translation (in any
   * locale, the default one's `i18n/<defaultLocale>/…` too) of no file in the docs folder is not
   * read; an original that its translation into the default locale replaces is not built there.
   */
  private docusaurusTranslationState(site: Site, uri: string, page: SitePage): 'no-original' | 'replaced' | undefined {
    if (site.generator !== 'docusaurus' || page.generator !== 'docusaurus') return undefined;
    const { defaultLocale } = site.docusaurus;
    if (page.locale !== defaultLocale || isDocsTranslation(pathInSite(site, uri))) return this.hasOriginal(site, page.translationKey, defaultLocale) ? undefined : 'no-original';
    const replacedBy = this.ofSite(site, this.urisByTranslationKey.get(page.translationKey)).some((other) => other !== uri && this.pageOf(other)?.locale === defaultLocale && isDocsTranslation(pathInSite(site, other)));
    return replacedBy ? 'replaced' : undefined;
  }

  /**
   * Sets the sites the files belong to (from their configuration, or assumed from the layout) and
   * works out every document's page again. Without sites, a file below a folder named `docs` is
   * taken to be in a Docusaurus site with the default settings, see `assumedSiteFor`.
   */
  setSites(sites: Site[], configProblems: SiteConfigProblems[] = []): void {
    this.sites = sites;
    this.namedTagsFilesMemo = undefined;
    this.configProblems = configProblems;
    this.sitesByFolder.clear();
    this.answersByPages.clear();
    this.hugoPageTable = undefined;
    this.hugoDocumentsBelow.clear();
    for (const uri of this.documentsByUri.keys()) this.countHugoDocument(uri, 1);
    for (const document of [...this.documentsByUri.values()]) this.setParsedDocument(document);
  }

  /** The problems of the sites' configuration files. */
  siteConfigProblems(): readonly SiteConfigProblems[] {
    return this.configProblems;
  }

  /** The site a file belongs to. */
  siteFor(uri: string): Site | undefined {
    const folder = uri.slice(0, uri.lastIndexOf('/') + 1);
    let known = this.sitesByFolder.get(folder);
    if (known === undefined) {
      known = { site: this.sites.length > 0 ? siteOf(this.sites, uri) : this.assumedSiteFor(uri) };
      this.sitesByFolder.set(folder, known);
    }
    return known.site;
  }

  private assumedSiteFor(uri: string): Site | undefined {
    const assumed = assumedSiteFor(uri);
    if (assumed === undefined) return undefined;
    // One site object per site root, as every file of the site shares it.
    if (!this.assumedSites.has(assumed.rootUri)) this.assumedSites.set(assumed.rootUri, assumed);
    return this.assumedSites.get(assumed.rootUri);
  }

  /**
   * The site, when the glossary belongs to one only: the site a note outside its content folders
   * links into with absolute routes.
   */
  onlySite(): Site | undefined {
    const sites = this.sites.length > 0 ? this.sites : [...this.assumedSites.values()];
    return sites.length === 1 ? sites[0] : undefined;
  }

  /** What the site makes of a document of the index: its route, locale, doc id, whether it is built. */
  pageOf(uri: string): SitePage | undefined {
    return (this.pagesByUri.get(uri) ?? this.pagesByUri.get(canonicalUri(uri)))?.page;
  }

  /**
   * The pages (URIs) of the leaf bundle a Hugo bundle's resource goes with: the `index` files of the
   * nearest folder above it that holds any (one a language); none where no such file is known.
   */
  hugoLeafBundleHeadersOf(uri: string): string[] {
    const root = this.siteFor(uri)?.rootUri.replace(/\/$/, '');
    for (let folder = parentUri(uri); root !== undefined && folder.startsWith(`${root}/`); folder = parentUri(folder)) {
      const names = [...(this.bundleHeadersByFolder.get(uriPath(folder)) ?? [])].filter((name) => name.startsWith('index.'));
      if (names.length > 0) return names.map((name) => `${folder}/${name}`);
    }
    return [];
  }

  /** What the site would make of a file with these front-matter fields, at a URI the index may not have yet (rename). */
  pageFor(uri: string, fields: readonly FrontMatterField[]): SitePage | undefined {
    const site = this.siteFor(uri);
    return site === undefined ? undefined : sitePageOn(site, uri, fields, this.hugoFilesAround);
  }

  /** Whether the site builds a document of the index (see `isBuiltOn`). */
  isBuilt(uri: string): boolean {
    return isBuiltOn(this.siteFor(uri), this.pageOf(uri));
  }

  /** How many documents' pages a site builds at a URL path: a count, without building the list where there is one (every page is asked). */
  documentCountAtPermalink(site: Site, path: string): number {
    const uris = this.urisByPermalink.get(permalinkKey(path));
    return uris.size < 2 ? uris.size : this.ofSite(site, uris).length;
  }

  /** The documents whose pages a site builds at a URL path, however its case and final slash are written. */
  documentsAtPermalink(site: Site, path: string): ParsedDocument[] {
    return this.ofSite(site, this.urisByPermalink.get(permalinkKey(path))).map((uri) => this.documentsByUri.get(uri)).filter((document) => document !== undefined);
  }

  /**
   * The documents of a site, of some with one permalink, doc id or translation key: the tables key
   * them without their site, and several sites may build the same paths (a repository's `website/`
   * and `handbuch/`).
   */
  private ofSite(site: Site | undefined, uris: Iterable<string>): string[] {
    // One configured site holds every page these tables key (a group of n duplicates asks n times).
    if (this.sites.length === 1 && site === this.sites[0]) return [...uris];
    const of: string[] = [];
    for (const uri of uris) if (this.siteFor(uri)?.rootUri === site?.rootUri) of.push(uri);
    return of;
  }

  /** The documents of a translation key: a page and its translations, by path. */
  documentsWithTranslationKey(translationKey: string): string[] {
    return [...this.urisByTranslationKey.get(translationKey)].sort();
  }

  /** The same page in the site's other locales: the documents sharing a document's translation key, by path. */
  translationsOf(uri: string): string[] {
    const page = this.pageOf(uri);
    return page === undefined ? [] : this.ofSite(this.siteFor(uri), this.urisByTranslationKey.get(page.translationKey)).filter((other) => other !== uri).sort();
  }

  /**
   * The locale of a document's page when its site builds several, else undefined: a glossary in
   * one language has no locale to choose by.
   */
  multilingualLocaleOf(uri: string): string | undefined {
    const site = this.siteFor(uri);
    return site !== undefined && localesOf(site).length > 1 ? this.pageOf(uri)?.locale : undefined;
  }

  /**
   * The term that a page in `locale` means by a term: its translation in that locale, else the one
   * in the site's default locale (where the generator falls back to), else the term itself.
   */
  termForLocale(uri: string, locale: string): string {
    const page = this.pageOf(uri);
    const site = this.siteFor(uri);
    if (page === undefined || site === undefined || page.locale === locale) return uri;
    const translations = this.translationsOf(uri).filter((other) => this.linkableTermOf(other) !== undefined);
    for (const wanted of [locale, defaultLocaleOf(site)]) {
      const found = translations.find((other) => this.pageOf(other)?.locale === wanted);
      if (found !== undefined) return found;
    }
    return uri;
  }

  /**
   * Of terms that share a name, those a page in `locale` means: each as that locale has it
   * (`termForLocale`), and only those in the locale itself if any are.
   */
  termsForLocale(uris: readonly string[], locale: string): string[] {
    const asInLocale = [...new Set(uris.map((uri) => this.termForLocale(uri, locale)))];
    const own = asInLocale.filter((uri) => this.pageOf(uri)?.locale === locale);
    return own.length > 0 ? own : asInLocale;
  }

  /** The documents a site builds with a page's doc id in its instance, version and locale (itself included), by path. */
  documentsWithDocId(site: Site, page: SitePage): string[] {
    return this.ofSite(site, this.urisByDocId.get(docIdKey(page))).sort();
  }

  /**
   * Whether a doc id is built in a page's instance and version, as the page's locale sees it: its
   * own translations, and the default locale's pages, which every locale builds where untranslated.
   */
  isBuiltDocId(site: Site, page: Pick<SitePage, 'instance' | 'version' | 'locale'>, docId: string, defaultLocale: string): boolean {
    return this.ofSite(site, this.urisByDocId.get(docIdKey({ ...page, docId }))).length > 0 || this.ofSite(site, this.urisByDocId.get(docIdKey({ ...page, docId, locale: defaultLocale }))).length > 0;
  }

  /**
   * Whether a sidebar of a docs instance's version may name a doc id: a doc of the version has it
   * in the default locale, built or a draft (which Docusaurus takes out of its sidebars).
   */
  isSidebarDocId(site: Site, place: Pick<SitePage, 'instance' | 'version' | 'locale'>, docId: string): boolean {
    const key = docIdKey({ ...place, docId });
    return this.ofSite(site, this.urisByDocId.get(key)).length > 0 || this.ofSite(site, this.draftsByDocId.get(key)).length > 0;
  }

  /** Whether the path would be a post of a blog whose folder the glossary's scope takes in (see `blogOfPostPath`). */
  private holdsBlogOf(site: Site, path: string): boolean {
    const blog = site.generator === 'docusaurus' && site.assumed !== true ? blogOfPostPath(site.docusaurus, path)?.blog : undefined;
    return blog !== undefined && this.scopeContains?.(`${uriToFsPath(blog.uri).replace(/\/$/, '')}/index.md`) === true;
  }

  /** Whether the path would be a tag's page of a docs version whose folder the glossary's scope takes in (see `docsTagPagePlace`). */
  private holdsTaggedDocsOf(site: Site, path: string): boolean {
    const place = site.generator === 'docusaurus' && site.assumed !== true ? docsTagPagePlace(site.docusaurus, path) : undefined;
    if (place === undefined) return false;
    const folder = versionFolderOf(place.instance, place.version);
    return this.scopeContains?.(`${[uriToFsPath(site.rootUri).replace(/\/$/, ''), folder].filter((part) => part !== '').join('/')}/index.md`) === true;
  }

  /** Documents whose front matter names other docs by id (`pagination_next`, `pagination_prev`): their problems follow those docs. */
  documentsNamingDocIds(): ReadonlySet<string> {
    return this.namingDocIds;
  }

  /** Documents with Hugo `ref` shortcodes, or shortcodes whose templates hand a parameter to `ref`: their problems follow every page of their site. */
  documentsWithHugoRefs(): ReadonlySet<string> {
    return this.hugoRefHolders;
  }

  /**
   * Whether a link to a URL path that reaches no page is broken: it lies in a section of the docs
   * (of a Hugo site's content) where the index holds pages. A section it holds none of
   * (`/docs/References/`, when the workspace is only the glossary's part of the docs) may have pages
   * the index does not see; but where a version the site does not build would be served, there is none.
   */
  judgesLinksTo(site: Site, path: string): boolean {
    const section = docsSectionOf(site, path);
    if (section === undefined) return inUnbuiltVersion(site, path) || inKnownTopLevel(site, path) || this.holdsBlogOf(site, path) || this.holdsTaggedDocsOf(site, path);
    if ((this.pagesBySection.get(section) ?? 0) > 0 || inUnbuiltVersion(site, path)) return true;
    // A section with no page held: none is there where the workspace would hold its files (a folder of the docs
    // the glossary's scope takes in), else its pages are out of the workspace's view. Not in a site assumed
    // for a docs folder without its configuration, which may be a part of a site held elsewhere.
    if (site.assumed === true) return false;
    const folder = docsSectionFolderOf(site, path);
    if (folder === undefined) return false;
    // Hugo 0.126 and later make pages of a content adapter's data too.
    if (site.generator === 'hugo' && this.whatIsAt(withPath(site.rootUri, `${uriPath(site.rootUri).replace(/\/$/, '')}/${folder}/_content.gotmpl`)) === 'file') return false;
    return this.scopeContains?.(`${uriToFsPath(site.rootUri).replace(/\/$/, '')}/${folder}/index.md`) === true;
  }

  private learnPage(document: ParsedDocument): void {
    const site = this.siteFor(document.uri);
    let page = site === undefined ? undefined : sitePageOn(site, document.uri, document.frontMatter?.fields ?? [], this.hugoFilesAround);
    // An entry titled by no text is titled by its id, which only its site knows in full (see `untitledEntryTitle`): a new term, so that its names are learnt again.
    const idTitle = document.term !== undefined && document.term.titleRange === undefined ? untitledEntryTitle(document.term, page) : undefined;
    if (idTitle !== undefined && idTitle !== document.term!.title) document.term = { ...document.term!, title: idTitle };
    // A translation of no file in the docs folder is not read, an original its default locale's translation replaces not built (see `updateTranslationsOf`).
    const translationState = page?.published && site?.generator === 'docusaurus' ? this.docusaurusTranslationState(site, document.uri, page) : undefined;
    if (translationState !== undefined) page = { ...page!, published: false, unpublishedReason: translationState, unlisted: false, permalink: '', route: '' };
    if (page !== undefined) {
      const permalinks = reachablePermalinks(site!, page);
      const permalinkKeys = permalinks.map(permalinkKey);
      // Cut to its length, as the lists of documents are (see `exactLists`).
      const sections = permalinks.map((path) => docsSectionOf(site!, path)).filter((section) => section !== undefined).slice();
      this.pagesByUri.set(document.uri, { page, permalinkKeys, sections });
      for (const key of permalinkKeys) this.urisByPermalink.add(key, document.uri);
      if (page.published) this.urisByDocId.add(docIdKey(page), document.uri);
      else if (page.unpublishedReason === 'draft') this.draftsByDocId.add(docIdKey(page), document.uri);
      this.urisByTranslationKey.add(page.translationKey, document.uri);
      for (const section of sections) this.pagesBySection.set(section, (this.pagesBySection.get(section) ?? 0) + 1);
    }
    if (page !== undefined && (document.frontMatter?.fields ?? []).some((field) => PAGINATION_KEYS.has(field.key))) this.namingDocIds.add(document.uri);
    const refShortcodes = site?.generator === 'hugo' ? site.hugo.refShortcodeParameters : undefined;
    if (page?.generator === 'hugo' && (document.hugoRefs !== undefined || document.hugoShortcodes?.some((shortcode) => refShortcodes?.has(shortcode.name)))) this.hugoRefHolders.add(document.uri);
    // An entry is a term to link to when its page is built; with no site to say, every entry is.
    const published = isBuiltOn(site, page);
    if (document.term !== undefined && !published) this.unpublishedEntries.add(document.uri);
  }

  private forgetPage(uri: string): void {
    const known = this.pagesByUri.get(uri);
    for (const key of known?.permalinkKeys ?? []) this.urisByPermalink.delete(key, uri);
    if (known?.page.published) this.urisByDocId.delete(docIdKey(known.page), uri);
    else if (known?.page.unpublishedReason === 'draft') this.draftsByDocId.delete(docIdKey(known.page), uri);
    if (known !== undefined) this.urisByTranslationKey.delete(known.page.translationKey, uri);
    for (const section of known?.sections ?? []) {
      const count = this.pagesBySection.get(section)! - 1;
      if (count === 0) this.pagesBySection.delete(section);
      else this.pagesBySection.set(section, count);
    }
    this.pagesByUri.delete(uri);
    this.unpublishedEntries.delete(uri);
    this.namingDocIds.delete(uri);
    this.hugoRefHolders.delete(uri);
  }

  /** The term of a document of the index, when it is one to link to: an entry whose page the site builds. */
  linkableTermOf(uri: string): GlossaryTerm | undefined {
    return this.publishedTermOf(this.getDocument(uri));
  }

  /** A document's term, when it is one to link to: an entry whose page the site builds. */
  private publishedTermOf(document: ParsedDocument | undefined): GlossaryTerm | undefined {
    return document === undefined || this.unpublishedEntries.has(document.uri) ? undefined : document.term;
  }

  removeDocument(uri: string): void {
    const key = canonicalUri(uri);
    const document = this.documentsByUri.get(key);
    if (document === undefined) return;
    this.forgetUses(document, linkTargetsOf(document));
    this.signatures.delete(key);
    this.linksChanged();
    this.answersByNames.clear();
    const term = this.publishedTermOf(document);
    if (term !== undefined) {
      this.forgetTerm(term);
      this.updateCompletionTable(term, undefined);
      this.matcher.removeTerm(key);
    }
    const page = this.pagesByUri.get(key)?.page;
    this.forgetPage(key);
    this.answersByPages.clear();
    this.documentsByUri.delete(key);
    const composedKey = this.composedUris.get(key);
    if (composedKey !== undefined) {
      this.urisByComposedUri.delete(composedKey, key);
      this.composedUris.delete(key);
    }
    this.learnFolders(key, -1);
    this.updateTranslationsOf(key, page, undefined);
    if ((this.isHugoSectionFile(key) && this.shapesSectionBelow(document, page)) || this.headsHugoBundleAbove(key, -1)) this.updatePagesBelow(key);
    this.updateLanguageTwinOf(key);
  }

  private learnComposedUri(uri: string): void {
    const composedKey = composedUri(uri);
    if (composedKey === uri) return;
    this.urisByComposedUri.add(composedKey, uri);
    this.composedUris.set(uri, composedKey);
  }

  /** The key under which links to a file are kept: its URI, composed; known without work for a file of the index. */
  private linkKeyOf(uri: string): string {
    return this.composedUris.get(uri) ?? (this.documentsByUri.has(uri) ? uri : composedUri(uri));
  }

  /**
   * The document a link's target URI names, however the link and the file name compose their
   * characters (NFC or NFD): the exact spelling first, else the composed one, else a file whose
   * name composes to it (the first by URI, should two do).
   */
  documentAtLink(uri: string): ParsedDocument | undefined {
    const exact = this.getDocument(uri);
    if (exact !== undefined) return exact;
    const composedKey = composedUri(canonicalUri(uri));
    const spellings = this.urisByComposedUri.get(composedKey);
    const first = [...spellings].sort()[0];
    return this.documentsByUri.get(composedKey) ?? (first === undefined ? undefined : this.documentsByUri.get(first));
  }

  private learnUses(document: ParsedDocument, targets: LinkTargets): void {
    for (const name of fileNamesOf(document)) this.filesNamed.add(name, document.uri);
    this.learnImports(document, 1);
    for (const tag of tagsOf(document)) this.tagUsers.add(tag, document.uri);
    for (const uri of targets.uris) this.linksByUri.add(uri, document.uri);
    for (const id of targets.ids) this.linksById.add(id, document.uri);
    for (const name of targets.names) this.linksByName.add(name, document.uri);
  }

  private forgetUses(document: ParsedDocument | undefined, targets: LinkTargets | undefined): void {
    if (document === undefined || targets === undefined) return;
    for (const name of fileNamesOf(document)) this.filesNamed.delete(name, document.uri);
    this.learnImports(document, -1);
    for (const tag of tagsOf(document)) this.tagUsers.delete(tag, document.uri);
    for (const uri of targets.uris) this.linksByUri.delete(uri, document.uri);
    for (const id of targets.ids) this.linksById.delete(id, document.uri);
    for (const name of targets.names) this.linksByName.delete(name, document.uri);
  }

  /** Tells the index which Markdown files the glossary's scope takes in (see `judgesLinksTo`). */
  setScope(contains: (filePath: string) => boolean): void {
    this.scopeContains = contains;
  }

  /** Tells the index how to look at disk for the files images and links name (see `whatIsAt`). */
  setPathProbe(probe: PathProbe): void {
    this.pathProbe = probe;
  }

  /** What is on disk at a URI: a file, a folder, nothing; undefined where that cannot be told. */
  whatIsAt(uri: string): PathKind | undefined {
    return this.pathProbe?.(uri);
  }

  /**
   * The documents of a Hugo site's pages in a language at a key as Hugo keeps its pages: the path
   * in the language's content, in lower case, without extension or language (`/docs/features/lb`,
   * a leaf bundle's `/docs/b`, a section's `/docs/_index`). The table is made on the first
   * question after files came or went: only `.GetPage` render hooks ask (see `termLinks.ts`).
   */
  hugoPagesAt(site: Site, locale: string, key: string): ParsedDocument[] {
    const uris = this.hugoPages().urisByKey.get(`${site.rootUri}\0${locale}\0${key}`) ?? [];
    return uris.map((uri) => this.documentsByUri.get(uri)!);
  }

  /** Whether a Hugo site has a top-level folder of content in a language (`/docs/`): Hugo makes it a section. */
  hasHugoTopSection(site: Site, locale: string, folder: string): boolean {
    return this.hugoPages().topSections.has(`${site.rootUri}\0${locale}\0${folder}`);
  }

  /** Whether a top-level folder of a Hugo site's content in a language (`/docs/`) holds a page the site builds: Hugo makes a section page of it, with a file or without. */
  hugoTopSectionBuilt(site: Site, locale: string, folder: string): boolean {
    return (this.hugoPages().topSections.get(`${site.rootUri}\0${locale}\0${folder}`) ?? []).some((uri) => this.pageOf(uri)?.published === true);
  }

  private hugoPages(): { urisByKey: Map<string, string[]>; topSections: Map<string, string[]> } {
    if (this.hugoPageTable !== undefined) return this.hugoPageTable;
    const table = { urisByKey: new Map<string, string[]>(), topSections: new Map<string, string[]>() };
    for (const [uri, { page }] of this.pagesByUri) {
      if (page.generator !== 'hugo') continue;
      const prefix = `${this.siteFor(uri)!.rootUri}\0${page.locale}\0`;
      // A leaf bundle's `index.md` (in lower case: `Index.md` is a page of that name) is kept as its folder.
      const key = `/${page.docId}`.replace(/\/index$/, '').toLowerCase();
      const uris = table.urisByKey.get(prefix + key);
      if (uris === undefined) table.urisByKey.set(prefix + key, [uri]);
      else uris.push(uri);
      const top = key.indexOf('/', 1);
      if (top === -1) continue;
      const section = table.topSections.get(prefix + key.slice(0, top + 1));
      if (section === undefined) table.topSections.set(prefix + key.slice(0, top + 1), [uri]);
      else section.push(uri);
    }
    return (this.hugoPageTable = table);
  }

  /** The documents whose images or links to files may name a file that came or went: by its name, in any case. */
  documentsNamingFile(uri: string): ReadonlySet<string> {
    const filePath = uriPath(uri);
    return this.filesNamed.get(filePath.slice(filePath.lastIndexOf('/') + 1).toLowerCase());
  }

  /**
   * The documents whose MDX asks for a module that may be one of these files (see `moduleTarget`):
   * a request's last segment, in any case, is the file's name, with or without its extension, or
   * the folder of an `index` or `package.json`.
   */
  documentsImportingAny(uris: readonly string[]): Set<string> {
    const importing = new Set<string>();
    for (const uri of uris) {
      const segments = uriPath(uri).toLowerCase().split('/');
      const name = segments[segments.length - 1];
      const names = [name, name.replace(/\.[^.]*$/, '')];
      if (/^index\.|^package\.json$/.test(name) && segments.length > 1) names.push(segments[segments.length - 2]);
      for (const each of names) for (const importer of this.importers.get(each)) importing.add(importer);
    }
    return importing;
  }

  /**
   * Reads an open document's MDX again in place (`read` changes its MDX facts, as typing pauses):
   * the modules it imports are learnt again around it.
   */
  readMdxInPlace(uri: string, read: (document: ParsedDocument) => void): void {
    const document = this.documentsByUri.get(canonicalUri(uri));
    if (document === undefined) return;
    this.learnImports(document, -1);
    read(document);
    this.learnImports(document, 1);
  }

  /** Counts a document's imports coming (1) or going (-1) in `importers`. */
  private learnImports(document: ParsedDocument, change: 1 | -1): void {
    for (const module of document.mdxModules ?? []) {
      if (change === 1) this.importers.add(lastSegmentOf(module.request), document.uri);
      else this.importers.delete(lastSegmentOf(module.request), document.uri);
    }
  }

  /** The documents that link to a term, in any link style, whether or not it exists yet. */
  documentsLinkingTo(term: Pick<GlossaryTerm, 'uri' | 'id' | 'title' | 'aliases'>): Set<string> {
    const sources = new Set([...this.linksByUri.get(this.linkKeyOf(term.uri)), ...this.linksById.get(this.routeLinkKeyOf(term))]);
    for (const name of namesOf(term)) for (const uri of this.linksByName.get(nameKey(name))) sources.add(uri);
    return sources;
  }

  /**
   * How many links point at a term, counted per document and link style, without building sets:
   * completion ranks every matching term by it on each keystroke.
   */
  incomingLinkCount(term: GlossaryTerm): number {
    let count = this.linksByUri.count(this.linkKeyOf(term.uri)) + this.linksById.count(this.routeLinkKeyOf(term));
    for (const key of nameKeysOf(term)) count += this.linksByName.count(key);
    return count;
  }

  /**
   * The names completion offers before anything is typed: the terms most linked to first, then by
   * name; the first `limit` titles and the first `limit` names (titles and aliases), with how many
   * there are in all. Chosen by a bounded heap, not a sort of the glossary; kept until a link target
   * or a term's names change, and given by URI, as an edit that keeps both still replaces the term's
   * other details.
   */
  namesRankedByLinks(limit: number): NameRanking {
    if (this.namesByLinks === undefined || this.namesByLinks.limit < limit) {
      const titles: RankedEntry[] = [];
      const names: RankedEntry[] = [];
      for (const term of this.terms()) {
        const links = this.incomingLinkCount(term);
        matchableNamesOf(term).forEach((name, position) => {
          const entry = { uri: term.uri, position, links, name: name.transliterated };
          names.push(entry);
          if (position === 0) titles.push(entry);
        });
      }
      this.namesByLinks = { limit, titles: smallest(titles, limit, byLinksThenName), names: smallest(names, limit, byLinksThenName), titleCount: titles.length, nameCount: names.length };
    }
    return this.namesByLinks;
  }

  /** The signature of a document's text as last read, until the document changes. */
  textSignatureOf(uri: string): TextSignature | undefined {
    return this.signatures.get(uri);
  }

  rememberTextSignature(uri: string, signature: TextSignature): void {
    if (this.documentsByUri.has(uri)) this.signatures.set(uri, signature);
  }

  /** An answer computed from the pages of the index (under a key of the feature's own), remembered until a file comes or goes, its front matter changes, or the sites do. */
  rememberedByPages<T>(key: string, compute: () => T): T {
    if (!this.answersByPages.has(key)) this.answersByPages.set(key, compute());
    return this.answersByPages.get(key) as T;
  }

  /**
   * An answer that depends only on the terms' names, ids and files (such as the nearest name to a
   * misspelt one), computed once and kept until a term is added, removed or renamed. At most
   * MAX_REMEMBERED answers are kept, so memory does not grow with the edits of a session.
   */
  rememberedByNames<T>(key: string, compute: () => T): T {
    if (this.answersByNames.has(key)) return this.answersByNames.get(key) as T;
    const answer = compute();
    if (this.answersByNames.size >= MAX_REMEMBERED) this.answersByNames.clear();
    this.answersByNames.set(key, answer);
    return answer;
  }

  private linksChanged(): void {
    this.linksVersion++;
    this.namesByLinks = undefined;
  }

  /**
   * `incomingLinkCount` of a completion entry's term, kept on the entry until a link target or a
   * name changes: typing in prose keeps every count, and completion ranks thousands of entries.
   */
  linkCountOf(entry: CompletionEntry): number {
    if (entry.linksCountedAt !== this.linksVersion) {
      const term = this.termOf(entry.uri);
      entry.links = term === undefined ? 0 : this.incomingLinkCount(term);
      entry.linksCountedAt = this.linksVersion;
    }
    return entry.links!;
  }

  /** Every tag used in the glossary's front matter, with the number of entries using it. */
  *tagUsage(): Generator<[string, number]> {
    for (const tag of this.tagUsers.keys()) yield [tag, this.tagUsers.count(tag)];
  }

  /** The entries that use a tag. */
  documentsUsingTag(tag: string): ReadonlySet<string> {
    return this.tagUsers.get(tag);
  }

  /** The terms whose routes lie in a folder (`/docs/Glossar/A-Glossar/`). */
  termsInRouteFolder(folder: string): GlossaryTerm[] {
    return this.termsOf(this.termsByRouteFolder.get(permalinkKey(folder)));
  }

  /** The route of a term's page, as a link in a page of its locale writes it; undefined when the site model has none. */
  routeOf(term: Pick<GlossaryTerm, 'uri'>): string | undefined {
    const page = this.pageOf(term.uri);
    return page?.published ? page.route : undefined;
  }

  private routeFolderKeyOf(term: GlossaryTerm): string | undefined {
    const route = this.routeOf(term);
    // Decoded, as links are read (Hugo writes a route percent-encoded).
    return route === undefined ? undefined : permalinkKey(safeDecode(route.replace(/[^/]*\/?$/, '')));
  }

  /** The key under which route links reach a term: the last segment of its route, else its id. */
  private routeLinkKeyOf(term: Pick<GlossaryTerm, 'uri' | 'id'>): string {
    const segments = (this.routeOf(term) ?? term.id).split('/').filter((segment) => segment !== '');
    return routeKey(segments.length > 0 ? safeDecode(segments[segments.length - 1]) : term.id);
  }

  private learnTerm(term: GlossaryTerm): void {
    this.termTotal++;
    const routeFolder = this.routeFolderKeyOf(term);
    if (routeFolder !== undefined) this.termsByRouteFolder.add(routeFolder, term.uri);
    this.urisById.add(composed(term.id), term.uri);
    for (const name of namesOf(term)) this.urisByName.add(nameKey(name), term.uri);
  }

  private forgetTerm(term: GlossaryTerm): void {
    this.termTotal--;
    const routeFolder = this.routeFolderKeyOf(term);
    if (routeFolder !== undefined) this.termsByRouteFolder.delete(routeFolder, term.uri);
    this.urisById.delete(composed(term.id), term.uri);
    for (const name of namesOf(term)) this.urisByName.delete(nameKey(name), term.uri);
  }

  /** Moves a term in the completion table, once it is built or being built, when its names change. */
  private updateCompletionTable(previous: GlossaryTerm | undefined, next: GlossaryTerm | undefined): void {
    if (this.completionTable === undefined || sameTermNames(previous, next)) return;
    if (previous !== undefined) for (const key of completionKeys(previous)) this.completionTable.delete(key, previous.uri);
    if (next !== undefined) this.addToCompletionTable(next);
    if (next !== undefined && this.completionTableToAdd !== undefined) this.addedWhileBuilding.add(next.uri);
  }

  /**
   * Terms with a name, or a word of a name, starting with these two folded letters: every term a
   * query starting with them matches by prefix or word prefix. Undefined until the table is built.
   */
  termsWithWordStart(letters: string): readonly CompletionEntry[] | undefined {
    return this.completionTableReady() ? this.completionTable!.get(letters) : undefined;
  }

  /** Every term as a completion entry: what a scan of the whole glossary ranks. */
  *completionEntries(): Generator<CompletionEntry> {
    for (const term of this.terms()) yield { uri: term.uri, names: matchableNamesOf(term) };
  }

  private addToCompletionTable(term: GlossaryTerm): void {
    // Links counted now, while the table is built between requests, not by the first completions.
    const entry = { uri: term.uri, names: matchableNamesOf(term), links: this.incomingLinkCount(term), linksCountedAt: this.linksVersion };
    for (const key of completionKeys(term)) this.completionTable!.add(key, entry);
  }

  /**
   * Terms that may match a folded query of two letters or more in any way completion ranks
   * (prefix, word prefix, initials, substring): a superset of those that do, from the table.
   * Undefined for shorter queries and until the table is built: then every term may match.
   */
  termsMaybeMatching(query: string): Iterable<CompletionEntry> | undefined {
    if (query.length < 2 || !this.completionTableReady()) return undefined;
    const table = this.completionTable!;
    const keys = completionKeysFor(query);
    // A substring match has every pair of letters of the query: the rarest one narrows most.
    const rarestPair = keys.pairs.reduce((best, key) => (table.count(key) < table.count(best) ? key : best));
    // One entry object per term in the table: a set of them holds each term once.
    const entries = new Set<CompletionEntry>();
    for (const key of [keys.wordStart, keys.initials, rarestPair, LONG_NAME_KEY]) for (const entry of table.get(key)) entries.add(entry);
    return entries;
  }

  private completionTableReady(): boolean {
    return this.completionTable !== undefined && this.completionTableToAdd === undefined;
  }

  /**
   * Builds the completion table until `deadline` (a `performance.now()` time), so a server can
   * build it between requests; true once it is complete. Terms whose names change meanwhile are
   * added by `updateCompletionTable`, and the walk over the live map skips them.
   */
  prepareCompletionTable(deadline: number): boolean {
    if (this.completionTable === undefined) {
      this.completionTable = new EntryLists();
      this.completionTableToAdd = this.documentsByUri.values();
    }
    const pending = this.completionTableToAdd;
    if (pending === undefined) return true;
    do {
      const next = pending.next();
      if (next.done) {
        this.completionTableToAdd = undefined;
        this.addedWhileBuilding.clear();
        return true;
      }
      const term = this.publishedTermOf(next.value);
      if (term !== undefined && !this.addedWhileBuilding.has(term.uri)) this.addToCompletionTable(term);
    } while (performance.now() < deadline);
    return false;
  }

  /** Terms whose front matter id (or file name, without one) is exactly this, however its characters compose. */
  termsWithId(id: string): GlossaryTerm[] {
    return this.termsOf(this.urisById.get(composed(id)));
  }

  /** Terms called this, by title, alias or id, ignoring case, umlaut spelling and punctuation. */
  termsNamed(name: string): GlossaryTerm[] {
    return this.termsOf(this.urisByName.get(nameKey(name)));
  }

  private termsOf(uris: ReadonlySet<string>): GlossaryTerm[] {
    return [...uris].map((uri) => this.documentsByUri.get(uri)?.term).filter((term) => term !== undefined);
  }

  /** Forgets every document and tags file, before the workspace is read again. */
  clear(): void {
    for (const uri of [...this.documentsByUri.keys()]) this.removeDocument(uri);
    this.tagsFilesByUri.clear();
    this.tagsFilesByFolder.clear();
  }

  getDocument(uri: string): ParsedDocument | undefined {
    // Most lookups come with the spelling the index itself gave out.
    return this.documentsByUri.get(uri) ?? this.documentsByUri.get(canonicalUri(uri));
  }

  documents(): IterableIterator<ParsedDocument> {
    return this.documentsByUri.values();
  }

  get documentCount(): number {
    return this.documentsByUri.size;
  }

  get termCount(): number {
    return this.termTotal;
  }

  /** Every term to link to: the entries whose pages the site builds. */
  *terms(): Generator<GlossaryTerm> {
    for (const document of this.documentsByUri.values()) {
      const term = this.publishedTermOf(document);
      if (term !== undefined) yield term;
    }
  }

  termOf(uri: string): GlossaryTerm | undefined {
    return this.getDocument(uri)?.term;
  }

  setTagsFile(uri: string, text: string): TagsFile {
    const tagsFile = parseTagsFile(canonicalUri(uri), text);
    this.tagsFilesByUri.set(tagsFile.uri, tagsFile);
    if (tagsFile.uri.endsWith(`/${TAGS_FILE_NAME}`)) this.tagsFilesByFolder.set(parentUri(tagsFile.uri), tagsFile);
    return tagsFile;
  }

  removeTagsFile(uri: string): void {
    const key = canonicalUri(uri);
    this.tagsFilesByUri.delete(key);
    const folder = parentUri(key);
    if (this.tagsFilesByFolder.get(folder)?.uri === key) this.tagsFilesByFolder.delete(folder);
  }

  tagsFiles(): IterableIterator<TagsFile> {
    return this.tagsFilesByUri.values();
  }

  getTagsFile(uri: string): TagsFile | undefined {
    return this.tagsFilesByUri.get(canonicalUri(uri));
  }

  /**
   * Whether a file is a tags file: one named `tags.yml`, or the file a configured Docusaurus site's
   * docs or blog plugin names in its `tags` option.
   */
  isTagsFile(uri: string): boolean {
    return uri.endsWith(`/${TAGS_FILE_NAME}`) || this.namedTagsFiles().has(canonicalUri(uri));
  }

  /** The files (URIs) the `tags` options of configured Docusaurus sites name other than `tags.yml`, where the plugins look for them, there or not. */
  namedTagsFiles(): Set<string> {
    return (this.namedTagsFilesMemo ??= new Set(this.sites.flatMap((site) => (site.generator === 'docusaurus' && site.assumed !== true ? namedTagsFiles(site.docusaurus, site.rootUri).map(canonicalUri) : []))));
  }

  /** Makes one tags file, loaded with setTagsFile, apply to every document (a setting). */
  setTagsFileOverride(uri: string | undefined): void {
    this.tagsFileOverrideUri = uri === undefined ? undefined : canonicalUri(uri);
  }

  /**
   * The tags files (URIs) a configured Docusaurus site's docs or blog plugin looks for a doc's or
   * post's tags in, in order (`docsTagsFiles`, `blogTagsFiles`): none where its `tags` option reads
   * none; undefined for any other file, whose tags file is the nearest `tags.yml` in its folder or above.
   */
  pluginTagsFilesOf(documentUri: string): string[] | undefined {
    const site = this.siteFor(documentUri);
    if (site?.generator !== 'docusaurus' || site.assumed === true) return undefined;
    const root = site.rootUri.replace(/\/$/, '');
    const docs = docsTagsFiles(site.docusaurus, pathInSite(site, documentUri));
    if (docs !== undefined) return docs.map((file) => canonicalUri(`${root}/${file}`));
    return blogTagsFiles(site.docusaurus, root, canonicalUri(documentUri))?.map(canonicalUri);
  }

  /** The tags file that governs a document: the override, else a Docusaurus doc's or post's own (`pluginTagsFilesOf`), else the nearest `tags.yml` in its folder or above. */
  tagsFileFor(documentUri: string): TagsFile | undefined {
    if (this.tagsFileOverrideUri !== undefined) return this.getTagsFile(this.tagsFileOverrideUri);
    // A configured Docusaurus site's doc or post: its plugin reads the file its options name there, not one above or below that folder.
    const pluginFiles = this.pluginTagsFilesOf(documentUri);
    if (pluginFiles !== undefined) {
      for (const file of pluginFiles) {
        const tagsFile = this.tagsFilesByUri.get(file);
        if (tagsFile !== undefined) return tagsFile;
      }
      return undefined;
    }
    for (const folder of ancestorFolders(canonicalUri(documentUri))) {
      const tagsFile = this.tagsFilesByFolder.get(folder);
      if (tagsFile !== undefined) return tagsFile;
    }
    return undefined;
  }
}

/** The name keys of a term, folded once per parsed term: ranking asks for them on every keystroke. */
const nameKeysCache = new WeakMap<GlossaryTerm, string[]>();

function nameKeysOf(term: GlossaryTerm): string[] {
  let keys = nameKeysCache.get(term);
  if (keys === undefined) nameKeysCache.set(term, (keys = [...new Set(namesOf(term).map(nameKey))]));
  return keys;
}

/** A relative path's folder: `a/b/c.md` → `a/b`, `a` → ``. */
function parentPath(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

/** The folder of a site's file up to which its folders count: the site's own, or for a file of a content folder outside it (`../docs`), the folder both lie in. */
function topFolderOf(site: Site, uri: string): string {
  const root = site.rootUri.replace(/\/$/, '');
  if (uri.startsWith(`${root}/`)) return root;
  let common = root;
  while (common.includes('/') && !uri.startsWith(`${common}/`)) common = common.slice(0, common.lastIndexOf('/'));
  return common;
}

/** Every name a term is known by, in prose and in wiki links. */
function namesOf(term: Pick<GlossaryTerm, 'id' | 'title' | 'aliases'>): string[] {
  return [term.title, ...term.aliases, term.id];
}

function sameTermNames(a: GlossaryTerm | undefined, b: GlossaryTerm | undefined): boolean {
  return a === undefined || b === undefined ? a === b : sameNames(a, b);
}

/** Whether two readings of a file have the same front-matter keys and values (both there). */
export function sameFrontMatterValues(a: ParsedDocument | undefined, b: ParsedDocument | undefined): boolean {
  const valuesOf = (document: ParsedDocument | undefined) => JSON.stringify(document?.frontMatter?.fields.map((field) => [field.key, field.value]) ?? null);
  return a !== undefined && b !== undefined && valuesOf(a) === valuesOf(b);
}

function sameTargets(a: LinkTargets, b: LinkTargets): boolean {
  const same = (x: string[], y: string[]) => x.length === y.length && x.every((value, position) => value === y[position]);
  return same(a.uris, b.uris) && same(a.ids, b.ids) && same(a.names, b.names);
}

function sameNames(a: GlossaryTerm, b: GlossaryTerm): boolean {
  const namesA = namesOf(a);
  const namesB = namesOf(b);
  return a.idFromFileName === b.idFromFileName && namesA.length === namesB.length && namesA.every((name, index) => name === namesB[index]) && namesFromDefinition(a) === namesFromDefinition(b);
}
