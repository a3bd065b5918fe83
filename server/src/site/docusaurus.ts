import * as l10n from '@vscode/l10n';
import { compileGlobs, expandBraces, type PathMatcher } from '../common/glob';
import { ownCopy } from '../common/text';
import { posix } from 'node:path';
import { uriPath, withPath } from '../common/uris';
import type { FrontMatterField } from '../parsing/frontMatterFields';
import { TAGS_FILE_NAME } from '../parsing/tagsFile';
import type { BrokenLinkPolicy, PostsPerPage, SitePage, UnpublishedReason } from './siteTypes';

/**
 * What Docusaurus's docs plugin makes of each file: doc id, route, locale, whether it is built.
 * Computed as the plugin computes it (docs/site.md has the rules and the real builds that prove
 * them); pure: the configuration and the versions are read by `workspace/site.ts`.
 */

export interface DocusaurusInstance {
  /** The plugin id: `default` for the classic preset's docs. */
  id: string;
  /** The docs folder, relative to the site folder, without leading or trailing slash. */
  path: string;
  /** Without slashes: `docs`; `''` serves the docs at the site root. */
  routeBasePath: string;
  /** From `versions.json` (or `<id>_versions.json`), newest first; empty without versions. */
  versions: string[];
  /**
   * The versions the plugin builds, `current` among them (its options `includeCurrentVersion`,
   * `disableVersioning`, `onlyIncludeVersions`), the one served without a version in its path
   * (`lastVersion`), and paths given to versions (`versions.<name>.path`). Absent: the defaults.
   */
  builtVersions?: string[];
  /** The names of each version's sidebars (`displayed_sidebar` must name one), where they are known. */
  sidebarNames?: Record<string, string[]>;
  /** By version: the `slug`s its sidebars file and the `_category_` files of its generated sidebar give their categories' index pages. */
  generatedIndexSlugs?: Record<string, string[]>;
  /** The versions whose sidebars file computes parts (an import, a call), which may place more index pages: no route of theirs that no doc has is judged. */
  generatedIndexesUnknown?: string[];
  lastVersion?: string;
  versionPaths?: Record<string, string>;
  /** The plugin's `include` and `exclude` globs, relative to a version's folder; its defaults when not given. */
  include?: string[];
  exclude?: string[];
  /** False when the plugin's `numberPrefixParser` is `false`: `01-Intro.md` keeps its prefix. */
  parsesNumberPrefixes: boolean;
  /** A setting that may change how MDX reads its pages (a remark plugin, a preprocessor): their MDX is then not judged. */
  mdxSyntaxChangedBy?: string;
  /** A setting that may give headings other ids than Docusaurus's heading plugin (a rehype plugin): anchors on its pages are then not judged. */
  headingIdsChangedBy?: string;
  /**
   * An option the configuration computes that chooses which docs (`exclude: isProd ? […] : []`) or
   * which versions other than the current one (`onlyIncludeVersions: versions.slice(0, 1)`) the
   * build reads: whether it reads a page is not known, so no failed build is predicted from it.
   */
  filesChosenBy?: string;
  versionsChosenBy?: string;
  /** The plugin's `onInlineTags`; `throw` fails the build on a tag the tags file does not declare. */
  onInlineTags?: BrokenLinkPolicy;
  /** The route folder of the tags' pages below a version's route (`tagsBasePath`); absent: `tags`; `false`: computed, any folder may be it. */
  tagsBasePath?: string | false;
  /** The tags file each version's folder holds (its `tags` option), relative to the folder; absent: `tags.yml`; `false`: none is read, or which is not known. */
  tagsFile?: string | false;
}

export interface DocusaurusSite {
  /** With leading and trailing slash: `/` or `/glossar/`. */
  baseUrl: string;
  defaultLocale: string;
  locales: string[];
  instances: DocusaurusInstance[];
  onBrokenLinks: BrokenLinkPolicy;
  onBrokenMarkdownLinks: BrokenLinkPolicy;
  /** `markdown.hooks.onBrokenMarkdownImages`; `throw` (the default) fails the build on an image that names no file. */
  onBrokenMarkdownImages: BrokenLinkPolicy;
  /** `onBrokenAnchors`; `warn` (the default) reports a link to an anchor no element of its page has, `throw` fails the build. */
  onBrokenAnchors: BrokenLinkPolicy;
  /** `markdown.anchors.maintainCase`: heading ids keep the heading's case. */
  anchorsMaintainCase: boolean;
  /**
   * The URIs of the folders absolute paths of images and files are looked for in
   * (`staticDirectories`, by default `static`); undefined where the configuration computes them, or
   * the site is assumed, not configured: such paths are then not judged.
   */
  staticFolders: string[] | undefined;
  /** The URIs of the blog and pages plugins' folders (see `DocusaurusConfigFacts.contentFolders`). */
  contentFolders: string[];
  /** The URIs of the folders of blog and pages plugins whose options choose the files (see `DocusaurusConfigFacts.contentFoldersChoosingFiles`). */
  contentFoldersChoosingFiles: string[];
  /** The URIs of the pages plugins' folders, with their `routeBasePath` (see `DocusaurusConfigFacts.pagesFolders`). */
  pagesFolders: Array<{ uri: string; routeBasePath: string | undefined; translations?: string }>;
  /** The blogs whose routes are known, with their folders' URIs (see `DocusaurusConfigFacts.blogs`). */
  blogs: Array<{ uri: string; routeBasePath: string; listFolders: string[]; ownTruncateMarker?: true; postsPerPage?: PostsPerPage; translations?: string; authorPages?: AuthorPages; tagsFile?: string | false; onInlineTags?: BrokenLinkPolicy }>;
  /** A setting that may change how MDX reads the pages of the blog and pages plugins: their MDX is then not judged. */
  contentMdxChangedBy?: string;
  /** `onDuplicateRoutes`; `throw` fails the build on two pages at one route. */
  onDuplicateRoutes?: BrokenLinkPolicy;
  /** `undefined` keeps each route as computed; `true`/`false` adds or removes the final slash. */
  trailingSlash: boolean | undefined;
  /** How `.md` files are compiled: as MDX (Docusaurus 3's default), as CommonMark, or by extension. */
  markdownFormat: 'mdx' | 'md' | 'detect';
  /** Whether MDX 1's syntax is still read (`markdown.mdx1Compat`); false with `future: { v4: true }`. */
  mdx1Compat: boolean;
  /** The components every page may use without importing them; undefined when the site defines its own (`src/theme/MDXComponents`, a theme of its own). */
  mdxComponents: string[] | undefined;
  /** Where the site provides `@theme/Tabs` or `@theme/TabItem` itself (`src/theme/Tabs`, a theme of its own): their checks are its own, not judged. */
  tabsProvidedBy?: string;
  /** Whether a `TabItem` needs a `Tabs` around it (`useTabsContext`), as from Docusaurus 3.10 on; before, it renders alone. */
  tabItemNeedsTabs: boolean;
  /** Set where the configuration computes its plugins or presets (`plugins: docsPlugins`): a docs instance of its own may read any folder. */
  instancesComputed?: true;
  /**
   * Where the routes outside the docs are known: the route folders below the base URL whose routes
   * are not modelled (the blog's, the search page); elsewhere only the pages plugins' files make
   * pages. Undefined where a plugin or theme may make any.
   */
  routeFoldersOutsideDocs?: string[];
}

/** Where a file lies in a Docusaurus site: which instance, version and locale folder. */
interface DocsPlace {
  instance: DocusaurusInstance;
  version: string;
  locale: string;
  /** The path below the version's folder, as in the default locale: `10_Glossar/02-Beta.md`. */
  source: string;
  /** Set for files under `i18n/<locale>/`. */
  translated: boolean;
}

/** The page of a file, or undefined for a file outside every docs folder of the site. */
export function docusaurusPageOf(site: DocusaurusSite, relativePath: string, fields: readonly FrontMatterField[]): SitePage | undefined {
  const place = placeOf(site, relativePath);
  if (place === undefined) return undefined;
  const { instance, version, locale, source } = place;
  const unpublished = (reason: UnpublishedReason): SitePage => ({
    generator: 'docusaurus',
    locale,
    instance: instance.id,
    version,
    docId: '',
    translationKey: translationKeyOf(place),
    published: false,
    unpublishedReason: reason,
    unlisted: false,
    permalink: '',
    route: '',
    problems: [],
  });
  const segments = source.split('/');
  const fileName = segments[segments.length - 1];
  if (!readsDocsFile(instance, segments)) return unpublished(instance.exclude === undefined && segments.some((segment) => segment.startsWith('_')) ? 'underscore' : 'excluded');
  if (!site.locales.includes(locale)) return unpublished('unknown-locale');
  if (!builtVersionsOf(instance).includes(version)) return unpublished('excluded');

  const value = (key: string) => fields.find((field) => field.key === key)?.value;
  const problems: SitePage['problems'] = [];
  const folders = segments.slice(0, -1);
  const stem = fileName.replace(/\.mdx?$/i, '');
  const parsesPrefixes = instance.parsesNumberPrefixes && value('parse_number_prefixes') !== false;
  const strippedFolders = parsesPrefixes ? folders.map(withoutNumberPrefix) : folders;
  const declaredId = typeof value('id') === 'string' ? (value('id') as string) : undefined;
  const baseId = declaredId ?? (parsesPrefixes ? withoutNumberPrefix(stem) : stem);
  // Kept with the page of every file: one flat string, not the parts it was joined from.
  const docId = strippedFolders.length === 0 ? baseId : ownCopy(`${strippedFolders.join('/')}/${baseId}`);
  // A draft keeps its id: a sidebar may name it (Docusaurus leaves it out of the sidebar in a build).
  if (isTrue(value('draft'))) return { ...unpublished('draft'), docId };

  const slug = typeof value('slug') === 'string' ? (value('slug') as string) : undefined;
  const folderSlug = strippedFolders.length === 0 ? '/' : `/${strippedFolders.join('/')}/`;
  let docSlug: string;
  if (slug?.startsWith('/')) docSlug = slug;
  else if (slug === undefined && isCategoryIndex(stem, folders)) docSlug = folderSlug;
  else docSlug = resolvedPath(slug ?? baseId, folderSlug);
  if (!isValidPathname(docSlug)) {
    problems.push({ key: slug === undefined ? 'id' : 'slug', message: l10n.t('Docusaurus refuses to build: "{0}" is no valid route for this document.', docSlug) });
  }
  const localePrefix = locale === site.defaultLocale ? '' : `${locale}/`;
  const versionPath = versionPathOf(instance, version);
  const route = withTrailingSlashPolicy(joinedUrl(['/', instance.routeBasePath, versionPath, docSlug]), site.trailingSlash);
  const permalink = withTrailingSlashPolicy(joinedUrl([site.baseUrl, localePrefix, instance.routeBasePath, versionPath, docSlug]), site.trailingSlash, joinedUrl([site.baseUrl, localePrefix]));
  return {
    generator: 'docusaurus',
    locale,
    instance: instance.id,
    version,
    docId,
    translationKey: translationKeyOf(place),
    published: true,
    unlisted: isTrue(value('unlisted')),
    permalink,
    route,
    problems,
  };
}

/**
 * The files (from the site's) where the docs plugin looks for the tags file of a doc's version, in
 * order (`getTagsFile`): the file its `tags` option names (by default `tags.yml`) in the locale's
 * translated folder, then in the version's own; none where the option reads no file; undefined for
 * a file of no docs folder.
 */
export function docsTagsFiles(site: DocusaurusSite, relativePath: string): string[] | undefined {
  const place = placeOf(site, relativePath);
  if (place === undefined) return undefined;
  const name = place.instance.tagsFile ?? TAGS_FILE_NAME;
  if (name === false) return [];
  const own = relativePath.slice(0, relativePath.length - place.source.length).replace(/\/$/, '');
  const { instance, version } = place;
  const versioned = instance.id === 'default' ? 'versioned_docs' : `${instance.id}_versioned_docs`;
  const original = version === 'current' ? (instance.path === '.' ? '' : instance.path) : `${versioned}/version-${version}`;
  // An untranslated doc is built in the default locale with that locale's translated folder first, which may hold a tags file of its own.
  const plugin = instance.id === 'default' ? 'docusaurus-plugin-content-docs' : `docusaurus-plugin-content-docs-${instance.id}`;
  const defaultLocaleFolder = `i18n/${site.defaultLocale}/${plugin}/${version === 'current' ? 'current' : `version-${version}`}`;
  return (place.translated ? [own, original] : [defaultLocaleFolder, own]).map((folder) => posix.join(folder, name));
}

/**
 * The files (URIs) where a blog plugin looks for the tags file of a post, in order: the file its
 * `tags` option names (by default `tags.yml`) in the locale's translated folder, for a translated
 * post, then in the blog's folder; none where the option reads no file; undefined for a file of no
 * blog whose routes are known.
 */
export function blogTagsFiles(site: DocusaurusSite, siteRootUri: string, uri: string): string[] | undefined {
  const translated = contentTranslationSource(site, siteRootUri, uri);
  const blog = site.blogs.find((candidate) => (translated?.uri ?? uri).startsWith(`${candidate.uri}/`));
  if (blog === undefined) return undefined;
  const name = blog.tagsFile ?? TAGS_FILE_NAME;
  if (name === false) return [];
  // An untranslated post is built in the default locale with that locale's translated folder first (`getDataFilePath`), which may hold a tags file of its own.
  const locale = translated?.locale ?? (blog.translations === undefined ? undefined : site.defaultLocale);
  const folders = locale === undefined ? [blog.uri] : [`${siteRootUri.replace(/\/$/, '')}/i18n/${locale}/${blog.translations}`, blog.uri];
  return folders.map((folder) => fileIn(folder, name));
}

/** A file (URI) by its path relative to a folder (URI). */
function fileIn(folderUri: string, relativePath: string): string {
  return withPath(folderUri, posix.join(uriPath(folderUri), relativePath));
}

/**
 * The tags files (URIs) the `tags` options of a site's docs and blog plugins name other than
 * `tags.yml`: in each content folder the plugin reads (each version's), and in each locale's
 * translated one.
 */
export function namedTagsFiles(site: DocusaurusSite, siteRootUri: string): string[] {
  const root = siteRootUri.replace(/\/$/, '');
  const files: string[] = [];
  for (const instance of site.instances) {
    const name = instance.tagsFile;
    if (name === undefined || name === false || name === TAGS_FILE_NAME) continue;
    const plugin = instance.id === 'default' ? 'docusaurus-plugin-content-docs' : `docusaurus-plugin-content-docs-${instance.id}`;
    for (const version of builtVersionsOf(instance)) {
      const versionFolder = version === 'current' ? 'current' : `version-${version}`;
      const own = version === 'current' ? instance.path : `${instance.id === 'default' ? 'versioned_docs' : `${instance.id}_versioned_docs`}/${versionFolder}`;
      for (const folder of [own, ...site.locales.map((locale) => `i18n/${locale}/${plugin}/${versionFolder}`)]) files.push(fileIn(folder === '' || folder === '.' ? root : `${root}/${folder}`, name));
    }
  }
  for (const blog of site.blogs) {
    const name = blog.tagsFile;
    if (name === undefined || name === false || name === TAGS_FILE_NAME) continue;
    const translated = blog.translations === undefined ? [] : site.locales.map((locale) => `${root}/i18n/${locale}/${blog.translations}`);
    for (const folder of [blog.uri, ...translated]) files.push(fileIn(folder, name));
  }
  return files;
}

function translationKeyOf(place: DocsPlace): string {
  return ownCopy(`${place.instance.id}@${place.version}:${place.source}`);
}

/** Whether a site-relative path lies in a locale's translations of the docs (`i18n/<locale>/docusaurus-plugin-content-docs…/`). */
export function isDocsTranslation(relativePath: string): boolean {
  return /^i18n\/[^/]+\/docusaurus-plugin-content-docs(?:-[^/]+)?\//.test(relativePath);
}

/** Which instance, version and locale folder a site-relative path is in. */
function placeOf(site: DocusaurusSite, relativePath: string): DocsPlace | undefined {
  const i18n = /^i18n\/([^/]+)\/docusaurus-plugin-content-docs(?:-([^/]+))?\/(current|version-[^/]+)\/(.+)$/.exec(relativePath);
  if (i18n !== null) {
    const [, locale, pluginId = 'default', versionFolder, source] = i18n;
    const instance = site.instances.find((candidate) => candidate.id === pluginId);
    if (instance === undefined) return undefined;
    const version = versionFolder === 'current' ? 'current' : versionFolder.slice('version-'.length);
    return { instance, version, locale, source, translated: true };
  }
  for (const instance of site.instances) {
    const versioned = instance.id === 'default' ? 'versioned_docs/' : `${instance.id}_versioned_docs/`;
    if (relativePath.startsWith(versioned)) {
      const match = /^version-([^/]+)\/(.+)$/.exec(relativePath.slice(versioned.length));
      if (match !== null) return { instance, version: match[1], locale: site.defaultLocale, source: match[2], translated: false };
    }
    const folder = instance.path === '' || instance.path === '.' ? '' : `${instance.path}/`;
    if (relativePath.startsWith(folder)) return { instance, version: 'current', locale: site.defaultLocale, source: relativePath.slice(folder.length), translated: false };
  }
  return undefined;
}

/** The docs plugin's defaults: Markdown files, but not `_` files and folders or tests. */
const DEFAULT_INCLUDE = ['**/*.{md,mdx}'];
const DEFAULT_EXCLUDE = ['**/_*.{js,jsx,ts,tsx,md,mdx}', '**/_*/**', '**/*.test.{js,jsx,ts,tsx}', '**/__tests__/**'];

interface FileSelection {
  included: PathMatcher;
  excluded: PathMatcher;
  /** The `exclude` globs fast-glob also skips folders by: those ending in `/**` or in a name without wildcards. */
  excludedFolder: PathMatcher;
}

const fileSelections = new WeakMap<DocusaurusInstance, FileSelection>();

/**
 * `readsDocsFile` with the default globs, by hand (every file of a site is asked, and the globs
 * took 10 µs a file): Markdown and MDX files, with case, but none whose name or folder is hidden or
 * starts with `_`, and no test files.
 */
function readsByDefault(segments: string[]): boolean {
  const fileName = segments[segments.length - 1];
  if (!/\.mdx?$/.test(fileName) || fileName.startsWith('_')) return false;
  return !segments.some((segment) => segment.startsWith('.') || segment.startsWith('_'));
}

/** Glob syntax of micromatch the matcher does not read: extglobs (`@(a|b)`) and number ranges (`{0..9}`). */
const UNREAD_GLOB = /[@!+*?]\(|\{-?\d+\.\.-?\d+\}/;

/** Globby's `expandDirectories`: a glob without wildcards whose last name has no extension is taken for a folder, and its files too. */
function withFolderContents(glob: string): string[] {
  const last = glob.slice(glob.lastIndexOf('/') + 1);
  return /[*?[{]/.test(glob) || last.includes('.') ? [glob] : [glob, `${glob.replace(/\/+$/, '')}/**`];
}

/** Whether fast-glob reads a name of a glob as written: no wildcard, class, group or escape. */
function isStaticName(name: string): boolean {
  return !/[*?\\]|^!|\[[^[]*\]|(?:^|[^!*+?@])\([^(|]*\|[^|]*\)|[!*+?@]\([^(]*\)/.test(name);
}

/**
 * Whether the plugin reads a file (its path's segments below the version's folder): Globby
 * (fast-glob) lists `include` with `exclude` as `ignore`. Globs match with case and, in `include`,
 * not names starting with a dot; `exclude` takes such names too, and its globs that end in `/**` or
 * name a folder keep the walk out of the folders they match, with whatever lies below them.
 */
export function readsDocsFile(instance: DocusaurusInstance, segments: string[]): boolean {
  if (instance.include === undefined && instance.exclude === undefined) return readsByDefault(segments);
  let selection = fileSelections.get(instance);
  if (selection === undefined) {
    // Globby reads a `!` glob of `ignore` as the glob without it. A glob in a syntax the matcher does
    // not have (extglobs, number ranges) is left out of `exclude`, and makes `include` the default:
    // a page taken for one is a finding missed, a page taken for none a false one.
    const exclude = (instance.exclude ?? DEFAULT_EXCLUDE).map((glob) => glob.replace(/^!+/, '')).filter((glob) => !UNREAD_GLOB.test(glob));
    const include = instance.include?.some((glob) => UNREAD_GLOB.test(glob)) ? DEFAULT_INCLUDE : (instance.include ?? DEFAULT_INCLUDE).flatMap(withFolderContents);
    const folderGlobs = exclude.flatMap((glob) => expandBraces(glob)).filter((glob) => glob.endsWith('/**') || isStaticName(glob.slice(glob.lastIndexOf('/') + 1)));
    selection = {
      included: compileGlobs(include, undefined, { caseSensitive: true, dot: false }),
      excluded: compileGlobs(exclude, undefined, { caseSensitive: true, dot: true }),
      excludedFolder: compileGlobs(folderGlobs, undefined, { caseSensitive: true, dot: false }),
    };
    fileSelections.set(instance, selection);
  }
  const source = segments.join('/');
  if (!selection.included(source) || selection.excluded(source)) return false;
  for (let end = 1; end < segments.length; end++) if (selection.excludedFolder(segments.slice(0, end).join('/'), true)) return false;
  return true;
}

/**
 * A file or folder name without its number prefix (`01-Intro` → `Intro`, `06 - Name` → `Name`,
 * `10_Glossar` → `Glossar`). Names whose prefix is followed by another number, as dates and
 * versions are (`2024-01-01-notes`, `1.0-release`, `01-3D-Druck`), and names that would be left
 * empty keep their digits, as in Docusaurus.
 */
export function withoutNumberPrefix(name: string): string {
  if (/^\d+[-_.]\d/.test(name)) return name;
  const match = /^\d+\s*[-_.]+\s*([^-_.\s].*)$/.exec(name);
  return match === null ? name : match[1];
}

/** `index`, `README` or the folder's own name (as written, prefix included), in any case. */
export function isCategoryIndex(stem: string, folders: string[]): boolean {
  const lower = stem.toLowerCase();
  const folder = folders[folders.length - 1];
  return lower === 'index' || lower === 'readme' || (folder !== undefined && folder.toLowerCase() === lower);
}

/** A relative slug resolved against a folder path, as a browser resolves a relative URL. */
function resolvedPath(path: string, base: string): string {
  const segments = base.split('/').slice(1, -1);
  const parts = path.split('/');
  for (const [position, part] of parts.entries()) {
    if (part === '..') segments.pop();
    else if (part !== '.') segments.push(part);
    else if (position === parts.length - 1) segments.push('');
  }
  if (parts[parts.length - 1] === '..') segments.push('');
  return `/${segments.join('/')}`;
}

const PLAIN_PATHNAME = /^(?!\/\/)(?:\/(?!\.\.?(?:\/|$))[\w.~-]*)+$/;

/** As Docusaurus checks it: a URL path that reads back as itself (no `?`, `#`, `..`). */
function isValidPathname(path: string): boolean {
  if (!path.startsWith('/')) return false;
  // Segments of these characters, none of them `.` or `..`, read back as themselves: no URL to parse (10k pages: ~80 ms).
  if (PLAIN_PATHNAME.test(path)) return true;
  try {
    const parsed = new URL(path, 'https://domain.com').pathname;
    return parsed === path || parsed === encodeURI(path);
  } catch {
    return false;
  }
}

/** The versions the plugin builds, `current` first: by default, `current` and every version of `versions.json`. */
export function builtVersionsOf(instance: DocusaurusInstance): string[] {
  return instance.builtVersions ?? ['current', ...instance.versions];
}

/** A version's part of its routes: its own `path`, else none for the last version, `next` for `current`, else its name. */
function versionPathOf(instance: DocusaurusInstance, version: string): string {
  const path = instance.versionPaths?.[version];
  if (path !== undefined) return path;
  const last = instance.lastVersion ?? builtVersionsOf(instance).find((name) => name !== 'current') ?? 'current';
  return version === last ? '' : version === 'current' ? 'next' : version;
}

/** The parts of their routes the versions the instance builds have (`next`, `1.0`), but the one served without. */
export function versionPathsOf(instance: DocusaurusInstance): string[] {
  // A path is written as the user likes it (`/dev/`); Docusaurus joins it with single slashes.
  return builtVersionsOf(instance)
    .map((version) => versionPathOf(instance, version).replace(/^\/+|\/+$/g, ''))
    .filter((versionPath) => versionPath !== '');
}

/** The folder of a version's docs, from the site's folder: the instance's own for `current`, else `versioned_docs/version-<name>` (`<id>_versioned_docs/…` for another instance). */
export function versionFolderOf(instance: DocusaurusInstance, version: string): string {
  return version === 'current' ? instance.path : `${instance.id === 'default' ? '' : `${instance.id}_`}versioned_docs/version-${version}`;
}

/**
 * The docs version whose tag page a URL path would be, in the default locale (a locale's docs may
 * give other tags): `/docs/tags/x` for the version served without a path, `/docs/next/tags/x`; with
 * the tag's permalink below the tags' route (`/x`). Undefined elsewhere, and for the list of tags.
 */
export function docsTagPagePlace(site: DocusaurusSite, path: string): { instance: DocusaurusInstance; version: string; permalink: string } | undefined {
  if (!path.startsWith(site.baseUrl)) return undefined;
  const rest = `/${path.slice(site.baseUrl.length).replace(/\/+$/, '')}`;
  for (const instance of [...site.instances].sort((a, b) => b.routeBasePath.length - a.routeBasePath.length)) {
    const base = instance.routeBasePath === '' ? '' : `/${instance.routeBasePath}`;
    if (!rest.startsWith(`${base}/`)) continue;
    // A tags' folder the configuration computes may be any: no tag page of the instance is judged.
    if (instance.tagsBasePath === false) return undefined;
    for (const version of builtVersionsOf(instance)) {
      const versionPath = versionPathOf(instance, version).replace(/^\/+|\/+$/g, '');
      const tags = `${base}${versionPath === '' ? '' : `/${versionPath}`}/${instance.tagsBasePath ?? 'tags'}/`;
      if (rest.startsWith(tags) && rest.length > tags.length) return { instance, version, permalink: rest.slice(tags.length - 1) };
    }
    return undefined;
  }
  return undefined;
}

/** The paths below the instance's route base of the category index pages its `_category_` files place by `slug`: `/glossar-uebersicht`, `/1.0/alt`. */
export function generatedIndexPathsOf(instance: DocusaurusInstance): string[] {
  return Object.entries(instance.generatedIndexSlugs ?? {}).flatMap(([version, slugs]) => slugs.map((slug) => `/${joinedUrl([versionPathOf(instance, version), slug]).replace(/^\/+|\/+$/g, '')}`));
}

/** The paths below the instance's route base of the versions whose index pages are not all known (see `generatedIndexesUnknown`): `''` for the one served without. */
export function unknownIndexVersionPathsOf(instance: DocusaurusInstance): string[] {
  return (instance.generatedIndexesUnknown ?? []).map((version) => versionPathOf(instance, version).replace(/^\/+|\/+$/g, ''));
}

/** URL parts joined with single slashes; the last part's final slash is kept. */
/** A blog whose routes are known (see `DocusaurusSite.blogs`). */
export type KnownBlog = DocusaurusSite['blogs'][number];

/** The authors of a blog's authors map who have a page (`page: true`, `page: { permalink }`), by key, with the page's permalink below the blog's folder of authors. */
export type AuthorPages = ReadonlyMap<string, string>;

/**
 * The author pages a blog's authors map gives (see `AuthorPages`): an author's `page: true` is at
 * the key in kebab case, `page: { permalink }` at its permalink. Undefined for a map that is not an
 * object of authors, which Docusaurus refuses.
 */
export function authorPagesOf(map: unknown, kebabCase: (key: string) => string): AuthorPages | undefined {
  if (typeof map !== 'object' || map === null || Array.isArray(map)) return undefined;
  const pages = new Map<string, string>();
  for (const [key, author] of Object.entries(map)) {
    if (typeof author !== 'object' || author === null) return undefined;
    const page = (author as { page?: unknown }).page;
    if (page === true) pages.set(key, kebabCase(key));
    else if (typeof page === 'object' && page !== null && typeof (page as { permalink?: unknown }).permalink === 'string') pages.set(key, (page as { permalink: string }).permalink.replace(/^\/+/, ''));
  }
  return pages;
}

/**
 * The URL of a page of the list of the posts of an author with a page, in a locale's build: the
 * author's permalink below the blog's folder of authors (`/blog/authors/jo`, `/blog/authors/jo/page/2`).
 */
export function blogAuthorListUrl(site: DocusaurusSite, blog: KnownBlog, permalink: string, page: number, locale: string): string {
  const [, pagesFolder, , authorsFolder] = blog.listFolders;
  return localizedUrl(site, locale, joinedUrl([site.baseUrl, blog.routeBasePath, authorsFolder, permalink, ...(page === 1 ? [] : [pagesFolder, String(page)])]));
}

/**
 * The blog a URL path would be a post of, and the locale whose build serves the path: below a
 * blog's route folder, in the default locale or below another's folder (`/fr/blog/…`), but not the
 * blog's own page nor below the folders of its lists (tags, pages of posts, archive, authors).
 * Undefined elsewhere, and in another locale where the blog's translations are not followed (their
 * posts may take other slugs).
 */
export function blogOfPostPath(site: DocusaurusSite, path: string): { blog: KnownBlog; locale: string } | undefined {
  if (!path.startsWith(site.baseUrl)) return undefined;
  let rest = path.slice(site.baseUrl.length).replace(/\/+$/, '');
  const locale = site.locales.find((candidate) => candidate !== site.defaultLocale && (rest === candidate || rest.startsWith(`${candidate}/`))) ?? site.defaultLocale;
  if (locale !== site.defaultLocale) rest = rest.slice(locale.length + 1);
  const blog = site.blogs.find((candidate) => rest.startsWith(`${candidate.routeBasePath}/`) && !candidate.listFolders.some((list) => rest === `${candidate.routeBasePath}/${list}` || rest.startsWith(`${candidate.routeBasePath}/${list}/`)));
  return blog === undefined || (locale !== site.defaultLocale && blog.translations === undefined) ? undefined : { blog, locale };
}

/** The blog whose folder holds a file, or the file it translates (`i18n/fr/docusaurus-plugin-content-blog/…`). */
export function blogOfFile(site: DocusaurusSite, siteRootUri: string, uri: string): KnownBlog | undefined {
  const source = contentTranslationSource(site, siteRootUri, uri)?.uri ?? uri;
  return site.blogs.find((candidate) => source.startsWith(`${candidate.uri}/`));
}

/** The file a locale's build reads in place of a file of a blog or pages plugin: its translation there where there is one (see `contentPageTranslations`), else the file. */
export function contentFileReadIn(site: DocusaurusSite, siteRootUri: string, uri: string, locale: string, isFile: (uri: string) => boolean): string {
  const translation = contentPageTranslations(site, siteRootUri, uri)[site.locales.indexOf(locale)];
  return translation !== undefined && isFile(translation) ? translation : uri;
}

/** A post's path in its blog that holds its date (`2024-01-31-hallo.md`, `2024/01/31/hallo/index.md`): the last date in it. */
const DATED_POST = /^(?<folder>.*)(?<date>\d{4}[-/]\d{1,2}[-/]\d{1,2})[-/]?(?<text>.*?)(?:\/index)?\.mdx?$/;

/**
 * The route of a blog post, as Docusaurus's blog plugin makes it: its `slug`, else the file's path
 * below the blog's folder without extension (`index` dropped), a date in it (`2024-01-31-hallo.md`,
 * `2024/01/31/hallo/index.md`) put first as `2024/01/31/`; below the base URL and the blog's route folder.
 */
export function blogPostRoute(site: DocusaurusSite, blog: KnownBlog, postUri: string, fields: readonly FrontMatterField[]): string {
  const pathInBlog = uriPath(postUri).slice(uriPath(blog.uri).replace(/\/$/, '').length + 1);
  const slugField = fields.find((field) => field.key === 'slug')?.value;
  const dated = DATED_POST.exec(pathInBlog);
  const slug = typeof slugField === 'string' ? slugField : dated !== null ? `/${dated.groups!.date.replace(/-/g, '/')}/${dated.groups!.folder}${dated.groups!.text}` : `/${pathInBlog.replace(/(?:\/index)?\.mdx?$/, '')}`;
  return joinedUrl([site.baseUrl, blog.routeBasePath, slug]);
}

/**
 * The URL a blog's post is read at in a locale's build (the default locale's unless named), as its
 * relative URLs resolve against it: its route (see `blogPostRoute`, from the front matter of the
 * file that build reads, `fields`), below the locale's base URL, with or without a final slash as
 * `trailingSlash` asks; undefined for a file the blog does not build (a draft, a partial).
 */
export function blogPostUrl(site: DocusaurusSite, uri: string, fields: readonly FrontMatterField[], locale = site.defaultLocale): string | undefined {
  const blog = site.blogs.find((candidate) => uri.startsWith(`${candidate.uri}/`));
  if (blog === undefined || !compiledByContentPlugin(site, uri, fields)) return undefined;
  return localizedUrl(site, locale, blogPostRoute(site, blog, uri, fields));
}

/**
 * The URL a Markdown page of a pages plugin is read at in a locale's build, as its relative URLs
 * resolve against it: its `slug` below the plugin's route, else its file's path
 * (`src/pages/hilfe/faq.md` at `/hilfe/faq`, `…/hilfe/index.md` at `/hilfe/`), below the locale's
 * base URL, with or without a final slash as `trailingSlash` asks; undefined for a file the plugin
 * does not build, or where its route is computed.
 */
export function markdownPageUrl(site: DocusaurusSite, uri: string, fields: readonly FrontMatterField[], locale = site.defaultLocale): string | undefined {
  const pages = site.pagesFolders.find((candidate) => uri.startsWith(`${candidate.uri}/`));
  if (pages?.routeBasePath === undefined || !compiledByContentPlugin(site, uri, fields)) return undefined;
  const slug = fields.find((field) => field.key === 'slug')?.value;
  const path = uriPath(uri).slice(uriPath(pages.uri).replace(/\/$/, '').length + 1).replace(/\.mdx?$/i, '');
  // An index page is its folder's (`hilfe/index.md` at `/hilfe/`).
  const below = typeof slug === 'string' ? slug : `/${path}`.replace(/\/index$/, '/');
  return localizedUrl(site, locale, joinedUrl([site.baseUrl, pages.routeBasePath, below]));
}

/**
 * For each post of a list of a blog's posts (`posts`, with their dates, see `blogPostDate`), the
 * URLs of the list's pages one of which shows it (`pageUrl`: the blog's own list, `/blog`,
 * `/blog/page/2`, or a tag's, `/blog/tags/x`). A list shows the newest first, `postsPerPage` to a
 * page: the post's page where every date is known, else the first page and a later one, which
 * reads a relative URL as every later page does. Undefined where the options compute how many
 * posts a page shows.
 */
export function blogListUrlsByPost(blog: KnownBlog, posts: ReadonlyArray<{ uri: string; date: number | undefined }>, pageUrl: (page: number) => string): Map<string, string[]> | undefined {
  const perPage = blog.postsPerPage === 'ALL' ? Infinity : blog.postsPerPage;
  if (perPage === undefined) return undefined;
  const newestFirst = posts.every((post) => post.date !== undefined) ? posts.map((post) => post.date!).sort((a, b) => b - a) : undefined;
  // How many dates of the list, newest first, come before the first one that `before` does not take.
  const countWhile = (dates: number[], before: (date: number) => boolean) => {
    let low = 0;
    for (let high = dates.length; low < high; ) {
      const middle = (low + high) >> 1;
      if (before(dates[middle])) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return new Map(
    posts.map(({ uri, date }) => {
      let first = 1;
      let last = Math.ceil(posts.length / perPage);
      if (newestFirst !== undefined) {
        // Of posts of the same date, the list keeps the order it read them in: any of those places.
        const newer = countWhile(newestFirst, (other) => other > date!);
        const same = countWhile(newestFirst, (other) => other >= date!) - newer - 1;
        first = Math.floor(newer / perPage) + 1;
        last = Math.floor((newer + same) / perPage) + 1;
      }
      return [uri, [...(first === 1 ? [pageUrl(1)] : []), ...(last > 1 ? [pageUrl(Math.max(first, 2))] : [])]];
    }),
  );
}

/**
 * A post's date as its blog sorts it: its front matter's `date` (`fields`, of the file the build
 * reads), else the date its path in the blog's folder holds (`uri`, `2024-01-31-hallo.md`); undefined
 * where it is neither, or a time without a zone (read in one way or another by YAML and by
 * JavaScript), and the blog takes it from Git or the file.
 */
export function blogPostDate(blog: KnownBlog, uri: string, fields: readonly FrontMatterField[]): number | undefined {
  const written = fields.find((field) => field.key === 'date')?.value;
  if (written !== undefined) {
    if (typeof written !== 'string' || /\d:\d\d(?::\d\d(?:\.\d+)?)?$/.test(written.trim())) return undefined;
    const time = Date.parse(written);
    return Number.isNaN(time) ? undefined : time;
  }
  const date = DATED_POST.exec(uriPath(uri).slice(uriPath(blog.uri).replace(/\/$/, '').length + 1))?.groups!.date;
  const [year, month, day] = date === undefined ? [] : date.split(/[-/]/).map(Number);
  return date === undefined ? undefined : Date.UTC(year, month - 1, day);
}

/** The URL of a page of a blog's list of posts, in a locale's build (the default locale's unless named): `/blog`, `/blog/page/2`, `/fr/blog`. */
export function blogListUrl(site: DocusaurusSite, blog: KnownBlog, page: number, locale = site.defaultLocale): string {
  // The second of the list folders is the one of the later pages (`pageBasePath`).
  const parts = page === 1 ? [site.baseUrl, blog.routeBasePath] : [site.baseUrl, blog.routeBasePath, blog.listFolders[1], String(page)];
  return localizedUrl(site, locale, joinedUrl(parts));
}

/**
 * The URL of a page of the list of a blog's posts with a tag, in a locale's build: the tag's
 * `permalink` below the blog's folder of tags (`/blog/tags/alpha`, `/fr/blog/tags/alpha/page/2`).
 */
export function blogTagListUrl(site: DocusaurusSite, blog: KnownBlog, permalink: string, page: number, locale: string): string {
  const [tagsFolder, pagesFolder] = blog.listFolders;
  const parts = [site.baseUrl, blog.routeBasePath, tagsFolder, permalink, ...(page === 1 ? [] : [pagesFolder, String(page)])];
  return localizedUrl(site, locale, joinedUrl(parts));
}

/** The base URL of a locale's build: the site's, with the locale's folder below it for any but the default locale (`/base/fr/`). */
export function localeBaseUrl(site: Pick<DocusaurusSite, 'baseUrl' | 'defaultLocale'>, locale: string): string {
  return locale === site.defaultLocale ? site.baseUrl : `${site.baseUrl}${locale}/`;
}

/** A route below the site's base URL (`/base/blog/x`) in a locale's build (`/base/fr/blog/x`), with or without a final slash as `trailingSlash` asks. */
function localizedUrl(site: DocusaurusSite, locale: string, route: string): string {
  const base = localeBaseUrl(site, locale);
  return withTrailingSlashPolicy(`${base}${route.slice(site.baseUrl.length)}`, site.trailingSlash, base);
}

function joinedUrl(parts: string[]): string {
  const joined = parts.filter((part) => part !== '').join('/');
  return joined.replace(/\/{2,}/g, '/');
}

/** `path` with or without its final slash as `trailingSlash` asks; never `/`, nor the base URL of the page's locale (`/base/fr/`), as Docusaurus leaves them. */
function withTrailingSlashPolicy(path: string, trailingSlash: boolean | undefined, localeBaseUrl = '/'): string {
  if (trailingSlash === undefined || path === '/' || path === localeBaseUrl) return path;
  if (trailingSlash) return path.endsWith('/') ? path : `${path}/`;
  return path.endsWith('/') ? path.slice(0, -1) : path;
}

/** Whether a blog post is shown on its blog's lists of posts: not `unlisted`. */
export function listedPost(fields: readonly FrontMatterField[]): boolean {
  return !isTrue(fields.find((field) => field.key === 'unlisted')?.value);
}

/** Docusaurus reads `draft`, `unlisted` as booleans; Joi also converts the text `true`. */
function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.toLowerCase() === 'true');
}

/**
 * Whether a file lies where a blog or pages plugin may compile it that the model does not follow: in
 * a plugin whose options choose its files, or among a locale's translations of a plugin's pages
 * (`i18n/fr/docusaurus-plugin-content-blog/`), which that locale's build takes in place of the
 * originals. Its links to Markdown files are not judged.
 */
export function inUnmodelledContentPlugin(site: DocusaurusSite, siteRootUri: string, uri: string): boolean {
  if (site.contentFoldersChoosingFiles.some((folder) => uri.startsWith(`${folder}/`))) return true;
  const root = siteRootUri.replace(/\/$/, '');
  return uri.startsWith(`${root}/i18n/`) && /^[^/]+\/docusaurus-plugin-content-(?:blog|pages)(?:-[^/]+)?\//.test(uri.slice(root.length + '/i18n/'.length));
}

/** The locale of a translation of a blog post or a Markdown page (`i18n/<locale>/docusaurus-plugin-content-blog/…`) of a locale the site builds; undefined for any other file. */
export function contentTranslationLocaleOf(site: DocusaurusSite, siteRootUri: string, uri: string): string | undefined {
  const folder = translationFolderOf(site, siteRootUri, uri);
  return folder === undefined ? undefined : /\/i18n\/([^/]+)\/[^/]+$/.exec(folder)?.[1];
}

/**
 * The folder (URI) of a locale's translations of the default blog or pages plugin that a file lies
 * in (`i18n/fr/docusaurus-plugin-content-pages/`), for a locale the site has, where the site has
 * such a plugin: that locale's build compiles its files beside or in place of the originals.
 */
function translationFolderOf(site: DocusaurusSite, siteRootUri: string, uri: string): string | undefined {
  const i18n = `${siteRootUri.replace(/\/$/, '')}/i18n/`;
  const match = uri.startsWith(i18n) ? /^([^/]+)\/docusaurus-plugin-content-(?:blog|pages)\//.exec(uri.slice(i18n.length)) : null;
  return match !== null && site.locales.includes(match[1]) && site.contentFolders.length > 0 ? i18n + match[0].slice(0, -1) : undefined;
}

/**
 * Where each locale's build looks for a translation of a file of the default blog or pages plugin
 * (`i18n/<locale>/docusaurus-plugin-content-blog/<its path>`), the default locale's too: where one
 * is, that build reads it in the file's place. Empty for a file of no such plugin.
 */
export function contentPageTranslations(site: DocusaurusSite, siteRootUri: string, uri: string): string[] {
  const plugin = [...site.blogs, ...site.pagesFolders].find((candidate) => uri.startsWith(`${candidate.uri}/`));
  if (plugin?.translations === undefined) return [];
  return site.locales.map((locale) => `${siteRootUri.replace(/\/$/, '')}/i18n/${locale}/${plugin.translations}${uri.slice(plugin.uri.length)}`);
}

/**
 * The file of a blog or pages plugin a translation (`i18n/fr/docusaurus-plugin-content-blog/x.md`)
 * takes the place of in its locale's build, the file at its path in the plugin's folder, with that
 * locale; undefined for any other file or a locale the site does not build.
 */
export function contentTranslationSource(site: DocusaurusSite, siteRootUri: string, uri: string): { uri: string; locale: string } | undefined {
  const i18n = `${siteRootUri.replace(/\/$/, '')}/i18n/`;
  if (!uri.startsWith(i18n)) return undefined;
  const [locale, folder, ...path] = uri.slice(i18n.length).split('/');
  const plugin = [...site.blogs, ...site.pagesFolders].find((candidate) => candidate.translations === folder);
  return plugin === undefined || path.length === 0 || !site.locales.includes(locale) ? undefined : { uri: `${plugin.uri}/${path.join('/')}`, locale };
}

/** The folder (URI) of the blog or pages plugin a file lies in: that plugin compiles it, or the MDX of its pages imports it. */
export function contentPluginFolderOf(site: DocusaurusSite, uri: string): string | undefined {
  return site.contentFolders.find((candidate) => uri.startsWith(`${candidate}/`));
}

/**
 * Whether the blog or pages plugin compiles a Markdown file: one in its folder, but for what its
 * default `exclude` leaves out (`_` files and folders, `__tests__`), hidden files (its globs skip
 * them) and drafts (left out of a production build).
 */
export function compiledByContentPlugin(site: DocusaurusSite, uri: string, fields: readonly FrontMatterField[], siteRootUri?: string): boolean {
  const folder = contentPluginFolderOf(site, uri) ?? (siteRootUri === undefined ? undefined : translationFolderOf(site, siteRootUri, uri));
  // Their globs (`**/*.{md,mdx}`) match the extension's case only.
  if (folder === undefined || !/\.mdx?$/.test(uri)) return false;
  const segments = uriPath(uri).slice(uriPath(folder).length + 1).split('/');
  if (segments.some((segment) => segment.startsWith('_') || segment.startsWith('.') || segment === '__tests__')) return false;
  return !isTrue(fields.find((field) => field.key === 'draft')?.value);
}
