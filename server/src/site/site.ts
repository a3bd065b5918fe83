import { posix } from 'node:path';
import { composed } from '../common/text';
import { readerFor, type Reader } from '../common/generator';
import { safeDecode, uriPath, withPath } from '../common/uris';
import type { FrontMatterField } from '../parsing/frontMatterFields';
import { builtVersionsOf, docusaurusPageOf, localeBaseUrl, generatedIndexPathsOf, unknownIndexVersionPathsOf, versionFolderOf, versionPathsOf, type DocusaurusInstance, type DocusaurusSite } from './docusaurus';
import { hugoBundleRoleOf, hugoLanguageOfSegment, hugoPageOf, hugoReadsAsContent, type HugoSite } from './hugo';
import type { BrokenLinkPolicy, SitePage } from './siteTypes';

/**
 * A site a glossary belongs to: its generator's rules, with the configuration as read from its
 * folder (or assumed from the layout). Every route, id, locale and "is this page built" comes
 * from here.
 */
export type Site = (
  | { generator: 'docusaurus'; docusaurus: DocusaurusSite }
  /** `now` decides which pages are published yet or expired already (`publishDate`, `expiryDate`). */
  | { generator: 'hugo'; hugo: HugoSite; now: Date }
) & {
  rootUri: string;
  /**
   * Set when no configuration says what the site is and the layout was taken for it: its rules
   * give the files in its content folders their routes, but a file outside them is not known to be
   * left out of the site, so it stays a term.
   */
  assumed?: true;
  /**
   * Set on an assumed Docusaurus site when another generator's configuration lies beside it
   * (`mkdocs.yml`, Jekyll's `_config.yml`): its `.md` pages are not known to be read as MDX.
   */
  otherGeneratorBeside?: true;
};

/** Whether the site builds a file: its page is published; a file outside an assumed site's content counts as built. */
export function isBuiltOn(site: Site | undefined, page: SitePage | undefined): boolean {
  return page === undefined ? site === undefined || site.assumed === true : page.published;
}

/** The page a file makes on the site whose folder holds it; undefined outside every site and its content folders. */
export function sitePageOf(sites: readonly Site[], uri: string, fields: readonly FrontMatterField[]): SitePage | undefined {
  const site = siteOf(sites, uri);
  return site === undefined ? undefined : sitePageOn(site, uri, fields);
}

/** The `_index` files of the Hugo sections above a file, nearest first, in a language: see `hugoPageOf`. */
export type HugoSectionsAbove = (uri: string, language: string) => Array<{ uri: string; fields: readonly FrontMatterField[] }>;

/** What the index knows of the files around a Hugo content file, which shape its page. */
export interface HugoFilesAround {
  sectionsAbove: HugoSectionsAbove;
  /** The names of the files that may head a bundle (`index.md`, `_index.de.md`, ...) in a folder, by its decoded path. */
  bundleHeadersIn: (folderPath: string) => Iterable<string>;
  /** Whether the index holds a document at a URI. */
  holds?: (uri: string) => boolean;
}

/** The page a file makes on a site that holds it (see `siteOf`); in Hugo, with what the sections above it cascade and what the bundles around it make of it, when `around` says. */
export function sitePageOn(site: Site, uri: string, fields: readonly FrontMatterField[], around?: HugoFilesAround): SitePage | undefined {
  const rootPath = uriPath(site.rootUri).replace(/\/$/, '');
  const relativeOf = (fileUri: string) => pathInSite(site, fileUri);
  if (site.generator === 'docusaurus') return docusaurusPageOf(site.docusaurus, relativeOf(uri), fields);
  const relativePath = relativeOf(uri);
  const bundleRole = around && hugoBundleRoleOf(site.hugo, relativePath, (folder) => around.bundleHeadersIn(folder === '' ? rootPath : `${rootPath}/${folder}`));
  const absolutePath = uriPath(uri);
  // The same file with a language's suffix before its extension (`term.en.md` for `term.md`).
  const holds = around?.holds;
  const hasLanguageTwin = holds && ((code: string) => holds(uri.replace(/(\.[^./]+)$/, `.${code}$1`)));
  const page = hugoPageOf(site.hugo, relativePath, fields, site.now, { bundleRole, absolutePath, hasLanguageTwin });
  const sections = page === undefined || around === undefined ? [] : around.sectionsAbove(uri, page.locale);
  if (sections.length === 0) return page;
  const sectionFiles = sections.map((section) => ({ relativePath: relativeOf(section.uri), fields: section.fields }));
  return hugoPageOf(site.hugo, relativePath, fields, site.now, { sections: sectionFiles, bundleRole, absolutePath, hasLanguageTwin });
}

/** How the file at `uri` is read on a site that holds it: Hugo reads only its content folders' files, Docusaurus with its `markdown.format`. */
export function readerOn(site: Site, uri: string): Reader | undefined {
  if (site.generator === 'docusaurus') return readerFor('docusaurus', site.docusaurus.markdownFormat);
  return hugoReadsAsContent(site.hugo, pathInSite(site, uri)) ? 'hugo' : undefined;
}

/**
 * The decoded paths of the folders whose files the site's generator reads: Docusaurus's docs
 * folders, their versions' and translations', the blog's and the pages'; Hugo's content folders and
 * what is mounted into them. The generator reads what is there, whatever `.gitignore` says.
 */
export function foldersReadBy(site: Site): string[] {
  const root = uriPath(site.rootUri).replace(/\/$/, '');
  // A folder holding the site's own (`path: '..'` with `include` choosing its files) is no folder of content as a whole.
  return readFolders(site, root).filter((folder) => !`${root}/`.startsWith(`${folder}/`));
}

function readFolders(site: Site, root: string): string[] {
  if (site.generator === 'hugo') {
    const folders = [...site.hugo.languages.filter((language) => !language.disabled).map((language) => language.contentDir), ...site.hugo.contentSubmounts.map((mount) => mount.source)];
    return folders.map((folder) => posix.resolve(root, folder));
  }
  const { docusaurus } = site;
  return [
    ...docusaurus.instances.flatMap((instance) => [instance.path, instance.id === 'default' ? 'versioned_docs' : `${instance.id}_versioned_docs`]).map((folder) => posix.resolve(root, folder)),
    `${root}/i18n`,
    ...[...docusaurus.contentFolders, ...docusaurus.pagesFolders.map((pages) => pages.uri)].map(uriPath),
  ];
}

/** A file's path from the site's folder: `../docs/intro.md` for a file of a content folder outside it. */
export function pathInSite(site: Site, uri: string): string {
  const rootPath = uriPath(site.rootUri).replace(/\/$/, '');
  const filePath = uriPath(uri);
  return filePath.startsWith(`${rootPath}/`) ? filePath.slice(rootPath.length + 1) : posix.relative(rootPath, filePath);
}

/** The site whose folder is the nearest to hold a file; else one whose content folder outside its folder holds it (`path: '../docs'`). */
export function siteOf(sites: readonly Site[], uri: string): Site | undefined {
  const path = uriPath(uri);
  let nearest: Site | undefined;
  for (const site of sites) {
    const root = `${uriPath(site.rootUri).replace(/\/$/, '')}/`;
    if (path.startsWith(root) && (nearest === undefined || root.length > uriPath(nearest.rootUri).length)) nearest = site;
  }
  return nearest ?? sites.find((site) => contentFoldersOutside(site).some((folder) => path.startsWith(`${folder}/`)));
}

/** The decoded paths of a site's content folders that lie outside its own folder: a monorepo's `website/` reading `../docs`. */
function contentFoldersOutside(site: Site): string[] {
  const relative = site.generator === 'hugo' ? site.hugo.languages.map((language) => language.contentDir) : site.docusaurus.instances.map((instance) => instance.path);
  const root = uriPath(site.rootUri).replace(/\/$/, '');
  return relative.filter((folder) => folder === '..' || folder.startsWith('../')).map((folder) => posix.join(root, folder));
}

/**
 * The URL paths a page is reached at: its permalink, and for a Docusaurus page of the default
 * locale the same page in every other locale (Docusaurus builds untranslated pages there too; a
 * translation, where there is one, is preferred by `pickForLocale`).
 */
export function reachablePermalinks(site: Site, page: SitePage): string[] {
  if (!page.published) return [];
  if (site.generator === 'hugo') return [decodedPermalink(site, page)];
  const { docusaurus } = site;
  if (page.locale !== docusaurus.defaultLocale) return [page.permalink];
  const others = docusaurus.locales.filter((locale) => locale !== docusaurus.defaultLocale);
  return [page.permalink, ...others.map((locale) => `${docusaurus.baseUrl}${locale}${page.route}`)];
}

/** The locales the site builds, the default first. */
export function localesOf(site: Site): string[] {
  const defaultLocale = defaultLocaleOf(site);
  const all = site.generator === 'hugo' ? site.hugo.languages.filter((language) => !language.disabled).map((language) => language.code) : site.docusaurus.locales;
  return [defaultLocale, ...all.filter((locale) => locale !== defaultLocale)];
}

/** The locale a page without a translation falls back to: Hugo's `defaultContentLanguage`, Docusaurus's `defaultLocale`. */
export function defaultLocaleOf(site: Site): string {
  return site.generator === 'hugo' ? site.hugo.defaultContentLanguage : site.docusaurus.defaultLocale;
}

/** The locale a URL path is in: its first segment, when the site has that locale. */
export function localeOfPath(site: Site, path: string): string {
  if (site.generator === 'hugo') {
    const { hugo } = site;
    const first = (path.startsWith(hugo.basePath) ? path.slice(hugo.basePath.length) : path.replace(/^\//, '')).split('/')[0].toLowerCase();
    return hugo.languages.some((language) => language.code === first) ? first : hugo.defaultContentLanguage;
  }
  const { docusaurus } = site;
  const rest = path.startsWith(docusaurus.baseUrl) ? path.slice(docusaurus.baseUrl.length) : path.replace(/^\//, '');
  const first = rest.split('/')[0];
  return first !== docusaurus.defaultLocale && docusaurus.locales.includes(first) ? first : docusaurus.defaultLocale;
}

/**
 * The URL path a link written in a page reaches, as the built site resolves it: a relative link
 * against the page's URL; an absolute one with the base URL and the page's locale put in front, as
 * Docusaurus's `<Link>` does unless the link has them (a file outside the docs is taken to be
 * in the default locale). Undefined for URLs, anchors only, and relative links from pages that are
 * not built.
 */
export function linkedPath(site: Site, from: Pick<SitePage, 'published' | 'permalink' | 'locale'> | undefined, target: string): string | undefined {
  const path = safeDecode(target.replace(/[?#].*$/, ''));
  if (path === '' || /^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) return undefined;
  if (!path.startsWith('/')) {
    if (!from?.published) return undefined;
    return new URL(encodeURI(path), `https://site${encodeURI(decodedPermalink(site, from))}`).pathname.split('/').map(safeDecode).join('/');
  }
  // Hugo writes links as they are, but where `canonifyURLs` or `relativeURLs` put the base path before one from the root.
  if (site.generator === 'hugo') return site.hugo.rewritesRootLinks ? `${hugoBasePathOf(site.hugo, from)}${path.slice(1)}` : path;
  const { docusaurus } = site;
  const locale = from?.locale ?? docusaurus.defaultLocale;
  const localeBase = localeBaseUrl(docusaurus, locale);
  // The build's base URL without its final slash is the base URL (`/base` for `/base/`).
  if (path === localeBase.replace(/\/$/, '')) return localeBase;
  return path.startsWith(localeBase) ? path : `${localeBase}${path.slice(1)}`;
}

/** The path a Hugo page's language is served below: its own `baseURL`'s on a host of its own, else the site's. */
export function hugoBasePathOf(hugo: HugoSite, page: Pick<SitePage, 'locale'> | undefined): string {
  return hugo.languages.find((language) => language.code === page?.locale)?.basePath ?? hugo.basePath;
}

/**
 * A page's permalink as links are read, decoded (`linkedPath`): Hugo writes it percent-encoded, as
 * its `RelPermalink` (`/blog/%C3%BCber-uns/` for the slug `über-uns`), Docusaurus as it is.
 */
export function decodedPermalink(site: Site, page: Pick<SitePage, 'permalink'>): string {
  return site.generator === 'hugo' ? safeDecode(page.permalink) : page.permalink;
}

/**
 * A URL path as the built site matches it: without the final slash, which Docusaurus's broken-link
 * check ignores, and composed (NFC). Its case counts: the check takes a link to a built page only
 * at the page's own path (`/docs/INTRO` does not reach `/docs/intro`), as a web server does.
 */
export function permalinkKey(path: string): string {
  return composed(path.replace(/\/+$/, ''));
}

/**
 * The section of the site a URL path lies in, as a key: the docs instance's base path (with base URL
 * and locale) and the first folder below it (`/de/docs/glossar`), or the base alone for a page
 * directly in it. Undefined outside the docs (the blog, static files, pages of other plugins, tag
 * and generated category pages), where a link is not ours to judge, and at the top level of docs
 * served at the site's root, which they share with the blog and the pages of `src/pages`.
 */
export function docsSectionOf(site: Site, path: string): string | undefined {
  return site.generator === 'hugo' ? hugoSectionOf(site.hugo, path) : docusaurusSectionOf(site, path)?.key;
}

/**
 * Whether a URL path lies outside what a Docusaurus build of a locale (the default one unless named)
 * makes: every route it has is below the locale's base URL (`/base/`, `/base/fr/`), and its check
 * of links reports a relative URL that climbs above it (`../../docs/x` from `/base/blog/a/` leads to
 * `/docs/x`), ignoring case and a final slash as its router does.
 */
export function outsideDocusaurusBuild(site: Pick<DocusaurusSite, 'baseUrl' | 'defaultLocale'>, path: string, locale = site.defaultLocale): boolean {
  return !`${path.replace(/\/+$/, '')}/`.toLowerCase().startsWith(localeBaseUrl(site, locale).toLowerCase());
}

/**
 * Whether a URL path lies at a Docusaurus site's top level, outside its docs, where only the pages
 * plugins' files make pages: every plugin and theme is one whose routes are known, and the path is
 * in none of the folders of routes not modelled (the blog's, the search page's). A static file is
 * no route to Docusaurus's check of links (`static/alt/index.html` does not make `/alt` one).
 */
export function inKnownTopLevel(site: Site, path: string): boolean {
  // No route of the build is above the base URL: where a relative URL climbs (`/docs/x` from `../../docs/x` on `/base/blog/a/`).
  if (site.generator === 'docusaurus' && site.assumed !== true && outsideDocusaurusBuild(site.docusaurus, path)) return true;
  const folders = site.generator === 'docusaurus' && site.assumed !== true ? site.docusaurus.routeFoldersOutsideDocs : undefined;
  if (site.generator !== 'docusaurus' || folders === undefined) return false;
  const { docusaurus } = site;
  const locale = localeOfPath(site, path);
  const localeBase = localeBaseUrl(docusaurus, locale);
  if (!path.startsWith(localeBase)) return false;
  const rest = path.slice(localeBase.length).replace(/\/+$/, '');
  const within = (folder: string) => folder === '' || rest === folder || rest.startsWith(`${folder}/`);
  return rest !== '' && !docusaurus.instances.some((instance) => within(instance.routeBasePath)) && !folders.some(within);
}

/**
 * The folder, from the site's folder, that would hold the docs of a Docusaurus section a URL path
 * lies in (`/docs/guides/bar` → `docs/guides`; a version's or a top-level page's → the docs
 * folder's own entry): where the workspace would hold its pages. None below docs served at the site's root.
 */
export function docsSectionFolderOf(site: Site, path: string): string | undefined {
  return site.generator === 'docusaurus' ? docusaurusSectionOf(site, path)?.folder : hugoSectionFolderOf(site.hugo, path);
}

/** A pattern's first folder made of a date's numbers and what is no letter (`:year`, `:year-:month`): it writes no letter. */
const NUMBERS_OF_DATE = /^(?::(?:year|month|day|weekday|yearday)|[^:\p{L}])+$/u;

/**
 * The content folder of a Hugo section a URL path lies in (`content/guides` for `/guides/x/`), where
 * only that folder can make pages there: Hugo makes them of content alone, but for its taxonomies'
 * and the folders a permalink pattern writes to. Undefined where content may come from elsewhere
 * (modules, mounts) or a language is not told by the path (multihost).
 */
function hugoSectionFolderOf(hugo: HugoSite, path: string): string | undefined {
  if (hugo.importsModules || hugo.multihost || !hugo.readsContentFolder || hugo.contentMountSources.length > 0 || hugo.contentSubmounts.length > 0) return undefined;
  if (!path.startsWith(hugo.basePath)) return undefined;
  const segments = path.slice(hugo.basePath.length).split('/').filter((segment) => segment !== '');
  const prefixed = hugoLanguageOfSegment(hugo, segments[0]);
  if (prefixed !== undefined) segments.shift();
  if (segments.length < 2) return undefined;
  const top = safeDecode(segments[0]);
  // A pattern of a section no content folder has writes no page.
  const patterns = [hugo.permalinks, ...hugo.languages.map((language) => language.permalinks ?? {})]
    .flatMap((permalinks) => Object.entries(permalinks))
    .filter(([section]) => !hugo.contentlessPatternSections.has(section));
  // A pattern that starts with `:section` or `:sections` (Docsy's `blog = "/:section/:year/…"`) writes into its own section's folder.
  const firstFolder = ([section, pattern]: [string, string]) => {
    const first = pattern.split('/').find((part) => part !== '')?.toLowerCase();
    return first === ':section' || first === ':sections' ? section : first;
  };
  const written = new Set(patterns.map(firstFolder));
  // A pattern that starts with an attribute (`/:slug/…`) may write pages into any folder; one that starts with
  // a date's numbers (`/:year/:month/…`, letsencrypt.org's posts), only into folders without a letter.
  // A taxonomy's pages are judged as the terms the pages give it (see `hugoPathsBesidePages`).
  const writesInto = (first: string | undefined) => first?.startsWith(':') === true && (!NUMBERS_OF_DATE.test(first) || !/\p{L}/u.test(top));
  if ([...written].some(writesInto) || hugo.taxonomies.has('*') || written.has(top.toLowerCase())) return undefined;
  const language = prefixed ?? hugo.languages.find((candidate) => candidate.code === hugo.defaultContentLanguage);
  return [language?.contentDir ?? hugo.contentDir, top].filter((part) => part !== '').join('/');
}

function docusaurusSectionOf(site: Extract<Site, { generator: 'docusaurus' }>, path: string): { key: string; folder?: string } | undefined {
  const { docusaurus } = site;
  const locale = localeOfPath(site, path);
  const localeBase = localeBaseUrl(docusaurus, locale);
  if (!path.startsWith(localeBase)) return undefined;
  const rest = `/${path.slice(localeBase.length)}`;
  for (const instance of [...docusaurus.instances].sort((a, b) => b.routeBasePath.length - a.routeBasePath.length)) {
    const base = instance.routeBasePath === '' ? '' : `/${instance.routeBasePath}`;
    if (base !== '' && rest !== base && !rest.startsWith(`${base}/`)) continue;
    const below = rest.slice(base.length);
    // Each version has its own tag and category pages: `/docs/next/category/guide` as `/docs/category/guide`.
    const versionPath = versionPathsOf(instance).find((candidate) => below === `/${candidate}` || below.startsWith(`/${candidate}/`));
    const belowVersion = versionPath === undefined ? below : below.slice(versionPath.length + 1);
    if (isGeneratedDocsPage(belowVersion, instance) || generatedIndexPathsOf(instance).includes(below.replace(/\/$/, '')) || unknownIndexVersionPathsOf(instance).includes(versionPath ?? '')) return undefined;
    const segments = below.split('/').filter((segment) => segment !== '');
    // Docs served at the site's root share its top level with the blog and the pages of `src/pages`.
    if (base === '' && segments.length <= 1) return undefined;
    const key = permalinkKey(`${localeBase}${base.slice(1)}/${segments.length > 1 ? segments[0] : ''}`);
    // Below docs served at the site's root, a first folder may be the blog's or a page's too: no folder of the docs' alone.
    if (base === '') return { key };
    const folder = segments.length > 1 ? safeDecode(segments[0]) : '';
    return { key, folder: [instance.path, folder].filter((part) => part !== '').join('/') };
  }
  return undefined;
}

/** What the pages plugin builds a page from: React components and Markdown (`src/pages/tools.tsx`, `…/tools/index.md`). */
const PAGE_FILE_EXTENSIONS = ['.js', '.jsx', '.ts', '.tsx', '.md', '.mdx'];

/**
 * The files a pages plugin would build the page at a URL path from (`/kennisbank/tools` →
 * `src/pages/kennisbank/tools.tsx`, `src/pages/kennisbank/tools/index.md`, …), in any locale's
 * build; undefined where a plugin's `routeBasePath` is computed, so any path may be its.
 */
export function pagesPluginFilesAt(site: Site, path: string): string[] | undefined {
  if (site.generator !== 'docusaurus') return [];
  const { docusaurus } = site;
  const locale = localeOfPath(site, path);
  const localeBase = localeBaseUrl(docusaurus, locale);
  if (!path.startsWith(localeBase)) return [];
  const rest = path.slice(localeBase.length).replace(/[?#].*$/s, '');
  const files: string[] = [];
  for (const pages of docusaurus.pagesFolders) {
    if (pages.routeBasePath === undefined) return undefined;
    const base = pages.routeBasePath.replace(/^\/+|\/+$/g, '');
    if (base !== '' && rest !== base && !rest.startsWith(`${base}/`)) continue;
    const below = safeDecode(base === '' ? rest : rest.slice(base.length)).replace(/^\/+|\/+$/g, '');
    // The plugin leaves out `_` files and folders, tests and `__tests__` folders.
    if (below.split('/').some((segment) => segment.startsWith('_'))) continue;
    const folder = uriPath(pages.uri);
    const stems = below === '' ? ['index'] : [below, `${below}/index`];
    for (const stem of stems) {
      for (const extension of PAGE_FILE_EXTENSIONS) if (!(/\.test$/.test(stem) && /^\.[jt]sx?$/.test(extension))) files.push(withPath(pages.uri, posix.join(folder, stem + extension)));
    }
  }
  return files;
}

/**
 * Whether a URL path lies where a version of a docs instance would be served that the site does not
 * build (`onlyIncludeVersions`, `includeCurrentVersion: false`): no page is there, whatever the
 * workspace holds.
 */
export function inUnbuiltVersion(site: Site, path: string): boolean {
  if (site.generator !== 'docusaurus') return false;
  const { docusaurus } = site;
  const locale = localeOfPath(site, path);
  const localeBase = localeBaseUrl(docusaurus, locale);
  if (!path.startsWith(localeBase)) return false;
  const rest = path.slice(localeBase.length);
  return docusaurus.instances.some((instance) => {
    const built = builtVersionsOf(instance);
    const unbuilt = ['current', ...instance.versions].filter((version) => !built.includes(version));
    return unbuilt.some((version) => {
      const versionPath = instance.versionPaths?.[version] ?? (version === 'current' ? 'next' : version);
      const base = [instance.routeBasePath, versionPath].filter((part) => part !== '').join('/');
      return versionPath !== '' && (rest === base || rest.startsWith(`${base}/`));
    });
  });
}

/** Hugo: the base path, the language's folder and the first folder below it. */
function hugoSectionOf(hugo: HugoSite, path: string): string | undefined {
  if (!path.startsWith(hugo.basePath)) return undefined;
  const segments = path.slice(hugo.basePath.length).split('/').filter((segment) => segment !== '');
  const language = hugoLanguageOfSegment(hugo, segments[0]) !== undefined ? [segments.shift()!] : [];
  const section = segments.length > 1 ? [segments[0]] : [];
  return permalinkKey(`${hugo.basePath}${[...language, ...section].join('/')}/`);
}

/** What the build does with a broken link: Docusaurus's `onBrokenLinks`; Hugo does not check links. */
export function brokenLinkPolicyOf(site: Site): BrokenLinkPolicy {
  return site.generator === 'docusaurus' ? site.docusaurus.onBrokenLinks : 'ignore';
}

/**
 * The folders Docusaurus also looks for a Markdown file link in, after the linking file's own: the
 * folders of the linking doc's version (its locale's translations first), then the site folder.
 * For a file that is no doc, every docs folder.
 */
export function markdownLinkFolders(site: Site, from?: SitePage): string[] {
  if (site.generator === 'hugo') return [];
  const root = uriPath(site.rootUri).replace(/\/$/, '');
  const instance = site.docusaurus.instances.find((candidate) => candidate.id === from?.instance);
  if (from === undefined || instance === undefined) return [...site.docusaurus.instances.map((each) => (each.path === '' ? root : posix.join(root, each.path))), root];
  const plugin = instance.id === 'default' ? 'docusaurus-plugin-content-docs' : `docusaurus-plugin-content-docs-${instance.id}`;
  const versionFolder = from.version === 'current' ? 'current' : `version-${from.version}`;
  const versioned = versionFolderOf(instance, from.version);
  return [posix.join(root, 'i18n', from.locale, plugin, versionFolder), versioned === '' ? root : posix.join(root, versioned), root];
}

/** Pages the docs plugin makes without a file: tag pages (below its `tagsBasePath`; anywhere where that is computed) and generated category indexes. */
function isGeneratedDocsPage(pathBelowBase: string, instance: DocusaurusInstance): boolean {
  if (pathBelowBase === '' || pathBelowBase === '/' || instance.tagsBasePath === false) return true;
  const tags = `/${instance.tagsBasePath ?? 'tags'}`;
  return pathBelowBase === tags || pathBelowBase.startsWith(`${tags}/`) || /^\/category(?:\/|$)/.test(pathBelowBase);
}

/** The capitalised components of the classic theme's MDX components (`@theme/MDXComponents`). */
export const DOCUSAURUS_MDX_COMPONENTS = ['Head', 'Details'];

/** A Docusaurus site with every setting at its default, its docs in `docsPath` below `rootUri`. */
export function defaultDocusaurusSite(rootUri: string, docsPath = 'docs'): Extract<Site, { generator: 'docusaurus' }> {
  return {
    generator: 'docusaurus',
    rootUri,
    docusaurus: {
      baseUrl: '/',
      defaultLocale: 'en',
      locales: ['en'],
      instances: [{ id: 'default', path: docsPath, routeBasePath: 'docs', versions: [], parsesNumberPrefixes: true }],
      onBrokenLinks: 'throw',
      onBrokenMarkdownLinks: 'warn',
      onBrokenMarkdownImages: 'throw',
      onBrokenAnchors: 'warn',
      anchorsMaintainCase: false,
      staticFolders: undefined,
      contentFolders: [],
      contentFoldersChoosingFiles: [],
      pagesFolders: [],
      blogs: [],
      trailingSlash: undefined,
      markdownFormat: 'mdx',
      mdx1Compat: true,
      mdxComponents: [...DOCUSAURUS_MDX_COMPONENTS],
      tabItemNeedsTabs: true,
    },
  };
}

/**
 * The site assumed for a file when none was configured: a default Docusaurus site whose docs
 * folder is the nearest folder named `docs` above the file; none without one.
 */
export function assumedSiteFor(uri: string): Site | undefined {
  const path = uriPath(uri);
  const docs = path.lastIndexOf('/docs/');
  if (docs === -1) return undefined;
  return { ...defaultDocusaurusSite(withPath(uri, path.slice(0, docs)), 'docs'), assumed: true };
}

